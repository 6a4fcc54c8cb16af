//! Lenient parsing of what people type into the context form: full-width digits,
//! thousands separators, 年/月/日 dates. Pure, tested natively.

use chrono::NaiveDate;

/// Full-width digits and punctuation to ASCII; spaces and thousands separators dropped.
fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            ',' | '，' | ' ' | '\u{3000}' | '_' => None,
            '－' => Some('-'),
            '／' => Some('/'),
            '．' => Some('.'),
            c => Some(c),
        })
        .collect()
}

/// The text is not a value of the field's kind; the form keeps the text and shows the
/// field's hint (what was expected) beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid;

/// A non-negative whole number: `12000`, `12,000`, `１２０００`, `12000人`. Blank → Ok(None).
pub fn parse_count(s: &str) -> Result<Option<u64>, Invalid> {
    let f = fold(s);
    let f = f.trim_end_matches(['人', '名']);
    if f.is_empty() {
        return Ok(None);
    }
    f.parse::<u64>().map(Some).map_err(|_| Invalid)
}

/// A year in 2000–2100.
pub fn parse_year(s: &str) -> Result<i32, Invalid> {
    let f = fold(s);
    let f = f.trim_end_matches('年');
    match f.parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) => Ok(y),
        _ => Err(Invalid),
    }
}

/// A date: `2017-06-30`, `2017/6/30`, `2017.6.30`, `2017年6月30日`. Blank → Ok(None).
pub fn parse_date(s: &str) -> Result<Option<NaiveDate>, Invalid> {
    let f = fold(s);
    if f.is_empty() {
        return Ok(None);
    }
    let norm: String = f.chars().map(|c| if matches!(c, '/' | '.' | '年' | '月') { '-' } else { c }).collect();
    let norm = norm.trim_end_matches('日');
    let parts: Vec<&str> = norm.split('-').collect();
    if parts.len() != 3 {
        return Err(Invalid);
    }
    let (y, m, d) = (parts[0].parse().map_err(|_| Invalid)?, parts[1].parse().map_err(|_| Invalid)?, parts[2].parse().map_err(|_| Invalid)?);
    NaiveDate::from_ymd_opt(y, m, d).map(Some).ok_or(Invalid)
}

/// Station names from a text box: one per line, or separated by 、,，;；.
pub fn parse_stations(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split(['\n', '、', ',', '，', ';', '；']) {
        let p = part.trim();
        if !p.is_empty() && !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        for (input, want) in [
            ("12000", Ok(Some(12000))),
            ("12,000", Ok(Some(12000))),
            ("１２０００", Ok(Some(12000))),
            (" 3500人 ", Ok(Some(3500))),
            ("", Ok(None)),
            ("12k", Err(Invalid)),
            ("-5", Err(Invalid)),
        ] {
            assert_eq!(parse_count(input), want, "{input}");
        }
    }

    #[test]
    fn years_and_dates() {
        assert_eq!(parse_year("2017"), Ok(2017));
        assert_eq!(parse_year("２０２５年"), Ok(2025));
        assert_eq!(parse_year("1999"), Err(Invalid));
        let d = |y, m, dd| Ok(Some(NaiveDate::from_ymd_opt(y, m, dd).unwrap()));
        assert_eq!(parse_date("2017-06-30"), d(2017, 6, 30));
        assert_eq!(parse_date("2017/6/30"), d(2017, 6, 30));
        assert_eq!(parse_date("2017年6月30日"), d(2017, 6, 30));
        assert_eq!(parse_date("2017.6.31"), Err(Invalid));
        assert_eq!(parse_date(""), Ok(None));
    }

    #[test]
    fn stations() {
        assert_eq!(parse_stations("新桥社区\n大丰社区、 新桥社区；三河村\n\n"), vec!["新桥社区", "大丰社区", "三河村"]);
    }
}
