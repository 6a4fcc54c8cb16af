//! The vocabulary of the tables: what a sheet holds ([`Role`]), what a column means
//! ([`Field`]) and which materials an activity has ([`Materials`]) (indicators.md §2).
//! Its own module because the 报送文件 format speaks it too, without the tables.

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

/// Which of the four material columns (方案, 记录, 简报, 图片) an activity has.
/// `None`: that column is absent from the sheet. `Some(false)`: present but blank or 否.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Materials {
    pub plan: Option<bool>,
    pub record: Option<bool>,
    pub brief: Option<bool>,
    pub photo: Option<bool>,
}
