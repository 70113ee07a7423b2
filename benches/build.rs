//! `cargo bench`: how fast trycksak builds, on this machine. Prints a table; see
//! `benches/README.md` for the numbers and the machine they were taken on.
//!
//! (a) the shipped programmes, every default kind, by the release binary from a cold process,
//!     interleaved with the peer (pandoc 3 + Typst 0.15, `benches/peer.py`);
//! (b) each kind of each shipped programme, in one process with a warm typesetter, and the
//!     braille version (with, once, the cost of compiling its tables);
//! (c) N = 10, 100, 290 generated programmes (the seeds with a municipality's name put in):
//!     wall time, programmes per second and the peak memory of the process;
//! (d) watch mode: the time from saving a one-word edit to the rewritten outputs;
//! (e) large sources of short paragraphs (1 MB and 4 MB): loading (parse, lint, model), the text
//!     version and the report, in this process: linear time, ≤ 2 s for 4 MB;
//! (f) `trycksak serve`: a page's GET latency with 100 open event streams (pages listening for
//!     reloads);
//! (g) the build cache on the 290 (and on 290 × 4 languages, twice: sv, fi, fit, se and sv, fi,
//!     se, ar): a cold build, a second one with
//!     nothing changed, one after a source edit and one after a region's layout changed — the
//!     wall time, the files rewritten (by mtime) and the cache's size on disk.
//!
//! (a), (c) and (d) run the binary `TRYCKSAK_BIN` names (Cargo's release build if unset); (b)
//! runs in the bench's own process, so it always measures Cargo's build.
//!
//! `cargo bench --bench build -- a c` runs only the parts named; `TRYCKSAK_BIN=…
//! TRYCKSAK_PROJECT=…` measures another binary on its own checkout's project (before/after).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use trycksak::output::OutputKind;
use trycksak::output::RenderContext;
use trycksak::project::Project;
use trycksak::source::load_programme;
use trycksak::typeset::Typesetter;

/// The binary measured: Cargo's release build, or `TRYCKSAK_BIN` (the profile-guided build of
/// `benches/pgo`, say).
fn bin() -> PathBuf {
    std::env::var_os("TRYCKSAK_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_trycksak")),
        PathBuf::from,
    )
}
const REPO: &str = env!("CARGO_MANIFEST_DIR");

const MUNICIPALITIES: &[&str] = &[
    "Kiruna",
    "Luleå",
    "Piteå",
    "Boden",
    "Kalix",
    "Haparanda",
    "Gällivare",
    "Jokkmokk",
    "Arjeplog",
    "Arvidsjaur",
    "Älvsbyn",
    "Övertorneå",
    "Pajala",
    "Överkalix",
    "Karlstad",
    "Arvika",
    "Kristinehamn",
    "Säffle",
    "Filipstad",
    "Hagfors",
    "Torsby",
    "Sunne",
    "Kil",
    "Grums",
    "Forshaga",
    "Munkfors",
    "Storfors",
    "Hammarö",
    "Eda",
    "Årjäng",
    "Sundsvall",
    "Härnösand",
    "Kramfors",
    "Sollefteå",
    "Örnsköldsvik",
    "Timrå",
    "Ånge",
];

/// The shipped programmes, with the region name each one's text uses.
const SEEDS: &[(&str, &str)] = &[
    (
        "programmes/norrbotten/omstart-for-norrbotten.md",
        "Norrbotten",
    ),
    (
        "programmes/varmland/regionalpolitiskt-program-2019-2022.md",
        "Värmland",
    ),
    (
        "programmes/vasternorrland/drivkraft-vasternorrland.md",
        "Västernorrland",
    ),
];

fn main() {
    println!(
        "trycksak benchmarks ({} cores), {}\n",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        bin().display()
    );
    let chosen: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    let parts: [(&str, fn()); 7] = [
        ("a", shipped_cold),
        ("b", per_kind),
        ("c", scale),
        ("d", watch_latency),
        ("e", large_sources),
        ("f", serve_latency),
        ("g", cached),
    ];
    for (name, part) in parts {
        if chosen.is_empty() || chosen.iter().any(|c| c == name) {
            part();
        }
    }
}

