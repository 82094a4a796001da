//! The picture of a scenario: a 640 CSS-pixel-wide card, as tall as it needs,
//! laid out here as a list of drawing primitives that `www/tools.js` draws on
//! a canvas (PNG) or writes as SVG. Layout and words live here, in Rust, so
//! they are tested natively; the JavaScript only draws.
//!
//! From the top: the scenario's title; the day the terms were judged on;
//! the headline for the holder in focus ("Microsoft 27.0% → 23.5%, worth
//! $197B"); the key term's line, in the core's words; the ownership chart
//! (each holder of the last stage with a thin bar before and a thick bar
//! after, on one scale, named, with both stakes); the key rows of the table
//! (the holder in focus, then the largest others, ten rows at most); the
//! sources; the share link in small type.
//!
//! Text is placed without a font to measure it: [`text_width`] is a
//! deliberately generous estimate of Helvetica or Arial (and of the wider
//! DejaVu Sans), and every line is wrapped or shortened with "…" to fit it.
//! Each text also carries the room it was laid out in, which the canvas
//! passes to `fillText` as its `maxWidth`, so a wider font is narrowed, not
//! cut off.

use fortress_core::terms::AsOfBasis;
use fortress_core::{Outcome, Scenario, Stage};
use serde_json::{json, Value};

use fortress_format::numbers;
use fortress_format::summary::{headline, key_term_line};

/// The picture's width in CSS pixels (the PNG is drawn at twice that).
pub const WIDTH: f64 = 640.0;
/// The margin on every side.
pub const PAD: f64 = 24.0;
/// The font family both drawings name (`www/tools.js` uses it as it is).
pub const FONT_FAMILY: &str = "Helvetica, Arial, sans-serif";
/// The most holders the chart draws one by one; more are drawn as one pair of bars, "N other holders".
pub const CHART_HOLDERS: usize = 20;
/// The most rows of the table: the holder in focus, then the largest others.
pub const TABLE_ROWS: usize = 10;
/// The most sources named in the source line before "and N more".
pub const SOURCES_NAMED: usize = 3;

/// The colours of one scheme, each `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// The card behind everything.
    pub background: &'static str,
    /// The band behind every other row of the table.
    pub band: &'static str,
    /// Text.
    pub text: &'static str,
    /// Secondary text: the date, the legend, the sources, the link.
    pub muted: &'static str,
    /// The rule under the table's header.
    pub rule: &'static str,
    /// Bars of the stakes before.
    pub before: &'static str,
    /// Bars of the stakes after.
    pub after: &'static str,
    /// The bar after of the holder in focus.
    pub focus: &'static str,
}

/// The light scheme: the widget's light colours. Text and muted text meet
/// WCAG AA (4.5:1) on the background and the band; bars meet 3:1 on the background.
pub const LIGHT: Palette = Palette {
    background: "#ffffff",
    band: "#f6f8fa",
    text: "#1f2328",
    muted: "#57606a",
    rule: "#d0d7de",
    before: "#6e7781",
    after: "#0b57d0",
    focus: "#a8326c",
};

/// The dark scheme: the widget's dark colours, with the same contrasts as [`LIGHT`].
pub const DARK: Palette = Palette {
    background: "#0d1117",
    band: "#161b22",
    text: "#e6edf3",
    muted: "#9da7b3",
    rule: "#30363d",
    before: "#768390",
    after: "#58a6ff",
    focus: "#f07ab5",
};

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// Dark text on white.
    Light,
    /// Light text on near-black.
    Dark,
}

impl Scheme {
    /// `"light"` or `"dark"`; `None` for anything else.
    pub fn parse(name: &str) -> Option<Scheme> {
        match name {
            "light" => Some(Scheme::Light),
            "dark" => Some(Scheme::Dark),
            _ => None,
        }
    }

    /// The scheme's colours.
    pub fn palette(self) -> &'static Palette {
        match self {
            Scheme::Light => &LIGHT,
            Scheme::Dark => &DARK,
        }
    }
}

/// How a text lines up with its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at the point (left-aligned).
    Start,
    /// The text ends at the point (right-aligned).
    End,
}

