"""The load on the network: many WebSocket views and a stream of remote commands, in a process of its own.

Run by ``benchmarks/run.py --net`` against the app it measures (never by
hand against anything but loopback). Bounded in count and in time: CLIENTS
connections, RATE commands a second for SECONDS, then it stops by itself
and prints one JSON object:

* push latency: from just before a command is sent over HTTP to the moment
  each presenter client receives the frame that command produced (the
  command crosses to the Qt thread, is applied and journaled, the frame
  crosses back to the network thread and is sent to every client) — what a
  tablet at the lectern lags behind the stage manager's press;
* command round trip: the HTTP answer's arrival;
* how many frames arrived, and any connection or command that failed.

Usage: python benchmarks/net_clients.py BASE_URL VIEWER CONTROL [--clients 200] [--rate 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import time
from typing import Any
from urllib.parse import urlsplit

import aiohttp

#: Clients per view, as shares of the total: most are lecterns and phones.
VIEW_SHARES = (("presenter", 0.6), ("projector", 0.1), ("backstage", 0.1), ("agenda", 0.2))
#: New connections a second while ramping up (the server's per-address rate limit allows 50).
RAMP_PER_S = 40
#: The presenter frame's message, as the server writes it (compact JSON).
MESSAGE_FIELD = re.compile(r'"message":"(bench \d+)"')
#: Pings each client sends on connect, as a browser's clock sync does.
SYNC_PINGS = 8


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)


class Load:
    def __init__(self, base: str, viewer: str, control: str) -> None:
        host = urlsplit(base).netloc.split(":")[0]
        if host not in ("127.0.0.1", "localhost", "::1", "[::1]"):
            raise SystemExit(f"net_clients: loads loopback only, not {host}")
        self.base, self.viewer, self.control = base, viewer, control
        self.sent: dict[str, float] = {}  # message text -> when its command was sent
        self.latencies: list[float] = []
        self.round_trips: list[float] = []
        self.frames = 0
        self.failures: list[str] = []
        self.connected = 0

    async def client(self, session: aiohttp.ClientSession, view: str, stop: asyncio.Event) -> None:
        url = self.base.replace("http", "ws", 1) + f"/api/v1/ws?view={view}&token={self.viewer}"
        try:
            async with session.ws_connect(url, heartbeat=30) as ws:
                self.connected += 1
                seen = ""
                for number in range(SYNC_PINGS):
                    await ws.send_json({"type": "ping", "id": number})
                while not stop.is_set():
                    try:
                        message = await ws.receive(timeout=0.5)
                    except asyncio.TimeoutError:
                        continue
                    if message.type != aiohttp.WSMsgType.TEXT:
                        break
                    arrived = time.monotonic()
                    # Only the message is read (no whole-frame parse): 200 clients share this
                    # process, and the time spent decoding would count as the server's lag.
                    if not message.data.startswith('{"type":"frame"'):
                        continue
                    self.frames += 1
                    found = MESSAGE_FIELD.search(message.data)
                    if view != "presenter" or found is None or found.group(1) == seen:
                        continue  # later frames with the same message (its flash blinking) are not news
                    seen = found.group(1)
                    sent = self.sent.get(seen)
                    if sent is not None:
                        self.latencies.append((arrived - sent) * 1000)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            self.failures.append(f"{view}: {type(error).__name__}: {error}")

    async def commands(self, session: aiohttp.ClientSession, rate: float, seconds: float) -> None:
        headers = {"Authorization": f"Bearer {self.control}"}
        start = time.monotonic()
        count = int(rate * seconds)
        for number in range(count):
            due = start + number / rate
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            text = f"bench {number}"
            self.sent[text] = time.monotonic()
            try:
                async with session.get(f"{self.base}/api/v1/message", params={"text": text}, headers=headers) as answer:
                    await answer.read()
                    if answer.status != 200:
                        self.failures.append(f"command {number}: HTTP {answer.status}")
            except aiohttp.ClientError as error:
                self.failures.append(f"command {number}: {error}")
            self.round_trips.append((time.monotonic() - self.sent[text]) * 1000)

    async def run(self, clients: int, rate: float, seconds: float) -> dict[str, Any]:
        stop = asyncio.Event()
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:
            tasks = []
            views = [view for view, share in VIEW_SHARES for _ in range(round(clients * share))][:clients]
            for index, view in enumerate(views):
                tasks.append(asyncio.create_task(self.client(session, view, stop)))
                if index % RAMP_PER_S == RAMP_PER_S - 1:
                    await asyncio.sleep(1.0)
            await asyncio.sleep(2.0)  # every client has its first frame
            connected = self.connected
            await asyncio.wait_for(self.commands(session, rate, seconds), seconds + 30)
            await asyncio.sleep(1.0)  # the last pushes arrive
            stop.set()
            await asyncio.wait_for(asyncio.gather(*tasks), 30)
        return {
            "clients": len(views),
            "connected": connected,
            "commands": len(self.round_trips),
            "frames_received": self.frames,
            "push_latency_ms": {"p50": _percentile(self.latencies, 0.5), "p99": _percentile(self.latencies, 0.99),
                                "max": round(max(self.latencies), 2) if self.latencies else None,
                                "samples": len(self.latencies)},
            "command_round_trip_ms": {"p50": _percentile(self.round_trips, 0.5),
                                      "p99": _percentile(self.round_trips, 0.99),
                                      "median": round(statistics.median(self.round_trips), 2)
                                      if self.round_trips else None},
            "failures": self.failures[:10],
            "failure_count": len(self.failures),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("viewer")
    parser.add_argument("control")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    options = parser.parse_args(argv)
    if not (1 <= options.clients <= 1000 and 0 < options.rate <= 100 and 0 < options.seconds <= 600):
        parser.error("bounded: 1-1000 clients, a rate up to 100/s, at most 600 s")
    result = asyncio.run(Load(options.base, options.viewer, options.control).run(
        options.clients, options.rate, options.seconds))
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
