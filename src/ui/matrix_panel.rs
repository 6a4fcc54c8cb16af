//! Participation matrices spread over several sheets (a sheet per department, the same
//! activities as columns): each activity is listed once, with the sheets that have it, and
//! its hours and date are typed once for all of them — with one default hours value for
//! every activity without its own. Confirmed once, every matrix sheet of the import turns
//! its counts into records (`MatrixChoice` on the first matrix sheet's override).
use super::fmt::fmt_int;
use super::{lang, tr};
use crate::i18n::tf;
use crate::state::form::parse_date;
use crate::state::{AppState, DataState};
use leptos::prelude::*;
use scorecard_domain::import::choices::{MatrixChoice, SharedActivity};
use scorecard_domain::import::sheets::matrix::{default_matrix_choice, matrix_activities};
use scorecard_domain::import::FileOutcome;

/// Hours of one participation as typed: a number over 0 and at most 24 (全角 digits and a
/// trailing 小时 or h allowed).
pub fn parse_hours(s: &str) -> Option<f64> {
    let t: String = s
        .trim()
        .chars()
        .map(|c| if ('０'..='９').contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c })
        .collect();
    let t = t.trim_end_matches("小时").trim_end_matches('h').trim();
    t.parse::<f64>().ok().filter(|h| *h > 0.0 && *h <= 24.0)
}

pub fn hours_text(h: Option<f64>) -> String {
    h.map(|h| if h.fract() == 0.0 { format!("{h:.0}") } else { format!("{h}") }).unwrap_or_default()
}

/// The matrix sheets of an import, as (file, sheet).
pub fn matrix_sheets(files: &[FileOutcome]) -> Vec<(String, String)> {
    files
        .iter()
        .flat_map(|f| f.sheets.iter().filter(|s| s.wide.is_some()).map(|s| (f.name.clone(), s.name.clone())))
        .collect()
}

#[derive(Clone)]
struct Row {
    name: String,
    sheets: u32,
    people: u32,
    times: u32,
    include: RwSignal<bool>,
    hours: RwSignal<String>,
    date: RwSignal<String>,
}

