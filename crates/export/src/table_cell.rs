//! One cell of a drill-down table: text, a number or a date, kept typed so the xlsx gets
//! real numbers and dates and the screen formats them in the user's language.

use crate::lang::Lang;
use chrono::NaiveDate;
use scorecard_model::phrasing::{fmt_date_zh, fmt_hours};
use scorecard_model::wire::{need, unknown};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Written adjacently tagged (`{"t":"date","v":"2017-06-12"}`), read through `CellWire`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case", try_from = "CellWire")]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// Text of an optional string: empty text is [`Cell::Empty`].
    pub fn text(s: &str) -> Cell {
        if s.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }

    pub fn number(x: Option<f64>) -> Cell {
        x.filter(|x| x.is_finite()).map_or(Cell::Empty, Cell::Number)
    }

    pub fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// How the screen shows it: dates `2017年6月12日` in Chinese, `2017-06-12` in English;
    /// numbers with at most one decimal (`2.5`, `12,345`).
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => fmt_hours(*x),
            Cell::Date(d) => match lang {
                Lang::Zh => fmt_date_zh(*d),
                Lang::En => d.format("%Y-%m-%d").to_string(),
            },
        }
    }
}

/// The flat form a cell is read through (why: `scorecard_model::wire`): `v` is read as a string or
/// a number whatever the order of the keys, then typed by `t`.
#[derive(Deserialize)]
#[serde(rename = "Cell")]
struct CellWire {
    t: String,
    v: Option<Scalar>,
}

/// A JSON string or number.
enum Scalar {
    Text(String),
    Number(f64),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(s.to_string()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Scalar, E> {
                Ok(Scalar::Text(s))
            }
            fn visit_f64<E: de::Error>(self, x: f64) -> Result<Scalar, E> {
                Ok(Scalar::Number(x))
            }
            fn visit_u64<E: de::Error>(self, x: u64) -> Result<Scalar, E> {
                Ok(Scalar::Number(x as f64))
            }
            fn visit_i64<E: de::Error>(self, x: i64) -> Result<Scalar, E> {
                Ok(Scalar::Number(x as f64))
            }
        }
        d.deserialize_any(V)
    }
}

impl TryFrom<CellWire> for Cell {
    type Error = String;

    fn try_from(w: CellWire) -> Result<Cell, String> {
        let t = w.t.as_str();
        match (t, w.v) {
            ("empty", _) => Ok(Cell::Empty),
            ("text", Some(Scalar::Text(s))) => Ok(Cell::Text(s)),
            ("number", Some(Scalar::Number(x))) => Ok(Cell::Number(x)),
            ("date", Some(Scalar::Text(s))) => s.parse().map(Cell::Date).map_err(|e| format!("date `{s}`: {e}")),
            ("text" | "number" | "date", v) => {
                need(v, "v")?;
                Err(format!("the value of a `{t}` cell has the wrong type"))
            }
            (other, _) => Err(unknown(other, &["empty", "text", "number", "date"])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_display_and_serialise_by_kind() {
        let d = NaiveDate::from_ymd_opt(2017, 6, 12).unwrap();
        assert_eq!(Cell::Date(d).display(Lang::Zh), "2017年6月12日");
        assert_eq!(Cell::Date(d).display(Lang::En), "2017-06-12");
        assert_eq!(Cell::Number(2.5).display(Lang::Zh), "2.5");
        assert_eq!(Cell::text("  "), Cell::Empty);
        assert_eq!(Cell::number(Some(f64::NAN)), Cell::Empty);
        let json = serde_json::to_string(&vec![Cell::Text("张三".into()), Cell::Date(d), Cell::Empty]).unwrap();
        assert_eq!(json, r#"[{"t":"text","v":"张三"},{"t":"date","v":"2017-06-12"},{"t":"empty"}]"#);
        let back: Vec<Cell> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [Cell::Text("张三".into()), Cell::Date(d), Cell::Empty]);
    }

    /// A cell's JSON → the cell, or words of the error.
    fn check(json: &str, want: Result<Cell, &str>) {
        let got: Result<Cell, String> = serde_json::from_str(json).map_err(|e| e.to_string());
        match (&got, &want) {
            (Ok(g), Ok(w)) => {
                assert_eq!(g, w, "{json}");
                assert_eq!(&serde_json::from_str::<Cell>(&serde_json::to_string(g).unwrap()).unwrap(), w);
            }
            (Err(g), Err(w)) => assert!(g.contains(w), "{json}: {g}"),
            _ => panic!("{json}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn cells_read_in_any_key_order() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let cases: [(&str, Result<Cell, &str>); 12] = [
            (r#"{"t":"text","v":"张三"}"#, Ok(Cell::Text("张三".into()))),
            (r#"{"v":"张三","t":"text"}"#, Ok(Cell::Text("张三".into()))),
            (r#"{"v":2.5,"t":"number"}"#, Ok(Cell::Number(2.5))),
            (r#"{"t":"number","v":12345}"#, Ok(Cell::Number(12345.0))),
            (r#"{"t":"number","v":-3}"#, Ok(Cell::Number(-3.0))),
            (r#"{"v":"2024-02-29","t":"date"}"#, Ok(Cell::Date(d))),
            (r#"{"t":"empty"}"#, Ok(Cell::Empty)),
            (r#"{"t":"date","v":"2023-02-29"}"#, Err("date `2023-02-29`")),
            (r#"{"t":"number","v":"2.5"}"#, Err("the value of a `number` cell has the wrong type")),
            (r#"{"t":"text"}"#, Err("missing field `v`")),
            (r#"{"t":"bool","v":true}"#, Err("expected a string or a number")),
            (r#"{"t":"bool","v":1}"#, Err("unknown variant `bool`, expected one of `empty`, `text`, `number`, `date`")),
        ];
        for (json, want) in cases {
            check(json, want);
        }
    }
}
