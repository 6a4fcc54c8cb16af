//! The context file: what the web app exports and `scorecard score --context FILE.json`
//! reads. It is `Context`'s JSON, plus the clerk's column mappings under `"import"` (the
//! CLI reads that key as `ImportOptions`; `Context::from_json` ignores it).
//! [`read_context_json`] is that reading, for the CLI to call instead of its own copy.

use scorecard_import::ImportOptions;
use scorecard_model::context::Context;

/// The context JSON, with the import options under `"import"` when given, and the release
/// that wrote it under `"made_by"` (readers ignore both keys as context).
pub fn context_json(ctx: &Context, import: Option<&ImportOptions>) -> String {
    let mut v = serde_json::to_value(ctx).unwrap_or_default();
    if let Some(obj) = v.as_object_mut() {
        if let Some(opts) = import.and_then(|o| serde_json::to_value(o).ok()) {
            obj.insert("import".into(), opts);
        }
        obj.insert("made_by".into(), scorecard_model::made_by().into());
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// Reads a context file the way `scorecard score --context` does: the context (unknown
/// keys ignored, missing ones defaulted) and the import options under `"import"` (the
/// defaults when the key is absent or not readable as options).
pub fn read_context_json(text: &str) -> Result<(Context, ImportOptions), serde_json::Error> {
    let ctx = Context::from_json(text)?;
    let options = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("import").cloned())
        // From text, not `from_value`: one reader of the options in the wasm, not two.
        .and_then(|v| serde_json::from_str(&v.to_string()).ok())
        .unwrap_or_default();
    Ok((ctx, options))
}
