//! Rows that are part of the layout, not data: totals (合计 …) and footer notes (填表人 …).
//! Looked for in the first columns only, so an activity named 小计算机培训 is not a total.

use super::cells::fold::{fold_char, fold_width};

/// How many leading columns are searched for a marker.
pub const MARKER_COLUMNS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipKind {
    Totals,
    Note,
}

/// Totals words: a cell that is one of these, or ends with one (`本页小计`, `全年合计`) in at
/// most [`TOTALS_MAX_CHARS`] characters.
pub const TOTALS: &[&str] = &["总合计", "合计", "总计", "小计", "共计", "汇总"];
pub const TOTALS_MAX_CHARS: usize = 6;
/// Footer lines: a cell starting with one of these.
pub const NOTES: &[&str] = &[
    "填表人",
    "制表人",
    "填报人",
    "审核人",
    "负责人签字",
    "填报单位",
    "制表单位",
    "填表日期",
    "填报日期",
    "制表日期",
    "注:",
    "说明:",
    "备注:",
];

/// What the row is, judged from its first cells' texts (`None` for a non-text cell).
pub fn skip_kind<'a>(first_cells: impl IntoIterator<Item = Option<&'a str>>) -> Option<(SkipKind, String)> {
    for raw in first_cells.into_iter().take(MARKER_COLUMNS).flatten() {
        if !may_be_marker(raw) {
            continue;
        }
        let s: String = fold_width(raw).chars().filter(|c| !c.is_whitespace()).collect();
        if s.is_empty() {
            continue;
        }
        let bare = s.trim_end_matches(':');
        let bare = bare.split(['(', '（']).next().unwrap_or(bare);
        if bare.chars().count() <= TOTALS_MAX_CHARS && TOTALS.iter().any(|t| bare.ends_with(t)) {
            return Some((SkipKind::Totals, raw.trim().to_string()));
        }
        if NOTES.iter().any(|n| s.starts_with(n)) {
            return Some((SkipKind::Note, raw.trim().to_string()));
        }
    }
    None
}

/// False only when [`skip_kind`] cannot find a marker in this cell, without allocating (it
/// runs on every row): a totals cell holds its word's last character, a note starts with
/// its word's first (folding widths and dropping spaces changes neither).
pub fn may_be_marker(raw: &str) -> bool {
    // every word of both tables is Chinese, and folding widths maps only to ASCII: an ASCII
    // cell (numbers, ID and phone numbers, dates) holds none of them
    if raw.is_ascii() {
        return false;
    }
    raw.chars().any(|c| TOTALS.iter().any(|t| t.ends_with(c)))
        || raw
            .chars()
            .map(fold_char)
            .find(|c| !c.is_whitespace())
            .is_some_and(|f| NOTES.iter().any(|n| n.starts_with(f)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefilter_passes_every_marker() {
        // Every cell skip_kind marks must pass may_be_marker, including spaced, fullwidth and
        // suffixed forms of each word.
        let mut cells: Vec<String> = Vec::new();
        for w in TOTALS.iter().chain(NOTES) {
            let spaced: String = w.chars().flat_map(|c| [c, ' ']).collect();
            let wide: String = w.chars().map(|c| if c == ':' { '：' } else { c }).collect();
            cells.extend([
                w.to_string(),
                format!("  {w}"),
                format!("\u{3000}{spaced}"),
                format!("本页{w}"),
                format!("{wide}张三"),
                format!("{w}(元)"),
            ]);
        }
        let mut marked = 0;
        for c in &cells {
            if skip_kind([Some(c.as_str())]).is_some() {
                marked += 1;
                assert!(may_be_marker(c), "{c:?} is a marker the pre-filter would skip");
            }
        }
        assert!(marked >= cells.len() / 2, "only {marked} of {} cells were markers", cells.len());
        assert!(!may_be_marker("张三") && !may_be_marker("2017-03-01") && !may_be_marker("敬老院服务"));
    }

    fn kind(cells: &[&str]) -> Option<SkipKind> {
        skip_kind(cells.iter().map(|s| Some(*s))).map(|(k, _)| k)
    }

    #[test]
    fn markers() {
        use SkipKind::*;
        let cases: &[(&[&str], Option<SkipKind>)] = &[
            (&["合计", "", "", "120"], Some(Totals)),
            (&["", "合 计："], Some(Totals)),
            (&["", "", "总合计"], Some(Totals)),
            (&["本页小计"], Some(Totals)),
            (&["总计（小时）", "30"], Some(Totals)),
            (&["", "", "", "合计"], None), // beyond the first columns
            (&["1", "小计算机培训"], None),
            (&["1", "张三"], None),
            (&["填表人：王五", "", "审核人：赵六"], Some(Note)),
            (&["注：时长以小时计"], Some(Note)),
            (&["注意事项培训"], None),
        ];
        for (cells, want) in cases {
            assert_eq!(kind(cells), *want, "{cells:?}");
        }
    }
}
