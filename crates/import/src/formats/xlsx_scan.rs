//! Sheet data read by a purpose-built scanner instead of a general XML tokenizer: the part is
//! inflated in chunks, each `<row>…</row>` found with `memmem` and its `<c>` elements read in
//! place, shared strings resolved by index, numbers parsed straight from the bytes.
//!
//! It reads what exports and Excel/WPS write: `<row>`, `<c r s t>` with `<v>`, `<f>` and plain
//! `<is><t>` children, and the five XML entities. Anything else (a namespace prefix, a
//! comment, rich inline text, an `_xHHHH_` escape, a number it does not recognise, a broken
//! part) makes it stop and say how many cells it delivered: `xlsx.rs` then lets calamine read
//! the sheet from that cell on, so the answer is always calamine's.
//!
//! Invariant: every cell it delivers equals the one calamine's `XlsxCellReader::next_cell`
//! delivers at the same place, with the same position (rules of calamine 0.38:
//! `cells_reader.rs`, with quick-xml's `expand_empty_elements`). Tested against calamine on
//! generated workbooks and hand-written sheet XML (`crates/domain/tests/domain/xlsx_scan.rs`).

use crate::formats::xlsx_book::NumberKind;
use crate::formats::NO_KEY;
use crate::input::cell::Cell;
use memchr::{memchr, memmem};
use std::borrow::Cow;
use std::io::Read;
use std::ops::ControlFlow;

/// The first read size; the buffer grows only for a row longer than it.
const CHUNK: usize = 256 << 10;
/// A row longer than this (16,384 columns of 4 KB) is left to calamine.
const MAX_ROW_BYTES: usize = 64 << 20;

/// How a scan ended.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Scan {
    /// `</sheetData>` reached.
    Done,
    /// The callback asked to stop.
    Stopped,
    /// Something this scanner does not read; this many cells were delivered before it.
    Unsupported { cells: u64 },
}

/// Workbook facts a cell needs.
pub(super) struct Context<'s> {
    pub strings: &'s [String],
    pub formats: &'s [NumberKind],
}

/// A cell as delivered: (0-based row, 0-based column, value, its shared string's index or
/// [`NO_KEY`]).
pub(super) type CellFn<'f, 's> = dyn FnMut(u32, u32, Cell<'s>, u32) -> ControlFlow<()> + 'f;

struct Input<R> {
    src: R,
    buf: Vec<u8>,
    /// Parsed up to here.
    pos: usize,
    /// Valid bytes end here.
    end: usize,
    eof: bool,
}

impl<R: Read> Input<R> {
    /// Reads more, keeping `buf[pos..end]`. `false` at the end of the part or on a read error.
    fn refill(&mut self) -> Option<bool> {
        if self.eof {
            return Some(false);
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
        }
        if self.end == self.buf.len() {
            if self.buf.len() >= MAX_ROW_BYTES {
                return None;
            }
            self.buf.resize(self.buf.len() * 2, 0);
        }
        loop {
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Some(false);
                }
                Ok(n) => {
                    self.end += n;
                    return Some(true);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return None,
            }
        }
    }
}

