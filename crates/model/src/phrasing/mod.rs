//! Numbers, dates and lists as the app writes them, in one place: `formats` for values on
//! their own (a date, a count, hours, a percentage), `sentences` for numbers inside a
//! sentence (a gap rounded up, a list cut after N names).

pub mod formats;
pub mod sentences;

pub use formats::{fmt_count, fmt_date_zh, fmt_hours, fmt_int_zh, fmt_pct};
