//! 新都2017: Chengdu Xindu district's 2017 plan. 镇(街道) indicators from 附件2 (and the
//! body text 二(二)2 for the "four haves"), 区级部门 indicators from 二(一) and 附件1.

use crate::context::Level;
use crate::profile::builtin::*;
use crate::profile::share::Share;

const DOC: &str = "新都2017";

/// Themes of 附件2 工作要求3, with the aliases of indicators.md §3.
pub(super) fn themes() -> Vec<TagEntry> {
    vec![
        tag("关爱空巢老人", "Caring for empty-nest elderly", &["空巢", "独居老人", "孤寡老人", "高龄老人"]),
        tag("关爱留守儿童", "Caring for left-behind children", &["留守儿童", "困境儿童", "四点半课堂"]),
        tag("关爱困难职工", "Caring for workers in hardship", &["困难职工", "农民工"]),
        tag("关爱残疾人", "Caring for people with disabilities", &["残疾人", "助残", "残障"]),
        tag("党员志愿服务", "Party members' service", &["党员"]),
        tag("文明旅游", "Civilised tourism", &[]),
        tag("文明交通", "Civilised traffic", &["交通劝导", "礼让斑马线", "文明出行"]),
        tag("文明上网", "Civilised internet use", &["网络文明"]),
    ]
}

/// Professional team kinds of 附件2 工作要求4 and 附件4.
pub(super) fn teams() -> Vec<TagEntry> {
    vec![
        tag("教育", "Education", &[]),
        tag("文体", "Culture and sports", &["文化", "体育", "文艺"]),
        tag("科技", "Science", &["科普"]),
        tag("医疗卫生", "Health", &["义诊", "医疗", "卫生", "健康"]),
        tag("法律", "Law", &["普法", "法律援助"]),
        tag("消防", "Fire safety", &[]),
        tag("环保", "Environment", &["垃圾分类", "植树", "护绿"]),
        tag("社工", "Social work", &[]),
        tag("交通", "Traffic", &[]),
        tag("财务", "Finance", &[]),
        tag("慈善捐助", "Charity", &["慈善", "捐助"]),
    ]
}

fn theme_min(list: &[(&str, u32)]) -> Vec<ThemeMin> {
    list.iter().map(|(t, n)| ThemeMin { theme: t.to_string(), min: *n }).collect()
}

fn record_share() -> (Source, Rule) {
    (
        src(DOC, "附件2 志愿服务信息化 2", "实现有志愿服务活动记录的注册志愿者人数占注册志愿者总人数的比例≥70%"),
        Rule::RecordShare { min: Share::percent(70) },
    )
}

fn hours_per_head() -> (Source, Rule) {
    (
        src(DOC, "附件2 志愿服务信息化 3", "注册志愿者每年人均参加志愿服务活动的时间≥25个小时"),
        Rule::HoursPerHead { hours: 25.0 },
    )
}

/// 新都2017 镇(街道) — the default profile.
pub(super) fn town() -> Profile {
    use PeriodKind as P;
    use Scope::*;
    let (x2_src, x2) = record_share();
    let (x3_src, x3) = hours_per_head();
    let mut x11 = ind(
        "X11",
        "激励回馈",
        "Incentive scheme",
        src(
            DOC,
            "附件2 志愿服务制度化 具体要求3",
            "各镇(街道)要探索对志愿者的激励回馈机制，在各方面为志愿者提供制度保障……(此项属于加分项)",
        ),
        P::None,
        Whole,
        Rule::Checklist { items: items(&[("激励回馈", "Incentive and reward scheme in place")]) },
    );
    x11.bonus = true;
    Profile {
        id: "xindu2017-town".into(),
        name_zh: "新都2017 镇(街道)".into(),
        name_en: "Xindu 2017 — town / subdistrict".into(),
        based_on: None,
        theme_ignore: vec![],
        team_ignore: strings(&crate::tags::defaults::TEAM_IGNORE),
        level: Level::Town,
        document: DOC.into(),
        themes: themes(),
        teams: teams(),
        indicators: vec![
            ind(
                "X1",
                "注册率",
                "Registered share of residents",
                src(DOC, "附件2 志愿服务信息化 1", "注册志愿者人数占城市建成区常住人口比例≥13%"),
                P::None,
                Whole,
                Rule::RegisteredShare { of: Denominator::Population, min: Share::percent(13) },
            ),
            ind("X2", "有记录率", "Share with service records", x2_src, P::None, Whole, x2),
            ind("X3", "年人均时长", "Hours per registered volunteer", x3_src, P::Year, Whole, x3),
            ind(
                "X4",
                "季度培训",
                "Station training each quarter",
                src(
                    DOC,
                    "附件2 志愿服务制度化 具体要求1",
                    "社区(村)志愿服务站每季度举办志愿服务培训不少于1次(可几个社区联合开展培训)",
                ),
                P::Quarter,
                PerStation,
                Rule::TrainingsPerPeriod { min: 1, filter: vec![] },
            ),
            ind(
                "X5",
                "月度活动",
                "Station activities each month",
                src(DOC, "附件2 志愿服务社区化 具体要求2", "社区志愿服务站每月开展志愿服务活动不少于2次"),
                P::Month,
                PerStation,
                Rule::ActivitiesPerPeriod { min: 2, day_of_month: None },
            ),
            ind(
                "X6",
                "主题覆盖",
                "Theme coverage",
                src(
                    DOC,
                    "附件2 志愿服务社区化 具体要求2；工作要求3",
                    "全年实现关爱空巢老人、留守儿童、困难职工、残疾人志愿服务活动、党员志愿服务活动志愿服务活动主题全覆盖至少2次；文明旅游、文明交通、文明上网活动主题全覆盖至少1",
                ),
                P::Year,
                PerStation,
                Rule::ThemeCoverage {
                    themes: theme_min(&[
                        ("关爱空巢老人", 2),
                        ("关爱留守儿童", 2),
                        ("关爱困难职工", 2),
                        ("关爱残疾人", 2),
                        ("党员志愿服务", 2),
                        ("文明旅游", 1),
                        ("文明交通", 1),
                        ("文明上网", 1),
                    ]),
                },
            ),
            ind(
                "X7",
                "专业队伍",
                "Professional teams",
                src(
                    DOC,
                    "附件2 志愿服务社区化 具体要求2；工作要求4",
                    "进社区开展志愿服务活动的专业志愿服务队伍不少于6类",
                ),
                P::Year,
                Whole,
                Rule::DistinctTeams { min: 6 },
            ),
            ind(
                "X8",
                "节庆日活动",
                "Holiday activities",
                src(DOC, "附件2 志愿服务社区化 具体要求3；工作要求5", "节庆日主题志愿服务活动全年开展不少于10次"),
                P::Year,
                Whole,
                Rule::HolidayActivities { min: 10 },
            ),
            ind(
                "X9",
                "活动材料",
                "Activity materials",
                src(
                    DOC,
                    "附件2 志愿服务社区化 具体要求1",
                    "所有志愿服务活动做到有计划、安排、有记录、有简报、有图片",
                ),
                P::None,
                Whole,
                Rule::Materials,
            ),
            ind(
                "X10",
                "站点四有",
                "Station \"four haves\"",
                src(DOC, "二(二)2", "完善社区(村)志愿服务站点建设……做到有队伍、有方案、有记录、有宣传"),
                P::None,
                PerStation,
                Rule::Checklist {
                    items: items(&[
                        ("有队伍", "Has a volunteer team"),
                        ("有方案", "Has a service plan"),
                        ("有记录", "Keeps records"),
                        ("有宣传", "Does publicity"),
                    ]),
                },
            ),
            x11,
        ],
    }
}

