"""The agenda JSON Schema: what editors use to complete and check an agenda as it is typed.

A schema that disagrees with the loader is worse than none: the editor would
flag good files or wave through keys the loader rejects. So the schema's keys
are compared with the loader's, the bundled agenda must pass the schema, and
typical mistakes must fail it. No jsonschema package is allowed, so a small
validator for exactly the keywords the schema uses lives here (and the test
fails if the schema starts using one it does not know).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from stagetimer import resources
from stagetimer.core.agenda.model import KINDS
from stagetimer.core.timefmt import parse_duration, parse_time_of_day
from stagetimer.schema import load_schema, schema_path

REPO = Path(__file__).resolve().parent.parent
AGENDA = REPO / "agenda.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=stagetimer/schema/agenda.schema.json"

#: Keywords that only describe; they never reject anything.
ANNOTATIONS = {"$schema", "title", "description", "$defs"}
#: Keywords the validator below implements.
ASSERTIONS = {
    "$ref", "type", "properties", "additionalProperties", "required", "items", "minItems",
    "minLength", "pattern", "enum", "anyOf", "not", "minimum",
}  # fmt: skip


# ---------------------------------------------------------------- a validator for the keywords used


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    assert ref.startswith("#/"), f"only local references are supported: {ref}"
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def _type_ok(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, {"object": dict, "array": list, "string": str}[name])


def schema_errors(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """Every way ``value`` breaks ``schema``, as ``path: reason`` strings."""
    errors: list[str] = []
    if "$ref" in schema:
        errors += schema_errors(value, _resolve(root, schema["$ref"]), root, where)
    if "type" in schema and not _type_ok(value, schema["type"]):
        return [*errors, f"{where}: not of type {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not one of {schema['enum']}")
    if "anyOf" in schema and all(schema_errors(value, option, root, where) for option in schema["anyOf"]):
        errors.append(f"{where}: {value!r} matches none of the allowed forms")
    if "not" in schema and not schema_errors(value, schema["not"], root, where):
        errors.append(f"{where}: matches a form that is not allowed")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: too short")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, int) and "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{where}: below {schema['minimum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: fewer than {schema['minItems']} entries")
        for index, entry in enumerate(value):
            errors += schema_errors(entry, schema.get("items", {}), root, f"{where}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        errors += [f"{where}: missing {key}" for key in schema.get("required", []) if key not in value]
        for key, entry in value.items():
            if key in properties:
                errors += schema_errors(entry, properties[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: unknown key {key}")
    return errors


def walk(node: Any, where: str = "$") -> list[tuple[str, dict[str, Any]]]:
    """Every sub-schema with its location."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((where, node))
        for key in ("properties", "$defs"):
            for name, child in node.get(key, {}).items():
                found += walk(child, f"{where}.{key}.{name}")
        for key in ("items", "not"):
            if key in node:
                found += walk(node[key], f"{where}.{key}")
        for index, child in enumerate(node.get("anyOf", [])):
            found += walk(child, f"{where}.anyOf[{index}]")
    return found


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return load_schema()


