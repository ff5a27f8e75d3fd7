"""Which window opens on which monitor: the pure rules (no Qt)."""

from __future__ import annotations

import pytest

from stagetimer.ui.placement import (
    PRESENTER,
    PROJECTOR,
    Placement,
    Rect,
    Remembered,
    plan_placement,
    rescue_screen,
    resolve_screen,
    windowed_layout,
)

ONE = ["LAPTOP"]
TWO = ["LAPTOP", "PROJECTOR"]
THREE = ["LAPTOP", "MONITOR", "PROJECTOR"]


def plan(screens: list[str], **kwargs) -> Placement:
    return plan_placement(screens, screens[0], **kwargs)


# -- defaults by screen count ----------------------------------------------------


def test_one_screen_all_ordinary_windows() -> None:
    assert plan(ONE) == Placement(None, None)


def test_two_screens_projector_full_screen_on_the_second() -> None:
    assert plan(TWO) == Placement(None, "PROJECTOR")


def test_three_screens_presenter_and_projector_on_the_two_that_are_not_primary() -> None:
    assert plan(THREE) == Placement("MONITOR", "PROJECTOR")


def test_defaults_never_cover_the_primary_wherever_it_is_listed() -> None:
    assert plan_placement(["HDMI-1", "eDP-1"], "eDP-1") == Placement(None, "HDMI-1")
    assert plan_placement(["DP-1", "eDP-1", "HDMI-1"], "eDP-1") == Placement("DP-1", "HDMI-1")


def test_four_screens_leave_the_extra_one_alone() -> None:
    assert plan(["A", "B", "C", "D"]) == Placement("B", "C")


def test_windowed_overrides_everything_and_says_so() -> None:
    placement = plan(THREE, windowed=True, projector_choice="2", remembered={"MONITOR": Remembered(PROJECTOR, 1)})
    assert (placement.presenter, placement.projector) == (None, None)
    assert any("--windowed" in note for note in placement.notes)
    assert plan(THREE, windowed=True).notes == ()


# -- command-line choices --------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("0", "LAPTOP"), ("2", "PROJECTOR"), ("MONITOR", "MONITOR"), ("monitor", "MONITOR"), (" 1 ", "MONITOR")],
)
def test_a_screen_is_chosen_by_index_or_name(choice: str, expected: str) -> None:
    assert resolve_screen(choice, THREE) == expected


@pytest.mark.parametrize("choice", ["3", "HDMI-9", "", "-1"])
def test_an_unknown_screen_resolves_to_nothing(choice: str) -> None:
    assert resolve_screen(choice, THREE) is None


def test_explicit_choices_swap_the_defaults() -> None:
    placement = plan(THREE, presenter_choice="PROJECTOR", projector_choice="MONITOR")
    assert placement == Placement("PROJECTOR", "MONITOR")


def test_one_explicit_choice_and_the_other_takes_what_is_left() -> None:
    assert plan(THREE, projector_choice="1") == Placement("PROJECTOR", "MONITOR")
    assert plan(THREE, presenter_choice="projector") == Placement("PROJECTOR", "MONITOR")


def test_presenter_chosen_onto_the_only_second_screen_leaves_the_projector_windowed() -> None:
    assert plan(TWO, presenter_choice="1") == Placement("PROJECTOR", None)


def test_a_window_may_be_put_on_the_primary_when_asked() -> None:
    assert plan(TWO, projector_choice="LAPTOP") == Placement("PROJECTOR", "LAPTOP")


def test_a_mistyped_screen_falls_back_to_the_default_and_lists_the_real_ones() -> None:
    placement = plan(TWO, projector_choice="HDMI-2")
    assert placement.projector == "PROJECTOR"
    assert placement.notes == (
        "--projector-screen 'HDMI-2': no such screen (screens: 0 LAPTOP, 1 PROJECTOR); using the default",
    )


