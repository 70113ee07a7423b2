//! The HTTP layer of `trycksak serve`, built to be exposed: `httparse` reads each request's
//! head; this module holds the limits a preview server needs and the library it replaced
//! (tiny_http) had none of.
//!
//! - **Connections**: at most [`MAX_CONNECTIONS`] at once; past that a new one gets a `503` at
//!   once and is closed, and the accept loop goes on. An accept that fails (no file descriptors
//!   left, `EMFILE`) waits a moment and goes on: the server never stops listening.
//! - **Time**: a request's head must arrive within [`HEAD_TIMEOUT`] (a client that sends one
//!   byte a minute is closed); writing a response may take [`WRITE_TIMEOUT`].
//! - **Size**: a head over [`MAX_HEAD`] bytes is a `431` (`414` when the request line alone is);
//!   a request with a body is not read.
//! - **Form**: a head that does not parse is a `400`, another HTTP version than 1.0 and 1.1 a
//!   `505`. One request a connection (`Connection: close`): pages are few and small.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The most connections served at once (open event streams count).
pub const MAX_CONNECTIONS: usize = 256;
/// The most bytes of a request's line and headers.
pub const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request's head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long writing a response may take (an event stream's each write).
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// The most bytes of a refused request read and dropped before the connection closes.
const MAX_DRAINED: usize = 1024 * 1024;

/// A request's head, as read.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The request target as sent (`/a/b.html?x=1`).
    pub target: String,
    headers: Vec<(String, String)>,
}

impl Request {
    /// A header's value, by name in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A response to write.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body,
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// What answers a request: it writes to the connection itself (an event stream does, for as
/// long as the page is open) or returns a response to write.
pub type Handler = dyn Fn(&Request, &mut TcpStream) -> Option<Response> + Send + Sync;

/// Accepts connections on `listener` until the process ends, each served on a thread of its
/// own within the limits above.
pub fn serve(listener: TcpListener, handler: Arc<Handler>) {
    let open = Arc::new(AtomicUsize::new(0));
    for connection in listener.incoming() {
        let mut stream = match connection {
            Ok(stream) => stream,
            // Out of file descriptors, or the connection went before it was accepted: wait a
            // moment for connections to close, and go on listening.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
            let busy = Response::new(503, "text/plain; charset=utf-8", b"busy\n".to_vec())
                .with_header("Retry-After", "1");
            let _ = write(&mut stream, &busy, false);
            continue;
        }
        open.fetch_add(1, Ordering::SeqCst);
        let slot = Slot(Arc::clone(&open));
        let handler = Arc::clone(&handler);
        let spawned = std::thread::Builder::new()
            .name("trycksak-request".into())
            .spawn(move || {
                let _slot = slot;
                connection_of(stream, &*handler);
            });
        // No thread to be had: the connection is dropped (and its slot with the closure).
        drop(spawned);
    }
}

/// A connection's place among [`MAX_CONNECTIONS`], given back when it ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One connection: its request's head read and answered.
fn connection_of(mut stream: TcpStream, handler: &Handler) {
    let _ = stream.set_read_timeout(Some(HEAD_TIMEOUT));
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let request = match read_head(&mut stream) {
        Ok(request) => request,
        Err(Some(refusal)) => {
            let _ = write(&mut stream, &refusal, false);
            linger(&mut stream);
            return;
        }
        Err(None) => return,
    };
    let head_only = request.method == "HEAD";
    if let Some(response) = handler(&request, &mut stream) {
        let _ = write(&mut stream, &response, head_only);
    }
}

/// After refusing a request the client may still be sending (a huge header): its input read
/// and dropped for a moment, so that closing does not reset the connection before the client
/// has read the refusal.
fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut buffer = [0u8; 16 * 1024];
    let mut drained = 0;
    while drained < MAX_DRAINED {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// The request's head; `Err(Some(response))` for one to refuse with a status, `Err(None)` for
/// a connection that closed or timed out before sending one.
fn read_head(stream: &mut TcpStream) -> Result<Request, Option<Response>> {
    let mut head = Vec::with_capacity(1024);
    let mut buffer = [0u8; 4096];
    loop {
        if let Some(end) = head_end(&head) {
            head.truncate(end);
            break;
        }
        if head.len() > MAX_HEAD {
            let status = if head.contains(&b'\n') { 431 } else { 414 };
            return Err(Some(refusal(status)));
        }
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return Err(None),
            Ok(n) => head.extend_from_slice(&buffer[..n]),
        }
    }
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::Version) => return Err(Some(refusal(505))),
        Err(httparse::Error::TooManyHeaders) => return Err(Some(refusal(431))),
        Ok(httparse::Status::Partial) | Err(_) => return Err(Some(refusal(400))),
    }
    let (Some(method), Some(target)) = (parsed.method, parsed.path) else {
        return Err(Some(refusal(400)));
    };
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
        headers: parsed
            .headers
            .iter()
            .map(|h| {
                (
                    h.name.to_string(),
                    String::from_utf8_lossy(h.value).into_owned(),
                )
            })
            .collect(),
    })
}

