//! The context file: what the web app exports and `scorecard score --context FILE.json`
//! reads. It is `Context`'s JSON, plus the clerk's column mappings under `"import"` (the
//! CLI reads that key as `ImportOptions`; `Context::from_json` ignores it).

use crate::context::Context;
use crate::import::ImportOptions;

/// The context JSON, with the import options under `"import"` when given.
pub fn context_json(ctx: &Context, import: Option<&ImportOptions>) -> String {
    let Some(options) = import else { return ctx.to_json() };
    let mut v = serde_json::to_value(ctx).unwrap_or_default();
    if let (Some(obj), Ok(opts)) = (v.as_object_mut(), serde_json::to_value(options)) {
        obj.insert("import".into(), opts);
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
