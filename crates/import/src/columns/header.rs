//! Finding the table in a sheet: the header row (or a band of two or three header rows under
//! merged group cells) among the first rows, below any title and blank rows.
//!
//! A band's score is the number of distinct fields its columns mean (synonyms or head words). Each
//! column's header is matched leaf first (the lowest text, right above the data), then the
//! group and leaf combined (`服务时长` over `累计` → `累计服务时长`). The best band wins; on a tie
//! the lower band, then the one nearer the top. Decoration group rows above it (`基本信息` over
//! 姓名/性别) are then added so that the headers read `基本信息/姓名`.

use crate::choices::HeaderRows;
use crate::columns::meaning::{readings, Reading};
use crate::columns::synonyms::normalize_header;
use crate::formats::Region;

/// How many non-blank rows are searched for the header.
pub const SCAN_ROWS: usize = 30;
/// A header band has at most this many rows.
pub const MAX_BAND: u32 = 3;
/// At least this many known headers make a header row.
pub const MIN_SCORE: usize = 2;

/// One column's header as read from the band.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnHeader {
    pub index: u32,
    /// The texts top to bottom (group first, leaf last), repeats from vertical merges removed.
    pub pieces: Vec<String>,
    /// `基本信息/姓名`: what the clerk sees, used in findings.
    pub display: String,
    /// Normalised strings to look up, in order of preference.
    pub candidates: Vec<String>,
    /// What the header means, per role (`meaning::readings` of the candidates).
    pub readings: Vec<Reading>,
    /// The first candidate that means anything (a synonym or a head word).
    pub known: Option<String>,
    /// The header names whose it is, and not the volunteer's (负责人姓名, 服务对象身份证号):
    /// its cells are not read as the volunteer's either (`content::refine`).
    pub refused: bool,
}

impl ColumnHeader {
    pub fn is_blank(&self) -> bool {
        self.pieces.is_empty()
    }

    /// True when the header means something in some role.
    pub fn is_known(&self) -> bool {
        !self.readings.is_empty()
    }

    /// The first candidate that means anything.
    pub fn first_known(&self) -> Option<&str> {
        self.known.as_deref()
    }

    /// What the header means on a sheet of `role`.
    pub fn reading(&self, role: scorecard_model::model::Role) -> Option<&Reading> {
        self.readings.iter().find(|r| r.role == role)
    }

    /// A column built from its header pieces (group first, leaf last).
    pub fn new(index: u32, pieces: Vec<String>) -> ColumnHeader {
        let candidates = candidates(&pieces);
        let (mut readings, first, refused) = readings(&candidates);
        // of several phone columns the mobile's wins (电话(宅) beside 电话(手机))
        let raw = pieces.concat().to_lowercase();
        // a period's end in a note (簽到時間(迄), 签到日期（止）): the end time, no date
        if ["(迄", "（迄", "(止", "（止", "(讫", "（讫"].iter().any(|m| raw.contains(m)) {
            readings.retain(|r| r.field != scorecard_model::model::Field::Date);
            for r in readings.iter_mut().filter(|r| r.field == scorecard_model::model::Field::Start) {
                r.field = scorecard_model::model::Field::End;
            }
        }
        if ["手机", "手機", "mobile", "cell"].iter().any(|m| raw.contains(m)) {
            for r in readings.iter_mut().filter(|r| r.field == scorecard_model::model::Field::Phone) {
                r.rank = 0;
            }
        }
        let known = first.and_then(|i| candidates.get(i)).cloned();
        ColumnHeader { index, display: pieces.join("/"), pieces, candidates, readings, known, refused }
    }
}

/// A found header band (0-based row indices).
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub first: u32,
    pub last: u32,
    pub columns: Vec<ColumnHeader>,
    pub score: usize,
}

impl Band {
    pub fn excel_rows(&self) -> HeaderRows {
        HeaderRows { first: self.first.saturating_add(1), last: self.last.saturating_add(1) }
    }
}

