/* The NDJSON stream (score --ndjson) on any bytes: one output line per input line. */
#include "config.h"
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
#include "fuzz/fuzz.h"
#include "portfolio/stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!sink && !(sink = fopen("/dev/null", "w")))
		abort();
	int fd = memfd_create("fuzz.ndjson", 0);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size && lseek(fd, 0, SEEK_SET) == 0) {
		portfolio_stream_options o = {.resolve = fuzz_resolve, .max_line = 1u << 16};
		portfolio_stream_stats st = {0};
		assess_error err = {0};
		if (portfolio_score_stream(fd, "fuzz.ndjson", sink, &o, &st, &err) == ASSESS_OK &&
		    st.scored + st.failed > (size_t)st.lines)
			abort(); /* more output lines than input lines */
	}
	close(fd);
	return 0;
}
