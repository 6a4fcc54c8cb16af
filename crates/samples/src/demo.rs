//! The demo town behind 载入示例数据: its workbook and the context to score it with, so a
//! trainer can show every indicator of every built-in profile with data behind it.
//!
//! Invariant (tested in `crates/domain/tests/domain/samples_demo.rs`): under each built-in profile, the demo
//! workbook read back through the importer and scored with [`demo_context`] leaves no
//! indicator needing input, gives every indicator a value, and shows both met and not-met
//! indicators.

use crate::synth::{synth_rows, Synth, SynthSpec};
use crate::xlsx::{data_workbook, synth_workbook, Style};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::XlsxError;
use scorecard_model::context::{Context, Level, UnitType};
use scorecard_model::model::Tables;
use scorecard_model::profile::builtins;
use scorecard_score::checklist_items::checklist_items;

/// The seed of the demo town: the same town on every machine, every year.
pub const DEMO_SEED: u64 = 2017;
/// The demo town's 常住人口: 600 volunteers are 10 % of it, so X1 (13 %) shows a gap and
/// C1 (10 %) is just met.
pub const DEMO_POPULATION: u64 = 6_000;
/// The demo's 职工总数 / headcount for D1 and C2: 600 registered of 640 is 93.75 %.
pub const DEMO_STAFF: u64 = 640;

/// The demo town of `year`: 6 stations, 600 volunteers, 6,000 records.
pub fn demo_spec(year: i32) -> SynthSpec {
    SynthSpec::demo(year, DEMO_SEED)
}

/// The demo workbook of the whole year, messy as a real one (title rows, mixed dates,
/// synonyms).
pub fn demo_workbook(year: i32) -> Result<Vec<u8>, XlsxError> {
    synth_workbook(demo_spec(year), Style::Messy)
}

/// The demo workbook as the town's sheets stand on `last` ([`demo_until`]): nothing dated
/// later, hours summed from the records that remain.
pub fn demo_workbook_until(year: i32, last: NaiveDate) -> Result<Vec<u8>, XlsxError> {
    data_workbook(&synth_rows(demo_spec(year)).until(last), Style::Messy)
}

/// The demo workbook's file name: 示例镇志愿服务数据2017.xlsx for a whole year, with
/// （截至11月24日） when it stops before the year's end, so the file card says so.
pub fn demo_file_name(year: i32, until: NaiveDate) -> String {
    if until.year() == year && (until.month(), until.day()) != (12, 31) {
        format!("示例镇志愿服务数据{year}（截至{}月{}日）.xlsx", until.month(), until.day())
    } else {
        format!("示例镇志愿服务数据{year}.xlsx")
    }
}

/// The last day the demo's rows reach: the as-of date (the town as it stood then); else,
/// in the current year, today (a town in November has no December records, and the page
/// must not say its year is over); else the year's end. Always inside the year, as the
/// scoring clamps the as-of date (`Context::as_of`).
pub fn demo_until(year: i32, as_of: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = as_of.unwrap_or(if today.year() == year { today } else { end });
    last.clamp(start, end)
}

/// The context the demo is scored with: the numbers a clerk would enter (population,
/// headcount, unit type) and the checklists of every built-in profile answered, each with
/// its last item answered "no" so the page shows a gap to close as well as ticks.
pub fn demo_context(year: i32) -> Context {
    let synth = Synth::new(demo_spec(year));
    let mut ctx = Context {
        organisation: "示例镇（演示数据）".into(),
        level: Level::Town,
        year,
        population: Some(DEMO_POPULATION),
        staff: Some(DEMO_STAFF),
        unit_type: Some(UnitType::CivilisedVillage),
        stations: synth.stations().to_vec(),
        as_of: NaiveDate::from_ymd_opt(year, 12, 31),
        ..Context::default()
    };
    let mut answers = Vec::new();
    for profile in builtins() {
        let items = checklist_items(&profile, &ctx, &Tables::default(), NaiveDate::MIN);
        for (i, item) in items.iter().enumerate() {
            let next_is_other = items.get(i + 1).is_none_or(|n| n.indicator != item.indicator);
            let only_one = items.iter().filter(|o| o.indicator == item.indicator).count() == 1;
            answers.push((item.key.clone(), only_one || !next_is_other));
        }
    }
    ctx.checklist.extend(answers);
    // the stations are the data's own, and the as-of date is the user's (else today; the
    // page's 载入示例数据 fills a blank one of another year with its end, `fill_demo_context`)
    ctx.stations.clear();
    ctx.as_of = None;
    ctx
}

