//! The data engine: holds the imported tables and answers requests (import, score,
//! drill-down rows, exports). It runs in a Web Worker so a million-row import never
//! blocks the page; the same handler runs on the page itself where no worker exists
//! (component tests).
//!
//! Invariant: the UI talks to the engine only through `protocol::{Request, Response}`.
//!
//! Without the `engine` feature (the served page's own wasm) only the client and the
//! protocol are here: the engine then always runs in the worker, from the full build.
#[cfg(feature = "engine")]
pub mod blob_bytes;
pub mod client;
#[cfg(feature = "engine")]
pub mod files;
#[cfg(feature = "engine")]
pub mod handler;
pub mod protocol;
#[cfg(feature = "engine")]
pub mod worker;
