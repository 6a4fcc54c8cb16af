//! The sheet pipeline, in its order: which table a sheet is from its headers (`columns::role`) and
//! from its cells with them (`classify`), rows that are not data (`skip`), one row turned
//! into one typed row (`convert`), participation matrices (`matrix`), and the streaming
//! per-sheet run that ties them together (`pipeline`).

pub mod classify;
pub(crate) mod convert;
pub mod matrix;
pub(crate) mod pipeline;

pub mod skip;
