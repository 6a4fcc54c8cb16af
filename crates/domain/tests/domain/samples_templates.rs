//! The downloadable templates: sheet names, exact header rows, headers that import
//! recognises (checked against the synonym lists of indicators.md §2, copied here as an
//! independent path), notes, drop-down lists, date and text formats, frozen headers.

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use scorecard_domain::model::{Field, Role};
use scorecard_domain::samples::{template_for, template_workbook};
use std::io::{Cursor, Read};

/// indicators.md §2, column by column: role, field, the name and its synonyms.
const SECTION_2: [(Role, Field, &[&str]); 29] = [
    (Role::Volunteers, Field::VolunteerNo, &["志愿者编号", "编号", "注册编号", "志愿者ID"]),
    (Role::Volunteers, Field::Name, &["姓名"]),
    (Role::Volunteers, Field::Gender, &["性别"]),
    (Role::Volunteers, Field::IdNumber, &["证件号码", "身份证号", "身份证号码", "证件号"]),
    (Role::Volunteers, Field::Phone, &["手机号码", "手机", "联系电话", "电话"]),
    (Role::Volunteers, Field::Political, &["政治面貌"]),
    (Role::Volunteers, Field::RegisteredOn, &["注册日期", "注册时间", "加入时间"]),
    (Role::Volunteers, Field::Station, &["所属站点", "所属组织", "所属社区", "服务站", "站点", "社区"]),
    (Role::Volunteers, Field::UnitType, &["单位类型"]),
    (Role::Volunteers, Field::AnnualHours, &["年度服务时长"]),
    (Role::Volunteers, Field::CumulativeHours, &["累计服务时长"]),
    (Role::Records, Field::VolunteerNo, &["志愿者编号"]),
    (Role::Records, Field::IdNumber, &["证件号码"]),
    (Role::Records, Field::Name, &["姓名"]),
    (Role::Records, Field::ActivityName, &["活动名称", "项目名称"]),
    (Role::Records, Field::Date, &["服务日期", "日期", "服务时间", "开始时间"]),
    (Role::Records, Field::Hours, &["服务时长", "时长", "小时数"]),
    (Role::Records, Field::Station, &["所属站点"]),
    (Role::Activities, Field::ActivityName, &["活动名称", "项目名称"]),
    (Role::Activities, Field::Date, &["活动日期", "日期", "开展时间"]),
    (Role::Activities, Field::Station, &["所属站点", "组织单位"]),
    (Role::Activities, Field::Theme, &["活动主题", "主题", "类别", "标签"]),
    (Role::Activities, Field::Team, &["服务队", "专业类别", "队伍", "志愿服务队"]),
    (Role::Activities, Field::Holiday, &["节庆日"]),
    (Role::Activities, Field::Participants, &["参与人数"]),
    (Role::Trainings, Field::Date, &["培训日期"]),
    (Role::Trainings, Field::Topic, &["培训主题"]),
    (Role::Trainings, Field::Station, &["所属站点"]),
    (Role::Trainings, Field::Participants, &["参训人数"]),
];

/// Fields §2 names without listing them per column (phone on records, the material
/// columns, training type): their canonical label is the only name.
fn section_2_names(role: Role, field: Field) -> Vec<&'static str> {
    SECTION_2
        .iter()
        .find(|(r, f, _)| *r == role && *f == field)
        .map(|(_, _, names)| names.to_vec())
        .unwrap_or_else(|| vec![field.label_zh()])
}

/// The header rows we expect, typed out by hand.
const HEADERS: [(&str, &[&str]); 4] = [
    (
        "志愿者名册",
        &[
            "志愿者编号",
            "姓名",
            "性别",
            "证件号码",
            "手机号码",
            "政治面貌",
            "注册日期",
            "所属站点",
            "单位类型",
            "年度服务时长",
            "累计服务时长",
        ],
    ),
    ("服务记录", &["志愿者编号", "证件号码", "姓名", "手机号码", "活动名称", "服务日期", "服务时长", "所属站点"]),
    (
        "活动记录",
        &[
            "活动名称",
            "活动日期",
            "所属站点",
            "活动主题",
            "服务队",
            "节庆日",
            "参与人数",
            "方案",
            "记录",
            "简报",
            "图片",
        ],
    ),
    ("培训记录", &["培训日期", "培训主题", "所属站点", "培训类型", "参训人数"]),
];

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("template opens with calamine")
}

