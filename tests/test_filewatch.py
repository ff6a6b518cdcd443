"""FileWatch: another process's atomic save (temp file + rename) of the watched file is noticed, once per
burst, without polling; other files in the same directory are not reported."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from cdp_desktop.filewatch import FileWatch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux only")

SAVE = """
import os, sys
path = sys.argv[1]
for i in range(int(sys.argv[2])):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(i))
    os.replace(tmp, path)
"""


def other_process_saves(path: Path, times: int = 1) -> None:
    subprocess.run([sys.executable, "-c", SAVE, str(path), str(times)], check=True, timeout=30)


async def changes_after(path: Path, action: list[tuple[str, Path]]) -> int:
    seen: list[int] = []
    watch = FileWatch(path, lambda: seen.append(1))
    assert watch.start()
    loop = asyncio.get_running_loop()
    try:
        for kind, target in action:
            if kind == "save":
                await loop.run_in_executor(None, other_process_saves, target)
            else:
                await loop.run_in_executor(None, target.write_text, "x")
            await asyncio.sleep(0.3)
    finally:
        watch.close()
    return len(seen)


def test_a_replace_by_another_process_is_noticed_each_time(tmp_path: Path) -> None:
    config = tmp_path / "config.json"
    config.write_text("{}")
    assert asyncio.run(changes_after(config, [("save", config), ("save", config)])) == 2


def test_other_files_in_the_directory_are_not_reported(tmp_path: Path) -> None:
    config = tmp_path / "config.json"
    config.write_text("{}")
    neighbours = [("save", tmp_path / "history.sqlite3"), ("write", tmp_path / "config.json.lock")]
    assert asyncio.run(changes_after(config, neighbours)) == 0


def test_a_burst_of_saves_is_one_callback(tmp_path: Path) -> None:
    config = tmp_path / "config.json"

    async def main() -> int:
        seen: list[int] = []
        watch = FileWatch(config, lambda: seen.append(1))
        assert watch.start()
        # the events of all 20 saves are read in one go when the loop gets to them
        other_process_saves(config, 20)
        await asyncio.sleep(0.3)
        watch.close()
        return len(seen)

    assert asyncio.run(main()) == 1
