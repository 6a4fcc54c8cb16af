//! Rows that are part of the layout, not data: totals (合计 …) and footer notes (填表人 …),
//! looked for in the first columns only, so an activity named 小计算机培训 is not a total;
//! and rows that only look filled ([`is_filler`]): formulas copied down a template showing
//! 0 or "", placeholders such as `-` or `无`.

use crate::cell_parsers::fold::{fold_char, fold_width};
use crate::input::cell::{trim, Cell};

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

/// Texts a template or a clerk puts in a cell to say "nothing here" (compared after folding
/// full-width forms and lower-casing ASCII: `－`, `／`, `０`, `N/A` are among them).
pub const PLACEHOLDERS: &[&str] =
    &["0", "0.0", "0.00", "-", "--", "---", "—", "——", "–", "/", "\\", "无", "空", "暂无", "n/a", "#n/a", "null"];

/// True when a cell holds no data of its own. Decision (issue 28): a row whose every cell
/// (every mapped cell, on a sheet with a mapping) is one of these is a blank row, counted
/// in `RowCounts::blank` and never a problem row:
/// - empty, or only spaces (what [`Cell::is_blank`] says);
/// - a zero: `0`, `0.0`, a zero formatted as a date or time (`1900-01-00`, `0:00`) — what a
///   formula copied down an empty template shows (`=SUM(F21:G21)`, `=B21*1`);
/// - `FALSE` or an error value (`#N/A`, `#VALUE!`): a formula's answer about nothing;
/// - one of the [`PLACEHOLDERS`] (`-`, `/`, `无`, `0`, `N/A` …), alone in its cell.
///
/// A name, an ID, a date, any other number or any other text is data: one such cell in a
/// mapped column makes the row a row (`无锡` is a place, `00` and `0.5` are not zeros).
pub fn is_filler(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Int(i) => *i == 0,
        Cell::Float(f) => *f == 0.0,
        Cell::DateTime { serial, .. } => *serial == 0.0,
        Cell::Bool(b) => !b,
        Cell::Error(_) => true,
        Cell::Text(t) => is_placeholder(t),
    }
}

/// [`is_filler`] of every cell.
pub fn is_filler_row(cells: &[Cell]) -> bool {
    cells.iter().all(is_filler)
}

/// Blank text, or one of the [`PLACEHOLDERS`]; decided without allocating (it runs on the
/// first mapped cell of every row).
pub fn is_placeholder(raw: &str) -> bool {
    let t = trim(raw);
    if t.is_empty() {
        return true;
    }
    // the longest placeholder is 4 characters (`#n/a`, `null`, `0.00`; full-width forms
    // fold to them); most data is longer
    if t.len() > 16 || t.chars().count() > 4 {
        return false;
    }
    let folded = || t.chars().map(|c| fold_char(c).to_ascii_lowercase());
    PLACEHOLDERS.iter().any(|p| p.chars().eq(folded()))
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

    #[test]
    fn full_width_placeholders_are_placeholders() {
        for t in ["Ｎ/Ａ", "－－", "０.０", "ｎｕｌｌ", "＃Ｎ/Ａ", " 无 ", "—"] {
            assert!(is_placeholder(t), "{t}");
        }
        for t in ["无锡", "00", "0.5", "张三", "NULL值", "n/a/b"] {
            assert!(!is_placeholder(t), "{t}");
        }
    }
}
