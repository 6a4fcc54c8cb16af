//! The demo town of 载入示例数据 exercises every indicator of every built-in profile: read
//! back through the importer and scored with `demo_context`, nothing needs input, every
//! indicator has a value, and a trainer sees both met and not-met. The plan the generator
//! follows (seven colour teams in turn, a 5th-of-the-month service day, the 梅列 sub-themes)
//! is checked against the scores through a path of its own (the generated rows, read
//! with plain string tests, not the importer or the dictionaries).

use crate::support::d;
use chrono::{Datelike, NaiveDate};
use scorecard_domain::finding::{FindingKind, Severity};
use scorecard_domain::import::{import, FileInput, ImportOptions};
use scorecard_domain::profile::builtins;
use scorecard_domain::profile::indicator::Rule;
use scorecard_domain::samples::vocab::CORPS;
use scorecard_domain::samples::{demo_context, demo_spec, demo_workbook, demo_workbook_until, synth_rows};
use scorecard_domain::score::prepare::prepare;
use scorecard_domain::score::result::Status;
use scorecard_domain::score::score;
use scorecard_domain::{Context, Tables};
use std::collections::BTreeSet;

fn demo_tables(year: i32) -> Tables {
    let bytes = demo_workbook(year).unwrap();
    let imp = import(&[FileInput { name: "示例镇志愿服务数据.xlsx", bytes: &bytes }], &ImportOptions::default());
    let errors: Vec<_> = imp.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{year}: the demo imports without errors: {errors:?}");
    imp.tables
}

/// (profile id, indicator id, status, value) of every indicator at `as_of`.
fn scores(year: i32, tables: &Tables, as_of: NaiveDate) -> Vec<(String, String, Status, Option<f64>)> {
    let base = demo_context(year);
    let mut out = Vec::new();
    for p in builtins() {
        let ctx = Context { profile: p.id.clone(), as_of: Some(as_of), ..base.clone() };
        let card = score(&p, &ctx, tables, d(2100, 1, 1));
        for (i, def) in card.indicators.iter().zip(&p.indicators) {
            // an all-of indicator (D4) has no value of its own: its parts' values count
            let value = match &def.rule {
                Rule::AllOf { .. } => i.parts.iter().map(|part| part.detail.value).sum(),
                _ => i.detail.value,
            };
            out.push((p.id.clone(), i.id.clone(), i.detail.status, value));
        }
    }
    out
}

/// The demo's own words are words the app knows: no "unknown theme or team" hint for
/// them under any built-in profile (issue 19: its team names were flagged).
#[test]
fn the_demo_town_raises_no_hint_about_its_own_words() {
    let tables = demo_tables(2017);
    for profile in builtins() {
        let ctx = Context { profile: profile.id.clone(), ..demo_context(2017) };
        let card = score(&profile, &ctx, &tables, NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
        let about_words: Vec<&str> = card
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Suggestion && matches!(f.column.as_deref(), Some("活动主题" | "服务队")))
            .map(|f| f.message.as_str())
            .collect();
        assert!(about_words.is_empty(), "{}: {about_words:#?}", profile.id);
    }
}

#[test]
fn every_indicator_of_every_profile_has_data_in_the_demo_town() {
    for year in [2017, 2024, 2026] {
        let tables = demo_tables(year);
        for as_of in [d(year, 12, 31), d(year, 6, 30)] {
            let all = scores(year, &tables, as_of);
            assert_eq!(all.len(), builtins().iter().map(|p| p.indicators.len()).sum::<usize>());
            for (p, id, status, value) in &all {
                assert_ne!(*status, Status::NeedsInput, "{year} {as_of} {p} {id} needs input");
                assert!(value.is_some(), "{year} {as_of} {p} {id} has no value");
            }
            let met = all.iter().filter(|s| s.2 == Status::Met).count();
            let short = all.iter().filter(|s| matches!(s.2, Status::NotMet | Status::Behind)).count();
            assert!(met >= 5 && short >= 5, "{year} {as_of}: {met} met, {short} short — a demo shows both");
        }
    }
}

fn status_of(all: &[(String, String, Status, Option<f64>)], id: &str) -> (Status, f64) {
    let s = all.iter().find(|s| s.1 == id).unwrap_or_else(|| panic!("{id} scored"));
    (s.2, s.3.unwrap_or(f64::NAN))
}

