#!/bin/sh
# Workbooks when things go wrong, for real (#10.1, #10.6, #10.7): a full scratch folder, a full
# output folder, --force on what is not a regular file, and long output names. The full-disk
# part mounts small tmpfs folders, so it runs as root only (skipped otherwise, exit 77 when
# nothing else ran). Each failure must exit as documented, leave the old file byte for byte
# and leave nothing behind. Environment (set by make check): ASSESS, TESTS_SRCDIR, PYTHON3,
# ASSESS_QUESTIONNAIRES, ASSESS_POLICIES.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"
mounts=""
cleanup() {
	for m in $mounts; do umount "$m" 2>/dev/null; done
	rm -rf "$work"
}
trap cleanup EXIT INT TERM
export SOURCE_DATE_EPOCH=1782777600
unset TMPDIR

same() { # description file copy
	cmp -s "$2" "$3" || { echo "FAIL $1: $2 changed"; fail=1; }
}

nothing_left() { # description folder...
	what=$1
	shift
	for d in "$@"; do
		left=$(find "$d" -mindepth 1 -maxdepth 1 \( -name '.assess-*' -o -name 'assess-*' \
			-o -name '.*.xlsx.*' \) 2>/dev/null)
		[ -z "$left" ] || { echo "FAIL $what left $left"; fail=1; }
	done
}

no_raw_lines() { # description: libxlsxwriter's own "[ERROR]" lines must not reach the user
	if grep -q '^\[' "$work/err"; then
		echo "FAIL $1 printed libxlsxwriter's own lines:"
		sed 's/^/    /' "$work/err"
		fail=1
	fi
}

cd "$work" || exit 1
mkdir out
run 0 "good report" "$ASSESS" report "$example" -o out/good.xlsx || exit 1
cp out/good.xlsx good.copy

# ---- #10.7: --force replaces regular files only, and keeps their mode ----
echo keep >precious
ln -s "$work/precious" out/link.xlsx
if run 73 "--force over a symlink" "$ASSESS" report "$example" -o out/link.xlsx --force; then
	grep -q 'not a regular file (a symbolic link); --force replaces regular files only' err ||
		{ echo "FAIL symlink message:"; cat err; fail=1; }
fi
[ "$(cat precious)" = keep ] && [ -L out/link.xlsx ] ||
	{ echo "FAIL the symlink or its target changed"; fail=1; }
mkfifo out/fifo.xlsx
run 73 "--force over a FIFO" "$ASSESS" report "$example" -o out/fifo.xlsx --force
[ -p out/fifo.xlsx ] || { echo "FAIL the FIFO was replaced"; fail=1; }
run 73 "batch -o over a symlink" "$ASSESS" batch -q -o out/link.xlsx --force "$example"
# A device, as -o /dev/null would be: a node of our own, so that a binary without the fix
# cannot break the machine's /dev/null (it did, once).
if [ "$(id -u)" = 0 ] && mknod out/null.xlsx c 1 3 2>/dev/null; then
	run 73 "--force over a device" "$ASSESS" report "$example" -o out/null.xlsx --force
	[ -c out/null.xlsx ] || { echo "FAIL the device was replaced"; fail=1; }
	rm -f out/null.xlsx
fi
rm out/link.xlsx out/fifo.xlsx
chmod 0640 out/good.xlsx
run 0 "--force keeps the mode" "$ASSESS" report "$example" -o out/good.xlsx --force
[ "$(stat -c %a out/good.xlsx)" = 640 ] ||
	{ echo "FAIL mode after --force: $(stat -c %a out/good.xlsx)"; fail=1; }
same "--force with the same input" out/good.xlsx good.copy
nothing_left "--force" out

# ---- a name as long as the file system allows ----
long=$(printf '%0245d' 0).xlsx
run 0 "a 250-character output name" "$ASSESS" report "$example" -o "out/$long" &&
	rm -f "out/$long"
nothing_left "a long name" out

# ---- what a killed writer left is removed by the next run; a live writer's is not ----
mkdir out/.assess-Stale1 out/.assess-Live12
echo "half a workbook" >out/.assess-Stale1/output
echo "being written" >out/.assess-Live12/output
touch -d '2 hours ago' out/.assess-Stale1 out/.assess-Live12
flock out/.assess-Live12 sleep 60 &
holder=$!
sleep 0.2
run 0 "report after a killed run" "$ASSESS" report "$example" -o out/again.xlsx
[ -e out/.assess-Stale1 ] && { echo "FAIL a killed writer's folder is still there"; fail=1; }
[ -e out/.assess-Live12/output ] || { echo "FAIL a live writer's folder was removed"; fail=1; }
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
rm -rf out/.assess-Live12 out/again.xlsx
mkdir -p reports-swept/.assess-Stale2
touch -d '2 hours ago' reports-swept/.assess-Stale2
run 0 "batch after a killed run" "$ASSESS" batch -q -o out/swept.xlsx --reports-dir reports-swept \
	"$example"
