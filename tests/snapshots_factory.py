"""Snapshots for UI tests: real ones from a driven show, with fields swapped as needed.

``snapshot("warning")`` walks the real Show over the bundled agenda (or its
in-code twin) to the named state; keyword arguments then replace fields of
the result, or of its current / next item with ``current__title=...``.
Building from the real core keeps the tests honest: a view is tested
against snapshots the app can actually produce.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from stagetimer.core.show.snapshot import ItemView, Snapshot
from tools.demo_show import MESSAGE, STATES, fallback_agenda, snapshot_for

__all__ = ["LONG_EVENT_TITLE", "LONG_TITLES", "MESSAGE", "NOTE", "STATES", "fallback_agenda", "snapshot"]

#: The event's full official name (the press release's), longer than any agenda title.
LONG_EVENT_TITLE = "정보통신기술 규제 유예제도(ICT 규제샌드박스) 성과공유회 및 규제 개선 토론회(포럼)"
#: Titles that must wrap or shrink, never clip.
LONG_TITLES = (
    "재난 안전 관제를 위한 지능형 폐쇄회로 텔레비전<CCTV> 고도화",
    "안전하게 개인정보를 활용하기 위한 규제 특례 적용 방안",
    "인공지능 활용 수의사 반려동물 건강 상태 점검(모니터링) 서비스",
    "AI 확산을 저해하는 규제에 대한 특례 적용 방안",
)
#: A private stage-manager note no audience may ever see.
NOTE = "비공개 메모: 연사 도착 10분 지연"


@cache
def _base(state: str) -> Snapshot:
    return snapshot_for(state)


def snapshot(state: str = "normal", **overrides: Any) -> Snapshot:
    """The snapshot of ``state``, with ``overrides`` applied.

    ``current__note="x"`` replaces a field of the current item (and of the
    same row in ``items``); ``next__title`` likewise for the next item.
    """
    base = _base(state)
    item_changes: dict[str, dict[str, Any]] = {"current": {}, "next": {}}
    plain: dict[str, Any] = {}
    for key, value in overrides.items():
        owner, _, field = key.partition("__")
        if field and owner in item_changes:
            item_changes[owner][field] = value
        else:
            plain[key] = value
    items = list(base.items)
    for owner, changes in item_changes.items():
        view: ItemView | None = getattr(base, owner)
        if view is None or not changes:
            continue
        changed = dataclasses.replace(view, **changes)
        items[view.index] = changed
        plain.setdefault(owner, changed)
    plain.setdefault("items", tuple(items))
    return dataclasses.replace(base, **plain)
