//! Everything about the data that does not depend on the as-of date: the assessed
//! stations, the year's distinct activities with their tags, the year's trainings merged
//! across files, the holidays. Built once per scoring (and once for a whole monthly
//! replay), so activities are tagged once however many as-of dates are evaluated.

use crate::calendar_and_tags as bridge;

use crate::calendar_and_tags::{Dicts, Holiday, Tags};
use crate::scope::{station_names, Place, Placer};
use chrono::{Datelike, NaiveDate};
use scorecard_model::context::Context;
use scorecard_model::finding::{Finding, FindingKind, Severity};
use scorecard_model::model::{other_row, Field, Role, RowRef, Tables};
use scorecard_model::profile::Profile;
use std::collections::{BTreeMap, HashMap};

/// How an activity relates to the holidays (X8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayMark {
    /// Not near any holiday and names none.
    None,
    /// Its 节庆日 cell or its name names a holiday: counts.
    Named,
    /// Within 3 days of holiday `i`, names none, confirmed by the user: counts.
    Confirmed(usize),
    /// Within 3 days of holiday `i`, names none, not confirmed: suggested only.
    Suggested(usize),
}

impl HolidayMark {
    pub fn counts(self) -> bool {
        matches!(self, HolidayMark::Named | HolidayMark::Confirmed(_))
    }
}

/// A distinct activity of year `Y` with a readable date.
#[derive(Clone, Debug)]
pub struct Act {
    /// Index into `tables.activities` (the first of its duplicates).
    pub row: usize,
    pub at: RowRef,
    pub date: NaiveDate,
    pub place: Place,
    pub tags: Tags,
    pub holiday: HolidayMark,
    /// `station|date|name`, the key confirmations are stored under.
    pub key: String,
}

/// A distinct training of year `Y` (rows with the same date, topic and type merged; a
/// joint training names several stations and counts once for each).
#[derive(Clone, Debug)]
pub struct Train {
    pub rows: Vec<RowRef>,
    pub date: NaiveDate,
    pub places: Vec<Place>,
    /// 培训类型 and 培训主题, for the rules' type filters.
    pub text: String,
}

/// The as-of-independent facts. See the module doc.
#[derive(Clone, Debug)]
pub struct Facts {
    pub year: i32,
    pub stations: Vec<String>,
    pub placer: Placer,
    pub acts: Vec<Act>,
    pub trains: Vec<Train>,
    pub holidays: Vec<Holiday>,
    /// An activity sheet was imported (so zero activities means zero, not "not given").
    pub has_activities: bool,
    pub has_trainings: bool,
    /// Which of 方案, 记录, 简报, 图片 occur as columns of an activity sheet.
    pub material_columns: [bool; 4],
    /// Duplicate and out-of-year activities and trainings.
    pub findings: Vec<Finding>,
}

/// A finding at a row, located through the tables' sources.
pub(crate) fn finding_at(
    tables: &Tables,
    at: RowRef,
    kind: FindingKind,
    severity: Severity,
    zh: String,
    en: String,
) -> Finding {
    // 汇总报送: a report file's row number means nothing to a clerk: the file alone
    if let Some(r) = scorecard_model::model::report_of(tables, at) {
        return Finding::file(&r.file, kind, severity, zh, en);
    }
    // A CSV's only "sheet" has an empty name: no sheet then, so locations read 文件「x.csv」，第 5 行.
    let (file, sheet) = match tables.source_of(at) {
        Some(s) => (s.file.as_str(), Some(s.sheet.as_str()).filter(|n| !n.is_empty())),
        None => ("", None),
    };
    let f = Finding::file(file, kind, severity, zh, en).at_row(at.row);
    match sheet {
        Some(sh) => f.in_sheet(sh),
        None => f,
    }
}

