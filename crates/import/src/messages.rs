//! The words of every cell, row and sheet finding the importer makes, in Chinese and English.
//! Each says what was found, what was expected, what happens to the row and what to do.
//! ID and phone numbers are masked here (findings are shown everywhere); only the preview
//! and the failed-rows workbook show them in full.

use scorecard_model::mask::{mask_id, mask_if_sensitive, mask_phone};
use scorecard_model::model::{Field, Role};

pub(crate) type Msg = (String, String);

/// Cell texts and headers as quoted in a message: at most [`CLIP_CHARS`] characters, so a
/// hostile 32,767-character cell does not make every finding 100 KB.
pub(crate) const CLIP_CHARS: usize = 60;

pub(crate) fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(CLIP_CHARS) {
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", s.get(..at).unwrap_or(s))),
        None => std::borrow::Cow::Borrowed(s),
    }
}

/// What happens to a row whose cell is unreadable, by role and field.
pub(crate) fn effect(role: Role, field: Field) -> Msg {
    let (zh, en) = match (role, field) {
        (Role::Records, Field::Date | Field::Hours | Field::Start | Field::End | Field::TimeSpan) => {
            ("这条服务记录未计入。", "This record is not counted.")
        }
        (Role::Volunteers, Field::RegisteredOn) => (
            "本行按未填注册日期处理（视为已注册）。",
            "The row is treated as having no registration date (counted as registered).",
        ),
        (Role::Volunteers, Field::AnnualHours | Field::CumulativeHours) => {
            ("这位志愿者的此项时长按未填处理。", "This volunteer's hours in this column are treated as blank.")
        }
        (Role::Activities | Role::Trainings, Field::Date) => (
            "这一行仍保留，但不计入任何按日期统计的指标。",
            "The row is kept but counts in no indicator that needs a date.",
        ),
        _ => ("本项按未填处理。", "The cell is treated as blank."),
    };
    (zh.into(), en.into())
}

pub(crate) fn unreadable_date(header: &str, value: &str, role: Role, field: Field) -> Msg {
    let header = clip(header);
    let value = clip(value);
    let (ez, ee) = effect(role, field);
    (
        format!("「{header}」列的「{value}」不是能识别的日期。请写成 2017-06-12、2017/6/12 或 2017年6月12日，或把单元格设为日期格式。{ez}"),
        format!("\"{value}\" in column \"{header}\" is not a date we can read. Write it as 2017-06-12, \
            2017/6/12 or 2017年6月12日, or format the cell as a date. {ee}"),
    )
}

/// A day-or-month-first date in a column whose order is not known (`03/04/2024`).
pub(crate) fn date_order_unknown(header: &str, value: &str, role: Role, field: Field) -> Msg {
    let header = clip(header);
    let value = clip(value);
    let (ez, ee) = effect(role, field);
    (
        format!(
            "「{header}」列的「{value}」是日/月/年还是月/日/年，这一列看不出来（没有日大于 12 的日期）。\
            请在导入页为这一列选择日期顺序，或把日期写成 2017-06-12。{ez}"
        ),
        format!(
            "Is \"{value}\" in column \"{header}\" day/month/year or month/day/year? The column does not \
            tell (no day above 12). Choose the column's date order on the import screen, or write the date \
            as 2017-06-12. {ee}"
        ),
    )
}

/// A cell that is no date in its column's order (`13/25/2024` in a day-first column).
/// `example`: the cell that proved the order ("" when the clerk chose it).
pub(crate) fn date_order_contradicted(
    header: &str,
    value: &str,
    order: crate::cell_parsers::date::DateOrder,
    example: &str,
    role: Role,
    field: Field,
) -> Msg {
    let header = clip(header);
    let value = clip(value);
    let example = clip(example);
    let (ez, ee) = effect(role, field);
    let (why_zh, why_en) = if example.is_empty() {
        ("按为这一列选定的顺序".to_string(), "the order chosen for the column".to_string())
    } else {
        (format!("这一列有 {example} 这样的日期"), format!("the column has dates such as {example}"))
    };
    (
        format!(
            "「{header}」列的日期按 {} 读（{why_zh}），「{value}」不是这样写的日期。请改正这一格。{ez}",
            order.format_zh()
        ),
        format!(
            "Column \"{header}\" is read as {} ({why_en}); \"{value}\" is no date written so. Correct the \
            cell. {ee}",
            order.format_en()
        ),
    )
}

