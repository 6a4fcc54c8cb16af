//! The words sample data is made of, as data tables: names, places, codes, activities,
//! trainings. Realistic for a town of 成都市新都区 (the district of the 新都2017 plan).
//!
//! Invariant (tested below): no table is empty, weights are positive, names are unique,
//! every activity's theme and team cell is a name of the default dictionaries, and every
//! holiday activity row names a holiday of the calendar table.

/// Common surnames with rough relative frequencies (per mille of the population).
#[rustfmt::skip]
pub const SURNAMES: [(&str, u32); 60] = [
    ("王", 72), ("李", 72), ("张", 68), ("刘", 54), ("陈", 46), ("杨", 32), ("黄", 23), ("赵", 22),
    ("吴", 20), ("周", 19), ("徐", 13), ("孙", 12), ("马", 12), ("朱", 11), ("胡", 11), ("郭", 10),
    ("何", 10), ("高", 9), ("林", 9), ("罗", 9), ("郑", 8), ("梁", 8), ("谢", 7), ("宋", 6),
    ("唐", 6), ("许", 6), ("韩", 6), ("冯", 5), ("邓", 5), ("曹", 5), ("彭", 5), ("曾", 5),
    ("肖", 5), ("田", 4), ("董", 4), ("袁", 4), ("潘", 4), ("于", 4), ("蒋", 4), ("蔡", 4),
    ("余", 4), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 3), ("魏", 3), ("吕", 3), ("丁", 3),
    ("任", 3), ("沈", 3), ("姚", 3), ("卢", 3), ("钟", 3), ("廖", 3), ("文", 2), ("严", 2),
    ("雷", 2), ("熊", 2), ("谭", 2), ("龚", 2),
];

/// Characters of given names usually given to boys.
pub const GIVEN_MALE: &str = "伟强军磊勇杰涛斌明超刚平辉鹏华飞鑫波宇浩凯俊建国志文林峰东";
/// Characters of given names usually given to girls.
pub const GIVEN_FEMALE: &str = "芳娜敏静丽艳娟霞秀英玲桂兰红梅琳燕萍雪婷慧佳倩颖琴云洁丹欣悦";
/// Characters given to either.
pub const GIVEN_EITHER: &str = "子晓思雨春海小玉金德永成嘉一新";

/// Area codes (first 6 digits of an ID) of 成都 and neighbours, weighted towards 新都:
/// 510114 新都区, 510125 新都县 (before 2001), then other districts and counties.
pub const AREA_CODES: [(u32, u32); 11] = [
    (510114, 50),
    (510125, 20),
    (510104, 3),
    (510105, 3),
    (510106, 4),
    (510107, 3),
    (510108, 4),
    (510113, 4),
    (510121, 3),
    (510124, 3),
    (510681, 3),
];

/// Mobile number prefixes (中国移动/联通/电信 13x, 15x, 18x).
pub const MOBILE_PREFIXES: [u32; 29] = [
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 180, 181, 182, 183,
    184, 185, 186, 187, 188, 189,
];

/// 政治面貌 with weights (about 30 % party members, counting 预备党员).
pub const POLITICAL: [(&str, u32); 6] =
    [("中共党员", 28), ("中共预备党员", 2), ("共青团员", 14), ("民主党派成员", 1), ("无党派人士", 2), ("群众", 53)];

/// The values the template's 政治面貌 drop-down offers (same words as [`POLITICAL`]).
pub fn political_names() -> Vec<&'static str> {
    POLITICAL.iter().map(|(p, _)| *p).collect()
}

/// Towns (镇/街道) of 新都区, used for sheet titles.
pub const TOWNS: [&str; 10] = [
    "新都街道",
    "大丰街道",
    "三河街道",
    "新繁街道",
    "斑竹园街道",
    "石板滩街道",
    "清流镇",
    "军屯镇",
    "木兰镇",
    "龙桥镇",
];

/// Station (社区/村) names. Beyond this list, stations are numbered (see `synth`).
#[rustfmt::skip]
pub const STATIONS: [&str; 32] = [
    "新桥社区", "大丰社区", "三河村", "清流村", "桂湖社区", "北星社区", "南街社区", "东街社区",
    "西街社区", "马超社区", "正因社区", "斑竹园社区", "石板滩社区", "龙桥社区", "泥巴沱社区", "军屯社区",
    "木兰社区", "新繁社区", "繁江社区", "锦门社区", "升庵社区", "蜀龙社区", "同心村", "友爱村",
    "和平村", "永丰村", "高院村", "金星村", "保合村", "太平村", "天元社区", "龙虎社区",
];

