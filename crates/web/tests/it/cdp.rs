//! A small synchronous driver for headless Chromium over the Chrome DevTools
//! Protocol, for browser tests.
//!
//! The protocol runs over `--remote-debugging-pipe` (NUL-terminated JSON on
//! fds 3 and 4), so no WebSocket or async runtime is needed. A reader thread
//! routes replies by `id` and keeps the events that waits look for; every
//! wait has a timeout so a stuck browser fails a test instead of hanging it.

// Not every test uses every helper.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::io::{BufRead, BufReader, PipeWriter, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Long enough for a cold start on a loaded 2-core CI machine, short enough
/// that a hung page fails the test in reasonable time.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Caps the kept events so a long test cannot grow memory without bound;
/// waits only look at events since their own command, far fewer than this.
const MAX_EVENTS: usize = 10_000;

/// Starts watching for a navigation of this document. The Navigation API's
/// `navigate` event fires synchronously inside `click()` and key handling for
/// links and `location` changes; a form submission only plans its navigation
/// for a later task, but its `submit` event is synchronous.
const WATCH_JS: &str = "
    window.__cdpNav = { nav: null, submit: null };
    window.__cdpNav.onNav = (e) => { window.__cdpNav.nav = e; };
    window.__cdpNav.onSubmit = (e) => { window.__cdpNav.submit = e; };
    navigation.addEventListener('navigate', window.__cdpNav.onNav);
    window.addEventListener('submit', window.__cdpNav.onSubmit, true);
";

/// Stops the watch: true if a navigation of this page started, 'replaced' if
/// the document already changed. Read after the events finished dispatching,
/// so a handler's preventDefault counts.
const CHECK_JS: &str = "(() => {
    const s = window.__cdpNav;
    if (!s) return 'replaced';
    delete window.__cdpNav;
    navigation.removeEventListener('navigate', s.onNav);
    window.removeEventListener('submit', s.onSubmit, true);
    const n = s.nav;
    if (n && !n.defaultPrevented && !n.destination.sameDocument && !n.downloadRequest) {
        return true;
    }
    const f = s.submit;
    if (!f || f.defaultPrevented) return false;
    // Attributes, not properties: a field named `method` or `target` would
    // shadow the form's property.
    const attr = (name) => (f.submitter && f.submitter.getAttribute('form' + name))
        || Element.prototype.getAttribute.call(f.target, name) || '';
    const target = attr('target').toLowerCase();
    return attr('method').toLowerCase() !== 'dialog' && (target === '' || target === '_self');
})()";

const AXE_SOURCE: &str = include_str!("../vendor/axe-core/axe.min.js");

/// The rule tags the project holds its pages to: WCAG 2.1 A and AA, plus
/// axe's best practices.
const AXE_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/// A running headless Chromium; dropping it kills the browser and removes
/// its profile, so a failing test leaves nothing behind.
pub struct Browser {
    conn: Arc<Conn>,
    child: Child,
    /// Holds the profile and the browser's log; removed on drop, after the
    /// browser is dead.
    dir: tempfile::TempDir,
}

/// One tab with its own CDP session.
pub struct Page {
    conn: Arc<Conn>,
    target_id: String,
    session: String,
    main_frame: String,
}

/// One axe-core rule that failed, with the nodes that failed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The axe rule id, e.g. `image-alt`.
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    pub help: String,
    /// One CSS selector per failing node. Steps into an iframe are joined
    /// with ` >> ` and into a shadow root with ` >>> `.
    pub targets: Vec<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {} [{}]",
            self.id,
            self.impact,
            self.help,
            self.targets.join(", ")
        )
    }
}

