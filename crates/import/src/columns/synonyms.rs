//! Column names → fields, per role (indicators.md §2). This table is the whole vocabulary:
//! header matching, role detection and the "expected headers" hints all read it.
//!
//! Matching is exact after [`normalize_header`] (spaces, line breaks, `*`, bracketed notes
//! like `（必填）` removed; full-width folded; ASCII lower-cased).
//!
//! Decision — unqualified hours on a roster: 服务时长 / 志愿时长 / 总时长 / 志愿服务时长 on a
//! *volunteers* sheet mean [`Field::CumulativeHours`]. National-system exports put the
//! lifetime total there, and reading it as this year's hours would overstate 年人均时长
//! (X3), the worse mistake; a clerk whose column really is this year's maps it by hand
//! (the mapping is remembered). On a *records* sheet the same words are that record's
//! [`Field::Hours`].
//!
//! Decision — 社区 / 所属社区 are synonyms of 所属站点 in every role. Since every role has a
//! station column, they add the same weight to every role and cannot tip role detection;
//! matching is exact, so a title like `新桥社区志愿者名册` never matches.

use crate::cell_parsers::fold::fold_char;
use rustc_hash::FxHashMap;
use scorecard_model::model::{Field, Role};
use std::collections::HashMap;
use std::sync::OnceLock;

use Field::*;
use Role::*;

/// One row of the vocabulary: these header texts mean `field` on sheets of these roles.
/// Synonyms are listed most specific first; the canonical label (`Field::label_zh`) is among them.
pub struct Synonym {
    pub field: Field,
    pub roles: &'static [Role],
    pub names: &'static [&'static str],
}

const PEOPLE: &[Role] = &[Volunteers, Records];
const ALL_ROLES: &[Role] = &[Volunteers, Records, Activities, Trainings];

/// The vocabulary. Names are stored normalised (see the test).
pub const SYNONYMS: &[Synonym] = &[
    Synonym {
        field: VolunteerNo,
        roles: PEOPLE,
        names: &["志愿者编号", "注册编号", "志愿者注册编号", "志愿者id", "志愿者号", "编号"],
    },
    Synonym { field: Name, roles: PEOPLE, names: &["姓名", "志愿者姓名", "志愿者"] },
    Synonym { field: Gender, roles: &[Volunteers], names: &["性别"] },
    Synonym {
        field: IdNumber,
        roles: PEOPLE,
        names: &["证件号码", "身份证号码", "身份证号", "证件号", "身份证", "公民身份号码", "身份证件号码"],
    },
    Synonym {
        field: Phone,
        roles: PEOPLE,
        names: &["手机号码", "手机号", "手机", "联系电话", "电话", "电话号码", "联系方式"],
    },
    Synonym { field: Political, roles: &[Volunteers], names: &["政治面貌"] },
    Synonym {
        field: RegisteredOn, roles: &[Volunteers], names: &["注册日期", "注册时间", "加入时间", "加入日期"]
    },
    Synonym {
        field: Station,
        roles: ALL_ROLES,
        names: &["所属站点", "站点", "服务站", "所属服务站", "志愿服务站", "所属组织", "组织单位", "所属社区", "社区"],
    },
    Synonym { field: UnitType, roles: &[Volunteers], names: &["单位类型"] },
    Synonym {
        field: AnnualHours,
        roles: &[Volunteers],
        names: &["年度服务时长", "本年度服务时长", "本年服务时长", "年度志愿时长", "年度时长"],
    },
    Synonym {
        field: CumulativeHours,
        roles: &[Volunteers],
        names: &[
            "累计服务时长",
            "累计志愿时长",
            "累计时长",
            "服务总时长",
            "服务时长",
            "志愿时长",
            "志愿服务时长",
            "总时长",
        ],
    },
    Synonym {
        field: ActivityName,
        roles: &[Records, Activities],
        names: &["活动名称", "项目名称", "服务项目", "活动项目"],
    },
    Synonym { field: Date, roles: &[Records], names: &["服务日期", "日期", "服务时间"] },
    // §2 lists 开始时间 among the date's names: it is read as the start, which gives the
    // record its date when the sheet has no date column (and, with an end, its hours).
    Synonym { field: Start, roles: &[Records], names: &["签到时间", "服务开始时间", "开始时间"] },
    Synonym { field: End, roles: &[Records], names: &["签退时间", "服务结束时间", "结束时间"] },
    Synonym { field: TimeSpan, roles: &[Records], names: &["服务时段", "起止时间", "服务起止时间"] },
    Synonym {
        field: Hours,
        roles: &[Records],
        names: &["服务时长", "时长", "小时数", "服务小时数", "志愿时长", "志愿服务时长"],
    },
    Synonym {
        field: Date, roles: &[Activities], names: &["活动日期", "日期", "开展时间", "活动时间", "开展日期"]
    },
    Synonym {
        field: Theme,
        roles: &[Activities],
        names: &["活动主题", "主题", "类别", "标签", "活动类别", "活动类型", "服务类别"],
    },
    Synonym {
        field: Team,
        roles: &[Activities],
        names: &["服务队", "专业类别", "队伍", "志愿服务队", "服务队伍", "志愿者队伍"],
    },
    Synonym { field: Holiday, roles: &[Activities], names: &["节庆日", "节日", "节庆", "节假日"] },
    Synonym {
        field: Participants,
        roles: &[Activities],
        names: &["参与人数", "参加人数", "参与志愿者人数", "志愿者人数", "人数"],
    },
    Synonym { field: Plan, roles: &[Activities], names: &["方案", "活动方案"] },
    Synonym { field: Record, roles: &[Activities], names: &["记录"] },
    Synonym { field: Brief, roles: &[Activities], names: &["简报", "活动简报", "信息简报"] },
    Synonym { field: Photo, roles: &[Activities], names: &["图片", "照片", "活动照片", "活动图片"] },
    Synonym { field: Date, roles: &[Trainings], names: &["培训日期", "日期", "培训时间"] },
    Synonym { field: Topic, roles: &[Trainings], names: &["培训主题", "主题", "培训内容", "培训名称"] },
    Synonym { field: Station, roles: &[Trainings], names: &["参训站点", "培训站点"] },
    Synonym { field: TrainingKind, roles: &[Trainings], names: &["培训类型", "培训类别", "类型"] },
    Synonym {
        field: Participants,
        roles: &[Trainings],
        names: &["参训人数", "参与人数", "参加人数", "培训人数", "人数"],
    },
];

