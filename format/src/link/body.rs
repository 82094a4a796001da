//! The body of a version-1 link: a scenario written as its changes from a
//! base, in bytes. The grammar is in the module comment of [`super`]; this
//! file is its one reader and its one writer, side by side for each part.
//!
//! The writer destructures every scenario type without `..`, so a field
//! added to the scenario format does not compile here until it has a place
//! in the link format (a new mask bit, which older readers report as "from
//! a newer version").

use fortress_core::strindex::StrIndex;
#[cfg(feature = "full")]
use fortress_core::{AntiDilutionKind, ClassTerms, Exit, ExitPool, Multiple, ParticipationKind};
use fortress_core::{
    Compare, Confidence, CountBasis, Date, Dollars, Events, Holder, Investment, Note, NoteKind, Percent, Pool,
    PoolBasis, Round, Scenario, Secondary, Source, Tranche, Valuation, WhatIf,
};

use super::bases::{Base, TERM_IDS_V1};
use super::wire::{damaged, Bytes, Reader};
use super::LinkError;

/// The most a link may expand to, counted as text bytes plus [`ITEM_COST`]
/// per list item: the same 1 MiB as a scenario's JSON text.
const MAX_DECODED: usize = crate::MAX_SCENARIO_BYTES;
/// What each list item counts against [`MAX_DECODED`], beyond its text.
const ITEM_COST: usize = 16;

/// Day 0 of the date encoding, 2020-01-01 (day 43,829 from 1900-01-01):
/// dates within 22 years of it take two bytes.
const DATE_EPOCH: i64 = 43_829;

// The scenario's fields, as bits of its mask. The fields a reader's edits
// change come first, so that their mask fits in one byte.
const HOLDERS: u128 = 1 << 0;
const ROUNDS: u128 = 1 << 1;
const AS_OF: u128 = 1 << 2;
const EVENTS: u128 = 1 << 3;
const WHATIFS: u128 = 1 << 4;
const VALUATION: u128 = 1 << 5;
const REGIME: u128 = 1 << 6;
const TITLE: u128 = 1 << 7;
const SOURCES: u128 = 1 << 8;
const NOTES: u128 = 1 << 9;
const VERSION: u128 = 1 << 10;
const COUNT: u128 = 1 << 11;
const NOTE_KINDS: u128 = 1 << 12;
const COMPARE: u128 = 1 << 13;
const DEAL: u128 = 1 << 14;
const MORE_EVENTS: u128 = 1 << 15;
const EXIT: u128 = 1 << 16;
const SCENARIO_BITS: u128 = (1 << 17) - 1;

/// What a lighter build says it leaves to the full build when a link carries
/// class terms or an exit (which only the full build shares out).
#[cfg(not(feature = "full"))]
const EXIT_WATERFALL: &str = "the exit waterfall";

/// The events the `EVENTS` field carries, in this order: the Microsoft–OpenAI
/// deal's, which were the only ones before deals were data. Any other
/// event is in the `MORE_EVENTS` field.
const LEGACY_EVENTS: [&str; 2] = ["agi_declared", "agi_verified"];

/// The regimes a regime code names, by code - 1 (0 is none); code 3 is
/// followed by the regime's id as a string.
const LEGACY_REGIMES: [&str; 2] = ["oct-2025", "apr-2026"];

/// The dates of the legacy events, in order.
fn legacy_events(events: &Events) -> [Option<Date>; 2] {
    LEGACY_EVENTS.map(|id| events.get(id))
}

/// The events other than the legacy ones, in the order of their ids.
fn more_events(events: &Events) -> Vec<(&str, Date)> {
    events.iter().filter(|(id, _)| !LEGACY_EVENTS.contains(id)).collect()
}
/// The fields a preset link takes from its preset and never changes.
const TEXT_FIELDS: u128 = TITLE | SOURCES | NOTES | NOTE_KINDS;

/// The scenario every full (not preset) link starts from.
pub(super) fn empty_scenario() -> Scenario {
    Scenario {
        version: fortress_core::FORMAT_VERSION,
        title: String::new(),
        as_of: None,
        valuation: None,
        holders: Vec::new(),
        rounds: Vec::new(),
        events: Events::default(),
        regime: None,
        deal: None,
        whatifs: Vec::new(),
        sources: Vec::new(),
        notes: Vec::new(),
        count: CountBasis::Committed,
        compare: None,
        exit: None,
    }
}

/// True when `scenario` keeps `base`'s title, sources and notes, so that it
/// can be written as a preset link on that base.
pub(super) fn keeps_text_of(scenario: &Scenario, base: &Scenario) -> bool {
    scenario.title == base.title && scenario.sources == base.sources && scenario.notes == base.notes
}

/// Writes `scenario` as a body: on the newest base whose text it keeps, or
/// in full. `bases` is the frozen table of [`super::bases`].
pub(super) fn encode(scenario: &Scenario, bases: &[Option<Base>]) -> Vec<u8> {
    let chosen = bases
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, base)| base.as_ref().filter(|b| keeps_text_of(scenario, &b.scenario)).map(|b| (i, b)));
    match chosen {
        Some((i, base)) => {
            let mut w = Writer::new(seed(Some(&base.scenario)));
            w.varint(i as u128 + 1);
            write_scenario(&mut w, scenario, &base.scenario);
            w.out.0
        }
        None => {
            let mut w = Writer::new(seed(None));
            w.varint(0);
            write_scenario(&mut w, scenario, &empty_scenario());
            w.out.0
        }
    }
}

/// Reads a body, and the name of the preset it was based on.
pub(super) fn decode(bytes: &[u8], bases: &[Option<Base>]) -> Result<(Scenario, Option<&'static str>), LinkError> {
    let mut input = Reader::new(bytes, MAX_DECODED);
    let code = input.small()?;
    let (base, preset) = match code.checked_sub(1) {
        None => (empty_scenario(), None),
        Some(idx) => match usize::try_from(idx).ok().and_then(|i| bases.get(i)) {
            None => return Err(newer("a preset version this one does not know")),
            // A preset only the full build carries: the lighter build hands the link over.
            Some(None) => match usize::try_from(idx).ok().and_then(super::bases::full_only) {
                Some(name) => return Err(LinkError::NeedsFull { what: format!("the preset {name}") }),
                None => return Err(damaged("its preset cannot be read by this version")),
            },
            Some(Some(base)) => (base.scenario.clone(), Some(base.name)),
        },
    };
    let mut r = Decoder { input, table: seed(preset.map(|_| &base)) };
    let scenario = read_scenario(&mut r, &base, preset.is_some())?;
    if !r.input.at_end() {
        return Err(damaged("it goes on after the end of the scenario"));
    }
    Ok((scenario, preset))
}

