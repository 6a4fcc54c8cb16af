//! The repository's own layer check (issue 29, "a test that keeps it so").
//!
//! It reads the workspace's sources (std only: a small lexer finds the paths, no parser crate)
//! and fails, naming file, line and the path as written, when
//! 1. **a lower layer uses a higher one**: a crate's Cargo.toml lists, or one of its source
//!    files names (in code, a `use`, or an intra-doc link such as ``[`scorecard_score::x`]``),
//!    a workspace crate that [`LAYERS`] does not let it use; or the table and the Cargo.toml
//!    files disagree, or a workspace member is missing from the table;
//! 2. **two modules use each other**: inside one crate (and the web app's `src/`), two sibling
//!    modules that reach each other, directly or around a longer loop (see [`sibling_edges`]);
//! 3. **a UI component calls the engine client**: a file under `src/ui/` names one of
//!    [`ENGINE_ONLY_THROUGH_STATE`] (components call `DataState` methods instead).
//!
//! And it checks itself ([`PLANTED`]): each of the bad edges issue 29 found, planted as the line
//! of code that made it into the tree as it is today, must be reported; and code the check must
//! ignore ([`IGNORED`]: tests, comments, strings, parent ⇄ child) must not be.
//!
//! What counts as a reference, in each `.rs` file of a package's `src/` and `tests/`: every
//! `use` (each leaf of its tree), every path of two or more segments in code (`crate::a::b`,
//! `super::x`, `child::f`, `Name::f` with `Name` brought in by a `use`), every intra-doc link in
//! a doc comment, and a path a serde attribute names in a string (`try_from = "crate::a::W"`:
//! the derive writes it into code). Plain comments, other strings, inline `mod tests { .. }`
//! blocks and `#[cfg(test)]` items are left out. Paths are resolved through the crate's own
//! modules and its `use`s (re-exports and globs included), so `crate::calendar::Holiday` counts
//! as a use of `calendar::holidays` when `calendar` re-exports it from there.
//!
//! Run: `cargo test -j2 -p scorecard-domain --test layers` (under a second, unoptimised).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

// ─── The rules, as data ──────────────────────────────────────────────────────────────────────

/// One package of the workspace, where it lives, and the workspace packages it may use.
struct Layer {
    package: &'static str,
    dir: &'static str,
    may_use: &'static [&'static str],
}

/// The layer table, lowest first. It must say exactly what each Cargo.toml's `[dependencies]`
/// lists (checked), so that a change of layering is made here and in Cargo.toml together, on
/// purpose:
/// - `scorecard-model` is the floor: it uses no workspace crate;
/// - `scorecard-import` and `scorecard-score` stand on the model only, and never use each other
///   (scoring reads typed tables, whoever made them);
/// - `scorecard-export` writes what import and scoring produced, so it uses all three;
/// - `scorecard-samples` makes demo and synthetic workbooks; it uses the model, and scoring for
///   the demo context's checklist (`checklist_items`, so that every checklist indicator of
///   every built-in profile has its ticks), but never import or export;
/// - `scorecard-domain` is the facade: it re-exports the five;
/// - the CLI, the benches and the web app use the facade only.
const LAYERS: &[Layer] = &[
    Layer { package: "scorecard-model", dir: "crates/model", may_use: &[] },
    Layer { package: "scorecard-import", dir: "crates/import", may_use: &["scorecard-model"] },
    Layer { package: "scorecard-score", dir: "crates/score", may_use: &["scorecard-model"] },
    Layer {
        package: "scorecard-export",
        dir: "crates/export",
        may_use: &["scorecard-model", "scorecard-import", "scorecard-score"],
    },
    Layer { package: "scorecard-samples", dir: "crates/samples", may_use: &["scorecard-model", "scorecard-score"] },
    Layer {
        package: "scorecard-domain",
        dir: "crates/domain",
        may_use: &["scorecard-model", "scorecard-import", "scorecard-score", "scorecard-export", "scorecard-samples"],
    },
    Layer { package: "scorecard-cli", dir: "crates/cli", may_use: &["scorecard-domain"] },
    Layer { package: "scorecard-bench", dir: "crates/bench", may_use: &["scorecard-domain"] },
    Layer { package: "volunteer-scorecard", dir: ".", may_use: &["scorecard-domain"] },
];

/// What a UI component must not name (paths from the web app's root): the engine client, the
/// request and response it carries, and the engine itself. Every request goes through a
/// `DataState` method (`src/state/engine_calls.rs`, the one module that names the client). The
/// protocol's view types that the state holds (`ImportSummary`, `ScoreView`) may be named for
/// display.
const ENGINE_ONLY_THROUGH_STATE: &[&str] =
    &["engine::client", "engine::protocol::Request", "engine::protocol::Response", "engine::handler", "engine::worker"];

/// The folder of the web app whose files are UI components.
const UI_DIR: &str = "src/ui/";

// ─── The self-check: today's known bad edges, planted ────────────────────────────────────────

/// Which rule a violation breaks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Rule {
    Layer,
    Cycle,
    UiEngine,
}

/// A bad edge, as the lines of code (or Cargo.toml) that would bring it back, each with the
/// file it would be written in; `expect` are words the report of it must contain.
struct Plant {
    name: &'static str,
    rule: Rule,
    lines: &'static [(&'static str, &'static str)],
    expect: &'static [&'static str],
}

