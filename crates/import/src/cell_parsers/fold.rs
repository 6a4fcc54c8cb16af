//! Full-width → half-width folding: Chinese input methods type `２０１７／６／１２`,
//! `１２：３０` and `ｈ` as easily as the ASCII forms.

/// Folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms.
pub fn fold_width(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_forms_only() {
        let cases = [
            ("２０１７／６／１２", "2017/6/12"),
            ("１２：３０", "12:30"),
            ("Ｙｅｓ", "Yes"),
            ("\u{3000}姓名（必填）", " 姓名(必填)"),
            ("新桥社区", "新桥社区"),
        ];
        for (input, want) in cases {
            assert_eq!(fold_width(input), want, "{input}");
        }
    }
}
