//! The drill-down dialog: the rows behind an indicator (or one station of it), masked,
//! with their source file, sheet and Excel row; downloadable as CSV.
use crate::i18n::Lang;
use crate::state::{AppState, DataState};
use crate::ui::{lang, tr};
use leptos::prelude::*;
use scorecard_domain::export;
use scorecard_domain::export::{RowTable, RowsCut};

fn rlang(l: Lang) -> export::Lang {
    match l {
        Lang::Zh => export::Lang::Zh,
        Lang::En => export::Lang::En,
    }
}

#[allow(unreachable_pub)] // #[component] makes the props type `pub`
#[component]
pub(super) fn RowsDialog(target: RwSignal<Option<(String, Option<String>)>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let tables = RwSignal::new(None::<Vec<RowTable>>);
    let cut = RwSignal::new(None::<RowsCut>);
    let close = move || target.set(None);
    // `autofocus` does nothing on a dialog added to the page later: focus its close button
    // when it appears, so Escape and Tab work at once (keyboard and screen-reader users)
    let close_btn = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close_btn.get() {
            let _ = b.focus();
        }
    });
    Effect::new(move |_| {
        let Some((indicator, station)) = target.get() else { return };
        tables.set(None);
        cut.set(None);
        data.load_rows(indicator, station, move |t, c| {
            cut.set(c);
            tables.set(Some(t));
        });
    });
    view! {
        {move || {
            target
                .get()
                .map(|(id, station)| {
                    let (id2, st2) = (id.clone(), station.clone());
                    view! {
                        <div class="overlay" on:click=move |_| close()></div>
                        <section
                            class="dialog wide"
                            role="dialog"
                            aria-modal="true"
                            aria-labelledby="rows-title"
                            data-testid="rows-dialog"
                            on:keydown=move |e| {
                                if e.key() == "Escape" {
                                    close()
                                }
                            }
                        >
                            <header class="dialog-head">
                                <h2 id="rows-title">
                                    {tr("rows.title")} " · " {id.clone()} {station.clone().map(|s| format!(" · {s}"))}
                                </h2>
                                <button
                                    class="link"
                                    node_ref=close_btn
                                    data-testid="rows-close"
                                    on:click=move |_| close()
                                >
                                    {tr("drafts.close")}
                                </button>
                            </header>
                            <button
                                data-testid="rows-csv"
                                on:click=move |_| {
                                    data.download_rows_csv(
                                        app,
                                        id2.clone(),
                                        st2.clone(),
                                        app.lang.get_untracked() == Lang::En,
                                    )
                                }
                            >
                                "⬇ "
                                {tr("rows.download")}
                            </button>
                            {move || {
                                cut.get()
                                    .map(|c| {
                                        view! {
                                            <p class="notice warning" data-testid="rows-cut">
                                                {c.note(rlang(lang()))}
                                            </p>
                                        }
                                    })
                            }}
                            {move || match tables.get() {
                                None => view! { <p class="muted">{tr("rows.loading")}</p> }.into_any(),
                                Some(list) => {
                                    list.into_iter()
                                        .map(|t| {
                                            let l = lang();
                                            let role = t.role;
                                            view! {
                                                <h3>
                                                    {l.pick(role.label_zh(), role.label_en())} " "
                                                    <span class="muted num">{t.rows.len()}</span>
                                                </h3>
                                                <div class="table-wrap rows-wrap">
                                                    <table class="grid" data-testid="rows-table" data-cjk-ok="rows">
                                                        <thead>
                                                            <tr>
                                                                {t
                                                                    .headers
                                                                    .iter()
                                                                    .map(|(z, e)| {
                                                                        view! { <th scope="col">{l.pick(z, e).to_string()}</th> }
                                                                    })
                                                                    .collect_view()}
                                                            </tr>
                                                        </thead>
                                                        <tbody>
                                                            {t
                                                                .rows
                                                                .iter()
                                                                .map(|r| {
                                                                    view! {
                                                                        <tr>
                                                                            {r
                                                                                .iter()
                                                                                .map(|c| view! { <td>{c.display(rlang(l))}</td> })
                                                                                .collect_view()}
                                                                        </tr>
                                                                    }
                                                                })
                                                                .collect_view()}
                                                        </tbody>
                                                    </table>
                                                </div>
                                            }
                                        })
                                        .collect_view()
                                        .into_any()
                                }
                            }}
                        </section>
                    }
                })
        }}
    }
}
