//! Messages between the page and the engine. Serialised as JSON strings; file contents
//! travel beside them as `File`/`Blob` objects (never copied into the page's memory).
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    Ping,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    Pong { version: String },
    /// The request could not be carried out; `message` says why in Chinese and English.
    Failed { zh: String, en: String },
}
