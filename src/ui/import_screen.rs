//! Step 2: drop files; see per file and sheet what was recognised, correct it, and see
//! every problem with where it is and what to do.
use super::fmt::{fmt_int, fmt_size};
use super::{lang, tr};
use crate::i18n::{tf, Lang};
use crate::state::data::ImportProgress;
use crate::state::draft::Step;
use crate::state::{AppState, DataState};
use leptos::prelude::*;
use scorecard_domain::finding::{FindingClass, FindingCounts, FindingKind};
use scorecard_domain::import::cell_parsers::date::DateOrder;
use scorecard_domain::import::columns::meaning::WhyKind;
use scorecard_domain::import::outcome::{ColumnDates, DateOrderHow};
use scorecard_domain::import::{ColumnDateOrder, FileOutcome, HeaderRows, RoleGuess, RowStatus, SheetOutcome, Source};
use scorecard_domain::model::{Field, Role};

/// How many columns a sheet's mapping table and preview show at most: a sheet whose cells
/// reach column XEU is not 16,384 columns of boxes (mapped columns beyond are still listed).
const COLUMNS_SHOWN: usize = 60;

/// How many findings the list shows at most (the filters narrow it).
const FINDINGS_SHOWN: usize = 500;

fn files_of(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn ImportScreen() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let dragging = RwSignal::new(false);

    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            data.add_user_files(app, files_of(list));
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            data.add_user_files(app, files_of(list));
        }
    };
    let load_sample = move |_| data.load_sample(app);

    view! {
        <section class="panel" data-testid="import-screen">
            <h2>{tr("import.heading")}</h2>
            <p class="intro">{tr("import.intro")}</p>
            <div
                class="dropzone"
                class:dragging=move || dragging.get()
                data-testid="dropzone"
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true)
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <span class="drop-icon" aria-hidden="true">
                    "⇪"
                </span>
                <span>{tr("import.drop")} " "</span>
                <label class="button primary" for="file-input">
                    {tr("import.choose")}
                </label>
                <input
                    id="file-input"
                    data-testid="file-input"
                    class="sr-only"
                    type="file"
                    multiple
                    accept=".xlsx,.xlsm,.xls,.ods,.csv,.et,.xlsb,.txt,.json,.pack"
                    on:change=on_pick
                />
                <p class="muted small">{tr("import.drop_hint")}</p>
            </div>
            <div class="import-tools">
                <button data-testid="download-template" on:click=move |_| data.download_template(app)>
                    "⬇ "
                    {tr("import.template")}
                </button>
                <button data-testid="load-sample" on:click=load_sample title=tr("import.sample_help")>
                    "★ "
                    {tr("import.sample")}
                </button>
                <span class="muted small">{tr("import.sample_help")}</span>
            </div>
            <crate::ui::town_panel::TownImportPanel />
            <MissingFiles />
            <Progress />
            {move || {
                data.error
                    .get()
                    .map(|(zh, en)| {
                        view! {
                            <div class="notice error" role="alert" data-testid="import-error">
                                <span class="notice-icon" aria-hidden="true">
                                    <crate::ui::icon::StopIcon />
                                </span>
                                <span>{move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}</span>
                            </div>
                        }
                    })
            }}
            <ImportSummaryLine />
            <crate::ui::year_banner::YearBanner />
        </section>
        {move || {
            data.import
                .get()
                .map(|imp| {
                    let files = imp.files.clone();
                    let failed = imp.failed_rows;
                    let shared = crate::ui::matrix_panel::matrix_sheets(&files).len() > 1;
                    let matrix_files = files.clone();
                    // matrices on several sheets: their activities' hours and dates are asked once
                    view! {
                        {shared.then(|| view! { <crate::ui::matrix_panel::MatrixPanel files=matrix_files /> })}
                        {files.into_iter().map(|f| view! { <FileCard file=f shared_matrix=shared /> }).collect_view()}
                        <FindingsPanel />
                        <section class="panel actions-panel">
                            <button
                                data-testid="download-failed-rows"
                                disabled=failed == 0
                                on:click=move |_| data.download_failed_rows(app)
                            >
                                "⬇ "
                                {tr("import.failed_rows")}
                                {move || crate::ui::punct().paren(fmt_int(failed as u64))}
                            </button>
                            <span class="muted small">{tr("import.failed_rows_help")}</span>
                            <span class="spacer"></span>
                            <button
                                class="primary"
                                data-testid="to-scorecard"
                                on:click=move |_| app.edit(|d| d.step = Step::Scorecard)
                            >
                                {tr("nav.next")}
                                " →"
                            </button>
                        </section>
                    }
                })
        }}
    }
}