/// One thing to draw, in CSS pixels from the top left. Its JSON form ([`Primitive::to_json`]):
///
/// - `{"rect":[x,y,w,h],"fill":"#rrggbb"}`
/// - `{"text":"…","at":[x,y],"size":px,"weight":400|700,"fill":"#rrggbb","anchor":"start"|"end","max":px}`,
///   where `at` is on the baseline and `max` the width the text was laid out in
/// - `{"line":[x1,y1,x2,y2],"stroke":"#rrggbb","width":px}`
///
/// The first primitive of a picture is its background, whose rectangle is the picture's size.
#[derive(Clone, Debug, PartialEq)]
pub enum Primitive {
    /// A filled rectangle.
    Rect {
        /// x, y, width, height.
        rect: [f64; 4],
        /// Its colour.
        fill: &'static str,
    },
    /// One line of text.
    Text {
        /// The text.
        text: String,
        /// x, and y of the baseline.
        at: [f64; 2],
        /// The font size in pixels.
        size: f64,
        /// 400 or 700.
        weight: u16,
        /// Its colour.
        fill: &'static str,
        /// Where it stands from `at`.
        anchor: Anchor,
        /// The width it was laid out in.
        max: f64,
    },
    /// A straight line.
    Line {
        /// x1, y1, x2, y2.
        line: [f64; 4],
        /// Its colour.
        stroke: &'static str,
        /// Its width in pixels.
        width: f64,
    },
}

impl Primitive {
    /// The primitive as JSON, as the type's documentation writes it.
    pub fn to_json(&self) -> Value {
        match self {
            Primitive::Rect { rect, fill } => json!({"rect": rect.map(round), "fill": fill}),
            Primitive::Text { text, at, size, weight, fill, anchor, max } => json!({
                "text": text,
                "at": at.map(round),
                "size": round(*size),
                "weight": weight,
                "fill": fill,
                "anchor": match anchor { Anchor::Start => "start", Anchor::End => "end" },
                "max": round(*max),
            }),
            Primitive::Line { line, stroke, width } => {
                json!({"line": line.map(round), "stroke": stroke, "width": round(*width)})
            }
        }
    }

    /// The horizontal extent `(left, right)` it covers, texts by [`text_width`].
    pub fn extent(&self) -> (f64, f64) {
        match self {
            Primitive::Rect { rect: [x, _, w, _], .. } => (*x, x + w),
            Primitive::Text { text, at: [x, _], size, weight, anchor, .. } => {
                let width = text_width(text, *size, *weight);
                match anchor {
                    Anchor::Start => (*x, x + width),
                    Anchor::End => (x - width, *x),
                }
            }
            Primitive::Line { line: [x1, _, x2, _], .. } => (x1.min(*x2), x1.max(*x2)),
        }
    }
}

/// The primitives as a JSON array, as `picture` returns them to JavaScript.
pub fn to_json(primitives: &[Primitive]) -> String {
    Value::Array(primitives.iter().map(Primitive::to_json).collect()).to_string()
}

/// A coordinate to two decimals, so the JSON stays short.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A generous estimate of the width of `text` in pixels at `size` and
/// `weight`: per-character widths of Helvetica and Arial, plus a tenth for
/// wider fonts such as DejaVu Sans; a whole em for anything outside ASCII.
pub fn text_width(text: &str, size: f64, weight: u16) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.28,
            ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '/' => 0.36,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.94,
            'A'..='Z' => 0.74,
            '0'..='9' | '$' | '#' | '_' | '+' | '=' | '<' | '>' | '~' | '?' => 0.58,
            'a'..='z' => 0.58,
            c if c.is_ascii() => 0.6,
            _ => 1.0,
        })
        .sum();
    let bold = if weight >= 600 { 1.08 } else { 1.0 };
    ems * size * bold * 1.1
}

/// `text` as it is when it fits in `width`, else shortened with "…" until it does.
fn fit(text: &str, size: f64, weight: u16, width: f64) -> String {
    if text_width(text, size, weight) <= width {
        return text.to_owned();
    }
    ellipsize(text, size, weight, width)
}

/// `text` ending in "…", shortened until it fits in `width`: it says that text was left out.
fn ellipsize(text: &str, size: f64, weight: u16, width: f64) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    loop {
        let shorter = chars.iter().collect::<String>().trim_end().to_owned() + "\u{2026}";
        if chars.is_empty() || text_width(&shorter, size, weight) <= width {
            return shorter;
        }
        chars.pop();
    }
}

