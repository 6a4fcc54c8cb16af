//! Icons drawn inline: a sign that must show on every machine is not left to an emoji font
//! (⛔ is a missing glyph where none is installed, as on many office PCs).
use leptos::prelude::*;

/// "No entry": a red disc with a white bar, in the text's size. Decorative: the words beside
/// it say what it means.
#[component]
pub fn StopIcon() -> impl IntoView {
    view! {
        <svg
            class="icon-stop"
            viewBox="0 0 16 16"
            width="1em"
            height="1em"
            aria-hidden="true"
            focusable="false"
            data-testid="icon-stop"
        >
            <circle cx="8" cy="8" r="7.5" fill="#c62828" />
            <rect x="3.5" y="6.6" width="9" height="2.8" rx="0.6" fill="#fff" />
        </svg>
    }
}