/// Issue 29's bad edges. Each is planted into the tree as it is today (read from disk, then
/// these lines added) and must be reported, citing the planted line. A cycle is planted with
/// both of its directions, so it stays a cycle whatever today's tree holds.
const PLANTED: &[Plant] = &[
    Plant {
        name: "import uses score (the findings cap)",
        rule: Rule::Layer,
        lines: &[("crates/import/src/sheets/pipeline.rs", "use scorecard_score::prepare::FINDINGS_PER_KIND;")],
        expect: &["scorecard-import uses scorecard-score"],
    },
    Plant {
        name: "score uses import (FINDINGS_PER_KIND)",
        rule: Rule::Layer,
        lines: &[("crates/score/src/result.rs", "use scorecard_import::sheets::pipeline::FINDINGS_PER_KIND;")],
        expect: &["scorecard-score uses scorecard-import"],
    },
    Plant {
        name: "prepare calls the importer",
        rule: Rule::Layer,
        lines: &[(
            "crates/score/src/prepare.rs",
            "fn f() { let cap = scorecard_import::sheets::pipeline::FINDINGS_PER_KIND; }",
        )],
        expect: &["scorecard-score uses scorecard-import"],
    },
    Plant {
        name: "score lists import in its Cargo.toml",
        rule: Rule::Layer,
        lines: &[("crates/score/Cargo.toml", "[dependencies]\nscorecard-import.workspace = true")],
        expect: &["scorecard-score uses scorecard-import"],
    },
    Plant {
        name: "import's station reports use score's snapshot (import ⇄ town)",
        rule: Rule::Layer,
        lines: &[("crates/import/src/station_reports/merge.rs", "use scorecard_score::snapshot::Snapshot;")],
        expect: &["scorecard-import uses scorecard-score"],
    },
    Plant {
        name: "model::profile's checklist uses score (scope, bridge)",
        rule: Rule::Layer,
        lines: &[("crates/model/src/profile/checklist.rs", "fn f() { scorecard_score::scope::in_scope(); }")],
        expect: &["scorecard-model uses scorecard-score"],
    },
    Plant {
        name: "a model doc links up to export",
        rule: Rule::Layer,
        lines: &[(
            "crates/model/src/report_file/mod.rs",
            "/// Written by [`scorecard_export::report_file::pack`].\nfn f() {}",
        )],
        expect: &["scorecard-model uses scorecard-export"],
    },
    Plant {
        name: "model uses export",
        rule: Rule::Layer,
        lines: &[("crates/model/src/context.rs", "use scorecard_export::context_file::ContextFile;")],
        expect: &["scorecard-model uses scorecard-export"],
    },
    Plant {
        name: "export uses samples",
        rule: Rule::Layer,
        lines: &[("crates/export/src/xlsx/writer.rs", "use scorecard_samples::demo::demo_spec;")],
        expect: &["scorecard-export uses scorecard-samples"],
    },
    Plant {
        name: "samples use import",
        rule: Rule::Layer,
        lines: &[("crates/samples/src/demo.rs", "fn f() { scorecard_import::import(&[], &Default::default()); }")],
        expect: &["scorecard-samples uses scorecard-import"],
    },
    Plant {
        name: "the bench goes round the facade",
        rule: Rule::Layer,
        lines: &[("crates/bench/src/bin/bench-native.rs", "use scorecard_model::Tables;")],
        expect: &["scorecard-bench uses scorecard-model"],
    },
    Plant {
        name: "the web app goes round the facade",
        rule: Rule::Layer,
        lines: &[("src/state/data.rs", "use scorecard_export::csv::rows_csv;")],
        expect: &["volunteer-scorecard uses scorecard-export"],
    },
    Plant {
        name: "the CLI goes round the facade",
        rule: Rule::Layer,
        lines: &[("crates/cli/src/score.rs", "use scorecard_score::Scorecard;")],
        expect: &["scorecard-cli uses scorecard-score"],
    },
    Plant {
        name: "calendar holidays ⇄ lunar (supported_years)",
        rule: Rule::Cycle,
        lines: &[
            ("crates/model/src/calendar/lunar.rs", "use crate::calendar::holidays::Holiday;"),
            ("crates/model/src/calendar/holidays.rs", "use crate::calendar::lunar::lunar_to_solar;"),
        ],
        expect: &["calendar::holidays", "calendar::lunar"],
    },
    Plant {
        name: "calendar holidays ⇄ qingming (supported_years)",
        rule: Rule::Cycle,
        lines: &[
            ("crates/model/src/calendar/qingming.rs", "fn f() { super::Holiday::new(); }"),
            ("crates/model/src/calendar/holidays.rs", "use super::qingming::qingming;"),
        ],
        expect: &["calendar::holidays", "calendar::qingming"],
    },
    Plant {
        name: "import header ⇄ mapping (signature)",
        rule: Rule::Cycle,
        lines: &[
            ("crates/import/src/columns/mapping.rs", "use super::header::signature;"),
            ("crates/import/src/columns/header.rs", "use super::{mapping::{auto_map, Mapped}, synonyms};"),
        ],
        expect: &["columns::header", "columns::mapping"],
    },
    Plant {
        name: "import meaning ⇄ synonyms (fold_traditional)",
        rule: Rule::Cycle,
        lines: &[
            ("crates/import/src/columns/meaning.rs", "/// Folded by [`super::synonyms::fold_traditional`].\nfn f() {}"),
            ("crates/import/src/columns/synonyms.rs", "fn f() { crate::columns::meaning::readings_of(\"\"); }"),
        ],
        expect: &["columns::meaning", "columns::synonyms"],
    },
    Plant {
        name: "model ⇄ report_file (TownReceipt, Field)",
        rule: Rule::Cycle,
        lines: &[
            ("crates/model/src/model.rs", "use crate::report_file::receipt::TownReceipt;"),
            ("crates/model/src/report_file/receipt.rs", "use crate::model::Tables as T;"),
        ],
        expect: &["model ⇄ report_file"],
    },
    Plant {
        name: "import's sheet pipeline ⇄ station reports (import ⇄ town)",
        rule: Rule::Cycle,
        lines: &[
            ("crates/import/src/sheets/pipeline.rs", "use crate::station_reports::merge::add_report;"),
            ("crates/import/src/station_reports/merge.rs", "use crate::sheets::pipeline::SheetRun;"),
        ],
        expect: &["sheets", "station_reports"],
    },
    Plant {
        name: "ui import_screen ⇄ town_panel (engine_download)",
        rule: Rule::Cycle,
        lines: &[
            ("src/ui/import_screen.rs", "use super::town_panel::engine_download;"),
            ("src/ui/town_panel.rs", "use crate::ui::import_screen::engine_download;"),
        ],
        expect: &["ui::import_screen ⇄ ui::town_panel"],
    },
    Plant {
        name: "a ui component calls the engine client (import_screen)",
        rule: Rule::UiEngine,
        lines: &[("src/ui/import_screen.rs", "use crate::engine::client::client;")],
        expect: &["src/ui/import_screen.rs", "engine::client"],
    },
    Plant {
        name: "a ui component pings the engine itself (app)",
        rule: Rule::UiEngine,
        lines: &[("src/ui/app.rs", "fn f() { let c = crate::engine::client::client(); }")],
        expect: &["src/ui/app.rs"],
    },
    Plant {
        name: "a ui component builds a request (export_screen)",
        rule: Rule::UiEngine,
        lines: &[("src/ui/export_screen.rs", "use crate::engine::protocol::Request;")],
        expect: &["src/ui/export_screen.rs", "engine::protocol::Request"],
    },
    Plant {
        name: "a nested ui component reaches the client by super (scorecard/rows)",
        rule: Rule::UiEngine,
        lines: &[(
            "src/ui/scorecard/rows.rs",
            "use super::super::super::engine::{client::client, protocol::Response};",
        )],
        expect: &["src/ui/scorecard/rows.rs"],
    },
];

/// Code the check must not count, planted like [`PLANTED`]: no violation of `rule` may cite
/// it (`expect` is unused).
const IGNORED: &[Plant] = &[
    Plant {
        name: "a loop closed only by tests, comments and strings",
        rule: Rule::Cycle,
        lines: &[
            ("crates/model/src/calendar/holidays.rs", "use crate::calendar::table::HOLIDAYS;"),
            (
                "crates/model/src/calendar/table.rs",
                "#[cfg(test)]\nmod tests { use crate::calendar::holidays::Holiday; }\n\
                 mod tests { fn t() { crate::calendar::holidays::holidays(2024); } }\n\
                 #[cfg(test)]\nfn helper() { crate::calendar::holidays::holidays(2024); }\n\
                 // crate::calendar::holidays::holidays(2024), [`super::holidays`]\n\
                 /* crate::calendar::holidays::Holiday */\n\
                 const S: &str = \"crate::calendar::holidays::Holiday\";\n\
                 const R: &str = r#\"super::holidays::Holiday\"#;",
            ),
        ],
        expect: &[],
    },
    Plant {
        name: "a parent and its child using each other",
        rule: Rule::Cycle,
        lines: &[
            ("crates/model/src/calendar/mod.rs", "use self::holidays::Holiday;"),
            ("crates/model/src/calendar/holidays.rs", "use super::super::calendar as cal;"),
        ],
        expect: &[],
    },
    Plant {
        name: "a UI component naming the state and a protocol view type",
        rule: Rule::UiEngine,
        lines: &[(
            "src/ui/import_screen.rs",
            "use crate::state::DataState;\nuse crate::engine::protocol::ImportSummary;",
        )],
        expect: &[],
    },
];

