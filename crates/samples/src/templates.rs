//! Blank templates the web app offers for download: a 填写说明 sheet, then one sheet per
//! table with the canonical headers, a note on every header (what goes there, in which
//! form, an example), drop-down lists, date and text column formats, a frozen header.
//!
//! Decision: no example row. An example row would be imported as data when a clerk
//! forgets to delete it; every example lives in the header's note instead.
//! Invariant: every header is a name import recognises (indicators.md §2), every list is
//! the dictionary the scoring uses (themes, teams, holidays), so a filled template imports
//! without a single mapping by hand.

use crate::headers::{column_width, header_label};
use crate::vocab::{political_names, training_kinds};
use crate::xlsx::fixed_properties;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Note, Workbook, Worksheet, XlsxError,
};
use scorecard_model::calendar::HOLIDAYS;
use scorecard_model::context::UnitType;
use scorecard_model::model::{Field, Role};
use scorecard_model::tags::{default_teams, default_themes};

/// Name of the first sheet.
pub const INSTRUCTIONS_SHEET: &str = "填写说明";

/// Last row a column's validation and format reach (Excel's last row, 0-based).
const LAST_ROW: u32 = 1_048_575;

/// The general rules on the 填写说明 sheet, in order.
const RULES: [&str; 10] = [
    "本工作簿每张表一个工作表：志愿者名册、服务记录、活动记录、培训记录。只填您有的表，用不到的工作表可以留空或删除。",
    "保留每个工作表的第一行（表头），不要改列名，不要合并单元格；用不到的列可以删除，也可以从其他系统导出的表中整列复制粘贴。",
    "一行一条记录。不要在表中插入标题行、小计、合计或空行。",
    "日期写成 2017-06-12 这样的格式（日期列已设好日期格式），不要写成 6月12日 或 2017.6。",
    "时长填数字，单位是小时，半小时写 0.5；不要写“小时”“分钟”等文字。",
    "证件号码、手机号码、志愿者编号按文本填写（这几列已设为文本格式）。从其他表格粘贴时请用“选择性粘贴 → 数值”，以免身份证号变成 5.1E+17 或末位变成 0。",
    "同一站点在各表中的写法必须完全一致，例如都写“新桥社区”，不要有的写“新桥社区志愿服务站”。",
    "有下拉箭头的列请从列表中选择；活动主题、服务队、节庆日可以填多个，用顿号“、”分隔。",
    "把鼠标移到列名上（右上角有红色小三角）可以看到该列的填写说明和示例。",
    "本文件只在您自己的电脑和浏览器中使用，不会上传到任何服务器；身份证号、手机号在结果中打码显示。",
];

/// What each table needs at least, for the 填写说明 sheet.
const REQUIRED: [(Role, &str); 4] = [
    (Role::Volunteers, "姓名、所属站点，以及志愿者编号或证件号码（二者至少一个）；注册日期建议填写"),
    (Role::Records, "志愿者编号（没有时填证件号码或姓名）、服务日期、服务时长"),
    (Role::Activities, "活动名称、活动日期、所属站点；活动主题、服务队、节庆日和四项材料按实际填写"),
    (Role::Trainings, "培训日期、所属站点；联合培训在所属站点中写多个站点，用“、”分隔"),
];

