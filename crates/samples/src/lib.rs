//! Sample files: the blank templates the web app offers for download, and deterministic
//! synthetic data (roster, service records, activities, trainings) written as clean or
//! messy workbooks and as CSV, for demos, import tests and benchmarks.
//!
//! Code map:
//! - [`templates`]: `template_workbook()`, `template_for(role)`: headers, notes, lists.
//! - [`demo`]: the demo town of 载入示例数据: `demo_workbook(year)` (or `_until` a day of it),
//!   `demo_context(year)`.
//! - [`synth`]: `SynthSpec`, `Synth` (streams records), `synth_rows(spec) -> SynthData`.
//! - [`rows`]: the plain rows and the facts computed from them (`SynthData::hours_by_station` …).
//! - [`xlsx`]: `synth_workbook(spec, Style::Clean | Style::Messy)`, `write_clean` for big files.
//! - [`csv`]: `synth_csv(rows, Encoding::Utf8Bom | Utf8 | Gbk)`.
//! - [`cells`]: what each row puts in each column; the text forms of dates, hours, yes/no.
//! - [`headers`]: template headers, the synonyms messy sheets use, column widths.
//! - [`vocab`]: names, stations, area codes, activities, trainings: the words, as data.
//! - [`idcard`]: GB 11643 check character (our own, independent of import's).
//! - [`days`], [`rng`]: weighted days of a year; SplitMix64.
//!
//! Invariant: nothing here reads the clock or the environment: same input, same bytes.
//! Invariant: samples only use headers and words that import and the tag dictionaries
//! recognise, so they import without hand mapping.

pub mod cells;
pub mod csv;
pub mod days;
pub mod demo;
pub mod headers;
pub mod idcard;
pub mod rng;
pub mod rows;
pub mod synth;
pub mod templates;
pub mod vocab;
pub mod xlsx;

pub use cells::{SampleRow, Value};
pub use csv::{synth_csv, Encoding};
pub use demo::{
    demo_context, demo_file_name, demo_spec, demo_until, demo_workbook, demo_workbook_until, fill_demo_context,
    DEMO_SEED,
};
pub use headers::header_label;
pub use idcard::{gb11643_check, id_is_valid};
pub use rows::{ActivityRow, RecordRow, SynthData, TrainingRow, VolunteerRow};
pub use synth::{synth_rows, Synth, SynthSpec};
pub use templates::{template_for, template_workbook, INSTRUCTIONS_SHEET};
pub use xlsx::{data_workbook, synth_workbook, write_clean, Formats, Style};
