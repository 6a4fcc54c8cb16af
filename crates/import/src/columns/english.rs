//! English headers read with the same rules as Chinese ones: the header is split into words
//! (spaces, `_`, `-`, `/`, camelCase), each word or set phrase put into the Chinese word a
//! clerk would write, in Chinese order (`Date of Service` → 服务日期, `Hours Served` →
//! 服务时长), and the result read by the head-word rules of `meaning.rs`. A word this table
//! does not know is kept as it is, so the words before a head still decide whose it is
//! (`Emergency Contact Name` is nobody's 姓名 here).

/// Set phrases first (longest first within the table), then single words.
const PHRASES: &[(&str, &str)] = &[
    ("national id number", "证件号码"),
    ("identification number", "证件号码"),
    ("identity card number", "证件号码"),
    ("id card number", "证件号码"),
    ("identity card", "证件号码"),
    ("id card", "证件号码"),
    ("id number", "证件号码"),
    ("id no", "证件号码"),
    ("national id", "证件号码"),
    ("hkid", "证件号码"),
    ("hkid number", "证件号码"),
    ("passport number", "证件号码"),
    ("passport no", "证件号码"),
    ("nric", "证件号码"),
    ("ic number", "证件号码"),
    ("id type", "证件类型"),
    ("phone number", "手机号码"),
    ("mobile number", "手机号码"),
    ("mobile phone", "手机号码"),
    ("cell phone", "手机号码"),
    ("contact number", "联系电话"),
    ("telephone number", "电话号码"),
    ("tel no", "电话号码"),
    ("phone no", "电话号码"),
    ("full name", "姓名"),
    ("first name", "名字"),
    ("given name", "名字"),
    ("last name", "姓氏部分"),
    ("family name", "姓氏部分"),
    ("date of birth", "出生日期"),
    ("birth date", "出生日期"),
    ("email address", "电子邮箱"),
    ("e mail", "电子邮箱"),
    ("start time", "开始时间"),
    ("end time", "结束时间"),
    ("finish time", "结束时间"),
    ("time in", "签到时间"),
    ("time out", "签退时间"),
    ("check in", "签到时间"),
    ("check out", "签退时间"),
    ("sign in", "签到时间"),
    ("sign out", "签退时间"),
    ("clock in", "签到时间"),
    ("clock out", "签退时间"),
    ("start date", "开始日期"),
    ("end date", "结束日期"),
    ("join date", "加入日期"),
    ("date joined", "加入日期"),
    ("joined on", "加入日期"),
    ("member since", "加入日期"),
    ("registration date", "注册日期"),
    ("date registered", "注册日期"),
    ("registered on", "注册日期"),
    ("sign up date", "注册日期"),
    ("signup date", "注册日期"),
    ("cumulative hours", "累计时长"),
    ("lifetime hours", "累计时长"),
    ("hours to date", "累计时长"),
    ("annual hours", "年度时长"),
    ("hours this year", "年度时长"),
    ("ytd hours", "年度时长"),
    ("political status", "政治面貌"),
    ("political affiliation", "政治面貌"),
    ("time slot", "时段"),
    ("contact id", "用户编号"),
    ("date time", "日期"),
    ("learning hours", "培训"),
    ("duration minutes", "分钟数"),
    ("duration in minutes", "分钟数"),
    ("attendance count", "参与人数"),
    ("attendance number", "参与人数"),
    ("time period", "时段"),
    ("emergency contact", "紧急联系人"),
    ("contact person", "联系人"),
];