fn row_text(range: &calamine::Range<Data>, row: usize) -> Vec<String> {
    range.rows().nth(row).map(|r| r.iter().map(|c| c.to_string()).collect()).unwrap_or_default()
}

/// The text of one part of the xlsx zip.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("xlsx is a zip");
    let mut f = zip.by_name(name).unwrap_or_else(|_| panic!("no part {name}"));
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

#[test]
fn template_has_instructions_then_one_sheet_per_table_with_exact_headers() {
    let bytes = template_workbook();
    let mut wb = open(&bytes);
    assert_eq!(wb.sheet_names(), ["填写说明", "志愿者名册", "服务记录", "活动记录", "培训记录"]);
    let role_of = |sheet: &str| Role::ALL.into_iter().find(|r| r.label_zh() == sheet).unwrap();
    for (sheet, want) in HEADERS {
        let range = wb.worksheet_range(sheet).unwrap();
        assert_eq!(range.start(), Some((0, 0)), "{sheet}");
        assert_eq!(range.height(), 1, "{sheet}: no example or data rows");
        assert_eq!(row_text(&range, 0), want, "{sheet}");
        // each header, looked up in §2's names of that role, is the field at that position
        let role = role_of(sheet);
        for (i, header) in want.iter().enumerate() {
            let field = role.template_fields()[i];
            assert!(section_2_names(role, field).contains(header), "{sheet}: {header} is not a §2 name of {field:?}");
            let by_label: Vec<Field> =
                role.fields().iter().copied().filter(|f| section_2_names(role, *f).contains(header)).collect();
            assert_eq!(by_label, [field], "{sheet}: {header} names exactly one field");
        }
    }
    let intro = wb.worksheet_range("填写说明").unwrap();
    // import finds a header row by cells that are known headers: no row of the
    // instructions may look like one (at most one §2 name per row)
    let all_names: Vec<&str> = SECTION_2.iter().flat_map(|(_, _, n)| n.iter().copied()).collect();
    for row in intro.rows() {
        let hits = row.iter().filter(|c| all_names.contains(&c.to_string().trim())).count();
        assert!(hits <= 1, "instructions row looks like a header: {row:?}");
    }
    let text: String = intro.cells().map(|(_, _, c)| c.to_string()).collect();
    for must in ["2017-06-12", "5.1E+17", "保留", "、", "新桥社区"] {
        assert!(text.contains(must), "instructions lack {must}");
    }
}

