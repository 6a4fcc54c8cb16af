//! The built-in profiles as tables: every id of indicators.md §5 present, every number
//! the catalogue's, every source clause citing words that really are in the document,
//! the dictionaries, JSON export/import and validation of hand-edited profiles.

use chrono::NaiveDate;
use scorecard_domain::builder::{TablesBuilder, VolunteerSpec};
use scorecard_domain::profile::*;
use scorecard_domain::score::checklist_items::checklist_items;
use scorecard_domain::{Context, Severity};
use std::collections::BTreeSet;

/// indicators.md §5, in order.
const CATALOGUE: [(&str, &[&str]); 6] = [
    ("xindu2017-town", &["X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X9", "X10", "X11"]),
    ("xindu2017-dept", &["D1", "D2", "D3", "D4"]),
    ("civilised-city", &["C1", "C2", "C3", "C4", "C5"]),
    ("town2021", &["T1", "T2", "T3", "T4"]),
    ("guangan2015", &["G1", "G2", "G3"]),
    ("meilie2017", &["M1", "M2", "M3"]),
];

/// Each indicator's rule in one line, from the catalogue: kind, parameters, period, scope, bonus.
const RULES: [(&str, &str); 30] = [
    ("X1", "registered_share population 13% | none whole"),
    ("X2", "record_share 70% | none whole"),
    ("X3", "hours_per_head 25h | year whole"),
    ("X4", "trainings_per_period ≥1 [] | quarter per_station"),
    ("X5", "activities_per_period ≥2 | month per_station"),
    (
        "X6",
        "theme_coverage 关爱空巢老人≥2 关爱留守儿童≥2 关爱困难职工≥2 关爱残疾人≥2 党员志愿服务≥2 文明旅游≥1 文明交通≥1 文明上网≥1 | year per_station",
    ),
    ("X7", "distinct_teams ≥6 | year whole"),
    ("X8", "holiday_activities ≥10 | year whole"),
    ("X9", "materials | none whole"),
    ("X10", "checklist 有队伍 有方案 有记录 有宣传 | none per_station"),
    ("X11", "checklist 激励回馈 | none whole bonus"),
    ("D1", "registered_share staff 90% | none whole"),
    ("D2", "heads_reaching_hours 25h 100% party_members | year whole"),
    (
        "D3",
        "trainings_per_period ≥1 [专业 教育 科技 科普 消防 社工 慈善 法律 环保 交通 文体 文化 体育 医疗 卫生 财务] | quarter whole",
    ),
    ("D4", "all_of D4.1:record_share 70% D4.2:hours_per_head 25h | year whole"),
    ("C1", "registered_share population 10% | none whole"),
    (
        "C2",
        "unit_registered_share party_government:60%/staff people_organisation:60%/staff enterprise:50%/staff \
            civilised_unit:70%/staff school:70%/staff college:70%/staff civilised_village:15%/population | none whole",
    ),
    ("C3", "heads_reaching_hours 20h 100% registered | year whole"),
    ("C4", "checklist 管理制度 专用场所 志愿者队伍 台账 固定服务项目 明显标识 | none whole"),
    ("C5", "checklist 有组织 有人员 有服务场所(对象) 有活动 有制度 | none whole"),
    (
        "T1",
        "teams_per_period ≥1 红色党员先锋服务队 绿色产业技术服务队 蓝色法律援助服务队 黄色文明新风服务队 橙色文化文艺服务队 金色科教文卫服务队 紫色扶贫帮困服务队 | month whole",
    ),
    ("T2", "activities_per_period ≥1 day5 | month whole"),
    ("T3", "party_record_share 80% | none whole"),
    ("T4", "participant_share population 13% | none whole"),
    (
        "G1",
        "theme_calendar 1,2:暖冬行 3:公民道德 4:文明交通 5:文明旅游+助残 6:环保 7:党员 8:文化 9:助学 10:敬老 11:社区志愿服务 12:展示交流 | month whole",
    ),
    ("G2", "checklist | month whole"),
    ("G3", "checklist | none per_station"),
    (
        "M1",
        "theme_coverage 空巢老人≥1 留守儿童≥1 困难职工≥1 残疾人≥1 公共文化设施≥1 文明旅游≥1 专业服务进社区≥1 大型活动≥1 便民利民≥1 网络文明传播≥1 社会秩序≥1 植树≥1 \
            环保知识≥1 保护河流≥1 清洁环境≥1 | year whole",
    ),
    ("M2", "key_days ≥1 3-5 12-5 | year whole"),
    ("M3", "trainings_per_period ≥1 [网络文明 文明上网] | quarter whole"),
];

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn describe(rule: &Rule) -> String {
    let pct = |s: Share| s.percent_text();
    match rule {
        Rule::RegisteredShare { of, min } => format!("registered_share {} {}", json_name(of), pct(*min)),
        Rule::UnitRegisteredShare { targets } => format!(
            "unit_registered_share {}",
            targets
                .iter()
                .map(|t| format!("{}:{}/{}", t.unit_type.code(), pct(t.min), json_name(&t.of)))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Rule::RecordShare { min } => format!("record_share {}", pct(*min)),
        Rule::PartyRecordShare { min } => format!("party_record_share {}", pct(*min)),
        Rule::ParticipantShare { of, min } => format!("participant_share {} {}", json_name(of), pct(*min)),
        Rule::HoursPerHead { hours } => format!("hours_per_head {hours}h"),
        Rule::HeadsReachingHours { hours, min, group } => {
            format!("heads_reaching_hours {hours}h {} {}", pct(*min), json_name(group))
        }
        Rule::TrainingsPerPeriod { min, filter } => format!("trainings_per_period ≥{min} [{}]", filter.join(" ")),
        Rule::ActivitiesPerPeriod { min, day_of_month } => match day_of_month {
            Some(d) => format!("activities_per_period ≥{min} day{d}"),
            None => format!("activities_per_period ≥{min}"),
        },
        Rule::TeamsPerPeriod { min, teams } => format!("teams_per_period ≥{min} {}", teams.join(" ")),
        Rule::ThemeCalendar { slots } => format!(
            "theme_calendar {}",
            slots
                .iter()
                .map(|s| format!(
                    "{}:{}",
                    s.months.iter().map(u32::to_string).collect::<Vec<_>>().join(","),
                    s.themes.join("+")
                ))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Rule::KeyDays { min, days } => format!(
            "key_days ≥{min} {}",
            days.iter().map(|k| format!("{}-{}", k.month, k.day)).collect::<Vec<_>>().join(" ")
        ),
        Rule::ThemeCoverage { themes } => format!(
            "theme_coverage {}",
            themes.iter().map(|t| format!("{}≥{}", t.theme, t.min)).collect::<Vec<_>>().join(" ")
        ),
        Rule::DistinctTeams { min } => format!("distinct_teams ≥{min}"),
        Rule::HolidayActivities { min } => format!("holiday_activities ≥{min}"),
        Rule::Materials => "materials".into(),
        Rule::Checklist { items } => {
            let names: Vec<&str> = items.iter().map(|i| i.item.as_str()).collect();
            if names.is_empty() {
                "checklist".into()
            } else {
                format!("checklist {}", names.join(" "))
            }
        }
        Rule::AllOf { parts } => format!(
            "all_of {}",
            parts.iter().map(|p| format!("{}:{}", p.id, describe(&p.rule))).collect::<Vec<_>>().join(" ")
        ),
    }
}

fn describe_indicator(i: &Indicator) -> String {
    let mut s = format!("{} | {} {}", describe(&i.rule), json_name(&i.period), json_name(&i.scope));
    if i.bonus {
        s.push_str(" bonus");
    }
    s
}

#[test]
fn builtins_have_exactly_the_catalogue_ids_in_order() {
    let ids: Vec<String> = builtins().iter().map(|p| p.id.clone()).collect();
    assert_eq!(ids, BUILTIN_IDS.to_vec());
    assert_eq!(DEFAULT_ID, "xindu2017-town");
    for (pid, want) in CATALOGUE {
        let p = builtin(pid).unwrap_or_else(|| panic!("no built-in {pid}"));
        assert_eq!(p.id, pid);
        let got: Vec<&str> = p.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(got, want.to_vec(), "{pid}");
        assert!(p.based_on.is_none());
    }
    assert!(builtin("no-such-profile").is_none());
}

#[test]
fn every_rule_has_the_catalogue_numbers() {
    let all: Vec<Indicator> = builtins().into_iter().flat_map(|p| p.indicators).collect();
    assert_eq!(all.len(), RULES.len(), "one row per indicator");
    let mut seen = BTreeSet::new();
    for ind in &all {
        assert!(seen.insert(ind.id.clone()), "indicator id {} in two profiles", ind.id);
        let want = RULES.iter().find(|(id, _)| *id == ind.id).map(|(_, r)| *r);
        assert_eq!(Some(describe_indicator(ind).as_str()), want, "{}", ind.id);
    }
}

#[test]
fn builtins_validate_clean() {
    for p in builtins() {
        assert_eq!(validate(&p), vec![], "{}", p.id);
        assert!(!p.name_zh.is_empty() && !p.name_en.is_empty());
        for ind in &p.indicators {
            assert!(!ind.label_zh.is_empty() && !ind.label_en.is_empty(), "{} labels", ind.id);
        }
    }
}

// ------------------------------------------------------------------ sources

/// seeds/README.md: short name → file.
const SEEDS: [(&str, &str); 5] = [
    ("新都2017", "000_33443535620a675b.txt"),
    ("广安2015", "001_e5c0b576b73b07ae.txt"),
    ("文明城市", "002_00e181e81071f49c.txt"),
    ("梅列2017", "003_6e3ab7e7057c108d.txt"),
    ("乡镇2021", "004_c8300bb36c7bb1ed.txt"),
];

/// 文明城市 was scraped in traditional characters; these are the ones our quotes use.
const TRAD: &str = "冊數達區總單黨機關團體業學專鎮時參務間計應個動場隊對臺賬項顯標識組織員準";
const SIMP: &str = "册数达区总单党机关团体业学专镇时参务间计应个动场队对台账项显标识组织员准";

/// Drops spacing, punctuation and the scraper's pinyin/garbage, folds traditional characters.
fn norm(s: &str) -> String {
    let map: Vec<(char, char)> = TRAD.chars().zip(SIMP.chars()).collect();
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !c.is_ascii_alphabetic())
        .filter(|c| !"，。：；“”「」（）、‘’…·ɑāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(*c))
        .map(|c| map.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s))
        .collect()
}

#[test]
fn every_indicator_cites_words_that_are_in_its_document() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds/");
    for p in builtins() {
        let file = SEEDS.iter().find(|(n, _)| *n == p.document).map(|(_, f)| *f);
        let file = file.unwrap_or_else(|| panic!("{}: unknown document {}", p.id, p.document));
        let text = norm(&std::fs::read_to_string(format!("{dir}{file}")).expect("seed text"));
        for ind in &p.indicators {
            assert_eq!(ind.source.doc, p.document, "{}", ind.id);
            assert!(!ind.source.clause.trim().is_empty(), "{} has no clause", ind.id);
            assert!(!ind.source.quote.trim().is_empty(), "{} has no quote", ind.id);
            assert!(ind.source.cite().starts_with(&p.document), "{}", ind.id);
            for piece in ind.source.quote.split("……") {
                let piece = norm(piece);
                assert!(text.contains(&piece), "{} quote not in {}: {piece}", ind.id, p.document);
            }
        }
    }
}

