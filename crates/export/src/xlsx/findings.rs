//! 问题清单: every finding with its location, kind, severity and message, filterable.
//! Messages are shown as their authors wrote them (they mask IDs and phones themselves);
//! the writer still masks any cell that is an ID or phone number as a whole.

use crate::values::severity_zh;
use crate::xlsx::writer::{Res, Sheet, ROW_MAX};
use scorecard_model::finding::Finding;

const HEADERS: [&str; 7] = ["文件", "工作表", "行", "列", "类型", "严重程度", "说明"];
const WIDTHS: [f64; 7] = [24.0, 16.0, 8.0, 16.0, 18.0, 10.0, 80.0];

pub(super) fn write(s: &mut Sheet, findings: &[Finding]) -> Res {
    let f = s.f;
    s.header(0, 0, &HEADERS)?;
    for (c, w) in (0u16..).zip(WIDTHS) {
        s.fix_width(c, w);
    }
    s.ws.set_freeze_panes(1, 0)?;
    s.repeat_header(0);
    if findings.is_empty() {
        s.text(1, 0, "没有发现问题。", Some(&f.note))?;
        return Ok(());
    }
    let room = usize::try_from(ROW_MAX - 1).unwrap_or(usize::MAX);
    let mut row = 1;
    for x in findings.iter().take(room) {
        s.text(row, 0, &x.file, None)?;
        s.text(row, 1, x.sheet.as_deref().unwrap_or(""), None)?;
        if let Some(r) = x.row {
            s.count(row, 2, u64::from(r))?;
        }
        s.text(row, 3, x.column.as_deref().unwrap_or(""), None)?;
        s.text(row, 4, x.kind.label_zh(), None)?;
        s.text(row, 5, severity_zh(x.severity), None)?;
        s.wrap(row, 6, &x.message)?;
        row += 1;
    }
    if findings.len() > room {
        s.text(row, 6, &format!("另有 {} 条未列出。", findings.len() - room), Some(&f.note))?;
    }
    s.ws.autofilter(0, 0, row.saturating_sub(1).max(1), 6)?;
    Ok(())
}
