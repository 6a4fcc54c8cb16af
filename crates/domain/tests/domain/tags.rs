//! Tags of activities (indicators.md §3): cell splitting, matching with full-width text,
//! inference from the activity name, false friends, holiday suggestions, activity keys.

use crate::support::d;
use scorecard_domain::builder::{ActivitySpec, TablesBuilder};
use scorecard_domain::calendar::holidays;
use scorecard_domain::tags::{
    activity_key, default_teams, default_themes, holiday_dict, holiday_named, near_holiday, split_cell, tag_activity,
    ActivityTags, TagDict,
};

/// Tag names of a match list, for readable assertions.
fn names(dict: &TagDict, idx: &[usize]) -> Vec<String> {
    idx.iter().map(|&i| dict.tags[i].name.clone()).collect()
}

#[test]
fn cells_split_on_every_listed_separator_half_and_full_width() {
    let table: [(&str, &[&str]); 7] = [
        ("关爱空巢老人、党员；文明交通", &["关爱空巢老人", "党员", "文明交通"]),
        ("a,b，c;d；e/f／g h\u{3000}i\tj", &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]),
        ("  文明旅游  ", &["文明旅游"]),
        ("、、，", &[]),
        ("", &[]),
        ("党员 , 、 助残", &["党员", "助残"]),
        ("关爱残疾人\n文明上网", &["关爱残疾人", "文明上网"]),
    ];
    for (cell, want) in table {
        assert_eq!(split_cell(cell), want, "{cell:?}");
    }
}

/// One row: the activity's cells and the tags expected (as names) with their flags.
struct Case {
    name: &'static str,
    theme: &'static str,
    team: &'static str,
    holiday: &'static str,
    themes: &'static [&'static str],
    themes_inferred: bool,
    teams: &'static [&'static str],
    teams_inferred: bool,
    holidays: &'static [&'static str],
    holiday_from_name: bool,
}

const BLANK: Case = Case {
    name: "",
    theme: "",
    team: "",
    holiday: "",
    themes: &[],
    themes_inferred: false,
    teams: &[],
    teams_inferred: false,
    holidays: &[],
    holiday_from_name: false,
};

fn check(c: &Case) {
    let mut b = TablesBuilder::new();
    b.activity(ActivitySpec {
        name: c.name,
        date: Some(d(2017, 6, 12)),
        station: "新桥社区",
        theme: c.theme,
        team: c.team,
        holiday: c.holiday,
        ..Default::default()
    });
    let t = b.finish();
    let (themes, teams, hols) = (default_themes(), default_teams(), holiday_dict());
    let got = tag_activity(&t, &t.activities[0], &themes, &teams, &hols);
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let have = (
        (names(&themes, &got.themes), got.themes_inferred),
        (names(&teams, &got.teams), got.teams_inferred),
        (names(&hols, &got.holidays), got.holiday_from_name),
    );
    let want = (
        (owned(c.themes), c.themes_inferred),
        (owned(c.teams), c.teams_inferred),
        (owned(c.holidays), c.holiday_from_name),
    );
    assert_eq!(have, want, "{}", c.name);
}

