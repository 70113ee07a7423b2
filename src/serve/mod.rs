//! `trycksak serve`: build, serve the output folder on this machine, rebuild on every change
//! (the watch of `watch.rs`), and reload the open pages.
//!
//! - Only files under the output folder are served: a path with `..` (also percent-encoded),
//!   a backslash or a NUL, or one that resolves (through a link) outside the folder, is a 404.
//! - Served pages get a reload script and, after a build with errors, the errors at the top;
//!   neither is ever written to disk. The script listens to `/__trycksak/events` (server-sent
//!   events: one each time a build has finished) and reloads. `/__trycksak/changes?since=N`
//!   answers with the number of the last build as soon as it is not N (for scripts and tests).
//! - `/__trycksak/preview/<region>/<slug>` shows a programme's HTML version beside the pages of
//!   its leaflet and summary (the build makes PNG previews for it).

mod http;

use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::watch::{WatchEvent, WatchOptions, watch};
use http::Response;

/// Where the reload script and the event stream live, apart from the output's files.
const PREFIX: &str = "/__trycksak/";
const RELOAD_SCRIPT: &str =
    "new EventSource(\"/__trycksak/events\").onmessage = () => location.reload();\n";
/// How long a request for changes is held before it is answered anyway.
const HOLD: Duration = Duration::from_secs(25);
/// The policy of served pages: the built pages' own (no script at all), but for our reload
/// script (`'self'`) and its event stream.
const SERVED_POLICY: &str = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

pub struct ServeOptions {
    pub watch: WatchOptions,
    /// Where to listen: 127.0.0.1 unless asked otherwise.
    pub address: SocketAddr,
}

/// What the server knows of the builds: how many have finished, and the last one's errors.
#[derive(Default)]
struct Live {
    state: Mutex<(u64, Vec<String>)>,
    changed: Condvar,
    /// Whether the next build waits for another one (a CLI `build`) to finish.
    waiting: Mutex<bool>,
}

/// Serves until the process is stopped. `on_listening` is told the address (with the port the
/// system chose, for port 0) before the first build; `on_event` of every build.
pub fn serve(
    project: &crate::project::Project,
    options: &ServeOptions,
    on_listening: impl FnOnce(SocketAddr),
    mut on_event: impl FnMut(WatchEvent),
) -> Result<()> {
    let listener = std::net::TcpListener::bind(options.address)
        .with_context(|| t!("cannot-listen", address = options.address.to_string()))?;
    let address = listener.local_addr().with_context(|| {
        t!(
            "internal-error",
            kind = "none",
            message = "the server has no address"
        )
    })?;
    let out = &options.watch.build.out_dir;
    std::fs::create_dir_all(out)
        .with_context(|| t!("cannot-create-out", path = out.display().to_string()))?;
    let root = out
        .canonicalize()
        .with_context(|| t!("cannot-open-out", path = out.display().to_string()))?;
    // The previews' own folder (`serve` builds with one), else the output folder.
    let previews = match &options.watch.build.preview_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| t!("cannot-create", path = dir.display().to_string()))?;
            dir.canonicalize()
                .with_context(|| t!("cannot-read", path = dir.display().to_string()))?
        }
        None => root.clone(),
    };
    let live = Arc::new(Live::default());
    {
        let live = Arc::clone(&live);
        let project = project.clone();
        let handler: Arc<http::Handler> = Arc::new(move |request, stream| {
            if let Some(refusal) = refused(request, address) {
                return Some(refusal);
            }
            respond(
                request,
                stream,
                &Roots {
                    out: &root,
                    previews: &previews,
                    project: &project,
                },
                &live,
            )
        });
        std::thread::Builder::new()
            .name("trycksak-serve".into())
            .spawn(move || http::serve(listener, handler))
            .with_context(|| t!("cannot-start", what = "server"))?;
    }
    on_listening(address);
    watch(project, &options.watch, |event| {
        match &event {
            WatchEvent::Built { report, .. } => {
                let errors = report
                    .outcomes
                    .iter()
                    .flat_map(|o| &o.diagnostics)
                    .filter(|d| d.is_error())
                    .map(|d| d.short())
                    .collect();
                let mut state = live.state.lock().unwrap_or_else(|e| e.into_inner());
                *state = (state.0 + 1, errors);
                *live.waiting.lock().unwrap_or_else(|e| e.into_inner()) = false;
                live.changed.notify_all();
            }
            WatchEvent::Waiting(_) => {
                *live.waiting.lock().unwrap_or_else(|e| e.into_inner()) = true;
            }
            WatchEvent::Failed(_) => {}
        }
        on_event(event)
    })
}

