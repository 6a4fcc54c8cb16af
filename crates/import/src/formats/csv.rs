//! CSV / TSV text: UTF-8 (with or without BOM), GBK/GB18030 (what Excel and WPS write on a
//! Chinese Windows), UTF-16 ("Unicode 文本"). Delimiter sniffed among comma, tab and
//! semicolon; quoted fields with `""` escapes and line breaks are read by hand.

use crate::error::{NotSpreadsheet, ReadError};
use crate::formats::{RowFn, SheetSource};
use crate::input::cell::Cell;
use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    /// GBK is a subset of GB18030; both decode the same.
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Gb18030 => "GBK/GB18030",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// Decodes text: a BOM decides; else UTF-8 if it is valid UTF-8 throughout; else GB18030.
pub fn decode_text(bytes: &[u8]) -> (Cow<'_, str>, TextEncoding) {
    let enc = detect_encoding(bytes);
    (decode_as(bytes, enc), enc)
}

/// The encoding of `bytes` (checks all of them for UTF-8 validity, without allocating).
pub(super) fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        TextEncoding::Utf8Bom
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        TextEncoding::Utf16Le
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        TextEncoding::Utf16Be
    } else if std::str::from_utf8(bytes).is_ok() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Gb18030
    }
}

/// Decodes `bytes` as `enc` (BOM dropped); broken sequences become U+FFFD.
pub(super) fn decode_as(bytes: &[u8], enc: TextEncoding) -> Cow<'_, str> {
    match enc {
        TextEncoding::Utf8 => String::from_utf8_lossy(bytes),
        TextEncoding::Utf8Bom => String::from_utf8_lossy(bytes.get(3..).unwrap_or(&[])),
        TextEncoding::Utf16Le => UTF_16LE.decode_without_bom_handling(bytes.get(2..).unwrap_or(&[])).0,
        TextEncoding::Utf16Be => UTF_16BE.decode_without_bom_handling(bytes.get(2..).unwrap_or(&[])).0,
        TextEncoding::Gb18030 => GB18030.decode_without_bom_handling(bytes).0,
    }
}

/// The delimiter that splits the first lines most consistently: comma, tab or semicolon.
pub(super) fn sniff_delimiter(text: &str) -> char {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(20).collect();
    let mut best = (',', 0usize);
    for d in [',', '\t', ';'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let with = counts.iter().filter(|&&c| c > 0).count();
        // Lines that split at all, weighted by how many fields the most common split gives.
        let mode = counts.iter().copied().filter(|&c| c > 0).max_by_key(|c| counts.iter().filter(|x| *x == c).count());
        let score = with * 1000 + mode.unwrap_or(0);
        if with * 2 >= lines.len().max(1) && score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut inside = false;
    line.chars()
        .filter(|&c| {
            if c == '"' {
                inside = !inside;
            }
            c == d && !inside
        })
        .count()
}

/// Encoding and delimiter, for the file's outcome (the delimiter from the first 64 KiB).
pub(super) fn details(bytes: &[u8]) -> (TextEncoding, char) {
    let enc = detect_encoding(bytes);
    let head = decode_as(bytes.get(..bytes.len().min(1 << 16)).unwrap_or(bytes), enc);
    (enc, sniff_delimiter(&head))
}

pub(super) struct CsvSource {
    text: String,
    delimiter: char,
}

impl CsvSource {
    pub(super) fn open(bytes: &[u8]) -> Result<Self, ReadError> {
        let (text, _) = decode_text(bytes);
        if text.contains('\0') {
            return Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Binary });
        }
        let delimiter = sniff_delimiter(&text);
        Ok(CsvSource { text: text.into_owned(), delimiter })
    }
}

impl SheetSource for CsvSource {
    /// A CSV is one sheet with an empty name (findings then name no sheet).
    fn sheet_names(&self) -> Vec<String> {
        vec![String::new()]
    }

    fn rows(&mut self, _sheet: &str, f: &mut RowFn<'_>) -> Result<(), ReadError> {
        parse(&self.text, self.delimiter, f);
        Ok(())
    }
}