/// The sentence on a column whose day-or-month-first dates' order is known or open.
pub(crate) fn column_date_order(
    how: crate::outcome::DateOrderHow,
    order: Option<crate::cell_parsers::date::DateOrder>,
    example: &str,
    month_first: bool,
) -> Msg {
    use crate::cell_parsers::date::DateOrder;
    use crate::outcome::DateOrderHow as H;
    let example = clip(example);
    let order = order.unwrap_or(DateOrder::Ymd);
    match how {
        H::Cells => (
            format!("日在前：有 {example} 这样的日期，这一列的日期都按 {} 读。", order.format_zh()),
            format!("Day first: the column has dates such as {example}, so all its dates are read as {}.", order.format_en()),
        ),
        H::Hand | H::Saved => (
            format!("这一列的日期按选定的 {} 读。", order.format_zh()),
            format!("The column's dates are read as {}, as chosen.", order.format_en()),
        ),
        H::Ambiguous if month_first => (
            format!(
                "日期顺序不明：有 {example} 这样月在前的日期，也可能有日在前的。请选择这一列是日/月/年还是月/日/年；选定之前这些日期不读。"
            ),
            format!(
                "Date order unclear: the column has month-first dates such as {example}. Choose whether it is \
                day/month/year or month/day/year; until then these dates are not read."
            ),
        ),
        H::Ambiguous => (
            format!("日期顺序不明：像 {example} 这样的日期，日和月都不大于 12。请选择这一列是日/月/年还是月/日/年；选定之前这些日期不读。"),
            format!(
                "Date order unclear: in dates such as {example} neither day nor month is above 12. Choose \
                whether the column is day/month/year or month/day/year; until then these dates are not read."
            ),
        ),
    }
}

pub(crate) fn unreadable_hours(header: &str, value: &str, role: Role, field: Field) -> Msg {
    let header = clip(header);
    let value = clip(value);
    let (ez, ee) = effect(role, field);
    (
        format!("「{header}」列的「{value}」不是能识别的时长。请写成 2.5、2.5小时、2小时30分、150分钟 或 1:30。{ez}"),
        format!(
            "\"{value}\" in column \"{header}\" is not an amount of hours we can read. Write \
            2.5, 2.5小时, 2小时30分, 150分钟 or 1:30. {ee}"
        ),
    )
}

pub(crate) fn unreadable_span(header: &str, value: &str) -> Msg {
    let v = clip(value);
    (
        format!("「{header}」中的「{v}」不是起止时间，这条记录不计入。请写成 9:00-11:30 或 上午9点到11点半。"),
        format!("\"{v}\" in \"{header}\" is not a time span; the record is not counted. Write it as 9:00-11:30."),
    )
}

/// A start or end time (`field` is [`Field::Start`] or [`Field::End`]) that is no time of
/// day; `with_day`: the sheet has no date column, so the cell must carry its day too.
pub(crate) fn unreadable_time(header: &str, value: &str, field: Field, with_day: bool) -> Msg {
    let header = clip(header);
    let value = clip(value);
    let what = field.label_zh();
    let what_en = if field == Field::End { "end time" } else { "start time" };
    if with_day {
        (
            format!("「{header}」列的「{value}」不是能识别的{what}。本表没有日期列，{what}要连同当天一起写，如 2017-06-12 9:00 或 2017/6/12 下午2点。这条服务记录未计入。"),
            format!("\"{value}\" in column \"{header}\" is not a {what_en} we can read. The sheet has no date column, \
                so write the day with it, as 2017-06-12 9:00. This record is not counted."),
        )
    } else {
        (
            format!(
                "「{header}」列的「{value}」不是能识别的{what}。请写成 9:00、9:30 或 下午2点。这条服务记录未计入。"
            ),
            format!(
                "\"{value}\" in column \"{header}\" is not a {what_en} we can read. Write it as 9:00, 9:30 or \
                下午2点. This record is not counted."
            ),
        )
    }
}

