//! One indicator: status by icon and words, value against target, the gap sentence, the
//! source clause, per-station table, what is missing, checklists to tick, suggestions to
//! confirm, and the rows behind it.
use super::status;
use crate::i18n::{tf, Lang};
use crate::state::draft::Step;
use crate::state::{AppState, DataState};
use crate::ui::fmt::{fmt_hours, fmt_int};
use crate::ui::{lang, tr};
use leptos::prelude::*;
use scorecard_domain::calendar::missing_item_text;
use scorecard_domain::export::{cut_en, cut_zh};
use scorecard_domain::score::checklist_items::ChecklistItem;
use scorecard_domain::score::{Detail, IndicatorResult, InputField, Missing, Status, Unit};

/// "4 / 6 个站点" style for counted units; the plain value otherwise.
fn now_text(d: &Detail, l: Lang) -> String {
    match d.unit {
        Unit::Periods => tf(l, "score.periods_met", &[("value", &n(d.value)), ("target", &n(d.target))]),
        Unit::Items => {
            let key = if d.target == Some(1.0) { "score.item_ticked" } else { "score.items_ticked" };
            tf(l, key, &[("value", &n(d.value)), ("target", &n(d.target))])
        }
        Unit::Stations => tf(l, "score.stations_met", &[("value", &n(d.value)), ("target", &n(d.target))]),
        u => status::value(u, d.value, l),
    }
}

/// The value in a table cell: `9/10`, `13.3%`, `12.5 小时`.
fn compact(d: &Detail, l: Lang) -> String {
    match d.unit {
        Unit::Periods | Unit::Items | Unit::Stations => format!("{}/{}", n(d.value), n(d.target)),
        u => status::value(u, d.value, l),
    }
}

fn target_text(d: &Detail, l: Lang) -> Option<String> {
    match d.unit {
        Unit::Periods | Unit::Items | Unit::Stations => None,
        Unit::Ratio => d.target.map(|t| format!("≥ {}", status::value(Unit::Ratio, Some(t), l))),
        u => d.target.map(|t| format!("≥ {}", status::value(u, Some(t), l))),
    }
}

fn n(v: Option<f64>) -> String {
    v.map(|x| if x.fract() == 0.0 { fmt_int(x.max(0.0) as u64) } else { fmt_hours(x) }).unwrap_or_else(|| "—".into())
}

/// Fraction of the target reached, for the bar (0–1).
fn reached(d: &Detail) -> Option<f64> {
    let (v, t) = (d.value?, d.target?);
    if t <= 0.0 {
        return Some(1.0);
    }
    Some((v / t).clamp(0.0, 1.0))
}

