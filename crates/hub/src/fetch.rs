//! Fetching an official text from its address, safely: only http and
//! https; every address a name resolves to checked, and the connection
//! made to the checked address itself (so a name that resolves differently
//! a moment later cannot slip through); no loopback, private, link-local,
//! shared, multicast or cloud-metadata address, on the first request or
//! after any redirect; redirects bounded; size and time capped.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper::header::{CONTENT_TYPE, HOST, LOCATION, USER_AGENT};
use hyper::http::Uri;
use hyper_util::rt::TokioIo;
use passerelle_domain::document::MEDIA_TYPES;

/// Redirects followed at most.
pub const MAX_REDIRECTS: usize = 5;

/// What may be fetched; the default is the strict rule for a server.
#[derive(Clone, Debug)]
pub struct FetchPolicy {
    /// Addresses let through despite the rules: a test's own local server,
    /// never set from the configuration.
    pub allowed: Vec<SocketAddr>,
    pub max_bytes: usize,
    /// For the whole fetch, redirects included.
    pub time_limit: Duration,
}

impl Default for FetchPolicy {
    fn default() -> FetchPolicy {
        FetchPolicy {
            allowed: Vec::new(),
            max_bytes: passerelle_domain::document::MAX_DOCUMENT_BYTES,
            time_limit: Duration::from_secs(30),
        }
    }
}

/// Why an address was not fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("`{0}` is not an http or https address")]
    BadAddress(String),
    #[error(
        "{host} resolves to {ip}, an address that is not public ({why}); only public addresses are fetched"
    )]
    NotPublic {
        host: String,
        ip: IpAddr,
        why: &'static str,
    },
    #[error("{0} does not resolve to any address")]
    Unresolved(String),
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    #[error("the file is larger than {0} bytes")]
    TooLarge(usize),
    #[error("the fetch took more than {0} s")]
    TimedOut(u64),
    #[error("the server answered {0}")]
    Status(u16),
    #[error("the server sent {0}, not a text Passerelle reads (PDF, DOCX, HTML or plain text)")]
    Unsupported(String),
    #[error("the connection failed: {0}")]
    Network(String),
}

impl FetchError {
    /// Every refusal's key, for the pages' messages (`fetch-` + key).
    pub const KEYS: [&'static str; 9] = [
        "bad-address",
        "not-public",
        "unresolved",
        "redirects",
        "too-large",
        "too-slow",
        "status",
        "unsupported",
        "network",
    ];

    /// The key of the pages' message for this refusal (one of [`Self::KEYS`]).
    pub fn key(&self) -> &'static str {
        match self {
            FetchError::BadAddress(_) => "bad-address",
            FetchError::NotPublic { .. } => "not-public",
            FetchError::Unresolved(_) => "unresolved",
            FetchError::TooManyRedirects => "redirects",
            FetchError::TooLarge(_) => "too-large",
            FetchError::TimedOut(_) => "too-slow",
            FetchError::Status(_) => "status",
            FetchError::Unsupported(_) => "unsupported",
            FetchError::Network(_) => "network",
        }
    }
}

/// A file fetched: the address it finally came from, its type and name.
#[derive(Debug)]
pub struct Fetched {
    pub url: String,
    pub media_type: String,
    pub file_name: String,
    pub bytes: Bytes,
}

/// Why `ip` is not public, if it is not.
pub fn not_public(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => not_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return not_public_v4(v4);
            }
            let s = v6.segments();
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("unspecified")
            } else if v6.is_multicast() {
                Some("multicast")
            } else if s[0] & 0xfe00 == 0xfc00 {
                Some("private")
            } else if s[0] & 0xffc0 == 0xfe80 || s[0] & 0xffc0 == 0xfec0 {
                Some("link-local")
            } else if s[0] == 0x2001 && s[1] == 0x0db8 {
                Some("documentation")
            } else if s[0] == 0x0064 && s[1] == 0xff9b {
                // NAT64: the IPv4 address inside decides.
                let v4 =
                    Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
                not_public_v4(v4)
            } else if s[0] == 0 && s[1..6].iter().all(|x| *x == 0) {
                // IPv4-compatible (deprecated) forms.
                Some("reserved")
            } else {
                None
            }
        }
    }
}

fn not_public_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (0, ..) => "unspecified",
        (127, ..) => "loopback",
        (10, ..) | (172, 16..=31, _) | (192, 168, _) => "private",
        (169, 254, _) => "link-local, where cloud metadata services answer",
        (100, 64..=127, _) => "shared address space",
        (192, 0, 0) | (198, 18..=19, _) => "reserved",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (224..=239, ..) => "multicast",
        (240..=255, ..) => "reserved",
        _ => return None,
    })
}

/// Fetches `url` under `policy`, following redirects.
pub async fn fetch(url: &str, policy: &FetchPolicy) -> Result<Fetched, FetchError> {
    let limit = policy.time_limit;
    tokio::time::timeout(limit, fetch_unbounded(url, policy))
        .await
        .unwrap_or(Err(FetchError::TimedOut(limit.as_secs())))
}