def test_both_on_the_same_screen_gives_it_to_the_projector() -> None:
    placement = plan(THREE, presenter_choice="2", projector_choice="PROJECTOR")
    assert (placement.presenter, placement.projector) == (None, "PROJECTOR")
    assert len(placement.notes) == 1 and "presenter opens as a window" in placement.notes[0]


# -- remembered choices ----------------------------------------------------------


def test_the_last_choice_on_a_screen_of_that_name_is_kept() -> None:
    memory = {"MONITOR": Remembered(PROJECTOR, 3), "PROJECTOR": Remembered(PRESENTER, 4)}
    assert plan(THREE, remembered=memory) == Placement("PROJECTOR", "MONITOR")


def test_memory_of_absent_screens_is_ignored() -> None:
    memory = {"HDMI-1": Remembered(PROJECTOR, 9)}
    assert plan(TWO, remembered=memory) == Placement(None, "PROJECTOR")


def test_the_most_recent_memory_wins_when_two_screens_claim_a_role() -> None:
    memory = {"MONITOR": Remembered(PROJECTOR, 1), "PROJECTOR": Remembered(PROJECTOR, 2)}
    assert plan(THREE, remembered=memory) == Placement("MONITOR", "PROJECTOR")
    memory = {"MONITOR": Remembered(PROJECTOR, 5), "PROJECTOR": Remembered(PROJECTOR, 2)}
    assert plan(THREE, remembered=memory) == Placement("PROJECTOR", "MONITOR")


def test_the_command_line_beats_memory() -> None:
    memory = {"MONITOR": Remembered(PROJECTOR, 1)}
    assert plan(THREE, remembered=memory, projector_choice="PROJECTOR") == Placement("MONITOR", "PROJECTOR")


def test_memory_for_one_role_then_defaults_for_the_other() -> None:
    memory = {"PROJECTOR": Remembered(PRESENTER, 1)}
    assert plan(TWO, remembered=memory) == Placement("PROJECTOR", None)
    assert plan(THREE, remembered=memory) == Placement("PROJECTOR", "MONITOR")


def test_a_remembered_primary_screen_is_honoured() -> None:
    assert plan(ONE, remembered={"LAPTOP": Remembered(PROJECTOR, 1)}) == Placement(None, "LAPTOP")


# -- unplugged screens -----------------------------------------------------------


def test_an_orphan_goes_to_a_free_secondary_screen() -> None:
    assert rescue_screen(["LAPTOP", "MONITOR", "SPARE"], "LAPTOP", taken={"MONITOR"}) == "SPARE"


def test_an_orphan_never_covers_the_other_stage_window() -> None:
    assert rescue_screen(["LAPTOP", "MONITOR"], "LAPTOP", taken={"MONITOR"}) is None


def test_an_orphan_with_only_the_primary_left_becomes_a_window() -> None:
    assert rescue_screen(["LAPTOP"], "LAPTOP", taken={None}) is None


def test_an_orphan_takes_a_secondary_screen_that_nobody_uses() -> None:
    assert rescue_screen(["LAPTOP", "MONITOR"], "LAPTOP", taken={None}) == "MONITOR"


# -- rehearsal windows -----------------------------------------------------------


@pytest.mark.parametrize("available", [Rect(0, 0, 1920, 1050), Rect(0, 0, 1280, 690), Rect(1920, 0, 1366, 740)])
def test_rehearsal_windows_fit_the_screen_without_overlapping(available: Rect) -> None:
    layout = windowed_layout(available)
    control, presenter, projector = layout["control"], layout[PRESENTER], layout[PROJECTOR]
    for rect in layout.values():
        assert available.x <= rect.x and rect.x + rect.width <= available.x + available.width
        assert available.y <= rect.y and rect.y + rect.height <= available.y + available.height
    assert control.x + control.width <= presenter.x
    assert presenter.y + presenter.height <= projector.y
    # Stage views keep the shape of the screens they stand in for.
    assert abs(presenter.width / presenter.height - 16 / 9) < 0.02
