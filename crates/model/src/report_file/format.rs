//! The report file (报送文件): what a station sends its town instead of its rosters.
//!
//! JSON, UTF-8, one object; `schema` comes first so a reader knows the file from its first
//! bytes. Every volunteer is a keyed code ([`crate::report_file::Passkey::code`]); nothing in it was
//! taken from a person's row but codes, dates, hours, stations, party membership and unit
//! type. Read strictly: an unknown field, a missing one or a wrong type is refused with
//! serde's message, and the seal must match (docs/report-file.md documents the format).

use crate::context::Context;
use crate::fields::{Field, Materials, Role};
use crate::report_file::passkey::{Passkey, ITERATIONS, KDF, SALT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The `schema` value of every report file.
pub const SCHEMA: &str = "volunteer-scorecard.report";
/// The newest schema version this build reads and the one it writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One station's report for a year, as of a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    pub schema: String,
    pub schema_version: u32,
    /// The app that made it ("志愿服务自评台 v0.3.0").
    pub made_by: String,
    /// The station (its context's organisation); the town keeps one file per station.
    pub station: String,
    /// The profile the station used; the town's must be the same.
    pub profile: String,
    pub year: i32,
    pub as_of: NaiveDate,
    pub kdf: Kdf,
    /// [`Passkey::check`] of the passphrase the codes were made with.
    pub check: String,
    /// The station's context (its checklist answers among it).
    pub context: Context,
    /// The roles of the sheets the station imported (hours come from records when one was).
    pub roles: Vec<Role>,
    /// The columns the station's sheets had, personal ones named by what they were.
    pub present: Vec<(Role, Field)>,
    pub volunteers: Vec<CodedVolunteer>,
    /// Hours that count, per code, month and service station (summed from the records).
    pub hours: Vec<MonthHours>,
    pub activities: Vec<ReportActivity>,
    pub trainings: Vec<ReportTraining>,
    /// [`Passkey::seal`] of the file written with this field empty.
    pub seal: String,
}

/// How the codes' key was derived from the passphrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kdf {
    pub alg: String,
    pub iterations: u32,
    pub salt: String,
}

impl Default for Kdf {
    fn default() -> Self {
        Kdf { alg: KDF.into(), iterations: ITERATIONS, salt: SALT.into() }
    }
}

/// A roster row: its code and what the indicators need of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodedVolunteer {
    pub code: String,
    pub registered_on: Option<NaiveDate>,
    pub station: Option<String>,
    /// 党员 or not; `None` when the roster has no 政治面貌 for this row.
    pub party: Option<bool>,
    /// 单位类型 (a category, as written).
    pub unit_type: Option<String>,
    pub annual_hours: Option<f64>,
    pub cumulative_hours: Option<f64>,
}

/// Hours that count of one code in one month, at one service station.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthHours {
    pub code: String,
    pub month: u32,
    pub hours: f64,
    pub station: Option<String>,
}

/// An activity row (activities are not about people: carried as read).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportActivity {
    pub name: Option<String>,
    pub date: Option<NaiveDate>,
    pub station: Option<String>,
    pub theme: Option<String>,
    pub team: Option<String>,
    pub holiday: Option<String>,
    pub participants: Option<u32>,
    pub materials: Materials,
}

/// A training row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportTraining {
    pub date: Option<NaiveDate>,
    pub topic: Option<String>,
    pub stations: Vec<String>,
    pub kind: Option<String>,
    pub participants: Option<u32>,
}

/// Why a report file cannot be counted. Each has a message a clerk can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportProblem {
    /// JSON that is not a report file of ours, or one whose fields are wrong.
    NotAReport,
    /// Made by a newer app (a schema version this build does not know).
    NewerSchema,
    /// No passphrase was given for the import.
    NeedPassphrase,
    /// Made with another passphrase than the one given.
    WrongPassphrase,
    /// The seal does not match: the file was changed after it was made.
    Tampered,
    /// Made under another profile than the town's.
    OtherProfile,
}

impl ReportProblem {
    pub const ALL: [ReportProblem; 6] = [
        ReportProblem::NotAReport,
        ReportProblem::NewerSchema,
        ReportProblem::NeedPassphrase,
        ReportProblem::WrongPassphrase,
        ReportProblem::Tampered,
        ReportProblem::OtherProfile,
    ];

