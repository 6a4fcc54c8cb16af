//! A sheet whose texts are shared strings imports exactly as the same sheet with every text
//! written inline. The import remembers what each shared string gave (its symbol as text,
//! as an ID, as a phone number; whether it is plain data) and skips reading it again
//! (`rows::Recent`, `rows::Known`); inline strings carry no key, so they take the full path
//! on every row and are the independent answer here.

use crate::support::import::*;
use scorecard_domain::import::Import;
use scorecard_domain::{FindingKind, Severity};
use V::*;

/// Volunteers whose cells repeat over many rows, each one testing what may be remembered.
const PEOPLE: &[[&str; 4]] = &[
    // clean: every cell remembered
    ["V001", "510124198510294786", "张三", "13800138000"],
    // a wrong check digit and a short phone: kept with a warning on *every* row
    ["V002", "510124198510294787", "李四", "1380013800"],
    // a number that is also a phone above (one shared string, read as text and as a phone),
    // and a name of spaces (blank: never remembered)
    ["13800138000", "510114196111051566", "  ", "13900139000"],
    // a name that is a header word (never plain: a row of such names is a repeated header)
    ["V004", "", "姓名", "13700137000"],
    // an ID that is also A's, and a name with 计 in it (a totals-word character: checked
    // again on every row, never a marker)
    ["V005", "510124198510294786", "统计员", "13800138000"],
    // the same string as number and as name; an ID ending in a small x, also the number
    // (one shared string: as text it keeps the x, as an ID it reads X)
    ["11010519491231002x", "11010519491231002x", "张三", ""],
];
const ACTIVITIES: &[&str] = &["巡逻", "敬老", " 巡逻 ", "文明劝导"];
const STATIONS: &[&str] = &["第1社区", "第2社区", "合计站"];
const HEADER: [&str; 8] =
    ["志愿者编号", "证件号码", "姓名", "手机号码", "活动名称", "服务日期", "服务时长", "所属站点"];

/// Data rows: which person, and the row's position in the sheet.
const DATA_ROWS: usize = 240;
const REPEATED_HEADER_AT: usize = 120;
const NOTE_AT: usize = 150;

fn person_of(i: usize) -> usize {
    // not a plain cycle: neighbours mostly differ, sometimes repeat, and everyone comes
    // back 35 to 47 times
    (i + i / 4 + i * i / 7) % PEOPLE.len()
}

fn records_sheet() -> SheetSpec {
    let mut out: Vec<Vec<V>> = vec![vec![S("某某社区志愿服务记录（2017年）")], HEADER.iter().map(|h| S(h)).collect()];
    for i in 0..DATA_ROWS {
        if i == REPEATED_HEADER_AT {
            out.push(HEADER.iter().map(|h| S(h)).collect());
        }
        if i == NOTE_AT {
            out.push(vec![S("填表人：王五")]);
        }
        let p = PEOPLE[person_of(i)];
        let text = |s: &'static str| if s.is_empty() { E } else { S(s) };
        out.push(vec![
            text(p[0]),
            text(p[1]),
            text(p[2]),
            text(p[3]),
            S(ACTIVITIES[i % ACTIVITIES.len()]),
            Date(42_736.0 + (i % 300) as f64),
            N(0.5 + (i % 4) as f64),
            S(STATIONS[(i / 3) % STATIONS.len()]),
        ]);
    }
    out.push(vec![S("合计"), E, E, E, E, E, N(999.0)]);
    sheet("服务记录", rows(out))
}

/// A roster sharing the records' strings (one shared-string table for both sheets).
fn roster_sheet() -> SheetSpec {
    let mut out: Vec<Vec<V>> = vec![vec![S("志愿者编号"), S("姓名"), S("证件号码"), S("手机号码"), S("所属站点")]];
    for (i, p) in PEOPLE.iter().enumerate() {
        out.push(vec![S(p[0]), S(p[2]), S(p[1]), S(p[3]), S(STATIONS[i % STATIONS.len()])]);
    }
    sheet("志愿者名册", rows(out))
}

