//! The corpus of real header shapes (issue 18; `/work/research` notes where each was seen):
//! every file is generated here — header sets as real exports and ledgers write them, cells
//! made up (`cells.rs`) — with the role and mapping a clerk would give each sheet.

pub mod cells;
pub mod write;

use cells::Gen;
use scorecard_domain::model::{Field, Role};
use write::{delimited, gbk, row, xlsx, Sheet};
use Field::*;

/// A sheet's expected reading: its role and, per column (header as shown), the field a
/// clerk maps it to (`None`: left unused).
pub struct Expect {
    pub file: String,
    pub sheet: String,
    pub role: Option<Role>,
    pub columns: Vec<(String, Option<Field>)>,
    /// Data rows kept (volunteers, records, activities; a table of hours' entries).
    pub kept: u64,
}

pub struct Case {
    pub name: &'static str,
    pub files: Vec<(String, Vec<u8>)>,
    pub expect: Vec<Expect>,
}

fn expect(file: &str, sheet: &str, role: Option<Role>, columns: &[(&str, Option<Field>)], kept: u64) -> Expect {
    Expect {
        file: file.into(),
        sheet: sheet.into(),
        role,
        columns: columns.iter().map(|(h, f)| (h.to_string(), *f)).collect(),
        kept,
    }
}

fn headers(cols: &[(&str, Option<Field>)]) -> Vec<String> {
    cols.iter().map(|(h, _)| h.to_string()).collect()
}

/// A volunteer-hours system's roster export: header on row 1, dates and hours as text,
/// 服务类别 holding several values split by commas, a tail of blank-looking rows.
fn hours_system_roster() -> Case {
    let cols: &[(&str, Option<Field>)] = &[
        ("用户姓名", Some(Name)),
        ("证件号码", Some(IdNumber)),
        ("手机号码", Some(Phone)),
        ("归口单位", Some(Station)),
        ("性别", Some(Gender)),
        ("服务类别", None),
        ("建立时间", Some(RegisteredOn)),
        ("积分", None),
        ("服务时长", Some(CumulativeHours)),
        ("可服务时间", None),
        ("可服务时段", None),
        ("工作单位", None),
        ("专业或特长", None),
    ];
    let mut g = Gen::new(1);
    let n = 2_000;
    let mut rows = vec![headers(cols)];
    for _ in 0..n {
        let gender = g.pick(&["男", "女"]).to_string();
        rows.push(vec![
            g.name(),
            g.id(),
            g.mobile(),
            g.station().into(),
            gender,
            g.pick(&["助老服务,环境保护", "文化服务", "助学支教,卫生整治", "扶贫帮困"]).into(),
            g.date_text(2018),
            format!("{}", g.below(500)),
            format!("{}.{}", g.below(200), g.below(10)),
            g.pick(&["周末", "工作日晚上", "不限"]).into(),
            g.pick(&["上午", "下午", "全天"]).into(),
            g.pick(&["新都区人民医院", "桂湖小学", "个体"]).into(),
            g.pick(&["书法", "医疗", "法律", ""]).into(),
        ]);
    }
    for _ in 0..5 {
        rows.push(row(&[" ", "", "", "", "", "", "", "", "", "", "", "", ""]));
    }
    let file = "志愿者信息导出.xlsx";
    Case {
        name: "hours_system_roster",
        files: vec![(file.into(), xlsx(&[Sheet::new("Sheet1", rows)]))],
        expect: vec![expect(file, "Sheet1", Some(Role::Volunteers), cols, n)],
    }
}