/// `text` in lines that fit `width`, broken at spaces (or anywhere, when
/// `anywhere` or a word is wider than a line), at most `max_lines`, the last
/// shortened with "…" when text is left over.
fn wrap(text: &str, size: f64, weight: u16, width: f64, max_lines: usize, anywhere: bool) -> Vec<String> {
    let fits = |line: &str| text_width(line, size, weight) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words: Vec<String> = Vec::new();
    if anywhere {
        words.extend(text.chars().map(String::from));
    } else {
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            // A separator dot stays at the end of its line, never starts one.
            match words.last_mut() {
                Some(last) if word == "\u{b7}" => *last = format!("{last} {word}"),
                _ => words.push(word.to_owned()),
            }
        }
    }
    for word in words {
        let joined = if line.is_empty() || anywhere { format!("{line}{word}") } else { format!("{line} {word}") };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a line is broken where it must be.
        for c in word.chars() {
            let longer = format!("{line}{c}");
            if fits(&longer) || line.is_empty() {
                line = longer;
            } else {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(last, size, weight, width);
        }
    }
    lines
}

/// The picture being laid out: the primitives so far and the top of the next block.
struct Canvas {
    out: Vec<Primitive>,
    y: f64,
    colours: &'static Palette,
}

/// A line of text (see [`Primitive::Text`]).
fn label(
    text: String,
    at: [f64; 2],
    size: f64,
    weight: u16,
    fill: &'static str,
    anchor: Anchor,
    max: f64,
) -> Primitive {
    Primitive::Text { text, at, size, weight, fill, anchor, max }
}

impl Canvas {
    /// Adds a primitive; a text with nothing to say is left out.
    fn put(&mut self, primitive: Primitive) {
        if !matches!(&primitive, Primitive::Text { text, .. } if text.is_empty()) {
            self.out.push(primitive);
        }
    }

    /// Lines of `text` across the whole width, wrapped; the next block starts below them.
    fn paragraph(&mut self, text: &str, size: f64, weight: u16, fill: &'static str, max_lines: usize, anywhere: bool) {
        let width = WIDTH - 2.0 * PAD;
        for line in wrap(text, size, weight, width, max_lines, anywhere) {
            self.y += size;
            self.put(label(line, [PAD, self.y], size, weight, fill, Anchor::Start, width));
            self.y += size * 0.4;
        }
    }

    fn rect(&mut self, rect: [f64; 4], fill: &'static str) {
        self.put(Primitive::Rect { rect, fill });
    }
}

/// One holder as the chart and the table show it: shares before (in the
/// first stage) and after (in the last), and the totals they are stakes of.
struct Entry<'a> {
    id: &'a str,
    name: String,
    before: Option<u128>,
    after: u128,
}

/// The picture of `outcome` for the holder `focus` (the first holder of the
/// last stage when no holder has that id), in `scheme`, with `link` in small
/// type at the foot. The first primitive is the background: `[0, 0, 640, height]`.
pub fn picture_primitives(
    scenario: &Scenario,
    outcome: &Outcome,
    link: Option<&str>,
    focus: &str,
    scheme: Scheme,
) -> Vec<Primitive> {
    let colours = scheme.palette();
    let mut c = Canvas { out: Vec::new(), y: PAD - 4.0, colours };
    c.paragraph(&scenario.title, 22.0, 700, colours.text, 3, false);
    c.y += 2.0;
    c.paragraph(&as_of_line(outcome), 13.0, 400, colours.muted, 2, false);
    if let (Some(first), Some(last)) = (outcome.stages.first(), outcome.last_stage()) {
        let focus = last.holder(focus).or(last.holders.first()).map_or("", |h| h.id.as_str());
        c.y += 14.0;
        c.paragraph(&headline(first, last, focus), 24.0, 700, colours.text, 2, false);
        if let Some(line) = key_term_line(outcome) {
            c.y += 4.0;
            c.paragraph(&line, 14.0, 400, colours.text, 4, false);
        }
        c.y += 22.0;
        chart(&mut c, first, last, focus);
        c.y += 22.0;
        table(&mut c, first, last, focus);
    }
    if let Some(line) = sources_line(scenario) {
        c.y += 18.0;
        c.paragraph(&line, 12.0, 400, colours.muted, 3, false);
    }
    if let Some(link) = link.filter(|l| !l.is_empty()) {
        c.y += 8.0;
        c.paragraph(link, 10.0, 400, colours.muted, 8, true);
    }
    let height = (c.y + PAD).ceil();
    let mut out = vec![Primitive::Rect { rect: [0.0, 0.0, WIDTH, height], fill: colours.background }];
    out.append(&mut c.out);
    out
}

/// "As of 2026-02-27", and where that day comes from when it is not the scenario's own.
fn as_of_line(outcome: &Outcome) -> String {
    let Some(term) = outcome.terms.first() else { return String::new() };
    let basis = match term.as_of_basis {
        AsOfBasis::Scenario => "",
        AsOfBasis::LastRound => ", the date of the last round",
        AsOfBasis::RegimeStart => ", the day the October 2025 agreement took effect",
    };
    format!("As of {}{basis}", term.as_of)
}

