//! Charts drawn by the app as SVG: hours month by month against the target line,
//! activities per month against the target, a theme × station coverage grid, and the
//! stations side by side. Every chart has a text alternative (a table or a summary line).
use crate::i18n::{t, Lang};
use crate::state::DataState;
use crate::ui::fmt::{fmt_hours, fmt_int};
use crate::ui::{lang, tr};
use leptos::prelude::*;
use scorecard_domain::score::insights::Charts;
use scorecard_domain::score::IndicatorResult;

const W: f64 = 720.0;
const H: f64 = 260.0;
const PAD_L: f64 = 56.0;
const PAD_R: f64 = 16.0;
/// Room above the top grid line for the unit (小时, 次), clear of the top tick's label.
const PAD_T: f64 = 30.0;
const PAD_B: f64 = 36.0;

/// A "nice" axis maximum and step for values up to `max`.
fn nice(max: f64) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 0.25);
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

fn x_of(i: usize, n: usize) -> f64 {
    PAD_L + (W - PAD_L - PAD_R) * (i as f64 + 0.5) / n as f64
}

fn y_of(v: f64, top: f64) -> f64 {
    PAD_T + (H - PAD_T - PAD_B) * (1.0 - (v / top).clamp(0.0, 1.2))
}

/// Y axis with grid lines.
/// A tick's value in few characters, for a chart drawn to a phone's width (its labels are
/// drawn larger there): 1.5万 / 15k, 5000; small values as they are.
pub fn short_tick(v: f64, l: Lang) -> String {
    let trim = |x: f64| {
        let s = format!("{x:.1}");
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    match l {
        Lang::Zh if v >= 10_000.0 => format!("{}万", trim(v / 10_000.0)),
        Lang::En if v >= 1_000.0 => format!("{}k", trim(v / 1_000.0)),
        _ if v.fract() == 0.0 => format!("{v:.0}"),
        _ => fmt_hours(v),
    }
}

fn axis(top: f64, step: f64, unit: &str, l: Lang) -> impl IntoView {
    let mut ticks = Vec::new();
    let mut v = 0.0;
    while v <= top + step * 0.01 {
        ticks.push(v);
        v += step;
    }
    view! {
        <g class="axis">
            {ticks
                .into_iter()
                .map(|v| {
                    let y = y_of(v, top);
                    view! {
                        <line x1=PAD_L x2=W - PAD_R y1=y y2=y class="grid-line" />
                        // both forms; the page's width shows one (style/20-scorecard.css)
                        <text x=PAD_L - 6.0 y=y + 4.0 text-anchor="end" class="tick">
                            <tspan class="tick-full">{fmt_hours(v)}</tspan>
                            <tspan class="tick-short">{short_tick(v, l)}</tspan>
                        </text>
                    }
                })
                .collect_view()} <text x=PAD_L - 6.0 y=PAD_T - 14.0 text-anchor="end" class="unit">
                {unit.to_string()}
            </text>
        </g>
    }
}

fn month_labels(l: Lang) -> impl IntoView {
    (1..=12usize)
        .map(move |m| {
            let x = x_of(m - 1, 12);
            // 月 is left out on a phone (style/20-scorecard.css): 10月11月12月 would touch there
            let (label, unit) = if l == Lang::Zh {
                (m.to_string(), "月")
            } else {
                (
                    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
                        .to_string(),
                    "",
                )
            };
            view! {
                <text x=x y=H - PAD_B + 18.0 text-anchor="middle" class="tick month">
                    {label}
                    <tspan class="month-unit">{unit}</tspan>
                </text>
            }
        })
        .collect_view()
}

/// Cumulative hours against the pro-rated target line, with monthly hours as bars.
#[component]
fn HoursChart(c: Charts) -> impl IntoView {
    let l = lang();
    let max_bar = c.months.iter().map(|m| m.hours).fold(0.0, f64::max);
    let max_line =
        c.months.iter().map(|m| m.cumulative_hours.max(m.target_cumulative_hours.unwrap_or(0.0))).fold(0.0, f64::max);
    let full_target = c.hours_target_per_head.map(|t| t * f64::from(c.registered));
    let (top, step) = nice(max_line.max(max_bar).max(full_target.unwrap_or(0.0)));
    let bw = (W - PAD_L - PAD_R) / 12.0 * 0.5;
    let shown: Vec<_> = c.months.iter().filter(|m| m.ended || m.current).cloned().collect();
    let actual: String = shown
        .iter()
        .map(|m| format!("{:.1},{:.1}", x_of(m.month as usize - 1, 12), y_of(m.cumulative_hours, top)))
        .collect::<Vec<_>>()
        .join(" ");
    let target: String = c
        .months
        .iter()
        .filter_map(|m| {
            m.target_cumulative_hours.map(|t| format!("{:.1},{:.1}", x_of(m.month as usize - 1, 12), y_of(t, top)))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let last = shown.last().cloned();
    let summary = last.as_ref().map(|m| {
        let due = m.target_cumulative_hours.map(fmt_hours).unwrap_or_else(|| "—".into());
        let p = crate::ui::Punct(l);
        format!(
            "{}{}{} {}{}{}{}{} {}",
            t(l, "charts.cumulative"),
            p.colon(),
            fmt_hours(m.cumulative_hours),
            t(l, "charts.hours"),
            p.semi(),
            t(l, "charts.due"),
            p.colon(),
            due,
            t(l, "charts.hours")
        )
    });
    view! {
        <figure class="chart chart-fit" data-testid="chart-hours">
            <figcaption>{tr("charts.hours_title")}</figcaption>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary.clone().unwrap_or_default()>
                {axis(top, step, t(l, "charts.hours"), l)}
                {c
                    .months
                    .iter()
                    .map(|m| {
                        let x = x_of(m.month as usize - 1, 12);
                        let y = y_of(m.hours, top);
                        view! {
                            <rect
                                x=x - bw / 2.0
                                y=y
                                width=bw
                                height=(H - PAD_B - y).max(0.0)
                                class=if m.ended { "ch-bar" } else { "ch-bar ch-bar-partial" }
                            >
                                <title>{format!("{}：{} h", m.label, fmt_hours(m.hours))}</title>
                            </rect>
                        }
                    })
                    .collect_view()}
                <polyline
                    points=target
                    class="line-target"
                    data-testid="hours-target"
                    data-year-end=c.months.last().and_then(|m| m.target_cumulative_hours).map(|t| format!("{t:.1}"))
                />
                <polyline points=actual class="line-actual" />
                {shown
                    .iter()
                    .map(|m| {
                        view! {
                            <circle
                                cx=x_of(m.month as usize - 1, 12)
                                cy=y_of(m.cumulative_hours, top)
                                r=3.5
                                class="dot-actual"
                            >
                                <title>{format!("{}：{} h", m.label, fmt_hours(m.cumulative_hours))}</title>
                            </circle>
                        }
                    })
                    .collect_view()}
                {month_labels(l)}
            </svg>
            <p class="legend small">
                <span class="key key-bar"></span>
                {tr("charts.monthly_hours")}
                <span class="key key-actual"></span>
                {tr("charts.cumulative")}
                <span class="key key-target"></span>
                {tr("charts.target_line")}
            </p>
            {summary.map(|s| view! { <p class="small muted">{s}</p> })}
        </figure>
    }
}

/// Activities per month (all stations) against stations × the monthly target.
#[component]
fn ActivitiesChart(c: Charts) -> impl IntoView {
    let l = lang();
    let per_month_target = c.activities_target_per_month.map(|t| f64::from(t) * c.stations.len() as f64);
    let max = c.months.iter().map(|m| f64::from(m.activities)).fold(0.0, f64::max).max(per_month_target.unwrap_or(0.0));
    let (top, step) = nice(max);
    let bw = (W - PAD_L - PAD_R) / 12.0 * 0.6;
    view! {
        <figure class="chart chart-fit" data-testid="chart-activities">
            <figcaption>{tr("charts.activities_title")}</figcaption>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=tr("charts.activities_title")>
                {axis(top, step, t(l, "charts.times"), l)}
                {c
                    .months
                    .iter()
                    .map(|m| {
                        let x = x_of(m.month as usize - 1, 12);
                        let v = f64::from(m.activities);
                        let y = y_of(v, top);
                        let short = per_month_target.is_some_and(|t| v < t) && m.ended;
                        view! {
                            <rect
                                x=x - bw / 2.0
                                y=y
                                width=bw
                                height=(H - PAD_B - y).max(0.0)
                                data-testid="activities-bar"
                                data-month=m.month
                                data-count=m.activities
                                data-short=short.to_string()
                                class=if short {
                                    "ch-bar ch-bar-short"
                                } else if m.ended {
                                    "ch-bar"
                                } else {
                                    "ch-bar ch-bar-partial"
                                }
                            >
                                <title>{format!("{}：{}", m.label, m.activities)}</title>
                            </rect>
                            <text x=x y=y - 4.0 text-anchor="middle" class="bar-value">
                                {m.activities}
                            </text>
                        }
                    })
                    .collect_view()}
                {per_month_target
                    .map(|t| {
                        let y = y_of(t, top);
                        view! {
                            <line
                                x1=PAD_L
                                x2=W - PAD_R
                                y1=y
                                y2=y
                                class="line-target"
                                data-testid="activities-target"
                                data-target=t
                            />
                        }
                    })}
                {month_labels(l)}
            </svg>
            <p class="legend small">
                <span class="key key-bar"></span>
                {tr("charts.activities")}
                <span class="key key-short"></span>
                {tr("charts.below_target")}
                {per_month_target
                    .map(|t| {
                        view! {
                            <span class="key key-target"></span>
                            {tr("charts.target_line")}
                            {move || crate::ui::punct().paren(fmt_int(t as u64))}
                        }
                    })}
            </p>
        </figure>
    }
}

/// Theme × station: how many activities of each theme each station ran, against its target.
#[component]
fn CoverageGrid(result: IndicatorResult) -> impl IntoView {
    // the themes' own English names where the dictionary has them
    let themes: Vec<(String, String, u32)> = result
        .stations
        .first()
        .map(|s| {
            s.detail
                .counts
                .iter()
                .map(|c| {
                    (c.name.clone(), if c.name_en.is_empty() { c.name.clone() } else { c.name_en.clone() }, c.target)
                })
                .collect()
        })
        .unwrap_or_default();
    let (lz, le) = (result.label.clone(), result.label_en.clone());
    view! {
        <figure class="chart" data-testid="chart-coverage">
            <figcaption>
                {move || if lang() == Lang::Zh { lz.clone() } else { le.clone() }} " — " {tr("charts.coverage_title")}
            </figcaption>
            <div class="table-wrap">
                <table class="grid coverage">
                    <thead>
                        <tr>
                            <th scope="col">{tr("score.station")}</th>
                            {themes
                                .iter()
                                .map(|(zh, en, t)| {
                                    let (zh, en) = (zh.clone(), en.clone());
                                    view! {
                                        <th scope="col">
                                            {move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }} <br />
                                            <span class="muted small">"≥ " {*t}</span>
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {result
                            .stations
                            .iter()
                            .map(|s| {
                                view! {
                                    <tr>
                                        <th scope="row" data-cjk-ok="station">
                                            {s.station.clone()}
                                        </th>
                                        {s
                                            .detail
                                            .counts
                                            .iter()
                                            .map(|c| {
                                                let ok = c.count >= c.target;
                                                let shade = if ok {
                                                    "cov-ok"
                                                } else if c.count > 0 {
                                                    "cov-part"
                                                } else {
                                                    "cov-none"
                                                };
                                                view! {
                                                    <td class=format!("num {shade}")>
                                                        <span aria-hidden="true">
                                                            {if ok { "✔ " } else { "✘ " }}
                                                        </span>
                                                        {c.count}
                                                    </td>
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

/// The stations side by side: hours per head against the target, activities, trainings.
#[component]
fn StationsChart(c: Charts) -> impl IntoView {
    let l = lang();
    let target = c.hours_target_per_head;
    let max = c.stations.iter().filter_map(|s| s.hours_per_head).fold(0.0, f64::max).max(target.unwrap_or(0.0));
    let (top, _) = nice(max);
    let row_h = 30.0;
    // no unit above this one: its rows start near the top
    let pad_t = 16.0;
    let h = pad_t + row_h * c.stations.len() as f64 + 24.0;
    let left = 120.0;
    let width = W - left - 60.0;
    let x = move |v: f64| left + width * (v / top).clamp(0.0, 1.0);
    view! {
        <figure class="chart" data-testid="chart-stations">
            <figcaption>{tr("charts.stations_title")}</figcaption>
            <svg viewBox=format!("0 0 {W} {h}") role="img" aria-label=tr("charts.stations_title")>
                {c
                    .stations
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let y = pad_t + row_h * i as f64;
                        let v = s.hours_per_head.unwrap_or(0.0);
                        let short = target.is_some_and(|t| v < t);
                        view! {
                            <text x=left - 8.0 y=y + 17.0 text-anchor="end" class="tick" data-cjk-ok="station">
                                {s.station.clone()}
                            </text>
                            <rect
                                x=left
                                y=y + 5.0
                                width=(x(v) - left).max(1.0)
                                height=row_h - 10.0
                                class=if short { "ch-bar ch-bar-short" } else { "ch-bar" }
                            >
                                <title>{format!("{}：{} h/人", s.station, fmt_hours(v))}</title>
                            </rect>
                            <text x=x(v) + 6.0 y=y + 19.0 class="bar-value">
                                {fmt_hours(v)}
                            </text>
                        }
                    })
                    .collect_view()}
                {target
                    .map(|tv| {
                        view! {
                            <line x1=x(tv) x2=x(tv) y1=pad_t - 4.0 y2=h - 20.0 class="line-target" />
                            <text x=x(tv) y=h - 6.0 text-anchor="middle" class="tick">
                                {format!("{} {}", t(l, "charts.target"), fmt_hours(tv))}
                            </text>
                        }
                    })}
            </svg>
            <div class="table-wrap">
                <table class="grid small" data-testid="stations-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("score.station")}</th>
                            <th scope="col">{tr("charts.registered")}</th>
                            <th scope="col">{tr("charts.active")}</th>
                            <th scope="col">{tr("charts.hours")}</th>
                            <th scope="col">{tr("charts.per_head")}</th>
                            <th scope="col">{tr("charts.activities")}</th>
                            <th scope="col">{tr("charts.trainings")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {c
                            .stations
                            .iter()
                            .map(|s| {
                                view! {
                                    <tr>
                                        <th scope="row" data-cjk-ok="station">
                                            {s.station.clone()}
                                        </th>
                                        <td class="num">{fmt_int(u64::from(s.registered))}</td>
                                        <td class="num">{fmt_int(u64::from(s.active))}</td>
                                        <td class="num">{fmt_hours(s.hours)}</td>
                                        <td class="num">
                                            {s.hours_per_head.map(fmt_hours).unwrap_or_else(|| "—".into())}
                                        </td>
                                        <td class="num">{s.activities}</td>
                                        <td class="num">{s.trainings}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

#[component]
pub fn ChartsPanel() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        <section class="panel charts" data-testid="charts">
            {move || {
                data.view
                    .with(|v| {
                        v.as_ref()
                            .map(|v| {
                                let c = v.charts.clone();
                                let coverage = v
                                    .card
                                    .indicators
                                    .iter()
                                    .find(|r| {
                                        !r.stations.is_empty() && r.stations.iter().any(|s| !s.detail.counts.is_empty())
                                    })
                                    .cloned();
                                // The first per-station theme-coverage indicator (X6 …) gives the grid.
                                view! {
                                    <HoursChart c=c.clone() />
                                    <ActivitiesChart c=c.clone() />
                                    {coverage.map(|r| view! { <CoverageGrid result=r /> })}
                                    {(!c.stations.is_empty()).then(|| view! { <StationsChart c=c.clone() /> })}
                                }
                            })
                    })
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{short_tick, Lang};

    #[test]
    fn ticks_in_few_characters() {
        assert_eq!(short_tick(15_000.0, Lang::Zh), "1.5万");
        assert_eq!(short_tick(10_000.0, Lang::Zh), "1万");
        assert_eq!(short_tick(5_000.0, Lang::Zh), "5000");
        assert_eq!(short_tick(15_000.0, Lang::En), "15k");
        assert_eq!(short_tick(2_500.0, Lang::En), "2.5k");
        assert_eq!(short_tick(0.0, Lang::Zh), "0");
        assert_eq!(short_tick(2.5, Lang::Zh), "2.5");
    }
}
