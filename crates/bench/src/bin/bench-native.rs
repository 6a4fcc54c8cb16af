//! bench-native [--runs N] [--year Y] [--as-of YYYY-MM-DD] [--population N] [--profile ID]
//!              [--label NAME] [--replay] [--cli PATH] [--only PHASE] FILE...
//!
//! On the same bytes, in one process: calamine's streaming parse alone (the reference)
//! against our import + score, each the median of N runs; optionally the monthly replay,
//! and the `scorecard score` CLI (a separate process, so reading the files is included).
//! `--only import|score|engine|dashboard|replay` repeats just that step N times (for a profiler;
//! the import then runs once, untimed, unless it is the step). `--dump DIR` writes what
//! the engine answers (scorecard, checklist, charts, what-if, stars, replay) as JSON to
//! compare two builds' results. `--probe` costs the importer's hot spots against the
//! proposed fixes (see `scorecard_bench::probe`).
//! Prints one JSON object (see bench/README.md for the fields) on stdout.
//! Exit 0 = measured, 1 = a file could not be read, 2 = usage.

use chrono::NaiveDate;
use scorecard_bench::measure::{self, InputFile};
use scorecard_domain::profile::builtin;
use scorecard_domain::Context;
use serde_json::json;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::Duration;

const USAGE: &str = "usage: bench-native [--runs N] [--year Y] [--as-of YYYY-MM-DD] [--population N] \
    [--profile ID] [--label NAME] [--replay] [--cli PATH] [--only import|score|engine|dashboard|replay] [--dump DIR] [--probe] FILE...";

