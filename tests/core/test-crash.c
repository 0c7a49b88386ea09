/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ls-core-test.h"
#include "ls-journal-item.h"
#include "ls-sqlite-store-private.h"
#include "ls-store.h"

/* A child process saves cases in a loop and reports each committed one on
 * a pipe; the parent kills it with SIGKILL at random moments, many times.
 * After every kill each reported case must be there, whole, and the file
 * must be sound. */

#define MIN_ROUNDS 25
#define MAX_ROUNDS 80
#define BUDGET_SECONDS 8

/* The real binary, for the kills of command-line runs. */
static const char *binary;

static char *
item_uuid_for (guint64 n)
{
  return g_strdup_printf ("41000000-0000-4000-8000-%012" G_GUINT64_FORMAT, n);
}

/* A case without journal items: the first schema kept those elsewhere. */
static LsCase *
make_plain_case (guint64 n)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  g_autofree char *uuid = ls_core_test_uuid (n);
  g_autofree char *regno = g_strdup_printf ("VON-2026-%06" G_GUINT64_FORMAT, n);

  ls_case_set_uuid (lcase, uuid);
  ls_case_set_regno (lcase, regno);
  ls_case_set_unit_id (lcase, "6637c86c-a47f-4dae-8000-0b60995e4035");
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_received_at (report, "2026-03-02T08:15:00+01:00");
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_description (
      report, "Brukaren föll och larmet fungerade inte; personalen kom sent.");
  return lcase;
}

/* A plain case with one documented item. */
static LsCase *
make_case (guint64 n)
{
  LsCase *lcase = make_plain_case (n);
  g_autoptr (LsJournalItem) item = ls_journal_item_new ();
  g_autofree char *item_uuid = item_uuid_for (n);

  ls_journal_item_set_uuid (item, item_uuid);
  ls_journal_item_set_documented_on (item, "2026-03-03");
  ls_journal_item_set_text (item, "Samtal med personalen om larmet.");
  g_list_store_append (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)), item);
  return lcase;
}

static int
run_child (const char *path, guint64 start)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (path, &error);

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 2;
    }
  for (guint64 n = start;; n++)
    {
      g_autoptr (LsCase) lcase = make_case (n);
      g_autofree char *line = NULL;

      if (!ls_store_save_case (store, lcase, "Crash test", &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 3;
        }
      /* Only now, after the commit returned, is the case promised. */
      line = g_strdup_printf ("%" G_GUINT64_FORMAT "\n", n);
      if (write (STDOUT_FILENO, line, strlen (line)) < 0)
        return 4;
    }
  return 0;
}

static void
assert_sound (const char *path)
{
  sqlite3 *db = ls_core_test_open_raw (path);
  g_autofree char *result =
      ls_core_test_query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (result, ==, "ok");
  /* The search index agrees with the table it indexes. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO case_fts (case_fts, rank) "
                                 "VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_crash (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = ls_core_test_make_tmpdir ("crash");
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (GArray) reported = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (LsStore) first = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  gint64 started = g_get_monotonic_time ();
  guint64 next = 1;
  guint kills_with_data = 0;
  guint rounds = 0;
  guint checked = 0;

  first = ls_store_open (path, &error);
  g_assert_no_error (error);
  organisation = ls_core_test_example_organisation ();
  g_assert_true (ls_store_save_organisation (first, organisation, &error));
  g_assert_no_error (error);
  g_clear_object (&first);

  while (rounds < MAX_ROUNDS &&
         (rounds < MIN_ROUNDS ||
          g_get_monotonic_time () - started < BUDGET_SECONDS * G_USEC_PER_SEC))
    {
      g_autoptr (GString) output = g_string_new (NULL);
      g_autoptr (LsStore) store = NULL;
      g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT, next);
      g_auto (GStrv) lines = NULL;
      char buffer[4096];
      int fds[2];
      int status;
      guint before = reported->len;
      pid_t pid;
      gssize n;

      rounds++;
      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          const char *argv[] = { "test-crash", "--child", path, start, NULL };

          dup2 (fds[1], STDOUT_FILENO);
          close (fds[0]);
          close (fds[1]);
          execv ("/proc/self/exe", (char **) argv);
          _exit (127);
        }
      close (fds[1]);
      /* Every other round waits for the child's first promise, so that
       * half the kills fall mid-write however slow the machine is; the
       * others fall at a random moment, sometimes while still opening. */
      if (rounds % 2 == 0)
        while ((n = read (fds[0], buffer, sizeof buffer)) > 0 ||
               (n < 0 && errno == EINTR))
          if (n > 0)
            {
              g_string_append_len (output, buffer, n);
              if (memchr (buffer, '\n', n) != NULL)
                break;
            }
      g_usleep (g_test_rand_int_range (5, 200) * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      while ((n = read (fds[0], buffer, sizeof buffer)) > 0 ||
             (n < 0 && errno == EINTR))
        if (n > 0)
          g_string_append_len (output, buffer, n);
      close (fds[0]);

      /* The last piece, after the last newline, is empty or a line cut
       * off by the kill: never promised. */
      lines = g_strsplit (output->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          guint64 number = g_ascii_strtoull (lines[i], NULL, 10);

          g_assert_cmpuint (number, >=, next);
          g_array_append_val (reported, number);
          next = number + 1;
        }
      /* The case being written when killed may have been committed
       * without being reported; never reuse its number. */
      next++;
      if (reported->len > before)
        kills_with_data++;

      /* The file opens, and holds every promised case, whole. */
      store = ls_store_open (path, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < reported->len; i++)
        {
          guint64 number = g_array_index (reported, guint64, i);
          g_autofree char *uuid = ls_core_test_uuid (number);
          g_autofree char *item_uuid = item_uuid_for (number);
          g_autoptr (LsCase) lcase = ls_store_load_case (store, uuid, &error);
          GListModel *journal;
          g_autoptr (LsJournalItem) item = NULL;

          g_assert_no_error (error);
          journal = G_LIST_MODEL (
              ls_investigation_get_journal (ls_case_get_investigation (lcase)));
          g_assert_cmpuint (g_list_model_get_n_items (journal), ==, 1);
          item = g_list_model_get_item (journal, 0);
          g_assert_cmpstr (ls_journal_item_get_uuid (item), ==, item_uuid);
          g_assert_cmpint (ls_case_get_status (lcase), ==,
                           LS_CASE_STATUS_UNDER_INVESTIGATION);
          checked++;
        }
      g_assert_cmpint (ls_store_count_cases (store, NULL, NULL), >=,
                       reported->len);
      g_clear_object (&store);
      assert_sound (path);
    }

  g_test_message ("%u cases promised over %u kills, %u checks", reported->len,
                  rounds, checked);
  g_assert_cmpuint (reported->len, >, 0);
  g_assert_cmpuint (kills_with_data, >=, rounds / 2);
  ls_core_test_remove_tree (dir);
}

