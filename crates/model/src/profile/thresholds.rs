//! The editable numbers of a rule, as a flat list: what a custom-profile editor shows.
//! Each threshold has a stable key within its indicator (`min`, `hours`, `theme:关爱残疾人`,
//! `unit:school`, `part:D4.2:min` …), a label, a kind and a value; [`set`] writes one back.

use crate::profile::indicator::Rule;
use crate::profile::share::Share;
use crate::profile::Profile;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdKind {
    /// A share shown and typed as a percentage (13 for 13 %).
    Percent,
    Hours,
    /// A whole number of activities, trainings, teams …
    Count,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub kind: ThresholdKind,
    /// Percent for `Percent` (13.0), hours, or the count.
    pub value: f64,
}

fn pct(key: &str, zh: &str, en: &str, s: Share) -> Threshold {
    Threshold {
        key: key.into(),
        label_zh: zh.into(),
        label_en: en.into(),
        kind: ThresholdKind::Percent,
        value: s.fraction() * 100.0,
    }
}

fn hours(key: &str, zh: &str, en: &str, h: f64) -> Threshold {
    Threshold { key: key.into(), label_zh: zh.into(), label_en: en.into(), kind: ThresholdKind::Hours, value: h }
}

fn count(key: &str, zh: &str, en: &str, n: u32) -> Threshold {
    Threshold {
        key: key.into(),
        label_zh: zh.into(),
        label_en: en.into(),
        kind: ThresholdKind::Count,
        value: f64::from(n),
    }
}

/// The thresholds of one rule (parts of a composite carry a `part:ID:` prefix).
pub fn list(rule: &Rule) -> Vec<Threshold> {
    match rule {
        Rule::RegisteredShare { min, .. }
        | Rule::RecordShare { min }
        | Rule::PartyRecordShare { min }
        | Rule::ParticipantShare { min, .. } => vec![pct("min", "比例不低于", "at least", *min)],
        Rule::UnitRegisteredShare { targets } => targets
            .iter()
            .map(|t| {
                let key = format!("unit:{}", t.unit_type.code());
                pct(&key, t.unit_type.label_zh(), t.unit_type.label_en(), t.min)
            })
            .collect(),
        Rule::HoursPerHead { hours: h } => vec![hours("hours", "人均时长（小时/年）", "hours per head a year", *h)],
        Rule::HeadsReachingHours { hours: h, min, .. } => {
            vec![
                hours("hours", "每人时长（小时/年）", "hours each a year", *h),
                pct("min", "达到的比例", "share reaching it", *min),
            ]
        }
        Rule::TrainingsPerPeriod { min, .. } => vec![count("min", "每期培训次数", "trainings per period", *min)],
        Rule::ActivitiesPerPeriod { min, .. } => vec![count("min", "每期活动次数", "activities per period", *min)],
        Rule::TeamsPerPeriod { min, .. } => {
            vec![count("min", "每支队伍每期活动次数", "activities per team per period", *min)]
        }
        Rule::KeyDays { min, .. } => vec![count("min", "每个纪念日活动次数", "activities on each key day", *min)],
        Rule::DistinctTeams { min } => vec![count("min", "不同专业队伍数", "distinct team kinds", *min)],
        Rule::HolidayActivities { min } => vec![count("min", "节庆日活动次数", "holiday activities", *min)],
        Rule::ThemeCoverage { themes } => {
            themes.iter().map(|t| count(&format!("theme:{}", t.theme), &t.theme, &t.theme, t.min)).collect()
        }
        Rule::AllOf { parts } => parts
            .iter()
            .flat_map(|p| {
                list(&p.rule).into_iter().map(move |mut t| {
                    t.key = format!("part:{}:{}", p.id, t.key);
                    t.label_zh = format!("{}：{}", p.label_zh, t.label_zh);
                    t.label_en = format!("{}: {}", p.label_en, t.label_en);
                    t
                })
            })
            .collect(),
        Rule::ThemeCalendar { .. } | Rule::Materials | Rule::Checklist { .. } => Vec::new(),
    }
}

/// Why a value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetError {
    UnknownIndicator,
    UnknownKey,
    /// Out of range for its kind (percent 0–100, hours 0–8,784, counts 0–10,000).
    OutOfRange,
}

fn as_share(v: f64) -> Result<Share, SetError> {
    if (0.0..=100.0).contains(&v) {
        Share::from_fraction(v / 100.0).ok_or(SetError::OutOfRange)
    } else {
        Err(SetError::OutOfRange)
    }
}

fn as_count(v: f64) -> Result<u32, SetError> {
    if v.is_finite() && (0.0..=10_000.0).contains(&v) && v.fract() == 0.0 {
        Ok(v as u32)
    } else {
        Err(SetError::OutOfRange)
    }
}

fn as_hours(v: f64) -> Result<f64, SetError> {
    if v.is_finite() && (0.0..=8_784.0).contains(&v) {
        Ok(v)
    } else {
        Err(SetError::OutOfRange)
    }
}

