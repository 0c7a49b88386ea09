/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ls-store.h"

/* A child process saves cases in a loop and reports each committed one on
 * a pipe; the parent kills it with SIGKILL at random moments.  Afterwards
 * every reported case must be there and the file must be sound. */

#define ROUNDS 40

static char *
uuid_for (guint64 n)
{
  return g_strdup_printf ("40000000-0000-4000-8000-%012" G_GUINT64_FORMAT, n);
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
      g_autoptr (JsonObject) object = json_object_new ();
      g_autoptr (JsonArray) journal = json_array_new ();
      g_autoptr (JsonObject) item = json_object_new ();
      g_autofree char *uuid = uuid_for (n);
      g_autofree char *item_uuid =
          g_strdup_printf ("41000000-0000-4000-8000-%012" G_GUINT64_FORMAT, n);
      g_autofree char *regno =
          g_strdup_printf ("LS-2026-%06" G_GUINT64_FORMAT, n);
      g_autofree char *line = NULL;

      json_object_set_string_member (object, "uuid", uuid);
      json_object_set_string_member (object, "regno", regno);
      json_object_set_string_member (object, "status", "reported");
      json_object_set_string_member (
          object, "description",
          "Brukaren föll och larmet fungerade inte; personalen kom sent.");
      json_object_set_string_member (item, "uuid", item_uuid);
      json_object_set_string_member (item, "text", "Samtal med personalen.");
      json_array_add_object_element (journal, g_steal_pointer (&item));
      json_object_set_array_member (object, "journal",
                                    g_steal_pointer (&journal));

      if (!ls_store_save_case_json (store, object, "Crash test", &error))
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
test_crash (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ls-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (GArray) reported = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (LsStore) first = NULL;
  guint64 next = 1;
  guint kills_with_data = 0;

  g_assert_no_error (error);
  first = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&first);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr (GString) output = g_string_new (NULL);
      g_autoptr (LsStore) store = NULL;
      g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT, next);
      g_auto (GStrv) lines = NULL;
      char buffer[4096];
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      int fds[2];
      int status;
      guint before = reported->len;
      pid_t pid;
      gssize n;

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

      g_usleep (g_test_rand_int_range (20, 250) * 1000);
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

          g_array_append_val (reported, number);
          next = MAX (next, number + 1);
        }
      /* The case being written when killed may have been committed
       * without being reported; never reuse its number. */
      next++;
      if (reported->len > before)
        kills_with_data++;

      /* The file opens, is sound, and holds every promised case. */
      store = ls_store_open (path, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < reported->len; i++)
        {
          g_autofree char *uuid =
              uuid_for (g_array_index (reported, guint64, i));
          g_autoptr (JsonObject) object =
              ls_store_load_case_json (store, uuid, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (
              json_array_get_length (
                  json_object_get_array_member (object, "journal")),
              ==, 1);
        }
      g_assert_cmpint (ls_store_count_cases (store, NULL, NULL), >=,
                       reported->len);
      g_clear_object (&store);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (
          sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL),
          ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }

  g_message ("%u cases promised over %u kills", reported->len, ROUNDS);
  g_assert_cmpuint (reported->len, >, 0);
  g_assert_cmpuint (kills_with_data, >, ROUNDS / 4);

  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
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