/* ---- Kills of the command line ----------------------------------------- */

#define CLI_CASES 1500
#define CLI_ROUNDS 12

/* Starts the binary with @args and kills it after a random while; returns
 * whether it was still running then. */
static gboolean
run_and_kill (const char *const *args, guint min_ms, guint max_ms)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  int status;
  pid_t pid;

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execv (binary, (char **) argv->pdata);
      _exit (127);
    }
  g_usleep (g_test_rand_int_range (min_ms, max_ms) * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status))
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return WIFSIGNALED (status);
}

/* Runs the binary to its end, successfully. */
static void
run_to_end (const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* No temporary file of an output is left in @dir. */
static void
assert_no_temporaries (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);

  g_assert_nonnull (listing);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL;)
    {
      g_assert_null (strstr (name, ".lexsarah-"));
      /* Nor one in the style of g_file_set_contents () or mkstemp (). */
      g_assert_false (g_regex_match_simple ("\\.[A-Za-z0-9]{6}$", name, 0, 0));
    }
}

static char *
write_document (const char *dir, guint n_cases)
{
  JsonArray *cases = json_array_new ();
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, "many.json", NULL);

  for (guint i = 1; i <= n_cases; i++)
    {
      g_autoptr (LsCase) lcase = make_case (i);

      json_array_add_object_element (cases, ls_case_to_json (lcase));
    }
  document = ls_core_test_document_of (cases);
  text = json_to_string (document, FALSE);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A kill during `lexsarah --import` of many cases: the import is one
 * transaction, so the database holds all of them or none. */
static void
test_cli_import (void)
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("crash-import");
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *document = write_document (dir, CLI_CASES);
  const char *args[] = { "--database", db, "--import", document, NULL };
  guint killed = 0;
  guint whole = 0;

  if (binary == NULL)
    {
      g_test_skip ("the binary was not given");
      return;
    }
  for (guint round = 0; round < CLI_ROUNDS; round++)
    {
      gint64 n;

      g_assert_cmpint (g_unlink (db) == 0 || errno == ENOENT, ==, TRUE);
      killed += run_and_kill (args, 20, 1500);
      if (g_file_test (db, G_FILE_TEST_EXISTS))
        {
          n = ls_core_test_count_cases (db);
          g_assert_true (n == 0 || n == CLI_CASES);
          whole += n == CLI_CASES;
          assert_sound (db);
        }
      for (const char *suffix = "-wal"; suffix != NULL;
           suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
        {
          g_autofree char *path = g_strconcat (db, suffix, NULL);

          g_unlink (path);
        }
    }
  g_test_message ("import: %u of %u runs killed, %u whole", killed, CLI_ROUNDS,
                  whole);
  g_assert_cmpuint (killed, >, 0);
  run_to_end (args);
  g_assert_cmpint (ls_core_test_count_cases (db), ==, CLI_CASES);
  ls_core_test_remove_tree (dir);
}

