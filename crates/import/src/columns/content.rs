//! What a column's cells hold, from the rows read while the header was looked for: the
//! second witness beside the header (indicators.md §2 keys). It decides what a header
//! cannot: a 编号 that counts 1, 2, 3 … is a row number, not a volunteer number; a column
//! named nothing we know that holds 18-digit IDs is the ID column; a 时间 column holding
//! `9:00-11:30` is the time worked; a sheet whose "names" are field names is a field list,
//! not a roster; a run of columns holding small counts is a participation matrix.

use crate::cell_parsers::date::{day_month, read_date, DateOrder, DayMonth};
use crate::cell_parsers::id_number::{read_id, IdRead};
use crate::cell_parsers::phone::{read_phone, PhoneRead};
use crate::cell_parsers::time_span::parse_span;
use crate::cell_parsers::Read;
use crate::columns::header::ColumnHeader;
use crate::columns::meaning::{Reading, Why, WhyKind};
use crate::input::cell::{Cell, DateSystem};
use scorecard_model::model::{Field, Role};

/// Counts of what the sampled cells of one column are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sample {
    /// Cells that are not blank.
    pub filled: u32,
    /// 18-character IDs with a good check digit, or 15-digit old IDs.
    pub ids: u32,
    /// 11-digit mobile numbers.
    pub mobiles: u32,
    /// Readable dates (with or without a time).
    pub dates: u32,
    /// Time spans (`9:00-11:30`, with or without a date).
    pub spans: u32,
    /// Whole numbers 0–99 (as numbers or text, `3次`), ticks (`√`, `✓`).
    pub counts: u32,
    /// Whole numbers in order 1, 2, 3 … (a row counter), from the first filled cell.
    pub sequence: bool,
    /// Two to four Chinese characters, or a Latin name: what a person's name looks like.
    pub names: u32,
    /// Cells that are themselves a column name we know (a field list's first column).
    pub headers: u32,
    /// Personal names by their form: a common surname and one to three characters after
    /// it, or a Latin name of two words or more (`Jane Smith`, `Smith, Jane`); several
    /// joined by 、 count as names too.
    pub person_names: u32,
    /// Names of stations, communities, villages and organisations (`新桥社区`, `义工联`).
    pub stations: u32,
    /// Numbers a service's hours could be (above 0, at most 24), at least one not whole.
    pub hours: u32,
    pub fractions: u32,
    /// Phone numbers of other places: Taiwan mobiles (`0912-345-678`), Hong Kong's eight
    /// digits, `(555) 123-4567`.
    pub other_phones: u32,
    /// ID numbers of Taiwan (`A123456789`) and Hong Kong (`A123456(7)`).
    pub other_ids: u32,
    /// Distinct values among the first cells (a name column of a roster rarely repeats).
    pub distinct: u32,
    /// Cells of digits only, any length (`0340`, `20210001`): codes and numbers, no names.
    pub digits: u32,
    /// Codes: digits, or ASCII letters and digits together without a space (`A01`,
    /// `CINA-24-1001`, `F_NAME`): no one's or no activity's name.
    pub codes: u32,
    /// Codes or capital-letter tokens (`XM`, `ZJHM`, `F_NAME`, `A01`): a field's or a
    /// system's code, no one's name.
    pub tokens: u32,
    /// Cells with a masking star (`510***********1234`, `138****0000`).
    pub masked: u32,
    /// Cells holding seven digits or more, however written (`028-87654321`).
    pub long_numbers: u32,
    /// Cells with a time of day (`09:30`, `2024-03-05 09:30`, a date-time cell past midnight):
    /// an end column of dates alone (离岗时间 2024-06-30) gives no hours.
    pub times: u32,
    /// Yes/no cells (`TRUE`, `FALSE`, `Yes`, `否`, `√`): a flag column.
    pub flags: u32,
    /// Months without a day (`2024-03`, `2024年3月`, `3月`): a row per month, not per day.
    pub months: u32,
}

impl Sample {
    /// True when most filled cells (at least three, or all of one or two) are of a kind.
    pub fn mostly(&self, n: u32) -> bool {
        self.filled > 0 && n * 5 >= self.filled * 4 && (n >= 3 || n == self.filled)
    }
}

