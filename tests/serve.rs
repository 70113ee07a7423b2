//! `trycksak serve` as campaign staff use it: it builds, serves the pages, sees a saved edit,
//! and serves nothing outside the output folder.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::shipped_project;

/// `GET path` on 127.0.0.1:`port`: the status code and the body (or `None` before the server
/// listens).
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split_whitespace().nth(1)?.parse().ok()?;
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    Some((status, body))
}

/// The status code of a raw request sent to 127.0.0.1:`port`.
fn status_of(port: u16, request: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    // The server may answer before it has read all (a refused header): the reply still counts.
    let _ = stream.write_all(request.as_bytes());
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Waits (at most `limit`) until `check` holds.
fn wait_until(limit: Duration, mut check: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn serve_builds_serves_reloads_and_keeps_to_the_output_folder() {
    let project = shipped_project();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("trycksak"))
        .args([
            "serve",
            "--port",
            &port.to_string(),
            "programmes/norrbotten",
        ])
        .current_dir(project.path())
        .env_clear()
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let page = "/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten.html";
    let served = wait_until(Duration::from_secs(90), || {
        let ended = child.try_wait().ok().flatten();
        assert!(ended.is_none(), "serve ended: {ended:?}");
        // The index is written after the programmes' pages, at the end of the first build.
        [page, "/"]
            .iter()
            .all(|path| get(port, path).is_some_and(|(status, _)| status == 200))
    });
    let result = std::panic::catch_unwind(|| {
        assert!(served, "the page was not served");
        let (status, index) = get(port, "/").unwrap();
        assert_eq!(status, 200);
        assert!(index.contains("Omstart för Norrbotten"), "{index}");
        // The served index links each programme's preview; the written one does not.
        assert!(
            index.contains("href=\"/__trycksak/preview/norrbotten/omstart-for-norrbotten\""),
            "{index}"
        );
        let written_index = std::fs::read_to_string(project.path().join("out/index.html")).unwrap();
        assert!(!written_index.contains("__trycksak"), "{written_index}");
        let (_, body) = get(port, page).unwrap();
        assert!(body.contains("<script src=\"/__trycksak/reload.js\"></script>"));
        // The reload script is served, never written.
        assert_eq!(get(port, "/__trycksak/reload.js").unwrap().0, 200);
        let written = std::fs::read_to_string(
            project
                .path()
                .join("out/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten.html"),
        )
        .unwrap();
        assert!(!written.contains("reload.js"));
        // The previews are made when a preview page is first asked for, not at the start.
        let previews = project.path().join(".trycksak/previews");
        let pngs_under = |folder: &str| {
            let folder = previews.join(folder);
            if !folder.is_dir() {
                return 0;
            }
            common::walk(&folder)
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "png"))
                .count()
        };
        assert_eq!(pngs_under("norrbotten"), 0);
        // A preview page: the HTML version beside the PDFs' pages.
        let (status, preview) = get(
            port,
            "/__trycksak/preview/norrbotten/omstart-for-norrbotten",
        )
        .unwrap();
        assert_eq!(status, 200);
        // The pages' PNGs are served from the previews' own folder, never written into the
        // output folder, which stays the public one; each has words for its alt text.
        let png = "/__trycksak/png/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten-leaflet-page-01.png";
        assert!(preview.contains(png), "{preview}");
        assert!(
            preview.contains("alt=\"Page 1 of the leaflet, as printed\""),
            "{preview}"
        );
        assert_eq!(get(port, png).map(|(status, _)| status), Some(200));
        let folder = project.path().join("out/norrbotten/omstart-for-norrbotten");
        let pngs_in_out: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".png"))
            .collect();
        assert!(pngs_in_out.is_empty(), "{pngs_in_out:?}");
        assert!(project.path().join(".trycksak/previews/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten-leaflet-page-01.png").is_file());
        assert_eq!(
            pngs_under("varmland"),
            0,
            "a preview nobody asked for was made"
        );

        // An open page's event stream: it says when a build has finished.
        let (sender, events) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
            write!(
                stream,
                "GET /__trycksak/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            )
            .unwrap();
            let mut seen = String::new();
            let mut buffer = [0u8; 512];
            while let Ok(n) = stream.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
                if seen.contains("\ndata: ") {
                    let _ = sender.send(seen);
                    break;
                }
            }
        });
        std::thread::sleep(Duration::from_millis(200));

        // A save is seen within two seconds.
        let before = get(port, "/__trycksak/changes").unwrap().1;
        let source = project
            .path()
            .join("programmes/norrbotten/omstart-for-norrbotten.md");
        let text = std::fs::read_to_string(&source).unwrap();
        std::fs::write(
            &source,
            text.replace("Korta köerna Inled", "Korta köerna Påbörja"),
        )
        .unwrap();
        let saved = Instant::now();
        assert!(
            wait_until(Duration::from_secs(2), || {
                get(port, page).is_some_and(|(_, body)| body.contains("Påbörja"))
            }),
            "the edit was not served within 2 s"
        );
        assert!(saved.elapsed() < Duration::from_secs(2));
        let stream = events
            .recv_timeout(Duration::from_secs(2))
            .expect("no event for the open page");
        assert!(
            stream.starts_with("HTTP/1.1 200 OK") && stream.contains("text/event-stream"),
            "{stream}"
        );
        let after = get(
            port,
            &format!("/__trycksak/changes?since={}", before.trim()),
        )
        .unwrap()
        .1;
        assert_ne!(before.trim(), after.trim());

        // A broken source: its problem on the page (the last good build stays served).
        let broken = std::fs::read_to_string(&source)
            .unwrap()
            .replacen("title:", "titel:", 1);
        std::fs::write(&source, broken).unwrap();
        assert!(
            wait_until(Duration::from_secs(5), || {
                get(port, page).is_some_and(|(_, body)| {
                    body.contains("role=\"alert\"") && body.contains("unknown key `titel`")
                })
            }),
            "the problem is not shown on the page"
        );

        // Only this server's own name, and only GET and HEAD: a page elsewhere that points a name
        // at 127.0.0.1 (DNS rebinding) reads nothing.
        let host =
            |host: &str| format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(status_of(port, &host("evil.example")), Some(421));
        assert_eq!(
            status_of(port, &host(&format!("evil.example:{port}"))),
            Some(421)
        );
        assert_eq!(
            status_of(port, &host(&format!("localhost:{port}"))),
            Some(200)
        );
        assert_eq!(
            status_of(port, &host(&format!("127.0.0.1:{port}"))),
            Some(200)
        );
        for method in ["POST", "DELETE", "OPTIONS", "TRACE"] {
            let request = format!(
                "{method} / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            assert_eq!(status_of(port, &request), Some(405), "{method}");
        }
        // A folder named to break out of the preview page's markup is shown as text.
        let hostile = "x\"><img src=x onerror=alert(1)>";
        std::fs::create_dir_all(project.path().join("out").join(hostile)).unwrap();
        let (status, preview) = get(
            port,
            "/__trycksak/preview/x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        )
        .unwrap();
        assert_eq!(status, 200, "{preview}");
        assert!(!preview.contains("<img src=x"), "{preview}");
        assert!(preview.contains("x&quot;&gt;&lt;img"), "{preview}");

        // Nothing outside the output folder.
        for path in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E%2Fprogrammes%2Fnorrbotten%2Fomstart-for-norrbotten.md",
            "/..%2fCargo.toml",
            "//etc/passwd",
            "/.trycksak.lock",
        ] {
            let (status, _) = get(port, path).unwrap();
            assert_eq!(status, 404, "{path}");
        }
    });
    let _ = child.kill();
    let _ = child.wait();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn an_edit_saved_while_another_build_holds_the_folder_appears_after_it() {
    let server = Server::start("");
    let port = server.port;
    let project = server._project.path();
    let page = "/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten.html";
    assert!(
        wait_until(Duration::from_secs(90), || get(port, page)
            .is_some_and(|(status, _)| status == 200)),
        "not served"
    );
    // A CLI build holds the output folder's lock, as `trycksak build` does.
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(project.join("out/.trycksak.lock"))
        .unwrap();
    lock.lock().unwrap();
    let source = project.join("programmes/norrbotten/omstart-for-norrbotten.md");
    let edited = std::fs::read_to_string(&source).unwrap().replacen(
        "title: Omstart för Norrbotten",
        "title: Omstart för Norrbotten nu",
        1,
    );
    std::fs::write(&source, edited).unwrap();
    assert!(
        wait_until(Duration::from_secs(10), || {
            get(port, page).is_some_and(|(_, body)| body.contains("Waiting for another build"))
        }),
        "the page does not say it waits"
    );
    assert!(!get(port, page).unwrap().1.contains("Norrbotten nu"));
    drop(lock);
    assert!(
        wait_until(Duration::from_secs(20), || {
            get(port, page).is_some_and(|(_, body)| {
                body.contains("Omstart för Norrbotten nu") && !body.contains("Waiting for another")
            })
        }),
        "the edit was lost"
    );
}