/// (f) `trycksak serve` on the seeds: 200 GETs of a page, one after another, while 100 pages
/// hold their event streams open.
fn serve_latency() {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    let dir = tempfile::tempdir().unwrap();
    copy_project(dir.path());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(bin())
        .args(["serve", "-q", "--port", &port.to_string()])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("trycksak serve runs");
    let page = "/norrbotten/omstart-for-norrbotten/omstart-for-norrbotten.html";
    let get = |path: &str| -> Option<u16> {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response).ok()?;
        String::from_utf8_lossy(&response)
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    let started = Instant::now();
    while get(page) != Some(200) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let streams: Vec<TcpStream> = (0..100)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
            write!(
                stream,
                "GET /__trycksak/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            )
            .ok()?;
            Some(stream)
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut samples: Vec<Duration> = (0..200)
        .map(|_| timed(|| assert_eq!(get(page), Some(200))).0)
        .collect();
    samples.sort();
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    println!(
        "(f) serve: GET of a page with {} event streams open: median {}, 95th percentile {}, max {}",
        streams.len(),
        ms(samples[samples.len() / 2]),
        ms(samples[samples.len() * 95 / 100]),
        ms(samples[samples.len() - 1])
    );
    drop(streams);
    let _ = child.kill();
    let _ = child.wait();
}

/// A source of `bytes` bytes of short paragraphs (eight words each), as a hostile or pasted
/// programme would be: what made a quadratic check take minutes.
fn short_paragraphs(bytes: usize) -> String {
    let words = [
        "vi", "vill", "att", "regionen", "ska", "satsa", "på", "vården", "skolan", "jobben",
    ];
    let mut out = String::from("---\ntitle: Stor\nregion: base\nlang: sv\n---\n\n");
    let mut i = 0usize;
    while out.len() < bytes {
        let paragraph: Vec<&str> = (0..8)
            .map(|k| words[(i * 7 + k * 3) % words.len()])
            .collect();
        out.push_str(&paragraph.join(" "));
        out.push_str(".\n\n");
        i += 1;
    }
    out
}

/// (e) Large sources: loading, the text version and the report of 1 MB and 4 MB of short
/// paragraphs, in this process (median of 3).
fn large_sources() {
    println!("(e) large sources of short paragraphs: load (parse, lint, model), text, report");
    for megabytes in [1, 4] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("programmes/base/stor.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, short_paragraphs(megabytes * 1_000_000)).unwrap();
        let project = Project::open(dir.path()).unwrap();
        let mut load = Vec::new();
        let mut text = Vec::new();
        let mut report = Vec::new();
        for _ in 0..3 {
            let (took, loaded) = timed(|| load_programme(&project, &path));
            load.push(took);
            let programme = loaded.programme.expect("the large source is valid");
            text.push(timed(|| trycksak::output::text::render(&programme)).0);
            report
                .push(timed(|| trycksak::output::report::render(&programme, &loaded.file, None)).0);
        }
        let s = |d: Duration| format!("{:.2} s", d.as_secs_f64());
        println!(
            "  {megabytes} MB: load {}, text {}, report {}",
            s(median(load)),
            s(median(text)),
            s(median(report))
        );
    }
}

/// (d) `trycksak watch`: save a one-word edit, time until every output of the programme has
/// been rewritten (the manifest is written last).
fn watch_latency() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(dir.path());
    let mut child = Command::new(bin())
        .args(["watch", "-q"])
        .current_dir(dir.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("trycksak watch runs");
    let manifest = dir.path().join("out/manifest.json");
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let wait_for_change = |before: Option<std::time::SystemTime>| {
        let started = Instant::now();
        while modified(&manifest) == before {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "watch did not rebuild"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    };
    wait_for_change(None);
    std::thread::sleep(Duration::from_millis(300));
    println!("(d) watch: one-word edit saved → all outputs of that programme rewritten");
    for (source, _) in SEEDS {
        let path = dir.path().join(source);
        let mut samples = Vec::new();
        for round in 0..5 {
            let before = modified(&manifest);
            let text = std::fs::read_to_string(&path).unwrap();
            let edited = text.replacen(" vi ", if round % 2 == 0 { " Vi " } else { " vi " }, 1);
            let edited = if edited == text {
                text.replacen(" Vi ", " vi ", 1)
            } else {
                edited
            };
            let started = Instant::now();
            std::fs::write(&path, edited).unwrap();
            wait_for_change(before);
            samples.push(started.elapsed());
            std::thread::sleep(Duration::from_millis(200));
        }
        let name = Path::new(source).file_stem().unwrap().to_string_lossy();
        println!(
            "    {name:<45} {:>7.1} ms (median of 5, including the {} ms debounce)",
            median(samples).as_secs_f64() * 1000.0,
            trycksak::watch::DEBOUNCE.as_millis()
        );
    }
    child.kill().ok();
    child.wait().ok();
    println!();
}

/// A finished run: wall time, CPU time (user and system, all threads), the system part of it
/// and peak RSS in bytes.
struct Ran {
    wall: Duration,
    cpu: Duration,
    sys: Duration,
    rss: u64,
}

/// Runs the binary; returns its wall and CPU time and peak resident memory.
// The child is reaped by `wait4`, which also reports its peak memory; clippy cannot see that.
#[allow(clippy::zombie_processes)]
fn run(args: &[&str], dir: &Path) -> Ran {
    let started = Instant::now();
    let child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .spawn()
        .expect("the trycksak binary runs");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value to be filled in by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, whose pid we hold and have not waited for yet.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert!(
        pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "trycksak {args:?} failed"
    );
    let seconds = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Ran {
        wall: elapsed,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        sys: seconds(usage.ru_stime),
        rss: usage.ru_maxrss as u64 * 1024,
    }
}

/// The shipped project: this checkout's, or `TRYCKSAK_PROJECT`'s (an older checkout, to
/// measure an older binary on the programmes and layouts it shipped with).
fn copy_project(to: &Path) {
    let from =
        std::env::var_os("TRYCKSAK_PROJECT").map_or_else(|| PathBuf::from(REPO), PathBuf::from);
    for folder in ["programmes", "layouts"] {
        copy_dir(&from.join(folder), &to.join(folder));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// (a) The README's build, as a user runs it: a fresh process each time, interleaved with the
/// peer (`benches/peer.py`: pandoc 3 to Typst and plain text, then Typst 0.15) on the same
/// sources, so that both see the same machine.
fn shipped_cold() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(dir.path());
    let _ = run(&["build", "-q"], dir.path()); // warm the page cache
    let peer = peer_available();
    let mut times = Vec::new();
    let mut peer_times = Vec::new();
    let mut peak = 0;
    // A cold build each time: no outputs and no build cache (`.trycksak/`) from the last.
    let clear = || {
        std::fs::remove_dir_all(dir.path().join("out")).ok();
        std::fs::remove_dir_all(dir.path().join(".trycksak")).ok();
    };
    for _ in 0..7 {
        clear();
        let ran = run(&["build", "-q"], dir.path());
        times.push(ran.wall);
        peak = peak.max(ran.rss);
        if peer {
            peer_times.push(run_peer(dir.path()));
        }
    }
    let one_thread: Vec<Duration> = (0..5)
        .map(|_| {
            clear();
            run(&["build", "-q", "-j", "1"], dir.path()).wall
        })
        .collect();
    let ours = median(times);
    println!("(a) 3 shipped programmes, all default kinds (21 files and the index), cold process");
    println!(
        "    wall {:>7.3} s (median of 7), {:.3} s with -j 1; peak RSS {:.0} MiB",
        ours.as_secs_f64(),
        median(one_thread).as_secs_f64(),
        mib(peak)
    );
    if peer {
        let theirs = median(peer_times);
        println!(
            "    peer (pandoc 3 + Typst 0.15, 2 outputs a programme) {:.3} s (median of 7, \
             interleaved): ratio {:.2}\n",
            theirs.as_secs_f64(),
            ours.as_secs_f64() / theirs.as_secs_f64()
        );
    } else {
        println!("    peer: not run (pip install pypandoc-binary typst)\n");
    }
}

fn peer_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pypandoc, typst"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// One run of the peer on the shipped programmes.
fn run_peer(dir: &Path) -> Duration {
    let out = dir.join("peer-out");
    std::fs::remove_dir_all(&out).ok();
    let sources: Vec<String> = SEEDS
        .iter()
        .map(|(path, _)| dir.join(path).display().to_string())
        .collect();
    let started = Instant::now();
    let status = Command::new("python3")
        .arg(Path::new(REPO).join("benches/peer.py"))
        .arg(&out)
        .arg(Path::new(REPO).join("fonts"))
        .args(&sources)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("python3 runs");
    assert!(status.success(), "the peer failed");
    started.elapsed()
}

/// (b) Each kind of each shipped programme, with fonts and layouts loaded once.
fn per_kind() {
    let root = PathBuf::from(REPO);
    let project = Project::open(&root).unwrap();
    let started = Instant::now();
    let typesetter = Typesetter::new(&project);
    println!(
        "(b) per kind, in process (fonts and layouts loaded once: {:.1} ms)",
        started.elapsed().as_secs_f64() * 1000.0
    );
    println!(
        "    {:<37} {:>8} {:>8} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}",
        "programme",
        "load",
        "text",
        "leaflet",
        "summary",
        "l.-print",
        "s.-print",
        "report",
        "braille"
    );
    let braille = OutputKind::named("braille").expect("a kind");
    let mut tables_compiled = None;
    for (source, _) in SEEDS {
        let path = root.join(source);
        let load = median(
            (0..9)
                .map(|_| timed(|| load_programme(&project, &path)).0)
                .collect(),
        );
        let loaded = load_programme(&project, &path);
        let programme = loaded.programme.expect("the shipped programmes are valid");
        // Every default kind: text, leaflet, summary, the print twins, report.
        let kinds = OutputKind::defaults(None);
        // A fresh context each time: a print twin on its own, not helped by its screen twin.
        let times: Vec<Duration> = kinds
            .iter()
            .map(|kind| {
                median(
                    (0..5)
                        .map(|_| {
                            let cx = RenderContext::new(&typesetter, &loaded.file, false);
                            timed(|| kind.render(&programme, &cx, &[]).expect("renders")).0
                        })
                        .collect(),
                )
            })
            .collect();
        let braille_time = |typesetter: &Typesetter| {
            let cx = RenderContext::new(typesetter, &loaded.file, false);
            timed(|| braille.render(&programme, &cx, &[]).expect("renders")).0
        };
        // The first braille version of the process compiles the language's tables.
        tables_compiled.get_or_insert_with(|| braille_time(&typesetter));
        let braille_time = median((0..5).map(|_| braille_time(&typesetter)).collect());
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        let name = Path::new(source).file_stem().unwrap().to_string_lossy();
        println!(
            "    {name:<37} {:>8} {:>8} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}",
            ms(load),
            ms(times[0]),
            ms(times[1]),
            ms(times[2]),
            ms(times[3]),
            ms(times[4]),
            ms(times[5]),
            ms(braille_time)
        );
    }
    if let Some(first) = tables_compiled {
        println!(
            "    the first braille version, with compiling the Swedish tables: {:.1} ms",
            first.as_secs_f64() * 1000.0
        );
    }
    println!();
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let started = Instant::now();
    let value = f();
    (started.elapsed(), value)
}

/// (c) Many programmes: the seeds, one per municipality, with its name put in.
///
/// Every project is written before the first build and removed after the last: on this
/// machine's journal-less ext4, a file made within a minute or two of many files being deleted
/// costs the kernel up to a millisecond (it passes over each recently freed inode), so a build
/// timed right after the previous size's project was removed would pay for that removal
/// (benches/README.md (o)).
fn scale() {
    println!("(c) scale: N generated programmes, all default kinds, one process");
    println!(
        "    {:>5} {:>10} {:>16} {:>14} {:>12} {:>10} {:>12} {:>10}",
        "N", "wall", "programmes/s", "ms/programme", "peak RSS", "CPU", "cores busy", "of it sys"
    );
    let sizes = [10, 100, 290];
    let projects: Vec<_> = sizes
        .iter()
        .map(|&n| {
            let dir = tempfile::tempdir().unwrap();
            generate(dir.path(), n);
            dir
        })
        .collect();
    for (n, dir) in sizes.into_iter().zip(&projects) {
        let Ran {
            wall: time,
            cpu,
            sys,
            rss,
        } = run(&["build", "-q"], dir.path());
        let seconds = time.as_secs_f64();
        // CPU time and how many cores it kept busy: the wall time moves with the machine's
        // speed (10–25 % between runs here), the share of the cores a build uses much less.
        println!(
            "    {n:>5} {:>8.2} s {:>16.1} {:>14.1} {:>9.0} MiB {:>8.2} s {:>12.2} {:>8.2} s",
            seconds,
            n as f64 / seconds,
            1000.0 * seconds / n as f64,
            mib(rss),
            cpu.as_secs_f64(),
            cpu.as_secs_f64() / seconds,
            sys.as_secs_f64()
        );
    }
    println!();
}

/// (g) The build cache: what a build after nothing, one edit, or a layout change costs.
fn cached() {
    println!("(g) the build cache: 290 generated programmes, all default kinds");
    // Alone; in the four languages of the Norrbotten programme (Swedish, Finnish,
    // Meänkieli, North Sami); and with Arabic instead of Meänkieli (Latin text set right to left,
    // the slowest case).
    let translations: [&[&str]; 3] = [&[], &["fi", "fit", "se"], &["fi", "se", "ar"]];
    // Every project written before the first build and removed after the last, as in (c): a
    // build creating its files right after a removed project's thousands were deleted pays
    // for that removal in the kernel.
    let projects: Vec<_> = translations
        .iter()
        .map(|languages| {
            let dir = tempfile::tempdir().unwrap();
            generate(dir.path(), 290);
            translate_all(dir.path(), languages);
            dir
        })
        .collect();
    for (languages, dir) in translations.into_iter().zip(&projects) {
        if !languages.is_empty() {
            println!("    with translations into {}:", languages.join(", "));
        }
        let out = dir.path().join("out");
        let cold = run(&["build", "-q", "--force"], dir.path());
        let files = mtimes(&out);
        std::thread::sleep(Duration::from_millis(1100));
        let second = run(&["build", "-q"], dir.path());
        let after_second = mtimes(&out);
        let rewritten_second = changed(&files, &after_second);
        // One source edited.
        let source = walk_md(&dir.path().join("programmes"))[0].clone();
        let text = std::fs::read_to_string(&source).unwrap();
        std::fs::write(&source, format!("{text}\nEn mening till.\n")).unwrap();
        std::thread::sleep(Duration::from_millis(1100));
        let edit = run(&["build", "-q"], dir.path());
        let after_edit = mtimes(&out);
        let rewritten_edit = changed(&after_second, &after_edit);
        // One region's layout changed (a comment): its programmes are rendered again.
        let layout = dir.path().join("layouts/varmland/layout.yaml");
        let text = std::fs::read_to_string(&layout).unwrap();
        std::fs::write(&layout, format!("{text}\n# changed\n")).unwrap();
        let region = run(&["build", "-q"], dir.path());
        let rewritten_region = changed(&after_edit, &mtimes(&out));
        // `serve` on the same project, its cache warm: the time until the index answers.
        let served = serve_index_after(dir.path());
        let cached_again = run(&["build", "-q"], dir.path());
        println!(
            "    serve: index answered {:.2} s after start; a cached build {:.2} s ({:.3} ×)",
            served.as_secs_f64(),
            cached_again.wall.as_secs_f64(),
            served.as_secs_f64() / cached_again.wall.as_secs_f64().max(0.001)
        );
        let cache_bytes: u64 = walk_files(&dir.path().join(".trycksak/cache"))
            .iter()
            .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
            .sum();
        println!(
            "    {} programmes: cold {:.2} s ({:.0} MiB); nothing changed {:.3} s, {} files rewritten; \
             one edit {:.3} s, {} files rewritten; a region's layout {:.2} s, {} files rewritten; \
             cache {:.1} MiB in {} files",
            290 * (1 + languages.len()),
            cold.wall.as_secs_f64(),
            mib(cold.rss),
            second.wall.as_secs_f64(),
            rewritten_second,
            edit.wall.as_secs_f64(),
            rewritten_edit,
            region.wall.as_secs_f64(),
            rewritten_region,
            cache_bytes as f64 / 1048576.0,
            walk_files(&dir.path().join(".trycksak/cache")).len(),
        );
    }
    println!();
}

/// How long `trycksak serve` on the project at `dir` takes until its index answers.
fn serve_index_after(dir: &Path) -> Duration {
    use std::io::{Read, Write};
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let started = Instant::now();
    let mut child = Command::new(bin())
        .args(["serve", "-q", "--port", &port.to_string()])
        .current_dir(dir)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("trycksak serve runs");
    let answered = loop {
        let ok = std::net::TcpStream::connect(("127.0.0.1", port))
            .ok()
            .and_then(|mut stream| {
                write!(stream, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
                let mut response = Vec::new();
                stream.read_to_end(&mut response).ok()?;
                String::from_utf8_lossy(&response)
                    .starts_with("HTTP/1.1 200")
                    .then_some(())
            })
            .is_some();
        if ok || started.elapsed() > Duration::from_secs(120) {
            break started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = child.kill();
    let _ = child.wait();
    answered
}

/// Each programme's translations into `languages`: its text with `lang:` changed (what
/// `trycksak translate` starts from).
fn translate_all(dir: &Path, languages: &[&str]) {
    for source in walk_md(&dir.join("programmes")) {
        let text = std::fs::read_to_string(&source).unwrap();
        for lang in languages {
            let stem = source.file_stem().unwrap().to_string_lossy();
            let translated = text.replacen("lang: sv", &format!("lang: {lang}"), 1);
            std::fs::write(
                source.with_file_name(format!("{stem}.{lang}.md")),
                translated,
            )
            .unwrap();
        }
    }
}

fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(walk_files(&path));
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn walk_md(dir: &Path) -> Vec<PathBuf> {
    walk_files(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect()
}

fn mtimes(dir: &Path) -> std::collections::BTreeMap<PathBuf, std::time::SystemTime> {
    walk_files(dir)
        .into_iter()
        .filter_map(|p| Some((p.clone(), std::fs::metadata(&p).ok()?.modified().ok()?)))
        .collect()
}

fn changed(
    before: &std::collections::BTreeMap<PathBuf, std::time::SystemTime>,
    after: &std::collections::BTreeMap<PathBuf, std::time::SystemTime>,
) -> usize {
    after
        .iter()
        .filter(|(path, time)| before.get(*path) != Some(time) && !path.ends_with(".trycksak.lock"))
        .count()
}

/// Writes `n` programmes into a project at `dir`: seed `i % 3` with its region's name replaced
/// by municipality `i`'s.
fn generate(dir: &Path, n: usize) {
    copy_dir(&Path::new(REPO).join("layouts"), &dir.join("layouts"));
    for i in 0..n {
        let (seed, region_name) = SEEDS[i % SEEDS.len()];
        let base = MUNICIPALITIES[i % MUNICIPALITIES.len()];
        let name = match i / MUNICIPALITIES.len() {
            0 => base.to_string(),
            round => format!("{base} {}", round + 1),
        };
        let text = std::fs::read_to_string(Path::new(REPO).join(seed))
            .unwrap()
            .replace(region_name, &name);
        let source = Path::new(seed);
        let region = source.parent().unwrap();
        let slug = trycksak::source::suggest_name(&name);
        let target = dir.join(region).join(format!("{slug}.md"));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, text).unwrap();
    }
}