async fn fetch_unbounded(url: &str, policy: &FetchPolicy) -> Result<Fetched, FetchError> {
    let mut uri = parse(url)?;
    for _ in 0..=MAX_REDIRECTS {
        let (status, headers, body) = get(&uri, policy).await?;
        if status.is_redirection() {
            let location = headers
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .ok_or(FetchError::Status(status.as_u16()))?;
            uri = parse(&resolve(&uri, location))?;
            continue;
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let declared = headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(passerelle_domain::document::media_type_of)
            .unwrap_or_default();
        let bytes = read_capped(body, policy.max_bytes).await?;
        let media_type = media_type(&declared, uri.path(), &bytes)
            .ok_or_else(|| FetchError::Unsupported(declared.clone()))?;
        return Ok(Fetched {
            file_name: file_name(uri.path(), &media_type),
            url: uri.to_string(),
            media_type,
            bytes,
        });
    }
    Err(FetchError::TooManyRedirects)
}

fn parse(url: &str) -> Result<Uri, FetchError> {
    let bad = || FetchError::BadAddress(url.to_string());
    let uri: Uri = url.trim().parse().map_err(|_| bad())?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        _ => return Err(bad()),
    }
    let authority = uri.authority().ok_or_else(bad)?;
    // No user name or password in the address.
    if authority.as_str().contains('@') || authority.host().is_empty() {
        return Err(bad());
    }
    Ok(uri)
}

/// `location` (absolute, or relative to `base`) as an absolute address.
fn resolve(base: &Uri, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_string();
    }
    let scheme = base.scheme_str().unwrap_or("https");
    let authority = base.authority().map(|a| a.as_str()).unwrap_or("");
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    let dir = base.path().rsplit_once('/').map_or("", |(d, _)| d);
    format!("{scheme}://{authority}{dir}/{location}")
}

type Body = hyper::body::Incoming;

/// One request to the checked address of `uri`'s host.
async fn get(
    uri: &Uri,
    policy: &FetchPolicy,
) -> Result<(hyper::StatusCode, hyper::HeaderMap, Body), FetchError> {
    let https = uri.scheme_str() == Some("https");
    let host = uri.host().unwrap_or_default().trim_matches(['[', ']']);
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let addr = checked_address(host, port, policy).await?;
    let network = |e: std::io::Error| FetchError::Network(e.to_string());
    let tcp = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(network)?;
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    let authority = uri.authority().map(|a| a.as_str()).unwrap_or(host);
    let request = Request::get(path)
        .header(HOST, authority)
        .header(USER_AGENT, "Passerelle (fetching an agreement's text)")
        .body(Empty::<Bytes>::new())
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if https {
        let name = tokio_rustls::rustls::pki_types::ServerName::try_from(host.to_string())
            .map_err(|_| FetchError::BadAddress(uri.to_string()))?;
        let tls = tls().connect(name, tcp).await.map_err(network)?;
        send(TokioIo::new(tls), request).await
    } else {
        send(TokioIo::new(tcp), request).await
    }
}

async fn send<T>(
    io: TokioIo<T>,
    request: Request<Empty<Bytes>>,
) -> Result<(hyper::StatusCode, hyper::HeaderMap, Body), FetchError>
where
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let failed = |e: hyper::Error| FetchError::Network(e.to_string());
    let (mut sender, connection) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(failed)?;
    tokio::spawn(connection);
    let response = sender.send_request(request).await.map_err(failed)?;
    let (parts, body) = response.into_parts();
    Ok((parts.status, parts.headers, body))
}

fn tls() -> &'static tokio_rustls::TlsConnector {
    static TLS: OnceLock<tokio_rustls::TlsConnector> = OnceLock::new();
    TLS.get_or_init(|| {
        use tokio_rustls::rustls;
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        // rustls marks its ring provider deprecated for want of
        // post-quantum key exchange. What is fetched is a public text, so
        // the exchange's long-term secrecy is not at stake, and ring keeps
        // the build free of aws-lc's C toolchain on small machines.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("the ring provider supports the default versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        tokio_rustls::TlsConnector::from(Arc::new(config))
    })
}

/// The address to connect to for `host`: every address it resolves to
/// must be public (one that is not refuses the name, so that a name
/// cannot mix a public address with an internal one), unless the policy
/// lets that exact address through.
async fn checked_address(
    host: &str,
    port: u16,
    policy: &FetchPolicy,
) -> Result<SocketAddr, FetchError> {
    let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => tokio::net::lookup_host((host, port))
            .await
            .map_err(|_| FetchError::Unresolved(host.to_string()))?
            .collect(),
    };
    for a in &addrs {
        if policy.allowed.contains(a) {
            continue;
        }
        if let Some(why) = not_public(a.ip()) {
            return Err(FetchError::NotPublic {
                host: host.to_string(),
                ip: a.ip(),
                why,
            });
        }
    }
    addrs
        .first()
        .copied()
        .ok_or_else(|| FetchError::Unresolved(host.to_string()))
}

