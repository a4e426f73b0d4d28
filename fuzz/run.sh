#!/bin/sh
# Builds the libFuzzer targets with clang under AddressSanitizer + UndefinedBehaviorSanitizer
# and runs each for FUZZ_TIME seconds, from a seed corpus taken from tests/ and the bundled
# definitions, with its dictionary. A crash stops the run with exit 1 and leaves the input in
# fuzz/build/crash-TARGET-*: make it a regression case in tests/ (docs/HACKING.md, "Fuzzing").
#
# Called by `make fuzz` (fuzz/local.mk passes the library's sources and flags) and by CI for
# a short smoke run: `make fuzz FUZZ_TIME=25`. Usage: fuzz/run.sh [TARGET...] (default all).
set -eu
: "${srcdir:=.}" "${FUZZ_CC:=clang}" "${FUZZ_TIME:=60}" "${FUZZ_CPPFLAGS:=}" "${FUZZ_LIBS:=}"
: "${FUZZ_SOURCES:?run through make fuzz, which names the library sources}"
src=$(cd "$srcdir" && pwd)
out=fuzz/build
all="answers stream questionnaire policy fastjson xlsx_reader salvage"
targets=${*:-$all}

command -v "$FUZZ_CC" >/dev/null 2>&1 ||
	{ echo "fuzz: $FUZZ_CC not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 77; }
flags="-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
	-fno-sanitize-recover=all -DQUESTIONNAIRES_DIR=\"$src/questionnaires\" $FUZZ_CPPFLAGS"
mkdir -p "$out/obj"

# The library, instrumented: rebuilt whenever a source or header is newer than the last build.
stamp=$out/obj/.stamp
if [ ! -f "$stamp" ] || [ -n "$(find "$src" -path "$src/fuzz/build" -prune -o \
	\( -name '*.[ch]' -newer "$stamp" \) -print | head -1)" ]; then
	echo "fuzz: building the library with $FUZZ_CC"
	rm -f "$out"/obj/*.o
	for s in $FUZZ_SOURCES; do
		path=$s
		[ -f "$path" ] || path=$src/$s
		# shellcheck disable=SC2086
		"$FUZZ_CC" $flags -fsanitize=fuzzer-no-link -c "$path" \
			-o "$out/obj/$(echo "$s" | tr / _ | sed 's/\.c$/.o/')"
	done
	touch "$stamp"
fi

# Seeds: files from tests/ and the definitions that suit each target, small enough to mutate.
seeds() {
	case $1 in
	answers | fastjson | salvage) find "$src/tests" "$src/examples" -name '*.json' -size -64k ;;
	stream) find "$src/tests" -name '*.ndjson' -size -64k ;;
	questionnaire) grep -l '<questionnaire' $(find "$src/questionnaires" "$src/tests" \
		-name '*.xml' -size -128k) ;;
	policy) grep -l '<policy' $(find "$src/policies" "$src/tests" -name '*.xml' -size -128k) ;;
	xlsx_reader) find "$src/tests" -name '*.xlsx' -size -256k ;;
	esac
}

status=0
for t in $targets; do
	bin=$out/fuzz_$t
	# shellcheck disable=SC2086
	"$FUZZ_CC" $flags -fsanitize=fuzzer "$src/fuzz/fuzz_$t.c" "$out"/obj/*.o $FUZZ_LIBS -o "$bin"
	rm -rf "$out/seeds/$t"
	mkdir -p "$out/seeds/$t" "$out/corpus/$t"
	n=0
	for f in $(seeds $t); do
		n=$((n + 1))
		cp "$f" "$out/seeds/$t/$n"
	done
	# Answer files on one line each are stream seeds too (JSON strings hold no raw line feed).
	if [ $t = stream ]; then
		for f in $(seeds answers); do
			n=$((n + 1))
			tr -d '\n' <"$f" >"$out/seeds/$t/$n"
			echo >>"$out/seeds/$t/$n"
		done
	fi
	dict=
	case $t in
	answers | stream | fastjson | salvage) dict=-dict=$src/fuzz/json.dict ;;
	questionnaire | policy) dict=-dict=$src/fuzz/xml.dict ;;
	esac
	echo "fuzz: $t for ${FUZZ_TIME}s from $n seeds"
	if ! "$bin" -max_total_time="$FUZZ_TIME" -max_len=131072 -timeout=20 -rss_limit_mb=2048 \
		-print_final_stats=1 $dict -artifact_prefix="$out/crash-$t-" \
		"$out/corpus/$t" "$out/seeds/$t" >"$out/$t.log" 2>&1; then
		echo "fuzz: $t FAILED; the input is in $out/crash-$t-*, the log in $out/$t.log" >&2
		grep -E "ERROR|SUMMARY|Test unit written" "$out/$t.log" | head -5 >&2
		status=1
	else
		grep -E "stat::number_of_executed_units" "$out/$t.log" | sed "s/^/fuzz: $t: /"
	fi
done
exit $status
