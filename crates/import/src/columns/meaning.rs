//! What a header means, read as a clerk reads it: by its exact name when it is one of the
//! §2 synonyms (`synonyms.rs`), else by its **head word** — the last word of a Chinese
//! noun phrase carries its meaning, the words before it say whose or which
//! (用户**姓名**, 归口**单位**, 建立**时间**, 考勤**日**). A reading is made only when every
//! word before the head is one this table knows: 负责人姓名, 工作单位, 可服务时间 and 受益人数
//! stay unread instead of being taken for the volunteer's name, station, a date or the
//! participants. What a word means depends on the sheet's role (建立时间 is a registration
//! date on a roster and nothing on a service record), so a header has a reading per role
//! and the role chosen for the sheet picks among them.
//!
//! Headers combined with a slash or a dash (`手机/电话`, `服務時數-小時`) are read part by part;
//! traditional characters are folded first (`身份證號碼`). Every reading says why
//! ([`Why`]): shown on the import screen and in `scorecard inspect --format json`.

use crate::columns::synonyms::lookup;
use scorecard_model::model::{Field, Role};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

use Field::*;
use Role::*;

/// How a column's field was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhyKind {
    /// The header is one of the §2 synonyms.
    Synonym,
    /// The header's head word, with qualifiers this table knows.
    HeadWord,
    /// The cells below the header (ID numbers, phone numbers, time spans, a row counter).
    Content,
    /// The column is the total of a group (合计) among columns of the same name.
    Total,
}

/// Why a column reads as it does: the kind, the word that decided (the synonym, the head
/// word or what the cells hold) and, for a head word, the words before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Why {
    pub kind: WhyKind,
    pub word: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub qualifier: String,
}

impl Why {
    pub fn synonym(word: &str) -> Why {
        Why { kind: WhyKind::Synonym, word: word.to_string(), qualifier: String::new() }
    }

    /// What the import screen shows in Chinese.
    pub fn text_zh(&self) -> String {
        match self.kind {
            WhyKind::Synonym => format!("表头「{}」是常用列名", self.word),
            WhyKind::HeadWord if self.qualifier.is_empty() => format!("表头的中心词「{}」", self.word),
            WhyKind::HeadWord => format!("表头的中心词「{}」，修饰词「{}」", self.word, self.qualifier),
            WhyKind::Content => format!("单元格内容：{}", self.word),
            WhyKind::Total => format!("同名列中的合计列「{}」", self.word),
        }
    }

    pub fn text_en(&self) -> String {
        match self.kind {
            WhyKind::Synonym => format!("the header \"{}\" is a known column name", self.word),
            WhyKind::HeadWord if self.qualifier.is_empty() => format!("the header's head word \"{}\"", self.word),
            WhyKind::HeadWord => {
                format!("the header's head word \"{}\", qualified by \"{}\"", self.word, self.qualifier)
            }
            WhyKind::Content => format!("the cells: {}", content_en(&self.word)),
            WhyKind::Total => format!("the total column \"{}\" among columns of the same name", self.word),
        }
    }
}

/// The English of the content descriptions `content.rs` writes.
fn content_en(word: &str) -> &str {
    match word {
        "身份证号" => "ID numbers",
        "手机号码" => "mobile numbers",
        "起止时间" => "time spans",
        "日期" => "dates",
        "行号 1、2、3……" => "row numbers 1, 2, 3 …",
        "参加次数" => "counts of participations",
        "人名" => "personal names",
        "代码" => "codes, not names",
        "站点名称" => "names of stations or organisations",
        "时长" => "hours",
        other => other,
    }
}

/// One meaning of a header on sheets of one role.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub role: Role,
    pub field: Field,
    /// Lower is more specific: synonyms by their position in the list, head words after them.
    pub rank: u16,
    /// The header says the column is the volunteer's own (志愿者姓名, 志愿者身份证号): it wins
    /// over an unqualified column of the same field (a service recipient's 身份证号).
    pub volunteer: bool,
    pub why: Why,
}

/// Head words' readings start at this rank, after every synonym.
const HEAD_RANK: u16 = 100;
/// The rank of a reading every other beats.
pub const WEAKEST_RANK: u16 = 1000;

/// One head-word rule: a header ending in one of `heads` means `field` on sheets of
/// `roles` when the words before the head are all among `words` and [`NEUTRAL`], and
/// either one of them is in `words` or `bare` allows the head alone (or with neutral
/// words only).
pub struct HeadRule {
    pub field: Field,
    pub roles: &'static [Role],
    pub heads: &'static [&'static str],
    pub words: &'static [&'static str],
    pub bare: bool,
    /// Words allowed before the head that do not decide (本年度**志愿**时长).
    pub also: &'static [&'static str],
}

/// Words that may stand before any head without changing its meaning: whose it is
/// (志愿者, 用户, 学生 …) or that it is the real one (真实, 实际, 有效, 本次 …).
pub const NEUTRAL: &[&str] = &[
    "志愿者",
    "义工",
    "志工",
    "与会者",
    "参加者",
    "员工",
    "职工",
    "义消",
    "已",
    "参与人",
    "基本",
    "正式",
    "教职工",
    "学员",
    "出席者",
    "首次",
    "用户",
    "会员",
    "人员",
    "成员",
    "队员",
    "个人",
    "本人",
    "学生",
    "社员",
    "参与者",
    "服务者",
    "服务人员",
    "真实",
    "实际",
    "有效",
    "本次",
    "单次",
    "每次",
    "居民",
    "公民",
];

