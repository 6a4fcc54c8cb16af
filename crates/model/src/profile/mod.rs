//! Profiles: the built-in indicator tables of indicators.md §5 as data, and custom copies.
//!
//! A profile is an id, names, its indicator rows and the tag dictionaries its rules refer
//! to (themes, teams). It is serde-serialisable: a user copies a built-in profile
//! ([`Profile::customise`]), edits thresholds and dictionaries, exports it as JSON and
//! imports it again ([`import_json`], which reports problems as data and never panics).
//!
//! Code map: `indicator/` (the row and the rule kinds; `wire.rs`: how a rule is read from
//! JSON), `share.rs` (exact ratio thresholds), `builtin/` (one file per source
//! document), `thresholds.rs` (a rule's editable numbers, for the editor), `validate.rs`
//! (problems of a hand-edited profile). Checklist item keys are the score crate's
//! (`checklist_items`).

pub mod builtin;
pub mod indicator;
pub mod share;
pub mod thresholds;
pub mod validate;

pub use builtin::{builtin, builtins, BUILTIN_IDS, DEFAULT_ID};
pub use indicator::*;
pub use share::Share;
pub use validate::{import_json, validate, ProfileProblem};

use crate::context::Level;
use serde::{Deserialize, Serialize};

/// One entry of a tag dictionary: a theme or team, and the words that also mean it.
/// A tag matches when an activity's text contains its name or one of its aliases (§3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagEntry {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A heading the entry belongs to (梅列2017: 关爱他人 / 关爱社会 / 关爱自然).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

impl TagEntry {
    /// English name, falling back to the Chinese one.
    pub fn en(&self) -> &str {
        if self.name_en.is_empty() {
            &self.name
        } else {
            &self.name_en
        }
    }
}

/// A scoring profile: built in (indicators.md §5) or a user's edited copy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// `xindu2017-town`, …; a custom profile has its own id.
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// For a custom profile: the id of the profile it was copied from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    /// The level the profile assesses (town, department …).
    pub level: Level,
    /// The source document's short name (seeds/README.md).
    pub document: String,
    pub indicators: Vec<Indicator>,
    /// Theme dictionary the rules refer to by name (X6, G1, M1 …).
    #[serde(default)]
    pub themes: Vec<TagEntry>,
    /// Team dictionary (X7's professional team kinds, T1's seven colour teams).
    #[serde(default)]
    pub teams: Vec<TagEntry>,
    /// Ordinary words blanked out before theme matching (they contain an alias but do not
    /// mean the theme).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub theme_ignore: Vec<String>,
    /// Same for teams (环境卫生 contains 卫生 but is not the 医疗卫生 team's work).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team_ignore: Vec<String>,
}

impl Profile {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// A copy to edit: a new id and names, `based_on` set to this profile's id.
    pub fn customise(&self, new_id: &str, name_zh: &str, name_en: &str) -> Profile {
        Profile {
            id: new_id.to_string(),
            name_zh: name_zh.to_string(),
            name_en: name_en.to_string(),
            based_on: Some(self.based_on.clone().unwrap_or_else(|| self.id.clone())),
            ..self.clone()
        }
    }

    /// The profile as pretty JSON (the export format [`import_json`] reads back).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Index of a theme by name.
    pub fn theme_index(&self, name: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.name == name)
    }

    /// Index of a team by name.
    pub fn team_index(&self, name: &str) -> Option<usize> {
        self.teams.iter().position(|t| t.name == name)
    }
}
