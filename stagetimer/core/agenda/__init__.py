"""The agenda file: its model and the loader that validates it."""
