//! Beyond the documents (indicators.md §6): star levels from cumulative hours (`stars`),
//! what-if for X1–X3 (`whatif`), the monthly inspection replay (月月通报, `replay`), the
//! numbers behind the charts (`charts`), and `dashboard`, which computes them with the
//! scorecard from one `prepare()` (the web app's Score answer).

pub mod charts;
pub mod dashboard;
pub mod replay;
pub mod stars;
pub mod whatif;

pub use charts::{charts, charts_from, Charts, MonthPoint, StationPoint};
pub use dashboard::{dashboard, Dashboard};
pub use replay::{monthly_replay, FirstShort, MonthSnapshot, Replay};
pub use stars::{scheme, schemes, star_levels, star_levels_from, StarList, StarScheme, StarVolunteer};
pub use whatif::{what_if, what_if_from, WhatIf};