pub(crate) fn end_before_start(start: &str, end: &str) -> Msg {
    let (start, end) = (clip(start), clip(end));
    (
        format!("结束时间「{end}」早于开始时间「{start}」（也不是晚上到次日凌晨），算不出时长，这条记录不计入。请核对这两个时间。"),
        format!("The end \"{end}\" is before the start \"{start}\" (and not evening into the small hours), so no hours can be worked out; the record is not counted. Check both times."),
    )
}

pub(crate) fn hours_out_of_range(header: &str, value: &str, hours: f64) -> Msg {
    let header = clip(header);
    let value = clip(value);
    let h = (hours * 100.0).round() / 100.0;
    if hours > 0.0 {
        (
            format!("「{header}」列的「{value}」是 {h} 小时，一条服务记录不能超过 24 小时。请核对：是否把分钟当成了小时，或把多天的服务合成了一条（请按天分开）。这条服务记录未计入。"),
            format!("\"{value}\" in column \"{header}\" is {h} hours; one service record cannot \
                exceed 24 hours. Check whether minutes were entered as hours, or several days were \
                put on one row (split them by day). This record is not counted."),
        )
    } else {
        (
            format!("「{header}」列的「{value}」是 {h} 小时，服务时长必须大于 0。请填写实际时长或删除这一行。这条服务记录未计入。"),
            format!("\"{value}\" in column \"{header}\" is {h} hours; service hours must be more \
                than 0. Enter the real hours or delete the row. This record is not counted."),
        )
    }
}

pub(crate) fn unreadable_flag(header: &str, value: &str) -> Msg {
    let header = clip(header);
    let value = clip(value);
    (
        format!(
            "「{header}」列的「{value}」看不出是“有”还是“无”。请填 是/否（或 有/无、✓/✗），或写上文件名。暂按“无”计。"
        ),
        format!(
            "\"{value}\" in column \"{header}\" says neither yes nor no. Write 是/否 (or 有/无, \
            ✓/✗) or the file name. Counted as \"no\" for now."
        ),
    )
}

pub(crate) fn unreadable_number(header: &str, value: &str) -> Msg {
    let header = clip(header);
    let value = clip(value);
    (
        format!("「{header}」列的「{value}」不是人数。请填整数，如 12 或 12人。本项按未填处理。"),
        format!(
            "\"{value}\" in column \"{header}\" is not a head count. Write a whole number such \
            as 12 or 12人. The cell is treated as blank."
        ),
    )
}

pub(crate) fn id_lost_to_number(header: &str, value: &str) -> Msg {
    let header = clip(header);
    let value = clip(value);
    (
        format!("「{header}」列的「{value}」是被 Excel 当成数字保存的证件号码，后几位已经丢失，无法恢复。请在原表中把这一列设置为“文本”格式，重新填入（\
            或从系统重新导出）后再导入。本行的证件号码未使用。"),
        format!("\"{value}\" in column \"{header}\" is an ID number that Excel stored as a number; \
            its last digits are lost for good. Format the column as Text in the source sheet, re-enter \
            (or re-export) the IDs and import again. This row's ID is not used."),
    )
}

