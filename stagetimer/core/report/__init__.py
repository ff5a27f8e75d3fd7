"""The event report: planned against actual, rebuilt from the journal, as CSV and HTML."""