// ------------------------------------------------------------------ dictionaries

fn words(entries: &[TagEntry]) -> Vec<(String, Vec<String>)> {
    entries.iter().map(|e| (e.name.clone(), e.aliases.clone())).collect()
}

#[test]
fn xindu_dictionaries_are_the_tags_module_defaults() {
    use scorecard_domain::tags::{default_teams, default_themes};
    let p = builtin("xindu2017-town").unwrap();
    let themes: Vec<(String, Vec<String>)> = default_themes().tags.into_iter().map(|t| (t.name, t.aliases)).collect();
    let teams = default_teams();
    assert_eq!(words(&p.themes), themes);
    assert_eq!(words(&p.teams), teams.tags.into_iter().map(|t| (t.name, t.aliases)).collect::<Vec<_>>());
    assert_eq!(p.team_ignore, teams.ignore);
    for e in p.themes.iter().chain(&p.teams) {
        assert!(!e.name_en.is_empty(), "{} has no English name", e.name);
    }
}

#[test]
fn town2021_teams_answer_to_their_colour() {
    let p = builtin("town2021").unwrap();
    assert_eq!(p.teams.len(), 7);
    let colours: Vec<String> = p.teams.iter().map(|t| t.name.chars().take(2).collect()).collect();
    assert_eq!(colours, ["红色", "绿色", "蓝色", "黄色", "橙色", "金色", "紫色"]);
    for (t, c) in p.teams.iter().zip(&colours) {
        assert_eq!(t.aliases, vec![c.clone()], "{}", t.name);
        assert!(t.name.ends_with("服务队"));
    }
}