// ─── The tests ───────────────────────────────────────────────────────────────────────────────

/// Rule 1: Cargo.toml files and source paths use only the layers the table allows.
#[test]
fn crates_use_only_the_layers_below_them() {
    assert_none(Rule::Layer, "a crate uses a layer it may not (rule 1, the table LAYERS)");
}

/// Rule 2: no two sibling modules reach each other, at any level of any crate.
#[test]
fn no_cycle_between_modules() {
    assert_none(Rule::Cycle, "modules that use each other (rule 2): move what both need below both");
}

/// Rule 3: UI components talk to the engine only through the state.
#[test]
fn ui_components_do_not_call_the_engine_client() {
    assert_none(Rule::UiEngine, "UI components that name the engine client (rule 3): call a DataState method");
}

/// The check fails on each of today's known bad edges, and ignores what it should.
#[test]
fn the_check_reports_each_known_bad_edge() {
    let ws = workspace();
    for l in LAYERS {
        assert!(
            ws.indexes[l.package].modules.contains(&vec![]),
            "{}: no crate root read under {}/src",
            l.package,
            l.dir
        );
    }
    let mut missed = Vec::new();
    for p in PLANTED {
        let planted = ws.plant(p.lines);
        let found = check(&[&ws.facts, &planted])
            .into_iter()
            .any(|v| v.rule == p.rule && v.text.contains(PLANTED_MARK) && p.expect.iter().all(|e| v.text.contains(e)));
        if !found {
            missed.push(p.name);
        }
    }
    assert!(missed.is_empty(), "the layer check did not report these planted bad edges: {missed:#?}");

    for p in IGNORED {
        let planted = ws.plant(p.lines);
        let wrong: Vec<String> = check(&[&ws.facts, &planted])
            .into_iter()
            .filter(|v| v.rule == p.rule && v.text.contains(PLANTED_MARK))
            .map(|v| v.text)
            .collect();
        assert!(wrong.is_empty(), "the layer check counted code it must ignore ({}):\n{}", p.name, wrong.join("\n"));
    }
}

/// The lexer reads what the check relies on: raw strings, lifetimes, chars, nested comments,
/// doc links, and the paths serde attributes name in strings.
#[test]
fn the_lexer_keeps_code_and_drops_the_rest() {
    let src = "let a = r##\"x::y \"# \"##; let b = '\"'; let z = '中'; fn f<'a>(x: &'a str) {}\n\
               /* outer /* inner::path */ still */ let c = b'\\''; mod m { }\n\
               /// [`crate::p::q`] and [text](super::r), not [x y] or [1]\n\
               #[serde(try_from = \"crate::w::Wire\", default = \"d\", rename = \"a::b\")] let s = \"c::d\";\n\
               crate::after::all";
    let paths: Vec<String> = written_paths(&strip_test_code(lex(src)), &[]).iter().map(|w| w.segs.join("::")).collect();
    assert_eq!(paths, ["crate::p::q", "super::r", "crate::w::Wire", "crate::after::all"]);
    let lines: Vec<usize> =
        lex(src).iter().filter(|t| matches!(&t.tok, Tok::Ident(s) if s == "all")).map(|t| t.line).collect();
    assert_eq!(lines, [5]);
}

/// Fails with every violation of `rule` found in today's tree, one per paragraph.
fn assert_none(rule: Rule, what: &str) {
    let found: Vec<String> =
        check(&[&workspace().facts]).into_iter().filter(|v| v.rule == rule).map(|v| v.text).collect();
    assert!(found.is_empty(), "{what}: {} found\n\n{}\n", found.len(), found.join("\n\n"));
}

// ─── The check ───────────────────────────────────────────────────────────────────────────────

/// One broken rule, as the report shows it (file:line and the path as written).
struct Violation {
    rule: Rule,
    text: String,
}

/// Every violation in the facts of `parts` taken together (today's tree, plus planted lines).
fn check(parts: &[&Facts]) -> Vec<Violation> {
    let refs: Vec<&Ref> = parts.iter().flat_map(|f| &f.refs).collect();
    let deps: Vec<&Dep> = parts.iter().flat_map(|f| &f.deps).collect();
    let mut out = table_violations(parts[0]);
    out.extend(manifest_violations(&deps));
    out.extend(source_layer_violations(&refs));
    out.extend(sibling_cycles(&refs));
    out.extend(ui_engine_violations(&refs));
    out
}

/// The table covers every workspace member, and says what each Cargo.toml's `[dependencies]`
/// says (so the table is the truth, not a wish).
fn table_violations(facts: &Facts) -> Vec<Violation> {
    let mut out = Vec::new();
    for m in &facts.members {
        if !LAYERS.iter().any(|l| l.dir == m) {
            out.push(layer_violation(format!("Cargo.toml: workspace member `{m}` is not in the layer table LAYERS")));
        }
    }
    for l in LAYERS {
        let listed: BTreeSet<&str> = facts
            .deps
            .iter()
            .filter(|d| d.package == l.package && d.section == "dependencies")
            .map(|d| d.uses.as_str())
            .collect();
        for wanted in l.may_use.iter().filter(|w| !listed.contains(*w)) {
            out.push(layer_violation(format!(
                "{}/Cargo.toml: the layer table says {} uses {wanted}, but its [dependencies] do not list it \
                 (update LAYERS in crates/domain/tests/domain/layers.rs)",
                l.dir, l.package
            )));
        }
    }
    out
}

/// Cargo.toml entries naming a workspace package the layer may not use.
fn manifest_violations(deps: &[&Dep]) -> Vec<Violation> {
    deps.iter()
        .filter(|d| d.uses != d.package && !layer(d.package).may_use.contains(&d.uses.as_str()))
        .map(|d| {
            layer_violation(format!(
                "{}:{}{}: {} uses {} ([{}]); {}",
                d.file,
                d.line,
                planted_note(d.planted),
                d.package,
                d.uses,
                d.section,
                allowed(d.package)
            ))
        })
        .collect()
}

/// Source paths (code, `use`, intra-doc links) naming a workspace crate the layer may not use.
fn source_layer_violations(refs: &[&Ref]) -> Vec<Violation> {
    let mut out = Vec::new();
    for r in refs {
        let Some(used) = package_of_ident(&r.segs[0]) else { continue };
        if used != r.package && !layer(r.package).may_use.contains(&used) {
            out.push(layer_violation(format!("{}: {} uses {used}; {}", r.evidence(), r.package, allowed(r.package))));
        }
    }
    out
}

/// Files under [`UI_DIR`] naming what only the state may name ([`ENGINE_ONLY_THROUGH_STATE`]).
fn ui_engine_violations(refs: &[&Ref]) -> Vec<Violation> {
    let mut by_file: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for r in refs.iter().filter(|r| r.package == "volunteer-scorecard" && r.file.starts_with(UI_DIR)) {
        let Some(to) = &r.to else { continue };
        let full: Vec<&str> = to.module.iter().chain(&to.rest).map(String::as_str).collect();
        let hit = ENGINE_ONLY_THROUGH_STATE.iter().find(|p| full.starts_with(&p.split("::").collect::<Vec<_>>()));
        if let Some(hit) = hit {
            by_file.entry(&r.file).or_default().push(format!("\n    {} ({hit})", r.evidence()));
        }
    }
    by_file
        .into_iter()
        .map(|(file, lines)| Violation {
            rule: Rule::UiEngine,
            text: format!(
                "{file}: a UI component names the engine client; call a DataState method \
                 (src/state/engine_calls.rs) instead:{}",
                lines.concat()
            ),
        })
        .collect()
}

