"""The ``stagetimer`` command: run the show, check an agenda, print status, write the report.

``main`` parses the command line and loads Qt only for the subcommands that
open windows, so ``check``, ``status`` and ``report`` run on a headless box.
"""