/// "Sources: A; B; C and 5 more": the first distinct sources, shortened.
fn sources_line(scenario: &Scenario) -> Option<String> {
    let mut distinct: Vec<&str> = Vec::new();
    for source in &scenario.sources {
        if !distinct.contains(&source.source.as_str()) {
            distinct.push(&source.source);
        }
    }
    if distinct.is_empty() {
        return None;
    }
    let named: Vec<String> = distinct.iter().take(SOURCES_NAMED).map(|s| fit(s, 12.0, 400, 220.0)).collect();
    let more = distinct.len().saturating_sub(SOURCES_NAMED);
    let more = if more > 0 { format!(" and {more} more") } else { String::new() };
    Some(format!("Sources: {}{more}", named.join("; ")))
}

/// The lines of the chart: every holder of the last stage, in its order; past
/// [`CHART_HOLDERS`], the holder in focus and the largest others, and the rest as one line.
fn chart_lines<'a>(first: &'a Stage, last: &'a Stage, focus: &str) -> Vec<Entry<'a>> {
    let line = |id: &'a str, name: &str, after: u128| Entry {
        id,
        name: name.to_owned(),
        before: first.holder(id).map(|h| h.shares),
        after,
    };
    if last.holders.len() <= CHART_HOLDERS {
        return last.holders.iter().map(|h| line(&h.id, &h.name, h.shares)).collect();
    }
    let kept = largest(last, focus, CHART_HOLDERS - 1);
    let mut lines: Vec<Entry<'a>> = Vec::new();
    let (mut before, mut after, mut others) = (0u128, 0u128, 0usize);
    for (i, h) in last.holders.iter().enumerate() {
        if kept.contains(&i) {
            lines.push(line(&h.id, &h.name, h.shares));
        } else {
            before = before.saturating_add(first.holder(&h.id).map_or(0, |b| b.shares));
            after = after.saturating_add(h.shares);
            others += 1;
        }
    }
    lines.push(Entry { id: "", name: format!("{others} other holders"), before: Some(before), after });
    lines
}

/// The indices in `stage` of the holder `focus` and the largest others, `n` in all, in the stage's order.
fn largest(stage: &Stage, focus: &str, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..stage.holders.len()).collect();
    let key = |i: &usize| stage.holders.get(*i).map(|h| (h.id != focus, std::cmp::Reverse(h.shares)));
    order.sort_by_key(key);
    order.truncate(n);
    order.sort_unstable();
    order
}

/// A stake as a fraction of 100, for drawing only.
#[allow(clippy::cast_precision_loss)]
fn share_of(shares: u128, total: u128) -> f64 {
    if total == 0 {
        0.0
    } else {
        shares as f64 / total as f64 * 100.0
    }
}

/// The ownership chart: for each line, its name and both stakes, a thin bar
/// before and a thick bar after, on one scale from 0 to the largest stake
/// rounded up to ten points.
fn chart(c: &mut Canvas, first: &Stage, last: &Stage, focus: &str) {
    let colours = c.colours;
    let width = WIDTH - 2.0 * PAD;
    c.paragraph(&format!("Ownership before and after {}", last.label), 15.0, 700, colours.text, 2, false);
    // The key: a thin bar "before", a thick bar "after".
    c.y += 4.0;
    let key_y = c.y;
    c.rect([PAD, key_y + 5.0, 16.0, 5.0], colours.before);
    c.put(label("before".into(), [PAD + 22.0, key_y + 11.0], 12.0, 400, colours.muted, Anchor::Start, 80.0));
    let after_x = PAD + 22.0 + text_width("before", 12.0, 400) + 18.0;
    c.rect([after_x, key_y + 2.0, 16.0, 10.0], colours.after);
    let key = "after (bars to scale, 0 to the largest stake)";
    let room = WIDTH - PAD - after_x - 22.0;
    c.put(label(key.into(), [after_x + 22.0, key_y + 11.0], 12.0, 400, colours.muted, Anchor::Start, room));
    c.y += 22.0;

    let lines = chart_lines(first, last, focus);
    let stakes: Vec<(f64, f64)> = lines
        .iter()
        .map(|l| (l.before.map_or(0.0, |b| share_of(b, first.total_shares)), share_of(l.after, last.total_shares)))
        .collect();
    let largest = stakes.iter().fold(10.0_f64, |m, &(b, a)| m.max(b).max(a));
    let scale = (largest / 10.0).ceil() * 10.0;
    for (line, (before, after)) in lines.iter().zip(stakes) {
        let top = c.y;
        let is_focus = !line.id.is_empty() && line.id == focus;
        let stakes = format!(
            "{} \u{2192} {}",
            numbers::percent(line.before.unwrap_or(0), first.total_shares),
            numbers::percent(line.after, last.total_shares)
        );
        let stakes_width = text_width(&stakes, 13.0, 400);
        let name_room = width - stakes_width - 12.0;
        let weight = if is_focus { 700 } else { 400 };
        let name = fit(&line.name, 13.0, weight, name_room);
        c.put(label(name, [PAD, top + 13.0], 13.0, weight, colours.text, Anchor::Start, name_room));
        c.put(label(stakes, [WIDTH - PAD, top + 13.0], 13.0, 400, colours.text, Anchor::End, stakes_width));
        c.rect([PAD, top + 19.0, width * before / scale, 6.0], colours.before);
        c.rect([PAD, top + 27.0, width * after / scale, 12.0], if is_focus { colours.focus } else { colours.after });
        c.y = top + 46.0;
    }
    let axis_y = c.y + 2.0;
    c.put(label("0%".into(), [PAD, axis_y], 10.0, 400, colours.muted, Anchor::Start, 40.0));
    c.put(label(format!("{scale}%"), [WIDTH - PAD, axis_y], 10.0, 400, colours.muted, Anchor::End, 40.0));
    c.y = axis_y + 4.0;
}

