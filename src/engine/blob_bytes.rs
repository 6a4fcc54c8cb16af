//! A picked `File` read on demand inside the engine worker: `FileReaderSync` (workers
//! only) reads one window of the file at a time, so an xlsx is inflated part by part from
//! the file itself and never copied whole into wasm memory, which never shrinks (at a
//! million rows: −43 MB of tab peak).
use scorecard_domain::import::Bytes;
use std::cell::{Cell, RefCell};
use std::io;

/// Bytes read from the file per `FileReaderSync` call (a call costs a few ms).
const WINDOW: u64 = 2 << 20;
/// Windows kept, the most recently used first. A zip is visited at its end (every reader
/// opening it finds the directory there) and at its parts; keeping the end's window beside
/// the part being read stops each opening from refetching both.
const KEPT: usize = 3;

/// A window of the file: its offset (a multiple of [`WINDOW`]) and its bytes.
type Window = (u64, Vec<u8>);

pub struct BlobBytes {
    blob: web_sys::Blob,
    size: u64,
    reader: web_sys::FileReaderSync,
    windows: RefCell<Vec<Window>>,
    /// Windows read so far.
    fills: Cell<usize>,
}

impl BlobBytes {
    /// `None` outside a worker (no `FileReaderSync` there: the file is then read whole).
    pub fn new(blob: web_sys::Blob) -> Option<BlobBytes> {
        let reader = web_sys::FileReaderSync::new().ok()?;
        let size = blob.size() as u64;
        Some(BlobBytes { blob, size, reader, windows: RefCell::new(Vec::new()), fills: Cell::new(0) })
    }

    /// Reads the file's first byte: WebKit's worker started from a `blob:` URL on a
    /// `file://` page cannot read a `File` posted to it (`NotReadableError`), and says so
    /// only when asked for bytes. `Err(true)` for that case, `Err(false)` for another failure.
    pub fn probe(&self) -> Result<(), bool> {
        if self.size == 0 {
            return Ok(());
        }
        let part = self.blob.slice_with_f64_and_f64(0.0, 1.0).map_err(|_| false)?;
        match self.reader.read_as_array_buffer(&part) {
            Ok(_) => Ok(()),
            Err(e) => {
                let name =
                    js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
                Err(name == "NotReadableError")
            }
        }
    }

    /// Windows read from the file so far.
    pub fn fills(&self) -> usize {
        self.fills.get()
    }

    /// Reads the window starting at `offset` (aligned) into `into`.
    fn fill(&self, offset: u64, into: &mut Vec<u8>) -> io::Result<()> {
        self.fills.set(self.fills.get() + 1);
        let end = (offset + WINDOW).min(self.size);
        let failed = |e: wasm_bindgen::JsValue| {
            let why = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
            io::Error::other(format!("文件无法继续读取，可能已被移动或修改 / the file could no longer be read; it may have been moved or changed ({why})"))
        };
        let part = self.blob.slice_with_f64_and_f64(offset as f64, end as f64).map_err(failed)?;
        let buf = self.reader.read_as_array_buffer(&part).map_err(failed)?;
        let arr = js_sys::Uint8Array::new(&buf);
        if u64::from(arr.length()) != end - offset {
            return Err(io::Error::other("文件在读取时发生了变化 / the file changed while it was read"));
        }
        into.resize(arr.length() as usize, 0);
        arr.copy_to(into);
        Ok(())
    }
}

impl Bytes for BlobBytes {
    fn size(&self) -> u64 {
        self.size
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        if offset >= self.size || buf.is_empty() {
            return Ok(0);
        }
        let start = offset - offset % WINDOW;
        let mut windows = self.windows.borrow_mut();
        match windows.iter().position(|w| w.0 == start) {
            Some(0) => {}
            Some(i) => {
                let w = windows.remove(i);
                windows.insert(0, w);
            }
            None => {
                // reuse the least recently used window's buffer once all are kept
                let mut bytes =
                    if windows.len() >= KEPT { windows.pop().map(|w| w.1).unwrap_or_default() } else { Vec::new() };
                self.fill(start, &mut bytes)?;
                windows.insert(0, (start, bytes));
            }
        }
        let w = &windows[0].1;
        let at = (offset - start) as usize;
        let n = buf.len().min(w.len() - at);
        buf[..n].copy_from_slice(&w[at..at + n]);
        Ok(n)
    }
}

/// A file the page read and transferred to the worker as an `ArrayBuffer` (where the worker
/// cannot read a `File` itself): read a window at a time into wasm memory, so the file is
/// held once, in the buffer, never whole a second time in wasm memory.
pub struct BufferBytes {
    arr: js_sys::Uint8Array,
    size: u64,
}

impl BufferBytes {
    pub fn new(buf: &js_sys::ArrayBuffer) -> BufferBytes {
        let arr = js_sys::Uint8Array::new(buf);
        let size = u64::from(arr.length());
        BufferBytes { arr, size }
    }
}

impl Bytes for BufferBytes {
    fn size(&self) -> u64 {
        self.size
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        if offset >= self.size || buf.is_empty() {
            return Ok(0);
        }
        let end = (offset + buf.len() as u64).min(self.size);
        let n = (end - offset) as usize;
        // offsets fit in u32: files over 256 MB are refused before reading (handler.rs)
        self.arr.subarray(offset as u32, end as u32).copy_to(&mut buf[..n]);
        Ok(n)
    }
}
