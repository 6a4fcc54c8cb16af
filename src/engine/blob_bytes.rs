//! A picked `File` read on demand inside the engine worker: `FileReaderSync` (workers
//! only) reads one window of the file at a time, so an xlsx is inflated part by part from
//! the file itself and never copied whole into wasm memory, which never shrinks (at a
//! million rows: −43 MB of tab peak).
use scorecard_domain::import::Bytes;
use std::cell::RefCell;
use std::io;

/// Bytes read from the file per `FileReaderSync` call (and kept for the next reads).
const WINDOW: u64 = 2 << 20;

pub struct BlobBytes {
    blob: web_sys::Blob,
    size: u64,
    reader: web_sys::FileReaderSync,
    /// The window last read: its offset in the file, its bytes.
    window: RefCell<(u64, Vec<u8>)>,
}

impl BlobBytes {
    /// `None` outside a worker (no `FileReaderSync` there: the file is then read whole).
    pub fn new(blob: web_sys::Blob) -> Option<BlobBytes> {
        let reader = web_sys::FileReaderSync::new().ok()?;
        let size = blob.size() as u64;
        Some(BlobBytes { blob, size, reader, window: RefCell::new((0, Vec::new())) })
    }

    fn fill(&self, offset: u64, window: &mut (u64, Vec<u8>)) -> io::Result<()> {
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
        window.0 = offset;
        window.1.resize(arr.length() as usize, 0);
        arr.copy_to(&mut window.1);
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
        let mut w = self.window.borrow_mut();
        if offset < w.0 || offset >= w.0 + w.1.len() as u64 {
            self.fill(offset, &mut w)?;
        }
        let start = (offset - w.0) as usize;
        let n = buf.len().min(w.1.len() - start);
        buf[..n].copy_from_slice(&w.1[start..start + n]);
        Ok(n)
    }
}
