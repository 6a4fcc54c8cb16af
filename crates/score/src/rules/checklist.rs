//! Checklists (X10, X11, C4, C5, G2, G3): met when every item is ticked; the unticked items
//! are the gap. Keys: see `checklist_items`.
//!
//! Decisions: when none of the indicator's items has been answered at all, the status is
//! `needs_input` (the clerk has not filled in the self-check yet) rather than `not_met`;
//! once any item is answered, an unanswered item counts as unticked. A per-period
//! checklist (G2) asks only periods that have ended; before the first one ends it is in
//! progress.

use crate::calendar_and_tags as bridge;
use crate::checklist_items::checklist_key;
use crate::result::{Detail, InputField, Status, Unit};
use crate::rules::{capped, Cx, View};
use scorecard_model::phrasing::sentences::{list_en, list_zh};
use scorecard_model::profile::{CheckItem, PeriodKind};

pub(super) fn checklist(cx: &Cx, view: View, id: &str, period: PeriodKind, items: &[CheckItem]) -> Detail {
    let station = view.and_then(|i| cx.facts.stations.get(i)).map(String::as_str);
    let periods: Vec<Option<String>> = match period {
        PeriodKind::Month | PeriodKind::Quarter => bridge::slots(cx.facts.year, period)
            .into_iter()
            .filter(|s| s.last <= cx.snap.d)
            .map(|s| Some(s.label))
            .collect(),
        PeriodKind::None | PeriodKind::Year => vec![None],
    };
    if periods.is_empty() {
        return Detail {
            status: Status::InProgress,
            unit: Unit::Items,
            value: Some(0.0),
            target: Some(0.0),
            gap: Some("尚无已结束的期次，无需勾选".into()),
            gap_en: Some("No period has ended yet; nothing to tick".into()),
            ..Detail::default()
        };
    }
    // (key, label_zh, label_en)
    let mut wanted: Vec<(String, String, String)> = Vec::new();
    for per in &periods {
        let p = per.as_deref();
        if items.is_empty() {
            let zh = p.map_or_else(|| "未确认".to_string(), str::to_string);
            let en = p.map_or_else(|| "not confirmed".to_string(), str::to_string);
            wanted.push((checklist_key(id, station, p, None), zh, en));
        } else {
            for it in items {
                let prefix = p.map(|x| format!("{x} ")).unwrap_or_default();
                wanted.push((
                    checklist_key(id, station, p, Some(&it.item)),
                    format!("{prefix}{}", it.item),
                    format!("{prefix}{}", it.label_en),
                ));
            }
        }
    }
    let answered = wanted.iter().any(|(k, _, _)| cx.ctx.checklist.contains_key(k));
    let unticked: Vec<&(String, String, String)> =
        wanted.iter().filter(|(k, _, _)| cx.ctx.checklist.get(k) != Some(&true)).collect();
    let ticked = wanted.len() - unticked.len();
    let status = if !answered {
        Status::NeedsInput
    } else if unticked.is_empty() {
        Status::Met
    } else {
        Status::NotMet
    };
    let zh: Vec<String> = unticked.iter().map(|(_, z, _)| z.clone()).collect();
    let en: Vec<String> = unticked.iter().map(|(_, _, e)| e.clone()).collect();
    let (gap, gap_en) = match status {
        Status::Met => (None, None),
        Status::NeedsInput => (
            Some(format!("请在核对清单中勾选已具备的项目（共 {} 项）", wanted.len())),
            Some(format!("Tick the checklist items that are in place ({} items)", wanted.len())),
        ),
        _ => (Some(format!("未勾选：{}", list_zh(&zh, 12))), Some(format!("Not ticked: {}", list_en(&en, 12)))),
    };
    let (missing, missing_total) = capped(zh);
    let missing_en = capped(en).0;
    Detail {
        status,
        unit: Unit::Items,
        value: Some(ticked as f64),
        target: Some(wanted.len() as f64),
        gap,
        gap_en,
        missing,
        missing_total,
        missing_en,
        needs_input: (status == Status::NeedsInput).then_some(InputField::Checklist),
        ..Detail::default()
    }
}