    /// Why, in a few words: 报送文件被拒绝（口令不同）.
    pub fn short_zh(self) -> &'static str {
        match self {
            ReportProblem::NotAReport => "不是报送文件或内容不完整",
            ReportProblem::NewerSchema => "由更新版本的自评台生成",
            ReportProblem::NeedPassphrase => "未输入口令",
            ReportProblem::WrongPassphrase => "口令不同",
            ReportProblem::Tampered => "文件被改动",
            ReportProblem::OtherProfile => "考核方案不同",
        }
    }

    /// The same in English: "report file refused (different passphrase)".
    pub fn short_en(self) -> &'static str {
        match self {
            ReportProblem::NotAReport => "not a report file, or incomplete",
            ReportProblem::NewerSchema => "made by a newer version of the app",
            ReportProblem::NeedPassphrase => "no passphrase entered",
            ReportProblem::WrongPassphrase => "different passphrase",
            ReportProblem::Tampered => "changed after it was made",
            ReportProblem::OtherProfile => "another profile",
        }
    }

    /// What the town can do about it.
    pub fn action_zh(self) -> &'static str {
        match self {
            ReportProblem::NotAReport => "请让站点在“导出”页重新生成报送文件并发送。",
            ReportProblem::NewerSchema => "请使用最新版本的自评台。",
            ReportProblem::NeedPassphrase => "请在导入页“汇总报送”处输入本镇的口令后重新导入。",
            ReportProblem::WrongPassphrase => "请核对本镇的口令，或让站点用本镇发给他们的口令重新生成并发送。",
            ReportProblem::Tampered => "请让站点重新生成并发送报送文件，不要手工修改。",
            ReportProblem::OtherProfile => "请让站点选择本镇的考核方案后重新生成并发送。",
        }
    }

    pub fn action_en(self) -> &'static str {
        match self {
            ReportProblem::NotAReport => {
                "Ask the station to make its report file again on the Export screen and send it."
            }
            ReportProblem::NewerSchema => "Use the latest version of the app.",
            ReportProblem::NeedPassphrase => {
                "Enter the town's passphrase under \"Station reports\" on the Import screen and import again."
            }
            ReportProblem::WrongPassphrase => {
                "Check the town's passphrase, or ask the station to make and send it again with the one the town gave."
            }
            ReportProblem::Tampered => "Ask the station to make and send its report file again, unedited.",
            ReportProblem::OtherProfile => "Ask the station to choose the town's profile, then make and send it again.",
        }
    }

    /// What is wrong with `file` and what to do, in Chinese (`detail`: serde's words, the
    /// versions or the profiles).
    pub fn message_zh(self, file: &str, detail: &str) -> String {
        match self {
            ReportProblem::NotAReport => {
                format!("文件「{file}」不是本系统生成的报送文件，或内容不完整（{detail}），未计入。请让站点在“导出”页重新生成报送文件。")
            }
            ReportProblem::NewerSchema => format!(
                "报送文件「{file}」由更新版本的自评台生成（{detail}），本页面读不了，未计入。请使用最新版本的自评台。"
            ),
            ReportProblem::NeedPassphrase => format!(
                "「{file}」是站点的报送文件，需要本镇的报送口令才能汇总，未计入。请在导入页“汇总报送”处输入口令后重新导入。"
            ),
            ReportProblem::WrongPassphrase => format!(
                "这个报送文件使用了不同的口令（「{file}」），未计入。请核对本镇的口令，或让站点用本镇发给他们的口令重新生成。"
            ),
            ReportProblem::Tampered => format!(
                "报送文件「{file}」生成后被改动过（校验不符），未计入。请让站点重新生成并发送，不要手工修改报送文件。"
            ),
            ReportProblem::OtherProfile => format!(
                "报送文件「{file}」按另一套考核方案生成（{detail}），与本镇的方案不同，未计入。请让站点选择本镇的方案后重新生成。"
            ),
        }
    }

    /// The same in English.
    pub fn message_en(self, file: &str, detail: &str) -> String {
        match self {
            ReportProblem::NotAReport => format!(
                "\"{file}\" is not a report file made by this app, or it is incomplete ({detail}); not counted. Ask the station to make its report file again on the Export screen."
            ),
            ReportProblem::NewerSchema => format!(
                "The report file \"{file}\" was made by a newer version of the app ({detail}) and cannot be read here; not counted. Use the latest version."
            ),
            ReportProblem::NeedPassphrase => format!(
                "\"{file}\" is a station's report file and needs the town's passphrase; not counted. Enter it under \"Station reports\" on the Import screen and import again."
            ),
            ReportProblem::WrongPassphrase => format!(
                "This report file was made with a different passphrase (\"{file}\"); not counted. Check the town's passphrase, or ask the station to make it again with the one the town gave."
            ),
            ReportProblem::Tampered => format!(
                "The report file \"{file}\" was changed after it was made (its seal does not match); not counted. Ask the station to make and send it again, and do not edit report files."
            ),
            ReportProblem::OtherProfile => format!(
                "The report file \"{file}\" was made under another profile ({detail}) than the town's; not counted. Ask the station to choose the town's profile and make it again."
            ),
        }
    }
}

