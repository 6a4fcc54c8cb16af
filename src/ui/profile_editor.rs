//! Choosing the profile, and editing a custom copy of one: thresholds, theme and team
//! dictionaries; export and import as JSON.
use super::{lang, tr};
use crate::i18n::{t, Lang};
use crate::state::download;
use crate::state::{AppState, DataState, NoticeKind};
use leptos::prelude::*;
use scorecard_domain::profile::thresholds::{self, ThresholdKind};
use scorecard_domain::profile::{import_json, Profile, TagEntry, BUILTIN_IDS};

fn is_builtin(id: &str) -> bool {
    BUILTIN_IDS.contains(&id)
}

/// `关爱空巢老人：空巢、独居老人` per line ⇄ tag entries.
fn dict_text(entries: &[TagEntry]) -> String {
    entries
        .iter()
        .map(|e| if e.aliases.is_empty() { e.name.clone() } else { format!("{}：{}", e.name, e.aliases.join("、")) })
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_dict(text: &str, old: &[TagEntry]) -> Vec<TagEntry> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() {
                return None;
            }
            let (name, rest) = line.split_once(['：', ':']).unwrap_or((line, ""));
            let name = name.trim().to_string();
            let aliases = rest
                .split(['、', ',', '，', ';', '；'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            let prev = old.iter().find(|e| e.name == name);
            Some(TagEntry {
                name_en: prev.map(|p| p.name_en.clone()).unwrap_or_default(),
                group: prev.and_then(|p| p.group.clone()),
                name,
                aliases,
            })
        })
        .collect()
}

/// The profile drop-down of the context step, with the editor of a custom profile below.
#[component]
pub fn ProfilePicker() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let current = move || app.draft.with(|d| d.context.profile.clone());
    view! {
        <div class="field">
            <label for="ctx-profile">{tr("ctx.profile")}</label>
            <select
                id="ctx-profile"
                data-testid="ctx-profile"
                aria-describedby="ctx-profile-help"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    app.edit(|d| d.context.profile = v)
                }
            >
                {move || {
                    data.profiles()
                        .into_iter()
                        .map(|p| {
                            let id = p.id.clone();
                            let sel = current() == id;
                            let (z, e) = (p.name_zh.clone(), p.name_en.clone());
                            view! {
                                <option value=id selected=sel>
                                    {move || if lang() == Lang::Zh { z.clone() } else { e.clone() }}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <p class="help" id="ctx-profile-help">
                {tr("ctx.profile.help")}
            </p>
        </div>
    }
}

#[component]
pub fn ProfileEditor() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let current_id = Memo::new(move |_| app.draft.with(|d| d.context.profile.clone()));
    let copy = move |_| {
        let base = data.profile(&current_id.get_untracked());
        let id = format!("custom-{}", js_sys::Date::now() as u64);
        let copy = base.customise(
            &id,
            &format!("{}{}", base.name_zh, t(Lang::Zh, "profile.copied_suffix")),
            &format!("{}{}", base.name_en, t(Lang::En, "profile.copied_suffix")),
        );
        let mut list = data.custom_profiles.get_untracked();
        list.push(copy);
        data.save_custom_profiles(app, list);
        app.edit(|d| d.context.profile = id);
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
            let text = text.as_string().unwrap_or_default();
            match import_json(&text) {
                Ok((mut p, _warnings)) => {
                    let mut list = data.custom_profiles.get_untracked();
                    if is_builtin(&p.id) || list.iter().any(|x| x.id == p.id) {
                        p.id = format!("custom-{}", js_sys::Date::now() as u64);
                    }
                    let id = p.id.clone();
                    list.push(p);
                    data.save_custom_profiles(app, list);
                    app.edit(|d| d.context.profile = id);
                    app.notify(NoticeKind::Info, "profile", "profile.imported", None);
                }
                Err(problems) => {
                    let zh = problems.iter().map(|p| p.message.clone()).collect::<Vec<_>>().join("；");
                    let en = problems.iter().map(|p| p.message_en.clone()).collect::<Vec<_>>().join("; ");
                    app.push_notice(
                        NoticeKind::Error,
                        "profile",
                        format!("{}{zh}", t(Lang::Zh, "profile.import_failed")),
                        format!("{} {en}", t(Lang::En, "profile.import_failed")),
                        None,
                    );
                }
            }
        });
    };
    view! {
        <section class="panel" data-testid="profile-editor">
            <h3>{tr("profile.heading")}</h3>
            <p class="muted small">{tr("profile.custom_note")}</p>
            <div class="import-tools">
                <button data-testid="profile-copy" on:click=copy>
                    {tr("profile.copy")}
                </button>
                <button
                    data-testid="profile-export"
                    on:click=move |_| {
                        let p = data.profile(&current_id.get_untracked());
                        download::bytes(&format!("{}.json", p.id), "application/json", p.to_json().as_bytes());
                    }
                >
                    "⬇ "
                    {tr("profile.export")}
                </button>
                <label class="button" for="profile-import">
                    "⬆ "
                    {tr("profile.import")}
                </label>
                <input
                    id="profile-import"
                    class="sr-only"
                    type="file"
                    accept=".json,application/json"
                    data-testid="profile-import"
                    on:change=import
                />
            </div>
            {move || {
                let id = current_id.get();
                (!is_builtin(&id)).then(|| view! { <CustomEditor id=id /> })
            }}
        </section>
    }
}