/// Streams the cells of a sheet part (already positioned nowhere: the whole part).
pub(super) fn scan<'s, R: Read>(src: R, ctx: &Context<'s>, f: &mut CellFn<'_, 's>) -> Scan {
    let mut run = Run { row_index: 0, col_index: 0, cells: 0 };
    let mut input = Input { src, buf: vec![0; CHUNK], pos: 0, end: 0, eof: false };
    let unsupported = |run: &Run| Scan::Unsupported { cells: run.cells };
    // up to and past `<sheetData>` (or `<sheetData/>`: no rows)
    let finder = memmem::Finder::new(b"<sheetData");
    loop {
        if let Some(at) = finder.find(&input.buf[input.pos..input.end]) {
            input.pos += at;
            break;
        }
        input.pos = input.end.saturating_sub(16).max(input.pos);
        match input.refill() {
            Some(true) => {}
            _ => return unsupported(&run),
        }
    }
    loop {
        let Some(close) = memchr(b'>', &input.buf[input.pos..input.end]) else {
            match input.refill() {
                Some(true) => continue,
                _ => return unsupported(&run),
            }
        };
        let tag = &input.buf[input.pos..input.pos + close];
        if tag.ends_with(b"/") {
            return Scan::Done; // `<sheetData/>`: calamine reads no cell either
        }
        if !matches!(tag.get(10), None | Some(b' ' | b'\t' | b'\r' | b'\n')) {
            return unsupported(&run);
        }
        input.pos += close + 1;
        break;
    }
    let row_end = memmem::Finder::new(b"</row>");
    loop {
        // the next element: `<row …>`, `<row …/>` or `</sheetData>`
        let rest = &input.buf[input.pos..input.end];
        let Some(start) = rest.iter().position(|b| !b.is_ascii_whitespace()) else {
            input.pos = input.end;
            match input.refill() {
                Some(true) => continue,
                _ => return unsupported(&run),
            }
        };
        let rest = &rest[start..];
        if rest.len() < 12 && !input.eof {
            input.pos += start;
            match input.refill() {
                Some(true) => continue,
                _ => return unsupported(&run),
            }
        }
        if rest.starts_with(b"</sheetData>") {
            return Scan::Done;
        }
        if !(rest.starts_with(b"<row")
            && rest.get(4).is_some_and(|b| matches!(b, b' ' | b'>' | b'/' | b'\t' | b'\r' | b'\n')))
        {
            return unsupported(&run);
        }
        // the start tag, whole
        let tag = match start_tag(&rest[4..]) {
            Ok(tag) => tag,
            Err(Partial::Bad) => return unsupported(&run),
            Err(Partial::Incomplete) => {
                input.pos += start;
                match input.refill() {
                    Some(true) => continue,
                    _ => return unsupported(&run),
                }
            }
        };
        let Some(attrs) = attributes(&rest[4..4 + tag.attrs_end]) else { return unsupported(&run) };
        let body_from = 4 + tag.len;
        let body = if tag.empty {
            None
        } else {
            match row_end.find(&rest[body_from..]) {
                Some(n) => Some(body_from..body_from + n),
                None => {
                    input.pos += start;
                    match input.refill() {
                        Some(true) => continue,
                        _ => return unsupported(&run),
                    }
                }
            }
        };
        if let Some(r) = attrs.r {
            match parse_row(r) {
                Some(row) => run.row_index = row,
                None => return unsupported(&run),
            }
        }
        let consumed = match &body {
            Some(b) => {
                let cells = &rest[b.clone()];
                match run.cells_of(cells, ctx, f) {
                    RowEnd::Next => {}
                    RowEnd::Stopped => return Scan::Stopped,
                    RowEnd::Unsupported => return unsupported(&run),
                }
                b.end + 6
            }
            None => body_from,
        };
        run.row_index = run.row_index.wrapping_add(1);
        run.col_index = 0;
        input.pos += start + consumed;
    }
}

struct Run {
    row_index: u32,
    col_index: u32,
    cells: u64,
}

enum RowEnd {
    Next,
    Stopped,
    Unsupported,
}

impl Run {
    /// The `<c>` elements of one row's body.
    fn cells_of<'s>(&mut self, mut body: &[u8], ctx: &Context<'s>, f: &mut CellFn<'_, 's>) -> RowEnd {
        loop {
            let Some(start) = body.iter().position(|b| !b.is_ascii_whitespace()) else { return RowEnd::Next };
            body = &body[start..];
            if !(body.starts_with(b"<c")
                && body.get(2).is_some_and(|b| matches!(b, b' ' | b'>' | b'/' | b'\t' | b'\r' | b'\n')))
            {
                return RowEnd::Unsupported;
            }
            let Ok(tag) = start_tag(&body[2..]) else { return RowEnd::Unsupported };
            let Some(attrs) = attributes(&body[2..2 + tag.attrs_end]) else { return RowEnd::Unsupported };
            let after = 2 + tag.len;
            let (inner, next) = if tag.empty {
                (&body[after..after], after)
            } else {
                let Some(n) = find_close(&body[after..], b"c") else { return RowEnd::Unsupported };
                (&body[after..after + n], after + n + 4)
            };
            let pos = match attrs.r {
                Some(r) => match parse_cell_ref(r) {
                    Some((row, col)) => {
                        self.col_index = col;
                        (row, col)
                    }
                    None => return RowEnd::Unsupported,
                },
                None => (self.row_index, self.col_index),
            };
            let Some((value, key)) = cell_value(inner, attrs.s, attrs.t, ctx) else { return RowEnd::Unsupported };
            self.col_index = self.col_index.wrapping_add(1);
            self.cells += 1;
            if f(pos.0, pos.1, value, key).is_break() {
                return RowEnd::Stopped;
            }
            body = &body[next..];
        }
    }
}

