//! The assessment context: who is assessed, against which profile, for which year and
//! as of which day, plus what the user answers by hand (checklists, confirmations).
//!
//! This is exactly the JSON the web app exports as "context" and `scorecard score
//! --context FILE.json` reads, so a draft made in the browser can be scored in batch.
//! Unknown fields are ignored and every field has a default, so older exports still load.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Who is being assessed (indicators.md §1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 社区(村)志愿服务站
    Station,
    /// 镇(街道)
    #[default]
    Town,
    /// 区级部门
    Department,
    /// 单位
    Unit,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Station, Level::Town, Level::Department, Level::Unit];

    pub fn label_zh(self) -> &'static str {
        match self {
            Level::Station => "社区(村)志愿服务站",
            Level::Town => "镇(街道)",
            Level::Department => "区级部门",
            Level::Unit => "单位",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Level::Station => "Community station",
            Level::Town => "Town / subdistrict",
            Level::Department => "District department",
            Level::Unit => "Unit",
        }
    }
}

/// Unit types of 文明城市 二(二), each with its own registration target (C2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    /// 党政机关
    PartyGovernment,
    /// 人民团体
    PeopleOrganisation,
    /// 企事业单位
    Enterprise,
    /// 文明单位
    CivilisedUnit,
    /// 初中以上学校
    School,
    /// 大中专院校
    College,
    /// 文明村镇(社区)
    CivilisedVillage,
}

impl UnitType {
    pub const ALL: [UnitType; 7] = [
        UnitType::PartyGovernment,
        UnitType::PeopleOrganisation,
        UnitType::Enterprise,
        UnitType::CivilisedUnit,
        UnitType::School,
        UnitType::College,
        UnitType::CivilisedVillage,
    ];

    pub fn code(self) -> &'static str {
        match self {
            UnitType::PartyGovernment => "party_government",
            UnitType::PeopleOrganisation => "people_organisation",
            UnitType::Enterprise => "enterprise",
            UnitType::CivilisedUnit => "civilised_unit",
            UnitType::School => "school",
            UnitType::College => "college",
            UnitType::CivilisedVillage => "civilised_village",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            UnitType::PartyGovernment => "党政机关",
            UnitType::PeopleOrganisation => "人民团体",
            UnitType::Enterprise => "企事业单位",
            UnitType::CivilisedUnit => "文明单位",
            UnitType::School => "初中以上学校",
            UnitType::College => "大中专院校",
            UnitType::CivilisedVillage => "文明村镇(社区)",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            UnitType::PartyGovernment => "Party or government body",
            UnitType::PeopleOrganisation => "People's organisation",
            UnitType::Enterprise => "Enterprise or public institution",
            UnitType::CivilisedUnit => "Civilised unit",
            UnitType::School => "Secondary school or above",
            UnitType::College => "College or university",
            UnitType::CivilisedVillage => "Civilised village / community",
        }
    }

    /// Parses the code, or the Chinese label as typed in a sheet or on the command line.
    pub fn parse(s: &str) -> Option<UnitType> {
        let t = s.trim();
        UnitType::ALL
            .into_iter()
            .find(|u| u.code() == t || u.label_zh() == t || (t.len() > 3 && u.label_zh().contains(t)))
    }
}

/// The assessment context (indicators.md §1). Kept in the draft; exported as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    /// Organisation assessed (镇/街道, 站点, 部门 or 单位 name).
    pub organisation: String,
    pub level: Level,
    /// A built-in profile id (`xindu2017-town` …) or a custom profile's id.
    pub profile: String,
    /// Assessment year `Y`.
    pub year: i32,
    /// As-of date `D`; `None` means today, clamped into `Y` (see [`Context::as_of`]).
    pub as_of: Option<NaiveDate>,
    /// 常住人口 (of the town, station or 城市建成区).
    pub population: Option<u64>,
    /// 职工总数 / headcount.
    pub staff: Option<u64>,
    /// Number of party members, when known (T3's denominator otherwise comes from the roster).
    pub party_members: Option<u64>,
    pub unit_type: Option<UnitType>,
    /// Stations assessed; empty means every station found in the data.
    pub stations: Vec<String>,
    /// Checklist answers by item key (see the scoring rules for the key format).
    pub checklist: BTreeMap<String, bool>,
    /// Activities the user confirmed as holiday-themed, by activity key (station|date|name).
    pub confirmed_holidays: BTreeSet<String>,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            organisation: String::new(),
            level: Level::Town,
            profile: "xindu2017-town".to_string(),
            year: 2017,
            as_of: None,
            population: None,
            staff: None,
            party_members: None,
            unit_type: None,
            stations: Vec::new(),
            checklist: BTreeMap::new(),
            confirmed_holidays: BTreeSet::new(),
        }
    }
}

impl Context {
    /// The as-of date `D`: the one entered, else `today`; either way clamped into year `Y`.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        let d = self.as_of.unwrap_or(today);
        let first = NaiveDate::from_ymd_opt(self.year, 1, 1);
        let last = NaiveDate::from_ymd_opt(self.year, 12, 31);
        match (first, last) {
            (Some(f), Some(l)) => d.clamp(f, l),
            _ => d,
        }
    }

    /// Days in year `Y` (365 or 366).
    pub fn days_in_year(&self) -> u32 {
        if NaiveDate::from_ymd_opt(self.year, 2, 29).is_some() {
            366
        } else {
            365
        }
    }

    /// Reads a context exported by the web app; unknown fields are ignored.
    pub fn from_json(text: &str) -> Result<Context, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Day of the year of `d` counted from 1 (1 January is 1): the elapsed days used to
/// pro-rate annual targets.
pub fn elapsed_days(d: NaiveDate) -> u32 {
    d.ordinal()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn as_of_defaults_to_today_clamped_into_the_year() {
        let ctx = Context { year: 2017, ..Context::default() };
        assert_eq!(ctx.as_of(d(2026, 11, 23)), d(2017, 12, 31));
        assert_eq!(ctx.as_of(d(2016, 3, 1)), d(2017, 1, 1));
        assert_eq!(ctx.as_of(d(2017, 6, 30)), d(2017, 6, 30));
        let fixed = Context { year: 2017, as_of: Some(d(2017, 8, 31)), ..Context::default() };
        assert_eq!(fixed.as_of(d(2026, 11, 23)), d(2017, 8, 31));
        assert_eq!(ctx.days_in_year(), 365);
        assert_eq!(Context { year: 2024, ..Context::default() }.days_in_year(), 366);
        assert_eq!(elapsed_days(d(2017, 3, 1)), 60);
    }

    #[test]
    fn context_json_round_trips_and_tolerates_missing_and_unknown_fields() {
        let ctx = Context {
            organisation: "新繁镇".into(),
            population: Some(12000),
            unit_type: Some(UnitType::School),
            ..Context::default()
        };
        let back = Context::from_json(&ctx.to_json()).unwrap();
        assert_eq!(back, ctx);
        let partial = Context::from_json(r#"{"year":2025,"future_field":1,"level":"station"}"#).unwrap();
        assert_eq!(partial.year, 2025);
        assert_eq!(partial.level, Level::Station);
        assert_eq!(partial.profile, "xindu2017-town");
    }

    #[test]
    fn unit_type_parses_codes_and_chinese() {
        assert_eq!(UnitType::parse("school"), Some(UnitType::School));
        assert_eq!(UnitType::parse("大中专院校"), Some(UnitType::College));
        assert_eq!(UnitType::parse("文明村镇"), Some(UnitType::CivilisedVillage));
        assert_eq!(UnitType::parse("x"), None);
    }
}
