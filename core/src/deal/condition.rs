//! The language of a deal's rules: condition trees over the facts of a
//! scenario, the days they name, and the products and hostings of routes.
//! Their judgement in words is `crate::terms`'s.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

use crate::{Date, Percent};

/// A calendar day in a deal.
///
/// [`Date`] cannot be built in a `const`, and the built-in deals are static
/// data, so a deal writes its days with this plain triple. It is compared
/// with a scenario's [`Date`] field by field, which needs no conversion and
/// so cannot fail; validation checks that each is a real day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: u16,
    month: u8,
    day: u8,
}

impl Day {
    /// Writes down a day for a deal.
    ///
    /// ```
    /// use fortress_core::terms::Day;
    /// assert_eq!(Day::new(2032, 12, 31).to_string(), "2032-12-31");
    /// ```
    pub const fn new(year: u16, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }

    /// The day of a [`Date`].
    pub fn of(date: Date) -> Day {
        Day::new(date.year(), date.month(), date.day())
    }

    /// How `date` stands against this day: `Less` when it comes earlier.
    ///
    /// ```
    /// use fortress_core::{terms::Day, Date};
    /// use std::cmp::Ordering;
    /// let date = Date::parse("2031-01-01").unwrap();
    /// assert_eq!(Day::new(2030, 12, 31).compare(date), Ordering::Greater);
    /// ```
    pub fn compare(self, date: Date) -> Ordering {
        (date.year(), date.month(), date.day()).cmp(&(self.year, self.month, self.day))
    }

    /// The same day as a [`Date`], when it exists in the calendar.
    pub fn to_date(self) -> Option<Date> {
        Date::new(self.year, self.month, self.day)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Words in a deal or a condition. In the full build (feature `full`),
/// borrowed from static data or owned when read from a deal file; in the
/// lighter build, which carries only static deals, always borrowed, which
/// keeps its wasm smaller.
#[cfg(feature = "full")]
pub type Words<'a> = Cow<'a, str>;
/// Words in a deal or a condition: borrowed (the lighter build).
#[cfg(not(feature = "full"))]
pub type Words<'a> = &'a str;
/// A list in a deal or a condition: borrowed or owned (the full build).
#[cfg(feature = "full")]
pub type Parts<'a, T> = Cow<'a, [T]>;
/// A list in a deal or a condition: borrowed (the lighter build).
#[cfg(not(feature = "full"))]
pub type Parts<'a, T> = &'a [T];

/// Borrowed words, as static data and what-ifs give them.
pub const fn words(text: &str) -> Words<'_> {
    #[cfg(feature = "full")]
    return Cow::Borrowed(text);
    #[cfg(not(feature = "full"))]
    return text;
}

/// A condition over the facts of a scenario: a fact, or all / any / not of other conditions.
///
/// A deal's trees are `'static` (borrowed from static data, or owned when
/// read from a file); a reader's what-if borrows its holder id from the
/// scenario, hence the lifetime.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition<'a> {
    /// Holds on every scenario; used for a routing rule that catches every product.
    Always,
    /// One fact of the scenario.
    Fact(Fact<'a>),
    /// Holds when every part holds (and so when there are no parts).
    All(Parts<'a, Condition<'a>>),
    /// Holds when some part holds (and so never when there are no parts).
    Any(Parts<'a, Condition<'a>>),
    /// Holds when no part holds: with one part, when that part does not. (A
    /// list, so that the tree needs no box; the deal format writes one part.)
    Not(Parts<'a, Condition<'a>>),
}

/// One fact a condition can ask about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact<'a> {
    /// The date judged is this day or later.
    OnOrAfter(Day),
    /// The date judged is later than this day: a term that runs "through" it has ended.
    After(Day),
    /// The deal's event with this id happened on or before the date judged.
    Event(Words<'a>),
    /// The holder's stake after the last round is strictly below the percentage.
    StakeBelow {
        /// The holder's id.
        holder: Words<'a>,
        /// The threshold, 0 to 100.
        percent: Percent,
    },
    /// The holder's stake after the last round is strictly above the percentage.
    StakeAbove {
        /// The holder's id.
        holder: Words<'a>,
        /// The threshold, 0 to 100.
        percent: Percent,
    },
    /// Some other single holder holds strictly more shares than this one after the last round.
    Outweighed {
        /// The holder who must stay the largest.
        holder: Words<'a>,
    },
    /// Some single holder's stake after the last round is strictly above the percentage.
    AnyHolderAbove {
        /// The threshold, 0 to 100.
        percent: Percent,
    },
    /// The routing question is about this kind of product.
    Product(ProductKind),
    /// The routing question is about a product built with this partner.
    Partner(Words<'a>),
}

impl Condition<'_> {
    /// True when some fact in the tree is about stakes, so that the cap table can change the answer.
    pub fn uses_stakes(&self) -> bool {
        self.any_fact(&|fact| {
            matches!(
                fact,
                Fact::StakeBelow { .. }
                    | Fact::StakeAbove { .. }
                    | Fact::Outweighed { .. }
                    | Fact::AnyHolderAbove { .. }
            )
        })
    }

    /// True when every fact in the tree is a date, so that "in force through D" already says why.
    pub fn only_dates(&self) -> bool {
        !self.any_fact(&|fact| !matches!(fact, Fact::OnOrAfter(_) | Fact::After(_)))
    }

    fn any_fact(&self, test: &dyn Fn(&Fact<'_>) -> bool) -> bool {
        match self {
            Condition::Always => false,
            Condition::Fact(fact) => test(fact),
            Condition::All(parts) | Condition::Any(parts) | Condition::Not(parts) => {
                parts.iter().any(|part| part.any_fact(test))
            }
        }
    }
}

impl Fact<'_> {
    /// The holder whose stake the fact is about, if it names one.
    pub fn holder(&self) -> Option<&str> {
        match self {
            Fact::StakeBelow { holder, .. } | Fact::StakeAbove { holder, .. } | Fact::Outweighed { holder } => {
                Some(holder)
            }
            _ => None,
        }
    }
}

/// The kinds of product whose hosting a deal rules on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    /// A stateless API.
    StatelessApi,
    /// An API product built with a partner such as Amazon.
    PartnerApi,
    /// A stateful runtime environment.
    StatefulRuntime,
    /// A product that is not an API.
    NonApi,
    /// An open-weight model.
    OpenWeights,
    /// API access for US national-security customers.
    NationalSecurityApi,
    /// The training of models: where the compute that trains them may run.
    Training,
}