/// 新都2017 区级部门.
pub(super) fn dept() -> Profile {
    use PeriodKind as P;
    use Scope::*;
    let (_, x2) = record_share();
    let (_, x3) = hours_per_head();
    Profile {
        id: "xindu2017-dept".into(),
        name_zh: "新都2017 区级部门".into(),
        name_en: "Xindu 2017 — district department".into(),
        based_on: None,
        theme_ignore: vec![],
        team_ignore: vec![],
        level: Level::Department,
        document: DOC.into(),
        themes: vec![],
        teams: vec![],
        indicators: vec![
            ind(
                "D1",
                "职工注册率",
                "Staff registered",
                src(DOC, "二(一)1", "区级各部门注册志愿者比例需占职工总数90%"),
                P::None,
                Whole,
                Rule::RegisteredShare { of: Denominator::Staff, min: Share::percent(90) },
            ),
            ind(
                "D2",
                "党员服务时长",
                "Party members' hours",
                src(
                    DOC,
                    "附件1 加强志愿服务队伍建设与志愿者培训管理",
                    "建议将党员志愿者每年参加志愿服务活动不少于25小时纳入党员民主测评考核内容",
                ),
                P::Year,
                Whole,
                Rule::HeadsReachingHours { hours: 25.0, min: Share::percent(100), group: Group::PartyMembers },
            ),
            ind(
                "D3",
                "专业培训",
                "Professional training each quarter",
                src(
                    DOC,
                    "附件1 加强志愿服务队伍建设与志愿者培训管理",
                    "开展教育、科技、消防、社工、慈善、法律、环保、交通、文体、医疗卫生、财务等专业志愿服务培训，每季度不少于1次",
                ),
                P::Quarter,
                Whole,
                Rule::TrainingsPerPeriod {
                    min: 1,
                    filter: strings(&[
                        "专业", "教育", "科技", "科普", "消防", "社工", "慈善", "法律", "环保", "交通", "文体", "文化",
                        "体育", "医疗", "卫生", "财务",
                    ]),
                },
            ),
            ind(
                "D4",
                "记录率与人均时长",
                "Record share and hours per head",
                src(
                    DOC,
                    "附件1 规范志愿服务全程记录",
                    "实现有志愿服务活动记录的注册志愿者人数占注册志愿者总人数的比例≥70%，注册志愿者每年人均参加志愿服务活动的时间≥25个小时",
                ),
                P::Year,
                Whole,
                Rule::AllOf {
                    parts: vec![
                        Part {
                            id: "D4.1".into(),
                            label_zh: "有记录率".into(),
                            label_en: "Share with service records".into(),
                            period: P::None,
                            rule: x2,
                        },
                        Part {
                            id: "D4.2".into(),
                            label_zh: "年人均时长".into(),
                            label_en: "Hours per registered volunteer".into(),
                            period: P::Year,
                            rule: x3,
                        },
                    ],
                },
            ),
        ],
    }
}
