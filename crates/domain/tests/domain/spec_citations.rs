//! The documents say the present once (issue 29): every section citation names a section of
//! the indicator spec in the repository, and every size or speed figure lives in the one
//! generated file, `docs/figures.md`.
//!
//! **Spec citations.** `docs/spec/indicators.md` is the indicator spec, byte for byte the shared
//! one (`../shared/indicators.md`, compared when that file exists: a clean clone, as in CI, has
//! none). Every `§` in the Rust sources (`crates/*/src`, `crates/*/tests`, `src/`, `tests/*.rs`)
//! and in the Markdown docs (`README.md`, `ARCHITECTURE.md`, `CHANGELOG.md`, `docs/`) is a
//! citation of that spec when a number follows it, whatever precedes it (`§2`, `indicators.md
//! §3`, `(§5)`):
//! - `§N` names the section headed `## N. …`;
//! - `§N.M` names the M-th `###` heading under `## N. …`, counted from 1 in document order (the
//!   spec's subsections are not numbered: `§5.1` is `### 新都2017 镇(街道) …`, the first profile); a
//!   `###` heading that carries its own number (`### 5.3 …`) is named by that number instead.
//!
//! Other documents' sections are cited in words ("RFC 7914, section 11"), never with `§`.
//!
//! **Figures.** A figure is a number followed by a size or speed unit: `KB`, `KiB`, `MB`, `MiB`,
//! `GB`, `GiB`, `ms`, `s` or `%` (with or without a space before the unit; the unit ends at a
//! non-letter, so "3 stations" is no figure), or `×` written against the number (`0.85×`; `1366 ×
//! 768`, with spaces, is a screen size, not a ratio). Numbers are `12`, `1,448`, `0.85`; a range
//! (`0.3–0.5 s`) is two figures with the one unit; dotted versions (`0.2.130`) and numbers inside
//! words (`X5`, `wasm32`) are not figures. README.md and ARCHITECTURE.md may quote a figure only
//! when `docs/figures.md` holds the same number (thousands separators ignored; the unit is not
//! compared, as that file's tables put their units in the column headers), except the few
//! figures that are rules or limits rather than measurements, listed in [`NOT_MEASUREMENTS`] with
//! what they are. README.md is at most 250 lines.

use crate::support::{files_under, repo_root};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Figures with a unit that are rules or limits of the app, not measured sizes or speeds:
/// (number, unit, what it is).
const NOT_MEASUREMENTS: &[(&str, &str, &str)] = &[
    ("100", "%", "a share above 100 % is impossible: 需核对 (indicators.md section 4)"),
    ("13", "%", "X1's threshold, the example of thresholds decided in integers"),
    ("256", "MB", "the browser import's cap on the files' total size"),
    ("2", "MB", "the window the worker reads a file by"),
];

/// README.md's length limit (issue 29).
const README_MAX_LINES: usize = 250;

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files whose `§` citations are checked.
fn citing_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if let Ok(crates) = fs::read_dir(root.join("crates")) {
        let mut crates: Vec<PathBuf> = crates.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        crates.sort();
        for krate in crates {
            files_under(&krate.join("src"), ".rs", &mut files);
            files_under(&krate.join("tests"), ".rs", &mut files);
        }
    }
    files_under(&root.join("src"), ".rs", &mut files);
    // tests/*.rs only: tests/e2e is JavaScript
    let mut top: Vec<PathBuf> = fs::read_dir(root.join("tests"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    top.retain(|p| p.extension().is_some_and(|e| e == "rs"));
    top.sort();
    files.extend(top);
    for doc in ["README.md", "ARCHITECTURE.md", "CHANGELOG.md"] {
        files.push(root.join(doc));
    }
    files_under(&root.join("docs"), ".md", &mut files);
    files
}

/// The sections of the spec, as (N, None) for `## N. …` and (N, Some(M)) for its subsections.
fn spec_sections(spec: &str) -> BTreeSet<(u32, Option<u32>)> {
    let mut sections = BTreeSet::new();
    let mut current: Option<u32> = None;
    let mut sub = 0;
    for line in spec.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            current = leading_number(title).filter(|(_, rest)| rest.starts_with('.')).map(|(n, _)| n);
            sub = 0;
            if let Some(n) = current {
                sections.insert((n, None));
            }
        } else if let (Some(title), Some(n)) = (line.strip_prefix("### "), current) {
            sub += 1;
            let own = leading_number(title)
                .and_then(|(major, rest)| (major == n).then_some(rest))
                .and_then(|rest| rest.strip_prefix('.'))
                .and_then(leading_number)
                .map(|(m, _)| m);
            sections.insert((n, Some(own.unwrap_or(sub))));
        }
    }
    sections
}

