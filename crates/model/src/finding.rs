//! Findings: every problem met while reading or checking data, as data.
//!
//! Invariant: a bad cell, row, sheet or file becomes a `Finding`; it is never a panic and
//! never a silent drop. A finding says where (file, sheet, Excel row, column header), what
//! kind, how bad, and what to do, in Chinese and English.

use serde::{Deserialize, Serialize};

/// At most this many findings of one kind are listed per sheet; the rest are counted.
pub const FINDINGS_PER_KIND: u64 = 200;

/// The one finding that stands for the `more` of `all` findings of `kind` not listed, in
/// scoring's words. (The importer says it differently on purpose: its rows are in the
/// failed-rows file, so its sentence sends the clerk there, `import::messages`.)
pub fn more_not_listed(kind: FindingKind, more: u64, all: u64) -> (String, String) {
    (
        format!("另有 {more} 条「{}」未逐条列出（共 {all} 条）。", kind.label_zh()),
        format!("{more} more \"{}\" findings not listed ({all} in all).", kind.label_en()),
    )
}

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
    /// Figures that cannot both be true (more registered volunteers than residents …).
    ImpossibleValue,
    /// About stations' report files in a town's import (报送文件): a station missing, sent
    /// for another date, superseded by a later month, volunteers registered at two stations.
    TownReport,
    /// A start time, end time or time span (开始时间, 结束时间, 服务时段) that could not be read.
    /// Declared last so the order of the older kinds (their `Ord`) is unchanged.
    UnreadableTime,
}

impl FindingKind {
    pub const ALL: [FindingKind; 20] = [
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
        FindingKind::UnreadableTime,
        FindingKind::UnreadableNumber,
        FindingKind::UnreadableFlag,
        FindingKind::MissingRequired,
        FindingKind::SkippedRow,
        FindingKind::UnknownColumn,
        FindingKind::BadPhone,
        FindingKind::Suggestion,
        FindingKind::ImpossibleValue,
        FindingKind::TownReport,
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
            FindingKind::UnreadableTime => "unreadable_time",
            FindingKind::UnreadableNumber => "unreadable_number",
            FindingKind::UnreadableFlag => "unreadable_flag",
            FindingKind::MissingRequired => "missing_required",
            FindingKind::SkippedRow => "skipped_row",
            FindingKind::UnknownColumn => "unknown_column",
            FindingKind::BadPhone => "bad_phone",
            FindingKind::Suggestion => "suggestion",
            FindingKind::ImpossibleValue => "impossible_value",
            FindingKind::TownReport => "town_report",
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
            FindingKind::UnreadableTime => "时间无法识别",
            FindingKind::UnreadableNumber => "数字无法识别",
            FindingKind::UnreadableFlag => "是/否无法识别",
            FindingKind::MissingRequired => "缺少必填项",
            FindingKind::SkippedRow => "已跳过的行",
            FindingKind::UnknownColumn => "未识别的列",
            FindingKind::BadPhone => "手机号码格式错误",
            FindingKind::Suggestion => "建议确认",
            FindingKind::ImpossibleValue => "数字互相矛盾",
            FindingKind::TownReport => "报送文件",
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
            FindingKind::UnreadableTime => "Unreadable time",
            FindingKind::UnreadableNumber => "Unreadable number",
            FindingKind::UnreadableFlag => "Unreadable yes/no",
            FindingKind::MissingRequired => "Required cell empty",
            FindingKind::SkippedRow => "Skipped row",
            FindingKind::UnknownColumn => "Unrecognised column",
            FindingKind::BadPhone => "Phone number malformed",
            FindingKind::Suggestion => "Please confirm",
            FindingKind::ImpossibleValue => "Figures that cannot both be true",
            FindingKind::TownReport => "Stations' report files",
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
    /// For a finding that says "N more of this kind were not listed": N. Counts of
    /// findings count it as N (see [`FindingCounts`]); 0 for an ordinary finding.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub stands_for: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// What a finding means for the numbers, in the words both screens use: one
/// classification, so the import screen and the scorecard count alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingClass {
    /// A row, cell or file left out of the counts (未计入).
    LeftOut,
    /// Kept, but doubtful or contradictory: worth a look (需核对).
    Check,
    /// A record of another year, or after the as-of date: not counted, as it should not be.
    OutOfPeriod,
    /// Nothing left out: a note (a skipped totals row, a column not used, a suggestion).
    Hint,
}

/// How many findings of each class, aggregates counted for what they stand for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingCounts {
    pub left_out: u64,
    pub check: u64,
    pub out_of_period: u64,
    pub hints: u64,
}

