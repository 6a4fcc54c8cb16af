//! What each sample row puts in each column ([`SampleRow`]), and the ways real sheets
//! write dates, hours and yes/no (the cell forms of indicators.md §2) for messy samples.

use crate::rows::{ActivityRow, RecordRow, TrainingRow, VolunteerRow};
use chrono::{Datelike, NaiveDate};
use scorecard_model::model::{Field, Role};

/// A cell's value before a writer decides how to spell it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    /// Text, written as text even when it is all digits (IDs, phone numbers).
    Text(&'a str),
    Count(u32),
    Hours(f64),
    Date(NaiveDate),
    YesNo(bool),
    /// One or several stations (a joint training).
    Stations(&'a [String]),
}

/// A row of one table, as the sample writers see it.
pub trait SampleRow {
    const ROLE: Role;
    /// The columns sample sheets of this role have, in order.
    const COLUMNS: &'static [Field];
    /// The value of one column (`Text("")` for a column the row lacks).
    fn value(&self, field: Field) -> Value<'_>;
}

impl<T: SampleRow> SampleRow for &T {
    const ROLE: Role = T::ROLE;
    const COLUMNS: &'static [Field] = T::COLUMNS;
    fn value(&self, field: Field) -> Value<'_> {
        (*self).value(field)
    }
}

impl SampleRow for VolunteerRow {
    const ROLE: Role = Role::Volunteers;
    const COLUMNS: &'static [Field] = &[
        Field::VolunteerNo,
        Field::Name,
        Field::Gender,
        Field::IdNumber,
        Field::Phone,
        Field::Political,
        Field::RegisteredOn,
        Field::Station,
        Field::AnnualHours,
        Field::CumulativeHours,
    ];
    fn value(&self, field: Field) -> Value<'_> {
        match field {
            Field::VolunteerNo => Value::Text(&self.number),
            Field::Name => Value::Text(&self.name),
            Field::Gender => Value::Text(&self.gender),
            Field::IdNumber => Value::Text(&self.id_number),
            Field::Phone => Value::Text(&self.phone),
            Field::Political => Value::Text(&self.political),
            Field::RegisteredOn => Value::Date(self.registered_on),
            Field::Station => Value::Text(&self.station),
            Field::AnnualHours => Value::Hours(self.annual_hours),
            Field::CumulativeHours => Value::Hours(self.cumulative_hours),
            _ => Value::Text(""),
        }
    }
}

impl SampleRow for RecordRow {
    const ROLE: Role = Role::Records;
    /// The template's order (national exports also carry the phone number).
    const COLUMNS: &'static [Field] = &[
        Field::VolunteerNo,
        Field::IdNumber,
        Field::Name,
        Field::Phone,
        Field::ActivityName,
        Field::Date,
        Field::Hours,
        Field::Station,
    ];
    fn value(&self, field: Field) -> Value<'_> {
        match field {
            Field::VolunteerNo => Value::Text(&self.volunteer_no),
            Field::Name => Value::Text(&self.name),
            Field::IdNumber => Value::Text(&self.id_number),
            Field::Phone => Value::Text(&self.phone),
            Field::ActivityName => Value::Text(&self.activity),
            Field::Date => Value::Date(self.date),
            Field::Hours => Value::Hours(self.hours),
            Field::Station => Value::Text(&self.station),
            _ => Value::Text(""),
        }
    }
}

impl SampleRow for ActivityRow {
    const ROLE: Role = Role::Activities;
    const COLUMNS: &'static [Field] = &[
        Field::ActivityName,
        Field::Date,
        Field::Station,
        Field::Theme,
        Field::Team,
        Field::Holiday,
        Field::Participants,
        Field::Plan,
        Field::Record,
        Field::Brief,
        Field::Photo,
    ];
    fn value(&self, field: Field) -> Value<'_> {
        match field {
            Field::ActivityName => Value::Text(&self.name),
            Field::Date => Value::Date(self.date),
            Field::Station => Value::Text(&self.station),
            Field::Theme => Value::Text(&self.theme),
            Field::Team => Value::Text(&self.team),
            Field::Holiday => Value::Text(&self.holiday),
            Field::Participants => Value::Count(self.participants),
            Field::Plan => Value::YesNo(self.plan),
            Field::Record => Value::YesNo(self.record),
            Field::Brief => Value::YesNo(self.brief),
            Field::Photo => Value::YesNo(self.photo),
            _ => Value::Text(""),
        }
    }
}

