//! The six built-in profiles of indicators.md §5, one file per source document.
//! Every number here is the document's; the table test in `crates/domain/tests/domain/profile.rs` checks ids,
//! sources and dictionaries.

mod civilised;
mod guangan;
mod meilie;
mod town2021;
mod xindu;

use crate::profile::indicator::*;
use crate::profile::{Profile, TagEntry};

/// The default profile (新都2017 镇(街道)).
pub const DEFAULT_ID: &str = "xindu2017-town";

/// Built-in profile ids, in the order the UI lists them.
pub const BUILTIN_IDS: [&str; 6] =
    ["xindu2017-town", "xindu2017-dept", "civilised-city", "town2021", "guangan2015", "meilie2017"];

/// The built-in profile with this id.
pub fn builtin(id: &str) -> Option<Profile> {
    match id.trim() {
        "xindu2017-town" => Some(xindu::town()),
        "xindu2017-dept" => Some(xindu::dept()),
        "civilised-city" => Some(civilised::profile()),
        "town2021" => Some(town2021::profile()),
        "guangan2015" => Some(guangan::profile()),
        "meilie2017" => Some(meilie::profile()),
        _ => None,
    }
}

/// All built-in profiles, in [`BUILTIN_IDS`] order.
pub fn builtins() -> Vec<Profile> {
    BUILTIN_IDS.iter().filter_map(|id| builtin(id)).collect()
}

// Small constructors so the tables below read like the catalogue.

fn src(doc: &str, clause: &str, quote: &str) -> Source {
    Source { doc: doc.into(), clause: clause.into(), quote: quote.into() }
}

fn ind(id: &str, zh: &str, en: &str, source: Source, period: PeriodKind, scope: Scope, rule: Rule) -> Indicator {
    Indicator { id: id.into(), label_zh: zh.into(), label_en: en.into(), source, period, scope, bonus: false, rule }
}

fn tag(name: &str, en: &str, aliases: &[&str]) -> TagEntry {
    TagEntry {
        name: name.into(),
        name_en: en.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        group: None,
    }
}

fn grouped(group: &str, name: &str, en: &str, aliases: &[&str]) -> TagEntry {
    TagEntry { group: Some(group.into()), ..tag(name, en, aliases) }
}

fn items(list: &[(&str, &str)]) -> Vec<CheckItem> {
    list.iter().map(|(zh, en)| CheckItem { item: zh.to_string(), label_en: en.to_string() }).collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