/// The rows buffered for the search: (0-based row index, display text of each cell).
pub struct Grid<'a> {
    pub rows: &'a [(u32, Vec<String>)],
    pub merges: Option<&'a [Region]>,
}

impl Grid<'_> {
    fn row(&self, r: u32) -> Option<&Vec<String>> {
        self.rows.binary_search_by_key(&r, |(i, _)| *i).ok().and_then(|i| self.rows.get(i)).map(|(_, v)| v)
    }

    fn raw(&self, r: u32, c: u32) -> &str {
        self.row(r).and_then(|v| v.get(c as usize)).map(|s| s.trim()).unwrap_or("")
    }

    /// For each cell of rows `first..=last` × columns `0..width` (row-major), the top-left cell
    /// of the merged region it lies in (the first region listed wins, as Excel never overlaps
    /// them). Built once per band: looking every cell up in every region is cells × regions,
    /// which a hostile sheet makes billions.
    fn merge_origins(&self, first: u32, last: u32, width: u32) -> Vec<Option<(u32, u32)>> {
        let Some(merges) = self.merges else { return Vec::new() };
        let (height, w) = ((last - first + 1) as usize, width as usize);
        let mut origins = vec![None; height * w];
        // regions that overlap (never in a real file) stop being applied past this much work
        let mut budget = 4 * origins.len() + 1024;
        for m in merges.iter().filter(|m| m.first_row <= last && m.last_row >= first && m.first_col < width) {
            for r in m.first_row.max(first)..=m.last_row.min(last) {
                for c in m.first_col..=m.last_col.min(width - 1) {
                    if budget == 0 {
                        return origins;
                    }
                    budget -= 1;
                    if let Some(slot @ None) = origins.get_mut((r - first) as usize * w + c as usize) {
                        *slot = Some((m.first_row, m.first_col));
                    }
                }
            }
        }
        origins
    }

    fn width(&self, first: u32, last: u32) -> u32 {
        (first..=last).filter_map(|r| self.row(r)).map(|v| v.len() as u32).max().unwrap_or(0)
    }

    fn non_empty(&self, r: u32) -> usize {
        self.row(r).map_or(0, |v| v.iter().filter(|s| !s.trim().is_empty()).count())
    }

    /// The first of the widest rows among the first 30 (a title row holds one cell, a header
    /// row the most): the header to use when a clerk says what a sheet is but none of its
    /// header texts is one we know.
    pub fn widest(&self) -> Option<Band> {
        let scan: Vec<u32> = self.rows.iter().map(|(r, _)| *r).take(30).collect();
        let best = scan.iter().map(|&r| self.non_empty(r)).max().filter(|&n| n > 0)?;
        let r = scan.into_iter().find(|&r| self.non_empty(r) == best)?;
        Some(self.band(r, r))
    }

    /// The header of every column over rows `first..=last`.
    pub fn band(&self, first: u32, last: u32) -> Band {
        let width = self.width(first, last);
        let height = (last - first + 1) as usize;
        // texts[k][c]: row first+k; group rows forward-filled when merges are unknown.
        let origins = self.merge_origins(first, last, width);
        let text = |r: u32, c: u32| {
            let at = (r - first) as usize * width as usize + c as usize;
            match origins.get(at).copied().flatten() {
                Some((mr, mc)) => self.raw(mr, mc),
                None => self.raw(r, c),
            }
        };
        let mut texts: Vec<Vec<String>> =
            (first..=last).map(|r| (0..width).map(|c| text(r, c).to_string()).collect()).collect();
        if self.merges.is_none() && height > 1 {
            let leaf = texts.last().cloned().unwrap_or_default();
            for row in texts.iter_mut().take(height - 1) {
                for c in 1..width as usize {
                    let under_group = !leaf[c].is_empty() && !leaf[c - 1].is_empty();
                    if row[c].is_empty() && under_group {
                        row[c] = row[c - 1].clone();
                    }
                }
            }
        }
        let mut columns = Vec::with_capacity(width as usize);
        for c in 0..width as usize {
            let mut pieces: Vec<String> = Vec::new();
            for row in &texts {
                let t = row[c].trim();
                if !t.is_empty() && pieces.last().map(String::as_str) != Some(t) {
                    pieces.push(t.to_string());
                }
            }
            columns.push(ColumnHeader::new(c as u32, pieces));
        }
        // distinct meanings: a merged group read twice, or 所属站点 beside 社区名称 (a field
        // list's rows), counts once
        let mut known: Vec<scorecard_model::model::Field> =
            columns.iter().filter_map(|c| c.readings.first()).map(|r| r.field).collect();
        known.sort_unstable();
        known.dedup();
        let score = known.len();
        Band { first, last, columns, score }
    }

    /// True when a row of `first..=last` has a cell of digits only (`1`, `23`).
    fn has_bare_number(&self, first: u32, last: u32) -> bool {
        (first..=last).any(|r| {
            self.row(r).is_some_and(|cells| {
                cells.iter().any(|t| {
                    let t = t.trim();
                    let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
                    !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) && !year
                })
            })
        })
    }

    /// True for a row of group cells (`基本信息`, `服务情况` …) rather than a title or a
    /// "填报单位：…" line: two or more cells, no colon, and (when merges are known) a region
    /// merged across some but not all of the columns.
    fn is_group_row(&self, r: u32, width: u32) -> bool {
        let Some(cells) = self.row(r) else { return false };
        if self.non_empty(r) < 2 || cells.iter().any(|s| s.contains(':') || s.contains('：')) {
            return false;
        }
        match self.merges {
            None => true,
            Some(ms) => ms.iter().any(|m| {
                m.first_row <= r && r <= m.last_row && m.last_col > m.first_col && m.last_col + 1 - m.first_col < width
            }),
        }
    }

    /// True when row `r` (right below header row `h`) names the parts of `h`'s groups: two
    /// or more short texts (no numbers, no dates), each under a group of `h` — a cell merged
    /// across columns, or (merges unknown) a cell followed by blanks.
    fn is_parts_row(&self, h: u32, r: u32) -> bool {
        let (Some(head), Some(parts)) = (self.row(h), self.row(r)) else { return false };
        let filled: Vec<usize> = (0..parts.len()).filter(|&c| !parts[c].trim().is_empty()).collect();
        if filled.len() < 2 {
            return false;
        }
        let plain = |t: &str| {
            !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ' '))
                && crate::cell_parsers::date::parse_date_text(t).is_none()
                && t.chars().count() <= 12
        };
        let blank = |c: usize| head.get(c).is_none_or(|t| t.trim().is_empty());
        let under_group = |c: usize| match self.merges {
            Some(ms) => ms.iter().any(|m| {
                m.first_row <= h
                    && h <= m.last_row
                    && m.last_col > m.first_col
                    && (m.first_col..=m.last_col).contains(&(c as u32))
            }),
            None => {
                // the group's own cell (blanks follow it) or a blank after a group's cell
                (!blank(c) && blank(c + 1))
                    || (blank(c) && (0..c).rev().find(|&k| !blank(k)).is_some_and(|k| (k + 1..=c).all(blank)))
            }
        };
        filled.iter().all(|&c| plain(parts[c].trim()) && under_group(c))
    }

    /// The first band among the first [`SCAN_ROWS`] rows whose header signature is one of
    /// `signatures` (a remembered hand mapping), so a sheet whose headers mean nothing to the
    /// synonyms is still found the next time.
    pub fn find_signature(&self, signatures: &[&str]) -> Option<Band> {
        if signatures.is_empty() {
            return None;
        }
        let scanned: Vec<u32> = self.rows.iter().take(SCAN_ROWS).map(|(r, _)| *r).collect();
        for (i, &last) in scanned.iter().enumerate() {
            for h in 1..=MAX_BAND {
                let Some(first) = last.checked_sub(h - 1) else { break };
                let k = h as usize;
                if i + 1 < k || scanned.get(i + 1 - k) != Some(&first) {
                    break;
                }
                let band = self.band(first, last);
                if signatures.contains(&signature(&band.columns).as_str()) {
                    return Some(band);
                }
            }
        }
        None
    }

    /// The best header band among the first [`SCAN_ROWS`] rows, if any scores [`MIN_SCORE`].
    pub fn find(&self) -> Option<Band> {
        let scanned: Vec<u32> = self.rows.iter().take(SCAN_ROWS).map(|(r, _)| *r).collect();
        let mut best: Option<Band> = None;
        for (i, &last) in scanned.iter().enumerate() {
            for h in 1..=MAX_BAND {
                let Some(first) = last.checked_sub(h - 1) else { break };
                // every row of the band present (no blank row inside a header)
                let k = h as usize;
                if i + 1 < k || scanned.get(i + 1 - k) != Some(&first) {
                    break;
                }
                // a lower header row holds no bare numbers: a row counting 1, 2 … is data
                if h > 1 && self.has_bare_number(first + 1, last) {
                    break;
                }
                let band = self.band(first, last);
                let better = match &best {
                    None => true,
                    Some(b) => band.score > b.score || (band.score == b.score && h < b.last - b.first + 1),
                };
                if better {
                    best = Some(band);
                }
            }
        }
        let mut band = best
            .filter(|b| b.score >= MIN_SCORE)
            .or_else(|| self.short_header(&scanned))
            .or_else(|| self.lone_name_header(&scanned))?;
        // add the parts' row below a group header (参与人数 over 学生 | 教师 | 合计)
        while band.last - band.first + 1 < MAX_BAND && self.is_parts_row(band.last, band.last + 1) {
            let deeper = self.band(band.first, band.last + 1);
            if deeper.score < band.score {
                break;
            }
            band = deeper;
        }
        // add decoration group rows right above
        let width = self.width(band.first, band.last);
        while band.last - band.first + 1 < MAX_BAND && band.first > 0 && self.is_group_row(band.first - 1, width) {
            let wider = self.band(band.first - 1, band.last);
            if wider.score < band.score {
                break;
            }
            band = wider;
        }
        Some(band)
    }
}