#[test]
fn the_demo_plan_shows_in_the_scores() {
    for year in [2017, 2024, 2026] {
        let rows = synth_rows(demo_spec(year));
        let tables = demo_tables(year);
        let all = scores(year, &tables, d(year, 12, 31));

        // T1: team-months with an activity, counted from the 服务队 cells of the rows
        let mut team_months = BTreeSet::new();
        for a in &rows.activities {
            for (c, name) in CORPS.iter().enumerate() {
                if a.team.contains(name) {
                    team_months.insert((a.date.month(), c));
                }
            }
        }
        assert!(team_months.len() > 40 && team_months.len() < 84, "{year}: some gaps, mostly covered");
        assert_eq!(status_of(&all, "T1"), (Status::NotMet, team_months.len() as f64), "{year} T1");

        // T2 and M2: a station holds the service day on the 5th of every month, so 3-5
        // (学雷锋日) and 12-5 (国际志愿者日) have activities too
        let fifths: BTreeSet<u32> =
            rows.activities.iter().filter(|a| a.date.day() == 5).map(|a| a.date.month()).collect();
        assert_eq!(fifths, (1..=12).collect());
        assert_eq!(status_of(&all, "T2"), (Status::Met, 12.0), "{year} T2");
        assert_eq!(status_of(&all, "M2"), (Status::Met, 2.0), "{year} M2");

        // X5: two distinct activities a month at every station, by the turn-taking
        assert_eq!(status_of(&all, "X5").0, Status::Met, "{year} X5");

        // M1: each of the 15 sub-themes has an activity; the four the X-themes leave out
        // come from activities named for them
        for word in ["图书馆", "赛事", "便民", "母亲河"] {
            assert!(rows.activities.iter().any(|a| a.name.contains(word)), "{year}: an activity with {word}");
        }
        assert_eq!(status_of(&all, "M1"), (Status::Met, 15.0), "{year} M1");
    }
}

#[test]
fn the_demo_context_answers_every_checklist_and_leaves_one_gap_each() {
    let ctx = demo_context(2026);
    assert_eq!((ctx.population, ctx.staff), (Some(6_000), Some(640)));
    assert!(ctx.as_of.is_none() && ctx.stations.is_empty(), "as-of date and stations stay the user's");
    // X10: 6 stations × 4 items, the last station's last item answered no
    let x10: Vec<(&String, &bool)> = ctx.checklist.iter().filter(|(k, _)| k.starts_with("X10|")).collect();
    assert_eq!(x10.len(), 24);
    assert_eq!(x10.iter().filter(|(_, v)| !**v).count(), 1);
    // X11 has one item: ticked, not a gap
    assert_eq!(ctx.checklist.get("X11|激励回馈"), Some(&true));
    // G2: a report for each of the 12 months, December's answered no
    let g2: Vec<(&String, &bool)> = ctx.checklist.iter().filter(|(k, _)| k.starts_with("G2|")).collect();
    assert_eq!(g2.len(), 12);
    assert_eq!(ctx.checklist.get("G2|2026-12"), Some(&false));
    assert_eq!(ctx.checklist.get("G2|2026-11"), Some(&true));
}