const WORDS: &[(&str, &str)] = &[
    ("checkin", "签到时间"),
    ("checkout", "签退时间"),
    ("signin", "签到时间"),
    ("signout", "签退时间"),
    ("clockin", "签到时间"),
    ("clockout", "签退时间"),
    ("name", "姓名"),
    ("names", "姓名"),
    ("volunteer", "志愿者"),
    ("volunteers", "志愿者"),
    ("participant", "参与人"),
    ("participants", "参与人"),
    ("attendee", "参与人"),
    ("attendees", "参与人"),
    ("member", "会员"),
    ("student", "学生"),
    ("people", "人"),
    ("persons", "人"),
    ("person", "人"),
    ("headcount", "参与人数"),
    ("attendance", "出勤"),
    ("attended", "实到人数"),
    ("learning", "培训"),
    ("user", "用户"),
    ("at", "时间"),
    ("occurred", ""),
    ("from", "起"),
    ("to", "止"),
    ("date", "日期"),
    ("day", "日期"),
    ("time", "时间"),
    ("when", "时间"),
    ("hours", "时长"),
    ("hour", "时长"),
    ("hrs", "时长"),
    ("hr", "时长"),
    ("duration", "时长"),
    ("minutes", "分钟数"),
    ("mins", "分钟数"),
    ("event", "活动"),
    ("events", "活动"),
    ("activity", "活动"),
    ("activities", "活动"),
    ("project", "项目"),
    ("program", "项目"),
    ("programme", "项目"),
    ("opportunity", "项目"),
    ("shift", ""),
    ("post", "岗位"),
    ("position", "岗位"),
    ("role", "岗位"),
    ("duty", "岗位"),
    ("task", "岗位"),
    ("assignment", "岗位"),
    ("service", "服务"),
    ("served", "服务"),
    ("worked", "服务"),
    ("volunteered", "服务"),
    ("logged", "服务"),
    ("spent", "服务"),
    ("organization", "组织"),
    ("organisation", "组织"),
    ("org", "组织"),
    ("agency", "组织"),
    ("organiser", "主办单位"),
    ("organizer", "主办单位"),
    ("host", "主办单位"),
    ("team", "队伍"),
    ("group", "队伍"),
    ("station", "站点"),
    ("site", "站点"),
    ("branch", "站点"),
    ("unit", "单位"),
    ("department", "部门"),
    ("dept", "部门"),
    ("community", "社区"),
    ("centre", "服务中心"),
    ("center", "服务中心"),
    ("gender", "性别"),
    ("sex", "性别"),
    ("phone", "电话"),
    ("mobile", "手机"),
    ("tel", "电话"),
    ("telephone", "电话"),
    ("cell", "手机"),
    ("contact", "联系方式"),
    ("email", "电子邮箱"),
    ("mail", "电子邮箱"),
    ("address", "地址"),
    ("location", "地点"),
    ("venue", "地点"),
    ("place", "地点"),
    ("notes", "备注"),
    ("note", "备注"),
    ("remarks", "备注"),
    ("remark", "备注"),
    ("comments", "备注"),
    ("comment", "备注"),
    ("status", "状态"),
    ("category", "类别"),
    ("type", "类型"),
    ("theme", "主题"),
    ("topic", "主题"),
    ("training", "培训"),
    ("description", "内容"),
    ("details", "内容"),
    ("title", "名称"),
    ("total", ""),
    ("age", "年龄"),
    ("birthday", "生日"),
    ("dob", "出生日期"),
    ("school", "学校"),
    ("college", "学院"),
    ("faculty", "学院"),
    ("class", "班级"),
    ("grade", "年级"),
    ("year", "年度"),
    ("month", "月份"),
    ("points", "积分"),
    ("score", "评分"),
    ("username", "用户名"),
    ("login", "账号"),
    ("approved", "审核"),
    ("verified", "审核"),
    ("approval", "审核状态"),
    ("id", "编号"),
    ("code", "编号"),
    ("no", "编号"),
    ("number", "编号"),
    ("num", "编号"),
    ("count", "数"),
    ("timestamp", "提交时间"),
    ("scout", "队员"),
    ("vol", "志愿者"),
    ("created", "创建"),
    ("joined", "加入日期"),
    ("ic", "证件"),
    ("hp", "手机"),
    ("start", "开始"),
    ("begin", "开始"),
    ("end", "结束"),
    ("finish", "结束"),
    ("application", "申请"),
    ("applied", "申请"),
    ("display", ""),
    ("uid", "用户编号"),
    ("the", ""),
    ("print", ""),
    ("please", ""),
    ("enter", ""),
    ("your", ""),
    ("a", ""),
    ("of", ""),
    ("for", ""),
    ("s", ""),
];

