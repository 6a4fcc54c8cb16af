//! How a [`Rule`] is read from profile JSON: one flat struct of every kind's fields, then
//! checked per kind (why: `crate::wire`). The JSON is the one `Rule` writes.

use crate::profile::indicator::{CheckItem, Denominator, Group, KeyDay, Part, Rule, ThemeMin, ThemeSlot, UnitTarget};
use crate::profile::share::Share;
use crate::wire::{need, unknown, whole};
use serde::Deserialize;

/// Every field any rule kind has. `min` is a share for some kinds and a count for others, so
/// it is read as a number and typed by the kind.
#[derive(Deserialize)]
#[serde(rename = "Rule")] // serde's messages name the type: "expected struct Rule"
pub struct RuleWire {
    kind: String,
    of: Option<Denominator>,
    min: Option<f64>,
    targets: Option<Vec<UnitTarget>>,
    hours: Option<f64>,
    group: Option<Group>,
    filter: Option<Vec<String>>,
    day_of_month: Option<u32>,
    teams: Option<Vec<String>>,
    slots: Option<Vec<ThemeSlot>>,
    days: Option<Vec<KeyDay>>,
    themes: Option<Vec<ThemeMin>>,
    items: Option<Vec<CheckItem>>,
    parts: Option<Vec<Part>>,
}

impl TryFrom<RuleWire> for Rule {
    type Error = String;

    fn try_from(w: RuleWire) -> Result<Rule, String> {
        let share = |min: Option<f64>| need(min, "min").and_then(Share::read);
        let count = |min: Option<f64>| need(min, "min").and_then(whole);
        Ok(match w.kind.as_str() {
            "registered_share" => Rule::RegisteredShare { of: need(w.of, "of")?, min: share(w.min)? },
            "unit_registered_share" => Rule::UnitRegisteredShare { targets: need(w.targets, "targets")? },
            "record_share" => Rule::RecordShare { min: share(w.min)? },
            "party_record_share" => Rule::PartyRecordShare { min: share(w.min)? },
            "participant_share" => Rule::ParticipantShare { of: need(w.of, "of")?, min: share(w.min)? },
            "hours_per_head" => Rule::HoursPerHead { hours: need(w.hours, "hours")? },
            "heads_reaching_hours" => Rule::HeadsReachingHours {
                hours: need(w.hours, "hours")?,
                min: share(w.min)?,
                group: need(w.group, "group")?,
            },
            "trainings_per_period" => {
                Rule::TrainingsPerPeriod { min: count(w.min)?, filter: need(w.filter, "filter")? }
            }
            "activities_per_period" => Rule::ActivitiesPerPeriod { min: count(w.min)?, day_of_month: w.day_of_month },
            "teams_per_period" => Rule::TeamsPerPeriod { min: count(w.min)?, teams: need(w.teams, "teams")? },
            "theme_calendar" => Rule::ThemeCalendar { slots: need(w.slots, "slots")? },
            "key_days" => Rule::KeyDays { min: count(w.min)?, days: need(w.days, "days")? },
            "theme_coverage" => Rule::ThemeCoverage { themes: need(w.themes, "themes")? },
            "distinct_teams" => Rule::DistinctTeams { min: count(w.min)? },
            "holiday_activities" => Rule::HolidayActivities { min: count(w.min)? },
            "materials" => Rule::Materials,
            "checklist" => Rule::Checklist { items: need(w.items, "items")? },
            "all_of" => Rule::AllOf { parts: need(w.parts, "parts")? },
            other => return Err(unknown(other, &Rule::KINDS)),
        })
    }
}