#[test]
fn guangan_calendar_covers_every_month_once_with_twelve_themes() {
    let p = builtin("guangan2015").unwrap();
    assert_eq!(p.themes.len(), 12);
    let Rule::ThemeCalendar { slots } = &p.indicator("G1").unwrap().rule else { panic!("G1 kind") };
    let months: Vec<u32> = slots.iter().flat_map(|s| s.months.clone()).collect();
    assert_eq!(months, (1..=12).collect::<Vec<_>>());
    let used: BTreeSet<&str> = slots.iter().flat_map(|s| s.themes.iter().map(String::as_str)).collect();
    let dict: BTreeSet<&str> = p.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(used, dict, "every theme used once, none left over");
    // 社区 alone would match nearly every activity name (新桥社区…).
    assert!(p.themes.iter().all(|t| t.name != "社区" && !t.aliases.iter().any(|a| a == "社区")));
}

#[test]
fn meilie_sub_themes_are_grouped_under_the_three_cares() {
    let p = builtin("meilie2017").unwrap();
    let count = |g: &str| p.themes.iter().filter(|t| t.group.as_deref() == Some(g)).count();
    assert_eq!((count("关爱他人"), count("关爱社会"), count("关爱自然")), (4, 7, 4));
    assert_eq!(p.themes.len(), 15);
}