impl Browser {
    /// Starts headless Chromium; Err with a clear message if it cannot be
    /// found or started.
    ///
    /// The binary is `PASSERELLE_CHROMIUM` if set, else `/usr/bin/chromium`.
    pub fn launch() -> Result<Browser, String> {
        let binary =
            std::env::var("PASSERELLE_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let dir = tempfile::Builder::new()
            .prefix("passerelle-chromium-")
            .tempdir()
            .map_err(|e| format!("cannot create a temporary profile directory: {e}"))?;
        let profile = dir.path().join("profile");
        let log_path = dir.path().join("chromium.log");
        let log = std::fs::File::create(&log_path)
            .map_err(|e| format!("cannot create {}: {e}", log_path.display()))?;
        let log_err = log
            .try_clone()
            .map_err(|e| format!("cannot share the browser log file: {e}"))?;

        // The browser reads commands from fd 3 and writes to fd 4.
        let (cmd_read, cmd_write) =
            std::io::pipe().map_err(|e| format!("cannot create a pipe: {e}"))?;
        let (evt_read, evt_write) =
            std::io::pipe().map_err(|e| format!("cannot create a pipe: {e}"))?;
        let (child_in, child_out) = (cmd_read.as_raw_fd(), evt_write.as_raw_fd());

        let mut command = Command::new(&binary);
        command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                // Without these three the browser tries to reach Google's
                // services, and on a closed network its connections are
                // refused.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-pipe",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err)
            // Its own process group, so drop can kill the renderers too.
            .process_group(0);
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork
        // and exec. The pipe fds are close-on-exec; duplicating them first
        // to fds above 10 keeps the two dup2 calls from clobbering each
        // other or being no-ops that would leave close-on-exec set.
        unsafe {
            command.pre_exec(move || {
                let a = libc::fcntl(child_in, libc::F_DUPFD_CLOEXEC, 10);
                let b = libc::fcntl(child_out, libc::F_DUPFD_CLOEXEC, 10);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!(
                "Chromium not found at {binary}: install the `chromium` package or set \
                 PASSERELLE_CHROMIUM to its path"
            ),
            _ => format!("cannot start Chromium ({binary}): {e}"),
        })?;
        // Only the browser may hold these ends, or we would never see EOF
        // when it dies.
        drop(cmd_read);
        drop(evt_write);

        let conn = Arc::new(Conn {
            writer: Mutex::new(cmd_write),
            next_id: AtomicU64::new(1),
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        });
        let reader_conn = Arc::clone(&conn);
        std::thread::Builder::new()
            .name("cdp-reader".into())
            .spawn(move || reader_conn.read_loop(BufReader::new(evt_read)))
            .map_err(|e| format!("cannot start the CDP reader thread: {e}"))?;

        let browser = Browser { conn, child, dir };
        // The first reply proves the browser is up and speaking CDP. Denying
        // downloads keeps a test that follows an export link from writing
        // into the home directory.
        let ready = browser.conn.call(
            None,
            "Browser.setDownloadBehavior",
            json!({ "behavior": "deny" }),
        );
        if let Err(e) = ready {
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(20).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!(
                "Chromium ({binary}) did not start: {e}\n--- its log ---\n{}",
                tail.join("\n")
            ));
        }
        Ok(browser)
    }

    /// A new tab (target) with its own session (Target.createTarget +
    /// Target.attachToTarget flatten:true).
    pub fn new_page(&self) -> Result<Page, String> {
        let created =
            self.conn
                .call(None, "Target.createTarget", json!({ "url": "about:blank" }))?;
        let target_id = str_field(&created, "targetId", "Target.createTarget")?;
        let attached = self.conn.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
        )?;
        let session = str_field(&attached, "sessionId", "Target.attachToTarget")?;
        let mut page = Page {
            conn: Arc::clone(&self.conn),
            target_id,
            session,
            main_frame: String::new(),
        };
        page.call("Page.enable", json!({}))?;
        let tree = page.call("Page.getFrameTree", json!({}))?;
        page.main_frame = tree
            .pointer("/frameTree/frame/id")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("Page.getFrameTree: no main frame id: {tree}"))?
            .to_owned();
        // Lifecycle events carry the loader id, which ties a load event to
        // the navigation that was waited for rather than an earlier one.
        page.call("Page.setLifecycleEventsEnabled", json!({ "enabled": true }))?;
        // For the status of the main document.
        page.call("Network.enable", json!({}))?;
        // Every document records what its Content-Security-Policy blocked
        // (see `Page::csp_violations`). Scripts added through the protocol
        // run whatever the policy says.
        page.call(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber));" }),
        )?;
        Ok(page)
    }

    /// Where the browser's stdout and stderr go, for debugging a failure.
    pub fn log_path(&self) -> std::path::PathBuf {
        self.dir.path().join("chromium.log")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // SIGKILL the whole group: renderers and the GPU process die with
        // the browser, and nothing is left writing into the profile that the
        // TempDir is about to remove.
        if let Ok(pid) = i32::try_from(self.child.id()) {
            // SAFETY: plain syscall; the group is the one the child leads.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Page {
    /// Sizes the viewport, for layout checks and screenshots at a known
    /// width (Emulation.setDeviceMetricsOverride).
    pub fn set_viewport(&self, width: u32, height: u32) -> Result<(), String> {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": width,
                "height": height,
                "deviceScaleFactor": 1,
                "mobile": false,
            }),
        )?;
        Ok(())
    }

    /// Makes the page ignore its Content-Security-Policy from the next
    /// navigation on (Page.setBypassCSP). Only needed to run scripts that the
    /// policy would block; [`Page::axe`] does not need it.
    pub fn bypass_csp(&self) -> Result<(), String> {
        self.call("Page.setBypassCSP", json!({ "enabled": true }))?;
        Ok(())
    }

    /// Navigates and waits for the load event; returns the HTTP status of the
    /// main document (None when there is none, as for `about:blank` or a
    /// same-document navigation). Network failures are Err, HTTP error
    /// statuses are not: a test may mean to reach a 404 page.
    pub fn goto(&self, url: &str) -> Result<Option<u16>, String> {
        let since = self.conn.mark();
        let nav = self.call("Page.navigate", json!({ "url": url }))?;
        if let Some(err) = nav.get("errorText").and_then(Value::as_str)
            && !err.is_empty()
        {
            return Err(format!("navigating to {url}: {err}"));
        }
        let Some(loader) = nav.get("loaderId").and_then(Value::as_str) else {
            // Same-document navigation (only the fragment changed): no load.
            return Ok(None);
        };
        self.wait_load(loader, since)
            .map_err(|e| format!("navigating to {url}: {e}"))
    }

    /// What the page's Content-Security-Policy blocked since the document
    /// loaded: a style or script the policy does not allow, one per entry.
    pub fn csp_violations(&self) -> Result<Vec<String>, String> {
        let v = self.eval("window.__cspViolations || []")?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Runtime.evaluate with awaitPromise and returnByValue; a thrown
    /// exception or a rejected promise becomes Err with its description.
    /// `undefined` comes back as `null`. It does not wait for a navigation
    /// the script starts: use [`Page::click`], [`Page::press`] or
    /// [`Page::goto`] for those.
    pub fn eval(&self, js: &str) -> Result<Value, String> {
        let reply = self.call(
            "Runtime.evaluate",
            json!({
                "expression": js,
                "awaitPromise": true,
                "returnByValue": true,
                "userGesture": true,
            }),
        )?;
        if let Some(details) = reply.get("exceptionDetails") {
            let message = details
                .pointer("/exception/description")
                .and_then(Value::as_str)
                .or_else(|| details.get("text").and_then(Value::as_str))
                .unwrap_or("unknown exception");
            return Err(format!("script threw: {message}"));
        }
        let result = reply
            .get("result")
            .ok_or("Runtime.evaluate: reply without a result")?;
        if let Some(value) = result.get("value") {
            return Ok(value.clone());
        }
        // NaN, Infinity, -0 and BigInt have no JSON form.
        if let Some(raw) = result.get("unserializableValue").and_then(Value::as_str) {
            return Ok(Value::String(raw.to_owned()));
        }
        Ok(Value::Null)
    }

    /// Evaluates `js` until it is truthy and returns that value, for changes
    /// that come without a navigation (an htmx swap, a fetch). Errors while
    /// waiting, as when a navigation replaces the document mid-evaluation,
    /// count as not yet; the last one is in the timeout's message.
    pub fn wait_for(&self, js: &str) -> Result<Value, String> {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = String::from("never evaluated");
        while Instant::now() < deadline {
            match self.eval(js) {
                Ok(v) if truthy(&v) => return Ok(v),
                Ok(v) => last = format!("last value {v}"),
                Err(e) => last = e,
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!(
            "waiting for {js}: still false after {}s ({last})",
            TIMEOUT.as_secs()
        ))
    }

    /// Clicks the first element matching a CSS selector and, if that starts
    /// a navigation of this page, waits for the new page's load event, so
    /// the next call sees the new page.
    pub fn click(&self, selector: &str) -> Result<(), String> {
        let since = self.conn.mark();
        let selector_js = Value::String(selector.to_owned()).to_string();
        // One evaluation: the click, and whether it started a navigation,
        // seen from the same document with no race.
        let started = self.eval(&format!(
            "(() => {{
                const el = document.querySelector({selector_js});
                if (!el) throw new Error('no element matches ' + {selector_js});
                {WATCH_JS}
                el.click();
                return {CHECK_JS};
            }})()"
        ))?;
        if started == Value::Bool(true) {
            self.wait_navigation(since)
                .map_err(|e| format!("after clicking {selector}: {e}"))?;
        }
        Ok(())
    }

    /// Sends a real key press (Input.dispatchKeyEvent keyDown/keyUp), as a
    /// keyboard user would: "Tab", "Enter", "Escape", "ArrowDown", "a", and
    /// modifiers as "Shift+Tab". If the key starts a navigation (Enter on a
    /// link or in a form), waits for the new page's load event.
    pub fn press(&self, key: &str) -> Result<(), String> {
        let (modifiers, key_name) = parse_key(key)?;
        let (code, key_code, text) =
            key_definition(key_name).ok_or_else(|| format!("press: unknown key {key_name:?}"))?;
        let since = self.conn.mark();
        // A navigation may commit before a later evaluation could ask about
        // it, so the watch set up here also marks the document: if the mark
        // is gone afterwards, the document was replaced.
        self.eval(WATCH_JS)?;
        let mut down = json!({
            "type": if text.is_some() { "keyDown" } else { "rawKeyDown" },
            "modifiers": modifiers,
            "key": key_name,
            "code": code,
            "windowsVirtualKeyCode": key_code,
            "nativeVirtualKeyCode": key_code,
        });
        if let Some(text) = text {
            down["text"] = json!(text);
            down["unmodifiedText"] = json!(text);
        }
        self.call("Input.dispatchKeyEvent", down)?;
        self.call(
            "Input.dispatchKeyEvent",
            json!({
                "type": "keyUp",
                "modifiers": modifiers,
                "key": key_name,
                "code": code,
                "windowsVirtualKeyCode": key_code,
                "nativeVirtualKeyCode": key_code,
            }),
        )?;
        if self.eval(CHECK_JS)? != Value::Bool(false) {
            self.wait_navigation(since)
                .map_err(|e| format!("after pressing {key}: {e}"))?;
        }
        Ok(())
    }

    /// Writes a full-page PNG to `path` (Page.captureScreenshot with
    /// captureBeyondViewport, clipped to the whole content).
    pub fn screenshot(&self, path: &Path) -> Result<(), String> {
        let metrics = self.call("Page.getLayoutMetrics", json!({}))?;
        let size = |name: &str| {
            metrics
                .pointer(&format!("/cssContentSize/{name}"))
                .and_then(Value::as_f64)
                .ok_or_else(|| format!("Page.getLayoutMetrics: no cssContentSize.{name}"))
        };
        let (width, height) = (size("width")?, size("height")?);
        let shot = self.call(
            "Page.captureScreenshot",
            json!({
                "format": "png",
                "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": width, "height": height, "scale": 1 },
            }),
        )?;
        let data = shot
            .get("data")
            .and_then(Value::as_str)
            .ok_or("Page.captureScreenshot: reply without data")?;
        let png = base64_decode(data).map_err(|e| format!("Page.captureScreenshot: {e}"))?;
        std::fs::write(path, png).map_err(|e| format!("writing {}: {e}", path.display()))
    }

    /// Runs axe-core on the current document with the project's rule tags
    /// and returns the violations (empty when the page passes).
    ///
    /// axe is injected through the DevTools protocol, which a page's
    /// Content-Security-Policy does not govern, so the app's CSP stays in
    /// force during the test.
    pub fn axe(&self) -> Result<Vec<Violation>, String> {
        // Inject once per document: the source is 650 kB.
        if self.eval("typeof window.axe")? != Value::String("object".into()) {
            self.eval(AXE_SOURCE)
                .map_err(|e| format!("injecting axe-core: {e}"))?;
        }
        let tags = Value::from(AXE_TAGS.to_vec()).to_string();
        let found = self.eval(&format!(
            "axe.run(document, {{
                runOnly: {{ type: 'tag', values: {tags} }},
                resultTypes: ['violations'],
            }}).then((r) => r.violations.map((v) => ({{
                id: v.id,
                impact: v.impact || 'unknown',
                help: v.help,
                targets: v.nodes.map((n) => n.target
                    .map((t) => Array.isArray(t) ? t.join(' >>> ') : t)
                    .join(' >> ')),
            }})))"
        ))?;
        let list = found
            .as_array()
            .ok_or_else(|| format!("axe returned {found} instead of a list"))?;
        list.iter().map(violation_from).collect()
    }

    /// Sends any CDP command on this page's session, for what this module
    /// lacks.
    pub fn call(&self, method: &str, params: Value) -> Result<Value, String> {
        self.conn.call(Some(&self.session), method, params)
    }

    /// Waits for the next main-frame navigation after event `since` to load.
    fn wait_navigation(&self, since: u64) -> Result<Option<u16>, String> {
        let event = self.conn.wait_event(since, |e| {
            self.is_main_frame_event(e, "Page.frameNavigated")
                // A download or a 204 ends the navigation without a new
                // document. A stale stop of the previous document cannot be
                // taken for it: every wait for a load also waits for the stop.
                || self.is_main_frame_event(e, "Page.frameStoppedLoading")
        })?;
        if event.method == "Page.frameStoppedLoading" {
            return Ok(None);
        }
        let loader = event
            .params
            .pointer("/frame/loaderId")
            .and_then(Value::as_str)
            .ok_or("Page.frameNavigated without a frame.loaderId")?;
        self.wait_load(loader, since)
    }

    /// Waits until the document that `loader` brings has fired its load
    /// event and the frame has stopped loading, and returns its HTTP status.
    fn wait_load(&self, loader: &str, since: u64) -> Result<Option<u16>, String> {
        let of_loader =
            |e: &Event, key: &str| e.params.pointer(key).and_then(Value::as_str) == Some(loader);
        let committed = self.conn.wait_event(since, |e| {
            self.is_main_frame_event(e, "Page.frameNavigated") && of_loader(e, "/frame/loaderId")
        })?;
        if let Some(url) = committed
            .params
            .pointer("/frame/unreachableUrl")
            .and_then(Value::as_str)
        {
            return Err(format!("{url} could not be loaded"));
        }
        self.conn.wait_event(since, |e| {
            e.session.as_deref() == Some(&self.session)
                && e.method == "Page.lifecycleEvent"
                && e.params.get("name").and_then(Value::as_str) == Some("load")
                && of_loader(e, "/loaderId")
        })?;
        // The stop comes just after the load event; waiting for it here
        // keeps it from being mistaken for the end of the next navigation.
        self.conn.wait_event(committed.seq, |e| {
            self.is_main_frame_event(e, "Page.frameStoppedLoading")
        })?;
        let response = self.conn.find_event(since, |e| {
            e.session.as_deref() == Some(&self.session)
                && e.method == "Network.responseReceived"
                && of_loader(e, "/loaderId")
        });
        Ok(response
            .and_then(|r| r.pointer("/response/status").and_then(Value::as_u64))
            .and_then(|s| u16::try_from(s).ok()))
    }

    fn is_main_frame_event(&self, e: &Event, method: &str) -> bool {
        if e.session.as_deref() != Some(&self.session) || e.method != method {
            return false;
        }
        let frame_id = match method {
            "Page.frameNavigated" => e.params.pointer("/frame/id"),
            _ => e.params.get("frameId"),
        };
        frame_id.and_then(Value::as_str) == Some(&self.main_frame)
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        // Fire and forget: a closed tab frees the renderer, and a browser
        // already gone has nothing to close.
        self.conn.send(
            None,
            "Target.closeTarget",
            json!({ "targetId": self.target_id }),
        );
    }
}