/// Files the draft had whose bytes were not stored: ask for them again.
#[component]
fn MissingFiles() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        <Show when=move || !data.files_missing.get().is_empty()>
            <div class="notice warning" data-testid="missing-files">
                <span class="notice-icon" aria-hidden="true">
                    "⚠"
                </span>
                <span>
                    {tr("import.missing_files")} " "
                    {move || {
                        let p = crate::ui::punct();
                        data.files_missing
                            .get()
                            .iter()
                            .map(|f| format!("{}{}", f.name, p.paren(fmt_size(f.size))))
                            .collect::<Vec<_>>()
                            .join(p.sep())
                    }}
                </span>
            </div>
        </Show>
    }
}

/// The import's progress. The box stays while the import runs and only its numbers change
/// (a progress message comes every few dozen milliseconds; rebuilding the box each time
/// kept the page's thread and its painter busy during big imports).
#[component]
fn Progress() -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let p = data.progress;
    let with = move |f: fn(&ImportProgress) -> String| move || p.with(|p| p.as_ref().map(f).unwrap_or_default());
    let one_file = move || p.with(|p| p.as_ref().is_none_or(|p| p.at.file_count <= 1));
    let pct = move || p.with(|p| p.as_ref().map_or(0.0, |p| (p.fraction() * 100.0).round()));
    view! {
        <Show when=move || p.with(Option::is_some)>
            <div class="progress-box" data-testid="import-progress" role="status" aria-live="polite">
                <div class="progress-head">
                    <strong>{tr("import.progress")} " " {with(|p| p.file_name.clone())}</strong>
                    <span class="muted">{with(|p| format!(" ({}/{})", p.at.file_index + 1, p.at.file_count))}</span>
                </div>
                // Within one file the total is unknown: an indeterminate bar, plus rows and speed.
                <div
                    class="bar"
                    class:indeterminate=one_file
                    role="progressbar"
                    aria-valuemin="0"
                    aria-valuemax="100"
                    aria-valuenow=move || (!one_file()).then_some(pct())
                >
                    <div
                        class="bar-fill"
                        style:width=move || format!("{}%", if one_file() { 30.0 } else { pct() })
                    ></div>
                </div>
                <div class="progress-foot">
                    <span>
                        {tr("import.rows_done")} " " <span class="num" data-testid="progress-rows">
                            {with(|p| fmt_int(p.at.rows()))}
                        </span>
                    </span>
                    <span class="num">{with(|p| fmt_int(p.rate() as u64))} " " {tr("import.rows_per_sec")}</span>
                    <button data-testid="import-cancel" on:click=move |_| data.cancel(app)>
                        {tr("import.cancel")}
                    </button>
                </div>
            </div>
        </Show>
    }
}