fn newer(what: &str) -> LinkError {
    LinkError::NewerVersion { what: what.to_owned() }
}

/// The string table a body starts with: the term ids of version 1, then the
/// base's ids and names in the order they are written, each once.
fn seed(base: Option<&Scenario>) -> Vec<String> {
    let mut table: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        if !table.iter().any(|t| t == s) {
            table.push(s.to_owned());
        }
    };
    TERM_IDS_V1.iter().for_each(|t| add(t));
    let Some(base) = base else { return table };
    for holder in &base.holders {
        add(&holder.name);
        add(&holder.id);
    }
    for round in &base.rounds {
        add(&round.name);
        for investment in &round.investments {
            investment.name.iter().for_each(|name| add(name));
            add(&investment.holder);
        }
        if let Some(pool) = &round.pool {
            pool.holder.iter().chain(&pool.name).for_each(|s| add(s));
        }
        for sale in &round.secondaries {
            add(&sale.seller);
            sale.name.iter().for_each(|name| add(name));
            add(&sale.buyer);
        }
    }
    for whatif in &base.whatifs {
        match whatif {
            WhatIf::StakeBelow { holder, .. } | WhatIf::Outweighed { holder, .. } => add(holder),
            WhatIf::HolderAbove { .. } => {}
        }
    }
    table
}

/// The id the link format derives from a name, so that an id made from its
/// holder's name costs one byte: its ASCII letters lower-cased and its
/// digits, other runs of characters as one hyphen, at most 32 characters.
/// This is the rule of `fortress_core::edit::new_holder_id` (without its
/// fallback and numbering), frozen here so that a change there cannot
/// change what old links say. It lower-cases ASCII only, which keeps the
/// Unicode case tables out of the widget; the rare name whose non-ASCII
/// letters lower-case to ASCII (the Kelvin sign) just has its id written out.
fn slug(name: &str) -> Option<String> {
    let mut id = String::new();
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
        if id.len() >= 32 {
            break;
        }
    }
    let id = id.trim_matches('-');
    (!id.is_empty()).then(|| id.to_owned())
}

fn zigzag(value: i64) -> u128 {
    u128::from(((value << 1) ^ (value >> 63)) as u64)
}

fn unzigzag(value: u64) -> i64 {
    ((value >> 1) as i64) ^ -((value & 1) as i64)
}

/// A number as `mantissa << 5 | sign << 4 | exponent`: trailing decimal
/// zeros cost nothing, so $50B (5e10) and 27% (27e6 millionths) take one or
/// two bytes.
fn number_code(value: i64) -> u128 {
    let mut magnitude = value.unsigned_abs();
    let mut exponent: u128 = 0;
    while exponent < 15 && magnitude != 0 && magnitude.is_multiple_of(10) {
        magnitude /= 10;
        exponent += 1;
    }
    (u128::from(magnitude) << 5) | (u128::from(value < 0) << 4) | exponent
}

fn number_from_code(code: u128) -> Result<i64, LinkError> {
    let exponent = (code & 15) as u32;
    let magnitude = u64::try_from(code >> 5).map_err(|_| damaged("a number is too large"))?;
    let value = i128::from(magnitude) * 10i128.pow(exponent);
    let value = if code & 16 != 0 { -value } else { value };
    i64::try_from(value).map_err(|_| damaged("a number is too large"))
}

struct Writer {
    out: Bytes,
    /// Where each string already written (or seeded) can be found.
    index: StrIndex,
    /// The strings in table order, so that a trial write can be undone.
    order: Vec<String>,
}

/// A point a trial write can be undone to.
#[derive(Clone, Copy)]
struct Mark {
    bytes: usize,
    strings: usize,
}

impl Writer {
    fn new(seed: Vec<String>) -> Writer {
        Writer { out: Bytes::default(), index: StrIndex::of(&seed), order: seed }
    }

    fn mark(&self) -> Mark {
        Mark { bytes: self.out.0.len(), strings: self.order.len() }
    }

    fn written_since(&self, mark: Mark) -> usize {
        self.out.0.len() - mark.bytes
    }

    fn undo(&mut self, mark: Mark) {
        self.out.0.truncate(mark.bytes);
        while self.order.len() > mark.strings {
            self.index.pop(&self.order);
            self.order.pop();
        }
    }

    fn varint(&mut self, value: u128) {
        self.out.varint(value);
    }

    /// A string's code: `2 * len` for a new string, `2 * k + 1` for entry k
    /// of the table. Returns the code and whether the bytes must follow.
    fn string_code(&self, s: &str) -> (u128, bool) {
        match self.index.find(&self.order, s) {
            Some(k) => (2 * k as u128 + 1, false),
            None => (2 * s.len() as u128, true),
        }
    }

    /// Writes `code`, then the string's bytes if it is new to the table.
    fn finish_string(&mut self, code: u128, s: &str, new: bool) {
        self.varint(code);
        if new {
            self.out.0.extend_from_slice(s.as_bytes());
            self.order.push(s.to_owned());
            self.index.push(&self.order);
        }
    }

    fn string(&mut self, s: &str) {
        let (code, new) = self.string_code(s);
        self.finish_string(code, s, new);
    }

    /// 0 for none, else a string's code plus one.
    fn optional_string(&mut self, s: Option<&str>) {
        match s {
            None => self.varint(0),
            Some(s) => {
                let (code, new) = self.string_code(s);
                self.finish_string(code + 1, s, new);
            }
        }
    }

    /// An id next to its holder's name: 0 when it is [`slug`] of the name,
    /// else a string's code plus one; shifted left to carry `flag` in bit 0.
    fn id(&mut self, id: &str, name: Option<&str>, flag: Option<bool>) {
        let (code, new) = if name.and_then(slug).as_deref() == Some(id) {
            (0, false)
        } else {
            let (code, new) = self.string_code(id);
            (code + 1, new)
        };
        let code = match flag {
            Some(flag) => (code << 1) | u128::from(flag),
            None => code,
        };
        self.finish_string(code, id, new);
    }

    fn number(&mut self, value: i64) {
        self.varint(number_code(value));
    }

    fn optional_number(&mut self, value: Option<i64>) {
        self.varint(value.map_or(0, |v| number_code(v) + 1));
    }

    /// 0 for none, else one plus the zigzagged days from [`DATE_EPOCH`].
    fn date(&mut self, date: Option<Date>) {
        self.varint(date.map_or(0, |d| zigzag(i64::from(d.day_number()) - DATE_EPOCH) + 1));
    }

