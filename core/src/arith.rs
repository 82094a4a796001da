//! The exact arithmetic of the core, in one place: products and quotients of
//! share counts and dollars in `u128`, never a float that reaches a result.
//!
//! - [`mul_div`]: `floor(a * b / c)`, the one step every cheque, sale and value takes.
//! - [`Divisor`]: a divisor made once and used for many exact divisions, quick in wasm32.
//! - [`mul_wide`]: a full 64 x 64 -> 128-bit product, inline in wasm32.
//! - [`share_out`]: an amount split in proportion to weights by largest remainders.
//! - [`compare_fractions`] and [`compare_share`]: exact comparisons of fractions,
//!   so that a term never flips on rounding.
//!
//! It depends on nothing else in the crate, so that the cap table, the terms,
//! the outcome and validation all import from here and never from each other.

use std::cmp::Ordering;

use crate::Percent;

/// `floor(a * b / c)` in exact integers; `None` on overflow or division by zero.
///
/// The product is split so that it overflows only when the result itself
/// would be beyond 128 bits or `b % c` times `a` is.
pub(crate) fn mul_div(a: u128, b: u128, c: u128) -> Option<u128> {
    if c == 0 {
        return None;
    }
    // One division when the product fits, as it does for every amount and
    // share count in bounds: 128-bit division is slow, in wasm most of all.
    if let Some(product) = a.checked_mul(b) {
        return Some(div_rem(product, c)?.0);
    }
    let (b_whole, b_part) = div_rem(b, c)?;
    let whole = a.checked_mul(b_whole)?;
    let part = div_rem(a.checked_mul(b_part)?, c)?.0;
    whole.checked_add(part)
}

/// `(n / d, n % d)` exactly; `None` when `d` is zero.
pub(crate) fn div_rem(n: u128, d: u128) -> Option<(u128, u128)> {
    Some(Divisor::new(d)?.div_rem(n))
}

/// A non-zero divisor, ready for many exact divisions.
///
/// 128-bit division is a long software routine in wasm32, and not quick
/// natively either, while the quotients here (share counts, dollars) are
/// mostly below 2^52. So the quotient is estimated in `f64`, with the
/// divisor's reciprocal worked out once, and then fixed up exactly: it is
/// returned only once `q * d <= n < (q + 1) * d` holds in exact integers,
/// which is what defines `n / d`. Where the estimate is not close enough for
/// that within a few steps of one (quotients from 2^52 up, divisors of more
/// than 64 bits), it falls back to plain 128-bit division. The float never
/// reaches a result; tests check it against plain division.
///
/// The widget builds with `opt-level = "z"`, which inlines only what is
/// marked `#[inline(always)]`; the few small steps on the sensitivity map's
/// inner loop are, here and in the term probe.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Divisor {
    d: u128,
    /// `d` when it fits in 64 bits, as every price's does.
    narrow: Option<u64>,
    reciprocal: f64,
}

impl Divisor {
    /// `None` for zero.
    #[inline(always)]
    pub(crate) fn new(d: u128) -> Option<Divisor> {
        (d != 0).then(|| Divisor { d, narrow: u64::try_from(d).ok(), reciprocal: 1.0 / approx_f64(d) })
    }

    /// The `d` it divides by.
    pub(crate) fn divisor(self) -> u128 {
        self.d
    }

    /// `(n / d, n % d)`, exactly.
    #[inline]
    pub(crate) fn div_rem(self, n: u128) -> (u128, u128) {
        self.div_rem_near(n, approx_f64(n))
    }

    /// `(n / d, n % d)`, exactly, with `approx` standing for `n` in the
    /// estimate ([`approx_f64`] of it, made once where `n` is divided often).
    /// Any `approx` gives the exact answer; a poor one only costs time.
    #[inline(always)]
    pub(crate) fn div_rem_near(self, n: u128, approx: f64) -> (u128, u128) {
        // The usual case, kept short for the sensitivity map's inner loop:
        // the estimate is right, which one product and two comparisons prove.
        let estimate = approx * self.reciprocal;
        if let (Some(d), true) = (self.narrow, (0.0..FIX_UP_BELOW).contains(&estimate)) {
            // In range, so the cast truncates without saturating; through
            // i64, which is one instruction on x86-64 where u64 is several.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let q = estimate as i64 as u64;
            // q < 2^52 and d < 2^64, so the product fits in 128 bits.
            let product = mul_wide(q, d);
            if product <= n && n - product < u128::from(d) {
                return (u128::from(q), n - product);
            }
        }
        self.div_rem_otherwise(n, estimate)
    }

