//! Phone numbers, kept as text. 手机号码 and 联系电话 share one field, so both mobiles
//! (11 digits starting with 1) and landlines (`028-12345678`, `02812345678`, `87654321`,
//! with an extension `-123`) are fine; anything else is reported and kept as written.

use crate::cell_parsers::fold::fold_width;
use crate::input::cell::{number_text, Cell};

#[derive(Clone, Debug, PartialEq)]
pub enum PhoneRead {
    Empty,
    /// Plausible; a single mobile is reduced to its 11 digits, anything else keeps its dashes.
    Ok(String),
    /// Not a plausible number; kept as written (spaces removed).
    Bad(String),
}

pub fn read_phone(cell: &Cell) -> PhoneRead {
    if let Cell::Text(t) = cell {
        if is_clean_mobile(t) {
            return PhoneRead::Ok(t.to_string());
        }
    }
    read_phone_general(cell)
}

/// 11 ASCII digits starting with 1, as most cells are: nothing to fold, strip or split.
fn is_clean_mobile(t: &str) -> bool {
    t.len() == 11 && t.starts_with('1') && t.bytes().all(|b| b.is_ascii_digit())
}

fn read_phone_general(cell: &Cell) -> PhoneRead {
    let text = match cell {
        Cell::Empty => return PhoneRead::Empty,
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => number_text(*f),
        Cell::Text(t) => t.to_string(),
        other => return PhoneRead::Bad(other.display(Default::default())),
    };
    let s: String = fold_width(&text).chars().filter(|c| !c.is_whitespace() && *c != '\'').collect();
    if s.is_empty() {
        return PhoneRead::Empty;
    }
    let parts: Vec<&str> = s.split(['/', ',', '，', '、', ';', '；']).filter(|p| !p.is_empty()).collect();
    if parts.len() == 1 {
        if let Some(m) = mobile(&s) {
            return PhoneRead::Ok(m);
        }
    }
    if !parts.is_empty() && parts.iter().all(|p| mobile(p).is_some() || landline(p)) {
        PhoneRead::Ok(s)
    } else {
        PhoneRead::Bad(s)
    }
}

/// `13812345678`, `138-1234-5678`, `+86 138…` → the 11 digits.
fn mobile(p: &str) -> Option<String> {
    let p = p.strip_prefix("+86").or_else(|| p.strip_prefix("0086")).unwrap_or(p);
    let p = p.strip_prefix('-').unwrap_or(p);
    let digits: String = p.chars().filter(|&c| c != '-').collect();
    (digits.len() == 11 && digits.starts_with('1') && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// `028-12345678`, `02812345678`, `0838-1234567-801`, `87654321`, `400-123-4567`.
fn landline(p: &str) -> bool {
    if !p.bytes().all(|b| b.is_ascii_digit() || b == b'-') || p.starts_with('-') || p.ends_with('-') {
        return false;
    }
    let groups: Vec<&str> = p.split('-').collect();
    let all: String = groups.concat();
    let local = |g: &str| (7..=8).contains(&g.len()) && !g.starts_with('0');
    match groups.as_slice() {
        [one] if one.starts_with('0') => (10..=12).contains(&one.len()),
        [one] if one.starts_with("400") || one.starts_with("800") => one.len() == 10,
        [one] => local(one),
        [area, number] if area.starts_with('0') => (3..=4).contains(&area.len()) && local(number),
        [area, number, ext] if area.starts_with('0') => {
            (3..=4).contains(&area.len()) && local(number) && (1..=6).contains(&ext.len())
        }
        [a, _, _] if a.starts_with("400") || a.starts_with("800") => all.len() == 10,
        [number, ext] => local(number) && (1..=6).contains(&ext.len()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_mobiles_read_as_the_general_path_reads_them() {
        let cells =
            ["13812345678", "1381234567", "138123456789", "23812345678", "1381234567８", "1381234567a", "19999999999"];
        for c in cells {
            let cell = Cell::Text(c.into());
            assert_eq!(read_phone(&cell), read_phone_general(&cell), "{c}");
        }
        assert!(is_clean_mobile("13812345678") && !is_clean_mobile("1381234567８"));
    }

    #[test]
    fn phones() {
        use PhoneRead::*;
        let t = |s: &'static str| Cell::Text(s.into());
        let cases: Vec<(Cell, PhoneRead)> = vec![
            (t("13812345678"), Ok("13812345678".into())),
            (t("138 1234 5678"), Ok("13812345678".into())),
            (t("138-1234-5678"), Ok("13812345678".into())),
            (t("+86 13812345678"), Ok("13812345678".into())),
            (t("１３８１２３４５６７８"), Ok("13812345678".into())),
            (Cell::Float(13812345678.0), Ok("13812345678".into())),
            (Cell::Int(13812345678), Ok("13812345678".into())),
            (t("028-12345678"), Ok("028-12345678".into())),
            (t("02812345678"), Ok("02812345678".into())),
            (t("0838-1234567-801"), Ok("0838-1234567-801".into())),
            (t("87654321"), Ok("87654321".into())),
            (t("400-123-4567"), Ok("400-123-4567".into())),
            (t("13812345678/028-12345678"), Ok("13812345678/028-12345678".into())),
            (t("1381234567"), Bad("1381234567".into())),
            (t("23812345678"), Bad("23812345678".into())),
            (t("138123456789"), Bad("138123456789".into())),
            (t("12345"), Bad("12345".into())),
            (t("无"), Bad("无".into())),
            (t("13812345678/123"), Bad("13812345678/123".into())),
            (t("  "), Empty),
            (Cell::Empty, Empty),
        ];
        for (cell, want) in cases {
            assert_eq!(read_phone(&cell), want, "{cell:?}");
        }
    }
}