/// One event from the browser, numbered in arrival order.
#[derive(Clone)]
struct Event {
    seq: u64,
    session: Option<String>,
    method: String,
    params: Value,
}

#[derive(Default)]
struct State {
    /// Replies by command id; None until it arrives. Only ids someone waits
    /// for are here, so late or unwanted replies are dropped.
    replies: HashMap<u64, Option<Value>>,
    events: VecDeque<Event>,
    next_seq: u64,
    /// Why the pipe from the browser closed, once it has.
    closed: Option<String>,
}

struct Conn {
    writer: Mutex<PipeWriter>,
    next_id: AtomicU64,
    state: Mutex<State>,
    changed: Condvar,
}

impl Conn {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere while holding the lock leaves the state usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The number the next event will get: waits look from there on.
    fn mark(&self) -> u64 {
        self.lock().next_seq
    }

    fn write(
        &self,
        id: u64,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> Result<(), String> {
        // Built by hand so that `params` (axe's 650 kB source, say) is moved,
        // not copied.
        let mut message = serde_json::Map::new();
        message.insert("id".into(), id.into());
        message.insert("method".into(), method.into());
        message.insert("params".into(), params);
        if let Some(session) = session {
            message.insert("sessionId".into(), session.into());
        }
        let message = Value::Object(message);
        let mut bytes = message.to_string().into_bytes();
        bytes.push(0);
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        writer
            .write_all(&bytes)
            .map_err(|e| format!("{method}: cannot write to the browser: {e}"))
    }

    /// Sends a command without waiting for its reply.
    fn send(&self, session: Option<&str>, method: &str, params: Value) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let _ = self.write(id, session, method, params);
    }

