/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ls-files.h"
#include "ls-import-check.h"
#include "ls-store.h"

/* A fuzz target for the importer: each input is imported, as the command
 * line does, into a copy of a database holding the example.  A refused
 * input must leave the database's export as it was.  An accepted one is
 * exported, the export imported again, which must change nothing, and
 * the file must pass SQLite's integrity check.
 *
 * Built with -DLS_FUZZ_LIBFUZZER and -fsanitize=fuzzer it is a libFuzzer
 * target; otherwise main() replays the files and folders it is given, as
 * the test suite does with the corpus. */

static char *work_dir;
static char *db_path;
static GBytes *base_db;
static char *base_export;

#define CHECK(cond, what)                                                      \
  G_STMT_START                                                                 \
  {                                                                            \
    if (!(cond))                                                               \
      {                                                                        \
        fprintf (stderr, "fuzz-import: %s\n", what);                           \
        abort ();                                                              \
      }                                                                        \
  }                                                                            \
  G_STMT_END

static char *
export_text (LsStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = ls_store_export_document (store, &error);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  if (document == NULL)
    fprintf (stderr, "fuzz-import: export failed: %s\n", error->message);
  CHECK (document != NULL, "an export failed");
  json_generator_set_root (generator, document);
  return json_generator_to_data (generator, NULL);
}

static void
remove_database (void)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

static void
set_up_once (void)
{
  g_autofree char *example = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (base_db != NULL)
    return;
  /* A warning or a critical, such as a GError set twice, is a bug found. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  work_dir = g_dir_make_tmp ("ls-fuzz-XXXXXX", &error);
  CHECK (work_dir != NULL, "no temporary folder");
  db_path = g_build_filename (work_dir, "cases.db", NULL);

  store = ls_store_open (db_path, &error);
  CHECK (store != NULL, "the database did not open");
  document = ls_import_read_document (example, &error);
  CHECK (document != NULL, "the example did not read");
  CHECK (ls_store_import_document (store, document, "Fuzz", NULL, &error),
         "the example was refused");
  base_export = export_text (store);
  g_clear_object (&store);
  /* Closed: the whole database is in its one file. */
  CHECK (g_file_get_contents (db_path, &text, &length, &error),
         "the database did not read");
  base_db = g_bytes_new_take (g_steal_pointer (&text), length);
}

static void
check_integrity (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  CHECK (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) ==
             SQLITE_OK,
         "the database did not open for its check");
  sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  ok = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  CHECK (ok, "the database failed its integrity check");
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *after = NULL;
  gboolean accepted = FALSE;

  set_up_once ();
  if (size > LS_FILES_MAX_INPUT)
    return 0;
  remove_database ();
  CHECK (g_file_set_contents_full (db_path, g_bytes_get_data (base_db, NULL),
                                   g_bytes_get_size (base_db),
                                   G_FILE_SET_CONTENTS_NONE, 0600, NULL),
         "the database could not be copied");
  store = ls_store_open (db_path, &error);
  CHECK (store != NULL, "the database did not open");

  document = ls_import_parse_document ((const char *) data, size, &error);
  if (document != NULL)
    accepted = ls_store_import_document (store, document, "Fuzz", NULL, &error);
  if (!accepted)
    {
      /* Refused with a message, and nothing written. */
      CHECK (error != NULL && error->message[0] != '\0', "refused in silence");
      after = export_text (store);
      CHECK (g_str_equal (after, base_export),
             "a refused document changed the database");
    }
  else
    {
      g_autofree char *again = NULL;
      g_autoptr (JsonNode) exported = NULL;
      guint n_changed = 99;

      /* What went in comes out, and goes in again unchanged. */
      after = export_text (store);
      exported = ls_import_parse_document (after, strlen (after), &error);
      if (exported == NULL)
        fprintf (stderr, "fuzz-import: %s\n", error->message);
      CHECK (exported != NULL, "an export could not be read back");
      if (!ls_store_import_document (store, exported, "Fuzz", &n_changed,
                                     &error))
        fprintf (stderr, "fuzz-import: %s\n", error->message);
      CHECK (error == NULL, "an export could not be imported back");
      CHECK (n_changed == 0, "importing an export changed cases");
      again = export_text (store);
      CHECK (g_str_equal (after, again), "importing an export changed it");
    }
  g_clear_object (&store);
  check_integrity ();
  return 0;
}

#ifndef LS_FUZZ_LIBFUZZER
static guint
replay (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      CHECK (dir != NULL, "a corpus folder did not open");
      for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        n += replay (names->pdata[i]);
      return n;
    }
  CHECK (g_file_get_contents (path, &data, &length, &error),
         "an input did not read");
  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  return 1;
}

int
main (int argc, char *argv[])
{
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: fuzz-import FILE-OR-FOLDER...\n");
      return 2;
    }
  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);
  printf ("%u inputs replayed\n", n);
  if (work_dir != NULL)
    {
      remove_database ();
      g_rmdir (work_dir);
    }
  g_clear_pointer (&base_db, g_bytes_unref);
  g_free (base_export);
  g_free (db_path);
  g_free (work_dir);
  return n > 0 ? 0 : 1;
}
#endif
