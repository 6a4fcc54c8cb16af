//! Sample workbooks: clean (one header row per sheet, as our template) or messy (what
//! real exports look like: a title row merged across, a blank row, a two-row header with
//! merged group cells, dates and hours spelled every way §2 lists, a 合计 row).
//!
//! Invariant: output depends only on the rows and their seed (fixed document dates), so
//! the same spec gives the same bytes.

use crate::cells;

use crate::cells::{SampleRow, Value, NO_FORMS, YES_FORMS};
use crate::headers::{column_width, header_label, messy_label, MESSY_GROUPS};
use crate::rng::Rng;
use crate::rows::SynthData;
use crate::synth::{synth_rows, SynthSpec};
use chrono::NaiveTime;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use scorecard_model::model::{Field, Role};

/// How a sample workbook is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// One header row (the template's headers), real Excel dates, hours as numbers.
    Clean,
    /// Like real exports: title row, blank row, two-row merged header, synonyms as
    /// headers, mixed date and hour spellings, ✓/有/1 for yes, a 合计 row at the bottom.
    Messy,
}

/// Stream id of the messy cell forms (see [`Rng::derived`]).
const STREAM_MESSY: u64 = 11;

/// Messy sheets' names and titles (`{town}`, `{year}` are filled in): real exports seldom
/// name a sheet after its table.
const MESSY_SHEETS: [(Role, &str, &str); 4] = [
    (Role::Volunteers, "注册志愿者", "{town}注册志愿者名册"),
    (Role::Records, "服务时长明细", "{town}志愿服务记录明细"),
    (Role::Activities, "活动台账", "{town}{year}年志愿服务活动台账"),
    (Role::Trainings, "Sheet4", "{town}{year}年志愿者培训记录"),
];

/// The formats sample sheets use. Make them once per workbook.
#[derive(Clone, Debug)]
pub struct Formats {
    pub header: Format,
    pub title: Format,
    pub date: Format,
    pub datetime: Format,
    pub total: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border(FormatBorder::Thin);
        Formats {
            header,
            title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            total: Format::new().set_bold(),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Formats::new()
    }
}

/// Document properties with a fixed creation date, so output is byte-for-byte the same.
pub fn fixed_properties() -> DocProperties {
    let created = ExcelDateTime::from_ymd(2017, 1, 1).unwrap_or_default();
    DocProperties::new().set_author("志愿服务自评台").set_creation_datetime(&created)
}

/// The workbook of the town `spec` describes: 志愿者名册, 服务记录, 活动记录, 培训记录.
/// Fails only where Excel would (more than 1,048,575 rows in a sheet).
pub fn synth_workbook(spec: SynthSpec, style: Style) -> Result<Vec<u8>, XlsxError> {
    data_workbook(&synth_rows(spec), style)
}

/// The workbook of given rows (tests may edit rows first, e.g. to plant a bad cell).
pub fn data_workbook(data: &SynthData, style: Style) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&fixed_properties());
    let f = Formats::new();
    let mut rng = Rng::derived(data.seed, STREAM_MESSY);
    add_sheet(&mut wb, data, &data.volunteers, style, &f, &mut rng)?;
    add_sheet(&mut wb, data, &data.records, style, &f, &mut rng)?;
    add_sheet(&mut wb, data, &data.activities, style, &f, &mut rng)?;
    add_sheet(&mut wb, data, &data.trainings, style, &f, &mut rng)?;
    wb.save_to_buffer()
}

fn add_sheet<R: SampleRow>(
    wb: &mut Workbook,
    data: &SynthData,
    rows: &[R],
    style: Style,
    f: &Formats,
    rng: &mut Rng,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    match style {
        Style::Clean => {
            ws.set_name(R::ROLE.label_zh())?;
            write_clean(ws, rows, f)?;
        }
        Style::Messy => {
            let (_, name, title) =
                MESSY_SHEETS.iter().find(|(r, _, _)| *r == R::ROLE).copied().unwrap_or((R::ROLE, "Sheet", ""));
            ws.set_name(name)?;
            let title = title.replace("{town}", &data.town).replace("{year}", &data.year.to_string());
            write_messy(ws, rows, &title, f, rng)?;
        }
    }
    Ok(())
}

