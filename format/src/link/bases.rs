//! The frozen bases of preset links, and the term ids every body's string
//! table starts with.
//!
//! A preset link says "base k, with these changes". Base k must mean the
//! same scenario for ever, even after the preset it copies is corrected, so
//! each base is a frozen copy: the full-form body of the preset as it was
//! when the base was added, kept here as bytes (text fields readable in the
//! literal). The live presets in `fortress_core::presets` are not read here.
//!
//! This table only ever grows. When a preset changes, append a new entry
//! with the same name (the test `every_preset_has_a_current_base` prints it);
//! encoding then picks the newest base whose title, sources and notes the
//! scenario keeps, while links on the older entry still decode to exactly
//! what they showed. Never edit, reorder or remove an entry.

use std::sync::OnceLock;

use fortress_core::Scenario;

/// A preset as a link base: its name and its frozen scenario.
pub(super) struct Base {
    pub(super) name: &'static str,
    pub(super) scenario: Scenario,
}

/// The term ids of version 1, in this order, at the start of every string
/// table, so that a what-if names its term in one byte. Frozen like the
/// bases: a term added later is written out in full.
pub(super) const TERM_IDS_V1: &[&str] = &[
    "azure-api-exclusivity",
    "third-party-apis",
    "non-api-any-cloud",
    "natsec-any-cloud",
    "open-weights",
    "ip-license",
    "research-ip",
    "consumer-hardware",
    "revenue-share",
    "compute-rofr",
    "azure-commitment",
    "msft-agi",
    "first-party-on-azure",
    "expert-panel",
];

