//! Step 1: who is assessed and against which profile. Every field explains itself.
use super::{lang, tr};
use crate::i18n::{t, Lang};
use crate::state::draft::{Draft, Step};
use crate::state::form;
use crate::state::AppState;
use crate::ui::profile_editor::{ProfileEditor, ProfilePicker};
use leptos::prelude::*;
use scorecard_domain::{Level, UnitType};

/// A form row: label, control, help text, and the error when what was typed does not parse.
#[component]
fn Field(
    id: &'static str,
    label: &'static str,
    help: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] error: Signal<Option<&'static str>>,
    children: Children,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let err_id = format!("{id}-err");
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id>
                {tr(label)}
                {required
                    .then(|| {
                        view! {
                            <span class="req" title=tr("ctx.required")>
                                " *"
                            </span>
                        }
                    })}
            </label>
            {children()}
            <p class="help" id=help_id>
                {tr(help)}
            </p>
            {move || {
                error
                    .get()
                    .map(|k| {
                        view! {
                            <p class="error" id=err_id.clone() role="alert">
                                {tr_dyn(k)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

fn tr_dyn(key: &'static str) -> impl Fn() -> &'static str {
    let l = expect_context::<AppState>().lang;
    move || t(l.get(), key)
}

/// The text shown in a numeric field: what was typed (if it did not parse) or the value.
fn shown(d: &Draft, key: &str, value: Option<u64>) -> String {
    d.inputs.get(key).cloned().unwrap_or_else(|| value.map(|v| v.to_string()).unwrap_or_default())
}

#[component]
pub fn ContextForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<crate::state::DataState>();
    let draft = state.draft;

    // A count field: parse leniently; keep unparsable text in `inputs` so it survives reload.
    let count_input = move |key: &'static str, set: fn(&mut Draft, Option<u64>)| {
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            state.edit(|d| match form::parse_count(&text) {
                Ok(v) => {
                    set(d, v);
                    d.inputs.remove(key);
                }
                Err(form::Invalid) => {
                    set(d, None);
                    d.inputs.insert(key.to_string(), text.clone());
                }
            });
        }
    };
    let count_error = move |key: &'static str| {
        Signal::derive(move || draft.with(|d| d.inputs.contains_key(key).then_some("ctx.invalid_int")))
    };

    view! {
        <section class="panel" data-testid="context-form">
            <h2>{tr("ctx.heading")}</h2>
            <p class="intro">{tr("ctx.intro")}</p>
            <p class="intro small" data-testid="demo-hint">
                {tr("ctx.demo_hint")}
                " "
                <button class="link" data-testid="demo-hint-go" on:click=move |_| data.load_sample(state)>
                    {tr("ctx.demo_hint_go")}
                </button>
            </p>
            <div class="form-grid">
                <Field id="ctx-organisation" label="ctx.organisation" help="ctx.organisation.help">
                    <input
                        id="ctx-organisation"
                        data-testid="ctx-organisation"
                        type="text"
                        autocomplete="organization"
                        aria-describedby="ctx-organisation-help"
                        prop:value=move || draft.with(|d| d.context.organisation.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.edit(|d| d.context.organisation = v)
                        }
                    />
                </Field>
                <Field id="ctx-level" label="ctx.level" help="ctx.level.help">
                    <select
                        id="ctx-level"
                        data-testid="ctx-level"
                        aria-describedby="ctx-level-help"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let level = Level::ALL.into_iter().find(|l| level_code(*l) == v).unwrap_or_default();
                            state.edit(|d| d.context.level = level)
                        }
                    >
                        {Level::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <option value=level_code(l) selected=move || draft.with(|d| d.context.level == l)>
                                        {move || if lang() == Lang::Zh { l.label_zh() } else { l.label_en() }}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </Field>
                <ProfilePicker />
                <Field
                    id="ctx-year"
                    label="ctx.year"
                    help="ctx.year.help"
                    required=true
                    error=Signal::derive(move || {
                        draft.with(|d| d.inputs.contains_key("year").then_some("ctx.invalid_year"))
                    })
                >
                    <input
                        id="ctx-year"
                        data-testid="ctx-year"
                        type="text"
                        inputmode="numeric"
                        aria-describedby="ctx-year-help"
                        prop:value=move || {
                            draft.with(|d| d.inputs.get("year").cloned().unwrap_or_else(|| d.context.year.to_string()))
                        }
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            state
                                .edit(|d| match form::parse_year(&text) {
                                    Ok(y) => {
                                        d.context.year = y;
                                        d.inputs.remove("year");
                                    }
                                    Err(form::Invalid) => {
                                        d.inputs.insert("year".into(), text.clone());
                                    }
                                })
                        }
                    />
                </Field>
                <Field
                    id="ctx-as-of"
                    label="ctx.as_of"
                    help="ctx.as_of.help"
                    error=Signal::derive(move || {
                        draft.with(|d| d.inputs.contains_key("as_of").then_some("ctx.invalid_date"))
                    })
                >
                    <input
                        id="ctx-as-of"
                        data-testid="ctx-as-of"
                        type="text"
                        aria-describedby="ctx-as-of-help"
                        placeholder=move || {
                            draft.with(|d| form::blank_as_of_text(d.context.year, crate::state::data::today(), lang()))
                        }
                        prop:value=move || {
                            draft
                                .with(|d| {
                                    d.inputs
                                        .get("as_of")
                                        .cloned()
                                        .unwrap_or_else(|| d.context.as_of.map(|x| x.to_string()).unwrap_or_default())
                                })
                        }
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            state
                                .edit(|d| match form::parse_date(&text) {
                                    Ok(v) => {
                                        d.context.as_of = v;
                                        d.inputs.remove("as_of");
                                    }
                                    Err(form::Invalid) => {
                                        d.context.as_of = None;
                                        d.inputs.insert("as_of".into(), text.clone());
                                    }
                                })
                        }
                    />
                </Field>
                <Field
                    id="ctx-population"
                    label="ctx.population"
                    help="ctx.population.help"
                    required=true
                    error=count_error("population")
                >
                    <input
                        id="ctx-population"
                        data-testid="ctx-population"
                        type="text"
                        inputmode="numeric"
                        aria-describedby="ctx-population-help"
                        prop:value=move || draft.with(|d| shown(d, "population", d.context.population))
                        on:input=count_input("population", |d, v| d.context.population = v)
                    />
                </Field>
                <Field id="ctx-staff" label="ctx.staff" help="ctx.staff.help" error=count_error("staff")>
                    <input
                        id="ctx-staff"
                        data-testid="ctx-staff"
                        type="text"
                        inputmode="numeric"
                        aria-describedby="ctx-staff-help"
                        prop:value=move || draft.with(|d| shown(d, "staff", d.context.staff))
                        on:input=count_input("staff", |d, v| d.context.staff = v)
                    />
                </Field>
                <Field id="ctx-party" label="ctx.party" help="ctx.party.help" error=count_error("party")>
                    <input
                        id="ctx-party"
                        data-testid="ctx-party"
                        type="text"
                        inputmode="numeric"
                        aria-describedby="ctx-party-help"
                        prop:value=move || draft.with(|d| shown(d, "party", d.context.party_members))
                        on:input=count_input("party", |d, v| d.context.party_members = v)
                    />
                </Field>
                <Field id="ctx-unit-type" label="ctx.unit_type" help="ctx.unit_type.help">
                    <select
                        id="ctx-unit-type"
                        data-testid="ctx-unit-type"
                        aria-describedby="ctx-unit-type-help"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.edit(|d| d.context.unit_type = UnitType::parse(&v))
                        }
                    >
                        <option value="" selected=move || draft.with(|d| d.context.unit_type.is_none())>
                            {tr("ctx.unit_type.none")}
                        </option>
                        {UnitType::ALL
                            .into_iter()
                            .map(|u| {
                                view! {
                                    <option
                                        value=u.code()
                                        selected=move || draft.with(|d| d.context.unit_type == Some(u))
                                    >
                                        {move || if lang() == Lang::Zh { u.label_zh() } else { u.label_en() }}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </Field>
                <Field id="ctx-stations" label="ctx.stations" help="ctx.stations.help">
                    <textarea
                        id="ctx-stations"
                        data-testid="ctx-stations"
                        rows="4"
                        aria-describedby="ctx-stations-help"
                        prop:value=move || {
                            draft
                                .with(|d| {
                                    d.inputs.get("stations").cloned().unwrap_or_else(|| d.context.stations.join("\n"))
                                })
                        }
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            state
                                .edit(|d| {
                                    d.context.stations = form::parse_stations(&text);
                                    d.inputs.insert("stations".into(), text.clone());
                                })
                        }
                    ></textarea>
                </Field>
            </div>
            <div class="step-actions">
                <button class="primary" data-testid="next" on:click=move |_| state.edit(|d| d.step = Step::Import)>
                    {tr("nav.next")}
                    " →"
                </button>
            </div>
        </section>
        <ProfileEditor />
    }
}

fn level_code(l: Level) -> &'static str {
    match l {
        Level::Station => "station",
        Level::Town => "town",
        Level::Department => "department",
        Level::Unit => "unit",
    }
}