/// The number at the start of `s` and the text after it.
fn leading_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s[..end].parse().ok().map(|n| (n, &s[end..]))
}

/// Every `§` citation in `text` (a `§` before a number): (line number, as written, N, M).
fn citations(text: &str) -> Vec<(usize, String, u32, Option<u32>)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for (at, _) in line.match_indices('§') {
            let after = line[at + '§'.len_utf8()..].trim_start_matches([' ', '\u{a0}']);
            // a § before no number (`§N` in prose about citations) cites nothing
            let Some((major, rest)) = leading_number(after) else { continue };
            // "§5.1" names a subsection; "§2." ends a sentence
            let minor = rest.strip_prefix('.').and_then(leading_number).map(|(m, _)| m);
            let shown: String = line[at..].chars().take(8).collect();
            found.push((i + 1, shown, major, minor));
        }
    }
    found
}

/// The citations in `text` that name no section in `sections`, as "line: citation".
fn bad_citations(text: &str, sections: &BTreeSet<(u32, Option<u32>)>) -> Vec<String> {
    citations(text)
        .into_iter()
        .filter(|(_, _, major, minor)| !sections.contains(&(*major, *minor)))
        .map(|(line, shown, _, _)| format!("{line}: {shown}"))
        .collect()
}

fn spec_path(root: &Path) -> PathBuf {
    root.join("docs/spec/indicators.md")
}

#[test]
fn every_section_citation_names_a_section_of_the_spec() {
    let root = repo_root();
    let sections = spec_sections(&read(&spec_path(&root)));
    // the spec's six sections and its six profiles (§5.1 … §5.6)
    assert_eq!(sections.iter().filter(|(_, m)| m.is_none()).count(), 6, "{sections:?}");
    assert!(sections.contains(&(5, Some(6))) && !sections.contains(&(5, Some(7))), "{sections:?}");
    let files = citing_files(&root);
    let sources = files.iter().filter(|f| f.components().any(|c| c.as_os_str() == "src")).count();
    assert!(sources >= 50, "only {sources} source files found: the walk missed the sources");
    let mut bad = Vec::new();
    let mut count = 0;
    for file in &files {
        let text = read(file);
        count += citations(&text).len();
        for b in bad_citations(&text, &sections) {
            bad.push(format!("{}:{b}", file.strip_prefix(&root).unwrap_or(file).display()));
        }
    }
    // the code cites the spec about a hundred times: finding none means the walk is broken
    assert!(count >= 50, "only {count} citations found in {} files", files.len());
    assert!(bad.is_empty(), "citations of no section of docs/spec/indicators.md:\n{}", bad.join("\n"));
}

#[test]
fn a_citation_of_a_missing_section_is_reported() {
    let spec = "# Spec\n## 1. One\n## 2. Two\n### a profile\n### another\n## 3. Three\n### 3.7 numbered\n";
    let sections = spec_sections(spec);
    assert_eq!(
        sections.into_iter().collect::<Vec<_>>(),
        [(1, None), (2, None), (2, Some(1)), (2, Some(2)), (3, None), (3, Some(7))]
    );
    let sections = spec_sections(spec);
    // written with escapes, so that this file cites nothing itself
    let text =
        "a \u{a7}1, indicators.md \u{a7}2.2 and \u{a7} 3.7.\nend of \u{a7}2. Then \u{a7}9 and \u{a7}2.3 and \u{a7}x";
    assert_eq!(bad_citations(text, &sections), ["2: \u{a7}9 and \u{a7}", "2: \u{a7}2.3 and"]);
}

