//! Text that leaves the app in a spreadsheet (CSV and xlsx exports) must never run as a
//! formula when a clerk opens it: `=HYPERLINK(…)` in a volunteer's name would otherwise be
//! a live link in every report (OWASP "CSV injection").
//!
//! Invariant: only *text* cells need this. Numbers written as numbers (a negative count,
//! `-3`) are not formulas and are written as they are.

use std::borrow::Cow;

/// Characters that make Excel, WPS or LibreOffice read a cell as a formula (or, for tab and
/// CR, that shift what the next character is taken to be).
pub const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// `text` made safe for a CSV or xlsx text cell: prefixed with `'` when it starts with one of
/// [`FORMULA_STARTS`] (spreadsheets show the text without the apostrophe in the cell's
/// value bar as typed text); borrowed unchanged otherwise.
pub fn neutralise_formula(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, want: &str, changed: bool) {
        let got = neutralise_formula(input);
        assert_eq!(got, want, "{input:?}");
        assert_eq!(matches!(got, Cow::Owned(_)), changed, "{input:?} borrowed/owned");
    }

    #[test]
    fn formula_starts_are_prefixed_everything_else_is_borrowed() {
        let cases: &[(&str, &str, bool)] = &[
            ("=HYPERLINK(\"http://x\",\"点我\")", "'=HYPERLINK(\"http://x\",\"点我\")", true),
            ("=1+1", "'=1+1", true),
            ("+86 13812345678", "'+86 13812345678", true),
            ("-5", "'-5", true),
            ("-", "'-", true),
            ("@SUM(A1)", "'@SUM(A1)", true),
            ("\t=1", "'\t=1", true),
            ("\r=1", "'\r=1", true),
            ("张三", "张三", false),
            ("新桥社区=好", "新桥社区=好", false),
            (" =1", " =1", false),
            ("'=1", "'=1", false),
            ("２０１７", "２０１７", false),
            ("＝1", "＝1", false), // full-width: not a formula in Excel or WPS
            ("", "", false),
        ];
        for &(input, want, changed) in cases {
            check(input, want, changed);
        }
        for c in FORMULA_STARTS {
            check(&c.to_string(), &format!("'{c}"), true);
        }
    }
}