/// Base k of a link is entry k - 1: a preset name and the full-form body of
/// that preset, frozen.
#[rustfmt::skip]
const BASES: &[(&str, &[u8])] = &[
    ("feb-2026", b"\
\x00\xa7\x07\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other \
investors\x1bothers\xe6\x0b\x01\x0f\x1aFebruary 2026\x93#\xd5$\x03\x0dAmazon\x00\xaa\x01\x0dNvidia\x00\
j\x11SoftBank\x00j\x93#\xac\x01FOpenAI's $110B round, February 2026\x07zMicrosoft ~27% on an as-conv\
erted diluted basis, worth ~$135B\x94\x01openai.com/index/next-chapter-of-microsoft-openai-partnersh\
ip (2025-10-28)\x00\x84\x01OpenAI Foundation ~26%, ~$130B, plus a warrant (terms undisclosed)2CNBC c\
overage, 2025-10-28\x01bEmployees and other investors ~47%, the remainder7\x01\xc2\x01Valuation ~$50\
0B, derived (135/0.27 = 130/0.26); matches the Oct 2025 employee secondary at $500BLderived; seconda\
ry reported 2025-10-02\x01\xa2\x01$110B new money at a $730B pre-money valuation (OpenAI's wording),\
\x20so ~$840B postZOpenAI announcement as reported 2026-02-27/28\x01\xb4\x01Amazon $50B ($15B upfron\
t, $35B later when conditions are met); Nvidia $30B; SoftBank $30BjFT-based reports 2026-02-27; verd\
ict.co.uk 2026-03-02\x01rSome outlets call $730B post-money; OpenAI said pre-moneyPconflicting press\
\x20reports, 2026-02-27/28\x03\x02\xbc\x01Disputed: OpenAI called $730B the pre-money valuation; som\
e outlets reported it as post-money.\xac\x01Amazon's $50B is counted in full; $35B of it is reported\
\x20to come later, on conditions."),
    ("feb-2026-post", b"\
\x00\xa7\x07\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other \
investors\x1bothers\xe6\x0b\x01\x0f\x1aFebruary 2026\x93#\xd6$\x03\x0dAmazon\x00\xaa\x01\x0dNvidia\x00\
j\x11SoftBank\x00j\x93#\xac\x01\\OpenAI's $110B round, $730B read as post-money\x07zMicrosoft ~27% o\
n an as-converted diluted basis, worth ~$135B\x94\x01openai.com/index/next-chapter-of-microsoft-open\
ai-partnership (2025-10-28)\x00\x84\x01OpenAI Foundation ~26%, ~$130B, plus a warrant (terms undiscl\
osed)2CNBC coverage, 2025-10-28\x01bEmployees and other investors ~47%, the remainder7\x01\xc2\x01Va\
luation ~$500B, derived (135/0.27 = 130/0.26); matches the Oct 2025 employee secondary at $500BLderi\
ved; secondary reported 2025-10-02\x01\xa2\x01$110B new money at a $730B pre-money valuation (OpenAI\
's wording), so ~$840B postZOpenAI announcement as reported 2026-02-27/28\x01\xb4\x01Amazon $50B ($1\
5B upfront, $35B later when conditions are met); Nvidia $30B; SoftBank $30BjFT-based reports 2026-02\
-27; verdict.co.uk 2026-03-02\x01rSome outlets call $730B post-money; OpenAI said pre-moneyPconflict\
ing press reports, 2026-02-27/28\x03\x01\xa4\x01Disputed: this is the press reading of $730B as post\
-money; OpenAI said pre-money."),
    ("mar-2026-close", b"\
\x00\xa7\x07\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other \
investors\x1bothers\xe6\x0b\x01\x0f.Final close, March 2026\xd3#\x94\xaa\x03\x04\x0dAmazon\x00\xaa\x01\
\x0dNvidia\x00j\x11SoftBank\x00j9Investors in the final close\x1flater-investors\x89\x03\xd3#\xac\x01\
^OpenAI's final close: $122B at $852B post-money\x09zMicrosoft ~27% on an as-converted diluted basis\
, worth ~$135B\x94\x01openai.com/index/next-chapter-of-microsoft-openai-partnership (2025-10-28)\x00\
\x84\x01OpenAI Foundation ~26%, ~$130B, plus a warrant (terms undisclosed)2CNBC coverage, 2025-10-28\
\x01bEmployees and other investors ~47%, the remainder;\x01\xc2\x01Valuation ~$500B, derived (135/0.\
27 = 130/0.26); matches the Oct 2025 employee secondary at $500BLderived; secondary reported 2025-10\
-02\x01\xa2\x01$110B new money at a $730B pre-money valuation (OpenAI's wording), so ~$840B postZOpe\
nAI announcement as reported 2026-02-27/28\x01\xb4\x01Amazon $50B ($15B upfront, $35B later when con\
ditions are met); Nvidia $30B; SoftBank $30BjFT-based reports 2026-02-27; verdict.co.uk 2026-03-02\x01\
rSome outlets call $730B post-money; OpenAI said pre-moneyPconflicting press reports, 2026-02-27/28\x03\
nFinal close $122B at $852B post-money (852 - 122 = 730)Breports citing OpenAI, 2026-03-31\x01RMicro\
soft still \"about 27%\" at 2026-03-31ZMicrosoft 10-Q summary, quarter to 2026-03-31\x01\x02\x8e\x01\
Who put in the last $12B is not broken down; it is shown as one holder.\xf8\x01Microsoft took part w\
ith an undisclosed amount, not modelled here. Its 10-Q still says about 27%; pure dilution gives 23.\
1%."),
    ("oct-2025", b"\
\x00\xa5\x07\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other \
investors\x1bothers\xe6\x0b\x9f!\xac\x01\\OpenAI after the October 2025 recapitalization\x04zMicroso\
ft ~27% on an as-converted diluted basis, worth ~$135B\x94\x01openai.com/index/next-chapter-of-micro\
soft-openai-partnership (2025-10-28)\x00\x84\x01OpenAI Foundation ~26%, ~$130B, plus a warrant (term\
s undisclosed)2CNBC coverage, 2025-10-28\x01bEmployees and other investors ~47%, the remainder/\x01\xc2\
\x01Valuation ~$500B, derived (135/0.27 = 130/0.26); matches the Oct 2025 employee secondary at $500\
BLderived; secondary reported 2025-10-02\x01\x01tThe stakes are rounded figures as published (\"abou\
t 27%\")."),
("feb-2026", b"\
\x00\xa7'\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other inv\
estors\x1bothers\xe6\x0b\x01\x0f\x1aFebruary 2026\x93#\xd5$\x03\x0dAmazon\x00\xaa\x01\x0dNvidia\x00j\
\x11SoftBank\x00j\x93#\xac\x01FOpenAI's $110B round, February 2026\x08zMicrosoft ~27% on an as-conve\
rted diluted basis, worth ~$135B|OpenAI, \"The next chapter of the Microsoft-OpenAI partnership\"\x04\
\x8b\x01https://openai.com/index/next-chapter-of-microsoft-openai-partnership\x9f!\x84\x01OpenAI Fou\
ndation ~26%, ~$130B, plus a warrant (terms undisclosed)\x1aCNBC coverage\x05\x00\x9f!bEmployees and\
\x20other investors ~47%, the remainder9\x05\x00\x9f!\xcc\x01Valuation ~$500B, derived (135/0.27 = 1\
30/0.26); matches the employee secondary at $500B of 2025-10-02Bderived; most outlets print $500B\x05\
\x00\x9f!\xe4\x01The implied value at the recapitalization: ~$500B in most reports; CNBC's David Fab\
er put it at about $548B on airvCNBC television, 2025-10-28, as summarized by StartupHub.ai\x07\xf1\x01\
https://www.startuphub.ai/ai-news/ai-video/2025/openai-recapitalization-reshapes-ai-landscape-with-m\
icrosoft-at-the-helm\x9f!\xa2\x01$110B new money at a $730B pre-money valuation (OpenAI's wording), \
so ~$840B postZOpenAI's announcement, as reported by Verdict\x05qhttps://www.verdict.co.uk/openai-ra\
ises-110bn-ahead-ipo/\x99#\xb4\x01Amazon $50B ($15B upfront, $35B later when conditions are met); Nv\
idia $30B; SoftBank $30B FT-based reports\x05\x00\x93#rSome outlets call $730B post-money; OpenAI sa\
id pre-moneyPconflicting press reports, 2026-02-27/28\x07\x00\x93#\x02\xa8\x01OpenAI called $730B th\
e pre-money valuation; some outlets reported it as post-money.\xac\x01Amazon's $50B is counted in fu\
ll; $35B of it is reported to come later, on conditions.\x02\x01\x00"),
("feb-2026-post", b"\
\x00\xa7'\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other inv\
estors\x1bothers\xe6\x0b\x01\x0f\x1aFebruary 2026\x93#\xd6$\x03\x0dAmazon\x00\xaa\x01\x0dNvidia\x00j\
\x11SoftBank\x00j\x93#\xac\x01\\OpenAI's $110B round, $730B read as post-money\x08zMicrosoft ~27% on\
\x20an as-converted diluted basis, worth ~$135B|OpenAI, \"The next chapter of the Microsoft-OpenAI p\
artnership\"\x04\x8b\x01https://openai.com/index/next-chapter-of-microsoft-openai-partnership\x9f!\x84\
\x01OpenAI Foundation ~26%, ~$130B, plus a warrant (terms undisclosed)\x1aCNBC coverage\x05\x00\x9f!\
bEmployees and other investors ~47%, the remainder9\x05\x00\x9f!\xcc\x01Valuation ~$500B, derived (1\
35/0.27 = 130/0.26); matches the employee secondary at $500B of 2025-10-02Bderived; most outlets pri\
nt $500B\x05\x00\x9f!\xe4\x01The implied value at the recapitalization: ~$500B in most reports; CNBC\
's David Faber put it at about $548B on airvCNBC television, 2025-10-28, as summarized by StartupHub\
.ai\x07\xf1\x01https://www.startuphub.ai/ai-news/ai-video/2025/openai-recapitalization-reshapes-ai-l\
andscape-with-microsoft-at-the-helm\x9f!\xa2\x01$110B new money at a $730B pre-money valuation (Open\
AI's wording), so ~$840B postZOpenAI's announcement, as reported by Verdict\x05qhttps://www.verdict.\
co.uk/openai-raises-110bn-ahead-ipo/\x99#\xb4\x01Amazon $50B ($15B upfront, $35B later when conditio\
ns are met); Nvidia $30B; SoftBank $30B FT-based reports\x05\x00\x93#rSome outlets call $730B post-m\
oney; OpenAI said pre-moneyPconflicting press reports, 2026-02-27/28\x07\x00\x93#\x01\x90\x01This is\
\x20the press reading of $730B as post-money; OpenAI said pre-money.\x01\x01"),
("mar-2026-close", b"\
\x00\xa7'\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other inv\
estors\x1bothers\xe6\x0b\x01\x0f.Final close, March 2026\xd3#\x94\xaa\x03\x04\x0dAmazon\x00\xaa\x01\x0d\
Nvidia\x00j\x11SoftBank\x00j9Investors in the final close\x1flater-investors\x89\x03\xd3#\xac\x01^Op\
enAI's final close: $122B at $852B post-money\x0azMicrosoft ~27% on an as-converted diluted basis, w\
orth ~$135B|OpenAI, \"The next chapter of the Microsoft-OpenAI partnership\"\x04\x8b\x01https://open\
ai.com/index/next-chapter-of-microsoft-openai-partnership\x9f!\x84\x01OpenAI Foundation ~26%, ~$130B\
, plus a warrant (terms undisclosed)\x1aCNBC coverage\x05\x00\x9f!bEmployees and other investors ~47\
%, the remainder=\x05\x00\x9f!\xcc\x01Valuation ~$500B, derived (135/0.27 = 130/0.26); matches the e\
mployee secondary at $500B of 2025-10-02Bderived; most outlets print $500B\x05\x00\x9f!\xe4\x01The i\
mplied value at the recapitalization: ~$500B in most reports; CNBC's David Faber put it at about $54\
8B on airvCNBC television, 2025-10-28, as summarized by StartupHub.ai\x07\xf1\x01https://www.startup\
hub.ai/ai-news/ai-video/2025/openai-recapitalization-reshapes-ai-landscape-with-microsoft-at-the-hel\
m\x9f!\xa2\x01$110B new money at a $730B pre-money valuation (OpenAI's wording), so ~$840B postZOpen\
AI's announcement, as reported by Verdict\x05qhttps://www.verdict.co.uk/openai-raises-110bn-ahead-ip\
o/\x99#\xb4\x01Amazon $50B ($15B upfront, $35B later when conditions are met); Nvidia $30B; SoftBank\
\x20$30B FT-based reports\x05\x00\x93#rSome outlets call $730B post-money; OpenAI said pre-moneyPcon\
flicting press reports, 2026-02-27/28\x07\x00\x93#nFinal close $122B at $852B post-money (852 - 122 \
= 730)&CNBC, citing OpenAI\x05{https://www.cnbc.com/2026/03/31/openai-funding-round-ipo.html\xd3#RMi\
crosoft still \"about 27%\" at 2026-03-31\x90\x01Microsoft 10-Q for the quarter to 2026-03-31, as su\
mmarized by the press\x05\x00\x8d$\x02\x8e\x01Who put in the last $12B is not broken down; it is sho\
wn as one holder.\xf8\x01Microsoft took part with an undisclosed amount, not modelled here. Its 10-Q\
\x20still says about 27%; pure dilution gives 23.1%.\x02\x00\x00"),
("apr-2026-amendment", b"\
\x00\xa7'\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other inv\
estors\x1bothers\xe6\x0b\x01\x0f.Final close, March 2026\xd3#\x94\xaa\x03\x04\x0dAmazon\x00\xaa\x01\x0d\
Nvidia\x00j\x11SoftBank\x00j9Investors in the final close\x1flater-investors\x89\x03\x89$\xac\x01JOp\
enAI after the April 2026 amendment\x0dzMicrosoft ~27% on an as-converted diluted basis, worth ~$135\
B|OpenAI, \"The next chapter of the Microsoft-OpenAI partnership\"\x04\x8b\x01https://openai.com/ind\
ex/next-chapter-of-microsoft-openai-partnership\x9f!\x84\x01OpenAI Foundation ~26%, ~$130B, plus a w\
arrant (terms undisclosed)\x1aCNBC coverage\x05\x00\x9f!bEmployees and other investors ~47%, the rem\
ainder=\x05\x00\x9f!\xcc\x01Valuation ~$500B, derived (135/0.27 = 130/0.26); matches the employee se\
condary at $500B of 2025-10-02Bderived; most outlets print $500B\x05\x00\x9f!\xe4\x01The implied val\
ue at the recapitalization: ~$500B in most reports; CNBC's David Faber put it at about $548B on airv\
CNBC television, 2025-10-28, as summarized by StartupHub.ai\x07\xf1\x01https://www.startuphub.ai/ai-\
news/ai-video/2025/openai-recapitalization-reshapes-ai-landscape-with-microsoft-at-the-helm\x9f!\xa2\
\x01$110B new money at a $730B pre-money valuation (OpenAI's wording), so ~$840B postZOpenAI's annou\
ncement, as reported by Verdict\x05qhttps://www.verdict.co.uk/openai-raises-110bn-ahead-ipo/\x99#\xb4\
\x01Amazon $50B ($15B upfront, $35B later when conditions are met); Nvidia $30B; SoftBank $30B FT-ba\
sed reports\x05\x00\x93#rSome outlets call $730B post-money; OpenAI said pre-moneyPconflicting press\
\x20reports, 2026-02-27/28\x07\x00\x93#nFinal close $122B at $852B post-money (852 - 122 = 730)&CNBC\
, citing OpenAI\x05{https://www.cnbc.com/2026/03/31/openai-funding-round-ipo.html\xd3#RMicrosoft sti\
ll \"about 27%\" at 2026-03-31\x90\x01Microsoft 10-Q for the quarter to 2026-03-31, as summarized by\
\x20the press\x05\x00\x8d$\xa8\x04Azure API exclusivity ends: OpenAI can serve all its products on a\
ny cloud; products ship first on Azure; Microsoft's IP licence runs through 2032, non-exclusive; Ope\
nAI's revenue share to Microsoft runs through 2030, capped; Microsoft no longer pays a revenue share\
\x20to OpenAI\xcc\x01Microsoft and OpenAI, \"The next phase of the Microsoft-OpenAI partnership\", t\
he companies' joint posts\x04{https://openai.com/index/next-phase-of-microsoft-partnership/\x89$\xea\
\x01The AGI clause is gone (\"Microsoft and OpenAI's famed AGI agreement is dead\"); the companies' \
posts do not mention it\x12The Verge\x07\xc1\x01https://www.theverge.com/ai-artificial-intelligence/\
918981/openai-microsoft-renegotiate-contract\x89$\xa6\x01The cap on OpenAI's revenue-share payments \
is $38B; not confirmed by either company8The Information, via Reuters\x06\x00\xa5$\x03\x8e\x01Who pu\
t in the last $12B is not broken down; it is shown as one holder.\xf8\x01Microsoft took part with an\
\x20undisclosed amount, not modelled here. Its 10-Q still says about 27%; pure dilution gives 23.1%.\
\x82\x03The press reports the AGI clause removed; the companies' posts say only that revenue-share p\
ayments are independent of OpenAI's technology progress. The AGI-linked terms are shown as contested\
.\x03\x00\x00\x01"),
("oct-2026-funded", b"\
\x00\xa77\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other inv\
estors\x1bothers\xe6\x0b\x01O.Final close, March 2026\xd3#\x94\xaa\x03\x04\x0dAmazon\x00\xaa\x01\x0d\
Nvidia\x00j\x11SoftBank\x00j9Investors in the final close\x1flater-investors\x89\x03\x04\x03\xd3#\xe9\
\x036at the close (Amazon's 8-K)\x89%\xa8\"|paid in Q2 2026; the day is not public: the quarter's la\
st day\xc7%\xa85|paid in July 2026; the day is not public: the month's last day\x00\x03\xd5#*\x1afir\
st tranche\x8b%*\x1csecond tranche\xc3&*Nthird tranche, expected (not confirmed)\x00\xc3&\xac\x01HOp\
enAI's round as paid, October 2026\x11zMicrosoft ~27% on an as-converted diluted basis, worth ~$135B\
|OpenAI, \"The next chapter of the Microsoft-OpenAI partnership\"\x04\x8b\x01https://openai.com/inde\
x/next-chapter-of-microsoft-openai-partnership\x9f!\x84\x01OpenAI Foundation ~26%, ~$130B, plus a wa\
rrant (terms undisclosed)\x1aCNBC coverage\x05\x00\x9f!bEmployees and other investors ~47%, the rema\
inderI\x05\x00\x9f!\xcc\x01Valuation ~$500B, derived (135/0.27 = 130/0.26); matches the employee sec\
ondary at $500B of 2025-10-02Bderived; most outlets print $500B\x05\x00\x9f!\xe4\x01The implied valu\
e at the recapitalization: ~$500B in most reports; CNBC's David Faber put it at about $548B on airvC\
NBC television, 2025-10-28, as summarized by StartupHub.ai\x07\xf1\x01https://www.startuphub.ai/ai-n\
ews/ai-video/2025/openai-recapitalization-reshapes-ai-landscape-with-microsoft-at-the-helm\x9f!\xa2\x01\
$110B new money at a $730B pre-money valuation (OpenAI's wording), so ~$840B postZOpenAI's announcem\
ent, as reported by Verdict\x05qhttps://www.verdict.co.uk/openai-raises-110bn-ahead-ipo/\x99#\xb4\x01\
Amazon $50B ($15B upfront, $35B later when conditions are met); Nvidia $30B; SoftBank $30B FT-based \
reports\x05\x00\x93#rSome outlets call $730B post-money; OpenAI said pre-moneyPconflicting press rep\
orts, 2026-02-27/28\x07\x00\x93#nFinal close $122B at $852B post-money (852 - 122 = 730)&CNBC, citin\
g OpenAI\x05{https://www.cnbc.com/2026/03/31/openai-funding-round-ipo.html\xd3#RMicrosoft still \"ab\
out 27%\" at 2026-03-31\x90\x01Microsoft 10-Q for the quarter to 2026-03-31, as summarized by the pr\
ess\x05\x00\x8d$\xa8\x04Azure API exclusivity ends: OpenAI can serve all its products on any cloud; \
products ship first on Azure; Microsoft's IP licence runs through 2032, non-exclusive; OpenAI's reve\
nue share to Microsoft runs through 2030, capped; Microsoft no longer pays a revenue share to OpenAI\
\xcc\x01Microsoft and OpenAI, \"The next phase of the Microsoft-OpenAI partnership\", the companies'\
\x20joint posts\x04{https://openai.com/index/next-phase-of-microsoft-partnership/\x89$\xea\x01The AG\
I clause is gone (\"Microsoft and OpenAI's famed AGI agreement is dead\"); the companies' posts do n\
ot mention it\x12The Verge\x07\xc1\x01https://www.theverge.com/ai-artificial-intelligence/918981/ope\
nai-microsoft-renegotiate-contract\x89$\xa6\x01The cap on OpenAI's revenue-share payments is $38B; n\
ot confirmed by either company8The Information, via Reuters\x06\x00\xa5$\xfc\x01Amazon: $15B at the \
close; $35B more on an IPO or an undisclosed \"mandatory funding event\", the obligation expiring 20\
28-12-31\x14Amazon 8-K\x04\xa9\x01https://www.sec.gov/Archives/edgar/data/1018724/000110465926021050\
/tm267374d1_8k.htm\x93#\xb6\x01Amazon paid $13.7B in Q2 2026 and the last $21.3B after 2026-06-30 (J\
uly 2026), $50B in allRAmazon 10-Q for the quarter to 2026-06-30\x01\xea\x01SoftBank: $30B in three \
$10B tranches on 2026-04-01, 2026-07-01 and 2026-10-01 (Japan time; the October one expected),SoftBa\
nk press release\x04[https://group.softbank/en/news/press/20260701\x8b%\x94\x01Nvidia: $30B, no paym\
ent schedule published (counted as paid at the close)4press reports of the close\x05\x00\xd3#\x05\x8e\
\x01Who put in the last $12B is not broken down; it is shown as one holder.\xf8\x01Microsoft took pa\
rt with an undisclosed amount, not modelled here. Its 10-Q still says about 27%; pure dilution gives\
\x2023.1%.\xb4\x03Counted as funded: each payment counts from its date, at the round's price. Move t\
he as-of date to see the table on any day; Microsoft's 10-Q still said about 27% at 2026-03-31, when\
\x20most of the round was not yet paid.\x8e\x03Amazon's Q2 payment is dated 2026-06-30 and its July \
payment 2026-07-31, the last days of the periods they were reported in: the days are not public, so \
each counts only once it had surely been paid.\x94\x03Nvidia's $30B is counted as paid at the close,\
\x20as no schedule was published; The Information reported (via Reuters, 2026-02-26) that Nvidia, li\
ke SoftBank, would pay in three installments over the year.\x01\x05\x00\x00\x00\x03\x01"),
("ipo-what-if", b"\
\x00\xa7'\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other inv\
estors\x1bothers\xe6\x0b\x02\x0f.Final close, March 2026\xd3#\x94\xaa\x03\x04\x0dAmazon\x00\xaa\x01\x0d\
Nvidia\x00j\x11SoftBank\x00j9Investors in the final close\x1flater-investors\x89\x03\x0d\"IPO (specu\
lative)Y\x011IPO buyers (speculative)\x15ipo-buyers\xca\x01\xbd'\xac\x01`What if OpenAI listed: $60B\
\x20at $1T (speculative)\x0fzMicrosoft ~27% on an as-converted diluted basis, worth ~$135B|OpenAI, \"\
The next chapter of the Microsoft-OpenAI partnership\"\x04\x8b\x01https://openai.com/index/next-chap\
ter-of-microsoft-openai-partnership\x9f!\x84\x01OpenAI Foundation ~26%, ~$130B, plus a warrant (term\
s undisclosed)\x1aCNBC coverage\x05\x00\x9f!bEmployees and other investors ~47%, the remainderC\x05\x00\
\x9f!\xcc\x01Valuation ~$500B, derived (135/0.27 = 130/0.26); matches the employee secondary at $500\
B of 2025-10-02Bderived; most outlets print $500B\x05\x00\x9f!\xe4\x01The implied value at the recap\
italization: ~$500B in most reports; CNBC's David Faber put it at about $548B on airvCNBC television\
, 2025-10-28, as summarized by StartupHub.ai\x07\xf1\x01https://www.startuphub.ai/ai-news/ai-video/2\
025/openai-recapitalization-reshapes-ai-landscape-with-microsoft-at-the-helm\x9f!\xa2\x01$110B new m\
oney at a $730B pre-money valuation (OpenAI's wording), so ~$840B postZOpenAI's announcement, as rep\
orted by Verdict\x05qhttps://www.verdict.co.uk/openai-raises-110bn-ahead-ipo/\x99#\xb4\x01Amazon $50\
B ($15B upfront, $35B later when conditions are met); Nvidia $30B; SoftBank $30B FT-based reports\x05\
\x00\x93#rSome outlets call $730B post-money; OpenAI said pre-moneyPconflicting press reports, 2026-\
02-27/28\x07\x00\x93#nFinal close $122B at $852B post-money (852 - 122 = 730)&CNBC, citing OpenAI\x05\
{https://www.cnbc.com/2026/03/31/openai-funding-round-ipo.html\xd3#RMicrosoft still \"about 27%\" at\
\x202026-03-31\x90\x01Microsoft 10-Q for the quarter to 2026-03-31, as summarized by the press\x05\x00\
\x8d$\xa8\x04Azure API exclusivity ends: OpenAI can serve all its products on any cloud; products sh\
ip first on Azure; Microsoft's IP licence runs through 2032, non-exclusive; OpenAI's revenue share t\
o Microsoft runs through 2030, capped; Microsoft no longer pays a revenue share to OpenAI\xcc\x01Mic\
rosoft and OpenAI, \"The next phase of the Microsoft-OpenAI partnership\", the companies' joint post\
s\x04{https://openai.com/index/next-phase-of-microsoft-partnership/\x89$\xea\x01The AGI clause is go\
ne (\"Microsoft and OpenAI's famed AGI agreement is dead\"); the companies' posts do not mention it\x12\
The Verge\x07\xc1\x01https://www.theverge.com/ai-artificial-intelligence/918981/openai-microsoft-ren\
egotiate-contract\x89$\xa6\x01The cap on OpenAI's revenue-share payments is $38B; not confirmed by e\
ither company8The Information, via Reuters\x06\x00\xa5$\x9c\x01OpenAI could seek to raise at least $\
60B in an IPO at a valuation of up to $1T\\Reuters (October 2025), as reported by City AM\x01\xfe\x01\
OpenAI has confidentially submitted a draft S-1 (\"we have not decided on timing yet\"); a listing i\
s reported as leaning to 2027\x84\x01OpenAI's announcement, and press reports citing the New York Ti\
mes\x05\x00\xdd$\x04\x8e\x01Who put in the last $12B is not broken down; it is shown as one holder.\xf8\
\x01Microsoft took part with an undisclosed amount, not modelled here. Its 10-Q still says about 27%\
; pure dilution gives 23.1%.\x88\x03No IPO has been priced or dated. Reuters reported in October 202\
5 that OpenAI could raise at least $60B at up to $1T; this scenario reads that as $60B at $1T pre-mo\
ney, after the March 2026 close.pJudged on 2026-12-01, the day these facts were gathered.\x04\x00\x00\
\x02\x03"),
("oct-2025", b"\
\x00\xa5'\x03\x12Microsoft\x00\xe6\x06\"OpenAI Foundation*foundation\xc6\x06:Employees and other inv\
estors\x1bothers\xe6\x0b\x9f!\xac\x01\\OpenAI after the October 2025 recapitalization\x05zMicrosoft \
~27% on an as-converted diluted basis, worth ~$135B|OpenAI, \"The next chapter of the Microsoft-Open\
AI partnership\"\x04\x8b\x01https://openai.com/index/next-chapter-of-microsoft-openai-partnership\x9f\
!\x84\x01OpenAI Foundation ~26%, ~$130B, plus a warrant (terms undisclosed)\x1aCNBC coverage\x05\x00\
\x9f!bEmployees and other investors ~47%, the remainder1\x05\x00\x9f!\xcc\x01Valuation ~$500B, deriv\
ed (135/0.27 = 130/0.26); matches the employee secondary at $500B of 2025-10-02Bderived; most outlet\
s print $500B\x05\x00\x9f!\xe4\x01The implied value at the recapitalization: ~$500B in most reports;\
\x20CNBC's David Faber put it at about $548B on airvCNBC television, 2025-10-28, as summarized by St\
artupHub.ai\x07\xf1\x01https://www.startuphub.ai/ai-news/ai-video/2025/openai-recapitalization-resha\
pes-ai-landscape-with-microsoft-at-the-helm\x9f!\x01tThe stakes are rounded figures as published (\"\
about 27%\").\x01\x00"),
];

