//! A sheet's role from its headers: each role scores its matched fields (a header that
//! means something only in that role weighs 2, a shared one 1); a role lacking a field it
//! cannot do without (`synonyms::required_for_role`) is out. The best role must score at
//! least [`MIN_ROLE_SCORE`] and beat every other (or be the only role that fits at all and
//! score [`MIN_ALONE_SCORE`]); ties and weak matches give no role here
//! (the sheet's cells may still decide, `sheets/classify.rs`).

use crate::columns::header::ColumnHeader;
use crate::columns::meaning::Reading;
use crate::columns::synonyms::required_for_role;
use scorecard_model::model::{Field, Role};
use serde::{Deserialize, Serialize};

pub const MIN_ROLE_SCORE: u32 = 3;
/// What the only role a sheet's headers fit needs to score (two shared columns).
pub const MIN_ALONE_SCORE: u32 = 2;

/// A role's score and whether it has its required fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleScore {
    pub role: Role,
    pub score: u32,
    pub eligible: bool,
}

/// What a column means on a sheet of `role`.
pub fn field_of(col: &ColumnHeader, role: Role) -> Option<&Reading> {
    col.reading(role)
}

/// True when the column means something in `role` and in no other role.
fn is_distinctive(col: &ColumnHeader, role: Role) -> bool {
    !col.readings.is_empty() && col.readings.iter().all(|r| r.role == role)
}

pub fn score_roles(columns: &[ColumnHeader]) -> Vec<RoleScore> {
    Role::ALL
        .iter()
        .map(|&role| {
            let mut weights: Vec<(Field, u32)> = Vec::new();
            for col in columns {
                if let Some(r) = field_of(col, role) {
                    let w = if is_distinctive(col, role) { 2 } else { 1 };
                    match weights.iter_mut().find(|(f, _)| *f == r.field) {
                        Some(slot) => slot.1 = slot.1.max(w),
                        None => weights.push((r.field, w)),
                    }
                }
            }
            let has = |f: &Field| weights.iter().any(|(g, _)| g == f);
            let eligible = required_for_role(role).iter().all(|group| group.iter().any(has));
            RoleScore { role, score: weights.iter().map(|(_, w)| w).sum(), eligible }
        })
        .collect()
}

/// The role the scores point to, if one clearly wins.
pub fn pick_role(scores: &[RoleScore]) -> Option<Role> {
    let mut eligible: Vec<&RoleScore> = scores.iter().filter(|s| s.eligible).collect();
    scorecard_model::sort::sort_by_key(&mut eligible, |s| std::cmp::Reverse(s.score));
    eligible.retain(|s| s.score > 0);
    match eligible.as_slice() {
        [best, second, ..] if best.score == second.score => None,
        [best, ..] if best.score >= MIN_ROLE_SCORE => Some(best.role),
        // the only role the headers fit at all, on two columns of it (活动名称 and 活动日期)
        [only] if only.score >= MIN_ALONE_SCORE => Some(only.role),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::header::Grid;

    fn role_of(headers: &[&str]) -> Option<Role> {
        let rows = vec![(0u32, headers.iter().map(|s| s.to_string()).collect::<Vec<_>>())];
        let band = Grid { rows: &rows, merges: None }.band(0, 0);
        pick_role(&score_roles(&band.columns))
    }

    #[test]
    fn roles_from_headers() {
        use Role::*;
        let cases: &[(&[&str], Option<Role>)] = &[
            (
                &["序号", "姓名", "性别", "身份证号", "手机", "政治面貌", "注册日期", "所属社区", "服务时长"],
                Some(Volunteers),
            ),
            (&["姓名", "手机号码", "所属社区", "服务时长"], Some(Volunteers)), // no date: cannot be records
            (&["志愿者编号", "姓名", "证件号码", "服务日期", "服务时长", "所属站点"], Some(Records)),
            (&["姓名", "日期", "时长"], Some(Records)),
            (&["活动名称", "活动日期", "所属站点"], Some(Activities)),
            (&["活动名称", "日期", "社区", "活动主题", "服务队", "方案", "记录", "简报", "图片"], Some(Activities)),
            (&["培训日期", "培训主题", "所属站点", "参训人数"], Some(Trainings)),
            (&["日期", "主题", "所属站点"], None), // activities or trainings: a tie
            (&["姓名"], None),
            (&["社区", "站点"], None),
            (&["商品", "单价"], None),
        ];
        for (headers, want) in cases {
            assert_eq!(role_of(headers), *want, "{headers:?}");
        }
    }
}
