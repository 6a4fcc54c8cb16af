//! The draft: everything the user entered, saved in the browser and restored after reload.
use scorecard_domain::Context;
use serde::{Deserialize, Serialize};

/// Version of the draft schema. Bump it and add a step to `store::migrate` when the shape changes.
pub const DRAFT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub version: u32,
    pub context: Context,
}

impl Default for Draft {
    fn default() -> Self {
        Draft { version: DRAFT_VERSION, context: Context::default() }
    }
}
