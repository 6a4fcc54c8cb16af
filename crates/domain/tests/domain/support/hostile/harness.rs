//! The fuzz targets' bodies, shared by `fuzz/fuzz_targets/*.rs` (libFuzzer) and by
//! `tests/domain/hostile_fuzz_regressions.rs` (which replays every crash found, under `cargo test`).
//! Each body asserts what must hold for any input; a panic anywhere is the failure.
#![allow(dead_code)]

use scorecard_domain::import::cell_parsers::count::read_count;
use scorecard_domain::import::cell_parsers::date::{parse_date_text, read_date};
use scorecard_domain::import::cell_parsers::flag::read_flag;
use scorecard_domain::import::cell_parsers::hours::{parse_hours_text, read_hours};
use scorecard_domain::import::cell_parsers::id_number::{check_digit, read_id};
use scorecard_domain::import::cell_parsers::list::split_list;
use scorecard_domain::import::cell_parsers::phone::read_phone;
use scorecard_domain::import::choices::ColumnOverride;
use scorecard_domain::import::columns::header::signature;
use scorecard_domain::import::columns::header::{Grid, MAX_BAND};
use scorecard_domain::import::columns::mapping::{apply_hand, apply_saved, auto_map, saved_from};
use scorecard_domain::import::columns::role::{pick_role, score_roles};
use scorecard_domain::import::columns::synonyms::{header_says_minutes, normalize_header};
use scorecard_domain::import::formats::Region;
use scorecard_domain::import::input::cell::{date_from_serial, Cell, DateSystem};
use scorecard_domain::import::sheets::skip::skip_kind;
use scorecard_domain::import::{import, FileInput, ImportOptions};
use scorecard_domain::model::{Field, Role};
use std::borrow::Cow;

const MAX_ROWS: usize = 40;
const MAX_COLS: usize = 64;

/// True for arithmetic overflow inside calamine: fuzz builds (and `cargo test`) check
/// overflow, the shipped release build wraps there and calamine then reports an error.
pub fn is_calamine_overflow(info: &std::panic::PanicHookInfo<'_>) -> bool {
    let overflow = info.payload().downcast_ref::<&str>().is_some_and(|m| m.contains("with overflow"));
    overflow && info.location().is_some_and(|l| l.file().contains("calamine-"))
}

/// For the fuzz targets' `init`: libFuzzer's hook aborts on every panic; calamine's overflow
/// panics are let unwind instead (the importer catches them, as a release build never has them).
pub fn fuzz_panic_hook() {
    let abort = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !is_calamine_overflow(info) {
            abort(info);
        }
    }));
}

/// Runs the body of fuzz target `target` on `data`.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "import_xlsx" => import_named("fuzz.xlsx", data),
        "import_xls" => import_named("fuzz.xls", data),
        "import_ods" => import_named("fuzz.ods", data),
        "import_csv" => import_named("fuzz.csv", data),
        "header_detection" => header_detection(data),
        "cell_parsers" => cell_parsers(data),
        other => panic!("no fuzz target {other}"),
    }
}

/// Raw bytes under a file name through the whole import: detection, the format's reader,
/// header search, mapping and row conversion. An unreadable file or sheet always says so.
pub fn import_named(name: &str, data: &[u8]) {
    let imp = import(&[FileInput { name, bytes: data }], &ImportOptions::default());
    assert_eq!(imp.files.len(), 1);
    let file = &imp.files[0];
    if file.error.is_some() {
        assert!(!file.findings.is_empty(), "an unreadable file has its finding");
    }
    for sheet in &file.sheets {
        if sheet.error.is_some() {
            assert!(!sheet.findings.is_empty(), "an unreadable sheet has its finding");
        }
    }
}

/// Arbitrary grids of short strings through the header search, role scoring and column
/// mapping. Input: text, rows split by `\n`, cells by `\t`; a row starting with `+N` jumps
/// N rows ahead (blank rows between); a first line `#m r0 c0 r1 c1 …` lists merged regions.
pub fn header_detection(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n').peekable();
    let mut merges: Option<Vec<Region>> = None;
    if let Some(first) = lines.peek().and_then(|l| l.strip_prefix("#m")) {
        let n: Vec<u32> = first.split_whitespace().filter_map(|s| s.parse().ok()).collect();
        merges = Some(
            n.chunks_exact(4)
                .take(32)
                .map(|q| Region { first_row: q[0], first_col: q[1], last_row: q[2], last_col: q[3] })
                .collect(),
        );
        lines.next();
    }
    let mut rows: Vec<(u32, Vec<String>)> = Vec::new();
    let mut r: u32 = 0;
    for line in lines.take(MAX_ROWS) {
        let line = match line.strip_prefix('+') {
            Some(rest) => {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                r = r.saturating_add(digits.parse::<u32>().unwrap_or(0));
                &rest[digits.len()..]
            }
            None => line,
        };
        rows.push((r, line.split('\t').take(MAX_COLS).map(str::to_string).collect()));
        r = r.saturating_add(1);
    }
    let grid = Grid { rows: &rows, merges: merges.as_deref() };
    let mut bands = Vec::new();
    if let Some(b) = grid.find() {
        assert!(b.last >= b.first && b.last - b.first < MAX_BAND);
        bands.push(b);
    }
    if let Some((first, _)) = rows.first() {
        bands.push(grid.band(*first, first.saturating_add(2)));
    }
    let sigs: Vec<String> = bands.iter().map(|b| signature(&b.columns)).collect();
    let sig_refs: Vec<&str> = sigs.iter().map(String::as_str).collect();
    let _ = grid.find_signature(&sig_refs);
    for band in &bands {
        let scores = score_roles(&band.columns);
        let _ = pick_role(&scores);
        for role in Role::ALL {
            let mut mapped = auto_map(&band.columns, role);
            assert_eq!(mapped.len(), band.columns.len());
            let fields: Vec<Option<Field>> = mapped.iter().map(|m| m.field).collect();
            let saved = saved_from(&band.columns, Some(role), &fields);
            apply_saved(&band.columns, &mut mapped, &saved);
            apply_hand(&mut mapped, &[ColumnOverride { column: u32::MAX, field: Some(Field::Name) }]);
        }
    }
}

/// Arbitrary strings (and the same bytes read as numbers) through every cell parser: dates,
/// hours, yes/no flags, counts, ID numbers, phones, lists, totals markers, header folding.
pub fn cell_parsers(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let mut cells = vec![Cell::Text(Cow::Borrowed(&s))];
    if let Some(b) = data.get(..8) {
        let bits = u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        let f = f64::from_bits(bits);
        cells.push(Cell::Float(f));
        cells.push(Cell::Int(bits as i64));
        cells.push(Cell::DateTime { serial: f, duration: false });
        cells.push(Cell::DateTime { serial: f, duration: true });
        let _ = date_from_serial(f, DateSystem::V1904);
    }
    for cell in &cells {
        for dates in [DateSystem::V1900, DateSystem::V1904] {
            let _ = read_date(cell, dates);
            let _ = cell.display(dates);
        }
        for minutes in [false, true] {
            let _ = read_hours(cell, minutes);
            let _ = read_flag(cell, minutes);
        }
        let _ = read_count(cell);
        let _ = read_id(cell);
        let _ = read_phone(cell);
    }
    let _ = parse_date_text(&s);
    let _ = parse_hours_text(&s, false);
    let _ = check_digit(&s);
    let _ = split_list(&s);
    let _ = skip_kind(s.split('\t').map(Some));
    let _ = normalize_header(&s);
    let _ = header_says_minutes(&s);
}
