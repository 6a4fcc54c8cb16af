//! The 25 holidays of indicators.md §3 (新都2017 附件2 工作要求5) as data: one row per
//! holiday with its stable id, names, aliases and the rule that dates it.
//!
//! Invariant (tested below): 25 rows, unique ids, unique names, and no alias (or name)
//! shared by two holidays, so a matched word always points at exactly one holiday.
//!
//! Aliases are the ones of §3 plus short forms a clerk writes in an activity name. Each
//! addition is marked `+` with its reason. We add none that is an ordinary word: "植树"
//! (any tree planting, and a team alias) is NOT an alias of 植树节, "新年" (元旦 or 春节?)
//! is not one of either, "读书" is not 世界读书日.

use chrono::Weekday;
use std::ops::RangeInclusive;

/// The years we date holidays for. Every holiday of every year in it is checked against
/// an independent implementation (`crates/domain/tests/domain/calendar_fixture.rs`); widening it means
/// regenerating that fixture (`crates/domain/tests/fixtures/gen_holidays.py`) for the new years.
pub fn supported_years() -> RangeInclusive<i32> {
    2000..=2100
}

/// How a holiday's date is found in a given Gregorian year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayRule {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// A lunar month (never the leap month of the same number) and day; the lunar year
    /// that starts in the Gregorian year asked for.
    Lunar(u32, u32),
    /// The day of the Qingming solar term (Beijing time).
    Qingming,
    /// The `n`-th `weekday` of `month` (n counted from 1).
    NthWeekday { month: u32, weekday: Weekday, n: u32 },
}

/// One row of the holiday table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HolidayDef {
    /// Stable ascii id (used in drafts, fixtures and reports; never rename).
    pub id: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    pub aliases: &'static [&'static str],
    pub rule: HolidayRule,
}

const fn fixed(
    id: &'static str,
    name: &'static str,
    name_en: &'static str,
    aliases: &'static [&'static str],
    month: u32,
    day: u32,
) -> HolidayDef {
    HolidayDef { id, name, name_en, aliases, rule: HolidayRule::Fixed(month, day) }
}

const fn lunar(
    id: &'static str,
    name: &'static str,
    name_en: &'static str,
    aliases: &'static [&'static str],
    month: u32,
    day: u32,
) -> HolidayDef {
    HolidayDef { id, name, name_en, aliases, rule: HolidayRule::Lunar(month, day) }
}

