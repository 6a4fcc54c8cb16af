//! The draft: everything the user entered for one assessment, saved in the browser.
//!
//! Invariant: a stored draft is never silently discarded. `migrate` turns any older schema
//! into the current one; text that does not parse is reported and kept as it was.
//! Pure (no browser calls), so migrations are tested natively.

use scorecard_domain::Context;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Version of the draft schema. Bump it and add a step to [`migrate`] when the shape changes.
pub const DRAFT_VERSION: u32 = 2;

/// Which screen the user was on, restored after reload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Context,
    Import,
    Scorecard,
    Export,
}

/// A file the user imported: kept so we can ask for the same files again when the rows
/// themselves did not fit in storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileMeta {
    pub name: String,
    pub size: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub version: u32,
    pub id: String,
    /// The name shown in the draft list (defaults to organisation + year).
    pub name: String,
    /// Milliseconds since the epoch of the last save.
    pub updated_ms: f64,
    /// Increases on every save; another tab's newer save of the same draft is detected by it.
    pub rev: u64,
    pub step: Step,
    pub context: Context,
    /// Files imported into this draft (names and sizes; the bytes are not stored).
    pub files: Vec<FileMeta>,
    /// Hand choices made on the import screen (role, header row, column mapping), as the
    /// importer's own serialised options, so they survive schema changes of the UI.
    pub import_options: Value,
    /// What was typed into a form field that did not parse yet (key → text), so a
    /// half-typed value survives a reload instead of being lost.
    pub inputs: std::collections::BTreeMap<String, String>,
    /// The demo town's draft (载入示例数据): real files dropped on it go to a new draft, so
    /// nothing real is ever scored under the demo's name or context.
    pub demo: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            version: DRAFT_VERSION,
            id: String::new(),
            name: String::new(),
            updated_ms: 0.0,
            rev: 0,
            step: Step::Context,
            context: Context::default(),
            files: Vec::new(),
            import_options: Value::Null,
            inputs: Default::default(),
            demo: false,
        }
    }
}

impl Draft {
    pub fn new(id: String) -> Self {
        Draft { id, ..Draft::default() }
    }

    /// True when nothing was entered: no files, no hand choices, a context as a new draft
    /// has it (its year, profile and level aside), nothing half-typed. Such a draft can
    /// become the demo's without losing anything.
    pub fn is_blank(&self) -> bool {
        let c = &self.context;
        let fresh = Context { year: c.year, profile: c.profile.clone(), level: c.level, ..Context::default() };
        self.files.is_empty()
            && self.import_options.is_null()
            && self.inputs.is_empty()
            && self.name.trim().is_empty()
            && !self.demo
            && *c == fresh
    }

    /// Makes this (blank) draft the demo town's: its context filled for the demo, its name
    /// saying it is the demo.
    pub fn become_demo(&mut self, today: chrono::NaiveDate) {
        self.demo = true;
        self.fill_demo(today);
        self.name.clear();
    }

    /// [`Draft::display_name`] in one language: an unnamed draft is "Untitled draft 2017"
    /// in English (a name the clerk gave, or an organisation, reads as written).
    pub fn display_name_in(&self, zh: bool) -> String {
        if zh || !self.name.trim().is_empty() || !self.context.organisation.trim().is_empty() && !self.demo {
            return self.display_name();
        }
        if self.demo {
            format!("Demo town (sample data) {}", self.context.year)
        } else {
            format!("Untitled draft {}", self.context.year)
        }
    }

