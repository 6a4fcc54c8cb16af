//! `scorecard inspect FILE...`: what the importer sees in each file — per sheet the role,
//! header rows, column mapping, row counts and findings.
//!
//! Exit 0 when every file was read, 1 when one could not be (its message goes to stderr; the
//! others are still printed). `--format json` prints the report structure (the same the web
//! app's import screen receives), including the preview with full ID numbers.

use crate::Format;
use scorecard_domain::import::{import, FileInput, FileOutcome, ImportOptions, RowStatus, SheetOutcome, Source};
use scorecard_domain::Severity;
use std::path::PathBuf;

pub(crate) fn run(paths: &[PathBuf], format: Format) -> i32 {
    let mut loaded: Vec<(String, Vec<u8>)> = Vec::new();
    let mut code = 0;
    for p in paths {
        let name = p.display().to_string();
        match std::fs::read(p) {
            Ok(bytes) => loaded.push((name, bytes)),
            Err(e) => {
                eprintln!("无法打开文件「{name}」：{e}。请检查路径和权限。 / Cannot open \"{name}\": {e}.");
                code = 1;
            }
        }
    }
    let inputs: Vec<FileInput> = loaded.iter().map(|(n, b)| FileInput { name: n, bytes: b }).collect();
    let imp = import(&inputs, &ImportOptions::default());
    for f in &imp.files {
        if let Some(e) = &f.error {
            eprintln!("{}", e.message_zh(&f.name));
            eprintln!("{}", e.message_en(&f.name));
        }
        for s in f.sheets.iter().filter(|s| s.error.is_some()) {
            if let Some(first) = s.findings.first() {
                eprintln!("{}：{}", first.location_zh(), first.message);
            }
        }
    }
    if !imp.all_read() {
        code = 1;
    }
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "files": imp.files,
                "tables": {
                    "volunteers": imp.tables.volunteers.len(),
                    "records": imp.tables.records.len(),
                    "activities": imp.tables.activities.len(),
                    "trainings": imp.tables.trainings.len(),
                },
            });
            match serde_json::to_string_pretty(&out) {
                Ok(s) => crate::out::line(&s),
                Err(e) => {
                    eprintln!("无法输出 JSON / cannot write JSON: {e}");
                    return 1;
                }
            }
        }
        Format::Text => {
            for f in &imp.files {
                crate::out::print(&text_file(f));
            }
            let t = &imp.tables;
            crate::out::line(&format!(
                "合计导入：志愿者 {} 人，服务记录 {} 条，活动 {} 次，培训 {} 次",
                t.volunteers.len(),
                t.records.len(),
                t.activities.len(),
                t.trainings.len()
            ));
        }
    }
    code
}

fn source_zh(s: Source) -> &'static str {
    match s {
        Source::Auto => "自动识别",
        Source::Saved => "按保存的映射",
        Source::Hand => "手动指定",
    }
}

fn severity_zh(s: Severity) -> &'static str {
    match s {
        Severity::Info => "提示",
        Severity::Warning => "警告",
        Severity::Error => "错误",
    }
}

/// The text report of one file, for a person.
pub(crate) fn text_file(f: &FileOutcome) -> String {
    let mut out = String::new();
    let format = f.format.map_or("无法识别", |x| x.label());
    out.push_str(&format!("文件「{}」（{}，{} 字节）\n", f.name, format, f.size));
    if let (Some(enc), Some(d)) = (f.encoding, f.delimiter) {
        let d = match d {
            '\t' => "制表符".to_string(),
            ',' => "逗号".to_string(),
            ';' => "分号".to_string(),
            other => other.to_string(),
        };
        out.push_str(&format!("  编码 {}，分隔符 {d}\n", enc.label()));
    }
    if let Some(e) = &f.error {
        out.push_str(&format!("  无法读取：{}\n", e.message_zh(&f.name)));
    }
    for x in f.findings.iter().filter(|x| f.error.is_none() || x.kind != scorecard_domain::FindingKind::UnreadableFile)
    {
        out.push_str(&format!("  [{}] {}\n", severity_zh(x.severity), x.message));
    }
    for s in &f.sheets {
        out.push_str(&text_sheet(s));
    }
    out.push('\n');
    out
}

