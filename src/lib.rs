//! The web app of 志愿服务自评台: leptos components over `scorecard-domain`.
//!
//! Invariant: components only render state and call the domain; all rules live in
//! `scorecard-domain`. Invariant: `state::store` is the one place that touches localStorage.

pub mod engine;
pub mod i18n;
pub mod state;
pub mod ui;

/// Mounts the app on `<body>`, replacing the boot message.
pub fn mount() {
    // The same module also starts inside the engine's Web Worker, where there is no page.
    if web_sys::window().is_none() {
        return;
    }
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(ui::app::App);
}