/// The holidays in the order of §3. `tags::holiday_dict()` keeps this order, so index `i`
/// of that dictionary is `HOLIDAYS[i]`.
pub const HOLIDAYS: [HolidayDef; 25] = [
    fixed("new_year", "元旦", "New Year's Day", &[], 1, 1),
    // + 新春: 迎新春 / 新春慰问 always mean the Spring Festival.
    lunar("spring_festival", "春节", "Spring Festival", &["新春"], 1, 1),
    fixed("lei_feng_day", "学雷锋纪念日", "Learn from Lei Feng Day", &["学雷锋日", "雷锋日"], 3, 5),
    fixed("tree_planting_day", "植树节", "Arbor Day", &[], 3, 12),
    // + 清明: the festival is usually written without 节 (清明祭英烈).
    HolidayDef {
        id: "qingming",
        name: "清明节",
        name_en: "Qingming Festival",
        aliases: &["清明"],
        rule: HolidayRule::Qingming,
    },
    // + 地球日: the usual short form.
    fixed("earth_day", "世界地球日", "Earth Day", &["地球日"], 4, 22),
    // + 读书日: the usual short form (全民读书日活动).
    fixed("world_book_day", "世界读书日", "World Book Day", &["读书日"], 4, 23),
    fixed("labour_day", "国际劳动节", "International Workers' Day", &["劳动节", "五一"], 5, 1),
    fixed("youth_day", "青年节", "Youth Day", &["五四"], 5, 4),
    // + 助残日: short form; the theme alias 助残 lives in another dictionary.
    HolidayDef {
        id: "helping_disabled_day",
        name: "全国助残日",
        name_en: "National Day of Helping the Disabled",
        aliases: &["助残日"],
        rule: HolidayRule::NthWeekday { month: 5, weekday: Weekday::Sun, n: 3 },
    },
    fixed("childrens_day", "国际儿童节", "Children's Day", &["儿童节", "六一"], 6, 1),
    // + 端午: usually written without 节.
    lunar("dragon_boat", "端午节", "Dragon Boat Festival", &["端午"], 5, 5),
    // + 建党节: the common name of 7-1.
    fixed("party_founding_day", "建党纪念日", "CPC Founding Day", &["七一", "建党节"], 7, 1),
    // + 抗战胜利: 纪念抗战胜利X周年 names the day without 纪念日.
    fixed("victory_day", "抗战胜利纪念日", "Victory Day of the War of Resistance", &["抗战胜利"], 9, 3),
    fixed("teachers_day", "教师节", "Teachers' Day", &[], 9, 10),
    // + 中秋: usually written without 节.
    lunar("mid_autumn", "中秋节", "Mid-Autumn Festival", &["中秋"], 8, 15),
    // + 公民道德日: the usual short form.
    fixed("civic_morality_day", "公民道德宣传日", "Civic Morality Day", &["公民道德日"], 9, 20),
    fixed("national_day", "国庆节", "National Day", &["国庆"], 10, 1),
    // + 重阳: without 节; 老年节: the legal name of lunar 9-9 (老年人权益保障法 art. 12).
    lunar("double_ninth", "重阳节", "Double Ninth Festival", &["重阳", "老年节"], 9, 9),
    fixed("poverty_relief_day", "扶贫日", "Poverty Relief Day", &[], 10, 17),
    fixed("fire_safety_day", "全国消防宣传日", "Fire Safety Day", &["消防日", "119"], 11, 9),
    // + 国际残疾人日 / 残疾人日: the UN day's other usual Chinese names.
    fixed(
        "disabled_persons_day",
        "世界残疾人日",
        "International Day of Persons with Disabilities",
        &["国际残疾人日", "残疾人日"],
        12,
        3,
    ),
    fixed("constitution_day", "国家宪法日", "National Constitution Day", &["宪法日"], 12, 4),
    // + 国际志愿人员日: the UN's official Chinese name of the day.
    fixed("volunteer_day", "国际志愿者日", "International Volunteer Day", &["志愿者日", "国际志愿人员日"], 12, 5),
    fixed("memorial_day", "国家公祭日", "National Memorial Day", &["公祭日"], 12, 13),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn table_has_25_rows_with_unique_ids_and_unambiguous_words() {
        assert_eq!(HOLIDAYS.len(), 25);
        let mut ids = BTreeMap::new();
        let mut words: BTreeMap<&str, &str> = BTreeMap::new();
        for h in &HOLIDAYS {
            assert!(h.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "id {}", h.id);
            assert!(ids.insert(h.id, h.name).is_none(), "duplicate id {}", h.id);
            assert!(!h.name_en.is_empty());
            for w in std::iter::once(&h.name).chain(h.aliases) {
                assert!(!w.trim().is_empty() && w.trim() == *w, "{}: blank or padded alias", h.id);
                if let Some(other) = words.insert(w, h.id) {
                    panic!("{w} names both {other} and {}", h.id);
                }
            }
        }
    }

    #[test]
    fn every_rule_is_well_formed() {
        for h in &HOLIDAYS {
            match h.rule {
                HolidayRule::Fixed(m, d) => {
                    // valid in a leap and in a common year
                    assert!(chrono::NaiveDate::from_ymd_opt(2017, m, d).is_some(), "{}", h.id);
                }
                HolidayRule::Lunar(m, d) => assert!((1..=12).contains(&m) && (1..=29).contains(&d), "{}", h.id),
                HolidayRule::NthWeekday { month, n, .. } => {
                    assert!((1..=12).contains(&month) && (1..=4).contains(&n), "{}", h.id)
                }
                HolidayRule::Qingming => {}
            }
        }
        // 4 lunar, 1 solar term, 1 weekday rule, 19 fixed: the counts of §3.
        let count = |f: fn(&HolidayRule) -> bool| HOLIDAYS.iter().filter(|h| f(&h.rule)).count();
        assert_eq!(count(|r| matches!(r, HolidayRule::Lunar(..))), 4);
        assert_eq!(count(|r| matches!(r, HolidayRule::Qingming)), 1);
        assert_eq!(count(|r| matches!(r, HolidayRule::NthWeekday { .. })), 1);
        assert_eq!(count(|r| matches!(r, HolidayRule::Fixed(..))), 19);
    }
}