/// 汇总报送: a row repeating `first` when either is a report file's, in the town's words
/// (whose file each is, never a row number): (here, here in English, there, there in
/// English), as in "「站点二」报送的" … "与「站点一」报送的" … "一项活动"; `None` for two
/// rows of the town's own sheets.
fn twice(tables: &Tables, at: RowRef, first: RowRef) -> Option<(String, String, String, String)> {
    let here = scorecard_model::model::report_of(tables, at);
    let there = scorecard_model::model::report_of(tables, first);
    if here.is_none() && there.is_none() {
        return None;
    }
    let (here_zh, here_en) = match here {
        Some(r) => (format!("「{}」报送的", r.station), format!("in the report file of \"{}\" ", r.station)),
        None => ("本镇导入的".to_string(), "in the town's own sheets ".to_string()),
    };
    let (there_zh, there_en) = match there {
        Some(r) if here.is_some_and(|h| h.first_source == r.first_source) => {
            ("同一报送文件中的".to_string(), "in the same report file".to_string())
        }
        Some(r) => (format!("「{}」报送的", r.station), format!("in the report file of \"{}\"", r.station)),
        None => ("本镇导入的表格中的".to_string(), "in the town's own sheets".to_string()),
    };
    Some((here_zh, here_en, there_zh, there_en))
}

/// Counts rows left out per source sheet, for one summary finding each (not one per row).
#[derive(Default)]
struct OutOfYear {
    by_source: BTreeMap<u32, (u64, RowRef)>,
}

impl OutOfYear {
    fn add(&mut self, at: RowRef) {
        let e = self.by_source.entry(at.source).or_insert((0, at));
        e.0 += 1;
    }

    fn findings(&self, tables: &Tables, year: i32, what_zh: &str, what_en: &str, out: &mut Vec<Finding>) {
        for (n, first) in self.by_source.values() {
            if let Some(r) = scorecard_model::model::report_of(tables, *first) {
                let s = &r.station;
                out.push(finding_at(
                    tables,
                    *first,
                    FindingKind::DateOutOfPeriod,
                    Severity::Info,
                    format!("「{s}」的报送文件中有 {n} 条{what_zh}的日期不在 {year} 年内，未计入。如需计入，请检查考核年度，或让「{s}」按 {year} 年重新生成报送文件。"),
                    format!("The report file of \"{s}\" has {n} {what_en} dated outside {year}; not counted. Check the assessment year, or ask \"{s}\" for a {year} report file."),
                ));
                continue;
            }
            out.push(finding_at(
                tables,
                *first,
                FindingKind::DateOutOfPeriod,
                Severity::Info,
                format!(
                    "有 {n} 条{what_zh}的日期不在 {year} 年内，未计入（第一条在第 {} 行）。如需计入，请检查考核年度。",
                    first.row
                ),
                format!(
                    "{n} {what_en} are dated outside {year} and not counted (the first on row {}). Check \
                    the assessment year if they should count.",
                    first.row
                ),
            ));
        }
    }
}

/// Words in 活动主题 / 服务队 cells that name nothing in the profile's dictionaries: one
/// finding per word (not per row), so a clerk can fix the cell or add an alias.
#[derive(Default)]
struct UnknownWords {
    order: Vec<(u8, String)>,
    seen: HashMap<(u8, String), (u64, RowRef)>,
}

impl UnknownWords {
    fn add(&mut self, column: u8, word: &str, at: RowRef) {
        let k = (column, word.to_string());
        match self.seen.get_mut(&k) {
            Some(e) => e.0 += 1,
            None => {
                self.seen.insert(k.clone(), (1, at));
                self.order.push(k);
            }
        }
    }

