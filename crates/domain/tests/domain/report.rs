//! The report module: drill-down rows, the xlsx report read back with calamine (and its raw
//! XML through zip), the CSV exports parsed back, sheet names, the context JSON.

use crate::support::{d, today};
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use scorecard_domain::builder::{ActivitySpec, RecordSpec, TablesBuilder, TrainingSpec, VolunteerSpec};
use scorecard_domain::export::{
    context_json, indicator_rows, read_context_json, resolve_rows, rows_csv, scorecard_csv, scorecard_xlsx, sheet_name,
    Cell, Lang, Masking, RowTable, ScorecardInsights, SHEET_NAME_MAX,
};
use scorecard_domain::import::{ImportOptions, SavedColumn, SavedMapping};
use scorecard_domain::model::{Field, Role, RowRef};
use scorecard_domain::profile::{builtin, Profile};
use scorecard_domain::score::insights::{monthly_replay, scheme, star_levels, what_if};
use scorecard_domain::score::{score, Scorecard, Status};
use scorecard_domain::{Context, Finding, FindingKind, Severity, Tables};
use std::collections::HashMap;
use std::io::{Cursor, Read};

const ID_1: &str = "51010419900101123X";
const ID_2: &str = "510104198502023456";
/// Typed into the 姓名 column by mistake: must be masked all the same.
const ID_IN_NAME: &str = "510104197703034567";
const PHONE_1: &str = "13812345678";
/// A volunteer number that is all digits and phone-length.
const NUMBER_LIKE_PHONE: &str = "15900001111";

/// Formula-looking activity names that must come back as text.
const FORMULAS: [&str; 4] = ["=1+1", "@SUM(A1)", "-2+3", "+cmd"];

/// Six volunteers registered in January (4 at 新桥社区, 2 at 大丰社区), population 40:
/// X1 = 6 / 40 = 15 % (met, ≥ 13 %). Four of them have two records of 15 h each:
/// X2 = 4 / 6 = 66.7 % (not met, < 70 %); X3 = 120 h / 6 = 20 h per head, pro-rated target
/// on 31 August 25 × 243 / 365 = 16.6 h, so on track (below 25, above 16.6).
fn world() -> (Tables, Context, Profile, Scorecard) {
    let mut b = TablesBuilder::new();
    let people: [(&str, &str, &str, &str, &str); 6] = [
        ("A1", "张三", ID_1, PHONE_1, "新桥社区"),
        ("A2", "李四", ID_2, "", "新桥社区"),
        ("A3", ID_IN_NAME, "", "", "新桥社区"),
        (NUMBER_LIKE_PHONE, "王五", "", "", "新桥社区"),
        ("B1", "赵六", "", "", "大丰社区"),
        ("B2", "钱七", "", "", "大丰社区"),
    ];
    for (no, name, id, phone, station) in people {
        b.volunteer(VolunteerSpec {
            number: no,
            name,
            gender: "男",
            id_number: id,
            phone,
            political: "群众",
            registered_on: Some(d(2017, 1, 5)),
            station,
            cumulative_hours: Some(150.0),
            ..Default::default()
        });
    }
    for date in [d(2017, 3, 1), d(2017, 4, 1)] {
        for no in ["A1", "A2", "A3", "B1"] {
            b.record(RecordSpec {
                volunteer_no: no, activity: "敬老服务", date, hours: 15.0, ..Default::default()
            });
        }
    }
    let acts: [(&str, NaiveDate, &str); 6] = [
        (FORMULAS[0], d(2017, 1, 3), "新桥社区"),
        (FORMULAS[1], d(2017, 1, 13), "新桥社区"),
        (FORMULAS[2], d(2017, 2, 3), "新桥社区"),
        (FORMULAS[3], d(2017, 2, 14), "新桥社区"),
        ("敬老活动", d(2017, 3, 5), "大丰社区"),
        ("环保宣传", d(2017, 3, 15), "大丰社区"),
    ];
    for (name, date, station) in acts {
        b.activity(ActivitySpec { name, date: Some(date), station, participants: Some(12), ..Default::default() });
    }
    b.training(TrainingSpec {
        date: Some(d(2017, 3, 10)),
        topic: "志愿服务培训",
        stations: &["新桥社区", "大丰社区"],
        kind: "集中培训",
        participants: Some(20),
    });
    let tables = b.finish();
    let ctx = Context {
        organisation: "新繁镇".into(),
        year: 2017,
        as_of: Some(d(2017, 8, 31)),
        population: Some(40),
        ..Context::default()
    };
    let profile = builtin("xindu2017-town").unwrap();
    let card = score(&profile, &ctx, &tables, today());
    (tables, ctx, profile, card)
}

