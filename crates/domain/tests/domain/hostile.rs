//! Hostile files (`support::hostile::hostile_fixtures`): each gets its clear error, in bounded
//! time and memory, and never a panic. Times are printed (`--nocapture`), never asserted;
//! peak memory is measured outside the tests (see the hand-off notes).

use crate::support::fixture;
use crate::support::hostile::*;
use scorecard_domain::import::{import, FileInput, Format, Import, ImportError, ImportOptions, Limit, ReadError};
use scorecard_domain::FindingKind;

/// What a read error is, as in the fixtures' `expect` (`too_large:part_size`, `corrupt` …).
fn kind(e: &ReadError) -> String {
    let v = serde_json::to_value(e).unwrap();
    let mut k = v["kind"].as_str().unwrap().to_string();
    for detail in ["what", "found"] {
        if let Some(d) = v[detail].as_str() {
            k = format!("{k}:{d}");
        }
    }
    k
}

/// The outcome of importing one file: its error, else its first sheet error, else `ok`.
fn outcome(imp: &Import) -> String {
    let file = &imp.files[0];
    match &file.error {
        Some(ImportError::Read { error }) => kind(error),
        Some(other) => format!("{other:?}"),
        None => match file.sheets.iter().find_map(|s| s.error.as_ref()) {
            Some(e) => format!("sheet:{}", kind(e)),
            None => "ok".into(),
        },
    }
}

#[test]
fn every_hostile_file_gets_its_error_and_a_message() {
    for h in hostile_fixtures() {
        let started = std::time::Instant::now();
        let imp = import(&[FileInput { name: &h.name, bytes: &h.bytes }], &ImportOptions::default());
        eprintln!(
            "{:<32} {:>9} bytes  {:>6.2} s  {}",
            h.name,
            h.bytes.len(),
            started.elapsed().as_secs_f64(),
            outcome(&imp)
        );
        assert_eq!(outcome(&imp), h.expect, "{}", h.name);
        if h.expect == "ok" {
            continue;
        }
        let f = imp.findings.iter().find(|f| f.kind == FindingKind::UnreadableFile).expect("a finding");
        assert!(f.message.contains(&h.name) || f.sheet.is_some(), "{}: {}", h.name, f.message);
        assert!(!f.message_en.is_empty());
        if h.expect.contains("too_large") {
            assert!(f.message.contains("超过"), "{}: {}", h.name, f.message);
            assert!(["more than", "past", "larger than"].iter().any(|w| f.message_en.contains(w)), "{}", f.message_en);
        }
    }
}

#[test]
fn the_bombs_are_real() {
    // The sheet bomb inflates to 1.1 GB from about 1 MB: refused from the declared size alone.
    let bomb = sheet_bomb();
    assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bomb)).unwrap();
    let sheet = zip.by_name("xl/worksheets/sheet1.xml").unwrap();
    assert!(sheet.size() > 1 << 30);
    // …and its data really inflates: the first 10 MB read back as rows.
    let mut head = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(sheet, 10 << 20), &mut head).unwrap();
    assert_eq!(head.len(), 10 << 20);
    assert!(head.ends_with(b"<row/>") || head.windows(6).rev().take(6).any(|w| w == b"<row/>"));
}

