//! Column headers the samples write: the canonical ones of our templates and clean sample
//! workbooks, and the synonyms real exports use (for messy samples). All of them are names
//! or synonyms listed in indicators.md §2, so import recognises every one.

use scorecard_model::model::{Field, Role};

/// Where the generic canonical label (日期, 参与人数) would be ambiguous, the header a sheet
/// of that role uses instead. Each is §2's first name for that column.
const ROLE_LABELS: [(Role, Field, &str); 4] = [
    (Role::Records, Field::Date, "服务日期"),
    (Role::Activities, Field::Date, "活动日期"),
    (Role::Trainings, Field::Date, "培训日期"),
    (Role::Trainings, Field::Participants, "参训人数"),
];

/// The header of `field` in a sheet of `role`, as our templates write it.
pub fn header_label(role: Role, field: Field) -> &'static str {
    ROLE_LABELS
        .iter()
        .find(|(r, f, _)| *r == role && *f == field)
        .map(|(_, _, label)| *label)
        .unwrap_or(field.label_zh())
}

/// Headers as the national system's and WPS exports write them: a synonym of §2 where one
/// is common, else the template header.
const MESSY_LABELS: [(Role, Field, &str); 8] = [
    (Role::Volunteers, Field::IdNumber, "身份证号码"),
    (Role::Volunteers, Field::Phone, "联系电话"),
    (Role::Volunteers, Field::RegisteredOn, "注册时间"),
    (Role::Volunteers, Field::Station, "所属组织"),
    (Role::Records, Field::ActivityName, "项目名称"),
    (Role::Records, Field::Date, "服务时间"),
    (Role::Activities, Field::Station, "组织单位"),
    (Role::Activities, Field::Team, "志愿服务队"),
];

/// The header of `field` in a messy sample sheet of `role`.
pub fn messy_label(role: Role, field: Field) -> &'static str {
    MESSY_LABELS
        .iter()
        .find(|(r, f, _)| *r == role && *f == field)
        .map(|(_, _, label)| *label)
        .unwrap_or(header_label(role, field))
}

/// Group cells merged over the second header row in messy samples (基本信息 over 姓名,
/// 性别, 证件号码 …): role, group text, the fields under it (adjacent in the sheet).
pub const MESSY_GROUPS: [(Role, &str, &[Field]); 5] = [
    (Role::Volunteers, "基本信息", &[Field::Name, Field::Gender, Field::IdNumber]),
    (Role::Volunteers, "服务情况", &[Field::AnnualHours, Field::CumulativeHours]),
    (Role::Records, "志愿者信息", &[Field::VolunteerNo, Field::IdNumber, Field::Name, Field::Phone]),
    (Role::Records, "服务情况", &[Field::ActivityName, Field::Date, Field::Hours]),
    (Role::Activities, "活动材料", &[Field::Plan, Field::Record, Field::Brief, Field::Photo]),
];

/// A column width (in Excel characters) that shows a typical value of `field` whole.
pub fn column_width(role: Role, field: Field) -> f64 {
    match field {
        Field::IdNumber => 21.0,
        Field::VolunteerNo => 18.0,
        Field::Phone => 14.0,
        Field::ActivityName | Field::Topic => 28.0,
        Field::Station if role == Role::Trainings => 26.0,
        Field::Station | Field::Theme | Field::Team | Field::Holiday | Field::UnitType => 16.0,
        Field::Date | Field::RegisteredOn | Field::Political => 13.0,
        Field::Start | Field::End => 17.0,
        Field::TimeSpan => 14.0,
        Field::AnnualHours | Field::CumulativeHours | Field::Hours | Field::TrainingKind => 13.0,
        Field::Name | Field::Participants => 10.0,
        Field::Gender | Field::Plan | Field::Record | Field::Brief | Field::Photo => 7.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_name_fields_of_their_role_once() {
        for (role, field, _) in ROLE_LABELS.iter().chain(MESSY_LABELS.iter()) {
            assert!(role.fields().contains(field), "{role:?} has no {field:?}");
        }
        for table in [&ROLE_LABELS[..], &MESSY_LABELS[..]] {
            for (i, a) in table.iter().enumerate() {
                assert!(table[i + 1..].iter().all(|b| (a.0, a.1) != (b.0, b.1)), "{a:?} twice");
            }
        }
        assert_eq!(header_label(Role::Records, Field::Date), "服务日期");
        assert_eq!(header_label(Role::Activities, Field::Participants), "参与人数");
        assert_eq!(messy_label(Role::Records, Field::Hours), "服务时长");
        assert_eq!(messy_label(Role::Records, Field::Date), "服务时间");
    }

    #[test]
    fn headers_of_one_sheet_are_distinct() {
        for role in Role::ALL {
            for label in [header_label, messy_label] {
                let mut seen: Vec<&str> = role.fields().iter().map(|f| label(role, *f)).collect();
                seen.sort_unstable();
                let n = seen.len();
                seen.dedup();
                assert_eq!(seen.len(), n, "{role:?}");
            }
        }
    }
}
