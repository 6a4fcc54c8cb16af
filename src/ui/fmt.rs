//! Numbers, sizes, dates and percentages the Chinese way, for the page (the domain's
//! `phrasing` does the work; this adds what only the UI needs).
use crate::i18n::Lang;
use scorecard_domain::phrasing::formats as f;

/// `12345` → `12,345`.
pub fn fmt_int(n: u64) -> String {
    f::fmt_count(n)
}

/// Bytes as `1.2 MB` / `350 KB`.
pub fn fmt_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_000)
    } else {
        format!("{bytes} B")
    }
}

/// `0.1333` → `13.3%`.
pub fn fmt_pct(x: f64) -> String {
    f::fmt_pct(x)
}

/// Hours, at most one decimal.
pub fn fmt_hours(x: f64) -> String {
    f::fmt_hours(x)
}

/// A date as 2017年6月12日, or 2017-06-12 in English.
pub fn fmt_date(lang: Lang, d: chrono::NaiveDate) -> String {
    match lang {
        Lang::Zh => f::fmt_date_zh(d),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}
