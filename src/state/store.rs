//! The one place that touches localStorage. Keys are prefixed (every `file://` page shares
//! one localStorage) and versioned.
use super::draft::Draft;
use gloo_storage::{LocalStorage, Storage};

pub const PREFIX: &str = "vscore:";
pub const DRAFT_KEY: &str = "vscore:v1:draft";
pub const LANG_KEY: &str = "vscore:v1:lang";

/// What loading the draft found.
pub enum Loaded {
    Fresh,
    Restored(Draft),
    /// The stored text did not parse; it is kept as it was (never discarded) and reported.
    Unreadable { raw: String, error: String },
}

pub fn load_draft() -> Loaded {
    let raw: Option<String> = LocalStorage::raw().get_item(DRAFT_KEY).ok().flatten();
    match raw {
        None => Loaded::Fresh,
        Some(raw) => match serde_json::from_str::<Draft>(&raw) {
            Ok(d) => Loaded::Restored(d),
            Err(e) => Loaded::Unreadable { raw, error: e.to_string() },
        },
    }
}

pub fn save_draft(d: &Draft) -> Result<(), String> {
    LocalStorage::set(DRAFT_KEY, d).map_err(|e| e.to_string())
}

pub fn load_lang() -> Option<String> {
    LocalStorage::get(LANG_KEY).ok()
}

pub fn save_lang(lang: &str) {
    let _ = LocalStorage::set(LANG_KEY, lang);
}
