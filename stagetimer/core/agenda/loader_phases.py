"""The agenda's ``cues:`` and ``messages:`` blocks: what happens at warning, danger and zero.

``cues:`` names a sound per moment (``cues: on`` for the default set,
``cues: off`` for none); ``messages:`` a text the speaker's screen shows
by itself. Both are optional and off unless written. Every mistake is
recorded where it stands, with the known sound names or the known
moments listed, like every other field of the file.
"""

from __future__ import annotations

from yaml.nodes import Node, ScalarNode

from stagetimer.core.agenda import limits
from stagetimer.core.agenda.block_reader import BlockReader
from stagetimer.core.agenda.errors import Phrase, did_you_mean, one_of
from stagetimer.core.agenda.model import CUE_MOMENTS, DEFAULT_CUES, SOUNDS, PerPhase
from stagetimer.core.translatable import QT_TRANSLATE_NOOP

#: Words that switch a whole ``cues:`` block (YAML 1.1 reads them as booleans; we read the text).
CUES_ON = ("on", "true", "yes")
CUES_OFF = ("off", "false", "no", "none")
#: The longest automatic message: what Control's message dialog takes (ui/control/message_dialog.MAX_LENGTH).
PHASE_MESSAGE = 120

CUES_WORDS = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'cues'"))
MESSAGES_WORDS = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "'messages'"))
CUES_EXAMPLE = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "on, off, or {warning: chime, danger: double, zero: gong}"))


def read_cues(block: BlockReader, node: Node) -> PerPhase:
    """``cues: on | off`` or a sound (or ``off``) per moment; a mistake leaves that moment silent."""
    reader = block.r
    if isinstance(node, ScalarNode):
        word = reader.text(node, CUES_WORDS, limits.WORD)
        if word is None:
            return PerPhase()
        if word.lower() in CUES_ON:
            return DEFAULT_CUES
        if word.lower() not in CUES_OFF:
            unknown = QT_TRANSLATE_NOOP("AgendaErrors", "'{value}' is not a way to set cues")
            reader.error(node, Phrase.of(unknown, value=word), CUES_EXAMPLE)
        return PerPhase()
    mapping = reader.mapping(node, CUES_WORDS)
    if mapping is None:
        return PerPhase()
    keys = block.keys_of(mapping, CUE_MOMENTS, CUES_WORDS)
    sounds: dict[str, str] = {}
    for moment in CUE_MOMENTS:
        if moment not in keys:
            continue
        value_node = keys[moment][1]
        what = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the {moment} cue"), moment=moment)
        name = reader.text(value_node, what, limits.WORD)
        if name is None or name.lower() in CUES_OFF:
            continue
        if name not in SOUNDS:
            unknown = QT_TRANSLATE_NOOP("AgendaErrors", "unknown sound '{name}' for the {moment} cue")
            reader.error(value_node, Phrase.of(unknown, name=name, moment=moment),
                         one_of((*SOUNDS, "off")), did_you_mean(name, SOUNDS))
            continue
        sounds[moment] = name
    return PerPhase(**sounds)


def read_messages(block: BlockReader, node: Node) -> PerPhase:
    """``messages: {warning: "2분 남았습니다", zero: "마무리 부탁드립니다"}``: texts for the speaker."""
    reader = block.r
    mapping = reader.mapping(node, MESSAGES_WORDS)
    if mapping is None:
        return PerPhase()
    keys = block.keys_of(mapping, CUE_MOMENTS, MESSAGES_WORDS)
    texts: dict[str, str] = {}
    for moment in CUE_MOMENTS:
        if moment in keys:
            what = Phrase.of(QT_TRANSLATE_NOOP("AgendaErrors", "the {moment} message"), moment=moment)
            text = reader.text(keys[moment][1], what, PHASE_MESSAGE)
            if text:
                texts[moment] = text.strip()
    return PerPhase(**texts)
