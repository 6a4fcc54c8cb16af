//! Every UI string in one table, Chinese first. Look up with [`t`] or [`Lang::pick`].
//!
//! Invariant: components never hold literal UI text; they name a key of `MESSAGES`
//! (labels that come from the domain, such as indicator names, carry both languages there).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_code(s: &str) -> Lang {
        if s.starts_with("en") { Lang::En } else { Lang::Zh }
    }

    /// Picks the Chinese or the English of a pair the domain gives.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// (key, 中文, English)
pub const MESSAGES: &[(&str, &str, &str)] = &[
    ("app.title", "志愿服务自评台", "Volunteer Scorecard"),
    ("app.tagline", "数据只在本机处理，不上传任何服务器", "Your data stays on this computer; nothing is uploaded"),
    ("app.lang_switch", "English", "中文"),
    ("app.lang_switch_label", "切换到英文界面", "Switch to Chinese"),
    ("app.clear_all", "清除本机数据", "Clear local data"),
    ("app.clear_confirm", "确定要删除本机保存的全部草稿、导入数据和设置吗？此操作无法撤销。", "Delete every draft, imported row and setting stored on this computer? This cannot be undone."),
    ("app.cleared", "已清除本机保存的全部数据。", "Everything stored on this computer was removed."),
    ("app.footer", "志愿服务自评台 · 所有计算都在本机浏览器中完成，不联网也能使用", "Volunteer Scorecard · everything is computed in this browser; works offline"),
    ("app.skip", "跳到主要内容", "Skip to main content"),
    ("step.context", "基本信息", "Context"),
    ("step.import", "导入数据", "Import"),
    ("step.scorecard", "评分结果", "Scorecard"),
    ("step.export", "导出报告", "Export"),
    ("step.nav", "步骤", "Steps"),
    ("nav.next", "下一步", "Next"),
    ("nav.prev", "上一步", "Back"),
    // context form
    ("ctx.heading", "考核对象与方案", "Who is assessed, and against what"),
    ("ctx.intro", "先填写被考核单位和考核方案。带 * 的为计算比例所必需；留空的项目会在评分中标为“需补充”。", "Start with who is assessed and the plan. Fields marked * are needed for ratios; an empty one makes its indicators \"needs input\"."),
    ("ctx.organisation", "单位名称", "Organisation"),
    ("ctx.organisation.help", "镇(街道)、社区(村)或部门的全称，显示在报告标题上。", "Full name of the town, community or department; shown on the report."),
    ("ctx.level", "考核层级", "Level"),
    ("ctx.level.help", "社区站点按站点考核；镇(街道)汇总所辖各站点；部门按职工人数考核。", "A station is assessed alone; a town over all its stations; a department by its staff."),
    ("ctx.profile", "考核方案", "Assessment profile"),
    ("ctx.profile.help", "选择本地文件规定的指标体系。默认为新都区2017镇(街道)指标。", "The indicator set of your local plan. Default: Xindu 2017, town level."),
    ("ctx.year", "考核年度", "Assessment year"),
    ("ctx.year.help", "统计该年度 1 月 1 日至截止日期的服务记录和活动。", "Records and activities from 1 January of this year up to the as-of date count."),
    ("ctx.as_of", "截止日期", "As-of date"),
    ("ctx.as_of.help", "留空表示今天（自动限定在考核年度内）。年度指标按已过天数折算进度。", "Blank means today (kept within the year). Annual targets are pro-rated to this day."),
    ("ctx.population", "常住人口", "Resident population"),
    ("ctx.population.help", "用于计算注册率（注册志愿者 ÷ 常住人口）。", "Used for the registration rate (registered volunteers ÷ residents)."),
    ("ctx.staff", "职工总数", "Staff count"),
    ("ctx.staff.help", "部门或单位考核时必填，用于计算职工注册率。", "Needed for departments and units: the staff registration rate."),
    ("ctx.party", "党员人数", "Party members"),
    ("ctx.party.help", "选填。留空则按志愿者名册中政治面貌为中共党员、预备党员的人数计算。", "Optional. Blank: counted from the roster's political status."),
    ("ctx.unit_type", "单位类型", "Unit type"),
    ("ctx.unit_type.help", "文明城市方案按单位类型确定注册比例。", "The civilised-city profile sets the registration target by unit type."),
    ("ctx.unit_type.none", "（未选择）", "(none)"),
    ("ctx.stations", "站点名单", "Stations"),
    ("ctx.stations.help", "每行一个站点名称。留空则使用导入数据中出现的全部站点。", "One station per line. Blank: every station found in the data."),
    ("ctx.invalid_int", "请输入整数，例如 12000", "Enter a whole number, e.g. 12000"),
    ("ctx.invalid_year", "请输入 2000–2100 之间的年份", "Enter a year between 2000 and 2100"),
    ("ctx.invalid_date", "请输入日期，例如 2017-06-30", "Enter a date such as 2017-06-30"),
    ("ctx.required", "必填", "required"),
    // drafts
    ("drafts.title", "草稿", "Drafts"),
    ("drafts.current", "当前草稿", "Current draft"),
    ("drafts.new", "新建草稿", "New draft"),
    ("drafts.open", "打开", "Open"),
    ("drafts.rename", "重命名", "Rename"),
    ("drafts.delete", "删除", "Delete"),
    ("drafts.delete_confirm", "确定删除这个草稿吗？", "Delete this draft?"),
    ("drafts.saved", "已自动保存", "Saved"),
    ("drafts.saving", "正在保存…", "Saving…"),
    ("drafts.unsaved", "未保存", "Not saved"),
    ("drafts.broken", "无法读取的草稿", "Unreadable draft"),
    ("drafts.download_raw", "下载原始内容", "Download raw text"),
    ("drafts.close", "关闭", "Close"),
    ("drafts.updated", "更新于", "Updated"),
    ("drafts.name_label", "草稿名称", "Draft name"),
    // notices
    ("notice.dismiss", "知道了", "Dismiss"),
    ("notice.other_tab", "这个草稿刚在另一个标签页中被修改。", "This draft was just changed in another tab."),
    ("notice.load_theirs", "载入另一页的版本", "Load the other tab's version"),
    ("notice.keep_mine", "保留本页（另存为副本）", "Keep mine (save as a copy)"),
    ("notice.broken_draft", "有草稿无法读取", "A draft could not be read"),
    ("notice.broken_kept", "原始内容已保留，可在“草稿”中下载或删除。", "Its raw text is kept; download or delete it under Drafts."),
    ("notice.migrated", "已将旧版本保存的草稿升级到新格式。", "A draft saved by an older version was upgraded."),
    ("notice.storage_full_draft", "本机存储空间已满，草稿的最新修改没有保存。请删除不用的草稿后重试。", "Storage is full: the latest changes to this draft were not saved. Delete drafts you no longer need."),
    ("notice.storage_off", "浏览器禁止了本机存储，关闭页面后输入的内容将丢失。", "This browser blocks local storage: what you enter is lost when the page closes."),
];

