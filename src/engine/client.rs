//! The page side: starts the engine worker (or, where there is none, an in-page engine)
//! and turns requests into futures.
//!
//! Invariant: the page stays usable whatever the engine does. A worker that crashes (a
//! panic aborts its wasm instance) or is cancelled is replaced by a fresh one, which is
//! given the last good import again before anything else, so the data is not lost.
#[cfg(feature = "engine")]
use super::files;
#[cfg(feature = "engine")]
use super::handler::Engine;
use super::protocol::{Request, Response};
use scorecard_domain::import::Progress;
use std::cell::RefCell;
use std::collections::HashMap;
#[cfg(feature = "engine")]
use std::ops::ControlFlow;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An answer, with the bytes of a file when the answer is one.
pub struct Reply {
    pub response: Response,
    pub bytes: Option<js_sys::Uint8Array>,
}

type ProgressFn = Box<dyn Fn(Progress)>;

struct PendingCall {
    tx: futures_channel::oneshot::Sender<Reply>,
    progress: Option<Rc<dyn Fn(Progress)>>,
}

type Pending = Rc<RefCell<HashMap<u32, PendingCall>>>;

struct Live {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The last import that completed: replayed into a fresh worker.
#[derive(Clone)]
struct LastImport {
    request: String,
    files: js_sys::Array,
}

pub struct Client {
    url: Option<(String, bool)>,
    live: RefCell<Option<Live>>,
    pending: Pending,
    #[cfg(feature = "engine")]
    local: RefCell<Engine>,
    next_id: RefCell<u32>,
    last_import: RefCell<Option<LastImport>>,
    /// Set when the worker died; the next call starts a new one first.
    dead: Rc<RefCell<bool>>,
    /// The worker cannot read a `File` posted to it (WebKit from `file://`, found at the
    /// first import: `Response::NeedBytes`): imports send the files' bytes instead, read on
    /// the page (asynchronously) and transferred, not copied.
    send_bytes: std::cell::Cell<bool>,
    /// A fresh worker still needs the last good import (sent before the next request, once
    /// its bytes are read, when files go as bytes).
    replay_due: std::cell::Cell<bool>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
}

/// The page's one engine client, started on first use.
pub fn client() -> Rc<Client> {
    CLIENT.with(|c| c.borrow_mut().get_or_insert_with(|| Rc::new(Client::start())).clone())
}

fn global(key: &str) -> Option<String> {
    js_sys::Reflect::get(&js_sys::global(), &key.into()).ok()?.as_string()
}

fn crashed() -> Response {
    Response::Failed {
        zh: "后台计算意外停止（可能是文件内容异常）。已自动重启，之前导入的数据已恢复；请检查刚才的文件后重试。".into(),
        en: "The engine stopped unexpectedly (possibly an unusual file). It was restarted and the earlier data restored; check the last file and retry.".into(),
    }
}

fn cancelled() -> Response {
    Response::Failed { zh: "已取消。".into(), en: "Cancelled.".into() }
}

impl Client {
    /// A worker when the page published one, else the in-page engine.
    pub fn start() -> Client {
        let url = global("__vsWorkerUrl").map(|u| (u, global("__vsWorkerType").is_some_and(|t| t == "classic")));
        let c = Client {
            url,
            live: RefCell::new(None),
            pending: Rc::new(RefCell::new(HashMap::new())),
            #[cfg(feature = "engine")]
            local: RefCell::new(Engine::default()),
            next_id: RefCell::new(1),
            last_import: RefCell::new(None),
            dead: Rc::new(RefCell::new(false)),
            send_bytes: std::cell::Cell::new(false),
            replay_due: std::cell::Cell::new(false),
        };
        if c.url.is_some() && c.spawn().is_err() {
            // No worker possible here: the in-page engine will do.
            *c.live.borrow_mut() = None;
        }
        c
    }

    pub fn is_worker(&self) -> bool {
        self.live.borrow().is_some() || (self.url.is_some() && *self.dead.borrow())
    }