/// RFC 4180 with a chosen delimiter; a `="…"` cell (a trick some systems use to keep
/// leading zeros) is read as its text.
pub(super) fn parse(text: &str, delimiter: char, f: &mut RowFn<'_>) {
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut row: u32 = 0;
    let mut chars = text.chars().peekable();
    let mut emit = |fields: &mut Vec<String>, row: &mut u32| {
        let cells: Vec<Cell<'_>> = fields.iter().map(|s| Cell::Text(Cow::Borrowed(unwrap_formula_text(s)))).collect();
        let flow = f(*row, &cells, &[]);
        fields.clear();
        *row = row.saturating_add(1);
        flow
    };
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            '"' if field == "=" && !was_quoted => {
                field.clear(); // `="0123"`: the text inside
                quoted = true;
                was_quoted = true;
            }
            c if c == delimiter => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
                if emit(&mut fields, &mut row).is_break() {
                    return;
                }
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() || was_quoted {
        fields.push(field);
        let _ = emit(&mut fields, &mut row);
    }
}

fn unwrap_formula_text(s: &str) -> &str {
    s.strip_prefix("=\"").and_then(|x| x.strip_suffix('"')).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ops::ControlFlow;

    fn rows(text: &str, d: char) -> Vec<(u32, Vec<String>)> {
        let mut out = Vec::new();
        parse(text, d, &mut |r, cells, _| {
            out.push((r, cells.iter().map(|c| c.as_text().unwrap_or("").to_string()).collect()));
            ControlFlow::Continue(())
        });
        out
    }

    #[test]
    fn quoted_fields_escapes_and_line_breaks() {
        let got = rows("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3", ',');
        assert_eq!(
            got,
            vec![
                (0, vec!["a".into(), "b".into(), "c".into()]),
                (1, vec!["x, y".into(), "say \"hi\"".into(), "two\nlines".into()]),
                (2, vec!["1".into(), "".into(), "3".into()]),
            ]
        );
        assert_eq!(rows("=\"0123\",x\n", ','), vec![(0, vec!["0123".into(), "x".into()])]);
        assert_eq!(rows("a\n\nb\n", ','), vec![(0, vec!["a".into()]), (1, vec!["".into()]), (2, vec!["b".into()])]);
    }

    #[test]
    fn sniffs_the_delimiter() {
        let cases = [
            ("姓名,性别\n张三,男\n", ','),
            ("姓名\t性别\n张三\t男\n", '\t'),
            ("姓名;性别\n张三;男\n", ';'),
            ("名册,,\n姓名\t性别\t电话\n张三\t男\t1\n李四\t女\t2\n", '\t'),
            ("\"a;b\",c\n\"d;e\",f\n", ','),
            ("只有一列\n张三\n", ','),
        ];
        for (text, want) in cases {
            assert_eq!(sniff_delimiter(text), want, "{text:?}");
        }
    }

    #[test]
    fn decodes_utf8_bom_gbk_and_utf16() {
        let s = "姓名,所属站点\n张三,新桥社区\n";
        assert_eq!(decode_text(s.as_bytes()), (Cow::Borrowed(s), TextEncoding::Utf8));
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].iter().copied().chain(s.bytes()).collect();
        assert_eq!(decode_text(&bom).1, TextEncoding::Utf8Bom);
        assert_eq!(decode_text(&bom).0, s);
        let (gbk, _, _) = encoding_rs::GBK.encode(s);
        assert_eq!(decode_text(&gbk), (Cow::Owned(s.to_string()), TextEncoding::Gb18030));
        // A name outside GBK (𠮷, U+20BB7) is four bytes in GB18030 and must survive.
        let rare = "姓名,所属站点\n吉𠮷,新桥社区\n";
        let (gb, _, lossy) = encoding_rs::GB18030.encode(rare);
        assert!(!lossy);
        let at = gb.windows(2).position(|w| w == [0xBC, 0xAA]).unwrap() + 2; // after 吉 (BC AA)
        assert_eq!(&gb[at..at + 4], &[0x95, 0x34, 0xB2, 0x35], "GB18030's four bytes for 𠮷");
        assert_eq!(decode_text(&gb), (Cow::Owned(rare.to_string()), TextEncoding::Gb18030));
        let u16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(s.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_text(&u16), (Cow::Owned(s.to_string()), TextEncoding::Utf16Le));
    }
}
