//! Column → field mapping: automatic from the synonyms, then the saved mapping for sheets
//! with the same headers, then the clerk's hand overrides for this file and sheet.
//!
//! The override types live in the web app's draft and the CLI's context file, so they are
//! serde and keyed by things a clerk can see (file and sheet names, Excel row numbers,
//! column indices, header texts).

use crate::choices::{ColumnOverride, SavedColumn, SavedMapping};
use crate::columns::header::{signature, ColumnHeader};
use crate::columns::meaning::{Why, WhyKind, IGNORED_HEADERS};
use crate::columns::role::field_of;
use crate::columns::synonyms::normalize_header;
use scorecard_model::model::{Field, Role};
use serde::{Deserialize, Serialize};

/// Where a role or a column's field came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Recognised from the headers.
    Auto,
    /// From a [`SavedMapping`] whose header signature matched.
    Saved,
    /// From a [`SheetOverride`](crate::choices::SheetOverride) for this file and sheet.
    Hand,
}

/// One column's mapping as decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped {
    pub field: Option<Field>,
    pub source: Source,
    /// Set when the column matched a field that another column already provides.
    pub duplicate_of: Option<u32>,
    /// Set when the column is one group's part among columns of the same name with no
    /// total among them (`儿童/人数`, `家长/人数` …): none of them is the total.
    pub sub_group: bool,
    /// Why the field was chosen automatically.
    pub why: Option<Why>,
}

impl Mapped {
    pub fn none(source: Source) -> Mapped {
        Mapped { field: None, source, duplicate_of: None, sub_group: false, why: None }
    }

    pub fn to(field: Option<Field>, source: Source) -> Mapped {
        Mapped { field, ..Mapped::none(source) }
    }
}

/// Words that make a group the total of its siblings (合计 over 儿童, 家长 …).
const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计", "总数", "共计", "总合计", "合计数", "总和", "全部"];

/// True when one of the column's pieces is a total (合计 over 儿童, 家长 …; or the last of
/// 学生, 教师, 合计 under 参与人数).
fn is_total(col: &ColumnHeader) -> bool {
    col.pieces.iter().any(|g| TOTAL_WORDS.iter().any(|w| normalize_header(g) == *w))
}

/// A column's pieces normalised: (its groups, its leaf).
fn parts(col: &ColumnHeader) -> (Vec<String>, String) {
    let mut p: Vec<String> = col.pieces.iter().map(|x| normalize_header(x)).collect();
    let leaf = p.pop().unwrap_or_default();
    (p, leaf)
}

/// Two columns are parts of one group when both sit under group headers and they differ
/// in their group (儿童/人数, 家长/人数) or in their leaf under the same group (参与人数/学生,
/// 参与人数/教师).
fn siblings(a: &(Vec<String>, String), b: &(Vec<String>, String)) -> bool {
    !a.0.is_empty() && !b.0.is_empty() && (a.1 == b.1 && a.0 != b.0 || a.0 == b.0 && a.1 != b.1)
}

/// The automatic mapping for `role`: each column its reading's field. When several
/// columns mean one field, one is chosen: under group headers with the same leaf, the
/// total's (合计/人数 over 儿童/人数 — and none of the parts when no total is there); else
/// the one marked as the volunteer's (志愿者身份证号 over a service recipient's 身份证号), then
/// the more specific name, then the leftmost. The others stay unused. A field that may
/// come from several columns ([`Field::many_columns`]) takes them all.
pub fn auto_map(columns: &[ColumnHeader], role: Role) -> Vec<Mapped> {
    let found: Vec<Option<&crate::columns::meaning::Reading>> = columns.iter().map(|c| field_of(c, role)).collect();
    let mut out: Vec<Mapped> = found
        .iter()
        .map(|r| Mapped { why: r.map(|r| r.why.clone()), field: r.map(|r| r.field), ..Mapped::none(Source::Auto) })
        .collect();
    let mut fields: Vec<Field> = found.iter().flatten().map(|r| r.field).collect();
    fields.dedup();
    let split: Vec<(Vec<String>, String)> = columns.iter().map(parts).collect();
    for field in Field::ALL.into_iter().filter(|f| fields.contains(f) && !f.many_columns()) {
        let cands: Vec<usize> = (0..columns.len()).filter(|&i| found[i].is_some_and(|r| r.field == field)).collect();
        if cands.len() < 2 {
            continue;
        }
        // parts of one group: the total's column, else the volunteers' (志愿者/人数 beside
        // 服务对象/人数), else none of them
        let grouped: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&i| cands.iter().any(|&j| j != i && siblings(&split[i], &split[j])))
            .collect();
        let volunteers_part = || {
            let mut v = grouped.iter().copied().filter(|&i| split[i].0.iter().any(|g| g.contains("志愿者")));
            match (v.next(), v.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        };
        let total = grouped.iter().copied().find(|&i| is_total(&columns[i])).or_else(volunteers_part);
        let winner = match total {
            Some(t) => Some(t),
            None if grouped.len() == cands.len() => None,
            None => cands.iter().copied().filter(|i| !grouped.contains(i)).min_by_key(|&i| {
                let r = found[i].expect("a candidate reads");
                (!r.volunteer, r.rank, i)
            }),
        };
        for &i in &cands {
            if Some(i) == winner {
                if total == Some(i) {
                    out[i].why =
                        Some(Why { kind: WhyKind::Total, word: columns[i].display.clone(), qualifier: String::new() });
                }
                continue;
            }
            out[i].field = None;
            out[i].why = None;
            match winner {
                Some(w) if !grouped.contains(&i) || total.is_some() => {
                    out[i].duplicate_of = columns.get(w).map(|c| c.index)
                }
                _ => out[i].sub_group = true,
            }
        }
    }
    out
}