fn layer_violation(text: String) -> Violation {
    Violation { rule: Rule::Layer, text }
}

/// "scorecard-model may use no workspace crate" / "... may use only scorecard-model".
fn allowed(package: &str) -> String {
    match layer(package).may_use {
        [] => format!("{package} may use no workspace crate"),
        list => format!("{package} may use only {}", list.join(", ")),
    }
}

fn layer(package: &str) -> &'static Layer {
    LAYERS.iter().find(|l| l.package == package).expect("every package read is in LAYERS")
}

/// The package a path's first segment names, when it is a workspace crate (`scorecard_score`).
fn package_of_ident(ident: &str) -> Option<&'static str> {
    let same =
        |p: &str| p.len() == ident.len() && p.bytes().zip(ident.bytes()).all(|(a, b)| a == b || (a, b) == (b'-', b'_'));
    LAYERS.iter().map(|l| l.package).find(|p| same(p))
}

// ─── Cycles between sibling modules ──────────────────────────────────────────────────────────

/// The edges between the children of one module: (from, to) → the references behind it.
type Siblings<'a> = BTreeMap<(&'a str, &'a str), Vec<&'a Ref>>;

/// Edges between siblings, by package and parent module. A reference from module `a::b::c` to
/// module `a::d::e` (after resolution) is an edge `b → d` under `a`, their nearest common
/// ancestor: whatever two files use each other for, it is the two children of `a` containing
/// them that become tangled. A reference to an ancestor or a descendant (`super::X`, a
/// parent's `child::f`) is no edge: parents and children use each other by design
/// (re-exports, shared helpers).
fn sibling_edges<'a>(refs: &[&'a Ref]) -> BTreeMap<(&'static str, &'a [String]), Siblings<'a>> {
    let mut out: BTreeMap<(&'static str, &'a [String]), Siblings<'a>> = BTreeMap::new();
    for r in refs {
        let (Some(from), Some(to)) = (&r.from, &r.to) else { continue };
        let a = from.iter().zip(&to.module).take_while(|(x, y)| x == y).count();
        if a < from.len() && a < to.module.len() {
            let under = out.entry((r.package, &from[..a])).or_default();
            under.entry((from[a].as_str(), to.module[a].as_str())).or_default().push(r);
        }
    }
    out
}

/// One violation per strongly connected set of two or more siblings: its pairs that use
/// each other, a shortest loop through each member in no such pair, and each edge of it with
/// the references behind it (planted ones first, at most five an edge).
fn sibling_cycles(refs: &[&Ref]) -> Vec<Violation> {
    let mut out = Vec::new();
    for ((package, parent), edges) in sibling_edges(refs) {
        let name = |m: &str| parent.iter().map(String::as_str).chain([m]).collect::<Vec<_>>().join("::");
        for set in strongly_connected(&edges) {
            let inside: Vec<(&(&str, &str), &Vec<&Ref>)> =
                edges.iter().filter(|((a, b), _)| set.contains(*a) && set.contains(*b)).collect();
            let pairs: Vec<(&str, &str)> =
                inside.iter().map(|(e, _)| **e).filter(|&(a, b)| a < b && edges.contains_key(&(b, a))).collect();
            let mut text = match set.len() {
                2 => format!("{package}: {}", set.iter().map(|m| name(m)).collect::<Vec<_>>().join(" ⇄ ")),
                n if parent.is_empty() => format!("{package}: a cycle among {n} modules at the crate root"),
                n => format!("{package}: a cycle among {n} modules under `{}`", parent.join("::")),
            };
            if set.len() > 2 {
                for (a, b) in &pairs {
                    text += &format!("\n    {} ⇄ {}", name(a), name(b));
                }
                for m in set.iter().filter(|m| !pairs.iter().any(|(a, b)| a == *m || b == *m)) {
                    let ring: Vec<String> = shortest_loop(&edges, &set, m).iter().map(|x| name(x)).collect();
                    text += &format!("\n    {} → {}", ring.join(" → "), name(m));
                }
            }
            for ((a, b), why) in inside {
                text += &format!("\n    {} → {}:", name(a), name(b));
                let mut why = why.clone();
                why.sort_by_key(|r| !r.planted);
                for r in why.iter().take(5) {
                    text += &format!("\n        {}", r.evidence());
                }
                if why.len() > 5 {
                    text += &format!("\n        … and {} more", why.len() - 5);
                }
            }
            out.push(Violation { rule: Rule::Cycle, text });
        }
    }
    out
}

/// The members of a shortest loop from `start` back to it inside `set` (breadth first).
fn shortest_loop<'a>(edges: &Siblings<'a>, set: &BTreeSet<String>, start: &'a str) -> Vec<&'a str> {
    let mut came_from: HashMap<&str, &str> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &(a, b) in edges.keys().filter(|(a, b)| *a == v && set.contains(*b)) {
            if b == start {
                let mut ring = vec![a];
                while let Some(&prev) = came_from.get(ring[ring.len() - 1]) {
                    ring.push(prev);
                }
                ring.reverse();
                return ring;
            }
            if b != start && !came_from.contains_key(b) {
                came_from.insert(b, a);
                queue.push_back(b);
            }
        }
    }
    vec![start]
}

/// Tarjan's strongly connected components of size two or more, each sorted.
fn strongly_connected(edges: &Siblings<'_>) -> Vec<BTreeSet<String>> {
    struct Tarjan<'g> {
        next: BTreeMap<&'g str, Vec<&'g str>>,
        index: HashMap<&'g str, usize>,
        low: HashMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: HashSet<&'g str>,
        out: Vec<BTreeSet<String>>,
    }
    impl<'g> Tarjan<'g> {
        fn visit(&mut self, v: &'g str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.next.get(v).cloned().unwrap_or_default() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    self.low.insert(v, self.low[v].min(self.low[w]));
                } else if self.on_stack.contains(w) {
                    self.low.insert(v, self.low[v].min(self.index[w]));
                }
            }
            if self.low[v] == self.index[v] {
                let mut set = BTreeSet::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    set.insert(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if set.len() > 1 {
                    self.out.push(set);
                }
            }
        }
    }
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for &(a, b) in edges.keys() {
        next.entry(a).or_default().push(b);
        next.entry(b).or_default();
    }
    let nodes: Vec<&str> = next.keys().copied().collect();
    let mut t = Tarjan {
        next,
        index: HashMap::new(),
        low: HashMap::new(),
        stack: vec![],
        on_stack: HashSet::new(),
        out: vec![],
    };
    for v in nodes {
        if !t.index.contains_key(v) {
            t.visit(v);
        }
    }
    t.out
}

// ─── Facts read from the workspace ───────────────────────────────────────────────────────────

/// What the rules look at: the workspace members, Cargo.toml entries naming workspace
/// packages, and the references in the sources that matter (to a workspace crate, or between
/// two modules neither of which contains the other).
#[derive(Default)]
struct Facts {
    members: Vec<String>,
    deps: Vec<Dep>,
    refs: Vec<Ref>,
}

/// A Cargo.toml entry: `package` lists `uses` in `[section]`.
struct Dep {
    package: &'static str,
    uses: String,
    section: String,
    file: String,
    line: usize,
    planted: bool,
}