/// The text of `key` in `lang`; a missing key shows itself (and a test keeps that from shipping).
pub fn t(lang: Lang, key: &str) -> &'static str {
    match MESSAGES.iter().find(|(k, _, _)| *k == key) {
        Some((_, zh, en)) => lang.pick(zh, en),
        None => "⟨missing text⟩",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_table_has_unique_keys_and_both_languages() {
        let mut keys = std::collections::BTreeSet::new();
        for (k, zh, en) in MESSAGES {
            assert!(keys.insert(*k), "duplicate key {k}");
            assert!(!zh.is_empty() && !en.is_empty(), "{k} lacks a language");
        }
        assert_eq!(t(Lang::En, "app.title"), "Volunteer Scorecard");
        assert_eq!(t(Lang::Zh, "no.such.key"), "⟨missing text⟩");
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        // Scan src/ for t(…, "key") / tr("key") uses and check each is in the table.
        let mut missing = Vec::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(p) = stack.pop() {
            for e in std::fs::read_dir(&p).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (i, _) in text.match_indices("tr(\"") {
                        let rest = &text[i + 4..];
                        let key = &rest[..rest.find('"').unwrap()];
                        // Real keys are dotted ("ctx.year"); doc examples like tr("key") are not.
                        if key.contains('.') && !MESSAGES.iter().any(|(k, _, _)| *k == key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from MESSAGES: {missing:?}");
    }
}
