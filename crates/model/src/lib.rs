//! The model of 志愿服务自评台 / Volunteer Scorecard: what every other layer speaks — text
//! interning, findings, the typed tables, the context, the calendar, tags, profiles (the
//! indicator rules as data), number and date phrasing, and the 报送文件 format. The lowest
//! layer: it uses no other crate of the workspace.
//!
//! Code map:
//! - [`text`]: the string interner ([`Sym`]); [`finding`]: [`Finding`], its kinds, severities
//!   and classes, and the per-kind cap; [`fields`]: [`Role`] and `Field`, the column vocabulary.
//! - [`model`]: the four typed tables ([`Volunteer`], [`ServiceRecord`], [`Activity`],
//!   [`Training`]) in [`Tables`]; [`builder`]: tables from plain strings (tests, the demo).
//! - [`context`]: the assessment context (the context file's JSON).
//! - [`calendar`]: the 25 holidays, months and quarters; [`tags`]: theme, team and holiday
//!   dictionaries and matching; [`profile`]: the built-in profiles as data, custom ones.
//! - [`phrasing`]: numbers, dates and lists as text; [`mask`]: ID and phone masking;
//!   [`safety`]: the formula guard; [`sort`]: the one compiled stable sort.
//! - [`report_file`]: the 报送文件 format, the passphrase's key, the town's receipt.
//! - `wire`: reading tagged enums and flattened structs without serde's buffer.
//!
//! Invariant: nothing here knows about leptos, web-sys, gloo or the DOM. The same code
//! runs natively (tests, the `scorecard` CLI, benches) and in the browser (wasm32).
//! Invariant: nothing here panics on user data. Functions that meet bad input return
//! their value together with `Vec<Finding>`.

pub mod builder;
pub mod calendar;
pub mod context;
pub mod fields;
pub mod finding;
pub mod mask;
pub mod model;
pub mod phrasing;
pub mod profile;
pub mod report_file;
pub mod safety;
pub mod sort;
pub mod tags;
pub mod text;
#[doc(hidden)]
pub mod wire;

pub use context::{Context, Level, UnitType};

/// The app's version (every crate of the workspace shares it): in the page's footer and in
/// everything the app exports, so a file can be traced to the release that made it.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// "志愿服务自评台 v0.2.0", as the exports name their maker.
pub fn made_by() -> String {
    format!("志愿服务自评台 v{APP_VERSION}")
}
pub use finding::{Finding, FindingKind, Severity};
pub use model::{Activity, DataYear, Role, RowRef, ServiceRecord, SourceSheet, Tables, Training, Volunteer};
pub use text::{Interner, Sym};
