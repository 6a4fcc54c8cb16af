//! Merged regions of xlsx sheets without a second XML parse of the sheet.
//!
//! `<mergeCells>` sits after `<sheetData>`, at the end of the sheet part. calamine's
//! `merge_cells_by_sheet_name` tokenises the whole sheet XML again to reach it (437 ms on a
//! 100k-row export, whose whole streaming read is 664 ms); inflating the part and searching
//! its bytes takes 30 ms. Only the `<mergeCells>` element is parsed as XML.
//!
//! Invariant: `None` whenever this scan cannot be sure (a part it cannot read, XML it cannot
//! parse); the caller then asks calamine, so the answer never differs from calamine's.

use crate::formats::Region;
use crate::input::limits::MAX_MERGES;
use memchr::memmem;
use quick_xml::events::Event;
use quick_xml::XmlVersion;
use std::io::Read;

/// The most bytes of the `<mergeCells>` element kept (`MAX_MERGES` regions of ~30 bytes).
const SECTION_BYTES: usize = 4 << 20;

/// The merged regions of a sheet part (`part` reads its inflated XML); found by
/// `xlsx_book`, opened by the source.
pub(super) fn merged_regions(part: impl Read) -> Option<Vec<Region>> {
    let Some(section) = merge_section(part)? else { return Some(Vec::new()) };
    let mut reader = quick_xml::Reader::from_reader(section.as_slice());
    let mut regions = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "mergeCell" => {
                let a = e.try_get_attribute("ref").ok()??;
                let r = a.normalized_value(XmlVersion::Implicit1_0).ok()?;
                regions.push(parse_ref(&r)?);
                if regions.len() >= MAX_MERGES {
                    break;
                }
            }
            Event::End(e) if e.local_name().as_ref() == "mergeCells" => break,
            Event::Eof => break,
            _ => {}
        }
    }
    Some(regions)
}

/// The bytes from `<mergeCells` (any namespace prefix) on, or `Some(None)` when the part has
/// none. Streams the part in chunks: a sheet part is never held whole.
fn merge_section(mut part: impl Read) -> Option<Option<Vec<u8>>> {
    const NEEDLE: &[u8] = b"mergeCells";
    let finder = memmem::Finder::new(NEEDLE);
    let mut chunk = vec![0u8; 1 << 16];
    // The end of the previous chunk, so a match across chunks is seen; long enough for a
    // prefix (`<x:`) before the name.
    let keep = NEEDLE.len() + 16;
    let mut window: Vec<u8> = Vec::with_capacity(chunk.len() + keep);
    loop {
        let n = part.read(&mut chunk).ok()?;
        if n == 0 {
            return Some(None);
        }
        window.extend_from_slice(&chunk[..n]);
        let mut from = 0;
        while let Some(i) = finder.find(&window[from..]).map(|i| i + from) {
            // An element start: `<mergeCells` or `<prefix:mergeCells` (text would be escaped).
            let open = window[..i].iter().rposition(|&b| b == b'<');
            let is_start = open.is_some_and(|o| {
                let between = &window[o + 1..i];
                between.is_empty() || (between.ends_with(b":") && !between.contains(&b'/') && !between.contains(&b' '))
            });
            if let (true, Some(o)) = (is_start, open) {
                let mut section = window[o..].to_vec();
                while section.len() < SECTION_BYTES {
                    let n = part.read(&mut chunk).ok()?;
                    if n == 0 {
                        break;
                    }
                    section.extend_from_slice(&chunk[..n]);
                }
                return Some(Some(section));
            }
            from = i + 1;
        }
        let cut = window.len().saturating_sub(keep);
        window.drain(..cut);
    }
}

/// `A1:C2` (or `A1`) → a 0-based region.
fn parse_ref(r: &str) -> Option<Region> {
    let (a, b) = r.split_once(':').unwrap_or((r, r));
    let (first_row, first_col) = parse_cell(a)?;
    let (last_row, last_col) = parse_cell(b)?;
    Some(Region { first_row, first_col, last_row, last_col })
}

/// `C2` → (row 1, column 2); `$C$2` too.
fn parse_cell(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().replace('$', "");
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = s.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let col = letters.bytes().fold(0u32, |acc, b| acc * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)) - 1;
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        let check = |r: &str, want: Option<(u32, u32, u32, u32)>| {
            let got = parse_ref(r).map(|g| (g.first_row, g.first_col, g.last_row, g.last_col));
            assert_eq!(got, want, "{r}");
        };
        check("A1:C2", Some((0, 0, 1, 2)));
        check("B3", Some((2, 1, 2, 1)));
        check("$AA$10:$AB$11", Some((9, 26, 10, 27)));
        check("XFD1048576", Some((1_048_575, 16_383, 1_048_575, 16_383)));
        check("A0", None);
        check("1A", None);
        check("", None);
    }

    #[test]
    fn the_section_is_found_across_chunks_and_with_a_prefix() {
        // 70,000 bytes of cells push the element past the first 64 KiB chunk.
        let cells = "<c r=\"A1\"><v>1</v></c>".repeat(3200);
        for (tag, close) in [("mergeCells", "mergeCells"), ("x:mergeCells", "x:mergeCells")] {
            let xml = format!(
                "<worksheet><sheetData><row>{cells}</row></sheetData><{tag} count=\"1\"><mergeCell ref=\"A1:B2\"/></{close}></worksheet>"
            );
            let section = merge_section(xml.as_bytes()).unwrap().unwrap();
            assert!(section.starts_with(format!("<{tag}").as_bytes()), "{tag}");
        }
        // Inline text that reads "mergeCells" is escaped, not an element.
        let xml = "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>mergeCells &lt;mergeCells</t></is></c></row></sheetData></worksheet>";
        assert_eq!(merge_section(xml.as_bytes()), Some(None));
    }
}
