//! Prints a scenario at scale as JSON, for the browser benchmark (scripts/bench.sh turns it into
//! a share link with `fortress link`): `cargo run -q -p fortress-testkit --example synthetic -- 300 6`
//! for 300 starting holders and 6 rounds.

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let (Some(Ok(holders)), Some(Ok(rounds))) = (args.next(), args.next()) else {
        eprintln!("usage: synthetic HOLDERS ROUNDS");
        std::process::exit(2);
    };
    println!("{}", fortress_format::scenario_to_json(&fortress_testkit::synthetic(holders, rounds)));
}
