//! The tags of one activity row, holiday suggestions by date, and the activity key.
//!
//! Where tags come from (indicators.md §3), decided per ROW:
//! - themes: the 活动主题 cell; when that cell is empty (or the column is absent, which
//!   leaves every cell empty) they are inferred from 活动名称 and marked inferred. A
//!   filled cell that names no known theme gives no theme: the clerk's cell wins over a
//!   guess from the name ([`TagDict::unmatched`] lets the caller report the cell).
//! - teams: likewise from the 服务队 cell, else inferred from the name.
//! - holidays: the 节庆日 cell; when it names no holiday (empty, or 无), the name
//!   (`holiday_from_name`). §3 counts an activity whose cell OR name names a holiday.
//! - an activity within a few days of a holiday that names none is only suggested
//!   ([`near_holiday`]); it counts once the user confirms it, by [`activity_key`].

use crate::calendar::Holiday;
use crate::model::{Activity, Tables};
use crate::tags::dict::TagDict;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What one activity is tagged with; indices into the dictionaries passed to
/// [`tag_activity`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityTags {
    pub themes: Vec<usize>,
    /// The themes were inferred from the activity name (its 活动主题 cell is empty).
    pub themes_inferred: bool,
    pub teams: Vec<usize>,
    /// The teams were inferred from the activity name (its 服务队 cell is empty).
    pub teams_inferred: bool,
    pub holidays: Vec<usize>,
    /// The holidays were found in the activity name (its 节庆日 cell names none).
    pub holiday_from_name: bool,
}

/// Tags `a` against the three dictionaries (see the module doc for where each comes from).
pub fn tag_activity(
    tables: &Tables,
    a: &Activity,
    themes: &TagDict,
    teams: &TagDict,
    holidays: &TagDict,
) -> ActivityTags {
    let name = tables.so(a.name);
    let (themes, themes_inferred) = cell_else_name(themes, tables.so(a.theme), name);
    let (teams, teams_inferred) = cell_else_name(teams, tables.so(a.team), name);
    let from_cell = holidays.matches(tables.so(a.holiday));
    let (holidays, holiday_from_name) = if from_cell.is_empty() {
        let from_name = holidays.matches(name);
        let found = !from_name.is_empty();
        (from_name, found)
    } else {
        (from_cell, false)
    };
    ActivityTags { themes, themes_inferred, teams, teams_inferred, holidays, holiday_from_name }
}

/// Tags of the cell; if the cell is blank, tags of the name, marked inferred when any.
fn cell_else_name(dict: &TagDict, cell: &str, name: &str) -> (Vec<usize>, bool) {
    if cell.trim().is_empty() {
        let found = dict.matches(name);
        let inferred = !found.is_empty();
        (found, inferred)
    } else {
        (dict.matches(cell), false)
    }
}

/// The holiday a text names (the first one named, reading left to right), as an index
/// into `dict`.
pub fn holiday_named(text: &str, dict: &TagDict) -> Option<usize> {
    dict.hits(text).first().map(|h| h.tag)
}

/// The holiday nearest to `date` if it is at most `within_days` days away (either side;
/// the day itself counts): the suggestion for an activity that names no holiday. On a tie
/// the earlier holiday in `holidays` wins. `None` for a negative `within_days`.
pub fn near_holiday(date: NaiveDate, holidays: &[Holiday], within_days: i64) -> Option<&Holiday> {
    holidays
        .iter()
        .map(|h| (h, (h.date - date).num_days().abs()))
        .filter(|&(_, gap)| gap <= within_days)
        .min_by_key(|&(_, gap)| gap)
        .map(|(h, _)| h)
}

/// The key a confirmation is kept under (`Context::confirmed_holidays`):
/// `station|YYYY-MM-DD|name`, each part trimmed; a missing part is empty
/// (`新桥社区||端午包粽子` for an activity without a readable date).
pub fn activity_key(tables: &Tables, a: &Activity) -> String {
    let date = a.date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    format!("{}|{}|{}", tables.so(a.station).trim(), date, tables.so(a.name).trim())
}
