//! The report's cell formats. Status colours and unit number formats are tables (data);
//! a status is always written as its word too, so the report reads in black and white.

use crate::values::unit_format;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};
use scorecard_score::{Status, Unit};

/// (status, fill, font colour): the usual Excel good/neutral/bad palette.
pub(super) const STATUS_COLOURS: [(Status, u32, u32); 6] = [
    (Status::Met, 0xC6EFCE, 0x006100),
    (Status::OnTrack, 0xDDEBF7, 0x1F4E78),
    (Status::InProgress, 0xFFF2CC, 0x7F6000),
    (Status::NeedsInput, 0xEDEDED, 0x404040),
    (Status::Behind, 0xFCE4D6, 0x833C0B),
    (Status::NotMet, 0xFFC7CE, 0x9C0006),
];

const UNITS: [Unit; 6] = [Unit::Ratio, Unit::Hours, Unit::Count, Unit::Periods, Unit::Items, Unit::Stations];

/// `2017年6月12日` as an Excel date format.
pub(super) const DATE_FORMAT: &str = r#"yyyy"年"m"月"d"日""#;

pub(crate) struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub bold: Format,
    pub header: Format,
    pub text: Format,
    pub link: Format,
    pub wrap: Format,
    pub note: Format,
    /// Centred text, count, number with thousands and date: the context and count rows.
    pub centre: Format,
    pub centre_int: Format,
    pub centre_thousands: Format,
    pub centre_date: Format,
    pub date: Format,
    pub int: Format,
    pub decimal: Format,
    status: Vec<(Status, Format)>,
    units: Vec<(Unit, Format)>,
    plain: Format,
}

impl Formats {
    pub(super) fn new() -> Self {
        let top = || Format::new().set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new().set_bold().set_font_size(12),
            bold: top().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border(FormatBorder::Thin),
            text: top(),
            link: top().set_hyperlink(),
            wrap: top().set_text_wrap(),
            note: top().set_italic().set_font_color(Color::RGB(0x595959)),
            centre: top().set_align(FormatAlign::Center),
            centre_int: top().set_align(FormatAlign::Center).set_num_format("0"),
            centre_thousands: top().set_align(FormatAlign::Center).set_num_format("#,##0"),
            centre_date: top().set_align(FormatAlign::Center).set_num_format(DATE_FORMAT),
            date: top().set_num_format(DATE_FORMAT).set_align(FormatAlign::Left),
            int: top().set_num_format("0"),
            decimal: top(),
            status: STATUS_COLOURS
                .iter()
                .map(|&(s, fill, font)| {
                    let f = top()
                        .set_bold()
                        .set_align(FormatAlign::Center)
                        .set_background_color(Color::RGB(fill))
                        .set_font_color(Color::RGB(font));
                    (s, f)
                })
                .collect(),
            units: UNITS.iter().map(|&u| (u, top().set_num_format(unit_format(u)))).collect(),
            plain: Format::new(),
        }
    }

    pub(super) fn status(&self, s: Status) -> &Format {
        self.status.iter().find(|(k, _)| *k == s).map_or(&self.plain, |(_, f)| f)
    }

    pub(super) fn unit(&self, u: Unit) -> &Format {
        self.units.iter().find(|(k, _)| *k == u).map_or(&self.plain, |(_, f)| f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_and_unit_has_exactly_one_format() {
        for s in Status::ALL {
            assert_eq!(STATUS_COLOURS.iter().filter(|(k, _, _)| *k == s).count(), 1, "{s:?}");
        }
        let fills: std::collections::BTreeSet<u32> = STATUS_COLOURS.iter().map(|c| c.1).collect();
        assert_eq!(fills.len(), STATUS_COLOURS.len(), "statuses are told apart by colour too");
        let codes: std::collections::BTreeSet<&str> = UNITS.iter().map(|u| unit_format(*u)).collect();
        assert_eq!(codes.len(), UNITS.len(), "each unit listed once, each with its own format");
    }
}
