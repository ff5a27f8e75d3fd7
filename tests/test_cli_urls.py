"""``--serve [HOST:]PORT`` and ``stagetimer urls``: what is accepted, what is refused, what is printed."""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path

import pytest

from stagetimer.cli.common import osc_address, osc_feedback, serve_address
from stagetimer.cli.main import build_run_parser
from stagetimer.net.links import OscRecord, ServeRecord, save_serve_record
from stagetimer.net.tokens import TOKENS_FILE, load_tokens
from tests.cli_runner import stagetimer


@pytest.mark.parametrize(("text", "expected"), [
    ("8080", ("127.0.0.1", 8080)),
    ("127.0.0.1:9000", ("127.0.0.1", 9000)),
    ("0.0.0.0:8080", ("0.0.0.0", 8080)),
    ("192.168.0.10:80", ("192.168.0.10", 80)),
    ("localhost:8080", ("127.0.0.1", 8080)),
    ("[::1]:8080", ("::1", 8080)),
    ("[::]:8080", ("::", 8080)),
])
def test_serve_accepts_a_port_and_an_ip_address(text: str, expected: tuple[str, int]) -> None:
    assert serve_address(text) == expected
    assert build_run_parser().parse_args(["--serve", text]).serve == expected


@pytest.mark.parametrize("text", ["", "0", "65536", "http", "\uff18\uff10\uff18\uff10", "1_000", "-1",
                                  "stage.example.com:8080", "::1:8080", "300.1.1.1:80", "127.0.0.1:", ":8080x"])
