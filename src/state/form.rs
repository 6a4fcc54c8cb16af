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
    f.parse::<u64>().ok().or_else(|| chinese_count(f)).map(Some).ok_or(Invalid)
}

/// A count written the way Chinese documents and people write it: `六千`, `1.2万`,
/// `1万2千`, `一万零五百`, `两万三千四百五十六`, `3亿`, and the spoken short forms where a
/// last digit means the next unit down (`2万5` = 25,000, `两千五` = 2,500, `一百二` = 120;
/// after 零 it is units: `一千零五` = 1,005). Units must fall within each 万 group
/// (`一百一千` is no number). The result must be whole (`1.23456万` is not a head count).
/// Written by hand: the numeral crates read pure numerals, not the `1.2万` of statistics.
fn chinese_count(s: &str) -> Option<u64> {
    let (mut total, mut section, mut current) = (0f64, 0f64, None::<f64>);
    // the last unit given (for a bare last digit), the smallest small unit of this 万 group
    // so far (units must fall), whether 零 came after it, and the big units seen
    let (mut last_unit, mut group_unit, mut zero) = (1f64, f64::INFINITY, false);
    let (mut wan, mut yi) = (false, false);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = "零〇一二三四五六七八九".chars().position(|d| d == c).map(|i| i.saturating_sub(1) as f64);
        let digit = digit.or((c == '两').then_some(2.0));
        match c {
            '0'..='9' | '.' => {
                let mut n = String::from(c);
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit() || **d == '.') {
                    n.push(d);
                    chars.next();
                }
                if current.is_some() {
                    return None;
                }
                current = Some(n.parse().ok()?);
            }
            '零' | '〇' => zero = true,
            _ if digit.is_some() => {
                if current.is_some() {
                    return None; // two digits in a row ("六六") are no number
                }
                current = digit;
            }
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10.0,
                    '百' => 100.0,
                    _ => 1000.0,
                };
                if unit >= group_unit {
                    return None;
                }
                // "十二" is 12: a bare 十 counts one ten; a bare 百/千 is no number
                let n = current.take().or((c == '十').then_some(1.0))?;
                section += n * unit;
                (last_unit, group_unit, zero) = (unit, unit, false);
            }
            '万' | '亿' => {
                section += current.take().unwrap_or(0.0);
                if section == 0.0 || (c == '万' && wan) || (c == '亿' && yi) {
                    return None;
                }
                if c == '万' {
                    total += section * 1e4;
                    (wan, last_unit) = (true, 1e4);
                } else {
                    total = (total + section) * 1e8;
                    (yi, wan, last_unit) = (true, false, 1e8);
                }
                (section, group_unit, zero) = (0.0, f64::INFINITY, false);
            }
            _ => return None,
        }
    }
    // a bare last digit right after a unit is of the next unit down, unless 零 came between
    let tail = current.map_or(0.0, |d| if zero || last_unit < 100.0 { d } else { d * last_unit / 10.0 });
    let n = total + section + tail;
    let whole = n.round();
    ((n - whole).abs() < 1e-6 && (0.0..1e15).contains(&whole) && n > 0.0).then_some(whole as u64)
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
    let (y, m, d) = (
        parts[0].parse().map_err(|_| Invalid)?,
        parts[1].parse().map_err(|_| Invalid)?,
        parts[2].parse().map_err(|_| Invalid)?,
    );
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

/// The as-of box's placeholder: the date a blank box stands for (today, kept within the
/// year: the year's end for a past year, its first day for a future one), said as such, so
/// a grey date is never mistaken for one typed or for what blank does not mean.
pub fn blank_as_of_text(year: i32, today: NaiveDate, lang: crate::i18n::Lang) -> String {
    let ctx = scorecard_domain::context::Context { year, as_of: None, ..Default::default() };
    let d = ctx.as_of(today);
    let (zh, en) = if d == today {
        ("今天", "today")
    } else if d < today {
        ("年末", "year end")
    } else {
        ("年初", "year start")
    };
    match lang {
        crate::i18n::Lang::Zh => format!("留空即{zh}：{d}"),
        crate::i18n::Lang::En => format!("blank = {en}, {d}"),
    }
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
            // as Chinese documents write counts
            ("六千", Ok(Some(6000))),
            ("1.2万", Ok(Some(12000))),
            ("1.2万人", Ok(Some(12000))),
            ("1万2千", Ok(Some(12000))),
            ("一万零五百", Ok(Some(10500))),
            ("两万三千四百五十六", Ok(Some(23456))),
            ("十二", Ok(Some(12))),
            ("十万", Ok(Some(100000))),
            ("1.2345万", Ok(Some(12345))),
            ("3亿", Ok(Some(300000000))),
            ("1亿2000万", Ok(Some(120000000))),
            ("1.23456万", Err(Invalid)),
            ("万", Err(Invalid)),
            ("千", Err(Invalid)),
            ("六六", Err(Invalid)),
            ("约六千", Err(Invalid)),
            ("12.5", Err(Invalid)),
            ("1..2万", Err(Invalid)),
            // spoken short forms: the last digit is of the next unit down
            ("2万5", Ok(Some(25000))),
            ("两千五", Ok(Some(2500))),
            ("一百二", Ok(Some(120))),
            ("1万2", Ok(Some(12000))),
            ("一千零一", Ok(Some(1001))),
            ("一千零五", Ok(Some(1005))),
            ("十一万", Ok(Some(110000))),
            ("1.5千", Ok(Some(1500))),
            ("一百万", Ok(Some(1000000))),
            ("二十五", Ok(Some(25))),
            // units must fall; a big unit comes once per group
            ("一百一千", Err(Invalid)),
            ("十十", Err(Invalid)),
            ("1万1万", Err(Invalid)),
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

    #[test]
    fn the_as_of_placeholder_says_what_blank_means() {
        use crate::i18n::Lang;
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let today = day(2026, 12, 7);
        assert_eq!(blank_as_of_text(2026, today, Lang::Zh), "留空即今天：2026-12-07");
        assert_eq!(blank_as_of_text(2017, today, Lang::Zh), "留空即年末：2017-12-31");
        assert_eq!(blank_as_of_text(2027, today, Lang::Zh), "留空即年初：2027-01-01");
        assert_eq!(blank_as_of_text(2017, today, Lang::En), "blank = year end, 2017-12-31");
    }
}