def bundled_data() -> dict[str, Any]:
    return yaml.safe_load(AGENDA.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the schema file itself


def test_schema_is_json_of_draft_2020_12_in_the_package() -> None:
    assert schema_path() == resources.schema_path()
    data = json.loads(schema_path().read_text(encoding="utf-8"))
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data["type"] == "object"


def test_schema_uses_only_keywords_the_validator_checks(schema: dict[str, Any]) -> None:
    for where, node in walk(schema):
        unknown = set(node) - ANNOTATIONS - ASSERTIONS
        assert not unknown, f"{where} uses {unknown}: teach schema_errors() about them"


def test_every_key_is_described_and_no_object_takes_unknown_keys(schema: dict[str, Any]) -> None:
    objects = 0
    for where, node in walk(schema):
        for name, child in node.get("properties", {}).items():
            assert child.get("description"), f"{where}.properties.{name} has no description"
        if node.get("type") == "object":
            objects += 1
            assert node.get("additionalProperties") is False, f"{where} would accept misspelt keys"
    assert objects >= 5  # top level, event, thresholds, section, item


def test_kinds_are_the_models(schema: dict[str, Any]) -> None:
    assert tuple(schema["$defs"]["item"]["properties"]["kind"]["enum"]) == KINDS


@pytest.mark.parametrize("text", ["10m", "90s", "1h30m", "2m30s", "1.5m", "10:00", "1:30:00", "5 m", "1H",
                                  "15분", "90초", "1시간 30분", "1시간30분", "2분 30초"])
def test_duration_pattern_accepts_what_the_parser_accepts(schema: dict[str, Any], text: str) -> None:
    parse_duration(text)  # the parser takes it...
    assert not schema_errors(text, schema["$defs"]["duration"], schema)  # ...so the editor must too


@pytest.mark.parametrize("text", ["", "10", "ten minutes", "30s10m", "10m10m", "10:75", "m", "-5m", "10 min",
                                  "30분1시간", "분", "10 분간"])
def test_duration_pattern_rejects_what_the_parser_rejects(schema: dict[str, Any], text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)
    assert schema_errors(text, schema["$defs"]["duration"], schema)


@pytest.mark.parametrize(("text", "valid"), [("11:30", True), ("09:05", True), ("9:05", True), ("23:59:59", True),
                                             ("24:00", False), ("11.30", False), ("noon", False)])  # fmt: skip
def test_time_of_day_pattern_agrees_with_the_parser(schema: dict[str, Any], text: str, valid: bool) -> None:
    try:
        parse_time_of_day(text)
        parses = True
    except ValueError:
        parses = False
    assert parses == valid
    assert (not schema_errors(text, schema["$defs"]["timeOfDay"], schema)) == valid


# ---------------------------------------------------------------- the schema and the loader agree


def _loader_keys() -> Any:
    if importlib.util.find_spec("stagetimer.core.agenda.loader") is None:
        pytest.skip("stagetimer.core.agenda.loader does not exist yet, so there are no loader keys to compare with")
    from stagetimer.core.agenda import loader

    return loader


def test_schema_keys_are_exactly_the_keys_the_loader_accepts(schema: dict[str, Any]) -> None:
    loader = _loader_keys()
    defs = schema["$defs"]
    pairs = {
        "top level": (schema, loader.TOP_KEYS),
        "event": (schema["properties"]["event"], loader.EVENT_KEYS),
        "item": (defs["item"], loader.ITEM_KEYS),
        "section": (defs["section"], loader.SECTION_KEYS),
        "thresholds": (defs["thresholds"], loader.THRESHOLD_KEYS),
    }
    for name, (node, keys) in pairs.items():
        assert set(node["properties"]) == set(keys), f"{name}: schema and loader disagree"


# ---------------------------------------------------------------- the schema against real files


def test_bundled_agenda_names_the_schema_on_its_first_line() -> None:
    first = AGENDA.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE
    # The path is relative to the agenda, so an editor opening the checkout finds it.
    assert (AGENDA.parent / first.split("$schema=", 1)[1]).resolve() == schema_path().resolve()


def test_bundled_agenda_passes_the_schema(schema: dict[str, Any]) -> None:
    assert schema_errors(bundled_data(), schema, schema) == []


@pytest.mark.parametrize(
    ("mistake", "complaint"),
    [
        (lambda d: d["items"][0].update(duraton="5m"), "unknown key duraton"),
        (lambda d: d["items"][0].update(duration="5 minutes"), "$.items[0].duration"),
        (lambda d: d["items"][0].update(kind="brake"), "not one of"),
        (lambda d: d["items"][0].update(id="opening remarks"), "$.items[0].id"),
        (lambda d: d["event"].update(language="kr"), "not one of"),
        (lambda d: d["items"][0].update(start="25:00"), "$.items[0].start"),
        (lambda d: d["items"][0].update(speakers=["a", "b"], speaker="c"), "not allowed"),
        (lambda d: d["items"][0].pop("title"), "missing title"),
        (lambda d: d["event"].update(venu="x"), "unknown key venu"),
        (lambda d: d["thresholds"].update(warn="2m"), "unknown key warn"),
        (lambda d: d.update(items=[]), "fewer than 1"),
    ],
)
def test_schema_flags_the_usual_mistakes(schema: dict[str, Any], mistake: Any, complaint: str) -> None:
    data = bundled_data()
    mistake(data)
    errors = schema_errors(data, schema, schema)
    assert any(complaint in error for error in errors), errors


# ---------------------------------------------------------------- the documented example

DOC = REPO / "docs" / "agenda-format.md"


def doc_blocks() -> tuple[str, str]:
    """The complete example in docs/agenda-format.md and the ``check`` output shown under it."""
    text = DOC.read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    output = text.split("`stagetimer check` on it:\n\n```\n", 1)[1].split("```", 1)[0]
    return example, output


def test_documented_example_uses_every_key_and_passes_the_schema(schema: dict[str, Any]) -> None:
    example, _ = doc_blocks()
    assert example.splitlines()[0] == SCHEMA_LINE
    data = yaml.safe_load(example)
    assert schema_errors(data, schema, schema) == []
    used_item_keys = set().union(*data["items"])
    assert used_item_keys == set(schema["$defs"]["item"]["properties"])
    assert set(data["event"]) == set(schema["properties"]["event"]["properties"])
    assert set(data) == set(schema["properties"])


def test_documented_check_output_is_what_check_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _loader_keys()
    from stagetimer.core.agenda.loader import parse_agenda
    from stagetimer.core.report.checktable import format_check

    example, output = doc_blocks()
    (tmp_path / "logo.svg").write_bytes((REPO / "tests" / "fixtures" / "logo.svg").read_bytes())
    monkeypatch.chdir(tmp_path)  # the example's logo.svg sits beside my-event.yaml
    agenda = parse_agenda(example.encode("utf-8"), "my-event.yaml")
    assert format_check(agenda) + "\n" == output
