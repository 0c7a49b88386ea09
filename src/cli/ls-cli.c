/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ls-cli.h"
#include "ls-store.h"

/* The work behind `lexsarah --import FILE` and `--export FILE`: no window,
 * no display, one transaction. */

#define EXPORT_MODE 0600

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
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean existed;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!json_parser_load_from_file (parser, file, &local_error))
    {
      g_autofree char *display = g_filename_display_name (file);

      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Could not read “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }

  existed = g_file_test (database, G_FILE_TEST_EXISTS);
  store = ls_store_open (database, error);
  if (store == NULL)
    return FALSE;
  if (ls_store_import_document (store, json_parser_get_root (parser), author,
                                n_changed, error))
    return TRUE;

  /* A database made only for this import holds nothing: leave no empty
   * file behind for a document that was refused. */
  g_clear_object (&store);
  if (!existed)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (database, suffixes[i], NULL);

          g_remove (path);
        }
    }
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

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
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
 * @file: where to write the exchange document; written 0600 to a
 *   temporary file first and renamed, so that a failure never leaves half
 *   a file
 *
 * Exports the organisation and every case.
 */
gboolean
ls_cli_export (const char *database, const char *file, GError **error)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

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

  /* GLib's message names the file. */
  if (!g_file_set_contents_full (file, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT |
                                     G_FILE_SET_CONTENTS_DURABLE,
                                 EXPORT_MODE, error))
    return FALSE;
  return TRUE;
}
