//! The worker side: `worker_main` is called by the worker's boot script once the wasm
//! module is instantiated there. Messages are handled one at a time, in order.
//!
//! In: `{id, request: JSON, files?: [Blob]}`. Out: `{id, progress: JSON}` while an import
//! runs, then `{id, response: JSON, bytes?: Uint8Array}`; once, after the first answers,
//! `{warmed: records}` when the warm-up is done.
use super::files;
use super::handler::Engine;
use super::protocol::{Request, Response};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::ops::ControlFlow;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
    static QUEUE: RefCell<VecDeque<JsValue>> = const { RefCell::new(VecDeque::new()) };
    static BUSY: RefCell<bool> = const { RefCell::new(false) };
    static WARMED: RefCell<bool> = const { RefCell::new(false) };
}

fn scope() -> web_sys::DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn post(id: &JsValue, key: &str, json: String, bytes: Option<Vec<u8>>) {
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"id".into(), id);
    let _ = js_sys::Reflect::set(&out, &key.into(), &json.into());
    match bytes {
        Some(b) => {
            let arr = js_sys::Uint8Array::from(b.as_slice());
            let _ = js_sys::Reflect::set(&out, &"bytes".into(), &arr);
            let transfer = js_sys::Array::of1(&arr.buffer());
            let _ = scope().post_message_with_transfer(&out, &transfer);
        }
        None => {
            let _ = scope().post_message(&out);
        }
    }
}

async fn handle_one(data: JsValue) {
    let id = get(&data, "id");
    let text = get(&data, "request").as_string().unwrap_or_default();
    let files = get(&data, "files").dyn_into::<js_sys::Array>().ok();
    let answer = match serde_json::from_str::<Request>(&text) {
        Ok(req) => {
            let pid = id.clone();
            let mut progress = move |p| {
                post(&pid, "progress", serde_json::to_string(&p).unwrap_or_default(), None);
                ControlFlow::Continue(())
            };
            // The engine lives in a thread-local; borrow it across the await by value.
            let engine = ENGINE.with(|e| std::mem::take(&mut *e.borrow_mut()));
            let cell = RefCell::new(engine);
            let a = files::run(&cell, req, files, &mut progress).await;
            ENGINE.with(|e| *e.borrow_mut() = cell.into_inner());
            a
        }
        Err(err) => {
            Response::Failed { zh: format!("无法理解的请求：{err}"), en: format!("Malformed request: {err}") }.into()
        }
    };
    post(&id, "response", serde_json::to_string(&answer.response).unwrap_or_default(), answer.bytes);
}

/// Handles queued messages one after another (an import awaits file reads; a score
/// request sent meanwhile must wait for it, not run on the old data). Once the first
/// messages are answered, warms the engine up (`handler::warm_up`) and says so with
/// `{warmed: records}`.
async fn drain() {
    loop {
        let next = QUEUE.with(|q| q.borrow_mut().pop_front());
        match next {
            Some(data) => handle_one(data).await,
            None if !WARMED.with(|w| std::mem::replace(&mut *w.borrow_mut(), true)) => {
                let records = super::handler::warm_up();
                let out = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&out, &"warmed".into(), &JsValue::from(records as u32));
                let _ = scope().post_message(&out);
            }
            None => break,
        }
    }
    BUSY.with(|b| *b.borrow_mut() = false);
}

/// Entry point inside the Web Worker.
#[wasm_bindgen]
pub fn worker_main() {
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        QUEUE.with(|q| q.borrow_mut().push_back(e.data()));
        let start = BUSY.with(|b| !std::mem::replace(&mut *b.borrow_mut(), true));
        if start {
            wasm_bindgen_futures::spawn_local(drain());
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}
