### interview: administer a questionnaire on site (assess interview); see docs/interview.md
# The session is a library module (no terminal code); assess/cmd-interview.c is the terminal.
libassess_la_SOURCES += \
	interview/interview.c interview/interview.h interview/internal.h \
	interview/input.c interview/profile.c interview/interview-record.c interview/rescue.c \
	interview/salvage.c interview/screen.c

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_interview
tests_unit_check_interview_SOURCES = tests/unit/main_interview.c $(UNIT_HELPERS) tests/unit/test_interview.c
tests_unit_check_interview_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_interview_LDADD = $(UNIT_LDADD)
# link() can be made to fail the way it does on a FAT or exFAT USB stick.
tests_unit_check_interview_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=link
endif

# Drives the real binary through a pseudo-terminal and through pipes, kills it and resumes.
TESTS += tests/interview.sh
EXTRA_DIST += tests/interview.sh tests/interview_drive.py