#[component]
fn ImportSummaryLine() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        {move || match data.import.get() {
            None => {
                view! {
                    <p class="muted" data-testid="import-empty">
                        {tr("import.empty")}
                    </p>
                }
                    .into_any()
            }
            Some(s) => {
                let monthly = s.files.iter().any(|f| f.town_report.is_some());
                let records = if monthly { "import.records_monthly" } else { "import.records" };
                let parts = [
                    ("import.volunteers", s.volunteers, "import.unit_people", "summary-volunteers"),
                    (records, s.records, "import.unit_items", "summary-records"),
                    ("import.activities", s.activities, "import.unit_times", "summary-activities"),
                    ("import.trainings", s.trainings, "import.unit_times", "summary-trainings"),
                ];
                // a report file's records are its months' hours, not the station's records
                view! {
                    <p class="import-summary" data-testid="import-summary">
                        <strong>{tr("import.summary")} {crate::ui::colon}</strong>
                        {parts
                            .into_iter()
                            .map(|(k, n, unit, id)| {
                                view! {
                                    <span class="pill">
                                        {tr(k)} " " <b class="num" data-testid=id>
                                            {fmt_int(n as u64)}
                                        </b> " " {tr(unit)}
                                    </span>
                                }
                            })
                            .collect_view()}
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn FileCard(file: FileOutcome, shared_matrix: bool) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let name = file.name.clone();
    let format = file
        .format
        .map(|f| f.label().to_string())
        .or_else(|| file.town_report.as_ref().map(|_| "json".into()))
        .unwrap_or_else(|| "?".into());
    let encoding = file.encoding.map(|e| e.label());
    let error = file.error.clone();
    let fname = file.name.clone();
    let ename = file.name.clone();
    // the file's problems counted as the findings panel counts them when filtered to this
    // file: the import's findings and the scoring's (a record of another year …) alike, a
    // "N more" finding as its N — one source for both places
    let f_file = file.name.clone();
    let file_counts = Memo::new(move |_| {
        let all = data.all_findings();
        FindingCounts::of(all.iter().filter(|f| f.file == f_file))
    });
    view! {
        <section class="panel file-card" data-testid="file-card" data-file=file.name.clone()>
            <header class="file-head">
                <h3 data-cjk-ok="file">
                    <span class="file-icon" aria-hidden="true"></span>
                    {file.name.clone()}
                </h3>
                <span class="muted small">
                    {tr("import.format")} " " {format} " · " {tr("import.size")} " " {fmt_size(file.size)}
                    {encoding
                        .map(|e| {
                            view! {
                                " · "
                                <span data-testid="file-encoding">{e}</span>
                            }
                        })}
                </span>
                <span class="spacer"></span>
                <button class="danger-quiet" data-testid="remove-file" on:click=move |_| data.remove_file(app, &name)>
                    {tr("import.remove")}
                </button>
            </header>
            {error
                .map(|e| {
                    let (zh, en) = (e.message_zh(&ename), e.message_en(&ename));
                    view! {
                        <div class="notice error" role="alert" data-testid="file-error">
                            <span class="notice-icon" aria-hidden="true">
                                <crate::ui::icon::StopIcon />
                            </span>
                            <span>{move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}</span>
                        </div>
                    }
                })}
            <div class="file-finding-counts small" data-testid="file-finding-counts">
                {move || view! { <crate::ui::finding_counts::FindingCountsLine counts=file_counts.get() /> }}
            </div>
            {file.town_report.map(|s| view! { <crate::ui::town_panel::ReportLine summary=s /> })}
            {file
                .findings
                .iter()
                .filter(|f| f.kind == FindingKind::TownReport)
                .cloned()
                .collect::<Vec<_>>()
                .into_iter()
                .map(|f| {
                    view! {
                        <p class="notice info small" data-testid="town-finding">
                            {move || if lang() == Lang::Zh { f.message.clone() } else { f.message_en.clone() }}
                        </p>
                    }
                })
                .collect_view()}
            {file
                .sheets
                .into_iter()
                .map(|s| view! { <SheetCard file=fname.clone() sheet=s shared_matrix=shared_matrix /> })
                .collect_view()}
        </section>
    }
}

fn role_code(r: Role) -> &'static str {
    match r {
        Role::Volunteers => "volunteers",
        Role::Records => "records",
        Role::Activities => "activities",
        Role::Trainings => "trainings",
    }
}

fn field_code(f: Field) -> String {
    serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn source_key(s: Source) -> &'static str {
    match s {
        Source::Auto => "import.role_auto",
        Source::Saved => "import.role_saved",
        Source::Hand => "import.role_hand",
    }
}

fn why_code(k: WhyKind) -> &'static str {
    match k {
        WhyKind::Synonym => "synonym",
        WhyKind::HeadWord => "head_word",
        WhyKind::Content => "content",
        WhyKind::Total => "total",
    }
}

fn kind_label(l: Lang, k: FindingKind) -> &'static str {
    l.pick(k.label_zh(), k.label_en())
}

