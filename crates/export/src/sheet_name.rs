//! Sheet names Excel and WPS accept: not blank, at most 31 UTF-16 units, none of
//! `[ ] : * ? / \`, no apostrophe at either end, not the reserved `History`, and unique
//! ignoring case (Excel compares names case-insensitively).

/// Excel's limit, in UTF-16 code units.
pub const SHEET_NAME_MAX: usize = 31;

const FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// A legal name from `base`, made unique against `used` with a `(2)`, `(3)` … suffix.
pub fn sheet_name(base: &str, used: &[String]) -> String {
    let clean: String = base.chars().filter(|c| !FORBIDDEN.contains(c) && !c.is_control()).collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let clean = if clean.is_empty() || clean.eq_ignore_ascii_case("history") { "工作表" } else { clean };
    let taken = |name: &str| used.iter().any(|u| u.to_lowercase() == name.to_lowercase());
    let mut n = 1u32;
    loop {
        let suffix = if n == 1 { String::new() } else { format!("({n})") };
        let name = truncate_utf16(clean, SHEET_NAME_MAX - suffix.len());
        let name = format!("{}{suffix}", name.trim_end().trim_end_matches('\''));
        if !taken(&name) || n == u32::MAX {
            return name;
        }
        n += 1;
    }
}

/// The longest prefix of `s` with at most `max` UTF-16 units, never splitting a character.
fn truncate_utf16(s: &str, max: usize) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return s.get(..i).unwrap_or("");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_truncated_on_utf16_units() {
        assert_eq!(truncate_utf16("ab😀c", 3), "ab");
        assert_eq!(truncate_utf16("ab😀c", 4), "ab😀");
        assert_eq!(truncate_utf16("注册率", 31), "注册率");
    }
}
