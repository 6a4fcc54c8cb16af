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
        if s.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
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
    ("update.ready", "有新版本可用。刷新后生效，草稿会保留。", "A new version is ready. Reload to use it; your drafts stay."),
    ("update.apply", "刷新使用新版本", "Reload now"),
    ("step.context", "基本信息", "Context"),
    ("step.import", "导入数据", "Import"),
    ("step.scorecard", "评分结果", "Scorecard"),
    ("step.export", "导出报告", "Export"),
    ("step.nav", "步骤", "Steps"),
    ("nav.next", "下一步", "Next"),
    ("nav.prev", "上一步", "Back"),
    // context form
    ("ctx.heading", "考核对象与方案", "Who is assessed, and against what"),
    ("ctx.demo_hint", "手头还没有数据？可以先载入一个示例镇看看效果：它放在单独的草稿里，不会碰您填写的内容。", "No data at hand yet? Load a demo town to see how it works: it goes into a draft of its own and leaves what you entered alone."),
    ("ctx.demo_hint_go", "载入示例数据 →", "Load the demo →"),
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
    ("ctx.invalid_int", "请输入整数，例如 12000、1.2万", "Enter a whole number, e.g. 12000"),
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
    // import
    ("import.heading", "导入数据", "Import data"),
    ("import.intro", "把现有的名册、服务记录、活动记录、培训记录直接拖进来即可，无需先整理格式：支持 xlsx、xls、ods、csv（含 GBK 编码），一个工作簿可包含多张表。系统会自动识别表头、标题行和合并单元格。", "Drop the rosters, service records, activities and trainings you already have, as they are: xlsx, xls, ods and csv (GBK too); one workbook may hold several tables. Headers, title rows and merged cells are recognised."),
    ("import.drop", "把文件拖到这里，或", "Drop files here, or"),
    ("import.choose", "选择文件", "choose files"),
    ("import.drop_hint", "文件只在本机读取，不会上传。", "Files are read on this computer only; nothing is uploaded."),
    ("import.template", "下载空白模板", "Download blank templates"),
    ("import.sample", "载入示例数据", "Load demo data"),
    ("import.sample_help", "用一个虚构的示例镇（6 个站点）演示全部指标，适合培训。", "A made-up town with 6 stations that exercises every indicator; for training."),
    ("import.progress", "正在导入", "Importing"),
    ("import.rows_done", "已读取", "Rows read"),
    ("import.rows_per_sec", "行/秒", "rows/s"),
    ("import.cancel", "取消导入", "Cancel import"),
    ("import.cancelled", "已取消导入，保留之前导入的数据。", "Import cancelled; the earlier data is kept."),
    ("import.missing_files", "这个草稿之前导入的文件没有保存在本机，请再次选择：", "This draft's files were not kept in the browser; choose them again:"),
    ("import.summary", "已导入", "Imported"),
    ("import.volunteers", "志愿者", "volunteers"),
    ("import.records", "服务记录", "service records"),
    ("import.records_monthly", "服务记录（报送文件按人按月汇总）", "service records (report files: per person and month)"),
    ("import.activities", "活动", "activities"),
    ("import.trainings", "培训", "trainings"),
    ("import.unit_people", "人", ""),
    ("import.unit_items", "条", ""),
    ("import.unit_times", "次", ""),
    ("import.remove", "移除", "Remove"),
    ("import.size", "大小", "Size"),
    ("import.format", "格式", "Format"),
    ("import.sheet", "工作表", "Sheet"),
    ("import.used", "使用区域", "Used range"),
    ("import.rows", "行", "rows"),
    ("import.cols", "列", "columns"),
    ("import.role", "识别为", "Recognised as"),
    ("import.role_none", "未识别（不导入）", "Not recognised (not imported)"),
    ("import.role_waiting", "待确认（未导入）", "Waiting for your answer (not imported)"),
    ("import.guess.volunteers", "看起来是一份 {n} 人的名单（{h}）：作为志愿者名册导入？", "This looks like a list of {n} people ({h}): import it as the volunteer roster?"),
    ("import.guess.records", "看起来是一份 {n} 条的服务记录（{h}）：作为服务记录导入？", "This looks like {n} service records ({h}): import them as service records?"),
    ("import.guess.activities", "看起来是一份 {n} 项的活动记录（{h}）：作为活动记录导入？", "This looks like a list of {n} activities ({h}): import it as activity records?"),
    ("import.guess.trainings", "看起来是一份 {n} 项的培训记录（{h}）：作为培训记录导入？", "This looks like a list of {n} trainings ({h}): import it as training records?"),
    ("import.guess.accept", "作为{role}导入", "Import as {role}"),
    ("import.guess.remembered", "同样表头的表以后会自动这样导入；也可以在上面改选类型。", "Sheets with the same headers will be imported so from now on; you can also pick another type above."),
    ("import.role_ignore", "不导入此表", "Do not import this sheet"),
    ("import.role_auto", "自动识别", "auto"),
    ("import.role_saved", "沿用上次的设置", "remembered"),
    ("import.role_hand", "手动设置", "set by hand"),
    ("import.header_rows", "表头所在行", "Header rows"),
    ("import.header_none", "没有找到表头", "No header found"),
    ("import.header_apply", "应用", "Apply"),
    ("import.header_reset", "恢复自动", "Back to auto"),
    ("import.counts", "数据行", "Data rows"),
    ("import.kept", "已导入", "imported"),
    ("import.skipped", "跳过（合计等）", "skipped (totals …)"),
    ("import.blank", "空行", "blank"),
    ("import.date_order", "日期顺序", "Date order"),
    ("import.date_order_pick", "请选择日期顺序…", "Choose the order…"),
    ("import.left_out", "未计入的行", "rows left out"),
    ("import.mapping", "列对应关系", "Column mapping"),
    ("import.mapping_help", "每一列对应到哪一项。识别不对时在下拉框中改正；改正后会记住，下次导入表头相同的表格时自动套用。", "What each column means. Correct it in the drop-down; the choice is remembered for sheets with the same headers."),
    ("import.column", "列", "Column"),
    ("import.header", "表头", "Header"),
    ("import.field", "对应项目", "Meaning"),
    ("import.field_none", "（不使用此列）", "(not used)"),
    ("import.source", "识别依据", "How it was found"),
    ("import.why", "依据：", "Why: "),
    // a participation matrix (import screen)
    ("matrix.heading", "参与统计表：把参加次数转为服务记录", "Participation sheet: turn counts into service records"),
    ("matrix.default_hours", "统一单次时长（小时，用于未单独填写的活动）", "Default hours per participation (for activities without their own)"),
    ("matrix.sheets", "表数", "Sheets"),
    ("matrix.fill_date", "没有日期的活动都记在", "Date for activities without one"),
    ("matrix.fill", "填入空白日期", "Fill blank dates"),
    ("matrix.include", "转换", "Use"),
    ("matrix.activity", "活动", "Activity"),
    ("matrix.people", "人数", "People"),
    ("matrix.times", "人次", "Times"),
    ("matrix.hours", "每次时长（小时）", "Hours each time"),
    ("matrix.date", "日期", "Date"),
    ("matrix.hours_from", "每次时长取自", "Hours each time from "),
    ("matrix.date_hint", "年-月-日", "yyyy-mm-dd"),
    ("matrix.confirm", "确认，转为服务记录", "Confirm: make service records"),
    ("matrix.update", "按修改后的时长和日期重新转换", "Convert again with these hours and dates"),
    ("matrix.undo", "取消转换", "Undo the conversion"),
    ("import.preview", "前几行预览", "Preview of the first rows"),
    ("import.preview_help", "标红的单元格有问题，鼠标悬停可查看原因。预览中显示完整证件号码，便于核对原表。", "Cells in red have a problem; hover for the reason. The preview shows full ID numbers so you can check the source sheet."),
    ("import.row", "行号", "Row"),
    ("import.status", "状态", "Status"),
    ("import.status_kept", "导入", "imported"),
    ("import.status_skipped", "跳过", "skipped"),
    ("import.status_left_out", "未计入", "left out"),
    ("import.status_not_imported", "不导入", "not imported"),
    ("import.findings", "数据核对", "Data checks"),
    ("findings.left_out", "未计入（行）", "Left out (rows)"),
    ("findings.check", "需核对", "To check"),
    ("findings.out_of_period", "不在考核期内（不计入）", "Outside the period (not counted)"),
    ("findings.hints", "提示", "Hints"),
    ("findings.left_out_one", "未计入", "Left out"),
    ("findings.out_of_period_one", "不在考核期内", "Outside the period"),
    ("findings.none", "没有发现问题。", "No problems found."),
    ("import.findings_none", "没有发现问题。", "No problems found."),
    ("import.filter_kind", "类型", "Kind"),
    ("import.filter_severity", "影响", "Effect"),
    ("import.filter_file", "文件", "File"),
    ("import.filter_all", "全部", "All"),
    ("import.where", "位置", "Where"),
    ("import.what", "说明", "What to do"),
    ("import.failed_rows", "下载有问题的行", "Download the rows with problems"),
    ("import.failed_rows_help", "保留原表各列，并加一列“问题说明”，改好后可重新导入。", "Keeps the original columns and adds a column \"问题说明\" (what is wrong); fix them and import again."),
    ("import.more_findings", "只显示前 500 条，请用筛选缩小范围。", "Only the first 500 are shown; narrow them with the filters."),
    ("import.error", "出错了", "Something went wrong"),
    ("import.empty", "还没有导入文件。", "No files imported yet."),
    ("import.encoding", "编码", "Encoding"),
    // scorecard
    ("score.heading", "评分结果", "Scorecard"),
    ("score.no_data", "还没有导入数据。指标会按已填写的基本信息计算，需要数据的指标显示为“需补充”。", "No data imported yet. Indicators are computed from the context alone; those needing data show \"needs input\"."),
    ("score.as_of", "截止", "As of"),
    ("score.days_left", "距年底还有", "Days left in the year:"),
    ("score.days", "天", "days"),
    ("score.year_over", "考核年度已结束", "The assessment year has ended"),
    ("score.profile", "考核方案", "Profile"),
    ("score.computing", "正在计算…", "Computing…"),
    ("score.summary", "总体情况", "Overview"),
    ("score.stations_short", "未达标的站点", "Stations falling short"),
    ("score.bonus", "加分项", "Bonus"),
    ("score.bonus_note", "加分项不计入未达标。", "Bonus items never count as failing."),
    ("score.value", "当前", "Now"),
    ("score.target", "目标", "Target"),
    ("score.prorated", "按进度应达", "Due by now"),
    ("score.gap", "差距", "Gap"),
    ("score.source", "依据", "Source"),
    ("score.stations", "各站点", "By station"),
    ("score.station", "站点", "Station"),
    ("score.status", "状态", "Status"),
    ("score.name", "姓名", "Name"),
    ("score.missing", "尚缺", "Still missing"),
    ("score.go_card", "查看该指标", "Go to this indicator"),
    ("score.missing_met", "已达标，以下仍未涉及", "Met; not yet covered"),
    ("score.periods", "各周期", "Periods"),
    ("score.counts", "完成情况", "Counts"),
    ("score.needs_input_what", "请补充：", "Please provide: "),
    ("score.check_what", "请核对：", "Please check: "),
    ("score.go_context", "去填写", "Fill in"),
    ("score.go_import", "去导入", "Import"),
    ("score.suggestions", "可能是节庆日活动（在节日前后 3 天内，但名称未写明节日），确认后才计入：", "Possibly holiday activities (within 3 days of a holiday but not naming it); they count once confirmed:"),
    ("score.confirm", "确认计入", "Confirm"),
    ("score.unconfirm", "取消确认", "Undo"),
    ("score.short_list", "需提醒的志愿者", "Volunteers to remind"),
    ("score.present", "演示模式", "Present"),
    ("score.present_help", "大字号，一次一个指标，用键盘 ← → 翻页，Esc 退出（投影、培训时用）", "Large type, one indicator at a time; ← → to move, Esc to leave (for a projector)"),
    ("score.present_prev", "上一个", "Previous"),
    ("score.present_next", "下一个", "Next"),
    ("score.present_close", "退出演示", "Leave"),
    ("score.show_names", "显示姓名（屏幕投影时请勿勾选）", "Show names (not on a projector)"),
    ("score.short_hours", "已有时长", "Hours so far"),
    ("score.short_needed", "还需", "Still needed"),
    ("score.checklist", "核对清单（请逐项勾选）", "Checklist (tick each item)"),
    ("score.check_yes", "是", "Yes"),
    ("score.check_no", "否", "No"),
    ("score.rows", "查看明细", "Show rows"),
    ("score.rows_count", "行", "rows"),
    ("score.parts", "分项", "Parts"),
    ("score.omitted", "未显示的指标", "Indicators not shown"),
    ("score.filter_all", "全部指标", "All indicators"),
    ("score.filter_problems", "只看未达标和需补充", "Only those not met or needing input"),
    ("score.tab_cards", "指标", "Indicators"),
    ("score.tab_charts", "图表", "Charts"),
    ("score.tab_replay", "月度通报", "Monthly replay"),
    ("score.tab_whatif", "测算", "What-if"),
    ("score.tab_stars", "星级志愿者", "Star volunteers"),
    ("score.findings", "数据核对", "Data checks"),
    ("score.findings_list", "逐条查看", "One by one"),
    ("score.findings_note", "计分时发现的情况：未计入的行、需要核对的数字、不在考核期内的记录和提示，逐条如下：", "What scoring found: rows left out, figures to check, records outside the period and hints, one by one:"),
    ("score.hours_source_records", "服务时长取自服务记录表。", "Hours come from the service records."),
    ("score.hours_source_roster", "没有服务记录表，服务时长取自名册的年度服务时长列。", "No service records: hours come from the roster's hours-this-year column."),
    ("score.hours_source_missing", "没有服务记录表，名册中也没有年度服务时长列。", "No service records and no hours-this-year column in the roster."),
    ("status.met", "达标", "Met"),
    ("status.on_track", "按进度", "On track"),
    ("status.in_progress", "进行中", "In progress"),
    ("status.needs_input", "需补充", "Needs input"),
    ("status.check", "需核对", "Check the figures"),
    ("status.behind", "落后", "Behind"),
    ("status.not_met", "未达标", "Not met"),
    // charts
    ("charts.hours_title", "服务时长：累计与按进度应达", "Service hours: cumulative against the pro-rated target"),
    ("charts.activities_title", "每月开展活动次数（全部站点）", "Activities per month (all stations)"),
    ("charts.coverage_title", "各站点各主题的活动次数", "activities per theme at each station"),
    ("charts.stations_title", "各站点人均服务时长对比", "Hours per volunteer, station by station"),
    ("charts.cumulative", "累计时长", "Cumulative hours"),
    ("charts.due", "按进度应达", "Due by now"),
    ("charts.hours", "小时", "hours"),
    ("charts.times", "次", "times"),
    ("charts.monthly_hours", "当月时长", "Hours in the month"),
    ("charts.target_line", "目标线", "Target line"),
    ("charts.activities", "活动", "Activities"),
    ("charts.trainings", "培训", "Trainings"),
    ("charts.below_target", "低于目标", "Below target"),
    ("charts.target", "目标", "target"),
    ("charts.registered", "注册志愿者", "Registered"),
    ("charts.active", "有服务记录", "With records"),
    ("charts.per_head", "人均时长", "Hours per head"),
    // extras
    ("replay.title", "月度通报：每个已结束月份月底时的达标情况", "Monthly replay: the status at the end of each ended month"),
    ("replay.intro", "从 1 月起逐月重算，可以看出从哪个月开始落后。", "Re-scored at every month end, so you can see the month a station first fell behind."),
    ("replay.load", "计算月度通报", "Compute the monthly replay"),
    ("replay.loading", "正在逐月计算…", "Computing month by month…"),
    ("replay.none", "考核年度还没有已结束的月份。", "No month of the year has ended yet."),
    ("replay.first_short", "首次未达标", "First fell short"),
    ("replay.indicator", "指标", "Indicator"),
    ("replay.whole", "整体", "Whole"),
    ("replay.month", "月份", "Month"),
    ("whatif.title", "测算：到年底需要做到多少", "What-if: what it takes by year end"),
    ("whatif.intro", "按当前数据测算注册率、有记录率、人均时长到年底达标还需要的工作量。", "How many registrations, active volunteers and hours close the gaps by year end."),
    ("whatif.registered", "当前注册志愿者", "Registered now"),
    ("whatif.active", "有服务记录的", "With records"),
    ("whatif.hours", "已累计时长", "Hours so far"),
    ("whatif.days_left", "距年底天数", "Days to year end"),
    ("whatif.plan", "建议", "Plan"),
    ("whatif.nothing", "各项已达标或无需测算。", "Nothing to close, or nothing to compute."),
    ("stars.title", "星级志愿者", "Star volunteers"),
    ("stars.intro", "按累计服务时长评定星级（全国标准：一星 100 小时，二星 300 小时，三星 600 小时，四星 1000 小时，五星 1500 小时）。", "Star levels by total hours (national scale: 100, 300, 600, 1000, 1500 hours)."),
    ("stars.level", "星级", "Stars"),
    ("stars.count", "人数", "Volunteers"),
    ("stars.none", "无星级", "No star"),
    ("stars.list", "名单", "List"),
    ("stars.to_next", "距下一星级", "To the next star"),
    ("stars.without", "累计服务时长为空的志愿者", "Volunteers without total hours"),
    // rows dialog
    ("rows.title", "明细", "Rows"),
    ("rows.loading", "正在读取…", "Loading…"),
    ("rows.source", "来源", "Source"),
    ("rows.download", "下载这些行（CSV）", "Download these rows (CSV)"),
    // profiles
    ("profile.heading", "考核方案与自定义", "Profile and customisation"),
    ("profile.custom_note", "内置方案按文件原文设定，不能修改。需要调整指标值或主题词时，请先复制为自定义方案。", "Built-in profiles follow their documents and cannot be edited. To change thresholds or theme words, copy one as a custom profile."),
    ("profile.copy", "复制为自定义方案", "Copy as a custom profile"),
    ("profile.copied_suffix", "（自定义）", " (custom)"),
    ("profile.delete", "删除此自定义方案", "Delete this custom profile"),
    ("profile.delete_confirm", "确定删除这个自定义方案吗？使用它的草稿将改用默认方案。", "Delete this custom profile? Drafts using it fall back to the default."),
    ("profile.export", "导出方案（JSON）", "Export profile (JSON)"),
    ("profile.import", "导入方案（JSON）", "Import a profile (JSON)"),
    ("profile.imported", "已导入自定义方案", "Custom profile imported"),
    ("profile.import_failed", "无法导入这个方案文件：", "Could not import this profile file:"),
    ("profile.name", "方案名称", "Profile name"),
    ("profile.thresholds", "指标值", "Thresholds"),
    ("profile.based_on", "基于", "Based on"),
    ("profile.themes", "活动主题词典", "Theme dictionary"),
    ("profile.teams", "服务队伍词典", "Team dictionary"),
    ("profile.dict_help", "每行一项：名称，后面用顿号分隔同义词，例如“关爱空巢老人：空巢、独居老人”。活动名称或主题中出现这些词即算该主题。", "One per line: the name, then its aliases, e.g. “关爱空巢老人：空巢、独居老人”. An activity counts for it when its text contains one of them."),
    ("profile.invalid", "输入的数值超出范围", "Value out of range"),
    ("profile.indicator", "指标", "Indicator"),
    ("profile.value", "数值", "Value"),
    // export
    ("export.heading", "导出报告", "Export"),
    ("export.intro", "所有文件都在本机生成，不经过任何服务器。", "Every file is made on this computer; nothing goes through a server."),
    ("export.xlsx", "下载 Excel 报告", "Download the Excel report"),
    ("export.xlsx_help", "汇总表、每个指标一张明细表、各站点对照、问题清单、月度通报、星级志愿者与测算。证件号码和手机号码已打码。", "A summary sheet, one sheet per indicator with its rows, stations, problems, monthly replay, star volunteers and what-if. IDs and phone numbers are masked."),
    ("export.print", "打印 / 另存为 PDF", "Print / save as PDF"),
    ("export.print_help", "打印下方的 A4 汇总页；在打印对话框中选择“另存为 PDF”即可得到 PDF 文件。", "Prints the A4 summary below; choose “Save as PDF” in the print dialog for a PDF."),
    ("export.csv", "下载 CSV", "Download CSV"),
    ("export.csv_help", "每个指标一行、每个站点一行，UTF-8 编码（带 BOM），Excel 和 WPS 可直接打开。", "One row per indicator and per station, UTF-8 with BOM; opens in Excel and WPS."),
    ("town.heading", "汇总报送（镇、街道汇总各站点的报送文件）", "Station reports (a town scoring its stations' report files)"),
    ("town.intro", "各站点在“导出”页用本镇发给他们的口令生成报送文件（不含姓名、证件号码和手机号码）。在这里输入同一个口令，再把各站点的报送文件（.json，文件名改过的也可以，按内容识别）和本镇自己的表格一起拖进来，即可得到全镇的达标情况。", "Each station makes its report file on the Export screen with the passphrase the town gave it (no names, ID or phone numbers). Enter the same passphrase here, then drop the stations' report files (.json, or renamed: they are told by their content), with any spreadsheets of the town's own, to score the whole town."),
    ("town.passphrase", "报送口令", "Report passphrase"),
    ("town.passphrase_help", "口令由镇（街道）统一设定并告知各站点；同一口令生成的编码才能在站点之间对上。口令只保存在本页内存中，除非勾选“在这台电脑上记住”。", "The town sets one passphrase and gives it to its stations; only codes made with the same passphrase match across stations. It stays in this page's memory only, unless “Remember on this computer” is ticked."),
    ("town.remember", "在这台电脑上记住口令", "Remember on this computer"),
    ("town.apply", "用此口令重新导入", "Import again with this passphrase"),
    ("town.short", "口令太短：至少 8 个字符。", "Too short: at least 8 characters."),
    ("town.codes_note", "来自报送文件的志愿者在明细中以编码显示（16 位字母数字），不含姓名、证件号码和手机号码；同一编码即同一人，跨站点重复登记的只计一次。", "Volunteers from report files show as codes (16 letters and digits) in the details, never names, ID or phone numbers; one code is one person, counted once across stations."),
    ("town.pack_heading", "生成报送文件（交给镇、街道）", "Make the report file (for the town)"),
    ("town.pack_help", "把本站点导入的数据生成一个报送文件：志愿者只以口令加密后的编码出现，另有每月服务时长、活动、培训和基本信息，不含任何姓名、证件号码或手机号码。每月可报送一次，镇里以最新一份为准。", "Makes a report file of this station's imported data: volunteers only as codes made with the passphrase, with hours per month, activities, trainings and the context; no name, ID or phone number. Send one a month; the town keeps the latest."),
    ("town.pack", "生成报送文件", "Make the report file"),
    ("town.report_file", "报送文件", "Report file"),
    ("town.superseded", "未计入：该站点有更新的一份", "Not counted: the station sent a later one"),
    ("export.context", "导出基本信息（JSON）", "Export the context (JSON)"),
    ("export.context_help", "保存本草稿的基本信息、核对清单的勾选和列对应关系（一个小文件，不含任何人员信息），便于存档或交给负责汇总的同事。", "Saves this draft's context, checklist answers and column mappings (a small file with no one's personal data), to keep or to give to whoever compiles the results."),
    ("export.preview", "打印预览", "Print preview"),
    ("export.not_ready", "请先导入数据或查看评分结果。", "Import data or open the scorecard first."),
    ("export.scorecard_title", "志愿服务自评报告", "Volunteer service self-assessment"),
    ("export.generated", "生成时间", "Generated"),
    // sentences with numbers: `{name}` placeholders, filled by `tf`
    ("import.columns_hidden", "另有 {n} 列未列出（没有对应的字段）。", "{n} more columns not listed (no field mapped)."),
    ("import.matrix_shared", "参加次数表：活动时长和日期在上方统一填写（本表已转为服务记录 {n} 条）。", "Participation matrix: hours and dates are given once above ({n} records made from this sheet)."),
    ("matrix.intro", "这张表除了人员信息，还有 {n} 列是各项活动的参加次数。填好每项活动一次的时长和日期，确认后每参加一次算一条服务记录，每项活动也计入活动记录（用于主题覆盖等指标）。", "Besides the people, {n} columns hold counts of participation in activities. Give each activity's hours per participation and its date; once confirmed, each participation is one service record and each activity one activity (for theme coverage and the like)."),
    ("matrix.shared_intro", "{k} 张表是同一批活动的参加次数（共 {n} 项活动）。每项活动的单次时长和日期只需填一次，适用于所有表；没有单独填写时长的活动使用统一时长。确认后每参加一次算一条服务记录。", "{k} sheets count participation in the same activities ({n} in all). Give each activity's hours and date once, for every sheet; activities without their own hours take the default. Once confirmed, each participation is one service record."),
    ("matrix.done", "已转为服务记录 {n} 条。", "{n} service records made."),
    ("matrix.missing", "还有 {n} 项活动缺少单次时长或日期：它们的参加次数不会转为服务记录。", "{n} activities lack hours or a date: their participations will not become records."),
    ("import.year_mismatch", "导入的数据中有 {rows} 条（共 {of} 条有日期）在 {data_year} 年，而考核年度是 {year} 年：这些记录都不会计入。", "{rows} of the {of} dated rows are in {data_year}, but the assessment year is {year}: they will not count."),
    ("import.use_data_year", "改为考核 {data_year} 年", "Score {data_year} instead"),
    ("import.import_year", "若要考核 {year} 年，请导入 {year} 年的数据。", "To score {year}, import {year}'s data."),
    ("score.missing_stations", "有 {n} 个站点的数据不在本次评估中，分站点指标未能评估这些站点：", "{n} stations have no data in this assessment; per-station indicators cannot assess them:"),
    ("score.present_keys", "← → 翻页，Esc 退出", "← → to move, Esc to leave"),
    ("score.periods_met", "{value} / {target} 个周期达标", "{value} / {target} periods met"),
    ("score.stations_met", "{value} / {target} 个站点达标", "{value} / {target} stations met"),
    ("score.items_ticked", "{value} / {target} 项已勾选", "{value} of {target} items ticked"),
    ("score.item_ticked", "{value} / {target} 项已勾选", "{value} of {target} item ticked"),
    ("score.count", "{count} 次", "{count}×"),
    ("score.count_of", "{count} 次 / 需 {target}", "{count} (needs {target})"),
    ("score.lacking", "（缺 {list}）", " (lacking {list})"),
    ("score.stations_failing", "（{k} 个，{failing} 个未达标）", " ({k}, {failing} not met)"),
    ("score.people_count", "（{n} 人）", " ({n})"),
    ("score.checklist_show_all", "显示全部 {n} 项（未答 {k} 项）", "Show all {n} items ({k} unanswered)"),
    ("score.checklist_hide", "收起 {n} 项（未答 {k} 项）", "Hide the {n} items ({k} unanswered)"),
    ("town.report_line", "{year} 年，截至 {date} · 志愿者 {volunteers} 名 · 活动 {activities} 项 · 培训 {trainings} 次", "{year}, as of {date} · {volunteers} volunteers · {activities} activities · {trainings} trainings"),
];

