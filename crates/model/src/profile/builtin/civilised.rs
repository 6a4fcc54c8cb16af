//! 文明城市: a city's plan for volunteer work while bidding for National Civilised City.
//! Targets from 二(二) (city-wide share) and 三(一)–三(二) (stations, units, hours).

use crate::context::{Level, UnitType};
use crate::profile::builtin::*;
use crate::profile::share::Share;

const DOC: &str = "文明城市";

/// C2's targets by unit type (三(二)1). A 文明村镇(社区)'s "单位总人数" is its resident
/// population, so its share divides by 常住人口; every other type by 职工总数 (headcount).
fn unit_targets() -> Vec<UnitTarget> {
    use Denominator::*;
    use UnitType::*;
    [
        (PartyGovernment, 60, Staff),
        (PeopleOrganisation, 60, Staff),
        (Enterprise, 50, Staff),
        (CivilisedUnit, 70, Staff),
        (School, 70, Staff),
        (College, 70, Staff),
        (CivilisedVillage, 15, Population),
    ]
    .into_iter()
    .map(|(unit_type, p, of)| UnitTarget { unit_type, min: Share::percent(p), of })
    .collect()
}

pub(super) fn profile() -> Profile {
    use PeriodKind as P;
    use Scope::*;
    Profile {
        id: "civilised-city".into(),
        name_zh: "创建全国文明城市".into(),
        name_en: "National Civilised City bid".into(),
        based_on: None,
        theme_ignore: vec![],
        team_ignore: vec![],
        level: Level::Unit,
        document: DOC.into(),
        themes: vec![],
        teams: vec![],
        indicators: vec![
            ind(
                "C1",
                "注册率",
                "Registered share of residents",
                src(DOC, "二(二)", "使注册志愿者人数达到城市建成区常住人口总数的10%以上"),
                P::None,
                Whole,
                Rule::RegisteredShare { of: Denominator::Population, min: Share::percent(10) },
            ),
            ind(
                "C2",
                "单位注册率",
                "Unit registration share",
                src(
                    DOC,
                    "三(二)1",
                    "注册志愿者人数占单位总……要达到一定比例：党政机关和人民团体要达到60%以上，企事业单位要达到50%以上，市、区文明单位，初中以上学校、大中专院校要达到70%以上，\
                        文明村镇(社区)要达到15%以上",
                ),
                P::None,
                Whole,
                Rule::UnitRegisteredShare { targets: unit_targets() },
            ),
            ind(
                "C3",
                "年服务时长",
                "Hours per volunteer",
                src(DOC, "三(二)3", "及时提醒每名注册志愿者每年参加志愿服务时间累计应不少于20小时"),
                P::Year,
                Whole,
                Rule::HeadsReachingHours { hours: 20.0, min: Share::percent(100), group: Group::Registered },
            ),
            ind(
                "C4",
                "站点六个有",
                "Station \"six haves\"",
                src(
                    DOC,
                    "三(一)",
                    "有一套志愿者管理制度，有一个志愿活动专用场所，有一支志愿者队伍，有注册志愿者、志愿服务活动和服务对象的台账，有相对固定的服务项目，有明显标识",
                ),
                P::None,
                Whole,
                Rule::Checklist {
                    items: items(&[
                        ("管理制度", "A set of volunteer management rules"),
                        ("专用场所", "A dedicated activity room"),
                        ("志愿者队伍", "A volunteer team"),
                        ("台账", "Ledgers of volunteers, activities and recipients"),
                        ("固定服务项目", "Regular service projects"),
                        ("明显标识", "Clear signage"),
                    ]),
                },
            ),
            ind(
                "C5",
                "服务队五有",
                "Unit team \"five haves\"",
                src(DOC, "三(一)", "按照有组织、有人员、有服务场所(对象)、有活动、有制度的“五有”标准，成立志愿服务队"),
                P::None,
                Whole,
                Rule::Checklist {
                    items: items(&[
                        ("有组织", "Has an organisation"),
                        ("有人员", "Has people"),
                        ("有服务场所(对象)", "Has a place (or recipients) to serve"),
                        ("有活动", "Runs activities"),
                        ("有制度", "Has rules"),
                    ]),
                },
            ),
        ],
    }
}
