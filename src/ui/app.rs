//! The top-level component: provides the state, wires storage events, lays out the page.
use super::{
    context_form::ContextForm, drafts::DraftsPanel, export_screen::ExportScreen, import_screen::ImportScreen,
    notices::Notices, scorecard::ScorecardScreen, topbar::TopBar, tr, update_banner::UpdateBanner,
};
use crate::state::{draft::Step, AppState, DataState};
use leptos::ev;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::init();
    provide_context(state);
    let data = DataState::new();
    provide_context(data);

    // A draft opened (or made, or cleared): bring back its files and score it.
    let draft_id = Memo::new(move |_| state.draft.with(|d| d.id.clone()));
    Effect::new(move |_| {
        draft_id.with(|_| ());
        data.restore(state);
    });
    // The context changed: score again (debounced in `rescore`).
    let context = Memo::new(move |_| state.draft.with(|d| d.context.clone()));
    Effect::new(move |prev: Option<()>| {
        // `.with`, not `.track()`: a memo that is never read never learns its sources.
        context.with(|_| ());
        if prev.is_some() {
            data.rescore(state);
        }
    });

    // Another tab changed storage.
    let _ = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
        if let Some(key) = e.key() {
            state.on_storage_event(&key);
        }
    });
    // Leaving the page: write what is pending now rather than in 400 ms.
    let _ = window_event_listener(ev::pagehide, move |_| state.save_now());
    let _ = window_event_listener(ev::visibilitychange, move |_| state.save_now());
    Effect::new(move |_| {
        let code = state.lang.get().code();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", code);
        }
    });

    // Start the engine early so the first import does not wait for it.
    data.start_engine();

    // A memo: the screen is rebuilt when the step changes, not on every edit of the draft.
    let step = Memo::new(move |_| state.draft.with(|d| d.step));
    view! {
        <a class="skip" href="#main">
            {tr("app.skip")}
        </a>
        <TopBar />
        <Notices />
        <UpdateBanner />
        <StepNav />
        <main id="main" class="main" tabindex="-1">
            {move || match step.get() {
                Step::Context => view! { <ContextForm /> }.into_any(),
                Step::Import => view! { <ImportScreen /> }.into_any(),
                Step::Scorecard => view! { <ScorecardScreen /> }.into_any(),
                Step::Export => view! { <ExportScreen /> }.into_any(),
            }}
        </main>
        <DraftsPanel />
        <footer class="footer" data-testid="engine" data-engine=move || data.engine.get()>
            <span>{tr("app.footer")}</span>
            " · "
            <span data-testid="app-version">{format!("v{}", scorecard_domain::APP_VERSION)}</span>
        </footer>
    }
}

/// The four steps, as a tab list a keyboard user can walk.
#[component]
fn StepNav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let steps = [
        (Step::Context, "step.context", "step-context"),
        (Step::Import, "step.import", "step-import"),
        (Step::Scorecard, "step.scorecard", "step-scorecard"),
        (Step::Export, "step.export", "step-export"),
    ];
    view! {
        <nav class="steps" aria-label=tr("step.nav")>
            <ol>
                {steps
                    .into_iter()
                    .enumerate()
                    .map(|(i, (s, key, testid))| {
                        let current = move || state.draft.with(|d| d.step == s);
                        view! {
                            <li>
                                <button
                                    class="step"
                                    class:current=current
                                    data-testid=testid
                                    aria-current=move || current().then_some("step")
                                    on:click=move |_| state.edit(|d| d.step = s)
                                >
                                    <span class="step-no">{i + 1}</span>
                                    <span class="step-label">{tr(key)}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