/// A start tag after its name: where its attributes end, its whole length (past `>`), and
/// whether it is empty (`/>`).
#[derive(Debug, PartialEq, Eq)]
struct Tag {
    attrs_end: usize,
    len: usize,
    empty: bool,
}

fn start_tag(bytes: &[u8]) -> Result<Tag, Partial> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => {
                let empty = i > 0 && bytes[i - 1] == b'/';
                return Ok(Tag { attrs_end: if empty { i - 1 } else { i }, len: i + 1, empty });
            }
            (None, b'<') => return Err(Partial::Bad),
            _ => {}
        }
    }
    Err(Partial::Incomplete)
}

/// Why a start tag could not be read: its `>` is not in the bytes yet, or it is malformed.
#[derive(Debug, PartialEq, Eq)]
enum Partial {
    Incomplete,
    Bad,
}

#[derive(Default)]
struct Attrs<'a> {
    r: Option<&'a [u8]>,
    s: Option<&'a [u8]>,
    t: Option<&'a [u8]>,
}

/// `r`, `s` and `t` of an attribute list (others skipped). `None` on anything but
/// `name="value"` pairs, or an entity in a value we read.
fn attributes(mut a: &[u8]) -> Option<Attrs<'_>> {
    let mut out = Attrs::default();
    loop {
        a = a.trim_ascii_start();
        if a.is_empty() {
            return Some(out);
        }
        let eq = memchr(b'=', a)?;
        let name = a[..eq].trim_ascii_end();
        let rest = a[eq + 1..].trim_ascii_start();
        let q = *rest.first()?;
        if q != b'"' && q != b'\'' {
            return None;
        }
        let close = memchr(q, &rest[1..])?;
        let value = &rest[1..1 + close];
        let slot = match name {
            b"r" => Some(&mut out.r),
            b"s" => Some(&mut out.s),
            b"t" => Some(&mut out.t),
            _ => None,
        };
        if let Some(slot) = slot {
            if memchr(b'&', value).is_some() {
                return None;
            }
            *slot = Some(value);
        }
        a = &rest[close + 2..];
        if a.first().is_some_and(|b| !b.is_ascii_whitespace()) {
            return None;
        }
    }
}

/// Where `</name>` starts in `hay` (short element bodies: a `memchr` per `<` beats a
/// `memmem` set-up per cell).
fn find_close(hay: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let i = from + memchr(b'<', &hay[from..])?;
        let rest = &hay[i + 1..];
        if rest.first() == Some(&b'/') && rest[1..].starts_with(name) && rest.get(1 + name.len()) == Some(&b'>') {
            return Some(i);
        }
        from = i + 1;
    }
}

/// The last row (0-based) a sheet part declares in `<dimension ref="A1:K1000001"/>`, from
/// the part's first bytes (`head`; the element comes before `<sheetData>`).
pub(super) fn declared_last_row(head: &[u8]) -> Option<u32> {
    let data = memchr::memmem::find(head, b"<sheetData").unwrap_or(head.len());
    let at = memchr::memmem::find(&head[..data], b"<dimension")?;
    let tag = &head[at + b"<dimension".len()..];
    let tag = &tag[..memchr(b'>', tag)?];
    let at = memchr::memmem::find(tag, b"ref=")? + 4;
    let quote = *tag.get(at)?;
    let value = tag.get(at + 1..)?;
    let value = &value[..memchr(quote, value)?];
    let last = value.rsplit(|&b| b == b':').next()?;
    parse_cell_ref(last).map(|(r, _)| r)
}

