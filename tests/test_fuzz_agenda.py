"""Property-based fuzzing of the agenda loader and the duration/time parsers (issue 9).

The property is always the same: an Agenda, or AgendaInvalid whose every error
is located inside the file (line and column from 1, on a line the file has);
never another exception, never a hang. Inputs are agenda-shaped YAML built
from the format's own vocabulary and hostile values, and byte-level mutations
of the bundled agenda.yaml.

Seeded (``derandomize=True``: the same examples on every run, so CI is
reproducible) and bounded (``max_examples`` and a per-example ``deadline``):
the whole module runs in well under a minute.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stagetimer import resources
from stagetimer.core.agenda.errors import AgendaInvalid
from stagetimer.core.agenda.loader import ITEM_KEYS, parse_agenda
from stagetimer.core.agenda.model import Agenda
from stagetimer.core.timefmt import MS_PER_DAY, format_duration, parse_duration, parse_time_of_day

FUZZ = settings(
    derandomize=True,
    max_examples=600,
    deadline=2000,  # ms per example: a hang or a quadratic blow-up fails here
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

BUNDLED = resources.bundled_agenda().read_bytes()


def assert_valid_or_located_errors(data: bytes) -> None:
    """An agenda, or located errors; anything else propagates and fails the example."""
    try:
        agenda = parse_agenda(data, "fuzz.yaml")
    except AgendaInvalid as invalid:
        assert invalid.errors
        lines = max(1, data.count(b"\n") + 1)
        for error in invalid.errors:
            assert error.file == "fuzz.yaml"
            assert 1 <= error.line <= lines + 1, (str(error), lines)
            assert error.column >= 1, str(error)
            assert error.message and "\x1b" not in str(error) and "\x07" not in str(error)
            assert len(str(error)) < 2000, str(error)[:200]
        return
    assert isinstance(agenda, Agenda)
    for item in agenda.items:
        assert 0 < item.duration_ms <= MS_PER_DAY
        assert item.planned_end_ms <= MS_PER_DAY
        assert len(item.title) <= 300


# ---------------------------------------------------------------- values and texts

HOSTILE_SCALARS = [
    "9" * 400 + "m", "9" * 5000, "99999h", "25h", "24h", "0", "-5m", "1e309", ".inf", "nan", "1.5m", "10:00",
    "'10:00'", '"1:30:00"', "23:59", "24:00", "~", "null", "[]", "{}", "''", '""', '"\\a\\e[31m"', '"\\u202e"',
    '"\\x00"', '"\\t"', "yes", "0x1F", "0o17", "1_000", "1:2:3:4", "30m1h", "1h1h", "\u00b2", "\uff11\uff10m",
    "*x", "&x v",
    "!!str 5", "!!binary aGk=", "!!python/object:os.system x", "|", ">-", "'unclosed", '"unclosed', "a: b",
    "가" * 400, "x" * 2100,
]
WORDS = [*ITEM_KEYS, "event", "items", "sections", "thresholds", "title", "start", "end", "warning", "danger",
         "language", "<<", "? complex", "- dash"]

plain_text = st.text(alphabet=string.ascii_letters + string.digits + " 가나다:-#&*!|>'\"[]{},\t\x00\x07", max_size=30)
scalar = st.one_of(st.sampled_from(HOSTILE_SCALARS), plain_text, st.integers().map(str))
key = st.one_of(st.sampled_from(WORDS), st.text(alphabet=string.ascii_lowercase + "<", min_size=1, max_size=8))


def block(depth: int) -> st.SearchStrategy[str]:
    """YAML-ish text of nested ``key: value`` and ``- item`` lines, valid or not."""
    indent = "  " * depth
    if depth >= 3:
        return st.builds(lambda k, v: f"{indent}{k}: {v}\n", key, scalar)
    line = st.one_of(
        st.builds(lambda k, v: f"{indent}{k}: {v}\n", key, scalar),
        st.builds(lambda k, inner: f"{indent}{k}:\n{inner}", key, block(depth + 1)),
        st.builds(lambda inner: f"{indent}-\n{inner}", block(depth + 1)),
        st.builds(lambda v: f"{indent}- {v}\n", scalar),
        st.builds(lambda a, k: f"{indent}{k}: &{a} {{x: 1}}\n", st.sampled_from("abc"), key),
        st.builds(lambda a: f"{indent}<<: *{a}\n", st.sampled_from("abc")),
    )
    return st.lists(line, min_size=1, max_size=5).map("".join)


def agenda_item(duration: str, title: str, extra: list[tuple[str, str]]) -> str:
    lines = [f"  - id: i{abs(hash((duration, title))) % 1000}", f"    title: {title}", f"    duration: {duration}"]
    lines += [f"    {k}: {v}" for k, v in extra]
    return "\n".join(lines) + "\n"


agenda_text = st.builds(
    lambda start, items: f'event:\n  title: Fuzz\n  start: {start}\nitems:\n{"".join(items)}',
    st.one_of(st.sampled_from(['"10:00"', '"23:30"', "10:00", '"25:00"']), scalar),
    st.lists(
        st.builds(agenda_item, scalar, scalar, st.lists(st.tuples(st.sampled_from(ITEM_KEYS), scalar), max_size=3)),
        min_size=1,
        max_size=6,
    ),
)


@FUZZ
@given(agenda_text)
def test_generated_agendas_load_or_report_located_errors(text: str) -> None:
    assert_valid_or_located_errors(text.encode("utf-8"))


@FUZZ
@given(st.builds(lambda top, rest: top + rest, block(0), st.one_of(st.just(""), block(0))))
def test_generated_yaml_shapes_load_or_report_located_errors(text: str) -> None:
    assert_valid_or_located_errors(text.encode("utf-8"))


# ---------------------------------------------------------------- mutations of the bundled agenda

SPLICES = [
    b"\t", b"\x00", b'"', b"'", b"*a", b"&a ", b"<<: *a\n", b"\n", b": ", b"- ", b"[", b"{", b"9" * 400,
    b"\xff", b"\xed\x9f\xbf", b"\xe2\x80\xae", b"\x1b[2J", b"99999h", b"25h", b"---\n", b"%YAML 1.1\n", b"? ",
    b"!!binary ", b"|\n", "가".encode() * 200,
]


@st.composite
def mutated_agenda(draw: st.DrawFn) -> bytes:
    data = bytearray(BUNDLED)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        if kind == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(SPLICES), st.binary(min_size=1, max_size=4)))
        elif kind == "delete":
            del data[at: at + draw(st.integers(1, 40))]
        elif kind == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            end = min(len(data), at + draw(st.integers(1, 200)))
            data[at:at] = data[at:end]
    return bytes(data)


@FUZZ
@given(mutated_agenda())
def test_mutations_of_the_bundled_agenda_load_or_report_located_errors(data: bytes) -> None:
    assert_valid_or_located_errors(data)


# ---------------------------------------------------------------- the parsers


@settings(derandomize=True, max_examples=500, deadline=500, database=None)
@given(st.one_of(st.text(max_size=60), st.sampled_from(HOSTILE_SCALARS), st.integers(), st.floats(), st.none(),
                 st.booleans()))
def test_parse_duration_returns_milliseconds_or_raises_value_error(value: object) -> None:
    try:
        ms = parse_duration(value)  # whatever YAML gives
    except ValueError:
        return
    assert isinstance(ms, int) and ms >= 0


@settings(derandomize=True, max_examples=500, deadline=500, database=None)
@given(st.one_of(st.text(max_size=60), st.sampled_from(HOSTILE_SCALARS), st.integers(), st.floats(), st.none()))
def test_parse_time_of_day_returns_a_time_within_the_day_or_raises_value_error(value: object) -> None:
    try:
        ms = parse_time_of_day(value)
    except ValueError:
        return
    assert isinstance(ms, int) and 0 <= ms < MS_PER_DAY


@settings(derandomize=True, max_examples=300, deadline=500, database=None)
@given(st.integers(min_value=1, max_value=MS_PER_DAY // 1000))
def test_a_formatted_duration_parses_back_to_itself(seconds: int) -> None:
    assert parse_duration(format_duration(seconds * 1000)) == seconds * 1000