/// A clean sheet: the template's header row (frozen), then one row per item with real
/// Excel dates and numeric hours; IDs and numbers-as-text stay text. Returns the number
/// of data rows. Works on "low memory" worksheets (it writes row by row).
pub fn write_clean<R: SampleRow>(
    ws: &mut Worksheet,
    rows: impl IntoIterator<Item = R>,
    f: &Formats,
) -> Result<u32, XlsxError> {
    for (c, field) in (0u16..).zip(R::COLUMNS) {
        ws.set_column_width(c, column_width(R::ROLE, *field))?;
        ws.write_string_with_format(0, c, header_label(R::ROLE, *field), &f.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let mut n = 0u32;
    for row in rows {
        n += 1;
        for (c, field) in (0u16..).zip(R::COLUMNS) {
            write_clean_value(ws, n, c, row.value(*field), f)?;
        }
    }
    Ok(n)
}

fn write_clean_value(ws: &mut Worksheet, r: u32, c: u16, v: Value, f: &Formats) -> Result<(), XlsxError> {
    match v {
        Value::Text("") => {}
        Value::Text(s) => {
            ws.write_string(r, c, s)?;
        }
        Value::Count(n) => {
            ws.write_number(r, c, n)?;
        }
        Value::Hours(h) => {
            ws.write_number(r, c, h)?;
        }
        Value::Date(d) => {
            ws.write_datetime_with_format(r, c, d, &f.date)?;
        }
        Value::YesNo(b) => {
            ws.write_string(r, c, if b { "是" } else { "否" })?;
        }
        Value::Stations(s) => {
            ws.write_string(r, c, s.join("、"))?;
        }
    }
    Ok(())
}

/// A messy sheet (see [`Style::Messy`]). Returns the number of data rows (the 合计 row
/// not counted).
pub fn write_messy<R: SampleRow>(
    ws: &mut Worksheet,
    rows: impl IntoIterator<Item = R>,
    title: &str,
    f: &Formats,
    rng: &mut Rng,
) -> Result<u32, XlsxError> {
    let role = R::ROLE;
    // column 0 is 序号, then the fields
    let ncols = u16::try_from(R::COLUMNS.len() + 1).unwrap_or(u16::MAX);
    ws.set_column_width(0, 6)?;
    for (c, field) in (1u16..).zip(R::COLUMNS) {
        ws.set_column_width(c, column_width(role, *field))?;
    }
    ws.merge_range(0, 0, 0, ncols - 1, title, &f.title)?;
    let header_rows = write_messy_header::<R>(ws, 2, f)?;
    let first = 2 + header_rows;
    let mut sums = vec![0.0f64; R::COLUMNS.len()];
    let mut n = 0u32;
    for row in rows {
        let r = first + n;
        n += 1;
        ws.write_number(r, 0, n)?;
        for ((c, field), sum) in (1u16..).zip(R::COLUMNS).zip(sums.iter_mut()) {
            let v = row.value(*field);
            match v {
                Value::Hours(h) => *sum += h,
                Value::Count(k) => *sum += f64::from(k),
                _ => {}
            }
            write_messy_value(ws, r, c, *field, v, f, rng)?;
        }
    }
    let total_row = first + n;
    ws.write_string_with_format(total_row, 0, "合计", &f.total)?;
    for ((c, field), sum) in (1u16..).zip(R::COLUMNS).zip(sums) {
        if summed(*field) {
            ws.write_number_with_format(total_row, c, sum, &f.total)?;
        }
    }
    Ok(n)
}

/// Columns a 合计 row sums.
fn summed(field: Field) -> bool {
    matches!(field, Field::Hours | Field::AnnualHours | Field::CumulativeHours | Field::Participants)
}

/// The header at `top`: two rows with merged group cells when the role has groups, else
/// one row. Returns how many rows it took.
fn write_messy_header<R: SampleRow>(ws: &mut Worksheet, top: u32, f: &Formats) -> Result<u32, XlsxError> {
    let role = R::ROLE;
    let groups: Vec<&(Role, &str, &[Field])> = MESSY_GROUPS.iter().filter(|g| g.0 == role).collect();
    if groups.is_empty() {
        ws.write_string_with_format(top, 0, "序号", &f.header)?;
        for (c, field) in (1u16..).zip(R::COLUMNS) {
            ws.write_string_with_format(top, c, messy_label(role, *field), &f.header)?;
        }
        return Ok(1);
    }
    ws.merge_range(top, 0, top + 1, 0, "序号", &f.header)?;
    let mut c = 1u16;
    let mut i = 0usize;
    while let Some(field) = R::COLUMNS.get(i) {
        match groups.iter().find(|g| g.2.contains(field)) {
            Some(g) => {
                // the run of adjacent columns of this group
                let run = R::COLUMNS[i..].iter().take_while(|f| g.2.contains(f)).count();
                let last = c + u16::try_from(run).unwrap_or(1) - 1;
                if last > c {
                    ws.merge_range(top, c, top, last, g.1, &f.header)?;
                } else {
                    ws.write_string_with_format(top, c, g.1, &f.header)?;
                }
                for (k, sub) in R::COLUMNS[i..i + run].iter().enumerate() {
                    let col = c + u16::try_from(k).unwrap_or(0);
                    ws.write_string_with_format(top + 1, col, messy_label(role, *sub), &f.header)?;
                }
                c = last + 1;
                i += run;
            }
            None => {
                ws.merge_range(top, c, top + 1, c, messy_label(role, *field), &f.header)?;
                c += 1;
                i += 1;
            }
        }
    }
    Ok(2)
}

/// Separators of joint trainings' stations as clerks type them.
const STATION_SEPARATORS: [&str; 5] = ["、", "，", "/", "；", ","];

fn write_messy_value(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    field: Field,
    v: Value,
    f: &Formats,
    rng: &mut Rng,
) -> Result<(), XlsxError> {
    match v {
        Value::Date(d) => {
            let x = rng.unit();
            if x < 0.45 {
                ws.write_datetime_with_format(r, c, d, &f.date)?;
            } else if x < 0.5 {
                let at = d.and_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default());
                ws.write_datetime_with_format(r, c, at, &f.datetime)?;
            } else {
                ws.write_string(r, c, cells::date_text(d, rng.below(cells::DATE_FORMS)))?;
            }
        }
        // a record's hours in any spelling; a roster's yearly totals as numbers or 93.5小时
        Value::Hours(h) if h > 0.0 && rng.chance(0.6) => {
            let form = if field == Field::Hours { rng.below(cells::HOURS_FORMS) } else { 0 };
            ws.write_string(r, c, cells::hours_text(h, form))?;
        }
        Value::YesNo(b) => {
            let forms = if b { &YES_FORMS } else { &NO_FORMS };
            let s = rng.pick(forms).copied().unwrap_or("");
            if !s.is_empty() {
                ws.write_string(r, c, s)?;
            }
        }
        Value::Stations(s) => {
            let sep = rng.pick(&STATION_SEPARATORS).copied().unwrap_or("、");
            ws.write_string(r, c, s.join(sep))?;
        }
        other => write_clean_value(ws, r, c, other, f)?,
    }
    Ok(())
}