/// A request the server answers with an error rather than a page: a method other than GET and
/// HEAD (405), or a `Host` that is not this server (421: a web page the user visits could
/// otherwise read `out/` through a DNS name it points at 127.0.0.1, "DNS rebinding").
fn refused(request: &http::Request, address: SocketAddr) -> Option<Response> {
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        return Some(http::refusal(405).with_header("Allow", "GET, HEAD"));
    }
    match request.header("Host") {
        Some(host) if !is_this_server(host, address) => Some(http::refusal(421)),
        _ => None,
    }
}

/// Whether a `Host` header names this server: its address (with its port, or none), or
/// `localhost` when it listens on this machine only; any address when it listens on all of
/// them (`--host 0.0.0.0`), but never a name, which is what a rebinding attack uses.
fn is_this_server(host: &str, address: SocketAddr) -> bool {
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !name.ends_with(':') && port.chars().all(|c| c.is_ascii_digit()) => {
            (name, Some(port))
        }
        _ => (host, None),
    };
    if port.is_some_and(|port| port != address.port().to_string()) {
        return false;
    }
    let name = name.trim_start_matches('[').trim_end_matches(']');
    let literal = name.parse::<std::net::IpAddr>().ok();
    if address.ip().is_unspecified() {
        return literal.is_some();
    }
    literal == Some(address.ip())
        || (address.ip().is_loopback() && name.eq_ignore_ascii_case("localhost"))
}

/// The folders the server serves: the output folder, and the one of the page previews (made
/// when a preview page is first asked for, for the project's programmes).
struct Roots<'a> {
    out: &'a Path,
    previews: &'a Path,
    project: &'a crate::project::Project,
}

/// The answer to a request for the output folder's files or the server's own pages; `None`
/// when it was written already (an event stream).
fn respond(
    request: &http::Request,
    stream: &mut TcpStream,
    roots: &Roots,
    live: &Arc<Live>,
) -> Option<Response> {
    let root = roots.out;
    let url = request
        .target
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let response = match url.strip_prefix(PREFIX) {
        Some("events") => {
            events(stream, live);
            return None;
        }
        Some("changes") => {
            let since = request
                .target
                .split_once("?since=")
                .and_then(|(_, n)| n.parse::<u64>().ok());
            ok(
                wait_for_build(live, since).to_string().into_bytes(),
                "text/plain",
            )
        }
        Some("reload.js") => ok(
            RELOAD_SCRIPT.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        ),
        Some(rest) if rest.starts_with("png/") => {
            let png = file_of(roots.previews, &format!("/{}", &rest["png/".len()..]))
                .filter(|path| path.extension().is_some_and(|e| e == "png"));
            match png.map(|path| read_inside(roots.previews, &path)) {
                Some(Ok(bytes)) => ok(bytes, "image/png"),
                _ => not_found(),
            }
        }
        Some(rest) => match rest
            .strip_prefix("preview/")
            .and_then(|p| preview(roots, p, live))
        {
            Some(page) => ok(page.into_bytes(), "text/html; charset=utf-8"),
            None => not_found(),
        },
        None => match file_of(root, &url) {
            Some(path) => match read_inside(root, &path) {
                Ok(bytes) if path.extension().is_some_and(|e| e == "html") => {
                    let mut page = served_page(&String::from_utf8_lossy(&bytes), live);
                    if path.parent() == Some(root) {
                        add_preview_links(&mut page, root);
                    }
                    ok(page.into_bytes(), "text/html; charset=utf-8")
                }
                Ok(bytes) => ranged(request, bytes, content_type(&path)),
                Err(_) => not_found(),
            },
            None => not_found(),
        },
    };
    Some(response.with_header("Content-Security-Policy", SERVED_POLICY))
}

/// A file's bytes, or the one range of them the request asks for (`206`; `416` for a range the
/// file does not have): a PDF viewer reads large PDFs so.
fn ranged(request: &http::Request, bytes: Vec<u8>, content_type: &str) -> Response {
    let length = bytes.len();
    match http::byte_range(request.header("Range"), length) {
        Ok(None) => ok(bytes, content_type).with_header("Accept-Ranges", "bytes"),
        Ok(Some((start, end))) => Response {
            status: 206,
            ..ok(bytes[start..=end].to_vec(), content_type)
        }
        .with_header("Accept-Ranges", "bytes")
        .with_header("Content-Range", &format!("bytes {start}-{end}/{length}")),
        Err(()) => http::refusal(416).with_header("Content-Range", &format!("bytes */{length}")),
    }
}

