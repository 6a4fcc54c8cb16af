//! The data is of another year than the one being scored: say so where it matters (the
//! import screen and the scorecard) and offer to score the data's year, instead of a
//! scorecard of zeros and a findings list of "outside the year" rows.
use super::lang;
use crate::i18n::tf;
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
            let text = move || {
                tf(
                    lang(),
                    "import.year_mismatch",
                    &[("rows", &fmt_int(y.rows)), ("of", &fmt_int(y.of)), ("data_year", &y.year), ("year", &year)],
                )
            };
            view! {
                <div class="notice warning" role="status" data-testid="year-mismatch">
                    <span class="notice-icon" aria-hidden="true">
                        "⚠"
                    </span>
                    <span class="notice-text">{text}</span>
                    <button data-testid="use-data-year" on:click=move |_| app.edit(|d| d.use_year(y.year))>
                        {move || tf(lang(), "import.use_data_year", &[("data_year", &y.year)])}
                    </button>
                    " "
                    <span class="muted small">{move || tf(lang(), "import.import_year", &[("year", &year)])}</span>
                </div>
            }
        })
    }
}
