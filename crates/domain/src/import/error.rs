//! The errors of the import boundary, each with a message a station clerk can act on.
//!
//! [`ReadError`]: the file (or one sheet of it) could not be read as a spreadsheet at all.
//! [`ImportError`]: the umbrella the report carries (a read failure, or a cancelled import).
//! [`ExportError`]: writing the failed-rows workbook went wrong.
//! Bad cells are not errors: they are findings.

use serde::{Deserialize, Serialize};

/// What a file turned out to be when it is not a spreadsheet we read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotSpreadsheet {
    /// Plain text behind a workbook extension (a CSV renamed `.xlsx`).
    Text,
    /// An HTML page saved as `.xls` (many web systems "export to Excel" this way).
    Html,
    Word,
    PowerPoint,
    Pdf,
    Image,
    /// A zip/rar/7z/gzip archive that is no workbook.
    Archive,
    /// Binary data of no known kind.
    Binary,
    /// Excel's lock file `~$名册.xlsx`, left next to a workbook that is open.
    ExcelLockFile,
}

impl NotSpreadsheet {
    fn zh(self) -> &'static str {
        match self {
            NotSpreadsheet::Text => "纯文本（可能是改了扩展名的 CSV 文件）",
            NotSpreadsheet::Html => "网页（HTML）格式的表格",
            NotSpreadsheet::Word => "Word 文档",
            NotSpreadsheet::PowerPoint => "PowerPoint 演示文稿",
            NotSpreadsheet::Pdf => "PDF 文件",
            NotSpreadsheet::Image => "图片",
            NotSpreadsheet::Archive => "压缩包",
            NotSpreadsheet::Binary => "无法识别的二进制文件",
            NotSpreadsheet::ExcelLockFile => "Excel 打开文件时生成的临时锁定文件（~$ 开头）",
        }
    }

    fn en(self) -> &'static str {
        match self {
            NotSpreadsheet::Text => "plain text (perhaps a CSV file renamed)",
            NotSpreadsheet::Html => "an HTML page holding a table",
            NotSpreadsheet::Word => "a Word document",
            NotSpreadsheet::PowerPoint => "a PowerPoint presentation",
            NotSpreadsheet::Pdf => "a PDF file",
            NotSpreadsheet::Image => "an image",
            NotSpreadsheet::Archive => "an archive",
            NotSpreadsheet::Binary => "binary data of an unknown kind",
            NotSpreadsheet::ExcelLockFile => "Excel's temporary lock file (name starting with ~$)",
        }
    }
}

/// The container or format could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReadError {
    /// The file has no bytes.
    Empty,
    /// The bytes are something else than a spreadsheet.
    NotASpreadsheet { found: NotSpreadsheet },
    /// Password-protected (an encrypted OOXML package, or an xls/ods with a password).
    Encrypted,
    /// Looks like a workbook but is damaged or truncated; `detail` is the reader's own words.
    Corrupt { detail: String },
    /// A spreadsheet format we do not read (xlsb, WPS .et, XML Spreadsheet 2003 …).
    Unsupported { format: String },
    /// Not one worksheet in the workbook (only chart sheets, say).
    NoSheets,
}

/// The one error type of the import boundary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportError {
    Read {
        error: ReadError,
    },
    /// The caller's progress callback asked to stop.
    Cancelled,
}

impl From<ReadError> for ImportError {
    fn from(error: ReadError) -> Self {
        ImportError::Read { error }
    }
}

const RESAVE_ZH: &str = "请在 WPS 或 Excel 中打开它，另存为 .xlsx（Excel 工作簿）后重新导入。";
const RESAVE_EN: &str = "Open it in WPS or Excel, save it as .xlsx (Excel workbook) and import it again.";

