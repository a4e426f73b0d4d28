#include "config.h"
#include "common/text.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

/* Bytes a well-formed character led by c takes, or 0 for a byte no such character starts. */
static size_t seq_len(unsigned char c)
{
	if (c >= 0x80 && (c < 0xC2 || c > 0xF4))
		return 0; /* a continuation byte, an overlong two-byte lead, or past U+10FFFF */
	return text_char_len(c);
}

/* Length of a valid sequence at p, or 0. */
static size_t valid_seq(const unsigned char *p, size_t avail)
{
	size_t n = seq_len(p[0]);
	if (n == 0 || n > avail)
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!text_continues(p[i]))
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
		if (len - i >= 3 && p[i] >= 0xE1 && p[i] <= 0xEC && text_continues(p[i + 1]) &&
		    text_continues(p[i + 2])) {
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
	for (size_t i = 0; i < offset; i++) {
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
		} else if (!text_continues(ch)) {
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

size_t text_prefix_bytes(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strnlen(s, max), after = n;
	while (after > 0 && text_continues(p[after - 1]))
		after--;
	/* p[after - 1] starts the last character: it stays only when all of it is there */
	if (after > 0 && n - (after - 1) < text_char_len(p[after - 1]))
		return after - 1;
	return n;
}

int text_digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Where a suffix of k bytes starts in s when s has at least `stem` bytes before it, else NULL. */
static const char *tail(const char *s, size_t k, size_t stem)
{
	size_t n = s ? strlen(s) : 0;
	return s && n >= k + stem ? s + n - k : NULL;
}

bool text_ends_with(const char *s, const char *suffix)
{
	const char *t = tail(s, strlen(suffix), 0);
	return t && strcmp(t, suffix) == 0;
}

bool text_has_extension(const char *name, const char *ext)
{
	const char *t = tail(name, strlen(ext), 1);
	return t && strcmp(t, ext) == 0;
}

bool text_has_extension_anycase(const char *name, const char *ext)
{
	const char *t = tail(name, strlen(ext), 1);
	return t && strcasecmp(t, ext) == 0;
}

const char *text_path_folder(const char *path, size_t *len)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		*len = 1;
		return ".";
	}
	*len = slash == path ? 1 : (size_t)(slash - path); /* the root keeps its one slash */
	return path;
}

bool text_vappendf(char *buf, size_t size, size_t *used, const char *fmt, va_list ap)
{
	if (*used >= size) {
		*used = size;
		return false;
	}
	size_t room = size - *used;
	int n = vsnprintf(buf + *used, room, fmt, ap);
	if (n >= 0 && (size_t)n < room) {
		*used += (size_t)n;
		return true;
	}
	if (n < 0)
		buf[*used] = '\0';
	else /* the new text was cut to room - 1 bytes: end it where a character ends */
		buf[*used + text_prefix_bytes(buf + *used, room - 1)] = '\0';
	*used = size;
	return false;
}

bool text_appendf(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bool fitted = text_vappendf(buf, size, used, fmt, ap);
	va_end(ap);
	return fitted;
}

bool text_path_join(char *buf, size_t size, const char *dir, const char *name)
{
	int n = snprintf(buf, size, "%s/%s", dir, name);
	return n >= 0 && (size_t)n < size;
}

size_t text_prefix_chars(const char *s, size_t max, size_t *chars)
{
	size_t n = 0, bytes = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++, bytes++) {
		if (!text_continues(*p)) {
			if (n == max)
				break;
			n++;
		}
	}
	if (chars)
		*chars = n;
	return bytes;
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

size_t text_codepoint_width(unsigned long cp)
{
	if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36F))
		return 0; /* controls and combining marks take no column */
	return is_wide(cp) ? 2 : 1;
}

size_t text_display_width(const char *s)
{
	size_t w = 0;
	while (*s)
		w += text_codepoint_width(text_next_codepoint(&s));
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

/* Bytes text_fputs_escaped writes for s. */
static size_t escaped_len(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		char esc[8];
		const char *piece;
		size_t len;
		p += escape_one(p, esc, &piece, &len);
		n += len;
	}
	return n;
}

/* One %s: s escaped, cut to precision bytes first (prec < 0: all), padded to width. */
static int put_string(FILE *f, const char *s, bool left, int width, int prec)
{
	char cut[1024];
	if (!s)
		s = "(null)";
	if (prec >= 0 && strlen(s) > (size_t)prec) {
		size_t n = (size_t)prec < sizeof cut - 1 ? (size_t)prec : sizeof cut - 1;
		memcpy(cut, s, n);
		cut[n] = '\0';
		s = cut;
	}
	size_t len = escaped_len(s);
	size_t pad = width > 0 && (size_t)width > len ? (size_t)width - len : 0;
	if (!left && fprintf(f, "%*s", (int)pad, "") < 0)
		return EOF;
	if (text_fputs_escaped(s, f) == EOF)
		return EOF;
	return left && fprintf(f, "%*s", (int)pad, "") < 0 ? EOF : 0;
}

