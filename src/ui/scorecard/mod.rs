//! Step 3: the scorecard. A summary of statuses, then a card per indicator, with tabs for
//! the charts, the monthly replay, the what-if planner and star volunteers.
mod card;
pub mod charts;
mod insights;
pub mod present;
mod rows;
pub mod status;

use crate::i18n::{tf, Lang};
use crate::state::{AppState, DataState};
use crate::ui::fmt::fmt_date;
use crate::ui::{lang, tr};
use card::IndicatorCard;
use leptos::prelude::*;
use scorecard_domain::score::{HoursSource, Status};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Cards,
    Charts,
    Replay,
    WhatIf,
    Stars,
}

#[component]
pub fn ScorecardScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let tab = RwSignal::new(Tab::Cards);
    let only_problems = RwSignal::new(false);
    let rows_for = RwSignal::new(None::<(String, Option<String>)>);
    let on_rows = Callback::new(move |x: (String, Option<String>)| rows_for.set(Some(x)));
    let presenting = RwSignal::new(false);

    view! {
        <section class="panel score-head" data-testid="scorecard">
            {move || {
                data.view
                    .with(|v| {
                        v.as_ref()
                            .map(|v| {
                                let c = &v.card;
                                let (pz, pe) = (c.profile_name.clone(), c.profile_name_en.clone());
                                let as_of = c.as_of;
                                let days_left = c.days_left;
                                let src = c.hours_source;
                                let org = app.draft.with(|d| d.context.organisation.clone());
                                view! {
                                    <div class="score-title">
                                        <h2>
                                            <span data-cjk-ok="organisation">
                                                {if org.is_empty() { tr("score.heading")().to_string() } else { org }}
                                            </span>
                                            " · "
                                            {c.year}
                                        </h2>
                                        <p class="muted">
                                            {tr("score.profile")} {crate::ui::colon}
                                            {move || if lang() == Lang::Zh { pz.clone() } else { pe.clone() }} " · "
                                            {tr("score.as_of")} " "
                                            <span data-testid="as-of">{move || fmt_date(lang(), as_of)}</span> " · "
                                            {move || {
                                                if days_left == 0 {
                                                    tr("score.year_over")().to_string()
                                                } else {
                                                    format!(
                                                        "{} {} {}",
                                                        tr("score.days_left")(),
                                                        days_left,
                                                        tr("score.days")(),
                                                    )
                                                }
                                            }}
                                        </p>
                                        <p class="muted small">
                                            {tr(
                                                match src {
                                                    HoursSource::Records => "score.hours_source_records",
                                                    HoursSource::RosterAnnual => "score.hours_source_roster",
                                                    HoursSource::Missing => "score.hours_source_missing",
                                                },
                                            )}
                                        </p>
                                    </div>
                                }
                            })
                    })
            }}
            <crate::ui::year_banner::YearBanner />
            <MissingStations />
            {move || {
                data.scoring
                    .get()
                    .then(|| {
                        view! {
                            <p class="muted" role="status">
                                {tr("score.computing")}
                            </p>
                        }
                    })
            }}
            {move || {
                data.import.with(|i| i.is_none()).then(|| view! { <p class="notice info">{tr("score.no_data")}</p> })
            }}
            <Summary tab=tab />
        </section>
        <nav class="tabs" role="tablist" aria-label=tr("score.heading")>
            {[
                (Tab::Cards, "score.tab_cards", "tab-cards"),
                (Tab::Charts, "score.tab_charts", "tab-charts"),
                (Tab::Replay, "score.tab_replay", "tab-replay"),
                (Tab::WhatIf, "score.tab_whatif", "tab-whatif"),
                (Tab::Stars, "score.tab_stars", "tab-stars"),
            ]
                .into_iter()
                .map(|(t, k, id)| {
                    view! {
                        <button
                            role="tab"
                            data-testid=id
                            aria-selected=move || (tab.get() == t).to_string()
                            class:active=move || tab.get() == t
                            on:click=move |_| tab.set(t)
                        >
                            {tr(k)}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
        {move || match tab.get() {
            Tab::Cards => {
                view! {
                    <div class="cards-toolbar">
                        <label>
                            <input
                                type="checkbox"
                                data-testid="only-problems"
                                prop:checked=move || only_problems.get()
                                on:change=move |ev| only_problems.set(event_target_checked(&ev))
                            />
                            " "
                            {tr("score.filter_problems")}
                        </label>
                        <button
                            data-testid="present"
                            title=tr("score.present_help")
                            on:click=move |_| presenting.set(true)
                        >
                            "▶ "
                            {tr("score.present")}
                        </button>
                    </div>
                    // while presenting, the cards are the presentation's alone (a card's checklist
                    // radios must not be on the page twice: one group would untick the other)
                    <Show when=move || !presenting.get()>
                        <div class="cards" data-testid="cards">
                            <For
                                each=move || {
                                    data.view
                                        .with(|v| {
                                            v.as_ref()
                                                .map(|v| {
                                                    v.card
                                                        .indicators
                                                        .iter()
                                                        .filter(|r| {
                                                            !only_problems.get()
                                                                || matches!(
                                                                    r.detail.status,
                                                                    Status::NotMet | Status::Behind | Status::NeedsInput
                                                                )
                                                        })
                                                        .map(|r| r.id.clone())
                                                        .collect::<Vec<_>>()
                                                })
                                                .unwrap_or_default()
                                        })
                                }
                                key=|id| id.clone()
                                let:id
                            >
                                <IndicatorCard id=id on_rows=on_rows />
                            </For>
                        </div>
                    </Show>
                    <Omitted />
                    <CardFindings />
                }
                    .into_any()
            }
            Tab::Charts => view! { <charts::ChartsPanel /> }.into_any(),
            Tab::Replay => view! { <insights::ReplayPanel /> }.into_any(),
            Tab::WhatIf => view! { <insights::WhatIfPanel /> }.into_any(),
            Tab::Stars => view! { <insights::StarsPanel /> }.into_any(),
        }}
        <present::Presentation open=presenting on_rows=on_rows />
        <rows::RowsDialog target=rows_for />
    }
}

/// Counts by status, each with its icon and words; stations falling short.
#[component]
fn Summary(tab: RwSignal<Tab>) -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        {move || {
            data.view
                .with(|v| {
                    v.as_ref()
                        .map(|v| {
                            let s = v.card.summary.clone();
                            let items = [
                                (Status::Met, s.met),
                                (Status::OnTrack, s.on_track),
                                (Status::InProgress, s.in_progress),
                                (Status::NotMet, s.not_met),
                                (Status::Behind, s.behind),
                                (Status::NeedsInput, s.needs_input),
                            ];
                            let short = s.stations_short.clone();
                            let note = s.stations_note();
                            // what is known of the stations: a line only over per-station indicators that were
                            // computed (never a reassuring one over those still needing data)
                            view! {
                                <div class="summary" data-testid="summary">
                                    {items
                                        .into_iter()
                                        .map(|(st, n)| {
                                            view! {
                                                <div
                                                    class=format!("sum {}", status::class(st))
                                                    data-testid=format!("summary-{}", st.code())
                                                    data-count=n
                                                >
                                                    <span class="sum-n num">{n}</span>
                                                    <span class="sum-label">
                                                        <span aria-hidden="true">{status::icon(st)}</span>
                                                        " "
                                                        {tr(status::key(st))}
                                                    </span>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                    {(s.bonus_total > 0)
                                        .then(|| {
                                            view! {
                                                <div class="sum bonus">
                                                    <span class="sum-n num">{s.bonus_met} "/" {s.bonus_total}</span>
                                                    <span class="sum-label">{tr("score.bonus")}</span>
                                                </div>
                                            }
                                        })}
                                </div>
                                <div class="short-stations" data-testid="stations-short">
                                    {note
                                        .map(|(zh, en)| {
                                            view! {
                                                <p class="muted small" data-testid="stations-note">
                                                    {move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}
                                                </p>
                                            }
                                        })}
                                    {if short.is_empty() {
                                        ().into_any()
                                    } else {
                                        view! {
                                            <p>
                                                <b>{tr("score.stations_short")} {crate::ui::colon}</b>
                                                {short
                                                    .into_iter()
                                                    .map(|x| {
                                                        view! {
                                                            <span class="pill short-pill" data-testid="short-pill">
                                                                <span data-cjk-ok="station">{x.station.clone()}</span>
                                                                " ("
                                                                {x
                                                                    .indicators
                                                                    .iter()
                                                                    .enumerate()
                                                                    .map(|(i, id)| {
                                                                        let id = id.clone();
                                                                        view! {
                                                                            {(i > 0).then(|| crate::ui::punct().sep())}
                                                                            <button
                                                                                class="link"
                                                                                data-testid="short-link"
                                                                                title=tr("score.go_card")
                                                                                on:click=move |_| show_card(tab, &id)
                                                                            >
                                                                                {id.clone()}
                                                                            </button>
                                                                        }
                                                                    })
                                                                    .collect_view()}
                                                                ")"
                                                            </span>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </p>
                                        }
                                            .into_any()
                                    }}
                                </div>
                            }
                        })
                })
        }}
    }
}

/// Stations the town expected but has no data of (a report file refused, or none sent):
/// named first, before any per-station figure is read as complete.
#[component]
fn MissingStations() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        {move || {
            data.view
                .with(|v| {
                    v.as_ref()
                        .filter(|v| !v.card.missing_stations.is_empty())
                        .map(|v| {
                            let list = v.card.missing_stations.clone();
                            let n = list.len();
                            view! {
                                <div
                                    class="notice warning missing-stations"
                                    role="alert"
                                    data-testid="missing-stations"
                                >
                                    <span class="notice-icon" aria-hidden="true">
                                        "⚠"
                                    </span>
                                    <div class="notice-text">
                                        <b>{move || tf(lang(), "score.missing_stations", &[("n", &n)])}</b>
                                        <ul>
                                            {list
                                                .into_iter()
                                                .map(|m| {
                                                    let (rz, re, az, ae) = (
                                                        m.reason.clone(),
                                                        m.reason_en.clone(),
                                                        m.action.clone(),
                                                        m.action_en.clone(),
                                                    );
                                                    view! {
                                                        <li
                                                            data-testid="missing-station"
                                                            data-station=m.station.clone()
                                                        >
                                                            <b data-cjk-ok="station">{m.station.clone()}</b>
                                                            {crate::ui::colon}
                                                            {move || {
                                                                if lang() == Lang::Zh {
                                                                    format!("{rz}。{az}")
                                                                } else {
                                                                    format!("{re}. {ae}")
                                                                }
                                                            }}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </div>
                                </div>
                            }
                        })
                })
        }}
    }
}

#[component]
fn Omitted() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        {move || {
            data.view
                .with(|v| {
                    v.as_ref()
                        .filter(|v| !v.card.omitted.is_empty())
                        .map(|v| {
                            let list = v.card.omitted.clone();
                            view! {
                                <section class="panel">
                                    <h3>{tr("score.omitted")}</h3>
                                    <ul>
                                        {list
                                            .into_iter()
                                            .map(|o| {
                                                let (z, e) = (o.reason.clone(), o.reason_en.clone());
                                                view! {
                                                    <li>
                                                        <b>{o.id.clone()}</b>
                                                        {crate::ui::colon}
                                                        {move || if lang() == Lang::Zh { z.clone() } else { e.clone() }}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                })
        }}
    }
}

/// What the import and the scoring found (rows left out, figures to check, records of
/// another period, hints): the same list and counts as the import screen's.
#[component]
fn CardFindings() -> impl IntoView {
    let data = expect_context::<DataState>();
    let all = Memo::new(move |_| data.all_findings());
    view! {
        {move || {
            all.with(|a| {
                (!a.is_empty())
                    .then(|| {
                        let list: Vec<_> = a.iter().take(300).cloned().collect();
                        let counts = scorecard_domain::finding::FindingCounts::of(a.iter());
                        view! {
                            <section class="panel" data-testid="score-findings">
                                <h3>{tr("score.findings")}</h3>
                                <crate::ui::finding_counts::FindingCountsLine counts=counts />
                                <p class="small">{tr("score.findings_note")}</p>
                                <details>
                                    <summary>{tr("score.findings_list")}</summary>
                                    <ul class="finding-list" tabindex="0" aria-label=tr("score.findings_list")>
                                        {list
                                            .into_iter()
                                            .map(|f| {
                                                let (lz, le, mz, me) = (
                                                    f.location_zh(),
                                                    f.location_en(),
                                                    f.message.clone(),
                                                    f.message_en.clone(),
                                                );
                                                view! {
                                                    <li data-kind=f.kind.code()>
                                                        <span class="small muted">
                                                            {move || {
                                                                if lang() == Lang::Zh { lz.clone() } else { le.clone() }
                                                            }}
                                                        </span>
                                                        <br />
                                                        {move || {
                                                            if lang() == Lang::Zh { mz.clone() } else { me.clone() }
                                                        }}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </details>
                            </section>
                        }
                    })
            })
        }}
    }
}

/// Opens the indicators tab and scrolls to one card (a chip of the stations falling short).
fn show_card(tab: RwSignal<Tab>, id: &str) {
    tab.set(Tab::Cards);
    let target = format!("ind-{id}-title");
    // after the tab has rendered its cards
    request_animation_frame(move || {
        // the whole card, its coloured head included
        let title = document().get_element_by_id(&target);
        if let Some(el) = title.and_then(|t| t.closest("article").ok().flatten()) {
            el.scroll_into_view();
        }
    });
}
