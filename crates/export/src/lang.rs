//! The language of an export.

use serde::{Deserialize, Serialize};

/// The language of a CSV (headers, status words, labels, gap sentences).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}
