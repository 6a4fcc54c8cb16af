//! Yes/no cells (indicators.md §2): 是/否, 有/无, Y/N, ✓/✗, √/×, 1/0, true/false. For the
//! material columns (方案/记录/简报/图片) a file name or any other note means "we have it".

use crate::cell_parsers::fold::fold_width;
use crate::cell_parsers::Read;
use crate::input::cell::{trim, Cell};

/// Written forms of "yes", compared after width folding, trimming and lower-casing.
pub const YES: &[&str] = &[
    "是",
    "有",
    "y",
    "yes",
    "✓",
    "✔",
    "√",
    "☑",
    "1",
    "true",
    "对",
    "已",
    "已有",
    "有的",
    "已上传",
    "已提供",
    "齐全",
    "完成",
    "已完成",
];
/// Written forms of "no". A lone `-` or `/` is how clerks write "none" in a cell.
pub const NO: &[&str] = &[
    "否",
    "无",
    "n",
    "no",
    "✗",
    "✘",
    "×",
    "☐",
    "0",
    "false",
    "没有",
    "未",
    "暂无",
    "未上传",
    "未提供",
    "缺",
    "缺少",
    "未完成",
    "-",
    "—",
    "/",
    "\\",
];
/// Cells that could mean either; never guessed, even in a material column.
pub const AMBIGUOUS: &[&str] = &["x", "?", "未知", "不详", "不确定", "待定", "待补", "待补充", "部分"];

/// Reads a yes/no cell. `material`: any other non-empty text counts as yes.
pub fn read_flag(cell: &Cell, material: bool) -> Read<bool> {
    match cell {
        Cell::Empty => Read::Empty,
        Cell::Bool(b) => Read::Value(*b),
        Cell::Int(0) => Read::Value(false),
        Cell::Int(1) => Read::Value(true),
        Cell::Int(i) if material && *i > 0 => Read::Value(true),
        Cell::Float(f) if *f == 0.0 => Read::Value(false),
        Cell::Float(f) if *f == 1.0 || (material && *f > 0.0) => Read::Value(true),
        Cell::Text(t) => {
            let s = fold_width(trim(t)).to_lowercase();
            let s = s.trim();
            if s.is_empty() {
                Read::Empty
            } else if AMBIGUOUS.contains(&s) {
                Read::Unreadable
            } else if YES.contains(&s) {
                Read::Value(true)
            } else if NO.contains(&s) {
                Read::Value(false)
            } else if material {
                Read::Value(true)
            } else {
                Read::Unreadable
            }
        }
        _ => Read::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cell: Cell, material: bool, want: Read<bool>) {
        assert_eq!(read_flag(&cell, material), want, "{cell:?} material={material}");
    }

    #[test]
    fn lists_do_not_overlap() {
        for y in YES {
            assert!(!NO.contains(y) && !AMBIGUOUS.contains(y), "{y}");
        }
        for n in NO {
            assert!(!AMBIGUOUS.contains(n), "{n}");
        }
        for w in YES.iter().chain(NO).chain(AMBIGUOUS) {
            assert_eq!(*w, fold_width(w).to_lowercase().trim(), "{w} must be stored folded");
        }
    }

    #[test]
    fn yes_no_forms() {
        use Read::*;
        let t = |s: &'static str| Cell::Text(s.into());
        for s in ["是", "有", "Y", "yes", "YES", "✓", "√", "1", "true", "ｙ", " 是 "] {
            check(t(s), false, Value(true));
        }
        for s in ["否", "无", "N", "no", "✗", "×", "0", "FALSE", "-", "/"] {
            check(t(s), false, Value(false));
        }
        for s in ["X", "?", "未知", "待定"] {
            check(t(s), true, Unreadable);
            check(t(s), false, Unreadable);
        }
        check(t("活动方案.docx"), true, Value(true));
        check(t("活动方案.docx"), false, Unreadable);
        check(t(""), true, Empty);
        check(Cell::Empty, true, Empty);
        check(Cell::Bool(false), false, Value(false));
        check(Cell::Int(1), false, Value(true));
        check(Cell::Int(0), true, Value(false));
        check(Cell::Int(5), true, Value(true)); // five photos
        check(Cell::Int(5), false, Unreadable);
        check(Cell::Float(1.0), false, Value(true));
        check(Cell::Error("#REF!".into()), true, Unreadable);
    }
}