#[test]
fn headers_carry_notes_lists_and_formats() {
    let bytes = template_workbook();
    // sheet2 = 志愿者名册 … sheet5 = 培训记录; their notes are comments1 … comments4
    let roster = part(&bytes, "xl/worksheets/sheet2.xml");
    let records = part(&bytes, "xl/worksheets/sheet3.xml");
    let activities = part(&bytes, "xl/worksheets/sheet4.xml");
    let trainings = part(&bytes, "xl/worksheets/sheet5.xml");
    for (name, xml) in
        [("roster", &roster), ("records", &records), ("activities", &activities), ("trainings", &trainings)]
    {
        assert!(xml.contains("<dataValidations"), "{name}: no validation");
        assert!(xml.contains(r#"ySplit="1""#), "{name}: header not frozen");
        assert!(xml.contains("<legacyDrawing"), "{name}: no notes");
    }
    // lists: 性别 and 政治面貌 refuse other values; 活动主题 lists the 8 themes
    assert!(roster.contains("&quot;男,女&quot;") || roster.contains("\"男,女\""), "gender list");
    assert!(roster.contains("中共党员,中共预备党员,共青团员,民主党派成员,无党派人士,群众"));
    assert!(roster.contains("党政机关,人民团体,企事业单位,文明单位,初中以上学校,大中专院校,文明村镇(社区)"));
    assert!(activities
        .contains("关爱空巢老人,关爱留守儿童,关爱困难职工,关爱残疾人,党员志愿服务,文明旅游,文明交通,文明上网"));
    assert!(activities.contains("教育,文体,科技,医疗卫生,法律,消防,环保,社工,交通,财务,慈善捐助"));
    assert!(activities.contains("元旦,春节,学雷锋纪念日"));
    assert!(activities.contains("国际志愿者日,国家公祭日"));
    assert!(activities.contains("是,否"));
    assert!(trainings.contains("骨干,专业,网络文明传播,通用"));
    // dates: validation of type date on the date columns (G of roster, F of records)
    assert!(roster.contains(r#"type="date""#) && roster.contains(r#"sqref="G2:G1048576""#));
    assert!(records.contains(r#"type="date""#) && records.contains(r#"sqref="F2:F1048576""#));
    assert!(records.contains(r#"type="decimal""#), "hours validated as numbers");
    // text and date column formats exist: "@" is built-in format 49
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"numFmtId="49""#), "no text format");
    assert!(styles.contains(r#"formatCode="yyyy\-mm\-dd""#) || styles.contains(r#"formatCode="yyyy-mm-dd""#));
    // notes: what and how, with examples
    let roster_notes = part(&bytes, "xl/comments1.xml");
    assert!(roster_notes.contains("11010519491231002X") && roster_notes.contains("5.1E+17"));
    let records_notes = part(&bytes, "xl/comments2.xml");
    assert!(records_notes.contains("服务日期：") && records_notes.contains("例：2.5"));
    let training_notes = part(&bytes, "xl/comments4.xml");
    assert!(training_notes.contains("新桥社区、大丰社区"));
}

#[test]
fn id_columns_are_text_formatted_so_excel_keeps_the_digits() {
    let bytes = template_workbook();
    let roster = part(&bytes, "xl/worksheets/sheet2.xml");
    let styles = part(&bytes, "xl/styles.xml");
    // the column definitions of A (志愿者编号), D (证件号码), E (手机号码) carry a style
    // whose number format is 49 ("@"); find that style index in cellXfs
    let xfs: Vec<&str> =
        styles.split("<cellXfs").nth(1).unwrap().split("</cellXfs>").next().unwrap().split("<xf ").skip(1).collect();
    let text_style = xfs.iter().position(|xf| xf.contains(r#"numFmtId="49""#)).expect("a text style");
    for col in [1, 4, 5] {
        let def = format!(r#"<col min="{col}" max="{col}""#);
        let at = roster.find(&def).unwrap_or_else(|| panic!("no col {col}"));
        let tag = &roster[at..at + roster[at..].find("/>").unwrap()];
        assert!(tag.contains(&format!(r#"style="{text_style}""#)), "column {col}: {tag}");
    }
}

#[test]
fn one_table_templates_hold_the_instructions_and_that_table() {
    for (role, (sheet, want)) in Role::ALL.into_iter().zip(HEADERS) {
        let bytes = template_for(role);
        let mut wb = open(&bytes);
        assert_eq!(wb.sheet_names(), ["填写说明", sheet]);
        assert_eq!(row_text(&wb.worksheet_range(sheet).unwrap(), 0), want);
        let intro: String = wb.worksheet_range("填写说明").unwrap().cells().map(|(_, _, c)| c.to_string()).collect();
        assert!(intro.contains(sheet));
        for other in Role::ALL.iter().filter(|r| **r != role) {
            // the required-columns list names only this table
            assert!(!intro.contains(&format!("{}姓名", other.label_zh())));
        }
    }
    // deterministic: the same bytes every time
    assert_eq!(template_workbook(), template_workbook());
}