    /// [`Divisor::div_rem_near`] where the estimate was not right at once.
    /// (Kept out of line, so that the usual case stays small where it is inlined.)
    #[inline(never)]
    fn div_rem_otherwise(self, n: u128, estimate: f64) -> (u128, u128) {
        let d = self.d;
        if let (Ok(n), Ok(d)) = (u64::try_from(n), u64::try_from(d)) {
            // One instruction, in wasm32 too; d is not zero.
            return (u128::from(n / d), u128::from(n % d));
        }
        if n < d {
            return (0, n);
        }
        // False for NaN too; below 2^52 the estimate is off by a few units at most.
        if (0.0..FIX_UP_BELOW).contains(&estimate) {
            // In range: the cast truncates without saturating.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let q = estimate as i64 as u64;
            // q < 2^52, so q d fits in 128 bits whenever d fits in 64.
            let product = match u64::try_from(d) {
                Ok(d) => Some(mul_wide(q, d)),
                Err(_) => u128::from(q).checked_mul(d),
            };
            if let Some(found) = product.and_then(|product| fix_up(n, d, u128::from(q), product)) {
                return found;
            }
        }
        let q = n / d;
        (q, n - q * d)
    }
}

/// `(n / d, n % d)` from a guess `q` with `product == q * d`, in at most
/// [`FIX_UP_STEPS`] steps of one; `None` when the guess is further off.
fn fix_up(n: u128, d: u128, mut q: u128, mut product: u128) -> Option<(u128, u128)> {
    for _ in 0..FIX_UP_STEPS {
        if product > n {
            // product = q d > n >= 0, so q >= 1 and product >= d.
            q -= 1;
            product -= d;
        } else if n - product < d {
            return Some((q, n - product));
        } else {
            // product + d <= n: no overflow.
            q += 1;
            product += d;
        }
    }
    None
}

/// `a * b` in full. In wasm32 a 128-bit product is a call that returns
/// through memory, so there it is made of four 32-bit products inline.
#[inline(always)]
pub(crate) fn mul_wide(a: u64, b: u64) -> u128 {
    if cfg!(target_arch = "wasm32") {
        mul_by_halves(a, b)
    } else {
        u128::from(a) * u128::from(b)
    }
}

/// `a * b` from 32-bit halves, with 64-bit arithmetic only.
#[inline(always)]
fn mul_by_halves(a: u64, b: u64) -> u128 {
    const LOW: u64 = 0xffff_ffff;
    let (a_low, a_high, b_low, b_high) = (a & LOW, a >> 32, b & LOW, b >> 32);
    // Each partial product of two 32-bit halves fits in 64 bits.
    let (low, mid1, mid2, high) = (a_low * b_low, a_low * b_high, a_high * b_low, a_high * b_high);
    // At most three 32-bit numbers: below 2^34.
    let carry = (low >> 32) + (mid1 & LOW) + (mid2 & LOW);
    let bottom = (low & LOW) | (carry << 32);
    // The full product is below 2^128, so this does not overflow.
    let top = high + (mid1 >> 32) + (mid2 >> 32) + (carry >> 32);
    (u128::from(top) << 64) | u128::from(bottom)
}

/// Quotients below this are estimated in `f64` by [`Divisor`]: 2^52.
const FIX_UP_BELOW: f64 = 4_503_599_627_370_496.0;

/// The most steps of one [`Divisor`] takes to fix an estimate before it divides in full.
const FIX_UP_STEPS: usize = 6;

/// `n` as an `f64`, within a few units in the last place: each 64-bit half
/// converts in one instruction, where a 128-bit conversion is a routine.
/// (No `mul_add`: wasm32 has no fused multiply-add, and calls a slow one.)
#[inline(always)]
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
pub(crate) fn approx_f64(n: u128) -> f64 {
    const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;
    (n >> 64) as u64 as f64 * TWO_POW_64 + n as u64 as f64
}

