/* The progress line `assess batch` shows on a terminal. */
#include "config.h"
#include "portfolio/batch.h"

#include <stdio.h>
#include <string.h>
#include "common/decimal.h"
#include "common/text.h"

#define BAR 20

static void clock_text(double seconds, char *buf, size_t size)
{
	long s = seconds < 0 ? 0 : seconds > 359999 ? 359999 : (long)(seconds + 0.5);
	if (s >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

void portfolio_progress_line(const portfolio_progress *p, qn_lang lang, char *buf, size_t size)
{
	char done[32], total[32], rate_text[32], eta[32];
	double rate = p->seconds > 0 ? (double)p->done / p->seconds : 0;
	size_t used = 0;
	decimal_format_yuan((int64_t)p->done, done, sizeof done);
	decimal_format_yuan((int64_t)(rate + 0.5), rate_text, sizeof rate_text);
	buf[0] = '\0';
	if (p->total) {
		size_t shown = p->done < p->total ? p->done : p->total;
		char bar[BAR + 1];
		size_t filled = shown * BAR / p->total;
		memset(bar, '#', filled);
		memset(bar + filled, '-', BAR - filled);
		bar[BAR] = '\0';
		decimal_format_yuan((int64_t)p->total, total, sizeof total);
		text_appendf(buf, size, &used, "[%s] %3zu%%  %s/%s", bar, shown * 100 / p->total,
			     done, total);
	} else {
		text_appendf(buf, size, &used, "%s", done);
	}
	if (p->seconds >= 0.5)
		text_appendf(buf, size, &used, "  %s/s", rate_text);
	if (p->total && rate > 0 && !p->final && p->done < p->total) {
		clock_text((double)(p->total - p->done) / rate, eta, sizeof eta);
		text_appendf(buf, size, &used, "  ETA %s", eta);
	}
	if (p->final) {
		clock_text(p->seconds, eta, sizeof eta);
		text_appendf(buf, size, &used, lang == QN_LANG_EN ? "  in %s" : "  用时 %s", eta);
	}
	if (p->failed)
		text_appendf(buf, size, &used, lang == QN_LANG_EN ? "  %zu failed" : "  失败 %zu",
			     p->failed);
}
