"""The Network menu's and window's sentences, and this computer's addresses to serve on.

The server speaks English in its logs (net/server.py); the stage manager
reads these, in the UI language. A phone in the venue cannot open
127.0.0.1, so the window lists the addresses other machines can reach.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from stagetimer.core.translatable import QT_TRANSLATE_NOOP
from stagetimer.ui.serving import Serving

CONTEXT = "Network"
LOOPBACK, ALL = "127.0.0.1", "0.0.0.0"

_ERRORS = {
    "in_use": QT_TRANSLATE_NOOP("Network", "Port %1 is already in use by another program: choose another port"),
    "not_here": QT_TRANSLATE_NOOP("Network", "%2 is not an address of this computer: choose one from the list"),
    "denied": QT_TRANSLATE_NOOP("Network", "Port %1 needs administrator rights: choose a port above 1023"),
    "other": QT_TRANSLATE_NOOP("Network", "Cannot serve on %2:%1 (%3)"),
}

_OSC_ERRORS = {
    "in_use": QT_TRANSLATE_NOOP("Network", "OSC is off: UDP port %1 is already in use by another program — "
                                "choose another OSC port (the browser views are served)"),
    "not_here": QT_TRANSLATE_NOOP("Network", "OSC is off: %2 is not an address of this computer — "
                                  "choose another OSC address (the browser views are served)"),
    "denied": QT_TRANSLATE_NOOP("Network", "OSC is off: UDP port %1 needs administrator rights — "
                                "choose a port above 1023 (the browser views are served)"),
    "feedback_unknown": QT_TRANSLATE_NOOP("Network", "OSC is off: the feedback host %4 is not known here — "
                                          "give its IP address (the browser views are served)"),
    "other": QT_TRANSLATE_NOOP("Network", "OSC is off: cannot listen on %2:%1 (%3)"),
}

_VIEW_NAMES = {
    "presenter": QT_TRANSLATE_NOOP("Network", "Presenter"),
    "projector": QT_TRANSLATE_NOOP("Network", "Projector"),
    "backstage": QT_TRANSLATE_NOOP("Network", "Backstage"),
    "agenda": QT_TRANSLATE_NOOP("Network", "Agenda"),
    "remote": QT_TRANSLATE_NOOP("Network", "Remote (control)"),
    "companion": QT_TRANSLATE_NOOP("Network", "Companion: a command URL (control)"),
}


def tr(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP("Network", …) above."""
    return QCoreApplication.translate(CONTEXT, text)


def view_name(name: str) -> str:
    """A link's title: the view's name, or what the control links are for."""
    return tr(_VIEW_NAMES[name]) if name in _VIEW_NAMES else name


def error_text(serving: Serving) -> str:
    """Why the server is not running, in the operator's language ("" when it did not fail)."""
    if not serving.error:
        return ""
    template = tr(_ERRORS.get(serving.error_kind, _ERRORS["other"]))
    return template.replace("%1", str(serving.port)).replace("%2", serving.host).replace("%3", serving.error)


def osc_error_text(serving: Serving) -> str:
    """Why OSC is not on although asked for, in the operator's language ("" when it did not fail)."""
    if not serving.osc_error:
        return ""
    osc = serving.osc
    template = tr(_OSC_ERRORS.get(serving.osc_error_kind, _OSC_ERRORS["other"]))
    return (template.replace("%1", str(osc.port)).replace("%2", osc.listen_host(serving.host))
            .replace("%3", serving.osc_error).replace("%4", osc.feedback_host or ""))


def osc_line(serving: Serving) -> str:
    """OSC in a few words for the menu and the notice ("" when it is not on): it has no password."""
    address = serving.osc_address
    if address is None:
        return ""
    text = QCoreApplication.translate("Network", "OSC UDP %1:%2 (no password)")
    text = text.replace("%1", address.host).replace("%2", str(address.port))
    target = serving.osc_feedback
    if target is not None:
        text += QCoreApplication.translate("Network", ", feedback to %1:%2").replace("%1", target.host).replace(
            "%2", str(target.port))
    return text


def notice_text(serving: Serving) -> str:
    """Control's notice after a start, stop or failure: where it serves, and OSC's state when asked for."""
    extra = osc_line(serving) or osc_error_text(serving)
    return " · ".join(part for part in (status_text(serving), extra) if part)


def status_text(serving: Serving) -> str:
    """One line: where it serves and who can reach it, or that it does not."""
    translate = QCoreApplication.translate
    if serving.running:
        if serving.host == LOOPBACK:
            where = translate("Network", "this computer only")
        else:
            where = translate("Network", "the venue network")
        text = translate("Network", "Serving on %1:%2 — reachable from %3")
        return text.replace("%1", serving.host).replace("%2", str(serving.port)).replace("%3", where)
    return error_text(serving) or translate("Network", "Not serving: the show is on this computer only")


def tokens_note(serving: Serving) -> str:
    if not serving.tokens_unsaved:
        return ""
    text = QCoreApplication.translate(
        "Network", "The tokens cannot be saved in the show folder (%1): these links last until the app closes")
    return text.replace("%1", serving.tokens_unsaved)


def host_choices() -> list[tuple[str, str]]:
    """The Address list: (address, label) — loopback first, then all networks, then each address."""
    from stagetimer.ui.lan import lan_addresses  # QtNetwork (2 MB) only once the network is opened

    choices = [(LOOPBACK, QCoreApplication.translate("Network", "This computer only (127.0.0.1)")),
               (ALL, QCoreApplication.translate("Network", "Every network of this computer (0.0.0.0)"))]
    choices += [(address, f"{address} — {name}") for address, name in lan_addresses()]
    return choices


def link_host(serving: Serving) -> str:
    """The host the links name: the address served on, or for 0.0.0.0 the first one a phone can reach."""
    if serving.host != ALL:
        return serving.host
    from stagetimer.ui.lan import lan_addresses

    addresses = lan_addresses()
    return addresses[0][0] if addresses else LOOPBACK
