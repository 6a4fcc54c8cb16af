//! App state on plain types with methods (the todomvc way), and the one owner of storage.
pub mod draft;
pub mod store;
