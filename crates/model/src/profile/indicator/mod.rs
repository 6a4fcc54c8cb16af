//! One indicator = one row of data: id, labels, the source clause it comes from, its
//! period and scope, whether it is a bonus item, and the rule (kind + parameters) that
//! scores it. The rule kinds are evaluated by small pure functions in the score crate's `rules`.

mod wire;

use crate::context::UnitType;
use crate::profile::share::Share;
use serde::{Deserialize, Serialize};

/// Where a rule comes from: the document's short name (seeds/README.md), the clause, and
/// the original wording, so every indicator on screen can cite its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// 新都2017, 广安2015, 文明城市, 梅列2017, 乡镇2021 (or anything for a custom profile).
    pub doc: String,
    /// e.g. "附件2 志愿服务信息化 1".
    pub clause: String,
    /// The sentence of the document the rule implements, as published.
    #[serde(default)]
    pub quote: String,
}

impl Source {
    /// "新都2017 附件2 志愿服务信息化 1".
    pub fn cite(&self) -> String {
        if self.clause.is_empty() {
            self.doc.clone()
        } else {
            format!("{} {}", self.doc, self.clause)
        }
    }
}

/// How often the indicator is assessed. Per-period rules take their period from here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Point in time (ratios, checklists).
    None,
    Month,
    Quarter,
    /// Counted over the year up to the as-of date.
    Year,
}

/// Whether the indicator is scored once for the whole organisation or per station (then
/// met when every station meets it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Whole,
    PerStation,
}

/// A number the user types in the context and a ratio divides by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Denominator {
    /// 常住人口
    Population,
    /// 职工总数 / 单位总人数
    Staff,
}

/// Whose hours a per-head rule looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Every registered volunteer.
    Registered,
    /// Registered volunteers whose 政治面貌 says 中共党员 / 中共预备党员.
    PartyMembers,
}

/// C2: the registration share a unit of one type must reach, and what it divides by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitTarget {
    pub unit_type: UnitType,
    pub min: Share,
    pub of: Denominator,
}

/// A theme (by its name in the profile's theme dictionary) and how many activities it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeMin {
    pub theme: String,
    pub min: u32,
}

/// G1: months that share one theme period, and the themes that period needs (all of them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeSlot {
    pub months: Vec<u32>,
    pub themes: Vec<String>,
}

/// M2: a fixed day of the year that needs an activity on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDay {
    pub month: u32,
    pub day: u32,
    pub name_zh: String,
    pub name_en: String,
}

/// One tick box of a checklist indicator. Its key is built by the score crate's `checklist_items::checklist_key`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckItem {
    /// The item as the document words it (有队伍); also the last part of the key.
    pub item: String,
    pub label_en: String,
}

/// A part of a composite indicator (D4 = X2 and X3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    pub period: PeriodKind,
    pub rule: Rule,
}