    /// Sends a command and waits for its reply; a CDP error becomes Err.
    fn call(&self, session: Option<&str>, method: &str, params: Value) -> Result<Value, String> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.lock().replies.insert(id, None);
        if let Err(e) = self.write(id, session, method, params) {
            self.lock().replies.remove(&id);
            return Err(e);
        }
        let deadline = Instant::now() + TIMEOUT;
        let mut state = self.lock();
        let reply = loop {
            if let Some(Some(_)) = state.replies.get(&id) {
                break state.replies.remove(&id).flatten();
            }
            if let Some(why) = &state.closed {
                let why = why.clone();
                state.replies.remove(&id);
                return Err(format!("{method}: the browser went away ({why})"));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                state.replies.remove(&id);
                return Err(format!("{method}: no reply within {}s", TIMEOUT.as_secs()));
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        };
        drop(state);
        let reply = reply.ok_or_else(|| format!("{method}: reply lost"))?;
        if let Some(error) = reply.get("error") {
            let message = error.get("message").and_then(Value::as_str).unwrap_or("");
            let data = error.get("data").and_then(Value::as_str).unwrap_or("");
            return Err(format!("{method}: {message} {data}").trim_end().to_owned());
        }
        Ok(reply.get("result").cloned().unwrap_or(Value::Null))
    }

