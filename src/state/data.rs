//! The imported data and its score, as the page sees them. The tables themselves stay in
//! the engine (a Web Worker); the page holds the chosen files, the import report and the
//! latest score. Every request to the engine is a method in `engine_calls`.
//!
//! Invariant: the draft keeps the names of the files and every hand choice; the files'
//! bytes are stored too when they fit, otherwise the page asks for the same files again.

use super::app_state::{now_ms, NoticeKind};
use super::draft::FileMeta;
use super::{store, AppState};
use crate::engine::protocol::{ImportSummary, ScoreView};
use base64::Engine as _;
use leptos::prelude::*;
use scorecard_domain::import::{ColumnOverride, ImportOptions, SavedMapping, SheetOverride};
use scorecard_domain::model::{Field, Role};
use scorecard_domain::profile::{builtin, builtins, Profile, DEFAULT_ID};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

/// Files up to this size (all together) are kept in the browser with the draft.
pub const STORE_FILES_LIMIT: u64 = 2_500_000;

/// An import under way, for the progress bar: the engine's latest report, plus when it
/// started and the current file's name.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProgress {
    pub started_ms: f64,
    pub file_name: String,
    pub at: scorecard_domain::import::Progress,
}

impl ImportProgress {
    /// Rows per second so far (all files).
    pub fn rate(&self) -> f64 {
        let secs = ((now_ms() - self.started_ms) / 1000.0).max(0.001);
        self.at.rows() as f64 / secs
    }

    /// 0.0–1.0 by bytes of finished files plus a share of the current one (rows unknown).
    pub fn fraction(&self) -> f64 {
        if self.at.bytes_total == 0 {
            return 0.0;
        }
        (self.at.bytes_done as f64 / self.at.bytes_total as f64).clamp(0.0, 1.0)
    }
}

#[derive(Serialize, Deserialize)]
struct StoredFile {
    name: String,
    data: String,
}

#[derive(Clone, Copy)]
pub struct DataState {
    pub(super) files: StoredValue<Vec<web_sys::File>, LocalStorage>,
    /// Names and sizes of the chosen files (what the page renders).
    pub file_list: RwSignal<Vec<FileMeta>>,
    pub import: RwSignal<Option<ImportSummary>>,
    pub progress: RwSignal<Option<ImportProgress>>,
    pub view: RwSignal<Option<ScoreView>>,
    pub scoring: RwSignal<bool>,
    /// The engine's last complaint (zh, en).
    pub error: RwSignal<Option<(String, String)>>,
    /// The draft lists files whose bytes are not stored: the user must choose them again.
    pub files_missing: RwSignal<Vec<FileMeta>>,
    pub custom_profiles: RwSignal<Vec<Profile>>,
    /// Which engine answered the first call: `worker` or `local`, `worker-failed` or
    /// `local-failed`; empty until it answers (the footer's `data-engine`).
    pub engine: RwSignal<String>,
    /// The town's passphrase for report files (汇总报送), in memory unless remembered.
    pub passphrase: RwSignal<String>,
    pub remember_passphrase: RwSignal<bool>,
    pub(super) score_generation: StoredValue<u64>,
    pub(super) import_generation: StoredValue<u64>,
    /// A draft the page just made and filled itself (the demo's, or the one real files go
    /// to from the demo): its restore must not clear the files the page gave it.
    filled_draft: StoredValue<Option<String>>,
}

/// Stations' answers to their own checklist items, from the report files that count, for
/// the items the town has not answered itself; says how many were taken.
pub(super) fn take_station_answers(app: AppState, summary: &ImportSummary) {
    let answers: Vec<(String, bool)> = summary
        .files
        .iter()
        .filter_map(|f| f.town_report.as_ref().filter(|s| s.counted))
        .flat_map(|s| s.checklist.iter().map(|(k, v)| (k.clone(), *v)))
        .collect();
    let mut checklist = app.draft.with_untracked(|d| d.context.checklist.clone());
    let taken = fill_unanswered(&mut checklist, answers);
    if taken > 0 {
        app.edit(|d| d.context.checklist = checklist);
        app.push_notice(
            NoticeKind::Info,
            "station-answers",
            format!("已从站点的报送文件带入 {taken} 项站点核对清单的回答；本镇已填写的保持不变。"),
            format!("{taken} answers to stations' checklist items were taken from their report files; the town's own answers stay."),
            None,
        );
    }
}