/// The file `url` names under `root`, if it is one: decoded, without `..`, and resolving
/// (through any link) inside `root`. `/` and folders serve their `index.html`.
fn file_of(root: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut path = root.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty()) {
        if part == ".." || part == "." || part.starts_with('.') {
            return None;
        }
        path.push(part);
    }
    let mut real = path.canonicalize().ok()?;
    if real.is_dir() {
        real = real.join("index.html").canonicalize().ok()?;
    }
    (real.starts_with(root) && real.is_file()).then_some(real)
}

/// The bytes of `path`, read from the file it opens only if that file is inside `root`: the
/// opened file's own path is checked (Linux's `/proc/self/fd`), so a link swapped in between
/// finding the path and opening it is never followed out.
fn read_inside(root: &Path, path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let opened = std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd()))?;
        if !opened.starts_with(root) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "outside the output folder",
            ));
        }
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// `%XX` decoded; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A built page as served: its own policy out (the server's header says it, with room for
/// the reload script), the script in, and the last build's errors on top.
fn served_page(html: &str, live: &Live) -> String {
    let mut page = match (
        html.find("<meta http-equiv=\"Content-Security-Policy\""),
        html,
    ) {
        (Some(start), html) => {
            let end = html[start..]
                .find('>')
                .map_or(html.len(), |e| start + e + 1);
            format!("{}{}", &html[..start], &html[end..])
        }
        (None, html) => html.to_string(),
    };
    let errors = live
        .state
        .lock()
        .map(|state| state.1.clone())
        .unwrap_or_default();
    let script = "<script src=\"/__trycksak/reload.js\"></script>";
    match page.rfind("</body>") {
        Some(at) => page.insert_str(at, script),
        None => page.push_str(script),
    }
    if !errors.is_empty()
        && let Some(at) = page.find("<body>")
    {
        page.insert_str(at + "<body>".len(), &problems_banner(&errors));
    }
    let waiting = *live.waiting.lock().unwrap_or_else(|e| e.into_inner());
    if waiting && let Some(at) = page.find("<body>") {
        page.insert_str(
            at + "<body>".len(),
            &format!(
                "<div role=\"status\" lang=\"{}\" style=\"background:#e7f1ff;color:#1a1a1a;border:2px solid #0b4f9c;padding:1rem;margin:0\">{}</div>",
                crate::messages::lang().tag(),
                escape(&t!("serve-waiting"))
            ),
        );
    }
    page
}

/// The last build's errors, as the campaign worker reads them in the terminal (escaped).
fn problems_banner(errors: &[String]) -> String {
    let items: String = errors
        .iter()
        .map(|e| format!("<li><code>{}</code></li>", escape(e)))
        .collect();
    format!(
        "<div role=\"alert\" lang=\"{}\" style=\"background:#fff3cd;color:#1a1a1a;border:2px solid #8a6d00;padding:1rem;margin:0\"><strong>{}</strong><ul>{items}</ul></div>",
        crate::messages::lang().tag(),
        escape(&t!("serve-problems"))
    )
}

/// A programme's preview: its HTML version beside its leaflet's and summary's pages.
fn preview(roots: &Roots, programme: &str, live: &Live) -> Option<String> {
    let root = roots.out;
    let folder = file_of(root, programme).and_then(|index| index.parent().map(Path::to_path_buf));
    let folder = folder.or_else(|| {
        let decoded = percent_decode(programme)?;
        let path = root.join(decoded.trim_matches('/'));
        let real = path.canonicalize().ok()?;
        (real.starts_with(root) && real.is_dir()).then_some(real)
    })?;
    let slug = folder.file_name()?.to_str()?.to_string();
    let url = format!("/{}", folder.strip_prefix(root).ok()?.to_string_lossy());
    let relative = folder.strip_prefix(root).ok()?.to_path_buf();
    render_previews(roots, &relative, &slug);
    let mut pngs: Vec<String> = std::fs::read_dir(roots.previews.join(&relative))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| {
            (name.starts_with(&format!("{slug}-leaflet-page-"))
                || name.starts_with(&format!("{slug}-summary-page-")))
                && name.ends_with(".png")
        })
        .collect();
    pngs.sort();
    // Every value in the page escaped: a folder is named by whoever made it (`x"><img …>`);
    // in an address, percent-encoded first, then escaped for the attribute.
    let images: String = pngs
        .iter()
        .map(|name| {
            let (kind, page) = preview_of(name, &slug);
            format!(
                "<img src=\"{}\" alt=\"{}\" style=\"width:100%;border:1px solid #999;margin-bottom:1rem\">",
                escape(&url_path(&format!(
                    "{PREFIX}png/{}/{name}",
                    relative.to_string_lossy()
                ))),
                escape(&t!("serve-page-alt", kind = kind, page = page))
            )
        })
        .collect();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body style=\"margin:0;font-family:system-ui,sans-serif\"><main style=\"display:flex;gap:1rem;padding:1rem\"><iframe title=\"{title}\" src=\"{src}\" style=\"flex:1;height:95vh;border:1px solid #999\"></iframe><div style=\"flex:1;height:95vh;overflow:auto\">{images}</div></main></body></html>",
        lang = crate::messages::lang().tag(),
        title = escape(&slug),
        src = escape(&url_path(&format!("{url}/{slug}.html"))),
    );
    Some(served_page(&page, live))
}

