//! What a whole sheet is, from its headers and its cells together (the role scores of
//! `columns/role.rs` are one witness; the cells are the other):
//!
//! - a person, a date and hours on every row is a **service record**, whatever the header
//!   scores say (an attendance list is not a roster);
//! - a person without per-row dates is a **roster**, even of four short columns;
//! - a person and a date without hours (a sign-in sheet) is said, not guessed;
//! - a "roster" whose name column holds field names or totals is not one (a field list, a
//!   monthly summary);
//! - an activity name with the hours of one session and no person or date is a **table of
//!   activities' hours**, which a participation matrix takes its hours from;
//! - on a roster, a run of columns whose headers mean nothing and whose cells are small
//!   counts is a **participation matrix** (`matrix.rs`).

use crate::columns::content::Sample;
use crate::columns::header::ColumnHeader;
use crate::columns::role::{pick_role, RoleScore};
use crate::messages::Msg;
use scorecard_model::model::{Field, Role};

/// What the sheet was found to be.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    pub role: Option<Role>,
    /// Columns (name, hours) of a table of activities' hours.
    pub catalogue: Option<(usize, usize)>,
    /// Activity columns of a participation matrix.
    pub wide: Vec<usize>,
    /// Why the sheet has no role, when the cells told (a sign-in sheet without hours, a list
    /// that is not of people).
    pub note: Option<Msg>,
    /// With no role: what the sheet most likely is, offered to the clerk as one click.
    pub guess: Option<Role>,
}

const PERSON: [Field; 3] = [Field::VolunteerNo, Field::IdNumber, Field::Name];

/// Columns reading one of `fields` on a sheet of `role`.
fn reading(columns: &[ColumnHeader], role: Role, fields: &[Field]) -> Vec<usize> {
    (0..columns.len()).filter(|&i| columns[i].reading(role).is_some_and(|r| fields.contains(&r.field))).collect()
}

/// True when a person column's cells are people: names look like names, IDs like IDs; a
/// column with no sampled cells is taken at its header's word.
fn people_in(columns: &[ColumnHeader], samples: &[Sample], i: usize, role: Role) -> bool {
    let s = samples.get(i).copied().unwrap_or_default();
    if s.filled == 0 {
        return true;
    }
    match columns[i].reading(role).map(|r| r.field) {
        Some(Field::Name) => (s.mostly(s.names) || s.mostly(s.person_names)) && !s.mostly(s.headers),
        Some(Field::IdNumber) => s.ids * 2 >= s.filled,
        Some(Field::VolunteerNo) => !s.mostly(s.headers) && !s.sequence,
        _ => false,
    }
}