    /// The name to show: the one given, else "organisation year", else "未命名草稿".
    pub fn display_name(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.clone();
        }
        let org = self.context.organisation.trim();
        if org.is_empty() {
            format!("未命名草稿 {}", self.context.year)
        } else {
            format!("{org} {}", self.context.year)
        }
    }

    /// Scores year `year` instead (the data's year, offered when it differs): an as-of date
    /// of another year goes, since it would be clamped to a year end the user never chose.
    pub fn use_year(&mut self, year: i32) {
        self.context.year = year;
        self.inputs.remove("year");
        if self.context.as_of.is_some_and(|d| chrono::Datelike::year(&d) != year) {
            self.context.as_of = None;
            self.inputs.remove("as_of");
        }
    }

    /// Fills the context for the demo town (载入示例数据) where the user left it blank. A
    /// field the demo fills drops the text kept for it (e.g. an unreadable "abc"), so the
    /// form shows the number that is now used.
    pub fn fill_demo(&mut self, today: chrono::NaiveDate) {
        let before = (self.context.population, self.context.staff, self.context.as_of);
        scorecard_domain::samples::fill_demo_context(&mut self.context, today);
        if self.context.as_of != before.2 {
            self.inputs.remove("as_of");
        }
        if self.context.population != before.0 {
            self.inputs.remove("population");
        }
        if self.context.staff != before.1 {
            self.inputs.remove("staff");
        }
    }
}

/// Why a stored draft could not be loaded. The raw text is kept by the caller.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftError {
    /// Not JSON at all (truncated, edited by hand, another app's data).
    NotJson(String),
    /// JSON, but from a schema newer than this app knows (opened in an older copy of the app).
    TooNew(u32),
    /// JSON of a known version that does not have the expected shape.
    BadShape(String),
}

impl DraftError {
    pub fn message_zh(&self) -> String {
        match self {
            DraftError::NotJson(e) => format!("内容已损坏，不是有效的数据（{e}）"),
            DraftError::TooNew(v) => format!("由更新版本的自评台保存（第 {v} 版格式），请使用最新版打开"),
            DraftError::BadShape(e) => format!("格式与预期不符（{e}）"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            DraftError::NotJson(e) => format!("the content is corrupted and is not valid data ({e})"),
            DraftError::TooNew(v) => {
                format!("it was saved by a newer version of the app (format {v}); open it with the latest version")
            }
            DraftError::BadShape(e) => format!("it does not have the expected shape ({e})"),
        }
    }
}

/// Parses stored draft text of any known version into the current [`Draft`].
pub fn parse(raw: &str) -> Result<Draft, DraftError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| DraftError::NotJson(e.to_string()))?;
    migrate(value)
}

/// Brings a stored draft of any earlier version up to [`DRAFT_VERSION`], one step at a time.
pub fn migrate(mut value: Value) -> Result<Draft, DraftError> {
    if !value.is_object() {
        return Err(DraftError::BadShape("not an object".into()));
    }
    let mut version = value.get("version").and_then(Value::as_u64).unwrap_or(1) as u32;
    if version > DRAFT_VERSION {
        return Err(DraftError::TooNew(version));
    }
    while version < DRAFT_VERSION {
        value = match version {
            1 => v1_to_v2(value),
            _ => return Err(DraftError::BadShape(format!("unknown version {version}"))),
        };
        version += 1;
    }
    // Read back from text, as every other message is: `from_value` would compile a second
    // reader (serde_json's `Value` deserializer) of every type in a draft into the wasm.
    serde_json::from_str(&value.to_string()).map_err(|e| DraftError::BadShape(e.to_string()))
}