/// Shares `amount` out in proportion to `weights` by largest remainders, so
/// that the parts add up to `amount` exactly. Ties go to the earlier holder.
///
/// `None` on overflow or when the weights are all zero.
pub(crate) fn share_out(amount: u128, weights: &[u128], total: u128) -> Option<Vec<u128>> {
    let total = Divisor::new(total)?;
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given: u128 = 0;
    for &weight in weights {
        // amount * weight / total, keeping the remainder for the tie-break;
        // one product and one division each, the costly step here.
        let (quotient, remainder) = total.div_rem(amount.checked_mul(weight)?);
        parts.push(quotient);
        remainders.push(remainder);
        given = given.checked_add(quotient)?;
    }
    // Fewer dollars are left than there are holders, so each gets at most one:
    // the `left` largest remainders, ties to the earlier holder.
    let left = usize::try_from(amount.checked_sub(given)?).ok()?;
    if left == 0 {
        return Some(parts);
    }
    let threshold = largest_remainders_threshold(&remainders, left)?;
    // Every remainder above the threshold gets one; those equal to it, in order, get the rest.
    let mut at_threshold = left.checked_sub(remainders.iter().filter(|&&r| r > threshold).count())?;
    for (part, &remainder) in parts.iter_mut().zip(&remainders) {
        let gets = remainder > threshold || (remainder == threshold && at_threshold > 0);
        if remainder == threshold && gets {
            at_threshold -= 1;
        }
        *part += u128::from(gets);
    }
    Some(parts)
}

