//! What the CLI tests share: the binary cargo built for them, and a scratch folder per run.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The `scorecard` binary, ready for its arguments.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
}

/// Runs the binary with `args` to its end.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

/// A folder of this test run for one area's files, `<temp>/scorecard-cli-<area>-<pid>`,
/// created if missing.
pub fn scratch(area: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-{area}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
