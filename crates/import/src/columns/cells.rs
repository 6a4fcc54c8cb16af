//! What one cell looks like, by its form alone: a person's name, a station's name, hours,
//! a phone or an ID number of Taiwan or Hong Kong. `content.rs` counts these down a column,
//! so that cells recognisable as such map their column whatever its header says.

use crate::input::cell::Cell;

/// The most common Chinese surnames (simplified and traditional forms), about nine in ten
/// people of the mainland, Hong Kong and Taiwan; two-character ones are listed apart.
const SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池乐樂匡钮鈕";
const DOUBLE_SURNAMES: &[&str] = &[
    "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
    "司徒", "夏侯",
];
/// Last characters of words that are no given names (学院, 社区, 活动 …).
const NOT_GIVEN: &str =
    "院区村站队隊会會部组組班课課动動务務处處局所室厅廳馆館心社团團协協校系级級科类類表单單号號费費员員导導传傳护護宣";

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// One Chinese personal name: a common surname, then one to three characters (two-character
/// surnames one or two), no character that ends an institution's name.
fn chinese_name(t: &str) -> bool {
    let n = t.chars().count();
    if !(2..=4).contains(&n) || !t.chars().all(is_cjk) {
        return false;
    }
    let last = t.chars().last().unwrap_or(' ');
    if NOT_GIVEN.contains(last) {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    SURNAMES.contains(first) || DOUBLE_SURNAMES.iter().any(|d| t.starts_with(d) && n >= 3)
}

/// A Latin personal name: two to four words of letters (by form only: `Beach Clean-up`
/// passes too, so the header decides between an event's name and a person's) (`Jane Smith`, `Smith, Jane`,
/// `Mary-Ann O'Brien`), each capitalised or the whole name in capitals of words of two
/// letters or more.
fn latin_name(t: &str) -> bool {
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if !(2..=4).contains(&words.len()) || t.chars().count() > 40 {
        return false;
    }
    let letters = |w: &&str| w.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\'' | '.'));
    // `Jane Smith`, or in capitals `ZHANG SAN` (words of two letters or more: no codes)
    let capitalised = words.iter().all(|w| {
        w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && letters(w)
            && w.chars().any(|c| c.is_ascii_lowercase())
    });
    let capitals = words.iter().all(|w| w.len() >= 2 && letters(w) && !w.chars().any(|c| c.is_ascii_lowercase()));
    capitalised || capitals
}

/// A person's name (or several joined by 、 ，; or spaces between Chinese names).
pub fn is_person_name(text: &str) -> bool {
    let t = text.trim();
    if chinese_name(t) || latin_name(t) {
        return true;
    }
    let parts: Vec<&str> = t.split(['、', '，', ';', '；', '/']).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() >= 2 && parts.iter().all(|p| chinese_name(p) || latin_name(p))
}

/// Words a station's, community's or organisation's name ends with.
const STATION_ENDS: &[&str] = &[
    "社区",
    "社區",
    "村",
    "居委会",
    "居委會",
    "街道",
    "服务站",
    "服務站",
    "志愿服务站",
    "工作站",
    "服务中心",
    "服務中心",
    "中心",
    "协会",
    "協會",
    "义工联",
    "義工聯",
    "服务队",
    "服務隊",
    "志愿队",
    "義工隊",
    "志工隊",
    "大队",
    "分队",
    "团委",
    "学院",
    "學院",
    "基金会",
    "基金會",
    "委员会",
    "委員會",
    "办事处",
    "辦事處",
];

/// A station's, community's or organisation's name: a few Chinese characters ending in one
/// of [`STATION_ENDS`].
pub fn is_station_name(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (3..=20).contains(&n)
        && t.chars().all(|c| is_cjk(c) || c.is_ascii_alphanumeric())
        && STATION_ENDS.iter().any(|e| t.ends_with(e) && t.chars().count() > e.chars().count())
}

/// A number a service's hours could be: above 0, at most 24.
pub fn as_hours(cell: &Cell) -> Option<f64> {
    let v = match cell {
        Cell::Int(i) => *i as f64,
        Cell::Float(f) => *f,
        Cell::Text(t) => t.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (v > 0.0 && v <= 24.0).then_some(v)
}

fn digits(t: &str) -> String {
    t.chars().filter(char::is_ascii_digit).collect()
}

/// A Taiwan mobile (`0912-345-678`), a Hong Kong number (`9123 4567`), a North American one
/// (`(555) 123-4567`): digits with spaces, dashes and brackets only.
pub fn is_other_phone(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+')) {
        return false;
    }
    let d = digits(t);
    (d.len() == 10 && d.starts_with("09"))
        || (d.len() == 8 && matches!(d.as_bytes()[0], b'5' | b'6' | b'9') && t.contains([' ', '-']))
        || (d.len() == 10 && t.starts_with('('))
}

/// A Taiwan ID (`A123456789`: a letter, 1 or 2 — 8 or 9 on a resident certificate — and
/// eight digits), a Hong Kong one
/// (`A123456(7)`) or a Malaysian MyKad (`850312-14-5567`).
pub fn is_other_id(text: &str) -> bool {
    let t = text.trim();
    let b = t.as_bytes();
    let tw = b.len() == 10
        && b[0].is_ascii_uppercase()
        && matches!(b[1], b'1' | b'2' | b'8' | b'9')
        && b[1..].iter().all(u8::is_ascii_digit);
    let hk = {
        let core = t.replace(['(', ')'], "");
        let cb = core.as_bytes();
        let letters = cb.iter().take_while(|c| c.is_ascii_uppercase()).count();
        (1..=2).contains(&letters)
            && cb.len() == letters + 7
            && cb[letters..letters + 6].iter().all(u8::is_ascii_digit)
            && (cb[letters + 6].is_ascii_digit() || cb[letters + 6] == b'A')
            && t.contains('(')
    };
    // Malaysia's MyKad (`850312-14-5567`): birth date, place, serial
    let my = b.len() == 14
        && b[6] == b'-'
        && b[9] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 6 || i == 9 || c.is_ascii_digit());
    tw || hk || my
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_by_their_form() {
        for name in ["张三", "欧阳明月", "陳淑芬", "Jane Smith", "Smith, Jane", "ZHANG SAN", "张三、李四、王五"]
        {
            assert!(is_person_name(name), "{name}");
        }
        for not in [
            "文学院",
            "新桥社区",
            "敬老院探访",
            "XM",
            "ZJHM",
            "F_NAME",
            "姓名",
            "计科2101",
            "党员",
            "文明劝导",
            "安全宣传",
        ] {
            assert!(!is_person_name(not), "{not}");
        }
        for station in ["新桥社区", "正因村", "青年志愿者协会", "福田区义工联", "文学院"] {
            assert!(is_station_name(station), "{station}");
        }
        assert!(!is_station_name("社区"));
        assert_eq!(as_hours(&Cell::Text("2.5".into())), Some(2.5));
        assert_eq!(as_hours(&Cell::Int(30)), None);
        assert!(is_other_phone("0912-345-678") && is_other_phone("9123 4567") && is_other_phone("(555) 123-4567"));
        assert!(!is_other_phone("2024-03-05") && !is_other_phone("12345678"));
        assert!(is_other_id("A123456789") && is_other_id("A123456(7)") && !is_other_id("A12345"));
    }
}
