//! `scorecard score`: the files scored against a profile.
use crate::Format;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ScoreArgs {
    #[arg(long)]
    pub profile: Option<String>,
    #[arg(long)]
    pub year: Option<i32>,
    #[arg(long = "as-of")]
    pub as_of: Option<String>,
    #[arg(long)]
    pub population: Option<u64>,
    #[arg(long)]
    pub staff: Option<u64>,
    #[arg(long = "unit-type")]
    pub unit_type: Option<String>,
    #[arg(long, value_delimiter = ',')]
    pub stations: Vec<String>,
    #[arg(long)]
    pub context: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    pub files: Vec<PathBuf>,
}

pub fn run(_args: &ScoreArgs) -> i32 {
    eprintln!("scorecard score: not implemented yet");
    1
}
