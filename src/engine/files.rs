//! Getting the `File`/`Blob` objects sent with an import request to the engine, and
//! turning the engine's answers into messages. Shared by the worker and the in-page engine.
use super::blob_bytes::{BlobBytes, BufferBytes};
use super::handler::{too_big, Answer, Engine, MAX_BROWSER_BYTES};
use super::protocol::{Request, Response};
use scorecard_domain::import::{Data, FileData, ImportOptions, Progress};
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
    /// This worker cannot read a `File` at all (WebKit from `file://`): the page must send
    /// the bytes instead ([`Response::NeedBytes`]).
    NotReadable,
}

/// A picked file as the engine gets it.
enum Picked {
    /// Read on demand from the file (inside the worker).
    OnDemand(BlobBytes),
    /// Read on demand from the bytes the page transferred (where the worker cannot read
    /// the file itself).
    Buffer(BufferBytes),
    /// Read whole (on the page, where the engine runs when no worker could start).
    Memory(Vec<u8>),
}

/// A file as sent: the `File` itself, or its bytes when the page read them.
enum Sent {
    File(web_sys::Blob),
    Bytes(js_sys::ArrayBuffer),
}

impl Sent {
    fn size(&self) -> f64 {
        match self {
            Sent::File(b) => b.size(),
            Sent::Bytes(a) => f64::from(a.byte_length()),
        }
    }
}

/// Every file of `files` (a JS array of File/Blob, or of ArrayBuffers the page read), on
/// demand where the worker can.
async fn read_all(files: &js_sys::Array) -> Result<Vec<Picked>, ReadFail> {
    let sent = files
        .iter()
        .map(|v| match v.dyn_into::<js_sys::ArrayBuffer>() {
            Ok(a) => Ok(Sent::Bytes(a)),
            Err(v) => v
                .dyn_into::<web_sys::Blob>()
                .map(Sent::File)
                .map_err(|_| ReadFail::Browser("不是文件 / not a file".into())),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let total: f64 = sent.iter().map(Sent::size).sum();
    if total > MAX_BROWSER_BYTES as f64 {
        return Err(ReadFail::TooBig(total as u64));
    }
    let mut out = Vec::with_capacity(sent.len());
    for s in sent {
        out.push(match s {
            Sent::Bytes(a) => Picked::Buffer(BufferBytes::new(&a)),
            Sent::File(blob) => match BlobBytes::new(blob.clone()) {
                Some(b) => {
                    if let Err(not_readable) = b.probe() {
                        return Err(if not_readable {
                            ReadFail::NotReadable
                        } else {
                            ReadFail::Browser("文件无法读取 / the file cannot be read".into())
                        });
                    }
                    Picked::OnDemand(b)
                }
                None => Picked::Memory(read_blob(&blob).await?),
            },
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
        Request::Import { names, options, town } => {
            let options = ImportOptions { town, ..options };
            let blobs = files.unwrap_or_default();
            let bytes = match read_all(&blobs).await {
                Ok(b) => b,
                Err(ReadFail::TooBig(total)) => return too_big(total).into(),
                Err(ReadFail::NotReadable) => return Response::NeedBytes.into(),
                Err(ReadFail::Browser(e)) => {
                    return Response::Failed {
                        zh: format!("无法读取所选文件（{e}）。请确认文件没有被其他程序占用后重试。"),
                        en: format!(
                            "Could not read the chosen files ({e}). Make sure no other program holds them and retry."
                        ),
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
                        Picked::Buffer(b) => Data::OnDemand(b),
                        Picked::Memory(v) => Data::Memory(v),
                    },
                })
                .collect();
            engine.borrow_mut().import_data(&files, &options, progress)
        }
        other => engine.borrow_mut().handle(other),
    }
}