    fn spawn(&self) -> Result<(), JsValue> {
        let Some((url, classic)) = &self.url else { return Err(JsValue::NULL) };
        let opts = web_sys::WorkerOptions::new();
        opts.set_type(if *classic { web_sys::WorkerType::Classic } else { web_sys::WorkerType::Module });
        let worker = web_sys::Worker::new_with_options(url, &opts)?;
        let pending = self.pending.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
            if !get("warmed").is_undefined() {
                return; // the engine warmed up (see worker.rs); nothing waits for it here
            }
            let id = get("id").as_f64().unwrap_or(-1.0) as u32;
            if let Some(p) = get("progress").as_string() {
                if let (Ok(p), Some(call)) = (serde_json::from_str::<Progress>(&p), pending.borrow().get(&id)) {
                    if let Some(f) = &call.progress {
                        f(p);
                    }
                }
                return;
            }
            let text = get("response").as_string().unwrap_or_default();
            let response = serde_json::from_str(&text).unwrap_or_else(|e| Response::Failed {
                zh: format!("后台计算返回了无法识别的结果：{e}"),
                en: format!("The engine sent an unreadable answer: {e}"),
            });
            let bytes = get("bytes").dyn_into::<js_sys::Uint8Array>().ok();
            if let Some(call) = pending.borrow_mut().remove(&id) {
                let _ = call.tx.send(Reply { response, bytes });
            }
        });
        let pending = self.pending.clone();
        let dead = self.dead.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            *dead.borrow_mut() = true;
            for (_, call) in pending.borrow_mut().drain() {
                let _ = call.tx.send(Reply { response: crashed(), bytes: None });
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let init = js_sys::Object::new();
        js_sys::Reflect::set(&init, &"kind".into(), &"init".into())?;
        // The served page's wasm has no engine: the worker compiles the full build from its
        // address (`__vsEngineWasm`). Elsewhere the page's module is the full build: shared.
        let module = js_sys::Reflect::get(&js_sys::global(), &"__vsEngineWasm".into())
            .ok()
            .filter(|m| m.is_string())
            .unwrap_or_else(wasm_bindgen::module);
        js_sys::Reflect::set(&init, &"module".into(), &module)?;
        worker.post_message(&init)?;
        *self.dead.borrow_mut() = false;
        *self.live.borrow_mut() = Some(Live { worker, _on_message: on_message, _on_error: on_error });
        Ok(())
    }

    /// Replaces the worker with a fresh one that has the last good import again.
    fn restart(&self) {
        if let Some(live) = self.live.borrow_mut().take() {
            live.worker.terminate();
        }
        if self.spawn().is_ok() {
            if self.send_bytes.get() {
                // the files' bytes are read before the next request goes (`call_with`)
                self.replay_due.set(self.last_import.borrow().is_some());
            } else if let Some(last) = self.last_import.borrow().clone() {
                let id = self.take_id();
                // Nobody waits for this answer; the next request queues behind it.
                self.post(id, &last.request, Some(&last.files), false);
            }
        }
    }

    /// Stops whatever the engine is doing (an import that takes too long) and restarts it.
    pub fn cancel(&self) {
        for (_, call) in self.pending.borrow_mut().drain() {
            let _ = call.tx.send(Reply { response: cancelled(), bytes: None });
        }
        if self.url.is_some() {
            self.restart();
        }
    }

    fn take_id(&self) -> u32 {
        let mut n = self.next_id.borrow_mut();
        *n += 1;
        *n
    }

