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
    // The same module also starts inside the engine's Web Worker, where there is no page;
    // the served worker's own build has no page to mount (feature `ui`, Cargo.toml).
    if cfg!(not(feature = "ui")) || web_sys::window().is_none() {
        return;
    }
    std::panic::set_hook(Box::new(on_panic));
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(ui::app::App);
}

/// A panic on the page (the engine's run in its worker and are recovered there) stops the
/// wasm instance: say so plainly, in both languages, with what still holds (the draft was
/// saved as typed) and what to do. Written with plain DOM calls: the app may be gone.
fn on_panic(info: &std::panic::PanicHookInfo) {
    web_sys::console::error_1(&format!("{info}").into());
    show_fatal_banner();
}

/// The banner `on_panic` puts on top of the page (public for the browser test).
pub fn show_fatal_banner() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(el) = doc.create_element("div") else { return };
    el.set_class_name("fatal");
    let _ = el.set_attribute("role", "alert");
    let _ = el.set_attribute("data-testid", "fatal");
    el.set_text_content(Some(
        "页面出错了，请刷新。已输入的内容都已自动保存在本机，刷新后会恢复。\n\
         Something went wrong on this page; please reload. What you entered was saved and comes back after reloading.",
    ));
    // A link to this very page reloads it without running any code of the (stopped) module.
    if let (Ok(a), Ok(href)) = (doc.create_element("a"), doc.location().map_or(Ok(String::new()), |l| l.href())) {
        a.set_class_name("button primary");
        let _ = a.set_attribute("href", &href);
        let _ = a.set_attribute("data-testid", "fatal-reload");
        a.set_text_content(Some("刷新页面 Reload"));
        let _ = el.append_child(&a);
    }
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&el);
    }
}