struct Args {
    files: Vec<PathBuf>,
    runs: usize,
    year: i32,
    as_of: Option<NaiveDate>,
    population: u64,
    profile: String,
    label: String,
    replay: bool,
    cli: Option<PathBuf>,
    only: Option<String>,
    dump: Option<PathBuf>,
    probe: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        files: Vec::new(),
        runs: 3,
        year: 2017,
        as_of: None,
        population: 1_000_000,
        profile: "xindu2017-town".into(),
        label: String::new(),
        replay: false,
        cli: None,
        only: None,
        dump: None,
        probe: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--runs" => a.runs = value("--runs")?.parse().map_err(|_| "--runs takes a number")?,
            "--year" => a.year = value("--year")?.parse().map_err(|_| "--year takes a year")?,
            "--as-of" => {
                let v = value("--as-of")?;
                a.as_of = Some(v.parse().map_err(|_| format!("--as-of {v:?} is not YYYY-MM-DD"))?);
            }
            "--population" => {
                a.population = value("--population")?.parse().map_err(|_| "--population takes a number")?
            }
            "--profile" => a.profile = value("--profile")?,
            "--label" => a.label = value("--label")?,
            "--replay" => a.replay = true,
            "--cli" => a.cli = Some(PathBuf::from(value("--cli")?)),
            "--dump" => a.dump = Some(PathBuf::from(value("--dump")?)),
            "--probe" => a.probe = true,
            "--only" => {
                let v = value("--only")?;
                if !["import", "score", "engine", "dashboard", "replay"].contains(&v.as_str()) {
                    return Err(format!("--only takes import, score, engine, dashboard or replay, not {v:?}"));
                }
                a.only = Some(v);
            }
            "-h" | "--help" => return Err(String::new()),
            f if f.starts_with("--") => return Err(format!("unknown option {f:?}")),
            f => a.files.push(PathBuf::from(f)),
        }
    }
    if a.files.is_empty() {
        return Err("no files given".into());
    }
    a.runs = a.runs.max(1);
    Ok(a)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(m) => {
            if !m.is_empty() {
                eprintln!("bench-native: {m}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(m) => {
            eprintln!("bench-native: {m}");
            ExitCode::from(1)
        }
    }
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

fn run(args: &Args) -> Result<(), String> {
    let files: Vec<InputFile> = args
        .files
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let name = p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned());
            Ok(InputFile { name, bytes })
        })
        .collect::<Result<_, String>>()?;
    let profile = builtin(&args.profile).ok_or_else(|| format!("no built-in profile {:?}", args.profile))?;
    let as_of = match args.as_of {
        Some(d) => d,
        None => NaiveDate::from_ymd_opt(args.year, 12, 31).ok_or("--year out of range")?,
    };
    let ctx = Context {
        profile: profile.id.clone(),
        year: args.year,
        as_of: Some(as_of),
        population: Some(args.population),
        ..Context::default()
    };
    let bytes: u64 = files.iter().map(|f| f.bytes.len() as u64).sum();
    if args.probe {
        for f in &files {
            println!("{}", scorecard_bench::probe::probe(f, args.runs)?);
        }
        return Ok(());
    }
    if let Some(dir) = &args.dump {
        return dump(dir, &files, &profile, &ctx, as_of);
    }
    if let Some(step) = &args.only {
        return only(step, args, &files, &profile, &ctx, as_of);
    }

    let (mut t_cal, mut t_imp, mut t_score, mut t_engine, mut t_dash, mut t_replay) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let mut cells = 0;
    let mut counts = json!(null);
    let mut peak_import = None;
    for run in 0..args.runs {
        let (n, d) = measure::timed_cpu(|| measure::calamine_stream(&files));
        cells = n?;
        t_cal.push(d);
        // The import's own peak (the bytes are already resident): reset, import, read.
        let reset = measure::reset_peak_rss();
        let (imp, d) = measure::timed_cpu(|| measure::import_files(&files));
        if reset && run == 0 {
            peak_import = measure::peak_rss_kib();
        }
        t_imp.push(d);
        let (card, d) = measure::timed_cpu(|| measure::score_card(&profile, &ctx, &imp.tables, as_of));
        t_score.push(d);
        let (_, d) = measure::timed_cpu(|| measure::engine_score(&profile, &ctx, &imp.tables, as_of));
        t_engine.push(d);
        let (_, d) = measure::timed_cpu(|| measure::dashboard_score(&profile, &ctx, &imp.tables, as_of));
        t_dash.push(d);
        if args.replay {
            let (_, d) = measure::timed_cpu(|| measure::replay(&profile, &ctx, &imp.tables, as_of));
            t_replay.push(d);
        }
        counts = json!({
            "volunteers": imp.tables.volunteers.len(),
            "records": imp.tables.records.len(),
            "strings": imp.tables.strings.len(),
            "import_findings": imp.findings.len(),
            "indicators": card.indicators.len(),
            "score_findings": card.findings.len(),
        });
        eprintln!(
            "  run {}: calamine {:.0} ms, import {:.0} ms, score {:.0} ms, engine score {:.0} ms, dashboard {:.0} ms{} \
             (CPU: {:.0} / {:.0} / {:.0} ms)",
            run + 1,
            ms(t_cal[run].wall),
            ms(t_imp[run].wall),
            ms(t_score[run].wall),
            ms(t_engine[run].wall),
            ms(t_dash[run].wall),
            t_replay.get(run).map_or(String::new(), |d| format!(", replay {:.0} ms", ms(d.wall))),
            ms(t_cal[run].cpu),
            ms(t_imp[run].cpu),
            ms(t_score[run].cpu),
        );
    }
    let wall = |v: &[measure::Took]| measure::median_ms(&v.iter().map(|t| t.wall).collect::<Vec<_>>());
    let cpu = |v: &[measure::Took]| measure::median_ms(&v.iter().map(|t| t.cpu).collect::<Vec<_>>());
    let cal = wall(&t_cal);
    let cal_cpu = cpu(&t_cal);
    let both: Vec<measure::Took> =
        t_imp.iter().zip(&t_score).map(|(a, b)| measure::Took { wall: a.wall + b.wall, cpu: a.cpu + b.cpu }).collect();
    let import_score = wall(&both);
    let import_score_cpu = cpu(&both);
    let cli = match &args.cli {
        Some(path) => Some(time_cli(path, args, as_of)?),
        None => None,
    };
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let ratio = |x: f64| (x / cal * 1000.0).round() / 1000.0;
    let ratio_cpu = |x: f64| (cal_cpu > 0.0).then(|| (x / cal_cpu * 1000.0).round() / 1000.0);
    let out = json!({
        "label": if args.label.is_empty() { files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join("+") } else { args.label.clone() },
        "files": files.iter().map(|f| &f.name).collect::<Vec<_>>(),
        "bytes": bytes,
        "cells": cells,
        "runs": args.runs,
        "calamine_stream_ms": round(cal),
        "import_ms": round(wall(&t_imp)),
        "score_ms": round(wall(&t_score)),
        "import_score_ms": round(import_score),
        "import_score_ratio": ratio(import_score),
        "engine_score_ms": round(wall(&t_engine)),
        "dashboard_ms": round(wall(&t_dash)),
        "replay_ms": (!t_replay.is_empty()).then(|| round(wall(&t_replay))),
        "cpu": {
            "calamine_stream_ms": round(cal_cpu),
            "import_ms": round(cpu(&t_imp)),
            "score_ms": round(cpu(&t_score)),
            "import_score_ms": round(import_score_cpu),
            "import_score_ratio": ratio_cpu(import_score_cpu),
            "engine_score_ms": round(cpu(&t_engine)),
            "dashboard_ms": round(cpu(&t_dash)),
            "replay_ms": (!t_replay.is_empty()).then(|| round(cpu(&t_replay))),
            "cli_score_ms": cli.map(|c| round(c.2)),
            "cli_score_ratio": cli.and_then(|c| ratio_cpu(c.2)),
        },
        "cli_score_ms": cli.map(|c| round(c.0)),
        "cli_score_ratio": cli.map(|c| ratio(c.0)),
        "cli_peak_rss_kib": cli.and_then(|c| c.1),
        "import_peak_rss_kib": peak_import,
        "peak_rss_kib": measure::peak_rss_kib(),
        "counts": counts,
    });
    println!("{out}");
    Ok(())
}

