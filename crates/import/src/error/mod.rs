//! The errors of the import boundary, each with a message a station clerk can act on.
//!
//! [`ReadError`]: the file (or one sheet of it) could not be read as a spreadsheet at all.
//! [`ImportError`]: the umbrella a file's outcome carries (a read failure, or a cancelled import).
//! Bad cells are not errors: they are findings.

mod wire;

use scorecard_model::finding::{Finding, FindingKind, Severity};
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
    /// What to do instead: re-saving helps an HTML or text table, not a photo or a PDF.
    fn advice_zh(self) -> &'static str {
        match self {
            NotSpreadsheet::Word => {
                "如果名册是 Word 里的表格，请把表格复制到 WPS 表格或 Excel 中，另存为 .xlsx 后导入。"
            }
            NotSpreadsheet::Pdf | NotSpreadsheet::Image => {
                "图片和 PDF 中的表格无法直接读取。请导入从系统导出的 Excel 文件（.xlsx 或 .xls）或 CSV 文件。"
            }
            NotSpreadsheet::Archive => "请先解压，再导入其中的表格文件（.xlsx、.xls、.csv）。",
            NotSpreadsheet::PowerPoint | NotSpreadsheet::Binary => {
                "请导入 Excel（.xlsx、.xls）、WPS 表格、ODS 或 CSV 文件。"
            }
            _ => RESAVE_ZH,
        }
    }

    fn advice_en(self) -> &'static str {
        match self {
            NotSpreadsheet::Word => "If the roster is a table in Word, copy it into WPS or Excel, save it as .xlsx and import that.",
            NotSpreadsheet::Pdf | NotSpreadsheet::Image => {
                "Tables in images and PDFs cannot be read. Import the Excel file (.xlsx or .xls) or CSV the system exported."
            }
            NotSpreadsheet::Archive => "Unpack it first, then import the spreadsheets inside (.xlsx, .xls, .csv).",
            NotSpreadsheet::PowerPoint | NotSpreadsheet::Binary => "Import an Excel (.xlsx, .xls), WPS, ODS or CSV file.",
            _ => RESAVE_EN,
        }
    }

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

/// The container or format could not be read. Read from JSON through `wire`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "crate::error::wire::ReadErrorWire")]
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
    /// Past a limit no real roster reaches: a zip bomb, a sheet beyond Excel's own size, a
    /// cell longer than Excel allows. Refused before it can exhaust memory or time.
    TooLarge { what: Limit, limit: u64 },
}

/// Which limit a [`ReadError::TooLarge`] file went past (the numbers are in `input::limits`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// One part of the zip package inflates past the limit (bytes).
    PartSize,
    /// All parts together inflate past the limit (bytes).
    TotalSize,
    /// A part inflates more than this many times its packed size (a zip bomb).
    Ratio,
    /// More parts in the package than any workbook has.
    Parts,
    /// The shared-strings part (held whole in memory) is larger than this (bytes), or
    /// declares more strings than it can hold.
    SharedStrings,
    /// A row number past Excel's last row.
    Rows,
    /// More rows in all sheets of one file together than this.
    FileRows,
    /// A column past Excel's last column (XFD).
    Columns,
    /// A cell holds more characters than Excel allows in one cell.
    CellText,
    /// An xls / WPS / ods workbook (read whole into memory) spans more cells than this.
    Cells,
}

impl Limit {
    /// The limit as a clerk reads it: `1 GB`, `1,048,576 行`.
    fn shown(self, limit: u64) -> (String, String) {
        let n = grouped(limit);
        match self {
            Limit::PartSize | Limit::TotalSize | Limit::SharedStrings => (bytes(limit), bytes(limit)),
            Limit::Ratio => (format!("{n} 倍"), format!("{n} times")),
            Limit::Parts => (format!("{n} 个部件"), format!("{n} parts")),
            Limit::Rows | Limit::FileRows => (format!("{n} 行"), format!("{n} rows")),
            Limit::Columns => (format!("{n} 列"), format!("{n} columns")),
            Limit::CellText => (format!("{n} 个字符"), format!("{n} characters")),
            Limit::Cells => (format!("{n} 个单元格"), format!("{n} cells")),
        }
    }
}

/// `1073741824` → `1 GB`, `268435456` → `256 MB` (binary units, as Windows shows sizes).
fn bytes(n: u64) -> String {
    if n >= 1 << 30 && n.is_multiple_of(1 << 30) {
        format!("{} GB", n >> 30)
    } else if n >= 1 << 20 {
        format!("{} MB", n >> 20)
    } else {
        format!("{} KB", n >> 10)
    }
}

/// `1048576` → `1,048,576`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The one error type of the import boundary. Read from JSON through `wire`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "crate::error::wire::ImportErrorWire")]
pub enum ImportError {
    Read {
        error: ReadError,
    },
    /// The caller's progress callback asked to stop.
    Cancelled,
    /// A station's report file that cannot be counted (wrong passphrase, changed, newer …).
    Report {
        problem: scorecard_model::report_file::ReportProblem,
        detail: String,
    },
}