// ------------------------------------------------------------------ JSON and validation

#[test]
fn profiles_round_trip_through_json_and_custom_copies_import() {
    for p in builtins() {
        let json = p.to_json();
        let back: Profile = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p, "{}", p.id);
        // a built-in id cannot be imported as a custom profile
        let err = import_json(&json).unwrap_err();
        assert!(err.iter().any(|e| e.message.contains("内置方案")), "{}", p.id);
        // a copy with a new id imports cleanly, remembering its origin
        let copy = p.customise("my-copy", "我的方案", "My profile");
        assert_eq!(copy.based_on.as_deref(), Some(p.id.as_str()));
        let (imported, warnings) = import_json(&copy.to_json()).unwrap();
        assert_eq!(imported, copy);
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}

#[test]
fn an_edited_threshold_is_kept() {
    let mut p = builtin("xindu2017-town").unwrap().customise("strict", "严格版", "Strict");
    if let Some(Rule::RegisteredShare { min, .. }) = p.indicators.first_mut().map(|i| &mut i.rule) {
        *min = Share::percent(15);
    }
    let json = p.to_json();
    assert!(json.contains("0.15"), "shares are written as fractions");
    let (back, _) = import_json(&json).unwrap();
    assert!(matches!(back.indicators[0].rule, Rule::RegisteredShare { min, .. } if min == Share::percent(15)));
}

/// One rule as JSON (fields in any order, the kind anywhere, as a hand edit or an older
/// build may write it) and what reading it gives: the rule, or words of the error.
fn check(json: &str, want: Result<Rule, &str>) {
    let got: Result<Rule, String> = serde_json::from_str(json).map_err(|e| e.to_string());
    match (&got, &want) {
        (Ok(g), Ok(w)) => {
            assert_eq!(g, w, "{json}");
            // what is read is written back as serde's tagged form, kind first, and read again
            let again = serde_json::to_string(g).unwrap();
            assert!(again.starts_with(&format!("{{\"kind\":\"{}\"", w.kind())), "{again}");
            assert_eq!(&serde_json::from_str::<Rule>(&again).unwrap(), w, "{again}");
        }
        (Err(g), Err(w)) => assert!(g.contains(w), "{json}: {g}"),
        _ => panic!("{json}: got {got:?}, want {want:?}"),
    }
}

