"""The network edge (browser views, remote API, OSC), to come.

It will translate HTTP, WebSocket and OSC into door commands
(``stagetimer.core.show.commands``) and the core's audience frames into
JSON; it holds no show logic, and the core never imports it.
"""
