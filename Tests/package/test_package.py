"""The release archive of scripts/package.sh, as the pipelines of `terbuka init` use it.

TERBUKA_ARCHIVE names the archive (scripts/test.sh makes it); without it, the archive is
made here. TERBUKA_BIN is the development build, whose output the packaged binary must
match byte for byte. PyYAML comes with frictionless, which the test command installs.
"""

import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import tarfile

import pytest
import yaml

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
# Where the pipelines unpack Terbuka (Pipelines.installScript).
PIPELINE_INSTALL = pathlib.Path("/tmp/terbuka")
# A PATH without the Swift toolchain, as on a CI runner or a staff laptop.
PLAIN_PATH = "/usr/local/bin:/usr/bin:/bin"
BUILD_TIME = "1795000000"


@pytest.fixture(scope="module", autouse=True)
def build_tree_resources_hidden():
    """SwiftPM's resource accessor falls back to the bundles in the build folder it was built
    in; hidden while these tests run, the packaged binary must find its own beside it."""
    bundles = sorted((REPOSITORY / ".build").glob("package/*/release/terbuka_*.resources"))
    hidden = [bundle.with_name(bundle.name + ".hidden") for bundle in bundles]
    for bundle, away in zip(bundles, hidden):
        bundle.rename(away)
    try:
        yield
    finally:
        for bundle, away in zip(bundles, hidden):
            away.rename(bundle)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    given = os.environ.get("TERBUKA_ARCHIVE")
    if given:
        return pathlib.Path(given)
    out = tmp_path_factory.mktemp("dist")
    made = subprocess.run(
        [str(REPOSITORY / "scripts/package.sh"), str(out)], check=True, capture_output=True, text=True
    )
    return pathlib.Path(made.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def unpacked(archive, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    (binary,) = folder.glob("terbuka-*/terbuka")
    return binary


def plain_environment(**extra):
    environment = {"PATH": PLAIN_PATH, "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}
    environment.update(extra)
    return environment


def demo_copy(folder):
    """The demo's content alone: without themes/, a build uses the theme built into the binary."""
    shutil.copytree(REPOSITORY / "content", folder / "content")
    return folder


def test_the_archive_holds_the_binary_its_resources_libraries_and_a_readme(archive):
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        members = tar.getmembers()
    top = archive.name.removesuffix(".tar.gz")
    assert top.startswith("terbuka-") and "-linux-" in top
    assert f"{top}/terbuka" in names
    assert f"{top}/README.txt" in names
    assert f"{top}/terbuka_TerbukaTheme.resources/default/templates/base.mustache" in names
    assert f"{top}/terbuka_TerbukaGuide.resources/panduan.md" in names
    assert any(name.startswith(f"{top}/libcmark-gfm.so") for name in names)
    assert any(name.startswith(f"{top}/libdeflate.so") for name in names)
    assert all(member.uid == 0 and member.gid == 0 for member in members)
    checksum = archive.with_name(archive.name + ".sha256").read_text().split()
    assert checksum == [hashlib.sha256(archive.read_bytes()).hexdigest(), archive.name]


def test_the_packaged_binary_needs_the_resources_beside_it(unpacked, tmp_path):
    # A copy of the binary without its bundles cannot find the theme: proof that the
    # bundles beside it, not the build folder, are what the package uses.
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(unpacked, alone / "terbuka")
    for library in [*unpacked.parent.glob("libcmark-gfm*"), *unpacked.parent.glob("libdeflate*")]:
        shutil.copy(library, alone)
    site = demo_copy(tmp_path / "site")
    built = subprocess.run([str(alone / "terbuka"), "build", "--quiet", "--site", str(site)],
                           env=plain_environment(), capture_output=True, text=True)
    assert built.returncode != 0


def test_the_packaged_binary_links_no_swift_library_and_finds_cmark_beside_itself(unpacked):
    linked = subprocess.run(["ldd", str(unpacked)], check=True, capture_output=True, text=True).stdout
    assert "libswift" not in linked and "libFoundation" not in linked
    assert "not found" not in linked
    cmark = [line for line in linked.splitlines() if "libcmark-gfm" in line]
    assert cmark and all(str(unpacked.parent) in line for line in cmark), linked


def test_the_packaged_binary_builds_the_demo_with_swift_not_in_path(unpacked, tmp_path):
    assert shutil.which("swift", path=PLAIN_PATH) is None
    site = demo_copy(tmp_path / "site")
    built = subprocess.run(
        [str(unpacked), "build", "--quiet", "--site", str(site)],
        env=plain_environment(SOURCE_DATE_EPOCH=BUILD_TIME),
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    assert (site / "output/lowongan/index.html").exists()
    # The same site built by the development binary: the package changes nothing published.
    reference = demo_copy(tmp_path / "reference")
    subprocess.run(
        [os.environ["TERBUKA_BIN"], "build", "--quiet", "--site", str(reference)],
        env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_TIME},
        check=True,
    )
    assert (site / "output/SHA256SUMS").read_bytes() == (reference / "output/SHA256SUMS").read_bytes()


def workflow_steps(site):
    workflow = yaml.safe_load((site / ".github/workflows/terbuka.yml").read_text())
    steps = {step.get("name"): step for step in workflow["jobs"]["check"]["steps"]}
    publish = {step.get("name"): step for step in workflow["jobs"]["publish"]["steps"]}
    return workflow["env"], steps, publish


def run_step(script, site, archive, **extra):
    environment = plain_environment(
        TERBUKA_RELEASE_URL=archive.as_uri(),
        TERBUKA_SHA256=archive.with_name(archive.name + ".sha256").read_text().split()[0],
        **extra,
    )
    return subprocess.run(["bash", "-e", "-c", script], cwd=site, env=environment, capture_output=True, text=True)


def test_the_github_steps_install_the_archive_annotate_problems_and_build(unpacked, archive, tmp_path):
    site = tmp_path / "site"
    subprocess.run([str(unpacked), "init", str(site)], env=plain_environment(), check=True, capture_output=True)
    env, steps, publish = workflow_steps(site)
    shutil.rmtree(PIPELINE_INSTALL, ignore_errors=True)
    installed = run_step(steps["Install Terbuka"]["run"], site, archive, TERBUKA_VERSION=env["TERBUKA_VERSION"])
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout.splitlines() == ["/tmp/terbuka.tar.gz: OK", f"Terbuka {env['TERBUKA_VERSION']}"]

    (site / "content/pages/tentang.md").write_text("---\ntitle: Tentang\nordr: 1\n---\nIsi.\n")
    checked = run_step(steps["Check the content"]["run"], site, archive)
    assert checked.returncode == 1
    assert (
        "::error file=content/pages/tentang.md,line=3,col=1,title=Terbuka T0203::kunci 'ordr' tidak dikenal di halaman"
        " (maksudnya 'order'?)" in checked.stdout.splitlines()
    )

    (site / "content/pages/tentang.md").write_text("---\ntitle: Tentang\norder: 1\n---\nIsi.\n")
    assert run_step(steps["Check the content"]["run"], site, archive).returncode == 0
    built = run_step(publish["Build the site"]["run"], site, archive)
    assert built.returncode == 0, built.stderr
    assert (site / "public/index.html").exists()
    assert (site / "public/SHA256SUMS").exists()
    assert not (site / "public/SHA256SUMS.sig").exists()

    # With the secret set, the published site is signed and the key file is gone afterwards.
    key = tmp_path / "kunci"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    runner = tmp_path / "runner"
    runner.mkdir()
    signed = run_step(
        publish["Build the site"]["run"], site, archive,
        TERBUKA_SIGNING_KEY=key.read_text(), RUNNER_TEMP=str(runner),
    )
    assert signed.returncode == 0, signed.stderr
    assert list(runner.iterdir()) == []
    checked = subprocess.run(
        [str(PIPELINE_INSTALL / "terbuka"), "verify", "--lang", "en", str(site / "public"), "--key", f"{key}.pub"],
        env=plain_environment(), capture_output=True, text=True,
    )
    assert checked.returncode == 0, checked.stderr
    assert "SHA256SUMS.sig is valid" in checked.stderr


def test_a_damaged_archive_is_refused_by_its_checksum(archive, tmp_path):
    site = tmp_path / "site"
    subprocess.run([os.environ["TERBUKA_BIN"], "init", str(site)], check=True, capture_output=True)
    damaged = tmp_path / archive.name
    damaged.write_bytes(archive.read_bytes()[:-10])
    shutil.copy(archive.with_name(archive.name + ".sha256"), tmp_path)
    _, steps, _ = workflow_steps(site)
    refused = run_step(steps["Install Terbuka"]["run"], site, damaged, TERBUKA_VERSION="0")
    assert refused.returncode != 0
    assert "FAILED" in refused.stdout + refused.stderr


def test_the_gitlab_job_writes_a_code_quality_report(unpacked, archive, tmp_path):
    site = tmp_path / "site"
    subprocess.run([str(unpacked), "init", str(site)], env=plain_environment(), check=True, capture_output=True)
    pipeline = yaml.safe_load((site / ".gitlab-ci.yml").read_text())
    # The image's apt-get line is the host's business; the install and the job are ours.
    install = pipeline["default"]["before_script"][1]
    (site / "content/pages/tentang.md").write_text("---\ntitle: Tentang\nordr: 1\n---\nIsi.\n")
    job = run_step(
        install + "\n" + "\n".join(pipeline["check"]["script"]),
        site,
        archive,
        TERBUKA_VERSION=pipeline["variables"]["TERBUKA_VERSION"],
    )
    assert job.returncode == 1
    report = json.loads((site / "gl-code-quality-report.json").read_text())
    errors = [issue for issue in report if issue["severity"] == "major"]
    assert [issue["location"] for issue in errors] == [{"path": "content/pages/tentang.md", "lines": {"begin": 3}}]
