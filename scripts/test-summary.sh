#!/bin/sh
# test-summary.sh [DIR]: totals the counts the test programs wrote into their automake logs and
# prints one line "tests: N passed, M failed". Check suites log "Checks: N, Failures: F, Errors: E";
# the script tests log "NAME: N passed, M failed".
dir=${1:-.}
find "$dir/tests" -name '*.log' ! -name test-suite.log -exec cat {} + 2>/dev/null | awk '
	/Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+/ {
		gsub(/,/, "")
		for (i = 1; i <= NF; i++) {
			if ($i == "Checks:") n = $(i + 1)
			if ($i == "Failures:") f = $(i + 1)
			if ($i == "Errors:") e = $(i + 1)
		}
		pass += n - f - e; fail += f + e; next
	}
	/^[a-z-]+: [0-9]+ passed, [0-9]+ failed/ { pass += $2; fail += $4 }
	END { printf "tests: %d passed, %d failed\n", pass, fail }'
