//! Rows that are part of the layout, not data: totals (合计 …) and footer notes (填表人 …).
//! Looked for in the first columns only, so an activity named 小计算机培训 is not a total.

use super::cells::fold::fold_width;

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

#[cfg(test)]
mod tests {
    use super::*;

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
