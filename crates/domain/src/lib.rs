//! 志愿服务自评台 / Volunteer Scorecard's core, as one door for the web app and the CLI.
//!
//! The layers live in crates of their own, so that cargo itself forbids a cycle
//! (ARCHITECTURE.md, "Layers"):
//! - [`scorecard_model`] (re-exported here at the root): text, findings, tables, context,
//!   calendar, tags, profiles, phrasing, the 报送文件 format;
//! - [`import`]: file bytes → sheets → typed tables + findings;
//! - [`score`]: typed tables → prepared rows → facts → the scorecard, and insights;
//! - [`export`]: the xlsx and CSV reports, drill-down tables, failed rows, the 报送文件 writer;
//! - [`samples`]: the demo town and synthetic workbooks.
//!
//! Invariant: nothing here or below knows about leptos, web-sys, gloo or the DOM; the same
//! code runs natively (tests, the `scorecard` CLI, benches) and in the browser (wasm32).
//! Invariant: nothing here panics on user data. Functions that meet bad input return
//! their value together with `Vec<Finding>`.

pub use scorecard_export as export;
pub use scorecard_import as import;
pub use scorecard_model::*;
pub use scorecard_samples as samples;
pub use scorecard_score as score;
