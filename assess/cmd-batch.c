/* Placeholder until the batch command lands. */
#include "config.h"
#include <sysexits.h>
#include "assess/cli.h"

static int run(cli *c, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error(c, "batch is not implemented yet");
}

const cli_command cmd_batch = {
	.name = "batch",
	.usage = "",
	.summary = "(not implemented yet)",
	.help = "",
	.run = run,
};