/// The drill-down of an indicator whose rows pass the cap says it stops there: X1 lists 200
/// of the demo's 600 registered volunteers and says there are 600.
#[test]
fn drill_downs_of_the_demo_say_where_they_stop() {
    use scorecard_domain::export::{drill_csv, indicator_rows, indicator_rows_cut, Lang, RowsCut};
    let tables = demo_tables(2017);
    let profile = builtins().into_iter().find(|p| p.id == "xindu2017-town").unwrap();
    let ctx = Context { profile: profile.id.clone(), ..demo_context(2017) };
    let card = score(&profile, &ctx, &tables, d(2100, 1, 1));
    let x1 = card.indicators.iter().find(|r| r.id == "X1").unwrap();
    assert_eq!(x1.detail.rows.total, 600, "the demo's 600 registered volunteers");
    // X1 is scored for the town as a whole (no stations, no parts): its count is the list's.
    assert!(x1.stations.is_empty() && x1.parts.is_empty());
    let cut = indicator_rows_cut(&card, "X1", None);
    assert_eq!(cut, Some(RowsCut { shown: 200, total: Some(600) }));
    let rows = indicator_rows(&card, &tables, "X1", None).unwrap();
    assert_eq!(rows.len(), 1, "volunteers only");
    assert_eq!(rows[0].rows.len(), 200);
    assert_eq!(indicator_rows_cut(&card, "X1", Some("不存在的站点")), None);
    assert_eq!(indicator_rows_cut(&card, "X99", None), None);

    // The file: BOM, header, 200 rows, a blank line, the note as its last record.
    let text = String::from_utf8(drill_csv(&rows, cut, Lang::Zh)).unwrap();
    let lines: Vec<&str> = text.strip_prefix('\u{feff}').unwrap().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 200 + 1 + 1 + 1, "header, rows, blank, note, and the final line end");
    assert_eq!(lines[201..], ["", "共 600 行，只列出前 200 行。", ""]);
    assert_eq!(text.matches('\u{feff}').count(), 1);
    // Uncut, the file is the table and its blank line only.
    let uncut = String::from_utf8(drill_csv(&rows, None, Lang::Zh)).unwrap();
    assert_eq!(uncut.split("\r\n").count(), 1 + 200 + 1 + 1);

    // The note with and without a known total; a thousands comma quotes the CSV field.
    let known = RowsCut { shown: 200, total: Some(4_963) };
    assert_eq!(known.note(Lang::Zh), "共 4,963 行，只列出前 200 行。");
    assert_eq!(known.note(Lang::En), "4,963 rows in all; only the first 200 are listed.");
    assert_eq!(
        RowsCut { shown: 200, total: None }.note(Lang::En),
        "Only the first 200 rows are listed; the rest are not."
    );
    let en = String::from_utf8(drill_csv(&[], Some(known), Lang::En)).unwrap();
    assert_eq!(en, "\"4,963 rows in all; only the first 200 are listed.\"\r\n");
}

/// The demo loaded on 2017-06-30 with no as-of date: the town as it stood that day. What
/// it should hold is counted here from the whole year's rows (dates compared, hours
/// summed), not through `SynthData::until`.
#[test]
fn the_demo_of_a_day_in_its_year_holds_nothing_later() {
    let cut = d(2017, 6, 30);
    let whole = synth_rows(demo_spec(2017));
    let volunteers = whole.volunteers.iter().filter(|v| v.registered_on <= cut).count();
    let kept: Vec<_> = whole.records.iter().filter(|r| r.date <= cut).collect();
    let hours: f64 = kept.iter().map(|r| r.hours).sum();
    let activities = whole.activities.iter().filter(|a| a.date <= cut).count();
    let trainings = whole.trainings.iter().filter(|t| t.date <= cut).count();
    assert!(volunteers < whole.volunteers.len() && kept.len() < whole.records.len() && activities == 6 * 12);

    let bytes = demo_workbook_until(2017, cut).unwrap();
    let imp = import(
        &[FileInput { name: "示例镇志愿服务数据2017（截至6月30日）.xlsx", bytes: &bytes }],
        &ImportOptions::default(),
    );
    let t = &imp.tables;
    assert_eq!(
        (t.volunteers.len(), t.records.len(), t.activities.len(), t.trainings.len()),
        (volunteers, kept.len(), activities, trainings)
    );
    let roster_hours: f64 = t.volunteers.iter().filter_map(|v| v.annual_hours).sum();
    assert!((roster_hours - hours).abs() < 1e-6, "年度服务时长 sums the kept records: {roster_hours} vs {hours}");
    for v in &t.volunteers {
        let (a, c) = (v.annual_hours.unwrap(), v.cumulative_hours.unwrap());
        assert!(c + 1e-9 >= a, "累计 {c} ≥ 年度 {a}");
    }
    let (prepared, findings) = prepare(t, 2017, cut);
    let late: Vec<_> = findings.iter().filter(|f| f.kind == FindingKind::DateOutOfPeriod).collect();
    assert!(late.is_empty(), "nothing after the day it stands on: {late:?}");
    assert_eq!((prepared.registered.len(), prepared.records.len()), (volunteers, kept.len()));
}