    /// 0 for none, else one plus the number's code shifted left, with bit 0
    /// set for post-money.
    fn valuation(&mut self, valuation: Option<Valuation>) {
        let code = match valuation {
            None => 0,
            Some(Valuation::PreMoney(Dollars(d))) => (number_code(d) << 1) + 1,
            Some(Valuation::PostMoney(Dollars(d))) => ((number_code(d) << 1) | 1) + 1,
        };
        self.varint(code);
    }
}

struct Decoder<'a> {
    input: Reader<'a>,
    table: Vec<String>,
}

impl Decoder<'_> {
    fn varint(&mut self) -> Result<u128, LinkError> {
        self.input.varint()
    }

    fn string_from_code(&mut self, code: u128) -> Result<String, LinkError> {
        let s = if code.is_multiple_of(2) {
            let len = usize::try_from(code / 2).map_err(|_| damaged("a text is longer than the link"))?;
            let bytes = self.input.take(len)?;
            let s = std::str::from_utf8(bytes).map_err(|_| damaged("a text is not UTF-8"))?.to_owned();
            self.table.push(s.clone());
            s
        } else {
            let k = usize::try_from(code / 2).ok().and_then(|k| self.table.get(k));
            k.cloned().ok_or_else(|| damaged("it refers to a text that is not there"))?
        };
        self.input.spend(s.len())?;
        Ok(s)
    }

    fn string(&mut self) -> Result<String, LinkError> {
        let code = self.varint()?;
        self.string_from_code(code)
    }

    fn optional_string(&mut self) -> Result<Option<String>, LinkError> {
        match self.varint()? {
            0 => Ok(None),
            code => self.string_from_code(code - 1).map(Some),
        }
    }

    /// Reads an id written by [`Writer::id`]; the flag is false when none was written.
    fn id(&mut self, name: Option<&str>, flagged: bool) -> Result<(String, bool), LinkError> {
        let code = self.varint()?;
        let (code, flag) = if flagged { (code >> 1, code & 1 == 1) } else { (code, false) };
        let id = match code {
            0 => {
                let id = name
                    .and_then(slug)
                    .ok_or_else(|| damaged("an id is to be made from a name it cannot be made from"))?;
                self.input.spend(id.len())?;
                id
            }
            code => self.string_from_code(code - 1)?,
        };
        Ok((id, flag))
    }

    fn number(&mut self) -> Result<i64, LinkError> {
        let code = self.varint()?;
        number_from_code(code)
    }

    fn optional_number(&mut self) -> Result<Option<i64>, LinkError> {
        match self.varint()? {
            0 => Ok(None),
            code => number_from_code(code - 1).map(Some),
        }
    }

    fn date(&mut self) -> Result<Option<Date>, LinkError> {
        let code = self.varint()?;
        let Some(code) = code.checked_sub(1) else { return Ok(None) };
        let offset = u64::try_from(code).map(unzigzag).map_err(|_| damaged("a date is out of range"))?;
        let day = offset.checked_add(DATE_EPOCH).and_then(|d| u32::try_from(d).ok());
        day.and_then(Date::from_day_number).map(Some).ok_or_else(|| damaged("a date is out of range"))
    }

    fn valuation(&mut self) -> Result<Option<Valuation>, LinkError> {
        let code = self.varint()?;
        let Some(code) = code.checked_sub(1) else { return Ok(None) };
        let dollars = Dollars(number_from_code(code >> 1)?);
        Ok(Some(if code & 1 == 0 { Valuation::PreMoney(dollars) } else { Valuation::PostMoney(dollars) }))
    }

    /// A mask of changed fields; a bit outside `known` is a field added by a newer version.
    fn mask(&mut self, known: u128, what: &str) -> Result<u128, LinkError> {
        let mask = self.varint()?;
        if mask & !known != 0 {
            return Err(newer(what));
        }
        Ok(mask)
    }
}

fn write_scenario(w: &mut Writer, scenario: &Scenario, base: &Scenario) {
    let Scenario {
        version,
        title,
        as_of,
        valuation,
        holders,
        rounds,
        events,
        regime,
        whatifs,
        sources,
        notes,
        count,
        compare,
        deal,
        exit,
    } = scenario;
    let kinds = |notes: &[Note]| notes.iter().map(|note| note.kind).collect::<Vec<_>>();
    let mut mask = 0;
    for (bit, changed) in [
        (HOLDERS, *holders != base.holders),
        (ROUNDS, *rounds != base.rounds),
        (AS_OF, *as_of != base.as_of),
        (EVENTS, legacy_events(events) != legacy_events(&base.events)),
        (WHATIFS, *whatifs != base.whatifs),
        (VALUATION, *valuation != base.valuation),
        (REGIME, *regime != base.regime),
        (TITLE, *title != base.title),
        (SOURCES, *sources != base.sources),
        (NOTES, *notes != base.notes),
        (VERSION, *version != base.version),
        (COUNT, *count != base.count),
        (NOTE_KINDS, kinds(notes) != kinds(&base.notes)),
        (COMPARE, *compare != base.compare),
        (DEAL, *deal != base.deal),
        (MORE_EVENTS, more_events(events) != more_events(&base.events)),
        (EXIT, *exit != base.exit),
    ] {
        if changed {
            mask |= bit;
        }
    }
    w.varint(mask);
    if mask & HOLDERS != 0 {
        write_list(w, holders, &base.holders);
    }
    if mask & ROUNDS != 0 {
        write_list(w, rounds, &base.rounds);
    }
    if mask & AS_OF != 0 {
        w.date(*as_of);
    }
    if mask & EVENTS != 0 {
        for date in legacy_events(events) {
            w.date(date);
        }
    }
    if mask & WHATIFS != 0 {
        write_list(w, whatifs, &base.whatifs);
    }
    if mask & VALUATION != 0 {
        w.optional_number(valuation.map(|d| d.0));
    }
    if mask & REGIME != 0 {
        match regime.as_deref() {
            None => w.varint(0),
            Some(id) => match LEGACY_REGIMES.iter().position(|legacy| *legacy == id) {
                Some(k) => w.varint(k as u128 + 1),
                None => {
                    w.varint(3);
                    w.string(id);
                }
            },
        }
    }
    if mask & TITLE != 0 {
        w.string(title);
    }
    if mask & SOURCES != 0 {
        write_list(w, sources, &base.sources);
    }
    if mask & NOTES != 0 {
        write_list(w, notes, &base.notes);
    }
    if mask & VERSION != 0 {
        w.varint(u128::from(*version));
    }
    if mask & COUNT != 0 {
        w.varint(match count {
            CountBasis::Committed => 0,
            CountBasis::Funded => 1,
        });
    }
    if mask & NOTE_KINDS != 0 {
        w.varint(notes.len() as u128);
        for note in notes {
            w.varint(match note.kind {
                NoteKind::Plain => 0,
                NoteKind::Disputed => 1,
                NoteKind::Speculative => 2,
                NoteKind::Assumed => 3,
            });
        }
    }
    if mask & COMPARE != 0 {
        write_compare(w, compare.as_ref(), base);
    }
    if mask & DEAL != 0 {
        w.optional_string(deal.as_deref());
    }
    if mask & MORE_EVENTS != 0 {
        let more = more_events(events);
        w.varint(more.len() as u128);
        for (id, date) in more {
            w.string(id);
            w.date(Some(date));
        }
    }
    #[cfg(feature = "full")]
    if mask & EXIT != 0 {
        write_exit(w, exit.as_ref());
    }
}