/// The sheet's shape. `has_data` is false when no row below the header was read yet.
pub fn shape(columns: &[ColumnHeader], samples: &[Sample], scores: &[RoleScore]) -> Shape {
    let person_cols = reading(columns, Role::Records, &PERSON);
    let people = person_cols.iter().any(|&i| people_in(columns, samples, i, Role::Records));
    // per-row dates: a date column whose sampled cells are mostly dates (an empty optional
    // 服务日期 on a roster is none)
    let dated = reading(columns, Role::Records, &[Field::Date, Field::Start, Field::TimeSpan])
        .into_iter()
        .any(|i| samples.get(i).is_some_and(|s| s.filled > 0 && (s.mostly(s.dates) || s.mostly(s.spans))));
    // hours, a span, or an end time with times of day in it (an end column of dates alone,
    // 离岗时间 2024-06-30, gives no hours)
    let timed = !reading(columns, Role::Records, &[Field::Hours, Field::TimeSpan]).is_empty()
        || reading(columns, Role::Records, &[Field::End])
            .into_iter()
            .any(|i| samples.get(i).is_none_or(|s| s.filled == 0 || s.times > 0));
    // dates in a column whose header says nothing: per-row dates we cannot place (a known
    // column we do not use, 出生日期 or 最后登录, is no such column)
    let unplaced_dates = (0..columns.len()).any(|i| {
        let c = &columns[i];
        c.readings.is_empty()
            && !c.refused
            && !c.candidates.first().is_some_and(|t| crate::columns::meaning::is_ignored(t))
            && samples.get(i).is_some_and(|s| s.filled > 0 && s.mostly(s.dates))
    });
    let mut out = Shape::default();
    // an activity ledger whose headers say so plainly stays one, though a column names people
    let score = |role| scores.iter().find(|s| s.role == role).filter(|s| s.eligible).map_or(0, |s| s.score);
    let activities_win = score(Role::Activities) > score(Role::Records);
    if people && dated && timed && !activities_win {
        out.role = Some(Role::Records);
        return out;
    }
    // records and activities tied on the headers (a template: 服务日期, 志工姓名, 服务时数,
    // 服务内容): a person's column makes it records, an activity names no one
    let top = scores.iter().filter(|s| s.eligible).map(|s| s.score).max().unwrap_or(0);
    let tied = |r: Role| scores.iter().any(|s| s.role == r && s.eligible && s.score == top);
    let picked = match pick_role(scores) {
        None if top >= crate::columns::role::MIN_ROLE_SCORE
            && tied(Role::Records)
            && tied(Role::Activities)
            && !person_cols.is_empty() =>
        {
            Some(Role::Records)
        }
        other => other,
    };
    // rows were read and none has a date where a record's would be: a roster (with an
    // optional date column left empty), not service records
    let some_dates = reading(columns, Role::Records, &[Field::Date, Field::Start, Field::TimeSpan])
        .into_iter()
        .any(|i| samples.get(i).is_some_and(|s| s.filled > 0 && 2 * (s.dates + s.spans) >= s.filled));
    let undated_rows = samples.iter().any(|s| s.filled > 0) && !some_dates;
    // a roster taken only for fitting alone (two columns) is no roster when every row has a
    // date and no hours: a sign-in list, said below
    let weak_roster = picked == Some(Role::Volunteers)
        && scores.iter().any(|s| s.role == Role::Volunteers && s.score < crate::columns::role::MIN_ROLE_SCORE);
    // per-row activities and dates without hours are a sign-in list, not a roster
    // (a post, 岗位, names no activity here: a roster has posts and 上岗时间)
    let activities_named = reading(columns, Role::Records, &[Field::ActivityName])
        .into_iter()
        .any(|i| columns[i].reading(Role::Records).is_some_and(|r| !crate::columns::meaning::is_post(&r.why.word)));
    out.role = match picked {
        Some(Role::Volunteers) if (weak_roster || activities_named) && people && dated && !timed => None,
        Some(Role::Records) if undated_rows && people => Some(Role::Volunteers),
        Some(r) => Some(r),
        None if people && !dated && !unplaced_dates => Some(Role::Volunteers),
        None => None,
    };
    // a roster lists people: without a column of them it is a summary by unit or a list of
    // teams, whatever its hours and stations score; with the names of others only (家庭成员
    // 姓名 beside the volunteer's ID) it is a table about them
    let others_named = (0..columns.len())
        .any(|i| columns[i].refused && samples.get(i).is_some_and(|s| s.filled > 0 && s.mostly(s.person_names)));
    let own_names = !reading(columns, Role::Volunteers, &[Field::Name]).is_empty();
    // the same people on row after row (monthly hours per person) is no roster either
    let repeating = reading(columns, Role::Volunteers, &[Field::Name]).into_iter().any(|i| {
        samples
            .get(i)
            .is_some_and(|s| s.filled >= 10 && s.mostly(s.person_names) && s.distinct * 10 < s.filled.min(64) * 7)
    });
    // a bare 编号 / ID alone is a row's key as often as a person's: no roster on it alone
    let person_known = reading(columns, Role::Volunteers, &PERSON)
        .into_iter()
        .any(|i| columns[i].reading(Role::Volunteers).is_some_and(|r| r.rank < crate::columns::meaning::WEAKEST_RANK));
    // hours by month (a 月份 column of 2024-03 …): a row per person per month, no roster
    // (a birth month, 出生年月, is no such column)
    let by_month = (0..columns.len()).any(|i| {
        let h = columns[i].display.to_lowercase();
        let monthly = h.contains("月份") || h.contains("month") || h == "月" || h.contains("统计月");
        monthly && samples.get(i).is_some_and(|s| s.filled >= 3 && s.mostly(s.months))
    });
    if out.role == Some(Role::Volunteers) && (!person_known || others_named && !own_names || repeating || by_month) {
        out.role = None;
    }
    if out.role.is_none() && people && dated && !timed {
        out.note = Some(crate::messages::signin_without_hours());
        out.guess = Some(Role::Volunteers);
        return out;
    }
    // a "roster" or "records" whose person cells are column names or counts: a field list,
    // a summary (junk in a real roster's names is the rows' business, not the sheet's)
    let role = out.role.unwrap_or(Role::Volunteers);
    if matches!(role, Role::Volunteers | Role::Records) {
        let cols = reading(columns, role, &PERSON);
        // a "name" column of field names, counts or codes is no one's name (`XM`, `F_NAME`)
        let no_people = |i: usize| {
            let name = columns[i].reading(role).is_some_and(|r| r.field == Field::Name);
            samples.get(i).is_some_and(|s| {
                s.filled > 0 && (s.mostly(s.headers) || name && s.mostly(s.counts) || name && s.mostly(s.tokens))
            })
        };
        if !cols.is_empty() && cols.iter().all(|&i| no_people(i)) {
            let shown = cols.first().map_or(String::new(), |&i| columns[i].display.clone());
            out.role = None;
            out.note = Some(crate::messages::not_people(&shown));
            return out;
        }
    }
    if out.role.is_none() {
        out.catalogue = catalogue(columns, &person_cols);
    }
    if out.role.is_none() && out.catalogue.is_none() {
        out.guess = guess(scores, people);
        // a list of dated rows about no person, no header of which we read as a date (发布日期):
        // most likely activities, offered as such
        let dated_cells = samples.iter().any(|s| s.filled >= 3 && s.mostly(s.dates));
        if out.guess.is_none() && dated_cells {
            out.guess = Some(Role::Activities);
        }
    }
    if out.role == Some(Role::Volunteers) {
        out.wide = wide_columns(columns, samples);
    }
    out
}

