"""``stagetimer plan AGENDA --late 12m [--from ITEM]``: rehearse a late day before it happens.

The organiser asks "what if we start 12 minutes late?" the day before; the
answer is the planner's, the same the show would propose. Exit 0 when the day
still ends by its hard end, 1 with the shortfall when it cannot, 2 on a bad
argument (one line), as for the other subcommands.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stagetimer.cli.common import EXIT_AGENDA_INVALID, EXIT_OK, EXIT_USAGE, Subcommand, load_agenda_or_report
from stagetimer.core.timefmt import parse_duration

#: ``plan`` exits 1 when the day cannot end on time, as ``check`` does on errors: "not fine".
EXIT_RUNS_OVER = 1


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("agenda", metavar="AGENDA", type=Path, help="agenda YAML file")
    parser.add_argument("--late", metavar="DURATION", required=True,
                        help="how late the day (or ITEM) starts: 12m, 90s, 1h5m")
    parser.add_argument("--from", dest="from_item", metavar="ITEM", default=None,
                        help="the id of the item that starts late (default: the first); the ones before run as planned")


def run_plan(options: argparse.Namespace) -> int:
    """Print the re-planned timetable; exit 0 on time, 1 when it runs over, 2 on a bad argument."""
    try:
        late_ms = parse_duration(options.late)
    except ValueError:
        print(f"stagetimer plan: --late '{options.late}' is not a duration; use e.g. 12m, 90s or 1h5m",
              file=sys.stderr)
        return EXIT_USAGE
    agenda = load_agenda_or_report(options.agenda)
    if agenda is None:
        return EXIT_AGENDA_INVALID
    first = 0
    if options.from_item is not None:
        found = agenda.index_of(options.from_item)
        if found is None:
            known = ", ".join(item.id for item in agenda.items)
            print(f"stagetimer plan: no item has the id '{options.from_item}' (the items: {known})", file=sys.stderr)
            return EXIT_USAGE
        first = found
    if not agenda.items:
        print("stagetimer plan: the agenda has no items to plan", file=sys.stderr)
        return EXIT_USAGE
    from stagetimer.core.report.plantable import format_plan
    from stagetimer.core.show.planner import plan_late

    plan = plan_late(agenda, late_ms, first)
    print(format_plan(agenda, plan, late_ms))
    return EXIT_OK if plan.on_time else EXIT_RUNS_OVER


EPILOG = """\
The items from ITEM on are chained from its late start. Before each fixed start,
and before the event's hard_end (or end), the lateness is taken from the items
with a min, in proportion to how much each may give (duration - min), never
below min, in whole minutes; a break before a fixed start shrinks to its min
(5m by default) first. See docs/agenda-format.md, "Re-planning a late day".

exit status: 0 when the day still ends by its hard end, 1 when even every min is
not enough (the shortfall is printed) or the agenda has errors, 2 on a bad
argument, 4 when StageTimer itself failed.

examples:
  stagetimer plan agenda.yaml --late 13m
  stagetimer plan agenda.yaml --late 5m --from case-kt
"""

PLAN = Subcommand(
    name="plan",
    summary="print the re-planned timetable if the day starts late (exit 1 when it cannot end on time)",
    add_arguments=_arguments,
    run=run_plan,
    usage="plan AGENDA --late DURATION [--from ITEM]",
    epilog=EPILOG,
)
