//! Every UI string in one table, Chinese first. `t(lang, key)`.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Lang {
        if s.starts_with("en") { Lang::En } else { Lang::Zh }
    }
}

/// (key, 中文, English)
const MESSAGES: &[(&str, &str, &str)] = &[
    ("app.title", "志愿服务自评台", "Volunteer Scorecard"),
    ("app.lang_switch", "English", "中文"),
    ("ctx.organisation", "单位名称", "Organisation"),
    ("ctx.level", "考核层级", "Level"),
];

pub fn t(lang: Lang, key: &str) -> &'static str {
    match MESSAGES.iter().find(|(k, _, _)| *k == key) {
        Some((_, zh, en)) => match lang {
            Lang::Zh => zh,
            Lang::En => en,
        },
        None => "??",
    }
}
