"""``tenfold doctor``: a short report, non-zero exit when anything is wrong, and nothing changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
from click.testing import CliRunner, Result
from storekit import SRC, bad_payment_index_behind_its_fingerprint, held_by_another_process, new_filled

from tenfold.cli import cli
from tenfold.store.schema import SCHEMA_VERSION


def doctor(db: Path) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "doctor"], catch_exceptions=False)


def folder_state(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``folder`` with its bytes, mode and mtime: proof that nothing changed."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mode, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def healthy(tmp_path: Path) -> Path:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    return path


def test_a_healthy_file(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    before = folder_state(tmp_path)
    result = doctor(path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Tenfold doctor: {path}\n")
    assert "every record is valid: goal written, 1/8 steps ticked, 2 streams, 2 payments, 1 idea" in result.output
    assert "private: file 0600, backups folder 0700" in result.output
    assert "not in use by any other tenfold" in result.output
    assert "1 backup in " in result.output
    assert result.output.endswith("Everything looks fine.\n")
    assert "problem" not in result.output
    assert folder_state(tmp_path) == before


def test_a_damaged_file_points_at_the_newest_good_backup(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    path.write_bytes(path.read_bytes()[:50])
    before = folder_state(tmp_path)
    result = doctor(path)
    assert result.exit_code == 1
    backup = next((tmp_path / "backups").iterdir()).name
    assert "problem  is not valid JSON" in result.output
    assert f"tenfold backup restore {backup}" in result.output
    assert result.output.endswith("1 problem found.\n")
    assert folder_state(tmp_path) == before


def test_loose_permissions_are_problems(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    path.chmod(0o644)
    (tmp_path / "backups").chmod(0o755)
    tmp_path.chmod(0o777)
    try:
        result = doctor(path)
    finally:
        tmp_path.chmod(0o700)
    assert result.exit_code == 1
    assert f"the data file is open to other users (mode 0644); fix: chmod 600 {path}" in result.output
    assert "the backups folder is open to other users (mode 0755)" in result.output
    assert f"the folder {tmp_path} is open to other users (mode 0777)" in result.output
    assert "3 problems found." in result.output


def test_a_running_tenfold_is_reported_and_fine(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    with held_by_another_process(path) as holder:
        result = doctor(path)
    assert result.exit_code == 0, result.output
    assert f"in use by process {holder.pid}" in result.output


def test_missing_file_and_missing_folder(tmp_path: Path) -> None:
    result = doctor(tmp_path / "tenfold.json")
    assert result.exit_code == 1 and "no data file at" in result.output
    result = doctor(tmp_path / "nowhere" / "tenfold.json")
    assert result.exit_code == 1 and "does not exist" in result.output
    assert list(tmp_path.iterdir()) == []  # created nothing


def test_a_newer_file_is_a_problem(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    path.write_bytes(path.read_bytes().replace(f'"schema_version":{SCHEMA_VERSION}'.encode(), b'"schema_version":77'))
    result = doctor(path)
    assert result.exit_code == 1
    assert "newer Tenfold (schema 7" in result.output


def test_leftovers_are_reported_not_removed(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    (tmp_path / ".tenfold.json.abc123.tmp").write_bytes(b"{")
    (tmp_path / "tenfold.json.damaged-2026-01-01T000000").write_bytes(b"x")
    before = folder_state(tmp_path)
    result = doctor(path)
    assert result.exit_code == 0, result.output
    assert "1 temp file from an interrupted save" in result.output
    assert "damaged file kept aside: tenfold.json.damaged-2026-01-01T000000" in result.output
    assert folder_state(tmp_path) == before


def test_a_real_process_gets_a_report_and_an_exit_status(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    path.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "tenfold", "--db", str(path), "doctor"], capture_output=True,
                            text=True, timeout=30, env={**os.environ, "PYTHONPATH": str(SRC)})
    assert result.returncode == 1
    assert "is empty (0 bytes)" in result.stdout
    assert "no good backup was found" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_payments_index_is_checked_against_the_payments(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    result = doctor(path)
    assert "ok       the payments' index agrees with the 2 payments" in result.output
    document = orjson.loads(path.read_bytes())
    del document["payment_index"]
    path.write_bytes(orjson.dumps(document))
    os.chmod(path, 0o600)
    before = folder_state(tmp_path)
    result = doctor(path)
    assert result.exit_code == 0, result.output
    assert "note     the file has no current payments' index" in result.output
    assert folder_state(tmp_path) == before, "doctor writes nothing, not even the index"


def test_repair_writes_the_index_again_and_changes_no_record(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    bad_payment_index_behind_its_fingerprint(path)
    result = doctor(path)
    assert result.exit_code == 1
    assert "the payments' index does not agree with the payments" in result.output
    assert "tenfold doctor --repair" in result.output
    records = {k: v for k, v in orjson.loads(path.read_bytes()).items() if k != "payment_index"}
    repaired = CliRunner().invoke(cli, ["--db", str(path), "doctor", "--repair"], catch_exceptions=False)
    assert repaired.exit_code == 0, repaired.output
    assert "repaired: the payments' index was written again from the 2 payments" in repaired.output
    assert "ok       the payments' index agrees with the 2 payments" in repaired.output
    assert {k: v for k, v in orjson.loads(path.read_bytes()).items() if k != "payment_index"} == records


def test_repair_waits_for_a_running_tenfold(tmp_path: Path) -> None:
    path = healthy(tmp_path)
    with held_by_another_process(path):
        result = CliRunner().invoke(cli, ["--db", str(path), "doctor", "--repair"])
    assert result.exit_code == 1
    assert "is in use by process" in result.stderr and result.stderr.count("\n") == 1
