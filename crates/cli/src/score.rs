//! `scorecard score`: the files scored against a profile.
//!
//! ```text
//! scorecard score --profile ID --year Y [--as-of YYYY-MM-DD] [--population N] [--staff N]
//!                 [--unit-type T] [--stations A,B,…] [--context FILE.json] [--format json|text]
//!                 [--passphrase-file FILE] FILE...
//! ```
//! The context file is the JSON the web app exports; flags override it. Without an as-of
//! date the day is today (clamped into the year). `--profile` takes a built-in id or the
//! path of a custom profile exported as JSON. Stations' report files (报送文件, `scorecard
//! pack`) may be among the files: with the town's `--passphrase-file` they are scored as
//! the page scores them.
//!
//! Exit: 0 when every file was read (whatever the indicators say); 1 when a file (or the
//! context file) could not be read, after printing the scorecard of what was read; 2 on a
//! usage error (unknown profile, bad date, bad unit type, bad context JSON).

use crate::Format;
use chrono::{Datelike, NaiveDate};
use clap::Args;
use scorecard_domain::import::{import, FileInput, ImportOptions};
use scorecard_domain::profile::{builtin, import_json, Profile, DEFAULT_ID};
use scorecard_domain::score::checklist_items::checklist_items;
use scorecard_domain::score::{score, Scorecard, Status};
use scorecard_domain::{Context, Finding, Tables, UnitType};
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub(crate) struct ScoreArgs {
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
    /// The town's passphrase for stations' report files among FILES (汇总报送): a file
    /// holding it (never typed on the command line, where it would stay in the history).
    #[arg(long = "passphrase-file")]
    pub passphrase_file: Option<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// A usage problem (exit 2) or an unreadable file (exit 1), with its message.
pub(crate) enum Fail {
    Usage(String),
    Read(String),
}

pub(crate) fn run(args: &ScoreArgs) -> i32 {
    let today = chrono::Local::now().date_naive();
    let (ctx, options) = match build_context(args, today) {
        Ok(c) => c,
        Err(Fail::Usage(m)) => {
            eprintln!("scorecard score: {m}");
            return 2;
        }
        Err(Fail::Read(m)) => {
            eprintln!("scorecard score: {m}");
            return 1;
        }
    };
    let profile = match load_profile(args, &ctx) {
        Ok(p) => p,
        Err(m) => {
            eprintln!("scorecard score: {m}");
            return 2;
        }
    };
    let ctx = Context { profile: profile.id.clone(), ..ctx };
    let mut options = options;
    if let Some(path) = &args.passphrase_file {
        match read_passphrase(path) {
            Ok(p) => options.town = Some(town_options(&ctx, p, today)),
            Err(Fail::Usage(m) | Fail::Read(m)) => {
                eprintln!("scorecard score: {m}");
                return 2;
            }
        }
    } else {
        // without a passphrase a report file says what is missing, not "unreadable"
        options.town = Some(town_options(&ctx, String::new(), today));
    }
    let (tables, import_findings, unreadable) = read_files(&args.files, &options);
    for m in &unreadable {
        eprintln!("scorecard score: {m}");
    }
    let mut card = score(&profile, &ctx, &tables, today);
    let mut findings = import_findings;
    findings.append(&mut card.findings);
    card.findings = findings;
    let out = match args.format {
        Format::Json => json(&card, &profile, &ctx, &tables, today),
        Format::Text => text(&card),
    };
    crate::out::line(&out);
    if unreadable.is_empty() {
        0
    } else {
        1
    }
}

/// What the town's import checks report files against (its profile, year, as-of date
/// and stations), with its passphrase (empty: none given).
pub(crate) fn town_options(
    ctx: &Context,
    passphrase: String,
    today: NaiveDate,
) -> scorecard_domain::report_file::TownOptions {
    scorecard_domain::report_file::TownOptions {
        passphrase: Some(passphrase).filter(|p| !p.is_empty()),
        profile: ctx.profile.clone(),
        year: ctx.year,
        as_of: Some(ctx.as_of(today)),
        stations: ctx.stations.clone(),
    }
}

/// The passphrase in `path` (its first line, spaces around ignored).
pub(crate) fn read_passphrase(path: &Path) -> Result<String, Fail> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Fail::Usage(format!("无法读取口令文件 {} / cannot read the passphrase file: {e}", path.display()))
    })?;
    let p = text.trim_start_matches('\u{feff}').lines().next().unwrap_or("").trim().to_string();
    let min = scorecard_domain::report_file::passkey::MIN_CHARS;
    if p.chars().count() < min {
        return Err(Fail::Usage(format!(
            "口令文件 {} 中的口令太短：至少 {min} 个字符 / the passphrase in {} is too short: at least {min} characters",
            path.display(),
            path.display()
        )));
    }
    Ok(p)
}