/// A path written in a source file of `package`, and where it leads.
struct Ref {
    package: &'static str,
    file: String,
    line: usize,
    segs: Vec<String>,
    /// The file's module, when the file is in the package's module tree (not a bin or a test).
    from: Option<Vec<String>>,
    /// The module of this package the path leads to, when it leads into one.
    to: Option<Target>,
    /// How it was written: a doc link is a dependency of the docs (rustdoc resolves it), an
    /// attribute string one of the code a derive writes.
    how: How,
    planted: bool,
}

/// Marks the report of a planted line (the self-check looks for it).
const PLANTED_MARK: &str = "(planted)";

impl Ref {
    /// `file:line`, and the planted mark.
    fn place(&self) -> String {
        format!("{}:{}{}", self.file, self.line, planted_note(self.planted))
    }

    /// `file:line` and the path as written (and where, when not in code).
    fn evidence(&self) -> String {
        let how = match self.how {
            How::Doc => " (in a doc link)",
            How::Attr => " (in a serde attribute)",
            _ => "",
        };
        format!("{} `{}`{how}", self.place(), self.segs.join("::"))
    }
}

fn planted_note(planted: bool) -> String {
    if planted {
        format!(" {PLANTED_MARK}")
    } else {
        String::new()
    }
}

/// The workspace read once: its facts, and each package's index to resolve planted lines with.
struct Workspace {
    facts: Facts,
    indexes: HashMap<&'static str, CrateIndex>,
}

/// The workspace, read from disk on first use (the tests share it).
fn workspace() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| Workspace::read(&crate::support::repo_root()))
}

impl Workspace {
    /// Reads every package, each on a thread of its own (the check must stay fast).
    fn read(root: &Path) -> Workspace {
        let mut facts = Facts { members: workspace_members(&read(&root.join("Cargo.toml"))), ..Facts::default() };
        let mut indexes = HashMap::new();
        let packages: Vec<_> = std::thread::scope(|s| {
            let threads: Vec<_> = LAYERS.iter().map(|l| s.spawn(move || read_package(root, l))).collect();
            threads.into_iter().map(|t| t.join().expect("reading a package")).collect()
        });
        for (l, (deps, refs, index)) in LAYERS.iter().zip(packages) {
            facts.deps.extend(deps);
            facts.refs.extend(refs);
            indexes.insert(l.package, index);
        }
        Workspace { facts, indexes }
    }

    /// Facts of `lines` as if written into their files today (a Cargo.toml's as its entries).
    fn plant(&self, lines: &[(&str, &str)]) -> Facts {
        let mut facts = Facts::default();
        for (file, code) in lines {
            let l = layer_of_file(file);
            if file.ends_with("Cargo.toml") {
                facts.deps.extend(manifest_deps(l.package, file, code, true));
            } else {
                let f = SourceFile::new(file.to_string(), module_of(l, file), code);
                facts.refs.extend(self.indexes[l.package].refs(l.package, &f, true));
            }
        }
        facts
    }
}

/// One package's Cargo.toml entries, references, and index.
fn read_package(root: &Path, l: &'static Layer) -> (Vec<Dep>, Vec<Ref>, CrateIndex) {
    let manifest = format!("{}Cargo.toml", dir_prefix(l.dir));
    let deps = manifest_deps(l.package, &manifest, &read(&root.join(&manifest)), false);
    let files = package_files(root, l);
    let index = CrateIndex::new(files.iter().filter(|f| f.module.is_some()));
    let refs = files.iter().flat_map(|f| index.refs(l.package, f, false)).collect();
    (deps, refs, index)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// `crates/model/` for `crates/model`, nothing for the root.
fn dir_prefix(dir: &str) -> String {
    if dir == "." {
        String::new()
    } else {
        format!("{dir}/")
    }
}

/// The layer a workspace-relative file belongs to (the root package when no crate dir holds it).
fn layer_of_file(file: &str) -> &'static Layer {
    LAYERS
        .iter()
        .filter(|l| l.dir != ".")
        .find(|l| file.starts_with(&dir_prefix(l.dir)))
        .unwrap_or_else(|| layer("volunteer-scorecard"))
}

/// The `members = [..]` of the root Cargo.toml.
fn workspace_members(toml: &str) -> Vec<String> {
    let start = toml.find("members").expect("the root Cargo.toml lists members");
    let list = &toml[start..toml[start..].find(']').map_or(toml.len(), |e| start + e)];
    list.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// Entries of dependency tables naming a workspace package: `name = ..`, `name.workspace = ..`,
/// `alias = { package = "name" .. }` and `[dependencies.name]`. `[workspace.dependencies]` only
/// declares, and is left out.
fn manifest_deps(package: &'static str, file: &str, toml: &str, planted: bool) -> Vec<Dep> {
    let mut out = Vec::new();
    let mut section = String::new();
    for (n, line) in toml.lines().enumerate() {
        let t = line.trim();
        let mut named = None;
        if t.starts_with('[') {
            section = t.trim_matches(|c| c == '[' || c == ']').to_string();
            if let Some((table, name)) = section.clone().rsplit_once('.').filter(|(t, _)| t.ends_with("dependencies")) {
                section = table.to_string();
                named = Some(name.trim_matches('"').to_string());
            }
        } else if section.ends_with("dependencies") && !section.starts_with("workspace") {
            let key = t.split(['=', '.']).next().unwrap_or("").trim().trim_matches('"');
            let renamed = t.split_once("package").and_then(|(_, r)| r.split('"').nth(1));
            named = Some(renamed.unwrap_or(key).to_string());
        }
        if let Some(uses) = named.filter(|u| LAYERS.iter().any(|l| l.package == u)) {
            let section = section.rsplit('.').next().unwrap_or("").to_string();
            out.push(Dep { package, uses, section, file: file.to_string(), line: n + 1, planted });
        }
    }
    out
}

// ─── Source files and their modules ──────────────────────────────────────────────────────────

/// One `.rs` file: its workspace-relative name, its module (None outside the module tree: a
/// bin, an integration test, a `main.rs` beside a `lib.rs`) and the paths written in it.
struct SourceFile {
    file: String,
    module: Option<Vec<String>>,
    paths: Vec<Written>,
}

impl SourceFile {
    fn new(file: String, module: Option<Vec<String>>, src: &str) -> SourceFile {
        let paths = written_paths(&strip_test_code(lex(src)), module.as_deref().unwrap_or(&[]));
        SourceFile { file, module, paths }
    }
}

/// The `.rs` files of a package: `src/` and `tests/` (for the root package, its own `src/`
/// and `tests/`, not the crates below it).
fn package_files(root: &Path, l: &Layer) -> Vec<SourceFile> {
    let mut names = Vec::new();
    for sub in ["src", "tests"] {
        crate::support::files_under(&root.join(dir_prefix(l.dir)).join(sub), ".rs", &mut names);
    }
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let rel = rel.trim_start_matches("./").to_string();
            SourceFile::new(rel.clone(), module_of(l, &rel), &read(&path))
        })
        .collect()
}