async fn read_capped(mut body: Body, max: usize) -> Result<Bytes, FetchError> {
    let mut out = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| FetchError::Network(e.to_string()))?;
        if let Some(data) = frame.data_ref() {
            if out.len() + data.len() > max {
                return Err(FetchError::TooLarge(max));
            }
            out.extend_from_slice(data);
        }
    }
    Ok(out.into())
}

/// The media type of a fetched file: the declared one when Passerelle
/// reads it, otherwise what the bytes or the address's extension say.
fn media_type(declared: &str, path: &str, bytes: &[u8]) -> Option<String> {
    let declared = match declared {
        "application/xhtml+xml" => "text/html",
        other => other,
    };
    if MEDIA_TYPES.contains(&declared) {
        return Some(declared.to_string());
    }
    if bytes.starts_with(b"%PDF-") {
        return Some("application/pdf".into());
    }
    if let Some(image) = passerelle_extract::image_type(bytes) {
        return Some(image.into());
    }
    let lower = path.to_ascii_lowercase();
    let by_name = [
        (".pdf", "application/pdf"),
        (
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (".html", "text/html"),
        (".htm", "text/html"),
        (".txt", "text/plain"),
        (".png", "image/png"),
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".tif", "image/tiff"),
        (".tiff", "image/tiff"),
    ];
    by_name
        .iter()
        .find(|(ext, _)| lower.ends_with(ext))
        .map(|(_, t)| t.to_string())
        .filter(|_| {
            matches!(
                declared,
                "" | "application/octet-stream" | "binary/octet-stream"
            )
        })
}

/// A file name from the address's last segment (decoded, no folders, not
/// starting with `-`), or one made from the type.
fn file_name(path: &str, media_type: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or("");
    let decoded: String = form_urlencoded::parse(format!("n={last}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let clean: String = decoded
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .take(200)
        .collect();
    let clean = clean.trim().trim_start_matches('-').to_string();
    if !clean.is_empty() && clean.contains('.') {
        return clean;
    }
    let ext = match media_type {
        "application/pdf" => "pdf",
        "text/html" => "html",
        "text/plain" => "txt",
        _ => "docx",
    };
    let stem = if clean.is_empty() { "text" } else { &clean };
    format!("{stem}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses_are_not_public() {
        for (ip, internal) in [
            ("127.0.0.1", true),
            ("10.1.2.3", true),
            ("172.20.0.1", true),
            ("192.168.1.1", true),
            ("169.254.169.254", true),
            ("100.100.100.200", true),
            ("0.0.0.0", true),
            ("::1", true),
            ("::ffff:127.0.0.1", true),
            ("::ffff:169.254.169.254", true),
            ("fd00::1", true),
            ("fe80::1", true),
            ("64:ff9b::a9fe:a9fe", true),
            ("8.8.8.8", false),
            ("196.200.1.1", false),
            ("2a00:1450:4007::1", false),
        ] {
            let ip: IpAddr = ip.parse().unwrap();
            assert_eq!(not_public(ip).is_some(), internal, "{ip}");
        }
    }

    #[test]
    fn addresses_names_and_types() {
        assert!(parse("ftp://example.org/a").is_err());
        assert!(parse("file:///etc/passwd").is_err());
        assert!(parse("http://user:pw@example.org/").is_err());
        assert!(parse("https://www.sgg.gov.ma/BO/fr/2023/bo_7200.pdf").is_ok());
        let base: Uri = "https://example.org/bo/2023/index.html".parse().unwrap();
        assert_eq!(resolve(&base, "/x.pdf"), "https://example.org/x.pdf");
        assert_eq!(resolve(&base, "y.pdf"), "https://example.org/bo/2023/y.pdf");
        assert_eq!(
            resolve(&base, "//cdn.example.org/z"),
            "https://cdn.example.org/z"
        );
        assert_eq!(
            file_name("/bo/BO%207200.pdf", "application/pdf"),
            "BO 7200.pdf"
        );
        assert_eq!(file_name("/", "text/html"), "text.html");
        assert_eq!(file_name("/-rf", "text/plain"), "rf.txt");
        assert_eq!(
            media_type("application/octet-stream", "/a.PDF", b"x").as_deref(),
            Some("application/pdf")
        );
        assert_eq!(media_type("image/gif", "/a.gif", b"x"), None);
        // A scan published as an image is read by OCR.
        assert_eq!(
            media_type("application/octet-stream", "/scan", b"\x89PNG\r\n\x1a\n").as_deref(),
            Some("image/png")
        );
        assert_eq!(
            media_type("application/octet-stream", "/page.TIF", b"x").as_deref(),
            Some("image/tiff")
        );
        assert_eq!(
            media_type("text/html", "/", b"<p>").as_deref(),
            Some("text/html")
        );
    }
}
