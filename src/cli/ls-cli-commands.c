/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ls-cli-commands.h"
#include "ls-cli.h"
#include "ls-form-cli.h"
#include "ls-ivo-package.h"
#include "ls-people-cli.h"
#include "ls-statistics-cli.h"
#include "ls-store-connect.h"

/* The command line: one table that LsApplication's option entries and
 * its handle_local_options read.  The commands run before any display is
 * opened, in the order of the table, and the first that fails stops the
 * rest. */

static gboolean
run_import (const LsCliCall *call, GError **error)
{
  g_autofree char *file = NULL;
  g_autofree char *author = ls_cli_dup_author ();

  g_variant_dict_lookup (call->options, "import", "^ay", &file);
  return ls_cli_import (call->database, file, author, NULL, error);
}

static gboolean
run_export (const LsCliCall *call, GError **error)
{
  g_autofree char *file = NULL;

  g_variant_dict_lookup (call->options, "export", "^ay", &file);
  return ls_cli_export (call->database, file, error);
}

static gboolean
run_backup (const LsCliCall *call, GError **error)
{
  g_autofree char *file = NULL;

  g_variant_dict_lookup (call->options, "backup", "^ay", &file);
  return ls_cli_backup (call->database, file, error);
}

/* Both PDF options: the notification is written if both are given. */
static gboolean
run_pdf (const LsCliCall *call, GError **error)
{
  g_autofree char *regno = NULL;
  g_autofree char *output = NULL;
  LsFormCliDocument document = LS_FORM_CLI_NOTIFICATION;

  if (!g_variant_dict_lookup (call->options, "notification-pdf", "s", &regno))
    {
      g_variant_dict_lookup (call->options, "investigation-pdf", "s", &regno);
      document = LS_FORM_CLI_INVESTIGATION;
    }
  if (!g_variant_dict_lookup (call->options, "output", "^ay", &output))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _ ("Name the PDF file to write with --output."));
      return FALSE;
    }
  return ls_form_cli_write_pdf (call->database, regno, document, output, error);
}

/* The package for IVO: into the folder given with --output. */
static gboolean
run_ivo_package (const LsCliCall *call, GError **error)
{
  g_autofree char *regno = NULL;
  g_autofree char *output = NULL;
  g_autoptr (LsStore) store = NULL;

  g_variant_dict_lookup (call->options, "ivo-package", "s", &regno);
  if (!g_variant_dict_lookup (call->options, "output", "^ay", &output))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _ ("Name the folder to write the package into with "
                              "--output."));
      return FALSE;
    }
  store = ls_cli_open_existing (call->database, error);
  return store != NULL &&
         ls_ivo_package_write (store, regno, NULL, output, NULL, error);
}

static gboolean
run_import_people (const LsCliCall *call, GError **error)
{
  g_autofree char *file = NULL;

  g_variant_dict_lookup (call->options, "import-people", "^ay", &file);
  return ls_people_cli_import (call->database, file, NULL, error);
}

/* Both options may be given; each needs --output, so the routines win. */
static gboolean
run_people_pdf (const LsCliCall *call, GError **error)
{
  g_autofree char *output = NULL;
  LsPeopleDocument document =
      g_variant_dict_contains (call->options, "routines-pdf")
          ? LS_PEOPLE_DOCUMENT_ROUTINES
          : LS_PEOPLE_DOCUMENT_STAFF_INFORMATION;

  if (!g_variant_dict_lookup (call->options, "output", "^ay", &output))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _ ("Name the PDF file to write with --output."));
      return FALSE;
    }
  return ls_people_cli_write_pdf (call->database, document, output, error);
}

/* Run by a municipality's IT as the database's owner; it may be run
 * again after an update of Lex Sarah. */
static gboolean
run_init_shared (const LsCliCall *call, GError **error)
{
  g_autofree char *conninfo = NULL;

  g_variant_dict_lookup (call->options, "init-shared-database", "s", &conninfo);
  if (!ls_store_location_is_server (conninfo))
    {
      g_set_error_literal (
          error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
          _ ("--init-shared-database needs a PostgreSQL connection, such as "
             "postgresql://server/lexsarah or service=lexsarah."));
      return FALSE;
    }
  if (!ls_store_server_init_shared (conninfo, error))
    return FALSE;
  g_print ("%s\n", _ ("The shared case database is set up: add people with "
                      "their roles as docs/team-mode.md describes."));
  return TRUE;
}