const PEOPLE: &[Role] = &[Volunteers, Records];
const ALL_ROLES: &[Role] = &[Volunteers, Records, Activities, Trainings];

const HOURS: &[&str] =
    &["时长", "时数", "小时数", "小时", "工时", "分钟数", "服务时间数", "学时", "课时", "志愿时", "公益时", "钟数"];
const WHEN: &[&str] = &["时间", "日期", "日", "时刻", "日子"];
/// Before a station word: which one it is (所属组织, 归口单位, 隶属社区 …).
const STATION_WORDS: &[&str] = &[
    "所属",
    "归口",
    "隶属",
    "主管",
    "管理",
    "所在",
    "注册",
    "归属",
    "服务",
    "志愿服务",
    "志愿",
    "志愿者",
    "挂靠",
    "报到",
];
/// Before 单位, 组织 …: which organisation (a workplace, 所在单位 or 来源单位, is no station).
const ORG_WORDS: &[&str] = &[
    "所属",
    "归口",
    "隶属",
    "主管",
    "管理",
    "注册",
    "归属",
    "服务",
    "志愿服务",
    "志愿",
    "志愿者",
    "挂靠",
    "参与",
    "参加",
    "运用",
    "义工",
    "志工",
];

/// The head-word rules, most specific first within a field.
pub const HEAD_RULES: &[HeadRule] = &[
    // people
    HeadRule {
        field: Name,
        roles: PEOPLE,
        heads: &["姓名", "名字", "实名", "真实姓名"],
        words: &[],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Name,
        roles: PEOPLE,
        heads: &["名称"],
        words: &["志愿者", "服务人员", "人员", "成员", "队员", "会员", "用户", "学生", "义工", "志工"],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: Name,
        roles: PEOPLE,
        heads: &[
            "志愿者",
            "义工",
            "志工",
            "义消",
            "参与者",
            "参与人",
            "参与人员",
            "参加人",
            "参加人员",
            "服务者",
            "服务人员",
            "同学",
            "社员",
            "学生",
        ],
        words: &["参与", "参加", "服务"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: VolunteerNo,
        roles: PEOPLE,
        heads: &["学号", "工号", "职工号", "员工号", "学籍号"],
        words: &[],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: VolunteerNo,
        roles: PEOPLE,
        heads: &["编号", "id", "编码", "代码", "号", "证号", "证编号", "卡号", "代号", "标识", "uid"],
        words: &[
            "志愿者",
            "志愿",
            "用户",
            "会员",
            "人员",
            "注册",
            "队员",
            "成员",
            "志愿者注册",
            "义工",
            "志工",
            "学员",
            "学生",
            "参与人",
        ],
        bare: false,
        also: &[],
    },
    // a city's 义工 number (深圳义工号, 电子义工证号): the person's number
    HeadRule {
        field: VolunteerNo,
        roles: PEOPLE,
        heads: &["义工号", "志工号", "义工证号", "志工证号", "义工证编号"],
        words: &["深圳", "广州", "东莞", "佛山", "珠海", "中山", "惠州", "江门", "肇庆", "香港", "澳门", "电子", "市"],
        bare: true,
        also: &[],
    },
    // a record book's number (Taiwan's 志願服務紀錄冊): the person's number where no
    // member or volunteer number is
    HeadRule {
        field: VolunteerNo,
        roles: PEOPLE,
        heads: &["纪录册号", "纪录册编号", "记录册号", "记录册编号", "志愿服务纪录册号", "志愿服务记录册号"],
        words: &[],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: IdNumber,
        roles: PEOPLE,
        heads: &[
            "证件号码",
            "证件号",
            "身份证号码",
            "身份证号",
            "身份证",
            "身份号码",
            "公民身份号码",
            "身份证件号码",
            "身份证件号",
            "证件编号",
            "身分证字号",
            "身分证号码",
            "身分证号",
            "身分证",
            "身份证字号",
            "身分证统一编号",
            "统一证号",
            "居留证号",
        ],
        words: &["香港", "澳门", "台湾", "居民", "二代"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Phone,
        roles: PEOPLE,
        heads: &[
            "手机号码",
            "手机号",
            "手机",
            "电话",
            "电话号码",
            "联系电话",
            "联系方式",
            "移动电话",
            "行动电话",
            "联系号码",
            "电话号",
        ],
        words: &["联系", "联络", "联系人", "常用"],
        bare: true,
        also: &[],
    },
    HeadRule { field: Gender, roles: &[Volunteers], heads: &["性别"], words: &[], bare: true, also: &[] },
    HeadRule { field: Political, roles: &[Volunteers], heads: &["政治面貌"], words: &[], bare: true, also: &[] },
    HeadRule {
        field: RegisteredOn,
        roles: &[Volunteers],
        heads: WHEN,
        words: &["注册", "加入", "入会", "入队", "入团", "注册成功", "成为志愿者"],
        bare: false,
        also: &[],
    },
    // when an account or an application was made: the registration where no 注册 column is
    HeadRule {
        field: RegisteredOn,
        roles: &[Volunteers],
        heads: WHEN,
        words: &["建立", "创建", "登记", "入库", "认证", "申请", "发证"],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: UnitType,
        roles: &[Volunteers],
        heads: &["单位类型", "单位性质"],
        words: &[],
        bare: true,
        also: &[],
    },
    // stations
    HeadRule {
        field: Station,
        roles: ALL_ROLES,
        heads: &[
            "站点",
            "服务站",
            "志愿服务站",
            "社区",
            "村",
            "村社区",
            "网格",
            "服务中心",
            "实践站",
            "实践所",
            "组织名称",
            "机构名称",
            "团体名称",
            "站点名称",
            "社区名称",
            "服务站名称",
            "中心名称",
            "实践站名称",
            "实践所名称",
            "运用单位",
            "义工联",
            "基地",
            "党支部",
            "支部",
            "科系",
            "院系名称",
            "学会",
        ],
        words: STATION_WORDS,
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Station,
        roles: ALL_ROLES,
        heads: &["组织", "单位", "机构", "团体", "中心", "部门"],
        words: ORG_WORDS,
        bare: false,
        also: &[],
    },
    // a person's 组织 is the organisation they serve with (a workplace is a 单位)
    HeadRule { field: Station, roles: PEOPLE, heads: &["组织"], words: &[], bare: true, also: &[] },
    HeadRule {
        field: Station,
        roles: PEOPLE,
        heads: &["队伍", "团队", "分队", "服务队", "志愿服务队"],
        words: &["所属", "归属", "隶属", "注册", "加入", "所在"],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: Station,
        roles: PEOPLE,
        heads: &["队伍名称", "团队名称", "服务队名称", "志愿服务队名称"],
        words: &["所属", "归属", "隶属", "注册", "加入", "所在"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Station,
        roles: &[Activities],
        heads: &["单位", "组织", "机构", "团体", "方", "部门"],
        words: &[
            "主办",
            "承办",
            "举办",
            "发布",
            "开展",
            "组织",
            "实施",
            "牵头",
            "发起",
            "活动主办",
            "活动承办",
            "申报",
            "办理",
            "办理活动",
        ],
        bare: false,
        also: &[],
    },
    // an organisation's own branches and levels (所属分会, 一级部门名称)
    HeadRule {
        field: Station,
        roles: &[Volunteers, Records],
        heads: &["分会", "支会", "分站", "部门名称", "部门"],
        words: &["所属", "一级", "归属", "隶属", "义工", "志工"],
        bare: false,
        also: &[],
    },
    // a school's volunteers belong to its colleges: the unit, where no station column is
    HeadRule {
        field: Station,
        roles: &[Volunteers, Records],
        heads: &["学院", "院系", "系别", "所在学院", "所属学院", "书院"],
        words: &["所在", "所属"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Station,
        roles: &[Trainings],
        heads: &["站点", "单位", "组织", "社区", "服务站", "部门", "方"],
        words: &["参训", "培训", "参加", "主办", "承办", "组织"],
        bare: false,
        also: &[],
    },
    // hours
    HeadRule {
        field: AnnualHours,
        roles: &[Volunteers],
        heads: HOURS,
        words: &["年度", "本年", "本年度", "今年", "当年", "全年", "年"],
        bare: false,
        also: &["服务", "志愿", "志愿服务"],
    },
    HeadRule {
        field: CumulativeHours,
        roles: &[Volunteers],
        heads: HOURS,
        words: &[
            "累计",
            "总",
            "合计",
            "历史",
            "全部",
            "服务",
            "志愿",
            "志愿服务",
            "荣誉",
            "总服务",
            "目前",
            "当前",
            "已",
            "协勤",
            "协勤总",
            "服勤",
            "初审",
            "复审",
            "终审",
            "审核",
            "认定",
            "核定",
            "累积",
            "活动",
        ],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: CumulativeHours,
        roles: &[Volunteers],
        heads: &["时长合计", "时数合计", "小时合计", "合计时长", "总计时长", "时长总计"],
        words: &["累计", "总", "服务", "志愿", "志愿服务"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: CumulativeHours,
        roles: &[Volunteers],
        heads: &["服务时间", "志愿服务时间"],
        words: &["累计", "总"],
        bare: false,
        also: &[],
    },
    // the hours a record was credited with (认定, 核定) before the hours asked for (申请)
    HeadRule {
        field: Hours,
        roles: &[Records],
        heads: HOURS,
        words: &["认定", "核定", "审核", "审定", "实际", "有效"],
        bare: false,
        also: &["服务", "志愿", "志愿服务"],
    },
    HeadRule {
        field: Hours,
        roles: &[Records],
        heads: HOURS,
        words: &[
            "录入",
            "申请",
            "记录",
            "获得",
            "参与",
            "活动",
            "服务",
            "志愿",
            "志愿服务",
            "考勤",
            "出勤",
            "值班",
            "在岗",
            "岗位",
            "班次",
            "任务",
            "登录",
            "登记",
            "核准",
            "协勤",
            "服勤",
        ],
        bare: true,
        also: &[],
    },
    // service records: what, when
    HeadRule {
        field: ActivityName,
        roles: &[Records, Activities],
        heads: &["名称", "标题", "名", "题目"],
        words: &[
            "活动",
            "项目",
            "服务项目",
            "志愿",
            "志愿活动",
            "志愿服务",
            "服务",
            "实践",
            "志愿项目",
            "培训",
            "课程",
            "讲座",
            "事件",
            "任务",
        ],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: ActivityName,
        roles: &[Records, Activities],
        heads: &["活动", "项目", "服务项目", "活动项目", "志愿项目"],
        words: &["所属", "参与", "参加", "服务", "志愿", "归属"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: ActivityName,
        roles: &[Records],
        heads: &["主题", "内容"],
        words: &["项目", "活动", "服务"],
        bare: false,
        also: &[],
    },
    // what an activity was (活动内容) names it on an activity sheet; its 主题 is its theme
    HeadRule {
        field: ActivityName,
        roles: &[Activities],
        heads: &["内容"],
        words: &["项目", "活动", "服务"],
        bare: false,
        also: &[],
    },
    // a post or duty names what was done where no activity column does (a later rule, so
    // an activity column wins)
    HeadRule {
        field: ActivityName,
        roles: &[Records],
        heads: &["岗位", "岗位名称", "服务岗位", "值班岗位", "职务岗位", "班次名称", "班次"],
        words: &["服务", "志愿", "值班", "义工", "志工", "班次"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Start,
        roles: &[Records],
        heads: &["时间", "时刻", "登记"],
        words: &[
            "开始",
            "签到",
            "起始",
            "上岗",
            "到岗",
            "服务开始",
            "活动开始",
            "开始服务",
            "到达",
            "进场",
            "入场",
            "签入",
            "上班",
        ],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: End,
        roles: &[Records],
        heads: &["时间", "时刻", "登记"],
        words: &[
            "结束",
            "签退",
            "离岗",
            "离开",
            "服务结束",
            "活动结束",
            "结束服务",
            "完成",
            "出场",
            "离场",
            "签出",
            "下班",
        ],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: TimeSpan,
        roles: &[Records],
        heads: &["时段", "时间段", "起止时间", "起讫时间", "起止", "时间范围"],
        words: &["服务", "活动", "参与", "志愿", "考勤", "工作", "值班", "排班", "服勤"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Date,
        roles: &[Records],
        heads: WHEN,
        words: &[
            "服务", "考勤", "活动", "参与", "参加", "出勤", "打卡", "值班", "开展", "志愿", "实践", "排班", "获得",
            "认定", "工作", "报到",
        ],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: Date,
        roles: &[Records],
        heads: &["日期"],
        words: &["开始", "服务开始", "活动开始", "签到"],
        bare: false,
        also: &[],
    },
    // activities
    HeadRule {
        field: Date,
        roles: &[Activities],
        heads: WHEN,
        words: &["活动", "开展", "举办", "服务", "举行", "实施", "开始", "活动开始", "项目开始", "出勤"],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: Theme,
        roles: &[Activities],
        heads: &["主题", "类别", "类型", "标签", "领域", "分类"],
        words: &["活动", "服务", "项目", "志愿服务", "志愿", "课程"],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: Theme,
        roles: &[Activities],
        heads: &["服务对象", "受益对象", "受益人群", "服务人群", "对象"],
        words: &["活动", "项目"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Team,
        roles: &[Activities],
        heads: &[
            "服务队",
            "志愿服务队",
            "服务队伍",
            "队伍",
            "团队",
            "专业队",
            "分队",
            "队伍名称",
            "团队名称",
            "支部名称",
        ],
        words: &["所属", "开展", "承办", "组织", "参与", "志愿", "专业", "志愿者", "承接", "实施"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Holiday,
        roles: &[Activities],
        heads: &["节庆日", "节日", "节庆", "节假日", "纪念日", "主题日"],
        words: &["所属", "对应", "相关", "结合"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Participants,
        roles: &[Activities],
        heads: &["人数", "人次"],
        words: &[
            "参与",
            "参加",
            "志愿者",
            "志愿者服务",
            "出勤",
            "到场",
            "实到",
            "实际",
            "合计",
            "总",
            "参与志愿者",
            "服务志愿者",
            "参加志愿者",
            "活动",
            "活动参与",
            "活动参加",
            "出席",
            "报名",
            "认证",
            "通过",
            "审核通过",
        ],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Plan,
        roles: &[Activities],
        heads: &["方案", "策划", "策划书", "计划书", "策划方案"],
        words: &["活动", "有无", "是否有", "是否"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Record,
        roles: &[Activities],
        heads: &["记录", "台账"],
        words: &["活动", "有无", "是否有", "是否"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Brief,
        roles: &[Activities],
        heads: &["简报", "新闻稿", "报道", "宣传稿"],
        words: &["活动", "信息", "新闻", "宣传", "有无", "是否有", "是否"],
        bare: true,
        also: &[],
    },
    HeadRule {
        field: Photo,
        roles: &[Activities],
        heads: &["图片", "照片", "相片", "影像"],
        words: &["活动", "有无", "是否有", "是否", "其他", "现场", "活动现场"],
        bare: true,
        also: &[],
    },
    // trainings
    HeadRule {
        field: Date,
        roles: &[Trainings],
        heads: WHEN,
        words: &["培训", "开展", "举办", "开始", "培训开始", "训练"],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: Topic,
        roles: &[Trainings],
        heads: &["主题", "内容", "名称", "课程", "题目"],
        words: &["培训", "培训班", "培训课程", "课程", "训练"],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: TrainingKind,
        roles: &[Trainings],
        heads: &["类型", "类别", "形式", "方式"],
        words: &["培训", "训练"],
        bare: false,
        also: &[],
    },
    HeadRule {
        field: Participants,
        roles: &[Trainings],
        heads: &["人数", "人次"],
        words: &["参训", "培训", "参加", "参与", "实到", "合计", "总", "出席", "报名", "训练"],
        bare: true,
        also: &[],
    },
];

/// Headers known to carry nothing the indicators use: shown unmapped, without an
/// `unknown_column` finding (a row counter, points, login data, remarks, ratings, status
/// of an account …).
pub const IGNORED_HEADERS: &[&str] = &[
    "序号",
    "备注",
    "说明",
    "操作",
    "行号",
    "积分",
    "累计积分",
    "总积分",
    "服务积分",
    "当前积分",
    "用户名",
    "昵称",
    "账号",
    "最后登录",
    "最后登录时间",
    "登录次数",
    "账号状态",
    "活跃度",
    "注册来源",
    "修改日期",
    "参加工作时间",
    "参加工作日期",
    "提交时间",
    "时间戳",
    "更新日期",
    "可服务时间",
    "可服务时段",
    "专业或特长",
    "特长",
    "专长",
    "工作单位",
    "学历",
    "民族",
    "国籍",
    "籍贯",
    "年龄",
    "出生日期",
    "生日",
    "地址",
    "住址",
    "家庭住址",
    "详细地址",
    "邮箱",
    "电子邮箱",
    "状态",
    "确认状态",
    "确认人",
    "审核人",
    "迟到",
    "早退",
    "请假情况",
    "是否请假",
    "年份",
    "月份",
    "专业",
    "班级",
    "专业班级",
    "年级",
    "学校",
    "评分",
    "录入方式",
    "添加方式",
    "统计人",
    "统计日期",
    "活动地点",
    "服务地点",
    "地点",
    "联系人",
    "志愿者类别",
    "人员类型",
    "职务",
    "部门",
    "天数",
    "次数",
];

/// True for the head words of a post or duty (岗位, 班次): what was done where no activity
/// column says, never an activity's name of its own.
pub fn is_post(head: &str) -> bool {
    matches!(head, "岗位" | "岗位名称" | "服务岗位" | "值班岗位" | "职务岗位" | "班次名称" | "班次")
}

/// The ignored word a header reads as, if any (after normalising).
pub fn is_ignored(normalized: &str) -> bool {
    IGNORED_HEADERS.contains(&normalized)
}

fn heads_index() -> &'static HashMap<&'static str, Vec<usize>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<usize>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, rule) in HEAD_RULES.iter().enumerate() {
            for head in rule.heads {
                m.entry(head).or_default().push(i);
            }
        }
        m
    })
}

/// The longest head any rule has, in characters (suffixes longer than this are not looked up).
fn longest_head() -> usize {
    static N: OnceLock<usize> = OnceLock::new();
    *N.get_or_init(|| HEAD_RULES.iter().flat_map(|r| r.heads).map(|h| h.chars().count()).max().unwrap_or(0))
}

/// Splits `prefix` into words of `words` ∪ `also` ∪ [`NEUTRAL`], longest first (on equal
/// length a word of `words`); `None` when some part is none of them. Returns whether one
/// of `words` was among them.
fn qualifier_words(prefix: &str, words: &[&str], also: &[&str]) -> Option<bool> {
    let mut rest = prefix;
    let mut decisive = false;
    while !rest.is_empty() {
        let best = words
            .iter()
            .map(|w| (*w, true))
            .chain(NEUTRAL.iter().chain(also).map(|w| (*w, false)))
            .filter(|(w, _)| rest.starts_with(w))
            .max_by_key(|(w, d)| (w.len(), *d))?;
        decisive |= best.1;
        rest = &rest[best.0.len()..];
    }
    Some(decisive)
}

/// A year written before the words (`2019年服务时长`, `2023年度志愿服务时长`): the words after
/// it, and whether there was one. A year makes hours this year's (年度服务时长).
fn strip_year(prefix: &str) -> (&str, bool) {
    let digits = prefix.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return (prefix, false);
    }
    let rest = &prefix[4..];
    match rest.strip_prefix("年度").or_else(|| rest.strip_prefix('年')) {
        Some(r) => (r, true),
        None => (prefix, false),
    }
}

/// What the head words say of one normalised header text.
#[derive(Default)]
struct HeadRead {
    readings: Vec<Reading>,
    /// A head word was found but no rule took the words before it (负责人姓名, 工作单位,
    /// 服务对象身份证号): the header says whose it is, and it is not the volunteer's.
    rejected: bool,
}

/// Every head-word reading of one normalised header text.
fn head_readings(text: &str) -> HeadRead {
    let longest = longest_head();
    // only the last `longest` characters can start a head
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let first = starts.len().saturating_sub(longest);
    let mut rejected = false;
    // The longest head that reads at all wins: 服务中心 before 中心.
    for &at in &starts[first..] {
        let (prefix, head) = text.split_at(at);
        let Some(rules) = heads_index().get(head) else { continue };
        let (words_prefix, has_year) = strip_year(prefix);
        let mut out = Vec::new();
        for &i in rules {
            let rule = &HEAD_RULES[i];
            let Some(decisive) = qualifier_words(words_prefix, rule.words, rule.also) else { continue };
            let year_decides = has_year && rule.field == AnnualHours;
            if !decisive && !rule.bare && !year_decides {
                continue;
            }
            for &role in rule.roles {
                if out.iter().any(|r: &Reading| r.role == role) {
                    continue; // the first rule of a role for this head wins
                }
                out.push(Reading {
                    role,
                    field: rule.field,
                    rank: HEAD_RANK + i as u16,
                    volunteer: ["志愿者", "义工", "志工"]
                        .iter()
                        .any(|w| prefix.contains(w) || head.contains(w) && head != *w),
                    why: Why { kind: WhyKind::HeadWord, word: head.to_string(), qualifier: prefix.to_string() },
                });
            }
        }
        if !out.is_empty() {
            return HeadRead { readings: out, rejected: false };
        }
        // words before the head that no rule takes say whose it is (a bare head that needs
        // a word, 时间, is only unsaid)
        rejected |= !prefix.is_empty();
    }
    HeadRead { readings: Vec::new(), rejected }
}

/// Every reading of one normalised candidate text, per role: its synonym where it is one
/// in that role, else its head word's reading in that role (活动日期 is a synonym on an
/// activity sheet and a head word 日期 on a service record). A number after the words
/// (`手机号码1`, `联系电话2`) is read past.
fn text_readings(text: &str) -> HeadRead {
    if is_ignored(text) {
        return HeadRead::default();
    }
    // a period's first day (服务日期起) is the date; its last (服务日期迄, 日期止) is none
    if let Some(first) = text.strip_suffix('起').filter(|t| t.ends_with("日期") || t.ends_with("时间")) {
        return text_readings(first);
    }
    if ['迄', '讫', '止'].iter().any(|c| text.ends_with(*c)) && text.contains("日期") {
        return HeadRead::default();
    }
    let mut out: Vec<Reading> = lookup(text)
        .iter()
        .map(|h| Reading {
            role: h.role,
            field: h.field,
            // a bare 编号 names a person's number least surely of all (a row's or a record's
            // number as often): any other number column (学号, 义工证号) wins over it
            rank: if text == "编号" { WEAKEST_RANK } else { u16::from(h.rank) },
            volunteer: text.starts_with("志愿者") && text != "志愿者",
            why: Why::synonym(text),
        })
        .collect();
    let mut head = head_readings(text);
    if out.is_empty() && head.readings.is_empty() {
        let trimmed = text.trim_end_matches(|c: char| c.is_ascii_digit());
        if trimmed.len() < text.len() && !trimmed.is_empty() {
            return text_readings(trimmed);
        }
    }
    for r in head.readings.drain(..) {
        if !out.iter().any(|o| o.role == r.role) {
            out.push(r);
        }
    }
    HeadRead { readings: out, rejected: head.rejected }
}

/// Every reading of a column header, given its lookup candidates in order of preference
/// (leaf first, see `header::candidates`): for each role, the first candidate that reads
/// in that role decides. A candidate combined with a slash or a dash is read part by part
/// (per role the first part that reads, a synonym before a head word). Also returns which candidate read first, and whether the
/// leaf's head word was refused for the words before it (see `HeadRead::rejected`).
pub fn readings(candidates: &[String]) -> (Vec<Reading>, Option<usize>, bool) {
    let mut out: Vec<Reading> = Vec::new();
    let mut first = None;
    let mut rejected = false;
    for (i, c) in candidates.iter().enumerate() {
        let read = text_readings(c);
        let mut found = read.readings;
        if i == 0 {
            rejected = read.rejected && found.is_empty();
        }
        if found.is_empty() && c.contains(['/', '-']) {
            // per role the first part that reads, a synonym before a head word (基地/项目名称:
            // 项目名称)
            for part in c.split(['/', '-']).filter(|p| !p.is_empty()) {
                for r in text_readings(part).readings {
                    match found.iter_mut().find(|f| f.role == r.role) {
                        Some(f) if r.rank < HEAD_RANK && f.rank >= HEAD_RANK => *f = r,
                        Some(_) => {}
                        None => found.push(r),
                    }
                }
            }
        }
        if !found.is_empty() && first.is_none() {
            first = Some(i);
        }
        for r in found {
            if !out.iter().any(|o| o.role == r.role) {
                out.push(r);
            }
        }
    }
    let refused = rejected && out.is_empty();
    (out, first, refused)
}

/// The meaning of a header text alone (no group rows), for the tests and the hints.
pub fn readings_of(raw: &str) -> Vec<Reading> {
    readings(&[crate::columns::english::lookup_text(raw)]).0
}

/// True when the header's head word was refused for whose it is (负责人姓名, 紧急联系人电话):
/// its cells are then never read as the volunteer's either.
pub fn refused(raw: &str) -> bool {
    readings(&[crate::columns::english::lookup_text(raw)]).2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::synonyms::normalize_header;

    fn on(raw: &str, role: Role) -> Option<(Field, WhyKind)> {
        readings_of(raw).into_iter().find(|r| r.role == role).map(|r| (r.field, r.why.kind))
    }

    /// Headers naming whose they are, when it is not the volunteer's: their cells are never
    /// read as the volunteer's either (`content::refine` skips them).
    #[test]
    fn regional_words_and_english_read_as_their_mainland_equivalents() {
        use WhyKind::*;
        type Case = (&'static str, Role, Option<(Field, WhyKind)>);
        let cases: &[Case] = &[
            ("義工姓名", Records, Some((Name, HeadWord))),
            ("志工編號", Volunteers, Some((VolunteerNo, HeadWord))),
            ("身分證字號", Volunteers, Some((IdNumber, HeadWord))),
            ("紀錄冊號", Volunteers, Some((VolunteerNo, HeadWord))),
            ("服務時數", Records, Some((Hours, HeadWord))),
            ("学时", Records, Some((Hours, HeadWord))),
            ("志愿时", Records, Some((Hours, HeadWord))),
            ("服務日期起", Records, Some((Date, Synonym))),
            ("服務日期訖", Records, None),
            ("请输入姓名", Volunteers, Some((Name, Synonym))),
            ("学院", Volunteers, Some((Station, HeadWord))),
            ("岗位", Records, Some((ActivityName, HeadWord))),
            ("活动内容", Activities, Some((ActivityName, HeadWord))),
            ("Volunteer Name", Records, Some((Name, Synonym))),
            ("Date of Service", Records, Some((Date, Synonym))),
            ("Hours Served", Records, Some((Hours, Synonym))),
            ("Number of Participants", Activities, Some((Participants, Synonym))),
            ("Emergency Contact Name", Volunteers, None),
            ("Name of Emergency Contact", Volunteers, None),
            ("Mobile No.", Volunteers, Some((Phone, Synonym))),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(raw, role, want)| on(raw, *role) != *want)
            .map(|(raw, role, want)| format!("{raw} on {role:?}: {:?}, want {want:?}", on(raw, *role)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn headers_of_other_people_are_refused() {
        for raw in ["负责人姓名", "紧急联系人电话", "服务对象身份证号", "监护人身份证号", "工作单位名称"]
        {
            assert!(readings_of(raw).iter().all(|r| !matches!(r.field, Name | Phone | IdNumber)), "{raw}");
        }
        for raw in ["负责人姓名", "紧急联系人电话", "服务对象身份证号", "监护人身份证号"] {
            assert!(refused(raw), "{raw}");
        }
        for raw in ["时间", "姓名", "张三", "流浪狗之家"] {
            assert!(!refused(raw), "{raw}");
        }
    }

    #[test]
    fn head_words_read_by_role() {
        use WhyKind::*;
        type Want = Option<(Field, WhyKind)>;
        let cases: &[(&str, Role, Want)] = &[
            ("用户姓名", Volunteers, Some((Name, HeadWord))),
            ("归口单位", Volunteers, Some((Station, HeadWord))),
            ("所属组织", Volunteers, Some((Station, Synonym))),
            ("建立时间", Volunteers, Some((RegisteredOn, HeadWord))),
            ("建立时间", Records, None),
            ("考勤日", Records, Some((Date, HeadWord))),
            ("考勤日", Volunteers, None),
            ("服务时长", Volunteers, Some((CumulativeHours, Synonym))),
            ("服务时长", Records, Some((Hours, Synonym))),
            ("录入时长", Records, Some((Hours, HeadWord))),
            ("认定时数", Records, Some((Hours, HeadWord))),
            ("服务分钟数", Records, Some((Hours, HeadWord))),
            ("年度服务时长", Volunteers, Some((AnnualHours, Synonym))),
            ("本年度志愿时长", Volunteers, Some((AnnualHours, HeadWord))),
            ("总服务时长", Volunteers, Some((CumulativeHours, HeadWord))),
            ("累计服务分钟数", Volunteers, Some((CumulativeHours, HeadWord))),
            ("工资时长", Volunteers, None),
            ("可服务时间", Volunteers, None),
            ("可服务时段", Records, None),
            ("负责人姓名", Records, None),
            ("紧急联系人电话", Volunteers, None),
            ("工作单位", Volunteers, None),
            ("受益人数", Activities, None),
            ("服务人数", Activities, None),
            ("志愿者服务人数", Activities, Some((Participants, HeadWord))),
            ("合计人数", Activities, Some((Participants, HeadWord))),
            ("项目主题", Records, Some((ActivityName, HeadWord))),
            ("项目主题", Activities, Some((Theme, HeadWord))),
            ("签到时间", Records, Some((Start, Synonym))),
            ("签退时间", Records, Some((End, Synonym))),
            ("离岗时间", Records, Some((End, HeadWord))),
            ("开始时间", Records, Some((Start, Synonym))),
            ("服务时段", Records, Some((TimeSpan, Synonym))),
            ("活动时段", Records, Some((TimeSpan, HeadWord))),
            ("志愿者身份证号", Records, Some((IdNumber, HeadWord))),
            ("身份證號碼", Volunteers, Some((IdNumber, Synonym))),
            ("誌願者編號", Records, Some((VolunteerNo, Synonym))),
            ("服務時數", Records, Some((Hours, HeadWord))),
            ("聯繫電話", Volunteers, Some((Phone, Synonym))),
            ("手机/电话", Volunteers, Some((Phone, Synonym))),
            ("手机号/联系方式", Volunteers, Some((Phone, Synonym))),
            ("本人手机/座机", Volunteers, Some((Phone, HeadWord))),
            ("姓名/昵称", Volunteers, Some((Name, Synonym))),
            ("用户名", Volunteers, None),
            ("最后登录", Volunteers, None),
            ("志愿者名称", Records, Some((Name, HeadWord))),
            ("活动标题", Activities, Some((ActivityName, HeadWord))),
            ("志愿活动名称", Records, Some((ActivityName, HeadWord))),
            ("服务中心", Activities, Some((Station, HeadWord))),
            ("项目领域", Activities, Some((Theme, HeadWord))),
            ("受益对象", Activities, Some((Theme, HeadWord))),
            ("学号", Volunteers, Some((VolunteerNo, HeadWord))),
            ("所属队伍", Volunteers, Some((Station, HeadWord))),
            ("所属队伍", Activities, Some((Team, HeadWord))),
            ("新桥社区", Volunteers, None),
            ("张三", Volunteers, None),
            ("1、您的姓名", Volunteers, None),
            // a synonym in one role leaves the head word's reading in the others
            ("活动日期", Records, Some((Date, HeadWord))),
            ("活动时间", Records, Some((Date, HeadWord))),
            ("服务日期", Activities, Some((Date, HeadWord))),
            ("时长", Volunteers, Some((CumulativeHours, HeadWord))),
            ("服务小时数", Volunteers, Some((CumulativeHours, HeadWord))),
            ("活动主题", Records, Some((ActivityName, HeadWord))),
            ("开始时间", Activities, Some((Date, HeadWord))),
            // the review's headers (helper read of meaning.rs)
            ("开始日期", Records, Some((Date, HeadWord))),
            ("记录时间", Records, None),
            ("审核时长", Records, Some((Hours, HeadWord))),
            ("值班时长", Records, Some((Hours, HeadWord))),
            ("2019年服务时长", Volunteers, Some((AnnualHours, HeadWord))),
            ("2023年度志愿服务时长", Volunteers, Some((AnnualHours, HeadWord))),
            ("服务时长合计", Volunteers, Some((CumulativeHours, HeadWord))),
            ("累计服务时间", Volunteers, Some((CumulativeHours, HeadWord))),
            ("联络电话", Volunteers, Some((Phone, HeadWord))),
            ("手机号码1", Volunteers, Some((Phone, Synonym))),
            ("联系电话2", Records, Some((Phone, Synonym))),
            ("志愿者组织", Volunteers, Some((Station, HeadWord))),
            ("实践站名称", Volunteers, Some((Station, HeadWord))),
            ("志愿服务队名称", Volunteers, Some((Station, HeadWord))),
            ("所在单位", Volunteers, None),
            ("单位名称", Volunteers, None),
            ("来源单位", Volunteers, None),
            ("志愿编号", Records, Some((VolunteerNo, HeadWord))),
            ("志愿者证号", Volunteers, Some((VolunteerNo, HeadWord))),
            ("报名时间", Volunteers, None),
            ("活动参与人数", Activities, Some((Participants, HeadWord))),
            ("活动人数", Activities, Some((Participants, HeadWord))),
            ("主办单位", Activities, Some((Station, HeadWord))),
            ("承办单位", Activities, Some((Station, HeadWord))),
            ("团队名称", Activities, Some((Team, HeadWord))),
            ("新闻报道", Activities, Some((Brief, HeadWord))),
            ("活動內容", Records, Some((ActivityName, HeadWord))),
            ("服務內容", Records, Some((ActivityName, HeadWord))),
            ("2、志愿者姓名", Volunteers, Some((Name, Synonym))),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(raw, role, want)| on(raw, *role) != *want)
            .map(|(raw, role, want)| format!("{raw} on {role:?}: {:?}, want {want:?}", on(raw, *role)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn the_table_itself() {
        // one field per role, head and qualifier word: a second rule would never be reached
        let mut seen: HashMap<(Role, &str, &str), Field> = HashMap::new();
        for rule in HEAD_RULES {
            for &role in rule.roles {
                assert!(role.fields().contains(&rule.field), "{:?} is not a {role:?} field", rule.field);
                for head in rule.heads {
                    assert_eq!(normalize_header(head), *head, "{head} must be stored normalised");
                    for w in rule.words.iter().chain(rule.bare.then_some(&"")) {
                        if let Some(other) = seen.insert((role, *head, *w), rule.field) {
                            assert_eq!(other, rule.field, "{head} after {w:?} means two fields on {role:?}");
                        }
                    }
                }
            }
            assert!(rule.bare || !rule.words.is_empty(), "{:?}: a rule that can never read", rule.field);
        }
        for w in IGNORED_HEADERS {
            assert_eq!(normalize_header(w), *w);
        }
    }
}
