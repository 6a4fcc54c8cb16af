//! The worker side: `worker_main` is called by the worker's boot script once the wasm
//! module is instantiated there, and answers each message with the handler.
use super::handler::Engine;
use super::protocol::{Request, Response};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
}

/// Entry point inside the Web Worker.
#[wasm_bindgen]
pub fn worker_main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        let id = js_sys::Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
        let text = js_sys::Reflect::get(&data, &"request".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let response = match serde_json::from_str::<Request>(&text) {
            Ok(req) => ENGINE.with(|e| e.borrow_mut().handle(req)),
            Err(err) => Response::Failed { zh: format!("无法理解的请求：{err}"), en: format!("Malformed request: {err}") },
        };
        let out = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&out, &"id".into(), &id);
        let _ = js_sys::Reflect::set(&out, &"response".into(), &serde_json::to_string(&response).unwrap_or_default().into());
        let _ = reply_scope.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}
