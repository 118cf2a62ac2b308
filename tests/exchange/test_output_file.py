"""The one check for a file the user names for an export or a review."""

from __future__ import annotations

from pathlib import Path

import pytest

from tenfold.domain.errors import FieldError
from tenfold.exchange.output_file import output_target


@pytest.mark.parametrize(("typed", "says"), [
    ("   ", "Enter a file name, e.g. review.md"),
    ("{tmp}", "{tmp} is a folder; add a file name such as review.md"),
    ("{tmp}/missing/r.md", "The folder {tmp}/missing does not exist"),
    ("{tmp}/data.json", "That is Tenfold's data file; choose another file"),
])
def test_refused_targets_say_why(tmp_path: Path, typed: str, says: str) -> None:
    data = tmp_path / "data.json"
    data.write_text("{}", encoding="utf-8")
    with pytest.raises(FieldError) as caught:
        output_target(typed.format(tmp=tmp_path), data, "output", example="review.md")
    assert caught.value.field == "output"
    assert caught.value.message == says.format(tmp=tmp_path)


def test_a_good_target_is_absolute_and_home_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert output_target("  ~/out.csv ", tmp_path / "data.json") == tmp_path / "out.csv"
    monkeypatch.chdir(tmp_path)
    assert output_target("rel.md", tmp_path / "data.json") == tmp_path / "rel.md"


@pytest.mark.parametrize(("typed", "says"), [
    ("{tmp}/a\x00b.csv", "A file name cannot hold control characters (a line break, a tab); type it on one line"),
    ("{tmp}/two\nlines.csv", "A file name cannot hold control characters (a line break, a tab); type it on one line"),
    ("{tmp}/" + "x" * 10_000, "That name is too long for a file here"),
    ("~no-such-user-here/out.csv", "There is no user no-such-user-here whose home folder ~ could name"),
], ids=["nul", "line-break", "long", "unknown-user"])
def test_names_the_system_cannot_take_are_refused_not_raised(tmp_path: Path, typed: str, says: str) -> None:
    """A NUL, a line break, a 10,000-character name or an unknown ~user raised from inside the check."""
    with pytest.raises(FieldError) as caught:
        output_target(typed.format(tmp=tmp_path), tmp_path / "data.json")
    assert caught.value.message == says
    assert sorted(tmp_path.iterdir()) == []
