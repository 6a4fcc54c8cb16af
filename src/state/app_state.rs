//! The app's state: signals over plain types, and the methods that change them.
//! Provided once as context; components read it with `expect_context::<AppState>()`.

use super::draft::Draft;
use super::store::{self, DraftEntry, StoreError};
use crate::i18n::Lang;
use leptos::prelude::*;
use std::time::Duration;

/// How the latest change fared.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(StoreError),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// What a notice's button does.
#[derive(Clone, Debug, PartialEq)]
pub enum NoticeAction {
    /// Another tab saved this draft: load theirs, or keep ours as a copy.
    OtherTab,
}

/// A banner at the top of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub zh: String,
    pub en: String,
    pub action: Option<NoticeAction>,
    /// A stable tag so the same problem is not shown twice.
    pub tag: &'static str,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub draft: RwSignal<Draft>,
    pub save_state: RwSignal<SaveState>,
    pub notices: RwSignal<Vec<Notice>>,
    pub drafts_open: RwSignal<bool>,
    /// Bumped whenever the draft list in storage changes, so lists re-read it.
    pub drafts_version: RwSignal<u32>,
    /// The revision of our draft last written or loaded by this tab.
    base_rev: StoredValue<u64>,
    save_generation: StoredValue<u64>,
    next_notice: StoredValue<u32>,
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A new, empty draft for the current year.
fn fresh_draft() -> Draft {
    let mut d = Draft::new(new_id());
    d.context.year = js_sys::Date::new_0().get_full_year() as i32;
    d
}

fn new_id() -> String {
    format!("d{:x}{:04x}", now_ms() as u64, (js_sys::Math::random() * 65535.0) as u32)
}

impl AppState {
    /// Loads preferences and the current draft (migrating the first release's draft),
    /// reporting anything that could not be read.
    pub fn init() -> AppState {
        let lang = store::load_prefs()
            .and_then(|p| p.get("lang").and_then(|l| l.as_str()).map(Lang::from_code))
            .unwrap_or_default();
        let state = AppState {
            lang: RwSignal::new(lang),
            draft: RwSignal::new(fresh_draft()),
            save_state: RwSignal::new(SaveState::Saved),
            notices: RwSignal::new(Vec::new()),
            drafts_open: RwSignal::new(false),
            drafts_version: RwSignal::new(0),
            base_rev: StoredValue::new(0),
            save_generation: StoredValue::new(0),
            next_notice: StoredValue::new(1),
        };
        if !store::available() {
            state.notify(NoticeKind::Error, "storage_off", "notice.storage_off", None);
            state.save_state.set(SaveState::Failed(StoreError::Unavailable));
            return state;
        }
        let mut loaded: Option<Draft> = None;
        match store::migrate_legacy(&new_id()) {
            Some(Ok(d)) => {
                state.notify(NoticeKind::Info, "migrated", "notice.migrated", None);
                loaded = Some(d);
            }
            Some(Err(_)) => state.report_broken(),
            None => {}
        }
        if loaded.is_none() {
            let current = store::current_id().and_then(|id| store::load_draft(&id));
            loaded = match current {
                Some(DraftEntry::Ok(d)) => Some(d),
                Some(DraftEntry::Broken { .. }) => {
                    state.report_broken();
                    None
                }
                None => store::list_drafts().into_iter().find_map(|e| match e {
                    DraftEntry::Ok(d) => Some(d),
                    DraftEntry::Broken { .. } => None,
                }),
            };
        }
        if store::list_drafts().iter().any(|e| matches!(e, DraftEntry::Broken { .. })) {
            state.report_broken();
        }
        if let Some(d) = loaded {
            state.base_rev.set_value(d.rev);
            let _ = store::set_current_id(&d.id);
            state.draft.set(d);
        }
        state
    }

    fn report_broken(&self) {
        let msg = format!(
            "{}：{}",
            crate::i18n::t(Lang::Zh, "notice.broken_draft"),
            crate::i18n::t(Lang::Zh, "notice.broken_kept")
        );
        let en = format!(
            "{}: {}",
            crate::i18n::t(Lang::En, "notice.broken_draft"),
            crate::i18n::t(Lang::En, "notice.broken_kept")
        );
        self.push_notice(NoticeKind::Warning, "broken", msg, en, None);
    }