/// The table's columns: where "Before", "After" and "Change" end.
const BEFORE_END: f64 = 396.0;
const AFTER_END: f64 = 484.0;
const CHANGE_END: f64 = WIDTH - PAD - 8.0;

/// The key rows of the table: the holder in focus, then the largest others,
/// [`TABLE_ROWS`] at most, with the stakes before and after and the change in points.
fn table(c: &mut Canvas, first: &Stage, last: &Stage, focus: &str) {
    let colours = c.colours;
    let mut rows = largest(last, focus, TABLE_ROWS);
    // The holder in focus first, then the others from the largest down.
    rows.sort_by_key(|&i| last.holders.get(i).map(|h| (h.id != focus, std::cmp::Reverse(h.shares))));
    let title = if last.holders.len() > rows.len() {
        format!("The {} largest stakes of {} after {}", rows.len(), last.holders.len(), last.label)
    } else {
        format!("Every stake after {}", last.label)
    };
    c.paragraph(&title, 15.0, 700, colours.text, 2, false);
    c.y += 6.0;
    let top = c.y;
    let name_room = BEFORE_END - 70.0 - (PAD + 8.0);
    let header =
        [("Holder", PAD + 8.0, Anchor::Start), ("Before", BEFORE_END, Anchor::End), ("After", AFTER_END, Anchor::End)];
    for (word, x, anchor) in header.into_iter().chain([("Change (points)", CHANGE_END, Anchor::End)]) {
        c.put(label(word.into(), [x, top + 15.0], 12.0, 700, colours.muted, anchor, 120.0));
    }
    c.put(Primitive::Line { line: [PAD, top + 22.5, WIDTH - PAD, top + 22.5], stroke: colours.rule, width: 1.0 });
    c.y = top + 24.0;
    for (n, row) in rows.iter().filter_map(|&i| last.holders.get(i)).enumerate() {
        let top = c.y;
        if n % 2 == 1 {
            c.rect([PAD, top, WIDTH - 2.0 * PAD, 26.0], colours.band);
        }
        let weight = if row.id == focus { 700 } else { 400 };
        let before = first.holder(&row.id);
        let micros = |shares: u128, total: u128| fortress_format::figures::stake_units(shares, total, 6).unwrap_or(0);
        let before_text =
            before.map_or_else(|| "\u{2014}".to_owned(), |b| numbers::percent(b.shares, first.total_shares));
        let change = numbers::points(
            before.map_or(0, |b| micros(b.shares, first.total_shares)),
            micros(row.shares, last.total_shares),
        );
        let baseline = top + 17.5;
        let name = fit(&row.name, 13.0, weight, name_room);
        c.put(label(name, [PAD + 8.0, baseline], 13.0, weight, colours.text, Anchor::Start, name_room));
        let after_text = numbers::percent(row.shares, last.total_shares);
        for (figure, x) in [(before_text, BEFORE_END), (after_text, AFTER_END), (change, CHANGE_END)] {
            c.put(label(figure, [x, baseline], 13.0, weight, colours.text, Anchor::End, 80.0));
        }
        c.y = top + 26.0;
    }
}
