//! The command line as a user meets it: output, exit codes, one-line errors.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `fortress` with `args`, feeding `stdin`.
fn fortress(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fortress"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start fortress: {e}"));
    if let Some(mut input) = child.stdin.take() {
        // A command that does not read stdin may close it first; that is fine.
        let _ = input.write_all(stdin.as_bytes());
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("fortress did not finish: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn presets_lists_names_first() {
    let out = fortress(&["presets"], "");
    assert!(out.status.success());
    let names: Vec<String> =
        text(&out.stdout).lines().filter_map(|l| l.split('\t').next().map(str::to_owned)).collect();
    assert_eq!(names, ["feb-2026", "feb-2026-post", "mar-2026-close", "oct-2025"]);
}

#[test]
fn preset_then_eval_gives_the_worked_numbers() {
    let preset = fortress(&["preset", "feb-2026"], "");
    assert!(preset.status.success());
    let out = fortress(&["eval", "-"], &text(&preset.stdout));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let outcome: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let after = &outcome["stages"][1];
    assert_eq!(after["label"], "February 2026");
    assert_eq!(after["pre_money"], 730_000_000_000u64);
    assert_eq!(after["post_money"], 840_000_000_000u64);
    let microsoft = &after["holders"][0];
    assert_eq!(microsoft["id"], "microsoft");
    assert_eq!(format!("{:.4}", microsoft["percent"].as_f64().unwrap_or_default()), "23.4643");
    assert_eq!(outcome["stages"][0]["label"], "Before");
    let check = fortress(&["check", "-"], &text(&preset.stdout));
    assert_eq!(text(&check.stdout), "ok: 3 holders, 1 rounds\n");
}

#[test]
fn bad_input_is_one_line_and_exit_code_2() {
    let cases: [(&[&str], &str, &str); 7] = [
        (&["eval", "-"], "{", "fortress: scenario: EOF while parsing an object at line 1 column 1\n"),
        (&["eval", "-"], "not json", "fortress: scenario: must be a JSON object, starting with {\n"),
        (
            &["check", "-"],
            r#"{"version":1,"holders":[{"id":"a","name":"A","percent":50}]}"#,
            "fortress: holders: the stakes add up to 50%, not 100% (a difference of up to 0.01 points is accepted)\n",
        ),
        (
            &["eval", "/no/such/file.json"],
            "",
            "fortress: /no/such/file.json: cannot read: No such file or directory (os error 2)\n",
        ),
        (&["preset", "nope"], "", "fortress: no preset named \"nope\"; `fortress presets` lists them\n"),
        (&["frobnicate"], "", "fortress: usage: fortress eval FILE|- | check FILE|- | preset NAME | presets\n"),
        (&[], "", "fortress: usage: fortress eval FILE|- | check FILE|- | preset NAME | presets\n"),
    ];
    for (args, stdin, want) in cases {
        let out = fortress(args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stderr), want, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn input_that_is_not_utf8_is_refused() {
    let out = fortress(&["eval", "-"], "");
    assert_eq!(out.status.code(), Some(2));
    let mut child = Command::new(env!("CARGO_BIN_EXE_fortress"))
        .args(["eval", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(&[0xff, 0xfe, b'{']);
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "fortress: -: not UTF-8 text\n");
}
