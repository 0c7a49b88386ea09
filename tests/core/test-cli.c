/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ls-cli.h"
#include "ls-store.h"

/* Runs the real application binary, as a user would from a terminal. */

static const char *binary;

static const char document[] =
    "{\"format\": \"lexsarah\", \"version\": 1,"
    " \"organisation\": {\"name\": \"Omsorgen\"},"
    " \"cases\": ["
    "  {\"uuid\": \"30000000-0000-4000-8000-000000000001\","
    "   \"regno\": \"LS-2026-0001\", \"status\": \"reported\","
    "   \"description\": \"Larmet fungerade inte.\"},"
    "  {\"uuid\": \"30000000-0000-4000-8000-000000000002\","
    "   \"regno\": \"LS-2026-0002\", \"status\": \"closed\","
    "   \"description\": \"Fel läkemedel.\"}]}";

static int
run (char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                   G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static gint64
count_cases (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (path, &error);

  g_assert_no_error (error);
  return ls_store_count_cases (store, NULL, &error);
}

static void
test_import_export (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ls-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *in = g_build_filename (dir, "in.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) a = json_parser_new ();
  g_autoptr (JsonParser) b = json_parser_new ();
  g_autoptr (LsStore) store = NULL;
  g_autoptr (JsonObject) loaded = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_file_set_contents (in, document, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run (&err, "--database", db, "--import", in, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (count_cases (db), ==, 2);

  /* Twice: nothing changes. */
  g_assert_cmpint (run (&err, "--database", db, "--import", in, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (count_cases (db), ==, 2);

  store = ls_store_open (db, &error);
  g_assert_no_error (error);
  loaded = ls_store_load_case_json (
      store, "30000000-0000-4000-8000-000000000002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (loaded, "description"), ==,
                   "Fel läkemedel.");
  g_clear_object (&store);

  /* A bad document: one line on stderr, nothing imported. */
  g_file_set_contents (bad,
                       "{\"format\": \"lexsarah\", \"version\": 1, \"cases\": "
                       "[{\"uuid\": \"30000000-0000-4000-8000-000000000003\"},"
                       " {\"uuid\": \"nope\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (&err, "--database", db, "--import", bad, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "uuid"));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (count_cases (db), ==, 2);

  /* Export: 0600, and the same cases as went in. */
  g_assert_cmpint (run (&err, "--database", db, "--export", out, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  json_parser_load_from_file (a, in, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (b, out, &error);
  g_assert_no_error (error);
  g_assert_true (
      json_node_equal (json_parser_get_root (a), json_parser_get_root (b)));

  /* A file that is not a database is refused and left alone. */
  g_assert_cmpint (run (&err, "--database", in, "--export", out, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "not a Lex Sarah case database"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (
      run (&err, "--database", db, "--import", "/nonexistent/x.json", NULL), !=,
      0);
  g_assert_nonnull (strstr (err, "x.json"));
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < 6; i++)
    {
      static const char *const names[] = { "cases.db",     "cases.db-wal",
                                           "cases.db-shm", "in.json",
                                           "bad.json",     "out.json" };
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_author (void)
{
  g_autofree char *author = ls_cli_dup_author ();

  g_assert_nonnull (author);
  g_assert_cmpstr (author, !=, "");
  g_assert_cmpstr (author, !=, "Unknown");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, >=, 2);
  binary = argv[1];

  g_test_add_func ("/store/cli/import-export", test_import_export);
  g_test_add_func ("/store/cli/author", test_author);

  return g_test_run ();
}
