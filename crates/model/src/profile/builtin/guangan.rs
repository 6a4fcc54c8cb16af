//! 广安2015: Guang'an city's 2015 plan: a theme for every month (附件 安排表), a monthly
//! report to the city (一(二)), standard community stations (三(二)).

use crate::context::Level;
use crate::profile::builtin::*;

const DOC: &str = "广安2015";

/// The themes of the monthly calendar (附件), with the words the table uses for them.
pub(super) fn themes() -> Vec<TagEntry> {
    vec![
        tag("暖冬行", "Warm winter", &["暖冬", "爱传递", "困难群众", "老弱病残", "留守儿童"]),
        tag("公民道德", "Civic morality / Lei Feng", &["学雷锋", "雷锋", "道德宣传", "春晖志愿"]),
        tag("文明交通", "Civilised traffic", &["交通劝导", "交通安全", "礼让斑马线"]),
        tag("文明旅游", "Civilised tourism", &["旅游"]),
        tag("助残", "Helping people with disabilities", &["残疾人", "残障"]),
        tag("环保", "Environment", &["环境保护", "节约能源", "环境整治", "生态"]),
        tag("党员", "Party members", &["红七月", "党员星期六"]),
        tag("文化", "Culture", &["文艺", "少年宫", "欢乐市民"]),
        tag("助学", "Helping students", &["金秋助学", "支教"]),
        tag("敬老", "Respecting the elderly", &["爱老", "重阳", "老人"]),
        // Named 社区志愿服务, not 社区: nearly every activity name contains 社区.
        tag("社区志愿服务", "Community service", &["社区服务", "社区主题", "邻里守望"]),
        tag("展示交流", "Showcase and awards", &["表彰", "评选", "最美志愿者"]),
    ]
}

/// Month → theme(s), from the 附件 安排表. Months 1–2 are one theme period (暖冬行); May
/// lists two rows (文明旅游 and 关爱残疾人), so May needs both.
fn calendar() -> Vec<ThemeSlot> {
    let slot = |months: &[u32], themes: &[&str]| ThemeSlot { months: months.to_vec(), themes: strings(themes) };
    vec![
        slot(&[1, 2], &["暖冬行"]),
        slot(&[3], &["公民道德"]),
        slot(&[4], &["文明交通"]),
        slot(&[5], &["文明旅游", "助残"]),
        slot(&[6], &["环保"]),
        slot(&[7], &["党员"]),
        slot(&[8], &["文化"]),
        slot(&[9], &["助学"]),
        slot(&[10], &["敬老"]),
        slot(&[11], &["社区志愿服务"]),
        slot(&[12], &["展示交流"]),
    ]
}

pub(super) fn profile() -> Profile {
    use PeriodKind as P;
    use Scope::*;
    Profile {
        id: "guangan2015".into(),
        name_zh: "广安2015 每月一主题".into(),
        name_en: "Guang'an 2015 — a theme a month".into(),
        based_on: None,
        theme_ignore: vec![],
        team_ignore: vec![],
        level: Level::Town,
        document: DOC.into(),
        themes: themes(),
        teams: vec![],
        indicators: vec![
            ind(
                "G1",
                "每月一主题",
                "Monthly theme",
                src(
                    DOC,
                    "二(一)；附件 月主题活动安排表",
                    "按照“每月一主题”的原则，市级和各地每月要突出主题开展一次集中统一的志愿服务活动",
                ),
                P::Month,
                Whole,
                Rule::ThemeCalendar { slots: calendar() },
            ),
            ind(
                "G2",
                "月报",
                "Monthly report",
                src(DOC, "一(二)", "实施志愿服务月报制度……各级、各单位、各志愿服务社团组织每月要定期向市文明办报送志愿服务项目、志愿服务工作情况"),
                P::Month,
                Whole,
                Rule::Checklist { items: vec![] },
            ),
            ind(
                "G3",
                "标准化站点",
                "Standard station",
                src(DOC, "三(二)", "各地要按照市上统一的社区志愿服务站点建设标准，大力加强志愿服务站点建设"),
                P::None,
                PerStation,
                Rule::Checklist { items: vec![] },
            ),
        ],
    }
}