/// `r` of a row: 1-based → 0-based (letters before the digits are ignored, as calamine does).
fn parse_row(r: &[u8]) -> Option<u32> {
    let digits = r.iter().position(u8::is_ascii_digit)?;
    if !r[..digits].iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    number(&r[digits..])?.checked_sub(1)
}

/// `r` of a cell: `C12` → (11, 2).
fn parse_cell_ref(r: &[u8]) -> Option<(u32, u32)> {
    let digits = r.iter().position(u8::is_ascii_digit)?;
    if digits == 0 || digits > 3 {
        return None;
    }
    let mut col = 0u32;
    for &b in &r[..digits] {
        col = col * 26 + u32::from(b.to_ascii_uppercase().checked_sub(b'A').filter(|d| *d < 26)?) + 1;
    }
    Some((number(&r[digits..])?.checked_sub(1)?, col - 1))
}

/// Plain decimal digits (1–9 of them) as a number.
fn number(d: &[u8]) -> Option<u32> {
    if d.is_empty() || d.len() > 9 || !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(d.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')))
}

/// The value of a cell from its children, as calamine reads it, with the index of the
/// shared string it is ([`NO_KEY`] for any other value); `None`: not ours to read.
fn cell_value<'s>(mut inner: &[u8], s: Option<&[u8]>, t: Option<&[u8]>, ctx: &Context<'s>) -> Option<(Cell<'s>, u32)> {
    let mut value = Cell::Empty;
    let mut key = NO_KEY;
    loop {
        let start = inner.iter().position(|b| !b.is_ascii_whitespace());
        let Some(start) = start else { return Some((value, key)) };
        inner = &inner[start..];
        if inner.first() != Some(&b'<') {
            // text between children: calamine skips it; an entity or markup in it is not ours
            let lt = memchr(b'<', inner).unwrap_or(inner.len());
            if memchr(b'&', &inner[..lt]).is_some() {
                return None;
            }
            inner = &inner[lt..];
            continue;
        }
        let name_end = inner[1..].iter().position(|b| matches!(b, b' ' | b'>' | b'/' | b'\t' | b'\r' | b'\n'))? + 1;
        let name = &inner[1..name_end];
        let tag = start_tag(&inner[name_end..]).ok()?;
        let after = name_end + tag.len;
        let (text, next) = if tag.empty {
            (None, after)
        } else {
            if !matches!(name, b"v" | b"f" | b"is") {
                return None;
            }
            let n = find_close(&inner[after..], name)?;
            (Some(&inner[after..after + n]), after + n + name.len() + 3)
        };
        key = NO_KEY;
        value = match name {
            b"v" => match t {
                Some(b"inlineStr" | b"is") => Cell::Empty,
                Some(b"s") => {
                    let (cell, k) = shared_string(text.unwrap_or_default(), ctx)?;
                    key = k;
                    cell
                }
                _ => v_value(text.unwrap_or_default(), s, t, ctx)?,
            },
            b"f" => Cell::Empty,
            b"is" => inline_string(text.unwrap_or_default())?,
            _ => return None,
        };
        inner = &inner[next..];
    }
}

/// `<is><t>text</t></is>` (or `<t xml:space="preserve">`), no runs.
fn inline_string<'s>(body: &[u8]) -> Option<Cell<'s>> {
    let body = body.trim_ascii();
    if body.is_empty() {
        return Some(Cell::Text(Cow::Owned(String::new())));
    }
    let rest = body.strip_prefix(b"<t")?;
    let tag = start_tag(rest).ok()?;
    let attrs = rest[..tag.attrs_end].trim_ascii();
    let preserve = match attrs {
        b"" => false,
        b"xml:space=\"preserve\"" | b"xml:space='preserve'" => true,
        _ => return None,
    };
    let rest = &rest[tag.len..];
    let text = if tag.empty {
        if !rest.trim_ascii().is_empty() {
            return None;
        }
        &[][..]
    } else {
        let text = rest.strip_suffix(b"</t>")?;
        if memchr(b'<', text).is_some() {
            return None;
        }
        text
    };
    let text = text_of(text)?;
    let text: &str = if preserve { &text } else { text.trim_matches([' ', '\t', '\r', '\n']) };
    Some(Cell::Text(Cow::Owned(text.to_string())))
}