#[component]
fn SheetCard(file: String, sheet: SheetOutcome, shared_matrix: bool) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let sheet_name = sheet.name.clone();
    let role = sheet.role;
    let title = if sheet.name.is_empty() { "CSV".to_string() } else { sheet.name.clone() };
    let (f1, s1) = (file.clone(), sheet_name.clone());
    let on_role = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let (role, ignore) = match v.as_str() {
            "ignore" => (None, true),
            other => (Role::ALL.into_iter().find(|r| role_code(*r) == other), false),
        };
        data.set_role(app, &f1, &s1, role, ignore);
    };
    let header = sheet.header_rows;
    let first = RwSignal::new(header.map(|h| h.first.to_string()).unwrap_or_default());
    let last = RwSignal::new(header.map(|h| h.last.to_string()).unwrap_or_default());
    let (f2, s2) = (file.clone(), sheet_name.clone());
    let apply_header = move |_| {
        let (a, b) = (first.get_untracked().trim().parse::<u32>(), last.get_untracked().trim().parse::<u32>());
        if let (Ok(a), Ok(b)) = (a, b) {
            if a >= 1 && b >= a && b - a < 3 {
                data.set_override(app, &f2, &s2, |o| {
                    o.header_rows = Some(HeaderRows { first: a, last: b });
                    o.columns.clear();
                });
            }
        }
    };
    let (f3, s3) = (file.clone(), sheet_name.clone());
    let reset_header = move |_| data.set_override(app, &f3, &s3, |o| o.header_rows = None);
    let counts = sheet.counts;
    let role_fields: Vec<Field> = role.map(|r| r.fields().to_vec()).unwrap_or_default();
    let preview = sheet.preview.clone();
    let all_cols = sheet.columns.len().max(preview.iter().map(|r| r.cells.len()).max().unwrap_or(0));
    // No more columns than a screen can show: the first ones, and any mapped one beyond them.
    let n_cols = all_cols.min(COLUMNS_SHOWN);
    let columns: Vec<_> =
        sheet.columns.iter().filter(|c| (c.index as usize) < COLUMNS_SHOWN || c.field.is_some()).cloned().collect();
    let hidden_cols = all_cols.saturating_sub(columns.len().max(n_cols));
    let headers: Vec<String> =
        (0..n_cols).map(|i| columns.get(i).map(|c| format!("{} {}", c.letter, c.header)).unwrap_or_default()).collect();
    let role_source = sheet.role_source;
    // with a guess below, the sheet waits for the clerk's answer: not "not recognised"
    let none_key = if sheet.guess.is_some() { "import.role_waiting" } else { "import.role_none" };

    view! {
        <div
            class="sheet-card"
            data-testid="sheet-card"
            data-sheet=sheet.name.clone()
            data-role=role.map(role_code).unwrap_or("none")
            data-rows=sheet.used_rows.to_string()
            data-cols=sheet.used_columns.to_string()
        >
            <h4>
                {tr("import.sheet")} " " <span class="sheet-name" data-cjk-ok="sheet">
                    {title}
                </span>
                <span class="muted small">
                    " · " {tr("import.used")} " " {fmt_int(u64::from(sheet.used_rows))} " " {tr("import.rows")} " × "
                    {sheet.used_columns} " " {tr("import.cols")}
                </span>
            </h4>
            {sheet
                .error
                .clone()
                .map(|e| {
                    let (zh, en) = (e.message_zh(&file), e.message_en(&file));
                    view! { <p class="error">{move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}</p> }
                })}
            <div class="sheet-controls">
                <label class="inline-field">
                    <span>{tr("import.role")}</span>
                    <select data-testid="sheet-role" on:change=on_role>
                        <option value="ignore" selected=role.is_none()>
                            {move || if role.is_none() { tr(none_key)() } else { tr("import.role_ignore")() }}
                        </option>
                        {Role::ALL
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <option value=role_code(r) selected=role == Some(r)>
                                        {move || lang().pick(r.label_zh(), r.label_en())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <span class="badge" data-testid="role-source">
                        {tr(source_key(role_source))}
                    </span>
                </label>
                <div class="inline-field">
                    <span>{tr("import.header_rows")}</span>
                    <input
                        class="narrow"
                        type="text"
                        inputmode="numeric"
                        aria-label=tr("import.header_rows")
                        data-testid="header-first"
                        prop:value=move || first.get()
                        on:input=move |ev| first.set(event_target_value(&ev))
                    />
                    "–"
                    <input
                        class="narrow"
                        type="text"
                        inputmode="numeric"
                        aria-label=tr("import.header_rows")
                        data-testid="header-last"
                        prop:value=move || last.get()
                        on:input=move |ev| last.set(event_target_value(&ev))
                    />
                    <button on:click=apply_header data-testid="header-apply">
                        {tr("import.header_apply")}
                    </button>
                    <button class="link" on:click=reset_header>
                        {tr("import.header_reset")}
                    </button>
                    {header.is_none().then(|| view! { <span class="error small">{tr("import.header_none")}</span> })}
                </div>
            </div>
            {sheet
                .guess
                .clone()
                .filter(|_| role.is_none())
                .map(|g| view! { <GuessPanel file=file.clone() sheet=sheet_name.clone() guess=g /> })}
            <p class="counts small" data-testid="sheet-counts">
                {tr("import.counts")}
                " "
                <b class="num">{fmt_int(counts.read)}</b>
                {crate::ui::colon}
                {tr("import.kept")}
                " "
                <b class="num" data-testid="count-kept">
                    {fmt_int(counts.kept)}
                </b>
                {move || crate::ui::punct().comma()}
                {tr("import.skipped")}
                " "
                <b class="num" data-testid="count-skipped">
                    {fmt_int(counts.skipped)}
                </b>
                {move || crate::ui::punct().comma()}
                {tr("import.blank")}
                " "
                <b class="num">{fmt_int(counts.blank)}</b>
                {move || crate::ui::punct().comma()}
                {tr("import.left_out")}
                " "
                <b class="num" data-testid="count-left-out">
                    {fmt_int(counts.left_out)}
                </b>
            </p>
            <details class="mapping" open=role.is_some() && sheet.wide.is_none()>
                <summary>{tr("import.mapping")}</summary>
                <p class="muted small">{tr("import.mapping_help")}</p>
                <div class="table-wrap">
                    <table class="grid" data-testid="mapping-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr("import.column")}</th>
                                <th scope="col">{tr("import.header")}</th>
                                <th scope="col">{tr("import.field")}</th>
                                <th scope="col">{tr("import.source")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {columns
                                .into_iter()
                                .map(|c| {
                                    let (f4, s4) = (file.clone(), sheet_name.clone());
                                    let col = c.index;
                                    let fields = role_fields.clone();
                                    let current = c.field;
                                    view! {
                                        <tr data-testid="mapping-row" data-column=c.letter.clone()>
                                            <td class="mono">{c.letter.clone()}</td>
                                            <td data-cjk-ok="header">{c.header.clone()}</td>
                                            <td>
                                                <select
                                                    data-testid="column-field"
                                                    aria-label=format!("{} {}", c.letter, c.header)
                                                    disabled=role.is_none()
                                                    on:change=move |ev| {
                                                        let v = event_target_value(&ev);
                                                        let field = Field::ALL
                                                            .into_iter()
                                                            .find(|f| field_code(*f) == v);
                                                        data.set_column(app, &f4, &s4, col, field);
                                                    }
                                                >
                                                    <option value="" selected=current.is_none()>
                                                        {tr("import.field_none")}
                                                    </option>
                                                    {fields
                                                        .into_iter()
                                                        .map(|f| {
                                                            view! {
                                                                <option value=field_code(f) selected=current == Some(f)>
                                                                    {move || lang().pick(f.label_zh(), f.label_en())}
                                                                </option>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </select>
                                            </td>
                                            <td class="source-cell">
                                                <span class="badge">{tr(source_key(c.source))}</span>
                                                {c
                                                    .dates
                                                    .clone()
                                                    .map(|dates| {
                                                        view! {
                                                            <DateOrderChoice
                                                                file=file.clone()
                                                                sheet=sheet_name.clone()
                                                                column=col
                                                                dates=dates
                                                            />
                                                        }
                                                    })}
                                                {c
                                                    .why
                                                    .clone()
                                                    .map(|w| {
                                                        let (zh, en) = (w.text_zh(), w.text_en());
                                                        view! {
                                                            <span
                                                                class="why small muted"
                                                                data-testid="mapping-why"
                                                                data-kind=why_code(w.kind)
                                                            >
                                                                {tr("import.why")}
                                                                {move || {
                                                                    if lang() == Lang::Zh { zh.clone() } else { en.clone() }
                                                                }}
                                                            </span>
                                                        }
                                                    })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                {(hidden_cols > 0)
                    .then(|| {
                        view! {
                            <p class="muted small" data-testid="columns-hidden">
                                {move || tf(lang(), "import.columns_hidden", &[("n", &fmt_int(hidden_cols as u64))])}
                            </p>
                        }
                    })}
            </details>
            {sheet
                .wide
                .clone()
                .map(|w| {
                    if shared_matrix {
                        let records = w.records;
                        view! {
                            <p class="small muted" data-testid="matrix-sheet-shared-note">
                                {move || tf(lang(), "import.matrix_shared", &[("n", &fmt_int(records))])}
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <crate::ui::matrix_sheet_panel::MatrixSheetPanel
                                file=file.clone()
                                sheet=sheet_name.clone()
                                wide=w
                            />
                        }
                            .into_any()
                    }
                })}
            <details class="preview">
                <summary>{tr("import.preview")}</summary>
                <p class="muted small">{tr("import.preview_help")}</p>
                <div class="table-wrap">
                    <table class="grid preview-table" data-testid="preview-table" data-cjk-ok="cells">
                        <thead>
                            <tr>
                                <th scope="col">{tr("import.row")}</th>
                                <th scope="col">{tr("import.status")}</th>
                                {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {preview
                                .into_iter()
                                .map(|r| {
                                    let status_key = match r.status {
                                        RowStatus::Kept => "import.status_kept",
                                        RowStatus::Skipped => "import.status_skipped",
                                        RowStatus::LeftOut => "import.status_left_out",
                                        RowStatus::NotImported => "import.status_not_imported",
                                    };
                                    let row_marks: Vec<FindingKind> = r
                                        .marks
                                        .iter()
                                        .filter(|m| m.column.is_none())
                                        .map(|m| m.kind)
                                        .collect();
                                    let marks = r.marks.clone();
                                    let cells = r.cells.clone();
                                    view! {
                                        <tr
                                            class=format!("row-{status_key}").replace('.', "-")
                                            class:row-problem=!row_marks.is_empty()
                                        >
                                            <th scope="row" class="num">
                                                {r.row}
                                            </th>
                                            <td>{tr(status_key)}</td>
                                            {(0..n_cols)
                                                .map(|i| {
                                                    let kinds: Vec<FindingKind> = marks
                                                        .iter()
                                                        .filter(|m| m.column == Some(i as u32))
                                                        .map(|m| m.kind)
                                                        .collect();
                                                    let bad = !kinds.is_empty();
                                                    let title = move || {
                                                        kinds
                                                            .iter()
                                                            .map(|k| kind_label(lang(), *k))
                                                            .collect::<Vec<_>>()
                                                            .join(crate::ui::punct().semi())
                                                    };
                                                    view! {
                                                        <td
                                                            class:cell-problem=bad
                                                            title=title
                                                            data-problem=bad.then_some("1")
                                                        >
                                                            {cells.get(i).cloned().unwrap_or_default()}
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
            </details>
        </div>
    }
}

/// A date column written day-or-month first (21/06/2024): how it is read and why, and the
/// order to choose — offered plainly when its cells fit both orders and stay unread until
/// the clerk says which.
#[component]
fn DateOrderChoice(file: String, sheet: String, column: u32, dates: ColumnDates) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let open = dates.how == DateOrderHow::Ambiguous;
    let current = dates.order;
    let (zh, en) = (dates.zh.clone(), dates.en.clone());
    let on_change = move |ev: leptos::ev::Event| {
        let order = match event_target_value(&ev).as_str() {
            "dmy" => DateOrder::Dmy,
            "mdy" => DateOrder::Mdy,
            _ => DateOrder::Ymd,
        };
        data.set_override(app, &file, &sheet, |o| {
            o.date_orders.retain(|d| d.column != column);
            o.date_orders.push(ColumnDateOrder { column, order });
        });
    };
    view! {
        <span
            class="date-order small"
            class:ask=open
            data-testid="date-order"
            data-how=format!("{:?}", dates.how).to_lowercase()
        >
            <span class="why">{move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}</span>
            " "
            <select data-testid="date-order-choice" aria-label=tr("import.date_order") on:change=on_change>
                {open
                    .then(|| {
                        view! {
                            <option value="" selected=true>
                                {tr("import.date_order_pick")}
                            </option>
                        }
                    })}
                {[(DateOrder::Dmy, "dmy"), (DateOrder::Mdy, "mdy")]
                    .into_iter()
                    .map(|(o, code)| {
                        view! {
                            <option value=code selected=!open && current == Some(o)>
                                {move || lang().pick(o.format_zh(), o.format_en())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </span>
    }
}

/// Every finding of the import, filterable by kind, severity and file.
#[component]
fn FindingsPanel() -> impl IntoView {
    let data = expect_context::<DataState>();
    let kind = RwSignal::new(String::new());
    let severity = RwSignal::new(String::new());
    let file = RwSignal::new(String::new());
    let all = Memo::new(move |_| data.all_findings());
    let kinds = move || {
        let mut k: Vec<FindingKind> = all.with(|a| a.iter().map(|f| f.kind).collect());
        scorecard_domain::sort::sort(&mut k);
        k.dedup();
        k
    };
    let files = move || {
        let mut v: Vec<String> = all.with(|a| a.iter().map(|f| f.file.clone()).collect());
        v.dedup();
        v
    };
    let filtered = move || {
        let (k, s, f) = (kind.get(), severity.get(), file.get());
        all.with(|a| {
            a.iter()
                .filter(|x| k.is_empty() || x.kind.code() == k)
                .filter(|x| s.is_empty() || class_code(x.class()) == s)
                .filter(|x| f.is_empty() || x.file == f)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel" data-testid="findings-panel">
            <h3>{tr("import.findings")}</h3>
            {move || {
                all.with(|a| {
                    view! { <crate::ui::finding_counts::FindingCountsLine counts=FindingCounts::of(a.iter()) /> }
                })
            }}
            <div class="filters">
                <label class="inline-field">
                    {tr("import.filter_kind")}
                    <select data-testid="filter-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="">{tr("import.filter_all")}</option>
                        {move || {
                            kinds()
                                .into_iter()
                                .map(|k| {
                                    let n = all.with(|a| a.iter().filter(|f| f.kind == k).count());
                                    view! {
                                        <option value=k
                                            .code()>{move || format!("{}（{n}）", kind_label(lang(), k))}</option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label class="inline-field">
                    {tr("import.filter_severity")}
                    <select data-testid="filter-severity" on:change=move |ev| severity.set(event_target_value(&ev))>
                        <option value="">{tr("import.filter_all")}</option>
                        <option value="left_out">{tr("findings.left_out")}</option>
                        <option value="check">{tr("findings.check")}</option>
                        <option value="out_of_period">{tr("findings.out_of_period")}</option>
                        <option value="hint">{tr("findings.hints")}</option>
                    </select>
                </label>
                <label class="inline-field">
                    {tr("import.filter_file")}
                    <select data-testid="filter-file" on:change=move |ev| file.set(event_target_value(&ev))>
                        <option value="">{tr("import.filter_all")}</option>
                        {move || {
                            files()
                                .into_iter()
                                .map(|f| view! { <option value=f.clone()>{f.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            {move || {
                let list = filtered();
                if list.is_empty() {
                    return view! { <p class="muted">{tr("import.findings_none")}</p> }.into_any();
                }
                let more = list.len() > FINDINGS_SHOWN;
                view! {
                    <div class="table-wrap">
                        <table class="grid findings" data-testid="findings-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr("import.filter_severity")}</th>
                                    <th scope="col">{tr("import.filter_kind")}</th>
                                    <th scope="col">{tr("import.where")}</th>
                                    <th scope="col">{tr("import.what")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .into_iter()
                                    .take(FINDINGS_SHOWN)
                                    .map(|f| {
                                        let (zh, en) = (f.message.clone(), f.message_en.clone());
                                        let (lz, le) = (f.location_zh(), f.location_en());
                                        let class = f.class();
                                        view! {
                                            <tr data-testid="finding-row" data-kind=f.kind.code()>
                                                <td>
                                                    <span
                                                        class=format!("sev sev-{}", class_code(class))
                                                        data-class=class_code(class)
                                                    >
                                                        {class_icon(class)}
                                                        " "
                                                        {tr(class_key(class))}
                                                    </span>
                                                </td>
                                                <td>{move || kind_label(lang(), f.kind)}</td>
                                                <td class="small">
                                                    {move || if lang() == Lang::Zh { lz.clone() } else { le.clone() }}
                                                </td>
                                                <td>
                                                    {move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {more.then(|| view! { <p class="muted small">{tr("import.more_findings")}</p> })}
                }
                    .into_any()
            }}
        </section>
    }
}

/// The finding's class as a code (filters, CSS).
fn class_code(c: FindingClass) -> &'static str {
    match c {
        FindingClass::LeftOut => "left_out",
        FindingClass::Check => "check",
        FindingClass::OutOfPeriod => "out_of_period",
        FindingClass::Hint => "hint",
    }
}

/// The class in words: the same words as the counts above the list.
fn class_key(c: FindingClass) -> &'static str {
    match c {
        FindingClass::LeftOut => "findings.left_out_one",
        FindingClass::Check => "findings.check",
        FindingClass::OutOfPeriod => "findings.out_of_period_one",
        FindingClass::Hint => "findings.hints",
    }
}

fn class_icon(c: FindingClass) -> AnyView {
    match c {
        FindingClass::LeftOut => view! { <crate::ui::icon::StopIcon /> }.into_any(),
        FindingClass::Check => "⚠".into_any(),
        FindingClass::OutOfPeriod => "◷".into_any(),
        FindingClass::Hint => "ℹ".into_any(),
    }
}

/// The one-click answer for a sheet the import gave no role: what it looks like, in a
/// clerk's words, and a button that imports it so (a hand role, remembered for sheets with
/// the same headers).
#[component]
fn GuessPanel(file: String, sheet: String, guess: RoleGuess) -> impl IntoView {
    let app = expect_context::<AppState>();
    let data = expect_context::<DataState>();
    let key = match guess.role {
        Role::Volunteers => "import.guess.volunteers",
        Role::Records => "import.guess.records",
        Role::Activities => "import.guess.activities",
        Role::Trainings => "import.guess.trainings",
    };
    let (rows, headers, role) = (guess.rows, guess.headers.clone(), guess.role);
    let text = move || {
        let sep = if lang() == Lang::Zh { "、" } else { ", " };
        tf(lang(), key, &[("n", &fmt_int(rows)), ("h", &headers.join(sep))])
    };
    let accept = move |_| data.set_role(app, &file, &sheet, Some(role), false);
    view! {
        <div class="guess" role="status" data-testid="sheet-guess" data-role=role_code(role)>
            <p data-testid="sheet-guess-text">{text}</p>
            <button class="primary" data-testid="sheet-guess-accept" on:click=accept>
                {move || tf(lang(), "import.guess.accept", &[("role", &lang().pick(role.label_zh(), role.label_en()))])}
            </button>
            <span class="muted small">{tr("import.guess.remembered")}</span>
        </div>
    }
}
