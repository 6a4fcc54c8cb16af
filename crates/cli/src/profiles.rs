//! `scorecard profiles`: the built-in profiles and their indicators.
use crate::Format;

pub fn run(_format: Format) -> i32 {
    eprintln!("scorecard profiles: not implemented yet");
    1
}