/// Adds the answers for keys not answered yet; returns how many.
pub fn fill_unanswered(
    checklist: &mut std::collections::BTreeMap<String, bool>,
    answers: Vec<(String, bool)>,
) -> usize {
    let mut n = 0;
    for (k, v) in answers {
        if let std::collections::btree_map::Entry::Vacant(e) = checklist.entry(k) {
            e.insert(v);
            n += 1;
        }
    }
    n
}

/// A file refused as a report file (wrong passphrase …): still one of the town's.
fn is_report_error(f: &scorecard_domain::import::FileOutcome) -> bool {
    matches!(f.error, Some(scorecard_domain::import::ImportError::Report { .. }))
}

fn global_mappings() -> Vec<SavedMapping> {
    store::load_mappings().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

impl DataState {
    pub fn new() -> DataState {
        let custom = store::load_profiles().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        let remembered = store::load_passphrase();
        DataState {
            files: StoredValue::new_local(Vec::new()),
            file_list: RwSignal::new(Vec::new()),
            import: RwSignal::new(None),
            progress: RwSignal::new(None),
            view: RwSignal::new(None),
            scoring: RwSignal::new(false),
            error: RwSignal::new(None),
            files_missing: RwSignal::new(Vec::new()),
            custom_profiles: RwSignal::new(custom),
            engine: RwSignal::new(String::new()),
            remember_passphrase: RwSignal::new(remembered.is_some()),
            passphrase: RwSignal::new(remembered.unwrap_or_default()),
            score_generation: StoredValue::new(0),
            import_generation: StoredValue::new(0),
            filled_draft: StoredValue::new(None),
        }
    }

    /// Every finding of the data, in one list for both screens: the import's (files, then
    /// sheets) and then the scoring's (records left out, figures to check), so the import
    /// screen and the scorecard count the same things (reactive).
    pub fn all_findings(&self) -> Vec<scorecard_domain::finding::Finding> {
        let mut out: Vec<scorecard_domain::finding::Finding> = self.import.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.files
                        .iter()
                        .flat_map(|f| f.findings.iter().chain(f.sheets.iter().flat_map(|s| s.findings.iter())))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        });
        self.view.with(|v| {
            if let Some(v) = v {
                out.extend(v.card.findings.iter().cloned());
            }
        });
        out
    }

    /// Every profile to choose from: the built-in ones, then the user's.
    pub fn profiles(&self) -> Vec<Profile> {
        let mut all = builtins();
        all.extend(self.custom_profiles.get());
        all
    }

    /// The profile with this id (built-in or custom), else the default.
    pub fn profile(&self, id: &str) -> Profile {
        builtin(id)
            .or_else(|| self.custom_profiles.with_untracked(|c| c.iter().find(|p| p.id == id).cloned()))
            .or_else(|| builtin(DEFAULT_ID))
            .unwrap_or_else(|| builtins().remove(0))
    }

    pub fn save_custom_profiles(&self, app: AppState, list: Vec<Profile>) {
        let json = serde_json::to_string(&list).unwrap_or_default();
        if let Err(e) = store::save_profiles(&json) {
            app.push_notice(NoticeKind::Error, "profiles", e.message_zh(), e.message_en(), None);
        }
        self.custom_profiles.set(list);
    }

    /// What report files among the import are checked against: the town's passphrase (as
    /// typed on this page, or remembered) and the draft's profile, year, date and stations.
    pub(super) fn town_options(&self, app: AppState) -> scorecard_domain::report_file::TownOptions {
        let ctx = app.draft.with_untracked(|d| d.context.clone());
        let passphrase = self.passphrase.get_untracked();
        scorecard_domain::report_file::TownOptions {
            passphrase: Some(passphrase).filter(|p| !p.trim().is_empty()),
            profile: ctx.profile.clone(),
            year: ctx.year,
            as_of: Some(ctx.as_of(today())),
            stations: ctx.stations.clone(),
        }
    }

    /// The passphrase as typed; kept on this computer only when `remember` (else forgotten).
    pub fn set_passphrase(&self, app: AppState, passphrase: String, remember: bool) {
        self.passphrase.set(passphrase.clone());
        self.remember_passphrase.set(remember);
        let saved = if remember { store::save_passphrase(&passphrase) } else { store::forget_passphrase() };
        if let Err(e) = saved {
            app.push_notice(NoticeKind::Error, "passphrase", e.message_zh(), e.message_en(), None);
        }
    }

    /// True when a file of the import is a station's report file.
    pub fn has_report_files(&self) -> bool {
        self.import
            .with(|i| i.as_ref().is_some_and(|i| i.files.iter().any(|f| f.town_report.is_some() || is_report_error(f))))
    }

    /// The import options of the draft: its hand overrides plus every remembered mapping.
    pub(super) fn options(&self, app: AppState) -> ImportOptions {
        let overrides = app.draft.with_untracked(|d| overrides_of(&d.import_options));
        ImportOptions { overrides, saved: global_mappings(), preview_rows: 20, town: None }
    }

    /// Adds files (a file of the same name replaces the old one) and imports again.
    pub fn add_files(&self, app: AppState, new: Vec<web_sys::File>) {
        self.files.update_value(|files| {
            for f in new {
                files.retain(|old| old.name() != f.name());
                files.push(f);
            }
        });
        self.files_missing.update(|m| {
            let names: Vec<String> = self.files.with_value(|f| f.iter().map(|x| x.name()).collect());
            m.retain(|x| !names.contains(&x.name));
        });
        self.run_import(app);
    }

    /// Files the user chose or dropped: on the demo's draft they go to a new draft (the demo
    /// stays as it is), so real data is never scored under the demo's name.
    pub fn add_user_files(&self, app: AppState, new: Vec<web_sys::File>) {
        if new.is_empty() {
            return;
        }
        if app.draft.with_untracked(|d| d.demo) {
            let id = app.leave_demo();
            self.filled_draft.set_value(Some(id));
            self.clear();
        }
        self.add_files(app, new);
    }

    /// The demo workbook, in the demo's draft (made by `AppState::start_demo`).
    pub fn load_demo(&self, app: AppState, file: web_sys::File, today: chrono::NaiveDate) {
        if let Some(id) = app.start_demo(today) {
            self.filled_draft.set_value(Some(id));
        }
        self.clear();
        self.add_files(app, vec![file]);
    }

    pub fn remove_file(&self, app: AppState, name: &str) {
        self.files.update_value(|files| files.retain(|f| f.name() != name));
        app.edit(|d| {
            let mut o = overrides_of(&d.import_options);
            o.retain(|x| x.file != name);
            d.import_options = serde_json::to_value(&o).unwrap_or_default();
        });
        self.run_import(app);
    }

    /// Forgets every file and the import (the draft keeps its context).
    pub fn clear(&self) {
        self.files.set_value(Vec::new());
        self.file_list.set(Vec::new());
        self.import.set(None);
        self.view.set(None);
        self.files_missing.set(Vec::new());
        self.error.set(None);
    }

    /// Back to the files of the last finished import (after a cancel or a refusal).
    pub(super) fn back_to_last_import(&self, app: AppState) {
        let kept: Vec<String> = app.draft.with_untracked(|d| d.files.iter().map(|f| f.name.clone()).collect());
        self.files.update_value(|f| f.retain(|x| kept.contains(&x.name())));
        self.file_list.set(app.draft.with_untracked(|d| d.files.clone()));
    }

    /// Remembers the sheets the user mapped by hand, for any sheet with the same headers.
    pub(super) fn remember_hand_mappings(&self, summary: &ImportSummary) {
        use scorecard_domain::import::{saved_mapping_for, Source};
        let mut all = global_mappings();
        let mut changed = false;
        for s in summary.files.iter().flat_map(|f| f.sheets.iter()) {
            let hand = s.role_source == Source::Hand || s.columns.iter().any(|c| c.source == Source::Hand);
            if !hand {
                continue;
            }
            if let Some(m) = saved_mapping_for(s) {
                all.retain(|x| x.signature != m.signature);
                all.push(m);
                changed = true;
            }
        }
        if changed {
            let _ = store::save_mappings(&serde_json::to_string(&all).unwrap_or_default());
        }
    }

    /// Keeps the files' bytes with the draft when they fit; says so when they do not.
    pub(super) async fn store_files(&self, app: AppState, files: Vec<web_sys::File>, total: u64) {
        let id = app.draft.with_untracked(|d| d.id.clone());
        if total > STORE_FILES_LIMIT {
            store::delete_files(&id);
            app.push_notice(
                NoticeKind::Info,
                "files_not_stored",
                format!(
                    "导入的文件共 {:.1} MB，超过本机可保存的大小：列对应关系等设置已保存，下次打开此草稿时请再次选择这些文件。",
                    total as f64 / 1e6
                ),
                format!(
                    "The imported files total {:.1} MB, more than this browser can keep: your settings are saved; choose the same files again next time you open this draft.",
                    total as f64 / 1e6
                ),
                None,
            );
            return;
        }
        let mut stored = Vec::new();
        for f in &files {
            let Ok(buf) = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await else { return };
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            stored.push(StoredFile { name: f.name(), data: base64::engine::general_purpose::STANDARD.encode(bytes) });
        }
        let json = serde_json::to_string(&stored).unwrap_or_default();
        if let Err(e) = store::save_files(&id, &json) {
            app.push_notice(
                NoticeKind::Warning,
                "files_not_stored",
                format!(
                    "{}导入的文件没有保存在本机，下次打开此草稿时请再次选择这些文件（设置已保存）。",
                    e.message_zh()
                ),
                format!(
                    "{} The imported files were not kept; choose them again next time (settings are saved).",
                    e.message_en()
                ),
                None,
            );
        }
    }

    /// After a draft was loaded: brings back its files from storage, or lists the ones
    /// the user must choose again.
    pub fn restore(&self, app: AppState) {
        let id = app.draft.with_untracked(|d| d.id.clone());
        if self.filled_draft.with_value(|f| f.as_deref() == Some(id.as_str())) {
            self.filled_draft.set_value(None);
            return; // the page filled this new draft itself
        }
        self.clear();
        let (id, metas) = app.draft.with_untracked(|d| (d.id.clone(), d.files.clone()));
        if metas.is_empty() {
            self.empty_engine_then_rescore(app);
            return;
        }
        let stored: Option<Vec<StoredFile>> = store::load_files(&id).and_then(|t| serde_json::from_str(&t).ok());
        let Some(stored) = stored else {
            self.file_list.set(metas.clone());
            self.files_missing.set(metas);
            self.empty_engine_then_rescore(app);
            return;
        };
        let mut files = Vec::new();
        for s in stored {
            let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(&s.data) else { continue };
            if let Some(f) = file_from_bytes(&s.name, &bytes) {
                files.push(f);
            }
        }
        self.files.set_value(files);
        self.run_import(app);
    }

    /// Sets one hand choice for a sheet and imports again.
    pub fn set_override(&self, app: AppState, file: &str, sheet: &str, f: impl FnOnce(&mut SheetOverride)) {
        app.edit(|d| {
            let mut all = overrides_of(&d.import_options);
            let pos = all.iter().position(|o| o.file == file && o.sheet == sheet);
            let idx = match pos {
                Some(i) => i,
                None => {
                    all.push(SheetOverride { file: file.to_string(), sheet: sheet.to_string(), ..Default::default() });
                    all.len() - 1
                }
            };
            f(&mut all[idx]);
            d.import_options = serde_json::to_value(&all).unwrap_or_default();
        });
        self.run_import(app);
    }

    /// Sets a sheet's role by hand (the importer then finds a header even among unknown
    /// header texts, so the columns can be mapped).
    pub fn set_role(&self, app: AppState, file: &str, sheet: &str, role: Option<Role>, ignore: bool) {
        self.set_override(app, file, sheet, |o| {
            o.role = role;
            o.ignore = ignore;
            o.columns.clear();
        });
    }

    /// The import-wide matrix choice (`None`: undone), in one edit and one import: kept on
    /// the first matrix sheet's override, and every matrix sheet's own choice and any older
    /// matrix choice cleared, so the one choice the panel shows is the one that counts.
    pub fn set_matrix(
        &self,
        app: AppState,
        sheets: &[(String, String)],
        choice: Option<scorecard_domain::import::choices::MatrixChoice>,
    ) {
        let Some(first) = sheets.first().cloned() else { return };
        app.edit(|d| {
            let mut all = overrides_of(&d.import_options);
            for o in &mut all {
                o.matrix = None;
                if sheets.iter().any(|(f, s)| *f == o.file && *s == o.sheet) {
                    o.wide = None;
                }
            }
            if let Some(choice) = choice {
                match all.iter_mut().find(|o| o.file == first.0 && o.sheet == first.1) {
                    Some(o) => o.matrix = Some(choice),
                    None => all.push(SheetOverride {
                        file: first.0.clone(),
                        sheet: first.1.clone(),
                        matrix: Some(choice),
                        ..Default::default()
                    }),
                }
            }
            d.import_options = serde_json::to_value(&all).unwrap_or_default();
        });
        self.run_import(app);
    }

    pub fn set_column(&self, app: AppState, file: &str, sheet: &str, column: u32, field: Option<Field>) {
        self.set_override(app, file, sheet, |o| {
            o.columns.retain(|c| c.column != column);
            o.columns.push(ColumnOverride { column, field });
        });
    }
}

