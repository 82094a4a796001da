//! `fortress`: the rule core on the command line.
//!
//! Every failure is one line on stderr and exit code 2 for bad input (1 for
//! trouble writing the output); never a panic or a backtrace.

use std::io::{Read, Write};
use std::process::ExitCode;

use fortress_core::{deal, presets, Deal};
use fortress_format::deal::{deal_to_json, parse_deal, MAX_DEAL_BYTES};
use fortress_format::embed::{parse_accent, Embed};
use fortress_format::equity::{parse_equity, parse_exit, waterfalls_csv, waterfalls_json, MAX_EQUITY_BYTES, MAX_EXITS};
use fortress_format::link::{self, MAX_LINK_BYTES};
use fortress_format::view::View;
use fortress_format::{
    csv, outcome_to_json, parse_scenario, parse_scenario_with, scenario_and_outcome_json, scenario_to_json,
    MAX_SCENARIO_BYTES,
};

const USAGE: &str = "usage: fortress eval FILE|- [--csv | --with-scenario] [--deal DEAL|-] | check FILE|- | check-deal DEAL|- | deal ID | link FILE|- [--base URL] | embed FILE|- [--base URL] [--sections LIST] [--controls LIST] [--theme light|dark|auto] [--locale TAG] [--accent #RRGGBB] [--form both|script|iframe] | waterfall FILE|- [--exit N]... [--csv] | decode LINK|- | preset NAME | presets";

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
            eprintln!("fortress: {}", one_line(&message));
            ExitCode::from(2)
        }
    }
}

/// A message as one line: a control character that input put into it (a
/// JSON key with a line break, say) is written as its escape.
fn one_line(message: &str) -> String {
    message.chars().flat_map(|c| if c.is_control() { c.escape_default().collect() } else { vec![c] }).collect()
}

/// Runs one command and returns what it prints, or the one-line error.
fn run(args: &[&str]) -> Result<String, String> {
    match args {
        ["eval", rest @ ..] => {
            let (path, what, deal) = eval_args(rest).ok_or_else(|| USAGE.to_owned())?;
            eval(path, what, deal)
        }
        ["check-deal", path] => {
            let deal = read_deal(path)?;
            let (events, regimes, terms, routes) =
                (deal.events.len(), deal.regimes.len(), deal.terms.len(), deal.routes.len());
            Ok(format!(
                "ok: deal {}: {events} events, {regimes} regimes, {terms} terms, {routes} routing rules\n",
                deal.id
            ))
        }
        ["deal", id] => match deal::built_in(id) {
            Some(deal) => Ok(deal_to_json(deal) + "\n"),
            None => {
                let ids: Vec<&str> = deal::BUILT_IN.iter().map(|d| &*d.id).collect();
                Err(format!("no built-in deal has the id \"{id}\"; they are {}", ids.join(", ")))
            }
        },
        ["check", path] => {
            let scenario = parse_scenario(&read_input(path, MAX_SCENARIO_BYTES)?).map_err(|e| e.to_string())?;
            // Evaluation finds what validation cannot, such as an oversold secondary.
            fortress_core::evaluate(&scenario).map_err(|e| e.to_string())?;
            Ok(format!("ok: {} holders, {} rounds\n", scenario.holders.len(), scenario.rounds.len()))
        }
        ["link", path] => share_link(path, DEFAULT_BASE),
        ["link", path, "--base", base] | ["link", "--base", base, path] => share_link(path, base),
        ["embed", rest @ ..] => embed(rest),
        ["waterfall", rest @ ..] => waterfall(rest),
        ["decode", text] => {
            let text = if *text == "-" { read_input(text, MAX_SCENARIO_BYTES)? } else { (*text).to_owned() };
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

/// The arguments of `eval`, in any order: the scenario file, at most one of
/// `--csv` and `--with-scenario`, and `--deal FILE` at most once.
fn eval_args<'a>(args: &[&'a str]) -> Option<(&'a str, Eval, Option<&'a str>)> {
    let (mut path, mut what, mut deal) = (None, None, None);
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        match arg {
            "--csv" | "--with-scenario" if what.is_none() => {
                what = Some(if arg == "--csv" { Eval::Csv } else { Eval::WithScenario });
            }
            "--deal" if deal.is_none() => deal = Some(*args.next()?),
            _ if path.is_none() && (arg == "-" || !arg.starts_with('-')) => path = Some(arg),
            _ => return None,
        }
    }
    Some((path?, what.unwrap_or(Eval::Outcome), deal))
}

