//! The engine's file reading inside a real Web Worker (headless Chromium via
//! wasm-bindgen-test in a dedicated worker, where `FileReaderSync` exists): a picked file
//! read on demand gives the bytes of the file and the same import as the bytes in memory.
#![cfg(target_arch = "wasm32")]
// A test binary: a failed unwrap is a failed test (Cargo.toml [workspace.lints]).
#![allow(clippy::unwrap_used)]

use scorecard_domain::import::{import_data, Bytes, Data, FileData, Import, ImportOptions};
use scorecard_domain::samples::demo::demo_workbook;
use std::ops::ControlFlow;
use volunteer_scorecard::engine::blob_bytes::BlobBytes;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

fn blob(bytes: &[u8]) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap()
}

#[wasm_bindgen_test]
fn reads_across_windows_give_the_file_bytes() {
    // 2.5 windows (of 2 MB) of bytes that differ at every offset mod 251
    let bytes: Vec<u8> = (0..(5u32 << 20)).map(|i| (i % 251) as u8).collect();
    let file = BlobBytes::new(blob(&bytes)).expect("FileReaderSync in a worker");
    assert_eq!(file.size(), bytes.len() as u64);
    // forwards, backwards, straddling the windows, the last byte, past the end
    let at = [0u64, 2_097_100, 4_194_250, 5, 5_242_879, 2_097_152, 5_242_880, 99_999_999];
    for offset in at {
        let mut buf = [0u8; 100];
        let mut got = Vec::new();
        let mut o = offset;
        while got.len() < 100 {
            let n = file.read_at(o, &mut buf[..100 - got.len()]).unwrap();
            if n == 0 {
                break;
            }
            got.extend_from_slice(&buf[..n]);
            o += n as u64;
        }
        let start = (offset as usize).min(bytes.len());
        let want = &bytes[start..(start + 100).min(bytes.len())];
        assert_eq!(got, want, "at {offset}");
    }
    // aligned windows read: 0, 2, 4 MB, then kept (past the end reads nothing)
    assert_eq!(file.fills(), 3);
    // Three windows are kept: a fourth drops the least recently used.
    let mut big: Vec<u8> = bytes.clone();
    big.extend((0..(2u32 << 20)).map(|i| (i % 241) as u8));
    let file = BlobBytes::new(blob(&big)).unwrap();
    let byte_at = |o: u64| {
        let mut b = [0u8; 1];
        assert_eq!(file.read_at(o, &mut b).unwrap(), 1);
        b[0]
    };
    for (o, fills) in
        [(0, 1), (2 << 20, 2), (4 << 20, 3), (6 << 20, 4), (4 << 20, 4), (0, 5), (6 << 20, 5), (2 << 20, 6)]
    {
        assert_eq!(byte_at(o), big[o as usize], "at {o}");
        assert_eq!(file.fills(), fills, "after {o}");
    }
}

#[wasm_bindgen_test]
fn the_demo_town_imports_the_same_read_on_demand() {
    let demo = demo_workbook(2017).unwrap();
    let file = BlobBytes::new(blob(&demo)).unwrap();
    let run = |data| -> Import {
        import_data(&[FileData { name: "demo.xlsx", data }], &ImportOptions::default(), &mut |_| {
            ControlFlow::Continue(())
        })
    };
    let memory = run(Data::Memory(&demo));
    let on_demand = run(Data::OnDemand(&file));
    assert!(memory.all_read() && memory.tables.records.len() > 1000);
    assert_eq!(serde_json::to_string(&memory).unwrap(), serde_json::to_string(&on_demand).unwrap());
    // The whole workbook is smaller than one window: the file is read once, however many
    // times the zip's directory and parts are visited.
    assert!(demo.len() < 2 << 20, "{}", demo.len());
    assert_eq!(file.fills(), 1);
}
