//! What scoring returns for one indicator: value, target, status, the gap in the user's
//! words, what is missing, per-station rows and references to the rows behind it.
//! This is also the CLI's JSON (field names are part of the interface).

use chrono::NaiveDate;
use scorecard_model::model::RowRef;
use scorecard_model::profile::{PeriodKind, Scope};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How far the drill-down lists of row references go; `Rows::total` keeps the full count.
pub const ROW_REF_CAP: usize = 200;
/// How many names / activities a `missing` list shows; `missing_total` keeps the full count.
pub const MISSING_CAP: usize = 200;

/// The status of an indicator (indicators.md §4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 达标
    Met,
    /// 按进度 — annual hours at or above the pro-rated target.
    OnTrack,
    /// 进行中 — an annual count or the current period, not reached yet, time left.
    InProgress,
    /// 需补充 — a number or answer the user has to enter first.
    #[default]
    NeedsInput,
    /// 落后 — annual hours below the pro-rated target.
    Behind,
    /// 未达标
    NotMet,
}

impl Status {
    pub const ALL: [Status; 6] =
        [Status::Met, Status::OnTrack, Status::InProgress, Status::NeedsInput, Status::Behind, Status::NotMet];

    /// Order used to combine statuses (stations, parts): the larger is the worse.
    /// A known failure outranks a missing input, which outranks anything still open.
    pub fn badness(self) -> u8 {
        match self {
            Status::Met => 0,
            Status::OnTrack => 1,
            Status::InProgress => 2,
            Status::NeedsInput => 3,
            Status::Behind => 4,
            Status::NotMet => 5,
        }
    }

    pub fn worst(self, other: Status) -> Status {
        if other.badness() > self.badness() {
            other
        } else {
            self
        }
    }

    /// Falls short now (counts against the profile unless the item is a bonus).
    pub fn is_failing(self) -> bool {
        matches!(self, Status::NotMet | Status::Behind)
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on_track",
            Status::InProgress => "in_progress",
            Status::NeedsInput => "needs_input",
            Status::Behind => "behind",
            Status::NotMet => "not_met",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Met => "达标",
            Status::OnTrack => "按进度",
            Status::InProgress => "进行中",
            Status::NeedsInput => "需补充",
            Status::Behind => "落后",
            Status::NotMet => "未达标",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Met => "Met",
            Status::OnTrack => "On track",
            Status::InProgress => "In progress",
            Status::NeedsInput => "Needs input",
            Status::Behind => "Behind",
            Status::NotMet => "Not met",
        }
    }
}

/// What `value` and `target` measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A fraction (0.1333), not a percentage.
    #[default]
    Ratio,
    /// Hours (per head, for hours-per-head rules).
    Hours,
    /// A count of activities, themes, team kinds …
    Count,
    /// Ended periods met ÷ ended periods.
    Periods,
    /// Checklist items ticked ÷ items.
    Items,
    /// Stations meeting a per-station indicator ÷ stations.
    Stations,
}

/// The field the user must fill in before an indicator can be scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputField {
    /// 常住人口
    Population,
    /// 职工总数
    Staff,
    /// 单位类型
    UnitType,
    /// 党员人数 (or a 政治面貌 column in the roster)
    PartyMembers,
    /// 站点名单
    Stations,
    /// The checklist answers.
    Checklist,
    /// 志愿者名册 with registered volunteers
    Roster,
    /// 服务记录 or the roster's 年度服务时长 column
    ServiceHours,
    /// 活动记录
    Activities,
    /// 培训记录
    Trainings,
    /// 方案 / 记录 / 简报 / 图片 columns of the activity sheet
    MaterialColumns,
    /// 累计服务时长 column of the roster (star levels only)
    CumulativeHours,
    /// 汇总报送: the station's report file (refused, or none received).
    StationReport,
}

impl InputField {
    pub fn label_zh(self) -> &'static str {
        match self {
            InputField::Population => "常住人口",
            InputField::Staff => "职工总数",
            InputField::UnitType => "单位类型",
            InputField::PartyMembers => "党员人数（或名册的政治面貌列）",
            InputField::Stations => "站点名单",
            InputField::Checklist => "核对清单",
            InputField::Roster => "志愿者名册",
            InputField::ServiceHours => "服务记录（或名册的年度服务时长列）",
            InputField::Activities => "活动记录",
            InputField::Trainings => "培训记录",
            InputField::MaterialColumns => "活动记录的方案/记录/简报/图片列",
            InputField::CumulativeHours => "名册的累计服务时长列",
            InputField::StationReport => "站点的报送文件",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            InputField::Population => "resident population",
            InputField::Staff => "staff count",
            InputField::UnitType => "unit type",
            InputField::PartyMembers => "number of party members (or a political-status column)",
            InputField::Stations => "list of stations",
            InputField::Checklist => "checklist answers",
            InputField::Roster => "volunteer roster",
            InputField::ServiceHours => "service records (or the roster's hours-this-year column)",
            InputField::Activities => "activity records",
            InputField::Trainings => "training records",
            InputField::MaterialColumns => "plan/record/brief/photo columns of the activity sheet",
            InputField::CumulativeHours => "the roster's total-hours column",
            InputField::StationReport => "the station's report file",
        }
    }
}

