//! Sample CSV files of one table, in the encodings clerks' files come in: UTF-8 with a
//! BOM (Excel's "CSV UTF-8"), plain UTF-8, and GBK (Excel's "CSV" on a Chinese Windows).

use crate::cells::{hours_plain, SampleRow, Value};
use crate::headers::header_label;

/// The bytes' encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8Bom,
    Utf8,
    Gbk,
}

/// One table as CSV: the template's header row, then one line per row, CRLF line ends
/// (as Excel writes), dates as 2017-06-12, hours as 2.5, yes/no as 是/否, joint stations
/// separated by 、. Fields with a comma, quote or line break are quoted.
pub fn synth_csv<R: SampleRow>(rows: impl IntoIterator<Item = R>, encoding: Encoding) -> Vec<u8> {
    let mut text = String::new();
    let header: Vec<&str> = R::COLUMNS.iter().map(|f| header_label(R::ROLE, *f)).collect();
    push_line(&mut text, header.iter().map(|h| h.to_string()));
    for row in rows {
        push_line(&mut text, R::COLUMNS.iter().map(|f| plain(row.value(*f))));
    }
    match encoding {
        Encoding::Utf8 => text.into_bytes(),
        Encoding::Utf8Bom => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend_from_slice(text.as_bytes());
            out
        }
        // Every character our samples use exists in GBK; one that did not would become
        // an HTML numeric reference, which a test would catch on decoding.
        Encoding::Gbk => encoding_rs::GBK.encode(&text).0.into_owned(),
    }
}

/// A value as CSV text.
fn plain(v: Value) -> String {
    match v {
        Value::Text(s) => s.to_string(),
        Value::Count(n) => n.to_string(),
        Value::Hours(h) => hours_plain(h),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::YesNo(b) => if b { "是" } else { "否" }.to_string(),
        Value::Stations(s) => s.join("、"),
    }
}

fn push_line(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_are_quoted() {
        let mut s = String::new();
        push_line(&mut s, ["a,b", "say \"hi\"", "plain", "two\nlines"].into_iter().map(String::from));
        assert_eq!(s, "\"a,b\",\"say \"\"hi\"\"\",plain,\"two\nlines\"\r\n");
    }
}
