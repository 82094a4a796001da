//! Times `evaluate` on the default preset and at scale, and the sensitivity
//! map's 64 x 64 grid (the quick way, and the full way a round with a pool
//! or a sale takes); prints medians.
//!
//! A plain harness (no criterion) so the bench builds in seconds: each case
//! runs for a fixed number of iterations after a warm-up, and the median and
//! the fastest run are printed. Machines are noisy; quote the median.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use fortress_core::{evaluate, presets, sensitivity, Percent, Pool, PoolBasis, Scenario, Secondary};

fn time(label: &str, scenario: &Scenario, iterations: usize) {
    for _ in 0..iterations.div_ceil(10) {
        let _ = black_box(evaluate(black_box(scenario)));
    }
    let mut runs: Vec<Duration> = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            let outcome = evaluate(black_box(scenario));
            let elapsed = start.elapsed();
            assert!(outcome.is_ok(), "{label}: {:?}", outcome.err());
            let _ = black_box(outcome);
            elapsed
        })
        .collect();
    runs.sort();
    let median = runs.get(runs.len() / 2).copied().unwrap_or_default();
    let fastest = runs.first().copied().unwrap_or_default();
    let stages = scenario.rounds.len() + 1;
    println!(
        "evaluate {label:<34} median {:>10.1} us   fastest {:>10.1} us   ({iterations} runs, {stages} stages)",
        median.as_secs_f64() * 1e6,
        fastest.as_secs_f64() * 1e6
    );
}

/// Times one 64 x 64 sensitivity grid (4,096 cells: the holder's stake and a term's status).
fn time_grid(label: &str, scenario: &Scenario, holder: &str, iterations: usize) {
    let steps = sensitivity::STEPS;
    let run = || sensitivity::grid(black_box(scenario), holder, "azure-api-exclusivity", steps);
    for _ in 0..iterations.div_ceil(10) {
        let _ = black_box(run());
    }
    let mut runs: Vec<Duration> = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            let grid = run();
            let elapsed = start.elapsed();
            assert!(grid.is_ok(), "{label}: {:?}", grid.err());
            let _ = black_box(grid);
            elapsed
        })
        .collect();
    runs.sort();
    let median = runs.get(runs.len() / 2).copied().unwrap_or_default();
    let fastest = runs.first().copied().unwrap_or_default();
    println!(
        "sensitivity grid {steps}x{steps}, {label:<24} median {:>10.1} us   fastest {:>10.1} us   ({iterations} runs, {} cells)",
        median.as_secs_f64() * 1e6,
        fastest.as_secs_f64() * 1e6,
        steps * steps
    );
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this once, quickly.
    let quick = !std::env::args().any(|a| a == "--bench");
    let scale = if quick { 1 } else { 10 };
    time("default preset (feb-2026)", &presets::feb_2026_pre_money(), 200 * scale);
    for n in [10, 100, 1_000] {
        time(&format!("{n} holders, 5 rounds"), &fortress_testkit::synthetic(n, 5), (2_000 / n).max(5) * scale);
    }
    for rounds in [10, 50] {
        time(&format!("1000 holders, {rounds} rounds"), &fortress_testkit::synthetic(1_000, rounds), 3 * scale);
    }
    let mut floor = presets::feb_2026_pre_money();
    floor.whatifs = vec![fortress_core::WhatIf::StakeBelow {
        holder: "microsoft".into(),
        percent: Percent::from_micros(22_000_000),
        term: "azure-api-exclusivity".into(),
    }];
    time_grid("default preset + floor", &floor, "microsoft", 20 * scale);
    time_grid("100 holders, 5 rounds", &fortress_testkit::synthetic(100, 5), "h0", 3 * scale);
    // A pool top-up and a sale in the round: every cell applies it in full.
    let mut pooled = presets::feb_2026_post_money();
    if let Some(round) = pooled.rounds.last_mut() {
        round.pool = Some(Pool {
            percent: Percent::from_micros(5_000_000),
            sized: PoolBasis::PostMoney,
            holder: None,
            name: None,
        });
        round.secondaries = vec![Secondary {
            seller: "foundation".into(),
            buyer: "nvidia".into(),
            name: Some("Nvidia".into()),
            percent: Some(Percent::from_micros(1_000_000)),
            amount: None,
        }];
    }
    time_grid("pool + sale (full way)", &pooled, "microsoft", 5 * scale);
}
