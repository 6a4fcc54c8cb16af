//! How [`IndicatorResult`] and [`StationResult`] are read from JSON (the page reads them
//! from the worker). Their [`Detail`] is flattened into them when written; it is read back
//! through `wire::split_map`, the outer fields taken out here and the rest left to
//! `Detail`'s derived reader (why: `scorecard_model::wire`).

use crate::result::{Detail, IndicatorResult, StationResult};
use scorecard_model::wire::{required, set, split_map};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

impl<'de> Deserialize<'de> for StationResult {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<StationResult, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StationResult;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a station's result")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<StationResult, A::Error> {
                let mut station = None;
                let detail: Detail = split_map(map, |key, map: &mut A| match key {
                    "station" => set(&mut station, map, "station"),
                    _ => Ok(false),
                })?;
                Ok(StationResult { station: required(station, "station")?, detail })
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for IndicatorResult {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IndicatorResult, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = IndicatorResult;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an indicator's result")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<IndicatorResult, A::Error> {
                let (mut id, mut label, mut label_en, mut source, mut quote) = (None, None, None, None, None);
                let (mut bonus, mut scope, mut period, mut stations, mut parts) = (None, None, None, None, None);
                let detail: Detail = split_map(map, |key, map: &mut A| match key {
                    "id" => set(&mut id, map, "id"),
                    "label" => set(&mut label, map, "label"),
                    "label_en" => set(&mut label_en, map, "label_en"),
                    "source" => set(&mut source, map, "source"),
                    "quote" => set(&mut quote, map, "quote"),
                    "bonus" => set(&mut bonus, map, "bonus"),
                    "scope" => set(&mut scope, map, "scope"),
                    "period" => set(&mut period, map, "period"),
                    "stations" => set(&mut stations, map, "stations"),
                    "parts" => set(&mut parts, map, "parts"),
                    _ => Ok(false),
                })?;
                Ok(IndicatorResult {
                    id: required(id, "id")?,
                    label: required(label, "label")?,
                    label_en: required(label_en, "label_en")?,
                    source: required(source, "source")?,
                    quote: quote.unwrap_or_default(),
                    bonus: required(bonus, "bonus")?,
                    scope: required(scope, "scope")?,
                    period: required(period, "period")?,
                    detail,
                    stations: required(stations, "stations")?,
                    parts: parts.unwrap_or_default(),
                })
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use crate::result::*;
    use chrono::NaiveDate;
    use scorecard_model::model::RowRef;
    use scorecard_model::profile::{PeriodKind, Scope};

    /// A detail with every field off its default: a field the reader dropped would differ.
    /// (Listed in full, without `..Default::default()`, so a new field must be added here.)
    fn full_detail(status: Status) -> Detail {
        let at = RowRef { source: 2, row: 17 };
        let date = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        Detail {
            status,
            unit: Unit::Hours,
            value: Some(12.5),
            target: Some(25.0),
            prorated_target: Some(20.8),
            prorated_text: Some("人均 20.8 小时（全年 25 小时的 83.3%）".into()),
            prorated_text_en: Some("20.8 h per head (83.3% of the year's 25 h)".into()),
            numerator: Some(1250.0),
            denominator: Some(100.0),
            gap: Some("还差 8.3 小时".into()),
            gap_en: Some("8.3 hours short".into()),
            days_left: Some(38),
            missing: Missing::ByName(vec![("新桥社区".into(), vec!["敬老".into(), "助残".into()])]),
            missing_total: 2,
            missing_en: Missing::ByName(vec![(
                "新桥社区".into(),
                vec!["Elderly care".into(), "Disability support".into()],
            )]),
            needs_input: Some(InputField::Roster),
            impossible: true,
            periods: vec![PeriodDetail {
                label: "第三季度".into(),
                state: SlotState::Ended,
                count: 1,
                target: 2,
                met: false,
                lacking: vec!["大丰社区".into()],
            }],
            counts: vec![NamedCount { name: "红队".into(), name_en: "Red team".into(), count: 3, target: 1 }],
            suggestions: vec![HolidaySuggestion {
                key: "k".into(),
                station: "新桥社区".into(),
                date,
                activity: "国庆游园".into(),
                holiday: "国庆节".into(),
                holiday_date: date,
                at,
            }],
            short: vec![ShortVolunteer {
                name: "张三".into(),
                station: "新桥社区".into(),
                hours: 3.5,
                needed: 20.8,
                behind: true,
                at,
            }],
            rows: Rows { total: 1, refs: vec![at], truncated: false },
        }
    }

    fn full_result() -> IndicatorResult {
        let part = IndicatorResult {
            id: "X2".into(),
            label: "有记录".into(),
            label_en: "with records".into(),
            source: "新都2017".into(),
            quote: String::new(),
            bonus: false,
            scope: Scope::Whole,
            period: PeriodKind::None,
            detail: Detail { status: Status::Met, ..Detail::default() },
            stations: vec![],
            parts: vec![],
        };
        IndicatorResult {
            id: "D4".into(),
            label: "时长".into(),
            label_en: "hours".into(),
            source: "新都2017 附件2".into(),
            quote: "人均服务时长".into(),
            bonus: true,
            scope: Scope::PerStation,
            period: PeriodKind::Year,
            detail: full_detail(Status::Behind),
            stations: vec![StationResult { station: "新桥社区".into(), detail: full_detail(Status::NotMet) }],
            parts: vec![part],
        }
    }

    #[test]
    fn results_read_back_every_field_in_any_key_order() {
        let r = full_result();
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.starts_with(r#"{"id":"D4","label":"时长""#) && json.contains(r#""status":"behind""#), "{json}");
        assert_eq!(serde_json::from_str::<IndicatorResult>(&json).unwrap(), r);
        // through serde_json's Value the keys come back sorted: the detail's and the outer
        // fields interleaved (bonus, counts, days_left, denominator, gap, id, …)
        let sorted = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&json).unwrap()).unwrap();
        assert!(sorted.starts_with(r#"{"bonus":true,"counts":"#), "{sorted}");
        assert_eq!(serde_json::from_str::<IndicatorResult>(&sorted).unwrap(), r);
        // a key neither struct has is ignored, as the derived reader ignored it
        let extra = json.replacen('{', r#"{"later_field":[1,{"a":2}],"#, 1);
        assert_eq!(serde_json::from_str::<IndicatorResult>(&extra).unwrap(), r);
    }

    #[test]
    fn a_missing_field_is_named_whichever_struct_it_belongs_to() {
        let json = serde_json::to_string(&full_result()).unwrap();
        for (from, to, field) in [
            (r#""id":"D4","#, "", "id"),
            (r#""status":"behind","#, "", "status"),
            (r#""stations":[{"station":"新桥社区","#, r#""stations":[{"#, "station"),
            (r#""bonus":true,"#, "", "bonus"),
        ] {
            assert!(json.contains(from), "{from}");
            let err = serde_json::from_str::<IndicatorResult>(&json.replacen(from, to, 1)).unwrap_err();
            assert!(err.to_string().contains(&format!("missing field `{field}`")), "{field}: {err}");
        }
        // a key given twice, outer or inner, is an error as it was
        for (key, again) in [("id", r#""id":"X1","#), ("status", r#""status":"met","#)] {
            let twice = json.replacen('{', &format!("{{{again}"), 1);
            let err = serde_json::from_str::<IndicatorResult>(&twice).unwrap_err();
            assert!(err.to_string().contains(&format!("duplicate field `{key}`")), "{key}: {err}");
        }
        let err = serde_json::from_str::<IndicatorResult>(&json.replacen(r#""bonus":true"#, r#""bonus":"yes""#, 1))
            .unwrap_err();
        assert!(err.to_string().contains(r#"invalid type: string "yes", expected a boolean"#), "{err}");
    }
}
