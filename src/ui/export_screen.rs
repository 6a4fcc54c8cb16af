//! Step 4: the report as xlsx, CSV, a printable A4 summary (print to PDF), and the context
//! as JSON for the command line.
use super::fmt::fmt_date;
use super::scorecard::status;
use super::{lang, tr};
use crate::i18n::{t, Lang};
use crate::state::data::overrides_of;
use crate::state::download;
use crate::state::{AppState, DataState};
use leptos::prelude::*;
use scorecard_domain::export;
use scorecard_domain::import::ImportOptions;

#[component]
pub fn ExportScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let ready = move || data.view.with(|v| v.is_some());
    let english = move || app.lang.get_untracked() == Lang::En;
    let export_context = move |_| {
        let (ctx, opts) = app.draft.with_untracked(|d| (d.context.clone(), overrides_of(&d.import_options)));
        let import = ImportOptions { overrides: opts, ..Default::default() };
        let json = export::context_json(&ctx, Some(&import));
        let name = format!("{}{}基本信息.json", ctx.organisation.trim(), ctx.year);
        download::bytes(&name, "application/json", json.as_bytes());
    };
    view! {
        <section class="panel no-print" data-testid="export-screen">
            <h2>{tr("export.heading")}</h2>
            <p class="intro">{tr("export.intro")}</p>
            {move || (!ready()).then(|| view! { <p class="notice info">{tr("export.not_ready")}</p> })}
            <div class="export-grid">
                <div class="export-item">
                    <button
                        class="primary"
                        data-testid="export-xlsx"
                        disabled=move || !ready()
                        on:click=move |_| data.download_scorecard_xlsx(app)
                    >
                        "⬇ "
                        {tr("export.xlsx")}
                    </button>
                    <p class="help">{tr("export.xlsx_help")}</p>
                </div>
                <div class="export-item">
                    <button
                        data-testid="export-print"
                        disabled=move || !ready()
                        on:click=move |_| {
                            let _ = window().print();
                        }
                    >
                        {tr("export.print")}
                    </button>
                    <p class="help">{tr("export.print_help")}</p>
                </div>
                <div class="export-item">
                    <button
                        data-testid="export-csv"
                        disabled=move || !ready()
                        on:click=move |_| data.download_scorecard_csv(app, english())
                    >
                        "⬇ "
                        {tr("export.csv")}
                    </button>
                    <p class="help">{tr("export.csv_help")}</p>
                </div>
                <div class="export-item">
                    <button data-testid="export-context" on:click=export_context>
                        "⬇ "
                        {tr("export.context")}
                    </button>
                    <p class="help">{tr("export.context_help")}</p>
                </div>
                <crate::ui::town_panel::PackItem />
            </div>
        </section>
        <h3 class="no-print preview-title">{tr("export.preview")}</h3>
        <PrintSummary />
    }
}

/// The A4 summary that printing produces (and its on-screen preview).
#[component]
fn PrintSummary() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    view! {
        {move || {
            data.view
                .with(|v| {
                    v.as_ref()
                        .map(|v| {
                            let c = v.card.clone();
                            let l = lang();
                            let p = crate::ui::Punct(l);
                            let org = app.draft.with(|d| d.context.organisation.clone());
                            let s = c.summary.clone();
                            view! {
                                <article
                                    class="print-area"
                                    data-testid="print-summary"
                                    data-user-words=c.stations.join("|")
                                >
                                    <header>
                                        <h1>
                                            <span data-cjk-ok="organisation">{org}</span>
                                            " "
                                            {c.year}
                                            " "
                                            {tr("export.scorecard_title")}
                                        </h1>
                                        <p>
                                            {tr("score.profile")} {crate::ui::colon}
                                            {l.pick(&c.profile_name, &c.profile_name_en).to_string()} " · "
                                            {tr("score.as_of")} " " {fmt_date(l, c.as_of)}
                                        </p>
                                        <p class="print-counts">
                                            {[
                                                (scorecard_domain::score::Status::Met, s.met),
                                                (scorecard_domain::score::Status::OnTrack, s.on_track),
                                                (scorecard_domain::score::Status::InProgress, s.in_progress),
                                                (scorecard_domain::score::Status::NotMet, s.not_met),
                                                (scorecard_domain::score::Status::Behind, s.behind),
                                                (scorecard_domain::score::Status::NeedsInput, s.needs_input),
                                            ]
                                                .into_iter()
                                                .map(|(st, n)| {
                                                    view! {
                                                        <span>
                                                            {status::icon(st)} " " {tr(status::key(st))} " " <b>{n}</b>
                                                        </span>
                                                    }
                                                })
                                                .collect_view()}
                                        </p>
                                    </header>
                                    <table class="print-table">
                                        <thead>
                                            <tr>
                                                <th>"#"</th>
                                                <th>{tr("profile.indicator")}</th>
                                                <th>{tr("score.status")}</th>
                                                <th>{tr("score.value")}</th>
                                                <th>{tr("score.target")}</th>
                                                <th>{tr("score.gap")}</th>
                                                <th>{tr("score.source")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {c
                                                .indicators
                                                .iter()
                                                .map(|r| {
                                                    let d = &r.detail;
                                                    view! {
                                                        <tr class=status::class(d.status)>
                                                            <td class="id">{r.id.clone()}</td>
                                                            <td class="label">
                                                                {l.pick(&r.label, &r.label_en).to_string()}
                                                            </td>
                                                            <td
                                                                class="st"
                                                                data-label=format!("{}{}", t(l, "score.status"), p.colon())
                                                            >
                                                                <span aria-hidden="true">{status::icon(d.status)}</span>
                                                                " "
                                                                {tr(status::key(d.status))}
                                                            </td>
                                                            <td
                                                                class="num"
                                                                data-label=format!("{}{}", t(l, "score.value"), p.colon())
                                                            >
                                                                {status::value(d.unit, d.value, l)}
                                                            </td>
                                                            <td
                                                                class="num"
                                                                data-label=format!("{}{}", t(l, "score.target"), p.colon())
                                                            >
                                                                {status::value(d.unit, d.target, l)}
                                                            </td>
                                                            <td data-label=format!(
                                                                "{}{}",
                                                                t(l, "score.gap"),
                                                                p.colon(),
                                                            )>
                                                                {if l == Lang::Zh {
                                                                    d.gap.clone()
                                                                } else {
                                                                    d.gap_en.clone()
                                                                }
                                                                    .unwrap_or_default()}
                                                            </td>
                                                            <td
                                                                class="src"
                                                                data-cjk-ok="source"
                                                                data-label=format!("{}{}", t(l, "score.source"), p.colon())
                                                            >
                                                                {r.source.clone()}
                                                            </td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                    {(!s.stations_short.is_empty())
                                        .then(|| {
                                            view! {
                                                <p>
                                                    <b>{tr("score.stations_short")} {crate::ui::colon}</b>
                                                    {s
                                                        .stations_short
                                                        .iter()
                                                        .map(|x| {
                                                            format!(
                                                                "{}{}",
                                                                x.station,
                                                                p.paren(x.indicators.join(p.sep())),
                                                            )
                                                        })
                                                        .collect::<Vec<_>>()
                                                        .join(p.semi())}
                                                </p>
                                            }
                                        })}
                                    <footer class="print-foot">
                                        {tr("app.title")} {format!(" v{}", scorecard_domain::APP_VERSION)} " · "
                                        {tr("export.generated")} " " {fmt_date(l, crate::state::data::today())}
                                    </footer>
                                </article>
                            }
                        })
                })
        }}
    }
}