/// Service hours of one record in half hours (1 = 0.5 h … 16 = 8 h), weighted to 1–3 h.
pub const HALF_HOURS: [(u32, u32); 11] =
    [(1, 5), (2, 15), (3, 10), (4, 25), (5, 10), (6, 15), (7, 5), (8, 8), (10, 3), (12, 2), (16, 2)];

/// The seven colour-named teams (服务队) of 乡镇2021 二, in the order of the profile's team
/// dictionary (tested equal). Every demo activity is run by one of them, so the demo town
/// exercises T1 as well as X7's team kinds.
pub const CORPS: [&str; 7] = [
    "红色党员先锋服务队",
    "绿色产业技术服务队",
    "蓝色法律援助服务队",
    "黄色文明新风服务队",
    "橙色文化文艺服务队",
    "金色科教文卫服务队",
    "紫色扶贫帮困服务队",
];
const RED: u8 = 0;
const GREEN: u8 = 1;
const BLUE: u8 = 2;
const YELLOW: u8 = 3;
const ORANGE: u8 = 4;
const GOLD: u8 = 5;
const PURPLE: u8 = 6;

/// An everyday activity: its name (which names its theme or team, so tags can be inferred
/// when the cells are blank), the 活动主题 / 服务队 cells a clerk would fill ("" = none),
/// and which of the seven [`CORPS`] runs it.
#[derive(Clone, Copy, Debug)]
pub struct ActivityKind {
    pub name: &'static str,
    pub theme: &'static str,
    pub team: &'static str,
    /// Index into [`CORPS`].
    pub corps: u8,
}

impl ActivityKind {
    /// The 服务队 cell: the team kind and the colour team, as a clerk lists two names
    /// (`社工、红色党员先锋服务队`), or the colour team alone when the kind is blank. Each
    /// dictionary then finds its own word: the kind for X7, the colour team for T1.
    pub fn team_cell(&self) -> String {
        let corps = CORPS.get(usize::from(self.corps)).copied().unwrap_or_default();
        if self.team.is_empty() {
            corps.to_string()
        } else {
            format!("{}、{corps}", self.team)
        }
    }
}

const fn kind(name: &'static str, theme: &'static str, team: &'static str, corps: u8) -> ActivityKind {
    ActivityKind { name, theme, team, corps }
}

/// Everyday activities. The two named `环境卫生…` and `志愿者日常…` are false friends on
/// purpose: 环境卫生 is not the 医疗卫生 team, 志愿者日常 is not 国际志愿者日. The last
/// five give 梅列2017's sub-themes that the others leave out (公共文化设施, 大型活动,
/// 便民利民, 保护河流) and the green team a second trade.
pub const ACTIVITIES: [ActivityKind; 34] = [
    kind("空巢老人走访慰问", "关爱空巢老人", "社工", PURPLE),
    kind("独居老人居家安全检查", "关爱空巢老人", "消防", RED),
    kind("高龄老人健康义诊", "关爱空巢老人", "医疗卫生", GOLD),
    kind("四点半课堂辅导", "关爱留守儿童", "教育", GOLD),
    kind("留守儿童亲情陪伴", "关爱留守儿童", "社工", RED),
    kind("困境儿童暑期托管", "关爱留守儿童", "教育", GOLD),
    kind("困难职工帮扶走访", "关爱困难职工", "慈善捐助", PURPLE),
    kind("农民工子女课业辅导", "关爱困难职工", "教育", GOLD),
    kind("残疾人康复助残服务", "关爱残疾人", "医疗卫生", GOLD),
    kind("助残结对帮扶", "关爱残疾人", "社工", PURPLE),
    kind("党员志愿服务进小区", "党员志愿服务", "", RED),
    kind("党员先锋清扫楼道", "党员志愿服务", "", RED),
    kind("文明旅游宣传劝导", "文明旅游", "", YELLOW),
    kind("文明交通劝导", "文明交通", "交通", YELLOW),
    kind("礼让斑马线宣传", "文明交通", "交通", YELLOW),
    kind("网络文明传播", "文明上网", "", YELLOW),
    kind("普法宣传进社区", "", "法律", BLUE),
    kind("法律援助咨询", "", "法律", BLUE),
    kind("垃圾分类环保行动", "", "环保", GREEN),
    kind("河道护绿清洁", "", "环保", GREEN),
    kind("义诊进社区", "", "医疗卫生", GOLD),
    kind("科普知识讲座", "", "科技", GREEN),
    kind("消防安全宣传", "", "消防", RED),
    kind("社区文艺汇演", "", "文体", ORANGE),
    kind("全民健身体育活动", "", "文体", ORANGE),
    kind("爱心捐助义卖", "", "慈善捐助", PURPLE),
    kind("家庭理财财务知识讲座", "", "财务", GREEN),
    kind("环境卫生整治", "", "", GREEN),
    kind("志愿者日常巡逻", "", "", YELLOW),
    kind("社区图书馆图书整理", "", "文体", ORANGE),
    kind("马拉松赛事志愿服务", "", "文体", ORANGE),
    kind("便民理发义剪服务", "", "社工", RED),
    kind("保护母亲河巡河行动", "", "环保", GREEN),
    kind("农技下乡产业指导", "", "科技", GREEN),
];