/// Reads and validates a deal file, or standard input for `-`.
fn read_deal(path: &str) -> Result<Deal, String> {
    parse_deal(&read_input(path, MAX_DEAL_BYTES)?).map_err(|e| e.to_string())
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

/// Evaluates a scenario file, under the deal of the file `deal` when one is
/// given (else the built-in deal the scenario names), and prints the outcome
/// as `what` says.
fn eval(path: &str, what: Eval, deal: Option<&str>) -> Result<String, String> {
    if path == "-" && deal == Some("-") {
        return Err("the scenario and the deal cannot both be read from standard input".to_owned());
    }
    let deal = deal.map(read_deal).transpose()?;
    let text = read_input(path, MAX_SCENARIO_BYTES)?;
    let (scenario, outcome) = match &deal {
        Some(deal) => {
            let scenario = parse_scenario_with(&text, deal).map_err(|e| e.to_string())?;
            let outcome = fortress_core::evaluate_with(&scenario, deal).map_err(|e| e.to_string())?;
            (scenario, outcome)
        }
        None => {
            let scenario = parse_scenario(&text).map_err(|e| e.to_string())?;
            let outcome = fortress_core::evaluate(&scenario).map_err(|e| e.to_string())?;
            (scenario, outcome)
        }
    };
    Ok(match what {
        Eval::Outcome => outcome_to_json(&outcome) + "\n",
        Eval::WithScenario => scenario_and_outcome_json(&scenario, &outcome) + "\n",
        // A scenario too large for a link still has a table: its link cell is left empty, as it
        // is under a publisher's deal, which links (read with the built-in deals) cannot carry.
        Eval::Csv => {
            let fragment = link::encode(&scenario);
            let linkable = fragment.len() <= MAX_LINK_BYTES && fortress_core::validate(&scenario).is_ok();
            let url = linkable.then(|| page_link(DEFAULT_BASE, &fragment));
            csv::outcome_csv(&scenario, &outcome, url.as_deref())
        }
    })
}

/// A scenario file and its share-link fragment, which must fit in a link.
fn scenario_and_link(path: &str) -> Result<(fortress_core::Scenario, String), String> {
    let scenario = parse_scenario(&read_input(path, MAX_SCENARIO_BYTES)?).map_err(|e| e.to_string())?;
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

/// The snippets that embed a scenario's widget in a page (`fortress_format::embed`):
/// the scenario file, then flags in any order: `--base` (the address `dist/`
/// is served from), `--sections`, `--controls`, `--theme`, `--locale` (the
/// element's attributes, read as the widget reads them), `--accent` (the
/// accent colour) and `--form` (both, script or iframe).
fn embed(args: &[&str]) -> Result<String, String> {
    let mut path = None;
    let mut flags: Vec<(&str, &str)> = Vec::new();
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        match arg.strip_prefix("--") {
            Some(name @ ("base" | "sections" | "controls" | "theme" | "locale" | "accent" | "form")) => {
                let value = rest.next().ok_or_else(|| format!("--{name} needs a value; {USAGE}"))?;
                if flags.iter().any(|(n, _)| *n == name) {
                    return Err(format!("--{name} is given twice"));
                }
                flags.push((name, value));
            }
            Some(_) => return Err(USAGE.to_owned()),
            None if path.is_none() => path = Some(arg),
            None => return Err(USAGE.to_owned()),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_owned())?;
    let flag = |name: &str| flags.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned());
    let (view, problems) = View::read(flag);
    if let Some(problem) = problems.first() {
        // The widget ignores a bad attribute; here, before it is pasted anywhere, it is an error.
        return Err(format!("--{}", problem.trim_end_matches("; it is ignored.")));
    }
    let accent = flag("accent").map(|a| parse_accent(&a)).transpose().map_err(|e| format!("--{e}"))?;
    let (scenario, fragment) = scenario_and_link(path)?;
    let outcome = fortress_core::evaluate(&scenario).map_err(|e| e.to_string())?;
    let base = flag("base").unwrap_or_else(|| DEFAULT_BASE.to_owned());
    let embed = Embed {
        base: &base,
        scenario: &scenario,
        outcome: &outcome,
        fragment: &fragment,
        view: &view,
        accent: accent.as_deref(),
    };
    match flag("form").as_deref().unwrap_or("both") {
        "both" => Ok(embed.both()),
        "script" => Ok(embed.script()),
        "iframe" => Ok(embed.iframe()),
        other => Err(format!("--form: \u{201c}{other}\u{201d} is not a form (both, script or iframe)")),
    }
}

/// Who gets what at each exit of an equity file (`fortress_format::equity`)
/// or of a scenario with share classes (`fortress_core::exit`): the file,
/// then in any order `--exit N` as often as wanted (whole dollars, or `$1.5B`;
/// they replace the file's `exits`, or the scenario's `exit` or last
/// post-money valuation) and `--csv` (the rows as CSV, else the engine's
/// waterfalls as JSON). A JSON object with a top-level `"version"` and no
/// `"equity_version"` is read as a scenario; any other text as an equity file.
fn waterfall(args: &[&str]) -> Result<String, String> {
    let (mut path, mut csv, mut exits) = (None, false, Vec::new());
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        match arg {
            "--csv" if !csv => csv = true,
            "--exit" => {
                let value = rest.next().ok_or_else(|| format!("--exit needs a value; {USAGE}"))?;
                exits.push(parse_exit(value).map_err(|e| format!("--exit: {e}"))?);
            }
            _ if path.is_none() && (arg == "-" || !arg.starts_with('-')) => path = Some(arg),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_owned())?;
    if exits.len() > MAX_EXITS {
        return Err(format!("--exit: {} exits; the limit is {MAX_EXITS}", exits.len()));
    }
    let text = read_input(path, MAX_EQUITY_BYTES.max(MAX_SCENARIO_BYTES))?;
    // A scenario names its `version` at the top; an equity file its `equity_version` (anything
    // else is read as an equity file, whose reader says what is wrong).
    let top = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text).ok();
    let scenario_text = top.is_some_and(|top| top.contains_key("version") && !top.contains_key("equity_version"));
    let (name, table, given) = if !scenario_text {
        let equity = parse_equity(&text).map_err(|e| e.to_string())?;
        (equity.name, equity.table, equity.exits)
    } else {
        let scenario = parse_scenario(&text).map_err(|e| e.to_string())?;
        let (table, value) = fortress_core::exit::cap_table(&scenario).map_err(|e| e.to_string())?;
        (Some(scenario.title).filter(|t| !t.is_empty()), table, value.into_iter().collect())
    };
    if exits.is_empty() {
        exits = given;
    }
    if exits.is_empty() {
        return Err(format!(
            "{path}: no exit to share; add --exit N (such as --exit 50000000 or --exit 1.5B), an \"exits\" list to \
             an equity file, or an \"exit\" to a scenario"
        ));
    }
    let waterfalls = exits
        .iter()
        .map(|&exit| fortress_core::engine::waterfall(&table, exit))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    Ok(if csv { waterfalls_csv(&waterfalls, &table) } else { waterfalls_json(name.as_deref(), &waterfalls) + "\n" })
}

/// Reads a file, or standard input for `-`, up to `max` bytes.
fn read_input(path: &str, max: usize) -> Result<String, String> {
    let limit = u64::try_from(max + 1).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|error| format!("{path}: cannot read: {error}"))?;
    if bytes.len() > max {
        return Err(format!("{path}: larger than the limit of {max} bytes"));
    }
    String::from_utf8(bytes).map_err(|_| format!("{path}: not UTF-8 text"))
}