/// The bases, decoded once. An entry that cannot be read (which the tests
/// rule out) is `None`, and a link on it is reported as damaged.
pub(super) fn all() -> &'static [Option<Base>] {
    static DECODED: OnceLock<Vec<Option<Base>>> = OnceLock::new();
    DECODED.get_or_init(|| {
        BASES
            .iter()
            .map(|&(name, body)| match super::body::decode(body, &[]) {
                Ok((scenario, None)) => Some(Base { name, scenario }),
                _ => None,
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a body as a byte-string literal that keeps its text readable.
    fn literal(body: &[u8]) -> String {
        let mut out = String::from("b\"\\\n");
        let mut line = 0;
        for &b in body {
            let piece = match b {
                b'"' => "\\\"".to_owned(),
                b'\\' => "\\\\".to_owned(),
                // A space at the start of a line would be eaten by the line continuation.
                b' ' if line == 0 => "\\x20".to_owned(),
                0x20..=0x7e => char::from(b).to_string(),
                _ => format!("\\x{b:02x}"),
            };
            out.push_str(&piece);
            line += piece.len();
            if line >= 100 {
                out.push_str("\\\n");
                line = 0;
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn every_base_decodes() {
        for (entry, (name, _)) in all().iter().zip(BASES) {
            assert!(entry.is_some(), "base {name} does not decode");
        }
    }

    #[test]
    fn every_preset_has_a_current_base() {
        let mut missing = String::new();
        for preset in fortress_core::presets::ALL {
            let scenario = (preset.build)();
            let newest = all().iter().flatten().rev().find(|b| b.name == preset.name);
            if newest.map(|b| &b.scenario) != Some(&scenario) {
                let body = super::super::body::encode(&scenario, &[]);
                missing.push_str(&format!("    (\"{}\", {}),\n", preset.name, literal(&body)));
            }
        }
        assert!(
            missing.is_empty(),
            "a preset has no frozen base, or has changed since its base was frozen; append to BASES \
             (never edit an entry):\n{missing}"
        );
    }
}