/// The same system's attendance list (one row per person per day) and hours summary.
fn attendance_and_summary() -> Case {
    let att: &[(&str, Option<Field>)] = &[
        ("编号", None),
        ("姓名", Some(Name)),
        ("身份证号码", Some(IdNumber)),
        ("项目主题", Some(ActivityName)),
        ("考勤日", Some(Date)),
        ("请假情况", None),
        ("服务时长", Some(Hours)),
        ("迟到", None),
        ("早退", None),
        ("积分", None),
        ("确认状态", None),
        ("确认人", None),
    ];
    let sum: &[(&str, Option<Field>)] =
        &[("姓名", Some(Name)), ("身份证号码", Some(IdNumber)), ("积分", None), ("服务时长", Some(CumulativeHours))];
    let mut g = Gen::new(2);
    let people: Vec<(String, String)> = (0..40).map(|_| (g.name(), g.id())).collect();
    let mut att_rows = vec![headers(att)];
    for i in 0..300 {
        let (name, id) = &people[g.below(people.len() as u64) as usize];
        att_rows.push(vec![
            format!("{}", i + 1),
            name.clone(),
            id.clone(),
            g.pick(&["关爱空巢老人", "社区环境整治", "四点半课堂"]).into(),
            format!("2019-{:02}-{:02}", 1 + g.below(11), 1 + g.below(28)),
            "否".into(),
            g.hours_text(),
            "否".into(),
            "否".into(),
            format!("{}", g.below(10)),
            "已确认".into(),
            "管理员".into(),
        ]);
    }
    let mut sum_rows = vec![headers(sum)];
    for (name, id) in &people {
        sum_rows.push(vec![name.clone(), id.clone(), format!("{}", g.below(300)), format!("{}.5", g.below(80))]);
    }
    Case {
        name: "attendance_and_summary",
        files: vec![
            ("考勤明细.xlsx".into(), xlsx(&[Sheet::new("考勤", att_rows)])),
            ("时长汇总.xlsx".into(), xlsx(&[Sheet::new("汇总", sum_rows)])),
        ],
        expect: vec![
            expect("考勤明细.xlsx", "考勤", Some(Role::Records), att, 300),
            expect("时长汇总.xlsx", "汇总", Some(Role::Volunteers), sum, 40),
        ],
    }
}

/// Attendance that names the person and the day its own way and gives the time worked as a
/// span in one cell (a GBK CSV with a title row; and one with the date in the span).
fn attendance_spans() -> Case {
    let a: &[(&str, Option<Field>)] = &[
        ("序号", None),
        ("参与人", Some(Name)),
        ("活动日", Some(Date)),
        ("服务时段", Some(TimeSpan)),
        ("活动名称", Some(ActivityName)),
    ];
    let b: &[(&str, Option<Field>)] =
        &[("姓名", Some(Name)), ("手机", Some(Phone)), ("时间", Some(TimeSpan)), ("服务内容", Some(ActivityName))];
    let mut g = Gen::new(3);
    let spans = ["9:00-11:30", "上午9点到11点半", "14:00～16:30", "下午2点-4点", "9:00至12:00"];
    let mut ra = vec![row(&["2019年志愿服务考勤表", "", "", "", ""]), headers(a)];
    for i in 0..60 {
        ra.push(vec![
            format!("{}", i + 1),
            g.name(),
            format!("2019/{}/{}", 1 + g.below(12), 1 + g.below(28)),
            g.pick(&spans).into(),
            g.pick(&["敬老院探访", "交通劝导", "垃圾分类宣传"]).into(),
        ]);
    }
    let mut rb = vec![headers(b)];
    for _ in 0..30 {
        let start = 8 + g.below(8);
        rb.push(vec![
            g.name(),
            g.mobile(),
            format!("2019-{:02}-{:02} {start:02}:00-{:02}:30", 1 + g.below(12), 1 + g.below(28), start + 2),
            g.pick(&["助残服务", "文明劝导"]).into(),
        ]);
    }
    Case {
        name: "attendance_spans",
        files: vec![
            ("考勤表.csv".into(), gbk(&delimited(&ra, ','))),
            ("服务登记.csv".into(), delimited(&rb, ',').into_bytes()),
        ],
        expect: vec![
            expect("考勤表.csv", "", Some(Role::Records), a, 60),
            expect("服务登记.csv", "", Some(Role::Records), b, 30),
        ],
    }
}

/// A shift schedule with start and end times and no hours column (the hours are theirs).
fn schedule_start_end() -> Case {
    let cols: &[(&str, Option<Field>)] = &[
        ("志愿者姓名", Some(Name)),
        ("联系电话", Some(Phone)),
        ("岗位名称", Some(ActivityName)),
        ("排班日期", Some(Date)),
        ("开始时间", Some(Start)),
        ("结束时间", Some(End)),
        ("地点", None),
        ("状态", None),
    ];
    let mut g = Gen::new(4);
    let mut rows = vec![headers(cols)];
    for _ in 0..50 {
        let start = 8 + g.below(9);
        rows.push(vec![
            g.name(),
            g.mobile(),
            g.pick(&["图书整理", "导引"]).into(),
            format!("2019-{:02}-{:02}", 1 + g.below(12), 1 + g.below(28)),
            format!("{start:02}:00"),
            format!("{:02}:30", start + 1 + g.below(3)),
            "图书馆".into(),
            "已完成".into(),
        ]);
    }
    let file = "排班表.xlsx";
    Case {
        name: "schedule_start_end",
        files: vec![(file.into(), xlsx(&[Sheet::new("排班", rows)]))],
        expect: vec![expect(file, "排班", Some(Role::Records), cols, 50)],
    }
}