    /// The params of the last kept event since `since` that matches.
    fn find_event(&self, since: u64, matches: impl Fn(&Event) -> bool) -> Option<Value> {
        self.lock()
            .events
            .iter()
            .rev()
            .take_while(|e| e.seq >= since)
            .find(|e| matches(e))
            .map(|e| e.params.clone())
    }

    /// Waits for an event since `since` that matches, up to the timeout.
    fn wait_event(&self, since: u64, matches: impl Fn(&Event) -> bool) -> Result<Event, String> {
        let deadline = Instant::now() + TIMEOUT;
        let mut state = self.lock();
        loop {
            if let Some(e) = state.events.iter().find(|e| e.seq >= since && matches(e)) {
                return Ok(e.clone());
            }
            if let Some(why) = &state.closed {
                return Err(format!("the browser went away ({why})"));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(format!("timed out after {}s", TIMEOUT.as_secs()));
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Runs until the browser closes its end of the pipe.
    fn read_loop(&self, mut from_browser: BufReader<std::io::PipeReader>) {
        let mut buf = Vec::new();
        let why = loop {
            buf.clear();
            match from_browser.read_until(0, &mut buf) {
                Ok(0) => break "pipe closed".to_owned(),
                Ok(_) => {}
                Err(e) => break format!("reading the pipe: {e}"),
            }
            if buf.last() == Some(&0) {
                buf.pop();
            }
            // A message that is not JSON cannot be routed; whoever waited
            // for it times out with the method named.
            if let Ok(message) = serde_json::from_slice::<Value>(&buf) {
                self.dispatch(message);
            }
        };
        self.lock().closed = Some(why);
        self.changed.notify_all();
    }

    fn dispatch(&self, mut message: Value) {
        if let Some(id) = message.get("id").and_then(Value::as_u64) {
            let mut state = self.lock();
            if let Some(slot) = state.replies.get_mut(&id) {
                *slot = Some(message);
                drop(state);
                self.changed.notify_all();
            }
            return;
        }
        let Some(method) = message.get("method").and_then(Value::as_str) else {
            return;
        };
        let method = method.to_owned();
        let session = message
            .get("sessionId")
            .and_then(Value::as_str)
            .map(str::to_owned);
        // Network traffic is noisy; only the document's response is needed.
        if method.starts_with("Network.")
            && !(method == "Network.responseReceived"
                && message.pointer("/params/type").and_then(Value::as_str) == Some("Document"))
        {
            return;
        }
        // A dialog blocks the page, and with it every later command: accept
        // it, as a user clicking OK would.
        if method == "Page.javascriptDialogOpening" {
            self.send(
                session.as_deref(),
                "Page.handleJavaScriptDialog",
                json!({ "accept": true }),
            );
        }
        let params = message.get_mut("params").map_or(Value::Null, Value::take);
        let mut state = self.lock();
        let seq = state.next_seq;
        state.next_seq += 1;
        if state.events.len() >= MAX_EVENTS {
            state.events.pop_front();
        }
        state.events.push_back(Event {
            seq,
            session,
            method,
            params,
        });
        drop(state);
        self.changed.notify_all();
    }
}

/// JavaScript's truthiness, for values that came back as JSON.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => !s.is_empty() && s != "NaN",
        Value::Array(_) | Value::Object(_) => true,
    }
}

fn str_field(reply: &Value, name: &str, method: &str) -> Result<String, String> {
    reply
        .get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("{method}: reply without {name}: {reply}"))
}

