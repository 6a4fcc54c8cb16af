//! Getting the `File`/`Blob` objects sent with an import request to the engine, and
//! turning the engine's answers into messages. Shared by the worker and the in-page engine.
use super::handler::{too_big, Answer, Engine, MAX_BROWSER_BYTES};
use super::protocol::{Request, Response};
use super::blob_bytes::BlobBytes;
use scorecard_domain::import::{Data, FileData, Progress};
use std::ops::ControlFlow;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Outside a worker a blob is read whole into the engine, this many bytes at a time, so
/// it is not also held whole as a JS `ArrayBuffer`.
const CHUNK: usize = 1 << 20;

/// Why the files could not be read.
enum ReadFail {
    /// Together they exceed [`MAX_BROWSER_BYTES`] (their total size).
    TooBig(u64),
    /// The browser could not read one (moved, changed while reading, not a file).
    Browser(String),
}

/// A picked file as the engine gets it.
enum Picked {
    /// Read on demand from the file (inside the worker).
    OnDemand(BlobBytes),
    /// Read whole (on the page, where the engine runs when no worker could start).
    Memory(Vec<u8>),
}

/// Every blob of `files` (a JS array of File/Blob), on demand where the worker can.
async fn read_all(files: &js_sys::Array) -> Result<Vec<Picked>, ReadFail> {
    let blobs = files
        .iter()
        .map(|v| v.dyn_into::<web_sys::Blob>().map_err(|_| ReadFail::Browser("不是文件 / not a file".into())))
        .collect::<Result<Vec<_>, _>>()?;
    let total: f64 = blobs.iter().map(|b| b.size()).sum();
    if total > MAX_BROWSER_BYTES as f64 {
        return Err(ReadFail::TooBig(total as u64));
    }
    let mut out = Vec::with_capacity(blobs.len());
    for blob in blobs {
        out.push(match BlobBytes::new(blob.clone()) {
            Some(b) => Picked::OnDemand(b),
            None => Picked::Memory(read_blob(&blob).await?),
        });
    }
    Ok(out)
}

async fn read_blob(blob: &web_sys::Blob) -> Result<Vec<u8>, ReadFail> {
    let fail = |e: JsValue| ReadFail::Browser(e.as_string().unwrap_or_else(|| format!("{e:?}")));
    let size = blob.size() as usize;
    let mut out = vec![0u8; size];
    let mut at = 0;
    while at < size {
        let end = (at + CHUNK).min(size);
        let part = blob.slice_with_f64_and_f64(at as f64, end as f64).map_err(fail)?;
        let buf = JsFuture::from(part.array_buffer()).await.map_err(fail)?;
        let arr = js_sys::Uint8Array::new(&buf);
        if arr.length() as usize != end - at {
            return Err(ReadFail::Browser("文件在读取时发生了变化 / the file changed while it was read".into()));
        }
        arr.copy_to(&mut out[at..end]);
        at = end;
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
                Err(ReadFail::TooBig(total)) => return too_big(total).into(),
                Err(ReadFail::Browser(e)) => {
                    return Response::Failed {
                        zh: format!("无法读取所选文件（{e}）。请确认文件没有被其他程序占用后重试。"),
                        en: format!("Could not read the chosen files ({e}). Make sure no other program holds them and retry."),
                    }
                    .into()
                }
            };
            let files: Vec<FileData> = names
                .iter()
                .zip(&bytes)
                .map(|(name, picked)| FileData {
                    name,
                    data: match picked {
                        Picked::OnDemand(b) => Data::OnDemand(b),
                        Picked::Memory(v) => Data::Memory(v),
                    },
                })
                .collect();
            engine.borrow_mut().import_data(&files, &options, progress)
        }
        other => engine.borrow_mut().handle(other),
    }
}
