//! "A new version is ready": shown when the served app's service worker has the files of a
//! newer deployment waiting (the boot script in `tools/package.mjs` registers the worker and
//! fires `vs-update-ready`). The clerk chooses when to reload; drafts are kept either way.
use super::tr;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn global(name: &str) -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap_or(JsValue::UNDEFINED)
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(global("__vsUpdateReady").as_bool() == Some(true));
    if let Some(w) = web_sys::window() {
        let on_ready = Closure::<dyn FnMut()>::new(move || ready.set(true));
        let _ = w.add_event_listener_with_callback("vs-update-ready", on_ready.as_ref().unchecked_ref());
        on_ready.forget(); // one listener for the page's life
    }
    let apply = move |_| {
        if let Some(f) = global("__vsApplyUpdate").dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&JsValue::NULL);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status" data-testid="update-ready">
                <span>{tr("update.ready")}</span>
                <button class="primary" data-testid="update-apply" on:click=apply>
                    {tr("update.apply")}
                </button>
            </div>
        </Show>
    }
}
