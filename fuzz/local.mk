### fuzz: libFuzzer targets built with clang (ASan + UBSan); `make fuzz`, never make check
# make fuzz [FUZZ_TIME=SECONDS] [FUZZ_TARGETS="answers stream ..."]; see docs/HACKING.md.
FUZZ_CC = clang
FUZZ_TIME = 60
FUZZ_TARGETS =
EXTRA_DIST += fuzz/run.sh fuzz/fuzz.h fuzz/json.dict fuzz/xml.dict fuzz/fuzz_answers.c \
	fuzz/fuzz_stream.c fuzz/fuzz_questionnaire.c fuzz/fuzz_policy.c fuzz/fuzz_fastjson.c \
	fuzz/fuzz_xlsx_reader.c fuzz/fuzz_salvage.c
# make check: the XML dictionary names every element and attribute of the schemas.
TESTS += fuzz/dict.sh
EXTRA_DIST += fuzz/dict.sh
fuzz: $(BUILT_SOURCES)
	@srcdir='$(srcdir)' FUZZ_CC='$(FUZZ_CC)' FUZZ_TIME='$(FUZZ_TIME)' \
	FUZZ_SOURCES='$(filter %.c,$(libassess_la_SOURCES) $(nodist_libassess_la_SOURCES))' \
	FUZZ_CPPFLAGS='-I$(top_srcdir) -I$(top_builddir) $(XML_CFLAGS) $(CJSON_CFLAGS) $(XLSX_CFLAGS) $(ZIP_CFLAGS)' \
	FUZZ_LIBS='$(LIBS_ALL)' $(SHELL) $(srcdir)/fuzz/run.sh $(FUZZ_TARGETS)
clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz/build
.PHONY: fuzz clean-fuzz
