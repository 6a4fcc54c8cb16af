//! A share (ratio threshold) held exactly in basis points, so "registered ≥ 13 % of 12 345
//! residents" is decided and its gap counted in integers, never with float error.
//!
//! In profile JSON a share is written as the plain fraction a clerk knows (`0.13`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Basis points per whole (1 = 10 000 bp).
pub const BP_PER_ONE: u32 = 10_000;

/// A fraction between 0 and 1 in basis points (0.13 = 1300 bp). Values over 1 can be read
/// from a hand-edited profile; `profile::validate()` reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Share {
    bp: u32,
}

impl Share {
    /// `Share::percent(13)` = 13 %.
    pub const fn percent(p: u32) -> Share {
        Share { bp: p.saturating_mul(100) }
    }

    pub const fn from_bp(bp: u32) -> Share {
        Share { bp }
    }

    pub fn bp(self) -> u32 {
        self.bp
    }

    /// The fraction as a float, for display and JSON (0.13).
    pub fn fraction(self) -> f64 {
        f64::from(self.bp) / f64::from(BP_PER_ONE)
    }

    /// Reads a fraction; `None` when it is not a finite number ≥ 0 or is absurdly large.
    pub fn from_fraction(x: f64) -> Option<Share> {
        if !(0.0..=100.0).contains(&x) {
            return None;
        }
        // x ≤ 100 so x × 10 000 ≤ 1 000 000 fits u32; the rounding removes float noise (0.7 → 7000).
        let bp = (x * f64::from(BP_PER_ONE)).round();
        Some(Share { bp: bp as u32 })
    }

    /// Is `part ÷ whole ≥ self`? Exact; `whole` = 0 is never met (callers report needs-input first).
    pub fn reached(self, part: u64, whole: u64) -> bool {
        whole > 0 && u128::from(part) * u128::from(BP_PER_ONE) >= u128::from(self.bp) * u128::from(whole)
    }

    /// The smallest count `n` with `n ÷ whole ≥ self`: ⌈self × whole⌉, exactly.
    pub fn needed(self, whole: u64) -> u64 {
        let num = u128::from(self.bp) * u128::from(whole);
        let den = u128::from(BP_PER_ONE);
        let n = num.div_ceil(den);
        u64::try_from(n).unwrap_or(u64::MAX)
    }

    /// How many more are needed beyond `part` (0 when reached).
    pub fn shortfall(self, part: u64, whole: u64) -> u64 {
        self.needed(whole).saturating_sub(part)
    }

    /// "13%" / "12.5%" for sentences.
    pub fn percent_text(self) -> String {
        if self.bp / 100 * 100 == self.bp {
            format!("{}%", self.bp / 100)
        } else {
            let s = format!("{:.2}", f64::from(self.bp) / 100.0);
            format!("{}%", s.trim_end_matches('0').trim_end_matches('.'))
        }
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.fraction())
    }
}

impl Share {
    /// A share read from JSON, or the message a hand-edited profile shows.
    pub(crate) fn read(x: f64) -> Result<Share, String> {
        Share::from_fraction(x).ok_or_else(|| {
            format!("比例应为 0 到 1 之间的小数（如 0.13），读到 {x} / a share must be a fraction such as 0.13")
        })
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Share::read(f64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needed_is_an_exact_ceiling() {
        let s = Share::percent(13);
        // 0.13 × 12 345 = 1604.85 → 1605
        assert_eq!(s.needed(12_345), 1605);
        // 0.13 × 100 = 13 exactly: no spurious +1 from float error
        assert_eq!(s.needed(100), 13);
        assert!(s.reached(13, 100));
        assert!(!s.reached(12, 100));
        assert_eq!(s.shortfall(1568, 12_345), 37);
        assert!(!s.reached(0, 0));
        // 0.7 read from JSON is 7000 bp, not 6999.999…
        assert_eq!(Share::from_fraction(0.7), Some(Share::from_bp(7000)));
        assert_eq!(Share::from_fraction(0.7).map(|s| s.needed(10)), Some(7));
        assert_eq!(Share::from_fraction(-0.1), None);
        assert_eq!(Share::percent(13).percent_text(), "13%");
        assert_eq!(Share::from_bp(1250).percent_text(), "12.5%");
        let json = serde_json::to_string(&Share::percent(13)).unwrap();
        assert_eq!(json, "0.13");
        let back: Share = serde_json::from_str("0.15").unwrap();
        assert_eq!(back, Share::percent(15));
    }
}
