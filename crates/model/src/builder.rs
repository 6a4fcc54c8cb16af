//! Building [`Tables`] from plain strings: for tests, the built-in demo town and anything
//! else that makes rows without reading a file. Empty strings become `None`.

use crate::model::*;
use crate::text::Sym;
use chrono::NaiveDate;

/// A roster row as text.
#[derive(Clone, Debug, Default)]
pub struct VolunteerSpec<'a> {
    pub number: &'a str,
    pub name: &'a str,
    pub gender: &'a str,
    pub id_number: &'a str,
    pub phone: &'a str,
    pub political: &'a str,
    pub registered_on: Option<NaiveDate>,
    pub station: &'a str,
    pub unit_type: &'a str,
    pub annual_hours: Option<f64>,
    pub cumulative_hours: Option<f64>,
}

/// A service-record row as text.
#[derive(Clone, Debug)]
pub struct RecordSpec<'a> {
    pub volunteer_no: &'a str,
    pub id_number: &'a str,
    pub name: &'a str,
    pub phone: &'a str,
    pub activity: &'a str,
    pub date: NaiveDate,
    pub hours: f64,
    pub station: &'a str,
}

impl Default for RecordSpec<'_> {
    fn default() -> Self {
        RecordSpec {
            volunteer_no: "",
            id_number: "",
            name: "",
            phone: "",
            activity: "",
            date: NaiveDate::MIN,
            hours: 0.0,
            station: "",
        }
    }
}

/// An activity row as text.
#[derive(Clone, Debug, Default)]
pub struct ActivitySpec<'a> {
    pub name: &'a str,
    pub date: Option<NaiveDate>,
    pub station: &'a str,
    pub theme: &'a str,
    pub team: &'a str,
    pub holiday: &'a str,
    pub participants: Option<u32>,
    pub materials: Materials,
}

/// A training row as text; `stations` may name several (joint training).
#[derive(Clone, Debug, Default)]
pub struct TrainingSpec<'a> {
    pub date: Option<NaiveDate>,
    pub topic: &'a str,
    pub stations: &'a [&'a str],
    pub kind: &'a str,
    pub participants: Option<u32>,
}

/// Appends rows to a [`Tables`], one source sheet per role, numbering rows as Excel would
/// below a header on row 1.
#[derive(Debug, Default)]
pub struct TablesBuilder {
    tables: Tables,
    source: [Option<u32>; 4],
    next_row: [u32; 4],
}

impl TablesBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    fn opt(&mut self, s: &str) -> Option<Sym> {
        let t = s.trim();
        (!t.is_empty()).then(|| self.tables.strings.intern(t))
    }

    fn at(&mut self, role: Role, fields: &[Field]) -> RowRef {
        let k = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
        let source = match self.source[k] {
            Some(s) => s,
            None => {
                let s = self.tables.sources.len() as u32;
                self.tables.sources.push(SourceSheet {
                    file: "builder.xlsx".into(),
                    sheet: role.label_zh().into(),
                    role,
                });
                self.source[k] = Some(s);
                self.next_row[k] = 2;
                s
            }
        };
        for &f in fields {
            if !self.tables.present.contains(&(role, f)) {
                self.tables.present.push((role, f));
            }
        }
        let row = self.next_row[k];
        self.next_row[k] += 1;
        RowRef { source, row }
    }

    pub fn volunteer(&mut self, v: VolunteerSpec) -> usize {
        let mut fields = vec![Field::Name, Field::Station, Field::RegisteredOn];
        if !v.number.is_empty() {
            fields.push(Field::VolunteerNo);
        }
        if !v.political.is_empty() {
            fields.push(Field::Political);
        }
        if v.annual_hours.is_some() {
            fields.push(Field::AnnualHours);
        }
        if v.cumulative_hours.is_some() {
            fields.push(Field::CumulativeHours);
        }
        let at = self.at(Role::Volunteers, &fields);
        let row = Volunteer {
            number: self.opt(v.number),
            name: self.opt(v.name),
            gender: self.opt(v.gender),
            id_number: self.opt(v.id_number),
            phone: self.opt(v.phone),
            political: self.opt(v.political),
            registered_on: v.registered_on,
            station: self.opt(v.station),
            unit_type: self.opt(v.unit_type),
            annual_hours: v.annual_hours,
            cumulative_hours: v.cumulative_hours,
            at,
        };
        self.tables.volunteers.push(row);
        self.tables.volunteers.len() - 1
    }

    pub fn record(&mut self, r: RecordSpec) -> usize {
        let at = self.at(Role::Records, &[Field::VolunteerNo, Field::Date, Field::Hours, Field::ActivityName]);
        let row = ServiceRecord {
            volunteer_no: self.opt(r.volunteer_no),
            id_number: self.opt(r.id_number),
            name: self.opt(r.name),
            phone: self.opt(r.phone),
            activity: self.opt(r.activity),
            date: r.date,
            hours: r.hours,
            station: self.opt(r.station),
            at,
        };
        self.tables.records.push(row);
        self.tables.records.len() - 1
    }

    pub fn activity(&mut self, a: ActivitySpec) -> usize {
        let mut fields =
            vec![Field::ActivityName, Field::Date, Field::Station, Field::Theme, Field::Team, Field::Holiday];
        let m = a.materials;
        for (present, f) in
            [(m.plan, Field::Plan), (m.record, Field::Record), (m.brief, Field::Brief), (m.photo, Field::Photo)]
        {
            if present.is_some() {
                fields.push(f);
            }
        }
        let at = self.at(Role::Activities, &fields);
        let row = Activity {
            name: self.opt(a.name),
            date: a.date,
            station: self.opt(a.station),
            theme: self.opt(a.theme),
            team: self.opt(a.team),
            holiday: self.opt(a.holiday),
            participants: a.participants,
            materials: a.materials,
            at,
        };
        self.tables.activities.push(row);
        self.tables.activities.len() - 1
    }

    pub fn training(&mut self, t: TrainingSpec) -> usize {
        let at = self.at(Role::Trainings, &[Field::Date, Field::Topic, Field::Station, Field::TrainingKind]);
        let stations = t.stations.iter().filter_map(|s| self.opt(s)).collect();
        let row = Training {
            date: t.date,
            topic: self.opt(t.topic),
            stations,
            kind: self.opt(t.kind),
            participants: t.participants,
            at,
        };
        self.tables.trainings.push(row);
        self.tables.trainings.len() - 1
    }

    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    pub fn finish(self) -> Tables {
        self.tables
    }
}
