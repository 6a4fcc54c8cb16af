//! Column recognition: where the header band is (`header`), what each header means
//! (`synonyms`, the vocabulary as data; `meaning`, a header read by its head word), what its
//! cells hold (`content`, the second witness), a sheet's role from its headers (`role`) and
//! the mapping the clerk sees and can change (`mapping`: automatic, saved, by hand).

pub mod cells;
pub mod content;
pub mod english;
pub mod header;
pub mod mapping;
pub mod meaning;
pub mod role;
pub mod synonyms;
