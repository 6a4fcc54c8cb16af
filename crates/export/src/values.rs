//! Wording and number formats shared by the xlsx and the CSV: status words, units, numbers.

use crate::lang::Lang;
use scorecard_model::finding::Severity;
use scorecard_score::{HoursSource, Status, Unit};

pub(crate) fn status_word(s: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.label_zh(),
        Lang::En => s.label_en(),
    }
}

pub(crate) fn severity_zh(s: Severity) -> &'static str {
    match s {
        Severity::Info => "提示",
        Severity::Warning => "警告",
        Severity::Error => "错误",
    }
}

pub(crate) fn hours_source_zh(s: HoursSource) -> &'static str {
    match s {
        HoursSource::Records => "服务记录",
        HoursSource::RosterAnnual => "名册的年度服务时长列",
        HoursSource::Missing => "无（缺少服务记录和年度服务时长）",
    }
}

/// The Excel number format of a value in `unit`: the cell stays a number, the unit shows
/// in the format (a ratio as a percentage, hours with "小时").
pub(crate) fn unit_format(unit: Unit) -> &'static str {
    match unit {
        Unit::Ratio => "0.0%",
        Unit::Hours => r#"0.0" 小时""#,
        Unit::Count => "0",
        Unit::Periods => r#"0" 期""#,
        Unit::Items => r#"0" 项""#,
        Unit::Stations => r#"0" 个站点""#,
    }
}

/// A value for a CSV cell: a ratio as `13.33%` (Excel and WPS read it as the number 0.1333
/// shown as a percentage), anything else as a plain number (`25`, `12.35`), never grouped
/// with commas. Two decimals at most, so a value just below its target (12.96 %) never reads
/// as the target (13 %). Empty for no value.
pub(crate) fn csv_value(unit: Unit, v: Option<f64>) -> String {
    match v.filter(|x| x.is_finite()) {
        None => String::new(),
        Some(x) if unit == Unit::Ratio => format!("{}%", plain(x * 100.0)),
        Some(x) => plain(x),
    }
}

/// At most two decimals, no trailing zeros, no grouping, no `-0`.
pub(crate) fn plain(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 {
        "0".to_string()
    } else {
        format!("{r}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_values_are_plain_or_percent() {
        for (unit, v, want) in [
            (Unit::Ratio, Some(0.1333333), "13.33%"),
            (Unit::Ratio, Some(0.13), "13%"),
            (Unit::Ratio, Some(0.1296), "12.96%"),
            (Unit::Ratio, Some(1.0), "100%"),
            (Unit::Hours, Some(12345.678), "12345.68"),
            (Unit::Hours, Some(25.0), "25"),
            (Unit::Count, Some(-0.001), "0"),
            (Unit::Stations, None, ""),
            (Unit::Hours, Some(f64::NAN), ""),
        ] {
            assert_eq!(csv_value(unit, v), want, "{unit:?} {v:?}");
        }
    }
}