fn read_scenario(r: &mut Decoder, base: &Scenario, on_preset: bool) -> Result<Scenario, LinkError> {
    read_scenario_at(r, base, on_preset, false)
}

/// [`read_scenario`], `nested` inside another scenario's `compare`.
fn read_scenario_at(r: &mut Decoder, base: &Scenario, on_preset: bool, nested: bool) -> Result<Scenario, LinkError> {
    let mask = r.mask(SCENARIO_BITS, "a scenario field this version does not know")?;
    if on_preset && mask & TEXT_FIELDS != 0 {
        return Err(damaged("a preset link cannot change the preset's title, sources or notes"));
    }
    let mut s = base.clone();
    if mask & HOLDERS != 0 {
        s.holders = read_list(r, &base.holders)?;
    }
    if mask & ROUNDS != 0 {
        s.rounds = read_list(r, &base.rounds)?;
    }
    if mask & AS_OF != 0 {
        s.as_of = r.date()?;
    }
    if mask & EVENTS != 0 {
        for id in LEGACY_EVENTS {
            let date = r.date()?;
            s.events.set(id, date);
        }
    }
    if mask & WHATIFS != 0 {
        s.whatifs = read_list(r, &base.whatifs)?;
    }
    if mask & VALUATION != 0 {
        s.valuation = r.optional_number()?.map(Dollars);
    }
    if mask & REGIME != 0 {
        s.regime = match r.varint()? {
            0 => None,
            code @ (1 | 2) => LEGACY_REGIMES.get(code as usize - 1).map(|id| (*id).to_owned()),
            3 => Some(r.string()?),
            _ => return Err(newer("a contract regime this version does not know")),
        };
    }
    if mask & TITLE != 0 {
        s.title = r.string()?;
    }
    if mask & SOURCES != 0 {
        s.sources = read_list(r, &base.sources)?;
    }
    if mask & NOTES != 0 {
        s.notes = read_list(r, &base.notes)?;
    }
    if mask & VERSION != 0 {
        s.version = u32::try_from(r.varint()?).map_err(|_| damaged("a number is too large"))?;
    }
    if mask & COUNT != 0 {
        s.count = match r.varint()? {
            0 => CountBasis::Committed,
            1 => CountBasis::Funded,
            _ => return Err(newer("a way of counting money this version does not know")),
        };
    }
    if mask & NOTE_KINDS != 0 {
        if r.input.count()? != s.notes.len() {
            return Err(damaged("it marks more or fewer notes than it has"));
        }
        for note in &mut s.notes {
            note.kind = match r.varint()? {
                0 => NoteKind::Plain,
                1 => NoteKind::Disputed,
                2 => NoteKind::Speculative,
                3 => NoteKind::Assumed,
                _ => return Err(newer("a kind of note this version does not know")),
            };
        }
    }
    if mask & COMPARE != 0 {
        if nested {
            return Err(damaged("a scenario it compares with names a baseline in turn"));
        }
        s.compare = read_compare(r, base, on_preset)?;
    }
    if mask & DEAL != 0 {
        s.deal = r.optional_string()?;
    }
    if mask & MORE_EVENTS != 0 {
        let stale: Vec<String> = more_events(&s.events).iter().map(|(id, _)| (*id).to_owned()).collect();
        for id in stale {
            s.events.set(&id, None);
        }
        for _ in 0..r.input.count()? {
            r.input.spend(ITEM_COST)?;
            let id = r.string()?;
            if LEGACY_EVENTS.contains(&id.as_str()) || s.events.get(&id).is_some() {
                return Err(damaged("it gives an event twice"));
            }
            let date = r.date()?.ok_or_else(|| damaged("an event has no date"))?;
            s.events.set(&id, Some(date));
        }
    }
    if mask & EXIT != 0 {
        // A lighter build never holds an exit: it hands the link to the full build.
        #[cfg(not(feature = "full"))]
        return Err(LinkError::NeedsFull { what: EXIT_WATERFALL.to_owned() });
        #[cfg(feature = "full")]
        {
            s.exit = read_exit(r)?;
        }
    }
    Ok(s)
}

/// 0 for none, else 1 + the pool's code (0 common, 1 unissued), then the value.
#[cfg(feature = "full")]
fn write_exit(w: &mut Writer, exit: Option<&Exit>) {
    let Some(Exit { value, pool }) = exit else {
        w.varint(0);
        return;
    };
    w.varint(match pool {
        ExitPool::Common => 1,
        ExitPool::Unissued => 2,
    });
    w.number(value.0);
}

#[cfg(feature = "full")]
fn read_exit(r: &mut Decoder) -> Result<Option<Exit>, LinkError> {
    let pool = match r.varint()? {
        0 => return Ok(None),
        1 => ExitPool::Common,
        2 => ExitPool::Unissued,
        _ => return Err(newer("a kind of exit this version does not know")),
    };
    Ok(Some(Exit { value: Dollars(r.number()?), pool }))
}

/// 0 for none, else 1 + participation x 3 + anti-dilution (each coded 0, 1,
/// 2 in the order of their types), then the preference, the cap or none, and
/// the seniority (0 for the round's place, else 1 + the rank).
#[cfg(feature = "full")]
fn write_terms(w: &mut Writer, terms: Option<&ClassTerms>) {
    let Some(ClassTerms { preference, participation, cap, seniority, anti_dilution }) = terms else {
        w.varint(0);
        return;
    };
    let participation = match participation {
        ParticipationKind::None => 0,
        ParticipationKind::Full => 1,
        ParticipationKind::Capped => 2,
    };
    let anti_dilution = match anti_dilution {
        AntiDilutionKind::None => 0,
        AntiDilutionKind::BroadBased => 1,
        AntiDilutionKind::FullRatchet => 2,
    };
    w.varint(1 + participation * 3 + anti_dilution);
    w.number(preference.micros());
    w.optional_number(cap.map(Multiple::micros));
    w.varint(seniority.map_or(0, |rank| u128::from(rank) + 1));
}

