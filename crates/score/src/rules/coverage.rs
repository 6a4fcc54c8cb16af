//! Annual coverage counts (X6, M1 themes; X7 team kinds): met when reached; before year
//! end in progress with what is left and the days left; after year end not met.
//!
//! Decision (X7 "distinct team kinds ran activities in the communities"): a team kind counts
//! when at least one activity in the assessment (any assessed station, or no station)
//! carries it, from the 服务队 cell or, where that is empty, inferred from the name.

use crate::facts::Act;
use crate::result::{Detail, InputField, Missing, NamedCount, RowSet, Unit};
use crate::rules::{annual_status, capped, days_left_text, needs, Cx, View};
use crate::scope::in_view;
use scorecard_model::phrasing::sentences::{list_en, list_zh};
use scorecard_model::profile::ThemeMin;

fn acts<'a>(cx: &'a Cx, view: View) -> impl Iterator<Item = &'a Act> + 'a {
    let d = cx.snap.d;
    cx.facts.acts.iter().filter(move |a| a.date <= d && in_view(a.place, view))
}

/// Each theme ≥ its minimum number of activities in the year (X6, M1).
pub(super) fn themes(cx: &Cx, view: View, themes: &[ThemeMin]) -> Detail {
    if !cx.facts.has_activities {
        return needs(InputField::Activities, Unit::Count);
    }
    let mut rows = RowSet::default();
    let mut counts = Vec::new();
    let mut short_zh = Vec::new();
    let mut short_en = Vec::new();
    let mut lacking = Vec::new();
    let mut lacking_en = Vec::new();
    for tm in themes {
        let idx = cx.profile.theme_index(&tm.theme);
        let hits: Vec<&Act> = acts(cx, view).filter(|a| idx.is_some_and(|i| a.tags.themes.contains(&i))).collect();
        hits.iter().for_each(|a| rows.push(a.at));
        let n = u32::try_from(hits.len()).unwrap_or(u32::MAX);
        if n < tm.min {
            let more = tm.min - n;
            let en_name =
                idx.and_then(|i| cx.profile.themes.get(i)).map(|t| t.en().to_string()).unwrap_or(tm.theme.clone());
            short_zh.push(format!("{more} 次{}活动", tm.theme));
            short_en.push(format!("{more} more \"{en_name}\""));
            lacking.push(tm.theme.clone());
            lacking_en.push(en_name.clone());
        }
        let name_en = idx.and_then(|i| cx.profile.themes.get(i)).map(|t| t.en().to_string()).unwrap_or_default();
        counts.push(NamedCount { name: tm.theme.clone(), name_en, count: n, target: tm.min });
    }
    let covered = themes.len() - lacking.len();
    let status = annual_status(lacking.is_empty(), cx.snap);
    let (left_zh, left_en) = days_left_text(cx.snap);
    let (gap, gap_en) = if lacking.is_empty() {
        (None, None)
    } else {
        (
            Some(format!("还差 {}{left_zh}", list_zh(&short_zh, 8))),
            Some(format!("Still needed: {}{left_en}", list_en(&short_en, 8))),
        )
    };
    let (missing, missing_total) = capped(lacking);
    let missing_en = capped(lacking_en).0;
    Detail {
        status,
        unit: Unit::Count,
        value: Some(covered as f64),
        target: Some(themes.len() as f64),
        gap,
        gap_en,
        days_left: (!cx.snap.year_ended).then_some(cx.snap.days_left),
        missing,
        missing_total,
        missing_en,
        counts,
        rows: rows.into_rows(),
        ..Detail::default()
    }
}

/// ≥ `min` distinct team kinds ran activities in the year (X7).
pub(super) fn distinct_teams(cx: &Cx, view: View, min: u32) -> Detail {
    if !cx.facts.has_activities {
        return needs(InputField::Activities, Unit::Count);
    }
    let mut per_team = vec![0u32; cx.profile.teams.len()];
    let mut rows = RowSet::default();
    for a in acts(cx, view) {
        if a.tags.teams.is_empty() {
            continue;
        }
        rows.push(a.at);
        for &t in &a.tags.teams {
            if let Some(c) = per_team.get_mut(t) {
                *c = c.saturating_add(1);
            }
        }
    }
    let kinds = per_team.iter().filter(|&&c| c > 0).count();
    let kinds_u32 = u32::try_from(kinds).unwrap_or(u32::MAX);
    let status = annual_status(kinds_u32 >= min, cx.snap);
    let not_seen: Vec<String> =
        cx.profile.teams.iter().zip(&per_team).filter(|(_, &c)| c == 0).map(|(t, _)| t.name.clone()).collect();
    let not_seen_en: Vec<String> =
        cx.profile.teams.iter().zip(&per_team).filter(|(_, &c)| c == 0).map(|(t, _)| t.en().to_string()).collect();
    let (left_zh, left_en) = days_left_text(cx.snap);
    let (gap, gap_en) = if kinds_u32 >= min {
        (None, None)
    } else {
        let more = min - kinds_u32;
        (
            Some(format!("还差 {more} 类专业队伍开展活动（尚未开展：{}）{left_zh}", list_zh(&not_seen, 11))),
            Some(format!("{more} more team kinds needed (none yet: {}){left_en}", list_en(&not_seen_en, 11))),
        )
    };
    let counts = cx
        .profile
        .teams
        .iter()
        .zip(&per_team)
        .map(|(t, &c)| NamedCount { name: t.name.clone(), name_en: t.en().to_string(), count: c, target: 1 })
        .collect();
    let (missing, missing_total) = if kinds_u32 >= min { capped(Vec::new()) } else { capped(not_seen) };
    let missing_en = if kinds_u32 >= min { Missing::default() } else { capped(not_seen_en).0 };
    Detail {
        status,
        unit: Unit::Count,
        value: Some(kinds as f64),
        target: Some(f64::from(min)),
        gap,
        gap_en,
        days_left: (!cx.snap.year_ended).then_some(cx.snap.days_left),
        missing,
        missing_total,
        missing_en,
        counts,
        rows: rows.into_rows(),
        ..Detail::default()
    }
}