/// v1 (the first release) stored one draft `{version:1, context:{…}}` under `vscore:v1:draft`.
/// v2 adds id, name, rev, step, files and import options; the context is unchanged.
fn v1_to_v2(v1: Value) -> Value {
    let context = v1.get("context").cloned().unwrap_or(Value::Null);
    serde_json::json!({
        "version": 2,
        "id": "",
        "name": "",
        "context": context,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a draft with nothing entered becomes the demo's; anything typed, imported or
    /// half-typed keeps it the clerk's (the demo then gets a new draft).
    #[test]
    fn only_a_blank_draft_becomes_the_demo() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut d = Draft::new("a".into());
        d.context.year = 2025;
        d.context.profile = "town2021".into();
        assert!(d.is_blank(), "year and profile are a new draft's own");
        let mut typed = d.clone();
        typed.context.population = Some(9_000);
        assert!(!typed.is_blank());
        let mut half = d.clone();
        half.inputs.insert("population".into(), "九千".into());
        assert!(!half.is_blank());
        let mut files = d.clone();
        files.files.push(FileMeta { name: "名册.xlsx".into(), size: 10 });
        assert!(!files.is_blank());
        d.become_demo(today);
        assert!(d.demo && !d.is_blank());
        assert_eq!(d.context.organisation, "示例镇（演示数据）");
        assert_eq!(d.display_name(), "示例镇（演示数据） 2025");
        assert_eq!(d.display_name_in(false), "Demo town (sample data) 2025");
        assert_eq!(Draft::new("b".into()).display_name_in(false), "Untitled draft 2017");
        assert_eq!(d.context.profile, "town2021", "the profile stays");
    }

    #[test]
    fn the_demo_fills_blanks_and_replaces_unreadable_text_it_fills() {
        let mut d = Draft::new("d1".into());
        d.context.population = Some(9_000);
        d.inputs.insert("population".into(), "9000".into());
        d.inputs.insert("staff".into(), "abc".into());
        d.inputs.insert("as_of".into(), "昨天".into());
        d.context.year = 2024;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut now = d.clone();
        now.context.year = 2026;
        d.fill_demo(today);
        assert_eq!(
            d.context.as_of,
            chrono::NaiveDate::from_ymd_opt(2024, 12, 31),
            "a past year's demo runs to its end"
        );
        assert_eq!(d.inputs.get("as_of"), None, "the unreadable date gives way to the demo's");
        now.fill_demo(today);
        assert_eq!(now.context.as_of, None, "this year's demo ends today, the blank as-of date");
        assert_eq!(now.inputs.get("as_of").map(String::as_str), Some("昨天"), "nothing replaced the user's text");
        assert_eq!(
            (d.context.population, d.context.staff),
            (Some(9_000), Some(scorecard_domain::samples::demo::DEMO_STAFF))
        );
        assert_eq!(d.inputs.get("population").map(String::as_str), Some("9000"), "the user's number stays");
        assert_eq!(d.inputs.get("staff"), None, "the unreadable text gives way to the demo's number");
        assert_eq!(d.context.organisation, "示例镇（演示数据）");
    }

    #[test]
    fn using_the_data_year_drops_an_as_of_date_of_another_year() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        let mut d = Draft::new("d1".into());
        d.context.year = 2026;
        d.context.as_of = day(2026, 6, 30);
        d.inputs.insert("year".into(), "二〇二六".into());
        d.use_year(2025);
        assert_eq!((d.context.year, d.context.as_of, d.inputs.get("year")), (2025, None, None));
        d.context.as_of = day(2025, 9, 30);
        d.use_year(2025);
        assert_eq!(d.context.as_of, day(2025, 9, 30), "an as-of date in the year stays");
    }

    #[test]
    fn v1_draft_migrates_keeping_the_context() {
        let v1 = r#"{"version":1,"context":{"organisation":"新繁镇","level":"station","year":2017}}"#;
        let d = parse(v1).unwrap();
        assert_eq!(d.version, 2);
        assert_eq!(d.context.organisation, "新繁镇");
        assert_eq!(d.context.level, scorecard_domain::Level::Station);
        assert_eq!(d.step, Step::Context);
        assert_eq!(d.display_name(), "新繁镇 2017");
    }

    #[test]
    fn current_draft_round_trips() {
        let mut d = Draft::new("d1".into());
        d.name = "新桥社区 2025".into();
        d.rev = 7;
        d.files.push(FileMeta { name: "名册.xlsx".into(), size: 1234 });
        let back = parse(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn bad_text_is_an_error_never_a_default() {
        assert!(matches!(parse("{\"version\":2,"), Err(DraftError::NotJson(_))));
        assert_eq!(parse(r#"{"version":9}"#), Err(DraftError::TooNew(9)));
        assert!(matches!(parse("[1,2]"), Err(DraftError::BadShape(_))));
        assert!(matches!(parse(r#"{"version":2,"context":{"year":"x"}}"#), Err(DraftError::BadShape(_))));
        assert!(DraftError::TooNew(9).message_zh().contains("第 9 版"));
    }
}
