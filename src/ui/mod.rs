//! Leptos components. Each file is one screen or one widget; they render state and call
//! methods of `crate::state` (`AppState`, `DataState`), nothing else. No component talks to
//! the engine: every request goes through a `DataState` method (`state/engine_calls.rs`),
//! and files are saved through `state::download`. They may use the domain's pure functions
//! and types (labels, number and date phrasing) to render what the state holds.
pub mod app;
pub mod context_form;
pub mod drafts;
pub mod export_screen;
pub mod finding_counts;
pub mod fmt;
pub mod icon;
pub mod import_screen;
pub mod matrix_panel;
pub mod matrix_sheet_panel;
pub mod notices;
pub mod profile_editor;
pub mod scorecard;
pub mod topbar;
pub mod town_panel;
pub mod update_banner;
pub mod year_banner;

use crate::i18n::{t, Lang};
use crate::state::AppState;
use leptos::prelude::*;

/// `tr("key")`: a reactive closure giving the text of `key` in the current language.
pub fn tr(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = expect_context::<AppState>().lang;
    move || t(lang.get(), key)
}

/// The current language, reactively.
pub fn lang() -> Lang {
    expect_context::<AppState>().lang.get()
}

/// The colon after a label: full-width in Chinese, `: ` in English (a view child, reactive).
pub fn colon() -> &'static str {
    if lang() == Lang::Zh {
        "："
    } else {
        ": "
    }
}

/// Punctuation by language, for text the page puts together: a list separator (、 / , ),
/// a clause separator (； / ; ), a colon, and a count in brackets (（3） / (3)).
pub struct Punct(pub Lang);

impl Punct {
    pub fn sep(&self) -> &'static str {
        self.0.pick("、", ", ")
    }
    pub fn semi(&self) -> &'static str {
        self.0.pick("；", "; ")
    }
    pub fn colon(&self) -> &'static str {
        self.0.pick("：", ": ")
    }
    pub fn comma(&self) -> &'static str {
        self.0.pick("，", ", ")
    }
    pub fn paren(&self, inner: impl std::fmt::Display) -> String {
        match self.0 {
            Lang::Zh => format!("（{inner}）"),
            Lang::En => format!(" ({inner})"),
        }
    }
}

/// [`Punct`] of the current language, reactively.
pub fn punct() -> Punct {
    Punct(lang())
}