/// Member lists copied out of web platforms as tab-separated text: login data beside the
/// usual columns, headers combined with a slash.
fn member_lists() -> Case {
    let a: &[(&str, Option<Field>)] = &[
        ("用户名", None),
        ("姓名", Some(Name)),
        ("最后登录", None),
        ("注册日期", Some(RegisteredOn)),
        ("志愿者编号", Some(VolunteerNo)),
        ("电子邮箱", None),
        ("政治面貌", Some(Political)),
        ("民族", None),
        ("国籍", None),
        ("手机/电话", Some(Phone)),
        ("区域", None),
        ("详细地址", None),
    ];
    let b: &[(&str, Option<Field>)] = &[
        ("真实姓名", Some(Name)),
        ("身份证号/护照号", Some(IdNumber)),
        ("所属组织/团体", Some(Station)),
        ("注册时间", Some(RegisteredOn)),
        ("服务时长(小时)", Some(CumulativeHours)),
    ];
    let mut g = Gen::new(5);
    let mut ra = vec![headers(a)];
    for i in 0..80 {
        ra.push(vec![
            format!("user{}", 1000 + i),
            g.name(),
            g.date_text(2019),
            g.date_text(2017),
            format!("3101{:08}", g.below(100_000_000)),
            format!("v{i}@example.org"),
            g.pick(&["中共党员", "共青团员", "群众"]).into(),
            "汉族".into(),
            "中国".into(),
            g.mobile(),
            "徐汇区".into(),
            "某路 1 号".into(),
        ]);
    }
    let mut rb = vec![headers(b)];
    for _ in 0..25 {
        rb.push(vec![g.name(), g.id(), g.station().into(), g.date_text(2018), g.hours_text()]);
    }
    Case {
        name: "member_lists",
        files: vec![
            ("团体成员.txt".into(), delimited(&ra, '\t').into_bytes()),
            ("成员名单.txt".into(), delimited(&rb, '\t').into_bytes()),
        ],
        expect: vec![
            expect("团体成员.txt", "", Some(Role::Volunteers), a, 80),
            expect("成员名单.txt", "", Some(Role::Volunteers), b, 25),
        ],
    }
}

