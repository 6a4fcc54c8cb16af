//! The small parts of an xlsx package, read without calamine's `Xlsx::new`: the sheet list,
//! the date epoch, the shared strings and which cell styles are dates. `xlsx_scan` needs
//! exactly these to read sheet data itself.
//!
//! The reading rules are calamine 0.38's (`xlsx/mod.rs`: `read_package_relationships`,
//! `read_shared_strings`, `read_string_with_bufs`, `read_styles`, `read_workbook`;
//! `formats.rs`; `utils.rs`: `unescape_xml`), ported with the same quick-xml settings, so the
//! strings and formats are calamine's to the byte (MIT, © Johann Tuffe).
//!
//! Invariant: `None` whenever a part is missing where calamine needs it, or any XML here does
//! not parse; the caller then opens the file with calamine, whose answer (or error) stands.
//!

use crate::input::bytes::{ByteReader, Data};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use zip::ZipArchive;

/// Whether a cell style shows numbers as dates (calamine's `CellFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NumberKind {
    Other,
    DateTime,
    Duration,
}

/// One sheet of the workbook, in workbook order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct BookSheet {
    pub name: String,
    /// The part's path as the workbook names it (looked up case-insensitively).
    pub part: String,
    /// A worksheet (not a chart or dialog sheet).
    pub worksheet: bool,
}

/// What reading sheet data needs from the rest of the package.
#[derive(Debug, Default)]
pub(super) struct Book {
    pub sheets: Vec<BookSheet>,
    pub is_1904: bool,
    pub strings: Vec<String>,
    /// Per cell style (`s` attribute), how its numbers read.
    pub formats: Vec<NumberKind>,
}

type Zip<'a> = ZipArchive<ByteReader<'a>>;
type Xml<R> = quick_xml::Reader<R>;

/// Reads the package's small parts, or `None` (then calamine reads the file).
pub(super) fn read(data: Data<'_>) -> Option<Book> {
    let mut zip = ZipArchive::new(ByteReader::new(data)).ok()?;
    let names = PartNames::of(&zip);
    let (xl_path, workbook_name) = package_relationships(&mut zip, &names)?;
    let strings = shared_strings(&mut zip, &names, &format!("{xl_path}sharedStrings.xml"))?;
    let formats = styles(&mut zip, &names, &format!("{xl_path}styles.xml"))?;
    let rels = relationships(&mut zip, &names, &format!("{xl_path}_rels/{workbook_name}.rels"))?;
    let (sheets, is_1904) = workbook(&mut zip, &names, &format!("{xl_path}{workbook_name}"), &xl_path, &rels)?;
    Some(Book { sheets, is_1904, strings, formats })
}

/// Part names by their lower-cased, `/`-separated form (calamine's `zip_path_cache`).
pub(super) struct PartNames(HashMap<String, String>);

impl PartNames {
    pub(super) fn of(zip: &Zip<'_>) -> Self {
        PartNames(
            zip.file_names()
                .filter_map(Result::ok)
                .map(|n| (n.replace('\\', "/").to_ascii_lowercase(), n.into_owned()))
                .collect(),
        )
    }

    /// The stored name of `path`, matched as calamine matches it.
    pub(super) fn find<'p>(&'p self, path: &'p str) -> &'p str {
        self.0.get(&path.to_ascii_lowercase()).map_or(path, String::as_str)
    }
}

/// A quick-xml reader over a part with calamine's settings; `Some(None)` when absent.
fn part_reader<'z, 'b>(
    zip: &'z mut Zip<'b>,
    names: &PartNames,
    path: &str,
) -> Option<Option<Xml<impl BufRead + use<'z, 'b>>>> {
    match zip.by_name(names.find(path)) {
        Ok(f) => {
            let mut r = Xml::from_reader(BufReader::new(f));
            let config = r.config_mut();
            config.check_end_names = false;
            config.trim_text(false);
            config.check_comments = false;
            config.expand_empty_elements = true;
            Some(Some(r))
        }
        Err(zip::result::ZipError::FileNotFound) => Some(None),
        Err(_) => None,
    }
}

/// A raw (not unescaped) attribute value, as calamine's `raw_attr` gives it.
fn raw_attr<'e>(e: &'e BytesStart<'_>, key: &str) -> Option<Option<std::borrow::Cow<'e, str>>> {
    match e.try_get_attribute(key) {
        Ok(a) => Some(a.map(|a| a.value)),
        Err(_) => None,
    }
}

