//! CSV exports for people who open them in Excel or WPS on Windows: UTF-8 with a BOM (else
//! Excel reads the Chinese as GBK and shows mojibake), CRLF line ends, RFC 4180 quoting,
//! text through the formula guard, numbers as plain numbers, ratios as `13.33%`.

use crate::drill_down::{RowTable, RowsCut};
use crate::lang::Lang;
use crate::neutralise::neutralise;
use crate::table_cell::Cell;
use crate::values::{csv_value, plain, status_word};
use scorecard_model::context::Context;
use scorecard_score::{Detail, IndicatorResult, Scorecard};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The scorecard, one row per indicator (and per part of a composite) and one per
/// indicator × station, with columns 指标编号, 指标, 站点, 状态, 当前值, 目标, 差距说明, 依据.
/// A whole-organisation row names the organisation in 站点 (全部 when none is set).
pub fn scorecard_csv(card: &Scorecard, ctx: &Context, lang: Lang) -> Vec<u8> {
    let header: [&str; 8] = match lang {
        Lang::Zh => ["指标编号", "指标", "站点", "状态", "当前值", "目标", "差距说明", "依据"],
        Lang::En => ["Indicator", "Label", "Station", "Status", "Value", "Target", "Gap", "Source"],
    };
    let whole = match (ctx.organisation.trim(), lang) {
        ("", Lang::Zh) => "全部",
        ("", Lang::En) => "All",
        (org, _) => org,
    };
    let mut w = Csv::new();
    w.record(header.iter().map(|h| Field::Text(h)));
    for r in &card.indicators {
        indicator(&mut w, r, whole, &r.source, lang);
    }
    // Last, which release made the file (a row, so Excel shows it).
    let by = match lang {
        Lang::Zh => "生成",
        Lang::En => "Made with",
    };
    let made_by = scorecard_model::made_by();
    w.record([by, &made_by, "", "", "", "", "", ""].iter().map(|t| Field::Text(t)));
    w.finish()
}

fn indicator(w: &mut Csv, r: &IndicatorResult, whole: &str, source: &str, lang: Lang) {
    let label = match lang {
        Lang::Zh => r.label.as_str(),
        Lang::En => r.label_en.as_str(),
    };
    line(w, &r.id, label, whole, &r.detail, source, lang);
    for s in &r.stations {
        line(w, &r.id, label, &s.station, &s.detail, source, lang);
    }
    // A part cites its composite's source (parts carry none of their own).
    for p in &r.parts {
        indicator(w, p, whole, if p.source.is_empty() { source } else { &p.source }, lang);
    }
}

fn line(w: &mut Csv, id: &str, label: &str, station: &str, d: &Detail, source: &str, lang: Lang) {
    let gap = match lang {
        Lang::Zh => d.gap.as_deref(),
        Lang::En => d.gap_en.as_deref(),
    };
    let value = csv_value(d.unit, d.value);
    let target = csv_value(d.unit, d.target);
    w.record([
        Field::Text(id),
        Field::Text(label),
        Field::Text(station),
        Field::Text(status_word(d.status, lang)),
        Field::Number(&value),
        Field::Number(&target),
        Field::Text(gap.unwrap_or("")),
        Field::Text(source),
    ]);
}

/// A drill-down table as CSV (the "download these rows" link): the table's headers in
/// `lang`, numbers plain, dates as `2017-06-12` (every Excel locale reads that as a date).
/// The cells are written as the table holds them: masked if the table was resolved masked.
pub fn rows_csv(table: &RowTable, lang: Lang) -> Vec<u8> {
    let mut w = Csv::new();
    w.record(table.headers.iter().map(|(zh, en)| {
        Field::Text(match lang {
            Lang::Zh => zh.as_str(),
            Lang::En => en.as_str(),
        })
    }));
    for row in &table.rows {
        let texts: Vec<(bool, String)> = row
            .iter()
            .map(|c| match c {
                Cell::Empty => (false, String::new()),
                Cell::Text(s) => (true, s.clone()),
                Cell::Number(x) => (false, plain(*x)),
                Cell::Date(d) => (false, d.format("%Y-%m-%d").to_string()),
            })
            .collect();
        w.record(texts.iter().map(|(text, s)| if *text { Field::Text(s) } else { Field::Number(s) }));
    }
    w.finish()
}

/// The drill-down's "download these rows" file: its tables (one per role) one after another,
/// a blank line after each and the BOM only once; a list cut at the cap ends with the note
/// the dialog shows, as one field (quoted when it holds a comma: `4,963 rows in all; …`).
pub fn drill_csv(tables: &[RowTable], cut: Option<RowsCut>, lang: Lang) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        let csv = rows_csv(t, lang);
        out.extend_from_slice(if i == 0 { &csv } else { csv.strip_prefix(BOM).unwrap_or(&csv) });
        out.extend_from_slice(b"\r\n");
    }
    if let Some(cut) = cut {
        let mut w = Csv { out };
        w.record([Field::Text(&cut.note(lang))]);
        out = w.finish();
    }
    out
}

/// A field: text is guarded against formulas, a number is written as it is.
enum Field<'a> {
    Text(&'a str),
    Number(&'a str),
}

struct Csv {
    out: Vec<u8>,
}

impl Csv {
    fn new() -> Self {
        Csv { out: BOM.to_vec() }
    }

    fn record<'a>(&mut self, fields: impl IntoIterator<Item = Field<'a>>) {
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            let s = match f {
                Field::Text(s) => neutralise(s),
                Field::Number(s) => std::borrow::Cow::Borrowed(s),
            };
            if s.contains([',', '"', '\r', '\n']) {
                self.out.push(b'"');
                self.out.extend_from_slice(s.replace('"', "\"\"").as_bytes());
                self.out.push(b'"');
            } else {
                self.out.extend_from_slice(s.as_bytes());
            }
        }
        self.out.extend_from_slice(b"\r\n");
    }

    fn finish(self) -> Vec<u8> {
        self.out
    }
}
