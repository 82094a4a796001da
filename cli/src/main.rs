//! `fortress`: the rule core on the command line.
//!
//! Every failure is one line on stderr and exit code 2 for bad input (1 for
//! trouble writing the output); never a panic or a backtrace.

use std::io::{Read, Write};
use std::process::ExitCode;

use fortress_core::presets;
use fortress_format::link::{self, MAX_LINK_BYTES};
use fortress_format::{
    csv, outcome_to_json, parse_scenario, scenario_and_outcome_json, scenario_to_json, MAX_SCENARIO_BYTES,
};

const USAGE: &str = "usage: fortress eval FILE|- [--csv | --with-scenario] | check FILE|- | link FILE|- [--base URL] | embed FILE|- [--base URL] | decode LINK|- | preset NAME | presets";

/// The page a share link opens when no `--base` is given: the widget as `scripts/serve.sh` serves it.
const DEFAULT_BASE: &str = "http://127.0.0.1:8080/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(&args) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(output.as_bytes()).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("fortress: cannot write the output: {error}");
                    ExitCode::from(1)
                }
            }
        }
        Err(message) => {
            eprintln!("fortress: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command and returns what it prints, or the one-line error.
fn run(args: &[&str]) -> Result<String, String> {
    match args {
        ["eval", path] => eval(path, Eval::Outcome),
        ["eval", path, "--csv"] | ["eval", "--csv", path] => eval(path, Eval::Csv),
        ["eval", path, "--with-scenario"] | ["eval", "--with-scenario", path] => eval(path, Eval::WithScenario),
        ["check", path] => {
            let scenario = parse_scenario(&read_input(path)?).map_err(|e| e.to_string())?;
            // Evaluation finds what validation cannot, such as an oversold secondary.
            fortress_core::evaluate(&scenario).map_err(|e| e.to_string())?;
            Ok(format!("ok: {} holders, {} rounds\n", scenario.holders.len(), scenario.rounds.len()))
        }
        ["link", path] => share_link(path, DEFAULT_BASE),
        ["link", path, "--base", base] | ["link", "--base", base, path] => share_link(path, base),
        ["embed", path] => embed(path, DEFAULT_BASE),
        ["embed", path, "--base", base] | ["embed", "--base", base, path] => embed(path, base),
        ["decode", text] => {
            let text = if *text == "-" { read_input(text)? } else { (*text).to_owned() };
            let scenario = link::decode(&text).map_err(|e| e.to_string())?;
            Ok(scenario_to_json(&scenario) + "\n")
        }
        ["preset", name] => match presets::by_name(name) {
            Some(scenario) => Ok(scenario_to_json(&scenario) + "\n"),
            None => Err(format!("no preset named \"{name}\"; `fortress presets` lists them")),
        },
        ["presets"] => Ok(presets::ALL.iter().map(|p| format!("{}\t{}\n", p.name, p.summary)).collect()),
        ["help" | "--help" | "-h"] => Ok(format!("{USAGE}\n")),
        _ => Err(USAGE.to_owned()),
    }
}

/// What `eval` prints.
enum Eval {
    /// The outcome as JSON.
    Outcome,
    /// The cap table as CSV (`fortress_format::csv`), with the share link on the default page.
    Csv,
    /// `{"scenario": ..., "outcome": ...}` as JSON.
    WithScenario,
}

/// Evaluates a scenario file and prints the outcome as `what` says.
fn eval(path: &str, what: Eval) -> Result<String, String> {
    let scenario = parse_scenario(&read_input(path)?).map_err(|e| e.to_string())?;
    let outcome = fortress_core::evaluate(&scenario).map_err(|e| e.to_string())?;
    Ok(match what {
        Eval::Outcome => outcome_to_json(&outcome) + "\n",
        Eval::WithScenario => scenario_and_outcome_json(&scenario, &outcome) + "\n",
        // A scenario too large for a link still has a table: its link cell is left empty.
        Eval::Csv => {
            let fragment = link::encode(&scenario);
            let url = (fragment.len() <= MAX_LINK_BYTES).then(|| page_link(DEFAULT_BASE, &fragment));
            csv::outcome_csv(&scenario, &outcome, url.as_deref())
        }
    })
}

/// A scenario file and its share-link fragment, which must fit in a link.
fn scenario_and_link(path: &str) -> Result<(fortress_core::Scenario, String), String> {
    let scenario = parse_scenario(&read_input(path)?).map_err(|e| e.to_string())?;
    let fragment = link::encode(&scenario);
    if fragment.len() > MAX_LINK_BYTES {
        let bytes = fragment.len();
        return Err(format!(
            "{path}: the link would be {bytes} bytes long, more than the {MAX_LINK_BYTES} a link may hold"
        ));
    }
    Ok((scenario, fragment))
}

/// The share link of a scenario file: `base`, without any fragment it has, then `#` and the link.
fn share_link(path: &str, base: &str) -> Result<String, String> {
    let (_, fragment) = scenario_and_link(path)?;
    Ok(page_link(base, &fragment) + "\n")
}

/// `base`, without any fragment it has, then `#` and the link's fragment.
fn page_link(base: &str, fragment: &str) -> String {
    let page = base.split_once('#').map_or(base, |(page, _)| page);
    format!("{page}#{fragment}")
}

/// The snippets that embed a scenario's widget in a page: the script form and
/// the iframe form, with `base` the address `dist/` is served from.
fn embed(path: &str, base: &str) -> Result<String, String> {
    let (scenario, fragment) = scenario_and_link(path)?;
    let dir = escape_attr(&directory(base));
    let title = escape_attr(&scenario.title);
    // The fragment is letters, digits, `-`, `_` and `.` only: nothing to escape.
    Ok(format!(
        "<!-- Fortress, script form: the script once per page, then one element per widget. -->\n\
         <script type=\"module\" src=\"{dir}fortress.js\"></script>\n\
         <fortress-widget scenario=\"{fragment}\"></fortress-widget>\n\
         \n\
         <!-- Fortress, iframe form (for pages that allow no scripts): it posts its height to the page\n     \
         (Pym.js, AMP embed-size and Flourish formats); size it with your responsive-iframe helper. -->\n\
         <iframe src=\"{dir}frame.html?childId=fortress-1#{fragment}\" title=\"{title}\"\n        \
         sandbox=\"allow-scripts\" allow=\"clipboard-write\" width=\"100%\" height=\"1200\" loading=\"lazy\"></iframe>\n"
    ))
}

/// The directory of `base`: without fragment or query, ending in `/` (a last
/// segment with a dot, such as `index.html`, is a file and is dropped).
fn directory(base: &str) -> String {
    let base = base.split(['#', '?']).next().unwrap_or(base);
    if base.ends_with('/') {
        return base.to_owned();
    }
    match base.rsplit_once('/') {
        Some((dir, file)) if file.contains('.') && !dir.ends_with('/') => format!("{dir}/"),
        _ => format!("{base}/"),
    }
}

/// Text made safe for a double-quoted HTML attribute.
fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Reads a scenario file, or standard input for `-`, up to the size limit.
fn read_input(path: &str) -> Result<String, String> {
    let limit = u64::try_from(MAX_SCENARIO_BYTES + 1).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|error| format!("{path}: cannot read: {error}"))?;
    if bytes.len() > MAX_SCENARIO_BYTES {
        return Err(format!("{path}: larger than the limit of {MAX_SCENARIO_BYTES} bytes"));
    }
    String::from_utf8(bytes).map_err(|_| format!("{path}: not UTF-8 text"))
}
