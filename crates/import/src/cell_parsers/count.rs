//! Counts of people (参与人数, 参训人数): `12`, `12人`, `１２名`.

use crate::cell_parsers::fold::fold_width;
use crate::cell_parsers::Read;
use crate::input::cell::{trim, Cell};

/// Suffixes allowed after the number, longest first.
const SUFFIXES: &[&str] = &["人次", "人", "名", "位", "个"];

pub fn read_count(cell: &Cell) -> Read<u32> {
    let got = match cell {
        Cell::Empty => return Read::Empty,
        Cell::Text(t) if trim(t).is_empty() => return Read::Empty,
        Cell::Int(i) => u32::try_from(*i).ok(),
        Cell::Float(f) if f.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(f) => Some(*f as u32),
        Cell::Text(t) => {
            let s = fold_width(trim(t));
            let s = s.trim();
            let s = SUFFIXES.iter().find_map(|x| s.strip_suffix(x)).unwrap_or(s).trim();
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        }
        _ => None,
    };
    got.map_or(Read::Unreadable, Read::Value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        use Read::*;
        let cases: Vec<(Cell, Read<u32>)> = vec![
            (Cell::Int(12), Value(12)),
            (Cell::Float(12.0), Value(12)),
            (Cell::Float(12.5), Unreadable),
            (Cell::Int(-3), Unreadable),
            (Cell::Text("12".into()), Value(12)),
            (Cell::Text("12人".into()), Value(12)),
            (Cell::Text("１２名".into()), Value(12)),
            (Cell::Text("30 人次".into()), Value(30)),
            (Cell::Text("约20人".into()), Unreadable),
            (Cell::Text("十二".into()), Unreadable),
            (Cell::Text("12-15".into()), Unreadable),
            (Cell::Text("99999999999".into()), Unreadable),
            (Cell::Text(" ".into()), Empty),
            (Cell::Empty, Empty),
            (Cell::Bool(true), Unreadable),
        ];
        for (cell, want) in cases {
            assert_eq!(read_count(&cell), want, "{cell:?}");
        }
    }
}
