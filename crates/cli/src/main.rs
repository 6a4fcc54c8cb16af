//! `scorecard`: the native command line over the same core as the web app.
//!
//! Exit codes: 0 when the files were read (whatever the indicators say), 1 when a file
//! could not be read (message on stderr), 2 on a usage error. Never a panic.

mod demo;
mod holidays;
mod inspect;
mod out;
mod pack;
mod profiles;
mod score;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "scorecard",
    version,
    about = "志愿服务自评台 — score volunteer-service indicators from Excel rosters"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

#[derive(Subcommand)]
enum Command {
    /// Per file and sheet: role, header row, column mapping, row counts and findings.
    Inspect {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Scores the files against a profile (stations' report files among them, with the
    /// town's --passphrase-file).
    Score(score::ScoreArgs),
    /// Writes a station's report file for its town (汇总报送) from its raw files: no names,
    /// ID or phone numbers, volunteers as codes of the town's passphrase.
    Pack(pack::PackArgs),
    /// The 25 holidays of a year with their dates.
    Holidays {
        year: i32,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Writes the demo town (载入示例数据) as a workbook, and its context as JSON.
    Demo {
        /// The workbook to write (.xlsx).
        out: PathBuf,
        /// Assessment year of the demo.
        #[arg(long, default_value_t = 2017)]
        year: i32,
        /// Also write the demo's context here (as of 31 December), for `score --context`.
        #[arg(long)]
        context: Option<PathBuf>,
        /// Also write each station's own workbook into this folder (for `pack`, 汇总报送).
        #[arg(long = "by-station")]
        by_station: Option<PathBuf>,
    },
    /// Lists the built-in profiles and their indicators.
    Profiles {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

fn main() {
    // clap exits 2 on usage errors and 0 for --help / --version.
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Inspect { files, format } => inspect::run(&files, format),
        Command::Score(args) => score::run(&args),
        Command::Pack(args) => pack::run(&args),
        Command::Holidays { year, format } => holidays::run(year, format),
        Command::Profiles { format } => profiles::run(format),
        Command::Demo { out, year, context, by_station } => {
            demo::run(&out, year, context.as_deref(), by_station.as_deref())
        }
    };
    std::process::exit(code);
}
