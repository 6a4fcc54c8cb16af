//! The page side: starts the engine worker (or, where there is none, an in-page engine)
//! and turns requests into futures.
use super::handler::Engine;
use super::protocol::{Request, Response};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Pending = Rc<RefCell<HashMap<u32, futures_channel::oneshot::Sender<Response>>>>;

enum Transport {
    Worker { worker: web_sys::Worker, pending: Pending, _on_message: Closure<dyn FnMut(web_sys::MessageEvent)> },
    Local(RefCell<Engine>),
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
}

/// The page's one engine client, started on first use.
pub fn client() -> Rc<Client> {
    CLIENT.with(|c| c.borrow_mut().get_or_insert_with(|| Rc::new(Client::start())).clone())
}

pub struct Client {
    transport: Transport,
    next_id: RefCell<u32>,
}

/// The URL of the worker boot script the page's loader published, if any.
fn worker_url() -> Option<String> {
    js_sys::Reflect::get(&js_sys::global(), &"__vsWorkerUrl".into()).ok()?.as_string()
}

impl Client {
    /// A worker when the page published one, else the in-page engine.
    pub fn start() -> Client {
        let classic = js_sys::Reflect::get(&js_sys::global(), &"__vsWorkerType".into())
            .ok()
            .and_then(|v| v.as_string())
            .is_some_and(|t| t == "classic");
        match worker_url().and_then(|url| Self::spawn(&url, classic).ok()) {
            Some(c) => c,
            None => Client::local(),
        }
    }

    pub fn local() -> Client {
        Client { transport: Transport::Local(RefCell::new(Engine::default())), next_id: RefCell::new(1) }
    }

    pub fn is_worker(&self) -> bool {
        matches!(self.transport, Transport::Worker { .. })
    }

    fn spawn(url: &str, classic: bool) -> Result<Client, JsValue> {
        let opts = web_sys::WorkerOptions::new();
        opts.set_type(if classic { web_sys::WorkerType::Classic } else { web_sys::WorkerType::Module });
        let worker = web_sys::Worker::new_with_options(url, &opts)?;
        let pending: Pending = Rc::new(RefCell::new(HashMap::new()));
        let p2 = pending.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
            let text = js_sys::Reflect::get(&data, &"response".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            let response = serde_json::from_str(&text).unwrap_or_else(|e| Response::Failed {
                zh: format!("后台计算返回了无法识别的结果：{e}"),
                en: format!("The engine sent an unreadable answer: {e}"),
            });
            if let Some(tx) = p2.borrow_mut().remove(&id) {
                let _ = tx.send(response);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let init = js_sys::Object::new();
        js_sys::Reflect::set(&init, &"kind".into(), &"init".into())?;
        js_sys::Reflect::set(&init, &"module".into(), &wasm_bindgen::module())?;
        worker.post_message(&init)?;
        Ok(Client {
            transport: Transport::Worker { worker, pending, _on_message: on_message },
            next_id: RefCell::new(1),
        })
    }

    /// Sends a request and waits for its answer.
    pub async fn call(&self, req: Request) -> Response {
        match &self.transport {
            Transport::Local(engine) => engine.borrow_mut().handle(req),
            Transport::Worker { worker, pending, .. } => {
                let id = {
                    let mut n = self.next_id.borrow_mut();
                    *n += 1;
                    *n
                };
                let (tx, rx) = futures_channel::oneshot::channel();
                pending.borrow_mut().insert(id, tx);
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(id));
                let _ = js_sys::Reflect::set(&msg, &"request".into(), &serde_json::to_string(&req).unwrap_or_default().into());
                if let Err(e) = worker.post_message(&msg) {
                    pending.borrow_mut().remove(&id);
                    return Response::Failed { zh: format!("无法发送给后台：{e:?}"), en: format!("Could not reach the engine: {e:?}") };
                }
                rx.await.unwrap_or(Response::Failed {
                    zh: "后台计算已停止。".into(),
                    en: "The engine stopped.".into(),
                })
            }
        }
    }
}