/// Where a head ends: after its first empty line (`\r\n\r\n`, or `\n\n` from a client that
/// ends lines with LF alone).
fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = memchr::memmem::find(bytes, b"\r\n\r\n").map(|at| at + 4);
    let lf = memchr::memmem::find(bytes, b"\n\n").map(|at| at + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A short plain-text response with `status`.
pub fn refusal(status: u16) -> Response {
    Response::new(
        status,
        "text/plain; charset=utf-8",
        format!("{status} {}\n", reason(status)).into_bytes(),
    )
}

/// Writes `response` (its head only, for `HEAD`) and ends the connection's only exchange.
pub fn write(stream: &mut TcpStream, response: &Response, head_only: bool) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.body.len()
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// The reason phrase of the statuses the server sends.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        416 => "Range Not Satisfiable",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// The part of a body of `length` bytes a `Range` header asks for (one range of bytes):
/// `Ok(None)` for the whole, `Err(())` for a range the body does not have.
pub fn byte_range(header: Option<&str>, length: usize) -> Result<Option<(usize, usize)>, ()> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    // Several ranges are answered whole (allowed), rather than as multipart.
    if spec.contains(',') {
        return Ok(None);
    }
    let (start, end) = spec.split_once('-').ok_or(())?;
    let (start, end) = match (start.trim(), end.trim()) {
        ("", suffix) => {
            let suffix: usize = suffix.parse().map_err(|_| ())?;
            (
                length.saturating_sub(suffix),
                length.checked_sub(1).ok_or(())?,
            )
        }
        (start, "") => (
            start.parse().map_err(|_| ())?,
            length.checked_sub(1).ok_or(())?,
        ),
        (start, end) => (
            start.parse().map_err(|_| ())?,
            end.parse::<usize>()
                .map_err(|_| ())?
                .min(length.saturating_sub(1)),
        ),
    };
    if start > end || start >= length {
        return Err(());
    }
    Ok(Some((start, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_of_bytes() {
        assert_eq!(byte_range(None, 100), Ok(None));
        assert_eq!(byte_range(Some("bytes=0-9"), 100), Ok(Some((0, 9))));
        assert_eq!(byte_range(Some("bytes=90-"), 100), Ok(Some((90, 99))));
        assert_eq!(byte_range(Some("bytes=-10"), 100), Ok(Some((90, 99))));
        assert_eq!(byte_range(Some("bytes=50-500"), 100), Ok(Some((50, 99))));
        assert_eq!(byte_range(Some("bytes=100-"), 100), Err(()));
        assert_eq!(byte_range(Some("bytes=0-1,5-6"), 100), Ok(None));
        assert_eq!(head_end(b"GET / HTTP/1.1\nHost: x\n\n"), Some(24));
    }
}
