"""How a change is worded: excerpts of what differs, the summary line."""

from __future__ import annotations

from generator.diff.changes import Change, DiffResult, Level
from generator.diff.wording import summary_line, text_change


def test_a_one_word_edit_in_a_long_text_shows_the_edit_in_context():
    old = "The name of the user as shown in the directory, " * 4
    new = old.replace("directory, The", "directory, The full", 1)
    shown = text_change(old, new)
    assert shown == (
        '"… the directory, The name of the user as …" -> '
        '"… the directory, The full name of the user as …"'
    )


def test_long_differences_are_shortened_and_absent_texts_named():
    shown = text_change("a" * 300, "b" * 300)
    assert len(shown) < 170 and "…" in shown
    assert text_change(None, "new") == '(none) -> "new"'
    assert text_change("x", "") == '"x" -> ""'


def test_summary_line_uses_the_policy_level_names():
    change = Change(Level.PATCH, "k", "G", "G", "m")
    result = DiffResult("genesys", (change,), "dir/old.json", "new.json", "v2", "v3")
    assert (
        summary_line(result)
        == "v2 (old.json) -> v3 (new.json): point release (0 major, 0 minor, 1 point)"
    )
