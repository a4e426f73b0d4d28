/* The interview session: where the walk is, what a line means, and saving after every change. */
#include "config.h"
#include "interview/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "answers/record.h"
#include "common/atomicfile.h"

#define CANON_MAX 128 /* "A B C ... Z" */

bool iv_answered(const interview *iv, size_t i) { return answers_get(iv->a, i)->given; }

size_t interview_n_missing(const interview *iv)
{
	size_t n = 0;
	for (size_t i = 0; i < questionnaire_n_questions(iv->q); i++)
		n += !iv_answered(iv, i);
	return n;
}

/* Index of the first unanswered question at or after from (wrapping), or -1. */
static long first_missing(const interview *iv, size_t from)
{
	size_t n = questionnaire_n_questions(iv->q);
	for (size_t k = 0; k < n; k++)
		if (!iv_answered(iv, (from + k) % n))
			return (long)((from + k) % n);
	return -1;
}

void iv_save(interview *iv)
{
	bool was_dirty = iv->dirty;
	iv->dirty = answers_save(iv->a, iv->path, ATOMICFILE_REPLACE, &iv->save_err) != ASSESS_OK;
	if (iv->dirty) {
		char buf[ASSESS_ERROR_MSG_MAX + ASSESS_ERROR_FILE_MAX + 64];
		assess_error shown = iv->save_err;
		if (shown.code == ASSESS_ERR_NOMEM) /* the library's words are English */
			snprintf(shown.msg, sizeof shown.msg, "%s", iv_nomem_words(iv));
		assess_error_format(&shown, buf, sizeof buf);
		iv_say(iv,
		       IV_TR(iv,
			     "无法保存：%s。答案仍在内存中，下一次输入时会重试；请先排除故障再退出。",
			     "cannot save: %s. The answers are kept in memory and saving is retried "
			     "with the next line; fix the cause before quitting."),
		       buf);
	} else if (was_dirty) {
		iv_tell(iv, IV_TR(iv, "已补存到 %s", "saved to %s now"), iv->path);
	}
}

interview *interview_new(answers *a, const interview_options *o, FILE *out)
{
	interview *iv = calloc(1, sizeof *iv);
	if (!iv || !(iv->path = strdup(o->path))) {
		free(iv);
		return NULL;
	}
	iv->a = a;
	iv->q = answers_questionnaire(a);
	iv->out = out;
	iv->lang = o->lang;
	iv->flags = o->flags;
	iv->width = o->width ? o->width : 80;
	iv->remember = o->remember;
	iv->remember_ctx = o->remember_ctx;
	if (o->today && strlen(o->today) == 10)
		memcpy(iv->today, o->today, 11);
	return iv;
}

void interview_free(interview *iv)
{
	if (!iv)
		return;
	free(iv->path);
	free(iv->pending_note);
	free(iv);
}

const char *interview_prompt(const interview *iv) { return iv->prompt; }
void interview_set_width(interview *iv, size_t width) { iv->width = width ? width : 80; }
interview_status interview_status_get(const interview *iv) { return iv->status; }

/* ---- moving around ---- */

static void enter_profile(interview *iv, int field, bool returning)
{
	if (iv->stage != IV_PROFILE)
		iv_profile_show(iv); /* the banner once, when the walk enters the profile */
	iv->stage = IV_PROFILE;
	iv->field = field;
	iv->profile_return = returning;
	iv_profile_prompt(iv);
}

static void enter_review(interview *iv)
{
	iv->stage = IV_REVIEW;
	iv->current = questionnaire_n_questions(iv->q);
	iv_show_review(iv);
	snprintf(iv->prompt, sizeof iv->prompt, "%s", IV_TR(iv, "完成> ", "finish> "));
}

static void question_prompt(interview *iv)
{
	char buf[CANON_MAX];
	const char *id = questionnaire_question(iv->q, iv->current)->id;
	if (iv_answered(iv, iv->current))
		snprintf(iv->prompt, sizeof iv->prompt, "%s [%s]> ", id,
			 answers_format(iv->a, iv->current, buf, sizeof buf));
	else
		snprintf(iv->prompt, sizeof iv->prompt, "%s> ", id);
}

static void enter_question(interview *iv, size_t i)
{
	iv->stage = IV_QUESTION;
	iv->current = i;
	iv_show_question(iv);
	question_prompt(iv);
}

