//! Arbitrary strings (and the same bytes read as numbers) through every cell parser: dates,
//! hours, yes/no flags, counts, ID numbers, phones, lists, totals markers, header folding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard_domain::import::cell::{date_from_serial, Cell, DateSystem};
use scorecard_domain::import::cells::count::read_count;
use scorecard_domain::import::cells::date::{parse_date_text, read_date};
use scorecard_domain::import::cells::flag::read_flag;
use scorecard_domain::import::cells::hours::{parse_hours_text, read_hours};
use scorecard_domain::import::cells::id_number::{check_digit, read_id};
use scorecard_domain::import::cells::list::split_list;
use scorecard_domain::import::cells::phone::read_phone;
use scorecard_domain::import::skip::skip_kind;
use scorecard_domain::import::synonyms::{header_says_minutes, normalize_header};
use std::borrow::Cow;

fuzz_target!(|data: &[u8]| {
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
});
