//! Scoring: a profile's indicators evaluated over the imported tables for year `Y` as of `D`.
//! Uses the model crate only (never import).
//!
//! Code map, in stage order (Tables → [`prepare`] → [`facts`] → [`snapshot`] → `rules` →
//! [`Scorecard`]):
//! - [`prepare`]: §2 keys and checks: distinct volunteers, records matched to them and in the period.
//! - [`facts`]: what does not depend on the as-of date (stations, tagged activities, trainings);
//!   [`scope`]: which stations are assessed and where each row belongs.
//! - [`snapshot`]: the data as of `D`, through `prepare()`.
//! - `rules/`: one file per rule family, each indicator → a `Detail`; [`missing`]: stations
//!   whose data is not in the scorecard.
//! - [`result`]: the result types = the CLI JSON (`result_wire`: how they are read back);
//!   [`scorecard`]: the last stage, the results gathered into a [`Scorecard`], and [`score`].
//! - [`calendar_and_tags`]: the one door to the model's calendar and tags;
//!   [`checklist_items`]: the tick boxes a context answers, and their keys.
//! - [`insights`]: beyond the documents (§6): star levels, what-if, the monthly replay,
//!   charts, and the dashboard that computes them with the scorecard from one `prepare()`.
//!
//! Invariant: [`score`] never fails and never panics; whatever cannot be computed becomes
//! `needs_input` naming the field, and every row left out becomes a finding.

pub mod calendar_and_tags;
pub mod checklist_items;
pub mod facts;
pub mod insights;
pub mod missing;
pub mod prepare;
pub mod result;
mod result_wire;
mod rules;
pub mod scope;
pub mod scorecard;
pub mod snapshot;

pub use missing::missing_stations;

pub use result::with_every_row;
pub use result::{
    Detail, HolidaySuggestion, IndicatorResult, InputField, Missing, MissingStation, NamedCount, PeriodDetail, Rows,
    ShortVolunteer, SlotState, StationResult, Status, Unit,
};
pub use scorecard::{cap_findings, score, score_from, Omitted, Scorecard, StationShort, Summary, Unscored};
pub use snapshot::HoursSource;
