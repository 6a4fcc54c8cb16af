//! What a file is before anything is read from it: its bytes (in memory or on demand),
//! its format (from its first bytes), the size guards against hostile files, and one raw
//! cell as any format delivers it.

pub mod bytes;
pub mod cell;
pub mod detect;
pub mod limits;

use bytes::Data;

/// One file to import, as the user picked it.
#[derive(Clone, Copy, Debug)]
pub struct FileInput<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// One file to import whose bytes may be read on demand ([`Data::OnDemand`]): the browser's
/// worker reads a picked `File` this way, so an xlsx is never held whole.
#[derive(Clone, Copy)]
pub struct FileData<'a> {
    pub name: &'a str,
    pub data: Data<'a>,
}

impl<'a> From<FileInput<'a>> for FileData<'a> {
    fn from(f: FileInput<'a>) -> Self {
        FileData { name: f.name, data: Data::Memory(f.bytes) }
    }
}
