//! `scorecard profiles [--format json|text]`: the built-in profiles and their indicators.
//! JSON is the full profiles (the same format a custom profile is exported in).

use crate::Format;
use scorecard_domain::profile::builtins;

pub(crate) fn run(format: Format) -> i32 {
    let list = builtins();
    match format {
        Format::Json => crate::out::line(&serde_json::to_string_pretty(&list).unwrap_or_default()),
        Format::Text => {
            for p in &list {
                crate::out::line(&format!("{}  {} / {}", p.id, p.name_zh, p.name_en));
                for i in &p.indicators {
                    let bonus = if i.bonus { " ［加分项］" } else { "" };
                    crate::out::line(&format!("  {:<4} {}{}  — {}", i.id, i.label_zh, bonus, i.source.cite()));
                }
                crate::out::line("");
            }
        }
    }
    0
}
