# The interface's messages in English: errors, warnings and their help, progress and summary
# lines, help texts, and the pages `serve` shows. Every message here has its twin in sv.ftl,
# with the same `$values` (a test checks). A message's `.help` is how to fix what it reports.
#
# Syntax: https://projectfluent.org/fluent/guide/ — `{ $name }` puts in a value, and
# `{ $count -> [one] … *[other] … }` chooses by number.

test-plural = { $count ->
    [one] { $count } sentence
   *[other] { $count } sentences
}
did-you-mean = did you mean `{ $name }`?

## Front matter

kind = { $kind ->
    [empty] empty
    [yes-no] yes/no
    [number] a number
    [text] text
    [list] a list
    [keys] a group of keys
   *[tagged] a tagged value
}
key-not-a-word = the key `{ kind }` is not a word
    .help = write one key per line, e.g. `title: Our programme`
front-matter-missing-key = the front matter has no `{ $key }`
    .help = add a line `{ $key }: { $example }` between the `---` lines
example-title = Our programme for the region
front-matter-missing-lang = the front matter has no `lang`
    .help = add a line `lang: sv` (or the text's language: en, fi, se, fit …): screen readers need it to pronounce the text, and hyphenation and quotation marks follow it
not-a-language-tag = `{ $tag }` is not a language tag
    .help = use a BCP 47 tag such as `sv`, `en`, `fi`, `se` (Northern Sámi) or `fit` (Meänkieli)
not-a-date = `{ $date }` is not a date in the form YYYY-MM-DD
    .help = write the date as year-month-day, e.g. `date: 2022-09-11`
value-not-text = `{ $key }` must be text, not { kind }
    .help = write `{ $key }: ` followed by the text on the same line; put quotes around it if it contains `: ` or starts with a special character
value-empty = `{ $key }` is empty
    .help = write the { $key } after `{ $key }:`
no-such-region = there is no region `{ $region }`
    .help = the regions are the folders under layouts/: { $regions }; to add one, run `trycksak new region NAME`
    .help-close = did you mean `{ $close }`? The regions are the folders under layouts/: { $regions }
front-matter-not-yaml = the front matter is not valid YAML: { $message }
yaml-duplicate-key = the key `{ $key }` appears twice
    .help = each key may appear only once: remove or merge the repeated one
yaml-unclosed-quote = this quoted value is never closed
    .help = add the closing quote at the end of the value, on the same line
yaml-tab = a tab character
    .help = YAML does not allow tabs: indent with spaces
yaml-colon = a colon in a value
    .help = put quotes around a value that contains `: `, e.g. `title: "Health: now"`
yaml-other = not a `key: value` line
    .help = each front-matter line is `key: value`; put quotes around a value that contains `: `, `#` or starts with a special character
unknown-key = unknown key `{ $key }` { $place ->
    [none] in the front matter
   *[other] under `{ $place }`
}
    .help = the keys allowed here are: { $keys }
cover-not-a-group = `cover` must have an `image` and an `alt` line under it
    .help = write
        cover:
          image: bilder/omslag.jpg
          alt: What the picture shows
cover-no-image = `cover` has no `image`
    .help = add `image: path/to/picture.jpg` (relative to this file) under `cover:`
cover-no-alt = the cover image has no alt text
    .help = add `alt:` under `cover:` with a short description of what the picture shows, for readers who cannot see it
cover-bad-alt = the cover image's alt text does not describe it
    .help = describe what the picture shows, e.g. `alt: Sjukhuset i Kalix en vinterdag`
lix-target-range = `lix_target` must be a number from 10 to 100
    .help = e.g. `lix_target: 45`: LIX 40–50 is medium, 30–40 easy to read
summary-pledges-count = `pledges` must be a whole number of pledges, 1 or more
    .help = e.g. `pledges: 3` takes the first three pledges of each section into the summary
summary-overflow-value = `overflow` must be `shorten` or `error`
    .help = `shorten` leaves out the pledges that do not fit, with a warning; `error` fails the summary instead

## Reading a source

source-too-large = the file is { $size } MB; a programme source may be at most { $limit } MB
    .help = check that this is the programme text; split a very long programme into several files
source-unreadable = cannot read the file: { $why }
source-path = the file { $problem }
    .help = a programme must be a file inside the project folder; copy it in rather than linking to it
path-problem = { $problem ->
    [url] is a web address
    [absolute] is an absolute path
    [missing] does not exist
    [outside] leads outside the project folder
    [folder] is a folder, not a file
   *[unreadable] cannot be read
}
not-utf8 = the file is not valid UTF-8 text
    .help = save the file as UTF-8 (in most editors: “Save as…” → encoding UTF-8)
nul-byte = the file contains a NUL byte: it looks like binary data, not text
    .help = open the file in a text editor and remove the stray character, or save it again as plain UTF-8 text
control-character = the file contains an invisible control character ({ $code })
    .help = delete it: place the cursor just after the spot shown and press backspace (it often comes with text pasted from a word processor or an e-mail)
empty-file = the file is empty
no-front-matter = the file does not start with front matter
starter = a programme's beginning
    .help = a programme starts with front matter: a line `---`, then lines such as `title: Vårt program` and `region: norrbotten`, then a line `---`; `trycksak new programme REGION/SLUG` writes a complete starter
front-matter-unclosed = the front matter that starts here is never closed
    .help = add a line with only `---` after the last front-matter key, before the programme text
bad-file-name = the file name `{ $slug }.md` cannot be used as an output name
    .help = use lowercase letters a–z, digits and hyphens only: rename the file to `{ $suggestion }.md`

## Images

image-is-url = the image `{ $image }` is a web address; images must be files in the project
    .help = download the image into the project (e.g. next to this file) and write its file name
image-absolute = the image path `{ $image }` is absolute
    .help = write the path relative to this file, e.g. `bilder/omslag.jpg`
image-missing = the image `{ $image }` does not exist (looked for { $looked_at })
    .help = check the spelling; image paths are relative to this file
image-outside = the image `{ $image }` is outside the project folder
    .help = copy the image into the project folder and refer to the copy
image-folder = the image `{ $image }` is a folder, not a file
    .help = name the image file itself
image-unreadable = the image `{ $image }` cannot be read: { $why }
    .help = check that the file can be read
image-not-an-image = `{ $image }` is not an image trycksak can print
    .help = use a PNG, JPEG, GIF, WebP or SVG file
image-too-large = `{ $image }` is { $width } × { $height } pixels ({ $millions } million): too large to print safely
    .help = scale it down: 300 pixels per inch at the printed size is enough (an A4 page needs 2480 × 3508)
image-broken = `{ $image }` cannot be read as an image: { $why }
    .help = the file may be cut short or damaged: export or download it again
image-cannot-read = `{ $image }` cannot be read: { $why }
    .help = check that the file exists and can be read

## The programme text (Markdown)

h1-heading = a `#` heading in the programme text: the title belongs in the front matter
    .help = use `##` for a section and `###` for a subsection; the programme's title is `title:` in the front matter
empty-heading = this heading is empty
    .help = write the heading's text after the `#` marks, or remove the line
skipped-heading-level = a `{ $marks }` heading directly under a level-{ $parent } heading skips a heading level
    .help = use `{ $expected }` here, so that readers and screen readers can follow the outline
nested-too-deep = lists and quotes are nested more than { $levels } levels deep here
    .help = flatten the structure: a printed page cannot indent this far readably
heading-in-list = a heading inside a list or quote
    .help = start headings at the beginning of a line, outside lists and quotes
unsupported-markdown = this Markdown element ({ $element }) is not supported
    .help = write it as a paragraph or a list
image-no-alt = this image has no alt text
    .help = write what the picture shows between the brackets, e.g. `![Sjukhuset i Kalix](kalix.jpg)`: readers who cannot see it hear that text
image-bad-alt = this image's alt text does not describe it
    .help = describe what the picture shows, e.g. `![Sjukhuset i Kalix en vinterdag](kalix.jpg)`
alt-is-file-name = the alt text of this image is only its file name, `{ $file }`
alt-is-caption = the alt text of this image repeats its caption
link-no-text = this link has no text
    .help = write the words a reader should see between the brackets, e.g. `[Läs hela programmet](https://…)`
link-not-an-address = the link `{ $url }` is not a web, mail or phone address
    .help = a link goes to an `https://` (or `http://`) address, `mailto:` an e-mail address or `tel:` a phone number; write the whole address, e.g. `https://example.se/program`
    .help-scheme = a web address starts with `https://`: write `https://{ $url }`
image-in-text = an image in the middle of text
    .help = put the image on a line of its own, with a blank line before and after it
html-not-interpreted = HTML is not interpreted: it is printed as written
    .help = use Markdown instead (`**fet**`, `*kursiv*`, `[länk](https://…)`), or remove the HTML

## Layouts

layout-unreadable = { $file } { $why }
    .help = a layout.yaml must be a UTF-8 text file inside the project folder
layout-not-utf8 = { $file } is not UTF-8 text
path-outside-layouts = leads outside the layouts folder
unknown-colour = unknown colour `{ $name }`
    .help = the colours are: { $colours }
colour-forms = a colour is ink percentages `[cyan, magenta, yellow, black]` such as `[100, 60, 0, 35]`, a screen colour such as `"#003399"` (in quotes), or both: `{"{"}print: [100, 60, 0, 35], screen: "#003399"{"}"}`
colour-ink-count = a colour's inks are four percentages [cyan, magenta, yellow, black], e.g. [0, 100, 85, 5]; this has { $count }
colour-ink-range = ink percentages are 0 to 100, not { $value }
colour-hex = `{ $text }` is not a colour: write a screen colour as `"#"` and six hexadecimal digits, e.g. `"#003399"`, or inks as `[cyan, magenta, yellow, black]` percentages, e.g. `[100, 60, 0, 35]`
summary-size-range = `summary: { $key }` is { $value } pt; it must be { $min } to { $max } pt
    .help = a one-page summary reads well at 9 to 14 pt; below 8 pt it is too small for many readers
leaflet-size-range = `leaflet: { $key }` is { $value } pt; it must be { $min } to { $max } pt
    .help = a leaflet's body text reads well at 9.5 to 11 pt; below 9 pt it is too small for many readers
leaflet-pages = `leaflet: pages` is { $pages }; a booklet's page count is a multiple of 4
    .help = e.g. `pages: 12`: three sheets folded in two
print-margin-range = `print: { $key }` is { $value } mm; it must be 0 to { $max } mm
    .help = print shops ask for a 3 mm bleed and text at least 5 mm inside the trim
print-max-ink-range = `print: max_ink` is { $ink } %; it must be 100 to 400 %
    .help = GWG 2022 asks at most 320 % for sheetfed offset on coated paper
logo-problem = the logo { $problem }
logo-path = the logo `{ $logo }` { $problem }
    .help = put the logo file in this layout's folder and write its file name
unknown-layout-key = unknown key `{ $key }` in the layout
layout-not-valid = the layout is not valid: { $message }
    .help = `trycksak layout --defaults` prints every key of a layout with an explanation
layout-incomplete = the layout has no { $keys }
    .help = this is a bug in trycksak's built-in base layout: please report it
no-such-font = there is no font family `{ $family }`
    .help = the font families available are: { $families }; add font files to fonts/ for others
    .help-close = did you mean `{ $close }`? Fonts come only from fonts/ (and the built-in ones)
low-contrast = `{ $fore }` on { $back ->
    [paper] white paper
   *[other] `{ $back }`
} has a contrast of { $ratio }:1, below the { $needed }:1 that WCAG AA asks for { $use ->
    [body] body text
    [pledges] pledges on their tinted box
    [headings] headings, links and cover text
    [on-primary] the cover's and the summary header's text
   *[markers] pledge markers
}
    .help = make `{ $colour }` { $direction ->
        [lighter] lighter
       *[darker] darker
    } (more ink, black ink above all, darkens a printed colour)
too-much-ink = `{ $name }` has { $total } % ink in all, more than the { $limit } % a press can print cleanly on coated paper
    .help = lower cyan, magenta or yellow until the four add up to { $limit } or less
rich-black-text = `text` is a rich black ({ $inks }): small type in four inks blurs when the plates are slightly off
    .help = print body text in black ink only: `text: [0, 0, 0, 100]`
inks-from-screen-colour = `{ $name }` is given only as a screen colour ({ $hex }): it prints as the inks { $inks }, converted through the print profile
    .help = ask the print shop to confirm these inks, or give the brand manual's inks as well: `{ $name }: {"{"}print: [c, m, y, k], screen: "{ $hex }"{"}"}`

## Warnings about a valid programme

alt-says-nothing = the alt text `{ $alt }` says nothing about the picture
    .help = describe what the picture shows, as to someone who cannot see it: `Sjukhuset i Kalix en vinterdag`
vague-link-text = the link text `{ $text }` says nothing of where the link goes
    .help = write what the reader finds there: `[Trafikverkets sida om vägarbeten](https://…)`
address-as-link-text = the link text `{ $text }` is an address, not words
    .help = a screen reader reads an address letter by letter: write what the reader finds there, `[Regionens budget](https://…)`
empty-table-header = this table's header row is empty: readers and screen readers cannot tell what its columns hold
    .help = write a heading for each column in the table's first row, e.g. `| Sjukhus | Vårdplatser |`
pasted-list = these lines start with bullet characters: they are read as a list
    .help = to say so in Markdown, start each line with `- ` instead (after a lead-in such as `Därför vill vi:` it is a pledge list, in the summary)
heading-without-space = `##` with no space after it: read as a heading
    .help = write a space between the `#` marks and the heading's text, e.g. `## Resor och klimat`
no-pledges = no pledges found: the one-page summary will show each section's opening instead
    .help = a list is a pledge list after a paragraph that announces it and ends with a colon (`Därför vill vi:`), under a heading that names pledges (`Våra löften`), or with `<!-- pledges -->` on the line before it

output-kind = { $kind ->
    [leaflet] leaflet
    [leaflet-print] leaflet's print PDF
    [summary] summary
    [summary-print] summary's print PDF
    [large-print] large-print version
    [html] HTML version
    [text] text version
    [braille] braille version
    [report] accessibility report
   *[other] { $kind }
}

## The command line

error = error
warning = warning
help = help
in-file = in { $path }
cannot-read = cannot read { $path }
cannot-create = cannot create { $path }
cannot-print-problems = cannot print the problems found
already-exists = { $path } already exists; choose another name
region-name-empty = the region `{ $name }` needs letters or digits: its folder name is made of them
created-region = Created { $path }: programmes with `region: { $region }` now use it
programme-target = write the programme as REGION/SLUG, e.g. `norrbotten/{ $suggestion }`
bad-name = the { $what ->
    [region] region
   *[slug] file name
} `{ $name }` may only have lowercase letters a–z, digits and hyphens: try `{ $suggestion }`
starter-title = Our programme for { $region }
created-programme = Created { $path }: edit it, then run `trycksak build { $path }`
project-exists = { $dir } is a project already (it has `programmes/`): add to it with `trycksak new programme` or `trycksak new region`
project-started = Started a project in { $dir }: edit { $programme }, then run `trycksak build` there
list-programmes = Programmes:
list-has-errors = (has errors: run `trycksak check { $path }`)
list-none = (none: `trycksak new programme REGION/SLUG` starts one)
list-regions = Regions: { $regions }
watching = Watching { $dir } (Ctrl-C stops)
rebuilt = { $programmes ->
    [one] 1 programme
   *[other] { $programmes } programmes
} built ({ $files ->
    [one] 1 file
   *[other] { $files } files
}){ $failed ->
    [0] {""}
   *[other] , { $failed } failed
} in { $ms } ms
waiting = waiting: { $why }
serving = Serving { $dir } at { $url } — the index lists every programme with a link to its page previews; Ctrl-C stops
census-none = no pledges found
census-introduction = (introduction)
census = { $pledges ->
    [one] 1 pledge
   *[other] { $pledges } pledges
} in { $sections ->
    [one] 1 section
   *[other] { $sections } sections
}: { $list }
checked = Checked { $programmes ->
    [one] 1 programme
   *[other] { $programmes } programmes
}: { $failed } with errors
pages = { $count ->
    [one] 1 page
   *[other] { $count } pages
}
layouts-tried = { $count ->
    [one] 1 layout tried
   *[other] { $count } layouts tried
}
wrote = wrote { $path }{ $details } ({ $ms } ms{ $tries })
built = Built { $programmes ->
    [one] 1 programme
   *[other] { $programmes } programmes
}{ $partly ->
    [0] {""}
   *[other] {" "}(and { $partly } in part)
}: { $files ->
    [one] 1 file
   *[other] { $files } files
}{ $extras ->
    [0] {""}
    [one] {" "}and 1 image or preview beside them
   *[other] {" "}and { $extras } images and previews beside them
} into { $out } in { $seconds } s{ $unchanged ->
    [0] {""}
   *[other] {" "}({ $unchanged } unchanged since the last build, not rewritten)
}
manifest-not-saved = the manifest could not be saved: { $why }
failed-programmes = Failed: { $count ->
    [one] 1 programme
   *[other] { $count } programmes
}
removed-stale = removed { $path } of an earlier build: it would no longer match its source
shard-form = write the shard as K/N, e.g. 1/4
shard-range = shard { $shard }: K must be from 1 to N
progress-programmes = programmes

usage-unknown-argument = unknown option `{ $arg }`
usage-unknown-command = unknown command `{ $command }`
usage-invalid-value = `{ $value }` is not a value of { $arg }{ $valid ->
    [none] {""}
   *[other] {" "}(possible: { $valid })
}
usage-missing-argument = { $arg } must be given
usage-conflict = { $arg } cannot be used with { $other }
usage-missing-command = a command is needed: build, check, init, list, new, watch or serve
usage-more-help = For more, run `trycksak --help`.

## Help texts of the command line (help-<command>-<option>; help-any-… for an option several commands share)

help-heading-usage = Usage:
help-heading-options = Options
help-heading-advanced = Advanced options
help-heading-arguments = Arguments
help-heading-values = Values
help-heading-commands = Commands
help-value-command = COMMAND
help-flag = Print this help
help-version = Print the version
help-examples = Examples:
      trycksak init mitt-projekt              start a project that builds as it is
      trycksak build                          build every programme under programmes/ into out/
      trycksak build programmes/norrbotten    build the programmes of one folder
      trycksak build --format text --out dist build only the plain-text versions, into dist/
      trycksak check                          check every programme without writing anything
      trycksak check --print                  check the print PDFs as a print shop does
      trycksak list                           show the programmes and regions found
      trycksak new programme norrbotten/vard  start a new programme from a commented starter
      trycksak new region Västerbotten        start a new region's layout
      trycksak import Program.docx            a programme source from the Word document it was adopted in
      trycksak watch                          rebuild on every change until stopped
      trycksak serve --open                   show the pages in the browser, updated on every change
      trycksak -C ../annat-projekt build      build another project folder

  Exit status: 0 when everything was built, 1 when a programme failed (the others are still
  built), 2 for a usage error. Messages are in Swedish under a Swedish locale (LANG=sv_SE.UTF-8)
  or with --lang sv.
help-about = Builds leaflets, summaries and accessible versions from programme sources
help-project = Run on the project in DIR instead of the one the current folder is in (found upwards, as git does); PATHS and --out are then relative to DIR
help-quiet = Print only errors
help-verbose = Print more: every file written
help-diagnostic-format = How to print problems found in files: with the lines they are on (human), or one line each for CI logs (short)
help-color = When to use colours
help-lang = The language of messages and help: sv or en, given before the command (default: the locale's, from LC_ALL, LC_MESSAGES or LANG)
help-any-paths = Programme files or folders (default: everything under programmes/)
help-any-out = The output folder (never read as input)
help-any-format = The outputs to write, separated by commas (default: all; large-print and braille where the layout asks for them)
# Each kind in `--format`'s list of values.
help-kind-text = The accessible plain-text version (<slug>.txt)
help-kind-leaflet = The booklet of the whole programme (<slug>-leaflet.pdf)
help-kind-summary = Title, lead and the pledges on one page (<slug>-summary.pdf)
help-kind-leaflet-print = The leaflet for the print shop: bleed, crop marks, CMYK, PDF/X-4 (<slug>-leaflet-print.pdf)
help-kind-summary-print = The summary for the print shop (<slug>-summary-print.pdf)
help-kind-report = The accessibility reviewer's readability report (<slug>-tillganglighet.txt for Swedish)
help-kind-large-print = The large-print, easy-read PDF (<slug>-storstil.pdf for Swedish)
help-kind-braille = The braille version for embossers, PEF (<slug>.pef)
help-kind-html = The accessible HTML version, images beside it (<slug>.html)
help-any-timeout = Give up on a document that takes longer than this to typeset (a template that loops forever): its programme fails, the others go on
help-any-poll = Poll for changes every MS milliseconds instead of waiting for the file system's events (for network drives and containers that do not report changes)
help-build-about = Build programmes into output files
help-build-preview = Also write a PNG of every PDF page beside the PDF, to look at without a PDF viewer
help-build-jobs = Build with N threads (default: one per core)
help-build-shard = Build only shard K of N (e.g. 2/4) of the programmes, to spread a build over CI runners; the shards' manifests merge by concatenating their `outputs`
help-build-timings = Also write where Typst spent its time, by template line, to FILE (a trace in Chrome's format, as `typst compile --timings` writes it)
help-build-force = Render every programme again, whatever the build cache (.trycksak/cache/) holds (also --no-cache)
help-check-about = Check programmes and report every problem a build would, without writing anything
help-check-paths = Programme files or folders to check (default: everything under programmes/)
help-check-a11y = Also print each programme's accessibility report (readability, headings, images, links)
help-check-print = Preflight the print PDFs as a print shop would: make each programme's print PDFs (in memory) and report boxes, fonts, colours, ink and image resolution with PASS or FAIL; PDF files among PATHS are read and checked as they are
help-check-json = With --print: write the preflight reports as one JSON array on stdout instead of text
help-init-about = Start a project in DIR (default: this folder): a region, a starter programme, and a note of what goes where; it builds as it is
help-init-dir = The folder to start the project in (created if it does not exist)
help-list-about = List the programmes and regions of the project
help-new-about = Create a new programme or region from a commented starter
help-new-programme-about = A programme source, programmes/REGION/SLUG.md, with every front-matter key explained
help-new-programme-target = Region and file name, e.g. `norrbotten/omstart-2026`
help-new-region-about = A region's layout, layouts/FOLDER/layout.yaml, with every key explained
help-new-region-name = The region's name, e.g. `Västerbotten` (its folder is the name in a–z: `vasterbotten`)
help-new-region-display-name = The name printed on covers (default: NAME as written)
help-watch-about = Build, then rebuild whatever a change to a source, layout or font affects
help-serve-about = Build, serve the output folder on this machine, and rebuild and reload on every change
help-serve-port = The port to listen on (0: any free one)
help-serve-host = The address to listen on. Only this machine by default: give another address only to show the pages to others on your network
help-serve-open = Open the index in the web browser once it is built

## The one-page summary

summary-section-shown = “{ $section }” { $shown } of { $of }
summary-more-sections = and { $count } more sections
summary-shortened = not every pledge fits the one-page summary: it shows the pledges in turn, every section's first, then every section's second and so on, as many as fit ({ $kept } of the { $total } pledges of these sections): { $sections }
    .help = mark the pledges the summary should show with `<!-- summary -->` at the end of each, or write `summary:` in the front matter with `pledges: N` under it (the first N of each section); `overflow: error` under `summary:` makes this an error. The other outputs of { $source } have every pledge
summary-overflow = the one-page summary cannot show every pledge: even at { $size } pt only { $fit } pledges of each section fit, and this section has { $has }
    .help = { $fit ->
        [0] shorten the lead text and the section headings, or mark a few pledges with `<!-- summary -->`
       *[other] write `summary:` in the front matter with `pledges: { $fit }` under it (the first { $fit } of each section fit; checked), or mark the pledges to show with `<!-- summary -->`
    }. This is an error because the layout or the front matter of { $source } says `overflow: error`; with `overflow: shorten` the summary leaves out what does not fit, with a warning
summary-nothing-fits = the one-page summary cannot fit even without pledges: at { $size } pt the title, the lead text ({ $lead } characters) and the { $sections } section headings run over the page
    .help = in the front matter of { $source }, write `summary:` with a short `lead:` under it (a sentence or two), or mark a few pledges with `<!-- summary -->` so that only their sections are shown
summary-near-empty = the one-page summary fills only { $percent } % of its page, even in { $size } pt type
    .help = give { $source } a lead text for the summary (`summary:` in the front matter with `lead:` under it), or mark more of its lists as pledges (`<!-- pledges -->` before a list); a layout may allow larger type (`summary: max_size`)

## Building

summary-set-in = set in { $size } pt, { $columns ->
    [one] 1 column
   *[other] { $columns } columns
}
summary-set-shown = { $kept } of { $of } pledges of { $sections } sections
reading-timed-out = reading the source took longer than { $seconds } s and was stopped
    .help = a programme source is read in well under a second; this one may be damaged or far too large: check it, or split it
same-output-folder = { $first } also builds into out/{ $folder }
    .help = two programmes of one region need different file names
typesetting-timed-out = typesetting the { output-kind } took longer than { $seconds } s and was stopped: the layout's template may loop forever
    .help = look for a loop that never ends in the region's .typ files (layouts/<region>/ or layouts/base/); nothing of this programme was written
internal-error = internal error{ $kind ->
    [none] {""}
   *[other] {" "}while making the { output-kind }
}: { $message }
    .help = this is a bug in trycksak, not in your file: please report it with { $source } attached; the other programmes were built
font-file = the font file { $problem }
    .help = copy the font file into fonts/ instead of linking to it
no-layout = there is no layout for the region `{ $region }`
output-cannot-be-made = the { output-kind } cannot be made: { $what }
    .help = the other outputs are built; change the image or the logo and build again
internal-print-error = internal error while finishing the print PDF: { $message }
    .help = please report this, with the programme file
script-adjective = { $script }
no-font-for-script = no font has the { script-adjective } script ({ $count ->
    [one] 1 character
   *[other] { $count } characters
}, the first “{ $character }”, { $code }): it would print as empty boxes
    .help = add a font with { $script } letters to fonts/ and its family to the layout's `fonts:` (e.g. Noto Sans { $script }, under the SIL Open Font License)
no-font-for-characters = no font has { $count ->
    [one] the character
   *[other] the characters
} { $characters }: { $count ->
    [one] it would print as an empty box
   *[other] they would print as empty boxes
}
    .help = remove or replace them, or add a font that has them to fonts/ and to the layout's `fonts:`

## Print PDFs

hairlines = the { output-kind } draws lines as thin as { $width } pt on page(s) { $pages }: the press may not print lines under { $limit } pt at all
    .help = the layout's template or logo draws them: make strokes at least { $limit } pt
thin-lines = the { output-kind } draws lines as thin as { $width } pt on page(s) { $pages }: lines under { $limit } pt print unevenly
    .help = the layout's template or logo draws them: make them a little wider
area-ink = page { $page } of the { output-kind } has { $ink } % total ink over 15 mm, more than the { $limit } % the layout allows (`print: max_ink`)
    .help = lighten the layout's colours or the image there: it may not dry
layout-image-no-alt = an image in the { output-kind } has no alt text
    .help = every image needs a description: in a layout template, give `image(…)` an `alt:`
layout-image = an image of the layout
image-resolution = `{ $image }` prints at { $ppi } ppi in the { output-kind }: { $width } × { $height } pixels placed at { $placed_width } × { $placed_height } mm; { $severity ->
    [error] print needs at least { $limit } ppi
   *[warning] below { $limit } ppi it looks soft in print
}
    .help = use a larger original if there is one: { $width } × { $height } pixels give the { $good } ppi print shops ask for at this size
page-distance = page { $page } ({ $mm } mm)
text-past-edge = text in the { output-kind } runs past the page edge on page { $page }: “{ $text }…”
    .help = the text has a run of characters no line can break (a very long word, or marks with no space between them): put spaces into it in the source, or shorten it
text-in-margin = text in the { output-kind } comes closer than { $mm } mm to the trimmed edge: { $pages }
    .help = widen the page margins of the layout's template to at least { $mm } mm (or lower `print: safe:` in layout.yaml if the print shop agrees)
cannot-write-index = cannot write the index

## The pages `serve` shows

serve-problems = The last build found problems; the pages show the last good build.
serve-waiting = Waiting for another build to finish (a `trycksak build` is writing into the output folder); your changes are built as soon as it is done.
serve-page-alt = Page { $page } of the { $kind ->
    [summary] one-page summary
   *[leaflet] leaflet
}, as printed
region-not-folder = `region: { $region }` in a file of the region folder programmes/{ $folder }/: the programme would take { $region }'s look and go to out/{ $region }/
    .help = write `region: { $folder }`, or move the file to programmes/{ $region }/
layout-shown = The layout of { $region }{ $name ->
    [none] {""}
   *[other] {" "}({ $name })
}: colours on screen and in print (cyan, magenta, yellow, black)
layout-colour-given = { $given ->
    [ink] given as inks; on screen through the print profile
    [screen] given as a screen colour; inks through the print profile (ask the print shop)
   *[both] given as both
}
help-layout-about = Show a region's layout as it is used (its colours on screen and in print), or with --defaults every key a layout may set, explained
help-layout-region = The region whose layout to show
help-layout-defaults = Print the base layout: every key a region's layout.yaml may set, with its explanation

## Files and folders

cannot-open-project = cannot open the project folder { $path }
no-programmes-folder = { $path } has no `programmes/` folder: run trycksak inside a project folder, or name one with `-C DIR`
cannot-open-folder = cannot open the folder { $path }
not-in-a-project = { $path } is not inside a project (no `programmes/` folder here or in a folder above): run `trycksak init` to start one, or name one with `-C DIR`
path-missing = { $path } does not exist
cannot-create-out = cannot create the output folder { $path }
cannot-open-out = cannot open the output folder { $path }
out-symlink = { $path } is a symbolic link: trycksak does not write through links in the output folder; remove it and build again
out-file-not-folder = { $path } is a file where trycksak needs a folder; remove it and build again
cannot-create-temporary = cannot create a temporary file in { $path }
cannot-write = cannot write { $path }
cannot-lock = cannot lock { $path }
cannot-write-timings = cannot write the timings
cannot-listen = cannot listen on { $address }
cannot-watch = cannot watch { $path }
build-locked = another trycksak build is writing into { $path } right now; wait until it has finished, or build into another folder with --out
screen-pdf-hint = This PDF is not made for print (it is no PDF/X file): send the print shop the files that end in `-print.pdf`, which `trycksak build` writes.
    .twin = This is the screen version; the print shop gets its print PDF: { $twin }
serve-previews = Previews: each programme's web page beside its printed pages
watch-start = start
watch-and-more = {" "}and { $count } more
template-outside-layouts = { $path } leads outside the layouts folder: templates may read only files inside layouts/ (copy the file in rather than linking to it)
template-path-outside = { $path } leads outside the project folder
template-says = the layout's template: { $message }

## Importing a Word or OpenDocument file

import-ole = the file is an encrypted Word document, or one in the old Word 97–2003 format
    .help = remove the password (File → Info → Protect Document in Word) or save it as a Word document (.docx), then import that
import-not-a-package = the file is not a Word (.docx) or OpenDocument (.odt) document
    .help = save it from Word, Google Docs or LibreOffice as a Word document (.docx) and import that
import-broken-zip = the file cannot be read as a document package: { $why }
    .help = the file may be cut short or damaged: save or download it again
import-broken-part = the document's part { $part } cannot be read: { $why }
    .help = open the document in Word or LibreOffice, save it again, and import the new file
import-bomb = the document's package expands to far more than any document ({ $part ->
    [none] its parts
   *[other] { $part }
}): it may be a zip bomb
    .help = import the document as Word or LibreOffice saves it; a document with very large embedded files can be saved with compressed pictures (File → Compress Pictures)
import-too-large = the document's part { $part } is { $size } MB: parts over 64 MB (a very large picture or video) are not read
    .help = make the picture smaller in the document (File → Compress Pictures in Word) or remove the video, save, and import again
import-encrypted = the document is encrypted
    .help = remove the password (File → Info → Protect Document in Word), save, and import again
import-macros = the document contains macros (a .docm file): trycksak does not read documents with code in them
    .help = save it as a Word document without macros (.docx) and import that
import-not-a-document = the file is a package, but no Word or OpenDocument text document
    .help = import the programme's text document (.docx or .odt), not a spreadsheet or a presentation
import-external = the document refers to a file outside itself: { $target }
    .help = insert the picture or file into the document itself (not as a link) and save it again
import-outside = the document names a part outside its own package: { $target }
    .help = open the document in Word or LibreOffice, save it again, and import the new file
import-image = an image of the document cannot be used: { $why }
    .help = replace the picture in the document with a PNG or JPEG of a reasonable size and import again
import-exists = { $path } is there already
    .help = import with `--slug` for another name, or with `--force` to replace it
import-which-region = say which region the programme is for: `--region NAME` (the regions are: { $regions })
import-written = Wrote { $path }:
import-found = { $sections ->
    [one] 1 section
   *[other] { $sections } sections
}, { $images ->
    [one] 1 image
   *[other] { $images } images
}, { $links ->
    [one] 1 link
   *[other] { $links } links
}, { $tables ->
    [one] 1 table
   *[other] { $tables } tables
}, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
}
import-by-hand = a heading made by hand (bold, larger text) was read as a heading: “{ $heading }”
import-review = Review state: { $insertions ->
    [one] 1 tracked insertion
   *[other] { $insertions } tracked insertions
} accepted, { $deletions ->
    [one] 1 deletion
   *[other] { $deletions } deletions
} dropped, { $moves ->
    [one] 1 move
   *[other] { $moves } moves
} resolved, { $comments ->
    [one] 1 comment
   *[other] { $comments } comments
} dropped
import-dropped = { $what ->
    [contents] table-of-contents lines left out (the outputs make their own)
    [hidden] runs of hidden text left out
    [objects] embedded objects or drawings without text left out
   *[internal] links within the document kept as plain text
}: { $count }
import-no-alt = { $count ->
    [one] 1 image has
   *[other] { $count } images have
} no description: write what each shows between its brackets (check says where)
import-guessed = the document does not say its `{ $key }`: check it in the front matter
import-check-passed = { $path } passes `trycksak check`.
import-check-failed = { $path } needs the fixes above before it builds (`trycksak check { $path }` shows them again).
help-import-about = A programme source from the Word (.docx) or OpenDocument (.odt) file it was adopted in, with its images, and a report of what was found
help-import-file = The Word (.docx) or OpenDocument (.odt) file
help-import-region = The region (default: the one whose programmes folder this is, or the project's only one)
help-import-slug = The file name of the new source (default: from the title, å/ä/ö as a/a/o)
help-import-lang = The text's language (default: the document's)
help-import-force = Replace a source (and its images) that is there already
help-import-keep-comments = Keep reviewers' comments, as <!-- … --> notes in the source
language-file-unreadable = { $file }: { $why }
    .help = a language file (layouts/…/i18n/<lang>.yaml) must be a UTF-8 text file inside the layouts folder
