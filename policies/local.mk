### policies: subsidy policy definitions (XML), their schema, the loader and the subsidy engine

libassess_la_SOURCES += \
	policies/policy.c policies/policy.h policies/policy-build.h \
	policies/policy-values.c policies/policy-clause.c policies/policy-number.c \
	policies/fields.c policies/policy-catalog.c \
	policies/subsidy-inputs.c policies/subsidy-inputs.h \
	policies/subsidy.c policies/subsidy.h policies/subsidy-internal.h \
	policies/subsidy-rules.c policies/subsidy-text.c policies/subsidy-combined.c \
	policies/subsidy-assess.c
nodist_libassess_la_SOURCES += policies/policy-schema.c

## The schema is compiled in, like the questionnaire's (see Makefile.am).
policies/policy-schema.c: $(srcdir)/policies/policy.rng $(srcdir)/build-aux/embed.sh
	$(AM_V_GEN)$(MKDIR_P) policies && \
	$(SHELL) $(srcdir)/build-aux/embed.sh policy_schema $(srcdir)/policies/policy.rng > $@.tmp && mv $@.tmp $@
BUILT_SOURCES += policies/policy-schema.c
CLEANFILES += policies/policy-schema.c

## installed definitions, found by id (`assess policies` lists them)
policiesdir = $(pkgdatadir)/policies
dist_policies_DATA = policies/policy.rng \
	policies/quanzhou.xml policies/jinjiang.xml policies/putian.xml \
	policies/xiamen.xml policies/pingluo.xml

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_policy
tests_unit_check_policy_SOURCES = tests/unit/main_policy.c $(UNIT_HELPERS) \
	tests/unit/test_policy.c tests/unit/subsidy_test.c tests/unit/subsidy_test.h \
	tests/unit/test_subsidy.c tests/unit/test_subsidy_quanzhou.c \
	tests/unit/test_subsidy_jinjiang.c tests/unit/test_subsidy_putian.c \
	tests/unit/test_subsidy_xiamen.c tests/unit/test_subsidy_pingluo.c \
	tests/unit/test_subsidy_rules.c
tests_unit_check_policy_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_policy_LDADD = $(UNIT_LDADD)
endif
