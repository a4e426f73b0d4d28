#!/bin/sh
# Installs the Debian packages assess needs to build, test, benchmark and check its reports.
# Run as root (or through sudo). Safe to run again: apt-get skips what is already there.
set -eu

build="build-essential autoconf automake libtool pkg-config
       libxml2-dev libxml2-utils libcjson-dev libxlsxwriter-dev libzip-dev check libedit-dev"
# Test-only: an independent xlsx reader, the Python peer for benchmarks, a real spreadsheet
# program to open reports, PDF tools to count pages, valgrind for leak checks, clang and its
# libFuzzer runtime for `make fuzz`, clang-format for `make indent-check`, jsonschema to check
# the answer files against docs/answer-file.schema.json. Carlito is what LibreOffice shows for
# Calibri, with its widths (xlsx/layout.c measures English text by them); without it a render
# of an English workbook uses DejaVu Sans, a fifth wider, and says nothing of Excel's.
test="python3 python3-openpyxl python3-xlsxwriter python3-jsonschema libreoffice-calc-nogui poppler-utils
      valgrind hyperfine zlib1g-dev fonts-noto-cjk fonts-crosextra-carlito tmux expect python3-distributed
      clang libclang-rt-14-dev clang-format"

if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		exec sudo "$0" "$@"
	fi
	echo "install-deps: run as root (apt-get needs it)" >&2
	exit 77
fi

pkgs="$build"
[ "${1:-}" = "--build-only" ] || pkgs="$build $test"

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
echo "install-deps: installed $(echo $pkgs | wc -w) packages"
