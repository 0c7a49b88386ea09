/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ls-core-test.h"
#include "ls-store.h"

/* The one file and its copies: the WAL folded into the database file by a
 * checkpoint, a backup written while the store is open and has saves only
 * in its -wal, and a restore that checks the copy before it replaces
 * anything, keeping what it replaced. */

typedef struct
{
  char *dir;
  char *db;
  LsStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (3);

  f->dir = ls_core_test_make_tmpdir ("backup");
  f->db = g_build_filename (f->dir, "cases.db", NULL);
  f->store = ls_store_open (f->db, &error);
  g_assert_no_error (error);
  ls_store_import_document (f->store, document, "Test", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* The cases a file holds when it is read alone, with no -wal beside it. */
static gint64
count_alone (Fixture *f, const char *path)
{
  g_autofree char *alone = g_build_filename (f->dir, "alone.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  sqlite3 *db;
  gint64 n;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (alone, contents, length, &error);
  g_assert_no_error (error);
  db = ls_core_test_open_raw (alone);
  /* Without a checkpoint even the tables may be only in the -wal. */
  n = ls_core_test_query_int (
      db, "SELECT count(*) FROM sqlite_master WHERE name = 'cases'");
  if (n > 0)
    n = ls_core_test_query_int (db, "SELECT count(*) FROM cases");
  sqlite3_close (db);
  g_unlink (alone);
  return n;
}

static void
save_numbered (Fixture *f, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (n);

  ls_store_save_case (f->store, lcase, "Test", &error);
  g_assert_no_error (error);
}

static void
test_checkpoint (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  GStatBuf st;

  save_numbered (f, 4);
  /* Still open: what was saved sits in the -wal. */
  g_assert_cmpint (count_alone (f, f->db), <, 4);

  g_assert_true (ls_store_checkpoint (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_alone (f, f->db), ==, 4);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

static void
test_backup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *missing =
      g_build_filename (f->dir, "no-such-folder", "copy.db", NULL);
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint n_files = 0;
  GStatBuf st;

  save_numbered (f, 4);
  g_assert_true (ls_store_backup (f->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_alone (f, copy), ==, 4);

  /* Written again over the old copy. */
  save_numbered (f, 5);
  g_assert_true (ls_store_backup (f->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_alone (f, copy), ==, 5);

  /* A folder that is not there: an error naming the file, and no
   * temporary file left anywhere. */
  g_assert_false (ls_store_backup (f->store, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "copy.db"));
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, ".copy.db"));
      g_assert_false (g_str_has_prefix (name, "copy.db."));
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 2);
}

static gint64
count_cases (LsStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 n = ls_store_count_cases (store, NULL, &error);

  g_assert_no_error (error);
  return n;
}

static void
changed_cb (LsStore *store, const char *uuid, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *keep = g_build_filename (f->dir, "kept.db", NULL);
  g_autofree char *uuid = ls_core_test_uuid (4);
  g_autoptr (LsCase) restored = NULL;
  guint n_changed = 0;
  GStatBuf st;

  g_assert_true (ls_store_backup (f->store, copy, &error));
  g_assert_no_error (error);
  save_numbered (f, 4);
  g_assert_cmpint (count_cases (f->store), ==, 4);
  g_assert_cmpint (ls_store_check_copy (f->store, copy, &error), ==, 3);
  g_assert_no_error (error);

  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &n_changed);
  g_assert_true (ls_store_restore (f->store, copy, keep, &error));
  g_assert_no_error (error);
  /* The copy's three cases; the fourth only in what was kept. */
  g_assert_cmpint (count_cases (f->store), ==, 3);
  restored = ls_store_load_case (f->store, uuid, &error);
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND);
  g_assert_null (restored);
  g_clear_error (&error);
  g_assert_cmpint (count_alone (f, keep), ==, 4);
  g_assert_cmpint (g_stat (keep, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_changed, >=, 1);

  /* The store goes on saving into the restored content. */
  save_numbered (f, 6);
  g_assert_cmpint (count_cases (f->store), ==, 4);
}

static void
assert_refused (Fixture *f, const char *copy, LsStoreError code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *keep = g_build_filename (f->dir, "kept.db", NULL);

  g_assert_cmpint (ls_store_check_copy (f->store, copy, &error), ==, -1);
  g_assert_error (error, LS_STORE_ERROR, code);
  g_clear_error (&error);
  g_assert_false (ls_store_restore (f->store, copy, keep, &error));
  g_assert_error (error, LS_STORE_ERROR, code);
  /* Nothing replaced, nothing kept. */
  g_assert_cmpint (count_cases (f->store), ==, 3);
  g_assert_false (g_file_test (keep, G_FILE_TEST_EXISTS));
}

static void
test_restore_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  sqlite3 *db;

  g_file_set_contents (text, "Anteckningar om ärendet\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (f, text, LS_STORE_ERROR_NOT_A_DATABASE);

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (f, empty, LS_STORE_ERROR_NOT_A_DATABASE);

  /* Another program's SQLite file. */
  db = ls_core_test_open_raw (other);
  sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL);
  sqlite3_close (db);
  assert_refused (f, other, LS_STORE_ERROR_NOT_A_DATABASE);

  g_assert_true (ls_store_backup (f->store, newer, &error));
  g_assert_no_error (error);
  db = ls_core_test_open_raw (newer);
  sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL);
  sqlite3_close (db);
  assert_refused (f, newer, LS_STORE_ERROR_TOO_NEW);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/backup/checkpoint", test_checkpoint);
  ADD ("/backup/backup", test_backup);
  ADD ("/backup/restore", test_restore);
  ADD ("/backup/restore-refuses", test_restore_refuses);
  return g_test_run ();
}