/// A holiday-themed activity: the holiday's calendar id, the activity name (which names
/// the holiday) and its theme and team cells. Holidays missing here get
/// "{节日名}主题志愿服务", run by [`GENERIC_HOLIDAY_CORPS`].
pub const HOLIDAY_ACTIVITIES: [(&str, ActivityKind); 20] = [
    ("new_year", kind("元旦迎新文艺演出", "", "文体", ORANGE)),
    ("spring_festival", kind("新春慰问困难职工", "关爱困难职工", "慈善捐助", PURPLE)),
    ("lei_feng_day", kind("学雷锋日志愿服务集中行动", "", "", RED)),
    ("tree_planting_day", kind("植树节义务植树", "", "环保", GREEN)),
    ("qingming", kind("清明祭英烈", "", "", RED)),
    ("earth_day", kind("世界地球日垃圾分类宣传", "", "环保", GREEN)),
    ("world_book_day", kind("世界读书日亲子阅读", "", "教育", GOLD)),
    ("labour_day", kind("劳动节慰问农民工", "关爱困难职工", "", PURPLE)),
    ("youth_day", kind("五四青年文明交通劝导", "文明交通", "交通", YELLOW)),
    ("helping_disabled_day", kind("全国助残日助残服务", "关爱残疾人", "社工", PURPLE)),
    ("childrens_day", kind("六一儿童节关爱留守儿童", "关爱留守儿童", "教育", GOLD)),
    ("dragon_boat", kind("端午节为独居老人送粽子", "关爱空巢老人", "", YELLOW)),
    ("party_founding_day", kind("七一党员志愿服务", "党员志愿服务", "", RED)),
    ("teachers_day", kind("教师节慰问退休教师", "", "教育", GOLD)),
    ("mid_autumn", kind("中秋节慰问空巢老人", "关爱空巢老人", "", YELLOW)),
    ("national_day", kind("国庆节文明旅游宣传", "文明旅游", "", YELLOW)),
    ("double_ninth", kind("关爱空巢老人·重阳节敬老慰问", "关爱空巢老人", "医疗卫生", GOLD)),
    ("fire_safety_day", kind("119消防宣传进社区", "", "消防", RED)),
    ("constitution_day", kind("国家宪法日普法宣传", "", "法律", BLUE)),
    ("volunteer_day", kind("国际志愿者日集中服务", "", "社工", RED)),
];

/// The team of the generic holiday activities ("{节日名}主题志愿服务"): 文明新风.
pub const GENERIC_HOLIDAY_CORPS: u8 = YELLOW;

/// 培训类型 with weights, and the topics each kind's trainings have.
pub const TRAININGS: [(&str, u32, &[&str]); 4] = [
    ("骨干", 40, &["志愿服务骨干培训", "志愿服务项目管理培训", "志愿者队伍负责人培训"]),
    ("专业", 30, &["应急救护专业培训", "心理疏导专业培训", "消防技能专业培训", "法律援助专业培训"]),
    ("网络文明传播", 20, &["网络文明传播志愿者培训"]),
    ("通用", 10, &["新注册志愿者通识培训", "志愿服务礼仪培训"]),
];

