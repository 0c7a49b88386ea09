/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ls-core-test.h"
#include "ls-store.h"

/* The database's files: made private on open, opened without the write
 * lock when nothing is to be migrated, read-only when they cannot be
 * written, and left byte for byte when refused. */

static const char *binary;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;

  f->dir = ls_core_test_make_tmpdir ("files");
  f->path = g_build_filename (f->dir, "cases.db", NULL);
  store = ls_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (
      ls_store_import_document (store, example, "Maria", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_chmod (f->dir, 0700);
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static gboolean
exists_with (const char *path, const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);

  return g_file_test (file, G_FILE_TEST_EXISTS);
}

static gint64
count_exported (LsStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = ls_store_export_document (store, &error);

  g_assert_no_error (error);
  return json_array_get_length (
      json_object_get_array_member (json_node_get_object (document), "cases"));
}

/* A file someone made 0644 is made 0600; its folder is left as it is,
 * being the user's, unless it is the app's own data folder, which is made
 * 0700. */
static void
test_modes_tightened (Fixture *f, gconstpointer data)
{
  g_autofree char *own_dir =
      g_build_filename (g_get_user_data_dir (), "lexsarah", NULL);
  g_autofree char *own = g_build_filename (own_dir, "lexsarah.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;

  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  store = ls_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  g_assert_cmpuint (file_mode (f->dir), ==, 0755);
  g_clear_object (&store);

  g_assert_cmpint (g_mkdir_with_parents (own_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (own_dir, 0755), ==, 0);
  store = ls_store_open (own, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (own, 0664), ==, 0);
  g_assert_cmpint (g_chmod (own_dir, 0755), ==, 0);
  store = ls_store_open_full (own, LS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (own), ==, 0600);
  g_assert_cmpuint (file_mode (own_dir), ==, 0700);
  g_clear_object (&store);
  ls_core_test_remove_tree (own_dir);
}

/* Another program holds the write lock (an import): a database of the
 * current schema opens all the same, for writing and for reading, and
 * exports.  Opening used to take the lock to migrate, and failed after
 * the busy timeout with "database is locked". */
static void
test_open_beside_writer (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsStore) reading = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *other = ls_core_test_open_raw (f->path);
  gint64 n_cases = ls_core_test_query_int (other, "SELECT count(*) FROM cases");

  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  store = ls_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ls_store_count_cases (store, NULL, &error), ==, n_cases);
  reading = ls_store_open_full (f->path, LS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_exported (reading), ==, n_cases);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (other);
}

/* A store opened read-only refuses every write before it starts, saying
 * that the file cannot be written, not that a case is wrong; it reads. */
static void
test_read_only_store (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = ls_core_test_checksum_file (f->path);
  g_autofree char *after = NULL;
  gint64 n_cases;

  store = ls_store_open_full (f->path, LS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  n_cases = count_exported (store);
  g_assert_cmpint (n_cases, >, 0);

  g_assert_false (
      ls_store_import_document (store, example, "Maria", NULL, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_assert_null (strstr (error->message, "not valid"));
  g_clear_error (&error);

  ls_report_set_description (ls_case_get_report (lcase), "Ändrad");
  g_assert_false (ls_store_save_case (store, lcase, "Maria", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  organisation = ls_store_load_organisation (store, &error);
  g_assert_false (ls_store_save_organisation (store, organisation, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (ls_store_count_cases (store, NULL, &error), ==, n_cases);
  g_clear_object (&store);
  after = ls_core_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* A database of a newer version, open in that version (its -wal holds
 * the new user_version, its -shm the readers' marks), is refused and all
 * three files are left byte for byte. */
static void
test_newer_untouched (Fixture *f, gconstpointer data)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  sqlite3 *newer = ls_core_test_open_raw (f->path);
  char *before[3];

  g_assert_cmpint (sqlite3_exec (newer,
                                 "PRAGMA wal_autocheckpoint = 0;"
                                 "PRAGMA user_version = 99;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
      before[i] = ls_core_test_checksum_file (file);
    }

  store = ls_store_open (f->path, &error);
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_clear_error (&error);
  store = ls_store_open_full (f->path, LS_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_NEW);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *after = ls_core_test_checksum_file (file);

      g_assert_cmpstr (before[i], ==, after);
      g_free (before[i]);
    }
  sqlite3_close (newer);
}

/* Runs the application with @args on a database in @dir that cannot be
 * written: as root in a mount namespace where @dir is mounted read-only
 * (root may write any file it can reach), else with the modes taken away.
 * Returns the exit status, or 77 when no such place can be made. */
static int
run_read_only (const char *dir, const char *const *args, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (geteuid () == 0)
    {
      g_ptr_array_add (argv, (gpointer) "unshare");
      g_ptr_array_add (argv, (gpointer) "-m");
      g_ptr_array_add (argv, (gpointer) "sh");
      g_ptr_array_add (argv, (gpointer) "-c");
      g_ptr_array_add (argv,
                       (gpointer) "mount --bind \"$0\" \"$0\" && "
                                  "mount -o remount,bind,ro \"$0\" \"$0\" "
                                  "|| exit 77; exec \"$@\"");
      g_ptr_array_add (argv, (gpointer) dir);
    }
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL,
                NULL, &out, err, &status, &error);
  if (error != NULL)
    return 77;
  g_assert_cmpstr (out, ==, "");
  if (!WIFEXITED (status))
    return -1;
  return WEXITSTATUS (status);
}

/* lexsarah --import into a database that cannot be written: one line
 * saying so (not that a case is wrong), nothing changed, no -wal or -shm
 * left behind; --export of it works. */
static void
test_cli_read_only_file (Fixture *f, gconstpointer data)
{
  g_autofree char *example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  g_autofree char *out_dir = ls_core_test_make_tmpdir ("files-out");
  g_autofree char *out = g_build_filename (out_dir, "export.json", NULL);
  g_autofree char *before = ls_core_test_checksum_file (f->path);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *export_err = NULL;
  const char *import_args[] = { "--database", f->path, "--import", example,
                                NULL };
  const char *export_args[] = { "--database", f->path, "--export", out, NULL };
  int status;

  g_assert_false (exists_with (f->path, "-wal"));
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
      g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
    }

  status = run_read_only (f->dir, import_args, &err);
  if (status == 77)
    {
      g_test_skip ("No read-only place for the database can be made here");
      ls_core_test_remove_tree (out_dir);
      return;
    }
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "cannot be written"));
  g_assert_null (strstr (err, "not valid"));
  /* One line. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_false (exists_with (f->path, "-wal"));
  g_assert_false (exists_with (f->path, "-shm"));

  g_assert_cmpint (run_read_only (f->dir, export_args, &export_err), ==, 0);
  g_assert_cmpstr (export_err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_false (exists_with (f->path, "-wal"));

  g_chmod (f->dir, 0700);
  g_chmod (f->path, 0600);
  after = ls_core_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  ls_core_test_remove_tree (out_dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = NULL;

  /* The app's own data folder, in a place of this test's. */
  data_home = ls_core_test_make_tmpdir ("files-data");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  binary = argv[1];

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/files/modes-tightened", test_modes_tightened);
  ADD ("/store/files/open-beside-writer", test_open_beside_writer);
  ADD ("/store/files/read-only-store", test_read_only_store);
  ADD ("/store/files/newer-untouched", test_newer_untouched);
  ADD ("/store/files/cli-read-only-file", test_cli_read_only_file);
#undef ADD

  {
    int status = g_test_run ();

    ls_core_test_remove_tree (data_home);
    return status;
  }
}