fn extras(tables: &Tables, ctx: &Context, profile: &Profile) -> ScorecardInsights {
    ScorecardInsights {
        replay: Some(monthly_replay(profile, ctx, tables, today())),
        stars: Some(star_levels(tables, ctx, &scheme("national").unwrap(), today())),
        what_if: Some(what_if(profile, ctx, tables, today())),
    }
}

fn findings() -> Vec<Finding> {
    vec![
        Finding::file("名册.xlsx", FindingKind::BadIdChecksum, Severity::Warning, "校验位不符", "check digit")
            .in_sheet("Sheet1")
            .at_row(7)
            .in_column("证件号码"),
        Finding::file("=evil.xlsx", FindingKind::UnreadableFile, Severity::Error, "-无法读取", "unreadable"),
    ]
}

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("the report opens as xlsx")
}

/// Cells of a sheet by (row, col), 0-based.
type SheetCells = HashMap<(u32, u32), Data>;

/// Every sheet: name → its cells.
fn cells(bytes: &[u8]) -> Vec<(String, SheetCells)> {
    let mut wb = workbook(bytes);
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            let map = range.cells().map(|(r, c, v)| ((r as u32, c as u32), v.clone())).collect();
            (name, map)
        })
        .collect()
}

fn report(
    card: &Scorecard,
    tables: &Tables,
    ctx: &Context,
    profile: &Profile,
    x: Option<&ScorecardInsights>,
) -> Vec<u8> {
    scorecard_xlsx(card, ctx, profile, tables, &findings(), x).expect("report written")
}

fn longest_digit_run(s: &str) -> usize {
    s.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0)
}

#[test]
fn the_world_scores_as_computed_by_hand() {
    let (_, _, _, card) = world();
    let get = |id: &str| card.indicators.iter().find(|r| r.id == id).unwrap();
    assert_eq!((get("X1").detail.status, get("X1").detail.value), (Status::Met, Some(0.15)));
    assert_eq!(get("X2").detail.status, Status::NotMet);
    assert!((get("X2").detail.value.unwrap() - 4.0 / 6.0).abs() < 1e-12);
    assert_eq!((get("X3").detail.status, get("X3").detail.value), (Status::OnTrack, Some(20.0)));
    assert_eq!(card.stations, vec!["新桥社区".to_string(), "大丰社区".to_string()]);
}

#[test]
fn the_workbook_has_summary_indicator_station_finding_and_extra_sheets() {
    let (tables, ctx, profile, card) = world();
    let x = extras(&tables, &ctx, &profile);
    let names = workbook(&report(&card, &tables, &ctx, &profile, Some(&x))).sheet_names();
    let mut want = vec!["汇总".to_string()];
    for r in &card.indicators {
        want.push(format!("{} {}", r.id, r.label));
    }
    want.extend(["各站点", "问题清单", "月度通报", "星级志愿者", "测算"].map(String::from));
    assert_eq!(names, want);

    // Without extras, their sheets are left out.
    let plain = workbook(&report(&card, &tables, &ctx, &profile, None)).sheet_names();
    assert_eq!(plain.len(), want.len() - 3);
    assert_eq!(plain.last().map(String::as_str), Some("问题清单"));
}