#[cfg(feature = "full")]
fn read_terms(r: &mut Decoder) -> Result<Option<ClassTerms>, LinkError> {
    let Some(code) = r.varint()?.checked_sub(1) else { return Ok(None) };
    let participation = match code / 3 {
        0 => ParticipationKind::None,
        1 => ParticipationKind::Full,
        2 => ParticipationKind::Capped,
        _ => return Err(newer("a kind of class terms this version does not know")),
    };
    let anti_dilution = match code % 3 {
        0 => AntiDilutionKind::None,
        1 => AntiDilutionKind::BroadBased,
        _ => AntiDilutionKind::FullRatchet,
    };
    let preference = Multiple::from_micros(r.number()?);
    let cap = r.optional_number()?.map(Multiple::from_micros);
    let seniority = match r.varint()?.checked_sub(1) {
        None => None,
        Some(rank) => Some(u32::try_from(rank).map_err(|_| damaged("a class's seniority is too large"))?),
    };
    Ok(Some(ClassTerms { preference, participation, cap, seniority, anti_dilution }))
}

/// What a scenario compares with: 0 as the widget chooses (no `compare`),
/// 1 nothing, 2 a preset by name, then a scenario: 3 written as changes from
/// the same base as the scenario (which, on a preset, keeps its text), 4 in
/// full. A scenario compared with names no baseline of its own.
fn write_compare(w: &mut Writer, compare: Option<&Compare>, base: &Scenario) {
    match compare {
        None => w.varint(0),
        Some(Compare::Off) => w.varint(1),
        Some(Compare::Preset(name)) => {
            w.varint(2);
            w.string(name);
        }
        Some(Compare::Scenario(baseline)) if keeps_text_of(baseline, base) => {
            w.varint(3);
            write_scenario(w, baseline, base);
        }
        Some(Compare::Scenario(baseline)) => {
            w.varint(4);
            write_scenario(w, baseline, &empty_scenario());
        }
    }
}

fn read_compare(r: &mut Decoder, base: &Scenario, on_preset: bool) -> Result<Option<Compare>, LinkError> {
    Ok(match r.varint()? {
        0 => None,
        1 => Some(Compare::Off),
        2 => Some(Compare::Preset(r.string()?)),
        3 => Some(Compare::Scenario(Box::new(read_scenario_at(r, base, on_preset, true)?))),
        4 => Some(Compare::Scenario(Box::new(read_scenario_at(r, &empty_scenario(), false, true)?))),
        _ => return Err(newer("a kind of comparison this version does not know")),
    })
}

/// One kind of list item, with its writer and reader side by side.
trait Item: Clone + PartialEq + Sized {
    /// Whether an item may be written as its changes from an item of the base.
    const PATCHABLE: bool = false;

    fn write_new(&self, w: &mut Writer);

    fn read_new(r: &mut Decoder) -> Result<Self, LinkError>;

    /// Whether `base` is the same thing as `self`, before their fields are compared.
    fn pairs_with(&self, _base: &Self) -> bool {
        false
    }

    fn write_patch(&self, _base: &Self, _w: &mut Writer) {}

    fn read_patch(_base: &Self, _r: &mut Decoder) -> Result<Self, LinkError> {
        Err(damaged("it changes a part that cannot be changed"))
    }

    /// Roughly how much the item holds, for the decoded size limit.
    fn weight(&self) -> usize;
}

/// A list: its length, then each item. When the base list is empty every
/// item is written new. Otherwise each item starts with a code: 0 for a new
/// item, `2j + 1` for item j of the base unchanged, `2j + 2` for item j of
/// the base with the changes that follow.
fn write_list<T: Item>(w: &mut Writer, items: &[T], base: &[T]) {
    w.varint(items.len() as u128);
    for (i, item) in items.iter().enumerate() {
        if base.is_empty() {
            item.write_new(w);
            continue;
        }
        if let Some(j) = base.iter().position(|b| b == item) {
            w.varint(2 * j as u128 + 1);
            continue;
        }
        let partner = if T::PATCHABLE {
            base.iter().position(|b| item.pairs_with(b)).or((i < base.len()).then_some(i))
        } else {
            None
        };
        let mark = w.mark();
        w.varint(0);
        item.write_new(w);
        let Some((j, partner)) = partner.and_then(|j| base.get(j).map(|b| (j, b))) else { continue };
        let new_len = w.written_since(mark);
        w.undo(mark);
        w.varint(2 * j as u128 + 2);
        item.write_patch(partner, w);
        if w.written_since(mark) > new_len {
            w.undo(mark);
            w.varint(0);
            item.write_new(w);
        }
    }
}

fn read_list<T: Item>(r: &mut Decoder, base: &[T]) -> Result<Vec<T>, LinkError> {
    let n = r.input.count()?;
    let mut items = Vec::new();
    for _ in 0..n {
        r.input.spend(ITEM_COST)?;
        if base.is_empty() {
            items.push(T::read_new(r)?);
            continue;
        }
        let code = r.varint()?;
        let partner = |j: u128| {
            usize::try_from(j)
                .ok()
                .and_then(|j| base.get(j))
                .ok_or_else(|| damaged("it refers to a part that is not there"))
        };
        let item = match code {
            0 => T::read_new(r)?,
            code if code % 2 == 1 => {
                let item = partner(code / 2)?.clone();
                r.input.spend(item.weight())?;
                item
            }
            code => T::read_patch(partner(code / 2 - 1)?, r)?,
        };
        items.push(item);
    }
    Ok(items)
}

// A holder's changed fields. The group flag has no value: its bit flips it.
const HOLDER_NAME: u128 = 1 << 0;
const HOLDER_ID: u128 = 1 << 1;
const HOLDER_PERCENT: u128 = 1 << 2;
const HOLDER_GROUP: u128 = 1 << 3;
const HOLDER_BITS: u128 = (1 << 4) - 1;

/// New: name, id (carrying the group flag), stake.
impl Item for Holder {
    const PATCHABLE: bool = true;

    fn write_new(&self, w: &mut Writer) {
        let Holder { id, name, percent, group } = self;
        w.string(name);
        w.id(id, Some(name), Some(*group));
        w.number(percent.micros());
    }

    fn read_new(r: &mut Decoder) -> Result<Holder, LinkError> {
        let name = r.string()?;
        let (id, group) = r.id(Some(&name), true)?;
        let percent = Percent::from_micros(r.number()?);
        Ok(Holder { id, name, percent, group })
    }