/// The fields a role cannot do without, for role detection: a sheet lacking one of the
/// groups is not a sheet of that role. Each group is met by any of its fields: a roster needs
/// a person (number, ID or name); a service record a person, a date (or a start time) and
/// hours (or start and end times, or a time span); activities and trainings a date.
pub fn required_for_role(role: Role) -> &'static [&'static [Field]] {
    match role {
        // a roster lists people: a number, an ID or a name
        Volunteers => &[&[VolunteerNo, IdNumber, Name]],
        Records => &[&[VolunteerNo, IdNumber, Name], &[Date, Start, TimeSpan], &[Hours, End, TimeSpan]],
        Activities => &[&[Date]],
        Trainings => &[&[Date]],
    }
}

/// One meaning of a header text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub role: Role,
    pub field: Field,
    /// Position in the synonym list: 0 = the most specific name.
    pub rank: u8,
}

fn index() -> &'static HashMap<&'static str, Vec<Hit>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<Hit>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<Hit>> = HashMap::new();
        for syn in SYNONYMS {
            for (rank, name) in syn.names.iter().enumerate() {
                for &role in syn.roles {
                    let rank = u8::try_from(rank).unwrap_or(u8::MAX);
                    m.entry(name).or_default().push(Hit { role, field: syn.field, rank });
                }
            }
        }
        m
    })
}

/// Every meaning of an already-normalised header text (empty when unknown).
pub fn lookup(normalized: &str) -> &'static [Hit] {
    index().get(normalized).map(Vec::as_slice).unwrap_or(&[])
}

/// Header text as matched: full-width and traditional characters folded (`身份證號碼`),
/// ASCII lower-cased, with whitespace (line breaks included), `*` marks, bracketed notes
/// (`（必填）`, `(小时)`, `【…】`), a form's prompt (`请输入姓名`), a questionnaire's question
/// number (`1、您的姓名`) and what follows a colon (`签到类型：CHECKIN-签到`) removed.
pub fn normalize_header(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut depth = 0u32;
    for c in raw.chars().map(fold_char) {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '《' => depth += 1,
            ')' | ']' | '】' | '〕' | '>' | '》' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || c == '*' || c == '\u{a0}' => {}
            c => out.extend(fold_traditional(c).to_lowercase()),
        }
    }
    // a form's prompt before the field (请输入姓名, 请选择性别): the field
    for prompt in ["请输入您的", "请输入", "请选择", "请填写", "请上传", "请填入"] {
        if let Some(rest) = out.strip_prefix(prompt).filter(|r| !r.is_empty()) {
            out = rest.to_string();
            break;
        }
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 3 {
        if let Some(rest) = out[digits..].strip_prefix('、').or_else(|| out[digits..].strip_prefix('.')) {
            if !rest.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit()) {
                out = rest.to_string();
            }
        }
    }
    // an explanation in codes after a colon (`签到类型：CHECKIN-签到`, `状态:0-待审核`); a value
    // after it (`所属社区：新桥`, a banner's `联系电话：138…`) keeps the cell from reading as a header
    if let Some(i) = out.find(':').filter(|&i| i > 0) {
        if out[i + 1..].starts_with(|c: char| c.is_ascii_alphanumeric())
            && !out[i + 1..].bytes().all(|b| b.is_ascii_digit())
        {
            out.truncate(i);
        }
    }
    while out.ends_with(':') {
        out.pop();
    }
    out
}

