//! 证件号码: kept as text, checked with the GB 11643-1999 check digit.
//!
//! Excel stores numbers with 15 significant digits, so an 18-digit ID typed into a number
//! cell is already damaged (`5.10114E+17`): it cannot be recovered and must be re-exported
//! from a column formatted as text.

use crate::cell_parsers::fold::fold_width;
use crate::input::cell::{number_text, Cell};

/// GB 11643: weight of each of the first 17 digits (2^(17−i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character by (weighted sum mod 11).
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// What an ID cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum IdRead {
    Empty,
    /// A well-formed ID (18 with a good check digit, 15 old-style digits) or another
    /// document's number (passport, HK/Macau pass), upper-cased, spaces removed.
    Ok(String),
    /// 18 characters whose check digit is wrong; kept, `expected` is the right digit.
    BadChecksum {
        id: String,
        expected: char,
    },
    /// Digits of a length no ID has; kept as written.
    BadLength(String),
    /// A number Excel rounded (≥ 10^15 or written with an exponent); the digits are lost.
    LostToNumber(String),
}

/// The GB 11643 check character of the first 17 digits, `None` if they are not 17 digits.
pub fn check_digit(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    CHECK.get((sum % 11) as usize).copied()
}

pub fn read_id(cell: &Cell) -> IdRead {
    match cell {
        Cell::Empty => IdRead::Empty,
        Cell::Int(i) if i.unsigned_abs() >= 1_000_000_000_000_000 => IdRead::LostToNumber(i.to_string()),
        Cell::Int(i) => classify(&i.to_string()),
        Cell::Float(f) if !f.is_finite() || f.abs() >= 1e15 => IdRead::LostToNumber(number_text(*f)),
        Cell::Float(f) if f.fract() != 0.0 => IdRead::BadLength(number_text(*f)),
        Cell::Float(f) => classify(&number_text(*f)),
        Cell::Text(t) => classify(t),
        other => IdRead::BadLength(other.display(Default::default())),
    }
}

fn classify(raw: &str) -> IdRead {
    clean_id(raw).unwrap_or_else(|| classify_general(raw))
}

/// The common, clean cells — 18 ASCII characters `[0-9]{17}[0-9Xx]` or 15 ASCII digits —
/// read without the copies the general path makes (a district roster has 100,000 of them).
/// `None` for anything else. Gives what [`classify_general`] gives (tested).
fn clean_id(raw: &str) -> Option<IdRead> {
    let b = raw.as_bytes();
    match b.len() {
        15 if b.iter().all(u8::is_ascii_digit) => Some(IdRead::Ok(raw.to_string())),
        18 => {
            let (first17, last) = (raw.get(..17)?, *b.get(17)?);
            let got = match last {
                b'0'..=b'9' | b'X' => char::from(last),
                b'x' => 'X',
                _ => return None,
            };
            let want = check_digit(first17)?;
            let mut id = String::with_capacity(18);
            id.push_str(first17);
            id.push(got);
            Some(if want == got { IdRead::Ok(id) } else { IdRead::BadChecksum { id, expected: want } })
        }
        _ => None,
    }
}