/* The first unanswered question, or the review when there is none. */
static void enter_first_missing(interview *iv, size_t from)
{
	long next = first_missing(iv, from);
	if (next < 0)
		enter_review(iv);
	else
		enter_question(iv, (size_t)next);
}

/* After an answer: the next question still open, so fixing an old answer returns to the front. */
static void next_after_answer(interview *iv)
{
	size_t n = questionnaire_n_questions(iv->q);
	long next = first_missing(iv, (iv->current + 1) % n);
	if (next >= 0 && (size_t)next < iv->current)
		iv_tell(iv, IV_TR(iv, "回到未答题目 %s", "back to unanswered %s"),
			questionnaire_question(iv->q, (size_t)next)->id);
	enter_first_missing(iv, (iv->current + 1) % n);
}

/* After Enter or s: the next question in order; past the last, the first one still open. */
static void next_in_order(interview *iv)
{
	size_t n = questionnaire_n_questions(iv->q);
	if (iv->current + 1 < n) {
		enter_question(iv, iv->current + 1);
		return;
	}
	long next = first_missing(iv, 0);
	if (next >= 0)
		iv_tell(iv,
			IV_TR(iv, "已是最后一题；回到第一道未答题目 %s",
			      "that was the last question; "
			      "back to the first unanswered, %s"),
			questionnaire_question(iv->q, (size_t)next)->id);
	enter_first_missing(iv, 0);
}

static void leave_profile(interview *iv)
{
	iv_tell(iv, "%s", IV_TR(iv, "企业与评测信息已保存。", "Profile saved."));
	if (iv->profile_return && iv->current < questionnaire_n_questions(iv->q))
		enter_question(iv, iv->current);
	else
		enter_first_missing(iv, 0);
}

static void next_field(interview *iv)
{
	if (iv->field + 1 < iv_profile_steps())
		enter_profile(iv, iv->field + 1, iv->profile_return);
	else
		leave_profile(iv);
}

/* ---- starting ---- */

/* The first write claims the file: without --force an existing one is left alone. */
/* The first save creates the file, and refuses one that appeared since the command checked. */
static assess_code first_save(interview *iv, assess_error *err)
{
	unsigned flags = iv->flags & INTERVIEW_CREATE ? 0 : ATOMICFILE_REPLACE;
	return answers_save(iv->a, iv->path, flags, err);
}

assess_code interview_start(interview *iv, assess_error *err)
{
	/* The language is kept in the file, so that --resume speaks it without --lang. */
	answers_set_field(iv->a, ANSWERS_LANG, iv->lang == QN_LANG_EN ? "en" : "zh", NULL);
	assess_code rc = first_save(iv, err);
	if (rc)
		return rc;
	size_t n = questionnaire_n_questions(iv->q), missing = interview_n_missing(iv);
	iv_wrap(iv, "", qn_text_get(questionnaire_title(iv->q), iv->lang));
	iv_wrap(iv, IV_TR(iv, "答案文件：", "Answer file: "), iv->path);
	iv_wrap(iv, "",
		IV_TR(iv, "每次输入后自动保存；随时可输入 :q 退出，之后用 --resume 继续。",
		      "Saved after every line; :q quits at any time and --resume continues."));
	iv_show_keys(iv);
	if (iv->flags & INTERVIEW_RESUME)
		iv_printf(iv,
			  IV_TR(iv, "继续评测：已答 %zu/%zu 题。\n",
				"Resuming: %zu of %zu questions answered.\n"),
			  n - missing, n);
	int field = iv_profile_first_missing(iv);
	if (!(iv->flags & INTERVIEW_RESUME))
		enter_profile(iv, 0, false);
	else if (missing == n && field < iv_profile_steps())
		enter_profile(iv, field, false);
	else
		enter_first_missing(iv, 0);
	return ASSESS_OK;
}

/* ---- answers and notes ---- */

/* Records the note of the question on screen; "-" removes it. False when out of memory. */
static bool set_note(interview *iv, const char *note)
{
	const char *keep = strcmp(note, "-") == 0 ? NULL : note;
	return answers_set_note(iv->a, iv->current, keep) == ASSESS_OK;
}