language-file-not-valid = the language file is not valid: { $message }
    .help = a project's or region's language file changes the built-in one key by key; see layouts/base/i18n/en.yaml in trycksak's source for every key, with what it is for
language-file-other-tag = { $file } says `language: { $language }`, but its name is for `{ $tag }`
    .help = name the file after the language it is for, or write `language: { $tag }`
unknown-language-key = unknown key `{ $key }` in the language file
language-file-new =
    .help = trycksak has no file for `{ $tag }`, so this one must have every key: copy layouts/base/i18n/en.yaml from trycksak's source, translate its words and set `language: { $tag }`
no-language-file = trycksak has no language file for `{ $lang }`: the words the outputs add (the text version's notice, the skip link, "Page") are English, and no list is told a pledge list by its words
    .help = if `{ $lang }` is right, add layouts/base/i18n/{ $lang }.yaml (copy en.yaml and translate it; `reviewed: false` until a native speaker has checked it)
fence-closes-nothing = this `:::` closes no language part
    .help = a part in another language starts with a line `::: {"{"}lang=fi{"}"}` and ends with a line `:::`; remove this one or add the opening line
fence-unclosed = the part in `{ $lang }` that starts here is never closed
    .help = end it with a line of only `:::` after its last paragraph, before the next heading (a language part holds paragraphs and lists, not headings)
front-matter-not-keys = the front matter must be a list of `key: value` lines
    .help = write one key per line, e.g. `title: Our programme`
leaflet-pages-too-few = the leaflet does not fit the { $target } pages the layout asks for (`leaflet: pages: { $target }`): even at { $size } pt the text needs { $needed } pages
    .help = leave `pages` out of the layout to let the leaflet take the pages it needs, or shorten the programme
leaflet-not-folded = the leaflet has { $pages } pages, not a multiple of { $sheet }, even with notes pages
    .help = the layout's leaflet template must put the notes pages (`data.notes_pages`) right before the back page
leaflet-set-in = set in { $size } pt, { $notes ->
    [one] 1 notes page
   *[other] { $notes } notes pages
}
lix-over-target = LIX { $lix } of this section is over the target { $target }
    .help = shorter sentences and shorter words lower LIX; see the readability report
cannot-start = cannot start { $what ->
    [server] the server
    [writer] the thread that writes the files
   *[builder] a build thread
}
out-path-outside = { $path } is not a plain path inside the output folder

## Translations

out-of-date-value = `translations_out_of_date` is `{ $value }`
    .help = write `warning` (a translation behind its original builds, with warnings) or `error` (it builds nothing until it is up to date)
translation-of-unusable = `translation_of: { $path }` cannot be used: { $problem }
translation-of =
    .help = `translation_of:` names the original this file translates, relative to this file, e.g. `../norrbotten/omstart.md`
translation-without-original = this is a translation of { $original }, which is not there
    .help = a translation `<slug>.<lang>.md` stands beside its original `<slug>.md`; rename the file, add `translation_of:` with the original's path, or start one with `trycksak translate { $original } --to <lang>`
translation-lang-differs = the file's name says it is in `{ $name_lang }`, but its `lang:` is `{ $lang }`
    .help = write `lang: { $name_lang }`, or rename the file after its language
translation-region-differs = a translation is built with its original's layout: `region: { $region }` here, `region: { $original_region }` in { $original }
    .help = write `region: { $original_region }`
translation-record-unreadable = the record { $record } cannot be read ({ $problem }): the translation is compared as if it were made for the original as it is
    .help = remove the file; the next build writes a new one from the translation as it is
translation-record-unwritable = the record { $record } cannot be written: { $problem }
translation-front-matter = the front matter
translation-introduction = the introduction
unit-kind = { $kind ->
    [title] title
    [subtitle] subtitle
    [party] party name
    [summary] summary lead
    [heading] heading
    [paragraph] paragraph
    [item] list item
    [table] table
    [alt] image description
   *[other] part
}
translation-edited = the original changed this { $kind } since it was translated: { $original }:{ $line }, in { $section }
    .help = it said “{ $old }” and now says “{ $new }”; translate it again (editing it here marks it done), or see every change with `trycksak check --translations`
translation-added = the original has a new { $kind } at { $original }:{ $line }, in { $section }, which this translation lacks
    .help = `trycksak translate { $original } --to { $lang } --update` adds it here, in the original's language, to translate
translation-missing = this translation has nothing for the original's { $kind } at { $original }:{ $line }, in { $section }
translation-removed = the original ({ $original }) no longer has this { $kind }, which translated “{ $old }”
    .help = remove it from the translation, unless it is needed there
translation-untranslated = this { $kind } is still the original's text ({ $original }:{ $line })
    .help = translate it (a name or a number may stay as it is)
translation-untranslated-many = { $count } of this translation's { $of } parts are still the original's text; the first is this { $kind } ({ $original }:{ $line })
    .help = translate them in place (a name or a number may stay as it is); `trycksak check --translations { $path }` lists each with its line
translation-extra = this { $kind } translates nothing in the original ({ $original })
    .help = a translation has its original's headings, paragraphs and list items, one for one: join it with the one before, or add it to the original first
translations-list-edited = { $file }:{ $line }: the original changed ({ $original }:{ $original_line })
      was: { $old }
      now: { $new }
translations-list-added = { $file }: the original has a new part ({ $original }:{ $original_line })
      new: { $new }
translations-list-removed = { $file }:{ $line }: the original no longer has what this translated
      was: { $old }
translations-list-untranslated = { $file }:{ $line }: not translated yet
      text: { $text }
translations-list-extra = { $file }:{ $line }: translates nothing in the original
      text: { $text }
translations-none = No translations among the programmes checked.
translations-in-step = { $file }: in step with { $original }
translations-summary = { $count ->
    [one] 1 translation checked: { $behind } behind its original
   *[other] { $count } translations checked: { $behind } behind their originals
}
translate-a-translation = { $path } is a translation: translate its original, { $original }
translate-exists = there is a translation already: { $path }
    .help = to bring it up to date with { $original }: `trycksak translate { $original } --to { $lang } --update`; to start again: add `--force`
translate-none-to-update = there is no translation to update: { $path }
translate-started = Wrote { $path }: the original's text, { $parts } parts, to translate in place. `trycksak build` and `check` say what is still untranslated or behind the original.
translate-updated = Updated { $path }: { $added } parts added in the original's language, to translate; { $left } translated parts the original has changed since (see `trycksak check --translations`)
translate-added-line = added: { $original }:{ $line }
translate-po-written = Wrote { $path }: { $messages } messages
translate-po-unreadable = { $path } cannot be read as a PO file: { $problem }
translate-imported = Wrote { $path } from the PO file: { $translated } of { $total } parts translated{ $unmatched ->
    [0] {""}
   *[other] ; { $unmatched } messages matched no part of the original (it has changed since the file was written)
}
help-translate-about = Start a translation of a programme beside it (<slug>.<lang>.md), bring it up to date with the original, or exchange it with a translation agency as a PO file
help-translate-source = The original programme source
help-translate-to = The language to translate into, e.g. fi, se, ar
help-translate-update = Bring the translation up to date: add what the original gained, in the original's language, to translate, and keep every translated part
help-translate-po = Write a PO file of the translation (every part of the original, with its translation where there is one) for Poedit, Weblate or a translation agency
help-translate-import = Write the translation from a translated PO file
help-translate-force = Start the translation again even if there is one (its text is replaced)
help-check-translations = List every part of each translation that is behind its original, with the original's old and new text
manifest-unreadable = { $path } is not a trycksak manifest: { $why }
manifest-overlap = two of the manifests list { $path }: give each shard's output folder once
help-manifest-about = Join the manifests of a sharded build's output folders
help-manifest-merge-about = Join the manifests of output folders (the shards of build --shard K/N) into one, on standard output
help-manifest-merge-dirs = The output folders, each with its manifest.json

braille-made = { $cols } × { $rows } cells, { $volumes } volumes, { $pages } pages, { $code }
braille-size-range = `braille: { $key }` is { $value }; it must be between { $min } and { $max }
    .help = Swedish practice on A4 braille paper is `cols: 28` and `rows: 29` (the first row holds the page number); a volume holds at most `volume_sheets` sheets (50 by default)
braille-no-table = there is no braille table for the language `{ $lang }`, so no braille version can be made of this programme
    .help = the braille version is made in { $languages }; the other outputs of { $source } are not affected. A project can add a language's table list under `braille:` in `layouts/base/i18n/{ $lang }.yaml`
braille-table-broken = the braille tables { $tables } of the language `{ $lang }` cannot be read: { $error }
    .help = check the table names under `braille: tables:` in the language's file; the built-in tables are in layouts/base/braille/
braille-undefined = { $count ->
        [one] 1 character has
       *[other] { $count } characters have
    } no braille in { $tables } (the first, { $first }, at line { $line }); the braille version writes each as liblouis does, its code between a backslash and a slash (\x1f600/)
    .help = replace the character with words if it carries meaning (an emoji, a symbol); the other outputs show it as written
