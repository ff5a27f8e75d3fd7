"""The Qt views and the app around them.

Importing the package first lightens PySide6's import hook (source_check.py):
every module of the package is imported after it.
"""

from stagetimer.ui import source_check as _source_check

_source_check.lighten()