/* "# NOTE" alone: record, replace (# -: remove) or show the note of the question on screen. */
static void note_only(interview *iv, char *note)
{
	const char *id = questionnaire_question(iv->q, iv->current)->id;
	if (!*iv_trim(note)) {
		iv_show_remark(iv, IV_TR(iv, "  备注：", "  Note: "),
			       answers_get(iv->a, iv->current)->note,
			       IV_TR(iv, "“# 文字”记下备注，“# -”删除备注",
				     "\"# TEXT\" records a note, \"# -\" removes it"));
		return;
	}
	if (!set_note(iv, note)) {
		iv_say_nomem(iv);
		return;
	}
	iv_tell(iv,
		strcmp(note, "-") == 0 ? IV_TR(iv, "已删除 %s 的备注", "note on %s removed")
				       : IV_TR(iv, "已记下 %s 的备注", "note on %s recorded"),
		id);
	iv_save(iv);
}

/* Splits "B C # saw the diagram" at the first # (either width); returns the note or NULL. */
static char *split_note(char *raw)
{
	char *hash = strchr(raw, '#'), *wide = strstr(raw, "\xEF\xBC\x83"); /* ＃ */
	if (wide && (!hash || wide < hash)) {
		*wide = '\0';
		return wide + 3;
	}
	if (hash)
		*hash++ = '\0';
	return hash;
}

/* Sets (canon "": withdraws) the answer on screen, with its history entry; then moves on. */
static void commit_answer(interview *iv, const char *canon, char *note, const char *reason)
{
	const qn_question *q = questionnaire_question(iv->q, iv->current);
	assess_error err = {0};
	assess_code rc = *canon ? answers_set_text(iv->a, iv->current, canon, &err)
				: answers_clear(iv->a, iv->current, &err);
	if (rc == ASSESS_OK)
		rc = answers_history_append(iv->a, iv->current, NULL, iv_by(iv), reason, &err);
	if (rc != ASSESS_OK) {
		iv_say_error(iv, &err); /* the answers module's own check; iv_parse_answer agrees */
		return;
	}
	bool noted = note && *iv_trim(note) && set_note(iv, note);
	if (*canon)
		iv_tell(iv, "%s = %s%s", q->id, canon,
			noted ? IV_TR(iv, "（备注已更新）", " (note updated)") : "");
	else
		iv_tell(iv, IV_TR(iv, "已清除 %s 的答案", "answer to %s cleared"), q->id);
	iv_save(iv);
	if (*canon)
		next_after_answer(iv);
	else
		enter_question(iv, iv->current);
}

/* Changing an earlier answer is a change of the record: the next line says why. */
static void ask_reason(interview *iv, const char *canon, const char *note)
{
	char was[CANON_MAX];
	const char *id = questionnaire_question(iv->q, iv->current)->id;
	answers_format(iv->a, iv->current, was, sizeof was);
	snprintf(iv->pending, sizeof iv->pending, "%s", canon);
	free(iv->pending_note);
	iv->pending_note = note ? strdup(note) : NULL;
	iv->stage = IV_REASON;
	snprintf(iv->prompt, sizeof iv->prompt,
		 IV_TR(iv, "修改原因（%s：%s → %s）> ", "reason for the change (%s: %s -> %s)> "),
		 id, was, *canon ? canon : "-");
}

/* The line after ask_reason: the reason, or :b to keep the answer as it was. */
static void take_reason(interview *iv, char *raw, const char *folded)
{
	if (strcmp(folded, ":b") == 0 || strcmp(folded, ":back") == 0) {
		iv_tell(iv, "%s", IV_TR(iv, "未修改", "not changed"));
		enter_question(iv, iv->current);
		return;
	}
	if (!*folded || folded[0] == ':') {
		iv_say(iv, "%s",
		       IV_TR(iv, "修改已有答案需要说明原因（:b 放弃修改）",
			     "changing an answer needs a reason (:b keeps the old answer)"));
		return;
	}
	iv->stage = IV_QUESTION;
	char *note = iv->pending_note;
	iv->pending_note = NULL;
	commit_answer(iv, iv->pending, note, raw);
	free(note);
}

