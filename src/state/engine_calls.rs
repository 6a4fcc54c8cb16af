//! Every request the page makes to the engine, as methods of [`DataState`]: the one module
//! that names the engine client (`crate::engine::client`). Components call these methods;
//! they never talk to the engine themselves.
//!
//! - start: [`DataState::start_engine`] (a ping, so the first import does not wait);
//! - import and score: [`DataState::run_import`], [`DataState::cancel`], [`DataState::rescore`];
//! - views computed on demand: [`DataState::load_replay`], [`DataState::load_rows`];
//! - files the engine makes, saved as downloads: [`DataState::load_sample`] (the demo town,
//!   imported rather than saved), [`DataState::download_template`],
//!   [`DataState::download_failed_rows`], [`DataState::download_rows_csv`],
//!   [`DataState::download_scorecard_xlsx`], [`DataState::download_scorecard_csv`],
//!   [`DataState::download_report_file`] (a station's 报送文件 for its town).

use super::app_state::{now_ms, NoticeKind};
use super::data::{file_from_bytes, take_station_answers, today, ImportProgress};
use super::draft::FileMeta;
use super::{download, store, AppState, DataState};
use crate::engine::client::client;
use crate::engine::protocol::{Request, Response};
use leptos::prelude::*;
use scorecard_domain::export::{RowTable, RowsCut};
use scorecard_domain::score::insights::Replay;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Asks the engine for a file it makes and saves it; a refusal is an error notice.
fn download_from_engine(app: AppState, req: Request) {
    leptos::task::spawn_local(async move {
        let reply = client().call(req).await;
        match (reply.response, reply.bytes) {
            (Response::File { name, mime }, Some(bytes)) => download::bytes(&name, &mime, &bytes.to_vec()),
            (Response::Failed { zh, en }, _) => app.push_notice(NoticeKind::Error, "engine", zh, en, None),
            _ => {}
        }
    });
}

impl DataState {
    /// Starts the engine at once (a ping) so the first import does not wait for it, and
    /// sets [`DataState::engine`] to which one answered.
    pub fn start_engine(&self) {
        let engine = self.engine;
        leptos::task::spawn_local(async move {
            let c = client();
            let kind = if c.is_worker() { "worker" } else { "local" };
            match c.call(Request::Ping).await.response {
                Response::Pong { .. } => {
                    engine.set(kind.to_string());
                    // served: the service worker may now cache the app (tools/package.mjs)
                    let hook = js_sys::Reflect::get(&js_sys::global(), &"__vsAfterEngine".into());
                    if let Ok(f) = hook.and_then(|h| h.dyn_into::<js_sys::Function>()) {
                        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
                    }
                }
                _ => engine.set(format!("{kind}-failed")),
            }
        });
    }

    /// Imports every chosen file again (after a file or a hand choice changed).
    pub fn run_import(&self, app: AppState) {
        let this = *self;
        let files: Vec<web_sys::File> = self.files.get_value();
        let metas: Vec<FileMeta> = files.iter().map(|f| FileMeta { name: f.name(), size: f.size() as u64 }).collect();
        self.file_list.set(metas.clone());
        let gen = self.import_generation.get_value() + 1;
        self.import_generation.set_value(gen);
        if files.is_empty() {
            self.import.set(None);
            app.edit(|d| d.files.clear());
            store::delete_files(&app.draft.with_untracked(|d| d.id.clone()));
            self.empty_engine_then_rescore(app);
            return;
        }
        let names: Vec<String> = metas.iter().map(|m| m.name.clone()).collect();
        let array = js_sys::Array::new();
        for f in &files {
            array.push(f);
        }
        let options = self.options(app);
        let town = Some(self.town_options(app));
        let total: u64 = metas.iter().map(|m| m.size).sum();
        self.progress.set(Some(ImportProgress {
            started_ms: now_ms(),
            file_name: names.first().cloned().unwrap_or_default(),
            at: scorecard_domain::import::Progress {
                file_index: 0,
                file_count: names.len(),
                rows_done: 0,
                rows_before: 0,
                bytes_done: 0,
                bytes_total: total,
            },
        }));
        self.error.set(None);
        let progress_names = names.clone();
        let progress = self.progress;
        let on_progress = Box::new(move |p: scorecard_domain::import::Progress| {
            progress.update(|cur| {
                if let Some(cur) = cur {
                    cur.file_name = progress_names.get(p.file_index).cloned().unwrap_or_default();
                    cur.at = p;
                }
            });
        });
        leptos::task::spawn_local(async move {
            let reply =
                client().call_with(Request::Import { names, options, town }, Some(array), Some(on_progress)).await;
            if this.import_generation.get_value() != gen {
                return; // a newer import (or a cancel) took over
            }
            this.progress.set(None);
            match reply.response {
                Response::Imported(summary) => {
                    this.remember_hand_mappings(&summary);
                    take_station_answers(app, &summary);
                    this.import.set(Some(summary));
                    app.edit(|d| d.files = metas.clone());
                    this.store_files(app, files, total).await;
                    this.rescore(app);
                }
                Response::Failed { zh, en } => {
                    // Nothing was imported: the files of the last import stay, with its scores.
                    this.back_to_last_import(app);
                    this.error.set(Some((zh, en)));
                }
                _ => {}
            }
        });
    }

