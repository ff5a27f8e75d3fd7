"""``stagetimer plan``: the organiser's rehearsal of a late day, through the real command."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import stagetimer


def test_thirteen_minutes_late_the_bundled_day_still_ends_at_1230() -> None:
    result = stagetimer("plan", "agenda.yaml", "--late", "13m")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "If 'opening' starts 13m late (10:13 instead of 10:00); the day must end by 12:30." in out
    lines = out.splitlines()
    forum = [line for line in lines if "panel" in line]
    assert [line.split()[2:5] for line in forum] == [["20m", "→", "17m"], ["20m", "→", "17m"], ["20m", "→", "18m"]]
    assert "11:38–11:55" in forum[0] and "12:12–12:30" in forum[2]
    assert any("10m → 5m" in line and "휴식" in line for line in lines)
    assert "Without changes the day ends 12:38, 8m past 12:30." in out
    assert "Shortening 3 items recovers 8m: the day ends 12:30, on time." in out
    assert "'forum-privacy' starts 8m after its fixed start 11:30" in out


def test_when_every_min_is_not_enough_it_exits_1_with_the_shortfall() -> None:
    result = stagetimer("plan", "agenda.yaml", "--late", "30m")
    assert result.returncode == 1
    assert "even at every min the day ends 12:40: 10m short." in result.stdout


def test_on_time_nothing_shrinks() -> None:
    result = stagetimer("plan", "agenda.yaml", "--late", "0m")
    assert result.returncode == 0
    assert "Ends 12:30, by 12:30: nothing needs to shrink." in result.stdout
    assert "→" not in result.stdout


def test_from_an_item_leaves_the_ones_before_it_out() -> None:
    result = stagetimer("plan", "agenda.yaml", "--late", "5m", "--from", "case-kt")
    assert result.returncode == 0
    assert "If 'case-kt' starts 5m late (10:35 instead of 10:30)" in result.stdout
    assert "개회사" not in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--late", "soon"], "--late 'soon' is not a duration"),
        (["--late=-5m"], "--late '-5m' is not a duration"),
        (["--late", "5m", "--from", "nope"], "no item has the id 'nope'"),
    ],
)
def test_a_bad_argument_is_one_line_and_exit_2(args: list[str], fragment: str) -> None:
    result = stagetimer("plan", "agenda.yaml", *args)
    assert result.returncode == 2
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert fragment in result.stderr


def test_a_broken_agenda_lists_its_errors_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('event: {title: T, start: "10:00"}\nitems: [{id: a, title: A, duration: 20m, min: 30m}]\n')
    result = stagetimer("plan", str(bad), "--late", "5m")
    assert result.returncode == 1
    assert "bad.yaml:2:" in result.stderr and "longer than its duration 20m" in result.stderr


def test_plan_is_in_the_main_help_and_has_its_own() -> None:
    assert "stagetimer plan AGENDA --late DURATION [--from ITEM]" in stagetimer("--help").stdout
    own = stagetimer("plan", "--help")
    assert own.returncode == 0 and "exit status" in own.stdout and "--from" in own.stdout