/* A number (or %c) by the conversion spec[0..n), with its * arguments already taken. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static int put_number(FILE *f, const char *spec, const char *mod, char conv, int stars,
		      const int star[2], va_list *ap)
{
	long long v = 0;
	unsigned long long u = 0;
	bool is_signed = conv == 'd' || conv == 'i' || conv == 'c';
	if (mod[0] == 'l' && mod[1] == 'l')
		is_signed ? (void)(v = va_arg(*ap, long long))
			  : (void)(u = va_arg(*ap, unsigned long long));
	else if (mod[0] == 'l')
		is_signed ? (void)(v = va_arg(*ap, long)) : (void)(u = va_arg(*ap, unsigned long));
	else if (mod[0] == 'z')
		is_signed ? (void)(v = va_arg(*ap, ssize_t)) : (void)(u = va_arg(*ap, size_t));
	else if (mod[0] == 'j')
		is_signed ? (void)(v = va_arg(*ap, intmax_t)) : (void)(u = va_arg(*ap, uintmax_t));
	else if (mod[0] == 't')
		is_signed ? (void)(v = va_arg(*ap, ptrdiff_t))
			  : (void)(u = (size_t)va_arg(*ap, ptrdiff_t));
	else
		is_signed ? (void)(v = va_arg(*ap, int)) : (void)(u = va_arg(*ap, unsigned));
	/* The spec again with "ll" for its length, so that one call prints every width of it. */
	char ll[40];
	size_t head = (size_t)(mod - spec);
	snprintf(ll, sizeof ll, "%.*s%s%c", (int)head, spec, conv == 'c' ? "" : "ll", conv);
	if (conv == 'c')
		return stars == 2   ? fprintf(f, ll, star[0], star[1], (int)v)
		       : stars == 1 ? fprintf(f, ll, star[0], (int)v)
				    : fprintf(f, ll, (int)v);
	if (is_signed)
		return stars == 2   ? fprintf(f, ll, star[0], star[1], v)
		       : stars == 1 ? fprintf(f, ll, star[0], v)
				    : fprintf(f, ll, v);
	return stars == 2   ? fprintf(f, ll, star[0], star[1], u)
	       : stars == 1 ? fprintf(f, ll, star[0], u)
			    : fprintf(f, ll, u);
}
#pragma GCC diagnostic pop

int text_vfprintf_escaped(FILE *f, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int rc = 0;
	for (const char *p = fmt; *p && rc >= 0;) {
		const char *pct = strchr(p, '%');
		size_t lit = pct ? (size_t)(pct - p) : strlen(p);
		if (lit && fwrite(p, 1, lit, f) != lit)
			rc = EOF;
		if (!pct || rc < 0)
			break;
		const char *q = pct + 1;
		bool left = false;
		for (; *q && strchr("-+ #0", *q); q++)
			left |= *q == '-';
		int star[2], stars = 0, width = 0, prec = -1;
		if (*q == '*')
			width = star[stars++] = va_arg(aq, int), q++;
		else
			for (; *q >= '0' && *q <= '9'; q++)
				width = width * 10 + (*q - '0');
		if (*q == '.') {
			q++;
			prec = 0;
			if (*q == '*')
				prec = star[stars++] = va_arg(aq, int), q++;
			else
				for (; *q >= '0' && *q <= '9'; q++)
					prec = prec * 10 + (*q - '0');
		}
		const char *mod = q;
		q += strspn(q, "hljzt");
		char conv = *q ? *q++ : '\0';
		if (conv == '%')
			rc = fputc('%', f) == EOF ? EOF : 0;
		else if (conv == 's')
			rc = put_string(f, va_arg(aq, const char *), left, width, prec);
		else if (conv && strchr("diouxXc", conv) && q - pct < 32)
			rc = put_number(f, pct, mod, conv, stars, star, &aq) < 0 ? EOF : 0;
		else
			rc = EOF; /* a conversion this does not take: the format is the program's bug */
		p = q;
	}
	va_end(aq);
	return rc;
}

int text_fprintf_escaped(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = text_vfprintf_escaped(f, fmt, ap);
	va_end(ap);
	return rc;
}
