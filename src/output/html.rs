//! The accessible HTML version (`<slug>.html`): written from the model through the layout's
//! `page.html` template (minijinja, which escapes every value: a programme's `<script>` is shown
//! as the characters written), with the images it shows copied beside it, so that the folder
//! can go to any web host as it is. No JavaScript, and a Content-Security-Policy that allows
//! none. The downloads block lists the programme's other outputs made in the same build.

use std::collections::BTreeMap;

use minijinja::Environment;
use serde_json::{Value, json};

use super::kind::{Output, Rendered};
use super::pdf::PdfContext;
use crate::diagnostics::Diagnostic;
use crate::i18n::{Labels, labels};
use crate::layout::{Layout, Layouts};
use crate::model::Programme;

/// The page template, in the layout folders.
pub const TEMPLATE: &str = "page.html";
/// The index of every programme, `out/index.html`, from base's folder.
pub const INDEX_TEMPLATE: &str = "index.html";

/// The accessible HTML version of a programme.
pub struct HtmlOutput;
pub const HTML: HtmlOutput = HtmlOutput;

impl Output for HtmlOutput {
    fn name(&self) -> &'static str {
        "html"
    }
    fn about(&self) -> &'static str {
        "The accessible HTML version, images beside it (<slug>.html)"
    }
    fn title(&self, labels: &'static Labels) -> &'static str {
        labels.html_title
    }
    fn file_name(&self, slug: &str, _labels: &Labels) -> String {
        format!("{slug}.html")
    }
    fn lists_others(&self) -> bool {
        true
    }
    fn render(&self, programme: &Programme, cx: &PdfContext) -> Result<Rendered, Vec<Diagnostic>> {
        let layout = cx.layout(programme)?;
        let labels = labels(&programme.meta.lang);
        let root = cx.typesetter.root();
        // The images it shows, copied beside the page: flat names, from their project paths.
        let mut images = BTreeMap::new();
        let mut extra_files = Vec::new();
        let mut copy = |path: &str| -> Option<String> {
            let name = format!("bilder/{}", path.replace('/', "-"));
            let bytes = crate::sandbox::read(root, &root.join(path)).ok()?;
            extra_files.push((name.clone(), bytes));
            images.insert(path.to_string(), name.clone());
            Some(name)
        };
        for image in programme.images() {
            copy(&image.path);
        }
        let logo = layout.logo.as_deref().and_then(&mut copy);
        let downloads: Vec<Value> = cx
            .made
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|made| {
                let format = made.file.rsplit('.').next().unwrap_or("").to_uppercase();
                json!({
                    "file": made.file,
                    "title": made.kind.title(&programme.meta.lang),
                    "format": format,
                    "pages": made.pages.map(|n| pages(n, labels)),
                    "size": size(made.bytes),
                })
            })
            .collect();
        let mut model = serde_json::to_value(programme).map_err(internal)?;
        if let Some(sections) = model.get_mut("sections") {
            add_ids(sections, "s");
        }
        let page = json!({
            "colours": layout
                .colours
                .iter()
                .map(|(name, cmyk)| (name.clone(), cmyk.to_rgb_hex()))
                .collect::<BTreeMap<_, _>>(),
            "font_stack": font_stack(layout),
            "logo": logo,
            "logo_alt": format!("{} {}", labels.logo, layout.name),
            "byline": byline(programme, layout),
            "labels": labels,
            "toc": programme.sections.len() > 3,
            "images": images,
            "downloads": downloads,
        });
        let context = json!({
            "meta": model.get("meta"),
            "programme": model,
            "page": page,
        });
        let html = render_template(
            cx.typesetter.layouts(),
            &programme.meta.region,
            TEMPLATE,
            &context,
        )
        .map_err(|message| vec![Diagnostic::error(cx.source, None, message)])?;
        Ok(Rendered {
            bytes: html.into_bytes(),
            extra_files,
            ..Rendered::default()
        }
        .with_facts(&json!({
            "title": programme.meta.title,
            "period": programme.meta.period,
            "lang": programme.meta.lang,
        })))
    }
}

/// Renders `name` (looked up in `region`'s layout folders, then built in) with `context`.
pub fn render_template(
    layouts: &Layouts,
    region: &str,
    name: &str,
    context: &Value,
) -> Result<String, String> {
    let file = layouts
        .template(region, name)?
        .ok_or_else(|| format!("there is no template {name}"))?;
    let display = file.display.display().to_string();
    let text = String::from_utf8(file.bytes).map_err(|_| format!("{display} is not UTF-8 text"))?;
    let mut env = Environment::new();
    // Every value is escaped for HTML, whatever the template's file name.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    env.add_template_owned(name.to_string(), text)
        .map_err(|err| format!("{display}: {err}"))?;
    let template = env
        .get_template(name)
        .map_err(|err| format!("{display}: {err}"))?;
    template
        .render(minijinja::Value::from(minijinja::value::Serde(context)))
        .map_err(|err| format!("{display}: {err}"))
}

/// Gives each section of the model's JSON an HTML id by its place: `s-1`, `s-1-2`, … (stable,
/// and nothing a source writes ends up in an attribute but as escaped text).
fn add_ids(sections: &mut Value, prefix: &str) {
    let Some(items) = sections.as_array_mut() else {
        return;
    };
    for (i, item) in items.iter_mut().enumerate() {
        let id = format!("{prefix}-{}", i + 1);
        if let Some(children) = item.get_mut("sections") {
            add_ids(children, &id);
        }
        if let Some(object) = item.as_object_mut() {
            object.insert("id".into(), Value::String(id));
        }
    }
}

/// The layout's fonts for screens: its own families (installed, or not) before a system stack.
fn font_stack(layout: &Layout) -> String {
    let mut families: Vec<String> = layout
        .fonts
        .body
        .iter()
        .filter(|family| {
            family
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        })
        .map(|family| format!("\"{family}\""))
        .collect();
    families.extend(
        [
            "system-ui",
            "-apple-system",
            "\"Segoe UI\"",
            "Roboto",
            "Arial",
            "sans-serif",
        ]
        .map(str::to_string),
    );
    families.join(", ")
}

/// Region, party and period, as on the covers.
fn byline(programme: &Programme, layout: &Layout) -> String {
    [
        Some(&layout.name),
        programme.meta.party.as_ref(),
        programme.meta.period.as_ref(),
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// "1 sida", "8 sidor".
pub fn pages(n: u32, labels: &Labels) -> String {
    format!(
        "{n} {}",
        if n == 1 {
            labels.page_one
        } else {
            labels.pages
        }
    )
}

/// A file size as a reader reads it: "42 kB", "1,2 MB".
pub fn size(bytes: usize) -> String {
    if bytes < 1_000_000 {
        format!("{} kB", bytes.div_ceil(1000))
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6).replace('.', ",")
    }
}

fn internal(err: serde_json::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::about(
        "trycksak",
        format!("internal error: {err}"),
    )]
}
