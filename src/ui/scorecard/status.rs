//! How a status looks: an icon and words, never colour alone.
use scorecard_domain::score::{Status, Unit};

pub fn icon(s: Status) -> &'static str {
    match s {
        Status::Met => "✔",
        Status::OnTrack => "↗",
        Status::InProgress => "…",
        Status::NeedsInput => "✎",
        Status::Behind => "↘",
        Status::NotMet => "✘",
    }
}

pub fn key(s: Status) -> &'static str {
    match s {
        Status::Met => "status.met",
        Status::OnTrack => "status.on_track",
        Status::InProgress => "status.in_progress",
        Status::NeedsInput => "status.needs_input",
        Status::Behind => "status.behind",
        Status::NotMet => "status.not_met",
    }
}

pub fn class(s: Status) -> &'static str {
    match s {
        Status::Met => "st-met",
        Status::OnTrack => "st-on-track",
        Status::InProgress => "st-in-progress",
        Status::NeedsInput => "st-needs-input",
        Status::Behind => "st-behind",
        Status::NotMet => "st-not-met",
    }
}

/// A value in its unit: `13.3%`, `12.5 小时`, `3`, `4/6`.
pub fn value(unit: Unit, v: Option<f64>, lang: crate::i18n::Lang) -> String {
    use crate::ui::fmt::{fmt_hours, fmt_pct};
    let Some(v) = v else { return "—".into() };
    match unit {
        Unit::Ratio => fmt_pct(v),
        Unit::Hours => format!("{} {}", fmt_hours(v), lang.pick("小时", "h")),
        Unit::Count | Unit::Periods | Unit::Items | Unit::Stations => {
            if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                fmt_hours(v)
            }
        }
    }
}