pub(crate) fn id_bad_length(header: &str, value: &str) -> Msg {
    let header = clip(header);
    let value = clip(value);
    let shown = mask_if_sensitive(&value);
    (
        format!(
            "「{header}」列的证件号码「{shown}」位数不对（居民身份证应为 18 位，旧证 15 位）。请核对。本行仍计入。"
        ),
        format!(
            "ID number \"{shown}\" in column \"{header}\" has the wrong length (18 characters, \
            or 15 for old IDs). Please check it. The row is still counted."
        ),
    )
}

pub(crate) fn id_bad_checksum(header: &str, id: &str, expected: char) -> Msg {
    let header = clip(header);
    let shown = mask_id(id);
    (
        format!("「{header}」列的证件号码「{shown}」最后一位校验码不对（按 GB 11643 应为「{expected}」），可能抄错了其中某一位。请核对。本行仍计入。"),
        format!("ID number \"{shown}\" in column \"{header}\" fails the GB 11643 check digit (it \
            should end in \"{expected}\"); a digit was probably mistyped. Please check it. The row \
            is still counted."),
    )
}

pub(crate) fn bad_phone(header: &str, value: &str) -> Msg {
    let header = clip(header);
    let value = clip(value);
    let shown = if value.chars().count() >= 7 { mask_phone(&value) } else { value.to_string() };
    (
        format!("「{header}」列的「{shown}」不像手机号（11 位，以 1 开头）或座机号（如 028-12345678）。请核对。本行仍计入。"),
        format!("\"{shown}\" in column \"{header}\" looks like neither a mobile number (11 digits \
            starting with 1) nor a landline (e.g. 028-12345678). Please check it. The row is still \
            counted."),
    )
}

/// A row of `role` lacking what it needs; `what_zh`/`what_en` name it.
pub(crate) fn missing_required(role: Role, what_zh: &str, what_en: &str) -> Msg {
    match role {
        Role::Records => (
            format!("这条服务记录缺少{what_zh}，未计入。请补填后重新导入。"),
            format!("This service record has no {what_en}; not counted. Fill it in and import again."),
        ),
        _ => (
            format!("这一行缺少{what_zh}，仍保留，但不计入任何按日期统计的指标。请补填后重新导入。"),
            format!(
                "This row has no {what_en}; it is kept but counts in no indicator that needs \
                a date. Fill it in and import again."
            ),
        ),
    }
}

/// A whole sheet lacking a column its role needs.
pub(crate) fn missing_column(role: Role, field_zh: &str, field_en: &str) -> Msg {
    let (zh_effect, en_effect) = match role {
        Role::Records => ("这张表的所有服务记录都无法计入", "none of this sheet's records can be counted"),
        _ => ("这张表的行都不计入按日期统计的指标", "this sheet's rows count in no indicator that needs a date"),
    };
    (
        format!(
            "{}缺少「{field_zh}」列，{zh_effect}。请把对应列的表头改为「{field_zh}」，或在导入页面手动指定该列。",
            role.label_zh()
        ),
        format!(
            "This {} sheet has no \"{field_en}\" column, so {en_effect}. Rename the matching \
            column's header to \"{field_zh}\" or map it by hand on the import screen.",
            role.label_en()
        ),
    )
}

pub(crate) fn totals_row(text: &str) -> Msg {
    let text = clip(text);
    (
        format!("这是合计行（「{text}」），已跳过，不计入。"),
        format!("This is a totals row (\"{text}\"); skipped, not counted."),
    )
}

pub(crate) fn repeated_header() -> Msg {
    (
        "这一行重复了表头（打印分页时常见），已跳过。".into(),
        "This row repeats the header (common in paged printouts); skipped.".into(),
    )
}

pub(crate) fn note_row(text: &str) -> Msg {
    let text = clip(text);
    (format!("这是表尾说明行（「{text}」），已跳过。"), format!("This is a footer note (\"{text}\"); skipped."))
}