    /// Posts a request; `transfer`: the files are `ArrayBuffer`s to move, not copy.
    fn post(&self, id: u32, request: &str, files: Option<&js_sys::Array>, transfer: bool) -> bool {
        let live = self.live.borrow();
        let Some(live) = live.as_ref() else { return false };
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(id));
        let _ = js_sys::Reflect::set(&msg, &"request".into(), &request.into());
        if let Some(f) = files {
            let _ = js_sys::Reflect::set(&msg, &"files".into(), f);
            if transfer {
                return live.worker.post_message_with_transfer(&msg, f).is_ok();
            }
        }
        live.worker.post_message(&msg).is_ok()
    }

    /// The files' bytes, read on the page one file at a time (`Blob.arrayBuffer`, which
    /// reads off the main thread) for a worker that cannot read them itself.
    async fn bytes_of(files: &js_sys::Array) -> Result<js_sys::Array, JsValue> {
        let out = js_sys::Array::new();
        for f in files.iter() {
            let blob: web_sys::Blob = f.dyn_into()?;
            out.push(&wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await?);
        }
        Ok(out)
    }

    /// Sends the last good import again to a fresh worker, as bytes (see `replay_due`).
    async fn replay_as_bytes(&self) {
        if !self.replay_due.replace(false) {
            return;
        }
        let Some(last) = self.last_import.borrow().clone() else { return };
        if let Ok(buffers) = Self::bytes_of(&last.files).await {
            let id = self.take_id();
            self.post(id, &last.request, Some(&buffers), true);
        }
    }

    pub async fn call(&self, req: Request) -> Reply {
        self.call_with(req, None, None).await
    }

    /// Sends a request (with the files of an import) and waits for its answer.
    pub async fn call_with(&self, req: Request, files: Option<js_sys::Array>, progress: Option<ProgressFn>) -> Reply {
        let is_import = matches!(req, Request::Import { .. });
        let text = serde_json::to_string(&req).unwrap_or_default();
        if self.url.is_none() || (self.live.borrow().is_none() && !*self.dead.borrow()) {
            return self.call_local(req, files, progress).await;
        }
        if *self.dead.borrow() {
            self.restart();
        }
        self.replay_as_bytes().await;
        let progress: Option<Rc<dyn Fn(Progress)>> = progress.map(Rc::from);
        let reply = loop {
            // as bytes once the worker said it cannot read files (and then for good)
            let as_bytes = is_import && self.send_bytes.get();
            let sent = match (&files, as_bytes) {
                (Some(f), true) => match Self::bytes_of(f).await {
                    Ok(b) => Some(b),
                    Err(e) => {
                        let why = js_sys::Reflect::get(&e, &"message".into())
                            .ok()
                            .and_then(|m| m.as_string())
                            .unwrap_or_default();
                        return Reply {
                            response: Response::Failed {
                                zh: format!("无法读取所选文件（{why}）。请确认文件没有被其他程序占用后重试。"),
                                en: format!("Could not read the chosen files ({why}). Make sure no other program holds them and retry."),
                            },
                            bytes: None,
                        };
                    }
                },
                _ => files.clone(),
            };
            let id = self.take_id();
            let (tx, rx) = futures_channel::oneshot::channel();
            self.pending.borrow_mut().insert(id, PendingCall { tx, progress: progress.clone() });
            if !self.post(id, &text, sent.as_ref(), as_bytes) {
                self.pending.borrow_mut().remove(&id);
                return Reply { response: crashed(), bytes: None };
            }
            let reply = rx.await.unwrap_or(Reply { response: crashed(), bytes: None });
            match reply.response {
                Response::NeedBytes if !as_bytes => self.send_bytes.set(true),
                _ => break reply,
            }
        };
        if is_import {
            if let (Response::Imported(s), Some(files)) = (&reply.response, files) {
                if !s.cancelled {
                    *self.last_import.borrow_mut() = Some(LastImport { request: text, files });
                }
            }
        }
        if *self.dead.borrow() {
            // It died on this request: bring it back with the last good data for the next one.
            self.restart();
        }
        reply
    }

    #[cfg(not(feature = "engine"))]
    async fn call_local(&self, _: Request, _: Option<js_sys::Array>, _: Option<ProgressFn>) -> Reply {
        // This page's own wasm holds no engine (the served build); its worker could not start.
        Reply {
            response: Response::Failed {
                zh: "后台计算无法启动（浏览器不允许本页启动后台线程）。请使用最新版 Chrome、Edge、Firefox 或 Safari，或直接打开离线单文件版。".into(),
                en: "The engine could not start (this browser does not let the page start a worker). Use a recent Chrome, Edge, Firefox or Safari, or the single offline file.".into(),
            },
            bytes: None,
        }
    }

    #[cfg(feature = "engine")]
    async fn call_local(&self, req: Request, files: Option<js_sys::Array>, progress: Option<ProgressFn>) -> Reply {
        let mut p = move |x: Progress| {
            if let Some(f) = &progress {
                f(x);
            }
            ControlFlow::Continue(())
        };
        let a = files::run(&self.local, req, files, &mut p).await;
        Reply { response: a.response, bytes: a.bytes.map(|b| js_sys::Uint8Array::from(b.as_slice())) }
    }
}