fn rule_json_cases() -> Vec<(&'static str, Result<Rule, &'static str>)> {
    let part = |id: &str, rule: Rule| Part {
        id: id.into(),
        label_zh: "部分".into(),
        label_en: "part".into(),
        period: PeriodKind::Year,
        rule,
    };
    vec![
        (
            r#"{"min":0.13,"of":"population","kind":"registered_share"}"#,
            Ok(Rule::RegisteredShare { of: Denominator::Population, min: Share::percent(13) }),
        ),
        (
            r#"{"kind":"unit_registered_share","targets":[{"of":"staff","min":0.5,"unit_type":"school"}]}"#,
            Ok(Rule::UnitRegisteredShare {
                targets: vec![UnitTarget {
                    unit_type: scorecard_domain::UnitType::School,
                    min: Share::percent(50),
                    of: Denominator::Staff,
                }],
            }),
        ),
        (r#"{"min":0.7,"kind":"record_share"}"#, Ok(Rule::RecordShare { min: Share::percent(70) })),
        (r#"{"kind":"party_record_share","min":0.125}"#, Ok(Rule::PartyRecordShare { min: Share::from_bp(1250) })),
        (
            r#"{"of":"staff","kind":"participant_share","min":0.3}"#,
            Ok(Rule::ParticipantShare { of: Denominator::Staff, min: Share::percent(30) }),
        ),
        (r#"{"hours":25,"kind":"hours_per_head"}"#, Ok(Rule::HoursPerHead { hours: 25.0 })),
        (
            r#"{"group":"party_members","min":0.8,"hours":12.5,"kind":"heads_reaching_hours"}"#,
            Ok(Rule::HeadsReachingHours { hours: 12.5, min: Share::percent(80), group: Group::PartyMembers }),
        ),
        (
            r#"{"filter":["骨干"],"min":1,"kind":"trainings_per_period"}"#,
            Ok(Rule::TrainingsPerPeriod { min: 1, filter: vec!["骨干".into()] }),
        ),
        (r#"{"kind":"activities_per_period","min":2}"#, Ok(Rule::ActivitiesPerPeriod { min: 2, day_of_month: None })),
        (
            r#"{"day_of_month":5,"kind":"activities_per_period","min":1}"#,
            Ok(Rule::ActivitiesPerPeriod { min: 1, day_of_month: Some(5) }),
        ),
        (
            r#"{"teams":["红","蓝"],"kind":"teams_per_period","min":1}"#,
            Ok(Rule::TeamsPerPeriod { min: 1, teams: vec!["红".into(), "蓝".into()] }),
        ),
        (
            r#"{"slots":[{"themes":["敬老"],"months":[1,2]}],"kind":"theme_calendar"}"#,
            Ok(Rule::ThemeCalendar { slots: vec![ThemeSlot { months: vec![1, 2], themes: vec!["敬老".into()] }] }),
        ),
        (
            r#"{"days":[{"name_en":"Lei Feng Day","name_zh":"学雷锋日","day":5,"month":3}],"min":1,"kind":"key_days"}"#,
            Ok(Rule::KeyDays {
                min: 1,
                days: vec![KeyDay { month: 3, day: 5, name_zh: "学雷锋日".into(), name_en: "Lei Feng Day".into() }],
            }),
        ),
        (
            r#"{"themes":[{"min":2,"theme":"助残"}],"kind":"theme_coverage"}"#,
            Ok(Rule::ThemeCoverage { themes: vec![ThemeMin { theme: "助残".into(), min: 2 }] }),
        ),
        (r#"{"min":3,"kind":"distinct_teams"}"#, Ok(Rule::DistinctTeams { min: 3 })),
        (r#"{"kind":"holiday_activities","min":10}"#, Ok(Rule::HolidayActivities { min: 10 })),
        (r#"{"kind":"materials"}"#, Ok(Rule::Materials)),
        (
            r#"{"items":[{"label_en":"has a team","item":"有队伍"}],"kind":"checklist"}"#,
            Ok(Rule::Checklist { items: vec![CheckItem { item: "有队伍".into(), label_en: "has a team".into() }] }),
        ),
        (
            r#"{"parts":[{"rule":{"min":0.7,"kind":"record_share"},"period":"year","label_en":"part","label_zh":"部分","id":"a"},
                      {"id":"b","label_zh":"部分","label_en":"part","period":"year","rule":{"kind":"hours_per_head","hours":25}}],
            "kind":"all_of"}"#,
            Ok(Rule::AllOf {
                parts: vec![
                    part("a", Rule::RecordShare { min: Share::percent(70) }),
                    part("b", Rule::HoursPerHead { hours: 25.0 }),
                ],
            }),
        ),
        // unknown fields and well-formed fields of another kind are ignored (a kind changed
        // by hand, its old fields left behind) ...
        (
            r#"{"kind":"record_share","min":0.7,"comment":"x","teams":[],"of":"staff"}"#,
            Ok(Rule::RecordShare { min: Share::percent(70) }),
        ),
        // ... but a malformed one is reported (serde's tagged reader skipped it unread)
        (r#"{"kind":"materials","min":"n/a"}"#, Err(r#"invalid type: string "n/a", expected f64"#)),
        // errors name what is wrong, in serde's words
        (r#"{"kind":"record_share"}"#, Err("missing field `min`")),
        (r#"{"kind":"heads_reaching_hours","min":0.8,"hours":12}"#, Err("missing field `group`")),
        (r#"{"min":0.7}"#, Err("missing field `kind`")),
        (
            r#"{"kind":"records_share","min":0.7}"#,
            Err("unknown variant `records_share`, expected one of `registered_share`"),
        ),
        (r#"{"kind":"distinct_teams","min":2.5}"#, Err("expected a whole number ≥ 0")),
        (r#"{"kind":"distinct_teams","min":-1}"#, Err("expected a whole number ≥ 0")),
        (r#"{"kind":"record_share","min":1.5e9}"#, Err("比例应为 0 到 1 之间的小数")),
        (r#"{"kind":"record_share","min":"70%"}"#, Err("invalid type: string \"70%\", expected f64")),
        (r#"{"kind":"registered_share","min":0.13,"of":"people"}"#, Err("unknown variant `people`")),
        (r#""record_share""#, Err(r#"invalid type: string "record_share", expected struct Rule"#)),
    ]
}

#[test]
fn rules_read_from_json_in_any_order_with_serdes_messages() {
    let cases = rule_json_cases();
    for (json, want) in &cases {
        check(json, want.clone());
    }
    // every kind has a case that reads, and the kind list is the one serde writes
    let read: BTreeSet<&str> = cases.iter().filter_map(|(_, w)| w.as_ref().ok().map(Rule::kind)).collect();
    assert_eq!(read, Rule::KINDS.iter().copied().collect::<BTreeSet<_>>());
    assert_eq!(Rule::KINDS.len(), read.len(), "a kind listed twice");
}

/// A broken copy of a built-in profile and the indicator its problem must name.
fn broken() -> Vec<(&'static str, Profile, Option<&'static str>)> {
    let base = || builtin("xindu2017-town").unwrap().customise("c", "自定义", "Custom");
    let mut out = Vec::new();
    let mut p = base();
    p.indicators[1].id = "X1".into();
    out.push(("duplicate id", p, Some("X1")));
    let mut p = base();
    p.indicators[0].rule = Rule::RegisteredShare { of: Denominator::Population, min: Share::from_bp(15_000) };
    out.push(("share over 1", p, Some("X1")));
    let mut p = base();
    p.indicators[5].rule = Rule::ThemeCoverage { themes: vec![ThemeMin { theme: "不存在".into(), min: 1 }] };
    out.push(("unknown theme", p, Some("X6")));
    let mut p = base();
    p.indicators[0].scope = Scope::PerStation;
    out.push(("per-station ratio over a context number", p, Some("X1")));
    let mut p = base();
    p.indicators[3].period = PeriodKind::None;
    out.push(("per-period rule without a period", p, Some("X4")));
    let mut p = base();
    p.indicators[2].rule = Rule::HoursPerHead { hours: -1.0 };
    out.push(("negative hours", p, Some("X3")));
    let mut p = base();
    p.indicators[6].rule = Rule::DistinctTeams { min: 12 };
    out.push(("more team kinds than the dictionary", p, Some("X7")));
    let mut p = base();
    p.indicators[4].rule = Rule::ActivitiesPerPeriod { min: 0, day_of_month: None };
    out.push(("zero minimum", p, Some("X5")));
    let mut p = base();
    p.themes.push(p.themes[0].clone());
    out.push(("theme listed twice", p, None));
    let mut p = base();
    p.indicators.clear();
    out.push(("no indicators", p, None));
    out
}

#[test]
fn validation_reports_each_problem_as_data() {
    for (what, p, ind) in broken() {
        let problems = validate(&p);
        assert!(!problems.is_empty(), "{what}: no problem found");
        assert!(problems
            .iter()
            .all(|x| x.severity == Severity::Error && !x.message.is_empty() && !x.message_en.is_empty()));
        if let Some(id) = ind {
            assert!(problems.iter().any(|x| x.indicator.as_deref() == Some(id)), "{what}: {problems:?}");
        }
        assert!(import_json(&p.to_json()).is_err(), "{what}: imported anyway");
    }
}

#[test]
fn import_never_panics_on_garbage() {
    let half = builtin("meilie2017").unwrap().customise("m", "梅", "M").to_json();
    let half = &half[..half.len() / 2];
    let negative = builtin("xindu2017-town").unwrap().customise("n", "负", "N").to_json().replacen("0.13", "-0.13", 1);
    for text in ["", "null", "[]", "{}", "{\"id\":1}", "不是 JSON", half, negative.as_str()] {
        let err = import_json(text).unwrap_err();
        assert!(!err.is_empty() && !err[0].message.is_empty(), "{text:?}");
    }
    // without based_on: imported, with a warning
    let mut p = builtin("town2021").unwrap().customise("t", "镇", "T");
    p.based_on = None;
    let (_, warnings) = import_json(&p.to_json()).unwrap();
    assert!(warnings.iter().any(|w| w.severity == Severity::Warning));
}

// ------------------------------------------------------------------ checklist items

#[test]
fn checklist_items_follow_the_key_format() {
    let mut b = TablesBuilder::new();
    b.volunteer(VolunteerSpec { number: "A1", station: "新桥社区", ..Default::default() });
    b.volunteer(VolunteerSpec { number: "B1", station: "大丰社区", ..Default::default() });
    let tables = b.finish();
    let mut ctx = Context { year: 2017, as_of: NaiveDate::from_ymd_opt(2017, 3, 15), ..Context::default() };
    ctx.checklist.insert("X10|大丰社区|有方案".into(), true);
    let today = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();

    let items = checklist_items(&builtin("xindu2017-town").unwrap(), &ctx, &tables, today);
    let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "X10|新桥社区|有队伍",
            "X10|新桥社区|有方案",
            "X10|新桥社区|有记录",
            "X10|新桥社区|有宣传",
            "X10|大丰社区|有队伍",
            "X10|大丰社区|有方案",
            "X10|大丰社区|有记录",
            "X10|大丰社区|有宣传",
            "X11|激励回馈",
        ]
    );
    assert_eq!(items[5].answer, Some(true));
    assert_eq!(items[4].answer, None);
    assert_eq!(items[5].label_zh, "大丰社区：有方案");

    // G2: one item per ENDED month (as of 03-15: January and February); G3 per station.
    let items = checklist_items(&builtin("guangan2015").unwrap(), &ctx, &tables, today);
    let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["G2|2017-01", "G2|2017-02", "G3|新桥社区", "G3|大丰社区"]);

    // civilised-city: C4's six and C5's five items.
    let items = checklist_items(&builtin("civilised-city").unwrap(), &ctx, &tables, today);
    assert_eq!(items.len(), 11);
    assert_eq!(items[0].key, "C4|管理制度");
    assert_eq!(items[10].key, "C5|有制度");
}
