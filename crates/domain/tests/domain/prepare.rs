//! The keys and checks of indicators.md §2, through `prepare()`.

use crate::support::d;
use scorecard_domain::builder::{RecordSpec, TablesBuilder, VolunteerSpec};
use scorecard_domain::score::prepare::prepare;
use scorecard_domain::FindingKind;

fn roster() -> TablesBuilder {
    let mut b = TablesBuilder::new();
    // row 2: by number
    b.volunteer(VolunteerSpec { number: "V1", name: "张三", station: "新桥社区", ..Default::default() });
    // row 3: same number again → duplicate
    b.volunteer(VolunteerSpec { number: "V1", name: "张三", station: "新桥社区", ..Default::default() });
    // row 4: ID only
    b.volunteer(VolunteerSpec {
        id_number: "11010519491231002X",
        name: "李四",
        station: "大丰社区",
        ..Default::default()
    });
    // row 5: name + phone only, registered late
    b.volunteer(VolunteerSpec {
        name: "王五",
        phone: "13800000000",
        station: "大丰社区",
        registered_on: Some(d(2017, 9, 1)),
        ..Default::default()
    });
    // row 6: nothing to identify
    b.volunteer(VolunteerSpec { station: "大丰社区", ..Default::default() });
    b
}

#[test]
fn duplicates_count_once_and_late_registrations_do_not_count_yet() {
    let b = roster();
    let (p, f) = prepare(b.tables(), 2017, d(2017, 6, 30));
    assert_eq!(p.registered, vec![0, 2], "V1 once, 李四; 王五 registers after D; row 6 has no identity");
    let kinds: Vec<(FindingKind, Option<u32>)> = f.iter().map(|f| (f.kind, f.row)).collect();
    assert_eq!(kinds, vec![(FindingKind::DuplicateVolunteer, Some(3)), (FindingKind::MissingRequired, Some(6))]);
    let (p, _) = prepare(b.tables(), 2017, d(2017, 12, 31));
    assert_eq!(p.registered, vec![0, 2, 3]);
}

/// §2: a record is matched by the strongest key it carries; a number or ID that matches
/// nobody is no match whatever the name says; names match only where neither side has a
/// number or an ID.
#[test]
fn records_match_by_their_strongest_key_and_out_of_period_ones_are_reported() {
    let mut b = roster();
    let rec = |no, id, name, date, hours| RecordSpec {
        volunteer_no: no,
        id_number: id,
        name,
        date,
        hours,
        ..Default::default()
    };
    b.record(rec("V1", "", "", d(2017, 3, 5), 2.0)); // row 2 → V1
    b.record(rec("", "11010519491231002X", "", d(2017, 3, 5), 3.0)); // row 3 → 李四 by ID
    b.record(rec("", "", "李四", d(2017, 4, 1), 1.5)); // row 4 → a name only, but 李四 has an ID: no match
    b.record(rec("V9", "", "", d(2017, 4, 1), 1.0)); // row 5 → nobody
    b.record(rec("V1", "", "", d(2016, 12, 31), 4.0)); // row 6 → last year
    b.record(rec("V1", "", "", d(2017, 7, 1), 4.0)); // row 7 → after D
    b.record(rec("", "", "王五", d(2017, 5, 1), 2.0)); // row 8 → 王五 by name (no number either side), registers after D
    b.record(rec("V9", "", "张三", d(2017, 5, 2), 2.0)); // row 9 → an unknown number with 张三's name: no match
    let (p, f) = prepare(b.tables(), 2017, d(2017, 6, 30));
    let counted: Vec<(usize, Option<usize>)> = p.records.iter().map(|r| (r.record(), r.volunteer())).collect();
    assert_eq!(counted, vec![(0, Some(0)), (1, Some(2))]);
    assert_eq!(p.total_hours(), 5.0);
    assert_eq!(p.hours_by_volunteer().get(&2), Some(&3.0));
    // the record's station is the roster's
    assert_eq!(b.tables().so(p.records[1].station), "大丰社区");
    let rec_findings: Vec<(FindingKind, Option<u32>)> =
        f.iter().filter(|f| f.sheet.as_deref() == Some("服务记录")).map(|f| (f.kind, f.row)).collect();
    assert_eq!(
        rec_findings,
        vec![
            (FindingKind::UnmatchedRecord, Some(4)),
            (FindingKind::UnmatchedRecord, Some(5)),
            (FindingKind::DateOutOfPeriod, Some(6)),
            (FindingKind::DateOutOfPeriod, Some(7)),
            (FindingKind::UnmatchedRecord, Some(8)),
            (FindingKind::UnmatchedRecord, Some(9)),
        ]
    );
    let at = |row| f.iter().find(|f| f.row == Some(row)).map(|f| f.message.as_str()).unwrap();
    assert!(
        at(9).contains("志愿者编号「V9」")
            && at(9).contains("名册（工作表「志愿者名册」第 2 行）有同名的志愿者「张三」"),
        "{}",
        at(9)
    );
    assert!(at(4).contains("只有姓名「李四」") && at(4).contains("第 4 行"), "{}", at(4));
    assert!(at(8).contains("注册"), "{}", at(8));
}

