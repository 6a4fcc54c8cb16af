//! What a file is before anything is read from it: its bytes (in memory or on demand),
//! its format (from its first bytes), the size guards against hostile files, and one raw
//! cell as any format delivers it.

pub mod bytes;
pub mod cell;
pub mod detect;
pub mod limits;
