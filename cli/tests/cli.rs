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

/// Stands in a case for the usage error, which is the usage `fortress help` prints.
const USAGE_ERROR: &str = "<the usage line>";

fn expected(want: &str) -> String {
    if want == USAGE_ERROR {
        let usage = text(&fortress(&["help"], "").stdout);
        assert!(usage.starts_with("usage: fortress eval"), "{usage}");
        return format!("fortress: {usage}");
    }
    want.to_owned()
}

#[test]
fn presets_lists_names_first() {
    let out = fortress(&["presets"], "");
    assert!(out.status.success());
    let names: Vec<String> =
        text(&out.stdout).lines().filter_map(|l| l.split('\t').next().map(str::to_owned)).collect();
    assert_eq!(
        names,
        [
            "feb-2026",
            "feb-2026-post",
            "mar-2026-close",
            "apr-2026-amendment",
            "oct-2026-funded",
            "ipo-what-if",
            "oct-2025",
            "anthropic-series-h",
            "exit-what-if"
        ]
    );
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
    let cases: [(&[&str], &str, &str); 23] = [
        (&["eval", "-"], "{", "fortress: scenario: EOF while parsing an object at line 1 column 1\n"),
        (&["eval", "-", "--csv"], "{", "fortress: scenario: EOF while parsing an object at line 1 column 1\n"),
        (&["eval", "--with-scenario", "-"], "[]", "fortress: scenario: must be a JSON object, starting with {\n"),
        (&["eval", "-", "--csv", "--with-scenario"], "{}", USAGE_ERROR),
        (&["eval", "-", "--json"], "{}", USAGE_ERROR),
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
        (&["frobnicate"], "", USAGE_ERROR),
        (&[], "", USAGE_ERROR),
        // Deals: the reader's one-line errors, and the arguments.
        (&["check-deal", "-"], "{}", "fortress: deal: missing field `deal_version` at line 1 column 2\n"),
        (&["check-deal", "-"], r#"{"deal_version": 3}"#, "fortress: deal_version: deal format version 3 is not supported; this version of Fortress reads version 1\n"),
        (&["check-deal", "-"], "[", "fortress: deal: must be a JSON object, starting with {\n"),
        (&["check-deal"], "", USAGE_ERROR),
        (&["deal", "nope"], "", "fortress: no built-in deal has the id \"nope\"; they are openai-microsoft, anthropic-amazon-google\n"),
        (&["eval", "-", "--deal", "-"], "{}", "fortress: the scenario and the deal cannot both be read from standard input\n"),
        (&["eval", "-", "--deal"], "{}", USAGE_ERROR),
        (&["eval", "--deal", "x.json"], "{}", USAGE_ERROR),
        (&["eval", "-", "--deal", "a", "--deal", "b"], "{}", USAGE_ERROR),
        (&["eval", "a.json", "b.json"], "{}", USAGE_ERROR),
        (&["eval", "/no/such/scenario.json", "--deal", "-"], "{}", "fortress: deal: missing field `deal_version` at line 1 column 2\n"),
        // A line break that input puts into a message is escaped, so the message stays one line.
        (&["check-deal", "-"], "{\"deal_version\": 1, \"x\\ny\": 1}", "fortress: x\\ny: unknown field `x\\ny`, expected one of `deal_version`, `id`, `name`, `key_term`, `whatif_holder`, `events`, `regimes`, `terms`, `routes`, `products` at line 1 column 26\n"),
    ];
    for (args, stdin, want) in cases {
        let out = fortress(args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stderr), expected(want), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn eval_writes_the_csv_and_the_scenario_with_its_outcome() {
    let preset = text(&fortress(&["preset", "feb-2026"], "").stdout);
    let link = text(&fortress(&["link", "-"], &preset).stdout).trim().to_owned();
    assert!(link.starts_with("http://127.0.0.1:8080/#1."), "{link}");
    let head = format!(
        "title,\"OpenAI's $110B round, February 2026\"\r\nas_of,2026-02-27\r\nlink,{link}\r\n\r\n\
         stage,stage_date,holder_id,holder,percent,shares,value_usd\r\n\
         Before,,microsoft,Microsoft,27.000000,270000000000,135000000000\r\n"
    );
    let microsoft = "\r\nFebruary 2026,2026-02-27,microsoft,Microsoft,23.464286,270000000000,197100000001\r\n";
    // The flag after or before the file: the same CSV, the link as `fortress link` prints it.
    for args in [["eval", "-", "--csv"], ["eval", "--csv", "-"]] {
        let out = fortress(&args, &preset);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let csv = text(&out.stdout);
        assert!(csv.starts_with(&head), "{args:?}: {csv}");
        assert!(csv.contains(microsoft) && csv.ends_with("softbank,SoftBank,3.571429,41095890410,29999999999\r\n"));
        assert_eq!(csv.lines().count(), 5 + 3 + 6, "{csv}");
    }
    let outcome: serde_json::Value = serde_json::from_slice(&fortress(&["eval", "-"], &preset).stdout).unwrap();
    let scenario: serde_json::Value = serde_json::from_str(&preset).unwrap();
    for args in [["eval", "-", "--with-scenario"], ["eval", "--with-scenario", "-"]] {
        let out = fortress(&args, &preset);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let both = text(&out.stdout);
        assert!(both.starts_with("{\n  \"scenario\": {\n") && both.ends_with("}\n"), "{both}");
        let both: serde_json::Value = serde_json::from_str(&both).unwrap();
        assert_eq!(both, serde_json::json!({"scenario": scenario, "outcome": outcome}), "{args:?}");
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

#[test]
fn link_then_decode_gives_the_scenario_back() {
    let preset = text(&fortress(&["preset", "mar-2026-close"], "").stdout);
    let mut edited: serde_json::Value = serde_json::from_str(&preset).unwrap();
    edited["rounds"][0]["investments"][0]["amount"] = serde_json::json!(20_000_000_000u64);
    let out = fortress(&["link", "-"], &edited.to_string());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let url = text(&out.stdout);
    assert!(url.starts_with("http://127.0.0.1:8080/#1.") && url.ends_with('\n') && url.len() < 60, "{url}");
    let fragment = url.trim().split_once('#').unwrap().1.to_owned();
    // A whole URL, the fragment with or without its '#', or the link on stdin: the same scenario.
    for (args, stdin) in
        [(vec!["decode", url.trim()], ""), (vec!["decode", &fragment], ""), (vec!["decode", "-"], url.as_str())]
    {
        let out = fortress(&args, stdin);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let decoded: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(decoded, edited, "{args:?}");
    }
    let hashed = format!("#{fragment}");
    let out = fortress(&["decode", &hashed], "");
    assert_eq!(text(&out.stdout), text(&fortress(&["decode", &fragment], "").stdout));
}

#[test]
fn link_takes_the_page_from_base() {
    let preset = text(&fortress(&["preset", "feb-2026"], "").stdout);
    for (args, want) in [
        (["link", "-", "--base", "https://example.com/story/"], "https://example.com/story/#1."),
        (["link", "--base", "https://example.com/story/#old", "-"], "https://example.com/story/#1."),
    ] {
        let out = fortress(&args, &preset);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with(want), "{}", text(&out.stdout));
    }
}

#[test]
fn bad_links_are_one_line_and_exit_code_2() {
    let cases: [(&[&str], &str, &str); 6] = [
        (&["decode", "nope"], "", "fortress: link: this link is damaged: it is not a Fortress link\n"),
        (
            &["decode", "http://127.0.0.1:8080/#1.AQADX"],
            "",
            "fortress: link: this link is damaged: its check characters do not match (was it cut short or changed?)\n",
        ),
        (
            &["decode", "#2.AQADH"],
            "",
            "fortress: link: this link is from a newer version of Fortress (link format 2; this version reads format 1)\n",
        ),
        (&["decode"], "", USAGE_ERROR),
        (
            &["link", "-"],
            r#"{"version":1,"holders":[]}"#,
            "fortress: holders: must not be empty\n",
        ),
        (&["link", "-", "--base"], "", USAGE_ERROR),
    ];
    for (args, stdin, want) in cases {
        let out = fortress(args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stderr), expected(want), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn embed_prints_the_script_and_iframe_snippets() {
    let scenario = text(&fortress(&["preset", "oct-2025"], "").stdout);
    let link =
        text(&fortress(&["link", "-", "--base", ""], &scenario).stdout).trim().trim_start_matches('#').to_owned();
    assert!(link.starts_with("1.") && link.len() < 10, "{link}");
    // (base given, the address the snippets load from)
    let cases = [
        (None, "http://127.0.0.1:8080/"),
        (Some("https://cdn.example.com/fortress/"), "https://cdn.example.com/fortress/"),
        (Some("https://cdn.example.com/fortress"), "https://cdn.example.com/fortress/"),
        (Some("https://cdn.example.com/fortress/index.html#1.x"), "https://cdn.example.com/fortress/"),
        (Some("https://x.test/a\"b/"), "https://x.test/a&quot;b/"),
    ];
    for (base, dir) in cases {
        let mut args = vec!["embed", "-"];
        args.extend(base.map(|b| ["--base", b]).into_iter().flatten());
        let out = fortress(&args, &scenario);
        assert_eq!(text(&out.stderr), "", "{base:?}");
        let out = text(&out.stdout);
        assert!(out.contains(&format!(r#"<script type="module" src="{dir}fortress.js"></script>"#)), "{out}");
        // The element holds the static summary, with a link to the live widget next to the loader.
        assert!(
            out.contains(&format!(r#"<fortress-widget scenario="{link}"><div class="fortress-fallback">"#)),
            "{out}"
        );
        assert!(
            out.contains(&format!(r#"<a href="{dir}index.html#{link}">Open the interactive version</a>"#)),
            "{out}"
        );
        assert!(out.contains("</table>"), "{out}");
        assert!(out.contains(&format!(r#"<iframe src="{dir}frame.html?childId=fortress-1#{link}""#)), "{out}");
        assert!(out.contains(r#"sandbox="allow-scripts" allow="clipboard-write""#), "{out}");
    }
    let bad = fortress(&["embed", "-"], "{}");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn embed_takes_the_elements_attributes_as_flags() {
    let scenario = text(&fortress(&["preset", "feb-2026"], "").stdout);
    let args = [
        "embed",
        "-",
        "--sections",
        "headline,controls",
        "--controls",
        "investment:amazon",
        "--theme",
        "dark",
        "--locale",
        "de-DE",
        "--accent",
        "#C0392B",
        "--form",
        "script",
    ];
    let out = fortress(&args, &scenario);
    assert_eq!(text(&out.stderr), "");
    let out = text(&out.stdout);
    let attributes = r#" sections="headline,controls" controls="investment:amazon" theme="dark" locale="de-DE" style="--fortress-accent: #c0392b">"#;
    assert!(out.contains(attributes), "{out}");
    assert!(!out.contains("<iframe"), "script form only");
    assert!(out.contains(r#"<th scope="row">Microsoft</th><td>23.5%</td><td>$197B</td>"#), "{out}");
    let iframe =
        text(&fortress(&["embed", "-", "--form", "iframe", "--theme", "light", "--accent", "#abc"], &scenario).stdout);
    let src =
        r#"<iframe src="http://127.0.0.1:8080/frame.html?childId=fortress-1&amp;theme=light&amp;accent=%23abc#1."#;
    assert!(iframe.starts_with(src), "{iframe}");
    // Each bad flag: exit 2 and one line naming it.
    let cases: &[(&[&str], &str)] = &[
        (&["--sections", "headlines"], "fortress: --sections: \u{201c}headlines\u{201d} is not a section ("),
        (&["--controls", "investment"], "fortress: --controls: \u{201c}investment\u{201d} names a holder"),
        (&["--theme", "sepia"], "fortress: --theme: \u{201c}sepia\u{201d} is not a theme"),
        (&["--locale", "de_DE"], "fortress: --locale: \u{201c}de_DE\u{201d} is not a BCP 47 locale"),
        (&["--accent", "red"], "fortress: --accent: \u{201c}red\u{201d} is not a colour"),
        (&["--form", "pdf"], "fortress: --form: \u{201c}pdf\u{201d} is not a form"),
        (&["--theme"], "fortress: --theme needs a value"),
        (&["--theme", "dark", "--theme", "light"], "fortress: --theme is given twice"),
    ];
    for (flags, want) in cases {
        let mut args = vec!["embed", "-"];
        args.extend_from_slice(flags);
        let out = fortress(&args, &scenario);
        assert_eq!(out.status.code(), Some(2), "{flags:?}");
        let err = text(&out.stderr);
        assert!(err.starts_with(want), "{flags:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// The built-in deals as files, a publisher's deal checked and used to evaluate a scenario.
#[test]
fn deals_are_printed_checked_and_used() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let file = root.join("core/deals/openai-microsoft.json");
    let printed = fortress(&["deal", "openai-microsoft"], "");
    assert!(printed.status.success());
    assert_eq!(text(&printed.stdout), std::fs::read_to_string(&file).unwrap());
    let ok = "ok: deal openai-microsoft: 2 events, 2 regimes, 16 terms, 8 routing rules\n";
    assert_eq!(text(&fortress(&["check-deal", file.to_str().unwrap()], "").stdout), ok);
    assert_eq!(text(&fortress(&["check-deal", "-"], &text(&printed.stdout)).stdout), ok);

    // A publisher's copy of the deal under an id of its own: a scenario that names no
    // deal is judged under it, with the same terms.
    let mut copy: serde_json::Value = serde_json::from_slice(&printed.stdout).unwrap();
    copy["id"] = "my-copy".into();
    copy["terms"][0]["title"] = "Azure API exclusivity (my copy)".into();
    let dir = std::env::temp_dir().join(format!("fortress-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deal_path = dir.join("my-copy.json");
    std::fs::write(&deal_path, copy.to_string()).unwrap();
    let deal_arg = deal_path.to_str().unwrap();
    let preset = text(&fortress(&["preset", "feb-2026"], "").stdout);
    for args in [["eval", "-", "--deal", deal_arg], ["eval", "--deal", deal_arg, "-"]] {
        let out = fortress(&args, &preset);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let outcome: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(outcome["terms"][0]["title"], "Azure API exclusivity (my copy)");
        assert_eq!(outcome["key_term"]["status"], "in_force");
    }
    let csv = fortress(&["eval", "--csv", "-", "--deal", deal_arg], &preset);
    assert!(text(&csv.stdout).starts_with("title,\"OpenAI's $110B round, February 2026\"\r\n"));
    // A scenario that names the publisher's deal opens only with it.
    let mut named: serde_json::Value = serde_json::from_str(&preset).unwrap();
    named["deal"] = "my-copy".into();
    let named = named.to_string();
    assert_eq!(text(&fortress(&["eval", "-"], &named).stderr), "fortress: deal: no deal has the id \"my-copy\"\n");
    let out = fortress(&["eval", "-", "--deal", deal_arg, "--with-scenario"], &named);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Under a publisher's deal a CSV has no share link: links are read with the built-in deals.
    let csv = text(&fortress(&["eval", "-", "--deal", deal_arg, "--csv"], &named).stdout);
    assert!(csv.contains("\r\nlink,\r\n"), "{csv}");
    // A bad deal file is one line, whichever command reads it.
    copy["terms"][0]["rules"]["apr-2026"] = serde_json::json!({"later": ""});
    std::fs::write(&deal_path, copy.to_string()).unwrap();
    let out = fortress(&["eval", "-", "--deal", deal_arg], &preset);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "fortress: terms[0].rules.apr-2026.later: must not be empty\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The textbook file `tests/data/waterfall-senior-junior.json`: common 6,000,000
/// shares (founders); Series A, junior (seniority 1), 2,000,000 shares at $1.00,
/// a 1x non-participating $2,000,000 preference; Series B, senior (seniority 2),
/// 2,000,000 shares at $5.00, a 1x non-participating $10,000,000 preference;
/// 2,000,000 options at $0.50 (staff); a pool of 1,000,000 that gets nothing.
fn senior_junior() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/waterfall-senior-junior.json");
    path.to_str().unwrap().to_owned()
}

/// The CSV's records (none of these fields holds a line break), each split
/// into its first six fields and the reason.
fn csv_rows(csv: &str) -> Vec<(String, String)> {
    csv.split_terminator("\r\n")
        .skip(1)
        .map(|line| {
            let mut parts = line.splitn(7, ',');
            let head: Vec<&str> = parts.by_ref().take(6).collect();
            (head.join(","), parts.next().unwrap_or("").to_owned())
        })
        .collect()
}

/// The sum of the amount column of a CSV's rows for one exit.
fn csv_total(rows: &[(String, String)], exit: &str) -> u128 {
    rows.iter()
        .filter(|(head, _)| head.starts_with(&format!("{exit},")))
        .map(|(head, _)| head.rsplit(',').next().unwrap().parse::<u128>().unwrap())
        .sum()
}

#[test]
fn waterfall_pays_the_senior_its_preference_while_the_junior_converts() {
    let out = fortress(&["waterfall", &senior_junior(), "--csv"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.starts_with("exit,holder,class,shares,choice,amount,reason\r\n"), "{csv}");
    let rows = csv_rows(&csv);
    let heads: Vec<&str> = rows.iter().map(|(head, _)| head.as_str()).collect();
    // $8,000,000, below the $12,000,000 of preferences together: nobody converts, the
    // senior Series B takes all $8,000,000 of its $10,000,000, and the junior Series A,
    // common and the options (common is worth $0 a share, below the strike) get nothing.
    //
    // $30,000,000: the Series B takes its $10,000,000 (converting would pay it
    // 2,000,000 x 31/12 = $5,166,666.67, where everyone converts and 12,000,000 v - 1,000,000 = 30,000,000);
    // the $20,000,000 left is shared by common (6,000,000), the converted Series A
    // (2,000,000) and the exercised options (2,000,000, less $0.50 each):
    // 10,000,000 v - 1,000,000 = 20,000,000, so v = $2.10 a share.
    // Common 6,000,000 x 2.10 = $12,600,000; Series A 2,000,000 x 2.10 = $4,200,000
    // (more than its $2,000,000 preference, so it converts); options
    // 2,000,000 x (2.10 - 0.50) = $3,200,000. 10.0 + 12.6 + 4.2 + 3.2 = $30,000,000.
    assert_eq!(
        heads,
        [
            "8000000,founders,common,6000000,common,0",
            "8000000,fund-a,a,2000000,takes preference,0",
            "8000000,fund-b,b,2000000,takes preference,8000000",
            "8000000,staff,options,2000000,not exercised,0",
            "30000000,founders,common,6000000,common,12600000",
            "30000000,fund-a,a,2000000,converts,4200000",
            "30000000,fund-b,b,2000000,takes preference,10000000",
            "30000000,staff,options,2000000,exercised,3200000",
        ]
    );
    assert_eq!(rows[3].1, "strike $0.50");
    assert_eq!(
        rows[6].1,
        "\"$10,000,000 for 2,000,000 shares of Series B, whose class takes its $10,000,000 preference: converting \
         would pay $5,166,666\""
    );
    assert_eq!(csv_total(&rows, "8000000"), 8_000_000);
    assert_eq!(csv_total(&rows, "30000000"), 30_000_000);

    // --exit replaces the file's exits. At $100,000,000 both classes convert (their
    // thresholds, $1 and $5 a share, are below v): 12,000,000 v - 1,000,000 = 100,000,000,
    // v = 101/12. Common 6,000,000 x 101/12 = $50,500,000; each series
    // 2,000,000 x 101/12 = $16,833,333.33; options 2,000,000 x (101/12 - 1/2) =
    // $15,833,333.33. Rounded down they leave one dollar, which goes to the largest
    // remainder, the earliest of the three equal ones: the Series A.
    let out =
        fortress(&["waterfall", "--exit", "$100M", "--csv", "-"], &std::fs::read_to_string(senior_junior()).unwrap());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = csv_rows(&text(&out.stdout));
    let heads: Vec<&str> = rows.iter().map(|(head, _)| head.as_str()).collect();
    assert_eq!(
        heads,
        [
            "100000000,founders,common,6000000,common,50500000",
            "100000000,fund-a,a,2000000,converts,16833334",
            "100000000,fund-b,b,2000000,converts,16833333",
            "100000000,staff,options,2000000,exercised,15833333",
        ]
    );
    assert_eq!(csv_total(&rows, "100000000"), 100_000_000);
}

#[test]
fn waterfall_prints_the_engines_waterfalls_as_json() {
    let out = fortress(&["waterfall", &senior_junior(), "--exit", "30000000", "--exit", "1.5B"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["name"], "Senior Series B, junior Series A");
    let waterfalls = json["waterfalls"].as_array().unwrap();
    assert_eq!(waterfalls.len(), 2);
    let at_30m = &waterfalls[0];
    assert_eq!(at_30m["exit"], 30_000_000);
    assert_eq!(at_30m["per_share"], serde_json::json!({"num": 21, "den": 10}));
    let choices: Vec<&str> =
        at_30m["classes"].as_array().unwrap().iter().map(|c| c["choice"].as_str().unwrap()).collect();
    assert_eq!(choices, ["Common", "Converts", "TakesPreference"]);
    assert_eq!(at_30m["classes"][2]["alternative"], serde_json::json!({"num": 15_500_000, "den": 3}));
    let holders: Vec<(String, u64)> = at_30m["holders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["holder"].as_str().unwrap().to_owned(), h["amount"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        holders,
        [
            ("founders".to_owned(), 12_600_000),
            ("fund-a".to_owned(), 4_200_000),
            ("fund-b".to_owned(), 10_000_000),
            ("staff".to_owned(), 3_200_000)
        ]
    );
    assert_eq!(waterfalls[1]["exit"], 1_500_000_000u64);
    let total: u64 = waterfalls[1]["holders"].as_array().unwrap().iter().map(|h| h["amount"].as_u64().unwrap()).sum();
    assert_eq!(total, 1_500_000_000);
}

#[test]
fn bad_equity_files_are_one_line_and_exit_code_2() {
    let file = std::fs::read_to_string(senior_junior()).unwrap();
    let edit = |from: &str, to: &str| {
        assert!(file.contains(from), "{from}");
        file.replacen(from, to, 1)
    };
    let no_exits = edit(",\n  \"exits\": [8000000, 30000000]", "");
    let cases: Vec<(Vec<&str>, String, &str)> = vec![
        (vec!["waterfall", "-"], edit("\"equity_version\": 1", "\"equity_version\": 2"),
         "fortress: equity_version: equity file version 2 is not supported; this version of Fortress reads version 1\n"),
        (vec!["waterfall", "-"], edit("\"5.00\"", "\"-5\""),
         "fortress: classes[2].issue_price: \"-5\" is not a price: it must not be negative at line 7 column 55\n"),
        (vec!["waterfall", "-"], edit("\"class\": \"a\"", "\"class\": \"series-a\""),
         "fortress: holdings[1].class: no class has the id \"series-a\"\n"),
        (vec!["waterfall", "-"], edit("\"pool\"", "\"pol\""),
         "fortress: pol: unknown field `pol`, expected one of `equity_version`, `name`, `classes`, `holdings`, `options`, `pool`, `exits` at line 15 column 7\n"),
        (vec!["waterfall", "-"], no_exits.clone(),
         "fortress: -: no exit to share; add --exit N (such as --exit 50000000 or --exit 1.5B), an \"exits\" list to an equity file, or an \"exit\" to a scenario\n"),
        (vec!["waterfall", "-", "--exit", "1.5"], file.clone(),
         "fortress: --exit: \"1.5\" is not an exit value: write whole dollars, or a scale letter such as 1.5M\n"),
        (vec!["waterfall", "-", "--exit", "-5"], file.clone(),
         "fortress: --exit: \"-5\" is not an exit value: it may hold only digits and one decimal point\n"),
        (vec!["waterfall", "-", "--exit"], file.clone(), "fortress: --exit needs a value; <usage>\n"),
        (vec!["waterfall", "-", "--csv", "--csv"], file.clone(), USAGE_ERROR),
        (vec!["waterfall"], file.clone(), USAGE_ERROR),
        (vec!["waterfall", "a.json", "b.json"], file.clone(), USAGE_ERROR),
        (vec!["waterfall", "-"], "[]".to_owned(), "fortress: equity: must be a JSON object, starting with {\n"),
        (vec!["waterfall", "/no/such/equity.json"], String::new(),
         "fortress: /no/such/equity.json: cannot read: No such file or directory (os error 2)\n"),
        // Read up to a scenario's limit (a waterfall reads scenarios too), then held to an equity file's.
        (vec!["waterfall", "-"], " ".repeat(256 * 1024 + 1), "fortress: equity: the text is 262145 bytes; the limit is 262144\n"),
        (vec!["waterfall", "-"], " ".repeat(1024 * 1024 + 1), "fortress: -: larger than the limit of 1048576 bytes\n"),
    ];
    for (args, stdin, want) in cases {
        let out = fortress(&args, &stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let want = expected(want).replace("<usage>", expected(USAGE_ERROR).trim_start_matches("fortress: ").trim_end());
        assert_eq!(text(&out.stderr), want, "{args:?}");
        assert_eq!(text(&out.stderr).lines().count(), 1, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn waterfall_reads_a_scenario_with_share_classes() {
    // The speculative preset: its $500B exit by default, then the exits given.
    let preset = fortress(&["preset", "exit-what-if"], "");
    assert!(preset.status.success());
    let scenario = text(&preset.stdout);
    let out = fortress(&["waterfall", "-", "--csv"], &scenario);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let rows = csv_rows(&csv);
    assert_eq!(csv_total(&rows, "500000000000"), 500_000_000_000);
    // FACTS.md: the round's $122B preference first, Microsoft 27% of the $378B left.
    assert!(rows.iter().any(|(head, _)| head.ends_with(",microsoft,common,270000000000,common,102060000000")), "{csv}");
    assert!(
        rows.iter().any(|(head, _)| head.starts_with("500000000000,amazon,final-close-march-2026,")
            && head.ends_with(",takes preference,50000000000")),
        "{csv}"
    );
    // Two exits from the command line replace the scenario's own.
    let out = fortress(&["waterfall", "-", "--exit", "1T", "--exit", "200B", "--csv"], &scenario);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = csv_rows(&text(&out.stdout));
    assert_eq!(csv_total(&rows, "1000000000000"), 1_000_000_000_000);
    assert_eq!(csv_total(&rows, "200000000000"), 200_000_000_000);
    assert!(rows.iter().any(|(head, _)| head.starts_with("1000000000000,amazon,") && head.contains(",converts,")));
    // A scenario's mistakes are named by their field, as `eval` names them.
    let bad = scenario.replacen("\"preference\": 1", "\"preference\": -1", 1);
    let out = fortress(&["waterfall", "-"], &bad);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        "fortress: rounds[0].terms.preference: must be a multiple from 0 to 100, not -1x"
    );
}