impl From<ReadError> for ImportError {
    fn from(error: ReadError) -> Self {
        ImportError::Read { error }
    }
}

const RESAVE_ZH: &str = "请在 WPS 或 Excel 中打开它，另存为 .xlsx（Excel 工作簿）后重新导入。";
const RESAVE_EN: &str = "Open it in WPS or Excel, save it as .xlsx (Excel workbook) and import it again.";

impl ReadError {
    /// Every kind name, in declaration order (as serde writes the tag).
    pub const KINDS: [&'static str; 7] =
        ["empty", "not_a_spreadsheet", "encrypted", "corrupt", "unsupported", "no_sheets", "too_large"];

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
                format!("文件「{file}」不是表格文件，而是{}。{}", found.zh(), found.advice_zh())
            }
            ReadError::Encrypted => format!(
                "文件「{file}」设置了打开密码，无法读取。请在 WPS/Excel 中用密码打开，取消密码（文件→信息→保护工作簿），另存为 .xlsx 后重新导入。"
            ),
            // the reader's own words (English) last, for whoever helps the clerk
            ReadError::Corrupt { detail } => {
                format!("文件「{file}」已损坏或不完整，无法读取。请重新从系统导出或从原始文件复制一份；若能在 WPS/Excel 中打开，{RESAVE_ZH}（技术信息：{detail}）")
            }
            ReadError::Unsupported { format } => format!("暂不支持「{format}」格式（文件「{file}」）。{RESAVE_ZH}"),
            ReadError::NoSheets => format!("文件「{file}」里没有可读取的工作表（可能只有图表）。请把数据放在普通工作表中另存后重新导入。"),
            ReadError::TooLarge { what, limit } => too_large_zh(file, *what, *limit),
        }
    }

    /// What went wrong with `file` and what to do, in English.
    pub fn message_en(&self, file: &str) -> String {
        match self {
            ReadError::Empty => format!(
                "File \"{file}\" is empty (0 bytes). Check you picked the \
                right file, or export it again."
            ),
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
                format!("File \"{file}\" is not a spreadsheet but {}. {}", found.en(), found.advice_en())
            }
            ReadError::Encrypted => format!(
                "File \"{file}\" is password-protected and cannot be read. Open it in WPS/Excel \
                    with the password, remove the password, save it as .xlsx and import it again."
            ),
            ReadError::Corrupt { detail } => format!(
                "File \"{file}\" is damaged or incomplete. Export it again or copy the \
                    original; if WPS/Excel can open it, save it as .xlsx and import that. (Details: {detail})"
            ),
            ReadError::Unsupported { format } => format!(
                "The \"{format}\" format is not supported \
                (file \"{file}\"). {RESAVE_EN}"
            ),
            ReadError::NoSheets => format!(
                "File \"{file}\" has no worksheet to read (only charts?). \
                Put the data on a normal worksheet and save again."
            ),
            ReadError::TooLarge { what, limit } => too_large_en(file, *what, *limit),
        }
    }
}

const REEXPORT_ZH: &str = "不是正常的名册导出文件，可能已损坏或被篡改。请重新从系统导出。";
const REEXPORT_EN: &str = "This is no normal roster export; it may be damaged or tampered with. Export it again.";

fn too_large_zh(file: &str, what: Limit, limit: u64) -> String {
    let (n, _) = what.shown(limit);
    match what {
        Limit::PartSize | Limit::TotalSize => format!("文件「{file}」解压后超过 {n}，{REEXPORT_ZH}"),
        Limit::Ratio => format!("文件「{file}」里的内容被压缩了 {n}以上（正常表格远低于此），{REEXPORT_ZH}"),
        Limit::Parts => format!("文件「{file}」里有超过 {n}，{REEXPORT_ZH}"),
        Limit::SharedStrings => format!(
            "文件「{file}」的文字表（共享字符串）超过 {n} 或与内容不符，无法在浏览器中读取。请在 WPS/Excel 中打开，把表格拆成几个文件分别另存为 .xlsx 后导入；若无法打开，请重新从系统导出。"
        ),
        Limit::Rows => format!(
            "文件「{file}」的工作表超过 {n}（Excel 的上限），{REEXPORT_ZH}若确实有这么多数据，请拆成几个文件。"
        ),
        Limit::FileRows => format!(
            "文件「{file}」的各工作表合计超过 {n}，超出本工具一次能读取的数量。请把数据拆成几个文件（例如按年份或站点），分别导入。"
        ),
        Limit::Columns => format!("文件「{file}」的工作表超过 {n}（Excel 的上限），{REEXPORT_ZH}"),
        Limit::CellText => format!(
            "文件「{file}」有单元格的文字超过 {n}（Excel 单元格的上限），文件可能已损坏。若是 CSV 文件，常见原因是某处引号（\"）没有配对，请检查后重新导出。"
        ),
        Limit::Cells => format!(
            "文件「{file}」的工作表合计超过 {n}，这种格式需要一次读入全部单元格，在浏览器中读取会耗尽内存。{RESAVE_ZH}（.xlsx 可以逐行读取更大的表格）"
        ),
    }
}

