//! Which format a file is, from its bytes (not only its name): zip magic + the package's
//! content types for xlsx/xlsm/ods, the OLE compound-file magic for xls, else text.

use crate::error::{NotSpreadsheet, ReadError};
use crate::input::bytes::{ByteReader, Data};
use crate::input::limits;
use serde::{Deserialize, Serialize};
use std::io::Read;

/// The formats we read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Xlsx,
    Xlsm,
    Xls,
    Ods,
    Csv,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsm => "xlsm",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Csv => "csv",
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY_MAGIC: &[u8] = b"PK\x05\x06";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Magic numbers of files people pick by mistake.
const OTHER_MAGIC: &[(&[u8], NotSpreadsheet)] = &[
    (b"%PDF", NotSpreadsheet::Pdf),
    (b"\x89PNG", NotSpreadsheet::Image),
    (b"\xFF\xD8\xFF", NotSpreadsheet::Image),
    (b"GIF8", NotSpreadsheet::Image),
    (b"Rar!", NotSpreadsheet::Archive),
    (b"7z\xBC\xAF", NotSpreadsheet::Archive),
    (b"\x1F\x8B", NotSpreadsheet::Archive),
];

/// Content types in `[Content_Types].xml`, first match wins.
const CONTENT_TYPES: &[(&str, Result<Format, &str>)] = &[
    ("sheet.binary.macroEnabled.main", Err("xlsb (Excel 二进制工作簿)")),
    ("sheet.macroEnabled.main+xml", Ok(Format::Xlsm)),
    ("template.macroEnabled.main+xml", Ok(Format::Xlsm)),
    ("spreadsheetml.sheet.main+xml", Ok(Format::Xlsx)),
    ("spreadsheetml.template.main+xml", Ok(Format::Xlsx)),
];

/// Extensions that promise a workbook (so text behind them is a mistake, not a CSV).
const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xltx", "xls", "xlsb", "ods", "et", "ett"];

/// What a file's extension says it is when that is no spreadsheet: said instead of a
/// reader's error when its bytes turn out unreadable (a damaged `.docx` is still a Word
/// file to the clerk, not "an invalid zip archive").
fn named_as(name: &str) -> Option<NotSpreadsheet> {
    Some(match extension(name).as_str() {
        "doc" | "docx" | "wps" | "rtf" => NotSpreadsheet::Word,
        "ppt" | "pptx" | "dps" => NotSpreadsheet::PowerPoint,
        "pdf" | "ofd" => NotSpreadsheet::Pdf,
        "jpg" | "jpeg" | "png" | "gif" | "bmp" | "webp" | "heic" | "tif" | "tiff" => NotSpreadsheet::Image,
        "zip" | "rar" | "7z" | "gz" => NotSpreadsheet::Archive,
        _ => return None,
    })
}

pub fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// The format of `data`, or why it is not a spreadsheet we read. Only a zip is read past its
/// first 8 KB (its directory and small parts).
pub fn detect(name: &str, data: Data<'_>) -> Result<Format, ReadError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let size = data.size();
    if size == 0 {
        return Err(ReadError::Empty);
    }
    let first = data.head(8192).map_err(|e| ReadError::Corrupt { detail: e.to_string() })?;
    let head = &first[..];
    if base.starts_with("~$") && size < 1024 {
        return Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::ExcelLockFile });
    }
    if head.starts_with(ZIP_MAGIC) || head.starts_with(ZIP_EMPTY_MAGIC) {
        return detect_zip(data).map_err(|e| match (e, named_as(base)) {
            (ReadError::Corrupt { .. }, Some(found)) => ReadError::NotASpreadsheet { found },
            (e, _) => e,
        });
    }
    if head.starts_with(CFB_MAGIC) {
        return Ok(Format::Xls); // encrypted OOXML and Word files are told apart when opening
    }
    for (magic, what) in OTHER_MAGIC {
        if head.starts_with(magic) {
            return Err(ReadError::NotASpreadsheet { found: *what });
        }
    }
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    if !utf16 && head.contains(&0) {
        return Err(ReadError::NotASpreadsheet { found: named_as(base).unwrap_or(NotSpreadsheet::Binary) });
    }
    let lower = String::from_utf8_lossy(head).to_lowercase();
    let start = lower.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with("<?xml") && lower.contains("urn:schemas-microsoft-com:office:spreadsheet") {
        return Err(ReadError::Unsupported { format: "XML 电子表格 2003 / XML Spreadsheet 2003".into() });
    }
    if start.starts_with('<') && (lower.contains("<html") || lower.contains("<table")) {
        return Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Html });
    }
    if WORKBOOK_EXTENSIONS.contains(&extension(base).as_str()) {
        return Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Text });
    }
    Ok(Format::Csv)
}

fn detect_zip(data: Data<'_>) -> Result<Format, ReadError> {
    let mut zip =
        zip::ZipArchive::new(ByteReader::new(data)).map_err(|e| ReadError::Corrupt { detail: format!("zip: {e}") })?;
    let format = zip_format(&mut zip)?;
    // a workbook: its sizes are checked before any reader inflates a part
    limits::check_package(&zip)?;
    if matches!(format, Format::Xlsx | Format::Xlsm) {
        limits::check_shared_strings(&mut zip)?;
    }
    Ok(format)
}