#[test]
fn the_spec_is_the_shared_one() {
    let root = repo_root();
    let ours = fs::read(spec_path(&root)).expect("docs/spec/indicators.md");
    let shared = root.join("../shared/indicators.md");
    match fs::read(&shared) {
        Ok(theirs) => {
            assert!(ours == theirs, "docs/spec/indicators.md differs from {}: copy it again", shared.display())
        }
        Err(_) => eprintln!("no {}: only the repository's copy is checked", shared.display()),
    }
}

#[test]
fn the_seeds_readme_links_to_the_spec() {
    let seeds = repo_root().join("crates/domain/tests/fixtures/seeds");
    let readme = read(&seeds.join("README.md"));
    let links: Vec<&str> = readme.split("](").skip(1).filter_map(|s| s.split(')').next()).collect();
    let spec = links.iter().find(|l| l.ends_with("indicators.md")).expect("a link to the spec");
    let target = seeds.join(spec);
    assert!(target.is_file(), "{spec} leads nowhere from the seeds' folder");
    assert_eq!(target.canonicalize().unwrap(), spec_path(&repo_root()).canonicalize().unwrap());
}

// --- figures ---------------------------------------------------------------------------------

/// A number with a size or speed unit, as written.
#[derive(Debug, PartialEq)]
struct Figure {
    line: usize,
    /// without thousands separators: "1448", "0.85"
    number: String,
    unit: &'static str,
}

const UNITS: &[&str] = &["KiB", "MiB", "GiB", "KB", "MB", "GB", "ms", "s", "%", "×"];

/// A number token at byte `at` of `line`, when one starts there: (normalised number, the byte
/// after it, whether it is a dotted version such as 0.2.130).
fn number_at(line: &str, at: usize) -> Option<(String, usize, bool)> {
    let bytes = line.as_bytes();
    if !bytes[at].is_ascii_digit() {
        return None;
    }
    if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'_' | b'.' | b',')) {
        return None;
    }
    let digits = |from: usize| from + bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut end = digits(at);
    // thousands: ",ddd" not followed by another digit
    while end + 4 <= bytes.len() && bytes[end] == b',' && digits(end + 1) == end + 4 {
        end += 4;
    }
    let mut dots = 0;
    while end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
        end = digits(end + 1);
        dots += 1;
    }
    Some((line[at..end].replace(',', ""), end, dots > 1))
}