    fn pairs_with(&self, base: &Holder) -> bool {
        self.id == base.id
    }

    fn write_patch(&self, base: &Holder, w: &mut Writer) {
        let Holder { id, name, percent, group } = self;
        let mut mask = 0;
        for (bit, changed) in [
            (HOLDER_NAME, *name != base.name),
            (HOLDER_ID, *id != base.id),
            (HOLDER_PERCENT, *percent != base.percent),
            (HOLDER_GROUP, *group != base.group),
        ] {
            if changed {
                mask |= bit;
            }
        }
        w.varint(mask);
        if mask & HOLDER_NAME != 0 {
            w.string(name);
        }
        if mask & HOLDER_ID != 0 {
            w.id(id, Some(name), None);
        }
        if mask & HOLDER_PERCENT != 0 {
            w.number(percent.micros());
        }
    }

    fn read_patch(base: &Holder, r: &mut Decoder) -> Result<Holder, LinkError> {
        let mask = r.mask(HOLDER_BITS, "a holder field this version does not know")?;
        let name = if mask & HOLDER_NAME != 0 { r.string()? } else { base.name.clone() };
        let id = if mask & HOLDER_ID != 0 { r.id(Some(&name), false)?.0 } else { base.id.clone() };
        let percent = if mask & HOLDER_PERCENT != 0 { Percent::from_micros(r.number()?) } else { base.percent };
        Ok(Holder { id, name, percent, group: base.group ^ (mask & HOLDER_GROUP != 0) })
    }

    fn weight(&self) -> usize {
        self.id.len() + self.name.len()
    }
}

const INVESTMENT_NAME: u128 = 1 << 0;
const INVESTMENT_HOLDER: u128 = 1 << 1;
const INVESTMENT_AMOUNT: u128 = 1 << 2;
const INVESTMENT_BITS: u128 = (1 << 3) - 1;

/// New: name or none, holder id, amount. Its tranches are written with its
/// round (see [`write_tranches`]); a cheque read here has its base's.
impl Item for Investment {
    const PATCHABLE: bool = true;

    fn write_new(&self, w: &mut Writer) {
        let Investment { holder, name, amount, tranches: _ } = self;
        w.optional_string(name.as_deref());
        w.id(holder, name.as_deref(), None);
        w.number(amount.0);
    }

    fn read_new(r: &mut Decoder) -> Result<Investment, LinkError> {
        let name = r.optional_string()?;
        let (holder, _) = r.id(name.as_deref(), false)?;
        Ok(Investment { holder, name, amount: Dollars(r.number()?), tranches: Vec::new() })
    }

    fn pairs_with(&self, base: &Investment) -> bool {
        self.holder == base.holder
    }

    fn write_patch(&self, base: &Investment, w: &mut Writer) {
        let Investment { holder, name, amount, tranches: _ } = self;
        let mut mask = 0;
        for (bit, changed) in [
            (INVESTMENT_NAME, *name != base.name),
            (INVESTMENT_HOLDER, *holder != base.holder),
            (INVESTMENT_AMOUNT, *amount != base.amount),
        ] {
            if changed {
                mask |= bit;
            }
        }
        w.varint(mask);
        if mask & INVESTMENT_NAME != 0 {
            w.optional_string(name.as_deref());
        }
        if mask & INVESTMENT_HOLDER != 0 {
            w.id(holder, name.as_deref(), None);
        }
        if mask & INVESTMENT_AMOUNT != 0 {
            w.number(amount.0);
        }
    }

    fn read_patch(base: &Investment, r: &mut Decoder) -> Result<Investment, LinkError> {
        let mask = r.mask(INVESTMENT_BITS, "an investment field this version does not know")?;
        let name = if mask & INVESTMENT_NAME != 0 { r.optional_string()? } else { base.name.clone() };
        let holder = if mask & INVESTMENT_HOLDER != 0 { r.id(name.as_deref(), false)?.0 } else { base.holder.clone() };
        let amount = if mask & INVESTMENT_AMOUNT != 0 { Dollars(r.number()?) } else { base.amount };
        Ok(Investment { holder, name, amount, tranches: base.tranches.clone() })
    }

    fn weight(&self) -> usize {
        self.holder.len() + self.name.as_ref().map_or(0, String::len)
    }
}

const ROUND_NAME: u128 = 1 << 0;
const ROUND_DATE: u128 = 1 << 1;
const ROUND_VALUATION: u128 = 1 << 2;
const ROUND_INVESTMENTS: u128 = 1 << 3;
const ROUND_POOL: u128 = 1 << 4;
const ROUND_SECONDARIES: u128 = 1 << 5;
const ROUND_TRANCHES: u128 = 1 << 6;
const ROUND_TERMS: u128 = 1 << 7;
const ROUND_BITS: u128 = (1 << 8) - 1;

fn empty_round() -> Round {
    Round {
        name: String::new(),
        date: None,
        valuation: None,
        investments: Vec::new(),
        pool: None,
        secondaries: Vec::new(),
        terms: None,
    }
}

/// New: the changes from an empty round, so that fields a round does not
/// use cost nothing. Changed: a mask of fields, then each changed field; the
/// cheques and sales as lists on the base round's.
impl Item for Round {
    const PATCHABLE: bool = true;

    fn write_new(&self, w: &mut Writer) {
        self.write_patch(&empty_round(), w);
    }

    fn read_new(r: &mut Decoder) -> Result<Round, LinkError> {
        Round::read_patch(&empty_round(), r)
    }

    fn pairs_with(&self, base: &Round) -> bool {
        self.name == base.name
    }

