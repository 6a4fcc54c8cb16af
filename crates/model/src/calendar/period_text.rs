//! Period labels as a reader writes them. The scoring keeps machine labels (`2017-08`,
//! `2017-Q3`, `2017-01~02`, `2017-03-05`: the CLI JSON, the replay, drafts); sentences and
//! the page show `8月`, `第三季度`, `1～2月`, `3月5日` (`Aug`, `Q3`, `Jan–Feb`, `Mar 5`), with
//! the year only where the screen does not already say it.

const QUARTER_ZH: [&str; 4] = ["一", "二", "三", "四"];
const MONTH_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The parts of a label: year and what follows it.
enum Parsed {
    Month(u32),
    Quarter(u32),
    Months(u32, u32),
    Day(u32, u32),
}

fn parse(label: &str) -> Option<(i32, Parsed)> {
    let (y, rest) = label.trim().split_once('-')?;
    if y.len() != 4 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let month = |s: &str| s.parse::<u32>().ok().filter(|m| (1..=12).contains(m));
    let parsed = if let Some(q) = rest.strip_prefix(['Q', 'q']) {
        Parsed::Quarter(q.parse::<u32>().ok().filter(|q| (1..=4).contains(q))?)
    } else if let Some((a, b)) = rest.split_once('~') {
        Parsed::Months(month(a)?, month(b)?)
    } else if let Some((m, d)) = rest.split_once('-') {
        Parsed::Day(month(m)?, d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?)
    } else {
        Parsed::Month(month(rest)?)
    };
    Some((year, parsed))
}

fn month_en(m: u32) -> &'static str {
    MONTH_EN.get(m.wrapping_sub(1) as usize).copied().unwrap_or("")
}

/// `label` for a reader, in Chinese (`zh`) or English, with or without its year. A text
/// that is not a period label comes back unchanged.
pub fn period_text(label: &str, zh: bool, with_year: bool) -> String {
    let Some((year, p)) = parse(label) else { return label.to_string() };
    let body = match (&p, zh) {
        (Parsed::Month(m), true) => format!("{m}月"),
        (Parsed::Month(m), false) => month_en(*m).to_string(),
        (Parsed::Quarter(q), true) => format!("第{}季度", QUARTER_ZH.get(*q as usize - 1).copied().unwrap_or("")),
        (Parsed::Quarter(q), false) => format!("Q{q}"),
        (Parsed::Months(a, b), true) => format!("{a}～{b}月"),
        (Parsed::Months(a, b), false) => format!("{}–{}", month_en(*a), month_en(*b)),
        (Parsed::Day(m, d), true) => format!("{m}月{d}日"),
        (Parsed::Day(m, d), false) => format!("{} {d}", month_en(*m)),
    };
    match (with_year, zh) {
        (false, _) => body,
        (true, true) => format!("{year}年{body}"),
        (true, false) if matches!(p, Parsed::Day(..)) => format!("{body}, {year}"),
        (true, false) => format!("{body} {year}"),
    }
}

/// A day of the year without its year: `3月5日` / `Mar 5`.
pub fn day_text(d: chrono::NaiveDate, zh: bool) -> String {
    use chrono::Datelike;
    if zh {
        format!("{}月{}日", d.month(), d.day())
    } else {
        format!("{} {}", month_en(d.month()), d.day())
    }
}

/// An item of a `missing` list for a reader: a period label, alone or leading the item
/// (`2017-01~02 暖冬行` → `1～2月 暖冬行`), is written out; other items are unchanged.
pub fn missing_item_text(item: &str, zh: bool) -> String {
    match item.split_once(' ') {
        Some((head, rest)) if parse(head).is_some() => format!("{} {rest}", period_text(head, zh, false)),
        _ => period_text(item, zh, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_written() {
        for (label, zh, zh_year, en, en_year) in [
            ("2017-08", "8月", "2017年8月", "Aug", "Aug 2017"),
            ("2017-8", "8月", "2017年8月", "Aug", "Aug 2017"),
            ("2017-Q3", "第三季度", "2017年第三季度", "Q3", "Q3 2017"),
            ("2017-01~02", "1～2月", "2017年1～2月", "Jan–Feb", "Jan–Feb 2017"),
            ("2017-03-05", "3月5日", "2017年3月5日", "Mar 5", "Mar 5, 2017"),
            // not a period label: unchanged
            ("全年", "全年", "全年", "全年", "全年"),
            ("2017-13", "2017-13", "2017-13", "2017-13", "2017-13"),
            ("2017-Q5", "2017-Q5", "2017-Q5", "2017-Q5", "2017-Q5"),
            ("17-08", "17-08", "17-08", "17-08", "17-08"),
        ] {
            assert_eq!(period_text(label, true, false), zh, "{label}");
            assert_eq!(period_text(label, true, true), zh_year, "{label}");
            assert_eq!(period_text(label, false, false), en, "{label}");
            assert_eq!(period_text(label, false, true), en_year, "{label}");
        }
    }

    #[test]
    fn missing_items_write_out_their_leading_period() {
        assert_eq!(missing_item_text("2017-01~02 暖冬行、送温暖", true), "1～2月 暖冬行、送温暖");
        assert_eq!(missing_item_text("2017-Q2", false), "Q2");
        assert_eq!(
            missing_item_text("蜀龙社区 2026-01-22 普法宣传：缺方案", true),
            "蜀龙社区 2026-01-22 普法宣传：缺方案"
        );
        assert_eq!(missing_item_text("清明节", true), "清明节");
        assert_eq!(missing_item_text("2017-03-05 学雷锋日", true), "3月5日 学雷锋日");
        let d = chrono::NaiveDate::from_ymd_opt(2017, 3, 5).unwrap();
        assert_eq!((day_text(d, true), day_text(d, false)), ("3月5日".to_string(), "Mar 5".to_string()));
    }
}