/// True for a header needing [`normalize_header`]'s rarer steps (a leading number, a colon
/// inside): [`normalizes_to`] then compares through it.
fn needs_full_normalising(raw: &str) -> bool {
    raw.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || raw.trim_end_matches([':', '：', ' ']).contains([':', '：'])
}

/// `normalize_header(raw) == leaf` without allocating: compares while normalising and stops
/// at the first difference. Runs on every mapped text cell of every row (repeated-header
/// check), where the allocating form was 7 % of an import's instructions. `leaf` is a
/// normalised header (so it never ends with `:`).
pub fn normalizes_to(raw: &str, leaf: &str) -> bool {
    // A cell opening with three digits or more (an ID, a phone, a date written as text) keeps
    // them first when normalised (only a list number of one or two is dropped), so it equals
    // no leaf that does not open with a digit: answered without the allocating path, which
    // such cells took on every row (a third of a 10k import).
    if raw.bytes().take_while(u8::is_ascii_digit).count() >= 3 && !leaf.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if needs_full_normalising(raw) {
        return normalize_header(raw) == leaf;
    }
    let mut want = leaf.chars();
    let mut depth = 0u32;
    let mut leaf_done = leaf.is_empty();
    for c in raw.chars().map(fold_char) {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '《' => depth += 1,
            ')' | ']' | '】' | '〕' | '>' | '》' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || c == '*' || c == '\u{a0}' => {}
            c => {
                for l in fold_traditional(c).to_lowercase() {
                    // Past the leaf only trailing colons may follow (normalize_header drops them).
                    if leaf_done {
                        if l != ':' {
                            return false;
                        }
                    } else if want.next() != Some(l) {
                        return false;
                    } else if want.as_str().is_empty() {
                        leaf_done = true;
                    }
                }
            }
        }
    }
    leaf_done
}

/// True when the raw header says its numbers are minutes (`服务时长（分钟）`).
pub fn header_says_minutes(raw: &str) -> bool {
    raw.contains("分钟")
        || raw.contains("分鐘")
        || raw.to_lowercase().contains("(min")
        || raw.to_lowercase().contains("minutes")
}

