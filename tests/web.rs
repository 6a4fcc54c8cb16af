//! Component tests in a real browser (headless Chromium via wasm-bindgen-test).
//! Run with `./dev test-wasm`; on the host this file compiles to nothing.
#![cfg(target_arch = "wasm32")]
// A test binary: a failed unwrap is a failed test (Cargo.toml [workspace.lints]).
#![allow(clippy::unwrap_used)]

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
    let button: web_sys::HtmlElement =
        root.query_selector("[data-testid=\"lang-switch\"]").unwrap().unwrap().unchecked_into();
    button.click();
    leptos::task::tick().await;
    assert_eq!(text(&root, "app-title"), "Volunteer Scorecard");
}

/// The importer compiled to wasm reads the same bytes as natively: the demo town (xlsx with
/// title rows and merged headers) and a GBK CSV.
#[wasm_bindgen_test]
fn import_runs_in_the_browser() {
    use scorecard_domain::import::{import, FileInput};
    use scorecard_domain::samples::{synth_rows, synth_workbook, Style, SynthSpec};
    let spec = SynthSpec::demo(2017, 7);
    let data = synth_rows(spec);
    let bytes = synth_workbook(spec, Style::Messy).unwrap();
    let imp = import(&[FileInput { name: "示例镇.xlsx", bytes: &bytes }], &Default::default());
    assert_eq!(imp.tables.volunteers.len(), data.volunteers.len());
    assert_eq!(imp.tables.records.len(), data.records.len());
    assert_eq!(imp.tables.activities.len(), data.activities.len());
    assert_eq!(imp.tables.trainings.len(), data.trainings.len());
    let total: f64 = imp.tables.records.iter().map(|r| r.hours).sum();
    assert!((total - data.total_hours()).abs() < 1e-6, "{total} vs {}", data.total_hours());

    let (gbk, _, _) = encoding_rs::GBK.encode("志愿者编号,姓名,所属站点\nV1,张三,新桥社区\nV2,李四,大丰社区\n");
    let imp = import(&[FileInput { name: "名册.csv", bytes: &gbk }], &Default::default());
    assert_eq!(imp.tables.volunteers.len(), 2);
    assert_eq!(imp.tables.so(imp.tables.volunteers[1].name), "李四");
}

/// The in-page engine answers like the worker does.
#[wasm_bindgen_test]
async fn the_engine_client_answers() {
    use volunteer_scorecard::engine::client::Client;
    use volunteer_scorecard::engine::protocol::{Request, Response};
    let c = Client::start();
    assert!(!c.is_worker(), "no worker URL is published on the test page");
    let r = c.call(Request::Ping).await;
    assert!(matches!(r.response, Response::Pong { .. }));
    let r = c.call(Request::Template).await;
    assert!(matches!(r.response, Response::File { .. }));
    let bytes = r.bytes.unwrap().to_vec();
    assert_eq!(&bytes[..2], b"PK");
}

/// Storage: a broken draft is listed with its raw text, never replaced.
#[wasm_bindgen_test]
fn store_keeps_broken_drafts() {
    use volunteer_scorecard::state::store::{self, DraftEntry};
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.clear().unwrap();
    ls.set_item("vscore:v2:draft:bad", "{\"version\":2,").unwrap();
    let mut good = volunteer_scorecard::state::draft::Draft::new("good".into());
    good.context.organisation = "新繁镇".into();
    store::save_draft(&good).unwrap();
    let list = store::list_drafts();
    assert_eq!(list.len(), 2);
    assert!(list
        .iter()
        .any(|e| matches!(e, DraftEntry::Broken { id, raw, .. } if id == "bad" && raw == "{\"version\":2,")));
    assert!(list.iter().any(|e| matches!(e, DraftEntry::Ok(d) if d.context.organisation == "新繁镇")));
    assert_eq!(store::clear_all(), 2);
    assert!(store::list_drafts().is_empty());
}

/// What a panic on the page leaves: a banner in both languages that says the draft is safe,
/// with a plain link that reloads this page (no code of the stopped module runs on click).
#[wasm_bindgen_test]
fn the_panic_banner_says_what_holds_and_reloads_the_page() {
    let doc = web_sys::window().unwrap().document().unwrap();
    volunteer_scorecard::show_fatal_banner();
    let banner = doc.query_selector("[data-testid=\"fatal\"]").unwrap().expect("a banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let words = banner.text_content().unwrap_or_default();
    assert!(
        words.contains("已输入的内容都已自动保存在本机") && words.contains("What you entered was saved"),
        "{words}"
    );
    let reload = banner.query_selector("[data-testid=\"fatal-reload\"]").unwrap().expect("a reload link");
    let here = doc.location().unwrap().href().unwrap();
    assert_eq!(reload.get_attribute("href"), Some(here));
    banner.remove();
}

/// On the page (no worker) there is no `FileReaderSync`: the engine there reads files whole.
#[wasm_bindgen_test]
fn files_are_not_read_on_demand_on_the_page() {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(&b"a,b\n"[..]));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap();
    assert!(volunteer_scorecard::engine::blob_bytes::BlobBytes::new(blob).is_none());
}
