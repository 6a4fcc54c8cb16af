//! Cells that name several things: a joint training's 所属站点 (`新桥社区、大丰社区`).

/// Separators of §2: 、,，;；/ (and the full-width slash).
pub const SEPARATORS: &[char] = &['、', ',', '，', ';', '；', '/', '／'];

/// The trimmed, non-empty parts of `s`.
pub fn split_list(s: &str) -> Vec<&str> {
    s.split(SEPARATORS).map(crate::input::cell::trim).filter(|p| !p.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_separator() {
        let cases: &[(&str, &[&str])] = &[
            ("新桥社区", &["新桥社区"]),
            ("新桥社区、大丰社区", &["新桥社区", "大丰社区"]),
            ("新桥,大丰，三河;四河；五河/六河／七河", &["新桥", "大丰", "三河", "四河", "五河", "六河", "七河"]),
            (" 新桥社区 、、 大丰社区 ", &["新桥社区", "大丰社区"]),
            ("", &[]),
        ];
        for &(s, want) in cases {
            assert_eq!(split_list(s), want, "{s}");
        }
    }
}
