/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-people-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-cli.h"
#include "ls-dates.h"
#include "ls-people-cli.h"
#include "ls-store.h"

/* The work behind `lexsarah --import-people STAFF.csv`, `--routines-pdf`
 * and `--staff-information-pdf`: no window, no display. */

/**
 * ls_people_cli_import:
 * @database: an existing case database, whose organisation has the units
 *   the staff list names
 * @file: the staff list (docs/people-csv.md)
 * @counts: (out) (optional): what the import did
 *
 * Imports a staff list, or nothing of it if a row is bad.
 */
gboolean
ls_people_cli_import (const char *database,
                      const char *file,
                      LsPeopleCsvCounts *counts,
                      GError **error)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GFile) list = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  /* The units the list names are the organisation's: a new, empty
   * database has none, so a mistyped name is refused rather than made. */
  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (database);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("There is no case database “%s”."), display);
      return FALSE;
    }
  store = ls_store_open (database, error);
  if (store == NULL)
    return FALSE;
  list = g_file_new_for_commandline_arg (file);
  today = ls_dates_dup_today (NULL);
  return ls_store_import_people (store, list, today, counts, error);
}

/**
 * ls_people_cli_write_pdf:
 * @output: the PDF to write, 0600, through a temporary file
 *
 * Writes the routines in force ("Rutiner enligt lex Sarah") or the
 * information sheet for staff.
 */
gboolean
ls_people_cli_write_pdf (const char *database,
                         LsPeopleDocument document,
                         const char *output,
                         GError **error)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  g_autoptr (LsFormDocument) doc = NULL;
  g_autofree char *today = ls_dates_dup_today (NULL);
  LsRoutines *routines;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  store = ls_cli_open_existing (database, error);
  if (store == NULL)
    return FALSE;
  organisation = ls_store_load_organisation (store, error);
  if (organisation == NULL)
    return FALSE;
  register_ = ls_store_load_people (store, error);
  if (register_ == NULL)
    return FALSE;
  routines = ls_people_register_get_routines_in_force (register_, today);
  if (routines == NULL && document == LS_PEOPLE_DOCUMENT_ROUTINES)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("No routines have been decided yet: decide them under "
                      "Staff and Routines first."));
      return FALSE;
    }
  doc = ls_people_documents_build (document, routines, organisation);
  return ls_form_document_write_pdf (doc, output, error);
}
