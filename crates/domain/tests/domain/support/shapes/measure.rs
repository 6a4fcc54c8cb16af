//! A shape's file imported with no hand mapping, against what a clerk expects of it: the
//! sheet's role, each column's field, the rows kept. One expectation per role, per column a
//! clerk maps (or the import maps when the clerk would not), and per sheet for its rows.

use super::Shape;
use crate::support::import_all;
use scorecard_domain::import::ImportOptions;
use scorecard_domain::model::Role;

/// How one shape fared.
#[derive(Debug, Default)]
pub struct Outcome {
    pub expectations: u32,
    pub held: u32,
    pub role_right: bool,
    pub fields: (u32, u32),
    pub rows_right: bool,
    /// A table not about people that was imported as people.
    pub people_from_non_people: bool,
    /// The sheet has no role and no one-click guess either (a dead end).
    pub dead_end: bool,
    pub wrong: Vec<String>,
}

pub fn check(shape: &Shape) -> Outcome {
    let file = shape.file();
    let imp = import_all(std::slice::from_ref(&file), &ImportOptions::default());
    let mut out = Outcome::default();
    let Some(sheet) = imp.files.first().and_then(|f| f.sheets.first()) else {
        out.expectations = 2;
        out.wrong.push(format!("{}: no sheet read ({:?})", shape.id, imp.files.first().map(|f| &f.error)));
        return out;
    };
    let want_role = shape.role();
    // the role
    out.expectations += 1;
    out.role_right = sheet.role == want_role;
    if out.role_right {
        out.held += 1;
    } else {
        out.wrong.push(format!("{}: role {:?}, want {want_role:?}", shape.id, sheet.role));
    }
    out.dead_end = sheet.role.is_none() && want_role.is_some() && sheet.guess.is_none();
    // the fields (only where the role is a table of ours)
    if want_role.is_some() {
        for (i, want) in shape.fields().into_iter().enumerate() {
            let got = sheet.columns.get(i).and_then(|c| c.field);
            if want.is_none() && got.is_none() {
                continue;
            }
            out.expectations += 1;
            out.fields.1 += 1;
            if got == want && sheet.role == want_role {
                out.held += 1;
                out.fields.0 += 1;
            } else {
                let header = sheet.columns.get(i).map_or("?", |c| c.header.as_str());
                out.wrong.push(format!("{}: column {i} 「{header}」 {got:?}, want {want:?}", shape.id));
            }
        }
    }
    // the rows kept
    let want_rows = if want_role.is_some() { u64::from(shape.rows) } else { 0 };
    out.expectations += 1;
    out.rows_right = sheet.counts.kept == want_rows;
    if out.rows_right {
        out.held += 1;
    } else {
        out.wrong.push(format!("{}: kept {}, want {want_rows}", shape.id, sheet.counts.kept));
    }
    // a table not about people at all (a field list, a code table, a summary): nothing of it
    // may become a volunteer or a record
    out.people_from_non_people = shape.kind.starts_with("not-people")
        && (matches!(sheet.role, Some(Role::Volunteers | Role::Records)) || !imp.tables.volunteers.is_empty());
    out
}

/// The figures of one half: sheets whose role is right, fields right, rows kept, and all
/// expectations together.
#[derive(Debug, Default)]
pub struct Tally {
    pub sheets: u32,
    pub roles: u32,
    pub fields: (u32, u32),
    pub rows: u32,
    pub expectations: u32,
    pub held: u32,
}

impl Tally {
    pub fn add(&mut self, o: &Outcome) {
        self.sheets += 1;
        self.roles += u32::from(o.role_right);
        self.fields.0 += o.fields.0;
        self.fields.1 += o.fields.1;
        self.rows += u32::from(o.rows_right);
        self.expectations += o.expectations;
        self.held += o.held;
    }

    pub fn share(&self) -> f64 {
        100.0 * f64::from(self.held) / f64::from(self.expectations.max(1))
    }

    /// The line the test prints and `docs/recognition.md` quotes.
    pub fn line(&self, half: &str) -> String {
        format!(
            "{half}: {} of {} expectations ({:.1} %): role right on {} of {} sheets, {} of {} fields, rows kept right on {} of {}",
            self.held,
            self.expectations,
            self.share(),
            self.roles,
            self.sheets,
            self.fields.0,
            self.fields.1,
            self.rows,
            self.sheets
        )
    }
}
