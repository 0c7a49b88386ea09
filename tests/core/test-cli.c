/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "ls-cli.h"
#include "ls-core-test.h"
#include "ls-store.h"

/* Runs the real application binary, as a user would from a terminal, with
 * no display at all. */

static const char *binary;

typedef struct
{
  char *dir;
  char *db;
  char *example;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = ls_core_test_make_tmpdir ("cli");
  f->db = g_build_filename (f->dir, "cases.db", NULL);
  f->example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->example);
}

/* Runs the binary with the arguments; returns its exit status and what it
 * wrote on stdout and stderr. */
static int
run_va (char **out, char **err, va_list args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) binary);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  process =
      ls_core_test_run_command ((const char *const *) argv->pdata, out, err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* As run_va(), for the commands that write nothing on stdout. */
static int
run (char **err, ...)
{
  g_autofree char *out = NULL;
  va_list args;
  int status;

  va_start (args, err);
  status = run_va (&out, err, args);
  va_end (args);
  /* Sensitive data never goes to stdout. */
  g_assert_cmpstr (out, ==, "");
  return status;
}

static int
run_with_output (char **out, char **err, ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = run_va (out, err, args);
  va_end (args);
  return status;
}

/* One line, ending in a newline, holding @part. */
static void
assert_one_line (const char *err, const char *part)
{
  g_test_message ("stderr: %s", err);
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_nonnull (strstr (err, part));
}

static gint64
count_history (const char *path)
{
  sqlite3 *db = ls_core_test_open_raw (path);
  gint64 n = ls_core_test_query_int (db, "SELECT count(*) FROM history");

  sqlite3_close (db);
  return n;
}

static void
test_import_export (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) a = json_parser_new ();
  g_autoptr (JsonParser) b = json_parser_new ();
  g_autoptr (GError) error = NULL;
  struct stat st;
  gint64 n_history;

  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ls_core_test_count_cases (f->db), ==, 2);
  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  n_history = count_history (f->db);

  /* Twice: nothing changes. */
  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ls_core_test_count_cases (f->db), ==, 2);
  g_assert_cmpint (count_history (f->db), ==, n_history);

  /* Export: 0600, and exactly the document that went in. */
  g_assert_cmpint (run (&err, "-d", f->db, "--export", out, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  json_parser_load_from_file (a, f->example, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (b, out, &error);
  g_assert_no_error (error);
  g_assert_true (ls_core_test_json_equal (json_parser_get_root (a),
                                          json_parser_get_root (b)));
}

/* --backup while another program has the database open with saves only in
 * its -wal: the copy alone holds them, 0600, and stdout says where it is. */
static void
test_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *missing =
      g_build_filename (f->dir, "no-such-folder", "copy.db", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (7);
  sqlite3 *db;
  struct stat st;

  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  store = ls_store_open (f->db, &error);
  g_assert_no_error (error);
  ls_store_save_case (store, lcase, "Test", &error);
  g_assert_no_error (error);

  g_assert_cmpint (
      run_with_output (&out, &err, "--database", f->db, "--backup", copy, NULL),
      ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, copy));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (copy_wal, G_FILE_TEST_EXISTS));
  db = ls_core_test_open_raw (copy);
  g_assert_cmpint (ls_core_test_query_int (db, "SELECT count(*) FROM cases"),
                   ==, 3);
  sqlite3_close (db);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Where it cannot write: one line naming the file, exit 1. */
  g_assert_cmpint (run_with_output (&out, &err, "--database", f->db, "--backup",
                                    missing, NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_line (err, "copy.db");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_import_failures (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.json", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  before = ls_core_test_checksum_file (f->db);

  /* A file that does not exist. */
  g_assert_cmpint (run (&err, "--database", f->db, "--import",
                        "/nonexistent/cases.json", NULL),
                   !=, 0);
  assert_one_line (err, "cases.json");
  g_clear_pointer (&err, g_free);

  /* Not JSON. */
  g_file_set_contents (junk, "Det här är inte JSON {", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (&err, "--database", f->db, "--import", junk, NULL), !=,
                   0);
  assert_one_line (err, "junk.json");
  g_clear_pointer (&err, g_free);

  /* A document with a bad personal identity number in its second case,
   * with a changed first case: nothing of either is imported. */
  g_file_get_contents (f->example, &text, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GString) spoiled = g_string_new (text);

    g_assert_cmpuint (
        g_string_replace (spoiled, "19520228-4781", "19520228-4782", 0), ==, 1);
    g_assert_cmpuint (g_string_replace (spoiled, "Kim Berg", "Kim Bergh", 1),
                      ==, 1);
    g_file_set_contents (bad, spoiled->str, -1, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (run (&err, "--database", f->db, "--import", bad, NULL), !=,
                   0);
  assert_one_line (err, "VON-2026-0004");
  g_assert_nonnull (strstr (err, "personal_number"));
  /* The message never repeats the number. */
  g_assert_null (strstr (err, "19520228"));
  g_clear_pointer (&err, g_free);

  /* Nothing was written. */
  after = ls_core_test_checksum_file (f->db);
  g_assert_cmpstr (before, ==, after);

  /* Into a database that did not exist: not even an empty one is left. */
  g_assert_cmpint (run (&err, "--database", fresh, "--import", bad, NULL), !=,
                   0);
  assert_one_line (err, "VON-2026-0004");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_export_failures (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *unwritable =
      g_build_filename (f->dir, "no-such-folder", "out.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_clear_pointer (&err, g_free);

  /* An unwritable path. */
  g_assert_cmpint (
      run (&err, "--database", f->db, "--export", unwritable, NULL), !=, 0);
  assert_one_line (err, "out.json");
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));

  /* A database that does not exist is not made, nor exported empty. */
  g_assert_cmpint (run (&err, "--database", missing, "--export", out, NULL), !=,
                   0);
  assert_one_line (err, "missing.db");
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* A database of a newer version is left as it is. */
  db = ls_core_test_open_raw (f->db);
  g_assert_cmpint (
      sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (db);
  before = ls_core_test_checksum_file (f->db);
  g_assert_cmpint (run (&err, "--database", f->db, "--export", out, NULL), !=,
                   0);
  assert_one_line (err, "newer version");
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), !=, 0);
  assert_one_line (err, "newer version");
  after = ls_core_test_checksum_file (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_a_database (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *before = ls_core_test_checksum_file (f->example);
  g_autofree char *after = NULL;

  /* The exchange document given as the database, by mistake. */
  g_assert_cmpint (run (&err, "--database", f->example, "--export", out, NULL),
                   !=, 0);
  assert_one_line (err, "not a Lex Sarah case database");
  after = ls_core_test_checksum_file (f->example);
  g_assert_cmpstr (before, ==, after);
}

/* The notification form and the investigation of a case, as PDF, without
 * a display: whole, private, and never half-written. */
static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *form = g_build_filename (f->dir, "anmälan.pdf", NULL);
  g_autofree char *report = g_build_filename (f->dir, "utredning.pdf", NULL);
  g_autofree char *unwritable =
      g_build_filename (f->dir, "no-such-folder", "anmälan.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  struct stat st;
  guint n_files = 0;

  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, "--database", f->db, "--notification-pdf",
                        "VON-2026-0003", "--output", form, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&err, "-d", f->db, "--investigation-pdf",
                        "VON-2026-0003", "-o", report, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? form : report;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      /* Complete: a PDF ends with its end-of-file marker. */
      g_assert_nonnull (g_strrstr_len (contents + length - 32, 32, "%%EOF"));
      g_clear_pointer (&contents, g_free);
    }

  /* An unknown case: a clear message, no file, and not the number typed,
   * which may be anything. */
  g_assert_cmpint (run (&err, "--database", f->db, "--notification-pdf",
                        "VON-2026-9999\x1b[2J", "--output", unwritable, NULL),
                   !=, 0);
  assert_one_line (err, "No case has the registration number given.");
  g_assert_null (strstr (err, "VON-2026-9999"));
  g_assert_null (strchr (err, '\x1b'));
  g_clear_pointer (&err, g_free);

  /* An unwritable path: a clear message, and no half-written file or
   * temporary file left behind. */
  g_assert_cmpint (run (&err, "--database", f->db, "--notification-pdf",
                        "VON-2026-0003", "--output", unwritable, NULL),
                   !=, 0);
  assert_one_line (err, "anmälan.pdf");
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));

  /* No output named. */
  g_assert_cmpint (run (&err, "--database", f->db, "--notification-pdf",
                        "VON-2026-0003", NULL),
                   !=, 0);
  assert_one_line (err, "--output");
  g_clear_pointer (&err, g_free);

  /* A database that does not exist is not made. */
  g_assert_cmpint (run (&err, "--database", missing, "--notification-pdf",
                        "VON-2026-0003", "--output", form, NULL),
                   !=, 0);
  assert_one_line (err, "missing.db");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Only the database, its journal files and the two PDFs are there. */
  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    {
      g_test_message ("%s", name);
      g_assert_true (g_str_has_prefix (name, "cases.db") ||
                     g_str_has_suffix (name, ".pdf"));
      if (g_str_has_suffix (name, ".pdf"))
        n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);
}

/* What a killed run left is removed by the next start: an empty database
 * file no run is using, and the temporary files of outputs whose writer is
 * gone; a living writer's is left alone. */
static void
test_leftovers (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *stale = NULL;
  g_autofree char *live = NULL;
  g_autofree char *err = NULL;
  struct utimbuf old = { 1000000000, 1000000000 };
  int status;
  pid_t dead;

  /* An empty database, as a first import killed on a full disk left. */
  g_assert_true (g_file_set_contents (f->db, "", 0, NULL));
  g_assert_cmpint (g_utime (f->db, &old), ==, 0);
  g_assert_cmpint (run (&err, "--database", f->db, "--export", out, NULL), !=,
                   0);
  assert_one_line (err, "There is no case database");
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Temporary files: one of a process that is gone, one of this one. */
  dead = fork ();
  g_assert_cmpint (dead, >=, 0);
  if (dead == 0)
    _exit (0);
  g_assert_cmpint (waitpid (dead, &status, 0), ==, dead);
  stale =
      g_strdup_printf ("%s/.out.json.lexsarah-%d-a1B2c3", f->dir, (int) dead);
  live = g_strdup_printf ("%s/.out.json.lexsarah-%d-d4E5f6", f->dir,
                          (int) getpid ());
  g_assert_true (g_file_set_contents (stale, "{\"half\": ", -1, NULL));
  g_assert_true (g_file_set_contents (live, "{\"half\": ", -1, NULL));
  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
}

static void
test_author (void)
{
  g_autofree char *author = ls_cli_dup_author ();

  g_assert_nonnull (author);
  g_assert_cmpstr (author, !=, "");
  g_assert_cmpstr (author, !=, "Unknown");
}

static gint64
count_people (const char *path)
{
  sqlite3 *db = ls_core_test_open_raw (path);
  gint64 n = ls_core_test_query_int (db, "SELECT count(*) FROM people");

  sqlite3_close (db);
  return n;
}

/* --import-people: a staff list into an existing database, the same list
 * again changing nothing, a bad one changing nothing and saying which
 * line; and nothing on stdout, which run() checks. */
static void
test_import_people (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (LS_TEST_SRCDIR, "..", "docs",
                                           "staff-example.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* No database yet: not made for a list whose units it cannot have. */
  g_assert_cmpint (
      run (&err, "--database", f->db, "--import-people", csv, NULL), ==, 1);
  assert_one_line (err, "no case database");
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
      run (&err, "--database", f->db, "--import-people", csv, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (count_people (f->db), ==, 6);
  {
    sqlite3 *db = ls_core_test_open_raw (f->db);

    before = ls_core_test_query_text (
        db, "SELECT group_concat (json, char (10)) FROM people");
    sqlite3_close (db);
  }

  g_assert_cmpint (
      run (&err, "--database", f->db, "--import-people", csv, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (
      bad,
      "staff_number;name;started_on\n3001;Nils Ek;2026-01-01\n"
      "3002;Eva Ek;den 1 mars\n",
      -1, NULL));
  g_assert_cmpint (
      run (&err, "--database", f->db, "--import-people", bad, NULL), ==, 1);
  assert_one_line (err, "Line 3");
  g_assert_null (strstr (err, "den 1 mars"));
  {
    sqlite3 *db = ls_core_test_open_raw (f->db);

    after = ls_core_test_query_text (
        db, "SELECT group_concat (json, char (10)) FROM people");
    sqlite3_close (db);
  }
  g_assert_cmpstr (before, ==, after);
}

/* --routines-pdf and --staff-information-pdf: PDFs, 0600, without a
 * display; what they say is read back in the form tests. */
static void
test_people_pdf (Fixture *f, gconstpointer data)
{
  const char *const options[] = { "--routines-pdf", "--staff-information-pdf" };
  g_autofree char *err = NULL;

  g_assert_cmpint (
      run (&err, "--database", f->db, "--import", f->example, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);
      g_autofree char *contents = NULL;
      struct stat st;

      g_assert_cmpint (run (&err, "--database", f->db, options[i], NULL), ==,
                       1);
      assert_one_line (err, "--output");
      g_clear_pointer (&err, g_free);

      g_assert_cmpint (
          run (&err, "--database", f->db, options[i], "--output", out, NULL),
          ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_clear_pointer (&err, g_free);
      g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_cmpint (g_stat (out, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_unlink (out);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, >=, 2);
  binary = argv[1];

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/import-export", test_import_export);
  ADD ("/cli/import-failures", test_import_failures);
  ADD ("/cli/backup", test_backup);
  ADD ("/cli/export-failures", test_export_failures);
  ADD ("/cli/not-a-database", test_not_a_database);
  ADD ("/cli/pdf", test_pdf);
  ADD ("/cli/leftovers", test_leftovers);
  ADD ("/cli/import-people", test_import_people);
  ADD ("/cli/people-pdf", test_people_pdf);
  g_test_add_func ("/cli/author", test_author);
  return g_test_run ();
}