    fn write_patch(&self, base: &Round, w: &mut Writer) {
        let Round { name, date, valuation, investments, pool, secondaries, terms } = self;
        // The cheques are written without their tranches, which follow on their own.
        let (cheques, base_cheques) = (without_tranches(investments), without_tranches(&base.investments));
        let expected = expected_tranches(investments, base);
        let tranches_changed = investments.iter().zip(&expected).any(|(i, expected)| i.tranches != **expected);
        let mut mask = 0;
        for (bit, changed) in [
            (ROUND_NAME, *name != base.name),
            (ROUND_DATE, *date != base.date),
            (ROUND_VALUATION, *valuation != base.valuation),
            (ROUND_INVESTMENTS, cheques != base_cheques),
            (ROUND_POOL, *pool != base.pool),
            (ROUND_SECONDARIES, *secondaries != base.secondaries),
            (ROUND_TRANCHES, tranches_changed),
            (ROUND_TERMS, *terms != base.terms),
        ] {
            if changed {
                mask |= bit;
            }
        }
        w.varint(mask);
        if mask & ROUND_NAME != 0 {
            w.string(name);
        }
        if mask & ROUND_DATE != 0 {
            w.date(*date);
        }
        if mask & ROUND_VALUATION != 0 {
            w.valuation(*valuation);
        }
        if mask & ROUND_INVESTMENTS != 0 {
            write_list(w, &cheques, &base_cheques);
        }
        if mask & ROUND_POOL != 0 {
            write_pool(w, pool.as_ref());
        }
        if mask & ROUND_SECONDARIES != 0 {
            write_list(w, secondaries, &base.secondaries);
        }
        if mask & ROUND_TRANCHES != 0 {
            w.varint(investments.len() as u128);
            for (investment, expected) in investments.iter().zip(&expected) {
                write_list(w, &investment.tranches, expected);
            }
        }
        #[cfg(feature = "full")]
        if mask & ROUND_TERMS != 0 {
            write_terms(w, terms.as_ref());
        }
    }

    fn read_patch(base: &Round, r: &mut Decoder) -> Result<Round, LinkError> {
        let mask = r.mask(ROUND_BITS, "a round field this version does not know")?;
        let mut round = base.clone();
        if mask & ROUND_NAME != 0 {
            round.name = r.string()?;
        }
        if mask & ROUND_DATE != 0 {
            round.date = r.date()?;
        }
        if mask & ROUND_VALUATION != 0 {
            round.valuation = r.valuation()?;
        }
        if mask & ROUND_INVESTMENTS != 0 {
            round.investments = read_list(r, &base.investments)?;
        }
        // Each cheque has the tranches of the base's cheque from the same
        // holder, unless the round says otherwise.
        let expected: Vec<Vec<Tranche>> =
            expected_tranches(&round.investments, base).into_iter().map(<[Tranche]>::to_vec).collect();
        for (investment, tranches) in round.investments.iter_mut().zip(&expected) {
            investment.tranches.clone_from(tranches);
        }
        if mask & ROUND_POOL != 0 {
            round.pool = read_pool(r)?;
        }
        if mask & ROUND_SECONDARIES != 0 {
            round.secondaries = read_list(r, &base.secondaries)?;
        }
        if mask & ROUND_TRANCHES != 0 {
            if r.input.count()? != round.investments.len() {
                return Err(damaged("it gives tranches for more or fewer cheques than the round has"));
            }
            for (investment, expected) in round.investments.iter_mut().zip(&expected) {
                investment.tranches = read_list(r, expected)?;
            }
        }
        if mask & ROUND_TERMS != 0 {
            // A lighter build never holds class terms: it hands the link to the full build.
            #[cfg(not(feature = "full"))]
            return Err(LinkError::NeedsFull { what: EXIT_WATERFALL.to_owned() });
            #[cfg(feature = "full")]
            {
                round.terms = read_terms(r)?;
            }
        }
        Ok(round)
    }

    fn weight(&self) -> usize {
        let investments: usize = self.investments.iter().map(|i| i.weight() + ITEM_COST).sum();
        let secondaries: usize = self.secondaries.iter().map(|s| s.weight() + ITEM_COST).sum();
        self.name.len() + investments + secondaries + self.pool.as_ref().map_or(0, |_| ITEM_COST)
    }
}

/// The cheques as the link writes them in a round's list: without their tranches.
fn without_tranches(investments: &[Investment]) -> Vec<Investment> {
    investments.iter().map(|i| Investment { tranches: Vec::new(), ..i.clone() }).collect()
}

/// The tranches a reader gives each cheque of a round before the round's
/// own tranches field: those of the base round's cheque from the same holder.
fn expected_tranches<'a>(investments: &[Investment], base: &'a Round) -> Vec<&'a [Tranche]> {
    let of = |holder: &str| base.investments.iter().find(|b| b.holder == holder).map_or(&[][..], |b| &b.tranches[..]);
    investments.iter().map(|i| of(&i.holder)).collect()
}

const TRANCHE_DATE: u128 = 1 << 0;
const TRANCHE_AMOUNT: u128 = 1 << 1;
const TRANCHE_NOTE: u128 = 1 << 2;
const TRANCHE_BITS: u128 = (1 << 3) - 1;

/// New: date, amount, note (a string, maybe empty). Changed: a mask, then the
/// changed fields, so that a cheque scaled on a slider writes only amounts.
impl Item for Tranche {
    const PATCHABLE: bool = true;

    fn write_new(&self, w: &mut Writer) {
        let Tranche { date, amount, note } = self;
        w.date(Some(*date));
        w.number(amount.0);
        w.string(note);
    }

    fn read_new(r: &mut Decoder) -> Result<Tranche, LinkError> {
        let date = r.date()?.ok_or_else(|| damaged("a tranche has no date"))?;
        Ok(Tranche { date, amount: Dollars(r.number()?), note: r.string()? })
    }

    fn write_patch(&self, base: &Tranche, w: &mut Writer) {
        let Tranche { date, amount, note } = self;
        let mut mask = 0;
        for (bit, changed) in [
            (TRANCHE_DATE, *date != base.date),
            (TRANCHE_AMOUNT, *amount != base.amount),
            (TRANCHE_NOTE, *note != base.note),
        ] {
            if changed {
                mask |= bit;
            }
        }
        w.varint(mask);
        if mask & TRANCHE_DATE != 0 {
            w.date(Some(*date));
        }
        if mask & TRANCHE_AMOUNT != 0 {
            w.number(amount.0);
        }
        if mask & TRANCHE_NOTE != 0 {
            w.string(note);
        }
    }

    fn read_patch(base: &Tranche, r: &mut Decoder) -> Result<Tranche, LinkError> {
        let mask = r.mask(TRANCHE_BITS, "a tranche field this version does not know")?;
        let mut tranche = base.clone();
        if mask & TRANCHE_DATE != 0 {
            tranche.date = r.date()?.ok_or_else(|| damaged("a tranche has no date"))?;
        }
        if mask & TRANCHE_AMOUNT != 0 {
            tranche.amount = Dollars(r.number()?);
        }
        if mask & TRANCHE_NOTE != 0 {
            tranche.note = r.string()?;
        }
        Ok(tranche)
    }

    fn weight(&self) -> usize {
        self.note.len()
    }
}

