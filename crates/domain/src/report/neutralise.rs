//! Spreadsheet formula injection guard: text a spreadsheet could take for a formula gets a
//! leading `'`, so an activity named `=HYPERLINK(…)` stays text in Excel, WPS and
//! LibreOffice, whether it arrives in our xlsx or our CSV.

use std::borrow::Cow;

/// Characters that make Excel/WPS/LibreOffice read a typed or CSV cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `=1+1` → `'=1+1`; anything not starting with = + - @ tab CR is returned as it is.
// TODO: use safety::neutralise_formula
pub(crate) fn neutralise(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_exactly_the_formula_starts() {
        for (input, want) in [
            ("=1+1", "'=1+1"),
            ("+cmd", "'+cmd"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=1", "a=1"),
            ("敬老=爱老", "敬老=爱老"),
            (" =1", " =1"),
            ("", ""),
            ("'quoted", "'quoted"),
        ] {
            assert_eq!(neutralise(input), want, "{input:?}");
        }
    }
}