/// The `left`-th largest of `values` (`left` at least one): the largest `t`
/// with at least `left` values at or above it, found by halving the range of
/// values, 128 counts at most, so that no sort is needed.
fn largest_remainders_threshold(values: &[u128], left: usize) -> Option<u128> {
    let at_least = |t: u128| values.iter().filter(|&&v| v >= t).count() >= left;
    let (mut lo, mut hi) = (0u128, values.iter().copied().max()?);
    // at_least(lo) holds (every value is >= 0); find the largest t that keeps it.
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if at_least(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(lo)
}

/// `shares / total` against a percentage, exactly: by cross-multiplying when
/// the products fit in 128 bits (from 64-bit halves where they can), else by
/// continued fractions. A table with no shares holds 0% of anything.
#[inline(always)]
pub(crate) fn compare_share(shares: u128, total: u128, percent: Percent) -> Ordering {
    let micros = u128::try_from(percent.micros()).unwrap_or(0);
    let hundred = u128::from(Percent::HUNDRED_MICROS.unsigned_abs());
    if total == 0 {
        return 0.cmp(&micros);
    }
    // The same products, made from 64-bit halves where all four fit (every
    // table in bounds): cheaper than a 128-bit multiplication in wasm32.
    if let (Ok(s), Ok(t), Ok(m), Ok(h)) =
        (u64::try_from(shares), u64::try_from(total), u64::try_from(micros), u64::try_from(hundred))
    {
        return mul_wide(s, h).cmp(&mul_wide(m, t));
    }
    if let (Some(left), Some(right)) = (shares.checked_mul(hundred), micros.checked_mul(total)) {
        return left.cmp(&right);
    }
    compare_fractions(shares, total, micros, hundred)
}

/// Compares a/b with c/d exactly for any non-zero denominators.
pub(crate) fn compare_fractions(mut a: u128, mut b: u128, mut c: u128, mut d: u128) -> Ordering {
    // Each step compares the integer parts, then the inverted remainders, so
    // the order flips at every level; the loop ends because b and d shrink.
    let mut flipped = false;
    loop {
        if b == 0 || d == 0 {
            // A zero denominator here stands for an infinite fraction (its
            // remainder was zero one level up), so that side is the larger.
            let order = (b == 0).cmp(&(d == 0));
            return if flipped { order.reverse() } else { order };
        }
        let (q1, r1) = (a / b, a % b);
        let (q2, r2) = (c / d, c % d);
        if q1 != q2 {
            let order = q1.cmp(&q2);
            return if flipped { order.reverse() } else { order };
        }
        if r1 == 0 && r2 == 0 {
            return Ordering::Equal;
        }
        // r1/b against r2/d is the reverse of b/r1 against d/r2.
        (a, b, c, d) = (b, r1, d, r2);
        flipped = !flipped;
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// `mul_div` as it was, with plain 128-bit division: the quick one must agree with it everywhere.
    fn mul_div_plain(a: u128, b: u128, c: u128) -> Option<u128> {
        if c == 0 {
            return None;
        }
        if let Some(product) = a.checked_mul(b) {
            return Some(product / c);
        }
        a.checked_mul(b / c)?.checked_add(a.checked_mul(b % c)? / c)
    }

    /// Numbers of every size, with the edges weighted in: zero, one, the
    /// ends of 64 and 128 bits, and powers of two either side.
    fn wide() -> impl Strategy<Value = u128> {
        prop_oneof![
            any::<u128>(),
            any::<u64>().prop_map(u128::from),
            (0..128u32, any::<u128>()).prop_map(|(bits, x)| x >> bits),
            (0..128u32, -3..=3i8).prop_map(|(bits, off)| (1u128 << bits).wrapping_add_signed(off.into())),
            prop::sample::select(vec![0, 1, 2, u128::from(u64::MAX), 1 << 64, u128::MAX - 1, u128::MAX]),
        ]
    }

    /// A quotient near where the estimate stops being trusted (2^52, 2^53), or anywhere below.
    fn quotient() -> impl Strategy<Value = u128> {
        prop_oneof![
            (50..56u32, -5..=5i8).prop_map(|(bits, off)| (1u128 << bits).wrapping_add_signed(off.into())),
            0..(1u128 << 54),
            wide(),
        ]
    }

    /// `share_out` as it was, sorting the remainders: the sort-free one must agree with it.
    fn share_out_sorted(amount: u128, weights: &[u128], total: u128) -> Option<Vec<u128>> {
        let mut parts: Vec<u128> = weights.iter().map(|w| amount * w / total).collect();
        let mut remainders: Vec<(u128, usize)> =
            weights.iter().enumerate().map(|(i, w)| (amount * w % total, i)).collect();
        let left = amount - parts.iter().sum::<u128>();
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in remainders.iter().take(left as usize) {
            parts[i] += 1;
        }
        Some(parts)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// Small weights make many equal remainders, so ties are tried often.
        #[test]
        fn share_out_is_the_sorted_largest_remainders(
            amount in 0..1_000_000u128,
            weights in prop::collection::vec(prop_oneof![0..4u128, 0..1_000_000_000u128], 1..40),
        ) {
            let total: u128 = weights.iter().sum();
            if total > 0 {
                prop_assert_eq!(share_out(amount, &weights, total), share_out_sorted(amount, &weights, total));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn div_rem_is_plain_division(n in wide(), d in wide()) {
            prop_assert_eq!(div_rem(n, d), (d != 0).then(|| (n / d, n % d)));
        }

        /// n = q d + r for a chosen quotient and remainder, so that quotients
        /// near 2^52 and 2^53 and remainders at both ends are tried.
        #[test]
        fn div_rem_is_exact_near_the_edges(q in quotient(), d in wide(), r in wide(), top in any::<bool>()) {
            let d = d.max(1);
            let r = if top { d - 1 - r % d } else { r % d };
            if let Some(n) = q.checked_mul(d).and_then(|qd| qd.checked_add(r)) {
                prop_assert_eq!(div_rem(n, d), Some((q, r)));
            }
        }

        /// The estimate only saves time: any stand-in for n, however wrong, gives the exact answer.
        #[test]
        fn any_estimate_gives_the_exact_answer(n in wide(), d in wide(), approx in any::<f64>()) {
            if let Some(divisor) = Divisor::new(d) {
                prop_assert_eq!(divisor.div_rem_near(n, approx), (n / d, n % d));
                prop_assert_eq!(divisor.div_rem_near(n, approx_f64(n)), (n / d, n % d));
            }
        }

        #[test]
        fn mul_div_is_as_before(a in wide(), b in wide(), c in wide()) {
            prop_assert_eq!(mul_div(a, b, c), mul_div_plain(a, b, c));
        }

        #[test]
        fn mul_div_is_as_before_on_cap_table_sizes(a in 0..=1u128 << 60, b in 0..=1u128 << 100, c in 1..=1u128 << 60) {
            prop_assert_eq!(mul_div(a, b, c), mul_div_plain(a, b, c));
        }

        #[test]
        fn products_by_halves_are_exact(a in any::<u64>(), b in any::<u64>()) {
            prop_assert_eq!(mul_by_halves(a, b), u128::from(a) * u128::from(b));
            prop_assert_eq!(mul_wide(a, b), u128::from(a) * u128::from(b));
        }
    }

    #[test]
    fn div_rem_edges() {
        let cases = [
            (0, 1),
            (1, 1),
            (u128::MAX, 1),
            (u128::MAX, u128::MAX),
            (u128::MAX - 1, u128::MAX),
            (u128::MAX, 3),
            (u128::MAX, (1 << 76) - 1),
            (u128::MAX, 1 << 76),
            ((1 << 52) * 1_000_000_007, 1_000_000_007),
            ((1 << 52) * 1_000_000_007 - 1, 1_000_000_007),
            ((1 << 53) * 1_000_000_007 + 5, 1_000_000_007),
            ((1 << 53) * (1 << 74) - 1, 1 << 74),
            (u128::from(u64::MAX) * u128::from(u64::MAX), u128::from(u64::MAX)),
        ];
        for (n, d) in cases {
            assert_eq!(div_rem(n, d), Some((n / d, n % d)), "{n} / {d}");
        }
        assert_eq!(div_rem(5, 0), None);
        assert_eq!(mul_by_halves(u64::MAX, u64::MAX), u128::from(u64::MAX) * u128::from(u64::MAX));
    }

    #[test]
    fn mul_div_is_exact() {
        let cases = [
            (50_000_000_000u128, 1_000_000_000_000u128, 730_000_000_000u128, 68_493_150_684u128),
            (7, 3, 2, 10),
            (u128::MAX, 1, 1, u128::MAX),
            (1, 1, 3, 0),
        ];
        for (a, b, c, want) in cases {
            assert_eq!(mul_div(a, b, c), Some(want), "{a} * {b} / {c}");
        }
        assert_eq!(mul_div(1, 1, 0), None);
        assert_eq!(mul_div(u128::MAX, 2, 1), None);
    }

    #[test]
    fn share_out_adds_up_and_breaks_ties_in_order() {
        let cases: [(u128, &[u128], &[u128]); 4] = [
            (10, &[1, 1, 1], &[4, 3, 3]),
            (100, &[1, 2, 3, 4], &[10, 20, 30, 40]),
            (1, &[1, 1], &[1, 0]),
            (7, &[0, 5, 0], &[0, 7, 0]),
        ];
        for (amount, weights, want) in cases {
            let total = weights.iter().sum();
            assert_eq!(share_out(amount, weights, total).as_deref(), Some(want), "{amount} over {weights:?}");
        }
    }

    #[test]
    fn fractions_compare_exactly() {
        let cases = [
            ((1, 3, 1, 3), Ordering::Equal),
            ((1, 3, 2, 6), Ordering::Equal),
            ((1, 3, 1, 2), Ordering::Less),
            ((2, 3, 1, 2), Ordering::Greater),
            ((0, 5, 0, 7), Ordering::Equal),
            ((0, 5, 1, 7), Ordering::Less),
            ((u128::MAX - 1, u128::MAX, u128::MAX - 2, u128::MAX - 1), Ordering::Greater),
            ((u128::MAX / 3, u128::MAX, 1, 3), Ordering::Equal),
            ((u128::MAX / 3 + 1, u128::MAX, 1, 3), Ordering::Greater),
            ((3, 9, 1, 2), Ordering::Less),
            ((3, 6, 1, 3), Ordering::Greater),
            ((5, 4, 9, 8), Ordering::Greater),
            ((7, 2, 7, 2), Ordering::Equal),
        ];
        for ((a, b, c, d), expected) in cases {
            assert_eq!(compare_fractions(a, b, c, d), expected, "{a}/{b} vs {c}/{d}");
        }
    }
}