/// Element text with the five XML entities decoded; `None` for anything calamine would
/// change further (character references, line ends to normalise, `_xHHHH_` escapes).
fn text_of(raw: &[u8]) -> Option<Cow<'_, str>> {
    let s = std::str::from_utf8(raw).ok()?;
    if memchr::memchr2(b'\r', b'_', raw).is_some() && (raw.contains(&b'\r') || s.contains("_x")) {
        return None;
    }
    if memchr(b'&', raw).is_none() {
        return Some(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';')? + i;
        out.push_str(match &rest[i + 1..end] {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => return None,
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// A shared string's `<v>`: the string and its index (the key), or `Empty` for no index.
fn shared_string<'s>(v: &[u8], ctx: &Context<'s>) -> Option<(Cell<'s>, u32)> {
    if v.is_empty() {
        return Some((Cell::Empty, NO_KEY));
    }
    let i = index(v)?;
    let text = ctx.strings.get(i)?;
    Some((Cell::Text(Cow::Borrowed(text.as_str())), u32::try_from(i).unwrap_or(NO_KEY)))
}

/// A `<v>` by the cell's type (calamine's `read_v`).
fn v_value<'s>(v: &[u8], s: Option<&[u8]>, t: Option<&[u8]>, ctx: &Context<'s>) -> Option<Cell<'s>> {
    match t {
        Some(b"s") => shared_string(v, ctx).map(|(cell, _)| cell),
        None | Some(b"n") => {
            if v.is_empty() {
                return Some(Cell::Empty);
            }
            let n = plain_number(v)?;
            let kind = match s {
                None => NumberKind::Other,
                Some(s) => match ctx.formats.get(index(s)?) {
                    Some(k) => *k,
                    None => NumberKind::Other,
                },
            };
            Some(match kind {
                NumberKind::Other => Cell::Float(n),
                NumberKind::DateTime => Cell::DateTime { serial: n, duration: false },
                NumberKind::Duration => Cell::DateTime { serial: n, duration: true },
            })
        }
        Some(b"b") => match v.trim_ascii() {
            b"" => Some(Cell::Empty),
            b"0" => Some(Cell::Bool(false)),
            b"1" => Some(Cell::Bool(true)),
            _ => None,
        },
        Some(b"e") => {
            let e = std::str::from_utf8(v).ok()?;
            matches!(e, "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!")
                .then(|| Cell::Error(Cow::Owned(e.to_string())))
        }
        Some(b"str" | b"d") => {
            if memchr(b'&', v).is_some() {
                return None; // calamine decodes `str` and `d` text itself; rare
            }
            Some(Cell::Text(Cow::Owned(text_of(v)?.into_owned())))
        }
        _ => None,
    }
}

/// A shared-string or style index: plain digits.
fn index(v: &[u8]) -> Option<usize> {
    if v.is_empty() || v.len() > 9 || !v.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(v.iter().fold(0usize, |n, b| n * 10 + usize::from(b - b'0')))
}

