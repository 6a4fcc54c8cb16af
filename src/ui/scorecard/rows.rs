//! The drill-down dialog: the rows behind an indicator (or one station of it).
use crate::ui::tr;
use leptos::prelude::*;

#[component]
pub fn RowsDialog(target: RwSignal<Option<(String, Option<String>)>>) -> impl IntoView {
    let close = move || target.set(None);
    view! {
        {move || target.get().map(|(id, station)| view! {
            <div class="overlay" on:click=move |_| close()></div>
            <section class="dialog wide" role="dialog" aria-modal="true" data-testid="rows-dialog"
                on:keydown=move |e| if e.key() == "Escape" { close() }>
                <header class="dialog-head">
                    <h2>{tr("rows.title")} " · " {id.clone()} {station.clone().map(|s| format!(" · {s}"))}</h2>
                    <button class="link" autofocus on:click=move |_| close()>{tr("drafts.close")}</button>
                </header>
                <p class="muted">{tr("rows.loading")}</p>
            </section>
        })}
    }
}