/// The NGO activity log's sheet: a banner, three header rows, 志愿者服务人数及时长统计
/// grouped by 儿童 / 家长 / 大学生 / 老师 / 社会人士 / 合计, each with 人数 and 小时.
pub fn ngo_log_sheet() -> (Sheet, Vec<(String, Option<Field>)>, u64) {
    const GROUP: &str = "志愿者服务人数及时长统计";
    let lead: &[(&str, Option<Field>)] = &[
        ("序号", None),
        ("年份", None),
        ("月份", None),
        ("服务中心", Some(Station)),
        ("项目领域", Some(Theme)),
        ("活动类型", Some(Theme)),
        ("活动日期", Some(Date)),
        ("活动名称", Some(ActivityName)),
        ("受益对象", Some(Theme)),
    ];
    let groups = ["儿童", "家长", "大学生", "老师", "社会人士", "合计"];
    let width = lead.len() + groups.len() * 2 + 1;
    let mut r1 = vec![String::new(); width];
    let mut r2 = vec![String::new(); width];
    let mut r3 = vec![String::new(); width];
    let mut cols: Vec<(String, Option<Field>)> = lead.iter().map(|(h, f)| (h.to_string(), *f)).collect();
    for (i, (h, _)) in lead.iter().enumerate() {
        r1[i] = h.to_string();
    }
    r1[lead.len()] = GROUP.into();
    for (k, grp) in groups.iter().enumerate() {
        let c = lead.len() + 2 * k;
        r2[c] = grp.to_string();
        r3[c] = "人数".into();
        r3[c + 1] = "小时".into();
        let total = *grp == "合计";
        cols.push((format!("{GROUP}/{grp}/人数"), total.then_some(Participants)));
        cols.push((format!("{GROUP}/{grp}/小时"), None));
    }
    r1[width - 1] = "备注".into();
    cols.push(("备注".into(), None));
    let mut banner = vec![String::new(); width];
    banner[0] = "阳光社工服务中心2019年活动统计表".into();
    let mut rows = vec![banner, r1, r2, r3];
    let mut g = Gen::new(6);
    let n = 40u64;
    for i in 0..n {
        let mut r = vec![
            format!("{}", i + 1),
            "2019".into(),
            format!("{}", 1 + i % 12),
            g.pick(&["阳光服务中心", "彩虹服务中心"]).into(),
            g.pick(&["儿童青少年", "长者服务", "残障服务"]).into(),
            g.pick(&["探访", "讲座", "小组活动"]).into(),
            format!("2019-{:02}-{:02}", 1 + i % 12, 1 + g.below(28)),
            g.pick(&["四点半课堂", "重阳敬老", "助残日义卖"]).into(),
            g.pick(&["留守儿童", "空巢老人", "残疾人"]).into(),
        ];
        let mut people = 0;
        let mut hours = 0;
        for _ in 0..5 {
            let p = g.below(6);
            people += p;
            hours += p * 2;
            r.push(format!("{p}"));
            r.push(format!("{}", p * 2));
        }
        r.push(format!("{people}"));
        r.push(format!("{hours}"));
        r.push(String::new());
        rows.push(r);
    }
    let mut merges: Vec<(u32, u16, u32, u16)> = vec![(0, 0, 0, (width - 1) as u16)];
    for i in 0..lead.len() {
        merges.push((1, i as u16, 3, i as u16));
    }
    merges.push((1, lead.len() as u16, 1, (lead.len() + 11) as u16));
    for k in 0..groups.len() {
        let c = (lead.len() + 2 * k) as u16;
        merges.push((2, c, 2, c + 1));
    }
    merges.push((1, (width - 1) as u16, 3, (width - 1) as u16));
    let mut sheet = Sheet::new("活动统计", rows);
    sheet.merges = merges;
    (sheet, cols, n)
}

fn ngo_activity_log() -> Case {
    let (sheet, cols, n) = ngo_log_sheet();
    let file = "2019活动统计.xlsx";
    let columns: Vec<(&str, Option<Field>)> = cols.iter().map(|(h, f)| (h.as_str(), *f)).collect();
    let e = expect(file, "活动统计", Some(Role::Activities), &columns, n);
    Case { name: "ngo_activity_log", files: vec![(file.into(), xlsx(&[sheet]))], expect: vec![e] }
}

/// Rosters of four or five short columns: names only, no ID, phone or dates.
fn names_only() -> Case {
    let a: &[(&str, Option<Field>)] = &[("姓名", Some(Name)), ("学院", Some(Station)), ("专业", None), ("年级", None)];
    let b: &[(&str, Option<Field>)] =
        &[("序号", None), ("姓名", Some(Name)), ("性别", Some(Gender)), ("小区", None), ("备注", None)];
    let mut g = Gen::new(7);
    let mut ra = vec![row(&["2019级青年志愿者名单", "", "", ""]), headers(a)];
    for _ in 0..30 {
        ra.push(vec![
            g.name(),
            g.pick(&["文学院", "理学院"]).into(),
            g.pick(&["汉语言", "数学"]).into(),
            "2019级".into(),
        ]);
    }
    let mut rb = vec![headers(b)];
    for i in 0..12 {
        rb.push(vec![
            format!("{}", i + 1),
            g.name(),
            g.pick(&["男", "女"]).into(),
            g.pick(&["锦苑", "桂园"]).into(),
            String::new(),
        ]);
    }
    Case {
        name: "names_only",
        files: vec![
            ("青年志愿者名单.xlsx".into(), xlsx(&[Sheet::new("名单", ra)])),
            ("楼栋志愿者.xlsx".into(), xlsx(&[Sheet::new("Sheet1", rb)])),
        ],
        expect: vec![
            expect("青年志愿者名单.xlsx", "名单", Some(Role::Volunteers), a, 30),
            expect("楼栋志愿者.xlsx", "Sheet1", Some(Role::Volunteers), b, 12),
        ],
    }
}

