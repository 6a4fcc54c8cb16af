//! gen-workbooks --out DIR [--sizes 10k,100k,1m] [--seed N] [--year Y] [--samples]
//!
//! Writes the benchmark inputs deterministically: records_<size>.xlsx for each size
//! (service records with real Excel dates and shared strings), roster_100k.xlsx (whose
//! 志愿者编号 match the records), manifest.json (rows, sheets, total hours, bytes, seed),
//! and with --samples the blank template and a demo town (clean and messy xlsx, CSVs).
//! Exit 0 = written, 1 = a file could not be written, 2 = usage.

use scorecard_bench::{bench_spec, parse_size, size_label, write_records, write_roster, Written, ROSTER_HOURS_FROM};
use scorecard_domain::samples::{self, Encoding, Style, Synth, SynthSpec};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: gen-workbooks --out DIR [--sizes 10k,100k,1m] [--seed N] [--year Y] [--samples]";

struct Args {
    out: PathBuf,
    sizes: Vec<usize>,
    seed: u64,
    year: i32,
    samples: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args =
        Args { out: PathBuf::new(), sizes: vec![10_000, 100_000, 1_000_000], seed: 2017, year: 2017, samples: false };
    let mut out = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--sizes" => {
                let v = value("--sizes")?;
                args.sizes = v
                    .split(',')
                    .map(|s| parse_size(s).ok_or_else(|| format!("bad size {s:?} (use 10k, 100k, 1m, 3m)")))
                    .collect::<Result<_, _>>()?;
            }
            "--seed" => args.seed = value("--seed")?.parse().map_err(|_| "--seed takes a whole number".to_string())?,
            "--year" => {
                args.year = value("--year")?.parse().map_err(|_| "--year takes a year".to_string())?;
                if !scorecard_domain::calendar::supported_years().contains(&args.year) {
                    return Err("--year must be within 2000–2100".into());
                }
            }
            "--samples" => args.samples = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    args.out = out.ok_or("--out DIR is required")?;
    Ok(args)
}

fn mb(path: &Path) -> (u64, f64) {
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    (bytes, bytes as f64 / 1_000_000.0)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("gen-workbooks: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-workbooks: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(&args.out).map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    let largest = args.sizes.iter().copied().max().unwrap_or(0).max(ROSTER_HOURS_FROM);
    let t = Instant::now();
    let synth = Synth::new(bench_spec(args.year, args.seed, largest));
    let roster_synth = Synth::new(bench_spec(args.year, args.seed, ROSTER_HOURS_FROM));
    println!(
        "{} volunteers at {} stations ready in {:.1} s",
        synth.volunteers().len(),
        synth.stations().len(),
        t.elapsed().as_secs_f64()
    );

    let mut manifest = Vec::new();
    let mut report = |name: &str, w: &Written, secs: f64, path: &Path| {
        let (bytes, size) = mb(path);
        println!(
            "{name:<22} {:>9} rows  {:>2} sheet(s)  {size:>7.1} MB  {secs:>6.1} s  total hours {}",
            w.rows, w.sheets, w.total_hours
        );
        manifest.push(serde_json::json!({
            "file": name, "rows": w.rows, "sheets": w.sheets, "total_hours": w.total_hours,
            "bytes": bytes, "seconds": (secs * 10.0).round() / 10.0,
        }));
    };
    let mut sizes = args.sizes.clone();
    sizes.sort_unstable();
    sizes.dedup();
    for n in sizes {
        let name = format!("records_{}.xlsx", size_label(n));
        let path = args.out.join(&name);
        let t = Instant::now();
        let w = write_records(&synth, n, &path)?;
        report(&name, &w, t.elapsed().as_secs_f64(), &path);
    }
    let name = "roster_100k.xlsx";
    let path = args.out.join(name);
    let t = Instant::now();
    let w = write_roster(&roster_synth, &path)?;
    report(name, &w, t.elapsed().as_secs_f64(), &path);

    if args.samples {
        write_samples(&args.out, args.year, args.seed)?;
    }
    let manifest = serde_json::json!({ "seed": args.seed, "year": args.year, "files": manifest });
    std::fs::write(args.out.join("manifest.json"), serde_json::to_string_pretty(&manifest)?)?;
    Ok(())
}

/// The blank template and a demo town, for trainers and manual checks.
fn write_samples(out: &Path, year: i32, seed: u64) -> Result<(), Box<dyn std::error::Error>> {
    let spec = SynthSpec::demo(year, seed);
    let data = samples::synth_rows(spec);
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("template.xlsx", samples::template_workbook()),
        ("demo_clean.xlsx", samples::data_workbook(&data, Style::Clean)?),
        ("demo_messy.xlsx", samples::data_workbook(&data, Style::Messy)?),
        ("demo_roster_gbk.csv", samples::synth_csv(&data.volunteers, Encoding::Gbk)),
        ("demo_records_utf8bom.csv", samples::synth_csv(&data.records, Encoding::Utf8Bom)),
        ("demo_activities_utf8.csv", samples::synth_csv(&data.activities, Encoding::Utf8)),
        ("demo_trainings_gbk.csv", samples::synth_csv(&data.trainings, Encoding::Gbk)),
    ];
    for (name, bytes) in files {
        std::fs::write(out.join(name), &bytes)?;
        println!("{name:<26} {:>9} bytes", bytes.len());
    }
    Ok(())
}