/// A file's module from its place under `src/`: `lib.rs` (or a lone `main.rs`) is the root,
/// `x/mod.rs` is `x`, `x/y.rs` is `x::y`. None outside the tree: `src/bin/`, `tests/`, and a
/// `main.rs` beside a `lib.rs` (a crate of its own, which can name the library only by name).
fn module_of(l: &Layer, file: &str) -> Option<Vec<String>> {
    let rel = file.strip_prefix(&format!("{}src/", dir_prefix(l.dir)))?;
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    let last = parts.pop()?;
    let main_is_root = !LAYERS_WITH_BIN_BESIDE_LIB.contains(&l.package);
    match last.as_str() {
        _ if parts.first().is_some_and(|p| p == "bin") => None,
        "lib.rs" if parts.is_empty() => Some(parts),
        "main.rs" if parts.is_empty() => main_is_root.then_some(parts),
        "mod.rs" => Some(parts),
        _ => {
            parts.push(last.strip_suffix(".rs")?.to_string());
            Some(parts)
        }
    }
}

/// Packages whose `src/main.rs` is a bin beside a `src/lib.rs` (the web app): that `main.rs`
/// is not the root of the module tree.
const LAYERS_WITH_BIN_BESIDE_LIB: &[&str] = &["volunteer-scorecard"];

// ─── Resolving paths ─────────────────────────────────────────────────────────────────────────

/// Where a path leads inside its own package: the deepest module it names, and the rest.
#[derive(Clone, Debug)]
struct Target {
    module: Vec<String>,
    rest: Vec<String>,
}

/// A name a `use` brings into a module: the path it stands for, written in module `ctx`.
type Binding = (Vec<String>, Vec<String>);

/// One package's modules (from its files) and the names its `use`s bring into each module,
/// enough to follow `crate::a::B` to the module that defines `B` through re-exports.
struct CrateIndex {
    /// Every module's and every brought-in name's last segment: a path starting with any other
    /// word (`Vec::new`, `Self::x`, `std::..`) leaves the package at once.
    names: HashSet<String, Fast>,
    modules: HashSet<Vec<String>, Fast>,
    bindings: HashMap<Vec<String>, HashMap<String, Binding, Fast>, Fast>,
    /// Module → the modules of this package it glob-imports (`use super::*`), resolved once.
    globs: HashMap<Vec<String>, Vec<Vec<String>>, Fast>,
}

/// The index's hasher (FxHash's step, a byte at a time): it hashes short paths by the
/// hundred thousand, and std's SipHash is most of this test's time in an unoptimised build.
#[derive(Default)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type Fast = std::hash::BuildHasherDefault<Fx>;

/// How many re-exports deep a path is followed.
const MAX_HOPS: usize = 8;

impl CrateIndex {
    fn new<'f>(files: impl Iterator<Item = &'f SourceFile>) -> CrateIndex {
        let mut ix = CrateIndex {
            names: HashSet::default(),
            modules: HashSet::default(),
            bindings: HashMap::default(),
            globs: HashMap::default(),
        };
        let mut globs = Vec::new();
        for f in files {
            let module = f.module.clone().unwrap_or_default();
            ix.names.extend(module.last().cloned());
            ix.modules.insert(module);
            for w in &f.paths {
                match &w.how {
                    How::Use { binding: Some(name) } => {
                        ix.names.insert(name.clone());
                        ix.bindings
                            .entry(w.ctx.clone())
                            .or_default()
                            .insert(name.clone(), (w.ctx.clone(), w.segs.clone()));
                    }
                    How::Glob => globs.push((w.ctx.clone(), w.segs.clone())),
                    _ => {}
                }
            }
        }
        for (ctx, path) in globs {
            if let Some(Target { module, rest }) = ix.resolve(&ctx, &path, 0) {
                if rest.is_empty() && module != ctx {
                    ix.globs.entry(ctx).or_default().push(module);
                }
            }
        }
        ix
    }

    /// The references of `f` that a rule looks at.
    fn refs(&self, package: &'static str, f: &SourceFile, planted: bool) -> Vec<Ref> {
        let mut out = Vec::new();
        for w in &f.paths {
            let to = f.module.as_ref().and_then(|_| self.resolve(&w.ctx, &w.segs, 0));
            let names_crate = package_of_ident(&w.segs[0]).is_some();
            let between = match (&f.module, &to) {
                (Some(from), Some(t)) => !from.starts_with(&t.module) && !t.module.starts_with(from),
                _ => false,
            };
            if names_crate || between {
                let (file, line, segs, how) = (f.file.clone(), w.line, w.segs.clone(), w.how.clone());
                out.push(Ref { package, file, line, segs, from: f.module.clone(), to, how, planted });
            }
        }
        out
    }

    /// Where `segs`, written in module `ctx`, leads; None when it leaves the package (std, a
    /// dependency) or names something local to the file.
    fn resolve(&self, ctx: &[String], segs: &[String], hops: usize) -> Option<Target> {
        match segs.first()?.as_str() {
            "crate" | "$crate" => Some(self.walk(vec![], &segs[1..], hops)),
            "self" => Some(self.walk(ctx.to_vec(), &segs[1..], hops)),
            "super" => {
                let n = segs.iter().take_while(|s| *s == "super").count();
                let up = ctx.len().checked_sub(n)?;
                Some(self.walk(ctx[..up].to_vec(), &segs[n..], hops))
            }
            _ => self.enter(ctx, segs, hops),
        }
    }

    /// Follows `segs` from module `cur` as far as modules and names go.
    fn walk(&self, cur: Vec<String>, segs: &[String], hops: usize) -> Target {
        if segs.is_empty() {
            return Target { module: cur, rest: vec![] };
        }
        self.enter(&cur, segs, hops).unwrap_or(Target { module: cur, rest: segs.to_vec() })
    }

    /// `segs[0]` as a child module of `cur`, a name a `use` of `cur` brought in, or a name of a
    /// module `cur` glob-imports; None when it is none of these.
    fn enter(&self, cur: &[String], segs: &[String], hops: usize) -> Option<Target> {
        let (first, rest) = segs.split_first()?;
        if !self.names.contains(first) && !self.globs.contains_key(cur) {
            return None;
        }
        let child: Vec<String> = cur.iter().chain([first]).cloned().collect();
        if self.modules.contains(&child) {
            return Some(self.walk(child, rest, hops));
        }
        if hops >= MAX_HOPS {
            return None;
        }
        if let Some((ctx, path)) = self.bindings.get(cur).and_then(|b| b.get(first)) {
            let full: Vec<String> = path.iter().chain(rest).cloned().collect();
            return self.resolve(ctx, &full, hops + 1);
        }
        self.globs.get(cur).into_iter().flatten().find_map(|g| self.enter(g, segs, hops + 1))
    }
}

// ─── Paths written in a file ─────────────────────────────────────────────────────────────────

/// A path as written: its line, the module the code is in (inline `mod`s included), its
/// segments, and what wrote it.
#[derive(Clone, Debug)]
struct Written {
    line: usize,
    ctx: Vec<String>,
    segs: Vec<String>,
    how: How,
}

#[derive(Clone, Debug, PartialEq)]
enum How {
    /// A leaf of a `use` tree, and the name it brings in (None for `as _`).
    Use { binding: Option<String> },
    /// `use a::b::*`.
    Glob,
    /// A path of two segments or more in code.
    Code,
    /// An intra-doc link.
    Doc,
    /// A path in a derive's attribute string ([`SERDE_PATH_KEYS`]).
    Attr,
}

