//! Edits a reader makes to a scenario, as pure functions from one valid
//! scenario to the next. (Filled in with the widget.)