/// Both workbooks import to the same result, to the last finding and preview cell.
fn check(sheets: &[SheetSpec]) -> Import {
    let shared = xlsx(sheets);
    let inline = xlsx_inline(sheets);
    // the two really differ in how they hold text
    let sheet1 = |b: &[u8]| part_text(b, "xl/worksheets/sheet1.xml").unwrap();
    assert!(sheet1(&shared).contains("t=\"s\"") && !sheet1(&shared).contains("inlineStr"));
    assert!(sheet1(&inline).contains("t=\"inlineStr\"") && !sheet1(&inline).contains("t=\"s\""));
    let a = one("记录.xlsx", &shared);
    let mut b = one("记录.xlsx", &inline);
    // the one thing that may differ: the file's size
    assert_ne!(a.files[0].size, b.files[0].size);
    b.files[0].size = a.files[0].size;
    let json = |i: &Import| serde_json::to_string_pretty(i).unwrap();
    let (ja, jb) = (json(&a), json(&b));
    if let Some((n, (x, y))) = ja.lines().zip(jb.lines()).enumerate().find(|(_, (x, y))| x != y) {
        panic!("line {n}: shared {x:?}, inline {y:?}");
    }
    assert_eq!(ja, jb);
    a
}

#[test]
fn shared_strings_import_as_inline_strings() {
    let imp = check(&[records_sheet(), roster_sheet()]);
    assert!(imp.all_read());
    let t = &imp.tables;
    let records = &imp.files[0].sheets[0];

    // counted from the rows written, not from the import
    let count = |who: usize| (0..DATA_ROWS).filter(|&i| person_of(i) == who).count();
    assert!((0..PEOPLE.len()).all(|p| count(p) >= 30), "every person repeats");
    assert_eq!(t.records.len(), DATA_ROWS);
    assert_eq!(records.counts.kept as usize, DATA_ROWS);
    // the repeated header, the note and the totals row
    assert_eq!(records.counts.skipped, 3);
    let kinds = |k: FindingKind| records.findings.iter().filter(|f| f.kind == k).count();
    assert_eq!(kinds(FindingKind::BadIdChecksum), count(1));
    assert_eq!(kinds(FindingKind::BadPhone), count(1));
    assert_eq!(kinds(FindingKind::SkippedRow), 3);

    // every record's texts, spelled out
    let s = |sym: Option<scorecard_domain::Sym>| sym.map(|x| t.strings.get(x).to_string());
    for (i, r) in t.records.iter().enumerate() {
        let p = PEOPLE[person_of(i)];
        let opt = |x: &str| (!x.trim().is_empty()).then(|| x.to_string());
        assert_eq!(s(r.volunteer_no), opt(p[0]), "row {i}");
        assert_eq!(s(r.id_number), opt(&p[1].to_uppercase()), "row {i}");
        assert_eq!(s(r.name), opt(p[2]), "row {i}");
        assert_eq!(s(r.phone), opt(p[3]), "row {i}");
        assert_eq!(s(r.activity), Some(ACTIVITIES[i % ACTIVITIES.len()].trim().to_string()), "row {i}");
        assert_eq!(s(r.station), Some(STATIONS[(i / 3) % STATIONS.len()].to_string()), "row {i}");
        assert_eq!({ r.hours }, 0.5 + (i % 4) as f64);
    }
    // a bad ID warns on each of its rows, at its own row
    let bad_rows: Vec<u32> = records
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::BadIdChecksum)
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            f.row.unwrap()
        })
        .collect();
    let mut want = Vec::new();
    for i in 0..DATA_ROWS {
        // Excel row: title + header + data before it + the inserted rows above it, 1-based
        let inserted = usize::from(i >= REPEATED_HEADER_AT) + usize::from(i >= NOTE_AT);
        if person_of(i) == 1 {
            want.push((2 + i + inserted + 1) as u32);
        }
    }
    assert_eq!(bad_rows, want);
    assert_eq!(t.volunteers.len(), PEOPLE.len());
}

#[test]
fn a_sheet_of_header_words_and_markers_is_read_as_inline() {
    // Every data cell a word the row checks care about: header words in their own and in
    // other columns, totals and note words, blanks. None may be remembered as plain.
    let mut out: Vec<Vec<V>> = vec![vec![S("志愿者编号"), S("姓名"), S("服务日期"), S("服务时长"), S("活动名称")]];
    let words = ["姓名", "志愿者编号", "小计", "填表人", " ", "活动名称", "张三", "总计：", "服务时长"];
    for i in 0..200usize {
        let w = |k: usize| S(words[(i + k) % words.len()]);
        out.push(vec![w(0), w(1), Date(42_800.0 + i as f64), N(1.0), w(3)]);
    }
    let imp = check(&[sheet("服务记录", rows(out))]);
    let sheet = &imp.files[0].sheets[0];
    // some rows are headers again, some totals or notes, the rest records
    assert!(sheet.counts.skipped > 0);
    assert!(sheet.counts.kept > 0);
    assert_eq!(sheet.counts.kept as usize, imp.tables.records.len());
}