/// The PNGs of a programme's leaflet and summary pages, made now when there are none or the
/// PDF changed since (`serve` starts without them: a project of hundreds of programmes is
/// served as soon as it is built, and only the previews someone looks at are made).
fn render_previews(roots: &Roots, relative: &Path, slug: &str) {
    let kinds = ["leaflet", "summary"];
    let pngs = roots.previews.join(relative);
    let stale = kinds.iter().any(|kind| {
        let pdf = roots.out.join(relative).join(format!("{slug}-{kind}.pdf"));
        let first = pngs.join(crate::build::preview_name(&format!("{slug}-{kind}"), 1));
        let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
        match (modified(&pdf), modified(&first)) {
            (Some(pdf), Some(png)) => png < pdf,
            (Some(_), None) => true,
            _ => false,
        }
    });
    if !stale {
        return;
    }
    // The programme is the one the manifest names for the leaflet.
    let leaflet = format!("{}/{slug}-leaflet.pdf", relative.to_string_lossy());
    let manifest = crate::sandbox::OutputDir::open(roots.out)
        .map(|out| crate::manifest::Manifest::load(&out))
        .unwrap_or_default();
    let Some(source) = manifest
        .outputs
        .iter()
        .find(|entry| entry.path == leaflet)
        .map(|entry| roots.project.root.join(&entry.programme))
    else {
        return;
    };
    let mut options = crate::build::BuildOptions::new(roots.out);
    options.kinds = Some(
        kinds
            .iter()
            .filter_map(|kind| crate::output::OutputKind::named(kind))
            .collect(),
    );
    options.preview = true;
    options.record_translations = false;
    let Ok(pool) = crate::build::thread_pool(Some(1)) else {
        return;
    };
    let typesetter = Arc::new(crate::typeset::Typesetter::new(roots.project));
    let Ok(done) = crate::build::render_in_memory(
        &typesetter,
        &pool,
        roots.project,
        &[source],
        &options,
        crate::output::KINDS,
    ) else {
        return;
    };
    let _ = std::fs::create_dir_all(&pngs);
    for kept in done.into_iter().flat_map(|finished| finished.kept) {
        let Some(stem) = kept
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".pdf"))
            .map(str::to_string)
        else {
            continue;
        };
        let prefix = format!("{stem}-page-");
        for old in std::fs::read_dir(&pngs).into_iter().flatten().flatten() {
            if old.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(old.path());
            }
        }
        for (page, png) in kept.rendered.previews.iter().enumerate() {
            let _ = crate::fsutil::write_atomic(
                &pngs.join(crate::build::preview_name(&stem, page + 1)),
                png,
            );
        }
    }
}

/// The served index (and staff page) with a link to each programme's preview, after its title:
/// the previews are the server's, so the built pages never link them.
fn add_preview_links(page: &mut String, root: &Path) {
    let mut links = Vec::new();
    for region in std::fs::read_dir(root).into_iter().flatten().flatten() {
        for programme in std::fs::read_dir(region.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let slug = programme.file_name().to_string_lossy().into_owned();
            if programme.path().join(format!("{slug}.html")).is_file() {
                let relative = format!("{}/{slug}", region.file_name().to_string_lossy());
                links.push(relative);
            }
        }
    }
    links.sort();
    if links.is_empty() {
        return;
    }
    let items: String = links
        .iter()
        .map(|relative| {
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(&url_path(&format!("{PREFIX}preview/{relative}"))),
                escape(relative)
            )
        })
        .collect();
    let nav = format!(
        "<nav lang=\"{lang}\" aria-label=\"{label}\" style=\"max-width:42rem;margin:0 auto;padding:1rem;border-bottom:1px solid #999\"><strong>{label}</strong><ul>{items}</ul></nav>",
        lang = crate::messages::lang().tag(),
        label = escape(&t!("serve-previews")),
    );
    if let Some(at) = page.find("</header>") {
        page.insert_str(at + "</header>".len(), &nav);
    }
}

