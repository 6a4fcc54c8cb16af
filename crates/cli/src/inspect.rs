//! `scorecard inspect`: what the importer sees in each file.
use crate::Format;
use std::path::PathBuf;

pub fn run(_files: &[PathBuf], _format: Format) -> i32 {
    eprintln!("scorecard inspect: not implemented yet");
    1
}