/// The median wall time of `scorecard score … FILES` over the runs, its peak RSS and its
/// median CPU time (user + system; both from `/usr/bin/time` when present, else `None`/0).
fn time_cli(cli: &PathBuf, args: &Args, as_of: NaiveDate) -> Result<(f64, Option<u64>, f64), String> {
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    let mut peak = None;
    let gnu_time = std::path::Path::new("/usr/bin/time").exists();
    for _ in 0..args.runs {
        let mut cmd = if gnu_time {
            let mut c = Command::new("/usr/bin/time");
            c.arg("-f").arg("%M %U %S").arg(cli);
            c
        } else {
            Command::new(cli)
        };
        cmd.args(["score", "--profile", &args.profile, "--year", &args.year.to_string()])
            .args(["--as-of", &as_of.to_string(), "--population", &args.population.to_string()])
            .args(["--format", "json"])
            .args(&args.files)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let (out, d) = measure::timed(|| cmd.output());
        let out = out.map_err(|e| format!("cannot run {}: {e}", cli.display()))?;
        if !out.status.success() {
            return Err(format!("{} exited with {}", cli.display(), out.status));
        }
        if gnu_time {
            let err = String::from_utf8_lossy(&out.stderr);
            let last: Vec<f64> =
                err.lines().last().unwrap_or("").split_whitespace().filter_map(|x| x.parse().ok()).collect();
            if let [kib, user, sys] = last[..] {
                peak = Some(kib as u64);
                cpus.push(Duration::from_secs_f64(user + sys));
            }
        }
        eprintln!("  cli: {:.0} ms", ms(d));
        times.push(d);
    }
    Ok((measure::median_ms(&times), peak, measure::median_ms(&cpus)))
}

/// `--only STEP`: that step N times, for a profiler; prints each time on stderr.
fn only(
    step: &str,
    args: &Args,
    files: &[InputFile],
    profile: &scorecard_domain::profile::Profile,
    ctx: &Context,
    as_of: NaiveDate,
) -> Result<(), String> {
    let imp = measure::import_files(files);
    let mut times = Vec::new();
    for _ in 0..args.runs {
        let (_, d) = measure::timed(|| match step {
            "import" => measure::import_files(files).tables.records.len(),
            "score" => measure::score_card(profile, ctx, &imp.tables, as_of).indicators.len(),
            "engine" => measure::engine_score(profile, ctx, &imp.tables, as_of),
            "dashboard" => measure::dashboard_score(profile, ctx, &imp.tables, as_of),
            _ => measure::replay(profile, ctx, &imp.tables, as_of),
        });
        eprintln!("  {step}: {:.1} ms", ms(d));
        times.push(d);
    }
    println!("{}", json!({ "step": step, "median_ms": measure::median_ms(&times) }));
    Ok(())
}

/// `--dump DIR`: every answer of the engine for these files, as pretty JSON files.
fn dump(
    dir: &std::path::Path,
    files: &[InputFile],
    profile: &scorecard_domain::profile::Profile,
    ctx: &Context,
    as_of: NaiveDate,
) -> Result<(), String> {
    use scorecard_domain::score::checklist_items::checklist_items;
    use scorecard_domain::score::insights::{charts, monthly_replay, scheme, star_levels, what_if};
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let imp = measure::import_files(files);
    let t = &imp.tables;
    let write = |name: &str, v: serde_json::Value| {
        let text = serde_json::to_string_pretty(&v).unwrap_or_default();
        std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    let j = |v: Result<serde_json::Value, serde_json::Error>| v.unwrap_or_default();
    write("score.json", j(serde_json::to_value(measure::score_card(profile, ctx, t, as_of))))?;
    write("checklist.json", j(serde_json::to_value(checklist_items(profile, ctx, t, as_of))))?;
    write("charts.json", j(serde_json::to_value(charts(profile, ctx, t, as_of))))?;
    write("what_if.json", j(serde_json::to_value(what_if(profile, ctx, t, as_of))))?;
    let stars = scheme("national").map(|s| star_levels(t, ctx, &s, as_of));
    write("stars.json", j(serde_json::to_value(&stars)))?;
    write("replay.json", j(serde_json::to_value(monthly_replay(profile, ctx, t, as_of))))?;
    // The shared computation must give the same views.
    let d = scorecard_domain::score::insights::dashboard(profile, ctx, t, as_of);
    let same = serde_json::to_value(&d.card).ok()
        == serde_json::to_value(measure::score_card(profile, ctx, t, as_of)).ok()
        && serde_json::to_value(&d.charts).ok() == serde_json::to_value(charts(profile, ctx, t, as_of)).ok()
        && serde_json::to_value(&d.what_if).ok() == serde_json::to_value(what_if(profile, ctx, t, as_of)).ok()
        && serde_json::to_value(&d.stars).ok() == serde_json::to_value(&stars).ok();
    if !same {
        return Err("dashboard() differs from the views computed one by one".into());
    }
    Ok(())
}