/// The station a report file names, read leniently (any other field may be wrong, the
/// passphrase unknown): a refused file is named by its station where it can be.
pub fn station_of(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    #[derive(Deserialize)]
    struct Named {
        #[serde(default)]
        station: Option<String>,
    }
    let named: Named = serde_json::from_str(text).ok()?;
    named.station.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A file's first bytes say it is a report file (the schema is written first).
pub fn looks_like_report(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let rest = &head[start..];
    rest.starts_with(b"{")
        && rest.len() > 1
        && memchr::memmem::find(&rest[..rest.len().min(256)], SCHEMA.as_bytes()).is_some()
}

impl ReportFile {
    /// The file's text, sealed with `key`.
    pub fn write(mut self, key: &Passkey) -> String {
        self.seal = String::new();
        let body = serde_json::to_string(&self).unwrap_or_default();
        self.seal = key.seal(&body);
        // compact, as the seal's body: a pretty writer would compile every writer again
        serde_json::to_string(&self).unwrap_or_default()
    }

    /// Reads and checks a report file: the schema, the passphrase, the seal. `derive` gives
    /// the key for the file's key derivation (the town derives it once per round count).
    pub fn read(bytes: &[u8], key: Option<&dyn Fn(&Kdf) -> Passkey>) -> Result<ReportFile, (ReportProblem, String)> {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        // read from text, as every other JSON of the app (one compiled reader, not two)
        let text = std::str::from_utf8(bytes).map_err(|e| (ReportProblem::NotAReport, e.to_string()))?;
        // the version first, so a newer file is told apart from a broken one
        #[derive(Deserialize)]
        struct Head {
            schema: String,
            schema_version: u32,
        }
        let head: Head = serde_json::from_str(text).map_err(|e| (ReportProblem::NotAReport, e.to_string()))?;
        if head.schema != SCHEMA {
            return Err((ReportProblem::NotAReport, format!("schema {}", head.schema)));
        }
        if head.schema_version > SCHEMA_VERSION {
            return Err((
                ReportProblem::NewerSchema,
                format!(
                    "格式版本 {} > {SCHEMA_VERSION} / schema version {} > {SCHEMA_VERSION}",
                    head.schema_version, head.schema_version
                ),
            ));
        }
        let file: ReportFile = serde_json::from_str(text).map_err(|e| (ReportProblem::NotAReport, e.to_string()))?;
        if file.kdf.alg != KDF || file.kdf.salt != SALT || file.kdf.iterations == 0 {
            return Err((ReportProblem::NotAReport, format!("kdf {} / {}", file.kdf.alg, file.kdf.salt)));
        }
        let Some(derive) = key else { return Err((ReportProblem::NeedPassphrase, String::new())) };
        let key = derive(&file.kdf);
        if key.check() != file.check {
            return Err((ReportProblem::WrongPassphrase, String::new()));
        }
        let seal = file.seal.clone();
        let body = serde_json::to_string(&ReportFile { seal: String::new(), ..file.clone() }).unwrap_or_default();
        if key.seal(&body) != seal {
            return Err((ReportProblem::Tampered, String::new()));
        }
        Ok(file)
    }
}
