//! A participation matrix on the import screen: the activities found (people, times), the
//! hours of one participation and each activity's date — pre-filled from a table of
//! activities' hours in the same import, a date in the header or the holiday the name
//! names (in the scored year) — and one button that turns the counts into service records.
use super::fmt::fmt_int;
use super::matrix_panel::{hours_text, parse_hours};
use super::{lang, tr};
use crate::i18n::tf;
use crate::state::form::parse_date;
use crate::state::{AppState, DataState};
use leptos::prelude::*;
use scorecard_domain::import::choices::{MatrixColumnChoice, MatrixSheetChoice};
use scorecard_domain::import::outcome::MatrixSheet;
use scorecard_domain::import::sheets::matrix::{day_in_year, holiday_date};

/// One row's inputs, as typed.
#[derive(Clone)]
struct Row {
    column: u32,
    name: String,
    people: u32,
    times: u32,
    from: Option<String>,
    include: RwSignal<bool>,
    hours: RwSignal<String>,
    date: RwSignal<String>,
}

#[component]
pub fn MatrixSheetPanel(file: String, sheet: String, wide: MatrixSheet) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let year = app.draft.with_untracked(|d| d.context.year);
    let rows: Vec<Row> = wide
        .activities
        .iter()
        .map(|a| {
            let date = if wide.confirmed {
                a.chosen_date
            } else {
                a.date.or_else(|| day_in_year(a, year)).or_else(|| holiday_date(a, year))
            };
            let hours = if wide.confirmed { a.chosen_hours.or(a.hours) } else { a.hours };
            Row {
                column: a.column,
                name: a.name.clone(),
                people: a.people,
                times: a.times,
                from: a.hours_from.clone(),
                include: RwSignal::new(!wide.confirmed || a.chosen_date.is_some() || a.chosen_hours.is_some()),
                hours: RwSignal::new(hours_text(hours)),
                date: RwSignal::new(date.map(|d| d.to_string()).unwrap_or_default()),
            }
        })
        .collect();
    let fill_date = RwSignal::new(String::new());
    let rows_for_fill = rows.clone();
    let on_fill = move |_| {
        if let Ok(Some(d)) = parse_date(&fill_date.get_untracked()) {
            for r in &rows_for_fill {
                if r.date.get_untracked().trim().is_empty() {
                    r.date.set(d.to_string());
                }
            }
        }
    };
    let rows_for_missing = rows.clone();
    // rows that would make no records: included but hours or date missing or unreadable
    let missing = move || {
        rows_for_missing
            .iter()
            .filter(|r| r.include.get() && r.times > 0)
            .filter(|r| parse_hours(&r.hours.get()).is_none() || !matches!(parse_date(&r.date.get()), Ok(Some(_))))
            .count()
    };
    let rows_for_confirm = rows.clone();
    let (f1, s1) = (file.clone(), sheet.clone());
    let confirm = move |_| {
        let choice = MatrixSheetChoice {
            activities: rows_for_confirm
                .iter()
                .filter(|r| r.include.get_untracked())
                .map(|r| MatrixColumnChoice {
                    column: r.column,
                    name: r.name.clone(),
                    hours: parse_hours(&r.hours.get_untracked()),
                    date: parse_date(&r.date.get_untracked()).ok().flatten(),
                })
                .collect(),
        };
        data.set_override(app, &f1, &s1, |o| o.wide = Some(choice));
    };
    let (f2, s2) = (file.clone(), sheet.clone());
    let undo = move |_| data.set_override(app, &f2, &s2, |o| o.wide = None);
    let confirmed = wide.confirmed;
    let records = wide.records;
    // where the hours were read: the file and sheet of the first activity that has some
    let hours_source = wide
        .activities
        .iter()
        .find_map(|a| a.hours_from.as_deref())
        .map(|f| f.split("第 ").next().unwrap_or(f).trim().to_string());
    let n = wide.activities.len();
    view! {
        <div class="matrix-sheet-panel" data-testid="matrix-sheet-panel" data-confirmed=confirmed.to_string()>
            <h5>{tr("matrix.heading")}</h5>
            <p class="small">{move || tf(lang(), "matrix.intro", &[("n", &n)])}</p>
            {confirmed
                .then(|| {
                    view! {
                        <p class="notice ok small" data-testid="matrix-sheet-done">
                            {move || tf(lang(), "matrix.done", &[("n", &fmt_int(records))])}
                        </p>
                    }
                })}
            {hours_source
                .map(|src| {
                    view! {
                        <p class="small muted" data-testid="matrix-sheet-hours-source">
                            {tr("matrix.hours_from")}
                            {src}
                        </p>
                    }
                })}
            <div class="matrix-sheet-fill inline-field">
                <label>
                    <span>{tr("matrix.fill_date")}</span>
                    <input
                        class="narrow-date"
                        type="text"
                        placeholder=tr("matrix.date_hint")
                        data-testid="matrix-sheet-fill-date"
                        prop:value=move || fill_date.get()
                        on:input=move |ev| fill_date.set(event_target_value(&ev))
                    />
                </label>
                <button on:click=on_fill data-testid="matrix-sheet-fill">
                    {tr("matrix.fill")}
                </button>
            </div>
            <div class="table-wrap">
                <table class="grid matrix-sheet-table" data-testid="matrix-sheet-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("matrix.include")}</th>
                            <th scope="col">{tr("matrix.activity")}</th>
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
                                let from = r.from.clone();
                                let title = from.clone().map(|f| format!("{}{}", tr("matrix.hours_from")(), f));
                                view! {
                                    <tr data-testid="matrix-sheet-row" data-column=r.column.to_string()>
                                        <td>
                                            <input
                                                type="checkbox"
                                                aria-label=r.name.clone()
                                                prop:checked=move || include.get()
                                                on:change=move |ev| include.set(event_target_checked(&ev))
                                            />
                                        </td>
                                        <td data-cjk-ok="activity">{r.name.clone()}</td>
                                        <td class="num">{fmt_int(u64::from(r.people))}</td>
                                        <td class="num">{fmt_int(u64::from(r.times))}</td>
                                        <td>
                                            <input
                                                class="narrow"
                                                type="text"
                                                inputmode="decimal"
                                                data-testid="matrix-sheet-hours"
                                                title=title
                                                aria-label=format!("{} {}", r.name, tr("matrix.hours")())
                                                class:invalid=move || {
                                                    include.get() && parse_hours(&hours.get()).is_none()
                                                }
                                                prop:value=move || hours.get()
                                                on:input=move |ev| hours.set(event_target_value(&ev))
                                            />
                                        </td>
                                        <td>
                                            <input
                                                class="narrow-date"
                                                type="text"
                                                data-testid="matrix-sheet-date"
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
            <p class="small muted" data-testid="matrix-sheet-missing">
                {move || match missing() {
                    0 => String::new(),
                    k => tf(lang(), "matrix.missing", &[("n", &k)]),
                }}
            </p>
            <div class="matrix-sheet-actions">
                <button class="primary" data-testid="matrix-sheet-confirm" on:click=confirm>
                    {move || if confirmed { tr("matrix.update")() } else { tr("matrix.confirm")() }}
                </button>
                {confirmed
                    .then(|| {
                        view! {
                            <button data-testid="matrix-sheet-undo" on:click=undo>
                                {tr("matrix.undo")}
                            </button>
                        }
                    })}
            </div>
        </div>
    }
}