/// The context: the file's (if any), then the flags on top.
pub(crate) fn build_context(args: &ScoreArgs, today: NaiveDate) -> Result<(Context, ImportOptions), Fail> {
    let (mut ctx, options) = match &args.context {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                Fail::Read(format!("无法读取情境文件 {} / cannot read the context file: {e}", path.display()))
            })?;
            // The web app's context export (with its column mappings under "import").
            scorecard_domain::export::read_context_json(&text).map_err(|e| {
                Fail::Usage(format!("情境文件 {} 不是有效的 JSON / the context file is not valid: {e}", path.display()))
            })?
        }
        None => (Context { as_of: None, ..Context::default() }, ImportOptions::default()),
    };
    if let Some(s) = &args.as_of {
        let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
            Fail::Usage(format!("截止日期「{s}」应写成 YYYY-MM-DD / the as-of date must be YYYY-MM-DD, got \"{s}\""))
        })?;
        ctx.as_of = Some(d);
    }
    ctx.year = match (args.year, &args.context, ctx.as_of) {
        (Some(y), _, _) => y,
        (None, Some(_), _) => ctx.year,
        (None, None, Some(d)) => d.year(),
        (None, None, None) => today.year(),
    };
    if NaiveDate::from_ymd_opt(ctx.year, 1, 1).is_none() || !(1900..=2200).contains(&ctx.year) {
        return Err(Fail::Usage(format!("考核年度 {} 无效 / the year {} is not valid", ctx.year, ctx.year)));
    }
    if let Some(p) = args.population {
        ctx.population = Some(p);
    }
    if let Some(s) = args.staff {
        ctx.staff = Some(s);
    }
    if let Some(t) = &args.unit_type {
        let u = UnitType::parse(t).ok_or_else(|| {
            let known: Vec<String> = UnitType::ALL.iter().map(|u| format!("{} ({})", u.code(), u.label_zh())).collect();
            Fail::Usage(format!("未知的单位类型「{t}」/ unknown unit type; one of: {}", known.join(", ")))
        })?;
        ctx.unit_type = Some(u);
    }
    let stations: Vec<String> = args
        .stations
        .iter()
        .flat_map(|s| s.split(['，', '、']))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if !stations.is_empty() {
        ctx.stations = stations;
    }
    Ok((ctx, options))
}

/// A built-in profile by id, or a custom profile from a JSON file.
pub(crate) fn load_profile(args: &ScoreArgs, ctx: &Context) -> Result<Profile, String> {
    let id = args.profile.clone().unwrap_or_else(|| {
        if args.context.is_some() {
            ctx.profile.clone()
        } else {
            DEFAULT_ID.into()
        }
    });
    if let Some(p) = builtin(&id) {
        return Ok(p);
    }
    let path = Path::new(&id);
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) && path.is_file() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("无法读取方案文件 {id} / cannot read the profile: {e}"))?;
        return match import_json(&text) {
            Ok((p, _warnings)) => Ok(p),
            Err(problems) => {
                let lines: Vec<String> =
                    problems.iter().map(|p| format!("  - {} / {}", p.message, p.message_en)).collect();
                Err(format!("方案文件 {id} 有问题 / the profile has problems:\n{}", lines.join("\n")))
            }
        };
    }
    let ids = scorecard_domain::profile::BUILTIN_IDS.join(", ");
    Err(format!("未知的方案「{id}」/ unknown profile \"{id}\"; built-in: {ids} (or a custom profile .json)"))
}