/// The 培训类型 drop-down of the template.
pub fn training_kinds() -> Vec<&'static str> {
    TRAININGS.iter().map(|(k, _, _)| *k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scorecard_model::calendar::HOLIDAYS;
    use scorecard_model::tags::{default_teams, default_themes, holiday_dict};
    use std::collections::BTreeSet;

    fn unique<'a>(items: impl IntoIterator<Item = &'a str>, what: &str) {
        let mut seen = BTreeSet::new();
        for i in items {
            assert!(!i.is_empty(), "{what}: empty");
            assert!(seen.insert(i), "{what}: {i} twice");
        }
    }

    #[test]
    fn tables_are_non_empty_unique_and_positive() {
        unique(SURNAMES.iter().map(|s| s.0), "surnames");
        unique(STATIONS, "stations");
        unique(TOWNS, "towns");
        unique(ACTIVITIES.iter().map(|a| a.name), "activities");
        unique(HOLIDAY_ACTIVITIES.iter().map(|a| a.0), "holiday ids");
        unique(TRAININGS.iter().map(|t| t.0), "training kinds");
        assert!(SURNAMES.iter().all(|s| s.1 > 0) && AREA_CODES.iter().all(|a| a.1 > 0));
        assert!(POLITICAL.iter().all(|p| p.1 > 0) && HALF_HOURS.iter().all(|h| h.1 > 0 && h.0 <= 16));
        assert!(TRAININGS.iter().all(|t| t.1 > 0 && !t.2.is_empty()));
        assert!(AREA_CODES.iter().all(|a| (110000..=659999).contains(&a.0)));
        assert!(MOBILE_PREFIXES.iter().all(|p| (130..=189).contains(p)));
        for s in [GIVEN_MALE, GIVEN_FEMALE, GIVEN_EITHER] {
            unique(s.char_indices().map(|(i, c)| &s[i..i + c.len_utf8()]), "given names");
        }
        // about 30 % party members (中共党员 + 中共预备党员), as the brief of the data says
        let total: u32 = POLITICAL.iter().map(|p| p.1).sum();
        assert_eq!((POLITICAL[0].1 + POLITICAL[1].1) * 100 / total, 30);
    }

    #[test]
    fn corps_are_the_seven_teams_of_town2021_and_each_runs_everyday_activities() {
        let profile = scorecard_model::profile::builtin("town2021").expect("town2021 is built in");
        let names: Vec<&str> = profile.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, CORPS);
        for (c, name) in CORPS.iter().enumerate() {
            assert!(ACTIVITIES.iter().any(|a| usize::from(a.corps) == c), "{name} has no everyday activity");
        }
        assert!(usize::from(GENERIC_HOLIDAY_CORPS) < CORPS.len());
    }

    #[test]
    fn activity_cells_are_dictionary_names_and_names_carry_their_tags() {
        let themes = default_themes();
        let teams = default_teams();
        let holidays = holiday_dict();
        let theme_names: Vec<&str> = themes.tags.iter().map(|t| t.name.as_str()).collect();
        let team_names: Vec<&str> = teams.tags.iter().map(|t| t.name.as_str()).collect();
        let all = ACTIVITIES.iter().chain(HOLIDAY_ACTIVITIES.iter().map(|(_, k)| k));
        for a in all {
            assert!(a.theme.is_empty() || theme_names.contains(&a.theme), "{}", a.name);
            assert!(a.team.is_empty() || team_names.contains(&a.team), "{}", a.name);
            // the name alone names exactly its theme (so inference from the name agrees)
            let want: Vec<usize> = theme_names.iter().position(|t| *t == a.theme).into_iter().collect();
            assert_eq!(themes.matches(a.name), want, "{}", a.name);
        }
        for (id, k) in HOLIDAY_ACTIVITIES {
            let i = HOLIDAYS.iter().position(|h| h.id == id).unwrap_or_else(|| panic!("unknown holiday {id}"));
            assert_eq!(holidays.matches(k.name), vec![i], "{}", k.name);
        }
        for k in ACTIVITIES {
            assert!(holidays.matches(k.name).is_empty(), "{} names a holiday", k.name);
        }
        // the 服务队 cell names the kind for X7's dictionary and the colour team for T1's
        let town2021 = scorecard_model::profile::builtin("town2021").expect("town2021 is built in");
        let corps = scorecard_score::calendar_and_tags::Dicts::new(&town2021, &[]).teams;
        let all = ACTIVITIES.iter().chain(HOLIDAY_ACTIVITIES.iter().map(|(_, k)| k));
        for a in all {
            let cell = a.team_cell();
            let want: Vec<usize> = team_names.iter().position(|t| *t == a.team).into_iter().collect();
            assert_eq!(teams.matches(&cell), want, "{cell}");
            assert_eq!(corps.matches(&cell), vec![usize::from(a.corps)], "{cell}");
        }
        // the false friends really are false
        assert!(teams.matches("环境卫生整治").is_empty());
        assert!(holidays.matches("志愿者日常巡逻").is_empty());
    }
}
