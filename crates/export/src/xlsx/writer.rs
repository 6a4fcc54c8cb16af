//! The one door to a cell of the report: every text is masked (when it looks like an ID or
//! phone number) and guarded against formulas here, numbers stay numbers, dates become
//! Excel dates. It also measures columns, so widths fit Chinese text (two units a character).

use crate::error::ExportError;
use crate::neutralise::neutralise;
use crate::table_cell::Cell;
use crate::xlsx::formats::Formats;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Url, Worksheet};
use scorecard_model::mask::mask_if_sensitive;
use scorecard_score::{Status, Unit};

/// Excel's limit per cell is 32,767 characters; longer texts are cut with an ellipsis.
const CELL_TEXT_MAX: usize = 32_000;
/// Widest automatic column, in character units.
const WIDTH_MAX: f64 = 60.0;
/// Excel's default column width, in character units.
const DEFAULT_WIDTH: f64 = 8.43;
/// Points per line of wrapped 11-point text (CJK glyphs are a little taller than Latin).
const LINE_HEIGHT: f64 = 15.0;
/// Excel's last row (0-based) is 1,048,575.
pub(super) const ROW_MAX: u32 = 1_048_575;

pub(super) type Res = Result<(), ExportError>;

pub(super) struct Sheet<'f> {
    pub ws: Worksheet,
    pub f: &'f Formats,
    /// Widest content seen per column, in character units.
    widths: Vec<f64>,
    /// Fixed widths that override the measurement.
    fixed: Vec<(u16, f64)>,
    /// The header row repeated on every printed page, if any.
    repeat: Option<u32>,
    /// Wrapped texts: (row, first col, last col, display width), for the row heights.
    wrapped: Vec<(u32, u16, u16, f64, usize)>,
}

impl<'f> Sheet<'f> {
    pub(super) fn new(name: &str, f: &'f Formats) -> Result<Self, ExportError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        Ok(Sheet { ws, f, widths: Vec::new(), fixed: Vec::new(), repeat: None, wrapped: Vec::new() })
    }

