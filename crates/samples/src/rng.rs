//! A tiny seeded PRNG (SplitMix64) so sample data is the same on every machine and in
//! wasm, with no `rand` dependency.
//!
//! Invariant: the sequence depends only on the seed; nothing here reads the clock.

/// SplitMix64 (Steele, Lea, Flood 2014): one `u64` of state, passes BigCrush, and
/// good enough for sample data (not for anything secret).
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// A generator for one purpose (`stream`) derived from a seed, so adding rows to one
    /// table never changes the rows of another.
    pub fn derived(seed: u64, stream: u64) -> Rng {
        let mut base = Rng::new(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        Rng::new(base.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0). Lemire's multiply-shift: no modulo bias worth
    /// caring about for sample data.
    pub fn below(&mut self, n: usize) -> usize {
        let n64 = n as u64;
        ((u128::from(self.next_u64()) * u128::from(n64)) >> 64) as usize
    }

    /// Uniform in `lo..=hi` (`lo` when `hi < lo`).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        let off = ((u128::from(self.next_u64()) * u128::from(span)) >> 64) as u64;
        lo.saturating_add_unsigned(off)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice (`None` for an empty one).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// One element of `(item, weight)` rows, with probability proportional to its weight.
    pub fn weighted<'a, T>(&mut self, rows: &'a [(T, u32)]) -> Option<&'a T> {
        let total: u64 = rows.iter().map(|(_, w)| u64::from(*w)).sum();
        if total == 0 {
            return None;
        }
        let mut x = ((u128::from(self.next_u64()) * u128::from(total)) >> 64) as u64;
        for (item, w) in rows {
            let w = u64::from(*w);
            if x < w {
                return Some(item);
            }
            x -= w;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Reference values of SplitMix64 seeded with 1234567 (from the C reference code).
        let mut r = Rng::new(1234567);
        let got: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        assert_eq!(got, [6457827717110365317, 3203168211198807973, 9817491932198370423]);
    }

    #[test]
    fn helpers_stay_in_range() {
        let mut r = Rng::new(7);
        for _ in 0..10_000 {
            assert!(r.below(3) < 3);
            let x = r.range(-2, 5);
            assert!((-2..=5).contains(&x));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.range(5, 5), 5);
        assert_eq!(r.range(9, 1), 9);
        assert_eq!(r.pick::<u8>(&[]), None);
        assert_eq!(r.weighted::<u8>(&[(1, 0)]), None);
        // a zero weight is never chosen
        for _ in 0..1000 {
            assert_eq!(r.weighted(&[("a", 0), ("b", 3)]), Some(&"b"));
        }
    }
}
