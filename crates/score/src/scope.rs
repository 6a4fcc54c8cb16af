//! Which stations are assessed, and where each row belongs.
//!
//! indicators.md §5: stations are those named in the context, else every station found in
//! the data. When the context names stations, rows of other stations are outside the
//! assessment (a district-wide export may hold them) and count nowhere; rows without a
//! station belong to the organisation as a whole (a town-level activity) but to no station —
//! except where the organisation is itself the one station assessed (issue 28): at the
//! station level, or when the context names exactly one station, a row without a station
//! (a station's own ledgers have no 所属站点 column) is that station's. At the station
//! level with no station named anywhere, the station is the organisation, by its name.

use scorecard_model::context::{Context, Level};
use scorecard_model::model::Tables;
use scorecard_model::text::Sym;
use std::collections::HashSet;

/// Where a row belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// No station given: counts for the whole, for no station.
    Unassigned,
    /// Index into the assessed stations.
    Station(usize),
    /// A station the context does not assess: counts nowhere.
    Outside,
}

/// The assessed stations, in the context's order, else in order of first appearance in
/// the roster, the activities, the trainings (and the records, when there is no roster).
pub fn station_names(ctx: &Context, tables: &Tables) -> Vec<String> {
    let named: Vec<String> = ctx.stations.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    let mut out: Vec<String> = Vec::new();
    if !named.is_empty() {
        for s in named {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        return out;
    }
    let mut seen = HashSet::new();
    let mut push = |sym: Sym| {
        if seen.insert(sym) {
            let s = tables.s(sym).trim();
            if !s.is_empty() && !out.iter().any(|o: &String| o == s) {
                out.push(s.to_string());
            }
        }
    };
    tables.volunteers.iter().filter_map(|v| v.station).for_each(&mut push);
    tables.activities.iter().filter_map(|a| a.station).for_each(&mut push);
    tables.trainings.iter().flat_map(|t| t.stations.iter().copied()).for_each(&mut push);
    if tables.volunteers.is_empty() {
        tables.records.iter().filter_map(|r| r.station).for_each(&mut push);
    }
    let org = ctx.organisation.trim();
    if out.is_empty() && ctx.level == Level::Station && !org.is_empty() {
        out.push(org.to_string());
    }
    out
}

/// The station that rows without a station belong to (see the module doc): the one the
/// context names when it names exactly one; at the station level, the organisation's own
/// entry among `stations`, else the only one. `None`: such rows belong to no station.
pub fn own_station(ctx: &Context, stations: &[String]) -> Option<usize> {
    let mut named: Vec<&str> = ctx.stations.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    named.dedup();
    if named.len() == 1 {
        return stations.iter().position(|s| s == named[0]);
    }
    if ctx.level != Level::Station {
        return None;
    }
    let org = ctx.organisation.trim();
    stations.iter().position(|s| s == org).or((stations.len() == 1).then_some(0))
}

/// Maps station symbols of the data to [`Place`]s for a list of assessed stations.
///
/// Invariant: `index` is as long as the interner (symbols are dense), so placing a million
/// records costs a million array reads, no hashing.
#[derive(Clone, Debug)]
pub struct Placer {
    /// Station index by symbol index; [`Placer::NONE`] for symbols naming no assessed station.
    index: Vec<u32>,
    /// The context named the stations (so unknown ones are outside).
    scoped: bool,
    /// Where a row without a station goes: [`own_station`], else nowhere in particular.
    own: Place,
}

impl Placer {
    const NONE: u32 = u32::MAX;

    pub fn new(ctx: &Context, tables: &Tables, stations: &[String]) -> Placer {
        let mut index = vec![Self::NONE; tables.strings.len()];
        for (i, s) in stations.iter().enumerate() {
            if let (Some(sym), Ok(i)) = (tables.strings.lookup(s), u32::try_from(i)) {
                if let Some(slot) = index.get_mut(sym.index()) {
                    *slot = i;
                }
            }
        }
        let scoped = ctx.stations.iter().any(|s| !s.trim().is_empty());
        // A symbol whose text differs only by surrounding spaces still maps to its station.
        let own = own_station(ctx, stations).map_or(Place::Unassigned, Place::Station);
        let mut placer = Placer { index, scoped, own };
        placer.add_untrimmed(tables, stations);
        placer
    }

    fn add_untrimmed(&mut self, tables: &Tables, stations: &[String]) {
        let syms = tables
            .volunteers
            .iter()
            .filter_map(|v| v.station)
            .chain(tables.activities.iter().filter_map(|a| a.station))
            .chain(tables.trainings.iter().flat_map(|t| t.stations.iter().copied()))
            .chain(tables.records.iter().filter_map(|r| r.station));
        let mut checked = vec![false; self.index.len()];
        for sym in syms {
            let k = sym.index();
            match (self.index.get(k), checked.get_mut(k)) {
                (Some(&Self::NONE), Some(seen)) if !*seen => *seen = true,
                _ => continue,
            }
            let t = tables.s(sym).trim();
            if let Some(i) = stations.iter().position(|s| s == t).and_then(|i| u32::try_from(i).ok()) {
                if let Some(slot) = self.index.get_mut(k) {
                    *slot = i;
                }
            }
        }
    }

    pub fn place(&self, station: Option<Sym>) -> Place {
        match station {
            None => self.own,
            Some(sym) => match self.index.get(sym.index()).copied().filter(|&i| i != Self::NONE) {
                Some(i) => Place::Station(i as usize),
                None if self.scoped => Place::Outside,
                // Unscoped: every data station is in the list, so this is a blank-ish name.
                None => self.own,
            },
        }
    }
}

/// Whether a row at `place` counts in a view: the whole (`None`) or one station.
pub fn in_view(place: Place, view: Option<usize>) -> bool {
    match (view, place) {
        (None, Place::Outside) => false,
        (None, _) => true,
        (Some(i), Place::Station(j)) => i == j,
        (Some(_), _) => false,
    }
}
