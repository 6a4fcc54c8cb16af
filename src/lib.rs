//! The web app of 志愿服务自评台: leptos components over `scorecard-domain`.
use leptos::prelude::*;

pub fn mount() {
    leptos::mount::mount_to_body(|| view! { <p>"志愿服务自评台"</p> });
}