    /// Stops the import under way; the files chosen before it stay.
    pub fn cancel(&self, app: AppState) {
        self.import_generation.update_value(|g| *g += 1);
        client().cancel();
        self.progress.set(None);
        self.back_to_last_import(app);
        app.notify(NoticeKind::Info, "cancelled", "import.cancelled", None);
    }

    /// A draft without data: the engine drops the tables it holds (another draft's, or the
    /// files just removed) before the score, so no number of other data is ever shown.
    pub(super) fn empty_engine_then_rescore(&self, app: AppState) {
        let this = *self;
        let gen = self.import_generation.get_value() + 1;
        self.import_generation.set_value(gen);
        let options = self.options(app);
        leptos::task::spawn_local(async move {
            let none = Request::Import { names: Vec::new(), options, town: None };
            let _ = client().call_with(none, Some(js_sys::Array::new()), None).await;
            if this.import_generation.get_value() == gen {
                this.rescore(app);
            }
        });
    }

    /// Scores again, 250 ms after the last change (typing a number does not score per key).
    pub fn rescore(&self, app: AppState) {
        let gen = self.score_generation.get_value() + 1;
        self.score_generation.set_value(gen);
        let this = *self;
        set_timeout(
            move || {
                if this.score_generation.get_value() != gen {
                    return;
                }
                let context = app.draft.with_untracked(|d| d.context.clone());
                let profile = this.profile(&context.profile);
                let today = today();
                this.scoring.set(true);
                leptos::task::spawn_local(async move {
                    let reply = client().call(Request::Score { context, profile, today }).await;
                    if this.score_generation.get_value() != gen {
                        return;
                    }
                    this.scoring.set(false);
                    match reply.response {
                        Response::Scored(v) => this.view.set(Some(*v)),
                        // Shown on every screen (a score runs whichever screen is open).
                        Response::Failed { zh, en } => app.push_notice(NoticeKind::Error, "engine", zh, en, None),
                        _ => {}
                    }
                });
            },
            Duration::from_millis(250),
        );
    }

    /// Loads the demo town (载入示例数据) into a draft of its own, from any screen: the
    /// user's files and context stay where they are; the page goes to the import step.
    pub fn load_sample(&self, app: AppState) {
        let data = *self;
        let (year, as_of) = app.draft.with_untracked(|d| (d.context.year, d.context.as_of));
        let today = today();
        let until = scorecard_domain::samples::demo_until(year, as_of, today);
        leptos::task::spawn_local(async move {
            let reply = client().call(Request::Sample { year, until }).await;
            if let (Response::File { name, .. }, Some(bytes)) = (reply.response, reply.bytes) {
                if let Some(f) = file_from_bytes(&name, &bytes.to_vec()) {
                    data.load_demo(app, f, today);
                }
            }
        });
    }

    /// The monthly replay (月月通报) of the draft's context and profile; `done` gets it, or
    /// `None` when the engine gave none.
    pub fn load_replay(&self, app: AppState, done: impl FnOnce(Option<Replay>) + 'static) {
        let context = app.draft.with_untracked(|d| d.context.clone());
        let profile = self.profile(&context.profile);
        leptos::task::spawn_local(async move {
            let r = client().call(Request::Replay { context, profile, today: today() }).await;
            done(match r.response {
                Response::Replayed(r) => Some(r),
                _ => None,
            });
        });
    }

    /// The rows behind an indicator (or one station of it) of the last score, masked, and
    /// where the list stops; `done` runs only when the engine gives them.
    pub fn load_rows(
        &self,
        indicator: String,
        station: Option<String>,
        done: impl FnOnce(Vec<RowTable>, Option<RowsCut>) + 'static,
    ) {
        leptos::task::spawn_local(async move {
            let r = client().call(Request::Rows { indicator, station }).await;
            if let Response::Rows { tables, cut } = r.response {
                done(tables, cut);
            }
        });
    }

    /// The blank templates of the four tables (one workbook), saved.
    pub fn download_template(&self, app: AppState) {
        download_from_engine(app, Request::Template);
    }

    /// The rows with problems of the last import, as an xlsx keeping their columns, saved.
    pub fn download_failed_rows(&self, app: AppState) {
        download_from_engine(app, Request::FailedRows);
    }

    /// The rows behind an indicator (or one station of it) as a CSV file, saved.
    pub fn download_rows_csv(&self, app: AppState, indicator: String, station: Option<String>, english: bool) {
        download_from_engine(app, Request::RowsCsv { indicator, station, english });
    }

    /// The report of the last score as an xlsx workbook, saved.
    pub fn download_scorecard_xlsx(&self, app: AppState) {
        download_from_engine(app, Request::ScorecardXlsx);
    }

    /// The last score as a CSV (UTF-8 with BOM), saved.
    pub fn download_scorecard_csv(&self, app: AppState, english: bool) {
        download_from_engine(app, Request::ScorecardCsv { english });
    }

    /// The station's report file (报送文件) for its town, from the imported data, the
    /// draft's context and the passphrase as typed, saved.
    pub fn download_report_file(&self, app: AppState) {
        let context = app.draft.with_untracked(|d| d.context.clone());
        let passphrase = self.passphrase.get_untracked();
        download_from_engine(app, Request::Pack { context, passphrase, today: today() });
    }
}
