#include "config.h"
#include "common/text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static size_t seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Length of a valid sequence at p, or 0. */
static size_t valid_seq(const unsigned char *p, size_t avail)
{
	size_t n = seq_len(p[0]);
	if (n == 0 || n > avail)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if (n == 3 && p[0] == 0xE0 && p[1] < 0xA0)
		return 0; /* overlong */
	if (n == 3 && p[0] == 0xED && p[1] >= 0xA0)
		return 0; /* surrogate */
	if (n == 4 && p[0] == 0xF0 && p[1] < 0x90)
		return 0; /* overlong */
	if (n == 4 && p[0] == 0xF4 && p[1] >= 0x90)
		return 0; /* beyond U+10FFFF */
	return n;
}

bool text_utf8_valid(const char *buf, size_t len, size_t *bad_offset)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t i = 0;
	while (i < len) {
		/* Answer files are mostly ASCII: skip eight such bytes at a time. */
		if (len - i >= 8) {
			uint64_t word;
			memcpy(&word, p + i, 8);
			if (!(word & 0x8080808080808080ULL)) {
				i += 8;
				continue;
			}
		}
		/* Chinese is mostly three-byte characters led by E1..EC, valid with any two
		 * continuation bytes (E0 and ED are the leads with overlongs and surrogates). */
		if (len - i >= 3 && p[i] >= 0xE1 && p[i] <= 0xEC && (p[i + 1] & 0xC0) == 0x80 &&
		    (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		size_t n = valid_seq(p + i, len - i);
		if (n == 0) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += n;
	}
	return true;
}

void text_position(const char *buf, size_t offset, int *line, int *column)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < offset && buf[i]; i++) {
		unsigned char ch = (unsigned char)buf[i];
		/*
		 * A line ends at LF, CR LF or a lone CR (old Mac files): each counts once. Nothing
		 * at or past offset is read, so a CR just before it counts as a line end.
		 */
		if (ch == '\n' || (ch == '\r' && (i + 1 == offset || buf[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if (ch == '\r') {
			continue;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*column = c;
}

unsigned long text_next_codepoint(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t avail = p[0] ? 4 : 0;
	for (size_t i = 1; i < 4 && avail > i; i++)
		if (!p[i])
			avail = i;
	size_t n = avail ? valid_seq(p, avail) : 0;
	if (n == 0) {
		*s += 1;
		return 0xFFFD;
	}
	unsigned long cp = n == 1 ? p[0] : p[0] & (0xFF >> (n + 1));
	for (size_t i = 1; i < n; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	*s += n;
	return cp;
}

static bool is_wide(unsigned long cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t text_display_width(const char *s)
{
	size_t w = 0;
	while (*s) {
		unsigned long cp = text_next_codepoint(&s);
		if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36F))
			continue; /* controls and combining marks take no column */
		w += is_wide(cp) ? 2 : 1;
	}
	return w;
}

/*
 * One character of s as it may reach a terminal: its bytes when printable, else an escape in
 * esc. Returns the bytes of s it stands for.
 */
static size_t escape_one(const unsigned char *s, char esc[8], const char **out, size_t *out_len)
{
	unsigned c = s[0];
	size_t n = valid_seq(s, 4); /* a NUL ends a sequence before any byte past it is read */
	if (n == 1 && c >= 0x20 && c != 0x7F) {
		*out = (const char *)s;
		*out_len = 1;
		return 1;
	}
	if (n == 2 && c == 0xC2 && s[1] < 0xA0) /* C1: U+0080..U+009F, CSI among them */
		*out_len = (size_t)snprintf(esc, 8, "\\u%04X", (unsigned)s[1]);
	else if (n > 1) {
		*out = (const char *)s;
		*out_len = n;
		return n;
	} else if (c == '\n' || c == '\t' || c == '\r')
		*out_len = (size_t)snprintf(esc, 8, "\\%c",
					    c == '\n'   ? 'n'
					    : c == '\t' ? 't'
							: 'r');
	else
		*out_len = (size_t)snprintf(esc, 8, "\\x%02X", c); /* control, DEL, or a bad byte */
	*out = esc;
	return n ? n : 1;
}

char *text_escape(const char *s, char *out, size_t size)
{
	size_t k = 0;
	if (!size)
		return out;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		char esc[8];
		const char *piece;
		size_t len;
		size_t used = escape_one(p, esc, &piece, &len);
		if (k + len >= size)
			break; /* cut before a character or escape that does not fit whole */
		memcpy(out + k, piece, len);
		k += len;
		p += used;
	}
	out[k] = '\0';
	return out;
}

int text_fputs_escaped(const char *s, FILE *f)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		char esc[8];
		const char *piece;
		size_t len;
		p += escape_one(p, esc, &piece, &len);
		if (fwrite(piece, 1, len, f) != len)
			return EOF;
	}
	return 0;
}
