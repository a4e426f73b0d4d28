/*
 * The assessment's record at each question (#12): evidence items (a ticked checklist entry, a
 * file whose hash is taken now, or a title), the "to verify" flag, each answer's history entry
 * with its reason, and the time spent per question read back from the history.
 */
#include "config.h"
#include "interview/internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "answers/record.h"
#include "common/date.h"
#include "common/text.h"

const char *iv_by(const interview *iv) { return answers_field_get(iv->a, ANSWERS_ASSESSOR); }

/* "（B）" or "（3 级）" after a checklist entry tied to an option or a scenario level. */
static void entry_line(const interview *iv, const qn_question *q, const qn_checklist_entry *e,
		       char *buf, size_t size)
{
	const char *text = qn_text_get(&e->text, iv->lang);
	if (e->option >= 0 && (size_t)e->option < q->n_options)
		snprintf(buf, size, IV_TR(iv, "%s（选项 %s）", "%s (option %s)"), text,
			 q->options[e->option].code);
	else if (e->level > 0)
		snprintf(buf, size, IV_TR(iv, "%s（%s）", "%s (%s)"), text,
			 questionnaire_scenario_level(e->level, QN_SCENARIO_LEVEL_SENTENCE,
						      iv->lang));
	else
		snprintf(buf, size, "%s", text);
}

/*
 * The instrument's checklist (支撑材料), numbered for :e N, when the question has one; else
 * its guidance on what to ask to see, which names no entry an evidence item could tick.
 */
static void show_checklist(const interview *iv, const qn_question *q)
{
	char lead[32], line[IV_MSG_MAX];
	if (q->n_checklist)
		iv_printf(iv, "%s\n",
			  IV_TR(iv, "  支撑材料清单（:e 序号 勾选）：",
				"  Checklist (:e N ticks):"));
	for (size_t i = 0; i < q->n_checklist; i++) {
		snprintf(lead, sizeof lead, "    %zu. ", i + 1);
		entry_line(iv, q, &q->checklist[i], line, sizeof line);
		iv_wrap(iv, lead, line);
	}
	if (q->n_checklist || !q->n_evidence)
		return;
	iv_printf(iv, "%s\n", IV_TR(iv, "  宜查看的材料：", "  What to ask to see:"));
	for (size_t i = 0; i < q->n_evidence; i++)
		iv_wrap(iv, "    - ", qn_text_get(&q->evidence[i], iv->lang));
}

void iv_show_evidence(const interview *iv)
{
	const qn_question *q = questionnaire_question(iv->q, iv->current);
	size_t n = answers_evidence_count(iv->a, iv->current);
	char lead[32];
	show_checklist(iv, q);
	if (!n) {
		iv_printf(iv, "%s\n", IV_TR(iv, "  尚未记录证据。", "  No evidence recorded yet."));
		return;
	}
	iv_printf(iv, "%s\n",
		  IV_TR(iv, "  已记录的证据（:e -序号 删除）：",
			"  Evidence recorded (:e -N removes):"));
	for (size_t k = 0; k < n; k++) {
		const answers_evidence *e = answers_evidence_get(iv->a, iv->current, k);
		char line[IV_MSG_MAX];
		snprintf(line, sizeof line, "%s%s%s%s%.12s", e->title, e->file ? " · " : "",
			 e->file ? e->file : "", e->sha256 ? " · sha256 " : "",
			 e->sha256 ? e->sha256 : "");
		snprintf(lead, sizeof lead, "    [%zu] ", k + 1);
		iv_wrap(iv, lead, line);
	}
}

