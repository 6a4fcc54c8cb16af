//! Column → field mapping: automatic from the synonyms, then the saved mapping for sheets
//! with the same headers, then the clerk's hand overrides for this file and sheet.
//!
//! The override types live in the web app's draft and the CLI's context file, so they are
//! serde and keyed by things a clerk can see (file and sheet names, Excel row numbers,
//! column indices, header texts).

use super::header::{ColumnHeader, HeaderRows};
use super::role::field_of;
use super::synonyms::{normalize_header, IGNORED_HEADERS};
use crate::model::{Field, Role};
use serde::{Deserialize, Serialize};

/// Where a role or a column's field came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Recognised from the headers.
    Auto,
    /// From a [`SavedMapping`] whose header signature matched.
    Saved,
    /// From a [`SheetOverride`] for this file and sheet.
    Hand,
}

/// The clerk's corrections for one sheet of one file (a CSV has sheet "").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SheetOverride {
    pub file: String,
    pub sheet: String,
    /// Use this role; `None` keeps the detected one.
    pub role: Option<Role>,
    /// Do not import this sheet at all.
    pub ignore: bool,
    /// The header rows (Excel numbering); `None` keeps the detected ones.
    pub header_rows: Option<HeaderRows>,
    /// Per column (0 = A): the field, or `None` to leave the column unused.
    pub columns: Vec<ColumnOverride>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnOverride {
    pub column: u32,
    pub field: Option<Field>,
}

/// A hand mapping remembered by the sheet's header signature, applied again to any sheet
/// with the same headers (next month's export, another station's copy of the template).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedMapping {
    /// [`signature`] of the header texts.
    pub signature: String,
    pub role: Option<Role>,
    /// By normalised header text: the field, or `None` for "leave unused".
    pub columns: Vec<SavedColumn>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedColumn {
    pub header: String,
    pub field: Option<Field>,
}

/// The normalised header texts joined by `|`, trailing blank columns dropped:
/// `序号|基本信息姓名|基本信息性别|…`.
pub fn signature(columns: &[ColumnHeader]) -> String {
    let mut parts: Vec<String> = columns.iter().map(|c| normalize_header(&c.pieces.concat())).collect();
    while parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts.join("|")
}

/// One column's mapping as decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped {
    pub field: Option<Field>,
    pub source: Source,
    /// Set when the column matched a field that another column already provides.
    pub duplicate_of: Option<u32>,
}

/// The automatic mapping for `role`: each column its synonym's field; when two columns mean
/// the same field the more specific name wins (then the leftmost), the other stays unused.
pub fn auto_map(columns: &[ColumnHeader], role: Role) -> Vec<Mapped> {
    let found: Vec<Option<(Field, u8)>> = columns.iter().map(|c| field_of(c, role).map(|(f, r, _)| (f, r))).collect();
    found
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let Some((field, rank)) = *m else {
                return Mapped { field: None, source: Source::Auto, duplicate_of: None };
            };
            let winner = found
                .iter()
                .enumerate()
                .filter(|(_, o)| o.is_some_and(|(f, _)| f == field))
                .min_by_key(|(j, o)| (o.map_or(u8::MAX, |(_, r)| r), *j))
                .map(|(j, _)| j)
                .unwrap_or(i);
            if winner == i {
                Mapped { field: Some(field), source: Source::Auto, duplicate_of: None }
            } else {
                let _ = rank;
                Mapped { field: None, source: Source::Auto, duplicate_of: columns.get(winner).map(|c| c.index) }
            }
        })
        .collect()
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
            *m = Mapped { field: s.field, source: Source::Saved, duplicate_of: None };
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
            mapped.resize(i + 1, Mapped { field: None, source: Source::Auto, duplicate_of: None });
        }
        if let Some(m) = mapped.get_mut(i) {
            *m = Mapped { field: o.field, source: Source::Hand, duplicate_of: None };
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
            .map(|(c, f)| SavedColumn { header: normalize_header(&c.pieces.concat()), field: *f })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header::Grid;

    fn cols(headers: &[&str]) -> Vec<ColumnHeader> {
        let rows = vec![(0u32, headers.iter().map(|s| s.to_string()).collect::<Vec<_>>())];
        Grid { rows: &rows, merges: None }.band(0, 0).columns
    }

    #[test]
    fn the_more_specific_name_wins_a_field() {
        let c = cols(&["社区", "姓名", "所属站点"]);
        let m = auto_map(&c, Role::Volunteers);
        assert_eq!(m[0], Mapped { field: None, source: Source::Auto, duplicate_of: Some(2) });
        assert_eq!(m[1].field, Some(Field::Name));
        assert_eq!(m[2].field, Some(Field::Station));
    }

    #[test]
    fn signature_ignores_spaces_and_notes_and_trailing_blanks() {
        assert_eq!(signature(&cols(&["序号", " 姓名（必填）", "服务\n时长", "", ""])), "序号|姓名|服务时长");
    }

    #[test]
    fn saved_then_hand() {
        let c = cols(&["名字", "时间", "时数"]);
        let mut m = auto_map(&c, Role::Records);
        assert!(m.iter().all(|m| m.field.is_none()));
        let saved = saved_from(&c, Some(Role::Records), &[Some(Field::Name), Some(Field::Date), Some(Field::Hours)]);
        assert_eq!(saved.signature, "名字|时间|时数");
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
