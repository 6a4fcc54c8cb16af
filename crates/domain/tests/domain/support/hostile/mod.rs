//! Hostile files, made by code (the bombs are ~1 MB and built in well under a second):
//! [`hostile_fixtures`] lists each with the error kind it must get. `tests/domain/hostile.rs` checks
//! them natively; its ignored test `write_hostile_fixtures` writes them to a directory for
//! the browser test (`HOSTILE_OUT=dir cargo test -p scorecard-domain --test domain hostile:: -- --ignored`).

pub mod harness;

use super::fixture;
use flate2::{Compress, Compression, FlushCompress};
use std::io::Write;

/// One hostile file: its name, its bytes, and what importing it must say
/// (`"too_large:part_size"`, `"corrupt"`, `"encrypted"`, `"ok"`, … see [`outcome`]).
pub struct Hostile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub expect: &'static str,
}

/// A zip member: raw deflate data (or stored bytes) with the sizes and CRC to declare.
pub struct Part {
    pub name: String,
    pub method: u16,
    pub data: Vec<u8>,
    pub crc: u32,
    /// What the headers say the member inflates to.
    pub declared: u32,
}

impl Part {
    pub fn stored(name: &str, text: &[u8]) -> Part {
        Part {
            name: name.into(),
            method: 0,
            data: text.to_vec(),
            crc: crc32fast::hash(text),
            declared: text.len() as u32,
        }
    }
}

/// A raw deflate stream of `head`, then `chunk` `times` times, then `tail`, made without
/// deflating the whole: each piece is deflated once and sync-flushed (byte-aligned, no
/// reference outside itself), so the chunk's bytes can be repeated. Returns the part with
/// its true size and CRC.
pub fn deflated(name: &str, head: &[u8], chunk: &[u8], times: u32, tail: &[u8]) -> Part {
    fn piece(input: &[u8], flush: FlushCompress) -> Vec<u8> {
        let mut c = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(input.len() / 2 + 1024);
        c.compress_vec(input, &mut out, flush).unwrap();
        assert_eq!(c.total_in(), input.len() as u64, "output buffer too small");
        out
    }
    let (h, c, t) =
        (piece(head, FlushCompress::Sync), piece(chunk, FlushCompress::Sync), piece(tail, FlushCompress::Finish));
    let mut data = h;
    for _ in 0..times {
        data.extend_from_slice(&c);
    }
    data.extend_from_slice(&t);
    let hash = |b: &[u8]| {
        let mut x = crc32fast::Hasher::new();
        x.update(b);
        x
    };
    let mut crc = hash(head);
    let chunk_crc = hash(chunk);
    for _ in 0..times {
        crc.combine(&chunk_crc);
    }
    crc.combine(&hash(tail));
    let size = head.len() as u64 + chunk.len() as u64 * u64::from(times) + tail.len() as u64;
    Part { name: name.into(), method: 8, data, crc: crc.finalize(), declared: u32::try_from(size).unwrap() }
}

/// A zip file of these members (written by hand so sizes can lie).
pub fn zip(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let offset = out.len() as u32;
        let name = p.name.as_bytes();
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes()); // version needed
            v.extend(0x0800u16.to_le_bytes()); // UTF-8 names
            v.extend(p.method.to_le_bytes());
            v.extend([0, 0, 0x21, 0]); // 1980-01-01 00:00
            v.extend(p.crc.to_le_bytes());
            v.extend((p.data.len() as u32).to_le_bytes());
            v.extend(p.declared.to_le_bytes());
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes()); // extra
        };
        out.extend(0x04034b50u32.to_le_bytes());
        common(&mut out);
        out.extend(name);
        out.extend(&p.data);
        central.extend(0x02014b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // made by
        common(&mut central);
        central.extend([0u8; 8]); // comment length, disk, internal and external attributes
        central.extend([0u8; 2]);
        central.extend(offset.to_le_bytes());
        central.extend(name);
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend([0u8; 2]);
    out
}

const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;

/// The parts every xlsx has, around a sheet (and shared strings if given).
pub fn xlsx_parts(sheet: Part, shared: Option<Part>) -> Vec<Part> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let book = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let book_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
    let mut parts = vec![
        Part::stored("[Content_Types].xml", types.as_bytes()),
        Part::stored("_rels/.rels", rels.as_bytes()),
        Part::stored("xl/workbook.xml", book.as_bytes()),
        Part::stored("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
    ];
    parts.extend(shared);
    parts.push(sheet);
    parts
}