fn set_rule(rule: &mut Rule, key: &str, v: f64) -> Result<(), SetError> {
    match (rule, key) {
        (
            Rule::RegisteredShare { min, .. }
            | Rule::RecordShare { min }
            | Rule::PartyRecordShare { min }
            | Rule::ParticipantShare { min, .. }
            | Rule::HeadsReachingHours { min, .. },
            "min",
        ) => *min = as_share(v)?,
        (Rule::HoursPerHead { hours } | Rule::HeadsReachingHours { hours, .. }, "hours") => *hours = as_hours(v)?,
        (
            Rule::TrainingsPerPeriod { min, .. }
            | Rule::ActivitiesPerPeriod { min, .. }
            | Rule::TeamsPerPeriod { min, .. }
            | Rule::KeyDays { min, .. }
            | Rule::DistinctTeams { min }
            | Rule::HolidayActivities { min },
            "min",
        ) => *min = as_count(v)?,
        (Rule::UnitRegisteredShare { targets }, k) if k.starts_with("unit:") => {
            let code = &k[5..];
            let t = targets.iter_mut().find(|t| t.unit_type.code() == code).ok_or(SetError::UnknownKey)?;
            t.min = as_share(v)?;
        }
        (Rule::ThemeCoverage { themes }, k) if k.starts_with("theme:") => {
            let name = &k[6..];
            let t = themes.iter_mut().find(|t| t.theme == name).ok_or(SetError::UnknownKey)?;
            t.min = as_count(v)?;
        }
        (Rule::AllOf { parts }, k) if k.starts_with("part:") => {
            let rest = &k[5..];
            let (id, inner) = rest.split_once(':').ok_or(SetError::UnknownKey)?;
            let p = parts.iter_mut().find(|p| p.id == id).ok_or(SetError::UnknownKey)?;
            return set_rule(&mut p.rule, inner, v);
        }
        _ => return Err(SetError::UnknownKey),
    }
    Ok(())
}

/// Sets threshold `key` of indicator `indicator` to `value` (in the kind's unit).
pub fn set(profile: &mut Profile, indicator: &str, key: &str, value: f64) -> Result<(), SetError> {
    let ind = profile.indicators.iter_mut().find(|i| i.id == indicator).ok_or(SetError::UnknownIndicator)?;
    set_rule(&mut ind.rule, key, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::builtin;

    #[test]
    fn every_builtin_threshold_can_be_listed_and_set_back() {
        for mut p in crate::profile::builtins() {
            let ids: Vec<String> = p.indicators.iter().map(|i| i.id.clone()).collect();
            for id in ids {
                let list = list(&p.indicator(&id).unwrap().rule);
                for t in list {
                    // Writing the listed value back changes nothing …
                    let before = p.clone();
                    set(&mut p, &id, &t.key, t.value).unwrap_or_else(|e| panic!("{} {id} {}: {e:?}", p.id, t.key));
                    assert_eq!(p, before, "{} {id} {}", p.id, t.key);
                }
            }
        }
    }

    #[test]
    fn edits_land_where_the_key_says() {
        let mut p = builtin("xindu2017-town").unwrap();
        set(&mut p, "X1", "min", 15.0).unwrap();
        assert_eq!(list(&p.indicator("X1").unwrap().rule)[0].value, 15.0);
        set(&mut p, "X3", "hours", 30.0).unwrap();
        assert_eq!(list(&p.indicator("X3").unwrap().rule)[0].value, 30.0);
        set(&mut p, "X6", "theme:关爱残疾人", 3.0).unwrap();
        let x6 = list(&p.indicator("X6").unwrap().rule);
        assert_eq!(x6.iter().find(|t| t.key == "theme:关爱残疾人").unwrap().value, 3.0);
        assert_eq!(set(&mut p, "X1", "min", 120.0), Err(SetError::OutOfRange));
        assert_eq!(set(&mut p, "X5", "min", 2.5), Err(SetError::OutOfRange));
        assert_eq!(set(&mut p, "X5", "hours", 2.0), Err(SetError::UnknownKey));
        assert_eq!(set(&mut p, "Z9", "min", 2.0), Err(SetError::UnknownIndicator));
        let mut d = builtin("xindu2017-dept").unwrap();
        let d4 = list(&d.indicator("D4").unwrap().rule);
        assert!(d4.iter().any(|t| t.key.starts_with("part:") && t.kind == ThresholdKind::Hours), "{d4:?}");
        let key = d4.iter().find(|t| t.kind == ThresholdKind::Hours).unwrap().key.clone();
        set(&mut d, "D4", &key, 20.0).unwrap();
        assert!(list(&d.indicator("D4").unwrap().rule).iter().any(|t| t.key == key && t.value == 20.0));
        let mut c = builtin("civilised-city").unwrap();
        set(&mut c, "C2", "unit:school", 75.0).unwrap();
        assert!(list(&c.indicator("C2").unwrap().rule)
            .iter()
            .any(|t| t.key == "unit:school" && (t.value - 75.0).abs() < 1e-9));
    }
}