#[test]
fn summary_rows_have_status_words_numbers_and_number_formats() {
    let (tables, ctx, profile, card) = world();
    let bytes = report(&card, &tables, &ctx, &profile, None);
    let all = cells(&bytes);
    let (_, summary) = all.iter().find(|(n, _)| n == "汇总").unwrap();
    let mut wb = workbook(&bytes);
    let styles = wb.worksheet_style("汇总").unwrap();
    let fmt = |r: u32, c: u32| {
        styles.get((r, c)).and_then(|s| s.number_format.clone()).map(|f| f.format_code).unwrap_or_default()
    };
    let text = |r: u32, c: u32| match summary.get(&(r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("({r},{c}) is not text: {other:?}"),
    };

    assert_eq!(text(0, 0), "新繁镇2017年志愿服务自评报告");
    // Header row 6, then one row per indicator (xindu2017-town has no composite).
    let headers: Vec<String> = (0..7).map(|c| text(6, c)).collect();
    assert_eq!(headers, ["编号", "指标", "状态", "当前值", "目标", "差距说明", "依据"]);
    let row_of = |id: &str| (7..200).find(|r| summary.get(&(*r, 0)) == Some(&Data::String(id.into()))).unwrap();
    for (i, r) in card.indicators.iter().enumerate() {
        assert_eq!(row_of(&r.id), 7 + i as u32, "{} in card order", r.id);
    }

    // (id, status word, value, target, number format of value and target)
    let cases: [(&str, &str, f64, f64, &str); 3] = [
        ("X1", "达标", 0.15, 0.13, "0.0%"),
        ("X2", "未达标", 4.0 / 6.0, 0.7, "0.0%"),
        ("X3", "按进度", 20.0, 25.0, r#"0.0" 小时""#),
    ];
    for (id, word, value, target, code) in cases {
        let r = row_of(id);
        assert_eq!(text(r, 2), word, "{id}");
        match (summary.get(&(r, 3)), summary.get(&(r, 4))) {
            (Some(Data::Float(v)), Some(Data::Float(t))) => {
                assert!((v - value).abs() < 1e-12 && (t - target).abs() < 1e-12, "{id}: {v} {t}");
            }
            other => panic!("{id}: value and target must be numbers, got {other:?}"),
        }
        assert_eq!((fmt(r, 3), fmt(r, 4)), (code.to_string(), code.to_string()), "{id}");
        let fill = styles.get((r, 2)).and_then(|s| s.fill.clone()).and_then(|f| f.get_color());
        assert!(fill.is_some(), "{id}: the status cell is coloured as well as worded");
        let gap = summary.get(&(r, 5)).cloned().unwrap_or_default();
        assert_eq!(gap == Data::Empty, word == "达标", "{id}: a gap exactly when not met");
    }

    // Counts by status: labels on row 4, numbers on row 5, matching the card's summary.
    let s = &card.summary;
    for (c, (word, n)) in [("达标", s.met), ("未达标", s.not_met), ("按进度", s.on_track)].into_iter().enumerate()
    {
        assert_eq!(text(4, c as u32), word);
        assert_eq!(summary.get(&(5, c as u32)), Some(&Data::Float(f64::from(n))), "{word}");
    }
    // Context: the as-of date is a real date, the population a number.
    assert!(matches!(summary.get(&(3, 1)), Some(Data::DateTime(_))), "{:?}", summary.get(&(3, 1)));
    assert_eq!(summary.get(&(3, 3)), Some(&Data::Float(40.0)));
    // X9 is omitted (no material columns) and said so below the table.
    assert!(summary.values().any(|v| matches!(v, Data::String(s) if s.contains("方案、记录、简报、图片"))));
}

#[test]
fn ids_and_phones_are_masked_in_every_cell_of_every_sheet() {
    let (tables, ctx, profile, card) = world();
    let x = extras(&tables, &ctx, &profile);
    let bytes = report(&card, &tables, &ctx, &profile, Some(&x));
    let mut seen = Vec::new();
    for (sheet, map) in cells(&bytes) {
        for ((r, c), v) in map {
            if let Data::String(s) = v {
                assert!(longest_digit_run(&s) < 11, "{sheet} ({r},{c}) shows a number in full: {s}");
                seen.push(s);
            }
        }
    }
    // Every text cell goes to the shared strings; none of them holds a full number either.
    let strings = zip_text(&bytes, "xl/sharedStrings.xml");
    assert!(longest_digit_run(&strings) < 11);
    // They were there, masked: in the roster rows behind X1 and in the star list.
    for masked in ["5101**********123X", "5101**********3456", "5101**********4567", "138****5678", "159****1111"] {
        assert!(seen.iter().any(|s| s == masked), "{masked} shown masked");
    }
}

/// The text of one entry of the xlsx zip.
fn zip_text(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn formula_like_text_comes_back_as_quoted_text_never_a_formula() {
    let (tables, ctx, profile, card) = world();
    let bytes = report(&card, &tables, &ctx, &profile, None);
    let all = cells(&bytes);
    let texts: Vec<&str> = all
        .iter()
        .flat_map(|(_, m)| m.values())
        .filter_map(|v| if let Data::String(s) = v { Some(s.as_str()) } else { None })
        .collect();
    for f in FORMULAS {
        let quoted = format!("'{f}");
        assert!(texts.contains(&quoted.as_str()), "{f} written as {quoted}");
        assert!(!texts.contains(&f), "{f} never written bare");
    }
    assert!(texts.contains(&"'=evil.xlsx") && texts.contains(&"'-无法读取"), "findings are guarded too");

    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let sheets: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .collect();
    assert_eq!(sheets.len(), all.len());
    for name in sheets {
        let mut xml = String::new();
        zip.by_name(&name).unwrap().read_to_string(&mut xml).unwrap();
        assert!(!xml.contains("<f>") && !xml.contains("<f "), "{name} holds a formula");
    }
}

#[test]
fn the_summary_freezes_and_prints_its_header() {
    let (tables, ctx, profile, card) = world();
    let bytes = report(&card, &tables, &ctx, &profile, None);
    let sheet1 = zip_text(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet1.contains(r#"ySplit="7""#), "frozen below the header row");
    assert!(sheet1.contains(r#"paperSize="9""#) && sheet1.contains(r#"orientation="landscape""#));
    assert!(sheet1.contains(r#"fitToHeight="0""#) && sheet1.contains("<pageSetUpPr fitToPage=\"1\"/>"));
    let book = zip_text(&bytes, "xl/workbook.xml");
    assert!(book.contains("汇总!$7:$7"), "header row repeated on printed pages: {book}");
}

#[test]
fn indicator_sheets_list_the_rows_behind_the_indicator() {
    let (tables, ctx, profile, card) = world();
    let all = cells(&report(&card, &tables, &ctx, &profile, None));
    let (_, x5) = all.iter().find(|(n, _)| n.starts_with("X5 ")).unwrap();
    let has = |s: &str| x5.values().any(|v| v == &Data::String(s.into()));
    // X5 is per station: both stations, their rows, the activity columns and the source.
    assert!(has("新桥社区") && has("大丰社区") && has("各站点") && has("活动名称") && has("原行号"));
    assert!(has("相关记录（共 6 条）"), "{x5:?}");
    // X4: the joint training counts at both stations but is one row.
    let (_, x4) = all.iter().find(|(n, _)| n.starts_with("X4 ")).unwrap();
    assert!(x4.values().any(|v| v == &Data::String("相关记录（共 1 条）".into())), "{x4:?}");
    // The X1 sheet holds the six registered volunteers with the roster's columns.
    let (_, x1) = all.iter().find(|(n, _)| n.starts_with("X1 ")).unwrap();
    for s in ["证件号码", "手机号码", "张三", "钱七", "相关记录（共 6 条）"] {
        assert!(x1.values().any(|v| v == &Data::String(s.into())), "X1 sheet shows {s}");
    }
}

#[test]
fn resolve_rows_gives_one_masked_table_per_role() {
    let (tables, _, _, _) = world();
    let at = |role: Role, row: u32| RowRef {
        source: tables.sources.iter().position(|s| s.role == role).unwrap() as u32,
        row,
    };
    // Mixed roles, out of order, one row that is not there and one source that is not there.
    let refs = [
        at(Role::Trainings, 2),
        at(Role::Activities, 2),
        at(Role::Volunteers, 2),
        at(Role::Records, 3),
        at(Role::Volunteers, 99),
        RowRef { source: 77, row: 2 },
    ];
    let out = resolve_rows(&tables, &refs, Masking::Masked);
    let roles: Vec<Role> = out.iter().map(|t| t.role).collect();
    assert_eq!(roles, Role::ALL.to_vec());

    let vol = &out[0];
    let zh: Vec<&str> = vol.headers.iter().map(|h| h.0.as_str()).collect();
    // No 年度服务时长 column: empty in every row.
    assert_eq!(
        zh,
        [
            "志愿者编号",
            "姓名",
            "性别",
            "证件号码",
            "手机号码",
            "政治面貌",
            "注册日期",
            "所属站点",
            "累计服务时长",
            "来源文件",
            "来源工作表",
            "原行号"
        ]
    );
    let t = |s: &str| Cell::Text(s.into());
    assert_eq!(
        vol.rows[0],
        vec![
            t("A1"),
            t("张三"),
            t("男"),
            t("5101**********123X"),
            t("138****5678"),
            t("群众"),
            Cell::Date(d(2017, 1, 5)),
            t("新桥社区"),
            Cell::Number(150.0),
            t("builder.xlsx"),
            t("志愿者名册"),
            Cell::Number(2.0),
        ]
    );
    assert_eq!(vol.rows[1][0], t("（未找到该行）"), "a missing row still shows where it was");
    assert_eq!(vol.rows[1][11], Cell::Number(99.0));

    let rec = &out[1];
    assert_eq!(
        rec.headers.iter().map(|h| h.0.as_str()).collect::<Vec<_>>()[..4],
        ["志愿者", "活动名称", "服务日期", "时长"]
    );
    // Row 3 of the records is A2's; records name the volunteer by number here.
    assert_eq!(rec.rows[0][..4], [t("A2"), t("敬老服务"), Cell::Date(d(2017, 3, 1)), Cell::Number(15.0)]);
    assert_eq!(out[2].rows[0][0], t("=1+1"), "cells hold the data as it is; writers guard it");
    assert_eq!(out[3].rows[0][2], t("新桥社区、大丰社区"), "a joint training names its stations");

    let full = resolve_rows(&tables, &refs[2..3], Masking::Full);
    assert_eq!((full[0].rows[0][3].clone(), full[0].rows[0][4].clone()), (t(ID_1), t(PHONE_1)));
}

#[test]
fn indicator_rows_follow_the_station_and_the_indicator() {
    let (tables, _, _, card) = world();
    // The 活动名称 / 姓名 column of each table.
    let names = |tables: &[RowTable]| -> Vec<String> {
        tables
            .iter()
            .flat_map(|t| {
                let c = t.headers.iter().position(|h| h.0 == "活动名称" || h.0 == "姓名").unwrap();
                t.rows.iter().map(move |r| r[c].display(Lang::Zh))
            })
            .collect()
    };
    let x5_dafeng = indicator_rows(&card, &tables, "X5", Some("大丰社区")).unwrap();
    assert_eq!(names(&x5_dafeng), ["敬老活动", "环保宣传"]);
    let x5_all = indicator_rows(&card, &tables, "X5", None).unwrap();
    assert_eq!(names(&x5_all).len(), 6);
    assert!(indicator_rows(&card, &tables, "X5", Some("不存在的站点")).is_none());
    assert!(indicator_rows(&card, &tables, "X99", None).is_none());
    // X2: the registered volunteers with a record; the one whose name is an ID is masked.
    let x2 = indicator_rows(&card, &tables, "X2", None).unwrap();
    assert_eq!(names(&x2), ["张三", "李四", "5101**********4567", "赵六"]);
}

#[test]
fn composite_indicators_resolve_their_parts() {
    let (tables, mut ctx, _, _) = world();
    ctx.profile = "xindu2017-dept".into();
    ctx.staff = Some(10);
    let profile = builtin("xindu2017-dept").unwrap();
    let card = score(&profile, &ctx, &tables, today());
    let d4 = card.indicators.iter().find(|r| r.id == "D4").expect("D4 in the department profile");
    assert_eq!(d4.parts.len(), 2);
    // D4.1 (record share) lists the 4 active volunteers; D4.2 (hours) their 8 records.
    let part1 = indicator_rows(&card, &tables, "D4.1", None).unwrap();
    assert_eq!(part1[0].rows.len(), 4);
    let whole = indicator_rows(&card, &tables, "D4", None).unwrap();
    let total: usize = whole.iter().map(|t| t.rows.len()).sum();
    assert_eq!(total, 12, "the parts' rows, each once");
    // Its parts get their own summary rows right after it.
    let bytes = scorecard_xlsx(&card, &ctx, &profile, &tables, &[], None).unwrap();
    let all = cells(&bytes);
    let (_, summary) = all.iter().find(|(n, _)| n == "汇总").unwrap();
    let row = |id: &str| (0..100).find(|r| summary.get(&(*r, 0)) == Some(&Data::String(id.into())));
    assert_eq!(row("D4.1"), row("D4").map(|r| r + 1));
    assert_eq!(row("D4.2"), row("D4").map(|r| r + 2));
}

/// An RFC 4180 reader for the tests: records of fields, quotes doubled inside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only in CRLF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("bare LF line end"),
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && record.is_empty(), "the last record ends with CRLF");
    records
}

fn strip_bom(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM first");
    String::from_utf8(bytes[3..].to_vec()).unwrap()
}

#[test]
fn report_csv_has_one_row_per_indicator_and_station() {
    let (_, ctx, _, card) = world();
    for lang in [Lang::Zh, Lang::En] {
        let rows = parse_csv(&strip_bom(&scorecard_csv(&card, &ctx, lang)));
        // the header, one row per indicator, station and part, and the maker's row last
        let want: usize = 2 + card.indicators.iter().map(|r| 1 + r.stations.len() + r.parts.len()).sum::<usize>();
        assert_eq!(rows.len(), want, "{lang:?}");
        let last = rows.last().unwrap();
        let by = if lang == Lang::Zh { "生成" } else { "Made with" };
        assert_eq!(
            (last[0].as_str(), last[1].as_str()),
            (by, format!("志愿服务自评台 v{}", env!("CARGO_PKG_VERSION")).as_str())
        );
        assert!(rows.iter().all(|r| r.len() == 8));
        let find = |id: &str, station: &str| rows.iter().find(|r| r[0] == id && r[2] == station).unwrap().clone();
        let whole = "新繁镇";
        let x1 = find("X1", whole);
        assert_eq!((x1[4].as_str(), x1[5].as_str()), ("15%", "13%"));
        assert_eq!(find("X2", whole)[4], "66.67%");
        assert_eq!((find("X3", whole)[4].as_str(), find("X3", whole)[5].as_str()), ("20", "25"));
        let x5 = find("X5", "大丰社区");
        assert_eq!(x5[3], if lang == Lang::Zh { "未达标" } else { "Not met" });
        assert!(x5[7].starts_with("新都2017"));
    }
    let header = parse_csv(&strip_bom(&scorecard_csv(&card, &ctx, Lang::Zh))).remove(0);
    assert_eq!(header, ["指标编号", "指标", "站点", "状态", "当前值", "目标", "差距说明", "依据"]);
    // No organisation: the whole rows say 全部.
    let anonymous = Context { organisation: String::new(), ..ctx };
    let rows = parse_csv(&strip_bom(&scorecard_csv(&card, &anonymous, Lang::Zh)));
    assert!(rows.iter().any(|r| r[0] == "X1" && r[2] == "全部"));
}

#[test]
fn rows_csv_quotes_guards_and_keeps_numbers() {
    let table = RowTable {
        role: Role::Activities,
        headers: vec![
            ("活动名称".into(), "Activity".into()),
            ("日期".into(), "Date".into()),
            ("人数".into(), "N".into()),
        ],
        rows: vec![
            vec![Cell::Text("=1+1".into()), Cell::Date(d(2017, 6, 12)), Cell::Number(-3.0)],
            vec![Cell::Text("敬老,爱老".into()), Cell::Empty, Cell::Number(2.5)],
            vec![Cell::Text("他说\"好\"\n第二行".into()), Cell::Empty, Cell::Number(12345.678)],
            vec![Cell::Text("@SUM(A1)".into()), Cell::Empty, Cell::Empty],
        ],
    };
    let zh = parse_csv(&strip_bom(&rows_csv(&table, Lang::Zh)));
    let want: Vec<Vec<&str>> = vec![
        vec!["活动名称", "日期", "人数"],
        vec!["'=1+1", "2017-06-12", "-3"],
        vec!["敬老,爱老", "", "2.5"],
        vec!["他说\"好\"\n第二行", "", "12345.68"],
        vec!["'@SUM(A1)", "", ""],
    ];
    assert_eq!(zh, want);
    assert_eq!(parse_csv(&strip_bom(&rows_csv(&table, Lang::En)))[0], ["Activity", "Date", "N"]);
    // The raw bytes: quoting only where needed, a number never quoted or prefixed.
    let raw = strip_bom(&rows_csv(&table, Lang::Zh));
    assert!(raw.contains("\r\n'=1+1,2017-06-12,-3\r\n\"敬老,爱老\",,2.5\r\n"), "{raw}");
}

#[test]
fn sheet_names_are_legal_and_unique() {
    let used = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let long = format!("X1 {}", "很长的指标名称".repeat(8));
    // (base, already used, expected)
    let cases: Vec<(&str, Vec<String>, String)> = vec![
        ("X1 注册率", vec![], "X1 注册率".into()),
        ("X4 [季度]培训/联合:*?\\", vec![], "X4 季度培训联合".into()),
        ("X1 注册率", used(&["x1 注册率"]), "X1 注册率(2)".into()),
        ("X1 注册率", used(&["X1 注册率", "X1 注册率(2)"]), "X1 注册率(3)".into()),
        ("汇总", used(&["汇总"]), "汇总(2)".into()),
        ("history", vec![], "工作表".into()),
        ("'引号'", vec![], "引号".into()),
        ("", vec![], "工作表".into()),
        (&long, vec![], long.chars().take(SHEET_NAME_MAX).collect()),
        ("X1 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", vec![], format!("X1 {}", "😀".repeat(14))),
    ];
    for (base, used, want) in cases {
        let got = sheet_name(base, &used);
        assert_eq!(got, want, "{base:?}");
        assert!(got.encode_utf16().count() <= SHEET_NAME_MAX, "{got}");
    }
    let taken = vec![long.chars().take(SHEET_NAME_MAX).collect::<String>()];
    let second = sheet_name(&long, &taken);
    assert!(second.ends_with("(2)") && second.encode_utf16().count() == SHEET_NAME_MAX, "{second}");
}

#[test]
fn odd_and_long_indicator_labels_still_make_a_workbook() {
    let (tables, ctx, profile, _) = world();
    let mut custom = profile.customise("odd", "奇怪的方案", "Odd");
    let labels = [
        "[月度]/活动:*?",
        "很长很长很长很长很长很长很长很长很长很长很长很长的标签",
        "很长很长很长很长很长很长很长很长很长很长很长很长的标签",
    ];
    for (ind, label) in custom.indicators.iter_mut().zip(labels) {
        ind.label_zh = label.to_string();
    }
    custom.indicators[1].id = "X".into();
    custom.indicators[2].id = "x".into();
    let card = score(&custom, &ctx, &tables, today());
    let bytes = scorecard_xlsx(&card, &ctx, &custom, &tables, &[], None).unwrap();
    let names = workbook(&bytes).sheet_names();
    assert_eq!(names.len(), 1 + card.indicators.len() + 2);
    let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), names.len(), "unique ignoring case: {names:?}");
    for n in &names {
        assert!(n.encode_utf16().count() <= SHEET_NAME_MAX && !n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
    }
    assert_eq!(names[1], "X1 月度活动");
    assert!(names[3].ends_with("(2)"), "{names:?}");
}

#[test]
fn extra_sheets_carry_stars_replay_and_what_if() {
    let (tables, ctx, profile, card) = world();
    let x = extras(&tables, &ctx, &profile);
    let all = cells(&report(&card, &tables, &ctx, &profile, Some(&x)));
    let sheet = |name: &str| all.iter().find(|(n, _)| n == name).map(|(_, m)| m).unwrap();
    // Stars: everyone has 150 h → 1★ on the national scale (100 h), 150 h to go to 300.
    let stars = sheet("星级志愿者");
    let star_row = (0..20).find(|r| stars.get(&(*r, 0)) == Some(&Data::String("★".into()))).unwrap();
    assert_eq!(stars.get(&(star_row, 2)), Some(&Data::Float(6.0)));
    let zhang = (0..40).find(|r| stars.get(&(*r, 0)) == Some(&Data::String("张三".into()))).unwrap();
    assert_eq!(stars.get(&(zhang, 1)), Some(&Data::String("5101**********123X".into())));
    assert_eq!(stars.get(&(zhang, 5)), Some(&Data::Float(150.0)));
    // Replay: one row per ended month, January to August (D = 31 August ends August).
    let replay = sheet("月度通报");
    let months: Vec<&str> = (3..20)
        .filter_map(|r| match replay.get(&(r, 0)) {
            Some(Data::String(s)) if s.starts_with("2017年") => Some(s.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        months,
        ["2017年1月", "2017年2月", "2017年3月", "2017年4月", "2017年5月", "2017年6月", "2017年7月", "2017年8月"]
    );
    // What-if: X1 met (0 more), X2 ⌈0.7 × 6⌉ − 4 = 1 more volunteer with a record.
    let w = sheet("测算");
    let row = |label: &str| (0..30).find(|r| w.get(&(*r, 0)) == Some(&Data::String(label.into()))).unwrap();
    assert_eq!(w.get(&(row("新增注册志愿者（人）"), 1)), Some(&Data::Float(0.0)));
    assert_eq!(w.get(&(row("新增有服务记录的志愿者（人）"), 1)), Some(&Data::Float(1.0)));
}

#[test]
fn the_stations_sheet_is_a_status_matrix() {
    let (tables, ctx, profile, card) = world();
    let all = cells(&report(&card, &tables, &ctx, &profile, None));
    let (_, m) = all.iter().find(|(n, _)| n == "各站点").unwrap();
    let per_station: Vec<_> = card.indicators.iter().filter(|r| !r.stations.is_empty()).collect();
    assert_eq!(m.get(&(0, 0)), Some(&Data::String("站点".into())));
    for (i, station) in card.stations.iter().enumerate() {
        let row = i as u32 + 1;
        assert_eq!(m.get(&(row, 0)), Some(&Data::String(station.clone())));
        let mut failing = 0.0;
        for (j, r) in per_station.iter().enumerate() {
            let st = r.stations.iter().find(|s| &s.station == station).unwrap();
            assert_eq!(m.get(&(row, j as u32 + 1)), Some(&Data::String(st.detail.status.label_zh().into())));
            if st.detail.status.is_failing() && !r.bonus {
                failing += 1.0;
            }
        }
        assert_eq!(m.get(&(row, per_station.len() as u32 + 1)), Some(&Data::Float(failing)));
    }
}

#[test]
fn the_context_json_with_import_options_is_what_the_cli_reads() {
    let (_, ctx, _, _) = world();
    let options = ImportOptions {
        saved: vec![SavedMapping {
            signature: "姓名|证件号码".into(),
            role: Some(Role::Volunteers),
            columns: vec![SavedColumn {
                header: "证件号码".into(), field: Some(Field::IdNumber), date_order: None
            }],
        }],
        ..ImportOptions::default()
    };
    let text = context_json(&ctx, Some(&options));
    // What crates/cli/src/score.rs does with --context FILE (its private build_context):
    // Context::from_json, then the "import" key as ImportOptions (default when absent or
    // unreadable). Copied here because the CLI's reader is not reachable from this crate.
    let cli_reads = |text: &str| -> (Context, ImportOptions) {
        let ctx = Context::from_json(text).unwrap();
        let options = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("import").cloned())
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        (ctx, options)
    };
    assert_eq!(cli_reads(&text), (ctx.clone(), options.clone()));
    assert_eq!(read_context_json(&text).unwrap(), (ctx.clone(), options));
    // Without options: the context and the maker, read back as the same context.
    let plain = context_json(&ctx, None);
    let keys: serde_json::Value = serde_json::from_str(&plain).unwrap();
    assert_eq!(keys["made_by"], format!("志愿服务自评台 v{}", env!("CARGO_PKG_VERSION")));
    assert!(keys.get("import").is_none());
    assert_eq!(cli_reads(&plain), (ctx.clone(), ImportOptions::default()));
    assert_eq!(read_context_json(&plain).unwrap(), (ctx, ImportOptions::default()));
    // A bad "import" value falls back to the defaults, as the CLI does; bad JSON is an error.
    let bad = r#"{"year": 2018, "import": {"overrides": 5}}"#;
    assert_eq!(read_context_json(bad).unwrap().1, ImportOptions::default());
    assert_eq!(read_context_json(bad).unwrap().0.year, 2018);
    assert!(read_context_json("{not json").is_err());
}

#[test]
fn rows_are_found_even_when_the_tables_are_not_in_row_order() {
    let (mut tables, _, _, _) = world();
    tables.records.reverse();
    tables.volunteers.swap(0, 5);
    let source = |role: Role| tables.sources.iter().position(|s| s.role == role).unwrap() as u32;
    let refs = [RowRef { source: source(Role::Records), row: 3 }, RowRef { source: source(Role::Volunteers), row: 7 }];
    let out = resolve_rows(&tables, &refs, Masking::Masked);
    assert_eq!(out[0].rows[0][1], Cell::Text("钱七".into()), "roster row 7 is 钱七, wherever it sits");
    assert_eq!(out[1].rows[0][0], Cell::Text("A2".into()), "record row 3 is A2's");
}

#[test]
fn a_report_of_nothing_still_opens_and_says_what_is_missing() {
    let tables = TablesBuilder::new().finish();
    let ctx = Context { year: 2017, as_of: Some(d(2017, 3, 31)), ..Context::default() };
    let profile = builtin("xindu2017-town").unwrap();
    let card = score(&profile, &ctx, &tables, today());
    let bytes = scorecard_xlsx(&card, &ctx, &profile, &tables, &[], Some(&ScorecardInsights::default())).unwrap();
    let all = cells(&bytes);
    assert_eq!(all.len(), 1 + card.indicators.len() + 2);
    let sheet = |name: &str| all.iter().find(|(n, _)| n == name).map(|(_, m)| m).unwrap();
    assert_eq!(
        sheet("各站点").get(&(0, 0)),
        Some(&Data::String("数据中没有站点，也没有在考核情境中填写站点名单。".into()))
    );
    assert_eq!(sheet("问题清单").get(&(1, 0)), Some(&Data::String("没有发现问题。".into())));
    let summary = sheet("汇总");
    assert_eq!(summary.get(&(0, 0)), Some(&Data::String("2017年志愿服务自评报告".into())));
    assert_eq!(summary.get(&(3, 3)), Some(&Data::String("未填写".into())), "population not entered");
    assert!(summary.values().any(|v| v == &Data::String("需补充".into())));
}

#[test]
fn rows_with_long_wrapped_text_are_made_taller() {
    let (tables, ctx, profile, card) = world();
    let bytes = report(&card, &tables, &ctx, &profile, None);
    let sheet1 = zip_text(&bytes, "xl/worksheets/sheet1.xml");
    // X6's gap names eight themes for two stations: several lines in the 60-wide column.
    let x6 = 7 + card.indicators.iter().position(|r| r.id == "X6").unwrap() + 1; // Excel's 1-based row
    let tag = sheet1.split("<row ").find(|r| r.starts_with(&format!("r=\"{x6}\""))).unwrap();
    assert!(tag.contains("customHeight=\"1\""), "{tag}");
    // X1 is met: no gap, one line, default height.
    let x1 = 8;
    let tag = sheet1.split("<row ").find(|r| r.starts_with(&format!("r=\"{x1}\""))).unwrap();
    assert!(!tag.split('>').next().unwrap().contains("customHeight"), "{tag}");
}

#[test]
fn the_report_lists_every_row_where_the_screen_lists_two_hundred() {
    let mut b = TablesBuilder::new();
    let numbers: Vec<String> = (1..=205).map(|i| format!("N{i}")).collect();
    for no in &numbers {
        b.volunteer(VolunteerSpec {
            number: no,
            name: no,
            station: "新桥社区",
            registered_on: Some(d(2017, 1, 5)),
            ..Default::default()
        });
    }
    let tables = b.finish();
    let ctx = Context { year: 2017, as_of: Some(d(2017, 6, 30)), population: Some(1000), ..Context::default() };
    let profile = builtin("xindu2017-town").unwrap();
    let card = score(&profile, &ctx, &tables, today());
    // the screen's card keeps the first 200 (its drill-down says so) …
    let x1_card = card.indicators.iter().find(|r| r.id == "X1").unwrap();
    assert_eq!((x1_card.detail.rows.total, x1_card.detail.rows.refs.len()), (205, 200));
    assert!(x1_card.detail.rows.truncated);
    // … the report lists all 205, each volunteer once
    let all = cells(&scorecard_xlsx(&card, &ctx, &profile, &tables, &[], None).unwrap());
    let (_, x1) = all.iter().find(|(n, _)| n.starts_with("X1 ")).unwrap();
    assert!(x1.values().any(|v| v == &Data::String("相关记录（共 205 条）".into())));
    let listed = x1.values().filter(|v| matches!(v, Data::String(s) if s == "志愿者名册")).count();
    assert_eq!(listed, 1 + 205, "the role heading, then the source sheet of each listed row");
    for no in &numbers {
        assert!(x1.values().any(|v| v == &Data::String(no.clone())), "{no} listed");
    }
    // and scoring for the screens afterwards caps again
    let again = score(&profile, &ctx, &tables, today());
    assert_eq!(again.indicators.iter().find(|r| r.id == "X1").unwrap().detail.rows.refs.len(), 200);
}