#[test]
fn a_part_lying_about_its_size_stops_at_the_size_it_declared() {
    let imp = import(&[FileInput { name: "lie.xlsx", bytes: &lying_size() }], &ImportOptions::default());
    let sheet = &imp.files[0].sheets[0];
    match &sheet.error {
        Some(ReadError::Corrupt { detail }) => assert!(detail.contains("declared"), "{detail}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(imp.tables.volunteers.len(), 1, "the row before the lie is read");
}

#[test]
fn entities_are_never_expanded() {
    // quick-xml does not resolve custom entities; calamine reports the unknown entity.
    for (name, bytes) in [("a.xlsx", laughs_in_sheet()), ("b.xlsx", laughs_in_shared_strings())] {
        let imp = import(&[FileInput { name, bytes: &bytes }], &ImportOptions::default());
        let e = imp.files[0].error.clone().map(|e| match e {
            ImportError::Read { error } => error,
            other => panic!("{other:?}"),
        });
        let e = e.or_else(|| imp.files[0].sheets[0].error.clone());
        match e {
            Some(ReadError::Corrupt { detail }) => assert!(detail.contains("lol"), "{name}: {detail}"),
            other => panic!("{name}: {other:?}"),
        }
        assert!(imp.tables.volunteers.iter().all(|v| imp.tables.so(v.name).len() < 100));
    }
}

#[test]
fn a_wps_et_file_is_read_as_xls() {
    let imp =
        import(&[FileInput { name: "名册.et", bytes: &fixture("roster_title_rows.xls") }], &ImportOptions::default());
    assert_eq!(imp.files[0].format, Some(Format::Xls));
    assert!(imp.all_read());
    let plain =
        import(&[FileInput { name: "名册.xls", bytes: &fixture("roster_title_rows.xls") }], &ImportOptions::default());
    assert_eq!(imp.tables.volunteers.len(), plain.tables.volunteers.len());
    assert!(!imp.tables.volunteers.is_empty());
}

#[test]
fn rows_before_a_sheet_goes_past_excels_limits_are_kept_and_named() {
    let imp = import(&[FileInput { name: "宽.xlsx", bytes: &beyond_xfd() }], &ImportOptions::default());
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(sheet.error, Some(ReadError::TooLarge { what: Limit::Columns, limit: 16_384 }));
    assert_eq!(imp.tables.volunteers.len(), 1);
    let f = &sheet.findings[0];
    assert_eq!((f.kind, f.sheet.as_deref()), (FindingKind::UnreadableFile, Some("名册")));
    assert!(f.message.contains("16,384 列"), "{}", f.message);
}

/// Writes every hostile file to `$HOSTILE_OUT` (default `/tmp/hostile`) with `expected.tsv`
/// (file name, expected outcome), for the browser test and for measuring peak memory.
#[test]
#[ignore]
fn write_hostile_fixtures() {
    let dir = std::env::var("HOSTILE_OUT").unwrap_or_else(|_| "/tmp/hostile".into());
    std::fs::create_dir_all(&dir).unwrap();
    let mut index = String::new();
    for h in hostile_fixtures() {
        std::fs::write(format!("{dir}/{}", h.name), &h.bytes).unwrap();
        index.push_str(&format!("{}\t{}\n", h.name, h.expect));
    }
    std::fs::write(format!("{dir}/expected.tsv"), index).unwrap();
}

#[test]
fn a_header_row_picked_past_the_end_of_the_sheet_is_handled() {
    use scorecard_domain::import::{HeaderRows, SheetOverride};
    let mut csv = String::from("姓名,服务日期,服务时长\n");
    for i in 0..12_000 {
        csv.push_str(&format!("张{i},2017-06-12,2\n"));
    }
    let hand = SheetOverride {
        file: "r.csv".into(),
        header_rows: Some(HeaderRows { first: u32::MAX - 1, last: u32::MAX }),
        ..Default::default()
    };
    let opts = ImportOptions { overrides: vec![hand], ..Default::default() };
    let imp = import(&[FileInput { name: "r.csv", bytes: csv.as_bytes() }], &opts);
    let sheet = &imp.files[0].sheets[0];
    // the header is looked for after 10,000 rows (not found there), then the rest stream
    assert_eq!(sheet.header_rows, Some(HeaderRows { first: u32::MAX - 1, last: u32::MAX }));
    assert_eq!(sheet.used_rows, 12_001);
    assert!(imp.tables.records.is_empty());
}

/// The failed-rows workbook writes every cell as a string cell, so text that starts like a
/// formula stays text when the clerk opens it. It does not add `'` (as
/// `safety::neutralise_formula` does for exports): the clerk fixes these rows and imports
/// them again, and a string cell is never evaluated.
#[test]
fn failed_rows_keep_formula_looking_text_as_text() {
    use calamine::{Data, Reader, Xlsx};
    use scorecard_domain::export::failed_rows_xlsx;
    let csv = "姓名,服务日期,服务时长,备注\n=HYPERLINK(\"http://x\"),2017-06-12,99,+1\n@SUM(A1),昨天,2,-1\n\"\t=1\",2017-06-12,0,\"\r=2\"\n";
    let imp = import(&[FileInput { name: "f.csv", bytes: csv.as_bytes() }], &ImportOptions::default());
    let bytes = failed_rows_xlsx(&imp).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("f").unwrap();
    let cell = |r: usize, c: usize| range.get((r, c)).cloned();
    for (r, c, want) in [
        (1, 0, "=HYPERLINK(\"http://x\")"),
        (1, 3, "+1"),
        (2, 0, "@SUM(A1)"),
        (2, 3, "-1"),
        (3, 0, "\t=1"),
        (3, 3, "\r=2"),
    ] {
        assert_eq!(cell(r, c), Some(Data::String(want.into())), "row {r} column {c}");
    }
    assert!(book.worksheet_formula("f").unwrap().used_cells().next().is_none(), "no cell is a formula");
}
