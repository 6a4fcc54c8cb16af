//! The drafts dialog: list, open, rename, delete, new; unreadable drafts offered for download.
use super::{lang, tr};
use crate::i18n::t;
use crate::state::store::{self, DraftEntry};
use crate::state::AppState;
use leptos::prelude::*;

/// Offers `text` as a file download (made in the page; nothing leaves it).
pub fn download_text(name: &str, mime: &str, text: &str) {
    crate::state::download::bytes(name, mime, text.as_bytes());
}

fn fmt_time(ms: f64) -> String {
    if ms <= 0.0 {
        return String::new();
    }
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{}年{}月{}日 {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[component]
pub fn DraftsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let entries = move || {
        state.drafts_version.get();
        state.drafts_open.get();
        store::list_drafts()
    };
    let close = move || state.drafts_open.set(false);
    // focus into the dialog when it opens (`autofocus` does not, on a later-added element)
    let close_btn = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close_btn.get() {
            let _ = b.focus();
        }
    });
    view! {
        <Show when=move || state.drafts_open.get()>
            <div class="overlay" on:click=move |_| close()></div>
            <section
                class="dialog drafts"
                role="dialog"
                aria-modal="true"
                aria-labelledby="drafts-title"
                data-testid="drafts-panel"
                on:keydown=move |e| {
                    if e.key() == "Escape" {
                        close()
                    }
                }
            >
                <header class="dialog-head">
                    <h2 id="drafts-title">{tr("drafts.title")}</h2>
                    <button class="link" data-testid="drafts-close" node_ref=close_btn on:click=move |_| close()>
                        {tr("drafts.close")}
                    </button>
                </header>
                <button
                    class="primary"
                    data-testid="draft-new"
                    on:click=move |_| {
                        state.new_draft();
                        close()
                    }
                >
                    {tr("drafts.new")}
                </button>
                <ul class="draft-list">
                    {move || entries().into_iter().map(|e| view! { <DraftRow entry=e /> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn DraftRow(entry: DraftEntry) -> impl IntoView {
    let state = expect_context::<AppState>();
    match entry {
        DraftEntry::Ok(d) => {
            let id = d.id.clone();
            let is_current = {
                let id = id.clone();
                move || state.draft.with(|c| c.id == id)
            };
            let (id_open, id_ren, id_del) = (id.clone(), id.clone(), id.clone());
            let name = d.display_name();
            let rename = move |_| {
                let l = state.lang.get_untracked();
                if let Ok(Some(n)) = window().prompt_with_message_and_default(t(l, "drafts.name_label"), &name) {
                    if !n.trim().is_empty() {
                        state.rename_draft(&id_ren, &n);
                    }
                }
            };
            let delete = move |_| {
                if window()
                    .confirm_with_message(t(state.lang.get_untracked(), "drafts.delete_confirm"))
                    .unwrap_or(false)
                {
                    state.delete_draft(&id_del);
                }
            };
            view! {
                <li class="draft-row" class:current=is_current data-testid="draft-row">
                    <div class="draft-info">
                        <strong data-testid="draft-row-name">
                            {
                                let dn = d.clone();
                                move || dn.display_name_in(state.lang.get() == crate::i18n::Lang::Zh)
                            }
                        </strong>
                        <small>{tr("drafts.updated")} " " {fmt_time(d.updated_ms)}</small>
                    </div>
                    <div class="draft-actions">
                        <button
                            data-testid="draft-open"
                            on:click=move |_| {
                                state.open_draft(&id_open);
                                state.drafts_open.set(false)
                            }
                        >
                            {tr("drafts.open")}
                        </button>
                        <button data-testid="draft-rename" on:click=rename>
                            {tr("drafts.rename")}
                        </button>
                        <button class="danger-quiet" data-testid="draft-delete" on:click=delete>
                            {tr("drafts.delete")}
                        </button>
                    </div>
                </li>
            }
            .into_any()
        }
        DraftEntry::Broken { id, raw, error } => {
            let (id_del, id_name) = (id.clone(), id.clone());
            let err = error.clone();
            view! {
                <li class="draft-row broken" data-testid="draft-row-broken">
                    <div class="draft-info">
                        <strong>"⚠ " {tr("drafts.broken")}</strong>
                        <small>
                            {move || if lang() == crate::i18n::Lang::Zh { err.message_zh() } else { err.message_en() }}
                        </small>
                    </div>
                    <div class="draft-actions">
                        <button
                            data-testid="draft-download-raw"
                            on:click=move |_| download_text(
                                &format!("草稿-{id_name}.txt"),
                                "text/plain;charset=utf-8",
                                &raw,
                            )
                        >
                            {tr("drafts.download_raw")}
                        </button>
                        <button
                            class="danger-quiet"
                            on:click=move |_| {
                                if window()
                                    .confirm_with_message(t(state.lang.get_untracked(), "drafts.delete_confirm"))
                                    .unwrap_or(false)
                                {
                                    state.delete_draft(&id_del);
                                }
                            }
                        >
                            {tr("drafts.delete")}
                        </button>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