/// Samples column `col` of the data rows.
pub fn sample(rows: &[&[Cell<'_>]], col: usize, dates: DateSystem) -> Sample {
    let mut s = Sample::default();
    let mut expect: Option<i64> = None;
    let mut in_order = true;
    let mut seen: Vec<String> = Vec::new();
    for cells in rows {
        let Some(cell) = cells.get(col).filter(|c| !c.is_blank() && !is_placeholder(c)) else { continue };
        s.filled += 1;
        if is_id(cell) {
            s.ids += 1;
        }
        if matches!(read_phone(cell), PhoneRead::Ok(ref p) if p.len() == 11 && p.starts_with('1')) {
            s.mobiles += 1;
        }
        // a day-or-month-first date is a date here, whichever its order (the column's order
        // is decided apart, [`day_months`])
        let day_month_date = matches!(cell, Cell::Text(t)
            if matches!(day_month(t), Some(DayMonth::DayFirst | DayMonth::MonthFirst | DayMonth::Either)));
        if day_month_date || matches!(read_date(cell, dates), Read::Value(_)) {
            s.dates += 1;
        }
        let text = cell.display(dates);
        if parse_span(&text).is_some() {
            s.spans += 1;
        }
        let whole = whole_number(cell);
        if whole.is_some_and(|n| (0..=99).contains(&n)) || is_tick(&text) {
            s.counts += 1;
        }
        match (whole, expect) {
            (Some(n @ (0 | 1)), None) => expect = Some(n + 1),
            (Some(_), None) => in_order = false,
            (Some(n), Some(e)) if n == e => expect = Some(n + 1),
            _ => in_order = false,
        }
        if looks_like_name(&text) {
            s.names += 1;
        }
        if crate::columns::cells::is_person_name(&text) {
            s.person_names += 1;
        }
        if crate::columns::cells::is_station_name(&text) {
            s.stations += 1;
        }
        if let Some(h) = crate::columns::cells::as_hours(cell) {
            s.hours += 1;
            s.fractions += u32::from(h.fract() != 0.0);
        }
        if crate::columns::cells::is_other_phone(&text) {
            s.other_phones += 1;
        }
        if crate::columns::cells::is_other_id(&text) {
            s.other_ids += 1;
        }
        let t = text.trim();
        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
            s.digits += 1;
        }
        if is_code(t) {
            s.codes += 1;
        }
        if is_code(t)
            || (2..=24).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            s.tokens += 1;
        }
        if t.contains('*') {
            s.masked += 1;
        }
        if t.bytes().filter(u8::is_ascii_digit).count() >= 7 {
            s.long_numbers += 1;
        }
        let folded = t.replace('：', ":");
        let clock =
            folded.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
                || matches!(cell, Cell::DateTime { serial, .. } if serial.fract() != 0.0);
        if clock {
            s.times += 1;
        }
        if matches!(
            t.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "y" | "n" | "是" | "否" | "√" | "×" | "✓" | "✗"
        ) {
            s.flags += 1;
        }
        if is_month(t) {
            s.months += 1;
        }
        if seen.len() < 64 && !seen.contains(&text) {
            seen.push(text.clone());
        }
        if !crate::columns::meaning::readings_of(&text).is_empty()
            || crate::columns::meaning::is_ignored(&crate::columns::english::lookup_text(&text))
        {
            s.headers += 1;
        }
    }
    s.sequence = in_order && s.filled >= 3 && expect.is_some();
    s.distinct = seen.len() as u32;
    s
}

/// What a column's sampled `a/b/yyyy` dates (`21/06/2024`, `03/04/2024`) say of the order
/// it writes day and month in: counts of each kind, and the first cell of each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayMonths {
    /// Dates only day first (`21/06/2024`).
    pub day_first: u32,
    /// Dates only month first (`06/21/2024`).
    pub month_first: u32,
    /// Dates either way (`03/04/2024`).
    pub either: u32,
    /// No date either way (`13/25/2024`).
    pub neither: u32,
    /// The first cell of the kind, as written.
    pub first_day_first: Option<String>,
    pub first_month_first: Option<String>,
    pub first_either: Option<String>,
}

