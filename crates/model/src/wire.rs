//! Reading tagged enums (`{"kind": "corrupt", "detail": "…"}`) and flattened structs from
//! JSON without serde's buffer.
//!
//! Serde's derived reader of an internally or adjacently tagged enum, and of a struct with a
//! `#[serde(flatten)]` field, first buffers each object into its generic `Content` tree
//! (the tag may come last; the flattened fields are only known at the end) and compiles a
//! copy of that buffered reader for every type read through it (what that cost the wasm:
//! bench/HISTORY.md). Instead, a tagged enum is read through a flat struct of all its
//! fields, in any order, then checked per kind; a flattened struct through [`split_map`]. The written JSON stays serde's derived form, so saved profiles and
//! the CLI's output do not change; a missing field or an unknown kind gets serde's own
//! message ("missing field `min`"). One difference: a field of another kind is still ignored
//! when well-formed, but a malformed one is now reported (the derived reader skipped it).

use serde::de::value::{Error, MapAccessDeserializer, StringDeserializer};
use serde::de::{DeserializeSeed, Error as _, MapAccess, Unexpected};
use serde::Deserialize;

/// A field that must be there, or serde's "missing field" error in the reader's error type.
pub fn required<T, E: serde::de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

/// The same as the message a `try_from` conversion of a flat struct returns.
pub fn need<T>(value: Option<T>, field: &'static str) -> Result<T, String> {
    required::<T, Error>(value, field).map_err(|e| e.to_string())
}

/// Serde's "unknown variant `x`, expected one of …" message.
pub fn unknown(kind: &str, expected: &'static [&'static str]) -> String {
    Error::unknown_variant(kind, expected).to_string()
}

/// A whole number read as a JSON number (a field two kinds share with different types).
pub(crate) fn whole(x: f64) -> Result<u32, String> {
    if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) {
        Ok(x as u32)
    } else {
        Err(Error::invalid_value(Unexpected::Float(x), &"a whole number ≥ 0").to_string())
    }
}

/// Reads one JSON object holding the fields of two structs, the outer one's and those of
/// a `#[serde(flatten)]` inner one: `outer` reads the values of the keys it claims (returns
/// true) and every other key goes to the inner struct's derived reader, which is returned.
pub fn split_map<'de, A, T, F>(map: A, outer: F) -> Result<T, A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
    F: FnMut(&str, &mut A) -> Result<bool, A::Error>,
{
    T::deserialize(MapAccessDeserializer::new(Split { map, outer }))
}

/// For an `outer` closure of [`split_map`]: reads the value of a claimed key into its slot;
/// a key given twice is serde's "duplicate field" error, as the derived reader made it.
pub fn set<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    map: &mut A,
    field: &'static str,
) -> Result<bool, A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(field));
    }
    *slot = Some(map.next_value()?);
    Ok(true)
}

/// The inner struct's view of the object: the outer struct's keys taken out.
struct Split<A, F> {
    map: A,
    outer: F,
}

impl<'de, A, F> MapAccess<'de> for Split<A, F>
where
    A: MapAccess<'de>,
    F: FnMut(&str, &mut A) -> Result<bool, A::Error>,
{
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key::<String>()? {
            if !(self.outer)(&key, &mut self.map)? {
                return seed.deserialize(StringDeserializer::<A::Error>::new(key)).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_serdes_own() {
        assert_eq!(need(None::<u32>, "min"), Err("missing field `min`".to_string()));
        assert_eq!(need(Some(3), "min"), Ok(3));
        assert_eq!(unknown("x", &["a", "b"]), "unknown variant `x`, expected `a` or `b`");
        assert_eq!(whole(2.0), Ok(2));
        assert_eq!(whole(4_294_967_295.0), Ok(u32::MAX));
        for bad in [2.5, -1.0, 4_294_967_296.0, f64::NAN] {
            assert!(whole(bad).unwrap_err().contains("a whole number"), "{bad}");
        }
    }
}