/// The text of `key` in `lang`; a missing key shows itself (and a test keeps that from shipping).
pub fn t(lang: Lang, key: &str) -> &'static str {
    match MESSAGES.iter().find(|(k, _, _)| *k == key) {
        Some((_, zh, en)) => lang.pick(zh, en),
        None => "⟨missing text⟩",
    }
}

/// The text of `key` in `lang` with each `{name}` filled by its value:
/// `tf(lang, "matrix.done", &[("n", &fmt_int(n))])`. Numbers are phrased by the caller.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut text = t(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// The `{name}` placeholders of a text, in order.
#[cfg(test)]
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        out.push(&rest[i + 1..i + j]);
        rest = &rest[i + j + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_table_has_unique_keys_and_both_languages() {
        let mut keys = std::collections::BTreeSet::new();
        for (k, zh, en) in MESSAGES {
            assert!(keys.insert(*k), "duplicate key {k}");
            // Chinese measure words (人/条/次) have no English counterpart: only they may be empty in English.
            let unit = k.starts_with("import.unit_");
            assert!(!zh.is_empty() && (unit || !en.is_empty()), "{k} lacks a language");
        }
        assert_eq!(t(Lang::En, "app.title"), "Volunteer Scorecard");
        assert_eq!(t(Lang::Zh, "no.such.key"), "⟨missing text⟩");
    }

    /// Both languages of a text name the same placeholders (each at least once), and `tf`
    /// fills them all.
    fn placeholder_problems(messages: &[(&str, &str, &str)]) -> Vec<String> {
        let mut problems = Vec::new();
        for (k, zh, en) in messages {
            let set =
                |s: &str| placeholders(s).into_iter().map(str::to_string).collect::<std::collections::BTreeSet<_>>();
            if set(zh) != set(en) {
                problems.push(format!("{k}: {:?} in Chinese, {:?} in English", set(zh), set(en)));
            }
        }
        problems
    }

    #[test]
    fn both_languages_name_the_same_placeholders() {
        assert_eq!(placeholder_problems(MESSAGES), Vec::<String>::new());
        // a broken pair is found
        let broken = [("x.y", "还有 {n} 项", "{k} left")];
        assert_eq!(placeholder_problems(&broken), ["x.y: {\"n\"} in Chinese, {\"k\"} in English"]);
        assert_eq!(placeholders("{year} 年，请导入 {year} 年"), ["year", "year"]);
        assert_eq!(tf(Lang::Zh, "import.import_year", &[("year", &2024)]), "若要考核 2024 年，请导入 2024 年的数据。");
        assert_eq!(tf(Lang::En, "score.count_of", &[("count", &12), ("target", &1)]), "12 (needs 1)");
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
                    let tr_keys = text.match_indices("tr(\"").map(|(i, _)| i + 4);
                    // tf(lang, "key", …): the first string after `tf(`
                    let tf_keys = text.match_indices("tf(").filter_map(|(i, _)| {
                        let rest = &text[i + 3..];
                        let q = rest.find('"')?;
                        rest[..q].ends_with(", ").then_some(i + 3 + q + 1)
                    });
                    for i in tr_keys.chain(tf_keys) {
                        let rest = &text[i..];
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
