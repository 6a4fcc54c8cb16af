//! Standard output that ends quietly when the reader goes away (`scorecard inspect … | head`):
//! `println!` panics on a closed pipe, which would print a panic and exit 101.

use std::io::{ErrorKind, Write};

/// Writes `text` to stdout; a closed pipe ends the process with success, as `cat` does.
pub(crate) fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("无法写出结果 / cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// [`print`] with a line end.
pub(crate) fn line(text: &str) {
    print(&format!("{text}\n"));
}