/// True for a header written in Latin letters (no Chinese), which this module reads.
pub fn is_english(raw: &str) -> bool {
    // a full-width note (`student（required）`) is punctuation, not Chinese
    let cjk =
        |c: char| c > '\u{2e80}' && !('\u{ff00}'..='\u{ffef}').contains(&c) && !('\u{3000}'..='\u{303f}').contains(&c);
    raw.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2 && !raw.chars().any(cjk)
}

/// The header's words, lower-cased: camelCase, `_`, `-`, `/`, `.`, `#` and spaces split
/// them; bracketed notes (`Hours (approx.)`) and `'s` are dropped; `#` reads as "number".
fn words(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut depth = 0u32;
    let mut prev: Option<char> = None;
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word).to_lowercase());
        }
    };
    for c in raw.chars() {
        match c {
            '(' | '[' | '（' | '【' => depth += 1,
            ')' | ']' | '）' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '#' => {
                flush(&mut word, &mut out);
                out.push("number".into());
            }
            '\'' | '\u{2019}' => {
                flush(&mut word, &mut out);
            }
            c if c.is_ascii_alphanumeric() => {
                // a capital after a small letter starts a word (volunteerName, serviceHours)
                if c.is_ascii_uppercase() && prev.is_some_and(|p| p.is_ascii_lowercase()) {
                    flush(&mut word, &mut out);
                }
                word.push(c);
            }
            _ => flush(&mut word, &mut out),
        }
        prev = Some(c);
    }
    flush(&mut word, &mut out);
    out
}

/// A form's questions (`How many hours did you clock?`, `Which day is this for?`) read by
/// the phrase that asks: other words of a question say nothing sure.
const QUESTIONS: &[(&str, &str)] = &[
    ("how many hours", "时长"),
    ("hours did you", "时长"),
    ("how long", "时长"),
    ("which day", "日期"),
    ("what day", "日期"),
    ("which date", "日期"),
    ("what date", "日期"),
    ("when did", "日期"),
    ("your full name", "姓名"),
    ("your name", "姓名"),
    ("your phone", "手机号码"),
    ("your mobile", "手机号码"),
    ("your email", "电子邮箱"),
];

/// The Chinese a clerk would write for an English header, or `None` when it is not English.
pub fn to_chinese(raw: &str) -> Option<String> {
    if !is_english(raw) {
        return None;
    }
    let lower = raw.to_lowercase();
    let question = lower.trim_end().ends_with('?')
        || ["how ", "what ", "which ", "who ", "when ", "where ", "did ", "do ", "is ", "are "]
            .iter()
            .any(|w| lower.starts_with(w));
    if question {
        let flat = words(raw).join(" ");
        return QUESTIONS.iter().find(|(q, _)| flat.contains(q)).map(|(_, z)| (*z).to_string());
    }
    let mut words = words(raw);
    // a person's team or department alone (a roster's `Team`, `Departments`): their unit;
    // a `Shift` alone: what was done
    if let [w] = words.as_slice() {
        match w.as_str() {
            "team" | "teams" | "department" | "departments" | "unit" | "branch" | "region" | "chapter" => {
                return Some("所属组织".into())
            }
            "shift" | "shifts" => return Some("班次".into()),
            _ => {}
        }
    }
    // "X of Y" / "X for Y": Y X (Date of Service → Service Date)
    if let Some(at) = words.iter().position(|w| w == "of" || w == "for") {
        if at > 0 && at + 1 < words.len() {
            let (head, rest) = words.split_at(at);
            let mut turned: Vec<String> = rest[1..].to_vec();
            turned.extend_from_slice(head);
            words = turned;
        }
    }
    // a participle after the head goes before it (Hours Served → Served Hours)
    const AFTER: &[&str] = &["served", "worked", "volunteered", "logged", "spent", "completed"];
    if words.len() >= 2 && words.last().is_some_and(|w| AFTER.contains(&w.as_str())) {
        if let Some(w) = words.pop() {
            words.insert(0, w);
        }
    }
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let phrase = (2..=4).rev().filter(|n| i + n <= words.len()).find_map(|n| {
            let p = words[i..i + n].join(" ");
            PHRASES.iter().find(|(e, _)| *e == p).map(|(_, z)| (n, *z))
        });
        if let Some((n, z)) = phrase {
            out.push(z);
            i += n;
            continue;
        }
        let w = words[i].as_str();
        let z = PHRASES.iter().chain(WORDS).find(|(e, _)| *e == w).map_or(w, |(_, z)| *z);
        // a name after an event is its title (Event Name → 活动名称); a number after
        // people is how many (Participants Number → 参与人数)
        let z = match (out.last().copied(), z) {
            (Some("活动" | "项目" | "组织" | "队伍" | "站点" | "培训" | "岗位" | "服务中心" | "单位"), "姓名") => {
                "名称"
            }
            (Some("参与人" | "人" | "志愿者"), "数") => "人数",
            (Some("参与人" | "人"), "编号") if i + 1 == words.len() => "人数",
            (Some("学生"), "编号") => "学号",
            (Some(last), "编号") if last.ends_with("号码") => "",
            (Some("手机" | "电话" | "联系方式" | "证件"), "编号") => "号码",
            _ => z,
        };
        if (z == "人数" || z == "学号") && out.last().is_some_and(|l| matches!(*l, "参与人" | "人" | "学生"))
        {
            // 参与人 + 人数 → 参与人数; 学生 + 学号 → 学号; 人 + 人数 → 人数
            let last = out.pop().unwrap_or_default();
            out.push(if last == "参与人" { "参与" } else { "" });
        }
        out.push(z);
        i += 1;
    }
    let text: String = out.concat();
    (!text.is_empty()).then_some(text)
}

