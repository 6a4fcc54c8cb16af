//! Calendar: the 25 holidays of indicators.md §3 in any supported year (lunar dates,
//! Qingming, the third Sunday of May), months and quarters (§4–§5) and their labels. Dates
//! and numbers as text are [`crate::phrasing`]'s.
//!
//! Code map:
//! - [`table`](mod@table): the 25 holidays as DATA (id, names, aliases, date rule).
//! - [`lunar`](mod@lunar): lunar → Gregorian dates (the `chinese-lunisolar-calendar` crate's tables).
//! - [`qingming`](mod@qingming): the Qingming solar term (a mean-term formula, no ephemeris).
//! - [`holidays`](mod@holidays): the dated holidays of one year.
//! - [`period`](mod@period): months and quarters, ended / current / future at the as-of date.
//! - [`period_text`](mod@period_text): `2017-Q3` → `第三季度` / `Q3`, for sentences and the page.
//!
//! Invariant: nothing here panics, whatever the year; years outside
//! [`supported_years`] give `None` or an empty list. Every date of every supported year
//! is checked against an independent implementation by `crates/domain/tests/domain/calendar_fixture.rs`.

pub mod holidays;
pub mod lunar;
pub mod period;
pub mod period_text;
pub mod qingming;
pub mod table;

pub use holidays::{holiday_by_id, holidays, Holiday};
pub use lunar::lunar_to_solar;
pub use period::{days_left_in_year, months, quarters, Period, PeriodState};
pub use period_text::{day_text, missing_item_text, period_text};
pub use qingming::qingming;
pub use table::{supported_years, HolidayDef, HolidayRule, HOLIDAYS};
