//! Leptos components. Each file is one screen or one widget.
pub mod app;
