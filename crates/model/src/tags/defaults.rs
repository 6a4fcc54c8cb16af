//! The built-in dictionaries of indicators.md §3, as data tables.
//!
//! Themes and teams are exactly those of §3 (新都2017 附件2 and 附件4). The holiday
//! dictionary is built from [`crate::calendar::HOLIDAYS`] so the names and aliases live in
//! one place. The `ignore` words are our additions; each has its reason.

use crate::calendar::HOLIDAYS;
use crate::tags::dict::{Tag, TagDict};

/// (name, aliases) of the 8 themes of 新都2017 附件2.
pub const THEMES: [(&str, &[&str]); 8] = [
    ("关爱空巢老人", &["空巢", "独居老人", "孤寡老人", "高龄老人"]),
    ("关爱留守儿童", &["留守儿童", "困境儿童", "四点半课堂"]),
    ("关爱困难职工", &["困难职工", "农民工"]),
    ("关爱残疾人", &["残疾人", "助残", "残障"]),
    ("党员志愿服务", &["党员"]),
    ("文明旅游", &[]),
    ("文明交通", &["交通劝导", "礼让斑马线", "文明出行"]),
    ("文明上网", &["网络文明"]),
];

/// (name, aliases) of the 11 professional team kinds (新都2017 附件2 工作要求4, 附件4).
pub const TEAMS: [(&str, &[&str]); 11] = [
    ("教育", &[]),
    ("文体", &["文化", "体育", "文艺"]),
    ("科技", &["科普"]),
    ("医疗卫生", &["义诊", "医疗", "卫生", "健康"]),
    ("法律", &["普法", "法律援助"]),
    ("消防", &[]),
    ("环保", &["垃圾分类", "植树", "护绿"]),
    ("社工", &[]),
    ("交通", &[]),
    ("财务", &[]),
    ("慈善捐助", &["慈善", "捐助"]),
];

/// 环境卫生 (street cleaning) contains the alias 卫生 but is not the 医疗卫生 team's work.
pub const TEAM_IGNORE: [&str; 1] = ["环境卫生"];

/// 志愿者日常 ("volunteers' daily …", e.g. 志愿者日常巡逻) contains the alias 志愿者日.
pub const HOLIDAY_IGNORE: [&str; 1] = ["志愿者日常"];

fn dict(rows: &[(&str, &[&str])], ignore: &[&str]) -> TagDict {
    TagDict {
        tags: rows.iter().map(|(name, aliases)| Tag::new(name, aliases)).collect(),
        ignore: ignore.iter().map(|w| w.to_string()).collect(),
    }
}

/// The 8 care and civility themes (X6).
pub fn default_themes() -> TagDict {
    dict(&THEMES, &[])
}

/// The 11 professional team kinds (X7).
pub fn default_teams() -> TagDict {
    dict(&TEAMS, &TEAM_IGNORE)
}

/// The 25 holidays (X8), in the order of [`HOLIDAYS`]: tag `i` is `HOLIDAYS[i]`.
pub fn holiday_dict() -> TagDict {
    let rows: Vec<(&str, &[&str])> = HOLIDAYS.iter().map(|h| (h.name, h.aliases)).collect();
    dict(&rows, &HOLIDAY_IGNORE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// No word names two tags of one dictionary, and every word is non-blank and trimmed.
    fn assert_unambiguous(d: &TagDict, what: &str) {
        let mut seen = BTreeMap::new();
        for (i, t) in d.tags.iter().enumerate() {
            for w in t.words() {
                assert!(!w.is_empty() && w.trim() == w, "{what}: bad word {w:?}");
                if let Some(j) = seen.insert(w.to_string(), i) {
                    panic!("{what}: {w} names tags {j} and {i}");
                }
            }
        }
    }

    #[test]
    fn default_dictionaries_are_those_of_section_3() {
        let themes = default_themes();
        let teams = default_teams();
        let holidays = holiday_dict();
        assert_eq!(themes.tags.len(), 8);
        assert_eq!(teams.tags.len(), 11);
        assert_eq!(holidays.tags.len(), 25);
        for (d, what) in [(&themes, "themes"), (&teams, "teams"), (&holidays, "holidays")] {
            assert_unambiguous(d, what);
        }
        for (i, h) in HOLIDAYS.iter().enumerate() {
            assert_eq!(holidays.tags[i].name, h.name);
        }
    }

    #[test]
    fn each_tag_matches_its_own_name_and_aliases_and_nothing_else() {
        for d in [default_themes(), default_teams(), holiday_dict()] {
            for (i, t) in d.tags.iter().enumerate() {
                for w in t.words() {
                    assert_eq!(d.matches(w), vec![i], "{w}");
                }
            }
        }
    }

    #[test]
    fn ignore_words_really_contain_an_alias() {
        // an ignore word that contains no alias would be dead data
        for (d, ignore) in [(default_teams(), &TEAM_IGNORE[..]), (holiday_dict(), &HOLIDAY_IGNORE[..])] {
            for w in ignore {
                let plain = TagDict::new(d.tags.clone());
                assert!(!plain.matches(w).is_empty(), "{w} contains no alias");
                assert!(d.matches(w).is_empty(), "{w} still matches");
            }
        }
    }

    #[test]
    fn dictionaries_round_trip_through_json_and_ignore_is_optional() {
        let d = holiday_dict();
        let back: TagDict = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
        let minimal: TagDict = serde_json::from_str(r#"{"tags":[{"name":"敬老"}]}"#).unwrap();
        assert_eq!(minimal, TagDict::new(vec![Tag::new("敬老", &[])]));
    }
}