/// The rule kinds. Each is scored by one function in the score crate's `rules`; parameters are data
/// so a custom profile can change every threshold.
/// Written as serde's internally tagged form; read through `wire`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "crate::profile::indicator::wire::RuleWire")]
pub enum Rule {
    /// Registered volunteers ÷ a context number ≥ `min` (X1, C1, D1). Point in time.
    RegisteredShare { of: Denominator, min: Share },
    /// Registered volunteers ÷ headcount ≥ the target of the context's unit type (C2).
    UnitRegisteredShare { targets: Vec<UnitTarget> },
    /// Registered volunteers with ≥ 1 record (hours > 0) ÷ registered ≥ `min` (X2).
    RecordShare { min: Share },
    /// Party members with ≥ 1 record ÷ party members ≥ `min` (T3).
    PartyRecordShare { min: Share },
    /// Distinct volunteers with ≥ 1 record ÷ a context number ≥ `min` (T4).
    ParticipantShare { of: Denominator, min: Share },
    /// Hours ÷ registered ≥ `hours` over the year, pro-rated to the as-of date (X3).
    HoursPerHead { hours: f64 },
    /// Share of a group with ≥ `hours` each (pro-rated) ≥ `min` (C3, D2); lists those short.
    HeadsReachingHours { hours: f64, min: Share, group: Group },
    /// ≥ `min` trainings per period whose type or topic contains one of `filter`
    /// (empty = any training) (X4, D3, M3). A joint training counts for each station it names.
    TrainingsPerPeriod { min: u32, filter: Vec<String> },
    /// ≥ `min` activities per period (X5); with `day_of_month`, on that day of each month (T2).
    ActivitiesPerPeriod {
        min: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        day_of_month: Option<u32>,
    },
    /// Each named team (team dictionary) ≥ `min` activities per period (T1).
    TeamsPerPeriod { min: u32, teams: Vec<String> },
    /// A theme calendar: each slot of months needs ≥ 1 activity on each of its themes (G1).
    ThemeCalendar { slots: Vec<ThemeSlot> },
    /// ≥ `min` activities on each key day (M2).
    KeyDays { min: u32, days: Vec<KeyDay> },
    /// Each theme ≥ its minimum number of activities in the year (X6, M1).
    ThemeCoverage { themes: Vec<ThemeMin> },
    /// ≥ `min` distinct team kinds (team dictionary) ran activities in the year (X7).
    DistinctTeams { min: u32 },
    /// ≥ `min` holiday-themed activities in the year (X8).
    HolidayActivities { min: u32 },
    /// Every activity has 方案, 记录, 简报 and 图片 (X9).
    Materials,
    /// Every item ticked; per station and/or per ended period when the indicator says so
    /// (X10, X11, C4, C5, G2, G3). No items: the indicator itself is the one item.
    Checklist { items: Vec<CheckItem> },
    /// Every part met (D4 = X2 and X3); the status is the worst of the parts.
    AllOf { parts: Vec<Part> },
}

impl Rule {
    /// Every kind name, in declaration order (the "expected one of" of an unknown kind).
    pub const KINDS: [&'static str; 18] = [
        "registered_share",
        "unit_registered_share",
        "record_share",
        "party_record_share",
        "participant_share",
        "hours_per_head",
        "heads_reaching_hours",
        "trainings_per_period",
        "activities_per_period",
        "teams_per_period",
        "theme_calendar",
        "key_days",
        "theme_coverage",
        "distinct_teams",
        "holiday_activities",
        "materials",
        "checklist",
        "all_of",
    ];

    /// The snake_case kind name (same as serde's tag), for listings and validation messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::RegisteredShare { .. } => "registered_share",
            Rule::UnitRegisteredShare { .. } => "unit_registered_share",
            Rule::RecordShare { .. } => "record_share",
            Rule::PartyRecordShare { .. } => "party_record_share",
            Rule::ParticipantShare { .. } => "participant_share",
            Rule::HoursPerHead { .. } => "hours_per_head",
            Rule::HeadsReachingHours { .. } => "heads_reaching_hours",
            Rule::TrainingsPerPeriod { .. } => "trainings_per_period",
            Rule::ActivitiesPerPeriod { .. } => "activities_per_period",
            Rule::TeamsPerPeriod { .. } => "teams_per_period",
            Rule::ThemeCalendar { .. } => "theme_calendar",
            Rule::KeyDays { .. } => "key_days",
            Rule::ThemeCoverage { .. } => "theme_coverage",
            Rule::DistinctTeams { .. } => "distinct_teams",
            Rule::HolidayActivities { .. } => "holiday_activities",
            Rule::Materials => "materials",
            Rule::Checklist { .. } => "checklist",
            Rule::AllOf { .. } => "all_of",
        }
    }
}

/// One indicator of a profile (a row of the tables in indicators.md §5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// X1 … X11, D1 … D4, C1 … C5, T1 … T4, G1 … G3, M1 … M3 (or any id in a custom profile).
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    pub source: Source,
    pub period: PeriodKind,
    pub scope: Scope,
    /// 加分项: shown, never fails the profile.
    #[serde(default)]
    pub bonus: bool,
    pub rule: Rule,
}
