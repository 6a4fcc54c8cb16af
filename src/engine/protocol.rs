//! Messages between the page and the engine. Serialised as JSON strings; file contents
//! travel beside them as `File`/`Blob` objects (read inside the worker, never copied
//! into the page's memory), and files the engine makes come back as bytes beside them.
//!
//! Externally tagged (`"ping"`, `{"score": {…}}`), not `tag = "kind"`: an internally
//! tagged enum is read through serde's buffered `Content`, which compiles a second reader
//! of every type inside it (measured: 28 KB gzipped of wasm).
use chrono::NaiveDate;
use scorecard_domain::export::{RowTable, RowsCut};
use scorecard_domain::import::{FileOutcome, ImportOptions, Progress};
use scorecard_domain::profile::Profile;
use scorecard_domain::score::checklist_items::ChecklistItem;
use scorecard_domain::score::insights::{Charts, Replay, StarList, WhatIf};
use scorecard_domain::score::Scorecard;
use scorecard_domain::{Context, DataYear};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    Ping,
    /// Imports the files sent beside the request (same order as `names`), replacing
    /// whatever was imported before.
    Import {
        names: Vec<String>,
        options: ImportOptions,
        /// For stations' report files among them: the town's passphrase and context.
        #[serde(default)]
        town: Option<scorecard_domain::report_file::TownOptions>,
    },
    /// The station's report file for its town (汇总报送) from the imported data.
    Pack {
        context: Context,
        passphrase: String,
        today: NaiveDate,
    },
    /// Scores the imported data (or none) with this context and profile.
    Score {
        context: Context,
        profile: Profile,
        today: NaiveDate,
    },
    /// The monthly inspection replay (slower: one evaluation per ended month).
    Replay {
        context: Context,
        profile: Profile,
        today: NaiveDate,
    },
    /// The rows with problems of the last import, as an xlsx keeping their columns.
    FailedRows,
    /// The blank templates of the four tables (one workbook).
    Template,
    /// The rows behind an indicator (or one station of it) of the last score, masked.
    Rows {
        indicator: String,
        station: Option<String>,
    },
    /// The same rows as a CSV file.
    RowsCsv {
        indicator: String,
        station: Option<String>,
        english: bool,
    },
    /// The report of the last score as an xlsx workbook (summary, one sheet per
    /// indicator with its rows, stations, findings, replay, stars, what-if).
    ScorecardXlsx,
    /// The last score as a CSV (UTF-8 with BOM).
    ScorecardCsv {
        english: bool,
    },
    /// The demo town's workbook for year `year` as it stands on `until` (synthetic,
    /// deterministic; `samples::demo_until` says which day).
    Sample {
        year: i32,
        until: NaiveDate,
    },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Pong {
        version: String,
    },
    Imported(ImportSummary),
    Scored(Box<ScoreView>),
    Replayed(Replay),
    /// `cut` says when the list stops at the cap (the dialog and the CSV say so).
    Rows {
        tables: Vec<RowTable>,
        cut: Option<RowsCut>,
    },
    /// A file made by the engine; its bytes travel beside the response.
    File {
        name: String,
        mime: String,
    },
    /// The request could not be carried out; says why in Chinese and English.
    Failed {
        zh: String,
        en: String,
    },
    /// This worker cannot read the `File`s it was sent (WebKit from `file://`): the page
    /// sends the same import again with the files' bytes, transferred.
    NeedBytes,
}

/// What the import screen needs of an import (the tables stay in the engine).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Per file and sheet, without the raw failed rows (those stay in the engine).
    pub files: Vec<FileOutcome>,
    pub volunteers: usize,
    pub records: usize,
    pub activities: usize,
    pub trainings: usize,
    /// Rows with problems kept for the failed-rows workbook.
    pub failed_rows: usize,
    pub cancelled: bool,
    /// The year most dated rows are in (the page offers it when the context names another).
    #[serde(default)]
    pub data_year: Option<DataYear>,
}

/// Everything the scorecard screen shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreView {
    pub card: Scorecard,
    pub checklist: Vec<ChecklistItem>,
    pub charts: Charts,
    pub what_if: WhatIf,
    /// Star levels on the national scale (`None` if that scale were ever missing).
    pub stars: Option<StarList>,
}

/// A progress report sent while a request runs.
pub type ImportProgress = Progress;

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV_MIME: &str = "text/csv;charset=utf-8";
pub const JSON_MIME: &str = "application/json";