/// What is missing, in the page's language (period labels written out). Short items
/// (themes, months) run on in one line; long ones (an activity and what it lacks) are a
/// list, since they hold 、 themselves. A met indicator's list is what it does not need.
fn missing_view(d: &Detail, met: bool) -> Option<AnyView> {
    let (m, m_en, total) = (d.missing.clone(), d.missing_en.clone(), d.missing_total);
    // A list of people (those below an hours target) is the people table below, collapsed
    // and masked: a card on a projector does not name people to the room.
    if m.is_empty() || !d.short.is_empty() {
        return None;
    }
    let shown = m.items();
    let body = move || {
        let zh = lang() == Lang::Zh;
        let sep = if zh { "、" } else { ", " };
        let text = |v: &[String]| -> Vec<String> { v.iter().map(|i| missing_item_text(i, zh)).collect() };
        // the English list where the rule gave one, item for item
        let list = if zh || m_en.is_empty() { m.clone() } else { m_en.clone() };
        // long by the Chinese items, so both languages lay the list out alike
        let long = matches!(&m, Missing::List(v) if v.iter().any(|i| i.chars().count() > 16));
        match list {
            Missing::List(v) if long => {
                let items = text(&v);
                let (head, rest) = items.split_at(items.len().min(5));
                let (head, rest) = (head.to_vec(), rest.to_vec());
                view! {
                    <ul class="missing-items">
                        {head.into_iter().map(|i| view! { <li data-cjk-ok="rows">{i}</li> }).collect_view()}
                    </ul>
                    {(!rest.is_empty())
                        .then(|| {
                            view! {
                                <details class="small">
                                    <summary>{format!("+{}", rest.len())}</summary>
                                    <ul class="missing-items">
                                        {rest
                                            .into_iter()
                                            .map(|i| view! { <li data-cjk-ok="rows">{i}</li> })
                                            .collect_view()}
                                    </ul>
                                </details>
                            }
                        })}
                }
                .into_any()
            }
            Missing::List(v) if v.len() > 12 => {
                let items = text(&v);
                let head = items[..12].join(sep);
                let rest = items[12..].join(sep);
                let more = items.len() - 12;
                view! {
                    <p class="missing-list">{head} {sep} "…"</p>
                    <details class="small">
                        <summary>{format!("+{more}")}</summary>
                        <p class="missing-list">{rest}</p>
                    </details>
                }
                .into_any()
            }
            Missing::List(v) => view! { <p class="missing-list">{text(&v).join(sep)}</p> }.into_any(),
            Missing::ByName(v) => view! {
                <ul class="missing-map">
                    {v
                        .into_iter()
                        .map(|(k, list)| {
                            view! {
                                <li>
                                    <b>{k}</b>
                                    {if zh { "：" } else { ": " }}
                                    {text(&list).join(sep)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    Some(
        view! {
            <div class="missing" data-testid="missing">
                <span class="label">
                    {if met { tr("score.missing_met") } else { tr("score.missing") }} {crate::ui::colon}
                </span>
                {body}
                {(total as usize > shown)
                    .then(|| {
                        view! {
                            <p class="muted small">
                                {move || {
                                    if lang() == Lang::Zh {
                                        cut_zh(Some(total), shown as u64, "项")
                                    } else {
                                        cut_en(Some(total), shown as u64, "items")
                                    }
                                }}
                            </p>
                        }
                    })}
            </div>
        }
        .into_any(),
    )
}

fn input_label(f: InputField, l: Lang) -> &'static str {
    l.pick(f.label_zh(), f.label_en())
}

/// Where the user goes to provide a missing input.
fn input_step(f: InputField) -> Step {
    match f {
        InputField::Population
        | InputField::Staff
        | InputField::UnitType
        | InputField::PartyMembers
        | InputField::Stations => Step::Context,
        InputField::Checklist => Step::Scorecard,
        _ => Step::Import,
    }
}

#[allow(unreachable_pub)] // #[component] makes the props type `pub`
#[component]
pub(super) fn StatusPill(status: Status, #[prop(optional)] check: bool) -> impl IntoView {
    // figures that cannot both be true need checking (需核对), not filling in (需补充)
    let key = if check && status == Status::NeedsInput { "status.check" } else { status::key(status) };
    view! {
        <span
            class=format!("pill-status {}", status::class(status))
            data-testid="status-pill"
            data-check=check.then_some("1")
        >
            <span aria-hidden="true">{if check { "⚠" } else { status::icon(status) }}</span>
            " "
            {tr(key)}
        </span>
    }
}

/// One card, keyed by indicator id: its content follows the latest score, while the
/// checklist's radio buttons stay the same elements (ticking one keeps the focus there).
#[allow(unreachable_pub)] // #[component] makes the props type `pub`
#[component]
pub(super) fn IndicatorCard(id: String, #[prop(into)] on_rows: Callback<(String, Option<String>)>) -> impl IntoView {
    let data = expect_context::<DataState>();
    let id_find = id.clone();
    let result = Memo::new(move |_| {
        data.view.with(|v| v.as_ref().and_then(|v| v.card.indicators.iter().find(|r| r.id == id_find).cloned()))
    });
    let st = move || result.with(|r| r.as_ref().map(|r| r.detail.status).unwrap_or_default());
    let id_items = id.clone();
    let items = Memo::new(move |_| {
        data.view.with(|v| {
            v.as_ref()
                .map(|v| v.checklist.iter().filter(|c| c.indicator == id_items).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <article
            class=move || format!("card {}", status::class(st()))
            data-testid=format!("indicator-{id}")
            data-status=move || st().code()
            aria-labelledby=format!("ind-{id}-title")
        >
            {move || result.get().map(|r| view! { <CardMain result=r on_rows=on_rows /> })}
            <Show when=move || !items.with(Vec::is_empty)>
                <Checklist items=items />
            </Show>
            {move || result.get().map(|r| view! { <CardFoot result=r on_rows=on_rows /> })}
        </article>
    }
}

#[component]
fn CardMain(result: IndicatorResult, on_rows: Callback<(String, Option<String>)>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let d = result.detail.clone();
    let st = d.status;
    let id = result.id.clone();
    let (label_zh, label_en) = (result.label.clone(), result.label_en.clone());
    let (gap_zh, gap_en) = (d.gap.clone(), d.gap_en.clone());
    let bar = reached(&d);
    let d_now = d.clone();
    let d_target = d.clone();
    // the domain's words for the pro-rated target (hours, and the share of the year), so
    // a share indicator's hours are never shown as a percentage
    let prorated = d.prorated_target.map(|p| (d.unit, p, d.prorated_text.clone(), d.prorated_text_en.clone()));
    let needs = d.needs_input;
    let impossible = d.impossible;
    let stations = result.stations.clone();
    let parts = result.parts.clone();
    let suggestions = d.suggestions.clone();
    let short = d.short.clone();
    let short_total = d.missing_total.max(d.short.len() as u64);
    let periods = d.periods.clone();
    let counts = d.counts.clone();
    let missing = missing_view(&d, st == Status::Met);
    let id_rows = id.clone();
    view! {
        <header class="card-head">
            <span class="ind-id">{result.id.clone()}</span>
            <h3 id=format!(
                "ind-{}-title",
                result.id,
            )>{move || if lang() == Lang::Zh { label_zh.clone() } else { label_en.clone() }}</h3>
            {result
                .bonus
                .then(|| {
                    view! {
                        <span class="badge bonus" title=tr("score.bonus_note")>
                            {tr("score.bonus")}
                        </span>
                    }
                })}
            <span class="spacer"></span>
            <StatusPill status=st check=d.impossible />
        </header>
        <div class="card-body">
            <div class="measure">
                <div class="now">
                    <span class="label">{tr("score.value")}</span>
                    <span class="big num" data-testid="value">
                        {move || now_text(&d_now, lang())}
                    </span>
                </div>
                {move || {
                    target_text(&d_target, lang())
                        .map(|t| {
                            view! {
                                <div class="target">
                                    <span class="label">{tr("score.target")}</span>
                                    <span class="num" data-testid="target">
                                        {t}
                                    </span>
                                </div>
                            }
                        })
                }}
                {prorated
                    .map(|(u, p, zh, en)| {
                        view! {
                            <div class="target">
                                <span class="label">{tr("score.prorated")}</span>
                                <span class="num" data-testid="prorated">
                                    {move || match (lang(), &zh, &en) {
                                        (Lang::Zh, Some(t), _) | (Lang::En, _, Some(t)) => t.clone(),
                                        (l, _, _) => {
                                            status::value(if u == Unit::Ratio { Unit::Hours } else { u }, Some(p), l)
                                        }
                                    }}
                                </span>
                            </div>
                        }
                    })}
            </div>
            {bar
                .map(|b| {
                    view! {
                        <div class="meter" role="img" aria-label=format!("{:.0}%", b * 100.0)>
                            <div
                                class=format!("meter-fill {}", status::class(st))
                                style:width=format!("{:.1}%", b * 100.0)
                            ></div>
                        </div>
                    }
                })}
            {move || {
                let g = if lang() == Lang::Zh { gap_zh.clone() } else { gap_en.clone() };
                let open = RwSignal::new(false);
                g.map(|g| {
                    let long = g.chars().count() > 120;
                    // Long per-station sentences are clamped to four lines; a click shows all.
                    view! {
                        <p
                            class="gap"
                            class:clamped=move || long && !open.get()
                            data-testid="gap"
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            <span aria-hidden="true">"➜ "</span>
                            {g.clone()}
                        </p>
                    }
                })
            }}
            {needs
                .map(|f| {
                    view! {
                        <p class="needs" data-testid="needs-input">
                            {tr(if impossible { "score.check_what" } else { "score.needs_input_what" })}
                            <b>{move || input_label(f, lang())}</b>
                            " "
                            <button class="link" on:click=move |_| app.edit(|d| d.step = input_step(f))>
                                {move || {
                                    if input_step(f) == Step::Import {
                                        tr("score.go_import")()
                                    } else {
                                        tr("score.go_context")()
                                    }
                                }}
                                " →"
                            </button>
                        </p>
                    }
                })}
            {missing}
            {(!periods.is_empty())
                .then(|| {
                    view! {
                        <div class="periods" aria-label=tr("score.periods")>
                            {periods
                                .into_iter()
                                .map(|p| {
                                    let cls = match (p.state, p.met) {
                                        (_, true) => "per per-met",
                                        (scorecard_domain::score::SlotState::Ended, false) => "per per-not",
                                        (scorecard_domain::score::SlotState::Current, false) => "per per-current",
                                        _ => "per per-future",
                                    };
                                    let sym = if p.met { "✔" } else if cls == "per per-not" { "✘" } else { "·" };
                                    let label = p.label.clone();
                                    let title = move || {
                                        let l = lang();
                                        let zh = l == Lang::Zh;
                                        let lacking = match p.lacking.is_empty() {
                                            true => String::new(),
                                            false => {
                                                tf(
                                                    l,
                                                    "score.lacking",
                                                    &[("list", &p.lacking.join(crate::ui::Punct(l).sep()))],
                                                )
                                            }
                                        };
                                        let n = tf(l, "score.count_of", &[("count", &p.count), ("target", &p.target)]);
                                        format!(
                                            "{}{} {n}{lacking}",
                                            missing_item_text(&p.label, zh),
                                            if zh { "：" } else { ":" },
                                        )
                                    };
                                    let short = move || missing_item_text(&label, lang() == Lang::Zh);
                                    let t2 = title.clone();
                                    view! {
                                        <span class=cls title=t2>
                                            <span class="per-label">{short}</span>
                                            <span aria-hidden="true">{sym}</span>
                                            <span class="sr-only">{title}</span>
                                        </span>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                })}
            {(!counts.is_empty())
                .then(|| {
                    view! {
                        <ul class="counts-list" aria-label=tr("score.counts")>
                            {counts
                                .into_iter()
                                .map(|c| {
                                    let ok = c.count >= c.target;
                                    let (count, target) = (c.count, c.target);
                                    let n = move || match target {
                                        0 => tf(lang(), "score.count", &[("count", &count)]),
                                        _ => tf(lang(), "score.count_of", &[("count", &count), ("target", &target)]),
                                    };
                                    let name = move || {
                                        if lang() == Lang::En && !c.name_en.is_empty() {
                                            c.name_en.clone()
                                        } else {
                                            c.name.clone()
                                        }
                                    };
                                    // a count as a count (12 次 / 需 1), never a fraction that reads as a date;
                                    // no per-name target (X8's holidays): the count alone
                                    view! {
                                        <li class:ok=ok class:short=!ok>
                                            <span aria-hidden="true">{if ok { "✔ " } else { "✘ " }}</span>
                                            {name}
                                            " "
                                            <span class="num">{n}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            {(!suggestions.is_empty()).then(|| view! { <Suggestions list=suggestions /> })}
            {(!short.is_empty()).then(|| view! { <PeopleShort short=short total=short_total /> })}
            {(!stations.is_empty())
                .then(|| {
                    let many = stations.len() > STATIONS_OPEN_MAX;
                    let failing = stations.iter().filter(|s| s.detail.status.is_failing()).count();
                    let open = RwSignal::new(st.is_failing() && !many);
                    let k = stations.len();
                    let count = move || match many && failing > 0 {
                        true => tf(lang(), "score.stations_failing", &[("k", &k), ("failing", &failing)]),
                        false => crate::ui::punct().paren(k),
                    };
                    let id_rows = id_rows.clone();
                    // A town's table of many stations is built when opened, not with the card
                    // (60 stations × 4 indicators were a third of a big scorecard's elements).
                    view! {
                        <details
                            class="stations"
                            open=open.get_untracked()
                            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
                        >
                            <summary>{tr("score.stations")} {count}</summary>
                            <Show when=move || !many || open.get()>
                                <table class="grid" data-testid="station-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tr("score.station")}</th>
                                            <th scope="col">{tr("score.status")}</th>
                                            <th scope="col">{tr("score.value")}</th>
                                            <th scope="col">{tr("score.gap")}</th>
                                            <th scope="col"></th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {stations
                                            .clone()
                                            .into_iter()
                                            .map(|s| {
                                                let sd = s.detail.clone();
                                                let st_code = sd.status.code();
                                                let st_status = sd.status;
                                                let (gz, ge) = (
                                                    sd.gap.clone().unwrap_or_default(),
                                                    sd.gap_en.clone().unwrap_or_default(),
                                                );
                                                let name = s.station.clone();
                                                let idr = id_rows.clone();
                                                let has_rows = sd.rows.total > 0;
                                                view! {
                                                    <tr
                                                        data-testid="station-row"
                                                        data-station=s.station.clone()
                                                        data-status=st_code
                                                    >
                                                        <th scope="row" data-cjk-ok="station">
                                                            {s.station.clone()}
                                                        </th>
                                                        <td>
                                                            <StatusPill status=st_status />
                                                        </td>
                                                        <td class="num">{move || compact(&sd, lang())}</td>
                                                        <td>
                                                            {move || {
                                                                if lang() == Lang::Zh { gz.clone() } else { ge.clone() }
                                                            }}
                                                        </td>
                                                        <td>
                                                            {has_rows
                                                                .then(|| {
                                                                    view! {
                                                                        <button
                                                                            class="link"
                                                                            on:click=move |_| {
                                                                                on_rows.run((idr.clone(), Some(name.clone())))
                                                                            }
                                                                        >
                                                                            {tr("score.rows")}
                                                                        </button>
                                                                    }
                                                                })}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </Show>
                        </details>
                    }
                })}
            {(!parts.is_empty())
                .then(|| {
                    view! {
                        <div class="parts">
                            <span class="label">{tr("score.parts")}</span>
                            {parts
                                .into_iter()
                                .map(|p| {
                                    let (lz, le) = (p.label.clone(), p.label_en.clone());
                                    let (gz, ge) = (
                                        p.detail.gap.clone().unwrap_or_default(),
                                        p.detail.gap_en.clone().unwrap_or_default(),
                                    );
                                    let pd = p.detail.clone();
                                    view! {
                                        <div
                                            class="part"
                                            data-testid=format!("part-{}", p.id)
                                            data-status=p.detail.status.code()
                                        >
                                            <StatusPill status=p.detail.status />
                                            " "
                                            <b>{move || if lang() == Lang::Zh { lz.clone() } else { le.clone() }}</b>
                                            " "
                                            <span class="num">{move || now_text(&pd, lang())}</span>
                                            " "
                                            <span class="muted">
                                                {move || if lang() == Lang::Zh { gz.clone() } else { ge.clone() }}
                                            </span>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                })}
        </div>
    }
}

#[component]
fn CardFoot(result: IndicatorResult, on_rows: Callback<(String, Option<String>)>) -> impl IntoView {
    let rows_total = result.detail.rows.total;
    let id = result.id.clone();
    view! {
        <footer class="card-foot">
            <span class="source" data-testid="source" title=tr("score.source")>
                <span>
                    <span aria-hidden="true">"§ "</span>
                    <span data-testid="source-cite" data-cjk-ok="source">
                        {result.source.clone()}
                    </span>
                </span>
                {(!result.quote.is_empty())
                    .then(|| {
                        view! {
                            <q class="quote" data-testid="source-quote" data-cjk-ok="source">
                                {result.quote.clone()}
                            </q>
                        }
                    })}
            </span>
            <span class="spacer"></span>
            {(rows_total > 0)
                .then(|| {
                    let idr = id.clone();
                    view! {
                        <button class="link" data-testid="show-rows" on:click=move |_| on_rows.run((idr.clone(), None))>
                            {tr("score.rows")}
                            {move || {
                                if lang() == Lang::Zh {
                                    format!("（{} ", fmt_int(rows_total))
                                } else {
                                    format!(" ({} ", fmt_int(rows_total))
                                }
                            }}
                            {tr("score.rows_count")}
                            {move || if lang() == Lang::Zh { "）" } else { ")" }}
                        </button>
                    }
                })}
        </footer>
    }
}

/// How many people the card's list shows; the rest are in the drill-down and the report.
const PEOPLE_SHOWN: usize = 50;

/// The people below an hours target: closed, and their names masked (`张*`) until the
/// clerk asks to see them — a scorecard is shown to rooms and projectors.
#[component]
fn PeopleShort(short: Vec<scorecard_domain::score::ShortVolunteer>, total: u64) -> impl IntoView {
    let reveal = RwSignal::new(false);
    let shown: Vec<_> = short.into_iter().take(PEOPLE_SHOWN).collect();
    let k = shown.len() as u64;
    let count = move || tf(lang(), "score.people_count", &[("n", &fmt_int(total))]);
    view! {
        <details class="short" data-testid="people-list">
            <summary>{tr("score.short_list")} {count}</summary>
            <p class="small muted">
                <label class="inline-check">
                    <input
                        type="checkbox"
                        data-testid="people-reveal"
                        prop:checked=move || reveal.get()
                        on:change=move |ev| reveal.set(event_target_checked(&ev))
                    />
                    " "
                    {tr("score.show_names")}
                </label>
            </p>
            <table class="grid">
                <thead>
                    <tr>
                        <th>{tr("score.station")}</th>
                        <th>{tr("score.name")}</th>
                        <th>{tr("score.short_hours")}</th>
                        <th>{tr("score.short_needed")}</th>
                    </tr>
                </thead>
                <tbody>
                    {shown
                        .into_iter()
                        .map(|s| {
                            let masked = scorecard_domain::mask::mask_name(&s.name);
                            let name = s.name.clone();
                            view! {
                                <tr data-testid="people-row">
                                    <td>{s.station}</td>
                                    <td data-testid="people-name">
                                        {move || if reveal.get() { name.clone() } else { masked.clone() }}
                                    </td>
                                    <td class="num">{fmt_hours(s.hours)}</td>
                                    <td class="num">{fmt_hours(s.needed)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            {(total > k)
                .then(|| {
                    view! {
                        <p class="muted small">
                            {move || {
                                if lang() == Lang::Zh {
                                    cut_zh(Some(total), k, "人")
                                } else {
                                    cut_en(Some(total), k, "people")
                                }
                            }}
                        </p>
                    }
                })}
        </details>
    }
}

/// Near-holiday activities the user may confirm as holiday-themed (X8).
#[component]
fn Suggestions(list: Vec<scorecard_domain::score::HolidaySuggestion>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let n = list.len();
    view! {
        <details class="suggestions" data-testid="suggestions" open=n <= 5>
            <summary class="small">{tr("score.suggestions")} {move || crate::ui::punct().paren(n)}</summary>
            <ul>
                {list
                    .into_iter()
                    .take(30)
                    .map(|s| {
                        let key = s.key.clone();
                        let k2 = key.clone();
                        let confirmed = move || app.draft.with(|d| d.context.confirmed_holidays.contains(&k2));
                        view! {
                            <li data-testid="suggestion">
                                {
                                    let holiday_en = scorecard_domain::calendar::HOLIDAYS
                                        .iter()
                                        .find(|h| h.name == s.holiday)
                                        .map_or(s.holiday.clone(), |h| h.name_en.to_string());
                                    let (date, station, activity, holiday, when) = (
                                        s.date,
                                        s.station.clone(),
                                        s.activity.clone(),
                                        s.holiday.clone(),
                                        s.holiday_date,
                                    );
                                    move || {
                                        if lang() == Lang::Zh {
                                            format!("{date} {station} 「{activity}」 — {holiday}（{when}）")
                                        } else {
                                            format!("{date} {station} \"{activity}\" — {holiday_en} ({when})")
                                        }
                                    }
                                } " "
                                <button
                                    data-testid="confirm-holiday"
                                    on:click=move |_| {
                                        let k = key.clone();
                                        app.edit(|d| {
                                            if !d.context.confirmed_holidays.remove(&k) {
                                                d.context.confirmed_holidays.insert(k);
                                            }
                                        })
                                    }
                                >
                                    {move || if confirmed() { tr("score.unconfirm")() } else { tr("score.confirm")() }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}

/// Above this many stations, an indicator's station table opens (and is built) on demand.
const STATIONS_OPEN_MAX: usize = 12;
/// Above this many items (a town's per-station checklist), the list opens on demand; its
/// button says how many are still unanswered.
const CHECKLIST_OPEN_MAX: usize = 24;

/// Tick boxes of a checklist indicator; each answer goes into the context. Keyed by item,
/// so re-scoring after a tick keeps the same inputs (and the keyboard focus).
#[component]
fn Checklist(items: Memo<Vec<ChecklistItem>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let many = move || items.with(Vec::len) > CHECKLIST_OPEN_MAX;
    let open = RwSignal::new(false);
    let unanswered = move || {
        app.draft.with(|d| items.with(|v| v.iter().filter(|it| !d.context.checklist.contains_key(&it.key)).count()))
    };
    let toggle_text = move || {
        let (n, k) = (items.with(Vec::len), unanswered());
        let key = if open.get() { "score.checklist_hide" } else { "score.checklist_show_all" };
        tf(lang(), key, &[("n", &n), ("k", &k)])
    };
    view! {
        <fieldset class="checklist" data-testid="checklist">
            <legend>{tr("score.checklist")}</legend>
            <Show when=many>
                <button
                    class="link"
                    data-testid="checklist-toggle"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {toggle_text}
                </button>
            </Show>
            <Show when=move || !many() || open.get()>
                <For each=move || items.get() key=|it| it.key.clone() let:it>
                    {
                        let key = it.key.clone();
                        let (k_yes, k_no) = (key.clone(), key.clone());
                        let k_read = key.clone();
                        let answer = Signal::derive(move || {
                            app.draft.with(|d| d.context.checklist.get(&k_read).copied())
                        });
                        let (lz, le) = (it.label_zh.clone(), it.label_en.clone());
                        let name = format!("chk-{}", key);
                        view! {
                            <div class="check-item" data-testid="check-item" data-key=key.clone()>
                                <span class="check-label">
                                    {move || if lang() == Lang::Zh { lz.clone() } else { le.clone() }}
                                </span>
                                <label>
                                    <input
                                        type="radio"
                                        name=name.clone()
                                        data-testid="check-yes"
                                        prop:checked=move || answer.get() == Some(true)
                                        on:change=move |_| {
                                            let k = k_yes.clone();
                                            app.edit(|d| {
                                                d.context.checklist.insert(k, true);
                                            })
                                        }
                                    />
                                    {tr("score.check_yes")}
                                </label>
                                <label>
                                    <input
                                        type="radio"
                                        name=name
                                        data-testid="check-no"
                                        prop:checked=move || answer.get() == Some(false)
                                        on:change=move |_| {
                                            let k = k_no.clone();
                                            app.edit(|d| {
                                                d.context.checklist.insert(k, false);
                                            })
                                        }
                                    />
                                    {tr("score.check_no")}
                                </label>
                            </div>
                        }
                    }
                </For>
            </Show>
        </fieldset>
    }
}