/// Whether a period has ended by the as-of date (its last day is on or before it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotState {
    Ended,
    Current,
    Future,
}

/// One period of a per-period rule (a month, a quarter, a key day, G1's Jan–Feb slot).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodDetail {
    /// `2017-08`, `2017-Q3`, `2017-01~02`, `2017-03-05`.
    pub label: String,
    pub state: SlotState,
    pub count: u32,
    pub target: u32,
    pub met: bool,
    /// Themes / teams this period still lacks (G1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lacking: Vec<String>,
}

/// How many activities one theme, team or holiday had, against its target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedCount {
    pub name: String,
    /// The English name (the dictionary's, which falls back to the Chinese one), for the
    /// page's English view; empty only in results written before it existed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    pub count: u32,
    /// 0 when there is no per-name target (X8 counts holidays, its target is the total).
    pub target: u32,
}

/// Row references behind a result, capped at [`ROW_REF_CAP`]; `total` is the full count.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rows {
    pub total: u64,
    pub refs: Vec<RowRef>,
    pub truncated: bool,
}

std::thread_local! {
    /// How many references a [`Rows`] keeps: [`ROW_REF_CAP`] for the screens, every row
    /// while the xlsx report is made ([`with_every_row`]).
    static REF_CAP: std::cell::Cell<usize> = const { std::cell::Cell::new(ROW_REF_CAP) };
}

/// Runs `f` with every row reference kept (no [`ROW_REF_CAP`]): the xlsx report lists every
/// row behind an indicator, where a card's drill-down lists the first 200.
pub fn with_every_row<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(usize);
    impl Drop for Restore {
        fn drop(&mut self) {
            REF_CAP.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(REF_CAP.with(|c| c.replace(usize::MAX)));
    f()
}

impl Rows {
    pub fn push(&mut self, at: RowRef) {
        self.total += 1;
        if self.refs.len() < REF_CAP.with(std::cell::Cell::get) {
            self.refs.push(at);
        } else {
            self.truncated = true;
        }
    }
}

/// [`Rows`] counting each sheet row once, as the drill-down opens it (issue 28): an
/// activity counted for two themes, a joint training of two stations, a matrix's
/// activities standing on its one header row. A card's "N 行" is then the rows it opens.
#[derive(Clone, Debug, Default)]
pub(crate) struct RowSet {
    seen: std::collections::HashSet<RowRef>,
    rows: Rows,
}

impl RowSet {
    pub(crate) fn push(&mut self, at: RowRef) {
        if self.seen.insert(at) {
            self.rows.push(at);
        }
    }

    /// Every listed row of `rows` once; rows past their cap (not listed) still count,
    /// as far as they are known not to repeat a listed one.
    pub(crate) fn extend(&mut self, rows: &Rows) {
        rows.refs.iter().for_each(|at| self.push(*at));
        let unlisted = rows.total.saturating_sub(rows.refs.len() as u64);
        if unlisted > 0 || rows.truncated {
            self.rows.total += unlisted;
            self.rows.truncated = true;
        }
    }

    pub(crate) fn into_rows(self) -> Rows {
        self.rows
    }
}

impl FromIterator<RowRef> for Rows {
    fn from_iter<I: IntoIterator<Item = RowRef>>(it: I) -> Rows {
        let mut r = Rows::default();
        for at in it {
            r.push(at);
        }
        r
    }
}

/// What is missing: a list (periods, themes, teams, names …), or for T1 a map from each
/// team to its missing months (serialised as a JSON object, in team order).
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
    List(Vec<String>),
    ByName(Vec<(String, Vec<String>)>),
}

impl Default for Missing {
    fn default() -> Self {
        Missing::List(Vec::new())
    }
}