/// An xlsx whose one sheet is this XML (inside `<worksheet><sheetData>`).
pub fn xlsx_with_rows(rows_xml: &str) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{rows_xml}</sheetData></worksheet>"#
    );
    zip(&xlsx_parts(Part::stored("xl/worksheets/sheet1.xml", sheet.as_bytes()), None))
}

/// A roster header row and one data row, so a sheet has something real before the hostile part.
pub const ROSTER_ROWS: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>性别</t></is></c><c r="C1" t="inlineStr"><is><t>所属站点</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>男</t></is></c><c r="C2" t="inlineStr"><is><t>新桥社区</t></is></c></row>"#;

/// 1 MiB of `<row/>`.
fn row_chunk() -> Vec<u8> {
    b"<row/>".repeat((1 << 20) / 6)
}

/// sheet1.xml that inflates to 1.1 GB of empty rows; the file is about 1 MB.
pub fn sheet_bomb() -> Vec<u8> {
    let head = format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{ROSTER_ROWS}"#);
    let part = deflated("xl/worksheets/sheet1.xml", head.as_bytes(), &row_chunk(), 1100, b"</sheetData></worksheet>");
    zip(&xlsx_parts(part, None))
}

/// sharedStrings.xml that inflates to 1.1 GB of one-letter strings.
pub fn shared_strings_bomb() -> Vec<u8> {
    let head = format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst {NS}>"#);
    let chunk = b"<si><t>x</t></si>".repeat((1 << 20) / 17);
    let shared = deflated("xl/sharedStrings.xml", head.as_bytes(), &chunk, 1100, b"</sst>");
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{ROSTER_ROWS}</sheetData></worksheet>"#
    );
    zip(&xlsx_parts(Part::stored("xl/worksheets/sheet1.xml", sheet.as_bytes()), Some(shared)))
}

/// Shared strings that declare a billion strings in a few bytes (calamine reserves them).
pub fn shared_strings_count_lie() -> Vec<u8> {
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="1" uniqueCount="1000000000"><si><t>姓名</t></si></sst>"#
    );
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#
    );
    zip(&xlsx_parts(
        Part::stored("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        Some(Part::stored("xl/sharedStrings.xml", sst.as_bytes())),
    ))
}

/// A sheet that declares 64 KiB but inflates to 200 MB (a part lying about its size).
pub fn lying_size() -> Vec<u8> {
    let head = format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{ROSTER_ROWS}"#);
    let mut part =
        deflated("xl/worksheets/sheet1.xml", head.as_bytes(), &row_chunk(), 200, b"</sheetData></worksheet>");
    part.declared = 64 << 10;
    zip(&xlsx_parts(part, None))
}

/// 1.1 GB in many small parts, each under the per-part limit: the total is refused.
pub fn many_parts_bomb() -> Vec<u8> {
    let head = format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{ROSTER_ROWS}"#);
    let sheet = deflated("xl/worksheets/sheet1.xml", head.as_bytes(), &row_chunk(), 30, b"</sheetData></worksheet>");
    let mut parts = xlsx_parts(sheet, None);
    for i in 0..80 {
        let mut p = deflated(&format!("xl/media/junk{i}.bin"), b"", &[b' '; 1 << 20], 30, b"");
        p.name = format!("xl/media/junk{i}.bin");
        parts.push(p);
    }
    zip(&parts)
}

/// One row with a million cells and no `r` attributes: columns run past XFD.
pub fn million_cells_in_a_row() -> Vec<u8> {
    let head = format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{ROSTER_ROWS}<row r="3">"#);
    let chunk = b"<c><v>1</v></c>".repeat(1 << 16);
    let part = deflated("xl/worksheets/sheet1.xml", head.as_bytes(), &chunk, 16, b"</row></sheetData></worksheet>");
    zip(&xlsx_parts(part, None))
}

