//! App state on plain types with methods (the todomvc way), and the one owner of storage.
pub mod app_state;
pub mod data;
pub mod draft;
pub mod form;
pub mod store;

pub use app_state::{AppState, Notice, NoticeKind, SaveState};
pub use data::DataState;