/// A `trycksak serve` of the shipped Norrbotten programme on a free port, run through `sh` so
/// that `limits` (e.g. `ulimit -n 256`) apply to it; killed when dropped.
struct Server {
    child: std::process::Child,
    port: u16,
    _project: tempfile::TempDir,
}

impl Server {
    fn start(limits: &str) -> Server {
        let project = shipped_project();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let binary = assert_cmd::cargo::cargo_bin("trycksak");
        let child = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "{limits} exec '{}' serve --port {port} programmes/norrbotten",
                binary.display()
            ))
            .current_dir(project.path())
            .env("NO_COLOR", "1")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let server = Server {
            child,
            port,
            _project: project,
        };
        assert!(
            wait_until(Duration::from_secs(90), || get(port, "/")
                .is_some_and(|(status, _)| status == 200)),
            "not served"
        );
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_server_answers_malformed_large_slow_and_ranged_requests_and_goes_on() {
    let server = Server::start("");
    let port = server.port;
    // A 64 KB header: refused, not read into memory.
    let big = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {}\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    assert_eq!(status_of(port, &big), Some(431));
    let long_line = format!("GET /{} HTTP/1.1", "a".repeat(64 * 1024));
    assert_eq!(status_of(port, &long_line), Some(414));
    // Another version, and garbage: a reply, not a socket left open.
    assert_eq!(
        status_of(port, "GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n"),
        Some(505)
    );
    assert_eq!(status_of(port, "\x16\x03\x01 nonsense\r\n\r\n"), Some(400));
    // Lines ended with LF alone still make a request.
    assert_eq!(
        status_of(port, "GET / HTTP/1.1\nHost: 127.0.0.1\n\n"),
        Some(200)
    );
    // A PDF in parts, as a viewer reads it.
    let pdf = "/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten-leaflet.pdf";
    let ranged = format!("GET {pdf} HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=0-7\r\n\r\n");
    assert_eq!(status_of(port, &ranged), Some(206));
    let (status, body) = get(port, pdf).unwrap();
    assert_eq!(status, 200);
    assert!(body.starts_with("%PDF-"));
    // A client that sends its head a byte at a time and stops: closed by the server within
    // 30 s, while the others are answered.
    let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127").unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let started = Instant::now();
    assert_eq!(get(port, "/").unwrap().0, 200);
    let mut rest = Vec::new();
    let closed = slow.read_to_end(&mut rest).is_ok();
    assert!(
        closed && started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn six_hundred_connections_under_256_file_descriptors_do_not_stop_the_server() {
    let server = Server::start("ulimit -n 256;");
    let port = server.port;
    let mut open = Vec::new();
    for _ in 0..600 {
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", port)) {
            open.push(stream);
        }
    }
    assert!(open.len() >= 256, "{} connections", open.len());
    // With them all still open, the server goes on listening and answers once it has room
    // (idle connections are closed after the head timeout).
    assert!(
        wait_until(Duration::from_secs(60), || get(port, "/")
            .is_some_and(|(status, _)| status == 200)),
        "the server stopped answering"
    );
    drop(open);
    assert_eq!(get(port, "/").unwrap().0, 200);
}

#[test]
fn a_link_swapped_in_while_a_file_is_served_is_never_followed() {
    let server = Server::start("");
    let port = server.port;
    let out = server._project.path().join("out");
    let secret = server._project.path().join("secret.txt");
    std::fs::write(&secret, "SECRET outside the output folder").unwrap();
    std::fs::write(out.join("swap.txt"), "inside").unwrap();
    std::os::unix::fs::symlink(&secret, out.join("swap-link.txt")).unwrap();
    // One thread exchanges the file and the link atomically, again and again, while requests
    // for the file's name come in: the server must never serve what the link points to.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let (stop, out) = (std::sync::Arc::clone(&stop), out.clone());
        std::thread::spawn(move || {
            use std::os::unix::ffi::OsStrExt;
            let a = std::ffi::CString::new(out.join("swap.txt").as_os_str().as_bytes()).unwrap();
            let b =
                std::ffi::CString::new(out.join("swap-link.txt").as_os_str().as_bytes()).unwrap();
            let mut swaps = 0u64;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) && swaps < 1_000_000 {
                unsafe {
                    libc::renameat2(
                        libc::AT_FDCWD,
                        a.as_ptr(),
                        libc::AT_FDCWD,
                        b.as_ptr(),
                        libc::RENAME_EXCHANGE,
                    );
                }
                swaps += 1;
            }
            swaps
        })
    };
    let started = Instant::now();
    let mut served = 0;
    let mut leaked = 0;
    while started.elapsed() < Duration::from_secs(5) && served < 3000 {
        if let Some((status, body)) = get(port, "/swap.txt") {
            served += 1;
            if status == 200 && body.contains("SECRET") {
                leaked += 1;
            }
        }
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let swaps = swapper.join().unwrap();
    assert!(
        served > 100 && swaps > 100,
        "{served} requests, {swaps} swaps"
    );
    assert_eq!(
        leaked, 0,
        "served the outside file {leaked} times of {served}"
    );
}

#[test]
fn the_problems_banner_is_in_the_interface_language() {
    let project = shipped_project();
    let source = project
        .path()
        .join("programmes/varmland/regionalpolitiskt-program-2019-2022.md");
    let broken = std::fs::read_to_string(&source)
        .unwrap()
        .replacen("title:", "titel:", 1);
    std::fs::write(&source, broken).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("trycksak"))
        .args(["serve", "--port", &port.to_string(), "--format", "html"])
        .current_dir(project.path())
        .env_clear()
        .env("NO_COLOR", "1")
        .env("LANG", "sv_SE.UTF-8")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut index = String::new();
    let shown = wait_until(Duration::from_secs(90), || {
        get(port, "/").is_some_and(|(status, body)| {
            index = body;
            status == 200 && index.contains("role=\"alert\"")
        })
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(shown, "{index}");
    assert!(
        index.contains("lang=\"sv\"") && index.contains("Den senaste byggningen hittade problem"),
        "{index}"
    );
    assert!(index.contains("okänd nyckel `titel` i huvudet"), "{index}");
}
