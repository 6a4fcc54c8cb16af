//! The scorecard as xlsx: 汇总, one sheet per indicator, 各站点, 问题清单, and 月度通报 / 星级志愿者 /
//! 测算 when the insights are given ([`ScorecardInsights`]). Built in memory with `rust_xlsxwriter` (`save_to_buffer`).
//!
//! Code map: `formats.rs` (colours, number formats), `writer.rs` (the one door to a cell:
//! masking, formula guard, widths, print setup), then one file per sheet kind.

mod extras;
mod findings;
mod formats;
mod indicator;
mod stations;
mod summary;
mod writer;

use crate::error::ExportError;
use crate::sheet_name::sheet_name;
use formats::Formats;
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet};
use scorecard_model::context::Context;
use scorecard_model::finding::Finding;
use scorecard_model::model::Tables;
use scorecard_model::profile::Profile;
use scorecard_score::insights::{Replay, StarList, WhatIf};
use scorecard_score::Scorecard;
use serde::{Deserialize, Serialize};
use writer::Sheet;

/// The optional sheets of the xlsx report; each is added when present.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScorecardInsights {
    /// 月度通报
    pub replay: Option<Replay>,
    /// 星级志愿者
    pub stars: Option<StarList>,
    /// 测算
    pub what_if: Option<WhatIf>,
}

pub(crate) const SUMMARY: &str = "汇总";
pub(crate) const STATIONS: &str = "各站点";
pub(crate) const FINDINGS: &str = "问题清单";
pub(crate) const REPLAY: &str = "月度通报";
pub(crate) const STARS: &str = "星级志愿者";
pub(crate) const WHAT_IF: &str = "测算";

/// The report as xlsx bytes. `findings` are all findings to list (import's and scoring's);
/// ID and phone numbers are masked everywhere.
pub fn scorecard_xlsx(
    card: &Scorecard,
    ctx: &Context,
    profile: &Profile,
    tables: &Tables,
    findings: &[Finding],
    extras: Option<&ScorecardInsights>,
) -> Result<Vec<u8>, ExportError> {
    let f = Formats::new();
    let mut used: Vec<String> = [SUMMARY, STATIONS, FINDINGS, REPLAY, STARS, WHAT_IF].map(String::from).to_vec();
    let mut sheets: Vec<Worksheet> = Vec::new();

    let names: Vec<String> = card
        .indicators
        .iter()
        .map(|r| {
            let name = sheet_name(&format!("{} {}", r.id, r.label), &used);
            used.push(name.clone());
            name
        })
        .collect();

    let mut s = Sheet::new(SUMMARY, &f)?;
    summary::write(&mut s, card, ctx, &names)?;
    sheets.push(s.finish()?);
    // The screens list the first 200 rows behind an indicator; the report lists every one:
    // where a list was cut, the card is scored again as of its date keeping every row.
    let every;
    let listed = if card.indicators.iter().any(crate::drill_down::truncated) {
        let ctx = Context { as_of: Some(card.as_of), ..ctx.clone() };
        every = scorecard_score::with_every_row(|| scorecard_score::score(profile, &ctx, tables, card.as_of));
        &every.indicators
    } else {
        &card.indicators
    };
    for ((r, name), all) in card.indicators.iter().zip(&names).zip(listed) {
        let mut s = Sheet::new(name, &f)?;
        let rows_of = if all.id == r.id { all } else { r };
        indicator::write(&mut s, r, rows_of, profile, tables)?;
        sheets.push(s.finish()?);
    }
    let mut s = Sheet::new(STATIONS, &f)?;
    stations::write(&mut s, card)?;
    sheets.push(s.finish()?);
    let mut s = Sheet::new(FINDINGS, &f)?;
    findings::write(&mut s, findings)?;
    sheets.push(s.finish()?);
    if let Some(x) = extras {
        if let Some(replay) = &x.replay {
            let mut s = Sheet::new(REPLAY, &f)?;
            extras::replay(&mut s, card, replay)?;
            sheets.push(s.finish()?);
        }
        if let Some(stars) = &x.stars {
            let mut s = Sheet::new(STARS, &f)?;
            extras::stars(&mut s, stars, tables)?;
            sheets.push(s.finish()?);
        }
        if let Some(w) = &x.what_if {
            let mut s = Sheet::new(WHAT_IF, &f)?;
            extras::what_if(&mut s, w)?;
            sheets.push(s.finish()?);
        }
    }

    let mut book = Workbook::new();
    let title = format!("{}{}年志愿服务自评报告", ctx.organisation.trim(), card.year);
    book.set_properties(
        &DocProperties::new().set_title(title).set_company("志愿服务自评台").set_comment(scorecard_model::made_by()),
    );
    for ws in sheets {
        book.push_worksheet(ws);
    }
    Ok(book.save_to_buffer()?)
}
