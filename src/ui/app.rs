//! The top-level component.
use crate::i18n::{t, Lang};
use crate::state::{draft::Draft, store};
use leptos::prelude::*;
use scorecard_domain::Level;

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(store::load_lang().map(|s| Lang::from_code(&s)).unwrap_or_default());
    let draft = RwSignal::new(match store::load_draft() {
        store::Loaded::Restored(d) => d,
        _ => Draft::default(),
    });
    Effect::new(move |_| {
        let d = draft.get();
        let _ = store::save_draft(&d);
    });
    Effect::new(move |_| store::save_lang(lang.get().code()));

    let tr = move |k: &'static str| move || t(lang.get(), k);
    view! {
        <header class="topbar">
            <h1 data-testid="app-title">{tr("app.title")}</h1>
            <button data-testid="lang-switch" on:click=move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })>
                {tr("app.lang_switch")}
            </button>
        </header>
        <main>
            <label>{tr("ctx.organisation")}
                <input data-testid="ctx-organisation"
                    prop:value=move || draft.with(|d| d.context.organisation.clone())
                    on:input:target=move |ev| draft.update(|d| d.context.organisation = ev.target().value()) />
            </label>
            <label>{tr("ctx.level")}
                <select data-testid="ctx-level"
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        draft.update(|d| d.context.level = Level::ALL.into_iter().find(|l| format!("{l:?}") == v).unwrap_or_default())
                    }>
                    {Level::ALL.into_iter().map(|l| view! {
                        <option value=format!("{l:?}") selected=move || draft.with(|d| d.context.level == l)>
                            {move || if lang.get() == Lang::Zh { l.label_zh() } else { l.label_en() }}
                        </option>
                    }).collect_view()}
                </select>
            </label>
        </main>
    }
}
