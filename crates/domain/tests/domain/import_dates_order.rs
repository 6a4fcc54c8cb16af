//! Day-first dates (issue 28): a column whose cells prove day/month/year (a first part above
//! 12, none contradicting) is read day-first, every cell of it; a column of only ambiguous
//! dates (03/04/2024) stays unread, as before, and its report says so, so that the clerk
//! can choose the order; the clerk's choice (a sheet override, or a remembered mapping)
//! reads it; a cell contradicting its column's order is a finding naming the format.

use crate::support::d;
use crate::support::import::*;
use chrono::NaiveDate;
use scorecard_domain::import::cell_parsers::date::DateOrder;
use scorecard_domain::import::{
    import, saved_mapping_for, ColumnDateOrder, DateOrderHow, FileInput, ImportOptions, SheetOverride,
};
use scorecard_domain::{FindingKind as K, Severity as S};
use V::*;

/// A generated name (two Chinese characters, as a name column's cells look).
fn name(i: usize) -> String {
    let family: Vec<char> = "赵钱孙李周吴郑王冯陈".chars().collect();
    let given: Vec<char> = "甲乙丙丁戊己庚辛壬癸".chars().collect();
    format!("{}{}", family[i % 10], given[(i / 10) % 10])
}

fn csv(dates: &[&str]) -> String {
    let mut s = String::from("姓名,服务日期,服务时长\n");
    for (i, date) in dates.iter().enumerate() {
        s.push_str(&format!("{},{date},2\n", name(i)));
    }
    s
}

fn dates_of(imp: &scorecard_domain::import::Import) -> Vec<NaiveDate> {
    imp.tables.records.iter().map(|r| r.date).collect()
}

fn with_order(file: &str, order: DateOrder) -> ImportOptions {
    let hand = SheetOverride {
        file: file.into(),
        date_orders: vec![ColumnDateOrder { column: 1, order }],
        ..Default::default()
    };
    ImportOptions { overrides: vec![hand], ..Default::default() }
}

#[test]
fn a_column_with_a_day_above_12_is_read_day_first_csv_and_xlsx() {
    let text = csv(&["21/06/2024", "03/04/2024", "2024-05-01"]);
    let sheet_rows = rows(vec![
        vec![S("姓名"), S("服务日期"), S("服务时长")],
        vec![S("赵甲"), S("21/06/2024"), N(2.0)],
        vec![S("钱甲"), S("03/04/2024"), N(2.0)],
        vec![S("孙甲"), S("2024-05-01"), N(2.0)],
    ]);
    let book = xlsx(&[sheet("记录", sheet_rows)]);
    for (name, bytes) in [("r.csv", text.as_bytes()), ("r.xlsx", book.as_slice())] {
        let imp = one(name, bytes);
        // 03/04/2024 is the 3rd of April, as 21/06/2024 shows the column writes the day first
        assert_eq!(dates_of(&imp), [d(2024, 6, 21), d(2024, 4, 3), d(2024, 5, 1)], "{name}");
        let sheet = &imp.files[0].sheets[0];
        assert!(sheet.findings.iter().all(|f| f.kind != K::UnreadableDate), "{name}: {:?}", sheet.findings);
        let col = &sheet.columns[1];
        let dates = col.dates.as_ref().expect("a date column with day/month dates says how it reads them");
        assert_eq!((dates.order, dates.how), (Some(DateOrder::Dmy), DateOrderHow::Cells), "{name}");
        assert_eq!(dates.example, "21/06/2024");
        assert!(dates.zh.contains("日在前：有 21/06/2024 这样的日期"), "{}", dates.zh);
        assert!(dates.en.contains("21/06/2024"), "{}", dates.en);
        // a column without such dates says nothing of an order
        assert_eq!(sheet.columns[0].dates, None);
    }
}

#[test]
fn an_ambiguous_column_stays_unread_until_the_clerk_chooses() {
    let text = csv(&["03/04/2024", "05/06/2024"]);
    let imp = one("r.csv", text.as_bytes());
    // today's default: neither order is guessed, both rows are left out with a finding each
    assert_eq!(dates_of(&imp), []);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!((sheet.counts.kept, sheet.counts.left_out), (0, 2));
    let dated: Vec<_> = sheet.findings.iter().filter(|f| f.kind == K::UnreadableDate).collect();
    assert_eq!(
        dated.iter().map(|f| (f.row, f.column.as_deref(), f.severity)).collect::<Vec<_>>(),
        [(Some(2), Some("服务日期"), S::Error), (Some(3), Some("服务日期"), S::Error)]
    );
    assert!(dated[0].message.contains("日/月/年") && dated[0].message.contains("月/日/年"), "{}", dated[0].message);
    let dates = sheet.columns[1].dates.as_ref().expect("the ambiguity is reported on the column");
    assert_eq!((dates.order, dates.how, dates.either), (None, DateOrderHow::Ambiguous, 2));
    assert_eq!(dates.example, "03/04/2024");
    assert!(dates.zh.contains("03/04/2024"), "{}", dates.zh);

    // the clerk says day first: 3 April and 5 June
    let imp = import(&[FileInput { name: "r.csv", bytes: text.as_bytes() }], &with_order("r.csv", DateOrder::Dmy));
    assert_eq!(dates_of(&imp), [d(2024, 4, 3), d(2024, 6, 5)]);
    let sheet = &imp.files[0].sheets[0];
    assert!(sheet.findings.iter().all(|f| f.kind != K::UnreadableDate));
    let dates = sheet.columns[1].dates.as_ref().unwrap();
    assert_eq!((dates.order, dates.how), (Some(DateOrder::Dmy), DateOrderHow::Hand));
    // …or month first: 4 March and 6 May
    let imp = import(&[FileInput { name: "r.csv", bytes: text.as_bytes() }], &with_order("r.csv", DateOrder::Mdy));
    assert_eq!(dates_of(&imp), [d(2024, 3, 4), d(2024, 5, 6)]);

    // the choice is remembered with the mapping, for next month's file with the same headers
    let saved = saved_mapping_for(&imp.files[0].sheets[0]).unwrap();
    let opts = ImportOptions { saved: vec![saved], ..Default::default() };
    let next = import(&[FileInput { name: "七月.csv", bytes: text.as_bytes() }], &opts);
    assert_eq!(dates_of(&next), [d(2024, 3, 4), d(2024, 5, 6)]);
}