/// Namesakes without numbers: the phone tells them apart, or nobody is credited.
#[test]
fn namesakes_without_numbers_are_told_apart_by_phone_or_not_at_all() {
    let mut b = TablesBuilder::new();
    b.volunteer(VolunteerSpec { name: "张伟", phone: "13800000001", station: "新桥社区", ..Default::default() });
    b.volunteer(VolunteerSpec { name: "张伟", phone: "13800000002", station: "大丰社区", ..Default::default() });
    b.record(RecordSpec {
        name: "张伟", phone: "13800000002", date: d(2017, 3, 1), hours: 2.0, ..Default::default()
    });
    b.record(RecordSpec { name: "张伟", date: d(2017, 3, 2), hours: 1.0, ..Default::default() });
    let (p, f) = prepare(b.tables(), 2017, d(2017, 6, 30));
    let counted: Vec<(usize, Option<usize>)> = p.records.iter().map(|r| (r.record(), r.volunteer())).collect();
    assert_eq!(counted, vec![(0, Some(1))]);
    assert_eq!(f.iter().filter(|f| f.kind == FindingKind::UnmatchedRecord).count(), 1);
}

#[test]
fn unmatched_ids_are_masked_in_messages() {
    let mut b = roster();
    b.record(RecordSpec { id_number: "510104199001011234", date: d(2017, 1, 9), hours: 1.0, ..Default::default() });
    let (_, f) = prepare(b.tables(), 2017, d(2017, 6, 30));
    let m = f.iter().find(|f| f.kind == FindingKind::UnmatchedRecord).unwrap();
    assert!(m.message.contains("5101**********1234"), "{}", m.message);
    assert!(!m.message.contains("510104199001011234"));
}

#[test]
fn without_a_roster_records_count_unmatched() {
    let mut b = TablesBuilder::new();
    b.record(RecordSpec {
        name: "赵六", station: "新桥社区", date: d(2017, 2, 1), hours: 2.0, ..Default::default()
    });
    let (p, f) = prepare(b.tables(), 2017, d(2017, 6, 30));
    assert!(!p.has_roster);
    assert_eq!(p.records.len(), 1);
    assert_eq!(p.records[0].volunteer(), None);
    assert!(f.is_empty());
}