/// The participation matrix's activities, with the hours of one session.
pub const MATRIX_ACTIVITIES: usize = 45;

pub fn matrix_activity(i: usize) -> (String, f64) {
    const NAMED: &[(&str, f64)] = &[
        ("流浪狗之家", 3.0),
        ("国际志愿者日", 2.0),
        ("植树节活动", 4.0),
        ("学雷锋日", 2.5),
        ("敬老院探访", 2.0),
        ("图书馆整理", 1.5),
        ("社区义诊", 3.0),
        ("交通文明劝导", 2.0),
    ];
    match NAMED.get(i) {
        Some((n, h)) => (n.to_string(), *h),
        None => (format!("第{}期四点半课堂", i - NAMED.len() + 1), 1.5),
    }
}

/// The counts of the matrix, per volunteer row and activity (0 = blank cell).
pub fn matrix_count(row: usize, activity: usize) -> u32 {
    let x = (row * 31 + activity * 17) % 11;
    match x {
        0 => 2,
        1 | 2 => 1,
        _ => 0,
    }
}

pub const MATRIX_ROWS: usize = 60;

/// A university association's participation matrix (counts stored as text) and its table
/// of activities' hours.
pub fn matrix_files() -> Vec<(String, Vec<u8>)> {
    let mut g = Gen::new(8);
    let mut head = row(&["学院", "编号", "姓名", "专业班级", "学号"]);
    head.extend((0..MATRIX_ACTIVITIES).map(|i| matrix_activity(i).0));
    let mut rows = vec![head];
    for r in 0..MATRIX_ROWS {
        let mut cells = vec![
            g.pick(&["文学院", "理学院"]).to_string(),
            format!("{}", r + 1),
            g.name(),
            g.pick(&["汉语言1班", "数学2班"]).to_string(),
            format!("2019{:04}", r + 1),
        ];
        cells.extend((0..MATRIX_ACTIVITIES).map(|a| match matrix_count(r, a) {
            0 => String::new(),
            n => n.to_string(),
        }));
        rows.push(cells);
    }
    let mut hours = vec![row(&["活动名称", "单次时长", "天数"])];
    for i in 0..MATRIX_ACTIVITIES {
        let (n, h) = matrix_activity(i);
        hours.push(vec![n, format!("{h}"), "1".into()]);
    }
    vec![("青协参与统计.xlsx".into(), xlsx(&[Sheet::new("参与统计", rows), Sheet::new("活动时长", hours)]))]
}

fn participation_matrix() -> Case {
    let mut cols: Vec<(String, Option<Field>)> = [
        ("学院", Some(Station)),
        ("编号", None),
        ("姓名", Some(Name)),
        ("专业班级", None),
        ("学号", Some(VolunteerNo)),
    ]
    .iter()
    .map(|(h, f): &(&str, Option<Field>)| (h.to_string(), *f))
    .collect();
    cols.extend((0..MATRIX_ACTIVITIES).map(|i| (matrix_activity(i).0, None)));
    let file = "青协参与统计.xlsx";
    let columns: Vec<(&str, Option<Field>)> = cols.iter().map(|(h, f)| (h.as_str(), *f)).collect();
    Case {
        name: "participation_matrix",
        files: matrix_files(),
        expect: vec![
            expect(file, "参与统计", Some(Role::Volunteers), &columns, MATRIX_ROWS as u64),
            expect(
                file,
                "活动时长",
                None,
                &[("活动名称", None), ("单次时长", None), ("天数", None)],
                MATRIX_ACTIVITIES as u64,
            ),
        ],
    }
}

/// A workbook of a field list and a monthly summary: no table of people in it.
pub fn unusable_files() -> Vec<(String, Vec<u8>)> {
    let fields = vec![
        row(&["字段", "说明", "示例"]),
        row(&["姓名", "志愿者的真实姓名", "（必填）"]),
        row(&["证件号码", "18 位身份证号", "（必填）"]),
        row(&["手机号码", "11 位", "（选填）"]),
        row(&["所属站点", "社区名称", "（必填）"]),
    ];
    let summary = vec![
        row(&["月份", "活动次数", "参与人数", "服务时长"]),
        row(&["1月", "3", "45", "120"]),
        row(&["2月", "2", "30", "80"]),
        row(&["3月", "4", "52", "150"]),
    ];
    vec![("填报说明与汇总.xlsx".into(), xlsx(&[Sheet::new("字段说明", fields), Sheet::new("月度汇总", summary)]))]
}

