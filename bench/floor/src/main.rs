//! A page that uses each fixed crate once and nothing more (see Cargo.toml). The exports take
//! their input from JavaScript so the linker keeps the code a real page would run.
#[cfg(any(feature = "read", feature = "write", feature = "text"))]
use wasm_bindgen::prelude::*;

fn main() {
    #[cfg(feature = "ui")]
    leptos::mount::mount_to_body(|| {
        use leptos::prelude::*;
        let (count, set_count) = signal(0u32);
        view! {
            <button on:click=move |_| set_count.update(|c| *c += 1)>"点击 " {move || count.get()}</button>
        }
    });
}

/// Every cell of every sheet of an xlsx, xls or ods workbook (the app's three workbook formats;
/// not xlsb, which it does not read): counts them and sums the numbers and dates, as an import
/// must look at each one.
#[cfg(feature = "read")]
#[wasm_bindgen]
pub fn read_workbook(bytes: Vec<u8>) -> Result<f64, String> {
    use calamine::{Data, Ods, Range, Reader, Xls, Xlsx};
    use std::io::Cursor;
    fn sum(sheets: Vec<(String, Range<Data>)>) -> f64 {
        let mut total = 0.0;
        for (_, range) in sheets {
            for cell in range.used_cells() {
                total += match cell.2 {
                    Data::Float(f) => *f,
                    Data::Int(i) => *i as f64,
                    Data::DateTime(d) => d.as_f64(),
                    Data::String(s) => s.chars().count() as f64,
                    _ => 1.0,
                };
            }
        }
        total
    }
    let e = |e: &dyn std::fmt::Display| e.to_string();
    Ok(match bytes.get(..2) {
        Some(b"PK") if bytes.windows(8).any(|w| w == b"content.") => {
            sum(Ods::new(Cursor::new(bytes)).map_err(|x| e(&x))?.worksheets())
        }
        Some(b"PK") => sum(Xlsx::new(Cursor::new(bytes)).map_err(|x| e(&x))?.worksheets()),
        _ => sum(Xls::new(Cursor::new(bytes)).map_err(|x| e(&x))?.worksheets()),
    })
}

/// A workbook of `rows` rows (text, number, date) written to bytes, as a report is.
#[cfg(feature = "write")]
#[wasm_bindgen]
pub fn write_workbook(rows: u32) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    for r in 0..rows {
        let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
        sheet.write_string(r, 0, format!("志愿者{r}")).map_err(e)?;
        sheet.write_number(r, 1, f64::from(r) * 1.5).map_err(e)?;
        sheet.write_date_with_format(r, 2, day, &date).map_err(e)?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// GBK text decoded, and a record through JSON both ways, as a CSV import and a draft are.
#[cfg(feature = "text")]
#[wasm_bindgen]
pub fn text_round_trip(gbk: &[u8]) -> Result<String, String> {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Row {
        name: String,
        hours: f64,
        tags: Vec<String>,
    }
    let (text, _, _) = encoding_rs::GBK.decode(gbk);
    let row = Row { name: text.into_owned(), hours: 1.5, tags: vec!["助老".into()] };
    let json = serde_json::to_string(&row).map_err(|e| e.to_string())?;
    let back: Row = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    Ok(format!("{}:{}:{}", back.name, back.hours, back.tags.len()))
}