impl SampleRow for TrainingRow {
    const ROLE: Role = Role::Trainings;
    const COLUMNS: &'static [Field] =
        &[Field::Date, Field::Topic, Field::Station, Field::TrainingKind, Field::Participants];
    fn value(&self, field: Field) -> Value<'_> {
        match field {
            Field::Date => Value::Date(self.date),
            Field::Topic => Value::Text(&self.topic),
            Field::Station => Value::Stations(&self.stations),
            Field::TrainingKind => Value::Text(&self.kind),
            Field::Participants => Value::Count(self.participants),
            _ => Value::Text(""),
        }
    }
}

/// Hours as a clerk types them: `2.5`, `2`, `123.5`.
pub fn hours_plain(h: f64) -> String {
    if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h}")
    }
}

/// The text forms of hours in real sheets (§2): `2.5小时`, `150分钟`, `2小时30分`.
pub const HOURS_FORMS: usize = 3;

/// Hours in text form `form` (taken modulo [`HOURS_FORMS`]). Exact for multiples of a
/// minute.
pub fn hours_text(h: f64, form: usize) -> String {
    let minutes = (h * 60.0).round();
    match form % HOURS_FORMS {
        0 => format!("{}小时", hours_plain(h)),
        1 => format!("{minutes:.0}分钟"),
        _ => {
            let whole = (minutes / 60.0).floor();
            let rest = minutes - whole * 60.0;
            if rest == 0.0 {
                format!("{whole:.0}小时")
            } else if whole == 0.0 {
                format!("{rest:.0}分钟")
            } else {
                format!("{whole:.0}小时{rest:.0}分")
            }
        }
    }
}

/// The text forms of dates in real sheets (§2).
pub const DATE_FORMS: usize = 5;

/// A date in text form `form` (modulo [`DATE_FORMS`]): `2017-06-12`, `2017/6/12`,
/// `2017年6月12日`, `2017.6.12`, `2017-06-12 09:30`.
pub fn date_text(d: NaiveDate, form: usize) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match form % DATE_FORMS {
        0 => d.format("%Y-%m-%d").to_string(),
        1 => format!("{y}/{m}/{day}"),
        2 => format!("{y}年{m}月{day}日"),
        3 => format!("{y}.{m}.{day}"),
        _ => format!("{} 09:30", d.format("%Y-%m-%d")),
    }
}

/// How messy sheets say yes and no (§2: 是/否, 有/无, Y/N, ✓/✗, 1/0; no is often blank).
pub const YES_FORMS: [&str; 5] = ["是", "有", "Y", "✓", "1"];
pub const NO_FORMS: [&str; 5] = ["否", "无", "N", "", "0"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hour_forms_spell_the_same_hours() {
        let table: [(f64, [&str; 3], &str); 4] = [
            (2.5, ["2.5小时", "150分钟", "2小时30分"], "2.5"),
            (2.0, ["2小时", "120分钟", "2小时"], "2"),
            (0.5, ["0.5小时", "30分钟", "30分钟"], "0.5"),
            (123.5, ["123.5小时", "7410分钟", "123小时30分"], "123.5"),
        ];
        for (h, forms, plain) in table {
            for (i, want) in forms.iter().enumerate() {
                assert_eq!(hours_text(h, i), *want);
            }
            assert_eq!(hours_plain(h), plain);
        }
    }

    #[test]
    fn date_forms_are_those_of_section_2() {
        let d = NaiveDate::from_ymd_opt(2017, 6, 12).unwrap();
        let got: Vec<String> = (0..DATE_FORMS).map(|f| date_text(d, f)).collect();
        assert_eq!(got, ["2017-06-12", "2017/6/12", "2017年6月12日", "2017.6.12", "2017-06-12 09:30"]);
    }

    #[test]
    fn sample_columns_belong_to_their_role() {
        fn check<R: SampleRow>() {
            for f in R::COLUMNS {
                assert!(R::ROLE.fields().contains(f), "{:?} {f:?}", R::ROLE);
            }
        }
        check::<VolunteerRow>();
        check::<RecordRow>();
        check::<ActivityRow>();
        check::<TrainingRow>();
    }
}