    fn measure(&mut self, col: u16, width: f64) {
        let c = usize::from(col);
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0.0);
        }
        if let Some(w) = self.widths.get_mut(c) {
            *w = w.max(width);
        }
    }

    pub(super) fn fix_width(&mut self, col: u16, width: f64) {
        self.fixed.push((col, width));
    }

    pub(super) fn repeat_header(&mut self, row: u32) {
        self.repeat = Some(row);
    }

    /// Text, masked and guarded; empty text writes nothing.
    pub(super) fn text(&mut self, row: u32, col: u16, s: &str, fmt: Option<&Format>) -> Res {
        if s.is_empty() {
            if let Some(f) = fmt {
                self.ws.write_blank(row, col, f)?;
            }
            return Ok(());
        }
        let safe = safe_text(s);
        self.measure(col, text_width(&safe));
        let f = self.f;
        self.ws.write_string_with_format(row, col, safe, fmt.unwrap_or(&f.text))?;
        Ok(())
    }

    /// Long text wrapped in its cell; it does not widen the column, the row grows instead.
    pub(super) fn wrap(&mut self, row: u32, col: u16, s: &str) -> Res {
        if s.is_empty() {
            return Ok(());
        }
        let safe = safe_text(s);
        self.wrapped.push((row, col, col, text_width(&safe), safe.lines().count()));
        let f = self.f;
        self.ws.write_string_with_format(row, col, safe, &f.wrap)?;
        Ok(())
    }

    /// Long text wrapped across the merged columns `first..=last` of one row.
    pub(super) fn wrap_across(&mut self, row: u32, first: u16, last: u16, s: &str) -> Res {
        if s.is_empty() {
            return Ok(());
        }
        let safe = safe_text(s);
        self.wrapped.push((row, first, last, text_width(&safe), safe.lines().count()));
        let f = self.f;
        self.ws.merge_range(row, first, row, last, &safe, &f.wrap)?;
        Ok(())
    }

    pub(super) fn bold(&mut self, row: u32, col: u16, s: &str) -> Res {
        let f = self.f;
        self.text(row, col, s, Some(&f.bold))
    }

    /// A number; a value that is not finite is written as `—`.
    pub(super) fn num(&mut self, row: u32, col: u16, x: f64, fmt: Option<&Format>) -> Res {
        if !x.is_finite() {
            return self.text(row, col, "—", fmt);
        }
        self.measure(col, 10.0);
        let f = self.f;
        self.ws.write_number_with_format(row, col, x, fmt.unwrap_or(&f.decimal))?;
        Ok(())
    }

    /// A value of `unit` with its number format; `—` when there is none.
    pub(super) fn value(&mut self, row: u32, col: u16, unit: Unit, x: Option<f64>) -> Res {
        let f = self.f;
        match x {
            Some(x) => self.num(row, col, x, Some(f.unit(unit))),
            None => self.text(row, col, "—", None),
        }
    }

    pub(super) fn count(&mut self, row: u32, col: u16, n: u64) -> Res {
        let f = self.f;
        // Counts of people and rows stay far below 2^53, where f64 is exact.
        self.num(row, col, n as f64, Some(&f.int))
    }

    pub(super) fn date(&mut self, row: u32, col: u16, d: NaiveDate) -> Res {
        let f = self.f;
        self.date_with(row, col, d, &f.date)
    }

    /// A date in a given date format.
    pub(super) fn date_with(&mut self, row: u32, col: u16, d: NaiveDate, fmt: &Format) -> Res {
        self.measure(col, 14.0);
        self.ws.write_datetime_with_format(row, col, d, fmt)?;
        Ok(())
    }

    /// A status as its word on its colour (never colour alone).
    pub(super) fn status(&mut self, row: u32, col: u16, s: Status) -> Res {
        let f = self.f;
        self.text(row, col, s.label_zh(), Some(f.status(s)))
    }

    pub(super) fn cell(&mut self, row: u32, col: u16, c: &Cell) -> Res {
        let f = self.f;
        match c {
            Cell::Empty => Ok(()),
            Cell::Text(s) => self.text(row, col, s, None),
            Cell::Number(x) => self.num(row, col, *x, Some(&f.decimal)),
            Cell::Date(d) => self.date(row, col, *d),
        }
    }

    /// Text that links to cell A1 of another sheet of the workbook.
    pub(super) fn link(&mut self, row: u32, col: u16, s: &str, sheet: &str) -> Res {
        let safe = safe_text(s);
        self.measure(col, text_width(&safe));
        let url = Url::new(format!("internal:'{}'!A1", sheet.replace('\'', "''"))).set_text(safe);
        let f = self.f;
        self.ws.write_url_with_format(row, col, url, &f.link)?;
        Ok(())
    }

    /// A row of column headers.
    pub(super) fn header<S: AsRef<str>>(&mut self, row: u32, first_col: u16, headers: &[S]) -> Res {
        let f = self.f;
        for (c, h) in (first_col..).zip(headers) {
            self.text(row, c, h.as_ref(), Some(&f.header))?;
        }
        Ok(())
    }

    /// Text across `first..=last` columns of one row (titles), not measured.
    pub(super) fn merged(&mut self, row: u32, first: u16, last: u16, s: &str, fmt: &Format) -> Res {
        self.ws.merge_range(row, first, row, last, &safe_text(s), fmt)?;
        Ok(())
    }

    /// The final width of a column: fixed, else measured, else Excel's default.
    fn width(&self, col: u16) -> f64 {
        if let Some(&(_, w)) = self.fixed.iter().rev().find(|(c, _)| *c == col) {
            return w;
        }
        match self.widths.get(usize::from(col)) {
            Some(w) if *w > 0.0 => (w + 2.0).clamp(6.0, WIDTH_MAX),
            _ => DEFAULT_WIDTH,
        }
    }

    /// Applies widths, the heights of rows with wrapped text (no reader grows a row by
    /// itself for merged cells, and not every reader does it for plain ones) and the print
    /// setup (A4 landscape, one page wide, header repeated).
    pub(super) fn finish(mut self) -> Result<Worksheet, ExportError> {
        let last = self.widths.len().max(self.fixed.iter().map(|(c, _)| usize::from(*c) + 1).max().unwrap_or(0));
        for c in (0..last).filter_map(|c| u16::try_from(c).ok()) {
            let w = self.width(c);
            self.ws.set_column_width(c, w)?;
        }
        let mut heights: Vec<(u32, f64)> = Vec::new();
        for &(row, first, last, text, breaks) in &self.wrapped {
            let room: f64 = (first..=last).map(|c| self.width(c)).sum::<f64>() - 1.0;
            let lines = ((text / room.max(1.0)).ceil() as usize).max(1) + breaks.saturating_sub(1);
            let h = (lines as f64 * LINE_HEIGHT).min(409.0);
            match heights.iter_mut().find(|(r, _)| *r == row) {
                Some((_, old)) => *old = old.max(h),
                None => heights.push((row, h)),
            }
        }
        for (row, h) in heights.into_iter().filter(|(_, h)| *h > LINE_HEIGHT) {
            self.ws.set_row_height(row, h)?;
        }
        self.ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
        if let Some(r) = self.repeat {
            self.ws.set_repeat_rows(r, r)?;
        }
        Ok(self.ws)
    }
}

/// Masked if it is an ID or phone number, guarded against formulas, cut to Excel's limit.
fn safe_text(s: &str) -> String {
    let masked = mask_if_sensitive(s);
    let safe = neutralise(&masked);
    if safe.chars().count() > CELL_TEXT_MAX {
        safe.chars().take(CELL_TEXT_MAX).collect::<String>() + "…"
    } else {
        safe.into_owned()
    }
}

/// Display width in Excel character units: CJK and full-width characters count two.
/// Multi-line text counts its longest line.
pub(super) fn text_width(s: &str) -> f64 {
    s.lines().map(|l| l.chars().map(|c| if is_wide(c) { 2.0 } else { 1.0 }).sum::<f64>()).fold(0.0, f64::max)
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}
