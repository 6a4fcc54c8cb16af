//! The one place that touches localStorage.
//!
//! Keys are prefixed with `vscore:` (every `file://` page shares one localStorage) and
//! carry the schema version. Invariants: nothing here panics when storage is disabled or
//! full (every call reports instead); a stored draft that does not parse is left where it
//! is, untouched, and reported; `clear_all` leaves no key with our prefix behind.

use super::draft::{self, Draft, DraftError};
use gloo_storage::{LocalStorage, Storage};

pub const PREFIX: &str = "vscore:";
const DRAFT_PREFIX: &str = "vscore:v2:draft:";
const FILES_PREFIX: &str = "vscore:v2:files:";
const MAPPINGS_KEY: &str = "vscore:v2:mappings";
const CURRENT_KEY: &str = "vscore:v2:current";
const PREFS_KEY: &str = "vscore:v2:prefs";
const PROFILES_KEY: &str = "vscore:v2:profiles";
/// The town's report passphrase, only when the clerk ticked "remember on this computer".
const PASSPHRASE_KEY: &str = "vscore:v2:town-passphrase";
/// Where the first release kept its single draft; migrated once, then removed.
const LEGACY_V1_KEY: &str = "vscore:v1:draft";

/// Why something could not be stored.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// localStorage is switched off (private mode, blocked site data, policy).
    Unavailable,
    /// The browser's quota for this page is used up.
    Full,
    Other(String),
}