/// Reads and imports every file; returns the tables, the import findings and one message
/// per file that could not be read.
pub(crate) fn read_files(paths: &[PathBuf], options: &ImportOptions) -> (Tables, Vec<Finding>, Vec<String>) {
    let mut unreadable = Vec::new();
    let mut loaded: Vec<(String, Vec<u8>)> = Vec::new();
    for p in paths {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string());
        match std::fs::read(p) {
            Ok(bytes) => loaded.push((name, bytes)),
            Err(e) => unreadable.push(format!("无法读取文件 {} / cannot read {}: {e}", p.display(), p.display())),
        }
    }
    let inputs: Vec<FileInput> = loaded.iter().map(|(name, bytes)| FileInput { name, bytes }).collect();
    let imported = import(&inputs, options);
    for f in &imported.files {
        if let Some(e) = &f.error {
            unreadable.push(format!("{} / {}", e.message_zh(&f.name), e.message_en(&f.name)));
        }
    }
    (imported.tables, imported.findings, unreadable)
}

/// The CLI's JSON: the scorecard (profile, year, as_of, summary, indicators, findings …)
/// plus the checklist items this context needs.
fn json(card: &Scorecard, profile: &Profile, ctx: &Context, tables: &Tables, today: NaiveDate) -> String {
    let mut v = serde_json::to_value(card).unwrap_or_default();
    if let Some(obj) = v.as_object_mut() {
        let items = checklist_items(profile, ctx, tables, today);
        obj.insert("checklist".into(), serde_json::to_value(items).unwrap_or_default());
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

fn value_text(unit: scorecard_domain::score::Unit, v: Option<f64>) -> String {
    use scorecard_domain::phrasing::{fmt_hours, fmt_pct};
    use scorecard_domain::score::Unit;
    match v {
        None => "—".into(),
        Some(x) => match unit {
            Unit::Ratio => fmt_pct(x),
            Unit::Hours => format!("{} 小时", fmt_hours(x)),
            _ => fmt_hours(x),
        },
    }
}

/// A plain-text scorecard for a terminal.
fn text(card: &Scorecard) -> String {
    let s = &card.summary;
    let mut out = format!(
        "{}（{}）— {} 年，截至 {}，剩 {} 天\n达标 {} · 未达标 {} · 按进度 {} · 落后 {} · 进行中 {} · 需补充 {}",
        card.profile_name,
        card.profile,
        card.year,
        card.as_of,
        card.days_left,
        s.met,
        s.not_met,
        s.on_track,
        s.behind,
        s.in_progress,
        s.needs_input
    );
    if s.bonus_total > 0 {
        out.push_str(&format!(" · 加分项 {}/{}", s.bonus_met, s.bonus_total));
    }
    out.push('\n');
    for r in &card.indicators {
        let d = &r.detail;
        let bonus = if r.bonus { "［加分项］" } else { "" };
        out.push_str(&format!(
            "\n{:<4} {}{}  {}  {} / {}\n     {}\n",
            r.id,
            r.label,
            bonus,
            d.status.label_zh(),
            value_text(d.unit, d.value),
            value_text(d.unit, d.target),
            r.source
        ));
        if let Some(g) = &d.gap {
            out.push_str(&format!("     → {g}\n"));
        }
        for st in r.stations.iter().filter(|st| st.detail.status != Status::Met) {
            out.push_str(&format!(
                "     · {} {}：{}\n",
                st.station,
                st.detail.status.label_zh(),
                st.detail.gap.clone().unwrap_or_default()
            ));
        }
    }
    for o in &card.omitted {
        out.push_str(&format!("\n{:<4} 未显示：{}\n", o.id, o.reason));
    }
    if !s.stations_short.is_empty() {
        out.push_str("\n未达标站点：\n");
        for st in &s.stations_short {
            out.push_str(&format!("  {}：{}\n", st.station, st.indicators.join("、")));
        }
    }
    if !card.findings.is_empty() {
        out.push_str(&format!("\n发现的问题（{} 条）：\n", card.findings.len()));
        for f in card.findings.iter().take(50) {
            out.push_str(&format!("  [{}] {}：{}\n", f.kind.label_zh(), f.location_zh(), f.message));
        }
        if card.findings.len() > 50 {
            out.push_str(&format!("  …… 另有 {} 条，用 --format json 查看全部\n", card.findings.len() - 50));
        }
    }
    out
}