fn unusable() -> Case {
    let file = "填报说明与汇总.xlsx";
    Case {
        name: "field_list_and_summary",
        files: unusable_files(),
        expect: vec![
            // a field list has no header we know: its first column is what headers are made of
            expect(file, "字段说明", None, &[], 0),
            expect(
                file,
                "月度汇总",
                None,
                &[("月份", None), ("活动次数", None), ("参与人数", None), ("服务时长", None)],
                0,
            ),
        ],
    }
}

/// Header sets of the national system's team tables and of open-source volunteer systems
/// (`/work/research/real_headers.md` P3, P4, S4, S6, S13, S15), and traditional characters.
fn platform_tables() -> Case {
    let mut g = Gen::new(9);
    let mut files = Vec::new();
    let mut expects = Vec::new();
    let mut add = |file: &str,
                   title: Option<&str>,
                   cols: &[(&str, Option<Field>)],
                   role: Role,
                   rows: Vec<Vec<String>>| {
        let mut all = Vec::new();
        if let Some(t) = title {
            all.push(row(&[t]));
        }
        all.push(headers(cols));
        let n = rows.len() as u64;
        all.extend(rows);
        let bytes =
            if file.ends_with(".csv") { delimited(&all, ',').into_bytes() } else { xlsx(&[Sheet::new("Sheet1", all)]) };
        let sheet = if file.ends_with(".csv") { "" } else { "Sheet1" };
        files.push((file.to_string(), bytes));
        expects.push(expect(file, sheet, Some(role), cols, n));
    };
    let nvsi_hours: &[(&str, Option<Field>)] = &[
        ("序号", None),
        ("项目名称", Some(ActivityName)),
        ("队伍名称", Some(Station)),
        ("志愿者姓名", Some(Name)),
        ("服务时间", Some(Date)),
        ("录入时长", Some(Hours)),
        ("录入方式", None),
        ("录入日期", None),
    ];
    let rows = (0..20)
        .map(|i| {
            vec![
                format!("{}", i + 1),
                "邻里守望".into(),
                g.station().into(),
                g.name(),
                format!("2019-{:02}-{:02}", 1 + g.below(12), 1 + g.below(28)),
                format!("{}小时", 1 + g.below(4)),
                "手动录入".into(),
                "2019-12-20".into(),
            ]
        })
        .collect();
    add("服务时长表.xlsx", None, nvsi_hours, Role::Records, rows);
    let nvsi_roster: &[(&str, Option<Field>)] = &[
        ("序号", None),
        ("志愿者姓名", Some(Name)),
        ("性别", Some(Gender)),
        ("服务区域", None),
        ("手机号码", Some(Phone)),
        ("总服务时长", Some(CumulativeHours)),
        ("操作", None),
    ];
    let rows = (0..15)
        .map(|i| {
            vec![
                format!("{}", i + 1),
                g.name(),
                "女".into(),
                "新都区".into(),
                g.mobile(),
                format!("{} 小时", g.below(90)),
                "详情".into(),
            ]
        })
        .collect();
    add("队伍志愿者.xlsx", None, nvsi_roster, Role::Volunteers, rows);
    let huamingce: &[(&str, Option<Field>)] = &[
        ("序号", None),
        ("姓名", Some(Name)),
        ("性别", Some(Gender)),
        ("所属村", Some(Station)),
        ("志愿者编号", Some(VolunteerNo)),
        ("服务类别", None),
        ("服务时长", Some(CumulativeHours)),
        ("联系电话", Some(Phone)),
        ("加入时间", Some(RegisteredOn)),
    ];
    let rows = (0..15)
        .map(|i| {
            vec![
                format!("{}", i + 1),
                g.name(),
                "男".into(),
                "正因村".into(),
                format!("V{:05}", g.below(99_999)),
                "理论宣讲".into(),
                g.hours_text(),
                g.mobile(),
                g.date_text(2020),
            ]
        })
        .collect();
    add("志愿者花名册.xlsx", Some("新时代文明实践站志愿者花名册"), huamingce, Role::Volunteers, rows);
    let archive: &[(&str, Option<Field>)] = &[
        ("账号", None),
        ("真实姓名", Some(Name)),
        ("审核状态", None),
        ("累计服务分钟数", Some(CumulativeHours)),
        ("创建时间", Some(RegisteredOn)),
    ];
    let rows = (0..15)
        .map(|i| vec![format!("u{i}"), g.name(), "通过".into(), format!("{}", 60 * g.below(40)), g.date_text(2021)])
        .collect();
    add("志愿者档案.xlsx", None, archive, Role::Volunteers, rows);
    let campus: &[(&str, Option<Field>)] = &[
        ("学号", Some(VolunteerNo)),
        ("姓名", Some(Name)),
        ("志愿名称", Some(ActivityName)),
        ("志愿时间", Some(Date)),
        ("志愿时长", Some(Hours)),
        ("备注", None),
    ];
    let rows = (0..20)
        .map(|i| {
            vec![format!("2019{i:04}"), g.name(), "迎新引导".into(), g.date_text(2019), g.hours_text(), String::new()]
        })
        .collect();
    add("志愿时长导入.xlsx", None, campus, Role::Records, rows);
    let wechat: &[(&str, Option<Field>)] = &[
        ("序号", None),
        ("姓名", Some(Name)),
        ("联系方式（电话号码）", Some(Phone)),
        ("志愿时长", Some(CumulativeHours)),
        ("志愿备注", None),
    ];
    let rows =
        (0..10).map(|i| vec![format!("{}", i + 1), g.name(), g.mobile(), g.hours_text(), String::new()]).collect();
    add("活动报名导出.xlsx", Some("2019年重阳节敬老活动"), wechat, Role::Volunteers, rows);
    let audit: &[(&str, Option<Field>)] = &[
        ("发起申请时间", None),
        ("志愿者姓名", Some(Name)),
        ("所属项目", Some(ActivityName)),
        ("岗位", None),
        ("开始时间", Some(Start)),
        ("结束时间", Some(End)),
        ("服务时长", Some(Hours)),
        ("备注", None),
    ];
    let rows = (0..12)
        .map(|_| {
            let (m, d, h) = (1 + g.below(12), 1 + g.below(28), 8 + g.below(8));
            vec![
                format!("2019-{m:02}-{d:02} 20:00:00"),
                g.name(),
                "文明交通".into(),
                "劝导员".into(),
                format!("2019-{m:02}-{d:02} {h:02}:00:00"),
                format!("2019-{m:02}-{d:02} {:02}:00:00", h + 2),
                "2".into(),
                String::new(),
            ]
        })
        .collect();
    add("时长审核.xlsx", None, audit, Role::Records, rows);
    let traditional: &[(&str, Option<Field>)] = &[
        ("誌願者編號", Some(VolunteerNo)),
        ("姓名", Some(Name)),
        ("身份證號碼", Some(IdNumber)),
        ("聯絡電話", Some(Phone)),
        ("服務日期", Some(Date)),
        ("服務時數", Some(Hours)),
    ];
    let rows = (0..10)
        .map(|i| vec![format!("H{i:04}"), g.name(), g.id(), g.mobile(), g.date_text(2019), g.hours_text()])
        .collect();
    add("服務紀錄.csv", None, traditional, Role::Records, rows);
    Case { name: "platform_tables", files, expect: expects }
}

