//! App state on plain types with methods (the todomvc way): the components render it and
//! call its methods. It owns every effect outside the page's own DOM: storage (`store`, the
//! one module that touches localStorage), the engine (`engine_calls`, the one module that
//! names the engine client) and files saved by the browser (`download`).
pub mod app_state;
pub mod data;
pub mod download;
pub mod draft;
pub mod engine_calls;
pub mod form;
pub mod store;

pub use app_state::{AppState, Notice, NoticeKind, SaveState};
pub use data::DataState;