impl DayMonths {
    /// True when the column holds any `a/b/yyyy` text.
    pub fn any(&self) -> bool {
        self.day_first + self.month_first + self.either + self.neither > 0
    }

    /// The order the cells prove: day first when some date is only day first and none only
    /// month first. Month first is never taken on the cells' word (issue 28: `6/19/2017` in
    /// a Chinese sheet is more likely a typo than an American date): the clerk chooses it.
    pub fn proved(&self) -> Option<DateOrder> {
        self.proved_in(false)
    }

    /// The order the cells prove on a sheet headed in English or not: there, month first
    /// too when some date is only month first and none only day first (`03/21/2024`).
    pub fn proved_in(&self, english: bool) -> Option<DateOrder> {
        match (self.day_first > 0, self.month_first > 0) {
            (true, false) => Some(DateOrder::Dmy),
            (false, true) if english => Some(DateOrder::Mdy),
            _ => None,
        }
    }
}

/// The `a/b/yyyy` dates among column `col`'s sampled text cells.
pub fn day_months(rows: &[&[Cell<'_>]], col: usize) -> DayMonths {
    let mut out = DayMonths::default();
    for cells in rows {
        let Some(Cell::Text(t)) = cells.get(col) else { continue };
        let Some(kind) = day_month(t) else { continue };
        let shown = || Some(crate::input::cell::trim(t).to_string());
        match kind {
            DayMonth::DayFirst => {
                out.day_first += 1;
                out.first_day_first = out.first_day_first.take().or_else(shown);
            }
            DayMonth::MonthFirst => {
                out.month_first += 1;
                out.first_month_first = out.first_month_first.take().or_else(shown);
            }
            DayMonth::Either => {
                out.either += 1;
                out.first_either = out.first_either.take().or_else(shown);
            }
            DayMonth::Neither => out.neither += 1,
        }
    }
    out
}

/// What the cells say of one column, when its header did not say it all.
fn content(word: &str) -> Why {
    Why { kind: WhyKind::Content, word: word.to_string(), qualifier: String::new() }
}

fn add(col: &mut ColumnHeader, roles: &[Role], field: Field, word: &str) {
    for &role in roles {
        col.readings.push(Reading { role, field, rank: 200, volunteer: false, why: content(word) });
    }
}

/// Readings from the cells: a bare 编号 counting 1, 2, 3 … is a row counter (not a
/// volunteer number); codes under a name-like header (an activity's, a station's, a gender)
/// are no names; a phone, ID or hours header whose cells hold none is not read so; names
/// counted are participants; time spans under a date or hours header are the time worked;
/// a header that means nothing over IDs, phones, spans, dates (under a header that says
/// when), personal names, station names or hours is read as that. Returns, per column, why
/// it is left unmapped when the cells decided that.
pub fn refine(columns: &mut [ColumnHeader], samples: &[Sample]) -> Vec<Option<Why>> {
    let mut notes = vec![None; columns.len()];
    for (i, col) in columns.iter_mut().enumerate() {
        let Some(s) = samples.get(i) else { continue };
        let bare_number = col.readings.iter().any(|r| r.field == Field::VolunteerNo && r.why.word == "编号");
        if bare_number && s.sequence {
            col.readings.retain(|r| r.field != Field::VolunteerNo);
            notes[i] = Some(content("行号 1、2、3……"));
            continue;
        }
        // an activity's, a theme's or a station's name is no number: a column of codes under
        // such a header (服务项目 holding 0340) is left for the clerk
        // (a header that says what its codes mean, 性别(0 男 1 女), keeps its field)
        let explained = col.pieces.concat().contains(['男', '女']);
        if (s.mostly(s.digits) || s.mostly(s.codes)) && !explained && !col.readings.is_empty() {
            col.readings.retain(|r| {
                !matches!(
                    r.field,
                    Field::ActivityName
                        | Field::Theme
                        | Field::Station
                        | Field::Topic
                        | Field::Gender
                        | Field::Political
                )
            });
            // the header named a name, the cells hold codes: said, so the clerk sees why
            if col.readings.is_empty() {
                notes[i] = Some(content("代码"));
                continue;
            }
        }
        // the header names a phone or an ID, the cells hold none (a `Contact` column of
        // names, a 身份证 column of account keys): the cells decide
        let numbers = s.long_numbers + s.masked;
        let no_ids = s.ids + s.other_ids + s.masked == 0;
        let contradicted = |f: Field| match f {
            Field::Phone => s.filled >= 3 && numbers == 0,
            // a column of TRUE / FALSE under an hours header is a flag, not hours (bad hours
            // cells, `很久`, stay the hours' findings)
            Field::Hours | Field::AnnualHours | Field::CumulativeHours => s.filled >= 3 && s.mostly(s.flags),
            Field::IdNumber => s.filled >= 3 && no_ids && !s.mostly(s.digits),
            _ => false,
        };
        if col.readings.iter().any(|r| contradicted(r.field)) {
            col.readings.retain(|r| !contradicted(r.field));
        }
        // people counted, not named (`Participants` over 12, 30 …): how many took part
        let names_counted = s.filled >= 3 && s.mostly(s.counts) && !s.sequence;
        if names_counted && col.readings.iter().any(|r| r.field == Field::Name) {
            let why = content("人数");
            col.readings.retain(|r| r.field != Field::Name);
            for role in [Role::Activities, Role::Trainings] {
                if col.reading(role).is_none() {
                    col.readings.push(Reading {
                        role,
                        field: Field::Participants,
                        rank: 200,
                        volunteer: false,
                        why: why.clone(),
                    });
                }
            }
        }
        // hours that are time spans (服务时数 over `09:00-11:30`): the time worked
        if s.mostly(s.spans) && s.spans > s.dates {
            for r in col.readings.iter_mut().filter(|r| r.role == Role::Records && r.field == Field::Hours) {
                r.field = Field::TimeSpan;
                r.why = content("起止时间");
            }
        }
        if s.mostly(s.spans) && s.spans > s.dates {
            for r in col
                .readings
                .iter_mut()
                .filter(|r| r.role == Role::Records && matches!(r.field, Field::Date | Field::Start | Field::End))
            {
                r.field = Field::TimeSpan;
                r.why = content("起止时间");
            }
        }
        if !col.readings.is_empty()
            || col.is_blank()
            || col.refused
            || col.candidates.first().is_some_and(|c| crate::columns::meaning::is_ignored(c))
        {
            continue;
        }
        const PEOPLE: &[Role] = &[Role::Volunteers, Role::Records];
        const BARE_WHEN: &[&str] = &["时间", "时候", "日子", "当天"];
        if col.candidates.first().is_some_and(|c| BARE_WHEN.contains(&c.as_str())) && s.mostly(s.dates) {
            add(col, &[Role::Records, Role::Activities], Field::Date, "日期");
        } else if s.mostly(s.ids) || s.mostly(s.other_ids) {
            add(col, PEOPLE, Field::IdNumber, "身份证号");
        } else if s.mostly(s.mobiles) || s.mostly(s.other_phones) {
            add(col, PEOPLE, Field::Phone, "手机号码");
        } else if s.mostly(s.spans) {
            add(col, &[Role::Records], Field::TimeSpan, "起止时间");
        } else if s.mostly(s.dates) && says_when(col) {
            add(col, &[Role::Records, Role::Activities, Role::Trainings], Field::Date, "日期");
        } else if s.mostly(s.person_names) && !s.mostly(s.headers) && !someone_else(col) {
            add(col, PEOPLE, Field::Name, "人名");
        } else if s.mostly(s.stations) && !s.mostly(s.person_names) {
            add(col, &[Role::Volunteers, Role::Records, Role::Activities, Role::Trainings], Field::Station, "站点名称");
        } else if s.mostly(s.hours) && s.fractions > 0 && !s.sequence && says_when(col) {
            add(col, &[Role::Records], Field::Hours, "时长");
        }
    }
    notes
}

/// A header that says "when" in some words (日, 时, 期, 天, date, day, time, when, at) or
/// nothing: dates under it are the row's date. Dates under any other unknown header
/// (最近一次服务, 到期) are some other event's.
fn says_when(col: &ColumnHeader) -> bool {
    let raw = col.pieces.concat().to_lowercase();
    raw.trim().is_empty()
        || ['日', '时', '時', '期', '天'].iter().any(|c| raw.contains(*c))
        || ["date", "day", "time", "when", " at"].iter().any(|w| raw.contains(w))
        || raw.ends_with("_at")
}

/// A header naming someone in a role, not the volunteer (负责人, 发布人, 紧急联系人, 审核人):
/// names under it are theirs.
fn someone_else(col: &ColumnHeader) -> bool {
    const ROLES: &[&str] = &[
        "人",
        "者",
        "师",
        "人员",
        "领导",
        "主任",
        "书记",
        "站长",
        "经理",
        "主管",
        "领队",
        "家长",
        "雇主",
        "案主",
        "对象",
        "长者",
        "家属",
        "队长",
        "组长",
        "联络员",
        "辅导员",
    ];
    const OURS: &[&str] = &["参与", "参加", "服务", "志愿", "义工", "志工", "队员", "学员", "报名"];
    col.candidates.first().is_some_and(|c| {
        ROLES.iter().any(|r| c.ends_with(r)) && (c.contains("被服务") || !OURS.iter().any(|w| c.contains(w)))
    })
}

/// A cell standing for nothing in words (`无`, `暂无…`, `N/A`, `未签到`): sampled as blank, so a
/// column of dates with these for the missing ones is still a column of dates. (Lone dashes
/// and slashes are blank everywhere: `Cell::is_blank`.)
fn is_placeholder(cell: &Cell) -> bool {
    let Cell::Text(t) = cell else { return false };
    let t = t.trim();
    matches!(t, "无" | "N/A" | "n/a" | "NA" | "null" | "NULL" | "未签到" | "未签退") || t.starts_with("暂无")
}

/// A month without a day: `2024-03`, `2024/3`, `2024年3月`, `3月`.
fn is_month(t: &str) -> bool {
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let month = |m: &str| digits(m, 1..=2) && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    if let Some(m) = t.strip_suffix('月') {
        return match m.split_once('年') {
            Some((y, m)) => digits(y, 4..=4) && month(m),
            None => month(m),
        };
    }
    t.split_once(['-', '/', '.']).is_some_and(|(y, m)| digits(y, 4..=4) && month(m))
}

/// A code: ASCII letters, digits, `_` and `-` with a digit or `_` among them and no space
/// (`A01`, `CINA-24-1001`, `F_NAME`).
fn is_code(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 24
        && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && t.bytes().any(|b| b.is_ascii_digit() || b == b'_')
        && t.bytes().any(|b| b.is_ascii_alphabetic())
}

/// An 18-character ID with a good check digit, or 15 old-style digits, and nothing else.
fn is_id(cell: &Cell) -> bool {
    let IdRead::Ok(id) = read_id(cell) else { return false };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match id.len() {
        18 => id.get(..17).is_some_and(|head| crate::cell_parsers::id_number::check_digit(head) == id.chars().last()),
        15 => all_digits(&id),
        _ => false,
    }
}

/// A whole number written as a number or as text (`3`, `3次`, `３`).
pub fn whole_number(cell: &Cell) -> Option<i64> {
    match cell {
        Cell::Int(i) => Some(*i),
        Cell::Float(f) if f.fract() == 0.0 && f.abs() < 1e9 => Some(*f as i64),
        Cell::Text(t) => {
            let s = crate::cell_parsers::fold::fold_width(t);
            let s = s.trim();
            let s = s.strip_suffix('次').unwrap_or(s).trim();
            (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
        }
        _ => None,
    }
}

/// `√`, `✓`, `✔`, `是`: a tick for "took part once".
pub fn is_tick(text: &str) -> bool {
    matches!(text.trim(), "√" | "✓" | "✔" | "☑" | "是" | "Y" | "y")
}

/// Two to five Chinese characters, or a longer name with a middle dot (阿依古丽·买买提), or
/// Latin letters and spaces, some small (codes like `XM`, `ZJHM` are no names).
fn looks_like_name(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    let cjk = t.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    let dots = t.chars().filter(|c| matches!(c, '·' | '•' | '.')).count();
    cjk + dots == n && (dots == 0 && (2..=5).contains(&n) || dots == 1 && (4..=16).contains(&n))
        || (2..=30).contains(&n)
            && t.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
            && (t.contains(|c: char| c.is_ascii_lowercase()) || t.trim().contains(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(cells: &[Cell<'static>]) -> Sample {
        let rows: Vec<Vec<Cell<'static>>> = cells.iter().map(|c| vec![c.clone()]).collect();
        let refs: Vec<&[Cell]> = rows.iter().map(Vec::as_slice).collect();
        sample(&refs, 0, DateSystem::V1900)
    }

    fn t(s: &'static str) -> Cell<'static> {
        Cell::Text(s.into())
    }

    #[test]
    fn samples() {
        let ids = col(&[t("11010519491231002X"), t("110105194912310038"), Cell::Empty, t("510104199001011234")]);
        assert_eq!((ids.filled, ids.ids), (3, 2), "one check digit is wrong");
        let seq = col(&[Cell::Int(1), Cell::Int(2), t("3"), Cell::Float(4.0)]);
        assert!(seq.sequence && seq.mostly(seq.counts));
        let not_seq = col(&[Cell::Int(1), Cell::Int(3), Cell::Int(4)]);
        assert!(!not_seq.sequence);
        let spans = col(&[t("9:00-11:30"), t("上午9点到11点"), t("14:00～16:00")]);
        assert!(spans.mostly(spans.spans));
        let names = col(&[t("张三"), t("欧阳明月"), t("阿依古丽·买买提"), t("John Smith"), t("新桥社区志愿服务站")]);
        assert_eq!(names.names, 4);
        let fields = col(&[t("姓名"), t("证件号码"), t("手机号码"), t("所属站点")]);
        assert!(fields.mostly(fields.headers));
        let mobiles = col(&[t("13800138000"), Cell::Int(13900139000), t("028-87654321")]);
        assert_eq!(mobiles.mobiles, 2);
        let dates =
            col(&[t("2019-03-02 10:21:33"), t("2019/3/2"), Cell::DateTime { serial: 43526.0, duration: false }]);
        assert_eq!(dates.dates, 3);
        let day_first = col(&[t("21/06/2024"), t("03/04/2024"), t("2024-06-01")]);
        assert_eq!(day_first.dates, 3, "a day-first date is a date");
        let ticks = col(&[t("√"), t("2次"), Cell::Int(0), t("１")]);
        assert_eq!(ticks.counts, 4);
    }

    #[test]
    fn day_month_orders() {
        let of = |cells: &[&'static str]| {
            let rows: Vec<Vec<Cell<'static>>> = cells.iter().map(|c| vec![t(c)]).collect();
            let refs: Vec<&[Cell]> = rows.iter().map(Vec::as_slice).collect();
            day_months(&refs, 0)
        };
        let d = of(&["2024-06-01", "03/04/2024", "21/06/2024", " 22/06/2024 ", "13/25/2024"]);
        assert_eq!((d.day_first, d.month_first, d.either, d.neither), (2, 0, 1, 1));
        assert_eq!((d.first_day_first.as_deref(), d.first_either.as_deref()), (Some("21/06/2024"), Some("03/04/2024")));
        assert_eq!(d.proved(), Some(DateOrder::Dmy));
        assert_eq!(of(&["03/04/2024", "05/06/2024"]).proved(), None);
        assert_eq!(of(&["21/06/2024", "06/21/2024"]).proved(), None, "cells proving both orders prove none");
        assert_eq!(of(&["06/21/2024"]).proved(), None, "month first only by the clerk's choice");
        assert_eq!(of(&["06/21/2024"]).proved_in(true), Some(DateOrder::Mdy), "or on a sheet headed in English");
        assert_eq!(of(&["21/06/2024", "06/21/2024"]).proved_in(true), None);
        assert!(!of(&["2024-06-01"]).any());
    }
}