static void take_answer(interview *iv, char *raw)
{
	const qn_question *q = questionnaire_question(iv->q, iv->current);
	char *note = split_note(raw);
	char canon[CANON_MAX], msg[IV_MSG_MAX] = "";
	if (note && !*iv_trim(raw)) {
		note_only(iv, note);
		return;
	}
	char *folded = iv_fold(raw);
	if (!folded) {
		iv_say_nomem(iv);
		return;
	}
	bool ok = iv_parse_answer(iv, q, folded, canon, sizeof canon, msg, sizeof msg);
	bool was_key = iv_is_old_key(folded);
	free(folded);
	if (!ok) {
		iv_say(iv, "%s", msg);
		if (was_key)
			iv_command_hint(iv); /* b, s, q... were keys before commands took a ':' */
		return;
	}
	char was[CANON_MAX];
	answers_format(iv->a, iv->current, was, sizeof was);
	if (iv_answered(iv, iv->current) && strcmp(was, canon) != 0 &&
	    !(iv->flags & INTERVIEW_REOPENED)) {
		ask_reason(iv, canon, note);
		return;
	}
	commit_answer(iv, canon, note, NULL);
}

/* Enter at the review: the record is closed (finalized), saved, and the session finishes. */
static void finalize(interview *iv)
{
	assess_error err = {0};
	if (!answers_finalized(iv->a) &&
	    answers_finalize(iv->a, NULL, iv_by(iv), &err) != ASSESS_OK) {
		iv_say_error(iv, &err);
		return;
	}
	iv_tell(iv, "%s",
		IV_TR(iv, "评测记录已定稿；之后修改需用 --reopen 并说明原因。",
		      "The record is finalized; changing it later needs --reopen with a "
		      "reason."));
	iv_save(iv);
	if (!iv->dirty)
		iv->status = INTERVIEW_FINISHED;
}

/* Enter: keep what is shown and move on, or finish at the review. */
static void enter_key(interview *iv)
{
	if (iv->stage == IV_PROFILE) {
		if (iv_profile_take(iv, ""))
			next_field(iv);
	} else if (iv->stage == IV_REVIEW && iv_profile_required_missing(iv, 0)) {
		iv_profile_say_required(
			iv); /* a file resumed without one: ask it before finishing */
		enter_profile(iv, 0, false);
	} else if (iv->stage == IV_REVIEW) {
		finalize(iv);
	} else if (iv_answered(iv, iv->current)) {
		next_in_order(iv);
	} else {
		iv_say(iv, "%s",
		       IV_TR(iv, "请输入答案；:s 跳过，? 查看说明",
			     "type an answer; :s skips, "
			     "? explains"));
		enter_question(iv, iv->current);
	}
}

/* ---- keys ---- */

static void key_back(interview *iv)
{
	if (iv->stage == IV_PROFILE) {
		if (iv->field > 0)
			enter_profile(iv, iv->field - 1, iv->profile_return);
		else
			iv_say(iv, "%s", IV_TR(iv, "已是第一项", "this is the first field"));
	} else if (iv->current > 0) {
		enter_question(iv, iv->current - 1);
	} else {
		enter_profile(iv, iv_profile_steps() - 1, true);
	}
}

/* In the profile, on an empty required field: say so and stay (the name cannot be skipped). */
static bool held_by_required(const interview *iv)
{
	if (iv->stage != IV_PROFILE || !iv_profile_required_missing(iv, iv->field))
		return false;
	iv_profile_say_required(iv);
	return true;
}

static void key_skip(interview *iv)
{
	if (held_by_required(iv))
		return;
	if (iv->stage == IV_PROFILE)
		next_field(iv);
	else if (iv->stage == IV_QUESTION)
		next_in_order(iv);
	else
		iv_say(iv, "%s",
		       IV_TR(iv, "全部已答：回车结束，或 :g 题号 修改",
			     "everything is answered: Enter finishes, :g ID changes an answer"));
}

static void key_goto(interview *iv, const char *arg)
{
	if (held_by_required(iv))
		return;
	if (!*arg) {
		if (first_missing(iv, 0) < 0)
			iv_tell(iv, "%s",
				IV_TR(iv, "全部题目均已作答", "every question is answered"));
		enter_first_missing(iv, 0);
		return;
	}
	long i = iv_find_question(iv->q, arg);
	if (i < 0) {
		iv_say(iv,
		       IV_TR(iv, "没有题目“%s”：题号如 F1、S01，或按顺序的序号 1-%zu",
			     "no question \"%s\": ids look like F1 or S01, or give its number 1-%zu"),
		       arg, questionnaire_n_questions(iv->q));
		return;
	}
	enter_question(iv, (size_t)i);
}

