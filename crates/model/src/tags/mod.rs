//! Tags: which themes, professional teams and holidays an activity is about
//! (indicators.md §3), matched against dictionaries that are DATA (editable in a custom
//! profile, hence serde and owned strings).
//!
//! Code map:
//! - [`dict`]: `Tag`, `TagDict`, how text is normalised, split and matched.
//! - [`defaults`]: the built-in theme, team and holiday dictionaries of §3.
//! - [`activity`]: the tags of one activity row (cells first, else inferred from its
//!   name), holiday suggestions by date, and the activity key used for confirmations.
//!
//! Invariant: matching never fails and never panics: unknown words simply match nothing
//! ([`TagDict::unmatched`] lists them for findings).

pub mod activity;
pub mod defaults;
pub mod dict;

pub use activity::{activity_key, holiday_named, near_holiday, tag_activity, ActivityTags};
pub use defaults::{default_teams, default_themes, holiday_dict};
pub use dict::{split_cell, Tag, TagDict};
