//! Arbitrary grids of short strings through the header search, role scoring and column
//! mapping. Input: text, rows split by `\n`, cells by `\t`; a row starting with `+N` jumps
//! N rows ahead (blank rows between); a first line `#m r0 c0 r1 c1 …` lists merged regions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard_domain::import::formats::Region;
use scorecard_domain::import::header::{Grid, MAX_BAND};
use scorecard_domain::import::mapping::{apply_hand, apply_saved, auto_map, saved_from, signature, ColumnOverride};
use scorecard_domain::import::role::{pick_role, score_roles};
use scorecard_domain::model::{Field, Role};

const MAX_ROWS: usize = 40;
const MAX_COLS: usize = 64;

fuzz_target!(|data: &[u8]| {
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
});
