//! The corpus of header shapes (issue 30): real header rows gathered from public sources
//! (`tests/fixtures/header_shapes/*.json`, each with its source), with the role and fields
//! a clerk would give them. Only headers and a description of the cells under them were
//! kept; every file is made here with generated cells (`cell.rs`), nobody real.
//!
//! The corpus is split once into a development half, which recognition may be tuned on,
//! and a held-out half, which it may not: a held-out case that fails is fixed by mending the
//! mechanism, then moved to the development half and replaced by a new held-out one.

pub mod cell;
pub mod measure;

use crate::support::corpus::write::{xlsx, Sheet};
use scorecard_domain::model::{Field, Role};
use serde::Deserialize;

/// One shape as gathered.
#[derive(Clone, Debug, Deserialize)]
#[allow(dead_code)] // language and notes are for the reader of the corpus
pub struct Shape {
    pub id: String,
    pub source: String,
    pub kind: String,
    #[serde(default)]
    pub language: String,
    /// "dev" or "heldout".
    pub half: String,
    #[serde(default)]
    pub title_rows: Vec<String>,
    pub header_rows: Vec<Vec<String>>,
    /// (header row, first column, last column[, last header row]) of merged header cells.
    #[serde(default)]
    pub merges: Vec<Vec<u32>>,
    pub columns: Vec<Column>,
    /// What a clerk calls the sheet (`Volunteers`, `Records` …), or null: not about people.
    pub role: Option<String>,
    pub rows: u32,
    #[serde(default)]
    pub notes: String,
}

/// One column: what its cells hold (`cell.rs`) and the field a clerk maps it to.
#[derive(Clone, Debug, Deserialize)]
pub struct Column {
    pub cells: String,
    pub field: Option<String>,
}

impl Shape {
    pub fn role(&self) -> Option<Role> {
        self.role.as_deref().map(|r| {
            *Role::ALL.iter().find(|x| format!("{x:?}") == r).unwrap_or_else(|| panic!("{}: role {r}", self.id))
        })
    }

    pub fn fields(&self) -> Vec<Option<Field>> {
        self.columns.iter().map(|c| c.field.as_deref().map(|f| field(&self.id, f))).collect()
    }

    /// The headers as the import shows them: the last header row's text, under its group's
    /// (`基本信息/姓名`) when a merged group stands above it.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// The file of this shape: an xlsx of one sheet, title rows, header rows (merged where
    /// the real sheet merges), then `rows` generated rows.
    pub fn file(&self) -> (String, Vec<u8>) {
        let mut g = cell::Gen::new(seed(&self.id));
        let width = self.width();
        let mut rows: Vec<Vec<String>> = Vec::new();
        for t in &self.title_rows {
            let mut r = vec![String::new(); width];
            r[0] = t.clone();
            rows.push(r);
        }
        let first_header = rows.len() as u32;
        for h in &self.header_rows {
            let mut r = h.clone();
            r.resize(width, String::new());
            rows.push(r);
        }
        let year = 2024;
        for i in 0..self.rows {
            rows.push(self.columns.iter().map(|c| g.cell(&c.cells, i, year)).collect());
        }
        let mut sheet = Sheet::new("Sheet1", rows);
        for m in &self.merges {
            let (r, c1, c2) = (m[0], m[1], m[2]);
            let r2 = m.get(3).copied().unwrap_or(r);
            sheet.merges.push((first_header + r, c1 as u16, first_header + r2, c2 as u16));
        }
        (format!("{}.xlsx", self.id), xlsx(&[sheet]))
    }
}

fn field(id: &str, name: &str) -> Field {
    *Field::ALL.iter().find(|x| format!("{x:?}") == name).unwrap_or_else(|| panic!("{id}: field {name}"))
}

/// A seed from the id, so a shape's file is the same on every run.
fn seed(id: &str) -> u64 {
    id.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

/// Every shape of the corpus files, in file then listed order.
pub fn all() -> Vec<Shape> {
    let dir = format!("{}/tests/fixtures/header_shapes", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let shapes: Vec<Shape> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        out.extend(shapes);
    }
    out
}
