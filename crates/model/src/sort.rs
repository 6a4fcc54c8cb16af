//! One compiled stable sort for the lists the app shows (report and findings lists, the
//! short volunteers of an hours indicator, star levels, drafts).
//!
//! Why: every `slice::sort_by` call site compiles its own copy of the standard library's
//! stable sort (driftsort: ~5 KB of wasm each), and the app has a dozen such sites, each
//! run once per score or click on at most a roster's volunteers (100k at district scale).
//! Here the order is found by sorting row numbers with a `dyn` comparator, so the sort
//! itself is compiled once; only the short permutation loop is per element type. Code run
//! per activity or per row (`tags/dict.rs`) keeps `slice::sort*`: it sorts lists of a few
//! items where this function's allocation would cost more than the sort.
//!
//! Stable, like `slice::sort_by` (equal items keep their order); and stronger than it on a
//! comparator that panics: the slice is left exactly as it was, since items move only
//! after the order is known.

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp`, like `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    // Row numbers are u32 (half the memory of usize natively); no list shown comes near.
    let n = u32::try_from(v.len()).expect("sort: more than u32::MAX items");
    let mut order: Vec<u32> = (0..n).collect();
    {
        let items: &[T] = v;
        sort_rows(&mut order, &|a, b| cmp(&items[a as usize], &items[b as usize]));
    }
    permute(v, &mut order);
}

/// Stable sort of `v` by a key, like `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `v` in its natural order, like `v.sort()`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The one instance of the standard sort: row numbers under a type-erased comparator.
#[inline(never)]
fn sort_rows(order: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// Puts `v` in the order `order` names (`new[i] = old[order[i]]`) by following each
/// cycle with swaps, in place; `order` is used up as the visited marks.
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for start in 0..v.len() {
        if order[start] as usize == start {
            continue;
        }
        // Walk the cycle through `start`, carrying old[start] forward by swaps.
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the cases are many and the same every run.
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn matches_the_standard_stable_sort_on_keys_with_ties() {
        let mut seed = 7;
        for len in [0usize, 1, 2, 3, 5, 17, 20, 64, 300, 1000] {
            for keys in [1u64, 3, 10, 1_000_000] {
                // (key, original position): equal keys must keep their positions in order.
                let v: Vec<(u64, usize)> = (0..len).map(|i| (lcg(&mut seed) % keys, i)).collect();
                let mut ours = v.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut std = v.clone();
                std.sort_by_key(|a| a.0);
                assert_eq!(ours, std, "len {len}, {keys} keys");
            }
        }
    }

    #[test]
    fn descending_and_by_key_and_natural_order() {
        let mut v = vec!["丙", "甲", "乙", "甲"];
        sort(&mut v);
        assert_eq!(v, ["丙", "乙", "甲", "甲"]); // by code point: 丙 U+4E19, 乙 U+4E59, 甲 U+7532
        let mut w = vec![(2, 'a'), (1, 'b'), (2, 'c'), (3, 'd'), (1, 'e')];
        sort_by(&mut w, |a, b| b.0.cmp(&a.0));
        assert_eq!(w, [(3, 'd'), (2, 'a'), (2, 'c'), (1, 'b'), (1, 'e')]);
        sort_by_key(&mut w, |x| x.0);
        assert_eq!(w, [(1, 'b'), (1, 'e'), (2, 'a'), (2, 'c'), (3, 'd')]);
    }

    #[test]
    fn owned_items_are_moved_not_lost_or_copied() {
        // Strings own heap data: a wrong permutation would duplicate or drop one.
        let mut v: Vec<String> = ["d", "a", "c", "b", "a"].iter().map(|s| s.to_string()).collect();
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c", "d"]);
    }

    #[test]
    fn a_panicking_comparator_leaves_the_slice_as_it_was() {
        let mut v = vec![3, 1, 2];
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            sort_by(&mut v, |a: &i32, b: &i32| if *a == 2 || *b == 2 { panic!("bad cell") } else { a.cmp(b) })
        }));
        assert!(r.is_err());
        assert_eq!(v, [3, 1, 2]);
    }
}
