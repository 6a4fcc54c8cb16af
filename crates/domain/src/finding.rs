//! Findings: every problem met while reading or checking data, as data.
//!
//! Invariant: a bad cell, row, sheet or file becomes a `Finding`; it is never a panic and
//! never a silent drop. A finding says where (file, sheet, Excel row, column header), what
//! kind, how bad, and what to do, in Chinese and English.

use serde::{Deserialize, Serialize};

/// What went wrong. The snake_case names are part of the CLI's JSON and the UI's filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The file could not be opened or read at all (corrupt, encrypted, unsupported).
    UnreadableFile,
    /// A sheet whose role (volunteers, records, activities, trainings) was not recognised.
    UnknownSheet,
    /// The same volunteer appears twice in the roster; counted once.
    DuplicateVolunteer,
    /// An 18-character ID number whose GB 11643 check digit does not match.
    BadIdChecksum,
    /// An ID number that is not 15/18 characters, or that Excel turned into a number.
    BadIdFormat,
    /// A service record whose volunteer key matches nobody in the roster.
    UnmatchedRecord,
    /// Hours over 24 or at most 0 on one record.
    HoursOutOfRange,
    /// A date outside the assessment year, or after the as-of date.
    DateOutOfPeriod,
    UnreadableDate,
    UnreadableHours,
    /// A number (参与人数, 参训人数, 常住人口 …) that could not be read.
    UnreadableNumber,
    /// A yes/no cell (方案, 记录 …) that is neither yes nor no.
    UnreadableFlag,
    /// A cell the row cannot do without is empty.
    MissingRequired,
    /// A totals row (合计 …) or a blank row, skipped on purpose.
    SkippedRow,
    /// A column whose header matched no known field; kept and mappable by hand.
    UnknownColumn,
    /// A phone number that is not a plausible mainland number.
    BadPhone,
    /// Something the user may want to confirm (e.g. an activity near a holiday).
    Suggestion,
}

impl FindingKind {
    pub const ALL: [FindingKind; 17] = [
        FindingKind::UnreadableFile,
        FindingKind::UnknownSheet,
        FindingKind::DuplicateVolunteer,
        FindingKind::BadIdChecksum,
        FindingKind::BadIdFormat,
        FindingKind::UnmatchedRecord,
        FindingKind::HoursOutOfRange,
        FindingKind::DateOutOfPeriod,
        FindingKind::UnreadableDate,
        FindingKind::UnreadableHours,
        FindingKind::UnreadableNumber,
        FindingKind::UnreadableFlag,
        FindingKind::MissingRequired,
        FindingKind::SkippedRow,
        FindingKind::UnknownColumn,
        FindingKind::BadPhone,
        FindingKind::Suggestion,
    ];

    /// The stable snake_case name (same as serde).
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::UnreadableFile => "unreadable_file",
            FindingKind::UnknownSheet => "unknown_sheet",
            FindingKind::DuplicateVolunteer => "duplicate_volunteer",
            FindingKind::BadIdChecksum => "bad_id_checksum",
            FindingKind::BadIdFormat => "bad_id_format",
            FindingKind::UnmatchedRecord => "unmatched_record",
            FindingKind::HoursOutOfRange => "hours_out_of_range",
            FindingKind::DateOutOfPeriod => "date_out_of_period",
            FindingKind::UnreadableDate => "unreadable_date",
            FindingKind::UnreadableHours => "unreadable_hours",
            FindingKind::UnreadableNumber => "unreadable_number",
            FindingKind::UnreadableFlag => "unreadable_flag",
            FindingKind::MissingRequired => "missing_required",
            FindingKind::SkippedRow => "skipped_row",
            FindingKind::UnknownColumn => "unknown_column",
            FindingKind::BadPhone => "bad_phone",
            FindingKind::Suggestion => "suggestion",
        }
    }

    /// A short Chinese name for filters and report headings.
    pub fn label_zh(self) -> &'static str {
        match self {
            FindingKind::UnreadableFile => "文件无法读取",
            FindingKind::UnknownSheet => "未识别的工作表",
            FindingKind::DuplicateVolunteer => "志愿者重复",
            FindingKind::BadIdChecksum => "身份证校验位错误",
            FindingKind::BadIdFormat => "证件号码格式错误",
            FindingKind::UnmatchedRecord => "记录无对应志愿者",
            FindingKind::HoursOutOfRange => "时长超出范围",
            FindingKind::DateOutOfPeriod => "日期不在考核期内",
            FindingKind::UnreadableDate => "日期无法识别",
            FindingKind::UnreadableHours => "时长无法识别",
            FindingKind::UnreadableNumber => "数字无法识别",
            FindingKind::UnreadableFlag => "是/否无法识别",
            FindingKind::MissingRequired => "缺少必填项",
            FindingKind::SkippedRow => "已跳过的行",
            FindingKind::UnknownColumn => "未识别的列",
            FindingKind::BadPhone => "手机号码格式错误",
            FindingKind::Suggestion => "建议确认",
        }
    }

    /// A short English name for filters and report headings.
    pub fn label_en(self) -> &'static str {
        match self {
            FindingKind::UnreadableFile => "Unreadable file",
            FindingKind::UnknownSheet => "Unrecognised sheet",
            FindingKind::DuplicateVolunteer => "Duplicate volunteer",
            FindingKind::BadIdChecksum => "ID check digit wrong",
            FindingKind::BadIdFormat => "ID number malformed",
            FindingKind::UnmatchedRecord => "Record matches no volunteer",
            FindingKind::HoursOutOfRange => "Hours out of range",
            FindingKind::DateOutOfPeriod => "Date outside the period",
            FindingKind::UnreadableDate => "Unreadable date",
            FindingKind::UnreadableHours => "Unreadable hours",
            FindingKind::UnreadableNumber => "Unreadable number",
            FindingKind::UnreadableFlag => "Unreadable yes/no",
            FindingKind::MissingRequired => "Required cell empty",
            FindingKind::SkippedRow => "Skipped row",
            FindingKind::UnknownColumn => "Unrecognised column",
            FindingKind::BadPhone => "Phone number malformed",
            FindingKind::Suggestion => "Please confirm",
        }
    }
}