static void key_clear(interview *iv)
{
	if (iv->stage == IV_PROFILE) {
		if (iv_profile_clear(iv))
			iv_profile_prompt(iv);
		return;
	}
	if (iv->stage == IV_REVIEW) {
		iv_say(iv, "%s",
		       IV_TR(iv, "先用 :g 题号 选择要清除的题目",
			     "choose a question with :g ID first"));
		return;
	}
	if (iv_answered(iv, iv->current) && iv->flags & INTERVIEW_REOPENED)
		commit_answer(iv, "", NULL, NULL); /* the reopen's reason covers it */
	else if (iv_answered(iv, iv->current))
		ask_reason(iv, "", NULL); /* withdrawing an answer changes the record too */
}

static void key_quit(interview *iv)
{
	if (iv->dirty)
		iv_save(iv);
	if (iv->dirty) {
		iv_say(iv, "%s", IV_TR(iv, "未能保存，所以没有退出", "not saved, so not quitting"));
		return;
	}
	iv->status = interview_n_missing(iv) ? INTERVIEW_PAUSED : INTERVIEW_FINISHED;
}

static void key_help(interview *iv)
{
	if (iv->stage == IV_PROFILE)
		iv_profile_help(iv);
	else if (iv->stage == IV_QUESTION)
		iv_show_help(iv);
	else
		iv_show_keys(iv);
}

static void key_profile(interview *iv)
{
	if (iv->stage == IV_PROFILE)
		enter_profile(iv, 0, iv->profile_return);
	else
		enter_profile(iv, 0, iv->stage == IV_QUESTION);
}

/*
 * Commands are spelled with a leading ':' (a full-width '：' folds to it), so no line that
 * could be an answer is ever a command: a lone letter is always an option letter (#10.5).
 * '?', '-' and '#' are never option letters, and stay single keys.
 */
typedef enum {
	CMD_BACK,
	CMD_SKIP,
	CMD_GO,
	CMD_LIST,
	CMD_PROFILE,
	CMD_QUIT,
	CMD_HELP,
	CMD_CLEAR,
	CMD_EVIDENCE,
	CMD_FLAG,
	CMD_MAX
} iv_command;

static const char *const command_words[CMD_MAX][3] = {
	[CMD_BACK] = {"b", "back", NULL},         [CMD_SKIP] = {"s", "skip", NULL},
	[CMD_GO] = {"g", "go", "goto"},           [CMD_LIST] = {"l", "list", NULL},
	[CMD_PROFILE] = {"p", "profile", NULL},   [CMD_QUIT] = {"q", "quit", NULL},
	[CMD_HELP] = {"?", "h", "help"},          [CMD_CLEAR] = {"-", "clear", NULL},
	[CMD_EVIDENCE] = {"e", "evidence", NULL}, [CMD_FLAG] = {"f", "flag", NULL},
};

/* The command a word names (without its ':'), or CMD_MAX. */
static iv_command command_named(const char *word, size_t len)
{
	for (int c = 0; c < CMD_MAX; c++)
		for (int k = 0; k < 3 && command_words[c][k]; k++)
			if (strlen(command_words[c][k]) == len &&
			    strncasecmp(command_words[c][k], word, len) == 0)
				return (iv_command)c;
	return CMD_MAX;
}

bool iv_is_old_key(const char *folded)
{
	return folded[0] && strchr("bglpqsBGLPQS", folded[0]) &&
	       (folded[1] == '\0' || (strchr("gG", folded[0]) && folded[1] == ' '));
}

void iv_command_hint(const interview *iv)
{
	iv_say(iv, "%s",
	       IV_TR(iv,
		     "命令以冒号开头：:b 上一题 · :s 跳过 · :g 题号 · :l 未答 · :p 企业信息 · "
		     ":q 保存并退出 · ? 说明",
		     "commands start with ':': :b back · :s skip · :g ID · :l unanswered · "
		     ":p profile · :q save and quit · ? help"));
}

static void run_command(interview *iv, iv_command c, const char *arg)
{
	switch (c) {
	case CMD_HELP:
		key_help(iv);
		break;
	case CMD_CLEAR:
		key_clear(iv);
		break;
	case CMD_QUIT:
		key_quit(iv);
		break;
	case CMD_BACK:
		key_back(iv);
		break;
	case CMD_SKIP:
		key_skip(iv);
		break;
	case CMD_GO:
		key_goto(iv, arg);
		break;
	case CMD_LIST:
		iv_show_missing(iv, true);
		break;
	case CMD_PROFILE:
		key_profile(iv);
		break;
	case CMD_EVIDENCE:
	case CMD_FLAG:
		if (iv->stage != IV_QUESTION)
			iv_say(iv, "%s",
			       IV_TR(iv, "先用 :g 题号 选择题目",
				     "choose a question with :g ID first"));
		else if (c == CMD_EVIDENCE)
			iv_evidence_command(iv, arg);
		else
			iv_flag_command(iv, arg);
		break;
	case CMD_MAX:
		break;
	}
}

