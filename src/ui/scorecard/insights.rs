//! §6 beyond the documents: the monthly replay (月月通报), the what-if planner and star volunteers.
use super::card::StatusPill;
use crate::i18n::Lang;
use crate::state::{AppState, DataState};
use crate::ui::fmt::{fmt_hours, fmt_int};
use crate::ui::{lang, tr};
use leptos::prelude::*;
use scorecard_domain::calendar::period_text;
use scorecard_domain::score::insights::Replay;

#[allow(unreachable_pub)] // #[component] makes the props type `pub`
#[component]
pub(super) fn ReplayPanel() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let replay = RwSignal::new(None::<Replay>);
    let loading = RwSignal::new(false);
    let load = move || {
        loading.set(true);
        data.load_replay(app, move |r| {
            loading.set(false);
            if let Some(r) = r {
                replay.set(Some(r));
            }
        });
    };
    // Computed when the tab opens, and again when the data or the context changes.
    Effect::new(move |_| {
        data.view.track();
        load();
    });
    view! {
        <section class="panel" data-testid="replay">
            <h3>{tr("replay.title")}</h3>
            <p class="muted">{tr("replay.intro")}</p>
            {move || {
                loading
                    .get()
                    .then(|| {
                        view! {
                            <p class="muted" role="status">
                                {tr("replay.loading")}
                            </p>
                        }
                    })
            }}
            {move || {
                replay
                    .get()
                    .map(|r| {
                        if r.months.is_empty() {
                            return view! { <p>{tr("replay.none")}</p> }.into_any();
                        }
                        let ids: Vec<String> = r
                            .months
                            .last()
                            .map(|m| m.indicators.iter().map(|i| i.id.clone()).collect())
                            .unwrap_or_default();
                        let names: Vec<(String, String, String)> = data
                            .view
                            .with_untracked(|v| {
                                v.as_ref()
                                    .map(|v| {
                                        v.card
                                            .indicators
                                            .iter()
                                            .map(|i| (i.id.clone(), i.label.clone(), i.label_en.clone()))
                                            .collect()
                                    })
                                    .unwrap_or_default()
                            });
                        let name_of = move |id: &str| {
                            names
                                .iter()
                                .find(|n| n.0 == id)
                                .map(|n| if lang() == Lang::Zh { n.1.clone() } else { n.2.clone() })
                                .unwrap_or_default()
                        };
                        let months = r.months.clone();
                        let first = r.first_short.clone();
                        // the indicator's name beside its id, from the scorecard on screen
                        view! {
                            <div class="table-wrap">
                                <table class="grid replay" data-testid="replay-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tr("replay.indicator")}</th>
                                            {months
                                                .iter()
                                                .map(|m| {
                                                    let l = m.month.clone();
                                                    view! {
                                                        <th scope="col" data-month=m.month.clone()>
                                                            {move || period_text(&l, lang() == Lang::Zh, false)}
                                                        </th>
                                                    }
                                                })
                                                .collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {ids
                                            .into_iter()
                                            .map(|id| {
                                                view! {
                                                    <tr data-testid="replay-row" data-indicator=id.clone()>
                                                        <th scope="row">
                                                            {id.clone()} " "
                                                            <span class="replay-name">
                                                                {
                                                                    let (n, id) = (name_of.clone(), id.clone());
                                                                    move || n(&id)
                                                                }
                                                            </span>
                                                        </th>
                                                        {months
                                                            .iter()
                                                            .map(|m| {
                                                                let st = m
                                                                    .indicators
                                                                    .iter()
                                                                    .find(|i| i.id == id)
                                                                    .map(|i| i.status);
                                                                view! {
                                                                    <td
                                                                        data-month=m.month.clone()
                                                                        data-status=st.map(|s| s.code())
                                                                    >
                                                                        {st.map(|s| view! { <StatusPill status=s /> })}
                                                                    </td>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            {(!first.is_empty())
                                .then(|| {
                                    view! {
                                        <h4>{tr("replay.first_short")}</h4>
                                        <table class="grid" data-testid="first-short">
                                            <thead>
                                                <tr>
                                                    <th scope="col">{tr("replay.indicator")}</th>
                                                    <th scope="col">{tr("score.station")}</th>
                                                    <th scope="col">{tr("replay.month")}</th>
                                                    <th scope="col">{tr("score.status")}</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {first
                                                    .into_iter()
                                                    .map(|f| {
                                                        view! {
                                                            <tr>
                                                                <td>{f.indicator.clone()}</td>
                                                                <td data-cjk-ok=f
                                                                    .station
                                                                    .is_some()
                                                                    .then_some(
                                                                        "station",
                                                                    )>
                                                                    {f
                                                                        .station
                                                                        .clone()
                                                                        .unwrap_or_else(|| tr("replay.whole")().to_string())}
                                                                </td>
                                                                <td>
                                                                    {
                                                                        let m = f.month.clone();
                                                                        move || period_text(&m, lang() == Lang::Zh, true)
                                                                    }
                                                                </td>
                                                                <td>
                                                                    <StatusPill status=f.status />
                                                                </td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    }
                                })}
                        }
                            .into_any()
                    })
            }}
        </section>
    }
}

#[allow(unreachable_pub)] // #[component] makes the props type `pub`
#[component]
pub(super) fn WhatIfPanel() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        <section class="panel" data-testid="whatif">
            <h3>{tr("whatif.title")}</h3>
            <p class="muted">{tr("whatif.intro")}</p>
            {move || {
                data.view
                    .with(|v| {
                        v.as_ref()
                            .map(|v| {
                                let w = v.what_if.clone();
                                let plan = w.plan.clone();
                                view! {
                                    <div class="stat-row">
                                        <div class="stat">
                                            <span class="label">{tr("whatif.registered")}</span>
                                            <span class="big num" data-testid="whatif-registered">
                                                {fmt_int(w.registered)}
                                            </span>
                                        </div>
                                        <div class="stat">
                                            <span class="label">{tr("whatif.active")}</span>
                                            <span class="big num" data-testid="whatif-active">
                                                {fmt_int(w.active)}
                                            </span>
                                        </div>
                                        <div class="stat">
                                            <span class="label">{tr("whatif.hours")}</span>
                                            <span class="big num">{fmt_hours(w.hours)}</span>
                                        </div>
                                        <div class="stat">
                                            <span class="label">{tr("whatif.days_left")}</span>
                                            <span class="big num" data-testid="whatif-days-left">
                                                {fmt_int(u64::from(w.days_left))}
                                            </span>
                                        </div>
                                    </div>
                                    <h4>{tr("whatif.plan")}</h4>
                                    {if plan.is_empty() {
                                        view! { <p>{tr("whatif.nothing")}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ol class="plan" data-testid="whatif-plan">
                                                {plan
                                                    .into_iter()
                                                    .map(|(z, e)| {
                                                        view! {
                                                            <li data-testid="whatif-step">
                                                                {move || {
                                                                    if lang() == Lang::Zh { z.clone() } else { e.clone() }
                                                                }}
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ol>
                                        }
                                            .into_any()
                                    }}
                                }
                            })
                    })
            }}
        </section>
    }
}

#[allow(unreachable_pub)] // #[component] makes the props type `pub`
#[component]
pub(super) fn StarsPanel() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        <section class="panel" data-testid="stars">
            <h3>{tr("stars.title")}</h3>
            <p class="muted">{tr("stars.intro")}</p>
            {move || {
                data.view
                    .with(|v| {
                        v.as_ref()
                            .and_then(|v| v.stars.clone())
                            .map(|s| {
                                if let Some(f) = s.needs_input {
                                    return view! {
                                        <p class="needs">
                                            {tr("score.needs_input_what")}
                                            <b>{move || lang().pick(f.label_zh(), f.label_en())}</b>
                                        </p>
                                    }
                                        .into_any();
                                }
                                let max = s.distribution.iter().copied().max().unwrap_or(0).max(1);
                                let list: Vec<_> = s.volunteers.iter().take(100).cloned().collect();
                                view! {
                                    <div class="stars-dist" data-testid="stars-distribution">
                                        {s
                                            .distribution
                                            .iter()
                                            .enumerate()
                                            .map(|(k, n)| {
                                                let label = if k == 0 {
                                                    tr("stars.none")().to_string()
                                                } else {
                                                    "★".repeat(k)
                                                };
                                                let pct = (*n as f64 / max as f64) * 100.0;
                                                view! {
                                                    <div
                                                        class="dist-row"
                                                        data-testid="stars-row"
                                                        data-stars=k
                                                        data-count=*n
                                                    >
                                                        <span class="dist-label">{label}</span>
                                                        <span class="dist-bar">
                                                            <span
                                                                class="dist-fill"
                                                                style:width=format!("{pct:.1}%")
                                                            ></span>
                                                        </span>
                                                        <span class="num">{fmt_int(*n)}</span>
                                                    </div>
                                                }
                                            })
                                            .collect_view()}
                                    </div>
                                    {(s.without_hours > 0)
                                        .then(|| {
                                            view! {
                                                <p class="small muted">
                                                    {tr("stars.without")} {crate::ui::colon} {fmt_int(s.without_hours)}
                                                </p>
                                            }
                                        })}
                                    <details>
                                        <summary>{tr("stars.list")}</summary>
                                        <table class="grid">
                                            <thead>
                                                <tr>
                                                    <th>{tr("score.name")}</th>
                                                    <th>{tr("score.station")}</th>
                                                    <th>{tr("charts.hours")}</th>
                                                    <th>{tr("stars.level")}</th>
                                                    <th>{tr("stars.to_next")}</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {list
                                                    .into_iter()
                                                    .map(|x| {
                                                        view! {
                                                            <tr>
                                                                <td>{x.name}</td>
                                                                <td>{x.station}</td>
                                                                <td class="num">{fmt_hours(x.hours)}</td>
                                                                <td>{"★".repeat(x.stars)}</td>
                                                                <td class="num">
                                                                    {x.to_next.map(fmt_hours).unwrap_or_default()}
                                                                </td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </details>
                                }
                                    .into_any()
                            })
                    })
            }}
        </section>
    }
}