/// The paths written in `toks` (test code already stripped), in a file of module `module`.
fn written_paths(toks: &[Token], module: &[String]) -> Vec<Written> {
    let mut out = Vec::new();
    let mut inline: Vec<(String, usize)> = Vec::new(); // inline `mod name {` and its brace depth
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let ctx = || -> Vec<String> { module.iter().cloned().chain(inline.iter().map(|m| m.0.clone())).collect() };
        let after_sep_or_dot = i > 0 && matches!(toks[i - 1].tok, Tok::Sep | Tok::Punct('.'));
        match &toks[i].tok {
            Tok::Open('{') => depth += 1,
            Tok::Close('}') => {
                depth -= 1;
                if inline.last().is_some_and(|m| m.1 == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(k) if k == "mod" => {
                if let (Some(Tok::Ident(name)), Some(Tok::Open('{'))) = (tok_at(toks, i + 1), tok_at(toks, i + 2)) {
                    inline.push((name.clone(), depth));
                    depth += 1;
                    i += 3;
                    continue;
                }
            }
            Tok::Ident(k) if k == "use" && !after_sep_or_dot => {
                i = use_tree(toks, i + 1, &[], &ctx(), &mut out);
                continue;
            }
            Tok::DocLink(segs) => {
                out.push(Written { line: toks[i].line, ctx: ctx(), segs: segs.clone(), how: How::Doc })
            }
            Tok::StrPath(segs) => {
                out.push(Written { line: toks[i].line, ctx: ctx(), segs: segs.clone(), how: How::Attr })
            }
            Tok::Ident(first) if !after_sep_or_dot => {
                let mut segs = vec![first.clone()];
                let mut j = i + 1;
                while let (Some(Tok::Sep), Some(Tok::Ident(s))) = (tok_at(toks, j), tok_at(toks, j + 1)) {
                    segs.push(s.clone());
                    j += 2;
                }
                if segs.len() > 1 {
                    out.push(Written { line: toks[i].line, ctx: ctx(), segs, how: How::Code });
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn tok_at(toks: &[Token], i: usize) -> Option<&Tok> {
    toks.get(i).map(|t| &t.tok)
}

/// Reads one `use` tree from `i` (after `use`, or inside braces), adding its leaves to `out`;
/// returns where it stopped.
fn use_tree(toks: &[Token], mut i: usize, prefix: &[String], ctx: &[String], out: &mut Vec<Written>) -> usize {
    let mut segs = prefix.to_vec();
    let line = loop {
        match tok_at(toks, i) {
            Some(Tok::Sep) => i += 1,
            Some(Tok::Ident(s)) => {
                segs.push(s.clone());
                i += 1;
                if tok_at(toks, i) != Some(&Tok::Sep) {
                    break toks[i - 1].line;
                }
                i += 1;
            }
            Some(Tok::Punct('*')) => {
                out.push(Written { line: toks[i].line, ctx: ctx.to_vec(), segs, how: How::Glob });
                return i + 1;
            }
            Some(Tok::Open('{')) => {
                i += 1;
                while let Some(t) = tok_at(toks, i) {
                    match t {
                        Tok::Close('}') => return i + 1,
                        Tok::Punct(',') => i += 1,
                        _ => {
                            let next = use_tree(toks, i, &segs, ctx, out);
                            i = if next == i { i + 1 } else { next };
                        }
                    }
                }
                return i;
            }
            _ => return i,
        }
    };
    if segs.last().is_some_and(|s| s == "self") {
        segs.pop();
    }
    let mut binding = segs.last().cloned();
    if let (Some(Tok::Ident(k)), Some(Tok::Ident(alias))) = (tok_at(toks, i), tok_at(toks, i + 1)) {
        if k == "as" {
            binding = (alias != "_").then(|| alias.clone());
            i += 2;
        }
    }
    if !segs.is_empty() {
        out.push(Written { line, ctx: ctx.to_vec(), segs, how: How::Use { binding } });
    }
    i
}

/// `toks` without inline `mod tests { .. }` blocks and `#[cfg(test)]` items.
fn strip_test_code(toks: Vec<Token>) -> Vec<Token> {
    let mut keep = vec![true; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        let end = if is_cfg_test(&toks, i) {
            item_end(&toks, i + CFG_TEST.len())
        } else if is_mod_tests_block(&toks, i) {
            item_end(&toks, i)
        } else {
            i += 1;
            continue;
        };
        keep[i..end].iter_mut().for_each(|k| *k = false);
        i = end;
    }
    toks.into_iter().zip(keep).filter(|(_, k)| *k).map(|(t, _)| t).collect()
}

/// `#[cfg(test)]`, as tokens.
const CFG_TEST: [&str; 7] = ["#", "[", "cfg", "(", "test", ")", "]"];

fn is_cfg_test(toks: &[Token], i: usize) -> bool {
    tokens_are(toks, i, &CFG_TEST)
}

fn is_mod_tests_block(toks: &[Token], i: usize) -> bool {
    tokens_are(toks, i, &["mod", "tests", "{"])
}

/// Whether the tokens from `i` on are `want`.
fn tokens_are(toks: &[Token], i: usize, want: &[&str]) -> bool {
    want.iter().enumerate().all(|(k, w)| toks.get(i + k).is_some_and(|t| t.tok.is(w)))
}

/// Where the item starting at `i` ends: after its attributes, at its `;` or its closing brace.
fn item_end(toks: &[Token], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(t) = toks.get(i) {
        i += 1;
        match t.tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(c) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && c == '}' {
                    return i;
                }
            }
            Tok::Punct(';') if depth == 0 => return i,
            _ => {}
        }
    }
    i
}

// ─── The lexer ───────────────────────────────────────────────────────────────────────────────

/// A token, as far as paths need: strings, chars, numbers, lifetimes and comments are
/// dropped; an intra-doc link in a doc comment is one token of its own.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Sep,
    Open(char),
    Close(char),
    Punct(char),
    DocLink(Vec<String>),
    /// A path in a string that a derive resolves: `#[serde(try_from = "crate::a::Wire")]`.
    StrPath(Vec<String>),
}

impl Tok {
    /// Whether this token is written `text`.
    fn is(&self, text: &str) -> bool {
        match self {
            Tok::Ident(s) => s == text,
            Tok::Sep => text == "::",
            Tok::Open(c) | Tok::Close(c) | Tok::Punct(c) => text.len() == 1 && text.starts_with(*c),
            Tok::DocLink(_) | Tok::StrPath(_) => false,
        }
    }
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    line: usize,
}

/// The tokens of Rust source `src`, each with its 1-based line. It works on bytes: everything
/// it keeps (identifiers, `::`, brackets) is ASCII, and it only cuts at ASCII bytes.
fn lex(src: &str) -> Vec<Token> {
    let c = src.as_bytes();
    let mut out = Vec::with_capacity(src.len() / 4);
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        let (ch, next) = (c[i], c.get(i + 1).copied().unwrap_or(0));
        i = match ch {
            b'\n' => {
                line += 1;
                i + 1
            }
            b'/' if next == b'/' => line_comment(src, i, line, &mut out),
            b'/' if next == b'*' => block_comment(src, i, &mut line, &mut out),
            b'"' => {
                let end = string_end(c, i + 1, &mut line);
                out.extend(
                    str_path(&out, &src[i + 1..end.saturating_sub(1).max(i + 1)])
                        .map(|segs| Token { tok: Tok::StrPath(segs), line }),
                );
                end
            }
            b'\'' => quote_end(c, i),
            _ if ch.is_ascii_alphabetic() || ch == b'_' => word(src, i, &mut line, &mut out),
            _ if ch.is_ascii_digit() => number_end(c, i),
            _ if ch.is_ascii_whitespace() || !ch.is_ascii() => i + 1,
            b':' if next == b':' => {
                out.push(Token { tok: Tok::Sep, line });
                i + 2
            }
            b'{' | b'(' | b'[' => {
                out.push(Token { tok: Tok::Open(ch as char), line });
                i + 1
            }
            b'}' | b')' | b']' => {
                out.push(Token { tok: Tok::Close(ch as char), line });
                i + 1
            }
            _ => {
                out.push(Token { tok: Tok::Punct(ch as char), line });
                i + 1
            }
        };
    }
    out
}

/// Serde attribute keys whose string value is a path the derive writes into code.
const SERDE_PATH_KEYS: &[&str] = &[
    "with",
    "try_from",
    "from",
    "into",
    "serialize_with",
    "deserialize_with",
    "default",
    "skip_serializing_if",
    "remote",
];

/// The path in string `text` when the tokens before it are `key =` with a key of
/// [`SERDE_PATH_KEYS`]; only paths of two segments or more (a lone name is the file's own).
fn str_path(before: &[Token], text: &str) -> Option<Vec<String>> {
    let [.., key, eq] = before else { return None };
    let keyed = matches!(&key.tok, Tok::Ident(k) if SERDE_PATH_KEYS.contains(&k.as_str())) && eq.tok == Tok::Punct('=');
    rust_path(text).filter(|segs| keyed && segs.len() > 1)
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where the run of identifier bytes starting at `i` ends.
fn ident_end(c: &[u8], i: usize) -> usize {
    i + c[i.min(c.len())..].iter().take_while(|&&b| is_ident_byte(b)).count()
}

/// `// ..` to the end of the line; `///` and `//!` give their intra-doc links.
fn line_comment(src: &str, i: usize, line: usize, out: &mut Vec<Token>) -> usize {
    let end = src[i..].find('\n').map_or(src.len(), |p| i + p);
    let text = &src[i + 2..end];
    let doc = (text.starts_with('/') && !text.starts_with("//")) || text.starts_with('!');
    if doc {
        out.extend(doc_links(&text[1..]).into_iter().map(|segs| Token { tok: Tok::DocLink(segs), line }));
    }
    end
}

/// `/* .. */`, nested; `/** .. */` and `/*! .. */` give their intra-doc links, line by line.
fn block_comment(src: &str, mut i: usize, line: &mut usize, out: &mut Vec<Token>) -> usize {
    let c = src.as_bytes();
    let (third, fourth) = (c.get(i + 2).copied(), c.get(i + 3).copied());
    let doc = (third == Some(b'*') && !matches!(fourth, Some(b'*') | Some(b'/'))) || third == Some(b'!');
    let (mut depth, mut from) = (0, i);
    let mut links = |text: &str, line: usize| {
        if doc {
            out.extend(doc_links(text).into_iter().map(|segs| Token { tok: Tok::DocLink(segs), line }));
        }
    };
    while i < c.len() {
        match (c[i], c.get(i + 1).copied()) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    links(&src[from..i], *line);
                    return i;
                }
            }
            (b'\n', _) => {
                links(&src[from..i], *line);
                *line += 1;
                i += 1;
                from = i;
            }
            _ => i += 1,
        }
    }
    i
}

