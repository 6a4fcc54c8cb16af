//! The four typed tables every indicator is computed from (indicators.md §2).
//!
//! Import fills these from any mix of files and sheets; rows from all sources of the
//! same role are appended to one table. Repeated text is interned (see [`crate::text`]).
//! Each row keeps a [`RowRef`] back to its file, sheet and Excel row for drill-down.

use crate::text::{Interner, Sym};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a sheet holds, recognised from its headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 志愿者名册
    Volunteers,
    /// 服务记录
    Records,
    /// 活动记录
    Activities,
    /// 培训记录
    Trainings,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Volunteers, Role::Records, Role::Activities, Role::Trainings];

    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Volunteers => "志愿者名册",
            Role::Records => "服务记录",
            Role::Activities => "活动记录",
            Role::Trainings => "培训记录",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Role::Volunteers => "Volunteer roster",
            Role::Records => "Service records",
            Role::Activities => "Activities",
            Role::Trainings => "Trainings",
        }
    }

    /// The fields a sheet of this role may carry: the template's, then those only read
    /// from other exports (a service record's start and end times, or its time span).
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Role::Records => {
                &[VolunteerNo, IdNumber, Name, Phone, ActivityName, Date, Hours, Station, Start, End, TimeSpan]
            }
            other => other.template_fields(),
        }
    }

    /// The fields our blank template writes for this role, in order.
    pub fn template_fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Role::Volunteers => &[
                VolunteerNo,
                Name,
                Gender,
                IdNumber,
                Phone,
                Political,
                RegisteredOn,
                Station,
                UnitType,
                AnnualHours,
                CumulativeHours,
            ],
            Role::Records => &[VolunteerNo, IdNumber, Name, Phone, ActivityName, Date, Hours, Station],
            Role::Activities => {
                &[ActivityName, Date, Station, Theme, Team, Holiday, Participants, Plan, Record, Brief, Photo]
            }
            Role::Trainings => &[Date, Topic, Station, TrainingKind, Participants],
        }
    }
}

/// A column's meaning. One vocabulary for all roles; [`Role::fields`] says which apply where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 志愿者编号
    VolunteerNo,
    /// 姓名
    Name,
    /// 性别
    Gender,
    /// 证件号码
    IdNumber,
    /// 手机号码
    Phone,
    /// 政治面貌
    Political,
    /// 注册日期
    RegisteredOn,
    /// 所属站点 (for trainings: one or several stations)
    Station,
    /// 单位类型
    UnitType,
    /// 年度服务时长
    AnnualHours,
    /// 累计服务时长
    CumulativeHours,
    /// 活动名称 / 项目名称
    ActivityName,
    /// 服务日期 / 活动日期 / 培训日期
    Date,
    /// 服务时长 on a service record
    Hours,
    /// 活动主题
    Theme,
    /// 服务队
    Team,
    /// 节庆日
    Holiday,
    /// 参与人数 / 参训人数
    Participants,
    /// 方案
    Plan,
    /// 记录
    Record,
    /// 简报
    Brief,
    /// 图片
    Photo,
    /// 培训主题
    Topic,
    /// 培训类型
    TrainingKind,
    /// 开始时间 / 签到时间 of a service record (its date when there is no date column)
    Start,
    /// 结束时间 / 签退时间 of a service record
    End,
    /// 服务时段: the time worked as a span in one cell (`9:00-11:30`)
    TimeSpan,
}

impl Field {
    pub const ALL: [Field; 27] = [
        Field::VolunteerNo,
        Field::Name,
        Field::Gender,
        Field::IdNumber,
        Field::Phone,
        Field::Political,
        Field::RegisteredOn,
        Field::Station,
        Field::UnitType,
        Field::AnnualHours,
        Field::CumulativeHours,
        Field::ActivityName,
        Field::Date,
        Field::Hours,
        Field::Theme,
        Field::Team,
        Field::Holiday,
        Field::Participants,
        Field::Plan,
        Field::Record,
        Field::Brief,
        Field::Photo,
        Field::Topic,
        Field::TrainingKind,
        Field::Start,
        Field::End,
        Field::TimeSpan,
    ];

    /// True for a field several columns may feed at once: an activity's themes come from
    /// its 活动类型, 项目领域 and 受益对象 alike (their texts are joined).
    pub fn many_columns(self) -> bool {
        self == Field::Theme
    }

