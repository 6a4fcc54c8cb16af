//! Everything the scorecard screen shows, computed together: the scorecard, the
//! checklist, the charts, the what-if and the star levels share one `Facts`, one
//! `prepare()` and one snapshot, where computing them one by one prepares the same
//! million records four times.
//!
//! Invariant: each part equals what its own function returns (`score`, `checklist_items`,
//! `charts`, `what_if`, `star_levels`); a test checks it.

use crate::checklist_items::{checklist_items, ChecklistItem};
use crate::facts::Facts;
use crate::insights::charts::{charts_from, Charts};
use crate::insights::stars::{scheme, star_levels_from, StarList};
use crate::insights::whatif::{what_if_from, WhatIf};
use crate::prepare::prepare;
use crate::scorecard::{score_from, Scorecard};
use crate::snapshot::Snapshot;
use chrono::NaiveDate;
use scorecard_model::context::Context;
use scorecard_model::model::Tables;
use scorecard_model::profile::Profile;

/// The views of one scoring (the web app's Score answer).
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub card: Scorecard,
    pub checklist: Vec<ChecklistItem>,
    pub charts: Charts,
    pub what_if: WhatIf,
    /// Star levels on the national scale.
    pub stars: Option<StarList>,
}

/// Scores `profile` over `tables` as of `ctx.as_of(today)`, with every view.
pub fn dashboard(profile: &Profile, ctx: &Context, tables: &Tables, today: NaiveDate) -> Dashboard {
    let facts = Facts::build(profile, ctx, tables);
    let (prepared, findings) = prepare(tables, ctx.year, ctx.as_of(today));
    let snap = Snapshot::of(tables, &facts.placer, &prepared, findings);
    Dashboard {
        card: score_from(profile, ctx, tables, &facts, &snap),
        checklist: checklist_items(profile, ctx, tables, today),
        charts: charts_from(profile, tables, &facts, &prepared),
        what_if: what_if_from(profile, ctx, &snap),
        stars: scheme("national").map(|s| star_levels_from(tables, &s, &prepared, &facts.placer)),
    }
}