/// `-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?` as an f64 (correctly rounded, as calamine's
/// parser); `None` for any other spelling.
fn plain_number(v: &[u8]) -> Option<f64> {
    let digits = v.strip_prefix(b"-").unwrap_or(v);
    // the common case: a whole number Excel stores exactly
    if !digits.is_empty() && digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit) {
        let n = digits.iter().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64;
        return Some(if digits.len() < v.len() { -n } else { n });
    }
    let mut i = 0;
    let run = |i: &mut usize| {
        let from = *i;
        while digits.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > from
    };
    if !run(&mut i) {
        return None;
    }
    if digits.get(i) == Some(&b'.') {
        i += 1;
        if !run(&mut i) {
            return None;
        }
    }
    if matches!(digits.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(digits.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if !run(&mut i) {
            return None;
        }
    }
    if i != digits.len() {
        return None;
    }
    std::str::from_utf8(v).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_spellings_read_here() {
        let cases: &[(&str, Option<f64>)] = &[
            ("42", Some(42.0)),
            ("-7", Some(-7.0)),
            ("0", Some(0.0)),
            ("-0", Some(-0.0)),
            ("3.5", Some(3.5)),
            ("42898.395833333336", Some(42898.395833333336)),
            ("1E-3", Some(0.001)),
            ("5.10114E+17", Some(5.10114e17)),
            ("123456789012345678", Some(123456789012345678.0)),
            (" 12", None),
            ("1.", None),
            (".5", None),
            ("+1", None),
            ("inf", None),
            ("", None),
            ("-", None),
            ("1e", None),
        ];
        for &(v, want) in cases {
            let got = plain_number(v.as_bytes());
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{v:?}");
        }
    }

    #[test]
    fn references() {
        assert_eq!(parse_cell_ref(b"A1"), Some((0, 0)));
        assert_eq!(parse_cell_ref(b"c12"), Some((11, 2)));
        assert_eq!(parse_cell_ref(b"XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(parse_cell_ref(b"A0"), None);
        assert_eq!(parse_cell_ref(b"12"), None);
        assert_eq!(parse_cell_ref(b"$A$1"), None);
        assert_eq!(parse_row(b"7"), Some(6));
        assert_eq!(parse_row(b"0"), None);
    }

    #[test]
    fn the_declared_last_row() {
        let cases: &[(&str, Option<u32>)] = &[
            (r#"<worksheet><dimension ref="A1:K1000001"/><sheetData>"#, Some(1_000_000)),
            (r#"<worksheet><dimension ref='B3'/><sheetData>"#, Some(2)),
            (r#"<worksheet><sheetPr/><dimension  ref="A1:XFD1048576" /><sheetData>"#, Some(1_048_575)),
            (r#"<worksheet><sheetData><row r="1"/></sheetData><dimension ref="A1:A9"/>"#, None),
            (r#"<worksheet><dimension ref="A1:K0"/><sheetData>"#, None),
            (r#"<worksheet><dimension/><sheetData>"#, None),
            (r#"<worksheet><dimension ref="A1:K1"#, None),
            ("", None),
        ];
        for &(xml, want) in cases {
            assert_eq!(declared_last_row(xml.as_bytes()), want, "{xml}");
        }
    }

    #[test]
    fn attributes_and_tags() {
        let a = attributes(br#" r="B2" s='3' t="s" spans="1:5""#).unwrap();
        assert_eq!((a.r, a.s, a.t), (Some(&b"B2"[..]), Some(&b"3"[..]), Some(&b"s"[..])));
        assert!(attributes(br#" r=B2"#).is_none());
        assert!(attributes(br#" r="B2"t="s""#).is_none());
        let t = start_tag(br#" r="A1" x="a>b"/>rest"#).unwrap();
        assert_eq!(start_tag(b" r=\"A1\" <c>"), Err(Partial::Bad));
        assert!(t.empty);
        assert_eq!(t.len, 17);
        assert_eq!(start_tag(b" r=\"A1\"").err(), Some(Partial::Incomplete));
    }

    #[test]
    fn text_entities() {
        assert_eq!(text_of(b"A &amp; B &lt;1&gt;").unwrap(), "A & B <1>");
        assert_eq!(text_of("张三".as_bytes()).unwrap(), "张三");
        assert!(text_of(b"&#20013;").is_none());
        assert!(text_of(b"a_x000D_b").is_none());
        assert!(text_of(b"a\r\nb").is_none());
        assert_eq!(text_of(b"snake_case").unwrap(), "snake_case");
    }
}
