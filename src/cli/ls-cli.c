/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ls-cli.h"
#include "ls-files.h"
#include "ls-import-check.h"
#include "ls-store.h"

/* The work behind `lexsarah --import FILE` and `--export FILE`: no window,
 * no display, one transaction. */

/**
 * ls_cli_dup_author:
 *
 * Returns: (transfer full): the name the history records for changes made
 * from the command line: the user's real name, else the login name
 */
char *
ls_cli_dup_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

/* A database made only for this import holds nothing: leave no empty
 * file behind for a document that was refused or a database that could
 * not be made (a full disk). */
static void
remove_new_database (const char *database)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (database, suffixes[i], NULL);

      g_remove (path);
    }
}

/**
 * ls_cli_print_error:
 *
 * Prints @error's message on stderr as one line of bounded length, with
 * control characters escaped, whatever a document or a file name held.
 */
void
ls_cli_print_error (const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (error != NULL);

  message = ls_files_tidy_message (error->message);
  g_printerr ("%s\n", message);
}

/**
 * ls_cli_import:
 * @database: the case database
 * @file: an exchange document
 * @author: who imports, for the history
 * @n_changed: (out) (optional): how many cases were added or changed
 *
 * Imports every case of @file, or none if anything in it is wrong.
 */
gboolean
ls_cli_import (const char *database,
               const char *file,
               const char *author,
               guint *n_changed,
               GError **error)
{
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (LsStore) store = NULL;
  gboolean existed;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  ls_files_clean_leftovers (database);
  document = ls_import_read_document (file, error);
  if (document == NULL)
    return FALSE;

  /* A server's database is never removed here. */
  existed = ls_store_location_is_server (database) ||
            g_file_test (database, G_FILE_TEST_EXISTS);
  store = ls_store_open (database, error);
  if (store != NULL &&
      ls_store_import_document (store, document, author, n_changed, error))
    return TRUE;

  g_clear_object (&store);
  if (!existed)
    remove_new_database (database);
  return FALSE;
}

/**
 * ls_cli_open_existing:
 * @database: the case database
 *
 * Opens a database that must already exist, for the commands that read
 * one: opening would otherwise create an empty database, and a mistyped
 * name would export nothing without a word.  It is opened read-only, so
 * that an export or a PDF never waits behind an import.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LsStore *
ls_cli_open_existing (const char *database, GError **error)
{
  g_return_val_if_fail (database != NULL, NULL);

  if (!ls_store_location_is_server (database))
    ls_files_clean_leftovers (database);
  if (!ls_store_location_is_server (database) &&
      !g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (database);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("There is no case database “%s”."), display);
      return NULL;
    }
  return ls_store_open_full (database, LS_STORE_OPEN_READ_ONLY, error);
}

/**
 * ls_cli_export:
 * @database: the case database
 * @file: where to write the exchange document, as ls_output_new() does:
 *   never the database, a device or a FIFO; written 0600 to a temporary
 *   file first and renamed, so that a failure never leaves half a file
 *
 * Exports the organisation and every case.
 */
gboolean
ls_cli_export (const char *database, const char *file, GError **error)
{
  g_autoptr (LsOutput) output = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  /* A file that must not be written is refused before any work. */
  output = ls_output_new (file, database, error);
  if (output == NULL)
    return FALSE;
  store = ls_cli_open_existing (database, error);
  if (store == NULL)
    return FALSE;
  document = ls_store_export_document (store, error);
  if (document == NULL)
    return FALSE;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, document);
  data = json_generator_to_data (generator, &length);

  return ls_output_write (output, data, length, error) &&
         ls_output_commit (output, error);
}

/**
 * ls_cli_backup:
 * @database: the case database
 * @file: where to write the copy
 *
 * Writes a consistent copy of @database to @file (0600, atomically), also
 * while the app has it open, and says on stdout where it went.
 */
gboolean
ls_cli_backup (const char *database, const char *file, GError **error)
{
  g_autoptr (LsStore) store = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  store = ls_cli_open_existing (database, error);
  if (store == NULL || !ls_store_backup (store, file, error))
    return FALSE;

  display = g_filename_display_name (file);
  /* Translators: %s is the file the copy was written to. */
  g_print (_ ("Wrote a backup of the case database to “%s”.\n"), display);
  return TRUE;
}
