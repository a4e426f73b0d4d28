#include "config.h"
#include "portfolio/stream.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common/lines.h"

const char *portfolio_code_name(assess_code code)
{
	return assess_code_name(code); /* one list of codes: common/error.h */
}

void portfolio_error_relocate(assess_error *e, const char *unit_name, const char *file, long line)
{
	if (strcmp(e->file, unit_name) != 0)
		return;
	snprintf(e->file, sizeof e->file, "%s", file);
	e->column = e->line == 1 ? e->column : 0;
	e->line = line > 0 && line <= INT32_MAX ? (int)line : 0;
}

static void optional_string(textbuf *b, bool *first, const char *name, const char *value)
{
	if (!value)
		return;
	textbuf_add(b, *first ? "\"" : ",\"");
	textbuf_add(b, name);
	textbuf_lit(b, "\":");
	textbuf_json_string(b, value);
	*first = false;
}

/* {"source":SOURCE,"line": - the same for every line of a stream, which writes it once. */
static void location_head(textbuf *b, const char *source)
{
	textbuf_lit(b, "{\"source\":");
	textbuf_json_string(b, source);
	textbuf_lit(b, ",\"line\":");
}

static void location(textbuf *b, const char *source, long line)
{
	location_head(b, source);
	textbuf_int(b, line);
}

static void enterprise_json(textbuf *b, const answers *a)
{
	static const struct {
		answers_field f;
		const char *name;
	} fields[] = {{ANSWERS_NAME, "name"},
		      {ANSWERS_CREDIT_CODE, "credit_code"},
		      {ANSWERS_INDUSTRY, "industry"},
		      {ANSWERS_SIZE, "size"},
		      {ANSWERS_REGION, "region"}};
	bool first = true;
	textbuf_lit(b, ",\"enterprise\":{");
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		optional_string(b, &first, fields[i].name, answers_field_get(a, fields[i].f));
	if (answers_above_scale(a) >= 0) {
		textbuf_add(b, first ? "\"above_scale\":" : ",\"above_scale\":");
		textbuf_add(b, answers_above_scale(a) ? "true" : "false");
	}
	textbuf_lit(b, "}");
}

static void int_array(textbuf *b, const int *v, int n)
{
	textbuf_lit(b, "[");
	for (int i = 0; i < n; i++) {
		if (i)
			textbuf_lit(b, ",");
		textbuf_int(b, v[i]);
	}
	textbuf_lit(b, "]");
}

/* A result line after its location. */
static void result_body(textbuf *b, const scoring_result *r)
{
	const answers *a = r->answers;
	textbuf_lit(b, ",\"questionnaire\":");
	textbuf_json_string(b, questionnaire_id(r->q));
	enterprise_json(b, a);
	if (answers_stage_get(a) != ANSWERS_STAGE_NONE) {
		textbuf_lit(b, ",\"stage\":");
		textbuf_json_string(b, answers_stage_name(answers_stage_get(a)));
	}
	if (answers_field_get(a, ANSWERS_DATE)) {
		textbuf_lit(b, ",\"date\":");
		textbuf_json_string(b, answers_field_get(a, ANSWERS_DATE));
	}
	textbuf_lit(b, ",\"total\":");
	textbuf_milli(b, r->total);
	textbuf_lit(b, ",\"total_milli\":");
	textbuf_int(b, r->total);
	textbuf_lit(b, ",\"max\":");
	textbuf_milli(b, r->max);
	textbuf_lit(b, ",\"level\":");
	textbuf_int(b, r->level);
	textbuf_lit(b, ",\"dimensions\":{");
	bool first = true;
	for (size_t d = 0; d < questionnaire_n_dimensions(r->q); d++) {
		const qn_dimension *dim = questionnaire_dimension(r->q, d);
		if (!dim->scored)
			continue;
		if (!first)
			textbuf_lit(b, ",");
		textbuf_json_string(b, dim->id);
		textbuf_lit(b, ":");
		textbuf_milli(b, scoring_dimension_points(r, dim));
		first = false;
	}
	textbuf_lit(b, "},\"scenarios\":{\"at_least\":");
	int_array(b, r->at_least, QN_MAX_LEVEL + 1);
	textbuf_lit(b, ",\"constrained_at_least\":");
	int_array(b, r->constrained_at_least, QN_MAX_LEVEL + 1);
	textbuf_lit(b, "},\"gates_met\":[");
	for (int l = 1; l <= (int)questionnaire_n_levels(r->q); l++)
		textbuf_add(b, r->gates[l].met ? (l > 1 ? ",true" : "true")
					       : (l > 1 ? ",false" : "false"));
	textbuf_lit(b, "],\"missing\":");
	textbuf_int(b, (int64_t)answers_n_missing(a));
	textbuf_lit(b, "}");
}

