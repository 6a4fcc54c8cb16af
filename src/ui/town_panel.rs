//! 汇总报送 on the page: the town's passphrase (typed here, kept only if the clerk asks),
//! a station's "make the report file" on the export screen, and what a report file holds
//! on its card. The files themselves are made and read by the engine (`town` in the domain).

use super::fmt::fmt_date;
use super::{lang, tr};
use crate::i18n::tf;
use crate::state::{AppState, DataState};
use leptos::prelude::*;
use scorecard_domain::import::OutcomeSummary;
use scorecard_domain::report_file::passkey::MIN_CHARS;

/// The passphrase field and the "remember on this computer" box; `on_apply` runs after a
/// change is confirmed (the import screen imports again).
#[component]
pub fn PassphraseField(#[prop(optional)] import_again: bool) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let typed = RwSignal::new(data.passphrase.get_untracked());
    let remember = RwSignal::new(data.remember_passphrase.get_untracked());
    let short = move || {
        let n = typed.with(|t| t.trim().chars().count());
        n > 0 && n < MIN_CHARS
    };
    let apply = move || {
        data.set_passphrase(app, typed.get_untracked(), remember.get_untracked());
        if import_again && !data.file_list.with_untracked(Vec::is_empty) {
            data.run_import(app);
        }
    };
    view! {
        <div class="town-passphrase">
            <label>
                <span>{tr("town.passphrase")}</span>
                // what is typed counts at once (in memory only): files dropped while the
                // field still has the focus are read with it (issue 28)
                <input
                    type="password"
                    autocomplete="off"
                    data-testid="town-passphrase"
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        let p = event_target_value(&ev);
                        data.passphrase.set(p.clone());
                        typed.set(p);
                    }
                    on:change=move |_| apply()
                />
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="town-remember"
                    prop:checked=move || remember.get()
                    on:change=move |ev| {
                        remember.set(event_target_checked(&ev));
                        apply();
                    }
                />
                <span>{tr("town.remember")}</span>
            </label>
            {import_again
                .then(|| {
                    view! {
                        <button data-testid="town-apply" on:click=move |_| apply()>
                            {tr("town.apply")}
                        </button>
                    }
                })}
            {move || {
                short()
                    .then(|| {
                        view! {
                            <p class="notice warn small" data-testid="town-short">
                                {tr("town.short")}
                            </p>
                        }
                    })
            }}
            <p class="help">{tr("town.passphrase_help")}</p>
        </div>
    }
}

/// On the import screen: where a town enters its passphrase before dropping the stations'
/// report files; open by itself when report files are among the files.
#[component]
pub fn TownImportPanel() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        <details class="panel town-panel" data-testid="town-panel" prop:open=move || data.has_report_files()>
            <summary>{tr("town.heading")}</summary>
            <p class="intro">{tr("town.intro")}</p>
            <PassphraseField import_again=true />
            {move || {
                data.has_report_files()
                    .then(|| {
                        view! {
                            <p class="notice info" data-testid="town-codes-note">
                                {tr("town.codes_note")}
                            </p>
                        }
                    })
            }}
        </details>
    }
}

/// On the export screen: a station makes its report file for the town.
#[component]
pub fn PackItem() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let ready = move || data.import.with(|i| i.is_some());
    let make = move |_| data.download_report_file(app);
    view! {
        <div class="export-item wide" data-testid="export-report-item">
            <h3>{tr("town.pack_heading")}</h3>
            <p class="help">{tr("town.pack_help")}</p>
            <PassphraseField />
            <button
                class="primary"
                data-testid="export-report-file"
                disabled=move || !ready() || data.passphrase.with(|p| p.trim().chars().count() < MIN_CHARS)
                on:click=make
            >
                "⬇ "
                {tr("town.pack")}
            </button>
        </div>
    }
}

/// What a report file holds, on its card.
#[component]
pub fn ReportLine(summary: OutcomeSummary) -> impl IntoView {
    let s = summary;
    view! {
        <p class="report-summary" data-testid="report-summary" data-counted=s.counted.to_string()>
            <b>{tr("town.report_file")}</b>
            " · "
            <span data-cjk-ok="station">{s.station.clone()}</span>
            " · "
            {move || {
                let l = lang();
                let date = fmt_date(l, s.as_of);
                tf(
                    l,
                    "town.report_line",
                    &[
                        ("year", &s.year),
                        ("date", &date),
                        ("volunteers", &s.volunteers),
                        ("activities", &s.activities),
                        ("trainings", &s.trainings),
                    ],
                )
            }}
            " · "
            <span class="muted">{s.made_by.clone()}</span>
            {(!s.counted)
                .then(|| {
                    view! {
                        " · "
                        <b class="warn">{tr("town.superseded")}</b>
                    }
                })}
        </p>
    }
}
