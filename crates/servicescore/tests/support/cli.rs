//! Running the `servicescore` command line in integration tests: the command with its
//! arguments and standard input, the JSON it prints, the one-line refusals it gives. Included
//! by path (`#[path = "support/cli.rs"] mod cli;`) by the tests that drive the command.

#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs `servicescore ARGS` with `stdin` (`"text"`, `Some("text")` or `None` for nothing).
pub fn run<'a>(args: &[&str], stdin: impl Into<Option<&'a str>>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_servicescore"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.into().unwrap_or("").as_bytes())
        .unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

/// The path of a file under `www/examples/`.
pub fn example(name: &str) -> String {
    format!("{}/../../www/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The JSON a successful run printed.
pub fn ok_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A refusal: exit 2, nothing on stdout, exactly `error: STDERR` on stderr.
pub fn assert_refused(out: &Output, stderr: &str) {
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("error: {stderr}\n")
    );
}
