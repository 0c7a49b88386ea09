/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LsCliCall:
 * @database: the case database the command works on
 * @options: every option given, as GApplication parsed them
 *
 * What a command's handler is given.
 */
typedef struct
{
  const char *database;
  GVariantDict *options;
} LsCliCall;

typedef gboolean (*LsCliHandler) (const LsCliCall *call, GError **error);

/**
 * LsCliCommand:
 * @long_name: the option, without "--"
 * @short_name: a one-letter option, or 0
 * @arg: what the option takes
 * @description: (not nullable): for --help, marked with N_()
 * @arg_description: (nullable): the argument's name for --help, with N_()
 * @handler: (nullable): runs the command; %NULL for an option that only
 *   tells the handlers something (--output)
 *
 * One row of the command line.  Adding a command is one handler and one
 * row of the table in ls-cli-commands.c.
 */
typedef struct
{
  const char *long_name;
  char short_name;
  GOptionArg arg;
  const char *description;
  const char *arg_description;
  LsCliHandler handler;
} LsCliCommand;

/* clang-format off */
const LsCliCommand *ls_cli_get_commands        (guint         *n_commands);
GOptionEntry       *ls_cli_dup_option_entries  (void);
gboolean            ls_cli_wants_command       (GVariantDict  *options);
int                 ls_cli_run                 (const char    *database,
                                                GVariantDict  *options);
/* clang-format on */

G_END_DECLS