/// Shapes a review of the rules found misread (`/work/research` notes, review of issue 18):
/// a record sheet whose date column is an activity's, a service recipient's ID beside the
/// volunteer's name, a banner of `key：value` cells above a roster, login dates on a member
/// list, an empty optional date column on a roster, participants split by group with a total.
fn review_shapes() -> Case {
    let mut g = Gen::new(10);
    let mut files = Vec::new();
    let mut expects = Vec::new();
    let dated: &[(&str, Option<Field>)] = &[
        ("姓名", Some(Name)),
        ("身份证号码", Some(IdNumber)),
        ("活动名称", Some(ActivityName)),
        ("活动日期", Some(Date)),
        ("服务时长", Some(Hours)),
    ];
    let mut rows = vec![headers(dated)];
    for _ in 0..20 {
        rows.push(vec![
            g.name(),
            g.id(),
            "关爱空巢老人".into(),
            format!("2019-{:02}-{:02}", 1 + g.below(12), 1 + g.below(28)),
            g.hours_text(),
        ]);
    }
    files.push(("活动服务记录.xlsx".to_string(), xlsx(&[Sheet::new("Sheet1", rows)])));
    expects.push(expect("活动服务记录.xlsx", "Sheet1", Some(Role::Records), dated, 20));
    let visits: &[(&str, Option<Field>)] = &[
        ("序号", None),
        ("志愿者姓名", Some(Name)),
        ("服务对象", None),
        ("服务对象身份证号", None),
        ("服务日期", Some(Date)),
        ("服务时长", Some(Hours)),
    ];
    let mut rows = vec![headers(visits)];
    for i in 0..20 {
        rows.push(vec![
            format!("{}", i + 1),
            g.name(),
            g.name(),
            g.id(),
            format!("2019-{:02}-{:02}", 1 + g.below(12), 1 + g.below(28)),
            g.hours_text(),
        ]);
    }
    files.push(("探访记录.xlsx".to_string(), xlsx(&[Sheet::new("Sheet1", rows)])));
    expects.push(expect("探访记录.xlsx", "Sheet1", Some(Role::Records), visits, 20));
    let roster: &[(&str, Option<Field>)] = &[
        ("序号", None),
        ("姓名", Some(Name)),
        ("性别", Some(Gender)),
        ("身份证号", Some(IdNumber)),
        ("所属社区", Some(Station)),
    ];
    let mut rows = vec![row(&["填表人：张三", "联系电话：13800000000", "所属社区：新桥", "", ""]), headers(roster)];
    for i in 0..15 {
        rows.push(vec![format!("{}", i + 1), g.name(), "女".into(), g.id(), "新桥社区".into()]);
    }
    files.push(("新桥名册.xlsx".to_string(), xlsx(&[Sheet::new("Sheet1", rows)])));
    expects.push(expect("新桥名册.xlsx", "Sheet1", Some(Role::Volunteers), roster, 15));
    let members: &[(&str, Option<Field>)] =
        &[("用户名", None), ("姓名", Some(Name)), ("手机号", Some(Phone)), ("最后登录", None)];
    let mut rows = vec![headers(members)];
    for i in 0..15 {
        rows.push(vec![format!("u{i}"), g.name(), g.mobile(), g.date_text(2019)]);
    }
    files.push(("成员.txt".to_string(), delimited(&rows, '\t').into_bytes()));
    expects.push(expect("成员.txt", "", Some(Role::Volunteers), members, 15));
    let optional: &[(&str, Option<Field>)] =
        &[("姓名", Some(Name)), ("证件号码", Some(IdNumber)), ("服务时间", None), ("服务时长", Some(CumulativeHours))];
    let mut rows = vec![headers(optional)];
    for _ in 0..15 {
        rows.push(vec![g.name(), g.id(), String::new(), g.hours_text()]);
    }
    files.push(("时长名册.xlsx".to_string(), xlsx(&[Sheet::new("Sheet1", rows)])));
    expects.push(expect("时长名册.xlsx", "Sheet1", Some(Role::Volunteers), optional, 15));
    let mut rows = vec![row(&["活动名称", "活动日期", "参与人数", "", ""]), row(&["", "", "学生", "教师", "合计"])];
    for _ in 0..10 {
        let (a, b) = (g.below(20), g.below(5));
        rows.push(vec![
            "社区义诊".into(),
            format!("2019-{:02}-{:02}", 1 + g.below(12), 1 + g.below(28)),
            a.to_string(),
            b.to_string(),
            (a + b).to_string(),
        ]);
    }
    let mut sheet = Sheet::new("活动", rows);
    sheet.merges = vec![(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4)];
    files.push(("活动台账.xlsx".to_string(), xlsx(&[sheet])));
    let split: &[(&str, Option<Field>)] = &[
        ("活动名称", Some(ActivityName)),
        ("活动日期", Some(Date)),
        ("参与人数/学生", None),
        ("参与人数/教师", None),
        ("参与人数/合计", Some(Participants)),
    ];
    expects.push(expect("活动台账.xlsx", "活动", Some(Role::Activities), split, 10));
    Case { name: "review_shapes", files, expect: expects }
}

/// Every case of the corpus.
pub fn all() -> Vec<Case> {
    vec![
        hours_system_roster(),
        attendance_and_summary(),
        attendance_spans(),
        schedule_start_end(),
        member_lists(),
        ngo_activity_log(),
        names_only(),
        participation_matrix(),
        unusable(),
        platform_tables(),
        review_shapes(),
    ]
}
