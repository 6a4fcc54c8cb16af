//! `scorecard pack`: a station's raw files → its report file for the town (汇总报送).
//!
//! ```text
//! scorecard pack [--context FILE.json] [--profile ID] [--year Y] [--as-of YYYY-MM-DD]
//!                [--station NAME] --passphrase-file FILE --output OUT.json FILE...
//! ```
//! The report holds no name, ID or phone number: volunteers are codes keyed by the town's
//! passphrase (docs/report-file.md). Without `--year` the year is the context's, else the
//! as-of date's, else this year's; when most of the data is dated in another year, a warning
//! on stderr names that year and the `--year` that packs it. Exit: 0 written; 1 a file could
//! not be read (nothing written: a report missing a file would be wrong at the town); 2 on a
//! usage error.

use crate::score::{build_context, load_profile, read_files, read_passphrase, Fail, ScoreArgs};
use clap::Args;
use scorecard_domain::export::pack;
use scorecard_domain::report_file::Passkey;
use scorecard_domain::Context;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub(crate) struct PackArgs {
    #[arg(long)]
    pub context: Option<PathBuf>,
    #[arg(long)]
    pub profile: Option<String>,
    #[arg(long)]
    pub year: Option<i32>,
    #[arg(long = "as-of")]
    pub as_of: Option<String>,
    /// The station's name (else the context's organisation).
    #[arg(long)]
    pub station: Option<String>,
    /// A file holding the passphrase the town gave its stations.
    #[arg(long = "passphrase-file", required = true)]
    pub passphrase_file: PathBuf,
    /// The report file to write (.json).
    #[arg(long, short)]
    pub output: PathBuf,
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub(crate) fn run(args: &PackArgs) -> i32 {
    let today = chrono::Local::now().date_naive();
    let as_score = ScoreArgs {
        profile: args.profile.clone(),
        year: args.year,
        as_of: args.as_of.clone(),
        population: None,
        staff: None,
        unit_type: None,
        stations: Vec::new(),
        context: args.context.clone(),
        format: crate::Format::Text,
        passphrase_file: None,
        files: Vec::new(),
    };
    let fail = |code: i32, m: String| {
        eprintln!("scorecard pack: {m}");
        code
    };
    let (ctx, options) = match build_context(&as_score, today) {
        Ok(c) => c,
        Err(Fail::Usage(m)) => return fail(2, m),
        Err(Fail::Read(m)) => return fail(1, m),
    };
    let profile = match load_profile(&as_score, &ctx) {
        Ok(p) => p,
        Err(m) => return fail(2, m),
    };
    let passphrase = match read_passphrase(&args.passphrase_file) {
        Ok(p) => p,
        Err(Fail::Usage(m) | Fail::Read(m)) => return fail(2, m),
    };
    let mut ctx = Context { profile: profile.id.clone(), ..ctx };
    if let Some(s) = &args.station {
        ctx.organisation = s.trim().to_string();
    }
    let (tables, findings, unreadable) = read_files(&args.files, &options);
    if !unreadable.is_empty() {
        for m in &unreadable {
            eprintln!("scorecard pack: {m}");
        }
        return fail(1, "未生成报送文件：有文件读不了 / no report file written: a file could not be read".into());
    }
    let key = Passkey::derive(&passphrase);
    let (file, pack_findings) = pack(&tables, &ctx, &key, today);
    let summary = format!(
        "{}：{} 名志愿者，{} 条月度时长，{} 项活动，{} 次培训；{} 年，截至 {}",
        file.station,
        file.volunteers.len(),
        file.hours.len(),
        file.activities.len(),
        file.trainings.len(),
        file.year,
        file.as_of
    );
    if let Err(e) = std::fs::write(&args.output, file.write(&key)) {
        return fail(1, format!("无法写入 {} / cannot write it: {e}", args.output.display()));
    }
    eprintln!("已生成报送文件 {}（{summary}）", args.output.display());
    if let Some(warning) = year_warning(&tables, ctx.year) {
        eprintln!("scorecard pack: {warning}");
    }
    let problems =
        findings.iter().chain(&pack_findings).filter(|f| f.severity != scorecard_domain::Severity::Info).count();
    if problems > 0 {
        eprintln!("导入时有 {problems} 条需要注意的问题：用 scorecard score 或 inspect 查看 / {problems} findings: see scorecard score or inspect");
    }
    0
}

/// Most of the data is of another year than the report file's (a 2024 ledger packed in 2026
/// without `--year`): the file holds none of its hours. The import screen says the same (its
/// year banner); here, with the flag that packs the data's year.
fn year_warning(tables: &scorecard_domain::Tables, year: i32) -> Option<String> {
    use scorecard_domain::phrasing::fmt_count;
    let y = tables.data_year().filter(|y| y.year != year)?;
    let (rows, of, data_year) = (fmt_count(y.rows), fmt_count(y.of), y.year);
    Some(format!(
        "注意：数据中有 {rows} 条（共 {of} 条有日期）在 {data_year} 年，而报送文件的考核年度是 {year} 年：这些记录都不会计入。\
         要报送 {data_year} 年，请加上 --year {data_year} 重新生成。 / note: {rows} of the {of} dated rows are in \
         {data_year}, but the report file is for {year}: they will not count. To report {data_year}, run it again with \
         --year {data_year}."
    ))
}