/* A file named relative to the answer file's folder that is there and regular. */
static bool is_file_here(const interview *iv, const char *name)
{
	char dir[4096], path[8192];
	struct stat st;
	answers_evidence_folder(iv->path, dir, sizeof dir);
	if (name[0] == '/' || !text_path_join(path, sizeof path, dir, name))
		return false;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void add_item(interview *iv, const char *title, const char *file, const char *checklist)
{
	char dir[4096];
	assess_error err = {0};
	answers_evidence_folder(iv->path, dir, sizeof dir);
	if (answers_evidence_add(iv->a, iv->current, title, file, NULL, checklist, dir, &err)) {
		iv_say_error(iv, &err);
		return;
	}
	size_t n = answers_evidence_count(iv->a, iv->current);
	const answers_evidence *e = answers_evidence_get(iv->a, iv->current, n - 1);
	if (e->sha256)
		iv_tell(iv,
			IV_TR(iv, "已记录证据 [%zu]：%s（sha256 %.12s…）",
			      "evidence [%zu] recorded: %s (sha256 %.12s…)"),
			n, e->title, e->sha256);
	else
		iv_tell(iv, IV_TR(iv, "已记录证据 [%zu]：%s", "evidence [%zu] recorded: %s"), n,
			e->title);
	iv_save(iv);
}

void iv_evidence_command(interview *iv, const char *arg)
{
	const qn_question *q = questionnaire_question(iv->q, iv->current);
	char *end;
	if (!*arg) {
		iv_show_evidence(iv);
		return;
	}
	long k = strtol(arg, &end, 10);
	if (arg[0] == '-' && *end == '\0') {
		if (k < -(long)answers_evidence_count(iv->a, iv->current) || k == 0 ||
		    answers_evidence_remove(iv->a, iv->current, (size_t)(-k - 1))) {
			iv_say(iv, IV_TR(iv, "没有证据 [%ld]", "no evidence [%ld]"), -k);
			return;
		}
		iv_tell(iv, IV_TR(iv, "已删除证据 [%ld]", "evidence [%ld] removed"), -k);
		iv_save(iv);
		return;
	}
	if (*end == '\0' && k >= 1) {
		if ((size_t)k > q->n_checklist) {
			iv_say(iv,
			       IV_TR(iv, "清单没有第 %ld 项（共 %zu 项）",
				     "the checklist has no entry %ld "
				     "(it has %zu)"),
			       k, q->n_checklist);
			return;
		}
		const qn_checklist_entry *e = &q->checklist[k - 1];
		add_item(iv, qn_text_get(&e->text, iv->lang), NULL, e->id);
		return;
	}
	/* A file beside the answer file is referenced with its hash; anything else is a title. */
	bool file = is_file_here(iv, arg);
	if (!file && strchr(arg, '/'))
		iv_tell(iv, "%s",
			IV_TR(iv,
			      "答案文件所在文件夹中没有这个文件，按标题记录（文件须放在答案文件旁或其子文件夹中）",
			      "no such file in the answer file's folder, so it is recorded as a "
			      "title (files must be beside the answer file or below it)"));
	add_item(iv, arg, file ? arg : NULL, NULL);
}

void iv_show_remark(const interview *iv, const char *lead, const char *have, const char *usage)
{
	if (have)
		iv_wrap(iv, lead, have);
	iv_tell(iv, "%s", usage);
}

void iv_flag_command(interview *iv, const char *arg)
{
	const char *id = questionnaire_question(iv->q, iv->current)->id;
	if (!*arg) {
		iv_show_remark(iv, IV_TR(iv, "  待核实：", "  To verify: "),
			       answers_flag_get(iv->a, iv->current),
			       IV_TR(iv, "“:f 文字”标记待核实，“:f -”取消",
				     ":f TEXT flags it to verify, :f - removes the flag"));
		return;
	}
	bool clear = strcmp(arg, "-") == 0;
	if (answers_flag_set(iv->a, iv->current, clear ? NULL : arg) != ASSESS_OK) {
		iv_say_nomem(iv);
		return;
	}
	iv_tell(iv,
		clear ? IV_TR(iv, "已取消 %s 的待核实标记", "flag on %s removed")
		      : IV_TR(iv, "已将 %s 标记为待核实", "%s flagged to verify"),
		id);
	iv_save(iv);
}

long iv_seconds_spent(const interview *iv, size_t question)
{
	return answers_seconds_spent(iv->a, question);
}

void iv_format_spent(const interview *iv, long seconds, char *buf, size_t size)
{
	if (seconds < 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, IV_TR(iv, " · 用时 %ld:%02ld%s", " · %ld:%02ld%s"),
			 seconds / 60, seconds % 60,
			 seconds < ANSWERS_RUSHED_SECONDS ? IV_TR(iv, "（过快）", " (rushed)")
							  : "");
}
