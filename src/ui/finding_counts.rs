//! One line of finding counts, the same on the import screen and the scorecard: rows left
//! out (未计入), things to check (需核对), records of another period, hints — the domain's
//! one classification (`Finding::class`), so both screens count alike.
use super::fmt::fmt_int;
use super::tr;
use leptos::prelude::*;
use scorecard_domain::finding::FindingCounts;

#[component]
pub fn FindingCountsLine(counts: FindingCounts) -> impl IntoView {
    let parts = [
        ("findings.left_out", counts.left_out, "count-left-out-rows", "fc fc-left-out"),
        ("findings.check", counts.check, "count-check", "fc fc-check"),
        ("findings.out_of_period", counts.out_of_period, "count-out-of-period", "fc fc-period"),
        ("findings.hints", counts.hints, "count-hints", "fc fc-hint"),
    ];
    view! {
        <p class="finding-counts" data-testid="finding-counts">
            {parts
                .into_iter()
                .filter(|(_, n, _, _)| *n > 0)
                .map(|(key, n, id, class)| {
                    view! {
                        <span class=class>
                            {tr(key)} " " <b class="num" data-testid=id>
                                {fmt_int(n)}
                            </b>
                        </span>
                    }
                })
                .collect_view()}
            {(counts.left_out + counts.check + counts.out_of_period + counts.hints == 0)
                .then(|| view! { <span class="muted">{tr("findings.none")}</span> })}
        </p>
    }
}
