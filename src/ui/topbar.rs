//! The bar at the top: name, current draft and its save state, language, clear-all.
use super::tr;
use crate::i18n::t;
use crate::state::{AppState, SaveState};
use leptos::prelude::*;

#[component]
pub fn TopBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let save_text = move || {
        let l = state.lang.get();
        match state.save_state.get() {
            SaveState::Saved => t(l, "drafts.saved").to_string(),
            SaveState::Pending => t(l, "drafts.saving").to_string(),
            SaveState::Failed(e) => format!("{}：{}", t(l, "drafts.unsaved"), l.pick(&e.message_zh(), &e.message_en())),
        }
    };
    let save_class = move || match state.save_state.get() {
        SaveState::Saved => "save-state ok",
        SaveState::Pending => "save-state pending",
        SaveState::Failed(_) => "save-state failed",
    };
    let clear = move |_| {
        let msg = t(state.lang.get_untracked(), "app.clear_confirm");
        if window().confirm_with_message(msg).unwrap_or(false) {
            state.clear_all();
        }
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true" data-cjk-ok="logo">
                    "志"
                </span>
                <div>
                    <h1 data-testid="app-title">{tr("app.title")}</h1>
                    <p class="tagline">{tr("app.tagline")}</p>
                </div>
            </div>
            <div class="topbar-actions">
                <button
                    class="draft-button"
                    data-testid="drafts-open"
                    on:click=move |_| state.drafts_open.set(true)
                    aria-haspopup="dialog"
                >
                    <span class="draft-label">{tr("drafts.current")}</span>
                    <span class="draft-name" data-testid="draft-name" data-cjk-ok="draft">
                        {move || state.draft.with(|d| d.display_name_in(state.lang.get() == crate::i18n::Lang::Zh))}
                    </span>
                    <span class=save_class data-testid="save-state">
                        {save_text}
                    </span>
                </button>
                <button
                    data-testid="lang-switch"
                    data-cjk-ok="other-language"
                    lang=move || state.lang.get().other().code()
                    aria-label=tr("app.lang_switch_label")
                    on:click=move |_| state.set_lang(state.lang.get_untracked().other())
                >
                    {tr("app.lang_switch")}
                </button>
                <button class="danger-quiet" data-testid="clear-all" on:click=clear>
                    {tr("app.clear_all")}
                </button>
            </div>
        </header>
    }
}