/// How much a finding matters to the score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational: nothing was left out (a skipped totals row, a suggestion).
    Info,
    /// The row was kept but something in it is doubtful (bad check digit, duplicate).
    Warning,
    /// A row, cell or file was left out of the counts.
    Error,
}

/// One problem, located as the user sees it in Excel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The file name as the user picked it.
    pub file: String,
    /// The sheet name; `None` for a problem with the whole file.
    pub sheet: Option<String>,
    /// The row number as Excel shows it (1-based); `None` for a whole sheet or file.
    pub row: Option<u32>,
    /// The column's header text as it appears in the sheet; `None` for a whole row.
    pub column: Option<String>,
    pub kind: FindingKind,
    pub severity: Severity,
    /// What is wrong and what to do, in Chinese.
    pub message: String,
    /// The same in English.
    pub message_en: String,
}

impl Finding {
    /// A finding about a whole file.
    pub fn file(file: &str, kind: FindingKind, severity: Severity, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Finding {
            file: file.to_string(),
            sheet: None,
            row: None,
            column: None,
            kind,
            severity,
            message: zh.into(),
            message_en: en.into(),
        }
    }

    pub fn in_sheet(mut self, sheet: &str) -> Self {
        self.sheet = Some(sheet.to_string());
        self
    }

    pub fn at_row(mut self, row: u32) -> Self {
        self.row = Some(row);
        self
    }

    pub fn in_column(mut self, column: &str) -> Self {
        self.column = Some(column.to_string());
        self
    }

    /// "文件 名册.xlsx，工作表 Sheet1，第 12 行，「服务时长」列" — where, for a clerk.
    pub fn location_zh(&self) -> String {
        let mut s = format!("文件「{}」", self.file);
        if let Some(sh) = &self.sheet {
            s.push_str(&format!("，工作表「{sh}」"));
        }
        if let Some(r) = self.row {
            s.push_str(&format!("，第 {r} 行"));
        }
        if let Some(c) = &self.column {
            s.push_str(&format!("，「{c}」列"));
        }
        s
    }

    pub fn location_en(&self) -> String {
        let mut s = format!("file \"{}\"", self.file);
        if let Some(sh) = &self.sheet {
            s.push_str(&format!(", sheet \"{sh}\""));
        }
        if let Some(r) = self.row {
            s.push_str(&format!(", row {r}"));
        }
        if let Some(c) = &self.column {
            s.push_str(&format!(", column \"{c}\""));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_serde_names_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for k in FindingKind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.code()));
            seen.insert(k.code());
            assert!(!k.label_zh().is_empty() && !k.label_en().is_empty());
        }
        assert_eq!(seen.len(), 17, "every kind listed once in ALL");
    }

    #[test]
    fn location_names_every_part() {
        let f = Finding::file("名册.xlsx", FindingKind::UnreadableHours, Severity::Error, "时长", "hours")
            .in_sheet("Sheet1")
            .at_row(12)
            .in_column("服务时长");
        assert_eq!(f.location_zh(), "文件「名册.xlsx」，工作表「Sheet1」，第 12 行，「服务时长」列");
        assert_eq!(f.location_en(), "file \"名册.xlsx\", sheet \"Sheet1\", row 12, column \"服务时长\"");
    }
}
