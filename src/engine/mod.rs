//! The data engine: holds the imported tables and answers requests (import, score,
//! drill-down rows, exports). It runs in a Web Worker so a million-row import never
//! blocks the page; the same handler runs on the page itself where no worker exists
//! (component tests).
//!
//! Invariant: the UI talks to the engine only through `protocol::{Request, Response}`.
pub mod blob_bytes;
pub mod client;
pub mod files;
pub mod handler;
pub mod protocol;
pub mod worker;
