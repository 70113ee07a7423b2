//! Starter files for `trycksak new`: complete, commented, and buildable as they are.

/// A starter programme for `region`, explaining every front-matter key.
pub fn programme(region: &str, title: &str) -> String {
    format!(
        r#"---
# The facts about this programme. A line starting with # is a comment and is ignored.
# To use an optional line, remove the # in front of it.

# Required: the title on the cover and at the top of every output.
title: {title}
# Required: the region, which picks the layout (colours, logo, paper) in layouts/{region}/.
region: {region}

# Required: the language of the text, as a language tag: sv, en, fi, se (Northern Sámi),
# fit (Meänkieli). Screen readers need it; hyphenation and quotation marks follow it.
lang: sv
# A subtitle under the title.
# subtitle: Vårt program för 2026–2030
# The party, printed on the cover, the summary and the web page. Without it, no party is named.
# party: Partiets namn
# The period the programme covers.
# period: 2026–2030
# The date of the programme, as year-month-day.
# date: 2026-05-01
# The legally responsible publisher ("ansvarig utgivare"), printed on leaflets.
# publisher: Förnamn Efternamn
# How to reach you; printed on the back page.
# contact: info@example.se
# A short lead text for the one-page summary; without it, the first paragraph is used.
# summary: Vi vill att hela regionen ska leva.
# A readability target: sections with a higher LIX get a warning in the report.
# lix_target: 45
# A cover image (a file in the project, relative to this file) and what it shows.
# cover:
#   image: bilder/omslag.jpg
#   alt: Människor på torget i sommarsol
---

Texten före den första rubriken är inledningen. Skilj stycken åt med en tom rad.

## Första avsnittet

Ett avsnitt börjar med `##`, ett underavsnitt med `###`. Skriv **fet** och *kursiv* text så här,
och en länk så här: [vår webbplats](https://example.se).

En lista efter ett stycke som säger vad ni vill och slutar med kolon ("Därför vill vi:", "Vi lovar:")
blir en lista med löften, och löftena kommer med i sammanfattningen. Vi vill:

- göra det första vi lovar
- göra det andra vi lovar

### Ett underavsnitt

<!-- En bild står på en egen rad, med en beskrivning för den som inte kan se den:
![Människor på torget i sommarsol](bilder/torget.jpg)
Sökvägen är relativ till den här filen. (Det här är en kommentar: den syns inte i utskrifterna.) -->
Fler stycken här.
"#
    )
}

/// A starter `layout.yaml` for a new region: every key explained; it builds as it is (the
/// values are those of the base layout, to be changed).
pub fn region(display_name: &str) -> String {
    format!(
        r#"# The layout of this region. Every key is optional: what is left out comes from
# layouts/base/layout.yaml. A template file put in this folder (leaflet.typ, summary.typ,
# trycksak.typ) replaces the base one of the same name for this region only.

# The region's name as printed on covers and back pages.
name: {display_name}

# Brand colours as printed: ink percentages [cyan, magenta, yellow, black], each 0 to 100.
# Screen PDFs get them converted to RGB.
colours:
  primary: [0, 100, 90, 10]      # cover, headings, bands
  accent: [0, 100, 90, 10]       # pledge markers and rules
  tint: [0, 10, 6, 0]           # background of pledge boxes
  # text: [0, 0, 0, 100]        # body text: keep pure black ink
  # on-primary: [0, 0, 0, 0]    # text on the primary colour

# Font families from fonts/, first choice first (Inter, Libertinus Serif, Noto Sans ship).
# fonts:
#   body: [Inter, Noto Sans]
#   heading: [Libertinus Serif, Noto Sans]

# A logo or wordmark file in this folder (SVG, PNG or JPEG), shown on covers and summaries.
# logo: logo.svg

# Paper sizes: a4, a5 or dl (99 × 210 mm).
# paper:
#   leaflet: a5
#   summary: a4

# The leaflet cover: full (all primary colour), band (a colour band at the top) or stripe.
cover: band

# summary:
#   min_size: 8                 # the smallest type size (pt) the one-page summary may use
#   overflow: shorten           # or `error`: fail when not every pledge fits

# leaflet:
#   min_size: 9.5               # the leaflet's body size is chosen in this range (pt) so that
#   max_size: 11                # the text fills its sheets; or fix it: `size: 10`, `pages: 12`

# Build the large-print PDF (A4, 18 pt) by default; `--format large-print` builds it anyway.
# large_print: true

# A readability target: sections with a higher LIX get a warning.
# lix_target: 45
"#
    )
}

/// The note `trycksak init` leaves in a new project: what goes where.
pub fn project_note() -> String {
    r#"# A trycksak project

What goes where:

- `programmes/<region>/<slug>.md`: one programme per file: YAML front matter (title, region,
  language, …) between two `---` lines, then the text in Markdown. `trycksak new programme
  REGION/SLUG` starts another.
- `layouts/<region>/layout.yaml`: a region's look: name, brand colours, fonts, logo, paper.
  `trycksak new region NAME` starts another. Templates (`.typ`) put here override the built-in
  ones of the same name.
- `fonts/`: font files the PDFs may use besides the built-in ones (optional).
- `out/`: what `trycksak build` writes; never edit it by hand.

Run `trycksak build` anywhere in the project to build every programme into `out/`,
`trycksak check` to check them without writing anything, `trycksak watch` to rebuild on save.
"#
    .to_string()
}
