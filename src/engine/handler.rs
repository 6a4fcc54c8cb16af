//! Answers engine requests by calling the domain. No DOM, no messaging: the transport
//! (worker or in-page) reads the files and carries the answers. Tested natively.
use super::protocol::{ImportSummary, Request, Response, ScoreView, XLSX_MIME};
use scorecard_domain::extras::{charts, monthly_replay, scheme, star_levels, what_if};
use scorecard_domain::import::{self, FileInput, Import, Progress};
use scorecard_domain::profile::checklist::checklist_items;
use scorecard_domain::samples;
use scorecard_domain::score::score;
use scorecard_domain::Tables;
use std::ops::ControlFlow;

/// What the engine holds between requests: the last import.
#[derive(Default)]
pub struct Engine {
    import: Option<Import>,
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
    fn tables(&self) -> Tables {
        self.import.as_ref().map(|i| i.tables.clone()).unwrap_or_default()
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
                let empty = Tables::default();
                let tables = self.import.as_ref().map(|i| &i.tables).unwrap_or(&empty);
                let card = score(&profile, &context, tables, today);
                let checklist = checklist_items(&profile, &context, tables, today);
                let charts = charts(&profile, &context, tables, today);
                let what_if = what_if(&profile, &context, tables, today);
                let stars = scheme("national").map(|s| star_levels(tables, &context, &s, today));
                Response::Scored(Box::new(ScoreView { card, checklist, charts, what_if, stars })).into()
            }
            Request::Replay { context, profile, today } => {
                let tables = self.tables();
                Response::Replayed(monthly_replay(&profile, &context, &tables, today)).into()
            }
            Request::Template => Answer {
                response: Response::File { name: "志愿服务数据模板.xlsx".into(), mime: XLSX_MIME.into() },
                bytes: Some(samples::template_workbook()),
            },
            Request::Sample { year } => match samples::synth_workbook(samples::SynthSpec::demo(year, 2017), samples::Style::Messy) {
                Ok(bytes) => Answer {
                    response: Response::File { name: format!("示例镇志愿服务数据{year}.xlsx"), mime: XLSX_MIME.into() },
                    bytes: Some(bytes),
                },
                Err(e) => Response::Failed { zh: format!("无法生成示例数据：{e}"), en: format!("Could not make the demo data: {e}") }.into(),
            },
            Request::FailedRows => match &self.import {
                None => Response::Failed { zh: "还没有导入任何文件。".into(), en: "Nothing has been imported yet.".into() }.into(),
                Some(imp) => match import::failed_rows_xlsx(imp) {
                    Ok(bytes) => Answer {
                        response: Response::File { name: "有问题的行.xlsx".into(), mime: XLSX_MIME.into() },
                        bytes: Some(bytes),
                    },
                    Err(e) => Response::Failed { zh: e.to_string(), en: e.to_string() }.into(),
                },
            },
        }
    }

    /// Imports files whose bytes the transport has read, replacing the previous import.
    pub fn import(
        &mut self,
        files: &[(String, Vec<u8>)],
        options: &import::ImportOptions,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Answer {
        let inputs: Vec<FileInput> = files.iter().map(|(name, bytes)| FileInput { name, bytes }).collect();
        let imp = import::import_with_progress(&inputs, options, progress);
        let summary = summarise(&imp);
        self.import = Some(imp);
        Response::Imported(summary).into()
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use scorecard_domain::profile::builtin;
    use scorecard_domain::Context;

    fn csv(text: &str) -> (String, Vec<u8>) {
        ("名册.csv".to_string(), text.as_bytes().to_vec())
    }

    #[test]
    fn import_then_score_then_failed_rows() {
        let mut e = Engine::default();
        let files = vec![csv("志愿者编号,姓名,所属站点,注册日期\nV1,张三,新桥社区,2017-01-02\nV2,李四,新桥社区,2017/13/40\n")];
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

        let ctx = Context { year: 2017, population: Some(20), as_of: NaiveDate::from_ymd_opt(2017, 6, 30), ..Context::default() };
        let a = e.handle(Request::Score {
            context: ctx,
            profile: builtin("xindu2017-town").unwrap(),
            today: NaiveDate::from_ymd_opt(2017, 6, 30).unwrap(),
        });
        let Response::Scored(view) = a.response else { panic!("not scored") };
        let x1 = view.card.indicators.iter().find(|i| i.id == "X1").unwrap();
        // 2 registered of 20 residents = 10 % < 13 %.
        assert_eq!(x1.detail.value, Some(0.1));
        assert_eq!(view.charts.registered, 2);

        let a = e.handle(Request::FailedRows);
        assert!(matches!(a.response, Response::File { .. }));
        assert!(a.bytes.is_some_and(|b| b.starts_with(b"PK")));
    }

    #[test]
    fn requests_survive_json_and_bad_ones_fail_cleanly() {
        let req = Request::Import { names: vec!["a.xlsx".into()], options: Default::default() };
        let back: Request = serde_json::from_str(&serde_json::to_string(&req).unwrap()).unwrap();
        assert!(matches!(back, Request::Import { .. }));
        let mut e = Engine::default();
        assert!(matches!(e.handle(back).response, Response::Failed { .. }));
        assert!(matches!(e.handle(Request::FailedRows).response, Response::Failed { .. }));
    }
}
