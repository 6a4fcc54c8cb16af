//! Answers engine requests by calling the domain. No DOM, no messaging: the transport
//! (worker or in-page) reads the files and carries the answers. Tested natively.
use super::protocol::{ImportSummary, Request, Response, ScoreView, CSV_MIME, JSON_MIME, XLSX_MIME};
use chrono::NaiveDate;
use scorecard_domain::export;
use scorecard_domain::export::{RowTable, RowsCut};
use scorecard_domain::profile::Profile;
use scorecard_domain::score::Scorecard;
use scorecard_domain::Context;

/// How many star volunteers the page lists (the xlsx report lists all).
const STARS_SHOWN: usize = 200;
use scorecard_domain::import::{self, Data, FileData, Import, Progress};
use scorecard_domain::samples;
use scorecard_domain::score::insights::{dashboard, monthly_replay, scheme, star_levels, what_if, Dashboard};
use scorecard_domain::Tables;
use std::ops::ControlFlow;

/// What the engine holds between requests: the last import and the last score (the
/// drill-down rows and the reports are of what the user sees).
#[derive(Default)]
pub struct Engine {
    import: Option<Import>,
    last: Option<Scored>,
}

struct Scored {
    card: Scorecard,
    context: Context,
    profile: Profile,
    today: NaiveDate,
}

fn not_scored() -> Answer {
    Response::Failed {
        zh: "请先查看评分结果，再导出。".into(), en: "Open the scorecard first, then export.".into()
    }
    .into()
}

fn lang(english: bool) -> export::Lang {
    if english {
        export::Lang::En
    } else {
        export::Lang::Zh
    }
}

/// A file name from the organisation and year: `新繁镇2017志愿服务自评报告.xlsx`.
fn scorecard_file_name(ctx: &Context, ext: &str) -> String {
    let org: String = ctx.organisation.chars().filter(|c| !"\\/:*?\"<>|".contains(*c)).collect();
    format!("{}{}志愿服务自评报告.{ext}", org.trim(), ctx.year)
}

/// An answer, with the bytes of a file when the answer is one.
pub struct Answer {
    pub response: Response,
    pub bytes: Option<Vec<u8>>,
}

impl From<Response> for Answer {
    fn from(response: Response) -> Self {
        Answer { response, bytes: None }
    }
}

impl Engine {
    /// The rows behind an indicator (or one station of it) of the last score, masked, and
    /// where the list stops if it was cut: what the dialog shows and its CSV holds.
    fn drill(&self, last: &Scored, indicator: &str, station: Option<&str>) -> (Vec<RowTable>, Option<RowsCut>) {
        export::drill(&last.card, self.tables(), indicator, station).unwrap_or_default()
    }

    /// The imported tables, or empty ones before any import.
    fn tables(&self) -> &Tables {
        static EMPTY: std::sync::LazyLock<Tables> = std::sync::LazyLock::new(Tables::default);
        self.import.as_ref().map_or(&EMPTY, |i| &i.tables)
    }

