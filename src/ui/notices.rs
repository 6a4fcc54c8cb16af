//! Banners: storage problems, other-tab conflicts, broken drafts, confirmations.
use super::{lang, tr};
use crate::i18n::Lang;
use crate::state::app_state::{NoticeAction, NoticeKind};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            <For each=move || state.notices.get() key=|n| (n.id, n.zh.clone()) let:n>
                {
                    let id = n.id;
                    let class = match n.kind {
                        NoticeKind::Info => "notice info",
                        NoticeKind::Warning => "notice warning",
                        NoticeKind::Error => "notice error",
                    };
                    let icon = match n.kind {
                        NoticeKind::Info => "ℹ".into_any(),
                        NoticeKind::Warning => "⚠".into_any(),
                        NoticeKind::Error => view! { <crate::ui::icon::StopIcon /> }.into_any(),
                    };
                    let (zh, en) = (n.zh.clone(), n.en.clone());
                    let action = n.action.clone();
                    view! {
                        <div class=class data-testid=format!("notice-{}", n.tag)>
                            <span class="notice-icon" aria-hidden="true">
                                {icon}
                            </span>
                            <span class="notice-text">
                                {move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}
                            </span>
                            {action
                                .map(|a| match a {
                                    NoticeAction::OtherTab => {
                                        view! {
                                            <button data-testid="load-theirs" on:click=move |_| state.load_theirs()>
                                                {tr("notice.load_theirs")}
                                            </button>
                                            <button
                                                data-testid="keep-mine"
                                                on:click=move |_| {
                                                    state.dismiss(id);
                                                    state.keep_mine_as_copy()
                                                }
                                            >
                                                {tr("notice.keep_mine")}
                                            </button>
                                        }
                                    }
                                })}
                            <button class="link" on:click=move |_| state.dismiss(id)>
                                {tr("notice.dismiss")}
                            </button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