#[test]
fn records_over_24_hours_or_not_positive_are_reported_and_left_out() {
    let mut b = roster();
    let rec = |hours| RecordSpec { volunteer_no: "V1", date: d(2017, 3, 5), hours, ..Default::default() };
    b.record(rec(24.0)); // row 2: exactly 24 h counts
    b.record(rec(24.5)); // row 3: over 24 h
    b.record(rec(0.0)); // row 4: zero
    b.record(rec(-2.0)); // row 5: negative
    b.record(rec(f64::NAN)); // row 6: not a number
    let (p, f) = prepare(b.tables(), 2017, d(2017, 6, 30));
    let counted: Vec<usize> = p.records.iter().map(|r| r.record()).collect();
    assert_eq!(counted, vec![0]);
    assert_eq!(p.total_hours(), 24.0);
    let out: Vec<(FindingKind, Option<u32>)> =
        f.iter().filter(|f| f.kind == FindingKind::HoursOutOfRange).map(|f| (f.kind, f.row)).collect();
    assert_eq!(
        out,
        vec![
            (FindingKind::HoursOutOfRange, Some(3)),
            (FindingKind::HoursOutOfRange, Some(4)),
            (FindingKind::HoursOutOfRange, Some(5)),
            (FindingKind::HoursOutOfRange, Some(6)),
        ]
    );
}

#[test]
fn findings_of_one_kind_per_sheet_are_capped_with_a_count() {
    // 250 records from last year: 200 listed one by one, then one finding for the other 50.
    let cap = scorecard_domain::finding::FINDINGS_PER_KIND;
    assert_eq!(cap, 200);
    let mut b = roster();
    for _ in 0..250 {
        b.record(RecordSpec { volunteer_no: "V1", date: d(2016, 5, 1), hours: 1.0, ..Default::default() });
    }
    let (p, f) = prepare(b.tables(), 2017, d(2017, 6, 30));
    assert!(p.records.is_empty());
    let out: Vec<_> = f.iter().filter(|f| f.kind == FindingKind::DateOutOfPeriod).collect();
    assert_eq!(out.len(), 201);
    assert!(out[..200].iter().all(|f| f.row.is_some()));
    assert_eq!(out[199].row, Some(201), "the first 200 rows (2 … 201) are listed");
    let summary = out[200];
    assert_eq!(summary.row, None);
    assert!(summary.message.contains("另有 50 条") && summary.message.contains("共 250 条"), "{}", summary.message);
    assert_eq!(summary.sheet.as_deref(), Some("服务记录"));
}

/// A million counted records are held during a score: the list is 12 bytes a record and
/// sized once (grown by doubling, its last growth would hold two copies at once).
#[test]
fn counted_records_are_compact_and_sized_once() {
    use scorecard_domain::score::prepare::{prepare_quiet, CountedRecord, Matches};
    assert_eq!(std::mem::size_of::<CountedRecord>(), 12);
    let c = CountedRecord::new(7, Some(3), None);
    assert_eq!((c.record(), c.volunteer()), (7, Some(3)));
    assert_eq!(CountedRecord::new(0, None, None).volunteer(), None);

    // Without a roster every record in the period counts: capacity is the count exactly
    // (a growing list would have 4 slots for these 3, or 8 for 5).
    let mut b = TablesBuilder::new();
    for (m, hours) in [(1, 2.0), (2, 1.0), (3, 30.0), (4, 1.5), (8, 1.0), (10, 0.5)] {
        b.record(RecordSpec { name: "赵六", date: d(2017, m, 1), hours, ..Default::default() });
    }
    b.record(RecordSpec { name: "赵六", date: d(2016, 5, 1), hours: 1.0, ..Default::default() }); // row 8: last year
    let p = prepare_quiet(b.tables(), 2017, d(2017, 6, 30));
    assert_eq!(p.records.iter().map(|r| r.record()).collect::<Vec<_>>(), vec![0, 1, 3]);
    assert_eq!(p.records.capacity(), 3);
    let m = Matches::new(b.tables(), 2017);
    let at = m.at(d(2017, 12, 31));
    assert_eq!(at.records.iter().map(|r| r.record()).collect::<Vec<_>>(), vec![0, 1, 3, 4, 5]);
    assert_eq!(at.records.capacity(), 5);
    let at = m.at(d(2017, 6, 30));
    assert_eq!(at.records.capacity(), 3);
}