impl Default for DataState {
    fn default() -> Self {
        Self::new()
    }
}

/// The hand overrides kept in a draft (an unreadable value counts as none).
pub fn overrides_of(v: &serde_json::Value) -> Vec<SheetOverride> {
    if v.is_null() {
        return Vec::new();
    }
    serde_json::from_str(&v.to_string()).unwrap_or_default() // from text: see draft::migrate
}

/// Today in the browser's time zone.
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or(chrono::NaiveDate::MIN)
}

/// A `File` made in the page (stored files, the demo workbook).
pub fn file_from_bytes(name: &str, bytes: &[u8]) -> Option<web_sys::File> {
    let arr = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&arr);
    web_sys::File::new_with_u8_array_sequence(&parts, name).ok().map(|f| f.unchecked_into())
}

#[cfg(test)]
mod tests {
    use super::fill_unanswered;
    use std::collections::BTreeMap;

    #[test]
    fn stations_answers_fill_only_what_the_town_left_open() {
        let mut town = BTreeMap::from([("X10|升庵社区|有队伍".to_string(), false)]);
        let taken = fill_unanswered(
            &mut town,
            vec![
                ("X10|升庵社区|有队伍".into(), true),
                ("X10|升庵社区|有阵地".into(), true),
                ("X10|友爱村|有队伍".into(), false),
            ],
        );
        assert_eq!(taken, 2);
        let answers: Vec<(&str, bool)> = town.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        // the town's own answer stays (false), the two open ones are taken
        assert_eq!(
            answers,
            [("X10|升庵社区|有队伍", false), ("X10|升庵社区|有阵地", true), ("X10|友爱村|有队伍", false)]
        );
    }
}
