//! Generated cells for the corpus: names, ID numbers with good check digits, mobiles,
//! stations, dates and hours as text — realistic in form, nobody real. A small LCG keeps
//! every file the same from run to run.

pub struct Gen(u64);

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞",
    "平", "刚", "桂英", "建华", "志强", "玉兰", "海燕", "晓东", "雪梅", "文博", "子涵",
];
pub const STATIONS: &[&str] = &["新桥社区", "大丰社区", "桂湖社区", "正因村", "马超社区"];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen(seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len() as u64) as usize]
    }

    pub fn name(&mut self) -> String {
        format!("{}{}", self.pick(SURNAMES), self.pick(GIVEN))
    }

    /// An 18-character ID of a Chengdu Xindu district birth, with its GB 11643 check digit.
    pub fn id(&mut self) -> String {
        let year = 1950 + self.below(55);
        let month = 1 + self.below(12);
        let day = 1 + self.below(28);
        let seq = self.below(1000);
        let first17 = format!("510114{year:04}{month:02}{day:02}{seq:03}");
        let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
        format!("{first17}{}", CHECK[(sum % 11) as usize])
    }

    pub fn mobile(&mut self) -> String {
        format!("1{}{:09}", 3 + self.below(7), self.below(1_000_000_000))
    }

    pub fn station(&mut self) -> &'static str {
        self.pick(STATIONS)
    }

    /// A date of `year` as text, in one of the ways exports write it.
    pub fn date_text(&mut self, year: i32) -> String {
        let (m, d) = (1 + self.below(12), 1 + self.below(28));
        match self.below(3) {
            0 => format!("{year}-{m:02}-{d:02}"),
            1 => format!("{year}/{m}/{d}"),
            _ => format!("{year}-{m:02}-{d:02} {:02}:{:02}:{:02}", 8 + self.below(10), self.below(60), self.below(60)),
        }
    }

    /// Hours as text: `2`, `2.5`, `3.0`.
    pub fn hours_text(&mut self) -> String {
        let halves = 2 + self.below(8);
        if halves.is_multiple_of(2) {
            format!("{}", halves / 2)
        } else {
            format!("{}.5", halves / 2)
        }
    }
}