/// 0 for none, 1 for a pool sized pre-money, 2 post-money; then its holder
/// and name (or none), and its target.
fn write_pool(w: &mut Writer, pool: Option<&Pool>) {
    let Some(Pool { holder, name, percent, sized }) = pool else {
        w.varint(0);
        return;
    };
    w.varint(match sized {
        PoolBasis::PreMoney => 1,
        PoolBasis::PostMoney => 2,
    });
    w.optional_string(holder.as_deref());
    w.optional_string(name.as_deref());
    w.number(percent.micros());
}

fn read_pool(r: &mut Decoder) -> Result<Option<Pool>, LinkError> {
    let sized = match r.varint()? {
        0 => return Ok(None),
        1 => PoolBasis::PreMoney,
        2 => PoolBasis::PostMoney,
        _ => return Err(newer("a kind of pool this version does not know")),
    };
    let holder = r.optional_string()?;
    let name = r.optional_string()?;
    let percent = Percent::from_micros(r.number()?);
    Ok(Some(Pool { holder, name, percent, sized }))
}

/// Seller, buyer's name or none, buyer's id, percent or none, amount or none.
impl Item for Secondary {
    fn write_new(&self, w: &mut Writer) {
        let Secondary { seller, buyer, name, percent, amount } = self;
        w.string(seller);
        w.optional_string(name.as_deref());
        w.id(buyer, name.as_deref(), None);
        w.optional_number(percent.map(Percent::micros));
        w.optional_number(amount.map(|d| d.0));
    }

    fn read_new(r: &mut Decoder) -> Result<Secondary, LinkError> {
        let seller = r.string()?;
        let name = r.optional_string()?;
        let (buyer, _) = r.id(name.as_deref(), false)?;
        let percent = r.optional_number()?.map(Percent::from_micros);
        let amount = r.optional_number()?.map(Dollars);
        Ok(Secondary { seller, buyer, name, percent, amount })
    }

    fn weight(&self) -> usize {
        self.seller.len() + self.buyer.len() + self.name.as_ref().map_or(0, String::len)
    }
}

/// Its kind (0 stake below, 1 outweighed, 2 holder above), then its fields in order.
impl Item for WhatIf {
    fn write_new(&self, w: &mut Writer) {
        match self {
            WhatIf::StakeBelow { holder, percent, term } => {
                w.varint(0);
                w.string(holder);
                w.number(percent.micros());
                w.string(term);
            }
            WhatIf::Outweighed { holder, term } => {
                w.varint(1);
                w.string(holder);
                w.string(term);
            }
            WhatIf::HolderAbove { percent, term } => {
                w.varint(2);
                w.number(percent.micros());
                w.string(term);
            }
        }
    }

    fn read_new(r: &mut Decoder) -> Result<WhatIf, LinkError> {
        Ok(match r.varint()? {
            0 => WhatIf::StakeBelow {
                holder: r.string()?,
                percent: Percent::from_micros(r.number()?),
                term: r.string()?,
            },
            1 => WhatIf::Outweighed { holder: r.string()?, term: r.string()? },
            2 => WhatIf::HolderAbove { percent: Percent::from_micros(r.number()?), term: r.string()? },
            _ => return Err(newer("a kind of what-if this version does not know")),
        })
    }

    fn weight(&self) -> usize {
        match self {
            WhatIf::StakeBelow { holder, term, .. } | WhatIf::Outweighed { holder, term } => holder.len() + term.len(),
            WhatIf::HolderAbove { term, .. } => term.len(),
        }
    }
}

/// Fact, source, then its confidence (0 high, 1 medium, 2 low, 3
/// disputed), plus 4 when an address and a date follow: ostr(url) date.
impl Item for Source {
    fn write_new(&self, w: &mut Writer) {
        let Source { fact, source, confidence, url, date } = self;
        w.string(fact);
        w.string(source);
        let grade = match confidence {
            Confidence::High => 0,
            Confidence::Medium => 1,
            Confidence::Low => 2,
            Confidence::Disputed => 3,
        };
        let located = url.is_some() || date.is_some();
        w.varint(if located { grade + 4 } else { grade });
        if located {
            w.optional_string(url.as_deref());
            w.date(*date);
        }
    }

    fn read_new(r: &mut Decoder) -> Result<Source, LinkError> {
        let fact = r.string()?;
        let source = r.string()?;
        let code = r.varint()?;
        let confidence = match code % 4 {
            0 => Confidence::High,
            1 => Confidence::Medium,
            2 => Confidence::Low,
            _ => Confidence::Disputed,
        };
        let (url, date) = match code / 4 {
            0 => (None, None),
            1 => (r.optional_string()?, r.date()?),
            _ => return Err(newer("a confidence grade this version does not know")),
        };
        Ok(Source { fact, source, confidence, url, date })
    }

    fn weight(&self) -> usize {
        self.fact.len() + self.source.len() + self.url.as_ref().map_or(0, String::len)
    }
}

/// A note: its text. Its kind, unless plain, is in the scenario's note kinds.
impl Item for Note {
    fn write_new(&self, w: &mut Writer) {
        let Note { text, kind: _ } = self;
        w.string(text);
    }

    fn read_new(r: &mut Decoder) -> Result<Note, LinkError> {
        r.string().map(|text| Note::new(NoteKind::Plain, text))
    }

    fn weight(&self) -> usize {
        self.text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_epoch_is_2020_01_01() {
        let epoch = Date::new(2020, 1, 1).map(Date::day_number);
        assert_eq!(epoch.map(i64::from), Some(DATE_EPOCH));
    }

    #[test]
    fn numbers_round_trip_through_their_codes() {
        let cases = [0, 1, -1, 10, 27_000_000, 50_000_000_000, 28_493_151, i64::MAX, i64::MIN, -1_000_000_000_000_000];
        for value in cases {
            assert_eq!(number_from_code(number_code(value)), Ok(value), "{value}");
        }
        // Round numbers are short: 5e10 is one byte, 27e6 two.
        assert_eq!(number_code(50_000_000_000), (5 << 5) | 10);
        assert!(number_code(27_000_000) < 1 << 14);
        assert!(number_from_code(u128::MAX).is_err());
        assert!(number_from_code((u128::from(u64::MAX) << 5) | 15).is_err());
    }

    #[test]
    fn slugs_follow_the_new_holder_id_rule() {
        let cases = [
            ("Apple Inc.", Some("apple-inc")),
            ("Amazon", Some("amazon")),
            ("  OpenAI -- Foundation ", Some("openai-foundation")),
            ("日本", None),
            ("\u{212a}elvin", Some("elvin")),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(slug(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn zigzag_round_trips() {
        for value in [0i64, 1, -1, 2249, -8000, i64::MAX, i64::MIN] {
            assert_eq!(u64::try_from(zigzag(value)).map(unzigzag), Ok(value));
        }
    }
}