static const LsCliCommand commands[] = {
  { "database", 'd', G_OPTION_ARG_FILENAME,
    N_ ("Use the case database in FILE instead of the default one"),
    N_ ("FILE"), NULL },
  { "init-shared-database", 0, G_OPTION_ARG_STRING,
    N_ ("Set up the shared PostgreSQL case database CONNINFO for a team: its "
        "tables, group roles and rights; then quit"),
    N_ ("CONNINFO"), run_init_shared },
  { "import", 0, G_OPTION_ARG_FILENAME,
    N_ ("Import the cases of an exchange document FILE and quit"), N_ ("FILE"),
    run_import },
  { "export", 0, G_OPTION_ARG_FILENAME,
    N_ ("Export every case to an exchange document FILE and quit"), N_ ("FILE"),
    run_export },
  { "backup", 0, G_OPTION_ARG_FILENAME,
    N_ ("Write a copy of the case database to FILE, safely while the app "
        "runs, and quit"),
    N_ ("FILE"), run_backup },
  { "notification-pdf", 0, G_OPTION_ARG_STRING,
    N_ ("Write the notification form of case REGNO to the file given with "
        "--output and quit"),
    N_ ("REGNO"), run_pdf },
  { "investigation-pdf", 0, G_OPTION_ARG_STRING,
    N_ ("Write the investigation of case REGNO to the file given with "
        "--output and quit"),
    N_ ("REGNO"), run_pdf },
  { "ivo-package", 0, G_OPTION_ARG_STRING,
    N_ ("Write the package for IVO of case REGNO (the form, the finished "
        "investigation, the routines, the attachments chosen to go with the "
        "notification and a list of them) into the new folder given with "
        "--output and quit"),
    N_ ("REGNO"), run_ivo_package },
  { "import-people", 0, G_OPTION_ARG_FILENAME,
    N_ ("Import the people who must report from a staff list FILE (CSV) and "
        "quit"),
    N_ ("FILE"), run_import_people },
  { "routines-pdf", 0, G_OPTION_ARG_NONE,
    N_ ("Write the routines in force to the file given with --output and "
        "quit"),
    NULL, run_people_pdf },
  { "staff-information-pdf", 0, G_OPTION_ARG_NONE,
    N_ ("Write the information sheet for staff to the file given with "
        "--output and quit"),
    NULL, run_people_pdf },
  { "output", 'o', G_OPTION_ARG_FILENAME,
    N_ ("The PDF file the --…-pdf options write, or the folder of "
        "--ivo-package"),
    N_ ("FILE"), NULL },
  { "statistics", 0, G_OPTION_ARG_NONE,
    N_ ("Write the statistics of the reports received from --from to --to "
        "to the CSV file given with --csv, or as PDF to --output, and quit"),
    NULL, ls_statistics_cli_run_statistics },
  { "digest", 0, G_OPTION_ARG_NONE,
    N_ ("Write the pseudonymised learning digest of the investigations "
        "concluded from --from to --to to the PDF file given with --output, "
        "and quit"),
    NULL, ls_statistics_cli_run_digest },
  { "from", 0, G_OPTION_ARG_STRING,
    N_ ("The first day of the period of --statistics or --digest"), N_ ("DATE"),
    NULL },
  { "to", 0, G_OPTION_ARG_STRING,
    N_ ("The last day of the period of --statistics or --digest"), N_ ("DATE"),
    NULL },
  { "csv", 0, G_OPTION_ARG_FILENAME, N_ ("The CSV file --statistics writes"),
    N_ ("FILE"), NULL },
};

/**
 * ls_cli_get_commands:
 * @n_commands: (out): the number of rows
 *
 * Returns: (transfer none) (array length=n_commands): the table
 */
const LsCliCommand *
ls_cli_get_commands (guint *n_commands)
{
  g_return_val_if_fail (n_commands != NULL, NULL);

  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

/**
 * ls_cli_dup_option_entries:
 *
 * Returns: (transfer full): the table as option entries for
 *   g_application_add_main_option_entries(), ended by an empty one; free
 *   the array (not its strings) with g_free()
 */
GOptionEntry *
ls_cli_dup_option_entries (void)
{
  GOptionEntry *entries = g_new0 (GOptionEntry, G_N_ELEMENTS (commands) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      entries[i].long_name = commands[i].long_name;
      entries[i].short_name = commands[i].short_name;
      entries[i].arg = commands[i].arg;
      entries[i].description = commands[i].description;
      entries[i].arg_description = commands[i].arg_description;
    }
  return entries;
}

/**
 * ls_cli_wants_command:
 * @options: the options given
 *
 * Returns: whether @options ask for a command, which runs without a window
 */
gboolean
ls_cli_wants_command (GVariantDict *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (commands[i].handler != NULL &&
        g_variant_dict_contains (options, commands[i].long_name))
      return TRUE;
  return FALSE;
}

/**
 * ls_cli_run:
 * @database: the case database
 * @options: the options given
 *
 * Runs every command @options ask for, each handler once however many of
 * its options are given.  A failure is one line on stderr.
 *
 * Returns: the exit status
 */
int
ls_cli_run (const char *database, GVariantDict *options)
{
  LsCliCall call = { database, options };
  g_autoptr (GPtrArray) done = g_ptr_array_new ();

  g_return_val_if_fail (database != NULL, EXIT_FAILURE);
  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr (GError) error = NULL;
      LsCliHandler handler = commands[i].handler;

      if (handler == NULL ||
          !g_variant_dict_contains (options, commands[i].long_name) ||
          g_ptr_array_find (done, handler, NULL))
        continue;
      g_ptr_array_add (done, handler);
      if (!handler (&call, &error))
        {
          ls_cli_print_error (error);
          return EXIT_FAILURE;
        }
    }
  return EXIT_SUCCESS;
}
