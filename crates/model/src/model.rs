//! The four typed tables every indicator is computed from (indicators.md §2).
//!
//! Import fills these from any mix of files and sheets; rows from all sources of the
//! same role are appended to one table. Repeated text is interned (see [`crate::text`]).
//! Each row keeps a [`RowRef`] back to its file, sheet and Excel row for drill-down.

pub use crate::fields::{Field, Materials, Role};
use crate::report_file::ReceivedReport;
use crate::text::{Interner, Sym};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
    /// scorecard names the stations whose data is not in it, the score crate's `missing_stations`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<crate::report_file::TownReceipt>,
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

/// The counted report file a row comes from, if it comes from one.
pub fn report_of(tables: &Tables, at: RowRef) -> Option<&ReceivedReport> {
    tables.town.as_ref()?.counted.iter().find(|r| (r.first_source..r.end_source).contains(&at.source))
}

/// Row `there` as a finding at row `here` names it, (Chinese, English): "第 5 行" in the same
/// sheet, "工作表「名册」第 5 行" in another sheet of the same file, "文件「乙.xlsx」工作表「名册」第 5 行"
/// in another file ("文件「乙.csv」第 5 行": a CSV has no sheet); a report file's row by the
/// station whose file it is (its row number means nothing to a clerk). A row number alone
/// would send the clerk to the row of that number in the finding's own sheet.
pub fn other_row(tables: &Tables, here: RowRef, there: RowRef) -> (String, String) {
    let row = there.row;
    if let Some(r) = report_of(tables, there) {
        return (
            format!("「{}」报送文件中的一行", r.station),
            format!("a row of the report file of \"{}\"", r.station),
        );
    }
    let Some(at) = tables.source_of(there) else { return (format!("第 {row} 行"), format!("row {row}")) };
    let same_file = tables.source_of(here).is_some_and(|h| h.file == at.file);
    let same_sheet = same_file && tables.source_of(here).is_some_and(|h| h.sheet == at.sheet);
    match (same_file, same_sheet, at.sheet.is_empty()) {
        (_, true, _) => (format!("第 {row} 行"), format!("row {row}")),
        (true, false, _) => {
            (format!("工作表「{}」第 {row} 行", at.sheet), format!("row {row} of sheet \"{}\"", at.sheet))
        }
        (false, _, true) => (format!("文件「{}」第 {row} 行", at.file), format!("row {row} of file \"{}\"", at.file)),
        (false, _, false) => (
            format!("文件「{}」工作表「{}」第 {row} 行", at.file, at.sheet),
            format!("row {row} of sheet \"{}\" in file \"{}\"", at.sheet, at.file),
        ),
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

    /// A finding pointing at another row names that row's file and sheet when they are not
    /// the finding's own: the same sheet, another sheet, another workbook, a CSV (no
    /// sheet), a station's report file (no row number, the station).
    #[test]
    fn another_row_is_named_with_its_file_and_sheet_when_they_differ() {
        let source =
            |file: &str, sheet: &str| SourceSheet { file: file.into(), sheet: sheet.into(), role: Role::Volunteers };
        let t = Tables {
            sources: vec![
                source("甲站.xlsx", "名册"),
                source("甲站.xlsx", "补录"),
                source("乙站.xlsx", "名册"),
                source("丙站.csv", ""),
                source("报送_丁站.json", "名册"),
            ],
            town: Some(crate::report_file::TownReceipt {
                counted: vec![ReceivedReport {
                    file: "报送_丁站.json".into(),
                    station: "丁站".into(),
                    first_source: 4,
                    end_source: 5,
                }],
                refused: vec![],
            }),
            ..Tables::default()
        };
        let at = |source, row| RowRef { source, row };
        let named = |here, there| other_row(&t, here, there);
        let pair = |zh: &str, en: &str| (zh.to_string(), en.to_string());
        assert_eq!(named(at(0, 9), at(0, 2)), pair("第 2 行", "row 2"));
        assert_eq!(named(at(1, 9), at(0, 2)), pair("工作表「名册」第 2 行", "row 2 of sheet \"名册\""));
        assert_eq!(
            named(at(2, 9), at(0, 2)),
            pair("文件「甲站.xlsx」工作表「名册」第 2 行", "row 2 of sheet \"名册\" in file \"甲站.xlsx\"")
        );
        assert_eq!(named(at(0, 9), at(3, 5)), pair("文件「丙站.csv」第 5 行", "row 5 of file \"丙站.csv\""));
        assert_eq!(named(at(3, 9), at(3, 5)), pair("第 5 行", "row 5"));
        assert_eq!(named(at(0, 9), at(4, 3)), pair("「丁站」报送文件中的一行", "a row of the report file of \"丁站\""));
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