fn text_sheet(s: &SheetOutcome) -> String {
    let mut out = String::new();
    let name = if s.name.is_empty() { "（CSV）".to_string() } else { format!("「{}」", s.name) };
    let role = match s.role {
        Some(r) => format!("{}（{}）", r.label_zh(), source_zh(s.role_source)),
        None => match &s.guess {
            // the import's best guess, as the import screen offers it (one flag away here:
            // a context file's sheet override with this role)
            Some(g) => format!("待确认，未导入（看起来是{}，{} 行）", g.role.label_zh(), g.rows),
            None => "未识别，未导入".to_string(),
        },
    };
    out.push_str(&format!("  工作表{name}：{role}；已用 {} 行 × {} 列\n", s.used_rows, s.used_columns));
    match s.header_rows {
        Some(h) if h.first == h.last => out.push_str(&format!("    表头：第 {} 行\n", h.first)),
        Some(h) => out.push_str(&format!("    表头：第 {}–{} 行\n", h.first, h.last)),
        None => out.push_str("    表头：未找到\n"),
    }
    if s.header_rows.is_some() {
        out.push_str("    列映射：\n");
        for c in s.columns.iter().filter(|c| !c.header.is_empty() || c.field.is_some()) {
            let why = c.why.as_ref().map_or(String::new(), |w| format!("——{}", w.text_zh()));
            let field = match c.field {
                Some(f) => {
                    let unit = if c.minutes { "（按分钟）" } else { "" };
                    format!("{}{unit}（{}{why}）", f.label_zh(), source_zh(c.source))
                }
                None if why.is_empty() => "（未使用）".to_string(),
                None => format!("（未使用{why}）"),
            };
            out.push_str(&format!("      {} {} → {field}\n", c.letter, c.header));
        }
        let n = s.counts;
        out.push_str(&format!(
            "    行数：读取 {}，空行 {}，跳过 {}，导入 {}，未计入 {}\n",
            n.read, n.blank, n.skipped, n.kept, n.left_out
        ));
        if let Some(w) = &s.wide {
            let state = if w.confirmed {
                format!("已确认，转为服务记录 {} 条", w.records)
            } else {
                "待确认".to_string()
            };
            out.push_str(&format!("    参与统计：{} 项活动（{state}）\n", w.activities.len()));
            for a in &w.activities {
                let hours =
                    a.chosen_hours.or(a.hours).map_or("单次时长未知".to_string(), |h| format!("单次 {h} 小时"));
                out.push_str(&format!("      {} {}：{} 人、{} 人次，{hours}\n", a.letter, a.name, a.people, a.times));
            }
        }
        if !s.catalogue.is_empty() {
            out.push_str(&format!("    活动时长表：{} 项活动的单次时长\n", s.catalogue.len()));
        }
        let not_imported = s.preview.iter().filter(|p| p.status == RowStatus::NotImported).count();
        if not_imported > 0 {
            out.push_str(&format!("    （预览中 {not_imported} 行因类型未识别而未导入）\n"));
        }
    }
    if s.findings.is_empty() {
        out.push_str("    没有发现问题\n");
    } else {
        out.push_str(&format!("    问题 {} 条：\n", s.findings.len()));
        for f in &s.findings {
            let mut at = String::new();
            if let Some(r) = f.row {
                at.push_str(&format!("第 {r} 行"));
            }
            if let Some(c) = &f.column {
                at.push_str(&format!("「{c}」"));
            }
            if !at.is_empty() {
                at.push(' ');
            }
            out.push_str(&format!("      [{}] {at}{}：{}\n", severity_zh(f.severity), f.kind.label_zh(), f.message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_report_names_role_header_mapping_counts_and_findings() {
        let csv = "标题\n志愿者编号,服务日期,服务时长,备注二\nV1,2017-06-12,2,\nV2,昨天,2,\n";
        let imp = import(&[FileInput { name: "r.csv", bytes: csv.as_bytes() }], &ImportOptions::default());
        let text = text_file(&imp.files[0]);
        for want in [
            "文件「r.csv」（csv，",
            "编码 UTF-8，分隔符 逗号",
            "工作表（CSV）：服务记录（自动识别）",
            "表头：第 2 行",
            "A 志愿者编号 → 志愿者编号（自动识别——表头「志愿者编号」是常用列名）",
            "D 备注二 → （未使用）",
            "行数：读取 2，空行 0，跳过 0，导入 1，未计入 1",
            "[错误] 第 4 行「服务日期」 日期无法识别：",
            "[提示] 「备注二」 未识别的列：",
        ] {
            assert!(text.contains(want), "missing {want:?} in\n{text}");
        }
    }

    /// Every automatic mapping says why, in the text and in the JSON `inspect` prints.
    #[test]
    fn mappings_say_why() {
        let csv = "用户姓名,证件号码,归口单位,建立时间,编号\n张三,11010519491231002X,新桥社区,2019-03-02 10:21:33,1\n\
                   李四,110105194912310038,新桥社区,2019-03-05,2\n王五,110105194912310046,大丰社区,2019/3/9,3\n";
        let imp = import(&[FileInput { name: "导出.csv", bytes: csv.as_bytes() }], &ImportOptions::default());
        let text = text_file(&imp.files[0]);
        for want in [
            "A 用户姓名 → 姓名（自动识别——表头的中心词「姓名」，修饰词「用户」）",
            "C 归口单位 → 所属站点（自动识别——表头的中心词「单位」，修饰词「归口」）",
            "D 建立时间 → 注册日期（自动识别——表头的中心词「时间」，修饰词「建立」）",
            "E 编号 → （未使用——单元格内容：行号 1、2、3……）",
        ] {
            assert!(text.contains(want), "missing {want:?} in\n{text}");
        }
        let json = serde_json::to_value(&imp.files).unwrap();
        let col = &json[0]["sheets"][0]["columns"][0];
        assert_eq!(col["field"], "name");
        assert_eq!(col["why"], serde_json::json!({"kind": "head_word", "word": "姓名", "qualifier": "用户"}));
        assert_eq!(
            json[0]["sheets"][0]["columns"][1]["why"],
            serde_json::json!({"kind": "synonym", "word": "证件号码"})
        );
    }
}
