/* common/grow.h: an array that doubles as it grows, and refuses a size past size_t. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include "common/grow.h"
#include "tests/unit/test.h"

/* grow_array() that must succeed with a capacity of want. */
static void *grown(void *items, size_t *cap, size_t need, size_t size, size_t first, size_t want)
{
	void *g = grow_array(items, cap, need, size, first);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(*cap, want);
	return g;
}

START_TEST(grow_gives_an_empty_array_its_first_room)
{
	size_t cap = 0;
	int *items = grown(NULL, &cap, 0, sizeof *items, 16, 16);
	ck_assert_ptr_eq(grown(items, &cap, 0, sizeof *items, 16, 16), items);
	free(items);
}
END_TEST

START_TEST(grow_first_growth_takes_first)
{
	size_t cap = 0;
	int *items = grown(NULL, &cap, 1, sizeof *items, 16, 16);
	for (int i = 0; i < 16; i++)
		items[i] = i;
	ck_assert_ptr_eq(grown(items, &cap, 16, sizeof *items, 16, 16), items);
	free(items);
}
END_TEST

START_TEST(grow_doubles_and_keeps_the_elements)
{
	size_t cap = 0;
	int *items = NULL;
	for (int i = 0; i < 100; i++) {
		size_t want = i < 8 ? 8 : i < 16 ? 16 : i < 32 ? 32 : i < 64 ? 64 : 128;
		items = grown(items, &cap, (size_t)i + 1, sizeof *items, 8, want);
		items[i] = i;
	}
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(items[i], i);
	free(items);
}
END_TEST

START_TEST(grow_past_double_doubles_until_it_holds_need)
{
	size_t cap = 0;
	char *items = grown(NULL, &cap, 1000, 1, 256, 1024);
	items = grown(items, &cap, 5000, 1, 256, 8192);
	free(items);
}
END_TEST

START_TEST(grow_refuses_a_size_past_size_t)
{
	size_t cap = 0;
	double *items = grown(NULL, &cap, 4, sizeof *items, 4, 4);
	items[3] = 0.5;
	size_t max = SIZE_MAX / sizeof *items;
	ck_assert_ptr_null(grow_array(items, &cap, max + 1, sizeof *items, 4));
	ck_assert_ptr_null(grow_array(items, &cap, SIZE_MAX, sizeof *items, 4));
	ck_assert_uint_eq(cap, 4);
	ck_assert_ptr_null(grow_array(NULL, &(size_t){0}, 3, SIZE_MAX / 2, 4));
	/* 16 elements of this size are 16 bytes more than SIZE_MAX: unchecked, they wrap to 16. */
	size_t huge = SIZE_MAX / 16 + 2, none = 0;
	ck_assert_ptr_null(grow_array(NULL, &none, 16, huge, 16));
	ck_assert_uint_eq(none, 0);
	/* The array is as it was and still grows. */
	ck_assert(items[3] == 0.5);
	items = grown(items, &cap, 5, sizeof *items, 4, 8);
	ck_assert(items[3] == 0.5);
	free(items);
}
END_TEST

TCase *make_grow_tcase(void)
{
	const TTest *tests[] = {grow_gives_an_empty_array_its_first_room,
				grow_first_growth_takes_first,
				grow_doubles_and_keeps_the_elements,
				grow_past_double_doubles_until_it_holds_need,
				grow_refuses_a_size_past_size_t,
				NULL};
	return test_tcase("grow", NULL, NULL, 0, tests);
}