fn classify_general(raw: &str) -> IdRead {
    let folded = fold_width(raw);
    // A leading apostrophe is how people force text in Excel; `="…"` how some systems export.
    let s: String = folded.chars().filter(|c| !c.is_whitespace() && *c != '\'').collect();
    let s = s.strip_prefix("=\"").and_then(|x| x.strip_suffix('"')).unwrap_or(&s).to_uppercase();
    if s.is_empty() {
        return IdRead::Empty;
    }
    if looks_like_exponent(&s) {
        return IdRead::LostToNumber(s);
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let n = s.len();
    let id_like = digits == n || (digits + 1 == n && s.ends_with('X'));
    if !id_like {
        return IdRead::Ok(s); // another document's number: kept as written
    }
    match n {
        15 if digits == 15 => IdRead::Ok(s),
        18 => match (s.get(..17).and_then(check_digit), s.chars().last()) {
            (Some(want), Some(got)) if want == got => IdRead::Ok(s),
            (Some(want), Some(_)) => IdRead::BadChecksum { id: s, expected: want },
            _ => IdRead::BadLength(s),
        },
        _ => IdRead::BadLength(s),
    }
}

/// `5.10114E+17`: how a CSV saved from Excel writes an ID that was a number.
fn looks_like_exponent(s: &str) -> bool {
    let Some((mantissa, exp)) = s.split_once('E') else { return false };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !exp.is_empty()
        && exp.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path gives what the general path gives, on clean, dirty and near-miss cells.
    #[test]
    fn clean_ids_read_as_the_general_path_reads_them() {
        let mut cells: Vec<String> = vec![
            "11010519491231002X".into(),
            "11010519491231002x".into(),
            "110105194912310021".into(),
            "110105491231002".into(),
            "11010519491231002Y".into(),
            "1101051949123100２X".into(),
            " 11010519491231002X".into(),
            "11010519491231002".into(),
            "1234567890123456789".into(),
            "E10105194912310021".into(),
        ];
        // every last character on real first-17s, and every check digit position
        let mut seed = 2017u64;
        for _ in 0..2000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let digits = format!("{:017}", (seed >> 5) % 100_000_000_000_000_000);
            for last in ['0', '5', '9', 'X', 'x', 'A'] {
                cells.push(format!("{digits}{last}"));
            }
            cells.push(digits[..15].to_string());
        }
        let mut fast = 0;
        for c in &cells {
            if let Some(read) = clean_id(c) {
                fast += 1;
                assert_eq!(read, classify_general(c), "{c}");
            }
            assert_eq!(classify(c), classify_general(c), "{c}");
        }
        assert!(fast > 10_000, "the fast path is taken for clean cells ({fast})");
    }

    #[test]
    fn check_digits_worked_by_hand() {
        // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167;
        // 167 mod 11 = 2 → 'X'.
        assert_eq!(check_digit("11010519491231002"), Some('X'));
        // 5·7+1·9+0·10+1·5+0·8+4·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 166;
        // 166 mod 11 = 1 → '0'.
        assert_eq!(check_digit("51010419900101123"), Some('0'));
        // 4·7+4·9+0·10+5·5+2·8+4·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 196;
        // 196 mod 11 = 9 → '3'.
        assert_eq!(check_digit("44052419800101001"), Some('3'));
        assert_eq!(check_digit("1101051949123100"), None);
        assert_eq!(check_digit("1101051949123100A"), None);
    }

    #[test]
    fn cells() {
        use IdRead::*;
        let t = |s: &'static str| Cell::Text(s.into());
        let cases: Vec<(Cell, IdRead)> = vec![
            (t("11010519491231002X"), Ok("11010519491231002X".into())),
            (t("11010519491231002x"), Ok("11010519491231002X".into())),
            (t(" 110105 19491231 002X "), Ok("11010519491231002X".into())),
            (t("'510104199001011230"), Ok("510104199001011230".into())),
            (t("=\"510104199001011230\""), Ok("510104199001011230".into())),
            (t("１１０１０５１９４９１２３１００２Ｘ"), Ok("11010519491231002X".into())),
            (t("510104199001011234"), BadChecksum { id: "510104199001011234".into(), expected: '0' }),
            (t("110105491231002"), Ok("110105491231002".into())),
            (t("11010549123100"), BadLength("11010549123100".into())),
            (t("E12345678"), Ok("E12345678".into())),
            (t("5.10114E+17"), LostToNumber("5.10114E+17".into())),
            (Cell::Float(5.10114e17), LostToNumber("510114000000000000".into())),
            (Cell::Int(510104199001011230), LostToNumber("510104199001011230".into())),
            (Cell::Float(1.5), BadLength("1.5".into())),
            (Cell::Float(110105491231002.0), Ok("110105491231002".into())),
            (Cell::Int(110105491231002), Ok("110105491231002".into())),
            (t(""), Empty),
            (Cell::Empty, Empty),
        ];
        for (cell, want) in cases {
            assert_eq!(read_id(&cell), want, "{cell:?}");
        }
    }
}