/// Edits one custom profile in place; every change is saved at once.
#[component]
fn CustomEditor(id: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let profile = Memo::new({
        let id = id.clone();
        move |_| data.custom_profiles.with(|l| l.iter().find(|p| p.id == id).cloned())
    });
    let update = {
        let id = id.clone();
        move |f: &dyn Fn(&mut Profile)| {
            let mut list = data.custom_profiles.get_untracked();
            if let Some(p) = list.iter_mut().find(|p| p.id == id) {
                f(p);
            }
            data.save_custom_profiles(app, list);
            data.rescore(app);
        }
    };
    let error = RwSignal::new(None::<String>);
    let id_del = id.clone();
    let update_name = update.clone();
    let update_dicts = update.clone();
    view! {
        {move || {
            profile
                .get()
                .map(|p| {
                    let upd = update.clone();
                    let upd_name = update_name.clone();
                    let upd_themes = update_dicts.clone();
                    let upd_teams = update_dicts.clone();
                    let id_del = id_del.clone();
                    let old_themes = p.themes.clone();
                    let old_teams = p.teams.clone();
                    view! {
                        <div class="custom-editor" data-testid="custom-editor">
                            <div class="field">
                                <label for="profile-name">{tr("profile.name")}</label>
                                <input
                                    id="profile-name"
                                    type="text"
                                    data-testid="profile-name"
                                    prop:value=p.name_zh.clone()
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        upd_name(&|p: &mut Profile| p.name_zh = v.clone())
                                    }
                                />
                                <p class="help">
                                    {tr("profile.based_on")} " " {p.based_on.clone().unwrap_or_default()}
                                </p>
                            </div>
                            <h4>{tr("profile.thresholds")}</h4>
                            {move || {
                                error
                                    .get()
                                    .map(|e| {
                                        view! {
                                            <p class="error" role="alert">
                                                {e}
                                            </p>
                                        }
                                    })
                            }}
                            <table class="grid" data-testid="threshold-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{tr("profile.indicator")}</th>
                                        <th scope="col"></th>
                                        <th scope="col">{tr("profile.value")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {p
                                        .indicators
                                        .iter()
                                        .flat_map(|ind| {
                                            let label = if lang() == Lang::Zh {
                                                ind.label_zh.clone()
                                            } else {
                                                ind.label_en.clone()
                                            };
                                            let ind_id = ind.id.clone();
                                            let upd = upd.clone();
                                            thresholds::list(&ind.rule)
                                                .into_iter()
                                                .map(move |th| {
                                                    let (ind_id, key) = (ind_id.clone(), th.key.clone());
                                                    let (row_ind, row_key, aria) = (
                                                        ind_id.clone(),
                                                        key.clone(),
                                                        format!("{ind_id} {}", th.key),
                                                    );
                                                    let shown_ind = ind_id.clone();
                                                    let upd = upd.clone();
                                                    let unit = match th.kind {
                                                        ThresholdKind::Percent => "%",
                                                        ThresholdKind::Hours => "h",
                                                        ThresholdKind::Count => "",
                                                    };
                                                    let tl = if lang() == Lang::Zh {
                                                        th.label_zh.clone()
                                                    } else {
                                                        th.label_en.clone()
                                                    };
                                                    view! {
                                                        <tr
                                                            data-testid="threshold-row"
                                                            data-indicator=row_ind
                                                            data-key=row_key
                                                        >
                                                            <td>
                                                                <b>{shown_ind}</b>
                                                                " "
                                                                {label.clone()}
                                                            </td>
                                                            <td>{tl}</td>
                                                            // a value typed is tried on a copy first: a refused one changes nothing
                                                            <td>
                                                                <input
                                                                    class="narrow"
                                                                    type="text"
                                                                    inputmode="decimal"
                                                                    aria-label=aria
                                                                    data-testid="threshold-input"
                                                                    prop:value=format!("{}", (th.value * 100.0).round() / 100.0)
                                                                    on:change=move |ev| {
                                                                        let raw = event_target_value(&ev);
                                                                        match raw.trim().parse::<f64>() {
                                                                            Ok(v) => {
                                                                                let mut trial = data.profile(&p_id(app));
                                                                                if thresholds::set(&mut trial, &ind_id, &key, v).is_ok() {
                                                                                    upd(
                                                                                        &|p: &mut Profile| {
                                                                                            let _ = thresholds::set(p, &ind_id, &key, v);
                                                                                        },
                                                                                    );
                                                                                    error.set(None);
                                                                                } else {
                                                                                    error
                                                                                        .set(
                                                                                            Some(
                                                                                                t(app.lang.get_untracked(), "profile.invalid").to_string(),
                                                                                            ),
                                                                                        );
                                                                                }
                                                                            }
                                                                            Err(_) => {
                                                                                error
                                                                                    .set(
                                                                                        Some(
                                                                                            t(app.lang.get_untracked(), "profile.invalid").to_string(),
                                                                                        ),
                                                                                    )
                                                                            }
                                                                        }
                                                                    }
                                                                />
                                                                " "
                                                                {unit}
                                                            </td>
                                                        </tr>
                                                    }
                                                })
                                                .collect::<Vec<_>>()
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            <div class="dict-grid">
                                <div class="field">
                                    <label for="dict-themes">{tr("profile.themes")}</label>
                                    <textarea
                                        id="dict-themes"
                                        rows="9"
                                        data-testid="dict-themes"
                                        prop:value=dict_text(&p.themes)
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            let old = old_themes.clone();
                                            upd_themes(&|p: &mut Profile| p.themes = parse_dict(&v, &old))
                                        }
                                    ></textarea>
                                    <p class="help">{tr("profile.dict_help")}</p>
                                </div>
                                <div class="field">
                                    <label for="dict-teams">{tr("profile.teams")}</label>
                                    <textarea
                                        id="dict-teams"
                                        rows="9"
                                        data-testid="dict-teams"
                                        prop:value=dict_text(&p.teams)
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            let old = old_teams.clone();
                                            upd_teams(&|p: &mut Profile| p.teams = parse_dict(&v, &old))
                                        }
                                    ></textarea>
                                </div>
                            </div>
                            <button
                                class="danger-quiet"
                                data-testid="profile-delete"
                                on:click=move |_| {
                                    if window()
                                        .confirm_with_message(t(app.lang.get_untracked(), "profile.delete_confirm"))
                                        .unwrap_or(false)
                                    {
                                        let mut list = data.custom_profiles.get_untracked();
                                        list.retain(|x| x.id != id_del);
                                        data.save_custom_profiles(app, list);
                                        app.edit(|d| {
                                            d.context.profile = scorecard_domain::profile::DEFAULT_ID.to_string();
                                        });
                                    }
                                }
                            >
                                {tr("profile.delete")}
                            </button>
                        </div>
                    }
                })
        }}
    }
}

fn p_id(app: AppState) -> String {
    app.draft.with_untracked(|d| d.context.profile.clone())
}
