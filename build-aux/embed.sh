#!/bin/sh
# embed.sh SYMBOL FILE: prints a C file defining `const char SYMBOL[]` (NUL-terminated) and
# `const size_t SYMBOL_len` with FILE's bytes, so schemas ship inside the binary.
set -e
sym=$1
file=$2
printf '/* Generated from %s by build-aux/embed.sh; do not edit. */\n#include <stddef.h>\n' "$(basename "$file")"
printf 'const char %s[] = {\n' "$sym"
od -An -v -tu1 "$file" | awk '{ line = ""; for (i = 1; i <= NF; i++) line = line $i ","; print line }'
printf '0};\nconst size_t %s_len = sizeof %s - 1;\n' "$sym" "$sym"
