//! What the integration tests share: dates, fixtures, importing named files, counting
//! panics, and the generators of test files: `import` (a small xlsx builder and short views
//! of findings), `corpus` (the corpus of real header shapes) and `hostile` (hostile files and
//! the fuzz targets' bodies, `hostile/harness.rs`, which the fuzz targets include by path).

pub mod corpus;
pub mod hostile;
pub mod import;
pub mod shapes;

use chrono::NaiveDate;
use scorecard_domain::import::{import, FileInput, Import, ImportOptions};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Once;

/// A date that exists (`d(2017, 3, 12)`).
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// "Today" long after every assessment year the tests score: every case sets its as-of date.
pub fn today() -> NaiveDate {
    d(2030, 1, 1)
}

/// The bytes of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The repository's root (the checks that read the whole tree: layers, spec citations).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root")
}

/// Files under `dir` whose name ends with `ext`, depth first, in name order; build output,
/// packages and git's own folder are skipped. Nothing when `dir` does not exist.
pub fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !matches!(name, "target" | "node_modules" | "dist" | ".git") {
                files_under(&path, ext, out);
            }
        } else if name.ends_with(ext) {
            out.push(path);
        }
    }
}

/// Imports named files together, as the app's file picker hands them over.
pub fn import_all(files: &[(String, Vec<u8>)], opts: &ImportOptions) -> Import {
    let inputs: Vec<FileInput> = files.iter().map(|(n, b)| FileInput { name: n, bytes: b }).collect();
    import(&inputs, opts)
}

thread_local! {
    static PANICS: Cell<u32> = const { Cell::new(0) };
}

/// Panics on this thread so far, caught or not, once [`count_panics`] has run. Arithmetic
/// overflow inside calamine is left out: the test profile checks overflow, the release build
/// (fuzzed, and shipped as wasm) wraps there and calamine then reports an error.
pub fn panics_on_this_thread() -> u32 {
    PANICS.with(Cell::get)
}

/// Installs the panic hook behind [`panics_on_this_thread`], once for the whole test binary
/// (tests run side by side in one process: two hooks installed at once could lose one).
/// The hook counts per thread, so another test's panic never counts against the caller.
pub fn count_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !hostile::harness::is_calamine_overflow(info) {
                PANICS.with(|p| p.set(p.get() + 1));
            }
            previous(info);
        }));
    });
}