/// The likeliest role of a sheet the rules left without one: the eligible role that scores
/// most (a tie goes to the first of records, roster, activities, trainings; a roster only
/// when a column holds people), else a roster when a column holds people.
fn guess(scores: &[RoleScore], people: bool) -> Option<Role> {
    const ORDER: [Role; 4] = [Role::Records, Role::Volunteers, Role::Activities, Role::Trainings];
    // a roster needs people in it, whatever its other columns score
    let best = ORDER
        .iter()
        .filter(|r| **r != Role::Volunteers || people)
        .filter_map(|r| scores.iter().find(|s| s.role == *r && s.eligible && s.score > 0))
        .fold(None::<&RoleScore>, |best, s| if best.is_some_and(|b| b.score >= s.score) { best } else { Some(s) });
    best.map(|s| s.role).or(people.then_some(Role::Volunteers))
}

/// (name, hours) of a table of activities' hours: an activity name and a session's hours,
/// no person, no date.
fn catalogue(columns: &[ColumnHeader], person_cols: &[usize]) -> Option<(usize, usize)> {
    if !person_cols.is_empty() {
        return None;
    }
    let dates = |role| !reading(columns, role, &[Field::Date, Field::Start, Field::TimeSpan]).is_empty();
    if dates(Role::Records) || dates(Role::Activities) {
        return None;
    }
    let name = reading(columns, Role::Records, &[Field::ActivityName]).into_iter().next()?;
    let hours = reading(columns, Role::Records, &[Field::Hours]).into_iter().next()?;
    Some((name, hours))
}

/// At least this many activity columns make a participation matrix.
pub const MIN_WIDE: usize = 3;