/// `_rels/.rels` → (directory of the workbook part with a trailing `/`, its file name).
fn package_relationships(zip: &mut Zip<'_>, names: &PartNames) -> Option<(String, String)> {
    let mut xml = part_reader(zip, names, "_rels/.rels")??;
    let mut buf = Vec::new();
    let mut target = None;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                let typ = raw_attr(&e, "Type")?;
                if typ.as_deref().is_some_and(|t| t.ends_with("/relationships/officeDocument")) {
                    if let Some(t) = raw_attr(&e, "Target")? {
                        target = Some(quick_xml::escape::unescape(&t).ok()?.into_owned());
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == "Relationships" => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    Some(match target {
        Some(t) => {
            let (dir, name) = t.rfind('/').map_or(("", t.as_str()), |i| t.split_at(i + 1));
            let name = if name.is_empty() { "workbook.xml" } else { name };
            (dir.strip_prefix('/').unwrap_or(dir).to_string(), name.to_string())
        }
        None => ("xl/".into(), "workbook.xml".into()),
    })
}

/// `Id` → (`Target`, `Type`), raw.
fn relationships(zip: &mut Zip<'_>, names: &PartNames, path: &str) -> Option<HashMap<String, (String, String)>> {
    let mut xml = part_reader(zip, names, path)??;
    let mut out = HashMap::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "Relationship" => {
                if let Some(id) = raw_attr(&e, "Id")? {
                    let get =
                        |k| -> Option<String> { Some(raw_attr(&e, k)?.map(|v| v.into_owned()).unwrap_or_default()) };
                    out.insert(id.into_owned(), (get("Target")?, get("Type")?));
                }
            }
            Event::End(e) if e.local_name().as_ref() == "Relationships" => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    Some(out)
}

/// The sheets (name, part, kind) and the 1904 flag.
fn workbook(
    zip: &mut Zip<'_>,
    names: &PartNames,
    path: &str,
    xl_path: &str,
    rels: &HashMap<String, (String, String)>,
) -> Option<(Vec<BookSheet>, bool)> {
    let Some(mut xml) = part_reader(zip, names, path)? else { return Some((Vec::new(), false)) };
    let (mut sheets, mut is_1904) = (Vec::new(), false);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "sheet" => {
                let (mut name, mut rel_id) = (String::new(), String::new());
                for a in e.attributes().with_checks(false) {
                    let a = a.ok()?;
                    let key = a.key.as_ref();
                    let value: &str = &a.value;
                    match key {
                        "name" => name = quick_xml::escape::unescape(value).ok()?.into_owned(),
                        "state" if !matches!(value, "visible" | "hidden" | "veryHidden") => return None,
                        k if k == "id" || k.ends_with(":id") => rel_id = value.to_string(),
                        _ => {}
                    }
                }
                let (target, typ) = rels.get(&rel_id)?;
                let part = target.strip_prefix('/').map_or_else(|| format!("{xl_path}{target}"), str::to_string);
                let worksheet = match typ.rsplit('/').next() {
                    Some("worksheet") => true,
                    Some("chartsheet" | "dialogsheet") => false,
                    _ => return None,
                };
                sheets.push(BookSheet { name, part, worksheet });
            }
            Event::Start(e) if e.local_name().as_ref() == "workbookPr" => {
                if let Some(v) = raw_attr(&e, "date1904")? {
                    is_1904 = &*v == "1" || &*v == "true";
                }
            }
            Event::End(e) if e.local_name().as_ref() == "workbook" => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    Some((sheets, is_1904))
}

/// The shared strings table (empty when the part is absent).
fn shared_strings(zip: &mut Zip<'_>, names: &PartNames, path: &str) -> Option<Vec<String>> {
    let Some(mut xml) = part_reader(zip, names, path)? else { return Some(Vec::new()) };
    let mut strings = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "sst" => {
                // bounded by `limits::check_shared_strings` before any reader runs
                if let Some(n) = raw_attr(&e, "uniqueCount")?.and_then(|v| v.parse::<usize>().ok()) {
                    strings.reserve(n.min(1 << 22));
                }
                break;
            }
            Event::Eof => return None,
            _ => {}
        }
    }
    let (mut inner, mut text) = (Vec::new(), Vec::new());
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                let name = e.name().as_ref().to_string();
                if let Some(s) = read_string(&mut xml, QName(name.as_str()), &mut inner, &mut text)? {
                    strings.push(s);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "sst" => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    Some(strings)
}

/// A plain or rich string up to `closing`, phonetic runs left out (calamine's
/// `read_string_with_bufs`). Outer `None`: XML it cannot read.
fn read_string<R: BufRead>(
    xml: &mut Xml<R>,
    closing: QName<'_>,
    buf: &mut Vec<u8>,
    text_buf: &mut Vec<u8>,
) -> Option<Option<String>> {
    let mut rich: Option<String> = None;
    let mut phonetic = false;
    loop {
        buf.clear();
        match xml.read_event_into(buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "r" && rich.is_none() => rich = Some(String::new()),
            Event::Start(e) if e.local_name().as_ref() == "rPh" => phonetic = true,
            Event::End(e) if e.name() == closing => return Some(Some(rich.unwrap_or_default())),
            Event::End(e) if e.local_name().as_ref() == "rPh" => phonetic = false,
            Event::Start(e) if e.local_name().as_ref() == "t" && !phonetic => {
                let preserve = raw_attr(&e, "xml:space")?.is_some_and(|v| &*v == "preserve");
                let name = e.name().as_ref().to_string();
                let mut value = String::new();
                loop {
                    text_buf.clear();
                    match xml.read_event_into(text_buf).ok()? {
                        Event::Text(t) => value.push_str(&t.xml10_content()),
                        Event::CData(t) => value.push_str(&t.xml10_content()),
                        Event::GeneralRef(r) => {
                            if let Some(s) = quick_xml::escape::resolve_xml_entity(&r) {
                                value.push_str(s);
                            } else {
                                value.push(r.resolve_char_ref().ok()??);
                            }
                        }
                        Event::End(end) if end.name().as_ref() == name => break,
                        Event::Eof => return None,
                        _ => {}
                    }
                }
                let value = if preserve {
                    unescape_xml(&value)
                } else {
                    unescape_xml(value.trim_matches([' ', '\t', '\r', '\n']))
                };
                match &mut rich {
                    Some(s) => s.push_str(&value),
                    None => rich = Some(value),
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Excel's `_xHHHH_` escapes (a UTF-16 unit each; `_x005F_` escapes the underscore).
pub(super) fn unescape_xml(s: &str) -> String {
    fn unit_at(s: &str, i: usize) -> Option<u16> {
        let b = s.as_bytes().get(i..i + 7)?;
        if b[0] != b'_' || b[1] != b'x' || b[6] != b'_' || !b[2..6].iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&b[2..6]).ok()?, 16).ok()
    }
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let (mut i, mut copied) = (0, 0);
    while let Some(off) = s[i..].find('_') {
        let at = i + off;
        let Some(unit) = unit_at(s, at) else {
            i = at + 1;
            continue;
        };
        out.push_str(&s[copied..at]);
        let mut next = at + 7;
        match unit {
            0xD800..=0xDBFF => match unit_at(s, next) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let cp = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
                    next += 7;
                }
                _ => out.push(char::REPLACEMENT_CHARACTER),
            },
            0xDC00..=0xDFFF => out.push(char::REPLACEMENT_CHARACTER),
            u => out.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
        copied = next;
        i = next;
    }
    out.push_str(&s[copied..]);
    out
}

/// Per `<xf>` of `<cellXfs>`, how its numbers read (custom formats by their code).
fn styles(zip: &mut Zip<'_>, names: &PartNames, path: &str) -> Option<Vec<NumberKind>> {
    let Some(mut xml) = part_reader(zip, names, path)? else { return Some(Vec::new()) };
    let mut custom: HashMap<String, String> = HashMap::new();
    let mut formats = Vec::new();
    let (mut buf, mut inner) = (Vec::new(), Vec::new());
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "numFmts" => loop {
                inner.clear();
                match xml.read_event_into(&mut inner).ok()? {
                    Event::Start(e) if e.local_name().as_ref() == "numFmt" => {
                        if let (Some(id), Some(code)) = (raw_attr(&e, "numFmtId")?, raw_attr(&e, "formatCode")?) {
                            let code = quick_xml::escape::unescape(&code).ok()?.into_owned();
                            custom.insert(id.into_owned(), code);
                        }
                    }
                    Event::End(e) if e.local_name().as_ref() == "numFmts" => break,
                    Event::Eof => return None,
                    _ => {}
                }
            },
            Event::Start(e) if e.local_name().as_ref() == "cellXfs" => loop {
                inner.clear();
                match xml.read_event_into(&mut inner).ok()? {
                    Event::Start(e) if e.local_name().as_ref() == "xf" => {
                        formats.push(raw_attr(&e, "numFmtId")?.map_or(
                            NumberKind::Other,
                            |id| match custom.get(&*id) {
                                Some(code) => custom_format_kind(code),
                                None => builtin_format_kind(id.as_bytes()),
                            },
                        ));
                    }
                    Event::End(e) if e.local_name().as_ref() == "cellXfs" => break,
                    Event::Eof => return None,
                    _ => {}
                }
            },
            Event::End(e) if e.local_name().as_ref() == "styleSheet" => break,
            Event::Eof => break,
            _ => {}
        }
    }
    Some(formats)
}

/// Built-in number formats that are dates or times (calamine's `builtin_format_by_id`).
fn builtin_format_kind(id: &[u8]) -> NumberKind {
    match id {
        b"14" | b"15" | b"16" | b"17" | b"18" | b"19" | b"20" | b"21" | b"22" | b"45" | b"47" => NumberKind::DateTime,
        b"27" | b"28" | b"29" | b"30" | b"31" | b"32" | b"33" | b"34" | b"35" | b"36" | b"50" | b"51" | b"52"
        | b"53" | b"54" | b"55" | b"56" | b"57" | b"58" => NumberKind::DateTime,
        b"46" => NumberKind::Duration,
        _ => NumberKind::Other,
    }
}

/// Whether a custom format code shows a date, a time or a duration (calamine's
/// `detect_custom_number_format`: the first section only, quoted and escaped text skipped).
pub(super) fn custom_format_kind(format: &str) -> NumberKind {
    let (mut escaped, mut quoted, mut brackets, mut prev, mut hms, mut ap) = (false, false, 0u8, ' ', false, false);
    for s in format.chars() {
        match (s, escaped, quoted, ap, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => quoted = false,
            (_, _, true, _, _) => (),
            ('"', _, _, _, _) => quoted = true,
            (';', ..) => return NumberKind::Other,
            ('[', ..) => brackets += 1,
            (']', .., 1) if hms => return NumberKind::Duration,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => ap = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return NumberKind::DateTime,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => return NumberKind::DateTime,
            _ => {
                if !(hms && s.eq_ignore_ascii_case(&prev)) {
                    hms = prev == '[' && matches!(s, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = s;
    }
    NumberKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_as_calamine_reads_them() {
        let cases = [
            ("yyyy-mm-dd", NumberKind::DateTime),
            ("yyyy\"年\"m\"月\"d\"日\"", NumberKind::DateTime),
            ("[h]:mm:ss", NumberKind::Duration),
            ("[mm]:ss", NumberKind::Duration),
            ("0.00", NumberKind::Other),
            ("\"d\"0", NumberKind::Other),
            ("0;[Red]yyyy", NumberKind::Other),
            ("[Red]0", NumberKind::Other),
            ("h:mm AM/PM", NumberKind::DateTime),
            ("@", NumberKind::Other),
        ];
        for (code, want) in cases {
            assert_eq!(custom_format_kind(code), want, "{code}");
        }
        assert_eq!(builtin_format_kind(b"14"), NumberKind::DateTime);
        assert_eq!(builtin_format_kind(b"46"), NumberKind::Duration);
        assert_eq!(builtin_format_kind(b"49"), NumberKind::Other);
    }

    #[test]
    fn excel_escapes() {
        assert_eq!(unescape_xml("a_x000D_b"), "a\rb");
        assert_eq!(unescape_xml("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_xml("_xD83D__xDCF7_"), "📷");
        assert_eq!(unescape_xml("_xD83D_x"), "\u{FFFD}x");
        assert_eq!(unescape_xml("_x00"), "_x00");
        assert_eq!(unescape_xml("张三_x"), "张三_x");
    }
}
