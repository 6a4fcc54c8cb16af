//! The failed-rows workbook: for every sheet with problems, its rows with problems in their
//! original columns (header + raw cell texts) plus 原行号 and 问题说明, so a clerk can fix them
//! in place. Every cell is written as a string, so `=`, `+`, `-`, `@` never become formulas.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use scorecard_import::outcome::column_letter;
use scorecard_import::Import;
use serde::{Deserialize, Serialize};

const MAX_SHEET_NAME: usize = 31;

/// Writing the failed-rows workbook failed (should not happen; reported, never a panic).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedRowsError {
    pub detail: String,
}

impl std::fmt::Display for FailedRowsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "无法生成问题行文件 / could not write the failed-rows workbook: {}", self.detail)
    }
}

impl std::error::Error for FailedRowsError {}

fn err(e: XlsxError) -> FailedRowsError {
    FailedRowsError { detail: e.to_string() }
}

/// The workbook as bytes (for a download link or a file). With no problem rows it holds one
/// sheet saying so.
pub fn failed_rows_xlsx(import: &Import) -> Result<Vec<u8>, FailedRowsError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut used: Vec<String> = Vec::new();
    for file in &import.files {
        for sheet in file.sheets.iter().filter(|s| !s.failed_rows.is_empty()) {
            let base = if sheet.name.is_empty() { stem(&file.name) } else { sheet.name.clone() };
            let name = unique_name(&base, &used);
            used.push(name.clone());
            let ws = book.add_worksheet();
            ws.set_name(&name).map_err(err)?;
            let width = sheet
                .failed_rows
                .iter()
                .map(|r| r.cells.len())
                .chain(std::iter::once(sheet.columns.len()))
                .max()
                .unwrap_or(0)
                .min(16_000);
            for c in 0..width {
                let header = sheet
                    .columns
                    .get(c)
                    .map(|col| col.header.clone())
                    .filter(|h| !h.is_empty())
                    .unwrap_or_else(|| column_letter(c as u32));
                ws.write_string_with_format(0, col(c), header, &bold).map_err(err)?;
            }
            ws.write_string_with_format(0, col(width), "原行号", &bold).map_err(err)?;
            ws.write_string_with_format(0, col(width + 1), "问题说明", &bold).map_err(err)?;
            ws.set_column_width(col(width + 1), 80).map_err(err)?;
            for (i, row) in sheet.failed_rows.iter().enumerate() {
                let r = u32::try_from(i + 1).unwrap_or(u32::MAX);
                for (c, text) in row.cells.iter().take(width).enumerate() {
                    write_text(ws, r, col(c), text)?;
                }
                ws.write_number(r, col(width), row.row).map_err(err)?;
                ws.write_string_with_format(r, col(width + 1), row.problems.join("\n"), &wrap).map_err(err)?;
            }
        }
    }
    if used.is_empty() {
        let ws = book.add_worksheet();
        ws.set_name("说明").map_err(err)?;
        ws.write_string(0, 0, "没有需要修改的行。 / No rows with problems.").map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Text as a string cell, never a formula (a cell can hold at most 32 767 characters).
fn write_text(ws: &mut Worksheet, r: u32, c: u16, text: &str) -> Result<(), FailedRowsError> {
    if text.is_empty() {
        return Ok(());
    }
    let t: String = text.chars().take(32_767).collect();
    ws.write_string(r, c, t).map_err(err)?;
    Ok(())
}

fn stem(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.rsplit_once('.').map_or(base, |(s, _)| s).to_string()
}

/// A legal, unused sheet name: no `[]:*?/\`, at most 31 characters, not blank.
fn unique_name(base: &str, used: &[String]) -> String {
    let clean: String = base.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    let clean = clean.trim_matches('\'').trim();
    let clean = if clean.is_empty() { "问题行" } else { clean };
    for n in 1.. {
        let suffix = if n == 1 { String::new() } else { format!("({n})") };
        let keep = MAX_SHEET_NAME - suffix.chars().count();
        let name: String = clean.chars().take(keep).collect::<String>() + &suffix;
        if !used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
            return name;
        }
    }
    clean.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let used = vec!["服务记录".to_string()];
        assert_eq!(unique_name("服务记录", &used), "服务记录(2)");
        assert_eq!(unique_name("a/b:c*", &[]), "abc");
        assert_eq!(unique_name("", &[]), "问题行");
        let long = "很".repeat(40);
        assert_eq!(unique_name(&long, &[]).chars().count(), 31);
        assert_eq!(stem("C:\\x\\名册.csv"), "名册");
    }
}
