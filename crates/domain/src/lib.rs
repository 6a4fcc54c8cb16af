//! The pure core of 志愿服务自评台 / Volunteer Scorecard.
//!
//! Invariant: nothing here knows about leptos, web-sys, gloo or the DOM. The same code
//! runs natively (tests, the `scorecard` CLI, benches) and in the browser (wasm32).
//! Invariant: nothing here panics on user data. Functions that meet bad input return
//! their value together with `Vec<Finding>`.

pub mod builder;
pub mod calendar;
pub mod context;
pub mod extras;
pub mod finding;
pub mod import;
pub mod mask;
pub mod model;
pub mod prepare;
pub mod profile;
pub mod report;
pub mod safety;
pub mod samples;
pub mod score;
pub mod sort;
pub mod tags;
pub mod text;
pub mod town;
pub(crate) mod wire;

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
