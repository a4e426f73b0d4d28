/*
 * lang.h - the two languages every user-facing text comes in, and how code picks one.
 *
 * Chinese is the default; `--lang en` (or ASSESS_LANG/LANG, read by the CLI) picks English.
 * Texts are written side by side at the place they are used, so the two never drift apart:
 *
 *     fputs(lang_pick(lang, "等级：", "Level: "), out);
 *
 * The yes and no that answer a flag are words every module shows, so they are written here once.
 * Header only; nothing here owns memory.
 */
#ifndef ASSESS_LANG_H
#define ASSESS_LANG_H

#include <stddef.h>

typedef enum { QN_LANG_ZH = 0, QN_LANG_EN = 1 } qn_lang;

/*
 * A macro, not a function: when both texts are literals the compiler still sees a literal
 * format string and checks printf-style arguments against both of them.
 */
#define lang_pick(lang, zh, en) ((lang) == QN_LANG_EN ? (en) : (zh))

/* How a yes or no answer is written for people: in a cell, a form's list, a default shown. */
static inline const char *lang_yes(qn_lang lang) { return lang_pick(lang, "是", "yes"); }
static inline const char *lang_no(qn_lang lang) { return lang_pick(lang, "否", "no"); }

/* A flag that may not be known (v < 0, as answers_above_scale() says): NULL, nothing to show. */
static inline const char *lang_yes_no(qn_lang lang, int v)
{
	return v < 0 ? NULL : v ? lang_yes(lang) : lang_no(lang);
}

#endif
