//! 梅列2017: Meilie district's 2017 学雷锋 plan: care for others, society and nature
//! (三(一)–(三)), the two key days (三(二)5), online-civility training (三(二)6).

use crate::context::Level;
use crate::profile::builtin::*;

const DOC: &str = "梅列2017";

/// The sub-themes of 三(一) 关爱他人, 三(二) 关爱社会 and 三(三) 关爱自然.
pub(super) fn themes() -> Vec<TagEntry> {
    const OTHERS: &str = "关爱他人";
    const SOCIETY: &str = "关爱社会";
    const NATURE: &str = "关爱自然";
    vec![
        grouped(OTHERS, "空巢老人", "Empty-nest elderly", &["独居老人", "孤寡老人", "高龄老人"]),
        grouped(OTHERS, "留守儿童", "Left-behind children", &["困境儿童", "代理家长", "爱心妈妈"]),
        grouped(OTHERS, "困难职工", "Workers in hardship / migrant workers", &["农民工"]),
        grouped(OTHERS, "残疾人", "People with disabilities", &["助残", "残障"]),
        grouped(SOCIETY, "公共文化设施", "Public cultural facilities", &["图书馆", "文化馆", "博物馆"]),
        grouped(SOCIETY, "文明旅游", "Civilised tourism", &["旅游"]),
        grouped(
            SOCIETY,
            "专业服务进社区",
            "Professional services",
            &["专业服务", "专业志愿服务", "义诊", "普法", "科普"],
        ),
        grouped(SOCIETY, "大型活动", "Large events", &["大型社会活动", "赛会", "赛事"]),
        grouped(SOCIETY, "便民利民", "Services for residents", &["便民", "利民"]),
        grouped(SOCIETY, "网络文明传播", "Online civility", &["网络文明", "文明上网"]),
        grouped(SOCIETY, "社会秩序", "Public order", &["秩序维护", "治安巡查", "交通劝导", "文明交通"]),
        grouped(NATURE, "植树", "Tree planting", &["植绿", "护绿", "造林"]),
        grouped(NATURE, "环保知识", "Environmental knowledge", &["环保宣传", "垃圾分类", "低碳", "节能减排"]),
        grouped(NATURE, "保护河流", "Protecting rivers", &["母亲河", "河流", "护河", "护水", "节水"]),
        grouped(NATURE, "清洁环境", "Clean surroundings", &["环境卫生", "大扫除", "白色垃圾", "清洁"]),
    ]
}

pub(super) fn profile() -> Profile {
    use PeriodKind as P;
    use Scope::*;
    let coverage = themes().into_iter().map(|t| ThemeMin { theme: t.name, min: 1 }).collect();
    let day = |month, day, zh: &str, en: &str| KeyDay { month, day, name_zh: zh.into(), name_en: en.into() };
    Profile {
        id: "meilie2017".into(),
        name_zh: "梅列2017 学雷锋".into(),
        name_en: "Meilie 2017 — Learn from Lei Feng".into(),
        based_on: None,
        theme_ignore: vec![],
        team_ignore: vec![],
        level: Level::Town,
        document: DOC.into(),
        themes: themes(),
        teams: vec![],
        indicators: vec![
            ind(
                "M1",
                "三关爱全覆盖",
                "Care coverage",
                src(DOC, "三(一)(二)(三)", "开展关爱他人志愿服务……开展关爱社会志愿服务……开展关爱自然志愿服务"),
                P::Year,
                Whole,
                Rule::ThemeCoverage { themes: coverage },
            ),
            ind(
                "M2",
                "重要节点",
                "Key days",
                src(
                    DOC,
                    "三(二)5",
                    "利用3·5学雷锋日、12·5国际志愿者日等重要节点……集中开展大型便民利民志愿服务主题活动",
                ),
                P::Year,
                Whole,
                Rule::KeyDays {
                    min: 1,
                    days: vec![
                        day(3, 5, "学雷锋日", "Learn from Lei Feng Day"),
                        day(12, 5, "国际志愿者日", "International Volunteer Day"),
                    ],
                },
            ),
            ind(
                "M3",
                "网络文明传播培训",
                "Online-civility training",
                src(DOC, "三(二)6", "举办网络文明传播志愿服务培训班，每季度对网络文明传播志愿者工作情况进行工作通报"),
                P::Quarter,
                Whole,
                Rule::TrainingsPerPeriod { min: 1, filter: strings(&["网络文明", "文明上网"]) },
            ),
        ],
    }
}