/// The unit right after `rest` (spaces allowed before any but `×`), if it ends there.
fn unit_at(rest: &str) -> Option<&'static str> {
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{2009}', '\u{202f}']);
    let spaced = trimmed.len() != rest.len();
    UNITS.iter().copied().find(|unit| {
        trimmed.starts_with(unit)
            && !(spaced && *unit == "×")
            && !trimmed[unit.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Every number token of `text` (ranges give each of their numbers), normalised.
fn numbers(text: &str) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for line in text.lines() {
        let mut at = 0;
        while at < line.len() {
            match number_at(line, at) {
                Some((n, end, _)) => {
                    all.insert(n);
                    at = end;
                }
                None => at += line[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
    }
    all
}

/// Every figure of `text`.
fn figures(text: &str) -> Vec<Figure> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut at = 0;
        while at < line.len() {
            let Some((first, mut end, version)) = number_at(line, at) else {
                at += line[at..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            // a range: 0.3–0.5 s, 88-106 ms
            let mut range = vec![first];
            while let Some(dash) = ['–', '-', '—'].into_iter().find(|d| line[end..].starts_with(*d)) {
                let next = end + dash.len_utf8();
                // the second number follows the dash directly, so number_at's left check is skipped
                let bytes = line.as_bytes();
                if next >= bytes.len() || !bytes[next].is_ascii_digit() {
                    break;
                }
                let tail = &line[next..];
                let Some((n, e, _)) = number_at(tail, 0) else { break };
                range.push(n);
                end = next + e;
            }
            if !version {
                if let Some(unit) = unit_at(&line[end..]) {
                    found.extend(range.into_iter().map(|number| Figure { line: i + 1, number, unit }));
                }
            }
            at = end;
        }
    }
    found
}

/// The figures of `doc` that `figures_md` does not hold and that are no listed rule or limit.
fn stray_figures(doc: &str, figures_md: &str) -> Vec<String> {
    let known = numbers(figures_md);
    figures(doc)
        .into_iter()
        .filter(|f| !known.contains(&f.number))
        .filter(|f| !NOT_MEASUREMENTS.iter().any(|(n, u, _)| *n == f.number && *u == f.unit))
        .map(|f| format!("{}: {} {}", f.line, f.number, f.unit))
        .collect()
}

#[test]
fn figures_are_found_as_written() {
    let text = "page 437 KB, 1,448 KB gzipped; 0.85× and 5.8×; 2.8–3.0 s; 88-106 ms; 287 MiB; 13 %\n\
                X5 s, 3 stations, 1366 × 768, wasm32, 0.2.130 s, 4G line, 12 次, 2026-12-06, 1,000,000 rows";
    let got: Vec<(String, &str)> = figures(text).into_iter().map(|f| (f.number, f.unit)).collect();
    let want = [
        ("437", "KB"),
        ("1448", "KB"),
        ("0.85", "×"),
        ("5.8", "×"),
        ("2.8", "s"),
        ("3.0", "s"),
        ("88", "ms"),
        ("106", "ms"),
        ("287", "MiB"),
        ("13", "%"),
    ];
    assert_eq!(got, want.map(|(n, u)| (n.to_string(), u)));
}

#[test]
fn a_stray_figure_is_reported() {
    let figures_md = "| served: the page | | | 436 KB |\n| 1m | 2,957 | 115 |\n";
    // the same number is accepted whatever its unit or separators; another number is not
    assert!(stray_figures("the page is 436 KB; 1M in 2957 ms", figures_md).is_empty());
    assert_eq!(stray_figures("# Title\nthe page is 437 KB brotli", figures_md), ["2: 437 KB"]);
    // rules and limits are no measurements
    assert!(stray_figures("files over 256 MB are refused; a share above 100 % is 需核对", figures_md).is_empty());
    assert_eq!(stray_figures("files over 257 MB", figures_md), ["1: 257 MB"]);
}

#[test]
fn readme_is_short() {
    let lines = read(&repo_root().join("README.md")).lines().count();
    assert!(lines <= README_MAX_LINES, "README.md has {lines} lines; at most {README_MAX_LINES}");
}

#[test]
fn readme_and_architecture_quote_only_the_generated_figures() {
    let root = repo_root();
    let figures_md = read(&root.join("docs/figures.md"));
    // the generated file has its two sections, filled
    for section in ["sizes", "speed"] {
        let begin = format!("<!-- figures:{section}:begin -->");
        let end = format!("<!-- figures:{section}:end -->");
        let body = figures_md.split(&begin).nth(1).and_then(|s| s.split(&end).next()).unwrap_or("");
        assert!(figures(body).len() + numbers(body).len() > 10, "docs/figures.md: the {section} section is empty");
    }
    let mut stray = Vec::new();
    for doc in ["README.md", "ARCHITECTURE.md"] {
        for s in stray_figures(&read(&root.join(doc)), &figures_md) {
            stray.push(format!("{doc}:{s}"));
        }
    }
    assert!(
        stray.is_empty(),
        "figures that docs/figures.md does not hold (point at it instead, or list a rule in NOT_MEASUREMENTS):\n{}",
        stray.join("\n")
    );
}
