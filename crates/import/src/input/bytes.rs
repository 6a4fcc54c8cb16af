//! A file's bytes with random access: held in memory, or read on demand.
//!
//! Why: an xlsx is a zip read part by part, so it never needs to be in memory whole. The
//! browser's engine worker reads a picked `File` through [`Bytes`] a window at a time,
//! so a 45 MB workbook of a million rows is not copied whole into wasm memory (which never
//! shrinks) next to the million rows it becomes. The other formats are read whole.
//!
//! Invariant: [`Data::Memory`] and [`Data::OnDemand`] answer the same bytes for the same
//! offsets; the import reads both through [`ByteReader`], one path.

use std::borrow::Cow;
use std::io::{self, Read, Seek, SeekFrom};

/// Random access to a file's bytes.
pub trait Bytes {
    /// The file's size in bytes.
    fn size(&self) -> u64;
    /// Copies bytes from `offset` into `buf`: how many (fewer than asked is fine; 0 only
    /// at or past the end of the file).
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize>;
}

/// Bytes held in memory, read as if on demand: to run the on-demand path on them (the
/// browser engine's warm-up, tests).
impl Bytes for Vec<u8> {
    fn size(&self) -> u64 {
        self.len() as u64
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        Data::Memory(self).read_at(offset, buf)
    }
}

/// Where a file's bytes are: a slice in memory, or behind [`Bytes`]. `Copy`, so every
/// reader of a file takes its own.
#[derive(Clone, Copy)]
pub enum Data<'a> {
    Memory(&'a [u8]),
    OnDemand(&'a dyn Bytes),
}

impl<'a> Data<'a> {
    pub fn size(self) -> u64 {
        match self {
            Data::Memory(b) => b.len() as u64,
            Data::OnDemand(d) => d.size(),
        }
    }

    /// As [`Bytes::read_at`].
    pub fn read_at(self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Data::Memory(b) => {
                let start = usize::try_from(offset).unwrap_or(usize::MAX).min(b.len());
                let n = buf.len().min(b.len() - start);
                buf[..n].copy_from_slice(&b[start..start + n]);
                Ok(n)
            }
            Data::OnDemand(d) => d.read_at(offset, buf),
        }
    }

    /// The first `n` bytes (fewer for a shorter file).
    pub fn head(self, n: usize) -> io::Result<Cow<'a, [u8]>> {
        let n = n.min(usize::try_from(self.size()).unwrap_or(usize::MAX));
        if let Data::Memory(b) = self {
            return Ok(Cow::Borrowed(&b[..n]));
        }
        let mut buf = vec![0; n];
        let mut at = 0;
        while at < n {
            match self.read_at(at as u64, &mut buf[at..])? {
                0 => break,
                k => at += k,
            }
        }
        buf.truncate(at);
        Ok(Cow::Owned(buf))
    }

    /// The whole file: borrowed when in memory, read otherwise.
    pub fn whole(self) -> io::Result<Cow<'a, [u8]>> {
        self.head(usize::MAX)
    }
}

/// `Read + Seek` over [`Data`] (what `zip` and calamine take).
#[derive(Clone, Copy)]
pub struct ByteReader<'a> {
    data: Data<'a>,
    pos: u64,
}

impl<'a> ByteReader<'a> {
    pub fn new(data: Data<'a>) -> Self {
        ByteReader { data, pos: 0 }
    }
}

impl Read for ByteReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.data.size() {
            return Ok(0);
        }
        let n = self.data.read_at(self.pos, buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for ByteReader<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let size = self.data.size();
        let pos = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => size.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        match pos {
            Some(p) => {
                self.pos = p;
                Ok(p)
            }
            None => Err(io::Error::new(io::ErrorKind::InvalidInput, "seek before the start of the file")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// The same bytes, but not in memory and handed out at most 3 at a time.
    struct Trickle<'a>(&'a [u8]);

    impl Bytes for Trickle<'_> {
        fn size(&self) -> u64 {
            self.0.len() as u64
        }
        fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
            let start = (offset as usize).min(self.0.len());
            let n = buf.len().min(3).min(self.0.len() - start);
            buf[..n].copy_from_slice(&self.0[start..start + n]);
            Ok(n)
        }
    }

    #[test]
    fn reads_and_seeks_as_a_cursor_does() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let trickle = Trickle(&bytes);
        for data in [Data::Memory(&bytes), Data::OnDemand(&trickle)] {
            let mut ours = ByteReader::new(data);
            let mut cursor = Cursor::new(&bytes[..]);
            let steps = [
                SeekFrom::Start(10),
                SeekFrom::Current(-4),
                SeekFrom::End(-7),
                SeekFrom::Start(2000),
                SeekFrom::Current(5),
            ];
            for step in steps {
                assert_eq!(ours.seek(step).unwrap(), cursor.seek(step).unwrap(), "{step:?}");
                let (mut a, mut b) = (Vec::new(), Vec::new());
                (&mut ours).take(17).read_to_end(&mut a).unwrap();
                (&mut cursor).take(17).read_to_end(&mut b).unwrap();
                assert_eq!(a, b, "{step:?}");
            }
            assert!(ours.seek(SeekFrom::End(-1001)).is_err());
            assert!(cursor.seek(SeekFrom::End(-1001)).is_err());
            assert_eq!(&*data.head(5).unwrap(), &bytes[..5]);
            assert_eq!(&*data.head(5000).unwrap(), &bytes[..]);
            assert_eq!(&*data.whole().unwrap(), &bytes[..]);
        }
        assert!(matches!(Data::Memory(&bytes).whole().unwrap(), Cow::Borrowed(_)));
        assert!(matches!(Data::OnDemand(&trickle).whole().unwrap(), Cow::Owned(_)));
    }
}
