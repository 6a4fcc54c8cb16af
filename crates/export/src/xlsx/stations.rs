//! 各站点: stations × per-station indicators, each cell the station's status (word and
//! colour), and how many indicators each station falls short on.

use crate::xlsx::writer::{Res, Sheet};
use scorecard_model::profile::Scope;
use scorecard_score::Scorecard;

pub(super) fn write(s: &mut Sheet, card: &Scorecard) -> Res {
    let f = s.f;
    let per_station: Vec<_> = card.indicators.iter().filter(|r| r.scope == Scope::PerStation).collect();
    if card.stations.is_empty() || per_station.is_empty() {
        let why = if card.stations.is_empty() {
            "数据中没有站点，也没有在考核情境中填写站点名单。"
        } else {
            "本考核方案没有按站点考核的指标。"
        };
        s.text(0, 0, why, Some(&f.note))?;
        return Ok(());
    }
    let mut headers = vec!["站点".to_string()];
    headers.extend(per_station.iter().map(|r| format!("{} {}", r.id, r.label)));
    headers.push("未达标项数".into());
    s.header(0, 0, &headers)?;
    s.ws.set_row_height(0, 45)?;
    let last = u16::try_from(per_station.len() + 1).unwrap_or(u16::MAX);
    for (row, station) in (1u32..).zip(&card.stations) {
        s.text(row, 0, station, Some(&f.bold))?;
        let mut failing = 0u64;
        for (col, r) in (1u16..).zip(&per_station) {
            match r.stations.iter().find(|x| &x.station == station) {
                Some(x) => {
                    s.status(row, col, x.detail.status)?;
                    if x.detail.status.is_failing() && !r.bonus {
                        failing += 1;
                    }
                }
                None => s.text(row, col, "—", None)?,
            }
        }
        s.count(row, last, failing)?;
    }
    for col in 1..last {
        s.fix_width(col, 14.0);
    }
    s.ws.set_freeze_panes(1, 1)?;
    s.repeat_header(0);
    Ok(())
}