    /// Handles everything but `Import` (whose files are read by the transport first).
    pub fn handle(&mut self, req: Request) -> Answer {
        match req {
            Request::Ping => Response::Pong { version: env!("CARGO_PKG_VERSION").to_string() }.into(),
            Request::Import { .. } => Response::Failed {
                zh: "导入请求缺少文件内容。".into(),
                en: "The import request came without the files.".into(),
            }
            .into(),
            Request::Score { context, profile, today } => {
                let tables = self.tables();
                // One prepare() for the five views (each on its own would prepare the records again).
                let Dashboard { card, checklist, charts, what_if, stars } =
                    dashboard(&profile, &context, tables, today);
                // The page lists the top of the star list; the report has all of them.
                let stars = stars.map(|s| s.truncated(STARS_SHOWN));
                self.last = Some(Scored { card: card.clone(), context, profile, today });
                Response::Scored(Box::new(ScoreView { card, checklist, charts, what_if, stars })).into()
            }
            Request::Replay { context, profile, today } => {
                let tables = self.tables();
                Response::Replayed(monthly_replay(&profile, &context, tables, today)).into()
            }
            Request::Rows { indicator, station } => {
                let Some(last) = &self.last else { return not_scored() };
                let (tables, cut) = self.drill(last, &indicator, station.as_deref());
                Response::Rows { tables, cut }.into()
            }
            Request::RowsCsv { indicator, station, english } => {
                let Some(last) = &self.last else { return not_scored() };
                let (tables, cut) = self.drill(last, &indicator, station.as_deref());
                let bytes = export::drill_csv(&tables, cut, lang(english));
                let name = format!("{}{}明细.csv", indicator, station.map(|s| format!("-{s}")).unwrap_or_default());
                Answer { response: Response::File { name, mime: CSV_MIME.into() }, bytes: Some(bytes) }
            }
            Request::ScorecardXlsx => {
                let Some(last) = &self.last else { return not_scored() };
                let tables = self.tables();
                let mut findings: Vec<_> = self.import.as_ref().map(|i| i.findings.clone()).unwrap_or_default();
                findings.extend(last.card.findings.iter().cloned());
                let insights = export::ScorecardInsights {
                    replay: Some(monthly_replay(&last.profile, &last.context, tables, last.today)),
                    stars: scheme("national").map(|s| star_levels(tables, &last.context, &s, last.today)),
                    what_if: Some(what_if(&last.profile, &last.context, tables, last.today)),
                };
                match export::scorecard_xlsx(
                    &last.card,
                    &last.context,
                    &last.profile,
                    tables,
                    &findings,
                    Some(&insights),
                ) {
                    Ok(bytes) => Answer {
                        response: Response::File {
                            name: scorecard_file_name(&last.context, "xlsx"),
                            mime: XLSX_MIME.into(),
                        },
                        bytes: Some(bytes),
                    },
                    Err(e) => Response::Failed { zh: e.message_zh(), en: e.message_en() }.into(),
                }
            }
            Request::ScorecardCsv { english } => {
                let Some(last) = &self.last else { return not_scored() };
                let bytes = export::scorecard_csv(&last.card, &last.context, lang(english));
                Answer {
                    response: Response::File { name: scorecard_file_name(&last.context, "csv"), mime: CSV_MIME.into() },
                    bytes: Some(bytes),
                }
            }
            Request::Template => Answer {
                response: Response::File { name: "志愿服务数据模板.xlsx".into(), mime: XLSX_MIME.into() },
                bytes: Some(samples::template_workbook()),
            },
            Request::Sample { year, until } => match samples::demo_workbook_until(year, until) {
                Ok(bytes) => Answer {
                    response: Response::File { name: samples::demo_file_name(year, until), mime: XLSX_MIME.into() },
                    bytes: Some(bytes),
                },
                Err(e) => Response::Failed {
                    zh: format!("无法生成示例数据：{e}"),
                    en: format!("Could not make the demo data: {e}"),
                }
                .into(),
            },
            Request::Pack { context, passphrase, today } => self.pack(&context, &passphrase, today),
            Request::FailedRows => match &self.import {
                None => Response::Failed {
                    zh: "还没有导入任何文件。".into(),
                    en: "Nothing has been imported yet.".into(),
                }
                .into(),
                Some(imp) => match export::failed_rows_xlsx(imp) {
                    Ok(bytes) => Answer {
                        response: Response::File { name: "有问题的行.xlsx".into(), mime: XLSX_MIME.into() },
                        bytes: Some(bytes),
                    },
                    Err(e) => Response::Failed { zh: e.to_string(), en: e.to_string() }.into(),
                },
            },
        }
    }

    /// The station's report file of the imported data (汇总报送): no names, ID or phone
    /// numbers; volunteers as codes of the town's passphrase.
    fn pack(&self, context: &Context, passphrase: &str, today: NaiveDate) -> Answer {
        let min = scorecard_domain::report_file::passkey::MIN_CHARS;
        if passphrase.trim().chars().count() < min {
            return Response::Failed {
                zh: format!("请先输入镇（街道）发给各站点的报送口令（至少 {min} 个字符）。"),
                en: format!("Enter the passphrase your town gave its stations first (at least {min} characters)."),
            }
            .into();
        }
        let tables = self.tables();
        if tables.volunteers.is_empty() && tables.records.is_empty() && tables.activities.is_empty() {
            return Response::Failed {
                zh: "还没有导入本站点的数据，没有可报送的内容。请先在第 2 步导入名册和记录。".into(),
                en: "Nothing imported yet, so there is nothing to report. Import the roster and records in step 2 first.".into(),
            }
            .into();
        }
        let key = scorecard_domain::report_file::Passkey::derive(passphrase);
        let (file, _findings) = scorecard_domain::export::pack(tables, context, &key, today);
        let name = scorecard_domain::export::file_name(&file);
        Answer { response: Response::File { name, mime: JSON_MIME.into() }, bytes: Some(file.write(&key).into_bytes()) }
    }

