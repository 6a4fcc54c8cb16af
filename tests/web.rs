//! Component tests in a real browser (headless Chromium via wasm-bindgen-test).
//! Run with `./dev test-wasm`; on the host this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use volunteer_scorecard::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn text(root: &web_sys::HtmlElement, testid: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element {testid}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_mounts_in_chinese_and_switches_to_english() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let root = host();
    let _mounted = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;
    assert_eq!(text(&root, "app-title"), "志愿服务自评台");
    let button: web_sys::HtmlElement = root.query_selector("[data-testid=\"lang-switch\"]").unwrap().unwrap().unchecked_into();
    button.click();
    leptos::task::tick().await;
    assert_eq!(text(&root, "app-title"), "Volunteer Scorecard");
}
