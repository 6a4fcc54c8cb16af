//! `scorecard holidays YEAR`: the 25 holidays of indicators.md §3 with their dates.
use crate::Format;

pub fn run(_year: i32, _format: Format) -> i32 {
    eprintln!("scorecard holidays: not implemented yet");
    1
}
