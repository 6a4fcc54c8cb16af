//! Generated cells by kind (the `cells` of a shape's column): names, IDs, phones, dates in
//! the orders real sheets write them, hours, codes … realistic in form, nobody real.

use crate::support::corpus::cells::Gen as Base;
use crate::support::corpus::write::{date_cell, number_cell};

/// The generator, and the row's last date and time: a later `datetime` or `time` on the
/// same row is later on the same day (sign-up, sign-in, sign-out of one service).
pub struct Gen(Base, Option<(u32, i32, u32, u32, u64)>);

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "林", "郭", "何", "高", "罗", "郑", "梁", "谢", "宋",
    "唐",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "敏", "静", "强", "磊", "军", "洋", "艳", "杰", "明", "秀英", "建华", "志强", "玉兰", "子涵", "雅婷",
    "家豪", "志明", "淑芬",
];
const FIRST: &[&str] =
    &["Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan", "Grace", "Daniel"];
const LAST: &[&str] =
    &["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Chan", "Wong", "Lee", "Garcia", "Martin", "Clarke", "Davies"];
const STATIONS: &[&str] = &["新桥社区", "大丰社区", "桂湖社区", "正因村", "马超社区"];
const ORGS: &[&str] = &["青年志愿者协会", "爱心义工队", "红十字志愿服务队", "阳光助残服务队", "社区服务中心"];
const COLLEGES: &[&str] = &["文学院", "理学院", "计算机学院", "外国语学院", "经济管理学院"];
const ACTIVITIES: &[&str] =
    &["敬老院探访", "社区环境整治", "交通文明劝导", "图书馆整理", "垃圾分类宣传", "关爱留守儿童"];
const THEMES: &[&str] = &["助老服务", "环境保护", "文明劝导", "助学支教", "扶贫帮困"];
const PLACES: &[&str] = &["社区活动中心", "敬老院", "图书馆", "公园", "学校操场"];
const FIELD_NAMES: &[&str] =
    &["姓名", "证件号码", "手机号码", "所属站点", "服务时长", "注册日期", "志愿者编号", "性别", "服务日期", "活动名称"];
