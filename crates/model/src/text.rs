//! Interned strings: big sheets repeat the same station, activity and volunteer key on
//! hundreds of thousands of rows, so tables hold a 4-byte [`Sym`] instead of a `String`.
//!
//! Invariant: every distinct string is stored once, back to back in one buffer; the hash
//! table holds only 4-byte indices into it (a million-row import interns a few hundred
//! thousand strings, in wasm memory that never shrinks). `Option<Sym>` is 4 bytes too.

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};
use std::hash::BuildHasher;
use std::num::NonZeroU32;

/// A handle to a string held by an [`Interner`]. Only meaningful with the interner that made it.
/// Serialised as its index (0, 1, 2 …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(NonZeroU32);

impl Sym {
    /// The symbol of the `i`-th interned string; `None` past `u32::MAX - 1`.
    pub fn from_index(i: usize) -> Option<Sym> {
        u32::try_from(i).ok().and_then(|i| i.checked_add(1)).and_then(NonZeroU32::new).map(Sym)
    }

    /// Its position in the interner (0 for the first string): dense, so tables indexed by
    /// symbol can be plain vectors of `interner.len()` entries.
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

impl Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0.get() - 1)
    }
}

impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let i = u32::deserialize(d)?;
        Sym::from_index(i as usize).ok_or_else(|| serde::de::Error::custom("symbol index out of range"))
    }
}

/// Stores each distinct string once.
#[derive(Clone, Default)]
pub struct Interner {
    /// All strings, back to back.
    text: String,
    /// `ends[i]`: where string `i` ends in `text` (it starts where `i - 1` ends).
    ends: Vec<usize>,
    /// Indices into `ends`, found by the hash of their text.
    table: HashTable<u32>,
}

fn hash(s: &str) -> u64 {
    FxBuildHasher.hash_one(s)
}

impl Interner {
    pub fn new() -> Self {
        Self::default()
    }

    /// The string at index `i`, "" when out of range.
    fn at(&self, i: usize) -> &str {
        slice(&self.text, &self.ends, i)
    }

    /// The symbol for `s`, adding it on first sight.
    pub fn intern(&mut self, s: &str) -> Sym {
        let h = hash(s);
        let (text, ends) = (&self.text, &self.ends);
        if let Some(&i) = self.table.find(h, |&i| slice(text, ends, i as usize) == s) {
            return Sym::from_index(i as usize).unwrap_or(Sym(NonZeroU32::MIN));
        }
        let i = self.ends.len();
        // More than 4 billion distinct strings cannot be held in memory anyway (wasm has
        // 4 GiB); should it happen natively, later strings share the last symbol.
        let Some(sym) = Sym::from_index(i) else { return Sym(NonZeroU32::MAX) };
        self.text.push_str(s);
        self.ends.push(self.text.len());
        let (text, ends) = (&self.text, &self.ends);
        self.table.insert_unique(h, i as u32, |&j| hash(slice(text, ends, j as usize)));
        sym
    }

    /// The symbol for `s` if it was interned before; never adds.
    pub fn lookup(&self, s: &str) -> Option<Sym> {
        let (text, ends) = (&self.text, &self.ends);
        self.table.find(hash(s), |&i| slice(text, ends, i as usize) == s).and_then(|&i| Sym::from_index(i as usize))
    }

    /// The text behind `sym`. A symbol from another interner yields "" rather than panicking.
    pub fn get(&self, sym: Sym) -> &str {
        self.at(sym.index())
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every string, in symbol order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|i| self.at(i))
    }
}

/// String `i` of a buffer and its end offsets; "" when out of range.
fn slice<'a>(text: &'a str, ends: &[usize], i: usize) -> &'a str {
    let start = if i == 0 { Some(0) } else { ends.get(i - 1).copied() };
    match (start, ends.get(i)) {
        (Some(a), Some(&b)) => text.get(a..b).unwrap_or(""),
        _ => "",
    }
}

impl std::fmt::Debug for Interner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

// Serialised as the plain list of strings; the table is rebuilt on load.
impl Serialize for Interner {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Interner {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let strings: Vec<String> = Vec::deserialize(d)?;
        let mut out = Interner::new();
        for s in &strings {
            // Positions are symbols: a repeated string (never written by `serialize`)
            // still takes its own slot so later symbols keep their meaning.
            let i = out.ends.len();
            out.text.push_str(s);
            out.ends.push(out.text.len());
            let h = hash(s);
            let (text, ends) = (&out.text, &out.ends);
            if out.table.find(h, |&j| slice(text, ends, j as usize) == s).is_none() {
                out.table.insert_unique(h, i as u32, |&j| hash(slice(text, ends, j as usize)));
            }
        }
        Ok(out)
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
        assert_eq!(back.get(Sym::from_index(99).unwrap()), "");
        // symbols serialise as their index, as before the arena
        assert_eq!(serde_json::to_string(&b).unwrap(), "1");
        assert_eq!(serde_json::from_str::<Sym>("1").unwrap(), b);
    }

    #[test]
    fn many_strings_keep_their_symbols_through_growth() {
        let mut i = Interner::new();
        let syms: Vec<Sym> = (0..50_000).map(|n| i.intern(&format!("V{n:06}"))).collect();
        assert_eq!(i.len(), 50_000);
        for (n, s) in syms.iter().enumerate() {
            assert_eq!(s.index(), n);
            assert_eq!(i.get(*s), format!("V{n:06}"));
            assert_eq!(i.intern(&format!("V{n:06}")), *s);
        }
        assert_eq!(i.lookup("V999999"), None);
        // the empty string is a string like any other
        let e = i.intern("");
        assert_eq!(i.get(e), "");
        assert_eq!(i.lookup(""), Some(e));
    }

    #[test]
    fn an_option_of_a_symbol_takes_no_more_room_than_the_symbol() {
        assert_eq!(std::mem::size_of::<Option<Sym>>(), 4);
    }
}