[ -e reports-swept/.assess-Stale2 ] && { echo "FAIL batch left a killed worker's folder"; fail=1; }
rm -rf reports-swept out/swept.xlsx
# Earlier versions wrote a workbook to .NAME.xlsx.XXXXXX beside it, without a lock: one left
# unchanged for two hours goes, a fresh one (maybe still being written) and other names stay.
stale_beside() { # folder: a killed writer's private folder and an old-style temporary in it
	mkdir -p "$1/.assess-Stale3"
	echo "half a workbook" >"$1/.assess-Stale3/output"
	echo "half a workbook" >"$1/.old.xlsx.Ab12Cd"
	touch -d '2 hours ago' "$1/.assess-Stale3" "$1/.old.xlsx.Ab12Cd"
}
swept() { # description folder
	[ -e "$2/.assess-Stale3" ] && { echo "FAIL $1 left a killed writer's folder"; fail=1; }
	[ -e "$2/.old.xlsx.Ab12Cd" ] && { echo "FAIL $1 left an old-style temporary"; fail=1; }
}
stale_beside out
echo "being written" >out/.young.xlsx.Xy34Zw
echo "not ours to judge" >out/.old.xlsx.Ab12C
touch -d '2 hours ago' out/.old.xlsx.Ab12C
run 0 "report after an old version was killed" "$ASSESS" report "$example" -o out/again.xlsx
swept "report" out
[ -e out/.young.xlsx.Xy34Zw ] && [ -e out/.old.xlsx.Ab12C ] ||
	{ echo "FAIL report removed a temporary that was young or not named as one"; fail=1; }
rm -f out/.young.xlsx.Xy34Zw out/.old.xlsx.Ab12C out/again.xlsx
mkdir acceptance && stale_beside acceptance
run 0 "compare -o after a killed run" "$ASSESS" compare -o acceptance/a.xlsx "$example" \
	"$TESTS_SRCDIR/../examples/quanzhou-sports-post.json"
swept "compare -o" acceptance
mkdir forms && stale_beside forms
run 0 "form after a killed run" "$ASSESS" form -o forms/f.xlsx
swept "form" forms
rm -rf acceptance forms

# ---- #10.1: full scratch and output folders (root only) ----
if [ "$(id -u)" != 0 ]; then
	echo "SKIP full-disk cases: not root"
	exit $fail
fi
mkfull() { # folder size: a tmpfs of that size, filled to the last byte
	mkdir -p "$1"
	mount -t tmpfs -o "size=$2" tmpfs "$1" 2>/dev/null || return 1
	mounts="$1 $mounts"
	dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null
	return 0
}
if ! mkfull "$work/full" 256k; then
	echo "SKIP full-disk cases: cannot mount a tmpfs"
	exit $fail
fi

# A full scratch folder: refused before anything is written, the old report kept.
if TMPDIR=$work/full run 74 "report --force, scratch full" \
	"$ASSESS" report "$example" -o out/good.xlsx --force; then
	grep -q "^assess: out/good.xlsx: no room for scratch files in $work/full" err ||
		{ echo "FAIL scratch-full message:"; cat err; fail=1; }
	no_raw_lines "report, scratch full"
fi
same "report --force, scratch full" out/good.xlsx good.copy
nothing_left "report, scratch full" out full

# A full output folder.
if run 74 "report into a full folder" "$ASSESS" report "$example" -o full/r.xlsx; then
	no_raw_lines "report into a full folder"
fi
[ -e full/r.xlsx ] && { echo "FAIL a report appeared in the full folder"; fail=1; }
nothing_left "report into a full folder" full

# batch: the portfolio, and reports.
"$PYTHON3" "$TESTS_SRCDIR/batch_check.py" pipe-input >all.ndjson
head -n 999 all.ndjson >many.ndjson
run 0 "good portfolio" "$ASSESS" batch -q -o out/p.xlsx many.ndjson || exit 1
cp out/p.xlsx p.copy
TMPDIR=$work/full run 74 "batch -o, scratch full" "$ASSESS" batch -q -o out/p.xlsx --force \
	many.ndjson
same "batch -o, scratch full" out/p.xlsx p.copy
mkdir reports
TMPDIR=$work/full run 74 "batch --reports-dir, scratch full" "$ASSESS" batch -q \
	-o out/p.xlsx --force --reports-dir reports "$example"
same "batch --reports-dir, scratch full" out/p.xlsx p.copy
[ -z "$(ls reports)" ] || { echo "FAIL empty reports written: $(ls reports)"; fail=1; }
run 74 "batch -o into a full folder" "$ASSESS" batch -q -o full/p.xlsx many.ndjson
nothing_left "batch" out reports full

# Room at the start, none later: 999 rows need more scratch space than a 1 MiB folder has,
# and only reading the finished zip back can tell.
mkdir -p "$work/small"
mount -t tmpfs -o size=1m tmpfs "$work/small" && mounts="$work/small $mounts"
if TMPDIR=$work/small run 74 "batch -o, scratch filling up" "$ASSESS" batch -q -o out/p.xlsx \
	--force many.ndjson; then
	grep -q "^assess: out/p.xlsx: the workbook's part .* (was the scratch folder full?)" err ||
		{ echo "FAIL scratch filling up message:"; cat err; fail=1; }
	no_raw_lines "batch -o, scratch filling up"
fi
same "batch -o, scratch filling up" out/p.xlsx p.copy
nothing_left "batch, scratch filling up" out small
exit $fail
