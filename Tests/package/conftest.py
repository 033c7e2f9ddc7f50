"""What every package test shares: the place the pipelines install Terbuka, held for the run."""

import fcntl

import pytest


@pytest.fixture(scope="session", autouse=True)
def pipeline_install_held():
    """The pipelines unpack Terbuka at a fixed place (/tmp/terbuka, from /tmp/terbuka.tar.gz,
    as Pipelines.installScript writes it), so a second run on the same machine waits for the
    first instead of unpacking over the binary it is running."""
    with open("/tmp/terbuka.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
