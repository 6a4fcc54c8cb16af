//! Interned strings: big sheets repeat the same station, activity and volunteer key on
//! hundreds of thousands of rows, so tables hold a 4-byte [`Sym`] instead of a `String`.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A handle to a string held by an [`Interner`]. Only meaningful with the interner that made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sym(pub u32);

/// Stores each distinct string once.
#[derive(Clone, Debug, Default)]
pub struct Interner {
    strings: Vec<Box<str>>,
    index: HashMap<Box<str>, Sym>,
}

impl Interner {
    pub fn new() -> Self {
        Self::default()
    }

    /// The symbol for `s`, adding it on first sight.
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.index.get(s) {
            return sym;
        }
        let sym = Sym(self.strings.len() as u32);
        self.strings.push(s.into());
        self.index.insert(s.into(), sym);
        sym
    }

    /// The symbol for `s` if it was interned before; never adds.
    pub fn lookup(&self, s: &str) -> Option<Sym> {
        self.index.get(s).copied()
    }

    /// The text behind `sym`. A symbol from another interner yields "" rather than panicking.
    pub fn get(&self, sym: Sym) -> &str {
        self.strings.get(sym.0 as usize).map(|s| &**s).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}

// Serialised as the plain list of strings; the index is rebuilt on load.
impl Serialize for Interner {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.strings.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Interner {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let strings: Vec<Box<str>> = Vec::deserialize(d)?;
        let index = strings
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), Sym(i as u32)))
            .collect();
        Ok(Self { strings, index })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_twice_gives_one_symbol_and_survives_serde() {
        let mut i = Interner::new();
        let a = i.intern("新桥社区");
        let b = i.intern("大丰社区");
        assert_eq!(i.intern("新桥社区"), a);
        assert_ne!(a, b);
        assert_eq!(i.len(), 2);
        let json = serde_json::to_string(&i).unwrap();
        assert_eq!(json, r#"["新桥社区","大丰社区"]"#);
        let back: Interner = serde_json::from_str(&json).unwrap();
        assert_eq!(back.lookup("大丰社区"), Some(b));
        assert_eq!(back.get(Sym(99)), "");
    }
}