/// The note on a header: (role, or `None` for any role; field; text). The first row that
/// fits wins, so role-specific rows come first.
const NOTES: [(Option<Role>, Field, &str); 34] = [
    (Some(Role::Records), Field::Station, "所属站点：志愿者所属的社区(村)志愿服务站，与志愿者名册中的写法完全一致。\n例：新桥社区"),
    (Some(Role::Activities), Field::Station, "所属站点：开展活动的站点，与其他表中的写法完全一致。\n例：新桥社区"),
    (Some(Role::Trainings), Field::Station, "所属站点：参加培训的站点。几个站点联合培训时全部写上，用顿号“、”分隔，每个站点都算一次培训。\n例：新桥社区、大丰社区"),
    (Some(Role::Records), Field::ActivityName, "活动名称：这次服务参加的活动或项目。\n例：重阳节敬老慰问"),
    (Some(Role::Records), Field::Date, "服务日期：这次服务的日期，格式 2017-06-12（本列已设为日期格式）。\n例：2017-10-28"),
    (Some(Role::Activities), Field::Date, "活动日期：活动开展的日期，格式 2017-06-12（本列已设为日期格式）。\n例：2017-10-28"),
    (Some(Role::Trainings), Field::Date, "培训日期：培训的日期，格式 2017-06-12（本列已设为日期格式）。\n例：2017-03-15"),
    (Some(Role::Trainings), Field::Participants, "参训人数：参加培训的人数，填整数。\n例：40"),
    (Some(Role::Records), Field::VolunteerNo, "志愿者编号：与志愿者名册中的编号一致，用来把记录对应到人；没有编号时可填证件号码或姓名列。按文本填写。\n例：510114000000123"),
    (Some(Role::Records), Field::IdNumber, "证件号码：没有志愿者编号时用它对应名册中的人。18位身份证号，按文本填写。\n例：11010519491231002X"),
    (Some(Role::Records), Field::Name, "姓名：志愿者姓名。没有编号和证件号码时，按姓名对应名册（同名的人可能对应错，建议填编号）。\n例：王芳"),
    (None, Field::VolunteerNo, "志愿者编号：志愿服务信息系统中的编号，按文本原样填写（本列已设为文本格式）。服务记录用它对应到名册。\n例：510114000000123"),
    (None, Field::Name, "姓名：志愿者的真实姓名，中间不要加空格。\n例：王芳"),
    (None, Field::Gender, "性别：从下拉列表选择“男”或“女”。"),
    (None, Field::IdNumber, "证件号码：18位身份证号，按文本填写（本列已设为文本格式，不会变成 5.1E+17），末位 X 大写。系统会检查校验位。\n例：11010519491231002X"),
    (None, Field::Phone, "手机号码：11位手机号，按文本填写。\n例：13812345678"),
    (None, Field::Political, "政治面貌：从下拉列表选择：中共党员、中共预备党员、共青团员、民主党派成员、无党派人士、群众。"),
    (None, Field::RegisteredOn, "注册日期：在志愿服务信息系统注册的日期，格式 2017-06-12（本列已设为日期格式）。评估日之后注册的不计入注册人数。\n例：2016-05-20"),
    (None, Field::Station, "所属站点：志愿者所属的社区(村)志愿服务站。各表中同一站点的写法必须完全一致。\n例：新桥社区"),
    (None, Field::UnitType, "单位类型：单位自评时填写，从下拉列表选择；社区志愿者可以不填。"),
    (None, Field::AnnualHours, "年度服务时长：本年度的服务小时数，填数字。另有服务记录表时可以不填。\n例：26.5"),
    (None, Field::CumulativeHours, "累计服务时长：注册以来的服务小时数，填数字，用于星级志愿者统计。\n例：320"),
    (None, Field::ActivityName, "活动名称：写清活动内容，最好写上主题或节日，系统能据此识别主题。\n例：关爱空巢老人·重阳节敬老慰问"),
    (None, Field::Hours, "服务时长：这次服务的小时数，填数字，半小时写 0.5。为 0 或超过 24 小时的记录不计入。\n例：2.5"),
    (None, Field::Theme, "活动主题：从下拉列表选择；一个活动有几个主题时手工输入，用顿号“、”分隔。\n例：关爱空巢老人、党员志愿服务"),
    (None, Field::Team, "服务队：开展活动的专业志愿服务队类别，从下拉列表选择；类别和队名都写时用顿号隔开。\n例：医疗卫生、金色科教文卫服务队"),
    (None, Field::Holiday, "节庆日：节日主题活动填节日名称，从下拉列表选择；不是节日活动就留空。\n例：重阳节"),
    (None, Field::Participants, "参与人数：参加活动的志愿者人数，填整数。\n例：25"),
    (None, Field::Plan, "方案：这次活动有没有活动方案，选“是”或“否”。"),
    (None, Field::Record, "记录：有没有活动记录，选“是”或“否”。"),
    (None, Field::Brief, "简报：有没有活动简报，选“是”或“否”。"),
    (None, Field::Photo, "图片：有没有活动照片，选“是”或“否”。"),
    (None, Field::Topic, "培训主题：培训的内容。\n例：志愿服务骨干培训"),
    (None, Field::TrainingKind, "培训类型：从下拉列表选择：骨干、专业、网络文明传播、通用。"),
];

