//! Presentation mode, for a trainer with a projector: one indicator card at a time, in large
//! type, moved through with the keyboard (→ / ← / PageDown / PageUp, Home, End; Esc
//! leaves; keys typed into a control stay the control's) or the buttons. Lists of people stay masked as on the page.
use super::card::IndicatorCard;
use crate::state::DataState;
use crate::ui::tr;
use leptos::prelude::*;

/// The next position for a key, or `None` to leave; keys that do not move keep `at`.
pub fn step(key: &str, at: usize, n: usize) -> Option<usize> {
    let last = n.saturating_sub(1);
    Some(match key {
        "Escape" => return None,
        "ArrowRight" | "ArrowDown" | "PageDown" => (at + 1).min(last),
        "ArrowLeft" | "ArrowUp" | "PageUp" => at.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => at,
    })
}

#[component]
pub fn Presentation(open: RwSignal<bool>, on_rows: Callback<(String, Option<String>)>) -> impl IntoView {
    let data = expect_context::<DataState>();
    let at = RwSignal::new(0usize);
    let ids = Memo::new(move |_| {
        data.view
            .with(|v| v.as_ref().map(|v| v.card.indicators.iter().map(|r| r.id.clone()).collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    let n = move || ids.with(Vec::len);
    let handle = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        if !open.get_untracked() || e.ctrl_key() || e.alt_key() || e.meta_key() {
            return;
        }
        // keys typed into a control (a checklist radio, the names box, a button) are the control's
        let in_control = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "SUMMARY"));
        if in_control && e.key() != "Escape" {
            return;
        }
        match step(&e.key(), at.get_untracked(), ids.with_untracked(Vec::len)) {
            None => open.set(false),
            Some(i) => {
                if i != at.get_untracked() {
                    e.prevent_default();
                }
                at.set(i);
            }
        }
    });
    on_cleanup(move || handle.remove());
    // the keys are the presentation's once it opens: focus leaves the button that opened it
    let frame = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = frame.get() {
            let _ = el.focus();
        }
    });
    view! {
        <Show when=move || { open.get() && n() > 0 }>
            <div
                class="present"
                role="dialog"
                aria-modal="true"
                aria-label=tr("score.present")
                data-testid="presentation"
                tabindex="-1"
                node_ref=frame
            >
                <div class="present-bar">
                    <button
                        data-testid="present-prev"
                        on:click=move |_| at.update(|i| *i = i.saturating_sub(1))
                        disabled=move || at.get() == 0
                    >
                        "← "
                        {tr("score.present_prev")}
                    </button>
                    <span class="present-pos num" data-testid="present-pos">
                        {move || format!("{} / {}", at.get() + 1, n())}
                    </span>
                    <button
                        data-testid="present-next"
                        on:click=move |_| at.update(|i| *i = (*i + 1).min(n().saturating_sub(1)))
                        disabled=move || { at.get() + 1 >= n() }
                    >
                        {tr("score.present_next")}
                        " →"
                    </button>
                    <span class="spacer"></span>
                    <span class="muted small">{tr("score.present_keys")}</span>
                    <button data-testid="present-close" on:click=move |_| open.set(false)>
                        {tr("score.present_close")}
                    </button>
                </div>
                <div class="present-card">
                    {move || {
                        ids.with(|v| v.get(at.get()).cloned())
                            .map(|id| view! { <IndicatorCard id=id on_rows=on_rows /> })
                    }}
                </div>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn keys_move_one_card_and_stop_at_the_ends() {
        assert_eq!(step("ArrowRight", 0, 3), Some(1));
        assert_eq!(step("PageDown", 2, 3), Some(2));
        assert_eq!(step("ArrowLeft", 0, 3), Some(0));
        assert_eq!(step("PageUp", 2, 3), Some(1));
        assert_eq!(step("End", 0, 3), Some(2));
        assert_eq!(step("Home", 2, 3), Some(0));
        assert_eq!(step("a", 1, 3), Some(1));
        assert_eq!(step("Escape", 1, 3), None);
    }
}