    /// The canonical Chinese header (the one our templates use).
    pub fn label_zh(self) -> &'static str {
        match self {
            Field::VolunteerNo => "志愿者编号",
            Field::Name => "姓名",
            Field::Gender => "性别",
            Field::IdNumber => "证件号码",
            Field::Phone => "手机号码",
            Field::Political => "政治面貌",
            Field::RegisteredOn => "注册日期",
            Field::Station => "所属站点",
            Field::UnitType => "单位类型",
            Field::AnnualHours => "年度服务时长",
            Field::CumulativeHours => "累计服务时长",
            Field::ActivityName => "活动名称",
            Field::Date => "日期",
            Field::Hours => "服务时长",
            Field::Theme => "活动主题",
            Field::Team => "服务队",
            Field::Holiday => "节庆日",
            Field::Participants => "参与人数",
            Field::Plan => "方案",
            Field::Record => "记录",
            Field::Brief => "简报",
            Field::Photo => "图片",
            Field::Topic => "培训主题",
            Field::TrainingKind => "培训类型",
            Field::Start => "开始时间",
            Field::End => "结束时间",
            Field::TimeSpan => "服务时段",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Field::VolunteerNo => "Volunteer no.",
            Field::Name => "Name",
            Field::Gender => "Gender",
            Field::IdNumber => "ID number",
            Field::Phone => "Mobile",
            Field::Political => "Political status",
            Field::RegisteredOn => "Registered on",
            Field::Station => "Station",
            Field::UnitType => "Unit type",
            Field::AnnualHours => "Hours this year",
            Field::CumulativeHours => "Hours in total",
            Field::ActivityName => "Activity",
            Field::Date => "Date",
            Field::Hours => "Hours",
            Field::Theme => "Theme",
            Field::Team => "Team",
            Field::Holiday => "Holiday",
            Field::Participants => "Participants",
            Field::Plan => "Plan",
            Field::Record => "Record",
            Field::Brief => "Brief",
            Field::Photo => "Photos",
            Field::Topic => "Training topic",
            Field::TrainingKind => "Training type",
            Field::Start => "Start time",
            Field::End => "End time",
            Field::TimeSpan => "Time worked (from–to)",
        }
    }
}

/// Where a row came from: an index into [`Tables::sources`] and the Excel row number (1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RowRef {
    pub source: u32,
    pub row: u32,
}

/// One imported sheet (or CSV file) that contributed rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSheet {
    pub file: String,
    pub sheet: String,
    pub role: Role,
}

/// 志愿者名册: one registered volunteer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Volunteer {
    pub number: Option<Sym>,
    pub name: Option<Sym>,
    pub gender: Option<Sym>,
    /// As text, upper-cased, spaces removed. Checked, never dropped for a bad check digit.
    pub id_number: Option<Sym>,
    pub phone: Option<Sym>,
    /// 政治面貌, as written (中共党员, 中共预备党员, 群众 …).
    pub political: Option<Sym>,
    pub registered_on: Option<NaiveDate>,
    pub station: Option<Sym>,
    pub unit_type: Option<Sym>,
    pub annual_hours: Option<f64>,
    pub cumulative_hours: Option<f64>,
    pub at: RowRef,
}

/// 服务记录: one volunteer's service on one day. Rows with an unreadable date or hours
/// never get here (they become findings).
///
/// 44 bytes, not 48: `packed(4)` keeps `hours` from padding the record to `f64`'s 8-byte
/// alignment: 4 bytes × a district's million records (heaptrack: 44.0 MB). Fields are read
/// by value (`r.hours`), never borrowed (`&r.hours` does not compile on a packed struct).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[repr(C, packed(4))]
pub struct ServiceRecord {
    pub volunteer_no: Option<Sym>,
    pub id_number: Option<Sym>,
    pub name: Option<Sym>,
    pub phone: Option<Sym>,
    pub activity: Option<Sym>,
    pub date: NaiveDate,
    pub hours: f64,
    pub station: Option<Sym>,
    pub at: RowRef,
}

/// Which of the four material columns (方案, 记录, 简报, 图片) an activity has.
/// `None`: that column is absent from the sheet. `Some(false)`: present but blank or 否.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Materials {
    pub plan: Option<bool>,
    pub record: Option<bool>,
    pub brief: Option<bool>,
    pub photo: Option<bool>,
}

/// 活动记录: one activity run by a station. Tag cells are kept as raw text; tags are
/// matched at scoring time against the profile's (editable) dictionaries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub name: Option<Sym>,
    /// `None` when the cell was unreadable (a finding says so); such rows count nowhere
    /// a date is needed.
    pub date: Option<NaiveDate>,
    pub station: Option<Sym>,
    pub theme: Option<Sym>,
    pub team: Option<Sym>,
    pub holiday: Option<Sym>,
    pub participants: Option<u32>,
    pub materials: Materials,
    pub at: RowRef,
}

/// 培训记录: one training; a joint training names several stations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Training {
    pub date: Option<NaiveDate>,
    pub topic: Option<Sym>,
    pub stations: Vec<Sym>,
    pub kind: Option<Sym>,
    pub participants: Option<u32>,
    pub at: RowRef,
}

/// Everything imported, from every file, ready for checking and scoring.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Tables {
    pub strings: Interner,
    pub sources: Vec<SourceSheet>,
    pub volunteers: Vec<Volunteer>,
    pub records: Vec<ServiceRecord>,
    pub activities: Vec<Activity>,
    pub trainings: Vec<Training>,
    /// Fields that occurred as a column in at least one sheet of each role, so rules can
    /// tell "column absent" (rule not shown / needs input) from "column empty".
    pub present: Vec<(Role, Field)>,
    /// 汇总报送: the report files counted and refused, when the import had any (the
    /// scorecard names the stations whose data is not in it, `town::missing_stations`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<crate::town::TownReceipt>,
}