    /// Shows a notice whose text is a message-table key.
    pub fn notify(&self, kind: NoticeKind, tag: &'static str, key: &str, action: Option<NoticeAction>) {
        let zh = crate::i18n::t(Lang::Zh, key).to_string();
        let en = crate::i18n::t(Lang::En, key).to_string();
        self.push_notice(kind, tag, zh, en, action);
    }

    pub fn push_notice(
        &self,
        kind: NoticeKind,
        tag: &'static str,
        zh: String,
        en: String,
        action: Option<NoticeAction>,
    ) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|v| {
            v.retain(|n| n.tag != tag);
            v.push(Notice { id, kind, zh, en, action, tag });
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|v| v.retain(|n| n.id != id));
    }

    /// Changes the draft and schedules a save.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
        self.schedule_save();
    }

    /// Saves 400 ms after the last change (typing does not write on every key).
    pub fn schedule_save(&self) {
        let gen = self.save_generation.get_value() + 1;
        self.save_generation.set_value(gen);
        self.save_state.set(SaveState::Pending);
        let this = *self;
        set_timeout(
            move || {
                if this.save_generation.get_value() == gen {
                    this.save_now();
                }
            },
            Duration::from_millis(400),
        );
    }

    /// Writes the draft now, unless another tab saved it since we last did.
    pub fn save_now(&self) {
        if matches!(self.save_state.get_untracked(), SaveState::Saved) {
            return;
        }
        let mut d = self.draft.get_untracked();
        if let Some(stored) = store::stored_rev(&d.id) {
            if stored > self.base_rev.get_value() {
                self.notify(NoticeKind::Warning, "other_tab", "notice.other_tab", Some(NoticeAction::OtherTab));
                self.save_state.set(SaveState::Pending);
                return;
            }
        }
        d.rev = self.base_rev.get_value() + 1;
        d.updated_ms = now_ms();
        match store::save_draft(&d) {
            Ok(()) => {
                self.base_rev.set_value(d.rev);
                let _ = store::set_current_id(&d.id);
                self.draft.update_untracked(|cur| {
                    cur.rev = d.rev;
                    cur.updated_ms = d.updated_ms;
                });
                self.save_state.set(SaveState::Saved);
                self.drafts_version.update(|v| *v += 1);
            }
            Err(e) => {
                if e == StoreError::Full {
                    self.notify(NoticeKind::Error, "full", "notice.storage_full_draft", None);
                }
                self.save_state.set(SaveState::Failed(e));
            }
        }
    }

    /// Another tab wrote our draft key: tell the user (unless it is our own write).
    pub fn on_storage_event(&self, key: &str) {
        let id = self.draft.with_untracked(|d| d.id.clone());
        if !key.ends_with(&format!(":draft:{id}")) {
            self.drafts_version.update(|v| *v += 1);
            return;
        }
        if store::stored_rev(&id).is_some_and(|r| r > self.base_rev.get_value()) {
            self.notify(NoticeKind::Warning, "other_tab", "notice.other_tab", Some(NoticeAction::OtherTab));
        }
    }

    /// Conflict resolution: take the other tab's version of this draft.
    pub fn load_theirs(&self) {
        let id = self.draft.with_untracked(|d| d.id.clone());
        self.open_draft(&id);
    }

    /// Conflict resolution: keep what this tab has, as a new draft beside theirs.
    pub fn keep_mine_as_copy(&self) {
        let mut d = self.draft.get_untracked();
        d.id = new_id();
        d.rev = 0;
        d.name = format!("{}（副本）", d.display_name());
        self.base_rev.set_value(0);
        self.draft.set(d);
        self.save_state.set(SaveState::Pending);
        self.save_now();
    }

    pub fn new_draft(&self) {
        self.save_now();
        let mut d = Draft::new(new_id());
        // A new draft keeps the year and profile the user works with.
        self.draft.with_untracked(|cur| {
            d.context.year = cur.context.year;
            d.context.profile = cur.context.profile.clone();
            d.context.level = cur.context.level;
        });
        self.base_rev.set_value(0);
        self.draft.set(d);
        self.save_state.set(SaveState::Pending);
        self.save_now();
    }

    /// Loads the demo town into a draft of its own: this draft when it is blank, else a new
    /// one (keeping the year and profile). Returns the new draft's id when it made one.
    pub fn start_demo(&self, today: chrono::NaiveDate) -> Option<String> {
        let made = if self.draft.with_untracked(Draft::is_blank) {
            None
        } else {
            self.new_draft();
            Some(self.draft.with_untracked(|d| d.id.clone()))
        };
        // the demo is loaded from the import screen: stay there in the new draft
        self.edit(|d| {
            d.become_demo(today);
            d.step = super::draft::Step::Import;
        });
        self.save_now();
        self.drafts_version.update(|v| *v += 1);
        made
    }

    /// Leaves the demo's draft for a new one for real files (year and profile kept, not the
    /// demo's context), and says so; the demo stays in its own draft. Returns the new id.
    pub fn leave_demo(&self) -> String {
        let demo_name = self.draft.with_untracked(Draft::display_name);
        self.save_now();
        let mut d = Draft::new(new_id());
        self.draft.with_untracked(|cur| {
            d.context.year = cur.context.year;
            d.context.profile = cur.context.profile.clone();
        });
        d.step = super::draft::Step::Import;
        let id = d.id.clone();
        self.base_rev.set_value(0);
        self.draft.set(d);
        self.save_state.set(SaveState::Pending);
        self.save_now();
        self.drafts_version.update(|v| *v += 1);
        self.push_notice(
            NoticeKind::Info,
            "left_demo",
            format!("您的文件已放入一个新草稿；示例数据仍保留在草稿「{demo_name}」中，不会与您的数据混在一起。"),
            format!("Your files went into a new draft; the demo stays in the draft \"{demo_name}\" and never mixes with your data."),
            None,
        );
        id
    }

    pub fn open_draft(&self, id: &str) {
        if let Some(DraftEntry::Ok(d)) = store::load_draft(id) {
            self.base_rev.set_value(d.rev);
            let _ = store::set_current_id(id);
            self.draft.set(d);
            self.save_state.set(SaveState::Saved);
            self.notices.update(|v| v.retain(|n| n.tag != "other_tab"));
        }
    }

    pub fn rename_draft(&self, id: &str, name: &str) {
        if self.draft.with_untracked(|d| d.id == id) {
            self.edit(|d| d.name = name.trim().to_string());
        } else if let Some(DraftEntry::Ok(mut d)) = store::load_draft(id) {
            d.name = name.trim().to_string();
            d.rev += 1;
            let _ = store::save_draft(&d);
            self.drafts_version.update(|v| *v += 1);
        }
    }

    pub fn delete_draft(&self, id: &str) {
        store::delete_draft(id);
        if self.draft.with_untracked(|d| d.id == id) {
            let next = store::list_drafts().into_iter().find_map(|e| match e {
                DraftEntry::Ok(d) => Some(d.id),
                _ => None,
            });
            match next {
                Some(n) => self.open_draft(&n),
                None => {
                    self.base_rev.set_value(0);
                    self.draft.set(fresh_draft());
                    self.save_state.set(SaveState::Saved);
                }
            }
        }
        self.drafts_version.update(|v| *v += 1);
    }

    /// 清除本机数据: removes every key we stored and starts afresh.
    pub fn clear_all(&self) -> usize {
        let n = store::clear_all();
        self.base_rev.set_value(0);
        self.draft.set(fresh_draft());
        self.save_state.set(SaveState::Saved);
        self.notices.set(Vec::new());
        self.drafts_version.update(|v| *v += 1);
        self.notify(NoticeKind::Info, "cleared", "app.cleared", None);
        n
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        let _ = store::save_prefs(&serde_json::json!({ "lang": lang.code() }));
    }
}