/// The kind (`leaflet`, `summary`) and the page number of a preview named
/// `<slug>-<kind>-page-NN.png`.
fn preview_of(name: &str, slug: &str) -> (String, u32) {
    let rest = name
        .strip_prefix(slug)
        .unwrap_or(name)
        .trim_start_matches('-')
        .trim_end_matches(".png");
    match rest.rsplit_once("-page-") {
        Some((kind, page)) => (kind.to_string(), page.parse().unwrap_or(0)),
        None => (rest.to_string(), 0),
    }
}

/// A path as an address: every byte but unreserved characters and `/` percent-encoded.
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => "application/pdf",
        Some("txt") => "text/plain; charset=utf-8",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        // PEF's own media type (its `dc:format`).
        Some("pef") => "application/x-pef+xml",
        _ => "application/octet-stream",
    }
}

fn ok(body: Vec<u8>, content_type: &str) -> Response {
    Response::new(200, content_type, body)
}

fn not_found() -> Response {
    Response::new(404, "text/plain; charset=utf-8", b"not found\n".to_vec())
}

/// The event stream of one open page, written straight to its connection (the HTTP library
/// would buffer a streamed body): an event each time a build finishes, a comment now and then
/// so that a closed page's thread notices (its write fails) and ends.
fn events(stream: &mut TcpStream, live: &Live) {
    use std::io::Write;
    let mut seen = live.state.lock().map_or(0, |state| state.0);
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nContent-Security-Policy: {SERVED_POLICY}\r\nConnection: close\r\n\r\nretry: 500\n\n"
    );
    let mut message = head;
    loop {
        if stream
            .write_all(message.as_bytes())
            .and_then(|()| stream.flush())
            .is_err()
        {
            return;
        }
        let build = wait_for_build(live, Some(seen));
        message = if build == seen {
            ": still here\n\n".to_string()
        } else {
            seen = build;
            format!("data: {build}\n\n")
        };
    }
}

/// The number of the last finished build: at once without `since`, else as soon as it is not
/// `since` any more (or after [`HOLD`]).
fn wait_for_build(live: &Live, since: Option<u64>) -> u64 {
    let state = live.state.lock().unwrap_or_else(|e| e.into_inner());
    let Some(since) = since else {
        return state.0;
    };
    let (state, _) = live
        .changed
        .wait_timeout_while(state, HOLD, |state| state.0 == since)
        .unwrap_or_else(|e| e.into_inner());
    state.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_output_folder_are_served() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("out")).unwrap();
        std::fs::write(root.join("out/index.html"), "i").unwrap();
        std::fs::write(root.join("secret.txt"), "s").unwrap();
        let out = root.join("out");
        assert_eq!(file_of(&out, "/"), Some(out.join("index.html")));
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%5csecret.txt",
            "/.hidden",
        ] {
            assert_eq!(file_of(&out, bad), None, "{bad}");
        }
        std::os::unix::fs::symlink(root.join("secret.txt"), out.join("link.txt")).unwrap();
        assert_eq!(file_of(&out, "/link.txt"), None);
    }

    #[test]
    fn a_file_is_read_only_when_the_opened_file_is_inside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("out")).unwrap();
        std::fs::write(root.join("out/a.txt"), "a").unwrap();
        std::fs::write(root.join("secret.txt"), "s").unwrap();
        let out = root.join("out");
        assert_eq!(read_inside(&out, &out.join("a.txt")).unwrap(), b"a");
        // A link swapped in after the path was checked: the opened file is outside.
        std::os::unix::fs::symlink(root.join("secret.txt"), out.join("swapped.txt")).unwrap();
        assert!(read_inside(&out, &out.join("swapped.txt")).is_err());
    }

    #[test]
    fn only_requests_to_this_server_are_answered() {
        let local: SocketAddr = "127.0.0.1:8000".parse().unwrap();
        for ok in ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST"] {
            assert!(is_this_server(ok, local), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8000",
            "127.0.0.1:9000",
            "10.0.0.1:8000",
        ] {
            assert!(!is_this_server(bad, local), "{bad}");
        }
        let all: SocketAddr = "0.0.0.0:8000".parse().unwrap();
        assert!(is_this_server("192.168.1.20:8000", all));
        assert!(!is_this_server("evil.example:8000", all));
        let v6: SocketAddr = "[::1]:8000".parse().unwrap();
        assert!(is_this_server("[::1]:8000", v6));
    }
}