impl ReadError {
    /// What went wrong with `file` and what to do, in Chinese.
    pub fn message_zh(&self, file: &str) -> String {
        match self {
            ReadError::Empty => format!("文件「{file}」是空的（0 字节）。请确认选对了文件，或重新从系统导出。"),
            ReadError::NotASpreadsheet { found: NotSpreadsheet::Text } => format!(
                "文件「{file}」的扩展名是表格文件，但内容是{}。请把扩展名改回 .csv 再导入，或在 WPS/Excel 中打开后另存为 .xlsx。",
                NotSpreadsheet::Text.zh()
            ),
            ReadError::NotASpreadsheet { found: NotSpreadsheet::ExcelLockFile } => format!(
                "文件「{file}」是{}，不是名册本身。请关闭 Excel 后选择不带 ~$ 的那个文件。",
                NotSpreadsheet::ExcelLockFile.zh()
            ),
            ReadError::NotASpreadsheet { found } => {
                format!("文件「{file}」不是表格文件，而是{}。{RESAVE_ZH}", found.zh())
            }
            ReadError::Encrypted => format!(
                "文件「{file}」设置了打开密码，无法读取。请在 WPS/Excel 中用密码打开，取消密码（文件→信息→保护工作簿），另存为 .xlsx 后重新导入。"
            ),
            ReadError::Corrupt { detail } => {
                format!("文件「{file}」已损坏或不完整（{detail}），无法读取。请重新从系统导出或从原始文件复制一份；若能在 WPS/Excel 中打开，{RESAVE_ZH}")
            }
            ReadError::Unsupported { format } => format!("暂不支持「{format}」格式（文件「{file}」）。{RESAVE_ZH}"),
            ReadError::NoSheets => format!("文件「{file}」里没有可读取的工作表（可能只有图表）。请把数据放在普通工作表中另存后重新导入。"),
        }
    }

    /// What went wrong with `file` and what to do, in English.
    pub fn message_en(&self, file: &str) -> String {
        match self {
            ReadError::Empty => format!("File \"{file}\" is empty (0 bytes). Check you picked the \
                right file, or export it again."),
            ReadError::NotASpreadsheet { found: NotSpreadsheet::Text } => format!(
                "File \"{file}\" has a spreadsheet extension but holds {}. Rename it back to .csv, \
                    or open it in WPS/Excel and save it as .xlsx.",
                NotSpreadsheet::Text.en()
            ),
            ReadError::NotASpreadsheet { found: NotSpreadsheet::ExcelLockFile } => format!(
                "File \"{file}\" is {}, not the roster itself. Close Excel and pick the file without ~$.",
                NotSpreadsheet::ExcelLockFile.en()
            ),
            ReadError::NotASpreadsheet { found } => {
                format!("File \"{file}\" is not a spreadsheet but {}. {RESAVE_EN}", found.en())
            }
            ReadError::Encrypted => format!(
                "File \"{file}\" is password-protected and cannot be read. Open it in WPS/Excel \
                    with the password, remove the password, save it as .xlsx and import it again."
            ),
            ReadError::Corrupt { detail } => format!(
                "File \"{file}\" is damaged or incomplete ({detail}). Export it again or copy the \
                    original; if WPS/Excel can open it, save it as .xlsx and import that."
            ),
            ReadError::Unsupported { format } => format!("The \"{format}\" format is not supported \
                (file \"{file}\"). {RESAVE_EN}"),
            ReadError::NoSheets => format!("File \"{file}\" has no worksheet to read (only charts?). \
                Put the data on a normal worksheet and save again."),
        }
    }
}

impl ImportError {
    pub fn message_zh(&self, file: &str) -> String {
        match self {
            ImportError::Read { error } => error.message_zh(file),
            ImportError::Cancelled => format!("已取消导入，文件「{file}」未读完。"),
        }
    }

    pub fn message_en(&self, file: &str) -> String {
        match self {
            ImportError::Read { error } => error.message_en(file),
            ImportError::Cancelled => format!("Import cancelled; file \"{file}\" was not read to the end."),
        }
    }
}

/// Writing the failed-rows workbook failed (should not happen; reported, never a panic).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportError {
    pub detail: String,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "无法生成问题行文件 / could not write the failed-rows workbook: {}", self.detail)
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en(""))
    }
}

impl std::error::Error for ImportError {}
impl std::error::Error for ExportError {}