    fn findings(&self, tables: &Tables, profile: &Profile, out: &mut Vec<Finding>) {
        for k in &self.order {
            let Some((n, at)) = self.seen.get(k) else { continue };
            let (col, dict_zh, dict_en) =
                if k.0 == 0 { ("活动主题", "主题", "theme") } else { ("服务队", "服务队", "team") };
            let w = &k.1;
            if let Some(r) = scorecard_model::model::report_of(tables, *at) {
                let s = &r.station;
                out.push(
                    finding_at(
                        tables,
                        *at,
                        FindingKind::Suggestion,
                        Severity::Info,
                        format!(
                            "「{s}」报送的{col}「{w}」不在「{}」的{dict_zh}词典中（共 {n} 项活动），未计入{dict_zh}统计。如属某一{dict_zh}，\
                                请让「{s}」改写后重新生成报送文件，或在自定义方案中把它加为别名。",
                            profile.name_zh
                        ),
                        format!(
                            "\"{w}\" in the report file of \"{s}\" names no {dict_en} of \"{}\" ({n} activities); not \
                                counted. Ask \"{s}\" to rewrite it and make its report file again, or add it as an alias in a custom profile.",
                            profile.name_en
                        ),
                    )
                    .in_column(col),
                );
                continue;
            }
            out.push(
                finding_at(
                    tables,
                    *at,
                    FindingKind::Suggestion,
                    Severity::Info,
                    format!(
                        "{col}「{w}」不在「{}」的{dict_zh}词典中（共 {n} 项活动，第一项在第 {} 行），未计入{dict_zh}统计。如属某一{dict_zh}，\
                            请改写该单元格，或在自定义方案中把它加为别名。",
                        profile.name_zh, at.row
                    ),
                    format!(
                        "\"{w}\" names no {dict_en} of \"{}\" ({n} activities, the first on row {}); not \
                            counted. Rewrite the cell, or add it as an alias in a custom profile.",
                        profile.name_en, at.row
                    ),
                )
                .in_column(col),
            );
        }
    }
}