/// True for headers we know but do not use (序号, 备注 …).
pub fn is_ignored_header(col: &ColumnHeader) -> bool {
    col.candidates.first().is_some_and(|c| IGNORED_HEADERS.contains(&c.as_str()))
}

/// Applies a saved mapping's columns (by header text) over `mapped`.
pub fn apply_saved(columns: &[ColumnHeader], mapped: &mut [Mapped], saved: &SavedMapping) {
    for (col, m) in columns.iter().zip(mapped.iter_mut()) {
        let key = normalize_header(&col.pieces.concat());
        if let Some(s) = saved.columns.iter().find(|s| s.header == key) {
            *m = Mapped::to(s.field, Source::Saved);
        }
    }
}

/// Applies hand overrides (by column index) over `mapped`; columns beyond the header are added.
pub fn apply_hand(mapped: &mut Vec<Mapped>, overrides: &[ColumnOverride]) {
    for o in overrides {
        let i = o.column as usize;
        if i >= 16_384 {
            continue;
        }
        if mapped.len() <= i {
            mapped.resize(i + 1, Mapped::none(Source::Auto));
        }
        if let Some(m) = mapped.get_mut(i) {
            *m = Mapped::to(o.field, Source::Hand);
        }
    }
}

/// A [`SavedMapping`] that reproduces the given columns' mapping for sheets with these headers.
pub fn saved_from(columns: &[ColumnHeader], role: Option<Role>, fields: &[Option<Field>]) -> SavedMapping {
    SavedMapping {
        signature: signature(columns),
        role,
        columns: columns
            .iter()
            .zip(fields)
            .filter(|(c, _)| !c.is_blank())
            .map(|(c, f)| SavedColumn { header: normalize_header(&c.pieces.concat()), field: *f, date_order: None })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::header::Grid;

    fn cols(headers: &[&str]) -> Vec<ColumnHeader> {
        let rows = vec![(0u32, headers.iter().map(|s| s.to_string()).collect::<Vec<_>>())];
        Grid { rows: &rows, merges: None }.band(0, 0).columns
    }

    #[test]
    fn the_more_specific_name_wins_a_field() {
        let c = cols(&["社区", "姓名", "所属站点"]);
        let m = auto_map(&c, Role::Volunteers);
        assert_eq!((m[0].field, m[0].duplicate_of), (None, Some(2)));
        assert_eq!(m[1].field, Some(Field::Name));
        assert_eq!(m[2].field, Some(Field::Station));
    }

    #[test]
    fn signature_ignores_spaces_and_notes_and_trailing_blanks() {
        assert_eq!(signature(&cols(&["序号", " 姓名（必填）", "服务\n时长", "", ""])), "序号|姓名|服务时长");
    }

    #[test]
    fn saved_then_hand() {
        let c = cols(&["甲", "乙", "丙"]);
        let mut m = auto_map(&c, Role::Records);
        assert!(m.iter().all(|m| m.field.is_none()));
        let saved = saved_from(&c, Some(Role::Records), &[Some(Field::Name), Some(Field::Date), Some(Field::Hours)]);
        assert_eq!(saved.signature, "甲|乙|丙");
        apply_saved(&c, &mut m, &saved);
        assert_eq!(
            m.iter().map(|m| (m.field, m.source)).collect::<Vec<_>>(),
            [
                (Some(Field::Name), Source::Saved),
                (Some(Field::Date), Source::Saved),
                (Some(Field::Hours), Source::Saved)
            ]
        );
        apply_hand(
            &mut m,
            &[ColumnOverride { column: 0, field: None }, ColumnOverride { column: 4, field: Some(Field::Station) }],
        );
        assert_eq!(m.len(), 5);
        assert_eq!((m[0].field, m[0].source), (None, Source::Hand));
        assert_eq!((m[4].field, m[4].source), (Some(Field::Station), Source::Hand));
    }
}
