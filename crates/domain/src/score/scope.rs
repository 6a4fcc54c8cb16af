//! Which stations are assessed, and where each row belongs.
//!
//! indicators.md §5: stations are those named in the context, else every station found in
//! the data. When the context names stations, rows of other stations are outside the
//! assessment (a district-wide export may hold them) and count nowhere; rows without a
//! station belong to the organisation as a whole (a town-level activity) but to no station.

use crate::context::Context;
use crate::model::Tables;
use crate::text::Sym;
use std::collections::{HashMap, HashSet};

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
    out
}

/// Maps station symbols of the data to [`Place`]s for a list of assessed stations.
#[derive(Clone, Debug)]
pub struct Placer {
    index: HashMap<Sym, usize>,
    /// The context named the stations (so unknown ones are outside).
    scoped: bool,
}

impl Placer {
    pub fn new(ctx: &Context, tables: &Tables, stations: &[String]) -> Placer {
        let mut index = HashMap::new();
        for (i, s) in stations.iter().enumerate() {
            if let Some(sym) = tables.strings.lookup(s) {
                index.insert(sym, i);
            }
        }
        let scoped = ctx.stations.iter().any(|s| !s.trim().is_empty());
        // A symbol whose text differs only by surrounding spaces still maps to its station.
        let mut placer = Placer { index, scoped };
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
        let mut checked = HashSet::new();
        for sym in syms {
            if self.index.contains_key(&sym) || !checked.insert(sym) {
                continue;
            }
            let t = tables.s(sym).trim();
            if let Some(i) = stations.iter().position(|s| s == t) {
                self.index.insert(sym, i);
            }
        }
    }

    pub fn place(&self, station: Option<Sym>) -> Place {
        match station {
            None => Place::Unassigned,
            Some(sym) => match self.index.get(&sym) {
                Some(&i) => Place::Station(i),
                None if self.scoped => Place::Outside,
                // Unscoped: every data station is in the list, so this is a blank-ish name.
                None => Place::Unassigned,
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
