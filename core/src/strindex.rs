//! Finding strings in a list by hash, without a hash map.
//!
//! The cap table, validation and the share-link writer each keep a list of
//! strings and ask where one is in it. A [`StrIndex`] answers that in
//! constant time, as a hash map would, but holds only positions into the
//! list the caller keeps: one small non-generic table in place of a
//! `HashMap` or `HashSet` per key type, which keeps the wasm smaller.

/// The positions of the strings of a list kept by the caller, found by hash:
/// an open-addressed table with linear probing, never more than half full.
///
/// Strings are indexed as they are pushed onto the list ([`StrIndex::push`])
/// and unindexed, the last first, as they are popped ([`StrIndex::pop`]).
/// A string already in the list is not indexed again: the first one is found.
///
/// ```
/// use fortress_core::strindex::StrIndex;
/// let mut list = vec!["a", "b"];
/// let mut index = StrIndex::of(&list);
/// assert_eq!(index.find(&list, "b"), Some(1));
/// list.push("c");
/// index.push(&list);
/// assert_eq!(index.find(&list, "c"), Some(2));
/// index.pop(&list);
/// list.pop();
/// assert_eq!(index.find(&list, "c"), None);
/// ```
#[derive(Debug, Default, PartialEq, Eq)]
pub struct StrIndex {
    /// One more than the position of the string in each slot, 0 for none;
    /// a power of two long, or empty.
    slots: Vec<usize>,
}

// By hand, for `clone_from`: the sensitivity map copies a table into the same
// scratch table for every cell, and the derived `clone_from` would allocate
// new slots each time instead of reusing them.
impl Clone for StrIndex {
    fn clone(&self) -> StrIndex {
        StrIndex { slots: self.slots.clone() }
    }

    fn clone_from(&mut self, source: &StrIndex) {
        self.slots.clone_from(&source.slots);
    }
}

impl StrIndex {
    /// An index of every string of `list`.
    pub fn of<S: AsRef<str>>(list: &[S]) -> StrIndex {
        let mut index = StrIndex::default();
        index.rebuild(list, list.len());
        index
    }

    /// Whether nothing is indexed yet.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The position of `s` in `list`, if it is indexed.
    pub fn find<S: AsRef<str>>(&self, list: &[S], s: &str) -> Option<usize> {
        let slot = self.slots.get(self.probe(list, s)?)?;
        slot.checked_sub(1)
    }

    /// Indexes the last string of `list`, just pushed onto it.
    pub fn push<S: AsRef<str>>(&mut self, list: &[S]) {
        if list.len() * 2 > self.slots.len() {
            self.rebuild(list, list.len());
        } else if let Some(last) = list.len().checked_sub(1) {
            self.place(list, last);
        }
    }

    /// Unindexes the last string of `list`, about to be popped from it.
    pub fn pop<S: AsRef<str>>(&mut self, list: &[S]) {
        // Only the strings pushed after this one can have probed past its
        // slot, and they are gone: so emptying the slot loses none of them.
        let Some(last) = list.len().checked_sub(1) else { return };
        let Some(s) = list.get(last) else { return };
        if let Some(slot) = self.probe(list, s.as_ref()).and_then(|at| self.slots.get_mut(at)) {
            if *slot == last + 1 {
                *slot = 0;
            }
        }
    }

    /// Makes room for `more` strings beyond the `list` indexed, so that
    /// indexing them allocates nothing. An empty index stays empty.
    pub fn reserve<S: AsRef<str>>(&mut self, list: &[S], more: usize) {
        if !self.is_empty() && (list.len() + more) * 2 > self.slots.len() {
            self.rebuild(list, list.len() + more);
        }
    }

    /// Indexes all of `list` anew, with room for `room` strings.
    fn rebuild<S: AsRef<str>>(&mut self, list: &[S], room: usize) {
        self.slots.clear();
        self.slots.resize((room * 2).next_power_of_two().max(8), 0);
        for at in 0..list.len() {
            self.place(list, at);
        }
    }

    /// Indexes the string at `at` of `list`, unless an equal one is.
    fn place<S: AsRef<str>>(&mut self, list: &[S], at: usize) {
        let Some(s) = list.get(at) else { return };
        if let Some(slot) = self.probe(list, s.as_ref()).and_then(|slot| self.slots.get_mut(slot)) {
            if *slot == 0 {
                *slot = at + 1;
            }
        }
    }

    /// The slot that holds `s`, or else the empty slot where it would go.
    fn probe<S: AsRef<str>>(&self, list: &[S], s: &str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = hash(s) & mask;
        for _ in 0..self.slots.len() {
            let known = self.slots.get(at)?.checked_sub(1);
            if known.is_none_or(|known| list.get(known).is_some_and(|k| k.as_ref() == s)) {
                return Some(at);
            }
            at = (at + 1) & mask;
        }
        None
    }
}

/// FNV-1a, folded so that the low bits the table uses depend on every byte.
fn hash(s: &str) -> usize {
    let h = s.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    (h ^ (h >> 16)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_scan_finds() {
        let mut list: Vec<String> = Vec::new();
        let mut index = StrIndex::default();
        for i in 0..500 {
            let s = format!("id-{}", i % 300);
            if index.find(&list, &s).is_none() {
                list.push(s);
                index.push(&list);
            }
            if i % 7 == 0 {
                index.reserve(&list, 5);
            }
        }
        assert_eq!(list.len(), 300);
        for i in 0..320 {
            let s = format!("id-{i}");
            assert_eq!(index.find(&list, &s), list.iter().position(|k| *k == s), "{s}");
        }
        // Undo the last hundred, the last first.
        for _ in 0..100 {
            index.pop(&list);
            list.pop();
        }
        for i in 0..320 {
            let s = format!("id-{i}");
            assert_eq!(index.find(&list, &s), list.iter().position(|k| *k == s), "{s}");
        }
        assert_eq!(StrIndex::of(&list).find(&list, "id-5"), Some(5));
        // A copy made into an existing index finds the same, in the slots it already had.
        let mut copy = StrIndex::of(&["x"; 300]);
        let slots = copy.slots.as_ptr();
        copy.clone_from(&index);
        assert_eq!(copy, index);
        assert_eq!(copy.slots.as_ptr(), slots, "clone_from reuses its slots");
        assert_eq!(copy.find(&list, "id-7"), Some(7));
        assert_eq!(StrIndex::default().find(&list, "id-5"), None);
    }
}
