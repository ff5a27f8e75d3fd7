"""The show told back: the planned timetable ``stagetimer check`` prints, and the
event report (planned against actual, rebuilt from the journal, as CSV and HTML)."""