#[component]
pub fn MatrixPanel(files: Vec<FileOutcome>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let year = app.draft.with_untracked(|d| d.context.year);
    let list = matrix_activities(&files);
    let sheets = matrix_sheets(&files);
    let confirmed = list.iter().any(|a| a.confirmed_sheets > 0);
    let hints = default_matrix_choice(&list, year);
    let rows: Vec<Row> = list
        .iter()
        .zip(&hints.activities)
        .map(|(a, h)| Row {
            name: a.name.clone(),
            sheets: a.sheets,
            people: a.people,
            times: a.times,
            include: RwSignal::new(!confirmed || a.confirmed_sheets > 0),
            hours: RwSignal::new(hours_text(if confirmed { a.chosen_hours.or(h.hours) } else { h.hours })),
            date: RwSignal::new(
                if confirmed { a.chosen_date.or(h.date) } else { h.date }.map(|d| d.to_string()).unwrap_or_default(),
            ),
        })
        .collect();
    let default_hours = RwSignal::new(String::new());
    let rows_missing = rows.clone();
    let missing = move || {
        let fallback = parse_hours(&default_hours.get());
        rows_missing
            .iter()
            .filter(|r| r.include.get() && r.times > 0)
            .filter(|r| {
                parse_hours(&r.hours.get()).or(fallback).is_none() || !matches!(parse_date(&r.date.get()), Ok(Some(_)))
            })
            .count()
    };
    let rows_confirm = rows.clone();
    let all_sheets = sheets.clone();
    let (sheets_confirm, sheets_undo) = (sheets.clone(), sheets.clone());
    let confirm = move |_| {
        let choice = MatrixChoice {
            default_hours: parse_hours(&default_hours.get_untracked()),
            activities: rows_confirm
                .iter()
                .map(|r| SharedActivity {
                    name: r.name.clone(),
                    hours: parse_hours(&r.hours.get_untracked()),
                    date: parse_date(&r.date.get_untracked()).ok().flatten(),
                    skip: !r.include.get_untracked(),
                })
                .collect(),
        };
        data.set_matrix(app, &sheets_confirm, Some(choice));
    };
    let undo = move |_| data.set_matrix(app, &sheets_undo, None);
    let (n, k) = (rows.len(), all_sheets.len());
    view! {
        <section
            class="panel matrix-sheet-panel matrix-panel"
            data-testid="matrix-panel"
            data-confirmed=confirmed.to_string()
        >
            <h3>{tr("matrix.heading")}</h3>
            <p class="small">{move || tf(lang(), "matrix.shared_intro", &[("k", &k), ("n", &n)])}</p>
            <div class="inline-field">
                <label>
                    <span>{tr("matrix.default_hours")}</span>
                    <input
                        class="narrow"
                        type="text"
                        inputmode="decimal"
                        data-testid="matrix-default-hours"
                        prop:value=move || default_hours.get()
                        on:input=move |ev| default_hours.set(event_target_value(&ev))
                    />
                </label>
            </div>
            <div class="table-wrap">
                <table class="grid matrix-sheet-table" data-testid="matrix-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("matrix.include")}</th>
                            <th scope="col">{tr("matrix.activity")}</th>
                            <th scope="col" class="num">
                                {tr("matrix.sheets")}
                            </th>
                            <th scope="col" class="num">
                                {tr("matrix.people")}
                            </th>
                            <th scope="col" class="num">
                                {tr("matrix.times")}
                            </th>
                            <th scope="col">{tr("matrix.hours")}</th>
                            <th scope="col">{tr("matrix.date")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|r| {
                                let (include, hours, date) = (r.include, r.hours, r.date);
                                view! {
                                    <tr data-testid="matrix-row">
                                        <td>
                                            <input
                                                type="checkbox"
                                                aria-label=r.name.clone()
                                                prop:checked=move || include.get()
                                                on:change=move |ev| include.set(event_target_checked(&ev))
                                            />
                                        </td>
                                        <td data-cjk-ok="activity">{r.name.clone()}</td>
                                        <td class="num">{r.sheets}</td>
                                        <td class="num">{fmt_int(u64::from(r.people))}</td>
                                        <td class="num">{fmt_int(u64::from(r.times))}</td>
                                        <td>
                                            <input
                                                class="narrow"
                                                type="text"
                                                inputmode="decimal"
                                                data-testid="matrix-hours"
                                                aria-label=format!("{} {}", r.name, tr("matrix.hours")())
                                                placeholder=move || default_hours.get()
                                                prop:value=move || hours.get()
                                                on:input=move |ev| hours.set(event_target_value(&ev))
                                            />
                                        </td>
                                        <td>
                                            <input
                                                class="narrow-date"
                                                type="text"
                                                data-testid="matrix-date"
                                                placeholder=tr("matrix.date_hint")
                                                aria-label=format!("{} {}", r.name, tr("matrix.date")())
                                                class:invalid=move || {
                                                    include.get() && !matches!(parse_date(&date.get()), Ok(Some(_)))
                                                }
                                                prop:value=move || date.get()
                                                on:input=move |ev| date.set(event_target_value(&ev))
                                            />
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="small muted" data-testid="matrix-missing">
                {move || match missing() {
                    0 => String::new(),
                    m => tf(lang(), "matrix.missing", &[("n", &m)]),
                }}
            </p>
            <div class="matrix-sheet-actions">
                <button class="primary" data-testid="matrix-confirm" on:click=confirm>
                    {move || if confirmed { tr("matrix.update")() } else { tr("matrix.confirm")() }}
                </button>
                {confirmed
                    .then(|| {
                        view! {
                            <button data-testid="matrix-undo" on:click=undo>
                                {tr("matrix.undo")}
                            </button>
                        }
                    })}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_as_typed() {
        for (s, want) in [
            ("2", Some(2.0)),
            ("1.5", Some(1.5)),
            ("２.５", Some(2.5)),
            ("3小时", Some(3.0)),
            ("0", None),
            ("25", None),
            ("", None),
            ("两", None),
        ] {
            assert_eq!(parse_hours(s), want, "{s}");
        }
        assert_eq!(hours_text(Some(3.0)), "3");
        assert_eq!(hours_text(Some(1.5)), "1.5");
    }
}
