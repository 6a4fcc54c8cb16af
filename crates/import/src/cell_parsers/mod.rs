//! Cell parsers: one small file per kind of value, each table-driven tested.
//!
//! Invariant: a parser never guesses. It returns the value, says the cell was empty, or
//! says it could not read it; the caller turns the last into a finding.

pub mod count;
pub mod date;
pub mod flag;
pub mod fold;
pub mod hours;
pub mod id_number;
pub mod list;
pub mod phone;
pub mod time_span;

/// What a parser made of one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Read<T> {
    /// Blank: no value, no problem (whether that is allowed is the row's business).
    Empty,
    Value(T),
    /// Something is there but it is not a value of this kind.
    Unreadable,
}
