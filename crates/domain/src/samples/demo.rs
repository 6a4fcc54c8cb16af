//! The demo town behind 载入示例数据: its workbook and the context to score it with, so a
//! trainer can show every indicator of every built-in profile with data behind it.
//!
//! Invariant (tested in `tests/samples_demo.rs`): under each built-in profile, the demo
//! workbook read back through the importer and scored with [`demo_context`] leaves no
//! indicator needing input, gives every indicator a value, and shows both met and not-met
//! indicators.

use super::synth::{Synth, SynthSpec};
use super::xlsx::{synth_workbook, Style};
use crate::context::{Context, Level, UnitType};
use crate::model::Tables;
use crate::profile::builtins;
use crate::profile::checklist::checklist_items;
use chrono::NaiveDate;
use rust_xlsxwriter::XlsxError;

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

/// The demo workbook, messy as a real one (title rows, mixed dates, synonyms).
pub fn demo_workbook(year: i32) -> Result<Vec<u8>, XlsxError> {
    synth_workbook(demo_spec(year), Style::Messy)
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
    // page's 载入示例数据 fills a blank one with the year's end, `fill_demo_context`)
    ctx.stations.clear();
    ctx.as_of = None;
    ctx
}

/// Fills `ctx` for the demo of its year without overwriting what the user entered: blank
/// fields and unanswered checklist items take the demo's values; the level becomes 镇(街道)
/// (the demo is a town); profile, year, an entered as-of date and stations stay. A blank
/// as-of date becomes the year's end, where the demo's records end.
pub fn fill_demo_context(ctx: &mut Context) {
    let demo = demo_context(ctx.year);
    if ctx.organisation.trim().is_empty() {
        ctx.organisation = demo.organisation;
    }
    ctx.level = Level::Town;
    ctx.population = ctx.population.or(demo.population);
    ctx.staff = ctx.staff.or(demo.staff);
    ctx.unit_type = ctx.unit_type.or(demo.unit_type);
    // The demo's records run to the year's end: a blank as-of date (today, in the current
    // year) would report every later one as a data problem on the trainer's screen.
    ctx.as_of = ctx.as_of.or(NaiveDate::from_ymd_opt(ctx.year, 12, 31));
    for (key, answer) in demo.checklist {
        ctx.checklist.entry(key).or_insert(answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filling_keeps_what_the_user_entered() {
        let mut ctx = Context {
            year: 2024,
            organisation: "大丰街道".into(),
            level: Level::Station,
            population: Some(9_000),
            profile: "town2021".into(),
            ..Context::default()
        };
        ctx.checklist.insert("X11|激励回馈".into(), false);
        fill_demo_context(&mut ctx);
        assert_eq!((ctx.organisation.as_str(), ctx.population), ("大丰街道", Some(9_000)));
        assert_eq!(ctx.as_of, NaiveDate::from_ymd_opt(2024, 12, 31), "a blank as-of date is the demo's year end");
        let mut set = Context { year: 2024, as_of: NaiveDate::from_ymd_opt(2024, 6, 30), ..Context::default() };
        fill_demo_context(&mut set);
        assert_eq!(set.as_of, NaiveDate::from_ymd_opt(2024, 6, 30), "the user's as-of date stays");
        assert_eq!((ctx.staff, ctx.unit_type, ctx.level), (Some(DEMO_STAFF), Some(UnitType::CivilisedVillage), Level::Town));
        assert_eq!((ctx.profile.as_str(), ctx.year), ("town2021", 2024));
        assert_eq!(ctx.checklist.get("X11|激励回馈"), Some(&false), "the user's answer stays");
        let demo = demo_context(2024);
        assert_eq!(ctx.checklist.len(), demo.checklist.len());
        assert!(demo.checklist.iter().all(|(k, v)| k == "X11|激励回馈" || ctx.checklist.get(k) == Some(v)));

        let mut blank = Context { year: 2024, ..Context::default() };
        fill_demo_context(&mut blank);
        assert_eq!(blank, Context { profile: blank.profile.clone(), as_of: NaiveDate::from_ymd_opt(2024, 12, 31), ..demo });
    }
}