impl ProductKind {
    /// Every kind.
    pub const ALL: [ProductKind; 7] = [
        ProductKind::StatelessApi,
        ProductKind::PartnerApi,
        ProductKind::StatefulRuntime,
        ProductKind::NonApi,
        ProductKind::OpenWeights,
        ProductKind::NationalSecurityApi,
        ProductKind::Training,
    ];

    /// The kind as a heading says it: "Stateless API".
    pub fn title(self) -> &'static str {
        match self {
            ProductKind::StatelessApi => "Stateless API",
            ProductKind::PartnerApi => "API built with a partner",
            ProductKind::StatefulRuntime => "Stateful runtime",
            ProductKind::NonApi => "Non-API product",
            ProductKind::OpenWeights => "Open-weight model",
            ProductKind::NationalSecurityApi => "National-security API",
            ProductKind::Training => "Model training",
        }
    }

    /// The kind as the JSON outcome (and a deal file) names it: `stateless_api`.
    pub fn name(self) -> &'static str {
        match self {
            ProductKind::StatelessApi => "stateless_api",
            ProductKind::PartnerApi => "partner_api",
            ProductKind::StatefulRuntime => "stateful_runtime",
            ProductKind::NonApi => "non_api",
            ProductKind::OpenWeights => "open_weights",
            ProductKind::NationalSecurityApi => "national_security_api",
            ProductKind::Training => "training",
        }
    }

    /// The kind in words, as it reads after "the product is".
    ///
    /// ```
    /// use fortress_core::terms::ProductKind;
    /// assert_eq!(ProductKind::StatefulRuntime.label(), "a stateful runtime");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            ProductKind::StatelessApi => "a stateless API",
            ProductKind::PartnerApi => "an API product built with a partner",
            ProductKind::StatefulRuntime => "a stateful runtime",
            ProductKind::NonApi => "a non-API product",
            ProductKind::OpenWeights => "an open-weight model",
            ProductKind::NationalSecurityApi => "an API for US national-security customers",
            ProductKind::Training => "model training",
        }
    }
}

/// Where a product may run.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Hosting {
    /// On this cloud only: `Only("Azure")`.
    Only(Words<'static>),
    /// On any cloud provider.
    AnyCloud,
    /// The sources disagree.
    Contested,
}

impl Hosting {
    /// The answer in words, as route reasons begin with it.
    ///
    /// ```
    /// use fortress_core::terms::Hosting;
    /// assert_eq!(Hosting::Only("Azure".into()).label(), "Azure only");
    /// assert_eq!(Hosting::AnyCloud.label(), "any cloud");
    /// ```
    pub fn label(&self) -> Cow<'static, str> {
        match self {
            Hosting::Only(cloud) => Cow::Owned(format!("{cloud} only")),
            Hosting::AnyCloud => Cow::Borrowed("any cloud"),
            Hosting::Contested => Cow::Borrowed("contested"),
        }
    }

    /// The answer as a badge says it, capitalized: "Any cloud".
    pub fn title(&self) -> Cow<'static, str> {
        match self {
            Hosting::Only(cloud) => Cow::Owned(format!("{cloud} only")),
            Hosting::AnyCloud => Cow::Borrowed("Any cloud"),
            Hosting::Contested => Cow::Borrowed("Contested"),
        }
    }

    /// The answer as the JSON outcome names it: `azure_only`, `any_cloud`, `contested`
    /// (a cloud's name lower-cased, with every character but a letter or digit as `_`).
    ///
    /// ```
    /// use fortress_core::terms::Hosting;
    /// assert_eq!(Hosting::Only("Google Cloud".into()).name(), "google_cloud_only");
    /// ```
    pub fn name(&self) -> Cow<'static, str> {
        match self {
            Hosting::Only(cloud) => {
                let mut name: String = cloud
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' })
                    .collect();
                name.push_str("_only");
                Cow::Owned(name)
            }
            Hosting::AnyCloud => Cow::Borrowed("any_cloud"),
            Hosting::Contested => Cow::Borrowed("contested"),
        }
    }
}

impl Serialize for Hosting {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name())
    }
}
