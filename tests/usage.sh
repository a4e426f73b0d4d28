#!/bin/sh
# A command's usage line shows every option the command takes, as its option line in
# `assess help NAME` spells it: the long name or the short letter, with the same placeholder
# ("-o FILE.json", "--reading CONFLICT=READING"), followed by "..." when its option line says
# to repeat it ("repeat it", as --policy's of subsidy), and by no "..." otherwise; and it shows
# no option the command does not take. The one option no usage line shows is -h, --help: it does not run the command but
# prints this help, every command takes it, and `assess --help` says so once. So an option
# added to a table, or a placeholder renamed on one side, fails here until the usage follows
# (and tests/synopsis.sh then holds the man page and docs/ to it).
# Environment (set by make check): ASSESS, TESTS_SRCDIR.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"

commands=$(commands)
[ -n "$commands" ] || bad "no commands listed by assess --help"

# The options of command $1, one a line: "SHORT LONG ARG REPEAT", "-" for no short letter or
# no argument, REPEAT 1 when its text says "repeat it" and 0 otherwise; from the option lines of
# its help ("  -o, --output FILE  text", "  --json  text", text continued on lines below).
options_of() {
	"$ASSESS" help "$1" | awk '
		function flush() {
			if (opt != "")
				print opt, repeat
			opt = ""
		}
		/^  -/ {
			flush()
			label = substr($0, 3)
			sub(/  .*/, "", label)
			n = split(label, w, " ")
			short = "-"
			if (w[1] ~ /^-.,$/) {
				short = substr(w[1], 2, 1)
				w[1] = w[2]
				w[2] = w[3]
				n--
			}
			opt = short " " substr(w[1], 3) " " (n > 1 ? w[2] : "-")
			repeat = 0
		}
		/^  -/ || (/^   / && opt != "") {
			if (/repeat it/)
				repeat = 1
			next
		}
		{ flush() }
		END { flush() }'
}

# check NAME: every option of NAME but --help is in its usage with its placeholder, and every
# option in the usage is one of NAME's. Prints "ok" or "FAIL: reason" a line.
check() {
	options_of "$1" | awk -v cmd="$1" -v usage="$(usage "$1")" '
		{ short[NR] = $1; long[NR] = $2; arg[NR] = $3; repeat[NR] = $4; n = NR }
		END {
			# The usage as words: brackets are grouping, "..." after a word repetition.
			text = usage
			gsub(/[][]/, " ", text)
			nw = split(text, w, " ")
			for (i = 1; i <= nw; i++)
				dots[i] = sub(/\.\.\.$/, "", w[i])
			for (i = 2; i <= nw; i++) {
				if (w[i] !~ /^--?[a-z0-9]/)
					continue
				k = 0
				for (j = 1; j <= n; j++)
					if (w[i] == "--" long[j] || w[i] == "-" short[j])
						k = j
				if (!k) {
					print "FAIL: " cmd ": the usage shows " w[i] \
					      ", which is not one of its options"
					continue
				}
				got = arg[k] == "-" ? "" : w[i + 1]
				if (arg[k] != "-" && got != arg[k])
					print "FAIL: " cmd ": the usage shows " w[i] " " got \
					      ", its option line --" long[k] " " arg[k]
				if (dots[arg[k] == "-" ? i : i + 1] != repeat[k])
					print "FAIL: " cmd ": the usage shows --" long[k] \
					      (repeat[k] ? " without" : " with") " \"...\", but its" \
					      " option line" (repeat[k] ? "" : " does not") \
					      " say" (repeat[k] ? "s" : "") " to repeat it"
				shown[k] = 1
			}
			for (j = 1; j <= n; j++) {
				if (long[j] == "help")
					continue
				if (shown[j])
					print "ok"
				else
					print "FAIL: " cmd " takes --" long[j] \
					      (arg[j] == "-" ? "" : " " arg[j]) \
					      ", which its usage does not show: " usage
			}
		}'
}

n=0
for cmd in $commands; do
	result=$(check "$cmd")
	while IFS= read -r line; do
		case $line in
		"") continue ;;
		ok) ok ;;
		*) bad "${line#FAIL: }" ;;
		esac
		n=$((n + 1))
	done <<EOF
$result
EOF
done
# Parsed at all: the option lines of every command, as tests/options.sh counts them.
[ "$n" -gt 20 ] || bad "only $n options found: is the help format still parsed?"
passed