/// The head word of an English header that puts it first (`Date Hours Occurred`,
/// `Name (Last, First)`): the first word's Chinese, when it is a head a clerk reads alone.
pub fn first_word(raw: &str) -> Option<String> {
    if !is_english(raw) {
        return None;
    }
    const HEADS: &[&str] = &["date", "name", "hours", "day", "duration", "phone", "mobile", "event", "activity"];
    let first = words(raw).into_iter().next()?;
    HEADS
        .contains(&first.as_str())
        .then(|| WORDS.iter().find(|(e, _)| *e == first).map(|(_, z)| z.to_string()))
        .flatten()
}

/// True when an English header names someone other than the volunteer (an emergency
/// contact, a parent, a supervisor, the record's creator).
pub fn names_someone_else(raw: &str) -> bool {
    const OTHERS: &[&str] = &[
        "emergency",
        "parent",
        "guardian",
        "supervisor",
        "organizer",
        "organiser",
        "creator",
        "contact",
        "leader",
        "manager",
        "coordinator",
        "donor",
        "staff",
        "teacher",
        "mentor",
        "captain",
    ];
    words(raw).iter().any(|w| OTHERS.contains(&w.as_str()))
}

/// The text the meaning rules read for a raw header: its Chinese when it is English,
/// normalised either way.
pub fn lookup_text(raw: &str) -> String {
    match to_chinese(raw) {
        Some(z) => crate::columns::synonyms::normalize_header(&z),
        None => crate::columns::synonyms::normalize_header(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_headers_in_chinese_order() {
        let cases = [
            ("Name", "姓名"),
            ("Volunteer Name", "志愿者姓名"),
            ("volunteerName", "志愿者姓名"),
            ("Date of Service", "服务日期"),
            ("Hours Served", "服务时长"),
            ("serviceHours", "服务时长"),
            ("Event", "活动"),
            ("Event Name", "活动名称"),
            ("Number of Participants", "参与人数"),
            ("No. of Participants", "参与人数"),
            ("Phone Number", "手机号码"),
            ("ID Number", "证件号码"),
            ("Student ID", "学号"),
            ("Emergency Contact Name", "紧急联系人姓名"),
            ("Volunteer's Name", "志愿者姓名"),
            ("Hours (approx.)", "时长"),
            ("First Name", "名字"),
            ("Total Hours", "时长"),
            ("Total Hours Worked", "服务时长"),
            ("Cumulative Hours", "累计时长"),
            ("Member #", "会员编号"),
            ("Mobile No.", "手机号码"),
            ("IC No", "证件号码"),
            ("Contact No.", "联系方式号码"),
        ];
        for (en, zh) in cases {
            assert_eq!(to_chinese(en).as_deref(), Some(zh), "{en}");
        }
        assert_eq!(to_chinese("姓名"), None);
        assert_eq!(to_chinese("X"), None);
    }
}