fn zip_format(zip: &mut zip::ZipArchive<ByteReader<'_>>) -> Result<Format, ReadError> {
    if let Some(mime) = read_small(zip, "mimetype") {
        return if mime.trim() == "application/vnd.oasis.opendocument.spreadsheet" {
            Ok(Format::Ods)
        } else if mime.contains("opendocument.text") {
            Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Word })
        } else if mime.contains("opendocument.presentation") {
            Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::PowerPoint })
        } else {
            Err(ReadError::Unsupported { format: mime.trim().to_string() })
        };
    }
    if let Some(types) = read_small(zip, "[Content_Types].xml") {
        // Only the parts' own content types (`<Override>`) say what the package is:
        // SheetJS and others list `<Default Extension="bin" …binary…>` in every xlsx.
        let overrides = override_types(&types);
        for (needle, what) in CONTENT_TYPES {
            if overrides.iter().any(|t| t.contains(needle)) {
                return what.map_err(|f| ReadError::Unsupported { format: f.to_string() });
            }
        }
        if types.contains("wordprocessingml") {
            return Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Word });
        }
        if types.contains("presentationml") {
            return Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::PowerPoint });
        }
    }
    if zip.index_for_name("xl/workbook.xml").is_some() {
        return Ok(Format::Xlsx);
    }
    Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Archive })
}

/// The `ContentType` of every `<Override …>` element of `[Content_Types].xml`.
fn override_types(types: &str) -> Vec<&str> {
    types
        .split("<Override")
        .skip(1)
        .filter_map(|el| {
            let el = el.split('>').next()?;
            let start = el.find("ContentType=")? + "ContentType=".len();
            let quote = el[start..].chars().next()?;
            let rest = &el[start + quote.len_utf8()..];
            Some(&rest[..rest.find(quote)?])
        })
        .collect()
}

/// A small member of the package as text (content types, mimetype); `None` if absent or huge.
fn read_small(zip: &mut zip::ZipArchive<ByteReader<'_>>, name: &str) -> Option<String> {
    let file = zip.by_name(name).ok()?;
    let mut buf = Vec::new();
    file.take(1 << 20).read_to_end(&mut buf).ok()?;
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// True if an OLE compound file holds a stream with this name (names are UTF-16LE in the
/// directory). Used only after the xls reader failed, to say why.
pub fn cfb_has_stream(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    !needle.is_empty() && bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_for_bin_does_not_make_an_xlsx_an_xlsb() {
        // What SheetJS writes: a Default for .bin beside the xlsx workbook's Override.
        let types = r#"<Types><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='/xl/styles.xml' ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'/></Types>"#;
        assert_eq!(
            override_types(types),
            vec![
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
            ]
        );
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            use std::io::Write;
            let mut w = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            w.start_file("[Content_Types].xml", opts).unwrap();
            w.write_all(types.as_bytes()).unwrap();
            w.start_file("xl/workbook.xml", opts).unwrap();
            w.write_all(b"<workbook/>").unwrap();
            w.finish().unwrap();
        }
        assert_eq!(detect("sheetjs.xlsx", Data::Memory(buf.get_ref())), Ok(Format::Xlsx));
    }

    #[test]
    fn text_and_magic() {
        let cases: &[(&str, &[u8], Result<Format, ReadError>)] = &[
            ("a.csv", b"a,b\n1,2\n", Ok(Format::Csv)),
            ("a.txt", b"a\tb\n", Ok(Format::Csv)),
            ("a", b"a,b", Ok(Format::Csv)),
            ("a.xlsx", b"a,b\n1,2\n", Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Text })),
            ("a.XLS", b"a,b\n", Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Text })),
            (
                "a.xls",
                b"<html><table><tr><td>1</td></tr></table></html>",
                Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Html }),
            ),
            ("a.csv", b"", Err(ReadError::Empty)),
            ("a.xlsx", b"%PDF-1.4", Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Pdf })),
            ("a.csv", b"ab\0cd", Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::Binary })),
            ("~$名册.xlsx", b"\x06abc", Err(ReadError::NotASpreadsheet { found: NotSpreadsheet::ExcelLockFile })),
            ("a.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], Ok(Format::Xls)),
            ("a.xlsx", b"PK\x03\x04truncated", Err(ReadError::Corrupt { detail: String::new() })),
        ];
        for (name, bytes, want) in cases {
            let got = detect(name, Data::Memory(bytes));
            match (&got, want) {
                (Err(ReadError::Corrupt { .. }), Err(ReadError::Corrupt { .. })) => {}
                _ => assert_eq!(&got, want, "{name}"),
            }
        }
    }

    #[test]
    fn utf16_text_is_text() {
        let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain("a\tb".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(detect("a.txt", Data::Memory(&bytes)), Ok(Format::Csv));
    }
}
