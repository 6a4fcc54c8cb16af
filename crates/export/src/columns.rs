//! The columns of each drill-down table, per role, as data: header (zh, en) and whether the
//! column holds an ID or phone number that must be masked. `drill_down.rs` fills them in this order.

use scorecard_model::model::Role;

/// What masking a column needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Guard {
    /// Ordinary text; still masked when the whole cell looks like an ID or phone number
    /// (clerks do type ID numbers into 志愿者编号 or 姓名).
    Plain,
    Id,
    Phone,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    pub zh: &'static str,
    pub en: &'static str,
    pub guard: Guard,
}

const fn plain(zh: &'static str, en: &'static str) -> Column {
    Column { zh, en, guard: Guard::Plain }
}

pub(crate) const VOLUNTEER: [Column; 10] = [
    plain("志愿者编号", "Volunteer no."),
    plain("姓名", "Name"),
    plain("性别", "Gender"),
    Column { zh: "证件号码", en: "ID number", guard: Guard::Id },
    Column { zh: "手机号码", en: "Mobile", guard: Guard::Phone },
    plain("政治面貌", "Political status"),
    plain("注册日期", "Registered on"),
    plain("所属站点", "Station"),
    plain("年度服务时长", "Hours this year"),
    plain("累计服务时长", "Hours in total"),
];

pub(crate) const RECORD: [Column; 5] = [
    plain("志愿者", "Volunteer"),
    plain("活动名称", "Activity"),
    plain("服务日期", "Date"),
    plain("时长", "Hours"),
    plain("站点", "Station"),
];

pub(crate) const ACTIVITY: [Column; 8] = [
    plain("活动名称", "Activity"),
    plain("日期", "Date"),
    plain("站点", "Station"),
    plain("主题", "Theme"),
    plain("服务队", "Team"),
    plain("节庆日", "Holiday"),
    plain("参与人数", "Participants"),
    plain("材料", "Materials"),
];

pub(crate) const TRAINING: [Column; 5] = [
    plain("日期", "Date"),
    plain("主题", "Topic"),
    plain("站点", "Station"),
    plain("类型", "Type"),
    plain("人数", "Participants"),
];

/// Where the row came from, after the role's columns in every table.
pub(crate) const SOURCE: [Column; 3] =
    [plain("来源文件", "Source file"), plain("来源工作表", "Source sheet"), plain("原行号", "Excel row")];

pub(crate) fn columns(role: Role) -> &'static [Column] {
    match role {
        Role::Volunteers => &VOLUNTEER,
        Role::Records => &RECORD,
        Role::Activities => &ACTIVITY,
        Role::Trainings => &TRAINING,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_tables_are_consistent() {
        for role in Role::ALL {
            let cols = columns(role);
            let mut seen = std::collections::BTreeSet::new();
            for c in cols.iter().chain(SOURCE.iter()) {
                assert!(seen.insert(c.zh), "{role:?}: duplicate header {}", c.zh);
                assert!(!c.en.is_empty());
            }
            // Only the roster carries raw ID and phone columns; record keys are shown as one
            // 志愿者 column, masked as Plain text.
            let guarded = cols.iter().filter(|c| c.guard != Guard::Plain).count();
            assert_eq!(guarded, if role == Role::Volunteers { 2 } else { 0 }, "{role:?}");
        }
    }
}
