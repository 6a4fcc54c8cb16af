//! `scorecard holidays YEAR [--format json|text]`: the 25 holidays of indicators.md §3
//! with their dates, in date order.
//!
//! JSON: `[{"name":"春节","date":"2024-02-10"}, …]`. Text: one line per holiday,
//! `2024年2月10日  春节`. A year outside the supported range (2000–2100) is a usage
//! error: message on stderr (Chinese and English), exit 2, nothing on stdout.

use crate::Format;
use scorecard_domain::calendar::{holidays, supported_years, Holiday};
use scorecard_domain::phrasing::fmt_date_zh;
use serde::Serialize;

#[derive(Serialize)]
struct Entry<'a> {
    name: &'a str,
    date: String,
}

pub(crate) fn run(year: i32, format: Format) -> i32 {
    match render(year, format) {
        Some(out) => {
            crate::out::line(&out);
            0
        }
        None => {
            eprintln!("scorecard holidays: {}", year_out_of_range(year));
            2
        }
    }
}

/// The message for a year the calendar does not cover (Chinese / English).
pub(crate) fn year_out_of_range(year: i32) -> String {
    let range = supported_years();
    let (from, to) = (range.start(), range.end());
    format!("年份 {year} 不在支持范围 {from}–{to} 内 / year {year} is outside the supported range {from}–{to}")
}

/// The listing, or `None` for an unsupported year.
fn render(year: i32, format: Format) -> Option<String> {
    let list = holidays(year);
    if list.is_empty() {
        return None;
    }
    Some(match format {
        Format::Json => json(&list),
        Format::Text => text(&list),
    })
}

fn json(list: &[Holiday]) -> String {
    let entries: Vec<Entry> =
        list.iter().map(|h| Entry { name: h.name, date: h.date.format("%Y-%m-%d").to_string() }).collect();
    serde_json::to_string_pretty(&entries).unwrap_or_else(|_| "[]".to_string())
}

fn text(list: &[Holiday]) -> String {
    list.iter().map(|h| format!("{}  {}", fmt_date_zh(h.date), h.name)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Row {
        name: String,
        date: String,
    }

    #[test]
    fn json_lists_25_holidays_in_date_order() {
        let out = render(2024, Format::Json).unwrap();
        let rows: Vec<Row> = serde_json::from_str(&out).unwrap();
        assert_eq!(rows.len(), 25);
        assert_eq!(rows[0], Row { name: "元旦".into(), date: "2024-01-01".into() });
        assert_eq!(rows[1], Row { name: "春节".into(), date: "2024-02-10".into() });
        assert_eq!(rows[24], Row { name: "国家公祭日".into(), date: "2024-12-13".into() });
        assert!(rows.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn text_is_one_line_per_holiday_with_chinese_dates() {
        let out = render(2017, Format::Text).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 25);
        assert_eq!(lines[0], "2017年1月1日  元旦");
        assert_eq!(lines[1], "2017年1月28日  春节");
        assert!(lines.contains(&"2017年10月4日  中秋节"));
    }

    #[test]
    fn unsupported_years_are_a_usage_error() {
        assert_eq!(render(1999, Format::Json), None);
        assert_eq!(render(2101, Format::Text), None);
        assert_eq!(run(1999, Format::Text), 2);
    }
}