/* A database file as the first schema had it, with @n cases. */
static void
write_old_database (const char *path, guint n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db, ls_store_schema_step (1), NULL, NULL, NULL), ==,
      SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr (LsOrganisation) organisation =
        ls_core_test_example_organisation ();
    g_autoptr (JsonObject) json = ls_organisation_to_json (organisation);
    g_autoptr (JsonNode) node =
        json_node_init_object (json_node_alloc (), json);
    g_autofree char *text = json_to_string (node, FALSE);

    sqlite3_prepare_v2 (db, "INSERT INTO organisation (id, json) VALUES (1, ?)",
                        -1, &stmt, NULL);
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
  }
  sqlite3_prepare_v2 (db,
                      "INSERT INTO cases (uuid, regno, status, updated_at, "
                      "json) VALUES (?, ?, 'reported', "
                      "'2026-03-10T09:00:00Z', ?)",
                      -1, &stmt, NULL);
  for (guint i = 1; i <= n; i++)
    {
      g_autoptr (LsCase) lcase = make_plain_case (i);
      g_autoptr (JsonNode) node = ls_core_test_case_node (lcase);
      g_autofree char *text = json_to_string (node, FALSE);

      sqlite3_bind_text (stmt, 1, ls_case_get_uuid (lcase), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, ls_case_get_regno (lcase), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  {
    g_autofree char *sql = g_strdup_printf (
        "COMMIT; PRAGMA application_id = %d; PRAGMA user_version = 1;",
        LS_STORE_APPLICATION_ID);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);
}

/* A kill while `lexsarah --export` migrates an old file: the file opens
 * afterwards, migrated or not, with every case; the export is whole or
 * not there, and no temporary file is left after the next start. */
static void
test_cli_migration (void)
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("crash-migrate");
  g_autofree char *old = g_build_filename (dir, "old.db", NULL);
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  const char *args[] = { "--database", db, "--export", out, NULL };
  guint killed = 0;

  if (binary == NULL)
    {
      g_test_skip ("the binary was not given");
      return;
    }
  write_old_database (old, CLI_CASES);
  for (guint round = 0; round < CLI_ROUNDS; round++)
    {
      g_autoptr (GFile) from = g_file_new_for_path (old);
      g_autoptr (GFile) to = g_file_new_for_path (db);
      g_autoptr (GError) error = NULL;

      g_unlink (out);
      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      killed += run_and_kill (args, 5, 600);
      if (g_file_test (out, G_FILE_TEST_EXISTS))
        {
          g_autoptr (JsonParser) parser = json_parser_new ();

          /* Renamed into place only when whole. */
          g_assert_true (json_parser_load_from_file (parser, out, &error));
        }
      g_assert_cmpint (ls_core_test_count_cases (db), ==, CLI_CASES);
      assert_sound (db);
    }
  g_test_message ("migration: %u of %u runs killed", killed, CLI_ROUNDS);
  g_assert_cmpuint (killed, >, 0);
  run_to_end (args);
  assert_no_temporaries (dir);
  ls_core_test_remove_tree (dir);
}

/* A kill during `--export` or `--investigation-pdf`: no half file, and no
 * temporary file after the next start. */
static void
test_cli_outputs (void)
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("crash-output");
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *document = write_document (dir, CLI_CASES);
  g_autofree char *example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "utredning.pdf", NULL);
  const char *import_many[] = { "--database", db, "--import", document, NULL };
  const char *import_example[] = { "--database", db, "--import", example,
                                   NULL };
  const char *export_args[] = { "--database", db, "--export", out, NULL };
  const char *pdf_args[] = {
    "--database", db,  "--investigation-pdf", "VON-2026-0003", "--output",
    pdf,          NULL
  };
  guint killed = 0;

  if (binary == NULL)
    {
      g_test_skip ("the binary was not given");
      return;
    }
  run_to_end (import_example);
  run_to_end (import_many);
  for (guint round = 0; round < 2 * CLI_ROUNDS; round++)
    {
      gboolean is_pdf = round % 2 == 1;
      const char *path = is_pdf ? pdf : out;
      g_autofree char *contents = NULL;
      gsize length;

      g_unlink (path);
      killed += run_and_kill (is_pdf ? pdf_args : export_args, 5, 400);
      if (g_file_get_contents (path, &contents, &length, NULL))
        {
          if (is_pdf)
            g_assert_nonnull (
                g_strrstr_len (contents + length - 32, 32, "%%EOF"));
          else
            g_assert_true (json_from_string (contents, NULL) != NULL);
        }
      g_assert_cmpint (ls_core_test_count_cases (db), ==, CLI_CASES + 2);
    }
  g_test_message ("outputs: %u of %u runs killed", killed, 2 * CLI_ROUNDS);
  g_assert_cmpuint (killed, >, 0);

  /* The next start cleans up what the killed runs left. */
  run_to_end (export_args);
  assert_no_temporaries (dir);
  ls_core_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], g_ascii_strtoull (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);
  binary = argc >= 2 ? argv[1] : NULL;
  g_test_add_func ("/store/crash/sigkill", test_crash);
  g_test_add_func ("/store/crash/cli-import", test_cli_import);
  g_test_add_func ("/store/crash/cli-migration", test_cli_migration);
  g_test_add_func ("/store/crash/cli-outputs", test_cli_outputs);
  return g_test_run ();
}