void portfolio_result_json(textbuf *b, const char *source, long line, const scoring_result *r)
{
	location(b, source, line);
	result_body(b, r);
}

void portfolio_error_json(textbuf *b, const char *source, long line, const assess_error *e)
{
	location(b, source, line);
	textbuf_lit(b, ",\"error\":{\"code\":");
	textbuf_json_string(b, portfolio_code_name(e->code));
	textbuf_lit(b, ",\"exit\":");
	textbuf_int(b, assess_exit_code(e->code));
	textbuf_lit(b, ",\"message\":");
	textbuf_json_string(b, e->msg[0] ? e->msg : assess_strerror(e->code));
	if (e->column > 0) {
		textbuf_lit(b, ",\"column\":");
		textbuf_int(b, e->column);
	}
	if (e->path[0]) {
		textbuf_lit(b, ",\"path\":");
		textbuf_json_string(b, e->path);
	}
	if (e->file[0] && strcmp(e->file, source) != 0) {
		/* The error is about another file: a questionnaire the line names. */
		textbuf_lit(b, ",\"file\":");
		textbuf_json_string(b, e->file);
	}
	textbuf_lit(b, "}}");
}

struct stream {
	const char *name;
	FILE *out;
	const portfolio_stream_options *o;
	portfolio_stream_stats *stats;
	answers_reader *reader;
	textbuf line_out;
	textbuf unit_name;
	textbuf head; /* {"source":NAME,"line": - escaped once for every line */
};

/* Flushes what was written so far before the reader waits for more input. */
static void flush_out(void *ctx)
{
	struct stream *s = ctx;
	fflush(s->out);
}

/* "NAME:LINE", the name the loader's messages use for one line's answers. */
static const char *unit_name(struct stream *s, long line)
{
	textbuf_reset(&s->unit_name);
	textbuf_add(&s->unit_name, s->name);
	textbuf_addn(&s->unit_name, ":", 1);
	textbuf_int(&s->unit_name, line);
	return s->unit_name.failed ? NULL : s->unit_name.data;
}

/* Scores one line into s->line_out: a result, or an error record. Returns false for NOMEM. */
static bool score_line(struct stream *s, const lines_line *line)
{
	assess_error e = {0};
	const char *uname = unit_name(s, line->number);
	if (!uname)
		return false;
	textbuf_reset(&s->line_out);
	answers *a = answers_reader_parse(s->reader, line->text, line->len, uname, &e);
	scoring_result *r = a ? scoring_run_flags(a, SCORING_NO_GAPS, &e) : NULL;
	if (r) {
		textbuf_addn(&s->line_out, s->head.data, s->head.len);
		textbuf_int(&s->line_out, line->number);
		result_body(&s->line_out, r);
		s->stats->scored++;
	} else {
		if (e.code == ASSESS_ERR_NOMEM) {
			answers_free(a);
			return false;
		}
		portfolio_error_relocate(&e, uname, s->name, line->number);
		portfolio_error_json(&s->line_out, s->name, line->number, &e);
		s->stats->failed++;
	}
	scoring_free(r);
	answers_free(a);
	return !s->line_out.failed;
}