impl StoreError {
    pub fn message_zh(&self) -> String {
        match self {
            StoreError::Unavailable => "浏览器禁止了本机存储（可能是无痕模式或禁用了网站数据），关闭页面后输入的内容将丢失。请导出数据备份，或允许本站保存数据。".into(),
            StoreError::Full => "本机存储空间已满。".into(),
            StoreError::Other(e) => format!("保存失败：{e}"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            StoreError::Unavailable => "The browser does not allow this page to store data (private mode or blocked site data): what you enter is lost when the page closes. Export a backup, or allow site data.".into(),
            StoreError::Full => "Browser storage for this page is full.".into(),
            StoreError::Other(e) => format!("Could not save: {e}"),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// True when localStorage can be read and written.
pub fn available() -> bool {
    let Some(s) = storage() else { return false };
    let probe = "vscore:probe";
    let ok = s.set_item(probe, "1").is_ok();
    let _ = s.remove_item(probe);
    ok
}

fn classify(e: gloo_storage::errors::StorageError) -> StoreError {
    let text = e.to_string();
    if text.contains("Quota") || text.contains("quota") || text.contains("exceeded") {
        StoreError::Full
    } else {
        StoreError::Other(text)
    }
}

fn get_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set_raw(key: &str, value: &str) -> Result<(), StoreError> {
    if storage().is_none() {
        return Err(StoreError::Unavailable);
    }
    // gloo-storage's raw setter; a JSON string is written as it is.
    LocalStorage::raw().set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        if name.contains("Quota") {
            StoreError::Full
        } else {
            StoreError::Other(name)
        }
    })
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every key in storage that starts with `prefix`.
fn keys_with(prefix: &str) -> Vec<String> {
    let Some(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect()
}

/// One draft in the list: loaded, or kept raw because it could not be read.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // a list of a few drafts: boxing would save nothing that matters (and on wasm32 it does not fire)
pub enum DraftEntry {
    Ok(Draft),
    Broken { id: String, raw: String, error: DraftError },
}

impl DraftEntry {
    pub fn id(&self) -> &str {
        match self {
            DraftEntry::Ok(d) => &d.id,
            DraftEntry::Broken { id, .. } => id,
        }
    }
}

/// All drafts, newest first; unreadable ones are listed (with their raw text) too.
pub fn list_drafts() -> Vec<DraftEntry> {
    let mut out: Vec<DraftEntry> = keys_with(DRAFT_PREFIX)
        .into_iter()
        .filter_map(|key| {
            let id = key.trim_start_matches(DRAFT_PREFIX).to_string();
            let raw = get_raw(&key)?;
            Some(match draft::parse(&raw) {
                Ok(mut d) => {
                    d.id = id;
                    DraftEntry::Ok(d)
                }
                Err(error) => DraftEntry::Broken { id, raw, error },
            })
        })
        .collect();
    scorecard_domain::sort::sort_by(&mut out, |a, b| {
        let ta = if let DraftEntry::Ok(d) = a { d.updated_ms } else { f64::MAX };
        let tb = if let DraftEntry::Ok(d) = b { d.updated_ms } else { f64::MAX };
        tb.partial_cmp(&ta).unwrap_or(std::cmp::Ordering::Equal)
    });
    out
}

/// Loads one draft; an unreadable one comes back with its raw text.
pub fn load_draft(id: &str) -> Option<DraftEntry> {
    let raw = get_raw(&format!("{DRAFT_PREFIX}{id}"))?;
    Some(match draft::parse(&raw) {
        Ok(mut d) => {
            d.id = id.to_string();
            DraftEntry::Ok(d)
        }
        Err(error) => DraftEntry::Broken { id: id.to_string(), raw, error },
    })
}

/// The stored revision of a draft, to notice another tab's newer save.
pub fn stored_rev(id: &str) -> Option<u64> {
    match load_draft(id)? {
        DraftEntry::Ok(d) => Some(d.rev),
        DraftEntry::Broken { .. } => None,
    }
}

pub fn save_draft(d: &Draft) -> Result<(), StoreError> {
    let json = serde_json::to_string(d).map_err(|e| StoreError::Other(e.to_string()))?;
    set_raw(&format!("{DRAFT_PREFIX}{}", d.id), &json)
}

/// Deletes a draft and its stored rows.
pub fn delete_draft(id: &str) {
    remove(&format!("{DRAFT_PREFIX}{id}"));
    remove(&format!("{FILES_PREFIX}{id}"));
}

pub fn current_id() -> Option<String> {
    get_raw(CURRENT_KEY)
}

pub fn set_current_id(id: &str) -> Result<(), StoreError> {
    set_raw(CURRENT_KEY, id)
}

/// The imported files of a draft (names and bytes as base64 JSON), stored apart from the
/// draft so a full store loses only them: the draft then asks for the files again.
pub fn save_files(id: &str, json: &str) -> Result<(), StoreError> {
    set_raw(&format!("{FILES_PREFIX}{id}"), json)
}

pub fn load_files(id: &str) -> Option<String> {
    get_raw(&format!("{FILES_PREFIX}{id}"))
}

pub fn delete_files(id: &str) {
    remove(&format!("{FILES_PREFIX}{id}"));
}

/// Hand mappings remembered by header signature, for every draft (next month's export
/// has the same headers whichever draft it goes into).
pub fn load_mappings() -> Option<String> {
    get_raw(MAPPINGS_KEY)
}

pub fn save_mappings(json: &str) -> Result<(), StoreError> {
    set_raw(MAPPINGS_KEY, json)
}

/// App preferences (language) as a small JSON object.
pub fn load_prefs() -> Option<serde_json::Value> {
    storage()?;
    LocalStorage::get(PREFS_KEY).ok()
}

pub fn save_prefs(v: &serde_json::Value) -> Result<(), StoreError> {
    if storage().is_none() {
        return Err(StoreError::Unavailable);
    }
    LocalStorage::set(PREFS_KEY, v).map_err(classify)
}

/// The remembered report passphrase (汇总报送), if the clerk asked to keep it.
pub fn load_passphrase() -> Option<String> {
    get_raw(PASSPHRASE_KEY).filter(|p| !p.is_empty())
}

pub fn save_passphrase(p: &str) -> Result<(), StoreError> {
    set_raw(PASSPHRASE_KEY, p)
}

/// Forgets a remembered passphrase (unticked, or never ticked).
pub fn forget_passphrase() -> Result<(), StoreError> {
    remove(PASSPHRASE_KEY);
    Ok(())
}

/// Custom profiles, as the JSON the profile editor exports.
pub fn load_profiles() -> Option<String> {
    get_raw(PROFILES_KEY)
}

pub fn save_profiles(json: &str) -> Result<(), StoreError> {
    set_raw(PROFILES_KEY, json)
}

/// Moves the first release's single draft into the draft list. The old key is removed
/// only after the new one was written; an unreadable old draft stays where it is.
pub fn migrate_legacy(new_id: &str) -> Option<Result<Draft, DraftError>> {
    let raw = get_raw(LEGACY_V1_KEY)?;
    match draft::parse(&raw) {
        Ok(mut d) => {
            d.id = new_id.to_string();
            if save_draft(&d).is_ok() {
                remove(LEGACY_V1_KEY);
            }
            Some(Ok(d))
        }
        Err(e) => {
            // Keep it readable for the user under the new scheme, and the original untouched.
            let _ = set_raw(&format!("{DRAFT_PREFIX}{new_id}"), &raw);
            Some(Err(e))
        }
    }
}

/// Removes every key this app stored (drafts, rows, profiles, preferences, old versions).
/// Returns how many keys were removed.
pub fn clear_all() -> usize {
    let keys = keys_with(PREFIX);
    for k in &keys {
        remove(k);
    }
    keys.len()
}

/// Bytes our keys take (UTF-16, as browsers count), for the storage meter.
pub fn used_bytes() -> usize {
    keys_with(PREFIX)
        .iter()
        .map(|k| (k.encode_utf16().count() + get_raw(k).map(|v| v.encode_utf16().count()).unwrap_or(0)) * 2)
        .sum()
}

/// Text of a draft key, for the "download the raw text" button of a broken draft.
pub fn raw_draft(id: &str) -> Option<String> {
    get_raw(&format!("{DRAFT_PREFIX}{id}"))
}