fn violation_from(v: &Value) -> Result<Violation, String> {
    let text = |name: &str| {
        v.get(name)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("axe violation without {name}: {v}"))
    };
    let targets = v
        .get("targets")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("axe violation without targets: {v}"))?
        .iter()
        .map(|t| t.as_str().map_or_else(|| t.to_string(), str::to_owned))
        .collect();
    Ok(Violation {
        id: text("id")?,
        impact: text("impact")?,
        help: text("help")?,
        targets,
    })
}

/// Splits "Shift+Tab" into CDP's modifier bits and the key name.
fn parse_key(key: &str) -> Result<(u32, &str), String> {
    let mut modifiers = 0;
    let mut rest = key;
    while let Some((head, tail)) = rest.split_once('+') {
        if tail.is_empty() {
            break; // "+" itself, or "Shift++"
        }
        modifiers |= match head {
            "Alt" => 1,
            "Control" | "Ctrl" => 2,
            "Meta" => 4,
            "Shift" => 8,
            _ => return Err(format!("press: unknown modifier {head:?} in {key:?}")),
        };
        rest = tail;
    }
    Ok((modifiers, rest))
}

/// The DOM `code`, the Windows virtual key code and the text a key types,
/// which Chromium needs to treat the key as a real one (focus moves,
/// activation, form submission).
fn key_definition(key: &str) -> Option<(String, u32, Option<String>)> {
    let named = |code: &str, vk: u32, text: Option<&str>| {
        Some((code.to_owned(), vk, text.map(str::to_owned)))
    };
    match key {
        "Tab" => named("Tab", 9, None),
        "Enter" => named("Enter", 13, Some("\r")),
        "Escape" => named("Escape", 27, None),
        " " | "Space" => named("Space", 32, Some(" ")),
        "Backspace" => named("Backspace", 8, None),
        "Delete" => named("Delete", 46, None),
        "ArrowLeft" => named("ArrowLeft", 37, None),
        "ArrowUp" => named("ArrowUp", 38, None),
        "ArrowRight" => named("ArrowRight", 39, None),
        "ArrowDown" => named("ArrowDown", 40, None),
        "Home" => named("Home", 36, None),
        "End" => named("End", 35, None),
        "PageUp" => named("PageUp", 33, None),
        "PageDown" => named("PageDown", 34, None),
        _ => {
            let mut chars = key.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return None;
            };
            let upper = c.to_ascii_uppercase();
            let code = match c {
                'a'..='z' | 'A'..='Z' => format!("Key{upper}"),
                '0'..='9' => format!("Digit{c}"),
                _ => String::new(),
            };
            let vk = if c.is_ascii_alphanumeric() {
                u32::from(upper)
            } else {
                0
            };
            Some((code, vk, Some(c.to_string())))
        }
    }
}

