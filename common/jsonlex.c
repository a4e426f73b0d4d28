#include "config.h"
#include "common/jsonlex.h"

#include <string.h>

size_t jsonlex_space(const char *text, size_t len, size_t i)
{
	while (i < len && (unsigned char)text[i] <= ' ')
		i++;
	return i;
}

size_t jsonlex_string(const char *text, size_t len, size_t i)
{
	for (i++; i < len && text[i] != '"'; i++)
		if (text[i] == '\\')
			i++;
	return i < len ? i + 1 : len;
}

size_t jsonlex_scalar(const char *text, size_t len, size_t i)
{
	while (i < len && (unsigned char)text[i] > ' ' && !strchr(",]}", text[i]))
		i++;
	return i;
}

size_t jsonlex_value(const char *text, size_t len, size_t i)
{
	i = jsonlex_space(text, len, i);
	if (i >= len)
		return len;
	if (text[i] == '"')
		return jsonlex_string(text, len, i);
	if (text[i] != '{' && text[i] != '[')
		return jsonlex_scalar(text, len, i);
	size_t depth = 0;
	for (; i < len; i++) {
		char c = text[i];
		if (c == '"')
			i = jsonlex_string(text, len, i) - 1;
		else if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth == 0)
			return i + 1;
	}
	return len;
}
