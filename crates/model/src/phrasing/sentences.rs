//! Numbers and lists as they appear in gap sentences (Chinese and English).

/// Hours for a sentence: one decimal at most, rounded UP so a gap is never understated
/// ("还需 412.5 小时"; 412.0 → "412").
pub fn hours_up(h: f64) -> String {
    let h = if h.is_finite() && h > 0.0 { h } else { 0.0 };
    // 1e-9 absorbs float noise such as 412.00000000001 → 412.
    let tenths = (h * 10.0 - 1e-6).ceil().max(0.0);
    fmt_tenths(tenths)
}

/// Hours rounded to the nearest tenth ("12.5").
pub fn hours(h: f64) -> String {
    let h = if h.is_finite() { h.max(0.0) } else { 0.0 };
    fmt_tenths((h * 10.0).round())
}

/// Tenths as `4,737` or `2,424.5`: grouped like every other number on the page
/// (`phrasing::formats::fmt_hours`; `tenths` is whole, so its rounding changes nothing).
fn fmt_tenths(tenths: f64) -> String {
    crate::phrasing::fmt_hours(tenths / 10.0)
}

/// The smallest number of hours, to a tenth, that is at least `h`: the gap as a number.
pub fn hours_up_value(h: f64) -> f64 {
    let h = if h.is_finite() && h > 0.0 { h } else { 0.0 };
    (h * 10.0 - 1e-6).ceil().max(0.0) / 10.0
}

/// A fraction as a percentage with one decimal, rounded down so a shortfall never reads
/// as the target ("12.9%", never "13.0%" for 0.12996).
pub fn pct(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let tenths = (x * 1000.0 + 1e-9).floor();
    if tenths % 10.0 == 0.0 {
        format!("{:.0}%", tenths / 10.0)
    } else {
        format!("{:.1}%", tenths / 10.0)
    }
}

/// A share below its target as a percentage: rounded to one decimal like every other
/// number, except that a value short of the target never reads as the target (12.96 % of
/// a 13 % target shows "12.9%", 2/3 shows "66.7%").
pub fn pct_short(x: f64, target: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let mut tenths = (x * 1000.0).round();
    if x < target && tenths >= (target * 1000.0 - 1e-9) {
        tenths = (x * 1000.0).floor();
    }
    if tenths % 10.0 == 0.0 {
        format!("{:.0}%", tenths / 10.0)
    } else {
        format!("{:.1}%", tenths / 10.0)
    }
}

/// 新桥社区、大丰社区 (at most `max` items, then 等 N 项).
pub fn list_zh(items: &[String], max: usize) -> String {
    if items.len() <= max {
        items.join("、")
    } else {
        format!("{} 等 {} 项", items[..max].join("、"), items.len())
    }
}

/// "a, b and 3 more".
pub fn list_en(items: &[String], max: usize) -> String {
    if items.len() <= max {
        items.join(", ")
    } else {
        format!("{} and {} more", items[..max].join(", "), items.len() - max)
    }
}

/// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "1 activity" / "2 activities".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_clerk_expects() {
        assert_eq!(hours_up(4736.01), "4,736.1");
        assert_eq!(hours_up(1_234_567.0), "1,234,567");
        assert_eq!(hours(999.96), "1,000");
        assert_eq!(hours(0.04), "0");
        assert_eq!(hours_up(412.0), "412");
        assert_eq!(hours_up(412.01), "412.1");
        assert_eq!(hours_up(411.999_999_999_9), "412");
        assert_eq!(hours(12.46), "12.5");
        assert_eq!(pct(0.129_96), "12.9%");
        assert_eq!(pct(0.13), "13%");
        assert_eq!(pct_short(2.0 / 3.0, 0.7), "66.7%");
        assert_eq!(pct_short(0.129_96, 0.13), "12.9%");
        assert_eq!(pct_short(0.1, 0.13), "10%");
        assert_eq!([ordinal(1), ordinal(5), ordinal(12), ordinal(22)], ["1st", "5th", "12th", "22nd"]);
        assert_eq!(list_zh(&["a".into(), "b".into(), "c".into()], 2), "a、b 等 3 项");
        assert_eq!(list_en(&["a".into(), "b".into(), "c".into()], 2), "a, b and 1 more");
    }
}