const STATUS: &[&str] = &["已审核", "待审核", "已通过", "已驳回"];
const TEXT: &[&str] = &["表现良好", "按时到岗", "无", "提前离开", "协助布置场地"];

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen(Base::new(seed), None)
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        self.0.pick(list)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0.below(n)
    }

    fn name_zh(&mut self) -> String {
        format!("{}{}", self.pick(SURNAMES), self.pick(GIVEN))
    }

    /// A date of `year`: (year, month, day).
    fn ymd(&mut self, year: i32) -> (i32, u32, u32) {
        (year, 1 + self.below(12) as u32, 1 + self.below(28) as u32)
    }

    fn upper(&mut self) -> char {
        (b'A' + self.below(26) as u8) as char
    }

    /// The day and hour of row `i`'s service: its first time, then one to three hours on
    /// each time after.
    fn start_or_end(&mut self, i: u32, year: i32) -> (i32, u32, u32, u64) {
        match self.1 {
            Some((row, y, m, d, h)) if row == i => {
                let h = h + 1 + self.below(3);
                self.1 = Some((row, y, m, d, h));
                (y, m, d, h)
            }
            _ => {
                let (y, m, d) = self.ymd(year);
                let h = 8 + self.below(8);
                self.1 = Some((i, y, m, d, h));
                (y, m, d, h)
            }
        }
    }

    /// One cell of `kind` on data row `i` (0-based) of a sheet about `year`.
    pub fn cell(&mut self, kind: &str, i: u32, year: i32) -> String {
        if let Some(choices) = kind.strip_prefix("choice:") {
            let list: Vec<&str> = choices.split('|').collect();
            return self.pick(&list).to_string();
        }
        match kind {
            "name_zh" => self.name_zh(),
            "name_en" => format!("{} {}", self.pick(FIRST), self.pick(LAST)),
            "name_en_last_first" => format!("{}, {}", self.pick(LAST), self.pick(FIRST)),
            "names_joined_zh" => {
                let n = 2 + self.below(3);
                (0..n).map(|_| self.name_zh()).collect::<Vec<_>>().join("、")
            }
            "id_cn" => self.0.id(),
            "id_tw" => format!("{}{}{:08}", self.upper(), 1 + self.below(2), self.below(100_000_000)),
            "id_hk" => format!("{}{:06}({})", self.upper(), self.below(1_000_000), self.below(10)),
            "passport" => format!("E{:08}", self.below(100_000_000)),
            "mobile_cn" => self.0.mobile(),
            "phone_tw" => format!("09{:02}-{:03}-{:03}", self.below(100), self.below(1000), self.below(1000)),
            "phone_hk" => format!("{}{:03} {:04}", 5 + self.below(5), self.below(1000), self.below(10000)),
            "phone_en" => format!("({:03}) {:03}-{:04}", 200 + self.below(700), self.below(1000), self.below(10000)),
            "email" => format!("user{}@example.org", self.below(10000)),
            "volunteer_no" => format!("3401021{:011}", self.below(100_000_000_000)),
            "student_no" => format!("2021{:06}", self.below(1_000_000)),
            "code" => format!("{}{:02}", self.upper(), self.below(100)),
            "seq" => format!("{}", i + 1),
            "gender_zh" => self.pick(&["男", "女"]).into(),
            "gender_en" => self.pick(&["Male", "Female"]).into(),
            "political" => self.pick(&["群众", "共青团员", "中共党员"]).into(),
            "station" => self.pick(STATIONS).into(),
            "org" => self.pick(ORGS).into(),
            "college" => self.pick(COLLEGES).into(),
            "class" => format!("{}{}", self.pick(&["计科", "汉语言", "数学", "英语"]), 2101 + self.below(4)),
            "grade" => format!("{}级", 2020 + self.below(4)),
            "activity" => self.pick(ACTIVITIES).into(),
            "theme" => self.pick(THEMES).into(),
            "place" => self.pick(PLACES).into(),
            "date_ymd" => {
                let (y, m, d) = self.ymd(year);
                format!("{y}-{m:02}-{d:02}")
            }
            "date_ymd_slash" => {
                let (y, m, d) = self.ymd(year);
                format!("{y}/{m}/{d}")
            }
            "date_dmy" => {
                let (y, m, d) = self.ymd(year);
                format!("{:02}/{m:02}/{y}", d + 12 * u32::from(d <= 12 && i.is_multiple_of(2)))
            }
            "date_mdy" => {
                let (y, m, d) = self.ymd(year);
                format!("{m:02}/{d:02}/{y}")
            }
            "date_cn" => {
                let (y, m, d) = self.ymd(year);
                format!("{y}年{m}月{d}日")
            }
            "date_roc" => {
                let (y, m, d) = self.ymd(year);
                format!("{}/{m:02}/{d:02}", y - 1911)
            }
            "date_roc_compact" => {
                let (y, m, d) = self.ymd(year);
                format!("{}{m:02}{d:02}", y - 1911)
            }
            "datetime" => {
                let (y, m, d, h) = self.start_or_end(i, year);
                format!("{y}-{m:02}-{d:02} {h:02}:{:02}:00", 30 * self.below(2))
            }
            "date_serial" => {
                let (y, m, d) = self.ymd(year);
                date_cell(y, m, d)
            }
            "month" => format!("{year}-{:02}", 1 + self.below(12)),
            "time" => {
                let (_, _, _, h) = self.start_or_end(i, year);
                format!("{h:02}:{:02}", 30 * self.below(2))
            }
            "time_span" => {
                let h = 8 + self.below(8);
                format!("{h:02}:00-{:02}:30", h + 2)
            }
            "hours" => number_cell(f64::from(1 + self.below(8) as u32) / 2.0 + 0.5),
            "hours_text" => self.0.hours_text(),
            "hours_unit" => format!("{}小时", 1 + self.below(6)),
            "minutes" => format!("{}", 30 * (1 + self.below(8))),
            "count" => format!("{}", 1 + self.below(80)),
            "points" => format!("{}", self.below(500)),
            "money" => format!("{}.00", 10 * (1 + self.below(50))),
            "yes_no" => self.pick(&["是", "否"]).into(),
            "status" => self.pick(STATUS).into(),
            "text" => self.pick(TEXT).into(),
            "field_name" => FIELD_NAMES[i as usize % FIELD_NAMES.len()].into(),
            "blank" => String::new(),
            other => panic!("unknown cell kind {other}"),
        }
    }
}