pub(crate) fn unknown_column(header: &str, letter: &str) -> Msg {
    let header = clip(header);
    let letter = clip(letter);
    (
        format!(
            "第 {letter} 列「{header}」不是能识别的表头，未使用。如果这一列有用，请在导入页面把它指定为对应的字段。"
        ),
        format!(
            "Column {letter} \"{header}\" is not a header we know; not used. If it matters, \
            map it to a field on the import screen."
        ),
    )
}

pub(crate) fn duplicate_column(header: &str, letter: &str, other: &str, field: Field) -> Msg {
    let header = clip(header);
    let other = clip(other);
    let letter = clip(letter);
    (
        format!("第 {letter} 列「{header}」和「{other}」列都是「{}」，只使用「{other}」列。如需改用这一列，请在导入页面调整。", field.label_zh()),
        format!("Column {letter} \"{header}\" and column \"{other}\" both mean \"{}\"; only \"{other}\" \
            is used. Change this on the import screen if needed.", field.label_en()),
    )
}

fn expected_headers() -> (String, String) {
    let zh = scorecard_model::model::Role::ALL
        .iter()
        .map(|r| {
            let names: Vec<&str> = r.fields().iter().map(|f| f.label_zh()).collect();
            format!("{}：{}", r.label_zh(), names.join("、"))
        })
        .collect::<Vec<_>>()
        .join("；");
    let en = scorecard_model::model::Role::ALL
        .iter()
        .map(|r| {
            let names: Vec<&str> = r.fields().iter().map(|f| f.label_zh()).collect();
            format!("{}: {}", r.label_en(), names.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    (zh, en)
}

pub(crate) fn no_header(scanned: usize) -> Msg {
    let (zh, en) = expected_headers();
    (
        format!("在这张工作表的前 {scanned} 行里没有找到表头行，未导入。表头应包含这些名称中的几个——{zh}。请修改表头，或在导入页面手动指定表头行和表格类型。"),
        format!("No header row was found in the first {scanned} rows of this sheet; not imported. \
            A header should contain several of these names — {en}. Edit the header, or set the header \
            row and table type by hand on the import screen."),
    )
}

pub(crate) fn unknown_role(found: &[String]) -> Msg {
    let (zh, en) = expected_headers();
    // a sheet can have 16,384 headers of 32,767 characters: quote the first few, clipped
    let mut shown = found.iter().take(20).map(|h| clip(h)).collect::<Vec<_>>().join("、");
    if found.len() > 20 {
        shown.push_str("、…");
    }
    (
        format!("无法判断这张工作表是哪种表格（找到的表头：{shown}），未导入。各类表格的表头——{zh}。请在导入页面为这张工作表选择类型，或把表头改成上面的名称。"),
        format!("Cannot tell which kind of table this sheet is (headers found: {shown}); not imported. \
            Expected headers — {en}. Pick the table type on the import screen, or rename the headers."),
    )
}

pub(crate) fn empty_sheet() -> Msg {
    ("这张工作表是空的，已忽略。".into(), "This sheet is empty; ignored.".into())
}

pub(crate) fn sheet_failed(detail: &str) -> Msg {
    (
        format!("读取这张工作表时出错（{detail}），之后的行未导入。请在 WPS/Excel 中打开并另存为 .xlsx 后重新导入。"),
        format!(
            "Reading this sheet failed ({detail}); rows after that point were not imported. \
            Open it in WPS/Excel, save as .xlsx and import again."
        ),
    )
}

pub(crate) fn more_of_kind(count: u64, label_zh: &str, label_en: &str) -> Msg {
    (
        format!("另有 {count} 处「{label_zh}」问题未逐条列出；请下载“问题行”文件查看并修改。"),
        format!(
            "{count} more \"{label_en}\" problems are not listed one by one; download the failed-rows \
            file to see and fix them."
        ),
    )
}

pub(crate) fn failed_rows_capped(kept: usize) -> Msg {
    (
        format!("有问题的行太多，“问题行”文件只收录了前 {kept} 行。请先改正这些行再重新导入。"),
        format!(
            "Too many rows have problems; the failed-rows file holds only the first {kept}. \
            Fix those and import again."
        ),
    )
}

pub(crate) fn negative_roster_hours(header: &str, value: &str) -> Msg {
    let header = clip(header);
    let value = clip(value);
    (
        format!("「{header}」列的「{value}」是负数，时长不能小于 0。请核对。这位志愿者的此项时长按未填处理。"),
        format!(
            "\"{value}\" in column \"{header}\" is negative; hours cannot be below 0. Please \
            check it. This volunteer's hours in this column are treated as blank."
        ),
    )
}

pub(crate) fn sub_group_column(header: &str, letter: &str) -> Msg {
    let header = clip(header);
    let letter = clip(letter);
    (
        format!("第 {letter} 列「{header}」只是一个分组中的数，没有“合计”列可用，未使用。如需使用，请在表中加一列合计，或在导入页面指定。"),
        format!("Column {letter} \"{header}\" is one group's part and no total column was found; not used. \
            Add a total column, or map one on the import screen."),
    )
}

pub(crate) fn catalogue_sheet() -> Msg {
    (
        "这张表是各项活动的单次时长表（活动名称、单次时长），不单独计入；同一次导入中的参与统计表用它的时长。".into(),
        "This sheet lists each activity's hours per session (activity, hours); it is not counted on its own, \
         a participation sheet in the same import takes its hours from it."
            .into(),
    )
}

pub(crate) fn signin_without_hours() -> Msg {
    (
        "这张表每行有人员和日期，像是签到表或考勤表，但没有服务时长（也没有开始、结束时间或起止时间），所以无法计入服务时长，未导入。请加上时长列，或在导入页面指定表格类型和各列。".into(),
        "Every row has a person and a date, like a sign-in or attendance sheet, but there are no hours (nor start \
         and end times or a time span), so no hours can be counted; not imported. Add an hours column, or set the \
         table type and columns on the import screen."
            .into(),
    )
}

pub(crate) fn not_people(column: &str) -> Msg {
    let column = clip(column);
    (
        format!("这张表的「{column}」列中不是人名（而是列名、合计或其他文字），看起来是字段说明或汇总表，不是志愿者名单，未导入。如果确实是名单，请在导入页面选择表格类型。"),
        format!("Column \"{column}\" of this sheet holds no names (but column names, totals or other text): it looks \
            like a field list or a summary, not a list of volunteers; not imported. If it is one, pick the table \
            type on the import screen."),
    )
}

/// The first few names of a list, quoted, with … when there are more.
fn first_names(names: &[String], n: usize) -> (String, String) {
    let shown: Vec<String> = names.iter().take(n).map(|s| clip(s).into_owned()).collect();
    let more = names.len() > n;
    (
        format!("{}{}", shown.join("、"), if more { "……" } else { "" }),
        format!("{}{}", shown.join(", "), if more { " …" } else { "" }),
    )
}

pub(crate) fn wide_found(names: &[String]) -> Msg {
    let (zh, en) = first_names(names, 4);
    let n = names.len();
    (
        format!("这张表除了人员信息，还有 {n} 列像是各项活动的参加次数（{zh}）。人员已作为志愿者名册导入；确认各项活动的单次时长和日期后，可以把参加次数转为服务记录。"),
        format!("Besides the people, this sheet has {n} columns that look like counts of participation in \
            activities ({en}). The people are imported as a roster; once you confirm each activity's hours and \
            date, the counts become service records."),
    )
}

pub(crate) fn wide_confirmed(names: &[String]) -> Msg {
    let n = names.len();
    (
        format!("这张表的 {n} 列活动参加次数已按确认的单次时长和日期转为服务记录。"),
        format!(
            "The participation counts of {n} activity columns became service records, with the hours and \
            dates you confirmed."
        ),
    )
}

pub(crate) fn wide_activity_incomplete(name: &str, times: u32, no_hours: bool) -> Msg {
    let name = clip(name);
    let (zh, en) = if no_hours { ("单次时长", "hours per session") } else { ("日期", "date") };
    (
        format!("活动「{name}」没有{zh}，它的 {times} 人次未转为服务记录。请在确认参与统计表时填写。"),
        format!(
            "Activity \"{name}\" has no {en}; its {times} participations did not become service records. \
            Fill it in where you confirm the participation sheet."
        ),
    )
}

pub(crate) fn unreadable_times(header: &str, value: &str) -> Msg {
    let header = clip(header);
    let value = clip(value);
    (
        format!("「{header}」列的「{value}」不是参加次数（应为 0、1、2 这样的整数或 √），按未参加处理。"),
        format!(
            "\"{value}\" in column \"{header}\" is not a count of participations (a whole number like 0, 1, 2 \
            or √); treated as not taking part."
        ),
    )
}

/// What a sheet that could not be imported looks like, in a few words.
pub(crate) fn sheet_looks(s: &crate::outcome::SheetOutcome) -> Msg {
    let name = if s.name.is_empty() { "CSV".to_string() } else { clip(&s.name).into_owned() };
    if s.used_rows == 0 {
        return (format!("「{name}」是空的"), format!("\"{name}\" is empty"));
    }
    if s.header_rows.is_none() {
        return (format!("「{name}」没有能识别的表头"), format!("\"{name}\" has no header we know"));
    }
    let headers: Vec<String> =
        s.columns.iter().filter(|c| !c.header.is_empty()).take(6).map(|c| clip(&c.header).into_owned()).collect();
    let more = if s.columns.iter().filter(|c| !c.header.is_empty()).count() > 6 { "……" } else { "" };
    (
        format!("「{name}」的表头是{}{more}", headers.join("、")),
        format!("\"{name}\" has the headers {}{}", headers.join(", "), if more.is_empty() { "" } else { " …" }),
    )
}

pub(crate) fn unusable_file(file: &str, looks: &[(String, String)]) -> Msg {
    let file = clip(file);
    let zh_list: Vec<&str> = looks.iter().map(|(z, _)| z.as_str()).collect();
    let en_list: Vec<&str> = looks.iter().map(|(_, e)| e.as_str()).collect();
    let n = looks.len();
    (
        format!(
            "文件「{file}」的 {n} 张工作表都不是能导入的表格：{}。需要的是每行一位志愿者的名册（姓名、证件号码或志愿者编号、所属站点），或每行一次服务的记录（志愿者、服务日期、服务时长），或活动记录（活动名称、活动日期），或培训记录（培训日期）。可以下载空白模板，或在导入页面为工作表选择类型。",
            zh_list.join("；")
        ),
        format!(
            "None of the {n} sheets of \"{file}\" is a table we can import: {}. What is needed is a roster with \
             one volunteer per row (name, ID or volunteer number, station), or service records with one service \
             per row (volunteer, date, hours), or activities (name, date), or trainings (date). Download the blank \
             template, or pick each sheet's table type on the import screen.",
            en_list.join("; ")
        ),
    )
}

pub(crate) fn unused_here(header: &str, letter: &str, role: Role, field: Field) -> Msg {
    let header = clip(header);
    let letter = clip(letter);
    (
        format!("第 {letter} 列「{header}」是「{}」，在{}中用不到，未使用。", field.label_zh(), role.label_zh()),
        format!(
            "Column {letter} \"{header}\" is \"{}\", which a {} sheet does not use; not used.",
            field.label_en(),
            role.label_en().to_lowercase()
        ),
    )
}

pub(crate) fn wide_moved(was: &str, now: &str) -> Msg {
    let (was, now) = (clip(was), clip(now));
    (
        format!("确认参与统计表时的活动「{was}」这一列现在是「{now}」（表格的列有变动），原来的时长和日期不再套用。请重新确认。"),
        format!("The column confirmed as activity \"{was}\" now holds \"{now}\" (the sheet's columns moved); its hours and date no longer apply. Confirm again."),
    )
}

pub(crate) fn wide_too_many(limit: u64) -> Msg {
    (
        format!("参与统计表转换出的服务记录超过 {limit} 条，其余的未转换。请核对参加次数是否有误。"),
        format!("The participation sheet makes more than {limit} service records; the rest were not made. Check the counts."),
    )
}

pub(crate) fn wide_nobody() -> Msg {
    (
        "这一行有参加次数，但没有姓名、编号或证件号码，不知道是谁参加的，未计入。请补填人员信息。".into(),
        "This row has participation counts but no name, number or ID, so nobody can be credited; left out. Fill in who it is.".into(),
    )
}

pub(crate) fn catalogue_row(name: &str, hours: &str, out_of_range: bool) -> Msg {
    let (name, hours) = (clip(name), clip(hours));
    if name.is_empty() {
        return (
            "活动时长表的这一行没有活动名称，未使用。".into(),
            "This row of the activities' hours has no activity name; not used.".into(),
        );
    }
    let (why_zh, why_en) = if out_of_range {
        ("不在 0–24 小时之间", "is not between 0 and 24 hours")
    } else {
        ("不是能识别的时长", "is not an amount of hours we can read")
    };
    (
        format!("活动「{name}」的单次时长「{hours}」{why_zh}，未使用；参与统计表中这项活动需要手工填写时长。"),
        format!("The hours \"{hours}\" of activity \"{name}\" {why_en}; not used: type that activity's hours where you confirm the participation sheet."),
    )
}

pub(crate) fn catalogue_full(kept: usize) -> Msg {
    (
        format!("活动时长表只读取前 {kept} 行。"),
        format!("Only the first {kept} rows of the activities' hours are read."),
    )
}

/// A sheet given no role, with the import's best guess: what it looks like, and the one
/// click that imports it so (remembered for sheets with the same headers).
pub(crate) fn role_guess(role: Role, rows: u64, headers: &[String]) -> Msg {
    let shown: Vec<String> = headers.iter().take(3).map(|h| clip(h).into_owned()).collect();
    let what_zh = match role {
        Role::Volunteers => format!("一份 {rows} 人的名单"),
        Role::Records => format!("一份 {rows} 条的服务记录"),
        Role::Activities => format!("一份 {rows} 项的活动记录"),
        Role::Trainings => format!("一份 {rows} 项的培训记录"),
    };
    let what_en = match role {
        Role::Volunteers => format!("a list of {rows} people"),
        Role::Records => format!("{rows} service records"),
        Role::Activities => format!("a list of {rows} activities"),
        Role::Trainings => format!("a list of {rows} trainings"),
    };
    (
        format!(
            "这张工作表看起来是{what_zh}（{}），还没有导入：在导入页面点「作为{}导入」即可，同样表头的表以后自动这样导入。",
            shown.join("、"),
            role.label_zh()
        ),
        format!(
            "This sheet looks like {what_en} ({}); not imported yet: click \"Import as {}\" on the import screen, \
             and sheets with the same headers are imported so from then on.",
            shown.join(", "),
            role.label_en()
        ),
    )
}

/// A sheet with a header but nothing about people or activities under it.
pub(crate) fn not_about_people(found: &[String]) -> Msg {
    let shown: Vec<String> = found.iter().take(6).map(|h| clip(h).into_owned()).collect();
    (
        format!(
            "这张表（表头：{}）不是人员、服务记录、活动或培训的表格，没有可导入的内容，未导入。如果它确实是其中一种，请在导入页面选择表格类型。",
            shown.join("、")
        ),
        format!(
            "This sheet (headers: {}) is not a table of people, service records, activities or trainings; \
             nothing to import. If it is one, pick the table type on the import screen.",
            shown.join(", ")
        ),
    )
}
