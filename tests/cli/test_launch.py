"""The app's own start, without click: only the plain forms take it; everything else is click's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from storekit import SRC

from tenfold.launch import plain_start


@pytest.mark.parametrize(("args", "expected"), [
    ([], (True, None)),
    (["--db", "x.json"], (True, "x.json")),
    (["--db=x.json"], (True, "x.json")),
    (["--db", "~/t.json"], (True, "~/t.json")),
    (["--db"], (False, None)),  # click says the option needs a value
    (["--db", ""], (False, None)),
    (["--db="], (False, None)),
    (["--db", "--help"], (False, None)),
    (["-q"], (False, None)),
    (["--db", "x.json", "status"], (False, None)),
    (["status"], (False, None)),
    (["--version"], (False, None)),
    (["--help"], (False, None)),
    (["--DB", "x.json"], (False, None)),
])
def test_only_the_plain_forms_skip_click(args: list[str], expected: tuple[bool, str | None]) -> None:
    assert plain_start(args) == expected


def test_a_folder_goes_to_click_for_its_words(tmp_path: Path) -> None:
    assert plain_start(["--db", str(tmp_path)]) == (False, None)


def test_the_app_start_imports_no_click() -> None:
    code = ("import sys, tenfold.launch, tenfold.startup, tenfold.tui.run, tenfold.store.store\n"
            "assert 'click' not in sys.modules, sorted(m for m in sys.modules if 'click' in m)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}, check=False)
    assert result.returncode == 0, result.stderr


def test_a_folder_as_the_data_file_is_one_line_from_the_real_program(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "tenfold", "--db", str(tmp_path)], capture_output=True,
                            text=True, timeout=60, env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin",
                                                        "HOME": str(tmp_path)}, check=False)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("tenfold: ") and "directory" in result.stderr
