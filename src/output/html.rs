//! The accessible HTML version (`<slug>.html`): written from the model through the layout's
//! `page.html` template (minijinja, which escapes every value: a programme's `<script>` is shown
//! as the characters written), with the images it shows copied beside it, so that the folder
//! can go to any web host as it is. No JavaScript, and a Content-Security-Policy that allows
//! none. The downloads block lists the programme's other outputs made in the same build.

use std::collections::BTreeMap;

use minijinja::Environment;
use serde_json::{Value, json};

use super::context::{Made, RenderContext};
use super::kind::{Output, Rendered};
use crate::diagnostics::Diagnostic;
use crate::i18n::Labels;
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
    fn title<'a>(&self, labels: &'a Labels) -> &'a str {
        &labels.html_title
    }
    fn file_name(&self, slug: &str, _labels: &Labels) -> String {
        format!("{slug}.html")
    }
    fn lists_others(&self) -> bool {
        true
    }
    fn render(
        &self,
        programme: &Programme,
        cx: &RenderContext,
        made: &[Made],
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let layout = cx.layout(programme)?;
        let labels = programme.labels();
        let root = cx.typesetter.root();
        // The images it shows, copied beside the page: flat names, from their project paths.
        let mut images = BTreeMap::new();
        let mut extra_files = Vec::new();
        let mut copy = |path: &str| -> Option<String> {
            let name = format!("bilder/{}", path.replace('/', "-"));
            // An image used many times is read and written once.
            if images.contains_key(path) {
                return Some(name);
            }
            let bytes = crate::sandbox::read(root, &root.join(path)).ok()?;
            extra_files.push((name.clone(), bytes));
            images.insert(path.to_string(), name.clone());
            Some(name)
        };
        for image in programme.images() {
            copy(&image.path);
        }
        let logo = layout.logo.as_deref().and_then(&mut copy);
        let downloads: Vec<Value> = made
            .iter()
            .filter(|made| made.kind.for_public())
            .map(|made| {
                let format = made.file.rsplit('.').next().unwrap_or("").to_uppercase();
                json!({
                    "file": made.file,
                    "title": made.kind.title(programme.labels()),
                    "format": format,
                    "pages": made.pages.map(|n| pages(n, labels)),
                    "size": size(made.bytes, &programme.meta.lang),
                })
            })
            .collect();
        let mut model = serde_json::to_value(programme).map_err(internal)?;
        super::quotes::data(&mut model, &programme.meta.lang, &programme.languages);
        if let Some(sections) = model.get_mut("sections") {
            add_ids(sections, "s");
        }
        let page = json!({
            "colours": layout
                .colours
                .iter()
                .map(|(name, colour)| (name.clone(), colour.screen_hex()))
                .collect::<BTreeMap<_, _>>(),
            "font_families": font_families(layout),
            "logo": logo,
            "logo_alt": logo_alt(labels, layout, programme),
            "byline": byline(programme, layout),
            "labels": labels,
            "dir": programme.languages.direction(&programme.meta.lang).as_str(),
            "toc": programme.sections.len() > 3,
            // The other language versions, for the switcher and `hreflang` links.
            "versions": crate::translation::versions(root, programme),
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
        .with_facts(&PageFacts {
            title: programme.meta.title.clone(),
            period: programme.meta.period.clone(),
        }))
    }
}

/// What the manifest records of a programme's page, for the index: its title and period (its
/// language is every entry's `lang`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PageFacts {
    pub title: String,
    pub period: Option<String>,
}

impl PageFacts {
    /// The facts of a page's manifest entry; `None` for another kind's entry.
    pub fn of(entry: &crate::manifest::Entry) -> Option<PageFacts> {
        if entry.kind != HTML.name() {
            return None;
        }
        serde_json::from_value(Value::Object(entry.facts.clone())).ok()
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
    env.add_filter("css_font_family", css_font_family);
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
/// The template writes it with the `css_font_family` filter, which quotes and escapes each name
/// for CSS (HTML's escaping would turn its quotes into `&quot;`, which CSS does not read).
fn font_families(layout: &Layout) -> Vec<String> {
    let mut families = layout.fonts.body.clone();
    families.extend(
        [
            "system-ui",
            "-apple-system",
            "Segoe UI",
            "Roboto",
            "Arial",
            "sans-serif",
        ]
        .map(str::to_string),
    );
    families
}

/// The CSS keywords of a font-family list, written without quotes.
const GENERIC_FAMILIES: &[&str] = &[
    "system-ui",
    "-apple-system",
    "sans-serif",
    "serif",
    "monospace",
];

/// A list of family names as a CSS `font-family` value: each name a CSS string, with `\`, `"`
/// and everything that could end a `<style>` element escaped as CSS escapes.
fn css_font_family(families: Vec<String>) -> minijinja::Value {
    let quoted: Vec<String> = families
        .iter()
        .map(|family| {
            if GENERIC_FAMILIES.contains(&family.as_str()) {
                return family.clone();
            }
            let mut out = String::from("\"");
            for c in family.chars() {
                match c {
                    '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", c as u32)),
                    c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        })
        .collect();
    minijinja::Value::from_safe_string(quoted.join(", "))
}

/// Region, party and period, as on the covers.
fn byline(programme: &Programme, layout: &Layout) -> String {
    [
        layout.name.as_ref(),
        programme.meta.party.as_ref(),
        programme.meta.period.as_ref(),
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// A logo's alt text: "Logotyp Norrbotten", the layout's name, else the programme's party.
pub fn logo_alt(labels: &Labels, layout: &Layout, programme: &Programme) -> String {
    match layout.name.as_ref().or(programme.meta.party.as_ref()) {
        Some(name) => format!("{} {name}", labels.logo),
        None => labels.logo.to_string(),
    }
}

/// "1 sida", "8 sidor".
pub fn pages(n: u32, labels: &Labels) -> String {
    format!(
        "{n} {}",
        if n == 1 {
            &labels.page_one
        } else {
            &labels.pages
        }
    )
}

/// A file size as a reader of `lang` reads it: "42 kB", "1,2 MB" (Swedish), "1.2 MB" (English).
pub fn size(bytes: usize, lang: &str) -> String {
    if bytes < 1_000_000 {
        format!("{} kB", bytes.div_ceil(1000))
    } else {
        format!("{} MB", crate::i18n::decimal(bytes as f64 / 1e6, 1, lang))
    }
}

fn internal(err: serde_json::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::about(
        "trycksak",
        t!("internal-error", kind = "html", message = err.to_string()),
    )]
}
