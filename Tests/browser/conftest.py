"""What every browser test shares: the folder the sites are built in, held for the run."""

import fcntl
import os
import pathlib

import pytest


@pytest.fixture(scope="session", autouse=True)
def browser_folder_held():
    """The folder the browser tests build their sites in (TERBUKA_BROWSER_OUT, by default
    /tmp/terbuka-browser, where the screenshots stay to be looked at) is held for the whole
    run: a second run on the same machine waits for the first instead of rebuilding the sites
    under its browser (two at once failed with pages missing and forms not found)."""
    out = pathlib.Path(os.environ.get("TERBUKA_BROWSER_OUT", "/tmp/terbuka-browser"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / f"{out.name}.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
