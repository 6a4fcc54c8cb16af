//! Calendar: the 25 holidays of indicators.md §3 in any supported year (lunar dates,
//! Qingming, the third Sunday of May), months and quarters (§4–§5), and the Chinese date
//! and number formats the UI and messages share.
//!
//! Code map:
//! - [`table`](mod@table): the 25 holidays as DATA (id, names, aliases, date rule).
//! - [`lunar`](mod@lunar): lunar → Gregorian dates (the `chinese-lunisolar-calendar` crate's tables).
//! - [`qingming`](mod@qingming): the Qingming solar term (a mean-term formula, no ephemeris).
//! - [`holidays`](mod@holidays): the dated holidays of one year.
//! - [`period`](mod@period): months and quarters, ended / current / future at the as-of date.
//! - [`format`](mod@format): `2017年6月12日`, `12,345`, `2.5`, `13.3%`.
//! - [`period_text`](mod@period_text): `2017-Q3` → `第三季度` / `Q3`, for sentences and the page.
//!
//! Invariant: nothing here panics, whatever the year; years outside
//! [`supported_years`] give `None` or an empty list. Every date of every supported year
//! is checked against an independent implementation by `tests/calendar_fixture.rs`.

pub mod format;
pub mod holidays;
pub mod lunar;
pub mod period;
pub mod period_text;
pub mod qingming;
pub mod table;

pub use format::{fmt_count, fmt_date_zh, fmt_hours, fmt_int_zh, fmt_pct};
pub use holidays::{holiday_by_id, holidays, supported_years, Holiday};
pub use lunar::lunar_to_solar;
pub use period::{days_left_in_year, months, quarters, Period, PeriodState};
pub use period_text::{day_text, missing_item_text, period_text};
pub use qingming::qingming;
pub use table::{HolidayDef, HolidayRule, HOLIDAYS};