/* Acts on a command (":b", ":g S05", "?", "-"); false when the line is not one. */
static bool key(interview *iv, char *folded)
{
	if ((folded[0] == '?' || folded[0] == '-') && folded[1] == '\0') {
		run_command(iv, folded[0] == '?' ? CMD_HELP : CMD_CLEAR, "");
		return true;
	}
	if (folded[0] != ':')
		return false;
	char *word = iv_trim(folded + 1), *arg = word + strcspn(word, " ");
	iv_command c = command_named(word, (size_t)(arg - word));
	arg = iv_trim(arg);
	if (c == CMD_MAX || (*arg && c != CMD_GO && c != CMD_EVIDENCE && c != CMD_FLAG)) {
		iv_say(iv, IV_TR(iv, "没有命令“:%s”", "no command \":%s\""), word);
		iv_command_hint(iv);
		return true;
	}
	run_command(iv, c, arg);
	return true;
}

static void take_line(interview *iv, char *raw)
{
	char *folded = iv_fold(raw);
	if (!folded) {
		iv_say_nomem(iv);
		return;
	}
	if (iv->stage == IV_REASON) {
		take_reason(iv, raw, folded);
		free(folded);
		return;
	}
	bool handled = *folded ? key(iv, folded) : true;
	if (!*folded)
		enter_key(iv);
	if (!handled && iv->stage == IV_PROFILE && iv_is_old_key(folded)) {
		/* Not stored as "s" and not obeyed: an old habit, or a script from before ':'. */
		iv_say(iv, IV_TR(iv, "“%s”未采用", "\"%s\" was not taken"), folded);
		iv_command_hint(iv);
		handled = true;
	}
	free(folded);
	if (handled)
		return;
	if (iv->stage == IV_PROFILE) {
		if (iv_profile_take(iv, raw))
			next_field(iv);
	} else if (iv->stage == IV_QUESTION) {
		take_answer(iv, raw);
	} else if (iv_find_question(iv->q, raw) >= 0) {
		enter_question(iv,
			       (size_t)iv_find_question(iv->q, raw)); /* a review line reopened */
	} else {
		iv_say(iv, "%s",
		       IV_TR(iv, "全部已答：回车结束，或输入序号、题号重新打开某题",
			     "everything is answered: Enter finishes, a number or an id "
			     "reopens a question"));
	}
}

/* A Tab (which line editing inserts as it is) would end up inside a name or a note. */
static char *tabs_to_spaces(char *s)
{
	for (char *p = s; *p; p++)
		if (*p == '\t')
			*p = ' ';
	return s;
}

interview_status interview_input(interview *iv, const char *line)
{
	if (iv->status != INTERVIEW_ASKING)
		return iv->status;
	if (iv->dirty)
		iv_save(iv);
	const char *problem = iv_line_problem(iv, line);
	char *raw = problem ? NULL : strdup(line);
	if (problem)
		iv_say(iv, "%s", problem);
	else if (!raw)
		iv_say_nomem(iv);
	else
		take_line(iv, iv_trim(tabs_to_spaces(raw)));
	free(raw);
	if (iv->stage == IV_PROFILE)
		iv_profile_prompt(iv);
	else if (iv->stage == IV_QUESTION)
		question_prompt(iv);
	fflush(iv->out);
	return iv->status;
}

assess_code interview_close(interview *iv, assess_error *err)
{
	if (iv->dirty)
		iv_save(iv);
	if (iv->dirty) {
		if (err)
			*err = iv->save_err;
		return iv->save_err.code ? iv->save_err.code : ASSESS_ERR_IO;
	}
	size_t n = questionnaire_n_questions(iv->q), missing = interview_n_missing(iv);
	iv_printf(iv,
		  IV_TR(iv, "\n已保存到 %s：已答 %zu/%zu 题。\n",
			"\nSaved to %s: %zu of %zu "
			"questions answered.\n"),
		  iv->path, n - missing, n);
	if (missing)
		iv_show_missing(iv, false);
	fflush(iv->out);
	return ASSESS_OK;
}