impl FindingCounts {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> FindingCounts {
        let mut c = FindingCounts::default();
        for f in findings {
            let n = if f.stands_for > 0 { f.stands_for } else { 1 };
            match f.class() {
                FindingClass::LeftOut => c.left_out += n,
                FindingClass::Check => c.check += n,
                FindingClass::OutOfPeriod => c.out_of_period += n,
                FindingClass::Hint => c.hints += n,
            }
        }
        c
    }

    /// Everything that is not a hint.
    pub fn problems(&self) -> u64 {
        self.left_out + self.check
    }
}

impl Finding {
    /// A finding about a whole file.
    pub fn file(
        file: &str,
        kind: FindingKind,
        severity: Severity,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Finding {
            file: file.to_string(),
            sheet: None,
            row: None,
            column: None,
            kind,
            severity,
            message: zh.into(),
            message_en: en.into(),
            stands_for: 0,
        }
    }

    /// Marks a finding as standing for `n` findings not listed.
    pub fn standing_for(mut self, n: u64) -> Self {
        self.stands_for = n;
        self
    }

    /// Which class it is: a record of another period is out of period; an unmatched
    /// record is left out (whatever its severity says of the roster); else by severity.
    pub fn class(&self) -> FindingClass {
        match (self.kind, self.severity) {
            (FindingKind::DateOutOfPeriod, _) => FindingClass::OutOfPeriod,
            (FindingKind::UnmatchedRecord | FindingKind::HoursOutOfRange, _) => FindingClass::LeftOut,
            (FindingKind::ImpossibleValue, _) => FindingClass::Check,
            (_, Severity::Error) => FindingClass::LeftOut,
            (_, Severity::Warning) => FindingClass::Check,
            (_, Severity::Info) => FindingClass::Hint,
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
        if self.file.is_empty() && self.sheet.is_none() {
            return "基本信息".to_string();
        }
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
        if self.file.is_empty() && self.sheet.is_none() {
            return "Context".to_string();
        }
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
        assert_eq!(seen.len(), 20, "every kind listed once in ALL");
    }

    /// One classification for both screens: rows left out, things to check, records of
    /// another period, hints; a "N more" finding counts as its N.
    #[test]
    fn findings_count_by_class() {
        let f = |kind, sev| Finding::file("a.xlsx", kind, sev, "x", "x");
        let list = [
            f(FindingKind::UnreadableDate, Severity::Error),
            f(FindingKind::UnmatchedRecord, Severity::Warning),
            f(FindingKind::UnmatchedRecord, Severity::Warning).standing_for(40),
            f(FindingKind::BadIdChecksum, Severity::Warning),
            f(FindingKind::DateOutOfPeriod, Severity::Info).standing_for(7),
            f(FindingKind::SkippedRow, Severity::Info),
            f(FindingKind::UnknownColumn, Severity::Info),
            f(FindingKind::Suggestion, Severity::Info),
            f(FindingKind::ImpossibleValue, Severity::Warning),
        ];
        let c = FindingCounts::of(&list);
        assert_eq!(c, FindingCounts { left_out: 1 + 1 + 40, check: 2, out_of_period: 7, hints: 3 });
        assert_eq!(c.problems(), 44);
        assert_eq!(
            Finding::file("", FindingKind::ImpossibleValue, Severity::Warning, "", "").location_zh(),
            "基本信息"
        );
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
