"""This computer's addresses that other machines on the venue network can reach.

A phone cannot open 127.0.0.1, so the Network window offers these, and the
links of a show served on every network (0.0.0.0) name the first of them.
QtNetwork only: ``stagetimer urls`` uses it on a box with no display.
"""

from __future__ import annotations

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface


def lan_addresses() -> list[tuple[str, str]]:
    """This computer's addresses other machines can reach: (address, interface name), IPv4 first."""
    found: list[tuple[str, str]] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not (flags & QNetworkInterface.InterfaceFlag.IsUp) or flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.isLoopback() or address.isLinkLocal() or address.isNull():
                continue
            found.append((_plain(address), interface.humanReadableName()))
    found.sort(key=lambda pair: ":" in pair[0])
    return found


def _plain(address: QHostAddress) -> str:
    if address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv6Protocol:
        return address.toString().split("%", 1)[0]
    return address.toString()