/// The activity columns of a roster: headers that mean nothing here (and are no period
/// or total), cells that are (mostly) small counts; a matrix needs [`MIN_WIDE`] of them with
/// counts. Columns with no sampled cell count when they lie between two that have some.
fn wide_columns(columns: &[ColumnHeader], samples: &[Sample]) -> Vec<usize> {
    let candidate = |i: usize| {
        let c = &columns[i];
        let s = samples.get(i).copied().unwrap_or_default();
        !c.is_blank()
            && c.reading(Role::Volunteers).is_none()
            && !c.candidates.first().is_some_and(|t| crate::columns::meaning::is_ignored(t))
            && !crate::sheets::matrix::is_period_or_total(&c.display)
            // mostly counts: a stray 1.5 or 约2 is a finding at its cell (`wide_row`), not a
            // reason to drop the whole activity unread
            && (s.counts == s.filled || s.mostly(s.counts))
            && !s.sequence
    };
    let filled = |i: usize| samples.get(i).is_some_and(|s| s.filled > 0);
    let with_counts: Vec<usize> = (0..columns.len()).filter(|&i| candidate(i) && filled(i)).collect();
    if with_counts.len() < MIN_WIDE {
        return Vec::new();
    }
    let (mut first, mut last) = (with_counts[0], with_counts[with_counts.len() - 1]);
    // activities beside the run whose sampled rows are blank (added late in the year)
    while first > 0 && candidate(first - 1) {
        first -= 1;
    }
    while last + 1 < columns.len() && candidate(last + 1) {
        last += 1;
    }
    (first..=last).filter(|&i| candidate(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::content::{refine, sample};
    use crate::columns::header::Grid;
    use crate::columns::role::score_roles;
    use crate::input::cell::{Cell, DateSystem};

    /// The shape of a sheet given as text rows (header first).
    fn check(rows: &[&[&str]]) -> Shape {
        let grid: Vec<(u32, Vec<String>)> =
            rows.iter().enumerate().map(|(i, r)| (i as u32, r.iter().map(|s| s.to_string()).collect())).collect();
        let mut band = Grid { rows: &grid, merges: None }.band(0, 0);
        let cells: Vec<Vec<Cell>> =
            rows[1..].iter().map(|r| r.iter().map(|s| Cell::Text((*s).into())).collect()).collect();
        let refs: Vec<&[Cell]> = cells.iter().map(Vec::as_slice).collect();
        let samples: Vec<Sample> = (0..band.columns.len()).map(|i| sample(&refs, i, DateSystem::V1900)).collect();
        refine(&mut band.columns, &samples);
        shape(&band.columns, &samples, &score_roles(&band.columns))
    }

    #[test]
    fn shapes() {
        use Role::*;
        let attendance = check(&[
            &["编号", "姓名", "身份证号码", "项目主题", "考勤日", "请假情况", "服务时长", "迟到", "早退", "积分"],
            &["1", "张三", "11010519491231002X", "敬老", "2019-03-02", "否", "2", "否", "否", "4"],
            &["2", "李四", "110105194912310038", "敬老", "2019-03-09", "否", "3", "否", "否", "6"],
            &["3", "王五", "110105194912310046", "助残", "2019-03-16", "否", "2.5", "否", "否", "5"],
        ]);
        assert_eq!(attendance.role, Some(Records), "an attendance list is service records");
        let names_only = check(&[
            &["姓名", "学院", "专业", "年级"],
            &["张三", "文学院", "汉语言", "2019级"],
            &["李四", "理学院", "数学", "2018级"],
        ]);
        assert_eq!(names_only.role, Some(Volunteers), "a short roster of names");
        let signin = check(&[&["姓名", "签到日期"], &["张三", "2019-03-02"], &["李四", "2019-03-02"]]);
        assert_eq!((signin.role, signin.note.is_some()), (None, true), "a sign-in sheet without hours is said");
        let fields =
            check(&[&["姓名", "说明"], &["证件号码", "18 位"], &["手机号码", "11 位"], &["所属站点", "站点名称"]]);
        assert_eq!((fields.role, fields.note.is_some()), (None, true), "a field list is no roster");
        let catalogue =
            check(&[&["活动名称", "单次时长", "天数"], &["流浪狗之家", "2", "3"], &["植树节活动", "3", "1"]]);
        assert_eq!((catalogue.role, catalogue.catalogue), (None, Some((0, 1))));
        let matrix = check(&[
            &["学院", "编号", "姓名", "专业班级", "学号", "流浪狗之家", "国际志愿者日", "植树节活动", "敬老院", "合计"],
            &["文学院", "1", "张三", "汉语言1班", "2019001", "2", "", "1", "", "3"],
            &["理学院", "2", "李四", "数学2班", "2019002", "", "1", "1", "3", "5"],
            &["理学院", "3", "王五", "数学2班", "2019003", "1", "", "", "", "1"],
        ]);
        assert_eq!((matrix.role, matrix.wide.clone()), (Some(Volunteers), vec![5, 6, 7, 8]));
        let unplaced = check(&[
            &["编码", "名字", "哪天", "几个钟头"],
            &["V1", "张三", "2017-03-05", "2"],
            &["V2", "李四", "2017-03-06", "3"],
        ]);
        assert_eq!(unplaced.role, None, "dates under a header we cannot read: no roster");
        let summary = check(&[
            &["月份", "活动次数", "参与人数", "服务时长"],
            &["1月", "3", "45", "120"],
            &["2月", "2", "30", "80"],
        ]);
        assert_eq!(summary.role, None, "a monthly summary is no roster");
    }

    #[test]
    fn guesses_and_tables_of_no_one() {
        use Role::*;
        // (rows, role, guess): what a clerk sees of each
        type Case<'a> = (&'a [&'a [&'a str]], Option<Role>, Option<Role>, &'a str);
        let cases: &[Case] = &[
            (
                &[
                    &["姓名", "性别", "联系电话", "岗位", "上岗时间"],
                    &["张伟", "男", "13800138000", "导诊", "2024-03-01"],
                    &["李芳", "女", "13900139000", "咨询", "2024-04-01"],
                    &["王静", "女", "13700137000", "导诊", "2024-05-01"],
                ],
                Some(Volunteers),
                None,
                "a roster's posts and start dates make no sign-in list",
            ),
            (
                &[
                    &["日期", "主题", "所属站点"],
                    &["2019-03-02", "敬老", "新桥社区"],
                    &["2019-03-09", "助残", "大丰社区"],
                ],
                None,
                Some(Activities),
                "dated themes without people: activities or trainings, the likelier offered",
            ),
            (
                &[&["学号", "姓名", "项目名称", "学时", "日期"]],
                Some(Records),
                None,
                "a headers-only template with hours and a date is service records",
            ),
            (
                &[
                    &["Name", "Event", "Date", "Hours"],
                    &["Jane Smith", "Food Bank", "21/06/2024", "2.5"],
                    &["Li Wei", "Park", "22/06/2024", "3"],
                ],
                Some(Records),
                None,
                "English headers",
            ),
            (
                &[&["姓名", "字段说明"], &["XM", "姓名"], &["ZJHM", "证件号码"], &["SJHM", "手机号码"]],
                None,
                None,
                "codes under a name header: no people, no guess",
            ),
            (
                &[
                    &["志愿者身份证号", "家庭成员姓名", "关系"],
                    &["11010519491231002X", "张伟", "父亲"],
                    &["11010519491231002X", "李芳", "母亲"],
                    &["110105194912310038", "王静", "配偶"],
                ],
                None,
                Some(Volunteers),
                "names of others beside the volunteer's ID: not a roster by itself",
            ),
            (
                &[
                    &["月份", "义工姓名", "服务时数"],
                    &["2024-03", "张伟", "12"],
                    &["2024-04", "张伟", "10"],
                    &["2024-03", "李芳", "8"],
                ],
                None,
                Some(Volunteers),
                "hours by month: no roster",
            ),
            (
                &[
                    &["姓名", "学号", "活动名称", "签到时间"],
                    &["张伟", "2021001", "敬老院探访", "2024-03-02 09:00"],
                    &["李芳", "2021002", "敬老院探访", "2024-03-02 09:05"],
                    &["王静", "2021003", "图书整理", "2024-03-09 14:00"],
                ],
                None,
                Some(Volunteers),
                "activities and dates without hours: a sign-in list, said and offered",
            ),
        ];
        for (rows, role, guess, why) in cases {
            let got = check(rows);
            assert_eq!((got.role, got.guess), (*role, *guess), "{why}");
        }
    }
}
