#!/bin/sh
# Every element and attribute name of the two schemas (questionnaire.rng, policy.rng) is in the
# XML targets' dictionary (fuzz/xml.dict), so a name added to an instrument or a policy is one
# the fuzzer can spell. Run by make check, which sets TESTS_SRCDIR.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")/../tests" && pwd)}"
src=$TESTS_SRCDIR/..
dict=$src/fuzz/xml.dict
fail=0
n=0
for rng in "$src/questionnaires/questionnaire.rng" "$src/policies/policy.rng"; do
	# Comments may mention names that are not (or no longer) in the schema.
	names=$(perl -0pe 's/<!--.*?-->//gs' "$rng" |
		grep -o '<\(element\|attribute\) name="[^"]*"' | sed 's/^<\([a-z]*\) name="\(.*\)"$/\1:\2/' |
		sort -u)
	for spec in $names; do
		n=$((n + 1))
		kind=${spec%%:*} name=${spec#*:}
		if [ "$kind" = element ]; then
			grep -qxF "\"<$name\"" "$dict" && grep -qxF "\"</$name>\"" "$dict" ||
				{ echo "FAIL: element $name of $(basename "$rng") is not in $dict"; fail=1; }
		else
			grep -qxF "\" $name=\\\"\"" "$dict" ||
				{ echo "FAIL: attribute $name of $(basename "$rng") is not in $dict"; fail=1; }
		fi
	done
done
[ "$n" -gt 50 ] || { echo "FAIL: only $n names found in the schemas: is their form still parsed?"; fail=1; }
[ $fail = 0 ] && echo "fuzz dictionary: all $n element and attribute names of the schemas"
exit $fail