/// Traditional characters of the header vocabulary folded to simplified ones, so
/// 身份證號碼, 誌願者編號, 服務時數 read as their simplified forms. Headers only: cell text
/// keeps what was typed.
pub fn fold_traditional(c: char) -> char {
    const PAIRS: &str = "誌志願愿編编號号碼码證证員员務务時时長长數数計计類类別别電电話话機机屬属單单點点區区組组織织團团隊队動动稱称項项題题參参與与練练訓训記记錄录簡简報报圖图額额歷历週周齡龄黨党註注冊册間间開开結结節节慶庆專专業业聯联繫系係系驗验統统總总積积請请遲迟確确認认狀状態态學学級级歲岁門门戶户衛卫醫医療疗環环護护導导師师費费會会實实際际戰战勝胜紀纪劃划備备檔档對对兒儿殘残職职貧贫幫帮藝艺體体禮礼讀读書书勞劳華华陽阳誕诞憲宪國国園园場场當当歸归隸隶構构鎮镇鄉乡縣县圍围義义簽签達达標标準准網网絡络傳传蘭兰館馆種种號号碼码話话聯联繫系絡络員员機机構构門门戶户證证號号關关愛爱空空巢巢獨独孤孤寡寡齡龄兒儿童童困困難难職职工工殘残疾疾黨党員员遊游覽览交交通通網网絡络與与態态鄰邻裡里舉举辦办廣广東东處处邊边線线內内鐘钟協协頁页課课輸输選选擇择資资訊讯訖讫誤误獎奖勵励";
    static MAP: OnceLock<FxHashMap<char, char>> = OnceLock::new();
    if (c as u32) < 0x4E00 {
        return c;
    }
    let map = MAP.get_or_init(|| {
        let chars: Vec<char> = PAIRS.chars().collect();
        chars.chunks_exact(2).filter(|p| p[0] != p[1]).map(|p| (p[0], p[1])).collect()
    });
    map.get(&c).copied().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn normalizes_to_agrees_with_normalize_header() {
        let raws = [
            "姓名",
            " 姓 名 ",
            "姓名：",
            "姓名::",
            "*姓名",
            "姓名（必填）",
            "【姓名】",
            "姓名(x)：",
            "ＩＤ",
            "Id",
            "ID:",
            "",
            "：",
            "  ",
            "姓",
            "姓名a",
            "a:b",
            "ab:",
            "服务时长（小时）",
            "服务时长(分钟)",
            "Ⅰ",
            "İd",
            "(((",
            ")姓名",
            "姓名\u{a0}",
            "志愿者编号",
            "ß",
            "身份證號碼",
            "1、您的姓名",
            "12.姓名",
            "2019年",
            "签到类型：checkin",
            "a:b:",
            "１、姓名",
            "1.5",
            "所属社区：新桥",
            "电话:138",
            "状态:0-待审核",
            "11010519491231002X",
            "13800000001",
            "2017-03-01",
            "2017/3/5 9:00",
            "123、姓名",
            "99、姓名",
            "100",
        ];
        let mut leaves: Vec<String> = raws.iter().map(|r| normalize_header(r)).collect();
        leaves.extend(["", "a", "ab", "姓名", "id", "a:b", "1", "123"].map(String::from));
        for raw in raws {
            for leaf in &leaves {
                assert_eq!(normalizes_to(raw, leaf), normalize_header(raw) == *leaf, "{raw:?} vs {leaf:?}");
            }
        }
    }

    #[test]
    fn no_synonym_means_two_fields_in_one_role() {
        for role in Role::ALL {
            let mut seen: HashMap<&str, Field> = HashMap::new();
            for syn in SYNONYMS.iter().filter(|s| s.roles.contains(&role)) {
                for name in syn.names {
                    if let Some(other) = seen.insert(name, syn.field) {
                        assert_eq!(other, syn.field, "{name} means two fields on a {role:?} sheet");
                    }
                }
            }
        }
    }

    #[test]
    fn every_field_of_every_role_has_its_canonical_label() {
        for role in Role::ALL {
            for &field in role.fields() {
                let label = normalize_header(field.label_zh());
                assert!(
                    lookup(&label).iter().any(|h| h.role == role && h.field == field),
                    "{role:?}/{field:?}: canonical label {label} is not a synonym"
                );
            }
        }
    }

    #[test]
    fn entries_are_normalised_fit_their_roles_and_are_not_ignored() {
        let ignored: HashSet<&str> = crate::columns::meaning::IGNORED_HEADERS.iter().copied().collect();
        for syn in SYNONYMS {
            for &role in syn.roles {
                assert!(role.fields().contains(&syn.field), "{:?} is not a {role:?} field", syn.field);
            }
            for name in syn.names {
                assert_eq!(normalize_header(name), *name, "{name} must be stored normalised");
                assert!(!ignored.contains(name), "{name} is both a synonym and ignored");
            }
        }
        for r in Role::ALL {
            for f in required_for_role(r).iter().copied().flatten() {
                assert!(r.fields().contains(f));
            }
        }
    }

    #[test]
    fn roster_hours_are_cumulative_and_record_hours_are_hours() {
        for name in ["服务时长", "志愿时长", "总时长"] {
            let on = |role| lookup(name).iter().find(|h| h.role == role).map(|h| h.field);
            assert_eq!(on(Volunteers), Some(CumulativeHours), "{name} on a roster");
        }
        for name in ["服务时长", "志愿时长"] {
            assert_eq!(lookup(name).iter().find(|h| h.role == Records).map(|h| h.field), Some(Hours));
        }
        assert_eq!(
            lookup("年度服务时长").iter().map(|h| (h.role, h.field)).collect::<Vec<_>>(),
            [(Volunteers, AnnualHours)]
        );
    }

    #[test]
    fn station_words_weigh_the_same_in_every_role() {
        for name in ["所属站点", "社区", "所属社区"] {
            let roles: HashSet<Role> = lookup(name).iter().map(|h| h.role).collect();
            assert_eq!(roles.len(), 4, "{name}");
        }
    }

    #[test]
    fn normalisation() {
        let cases = [
            ("姓名", "姓名"),
            (" 姓 名 ", "姓名"),
            ("*姓名", "姓名"),
            ("＊姓名（必填）", "姓名"),
            ("证件号码\n(身份证)", "证件号码"),
            ("服务时长(小时)", "服务时长"),
            ("志愿者ID", "志愿者id"),
            ("志愿者ＩＤ", "志愿者id"),
            ("所属站点：", "所属站点"),
            ("【必填】注册日期", "注册日期"),
            ("身份證號碼", "身份证号码"),
            ("1、您的姓名", "您的姓名"),
            ("签到类型：CHECKIN-签到", "签到类型"),
            ("所属社区：新桥", "所属社区:新桥"),
            ("联系电话：13800000000", "联系电话:13800000000"),
            ("2019年", "2019年"),
            ("1.5", "1.5"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize_header(raw), want, "{raw:?}");
        }
        assert!(header_says_minutes("服务时长（分钟）"));
        assert!(!header_says_minutes("服务时长（小时）"));
    }
}
