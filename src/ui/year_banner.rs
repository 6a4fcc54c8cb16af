//! The data is of another year than the one being scored: say so where it matters (the
//! import screen and the scorecard) and offer to score the data's year, instead of a
//! scorecard of zeros and a findings list of "outside the year" rows.
use super::lang;
use crate::i18n::Lang;
use crate::state::{AppState, DataState};
use crate::ui::fmt::fmt_int;
use leptos::prelude::*;

#[component]
pub fn YearBanner() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let mismatch = move || {
        let year = app.draft.with(|d| d.context.year);
        data.import.with(|s| s.as_ref().and_then(|s| s.data_year)).filter(|y| y.year != year).map(|y| (year, y))
    };
    move || {
        mismatch().map(|(year, y)| {
            let text = move || match lang() {
                Lang::Zh => format!(
                    "导入的数据中有 {} 条（共 {} 条有日期）在 {} 年，而考核年度是 {year} 年：这些记录都不会计入。",
                    fmt_int(y.rows),
                    fmt_int(y.of),
                    y.year
                ),
                Lang::En => format!(
                    "{} of the {} dated rows are in {}, but the assessment year is {year}: they will not count.",
                    fmt_int(y.rows),
                    fmt_int(y.of),
                    y.year
                ),
            };
            view! {
                <div class="notice warning" role="status" data-testid="year-mismatch">
                    <span class="notice-icon" aria-hidden="true">"⚠"</span>
                    <span class="notice-text">{text}</span>
                    <button data-testid="use-data-year" on:click=move |_| app.edit(|d| d.use_year(y.year))>
                        {move || if lang() == Lang::Zh { format!("改为考核 {} 年", y.year) } else { format!("Score {} instead", y.year) }}
                    </button>
                    " " <span class="muted small">{move || if lang() == Lang::Zh { format!("若要考核 {year} 年，请导入 {year} 年的数据。") } else { format!("To score {year}, import {year}'s data.") }}</span>
                </div>
            }
        })
    }
}