/// The year most of the data is dated in (service records, activities, trainings): the
/// page offers to score that year when the context names another one, since a roster of
/// last year scored against this year only shows every record as out of period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataYear {
    pub year: i32,
    /// Dated rows in `year` …
    pub rows: u64,
    /// … of all dated rows.
    pub of: u64,
}

impl Tables {
    /// The year holding more than half of the dated rows, if one does.
    pub fn data_year(&self) -> Option<DataYear> {
        let dates = self
            .records
            .iter()
            .map(|r| Some(r.date))
            .chain(self.activities.iter().map(|a| a.date))
            .chain(self.trainings.iter().map(|t| t.date))
            .flatten();
        let mut per_year = std::collections::BTreeMap::<i32, u64>::new();
        for d in dates {
            *per_year.entry(chrono::Datelike::year(&d)).or_default() += 1;
        }
        let of: u64 = per_year.values().sum();
        let (&year, &rows) = per_year.iter().max_by_key(|(_, &n)| n)?;
        (rows * 2 > of).then_some(DataYear { year, rows, of })
    }

    /// The text behind a symbol.
    pub fn s(&self, sym: Sym) -> &str {
        self.strings.get(sym)
    }

    /// The text behind an optional symbol, "" for none.
    pub fn so(&self, sym: Option<Sym>) -> &str {
        sym.map(|s| self.strings.get(s)).unwrap_or("")
    }

    pub fn has_field(&self, role: Role, field: Field) -> bool {
        self.present.iter().any(|&(r, f)| r == role && f == field)
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.sources.iter().any(|s| s.role == role)
    }

    /// File and sheet name of a row, for findings and drill-down.
    pub fn source_of(&self, at: RowRef) -> Option<&SourceSheet> {
        self.sources.get(at.source as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_table_is_consistent() {
        let mut names = std::collections::BTreeSet::new();
        for f in Field::ALL {
            assert!(names.insert(f.label_zh()), "duplicate label {}", f.label_zh());
            assert!(!f.label_en().is_empty());
        }
        // every field belongs to at least one role
        for f in Field::ALL {
            assert!(Role::ALL.iter().any(|r| r.fields().contains(&f)), "{f:?} in no role");
        }
    }

    /// A district holds a million of these: 6 × 4-byte symbols, a 4-byte date, 8-byte hours
    /// and an 8-byte row reference, with no padding. The derives still read and write it.
    #[test]
    fn service_records_are_44_bytes_and_still_round_trip() {
        assert_eq!(std::mem::size_of::<ServiceRecord>(), 6 * 4 + 4 + 8 + 8);
        let mut names = crate::text::Interner::default();
        let r = ServiceRecord {
            volunteer_no: Some(names.intern("V001")),
            id_number: None,
            name: Some(names.intern("张三")),
            phone: None,
            activity: Some(names.intern("敬老助残")),
            date: NaiveDate::from_ymd_opt(2017, 3, 5).unwrap(),
            hours: 2.75,
            station: Some(names.intern("新桥社区")),
            at: RowRef { source: 1, row: 42 },
        };
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains(r#""date":"2017-03-05","hours":2.75,"#), "{json}");
        assert_eq!(serde_json::from_str::<ServiceRecord>(&json).unwrap(), r);
        assert!(format!("{r:?}").contains("hours: 2.75"));
    }

    /// The data's year: more than half of all dated rows, records, activities and
    /// trainings counted alike; a tie or a spread gives none.
    #[test]
    fn the_data_year_holds_most_dated_rows() {
        use crate::builder::{ActivitySpec, RecordSpec, TablesBuilder, TrainingSpec};
        let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        let build = |records: &[NaiveDate], activities: &[Option<NaiveDate>], trainings: &[NaiveDate]| {
            let mut b = TablesBuilder::new();
            records.iter().for_each(|&date| {
                b.record(RecordSpec { volunteer_no: "V1", date, hours: 1.0, ..Default::default() });
            });
            activities.iter().for_each(|&date| {
                b.activity(ActivitySpec { name: "活动", date, station: "新桥社区", ..Default::default() });
            });
            trainings.iter().for_each(|&date| {
                b.training(TrainingSpec {
                    date: Some(date),
                    topic: "培训",
                    stations: &["新桥社区"],
                    ..Default::default()
                });
            });
            b.finish().data_year()
        };
        // 3 of 5 dated rows in 2025 (an undated activity counts nowhere)
        assert_eq!(
            build(&[d(2025, 3), d(2025, 4), d(2026, 1)], &[Some(d(2025, 5)), None], &[d(2026, 2)]),
            Some(DataYear { year: 2025, rows: 3, of: 5 })
        );
        assert_eq!(build(&[d(2025, 3), d(2026, 4)], &[], &[]), None, "a tie is no majority");
        assert_eq!(build(&[d(2024, 1), d(2025, 1), d(2026, 1)], &[], &[]), None, "nor a spread");
        assert_eq!(build(&[], &[None], &[]), None, "nothing dated");
    }
}