/// Cells addressed past Excel's last column and row.
pub fn beyond_xfd() -> Vec<u8> {
    xlsx_with_rows(&format!(r#"{ROSTER_ROWS}<row r="3"><c r="XFE3"><v>1</v></c></row>"#))
}

pub fn beyond_last_row() -> Vec<u8> {
    xlsx_with_rows(&format!(r#"{ROSTER_ROWS}<row r="1048577"><c r="A1048577"><v>1</v></c></row>"#))
}

/// Billion laughs: nested entities in the sheet, and in the shared strings.
const LAUGHS: &str = r#"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>"#;

pub fn laughs_in_sheet() -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>{LAUGHS}<worksheet {NS}><sheetData>{ROSTER_ROWS}<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"#
    );
    zip(&xlsx_parts(Part::stored("xl/worksheets/sheet1.xml", sheet.as_bytes()), None))
}

pub fn laughs_in_shared_strings() -> Vec<u8> {
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>{LAUGHS}<sst {NS} count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>"#
    );
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#
    );
    zip(&xlsx_parts(
        Part::stored("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        Some(Part::stored("xl/sharedStrings.xml", sst.as_bytes())),
    ))
}

/// A cell longer than Excel allows (40,000 characters).
pub fn long_cell() -> Vec<u8> {
    let text = "长".repeat(40_000);
    xlsx_with_rows(&format!(r#"{ROSTER_ROWS}<row r="3"><c r="A3" t="inlineStr"><is><t>{text}</t></is></c></row>"#))
}

/// A password-protected workbook: what Excel and WPS save, an OLE file with the encrypted
/// package's two streams.
pub fn encrypted() -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    let mut info = cf.create_stream("/EncryptionInfo").unwrap();
    info.write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0]).unwrap(); // agile encryption, version 4.4
    info.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>"#).unwrap();
    drop(info);
    let mut package = cf.create_stream("/EncryptedPackage").unwrap();
    package.write_all(&[0x5a; 4096]).unwrap();
    drop(package);
    cf.flush().unwrap();
    cf.into_inner().into_inner()
}

/// An xls whose DIMENSIONS record claims 4 billion rows (calamine would reserve 40 TB).
pub fn xls_dimensions_bomb() -> Vec<u8> {
    let mut b = fixture("roster_title_rows.xls");
    let at = b.windows(4).position(|w| w == [0x00, 0x02, 0x0E, 0x00]).expect("a DIMENSIONS record") + 4;
    b[at..at + 14].copy_from_slice(&[0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0xFF, 0, 0, 0]);
    b
}

/// An ods whose one row of 16,384 filled cells is repeated 1,048,576 times (17 billion cells
/// from 1 KB).
pub fn ods_repeat_bomb() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="名册"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(&[
        Part::stored("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        Part::stored("content.xml", content.as_bytes()),
        Part::stored("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

/// An xlsb: a spreadsheet format we do not read.
pub fn xlsb() -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>"#;
    zip(&[Part::stored("[Content_Types].xml", types.as_bytes()), Part::stored("xl/workbook.bin", &[0; 64])])
}

/// A CSV whose stray quote swallows the rest of the file into one 60,000-character field.
pub fn csv_unbalanced_quote() -> Vec<u8> {
    let mut s = String::from("姓名,性别,所属站点\n\"张三,男,新桥社区\n");
    for i in 0..5_000 {
        s.push_str(&format!("李{i},女,大丰社区\n"));
    }
    s.into_bytes()
}

/// Every hostile file, with the outcome its import must have.
pub fn hostile_fixtures() -> Vec<Hostile> {
    let h = |name: &str, bytes: Vec<u8>, expect| Hostile { name: name.into(), bytes, expect };
    let good = xlsx_with_rows(ROSTER_ROWS);
    vec![
        h("截断.xlsx", good[..good.len() / 2].to_vec(), "corrupt"),
        h("改了扩展名.xlsx", "姓名,性别\n张三,男\n".as_bytes().to_vec(), "not_a_spreadsheet:text"),
        h("sheet_bomb.xlsx", sheet_bomb(), "too_large:part_size"),
        h("shared_strings_bomb.xlsx", shared_strings_bomb(), "too_large:shared_strings"),
        h("shared_strings_count_lie.xlsx", shared_strings_count_lie(), "too_large:shared_strings"),
        h("many_parts_bomb.xlsx", many_parts_bomb(), "too_large:total_size"),
        h("lying_size.xlsx", lying_size(), "sheet:corrupt"),
        h("million_cells_in_a_row.xlsx", million_cells_in_a_row(), "sheet:too_large:columns"),
        h("beyond_xfd.xlsx", beyond_xfd(), "sheet:too_large:columns"),
        h("beyond_last_row.xlsx", beyond_last_row(), "sheet:too_large:rows"),
        h("laughs_in_sheet.xlsx", laughs_in_sheet(), "sheet:corrupt"),
        h("laughs_in_shared_strings.xlsx", laughs_in_shared_strings(), "corrupt"),
        h("long_cell.xlsx", long_cell(), "sheet:too_large:cell_text"),
        h("有密码.xlsx", encrypted(), "encrypted"),
        h("二进制.xlsb", xlsb(), "unsupported"),
        h("WPS表格.et", fixture("roster_title_rows.xls"), "ok"),
        h("dimensions_bomb.xls", xls_dimensions_bomb(), "too_large:rows"),
        h("repeat_bomb.ods", ods_repeat_bomb(), "too_large:cells"),
        h("引号没配对.csv", csv_unbalanced_quote(), "sheet:too_large:cell_text"),
    ]
}