/// The note on the header of `field` in a sheet of `role`.
pub fn header_note(role: Role, field: Field) -> &'static str {
    NOTES.iter().find(|(r, f, _)| *f == field && r.is_none_or(|r| r == role)).map(|(_, _, t)| *t).unwrap_or("")
}

/// The drop-down list of a column, and whether a value not in it is refused (`Stop`) or
/// only questioned (`Warning`: cells that may hold several names, or a file name).
pub fn header_list(field: Field) -> Option<(Vec<String>, DataValidationErrorStyle)> {
    use DataValidationErrorStyle::{Stop, Warning};
    let owned = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    let names = |d: scorecard_model::tags::TagDict| d.tags.into_iter().map(|t| t.name).collect::<Vec<_>>();
    match field {
        Field::Gender => Some((owned(vec!["男", "女"]), Stop)),
        Field::Political => Some((owned(political_names()), Stop)),
        Field::UnitType => Some((owned(UnitType::ALL.iter().map(|u| u.label_zh()).collect()), Stop)),
        Field::Theme => Some((names(default_themes()), Warning)),
        // X7's team kinds, then 乡镇2021's seven colour teams (a town under that plan names them)
        Field::Team => {
            Some((names(default_teams()).into_iter().chain(crate::vocab::CORPS.map(String::from)).collect(), Warning))
        }
        Field::Holiday => Some((owned(HOLIDAYS.iter().map(|h| h.name).collect()), Warning)),
        Field::Plan | Field::Record | Field::Brief | Field::Photo => Some((owned(vec!["是", "否"]), Warning)),
        Field::TrainingKind => Some((owned(training_kinds()), Warning)),
        _ => None,
    }
}

/// Columns kept as text so Excel never turns them into numbers (5.1E+17, lost zeros).
fn is_text_column(field: Field) -> bool {
    matches!(field, Field::VolunteerNo | Field::IdNumber | Field::Phone)
}

fn is_date_column(field: Field) -> bool {
    matches!(field, Field::Date | Field::RegisteredOn)
}

/// The blank template: 填写说明, 志愿者名册, 服务记录, 活动记录, 培训记录.
/// Empty only if the writer fails, which the tests rule out for this fixed content.
pub fn template_workbook() -> Vec<u8> {
    build(&Role::ALL).unwrap_or_default()
}

/// The template of one table: 填写说明 and that table's sheet.
pub fn template_for(role: Role) -> Vec<u8> {
    build(&[role]).unwrap_or_default()
}

fn build(roles: &[Role]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&fixed_properties().set_title("志愿服务自评台 数据模板"));
    write_instructions(wb.add_worksheet(), roles)?;
    for role in roles {
        write_table_sheet(wb.add_worksheet(), *role)?;
    }
    wb.save_to_buffer()
}

fn write_instructions(ws: &mut Worksheet, roles: &[Role]) -> Result<(), XlsxError> {
    ws.set_name(INSTRUCTIONS_SHEET)?;
    let title = Format::new().set_bold().set_font_size(16);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.set_column_width(0, 6)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 90)?;
    ws.write_string_with_format(0, 0, "志愿服务自评台 · 数据模板填写说明", &title)?;
    let mut row = 2u32;
    ws.write_string_with_format(row, 0, "一、通用规则", &bold)?;
    for (i, rule) in (1u32..).zip(RULES) {
        row += 1;
        ws.write_number(row, 0, i)?;
        ws.merge_range(row, 1, row, 2, rule, &wrap)?;
        ws.set_row_height(row, 30)?;
    }
    row += 2;
    ws.write_string_with_format(row, 0, "二、各表至少要填的列", &bold)?;
    for (role, text) in REQUIRED.iter().filter(|(r, _)| roles.contains(r)) {
        row += 1;
        ws.write_string_with_format(row, 1, role.label_zh(), &bold)?;
        ws.write_string_with_format(row, 2, *text, &wrap)?;
    }
    Ok(())
}

