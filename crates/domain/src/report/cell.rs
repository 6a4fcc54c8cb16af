//! One cell of a drill-down table: text, a number or a date, kept typed so the xlsx gets
//! real numbers and dates and the screen formats them in the user's language.

use super::Lang;
use crate::calendar::{fmt_date_zh, fmt_hours};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
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
        assert_eq!(back[1], Cell::Date(d));
    }
}