impl Facts {
    pub fn build(profile: &Profile, ctx: &Context, tables: &Tables) -> Facts {
        let year = ctx.year;
        let stations = station_names(ctx, tables);
        let placer = Placer::new(ctx, tables, &stations);
        let holidays = bridge::holidays(year);
        let dicts = Dicts::new(profile, &holidays);
        let mut findings = Vec::new();

        let mut acts = Vec::new();
        let mut first_by_key: HashMap<String, RowRef> = HashMap::new();
        let mut out_of_year = OutOfYear::default();
        let mut unknown = UnknownWords::default();
        for (row, a) in tables.activities.iter().enumerate() {
            // An unreadable date was reported by the importer; such rows count nowhere.
            let Some(date) = a.date else { continue };
            if date.year() != year {
                out_of_year.add(a.at);
                continue;
            }
            let key = bridge::activity_key(tables, a);
            if let Some(&first) = first_by_key.get(&key) {
                let (zh, en) = match twice(tables, a.at, first) {
                    Some((here_zh, here_en, there_zh, there_en)) => {
                        let name = tables.so(a.name);
                        (
                            format!("{here_zh}活动「{name}」（{date}）与{there_zh}一项活动站点、日期、名称都相同，视为同一活动，只计一次。"),
                            format!("The activity \"{name}\" ({date}) {here_en}has the same station, date and name as one {there_en}; counted once."),
                        )
                    }
                    None => {
                        let (first_zh, first_en) = other_row(tables, a.at, first);
                        (
                            format!("这项活动与{first_zh}站点、日期、名称都相同，视为同一活动，只计一次。"),
                            format!("This activity has the same station, date and name as {first_en}; counted once."),
                        )
                    }
                };
                findings.push(finding_at(tables, a.at, FindingKind::SkippedRow, Severity::Info, zh, en));
                continue;
            }
            first_by_key.insert(key.clone(), a.at);
            let tags = bridge::tag(tables, a, &dicts);
            if !profile.themes.is_empty() {
                for w in bridge::unknown(&dicts.themes, tables.so(a.theme), false) {
                    unknown.add(0, w, a.at);
                }
            }
            if !profile.teams.is_empty() {
                for w in bridge::unknown(&dicts.teams, tables.so(a.team), true) {
                    unknown.add(1, w, a.at);
                }
            }
            let holiday = if tags.names_holiday {
                HolidayMark::Named
            } else {
                match bridge::near_holiday(date, &holidays, 3) {
                    Some(h) if ctx.confirmed_holidays.contains(&key) => HolidayMark::Confirmed(h),
                    Some(h) => HolidayMark::Suggested(h),
                    None => HolidayMark::None,
                }
            };
            acts.push(Act { row, at: a.at, date, place: placer.place(a.station), tags, holiday, key });
        }
        out_of_year.findings(tables, year, "活动记录", "activities", &mut findings);
        unknown.findings(tables, profile, &mut findings);

        let mut trains: Vec<Train> = Vec::new();
        let mut train_by_key: HashMap<String, usize> = HashMap::new();
        // Per training, the row that first counted it for each of its places: a repeated row
        // is named after the row that already counted its station.
        let mut counted_by: Vec<Vec<(Place, RowRef)>> = Vec::new();
        let mut out_of_year = OutOfYear::default();
        for t in &tables.trainings {
            let Some(date) = t.date else { continue };
            if date.year() != year {
                out_of_year.add(t.at);
                continue;
            }
            let mut places: Vec<Place> = t.stations.iter().map(|s| placer.place(Some(*s))).collect();
            if places.is_empty() {
                places.push(placer.place(None));
            }
            let key = format!("{date}|{}|{}", tables.so(t.topic), tables.so(t.kind));
            match train_by_key.get(&key) {
                Some(&i) => {
                    let (Some(tr), Some(by)) = (trains.get_mut(i), counted_by.get_mut(i)) else { continue };
                    tr.rows.push(t.at);
                    // The same training for another station (a joint training over two
                    // rows) counts there, so it is no skipped row: no finding. A row adding
                    // no station repeats one already counted: counted once, and said so.
                    let mut adds = false;
                    for &p in &places {
                        if !tr.places.contains(&p) {
                            tr.places.push(p);
                            by.push((p, t.at));
                            adds = true;
                        }
                    }
                    if adds {
                        continue;
                    }
                    let first = by
                        .iter()
                        .find(|(p, _)| places.first() == Some(p))
                        .map(|(_, at)| *at)
                        .or_else(|| tr.rows.first().copied())
                        .unwrap_or(t.at);
                    let (zh, en) = match twice(tables, t.at, first) {
                        Some((here_zh, here_en, there_zh, there_en)) => {
                            let topic = tables.so(t.topic);
                            (
                                format!("{here_zh}培训「{topic}」（{date}）与{there_zh}一次培训日期、主题、类型相同，视为同一次培训（如联合培训），每个站点只计一次。"),
                                format!("The training \"{topic}\" ({date}) {here_en}has the same date, topic and type as one {there_en} (a joint training, say); it counts once per station."),
                            )
                        }
                        None => {
                            let (first_zh, first_en) = other_row(tables, t.at, first);
                            (
                                format!("这次培训与{first_zh}日期、主题、类型相同，视为同一次培训，每个站点只计一次。"),
                                format!(
                                    "This training has the same date, topic and type as {first_en}; it counts \
                                    once per station."
                                ),
                            )
                        }
                    };
                    findings.push(finding_at(tables, t.at, FindingKind::SkippedRow, Severity::Info, zh, en));
                }
                None => {
                    let mut uniq = Vec::new();
                    for p in places {
                        if !uniq.contains(&p) {
                            uniq.push(p);
                        }
                    }
                    train_by_key.insert(key, trains.len());
                    counted_by.push(uniq.iter().map(|p| (*p, t.at)).collect());
                    let text = format!("{} {}", tables.so(t.kind), tables.so(t.topic));
                    trains.push(Train { rows: vec![t.at], date, places: uniq, text });
                }
            }
        }
        out_of_year.findings(tables, year, "培训记录", "trainings", &mut findings);

        let col = |f: Field| tables.has_field(Role::Activities, f);
        Facts {
            year,
            stations,
            placer,
            acts,
            trains,
            holidays,
            has_activities: tables.has_role(Role::Activities) || !tables.activities.is_empty(),
            has_trainings: tables.has_role(Role::Trainings) || !tables.trainings.is_empty(),
            material_columns: [col(Field::Plan), col(Field::Record), col(Field::Brief), col(Field::Photo)],
            findings,
        }
    }
}
