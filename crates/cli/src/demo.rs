//! `scorecard demo OUT.xlsx [--year Y] [--context CTX.json] [--by-station DIR]`: writes the
//! demo town of 载入示例数据 (the same bytes the web app loads for that year) and, on
//! request, the context it is scored with, the file `scorecard score --context` reads, and
//! each station's own workbook (to show 汇总报送: each station packs its own). For trainers
//! working from the command line, and for tests that read the demo by a path of their own.
//!
//! Exit 0 when written; 1 when a file could not be written; 2 for an unsupported year.

use scorecard_domain::calendar::supported_years;
use scorecard_domain::samples::{data_workbook, demo_context, demo_spec, demo_workbook, synth_rows, Style};
use std::path::Path;

pub(crate) fn run(out: &Path, year: i32, context: Option<&Path>, by_station: Option<&Path>) -> i32 {
    if !supported_years().contains(&year) {
        eprintln!("scorecard demo: {}", crate::holidays::year_out_of_range(year));
        return 2;
    }
    let bytes = match demo_workbook(year) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("scorecard demo: 无法生成示例数据 / could not make the demo: {e}");
            return 1;
        }
    };
    let mut writes = vec![(out, bytes)];
    if let Some(path) = context {
        let mut ctx = demo_context(year);
        ctx.as_of = chrono::NaiveDate::from_ymd_opt(year, 12, 31);
        writes.push((path, ctx.to_json().into_bytes()));
    }
    let mut station_files = Vec::new();
    if let Some(dir) = by_station {
        let data = synth_rows(demo_spec(year));
        for st in &data.stations {
            match data_workbook(&data.station(st), Style::Messy) {
                Ok(b) => station_files.push((dir.join(format!("{st}志愿服务台账{year}.xlsx")), b)),
                Err(e) => {
                    eprintln!("scorecard demo: 无法生成示例数据 / could not make the demo: {e}");
                    return 1;
                }
            }
        }
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("scorecard demo: 无法创建目录 {} / cannot create it: {e}", dir.display());
            return 1;
        }
    }
    writes.extend(station_files.iter().map(|(p, b)| (p.as_path(), b.clone())));
    for (path, bytes) in writes {
        if let Err(e) = std::fs::write(path, bytes) {
            eprintln!("scorecard demo: 无法写入 {} / cannot write {}: {e}", path.display(), path.display());
            return 1;
        }
    }
    0
}