/// Issue 30: a volunteer listed in two files was reported as a duplicate of "row 2" of the
/// file the finding was in, though row 2 was in the other file. Every finding that points at
/// another row names that row's file and sheet when they are not its own. 甲站名册.xlsx/名册:
/// 张三 V001 (row 2), 李四 V002 (row 3). 乙站台账.xlsx/名册: 王五 V003 (row 2), 张三 V001
/// again (row 3: 甲's row 2), 王五 V003 again (row 4: row 2 of its own sheet);
/// 乙站台账.xlsx/服务记录: V009 with 张三's name (row 2: the namesake is 甲's row 2), 李四 by
/// name alone (row 3: 李四 has a number, 甲's row 3).
#[test]
fn a_finding_that_points_at_another_row_names_its_file_and_sheet() {
    use crate::support::import::{rows, sheet, xlsx, V::S};
    use crate::support::import_all;
    let roster = |list: &[[&'static str; 3]]| {
        let mut r = vec![vec![S("志愿者编号"), S("姓名"), S("所属站点")]];
        r.extend(list.iter().map(|v| v.iter().map(|c| S(c)).collect()));
        sheet("名册", rows(r))
    };
    let jia = xlsx(&[roster(&[["V001", "张三", "甲社区"], ["V002", "李四", "甲社区"]])]);
    let yi = xlsx(&[
        roster(&[["V003", "王五", "乙社区"], ["V001", "张三", "甲社区"], ["V003", "王五", "乙社区"]]),
        sheet(
            "服务记录",
            rows(vec![
                vec![S("志愿者编号"), S("姓名"), S("服务日期"), S("服务时长")],
                vec![S("V009"), S("张三"), S("2017-03-05"), S("2")],
                vec![S(""), S("李四"), S("2017-03-06"), S("1")],
            ]),
        ),
    ]);
    let imp = import_all(
        &[("甲站名册.xlsx".to_string(), jia), ("乙站台账.xlsx".to_string(), yi)],
        &scorecard_domain::import::ImportOptions::default(),
    );
    assert_eq!((imp.tables.volunteers.len(), imp.tables.records.len()), (5, 2));
    let (p, f) = prepare(&imp.tables, 2017, d(2017, 12, 31));
    assert_eq!(p.registered, vec![0, 1, 2], "张三, 李四, 王五 once each");
    assert_eq!(p.records.len(), 0);
    let at = |sheet: &str, row: u32| {
        let f = f
            .iter()
            .find(|f| f.file == "乙站台账.xlsx" && f.sheet.as_deref() == Some(sheet) && f.row == Some(row))
            .unwrap_or_else(|| panic!("no finding at {sheet} row {row}: {f:#?}"));
        (f.message.as_str(), f.message_en.as_str())
    };
    assert_eq!(
        at("名册", 3),
        (
            "志愿者「张三」与文件「甲站名册.xlsx」工作表「名册」第 2 行重复，只计一次。请删除重复的一行。",
            "Volunteer \"张三\" repeats row 2 of sheet \"名册\" in file \"甲站名册.xlsx\"; counted once. Delete the \
             duplicate row."
        )
    );
    assert_eq!(
        at("名册", 4),
        (
            "志愿者「王五」与第 2 行重复，只计一次。请删除重复的一行。",
            "Volunteer \"王五\" repeats row 2; counted once. Delete the duplicate row."
        )
    );
    let (zh, en) = at("服务记录", 2);
    assert!(zh.contains("名册（文件「甲站名册.xlsx」工作表「名册」第 2 行）有同名的志愿者「张三」"), "{zh}");
    assert!(
        en.contains("The roster (row 2 of sheet \"名册\" in file \"甲站名册.xlsx\") has a volunteer named \"张三\""),
        "{en}"
    );
    let (zh, en) = at("服务记录", 3);
    assert!(zh.contains("名册中的「李四」（文件「甲站名册.xlsx」工作表「名册」第 3 行）有志愿者编号"), "{zh}");
    assert!(en.contains("\"李四\" in the roster (row 3 of sheet \"名册\" in file \"甲站名册.xlsx\") has"), "{en}");
}