/// Standard base64 with padding, as CDP sends binary data; small enough not
/// to warrant a crate.
fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    fn value(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let bytes = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        if chunk.len() == 1 {
            return Err("base64 data has a stray final character".into());
        }
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = value(c).ok_or_else(|| format!("invalid base64 character {:?}", c as char))?;
            bits |= v << (18 - 6 * i);
        }
        let [_, b0, b1, b2] = bits.to_be_bytes();
        out.extend_from_slice(&[b0, b1, b2][..chunk.len() - 1]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_values() {
        assert_eq!(base64_decode("").unwrap(), b"");
        assert_eq!(base64_decode("Zg==").unwrap(), b"f");
        assert_eq!(base64_decode("Zm8=").unwrap(), b"fo");
        assert_eq!(base64_decode("Zm9v").unwrap(), b"foo");
        assert_eq!(base64_decode("Zm9vYmFy").unwrap(), b"foobar");
        assert_eq!(base64_decode("iVBORw0KGgo=").unwrap(), b"\x89PNG\r\n\x1a\n");
        assert!(base64_decode("Zm9v!").is_err());
    }

    #[test]
    fn key_names_parse() {
        assert_eq!(parse_key("Tab").unwrap(), (0, "Tab"));
        assert_eq!(parse_key("Shift+Tab").unwrap(), (8, "Tab"));
        assert_eq!(parse_key("Control+Shift+a").unwrap(), (10, "a"));
        assert_eq!(parse_key("+").unwrap(), (0, "+"));
        assert!(parse_key("Hyper+a").is_err());
        assert!(key_definition("NoSuchKey").is_none());
    }
}
