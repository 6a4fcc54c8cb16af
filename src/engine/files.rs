//! Reading the `File`/`Blob` objects sent with an import request into bytes, and
//! turning the engine's answers into messages. Shared by the worker and the in-page engine.
use super::handler::{Answer, Engine};
use super::protocol::{Request, Response};
use scorecard_domain::import::Progress;
use std::ops::ControlFlow;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Reads every blob of `files` (a JS array of File/Blob) into bytes.
pub async fn read_all(files: &js_sys::Array) -> Result<Vec<Vec<u8>>, String> {
    let mut out = Vec::with_capacity(files.length() as usize);
    for v in files.iter() {
        let blob: web_sys::Blob = v.dyn_into().map_err(|_| "不是文件 / not a file".to_string())?;
        let buf = JsFuture::from(blob.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
        out.push(js_sys::Uint8Array::new(&buf).to_vec());
    }
    Ok(out)
}

/// Carries out one request, reading its files first when it is an import.
pub async fn run(
    engine: &std::cell::RefCell<Engine>,
    req: Request,
    files: Option<js_sys::Array>,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Answer {
    match req {
        Request::Import { names, options } => {
            let blobs = files.unwrap_or_default();
            let bytes = match read_all(&blobs).await {
                Ok(b) => b,
                Err(e) => {
                    return Response::Failed {
                        zh: format!("无法读取所选文件（{e}）。请确认文件没有被其他程序占用后重试。"),
                        en: format!("Could not read the chosen files ({e}). Make sure no other program holds them and retry."),
                    }
                    .into()
                }
            };
            let named: Vec<(String, Vec<u8>)> = names.into_iter().zip(bytes).collect();
            engine.borrow_mut().import(&named, &options, progress)
        }
        other => engine.borrow_mut().handle(other),
    }
}
