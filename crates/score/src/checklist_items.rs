//! Checklist items: the tick boxes of checklist indicators (X10, X11, C4, C5, G2, G3).
//!
//! Key format, the one place it is defined: the parts that apply, joined by `|`:
//! `INDICATOR[|STATION][|PERIOD][|ITEM]`, e.g. `X10|新桥社区|有队伍`, `X11|激励回馈`,
//! `C4|管理制度`, `G2|2017-03`, `G3|新桥社区`. STATION appears for per-station indicators,
//! PERIOD (`2017-03`, `2017-Q2`) for per-period ones (only periods that have ended by the
//! as-of date are asked), ITEM when the indicator has several items. A `|` inside a
//! station name is written as the full-width `｜` so keys stay unambiguous.
//! The answers live in `Context::checklist` under these keys.

use chrono::NaiveDate;
use scorecard_model::context::Context;
use scorecard_model::model::Tables;
use scorecard_model::profile::indicator::{PeriodKind, Rule, Scope};
use scorecard_model::profile::Profile;
use serde::{Deserialize, Serialize};

/// Builds a checklist key from its parts (see the module doc for the format).
pub fn checklist_key(indicator: &str, station: Option<&str>, period: Option<&str>, item: Option<&str>) -> String {
    let mut key = indicator.trim().to_string();
    for part in [station, period, item].into_iter().flatten() {
        key.push('|');
        key.push_str(&part.trim().replace('|', "｜"));
    }
    key
}

/// One tick box the UI shows, with its current answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub key: String,
    pub indicator: String,
    pub station: Option<String>,
    pub period: Option<String>,
    pub item: Option<String>,
    /// What to tick, for a clerk: "新桥社区：有队伍", "2017-03 月报已报送".
    pub label_zh: String,
    pub label_en: String,
    /// `Some(true)` ticked, `Some(false)` answered no, `None` not answered yet.
    pub answer: Option<bool>,
}

/// Every checklist item `profile` needs for this context and data, in indicator order:
/// per station for per-station indicators (the context's stations, else every station in
/// the data), per ended period for per-period ones.
pub fn checklist_items(profile: &Profile, ctx: &Context, tables: &Tables, today: NaiveDate) -> Vec<ChecklistItem> {
    let as_of = ctx.as_of(today);
    let stations = crate::scope::station_names(ctx, tables);
    let mut out = Vec::new();
    for ind in &profile.indicators {
        let Rule::Checklist { items } = &ind.rule else { continue };
        let station_list: Vec<Option<&str>> = match ind.scope {
            Scope::Whole => vec![None],
            Scope::PerStation => stations.iter().map(|s| Some(s.as_str())).collect(),
        };
        let periods: Vec<Option<String>> = match ind.period {
            PeriodKind::Month | PeriodKind::Quarter => crate::calendar_and_tags::slots(ctx.year, ind.period)
                .into_iter()
                .filter(|s| s.last <= as_of)
                .map(|s| Some(s.label))
                .collect(),
            PeriodKind::None | PeriodKind::Year => vec![None],
        };
        for st in &station_list {
            for per in &periods {
                let mut push = |item: Option<&str>, zh: &str, en: &str| {
                    let key = checklist_key(&ind.id, *st, per.as_deref(), item);
                    let prefix: Vec<&str> = [*st, per.as_deref()].into_iter().flatten().collect();
                    let (label_zh, label_en) = if prefix.is_empty() {
                        (zh.to_string(), en.to_string())
                    } else {
                        (format!("{}：{zh}", prefix.join(" ")), format!("{}: {en}", prefix.join(" ")))
                    };
                    out.push(ChecklistItem {
                        answer: ctx.checklist.get(&key).copied(),
                        key,
                        indicator: ind.id.clone(),
                        station: st.map(str::to_string),
                        period: per.clone(),
                        item: item.map(str::to_string),
                        label_zh,
                        label_en,
                    });
                };
                if items.is_empty() {
                    push(None, &ind.label_zh, &ind.label_en);
                } else {
                    for it in items {
                        push(Some(&it.item), &it.item, &it.label_en);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_documented_format() {
        assert_eq!(checklist_key("X10", Some("新桥社区"), None, Some("有队伍")), "X10|新桥社区|有队伍");
        assert_eq!(checklist_key("X11", None, None, Some("激励回馈")), "X11|激励回馈");
        assert_eq!(checklist_key("G2", None, Some("2017-03"), None), "G2|2017-03");
        assert_eq!(checklist_key("G3", Some("新桥社区"), None, None), "G3|新桥社区");
        assert_eq!(checklist_key("G3", Some("A|B"), None, None), "G3|A｜B");
    }
}
