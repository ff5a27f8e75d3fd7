"""The agenda file: its model, the loader that validates it, and the check table."""
