//! `scorecard … | head`: a reader that goes away ends the program quietly (exit 0), not with
//! a panic (exit 101), as `println!` would.

use crate::support::bin;
use std::process::Stdio;

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [&["profiles"][..], &["profiles", "--format", "json"], &["holidays", "2025", "--format", "json"]] {
        let mut child = bin().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        // Close the reading end before the program writes: its first write meets EPIPE.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