impl Grid<'_> {
    /// A header of few columns that scores below [`MIN_SCORE`] (`姓名 | 学院 | 专业 | 年级`):
    /// the first row of two or more cells (title rows hold one), when every cell is short
    /// text that is no number or date, at least one of them means something, and rows
    /// follow it.
    fn short_header(&self, scanned: &[u32]) -> Option<Band> {
        let (pos, &r) = scanned.iter().enumerate().find(|(_, &r)| self.non_empty(r) >= 2)?;
        // rows follow it, or it is a template's header of several columns (no rows yet)
        if scanned.get(pos + 1).is_none() && self.non_empty(r) < 3 {
            return None;
        }
        let cells = self.row(r)?;
        let short_text = |s: &String| {
            // a note in brackets after the name (`PRINT NAME (place * if …)`) is no length
            let t = s.split(['(', '（']).next().unwrap_or("").trim();
            t.is_empty()
                || t.chars().count() <= 12
                    && !t.contains([':', '：'])
                    && !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/'))
                    && crate::cell_parsers::date::parse_date_text(t).is_none()
        };
        if !cells.iter().all(short_text) {
            return None;
        }
        let band = self.band(r, r);
        (band.score >= 1).then_some(band)
    }
}

impl Grid<'_> {
    /// A sign-in sheet's one header over a column of names (`PRINT NAME` under a form's
    /// title lines): a row whose only cell reads as a person's name, no colon in it, the row
    /// below filled in that column.
    fn lone_name_header(&self, scanned: &[u32]) -> Option<Band> {
        scanned.windows(2).find_map(|w| {
            let (r, next) = (w[0], w[1]);
            let cells = self.row(r)?;
            let filled: Vec<usize> = (0..cells.len()).filter(|&c| !cells[c].trim().is_empty()).collect();
            let [c] = filled.as_slice() else { return None };
            let text = &cells[*c];
            if text.contains([':', '：']) {
                return None;
            }
            let reads_name = crate::columns::meaning::readings_of(text)
                .iter()
                .any(|x| x.field == scorecard_model::model::Field::Name);
            let below = self.row(next).and_then(|n| n.get(*c)).is_some_and(|t| !t.trim().is_empty());
            (reads_name && below).then(|| self.band(r, r))
        })
    }
}

