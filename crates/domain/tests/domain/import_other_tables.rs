//! Activities (materials, counts, missing dates) and trainings (joint stations).

use crate::support::d;
use crate::support::import::*;
use scorecard_domain::model::{Materials, Role};
use scorecard_domain::{FindingKind as K, Severity as S};
use V::*;

#[test]
fn activities_with_material_columns() {
    let bytes = xlsx(&[sheet(
        "活动",
        rows(vec![
            vec![
                S("活动名称"),
                S("活动日期"),
                S("所属站点"),
                S("活动主题"),
                S("服务队"),
                S("节庆日"),
                S("参与人数"),
                S("方案"),
                S("记录"),
                S("简报"),
                S("图片"),
            ],
            vec![
                S("重阳敬老"),
                Date(43036.0),
                S("新桥社区"),
                S("关爱空巢老人"),
                S("医疗卫生"),
                S("重阳节"),
                S("30人"),
                S("是"),
                S("✓"),
                S("简报.docx"),
            ],
            vec![S("交通劝导"), E, S("新桥社区"), S("文明交通"), E, E, N(12.0), S("否"), S("无"), S("X"), N(1.0)],
            vec![
                S("植树"),
                S("2017-3-12"),
                S("大丰社区"),
                S("环保"),
                S("环保"),
                S("植树节"),
                S("约20人"),
                S("✗"),
                S("×"),
                S("-"),
                S("图片1.jpg"),
            ],
        ]),
    )]);
    let imp = one("活动.xlsx", &bytes);
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(sheet.role, Some(Role::Activities));
    assert_eq!(
        brief(sheet),
        [
            b(3, "活动日期", K::MissingRequired, S::Error),
            b(3, "简报", K::UnreadableFlag, S::Error),
            b(4, "参与人数", K::UnreadableNumber, S::Error),
        ]
    );
    let c = sheet.counts;
    assert_eq!((c.read, c.kept, c.left_out), (3, 3, 0), "activities are kept without a date");
    let t = &imp.tables;
    let got: Vec<_> = t
        .activities
        .iter()
        .map(|a| {
            (
                t.so(a.name),
                a.date,
                t.so(a.station),
                t.so(a.theme),
                t.so(a.team),
                t.so(a.holiday),
                a.participants,
                a.materials,
            )
        })
        .collect();
    let m = |p, r, b, ph| Materials { plan: Some(p), record: Some(r), brief: Some(b), photo: Some(ph) };
    assert_eq!(
        got,
        [
            (
                "重阳敬老",
                Some(d(2017, 10, 28)),
                "新桥社区",
                "关爱空巢老人",
                "医疗卫生",
                "重阳节",
                Some(30),
                m(true, true, true, false)
            ),
            ("交通劝导", None, "新桥社区", "文明交通", "", "", Some(12), m(false, false, false, true)),
            ("植树", Some(d(2017, 3, 12)), "大丰社区", "环保", "环保", "植树节", None, m(false, false, false, true)),
        ]
    );
}

#[test]
fn activities_without_material_columns_leave_materials_unknown() {
    let csv = "活动名称,活动日期,所属站点\n助残,2017-05-21,新桥社区\n";
    let imp = one("a.csv", csv.as_bytes());
    assert_eq!(imp.tables.activities[0].materials, Materials::default());
    assert!(!imp.tables.has_field(Role::Activities, scorecard_domain::model::Field::Plan));
}

#[test]
fn trainings_name_one_or_several_stations() {
    let csv = "培训记录\n\
培训日期,培训主题,所属站点,培训类型,参训人数\n\
2017-03-05,骨干培训,新桥社区、大丰社区,骨干,12人\n\
2017/4/1,网络文明,\"新桥社区,三河社区\",网络文明传播,8\n\
2017年13月1日,急救,新桥社区；大丰社区/三河社区,专业,\n\
,消防,新桥社区,专业,5\n";
    let imp = one("培训.csv", csv.as_bytes());
    let sheet = &imp.files[0].sheets[0];
    assert_eq!(sheet.role, Some(Role::Trainings));
    assert_eq!(
        brief(sheet),
        [b(5, "培训日期", K::UnreadableDate, S::Error), b(6, "培训日期", K::MissingRequired, S::Error)]
    );
    let t = &imp.tables;
    let got: Vec<_> = t
        .trainings
        .iter()
        .map(|x| {
            (
                x.date,
                t.so(x.topic),
                x.stations.iter().map(|s| t.s(*s)).collect::<Vec<_>>(),
                t.so(x.kind),
                x.participants,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some(d(2017, 3, 5)), "骨干培训", vec!["新桥社区", "大丰社区"], "骨干", Some(12)),
            (Some(d(2017, 4, 1)), "网络文明", vec!["新桥社区", "三河社区"], "网络文明传播", Some(8)),
            (None, "急救", vec!["新桥社区", "大丰社区", "三河社区"], "专业", None),
            (None, "消防", vec!["新桥社区"], "专业", Some(5)),
        ]
    );
    // one interner: the same station is one symbol everywhere
    assert_eq!(t.trainings[0].stations[0], t.trainings[1].stations[0]);
}