fn write_table_sheet(ws: &mut Worksheet, role: Role) -> Result<(), XlsxError> {
    ws.set_name(role.label_zh())?;
    ws.set_default_note_author("志愿服务自评台");
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin);
    // built-in format 49 is "@" (Text), the one Excel itself uses for 设置单元格格式 → 文本
    let text = Format::new().set_num_format_index(49);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, field) in (0u16..).zip(role.template_fields()) {
        let field = *field;
        ws.set_column_width(c, column_width(role, field))?;
        if is_text_column(field) {
            ws.set_column_format(c, &text)?;
        }
        if is_date_column(field) {
            ws.set_column_format(c, &date)?;
        }
        ws.write_string_with_format(0, c, header_label(role, field), &header)?;
        let note = Note::new(header_note(role, field))
            .add_author_prefix(false)
            .set_font_size(10)
            .set_width(300)
            .set_height(150);
        ws.insert_note(0, c, &note)?;
        if let Some(v) = validation(field)? {
            ws.add_data_validation(1, c, LAST_ROW, c, &v)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The data validation of a column, if it has one.
fn validation(field: Field) -> Result<Option<DataValidation>, XlsxError> {
    if let Some((list, style)) = header_list(field) {
        let hint = match style {
            DataValidationErrorStyle::Stop => "请从下拉列表中选择。",
            _ => "不在下拉列表中。几个值请用顿号“、”分隔；确认无误可以点“是”保留。",
        };
        return Ok(Some(
            DataValidation::new()
                .allow_list_strings(&list)?
                .set_error_style(style)
                .set_error_title("填写提示")?
                .set_error_message(hint)?,
        ));
    }
    let v = if is_date_column(field) {
        let (lo, hi) = (ExcelDateTime::from_ymd(2000, 1, 1)?, ExcelDateTime::from_ymd(2100, 12, 31)?);
        DataValidation::new()
            .allow_date(DataValidationRule::Between(lo, hi))
            .set_error_title("日期格式")?
            .set_error_message("请填写 2000 至 2100 年之间的日期，格式如 2017-06-12。")?
    } else {
        match field {
            Field::Hours => DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, 24.0))
                .set_error_title("服务时长")?
                .set_error_message("请填写 0 到 24 之间的小时数，如 2.5；不要写“小时”“分钟”。")?,
            Field::AnnualHours | Field::CumulativeHours => DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
                .set_error_title("服务时长")?
                .set_error_message("请填写小时数（数字），如 26.5。")?,
            Field::Participants => DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
                .set_error_title("人数")?
                .set_error_message("请填写整数人数，如 25。")?,
            _ => return Ok(None),
        }
    };
    Ok(Some(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scorecard_model::model::Field;

    #[test]
    fn every_field_of_every_role_has_a_note_and_every_note_row_is_used() {
        for role in Role::ALL {
            for f in role.template_fields() {
                assert!(!header_note(role, *f).is_empty(), "{role:?} {f:?}");
                // the note starts with the header it explains
                assert!(header_note(role, *f).starts_with(header_label(role, *f)), "{role:?} {f:?}");
            }
        }
        for (r, f, text) in NOTES {
            let used = Role::ALL.iter().any(|role| r.is_none_or(|r| r == *role) && header_note(*role, f) == text);
            assert!(used, "unused note {r:?} {f:?}");
        }
    }

    #[test]
    fn lists_fit_excel_and_hold_the_dictionaries() {
        for f in Field::ALL {
            if let Some((list, _)) = header_list(f) {
                let joined: usize = list.iter().map(|s| s.encode_utf16().count() + 1).sum();
                assert!(joined <= 256, "{f:?} list too long for Excel");
                assert!(validation(f).unwrap().is_some());
            }
        }
        assert_eq!(header_list(Field::Theme).unwrap().0.len(), 8);
        assert_eq!(header_list(Field::Team).unwrap().0.len(), 11 + 7);
        assert_eq!(header_list(Field::Holiday).unwrap().0.len(), 25);
        assert_eq!(header_list(Field::UnitType).unwrap().0.len(), 7);
        assert_eq!(header_list(Field::Political).unwrap().0.len(), 6);
    }
}
