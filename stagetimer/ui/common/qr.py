"""A QR code for a link, as a picture a phone camera reads off the Control laptop's screen.

segno makes the code (no Qt); Qt only loads the PNG. Each module is a whole
number of pixels with the standard quiet zone of four modules, black on
white whatever the theme: a phone reads that from a dim room at arm's
length, and a scaled, smoothed or inverted code it may not.
"""

from __future__ import annotations

import io

from PySide6.QtGui import QPixmap

#: The quiet zone the QR standard asks for, in modules.
BORDER = 4


def qr_png(text: str, size_px: int) -> bytes:
    """A PNG of ``text``'s QR code at most ``size_px`` wide (error correction M: a smudged screen still reads)."""
    import segno  # when a link is first shown, not at start-up (it costs ~25 ms to import)

    code = segno.make(text, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=BORDER)[0]
    scale = max(1, size_px // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=BORDER, dark="#000000", light="#ffffff")
    return buffer.getvalue()


def qr_pixmap(text: str, size_px: int) -> QPixmap:
    """The QR code as a QPixmap (whole pixels per module, never smoothed)."""
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(text, size_px), "PNG")
    return pixmap
