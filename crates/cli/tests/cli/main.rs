//! The integration tests of the `scorecard` command line, one test binary: a module per
//! command, `support` shared by all. Run one with its module path, e.g.
//! `cargo test -p scorecard-cli --test cli pack::`.

// A test binary: a failed unwrap is a failed test, with its line (the workspace lints warn on
// unwrap), and its `pub` items are shared between its modules, never an API.
#![allow(clippy::unwrap_used, unreachable_pub)]

mod support;

mod demo;
mod inspect;
mod pack;
mod pipe;
mod score;
