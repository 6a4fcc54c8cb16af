//! What the native benchmark times, one function per step, so the binary only loops and
//! prints. Every step works on bytes already in memory (disk reads are not timed).
//!
//! The reference is [`calamine_stream`]: calamine opens the workbook from bytes and
//! streams every cell of every worksheet (`worksheet_cells_reader`), doing nothing else.
//! Our path is [`import_files`] then [`score_card`] (or [`engine_score`], everything the
//! web app's Score request computes, or [`dashboard_score`], the same computed together).

use calamine::{Reader, Xlsx};
use scorecard_domain::import::{import, FileInput, Import, ImportOptions};
use scorecard_domain::profile::Profile;
use scorecard_domain::score::checklist_items::checklist_items;
use scorecard_domain::score::insights::{charts, dashboard, monthly_replay, scheme, star_levels, what_if};
use scorecard_domain::score::{score, Scorecard};
use scorecard_domain::{Context, Tables};
use std::io::Cursor;
use std::time::{Duration, Instant};

/// A file of the workload, read into memory once.
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// calamine alone: every cell of every worksheet of every file, streamed. Returns the
/// number of cells seen (so the work cannot be optimised away, and for the report).
pub fn calamine_stream(files: &[InputFile]) -> Result<u64, String> {
    let mut cells = 0u64;
    for f in files {
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(f.bytes.as_slice())).map_err(|e| format!("{}: {e}", f.name))?;
        for name in wb.sheet_names() {
            let mut reader = wb.worksheet_cells_reader(&name).map_err(|e| format!("{}: {e}", f.name))?;
            while let Some(cell) = reader.next_cell().map_err(|e| format!("{}: {e}", f.name))? {
                std::hint::black_box(cell.get_value());
                cells += 1;
            }
        }
    }
    Ok(cells)
}

/// Our import of the files, as the engine runs it (default options).
pub fn import_files(files: &[InputFile]) -> Import {
    let inputs: Vec<FileInput> = files.iter().map(|f| FileInput { name: &f.name, bytes: &f.bytes }).collect();
    import(&inputs, &ImportOptions::default())
}

/// The scorecard alone (`score::score`, what `scorecard score` prints).
pub fn score_card(profile: &Profile, ctx: &Context, tables: &Tables, today: chrono::NaiveDate) -> Scorecard {
    score(profile, ctx, tables, today)
}

/// Everything the web app's Score request computes (mirrors `src/engine/handler.rs`):
/// the scorecard, the checklist, the charts, the what-if and the star levels.
/// Returns the number of indicators, so the work is used.
pub fn engine_score(profile: &Profile, ctx: &Context, tables: &Tables, today: chrono::NaiveDate) -> usize {
    let card = score(profile, ctx, tables, today);
    let checklist = checklist_items(profile, ctx, tables, today);
    let charts = charts(profile, ctx, tables, today);
    let w = what_if(profile, ctx, tables, today);
    let stars = scheme("national").map(|s| star_levels(tables, ctx, &s, today));
    std::hint::black_box((&checklist, &charts, &w, &stars));
    card.indicators.len()
}

/// The same views through [`dashboard`] (one `prepare()` shared by all of them).
pub fn dashboard_score(profile: &Profile, ctx: &Context, tables: &Tables, today: chrono::NaiveDate) -> usize {
    let d = dashboard(profile, ctx, tables, today);
    std::hint::black_box(&d);
    d.card.indicators.len()
}

/// The monthly replay (the web app's Replay request). Returns the months evaluated.
pub fn replay(profile: &Profile, ctx: &Context, tables: &Tables, today: chrono::NaiveDate) -> usize {
    monthly_replay(profile, ctx, tables, today).months.len()
}

/// Runs `f` once and returns its result with the time it took.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed())
}

/// Wall time and the process's CPU time (user + system) of one step.
#[derive(Clone, Copy, Debug, Default)]
pub struct Took {
    pub wall: Duration,
    pub cpu: Duration,
}

/// Runs `f` once; its result with the wall and CPU time it took. On a machine shared with
/// builds the CPU time is the steadier of the two (wall time includes waiting for a core).
pub fn timed_cpu<T>(f: impl FnOnce() -> T) -> (T, Took) {
    let c = cpu_time();
    let (out, wall) = timed(f);
    let cpu = cpu_time().saturating_sub(c);
    (out, Took { wall, cpu })
}

/// This process's CPU time so far (user + system), from /proc (zero where there is none).
pub fn cpu_time() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return Duration::ZERO };
    // Fields after the command name (which may hold spaces) start at ")"; utime and stime
    // are fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest.split_whitespace().skip(11).take(2).filter_map(|x| x.parse().ok()).collect();
    Duration::from_millis(f.iter().sum::<u64>() * 10)
}

/// The median of some durations in milliseconds (the mean of the middle two for an even count).
pub fn median_ms(times: &[Duration]) -> f64 {
    let mut ms: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    match ms.len() {
        0 => 0.0,
        n if n % 2 == 1 => ms[n / 2],
        n => (ms[n / 2 - 1] + ms[n / 2]) / 2.0,
    }
}

/// This process's peak resident memory (VmHWM) in KiB, where /proc tells (Linux).
pub fn peak_rss_kib() -> Option<u64> {
    proc_status_kib("VmHWM:")
}

/// A `Vm…:` line of /proc/self/status in KiB.
fn proc_status_kib(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.trim_start_matches(key).trim().trim_end_matches("kB").trim().parse().ok()
}

/// Resets the peak (VmHWM) to the current RSS, so the next phase's peak can be read on its
/// own (Linux ≥ 4.0: writing 5 to /proc/self/clear_refs). False where that is not possible.
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        let ms = |v: &[u64]| v.iter().map(|&m| Duration::from_millis(m)).collect::<Vec<_>>();
        assert_eq!(median_ms(&ms(&[30, 10, 20])), 20.0);
        assert_eq!(median_ms(&ms(&[40, 10, 20, 30])), 25.0);
        assert_eq!(median_ms(&[]), 0.0);
    }
}