#[test]
fn cells_win_and_the_name_is_used_only_where_a_cell_is_empty() {
    let cases = [
        // all from the cells, several per cell with full-width separators
        Case {
            name: "端午节包粽子慰问空巢老人",
            theme: "关爱空巢老人，党员志愿服务",
            team: "社工／医疗卫生",
            holiday: "端午节",
            themes: &["关爱空巢老人", "党员志愿服务"],
            teams: &["医疗卫生", "社工"],
            holidays: &["端午节"],
            ..BLANK
        },
        // empty cells: everything inferred from the name, and marked so
        Case {
            name: "重阳节义诊慰问孤寡老人",
            themes: &["关爱空巢老人"],
            themes_inferred: true,
            teams: &["医疗卫生"],
            teams_inferred: true,
            holidays: &["重阳节"],
            holiday_from_name: true,
            ..BLANK
        },
        // a filled cell that names nothing known is not overridden by the name
        Case { name: "关爱空巢老人", theme: "其他", team: "志愿者", ..BLANK },
        // 节庆日 says 无: the name still names a holiday (cell OR name, §3)
        Case {
            name: "中秋国庆联欢", holiday: "无", holidays: &["中秋节", "国庆节"], holiday_from_name: true, ..BLANK
        },
        // the 节庆日 cell wins over the name
        Case { name: "中秋联欢", holiday: "国庆", holidays: &["国庆节"], ..BLANK },
        // aliases and full-width digits
        Case {
            name: "“１１９”消防宣传进社区",
            teams: &["消防"],
            teams_inferred: true,
            holidays: &["全国消防宣传日"],
            holiday_from_name: true,
            ..BLANK
        },
        // nothing anywhere
        Case { name: "社区大扫除", ..BLANK },
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn false_friends_and_overlaps_between_dictionaries() {
    let cases = [
        // 党员 (theme alias) inside 党员志愿服务: right.
        Case { name: "党员志愿服务进小区", themes: &["党员志愿服务"], themes_inferred: true, ..BLANK },
        // 残疾人 theme and 世界残疾人日 holiday both match: fine, different dictionaries.
        Case {
            name: "世界残疾人日助残活动",
            themes: &["关爱残疾人"],
            themes_inferred: true,
            holidays: &["世界残疾人日"],
            holiday_from_name: true,
            ..BLANK
        },
        // 交通 team and 文明交通 theme: fine, different dictionaries.
        Case {
            name: "文明交通劝导",
            themes: &["文明交通"],
            themes_inferred: true,
            teams: &["交通"],
            teams_inferred: true,
            ..BLANK
        },
        // 志愿者日常 is not 国际志愿者日 …
        Case { name: "社区志愿者日常巡逻", ..BLANK },
        // … but the day itself still counts next to it.
        Case {
            name: "志愿者日常巡逻暨国际志愿者日表彰",
            holidays: &["国际志愿者日"],
            holiday_from_name: true,
            ..BLANK
        },
        // 环境卫生 is street cleaning, not the 医疗卫生 team; 健康 still is.
        Case { name: "环境卫生整治", ..BLANK },
        Case { name: "环境卫生与健康讲座", teams: &["医疗卫生"], teams_inferred: true, ..BLANK },
        // 植树 is a team alias, not the 植树节 holiday (which needs its full name).
        Case { name: "植树护绿", teams: &["环保"], teams_inferred: true, ..BLANK },
        Case {
            name: "植树节义务植树",
            teams: &["环保"],
            teams_inferred: true,
            holidays: &["植树节"],
            holiday_from_name: true,
            ..BLANK
        },
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn unmatched_cell_pieces_are_listed_for_findings() {
    let themes = default_themes();
    assert_eq!(themes.unmatched("关爱空巢老人、敬老，其他"), vec!["敬老", "其他"]);
    assert!(themes.unmatched("党员；文明交通").is_empty());
    assert!(themes.unmatched("").is_empty());
}

#[test]
fn holiday_named_reads_left_to_right() {
    let dict = holiday_dict();
    let name = |text: &str| holiday_named(text, &dict).map(|i| dict.tags[i].name.clone());
    assert_eq!(name("中秋国庆双节慰问"), Some("中秋节".into()));
    assert_eq!(name("喜迎国庆 共度中秋"), Some("国庆节".into()));
    assert_eq!(name("迎新春送春联"), Some("春节".into()));
    assert_eq!(name("清明祭英烈"), Some("清明节".into()));
    assert_eq!(name("七一建党节"), Some("建党纪念日".into()));
    assert_eq!(name("敬老院义诊"), None);
}

#[test]
fn a_holiday_within_three_days_is_suggested_the_nearest_one() {
    let year = holidays(2017);
    let near = |date| near_holiday(date, &year, 3).map(|h| h.name);
    // (date, suggestion): 2017 has 国庆 10-1, 中秋 10-4, 宪法日 12-4, 志愿者日 12-5,
    // 公祭日 12-13, 端午 5-30, 儿童节 6-1.
    let table = [
        (d(2017, 10, 2), Some("国庆节")),       // 1 day after 国庆, 2 before 中秋
        (d(2017, 10, 3), Some("中秋节")),       // 2 after 国庆, 1 before 中秋
        (d(2017, 12, 4), Some("国家宪法日")),   // on the day
        (d(2017, 12, 8), Some("国际志愿者日")), // exactly 3 days
        (d(2017, 12, 9), None),                 // 4 days from both 12-5 and 12-13
        (d(2017, 5, 31), Some("端午节")),       // tie between 5-30 and 6-1: the earlier
        (d(2017, 8, 15), None),
    ];
    for (date, want) in table {
        assert_eq!(near(date), want, "{date}");
    }
    assert_eq!(near_holiday(d(2017, 10, 1), &year, -1), None);
    assert_eq!(near_holiday(d(2017, 10, 1), &[], 3), None);
}

#[test]
fn activity_key_is_station_date_name() {
    let mut b = TablesBuilder::new();
    b.activity(ActivitySpec {
        name: " 端午包粽子 ",
        date: Some(d(2017, 5, 30)),
        station: "新桥社区",
        ..Default::default()
    });
    b.activity(ActivitySpec { name: "端午包粽子", date: None, station: "新桥社区", ..Default::default() });
    b.activity(ActivitySpec { name: "", date: None, station: "", ..Default::default() });
    let t = b.finish();
    let keys: Vec<String> = t.activities.iter().map(|a| activity_key(&t, a)).collect();
    assert_eq!(keys, vec!["新桥社区|2017-05-30|端午包粽子", "新桥社区||端午包粽子", "||"]);
}

#[test]
fn activity_tags_serialise_for_the_draft() {
    let tags = ActivityTags { themes: vec![0, 4], themes_inferred: true, ..Default::default() };
    let back: ActivityTags = serde_json::from_str(&serde_json::to_string(&tags).unwrap()).unwrap();
    assert_eq!(back, tags);
}
