/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ls-core-test.h"
#include "ls-journal-item.h"
#include "ls-store.h"

/* A child process saves cases in a loop and reports each committed one on
 * a pipe; the parent kills it with SIGKILL at random moments, many times.
 * After every kill each reported case must be there, whole, and the file
 * must be sound. */

#define MIN_ROUNDS 25
#define MAX_ROUNDS 80
#define BUDGET_SECONDS 8

static char *
item_uuid_for (guint64 n)
{
  return g_strdup_printf ("41000000-0000-4000-8000-%012" G_GUINT64_FORMAT, n);
}

static LsCase *
make_case (guint64 n)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  g_autoptr (LsJournalItem) item = ls_journal_item_new ();
  g_autofree char *uuid = ls_core_test_uuid (n);
  g_autofree char *item_uuid = item_uuid_for (n);
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
      /* Sometimes while it is still opening, mostly mid-write. */
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
  g_assert_cmpuint (kills_with_data, >, rounds / 4);
  ls_core_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], g_ascii_strtoull (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash/sigkill", test_crash);
  return g_test_run ();
}