    /// Imports files whose bytes the transport has read, replacing the previous import.
    /// Past [`MAX_BROWSER_ROWS`] rows the import stops and the previous one stays: a tab's
    /// wasm memory never shrinks, and 3M rows measured 745 MiB of tab.
    pub fn import(
        &mut self,
        files: &[(String, Vec<u8>)],
        options: &import::ImportOptions,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Answer {
        let inputs: Vec<FileData> =
            files.iter().map(|(name, bytes)| FileData { name, data: Data::Memory(bytes) }).collect();
        self.import_data(&inputs, options, progress)
    }

    /// [`Engine::import`] of files that may be read on demand (the worker's picked files).
    pub fn import_data(
        &mut self,
        files: &[FileData],
        options: &import::ImportOptions,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Answer {
        self.import_capped(files, options, progress, MAX_BROWSER_ROWS)
    }

    fn import_capped(
        &mut self,
        files: &[FileData],
        options: &import::ImportOptions,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
        max_rows: u64,
    ) -> Answer {
        let mut too_many = false;
        let imp = import::import_data(files, options, &mut |p| {
            if p.rows() > max_rows {
                too_many = true;
                return ControlFlow::Break(());
            }
            progress(p)
        });
        if too_many {
            let n = scorecard_domain::phrasing::fmt_count(max_rows);
            return Response::Failed {
                zh: format!("这些文件共超过 {n} 行，超出了浏览器能处理的规模，没有导入。请按月份或按站点拆分后分别导入，或使用命令行版 scorecard。"),
                en: format!("These files hold more than {n} rows, more than a browser tab can handle; nothing was imported. Split them by month or station and import them separately, or use the scorecard command line."),
            }
            .into();
        }
        let summary = summarise(&imp);
        self.import = Some(imp);
        Response::Imported(summary).into()
    }
}

/// The first import in a fresh worker runs 2–4× slower than the next ones: the browser
/// compiles the engine to optimised code only once it has run a while. The worker runs a
/// small import and score (5,000 rows of 1,000 volunteers written here, then dropped) a few
/// times, right after it has answered its first message, while the clerk is still choosing
/// files — the way a picked file goes: read on demand, answered as JSON. Returns the records
/// it imported. Its size, measured in the bench page (4 × 4 fresh tabs, alternated): 3,000
/// rows of 200 volunteers left the first 10k import at 124–167 ms, 5,000 of 1,000 (more
/// distinct strings, as real rosters have) at 99–126; the warm-up took 388–465 ms and
/// 530–641 ms in those runs.
pub fn warm_up() -> usize {
    let spec = samples::SynthSpec {
        year: 2017,
        seed: 7,
        stations: 2,
        volunteers: 1_000,
        records: 5_000,
        activities: 24,
        trainings: 8,
    };
    let Ok(bytes) = samples::synth_workbook(spec, samples::Style::Clean) else { return 0 };
    let mut engine = Engine::default();
    for _ in 0..WARM_UP_PASSES {
        let file = FileData { name: "warm-up.xlsx", data: Data::OnDemand(&bytes) };
        let answer = engine.import_data(&[file], &Default::default(), &mut |_| ControlFlow::Continue(()));
        let _ = serde_json::to_string(&answer.response);
        if let (Some(profile), Some(today)) = (
            scorecard_domain::profile::builtin(scorecard_domain::profile::DEFAULT_ID),
            NaiveDate::from_ymd_opt(2017, 12, 31),
        ) {
            let context = Context { year: 2017, population: Some(10_000), ..Context::default() };
            let answer = engine.handle(Request::Score { context, profile, today });
            let _ = serde_json::to_string(&answer.response);
        }
    }
    engine.import.map_or(0, |i| i.tables.records.len())
}

/// Passes of the warm-up: measured in the bench page with the 3,000-row workbook, the first
/// 10k import after it took 165 ms after one pass, 130–175 ms after two, 117–148 ms after
/// three (the later ones ~90 ms); with the 5,000-row one, 103–129 ms after three and no
/// better after five (116–174). Quick runs on a noisy machine, so "a few" rather than an
/// exact count.
const WARM_UP_PASSES: usize = 3;

/// The most rows one import may hold in the browser (≈ 450 MiB of tab); the CLI has no cap.
pub const MAX_BROWSER_ROWS: u64 = 2_000_000;

/// The most bytes one import may read in the browser: the files are copied whole into the
/// engine's memory, which never shrinks. 2,000,000 rows of an export are ~90 MB as xlsx and
/// ~150 MB as CSV, so files past this would hit [`MAX_BROWSER_ROWS`] anyway; refusing before
/// reading keeps a clerk's tab alive on a 4 GB PC.
pub const MAX_BROWSER_BYTES: u64 = 256 << 20;

/// The answer when the chosen files together are larger than [`MAX_BROWSER_BYTES`].
pub fn too_big(total: u64) -> Response {
    let mb = |b: u64| scorecard_domain::phrasing::fmt_count(b.div_ceil(1 << 20));
    let (have, max) = (mb(total), mb(MAX_BROWSER_BYTES));
    Response::Failed {
        zh: format!("所选文件共 {have} MB，超过浏览器一次能导入的 {max} MB，没有导入。请按月份或按站点拆分后分别导入，或使用命令行版 scorecard。"),
        en: format!("The chosen files hold {have} MB, more than the {max} MB a browser tab can import at once; nothing was imported. Split them by month or station and import them separately, or use the scorecard command line."),
    }
}

/// The import screen's view of an import: reports without the raw failed rows.
pub fn summarise(imp: &Import) -> ImportSummary {
    let mut files = imp.files.clone();
    let mut failed = 0;
    for f in &mut files {
        for s in &mut f.sheets {
            failed += s.failed_rows.len();
            s.failed_rows = Vec::new();
        }
    }
    ImportSummary {
        files,
        volunteers: imp.tables.volunteers.len(),
        records: imp.tables.records.len(),
        activities: imp.tables.activities.len(),
        trainings: imp.tables.trainings.len(),
        failed_rows: failed,
        cancelled: imp.cancelled,
        data_year: imp.tables.data_year(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scorecard_domain::profile::builtin;

    fn csv(text: &str) -> (String, Vec<u8>) {
        ("名册.csv".to_string(), text.as_bytes().to_vec())
    }

    /// Scores with xindu2017-town for 2017 as of 30 June, 20 residents.
    fn score_2017(e: &mut Engine) -> ScoreView {
        let ctx = Context {
            year: 2017,
            population: Some(20),
            as_of: NaiveDate::from_ymd_opt(2017, 6, 30),
            ..Context::default()
        };
        let a = e.handle(Request::Score {
            context: ctx,
            profile: builtin("xindu2017-town").unwrap(),
            today: NaiveDate::from_ymd_opt(2017, 6, 30).unwrap(),
        });
        let Response::Scored(view) = a.response else { panic!("not scored") };
        *view
    }

    #[test]
    fn import_then_score_then_failed_rows() {
        let mut e = Engine::default();
        let files =
            vec![csv("志愿者编号,姓名,所属站点,注册日期\nV1,张三,新桥社区,2017-01-02\nV2,李四,新桥社区,2017/13/40\n")];
        let mut seen = 0;
        let a = e.import(&files, &Default::default(), &mut |_| {
            seen += 1;
            ControlFlow::Continue(())
        });
        let Response::Imported(s) = a.response else { panic!("not imported") };
        assert!(seen >= 1);
        assert_eq!((s.volunteers, s.records, s.activities, s.trainings), (2, 0, 0, 0));
        assert_eq!(s.files.len(), 1);
        assert_eq!(s.files[0].sheets[0].counts.kept, 2);
        // The bad date is a problem row, kept for the failed-rows file but not sent.
        assert_eq!(s.failed_rows, 1);
        assert!(s.files[0].sheets[0].failed_rows.is_empty());

        let view = score_2017(&mut e);
        let x1 = view.card.indicators.iter().find(|i| i.id == "X1").unwrap();
        // 2 registered of 20 residents = 10 % < 13 %.
        assert_eq!(x1.detail.value, Some(0.1));
        assert_eq!(view.charts.registered, 2);

        let a = e.handle(Request::FailedRows);
        assert!(matches!(a.response, Response::File { .. }));
        assert!(a.bytes.is_some_and(|b| b.starts_with(b"PK")));
    }

    /// A draft with no files (a new one, or every file removed) empties the engine: its
    /// score is of no data, never of the tables the engine held for another draft.
    #[test]
    fn an_import_of_no_files_empties_the_engine() {
        let mut e = Engine::default();
        let roster =
            csv("志愿者编号,姓名,所属站点,注册日期\nV1,张三,新桥社区,2017-01-02\nV2,李四,新桥社区,2017-02-02\n");
        e.import(&[roster], &Default::default(), &mut |_| ControlFlow::Continue(()));
        let score = |e: &mut Engine| score_2017(e).charts.registered;
        assert_eq!(score(&mut e), 2);
        let a = e.import_data(&[], &Default::default(), &mut |_| ControlFlow::Continue(()));
        let Response::Imported(s) = a.response else { panic!("not imported") };
        assert_eq!((s.volunteers, s.records, s.files.len()), (0, 0, 0));
        assert_eq!(score(&mut e), 0);
    }

    #[test]
    fn an_import_past_the_row_cap_fails_and_keeps_the_previous_one() {
        let mut e = Engine::default();
        let small =
            ("small.csv".to_string(), "姓名,活动名称,服务日期,服务时长\n张三,活动,2017-03-01,2\n".as_bytes().to_vec());
        e.import(&[small], &Default::default(), &mut |_| ControlFlow::Continue(()));
        // 2 files of 5,001 rows each (header included), capped at 8,000 rows: the first
        // file's rows are carried exactly, so the cap is seen at 5,001 + 4,096 rows.
        let body: String = (0..5000).map(|i| format!("李{i},活动,2017-03-0{},2\n", i % 9 + 1)).collect();
        let big = |name: &str| (name.to_string(), format!("姓名,活动名称,服务日期,服务时长\n{body}").into_bytes());
        let (a_csv, b_csv) = (big("a.csv"), big("b.csv"));
        let files = [&a_csv, &b_csv].map(|(name, bytes)| FileData { name, data: Data::Memory(bytes) });
        let a = e.import_capped(&files, &Default::default(), &mut |_| ControlFlow::Continue(()), 8_000);
        match a.response {
            Response::Failed { zh, en } => {
                assert!(zh.contains("8,000 行"), "{zh}");
                assert!(en.contains("8,000 rows"), "{en}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        // The previous import is still the one scored.
        assert_eq!(e.import.as_ref().unwrap().tables.records.len(), 1);
        // Under the cap, the same files import.
        let a = e.import_capped(&files, &Default::default(), &mut |_| ControlFlow::Continue(()), 10_000);
        assert!(matches!(a.response, Response::Imported(ref s) if s.records == 10_000), "{:?}", a.response);
    }

    #[test]
    fn the_warm_up_imports_and_scores_its_rows() {
        // every synthetic record is a clean row dated in 2017 (crates/domain/tests/domain/samples_synth.rs)
        assert_eq!(warm_up(), 5_000);
    }

    #[test]
    fn files_over_the_byte_cap_are_refused_with_their_size() {
        // 300 MiB and one byte round up to 301 MB; the cap is 256 MiB.
        match too_big((300 << 20) + 1) {
            Response::Failed { zh, en } => {
                assert!(zh.contains("共 301 MB") && zh.contains("能导入的 256 MB"), "{zh}");
                assert!(en.contains("hold 301 MB") && en.contains("the 256 MB"), "{en}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn requests_survive_json_and_bad_ones_fail_cleanly() {
        let req = Request::Import { names: vec!["a.xlsx".into()], options: Default::default(), town: None };
        let back: Request = serde_json::from_str(&serde_json::to_string(&req).unwrap()).unwrap();
        assert!(matches!(back, Request::Import { .. }));
        let mut e = Engine::default();
        assert!(matches!(e.handle(back).response, Response::Failed { .. }));
        assert!(matches!(e.handle(Request::FailedRows).response, Response::Failed { .. }));
    }
}