#[test]
fn a_cell_contradicting_the_columns_order_is_a_finding() {
    // the first rows (those the column is sampled from) prove day first; far below, past
    // the sampled rows, one cell is written month first
    let mut cells = vec!["21/06/2024", "13/25/2024", "05/06/2024"];
    cells.extend(std::iter::repeat_n("2024-05-01", 40));
    cells.push("06/21/2024");
    let text = csv(&cells);
    let imp = one("r.csv", text.as_bytes());
    let mut want = vec![d(2024, 6, 21), d(2024, 6, 5)];
    want.extend(std::iter::repeat_n(d(2024, 5, 1), 40));
    assert_eq!(dates_of(&imp), want);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(
        sheet.columns[1].dates.as_ref().map(|c| (c.order, c.how)),
        Some((Some(DateOrder::Dmy), DateOrderHow::Cells))
    );
    let bad: Vec<_> = sheet.findings.iter().filter(|f| f.kind == K::UnreadableDate).collect();
    // Excel rows: the header is row 1, 13/25/2024 row 3, 06/21/2024 row 2 + 43 = 45
    assert_eq!(
        bad.iter().map(|f| (f.row, f.column.as_deref(), f.severity)).collect::<Vec<_>>(),
        [(Some(3), Some("服务日期"), S::Error), (Some(45), Some("服务日期"), S::Error)]
    );
    for f in &bad {
        assert!(f.message.contains("日/月/年") && f.message.contains("21/06/2024"), "{}", f.message);
        assert!(f.message_en.contains("DD/MM/YYYY"), "{}", f.message_en);
    }
    assert!(bad[0].message.contains("13/25/2024") && bad[1].message.contains("06/21/2024"));
    // the clerk's month-first choice over day-first cells: now 21/06/2024 contradicts it
    let imp = import(&[FileInput { name: "r.csv", bytes: text.as_bytes() }], &with_order("r.csv", DateOrder::Mdy));
    let mut want = vec![d(2024, 5, 6)];
    want.extend(std::iter::repeat_n(d(2024, 5, 1), 40));
    want.push(d(2024, 6, 21));
    assert_eq!(dates_of(&imp), want);
    let bad: Vec<_> = imp.files[0].sheets[0].findings.iter().filter(|f| f.kind == K::UnreadableDate).collect();
    assert_eq!(bad.iter().map(|f| f.row).collect::<Vec<_>>(), [Some(2), Some(3)]);
    assert!(bad[0].message.contains("月/日/年") && bad[0].message_en.contains("MM/DD/YYYY"), "{}", bad[0].message);
}

#[test]
fn cells_proving_both_orders_leave_the_choice_to_the_clerk() {
    let imp = one("r.csv", csv(&["21/06/2024", "06/21/2024", "03/04/2024"]).as_bytes());
    assert_eq!(dates_of(&imp), []);
    let dates = imp.files[0].sheets[0].columns[1].dates.clone().unwrap();
    assert_eq!(
        (dates.order, dates.how, dates.day_first, dates.month_first, dates.either),
        (None, DateOrderHow::Ambiguous, 1, 1, 1)
    );
}

#[test]
fn start_times_and_month_first_columns() {
    // a start column written day first, with times, gives the records' dates
    let text = "姓名,开始时间,结束时间\n甲,21/06/2024 09:00,21/06/2024 11:30\n乙,03/04/2024 14:00,03/04/2024 15:00\n";
    let imp = one("s.csv", text.as_bytes());
    let got: Vec<(NaiveDate, f64)> = imp.tables.records.iter().map(|r| (r.date, r.hours)).collect();
    assert_eq!(got, [(d(2024, 6, 21), 2.5), (d(2024, 4, 3), 1.0)]);
    // month-first cells are not read month first on their own word: the clerk chooses
    let text = csv(&["06/21/2024", "03/04/2024"]);
    let imp = one("m.csv", text.as_bytes());
    assert_eq!(dates_of(&imp), []);
    let dates = imp.files[0].sheets[0].columns[1].dates.clone().unwrap();
    assert_eq!((dates.order, dates.how, dates.month_first, dates.either), (None, DateOrderHow::Ambiguous, 1, 1));
}

#[test]
fn old_drafts_and_reports_still_load() {
    let old = r#"[{"file":"r.csv","sheet":"","role":null,"ignore":false,"header_rows":null,"columns":[{"column":1,"field":"date"}],"wide":null}]"#;
    let got: Vec<SheetOverride> = serde_json::from_str(old).unwrap();
    assert_eq!(got[0].date_orders, []);
    let imp = one("r.csv", csv(&["03/04/2024"]).as_bytes());
    let mut col = serde_json::to_value(&imp.files[0].sheets[0].columns[0]).unwrap();
    col.as_object_mut().unwrap().remove("dates");
    let back: scorecard_domain::import::ColumnOutcome = serde_json::from_value(col).unwrap();
    assert_eq!(back.dates, None);
    let order: DateOrder = serde_json::from_str("\"dmy\"").unwrap();
    assert_eq!(order, DateOrder::Dmy);
}