impl Missing {
    /// The items listed: a list's entries, or every name's items in a map (T1's months),
    /// which is what `missing_total` counts.
    pub fn items(&self) -> usize {
        match self {
            Missing::List(v) => v.len(),
            Missing::ByName(v) => v.iter().map(|(_, l)| l.len()).sum(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Missing::List(v) => v.is_empty(),
            Missing::ByName(v) => v.is_empty(),
        }
    }
}

impl Serialize for Missing {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Missing::List(v) => v.serialize(s),
            Missing::ByName(v) => {
                let mut m = s.serialize_map(Some(v.len()))?;
                for (k, list) in v {
                    m.serialize_entry(k, list)?;
                }
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Missing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Missing;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of strings or a map of string lists")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Missing, A::Error> {
                let mut v = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    v.push(s);
                }
                Ok(Missing::List(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Missing, A::Error> {
                let mut v = Vec::new();
                while let Some((k, list)) = map.next_entry::<String, Vec<String>>()? {
                    v.push((k, list));
                }
                Ok(Missing::ByName(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// An activity near a holiday that names none: counted for X8 only once the user confirms
/// it (its `key` goes into `Context::confirmed_holidays`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HolidaySuggestion {
    pub key: String,
    pub station: String,
    pub date: NaiveDate,
    pub activity: String,
    pub holiday: String,
    pub holiday_date: NaiveDate,
    pub at: RowRef,
}

/// A volunteer below an hours target (C3, D2), for the reminder list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShortVolunteer {
    pub name: String,
    pub station: String,
    pub hours: f64,
    /// Hours still needed to reach the full annual target.
    pub needed: f64,
    /// Also below the pro-rated target (falling behind, not just not finished).
    pub behind: bool,
    pub at: RowRef,
}

/// The measured part of a result, shared by an indicator, each of its stations and each part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    pub status: Status,
    pub unit: Unit,
    #[serde(serialize_with = "num::opt")]
    pub value: Option<f64>,
    #[serde(serialize_with = "num::opt")]
    pub target: Option<f64>,
    /// The target pro-rated to the as-of date (annual hours rules): `T × elapsed ÷ days in
    /// year`; for "each volunteer ≥ T hours" rules, the hours each should have by now.
    #[serde(serialize_with = "num::opt")]
    pub prorated_target: Option<f64>,
    /// `prorated_target` in words, with its unit (always hours, also where `unit` is a
    /// ratio, C3/D2) and the share of the year elapsed: "每人 18.7 小时（全年 20 小时的
    /// 93.4%）". What a screen or report shows after 按进度应达 (issue 28: C3's hours read
    /// as a ratio said "1,868.5%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prorated_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prorated_text_en: Option<String>,
    #[serde(serialize_with = "num::opt")]
    pub numerator: Option<f64>,
    #[serde(serialize_with = "num::opt")]
    pub denominator: Option<f64>,
    /// The gap in the user's terms (还需新增注册志愿者 37 人 …); `None` when met.
    pub gap: Option<String>,
    pub gap_en: Option<String>,
    /// Days left in the year after the as-of date, where time still helps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_left: Option<u32>,
    pub missing: Missing,
    /// Full length of `missing` when it was capped at [`MISSING_CAP`].
    #[serde(default)]
    pub missing_total: u64,
    /// `missing` in English, item for item, where its items are words the rule can
    /// translate (holidays, themes, teams, checklist items, materials); empty where the
    /// items are names (people, stations), which read the same in both.
    #[serde(default, skip_serializing_if = "Missing::is_empty")]
    pub missing_en: Missing,
    /// The field to fill in when the status is `needs_input`.
    pub needs_input: Option<InputField>,
    /// The figures behind the value cannot both be true (a share above 100 %, §4): the
    /// status is `needs_input` and the page says 需核对 (check), not 需补充 (fill in).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub impossible: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<PeriodDetail>,
    /// Per theme / team / holiday counts behind a coverage rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<NamedCount>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<HolidaySuggestion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub short: Vec<ShortVolunteer>,
    #[serde(default)]
    pub rows: Rows,
}

/// A station whose data is not in a town's scorecard (汇总报送): its report file was
/// refused, or none came. Named at the top of the scorecard and in every per-station
/// indicator, which then cannot be met.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MissingStation {
    /// The station's name; for a refused file whose station cannot be read, its file name.
    pub station: String,
    /// The refused report file; `None` when no file came from the station.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Why the file was refused; `None` when no file came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<scorecard_model::report_file::ReportProblem>,
    /// 报送文件被拒绝（口令不同） / 未收到报送文件.
    pub reason: String,
    pub reason_en: String,
    /// What the town can do (ask the station to send it again, check the passphrase …).
    pub action: String,
    pub action_en: String,
}

/// One station's result for a per-station indicator. Read from JSON in `result_wire.rs`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StationResult {
    pub station: String,
    #[serde(flatten)]
    pub detail: Detail,
}

/// One indicator's result. Read from JSON in `result_wire.rs`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub id: String,
    /// Chinese label.
    pub label: String,
    pub label_en: String,
    /// "新都2017 附件2 志愿服务信息化 1".
    pub source: String,
    /// The sentence of the source the rule implements, as published (empty if unknown;
    /// read as empty when absent, `result_wire.rs`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub quote: String,
    pub bonus: bool,
    pub scope: Scope,
    pub period: PeriodKind,
    #[serde(flatten)]
    pub detail: Detail,
    /// Per-station results (per-station indicators), one per station in scope.
    pub stations: Vec<StationResult>,
    /// The parts of a composite indicator (D4); read as none when absent (`result_wire.rs`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<IndicatorResult>,
}

/// Numbers in JSON: whole numbers without ".0" (37, not 37.0); others as they are.
pub(crate) mod num {
    use serde::Serializer;

    pub(crate) fn opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(x) => one(x, s),
        }
    }

    pub(crate) fn one<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 {
            // exact: |x| < 2^53 and integral
            s.serialize_i64(*x as i64)
        } else {
            s.serialize_f64(*x)
        }
    }
}
