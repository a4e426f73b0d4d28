/*
 * report.h - the Excel diagnostic report of one assessment.
 *
 * One workbook: 概览 Overview, 指标明细 Indicators, 经营场景 Scenarios, 差距与建议 Gap analysis,
 * 评测依据 Method, 补贴测算 Subsidy when a subsidy result is given, 评测记录 Assessment record,
 * and 证据登记 Evidence register and 答案变更 Changed answers when the answer file's record
 * has evidence or changes. A draft (unanswered questions, or a record not finalized) says
 * 暂定 in every page header. Chinese by default.
 * The file is written through xlsx/xlsx.h: verified before it is renamed into place, so a
 * failure (a full disk included) leaves no partial .xlsx and an old report as it was.
 *
 *     report_options o = {.lang = QN_LANG_ZH};
 *     if (report_write(result, &o, "acme.xlsx", &err)) ...
 *
 * Errors: ASSESS_ERR_EXISTS when path exists and replace is false, ASSESS_ERR_CANTCREAT when
 * its folder cannot be written, ASSESS_ERR_IO (a full disk) or ASSESS_ERR_NOMEM when
 * libxlsxwriter fails; err names the path and, where it applies, the sheet. Nothing is left
 * behind on failure. The document's time is opt->created (SOURCE_DATE_EPOCH) if set, else the assessment
 * date, so the same answers give the same bytes; libxlsxwriter's scratch files go to a
 * private folder in env.scratch_dir. What each sheet shows: docs/report.md.
 *
 * Ownership: report_write borrows everything it is given and keeps nothing.
 */
#ifndef ASSESS_REPORT_H
#define ASSESS_REPORT_H

#include <stdbool.h>
#include <time.h>
#include "common/error.h"
#include "scoring/scoring.h"
#include "xlsx/xlsx.h"

struct subsidy_result; /* policies/subsidy.h */

typedef struct report_options {
	qn_lang lang;
	bool replace;                         /* replace an existing file (--force) */
	const struct subsidy_result *subsidy; /* optional: adds the 补贴测算 Subsidy sheet */
	xlsx_env env;                         /* from the CLI: scratch folder, hush */
	time_t created;                       /* document time (SOURCE_DATE_EPOCH); 0: the
						  assessment date, else now */
} report_options;

assess_code report_write(const scoring_result *r, const report_options *opt, const char *path,
			 assess_error *err);

/*
 * The report number (assessment.report_no) names the document in its ReportNo property,
 * which holds at most REPORT_NO_MAX characters (XLSX_PROPERTY_MAX) and is never cut: how many
 * characters no has when it is longer than that, 0 when it fits. report_write refuses such a
 * number; the interview refuses it as it is typed.
 */
#define REPORT_NO_MAX XLSX_PROPERTY_MAX
size_t report_no_too_long(const char *no);

#endif