def test_serve_refuses_anything_else_with_a_sentence(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        serve_address(text)
    assert repr(text) in str(refused.value)


def test_a_bad_serve_exits_2_with_one_line_before_any_window(tmp_path: Path) -> None:
    result = stagetimer("--serve", "stage.example.com:8080", "--state-dir", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("stagetimer: error: argument --serve: ")
    assert "is not an IP address" in result.stderr


def _links(stdout: str) -> dict[str, str]:
    return dict(line.split(None, 1) for line in stdout.strip().splitlines())


def test_urls_prints_every_link_with_the_right_token_and_keeps_the_tokens_user_only(tmp_path: Path) -> None:
    state = tmp_path / "state"
    result = stagetimer("urls", "--state-dir", str(state))
    assert result.returncode == 0, result.stderr
    links = _links(result.stdout)
    assert list(links) == ["presenter", "projector", "backstage", "agenda", "remote", "companion", "api", "token"]

    tokens = load_tokens(state)  # made by the command, as the app would make them
    for view in ("presenter", "projector", "backstage", "agenda"):
        assert links[view] == f"http://127.0.0.1:8080/view/{view}?token={tokens.viewer}"
    assert links["remote"] == f"http://127.0.0.1:8080/view/remote?token={tokens.control}"
    assert links["companion"] == f"http://127.0.0.1:8080/api/v1/next?token={tokens.control}"
    assert links["api"] == "http://127.0.0.1:8080/api/v1/" and links["token"] == tokens.control
    viewer_lines = [line for line in result.stdout.splitlines() if tokens.viewer in line]
    assert len(viewer_lines) == 4 and all("/view/" in line and "remote" not in line for line in viewer_lines)
    assert "not serving now" in result.stderr
    if os.name == "posix":
        assert stat.S_IMODE((state / TOKENS_FILE).stat().st_mode) == 0o600


def test_urls_use_where_the_show_last_served_unless_told(tmp_path: Path) -> None:
    state = tmp_path / "state"
    tokens = load_tokens(state)
    save_serve_record(state, ServeRecord("192.168.0.10", 9000, True))

    served = _links(stagetimer("urls", "--state-dir", str(state)).stdout)
    assert served["agenda"] == f"http://192.168.0.10:9000/view/agenda?token={tokens.viewer}"

    told = stagetimer("urls", "--state-dir", str(state), "--host", "stage-laptop.local", "--port", "8181")
    assert _links(told.stdout)["remote"] == f"http://stage-laptop.local:8181/view/remote?token={tokens.control}"
    assert "not serving" not in told.stderr


@pytest.mark.parametrize(("option", "value"), [("--port", "0"), ("--port", "http"), ("--host", "a b"),
                                               ("--host", "http://x")])
def test_urls_refuses_a_bad_host_or_port(tmp_path: Path, option: str, value: str) -> None:
    result = stagetimer("urls", "--state-dir", str(tmp_path), option, value)
    assert result.returncode == 2 and f"argument {option}" in result.stderr


@pytest.mark.parametrize(("text", "expected"), [
    ("9000", (None, 9000)),  # where the HTTP server listens
    ("127.0.0.1:9000", ("127.0.0.1", 9000)),
    ("0.0.0.0:9001", ("0.0.0.0", 9001)),
    ("localhost:9000", ("127.0.0.1", 9000)),
    ("[::1]:9000", ("::1", 9000)),
    ("off", "off"),
    ("OFF", "off"),
])
def test_osc_accepts_a_port_an_ip_address_or_off(text: str, expected: object) -> None:
    assert osc_address(text) == expected
    assert build_run_parser().parse_args(["--osc", text]).osc == expected


def test_osc_feedback_takes_a_host_and_a_port() -> None:
    assert osc_feedback("192.168.0.20:12321") == ("192.168.0.20", 12321)
    assert osc_feedback("localhost:12321") == ("127.0.0.1", 12321)
    for text in ("12321", "companion.local:12321", "192.168.0.20:0", "192.168.0.20:"):
        with pytest.raises(argparse.ArgumentTypeError) as refused:
            osc_feedback(text)
        assert repr(text) in str(refused.value)


@pytest.mark.parametrize(("arguments", "said"), [
    (("--osc", "0"), "argument --osc: '0': the port must be a number from 1 to 65535"),
    (("--osc", "65536"), "argument --osc: "),
    (("--osc", "companion.local:9000"), "is not an IP address"),
    (("--osc", "9000", "--osc-feedback", "12321"), "argument --osc-feedback: '12321': give the host and the port"),
    (("--osc-feedback", "127.0.0.1:12321"), "argument --osc-feedback: give --osc [HOST:]PORT as well"),
    (("--osc", "off", "--osc-feedback", "127.0.0.1:12321"), "argument --osc-feedback: give --osc"),
])
def test_a_bad_osc_exits_2_with_one_line_before_any_window(tmp_path: Path, arguments: tuple[str, ...],
                                                           said: str) -> None:
    result = stagetimer(*arguments, "--state-dir", str(tmp_path))
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("stagetimer: error: ") and said in last


def test_the_help_says_osc_serves_too_and_has_no_password() -> None:
    text = " ".join(build_run_parser().format_help().split())
    assert "--osc [HOST:]PORT" in text and "--osc-feedback HOST:PORT" in text
    assert "without --serve this serves too" in text and "OSC has no password" in text


def test_urls_prints_the_osc_line_when_osc_is_on(tmp_path: Path) -> None:
    state = tmp_path / "state"
    save_serve_record(state, ServeRecord("192.168.0.10", 8080, True,
                                         OscRecord(True, 9000, None, "192.168.0.20", 12321)))
    result = stagetimer("urls", "--state-dir", str(state))
    links = _links(result.stdout)
    assert links["osc"] == "192.168.0.10:9000" and links["osc-feedback"] == "192.168.0.20:12321"
    assert list(links)[-2:] == ["osc", "osc-feedback"]
    assert "no password" in result.stderr

    save_serve_record(state, ServeRecord("192.168.0.10", 8080, True, OscRecord(True, 9000, "127.0.0.1")))
    links = _links(stagetimer("urls", "--state-dir", str(state)).stdout)
    assert links["osc"] == "127.0.0.1:9000" and "osc-feedback" not in links  # this computer only

    save_serve_record(state, ServeRecord("192.168.0.10", 8080, True, OscRecord(False, 9000)))
    result = stagetimer("urls", "--state-dir", str(state))
    assert "osc" not in _links(result.stdout) and "OSC" not in result.stderr