static void too_long_error(struct stream *s, const lines_line *line, size_t max)
{
	assess_error e = {0};
	assess_fail(&e, ASSESS_ERR_SYNTAX, s->name, (int)line->number, 0,
		    "line longer than %zu bytes: skipped (one answer object per line expected)",
		    max);
	textbuf_reset(&s->line_out);
	portfolio_error_json(&s->line_out, s->name, line->number, &e);
	s->stats->failed++;
}

static assess_code write_line(struct stream *s, assess_error *err)
{
	textbuf_addn(&s->line_out, "\n", 1);
	if (s->line_out.failed)
		return assess_nomem(err, s->name);
	if (fwrite(s->line_out.data, 1, s->line_out.len, s->out) != s->line_out.len)
		return assess_fail(err, ASSESS_ERR_IO, NULL, 0, 0, "cannot write the results: %s",
				   strerror(errno));
	return ASSESS_OK;
}

static assess_code read_all(struct stream *s, lines_reader *l, size_t max, assess_error *err)
{
	lines_line line;
	for (;;) {
		lines_status st = lines_next(l, &line);
		if (st == LINES_EOF)
			return ASSESS_OK;
		if (st == LINES_IOERR)
			return assess_fail(err, ASSESS_ERR_IO, s->name, 0, 0, "read error: %s",
					   strerror(errno));
		if (st == LINES_NOMEM)
			return assess_nomem(err, s->name);
		s->stats->lines = line.number;
		if (st == LINES_TOO_LONG)
			too_long_error(s, &line, max);
		else if (lines_blank(line.text, line.len))
			continue;
		else if (!score_line(s, &line))
			return assess_fail(err, ASSESS_ERR_NOMEM, s->name, (int)line.number, 0,
					   "out of memory");
		if (write_line(s, err))
			return err ? err->code : ASSESS_ERR_IO;
	}
}

assess_code portfolio_score_stream(int fd, const char *name, FILE *out,
				   const portfolio_stream_options *o, portfolio_stream_stats *stats,
				   assess_error *err)
{
	portfolio_stream_stats local = {0};
	struct stream s = {.name = name, .out = out, .o = o, .stats = stats ? stats : &local};
	size_t max = o->max_line ? o->max_line : PORTFOLIO_MAX_LINE;
	*s.stats = (portfolio_stream_stats){0};
	location_head(&s.head, name);
	/* A result line shows no subsidy: the finance and status blocks need not be kept. */
	s.reader = answers_reader_new(o->resolve, o->ctx, o->flags | ANSWERS_NO_BLOCKS);
	lines_reader *l = s.reader && !s.head.failed ? lines_new(fd, max, flush_out, &s) : NULL;
	if (!l) {
		answers_reader_free(s.reader);
		textbuf_free(&s.head);
		return assess_nomem(err, name);
	}
	assess_code rc = read_all(&s, l, max, err);
	if (rc == ASSESS_OK && fflush(out) != 0)
		rc = assess_fail(err, ASSESS_ERR_IO, NULL, 0, 0, "cannot write the results: %s",
				 strerror(errno));
	lines_free(l);
	answers_reader_free(s.reader);
	textbuf_free(&s.line_out);
	textbuf_free(&s.unit_name);
	textbuf_free(&s.head);
	return rc;
}

assess_code portfolio_score_file(const char *path, FILE *out, const portfolio_stream_options *o,
				 portfolio_stream_stats *stats, assess_error *err)
{
	if (strcmp(path, "-") == 0)
		return portfolio_score_stream(STDIN_FILENO, "stdin", out, o, stats, err);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return assess_cannot_open(err, path, errno);
	assess_code rc = portfolio_score_stream(fd, path, out, o, stats, err);
	close(fd);
	return rc;
}