fn too_large_en(file: &str, what: Limit, limit: u64) -> String {
    let (_, n) = what.shown(limit);
    match what {
        Limit::PartSize | Limit::TotalSize => format!("File \"{file}\" inflates to more than {n}. {REEXPORT_EN}"),
        Limit::Ratio => format!(
            "File \"{file}\" holds content compressed more than {n} (real sheets stay far \
            below). {REEXPORT_EN}"
        ),
        Limit::Parts => format!("File \"{file}\" holds more than {n}. {REEXPORT_EN}"),
        Limit::SharedStrings => format!(
            "The text table (shared strings) of \"{file}\" is larger than {n} or \
            does not match its content, too much to read in a browser. Open it in WPS/Excel, split it into \
            several files saved as .xlsx; if it does not open, export it again."
        ),
        Limit::Rows => format!(
            "A sheet of \"{file}\" goes past {n} (Excel's limit). {REEXPORT_EN} If there \
            really is that much data, split it into several files."
        ),
        Limit::FileRows => format!(
            "The sheets of \"{file}\" hold more than {n} together, more than this tool \
            reads at once. Split the data into several files (by year or station, say) and import each."
        ),
        Limit::Columns => format!("A sheet of \"{file}\" goes past {n} (Excel's limit). {REEXPORT_EN}"),
        Limit::CellText => format!(
            "A cell of \"{file}\" holds more than {n} (Excel's limit for one cell); \
            the file may be damaged. In a CSV file this usually means a quote (\") without its partner: \
            check it and export again."
        ),
        Limit::Cells => format!(
            "The sheets of \"{file}\" span more than {n} together; this format is read \
            whole and would exhaust a browser's memory. {RESAVE_EN} (.xlsx is read row by row and can be larger.)"
        ),
    }
}

impl ImportError {
    pub fn message_zh(&self, file: &str) -> String {
        match self {
            ImportError::Read { error } => error.message_zh(file),
            ImportError::Cancelled => format!("已取消导入，文件「{file}」未读完。"),
            ImportError::Report { problem, detail } => problem.message_zh(file, detail),
        }
    }

    pub fn message_en(&self, file: &str) -> String {
        match self {
            ImportError::Read { error } => error.message_en(file),
            ImportError::Cancelled => format!("Import cancelled; file \"{file}\" was not read to the end."),
            ImportError::Report { problem, detail } => problem.message_en(file, detail),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en(""))
    }
}

impl std::error::Error for ImportError {}

/// The finding for a file that could not be read: its error's message, in both languages.
pub(crate) fn unreadable(file: &str, error: &ImportError) -> Finding {
    Finding::file(file, FindingKind::UnreadableFile, Severity::Error, error.message_zh(file), error.message_en(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_read_as_a_clerk_reads_them() {
        let cases: &[(Limit, u64, &str, &str)] = &[
            (Limit::PartSize, 1 << 30, "解压后超过 1 GB，不是正常的名册导出文件", "inflates to more than 1 GB"),
            (Limit::SharedStrings, 64 << 20, "超过 64 MB", "larger than 64 MB"),
            (Limit::Ratio, 100, "压缩了 100 倍以上", "more than 100 times"),
            (Limit::Rows, 1_048_576, "超过 1,048,576 行（Excel 的上限）", "past 1,048,576 rows"),
            (Limit::Columns, 16_384, "超过 16,384 列", "past 16,384 columns"),
            (Limit::CellText, 32_767, "超过 32,767 个字符", "more than 32,767 characters"),
            (Limit::Cells, 4_194_304, "超过 4,194,304 个单元格", "more than 4,194,304 cells"),
            (Limit::FileRows, 4_194_304, "合计超过 4,194,304 行", "more than 4,194,304 rows"),
            (Limit::Parts, 10_000, "超过 10,000 个部件", "more than 10,000 parts"),
            (Limit::TotalSize, 1 << 30, "解压后超过 1 GB", "more than 1 GB"),
        ];
        for &(what, limit, zh, en) in cases {
            let e = ReadError::TooLarge { what, limit };
            let (got_zh, got_en) = (e.message_zh("名册.xlsx"), e.message_en("名册.xlsx"));
            assert!(got_zh.contains(zh) && got_zh.contains("名册.xlsx"), "{what:?}: {got_zh}");
            assert!(got_en.contains(en), "{what:?}: {got_en}");
        }
        assert_eq!((bytes(3 << 10), bytes(1 << 20), bytes(3 << 30)), ("3 KB".into(), "1 MB".into(), "3 GB".into()));
        assert_eq!(
            (grouped(0), grouped(999), grouped(1000), grouped(12_345_678)),
            ("0".into(), "999".into(), "1,000".into(), "12,345,678".into())
        );
    }
}
