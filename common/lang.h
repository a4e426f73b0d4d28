/*
 * lang.h - the two languages every user-facing text comes in, and how code picks one.
 *
 * Chinese is the default; `--lang en` (or ASSESS_LANG/LANG, read by the CLI) picks English.
 * Texts are written side by side at the place they are used, so the two never drift apart:
 *
 *     fputs(lang_pick(lang, "等级：", "Level: "), out);
 *
 * Header only; nothing here owns memory.
 */
#ifndef ASSESS_LANG_H
#define ASSESS_LANG_H

typedef enum { QN_LANG_ZH = 0, QN_LANG_EN = 1 } qn_lang;

/*
 * A macro, not a function: when both texts are literals the compiler still sees a literal
 * format string and checks printf-style arguments against both of them.
 */
#define lang_pick(lang, zh, en) ((lang) == QN_LANG_EN ? (en) : (zh))

#endif