/// Normalised lookup strings for a column: leaf, all pieces joined, each group + leaf,
/// leaf + each group.
fn candidates(pieces: &[String]) -> Vec<String> {
    let Some((leaf, groups)) = pieces.split_last() else { return Vec::new() };
    let lookup = crate::columns::english::lookup_text;
    let mut out = vec![lookup(leaf)];
    // an English header whose whole reads nothing may put its head first (Date Hours Occurred)
    if let Some(first) = crate::columns::english::first_word(leaf) {
        let whole = &out[0];
        let (read, _, refused) = crate::columns::meaning::readings(std::slice::from_ref(whole));
        // (never for someone else's: `Name of Emergency Contact` is no volunteer's name)
        let others = crate::columns::english::names_someone_else(leaf);
        if !crate::columns::meaning::is_ignored(whole) && read.is_empty() && !(refused && others) {
            out.push(first);
        }
    }
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    if !groups.is_empty() {
        push(normalize_header(&pieces.concat()));
        for g in groups {
            push(normalize_header(&format!("{g}{leaf}")));
            push(normalize_header(&format!("{leaf}{g}")));
            push(format!("{}{}", lookup(g), lookup(leaf)));
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The normalised header texts joined by `|`, trailing blank columns dropped:
/// `序号|基本信息姓名|基本信息性别|…`.
pub fn signature(columns: &[ColumnHeader]) -> String {
    let mut parts: Vec<String> = columns.iter().map(|c| normalize_header(&c.pieces.concat())).collect();
    while parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[(u32, &[&str])]) -> Vec<(u32, Vec<String>)> {
        rows.iter().map(|(r, cells)| (*r, cells.iter().map(|s| s.to_string()).collect())).collect()
    }

    #[test]
    fn title_and_blank_rows_above_the_header() {
        let rows = grid(&[
            (0, &["新桥社区注册志愿者名册"]),
            (2, &["序号", "姓名", "性别", "证件号码"]),
            (3, &["1", "张三", "男", "11010519491231002X"]),
        ]);
        let band = Grid { rows: &rows, merges: None }.find().unwrap();
        assert_eq!((band.first, band.last, band.score), (2, 2, 3));
        let shown: Vec<&str> = band.columns.iter().map(|c| c.display.as_str()).collect();
        assert_eq!(shown, ["序号", "姓名", "性别", "证件号码"]);
    }

    #[test]
    fn group_rows_forward_filled_without_merge_info() {
        let rows = grid(&[
            (0, &["名册"]),
            (2, &["序号", "基本信息", "", "服务情况", "", "备注"]),
            (3, &["", "姓名", "性别", "累计", "年度", ""]),
            (4, &["1", "张三", "男", "30", "5", ""]),
        ]);
        let band = Grid { rows: &rows, merges: None }.find().unwrap();
        assert_eq!((band.first, band.last), (2, 3));
        let shown: Vec<&str> = band.columns.iter().map(|c| c.display.as_str()).collect();
        assert_eq!(shown, ["序号", "基本信息/姓名", "基本信息/性别", "服务情况/累计", "服务情况/年度", "备注"]);
    }

    #[test]
    fn merged_group_cells_and_combined_names() {
        let rows = grid(&[
            (0, &["序号", "姓名", "服务时长", "", "所属站点"]),
            (1, &["", "", "累计", "年度", ""]),
            (2, &["1", "张三", "30", "5", "新桥"]),
        ]);
        let m = |fr, fc, lr, lc| Region { first_row: fr, first_col: fc, last_row: lr, last_col: lc };
        let merges = [m(0, 0, 1, 0), m(0, 1, 1, 1), m(0, 2, 0, 3), m(0, 4, 1, 4)];
        let band = Grid { rows: &rows, merges: Some(&merges) }.find().unwrap();
        assert_eq!((band.first, band.last, band.score), (0, 1, 4));
        let c = &band.columns[2];
        assert_eq!(c.display, "服务时长/累计");
        assert!(c.candidates.contains(&"累计服务时长".to_string()));
        assert_eq!(band.columns[4].display, "所属站点");
    }

    #[test]
    fn three_row_merged_header() {
        // 基本信息 over 姓名/证件号码; 服务情况 over 服务时长 over 累计/年度; 所属站点 spans 3 rows.
        let rows = grid(&[
            (0, &["新繁镇志愿者服务情况统计表"]),
            (1, &["序号", "基本信息", "", "服务情况", "", "所属站点"]),
            (2, &["", "姓名", "证件号码", "服务时长", "", ""]),
            (3, &["", "", "", "累计", "年度", ""]),
            (4, &["1", "张三", "11010519491231002X", "30", "5", "新桥社区"]),
        ]);
        let m = |fr, fc, lr, lc| Region { first_row: fr, first_col: fc, last_row: lr, last_col: lc };
        let merges = [
            m(0, 0, 0, 5),
            m(1, 0, 3, 0),
            m(1, 1, 1, 2),
            m(2, 1, 3, 1),
            m(2, 2, 3, 2),
            m(1, 3, 1, 4),
            m(2, 3, 2, 4),
            m(1, 5, 3, 5),
        ];
        let band = Grid { rows: &rows, merges: Some(&merges) }.find().unwrap();
        assert_eq!((band.first, band.last), (1, 3));
        let shown: Vec<&str> = band.columns.iter().map(|c| c.display.as_str()).collect();
        assert_eq!(
            shown,
            [
                "序号",
                "基本信息/姓名",
                "基本信息/证件号码",
                "服务情况/服务时长/累计",
                "服务情况/服务时长/年度",
                "所属站点"
            ]
        );
    }

    #[test]
    fn a_short_header_of_few_known_names() {
        let rows = grid(&[
            (0, &["2019级志愿者"]),
            (1, &["姓名", "班级", "专业", "年级"]),
            (2, &["张三", "汉语言1班", "汉语言", "2019级"]),
        ]);
        let band = Grid { rows: &rows, merges: None }.find().unwrap();
        assert_eq!((band.first, band.last, band.score), (1, 1, 1));
        // a first row of data is no header, nor a lone row
        let data = grid(&[(0, &["张三", "2019-03-02", "3"]), (1, &["李四", "2019-03-09", "2"])]);
        assert_eq!(Grid { rows: &data, merges: None }.find(), None);
        // a lone row of one known name is no header; of two, a template with no rows yet
        let lone = grid(&[(0, &["姓名", "班级"])]);
        assert_eq!(Grid { rows: &lone, merges: None }.find(), None);
        let template = grid(&[(0, &["姓名", "学院"])]);
        assert_eq!(Grid { rows: &template, merges: None }.find().map(|b| b.score), Some(2));
    }

    #[test]
    fn no_header_in_a_sheet_of_numbers() {
        let rows = grid(&[(0, &["1", "2"]), (1, &["3", "4"])]);
        assert_eq!(Grid { rows: &rows, merges: None }.find(), None);
    }
}
