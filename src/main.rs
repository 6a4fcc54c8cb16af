//! Only mounts the app; everything else lives in the library.
fn main() {
    volunteer_scorecard::mount();
}