/// The end of a string whose body starts at `i` (escapes honoured).
fn string_end(c: &[u8], mut i: usize, line: &mut usize) -> usize {
    while i < c.len() {
        match c[i] {
            b'\\' => {
                if c.get(i + 1) == Some(&b'\n') {
                    *line += 1;
                }
                i += 2;
            }
            b'"' => return i + 1,
            b => {
                if b == b'\n' {
                    *line += 1;
                }
                i += 1;
            }
        }
    }
    i
}

/// The end of a raw string `r#".."#` whose first `#` or `"` is at `i`.
fn raw_string_end(c: &[u8], mut i: usize, line: &mut usize) -> usize {
    let hashes = c[i..].iter().take_while(|&&b| b == b'#').count();
    i += hashes + 1;
    while i < c.len() {
        if c[i] == b'"' && c[i + 1..].iter().take(hashes).filter(|&&b| b == b'#').count() == hashes {
            return i + 1 + hashes;
        }
        if c[i] == b'\n' {
            *line += 1;
        }
        i += 1;
    }
    i
}

/// The end of a char literal (`'x'`, `'中'`, `'\n'`, `'\u{1F600}'`) or a lifetime (`'a`) at `i`.
fn quote_end(c: &[u8], i: usize) -> usize {
    let first = c.get(i + 1).copied().unwrap_or(0);
    if first == b'\\' {
        return c[i + 2..].iter().position(|&b| b == b'\'').map_or(c.len(), |p| i + 2 + p + 1);
    }
    let width = match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    };
    if c.get(i + 1 + width) == Some(&b'\'') {
        return i + 2 + width;
    }
    ident_end(c, i + 1)
}

/// An identifier, a raw identifier (`r#type`), or a prefixed literal (`b"..`, `r#".."#`, `b'x'`).
fn word(src: &str, i: usize, line: &mut usize, out: &mut Vec<Token>) -> usize {
    let c = src.as_bytes();
    let end = ident_end(c, i);
    let (next, after) = (c.get(end).copied(), c.get(end + 1).copied());
    let raw_string_start = next == Some(b'"') || (next == Some(b'#') && matches!(after, Some(b'"') | Some(b'#')));
    match &src[i..end] {
        "r" | "br" | "cr" if raw_string_start => raw_string_end(c, end, line),
        "b" | "c" if next == Some(b'"') => string_end(c, end + 1, line),
        "b" if next == Some(b'\'') => quote_end(c, end),
        "r" if next == Some(b'#') => {
            let id_end = ident_end(c, end + 1);
            out.push(Token { tok: Tok::Ident(src[end + 1..id_end].to_string()), line: *line });
            id_end
        }
        w => {
            out.push(Token { tok: Tok::Ident(w.to_string()), line: *line });
            end
        }
    }
}

/// The end of a number literal (`1_000`, `0x1F`, `1.5e3`, `2u8`); `1..2` stays a range.
fn number_end(c: &[u8], mut i: usize) -> usize {
    loop {
        i = ident_end(c, i);
        if c.get(i) == Some(&b'.') && c.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            return i;
        }
    }
}

/// The Rust paths a doc comment's text links to: ``[`a::b`]``, `[text](a::b)`, `[a::b]` and
/// `[text]: a::b`. Links that are no Rust path (URLs, prose in brackets, numbers) are skipped.
fn doc_links(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let (label, tail) = (&after[..close], &after[close + 1..]);
        let target = if let Some(t) = tail.strip_prefix('(') {
            t.find(')').map(|e| &t[..e])
        } else if let Some(t) = tail.strip_prefix(": ") {
            Some(t.trim())
        } else if tail.starts_with('[') {
            None
        } else {
            Some(label)
        };
        out.extend(target.and_then(rust_path));
        rest = tail;
    }
    out
}

/// `a::b::c` from a link target (backticks, a `kind@` prefix and a `()` or `!` suffix removed).
fn rust_path(target: &str) -> Option<Vec<String>> {
    let t = target.trim().trim_matches('`');
    let t = t.split_once('@').map_or(t, |(_, p)| p);
    let t = t.trim_end_matches("()").trim_end_matches('!');
    let segs: Vec<String> = t.split("::").map(str::to_string).collect();
    let ident = |s: &String| {
        s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_') && s.bytes().all(is_ident_byte)
    };
    segs.iter().all(ident).then_some(segs)
}
