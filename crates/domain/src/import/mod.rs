//! Import: file bytes → sheets → typed tables + findings. (Being written; see the import issue.)
