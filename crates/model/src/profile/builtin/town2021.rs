//! 乡镇2021: a town's 2021 新时代文明实践 plan: seven colour-named teams, each active every
//! month (二), the 5th of every month as service day (三(一)), participation rates (三(二)).

use crate::context::Level;
use crate::profile::builtin::*;
use crate::profile::share::Share;

const DOC: &str = "乡镇2021";

/// The seven teams; each is also known by its colour word + 色 (红色 …).
pub(super) fn teams() -> Vec<TagEntry> {
    vec![
        tag("红色党员先锋服务队", "Red: Party-member vanguard team", &["红色"]),
        tag("绿色产业技术服务队", "Green: industry and technology team", &["绿色"]),
        tag("蓝色法律援助服务队", "Blue: legal aid team", &["蓝色"]),
        tag("黄色文明新风服务队", "Yellow: civility team", &["黄色"]),
        tag("橙色文化文艺服务队", "Orange: culture and arts team", &["橙色"]),
        tag("金色科教文卫服务队", "Gold: science, education and health team", &["金色"]),
        tag("紫色扶贫帮困服务队", "Purple: poverty relief team", &["紫色"]),
    ]
}

pub(super) fn profile() -> Profile {
    use PeriodKind as P;
    use Scope::*;
    let team_names = teams().into_iter().map(|t| t.name).collect();
    Profile {
        id: "town2021".into(),
        name_zh: "乡镇2021 新时代文明实践".into(),
        name_en: "Town 2021 — civilisation practice".into(),
        based_on: None,
        theme_ignore: vec![],
        team_ignore: vec![],
        level: Level::Town,
        document: DOC.into(),
        themes: vec![],
        teams: teams(),
        indicators: vec![
            ind(
                "T1",
                "七支队伍月月有活动",
                "Every team active every month",
                src(
                    DOC,
                    "二 重点任务（各服务队 时间要求）",
                    "组织队伍：红色党员先锋服务队……时间要求：每月至少开展1次活动",
                ),
                P::Month,
                Whole,
                Rule::TeamsPerPeriod { min: 1, teams: team_names },
            ),
            ind(
                "T2",
                "每月5号志愿服务日",
                "Service day on the 5th",
                src(DOC, "三(一)", "在我县确定的每月5号“志愿服务日”时间节点，要根据自身实际安排好相关志愿服务活动"),
                P::Month,
                Whole,
                Rule::ActivitiesPerPeriod { min: 1, day_of_month: Some(5) },
            ),
            ind(
                "T3",
                "党员参与率",
                "Party members taking part",
                src(DOC, "三(二)", "力争全镇各级在职党员志愿者活动参与率达到80%以上"),
                P::None,
                Whole,
                Rule::PartyRecordShare { min: Share::percent(80) },
            ),
            ind(
                "T4",
                "群众参与率",
                "Residents taking part",
                src(DOC, "三(二)", "基层群众参与文明实践志愿服务人数达到常住人口的13%以上"),
                P::None,
                Whole,
                Rule::ParticipantShare { of: Denominator::Population, min: Share::percent(13) },
            ),
        ],
    }
}