/// Fills `ctx` for the demo of its year without overwriting what the user entered: blank
/// fields and unanswered checklist items take the demo's values; the level becomes 镇(街道)
/// (the demo is a town); profile, year, an entered as-of date and stations stay. A blank
/// as-of date stays blank in the current year (today, where [`demo_until`] ends the
/// rows) and becomes the year's end in another year, where the demo's records end.
pub fn fill_demo_context(ctx: &mut Context, today: NaiveDate) {
    let demo = demo_context(ctx.year);
    if ctx.organisation.trim().is_empty() {
        ctx.organisation = demo.organisation;
    }
    ctx.level = Level::Town;
    ctx.population = ctx.population.or(demo.population);
    ctx.staff = ctx.staff.or(demo.staff);
    ctx.unit_type = ctx.unit_type.or(demo.unit_type);
    // A blank as-of date means today: in another year the demo's records run to the
    // year's end, and today would report them all as data problems (or none as due yet).
    if today.year() != ctx.year {
        ctx.as_of = ctx.as_of.or(NaiveDate::from_ymd_opt(ctx.year, 12, 31));
    }
    for (key, answer) in demo.checklist {
        ctx.checklist.entry(key).or_insert(answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn filling_keeps_what_the_user_entered() {
        let today = day(2026, 11, 24);
        let mut ctx = Context {
            year: 2024,
            organisation: "大丰街道".into(),
            level: Level::Station,
            population: Some(9_000),
            profile: "town2021".into(),
            ..Context::default()
        };
        ctx.checklist.insert("X11|激励回馈".into(), false);
        fill_demo_context(&mut ctx, today);
        assert_eq!((ctx.organisation.as_str(), ctx.population), ("大丰街道", Some(9_000)));
        assert_eq!(ctx.as_of, Some(day(2024, 12, 31)), "a blank as-of date of a past year is its end");
        let mut set = Context { year: 2024, as_of: Some(day(2024, 6, 30)), ..Context::default() };
        fill_demo_context(&mut set, today);
        assert_eq!(set.as_of, Some(day(2024, 6, 30)), "the user's as-of date stays");
        let mut now = Context { year: 2026, ..Context::default() };
        fill_demo_context(&mut now, today);
        assert_eq!(now.as_of, None, "in the current year a blank as-of date stays today");
        assert_eq!(
            (ctx.staff, ctx.unit_type, ctx.level),
            (Some(DEMO_STAFF), Some(UnitType::CivilisedVillage), Level::Town)
        );
        assert_eq!((ctx.profile.as_str(), ctx.year), ("town2021", 2024));
        assert_eq!(ctx.checklist.get("X11|激励回馈"), Some(&false), "the user's answer stays");
        let demo = demo_context(2024);
        assert_eq!(ctx.checklist.len(), demo.checklist.len());
        assert!(demo.checklist.iter().all(|(k, v)| k == "X11|激励回馈" || ctx.checklist.get(k) == Some(v)));

        let mut blank = Context { year: 2024, ..Context::default() };
        fill_demo_context(&mut blank, today);
        assert_eq!(blank, Context { profile: blank.profile.clone(), as_of: Some(day(2024, 12, 31)), ..demo });
    }

    #[test]
    fn the_demo_reaches_the_as_of_date_else_today_else_the_year_end() {
        let today = day(2026, 11, 24);
        let cases = [
            (2026, None, day(2026, 11, 24)),
            (2026, Some(day(2026, 6, 30)), day(2026, 6, 30)),
            (2017, None, day(2017, 12, 31)),
            (2017, Some(day(2017, 3, 31)), day(2017, 3, 31)),
            (2017, Some(day(2018, 2, 1)), day(2017, 12, 31)),
            // an as-of date of an earlier year, left in the form: the year's first day
            (2026, Some(day(2017, 6, 30)), day(2026, 1, 1)),
            (2027, None, day(2027, 12, 31)),
        ];
        for (year, as_of, want) in cases {
            assert_eq!(demo_until(year, as_of, today), want, "{year} {as_of:?}");
        }
        assert_eq!(demo_file_name(2026, today), "示例镇志愿服务数据2026（截至11月24日）.xlsx");
        assert_eq!(demo_file_name(2017, day(2017, 12, 31)), "示例镇志愿服务数据2017.xlsx");
    }
}
