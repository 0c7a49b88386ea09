/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ls-core-test.h"
#include "ls-store.h"

/* The real app ended by SIGTERM, as a logout ends it, with its window
 * open on a database in a file: it quits as app.quit does, and its store
 * closes the file, so that SQLite removes the -wal.  One left would have
 * the next start check the whole file as after a crash, seconds at
 * 100,000 cases.
 *
 * Usage: test-quit-signal LEXSARAH */

#define TIMEOUT_MS 60000

static const char *lexsarah;

static char *
make_database (const char *dir)
{
  char *path = g_build_filename (dir, "quit.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (path, &error);
  g_autoptr (JsonNode) example = ls_core_test_load_example ();

  g_assert_no_error (error);
  g_assert_true (
      ls_store_import_document (store, example, "Test", NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Starts the app on @path and waits for its first frames with the cases
 * shown and what needs attention filled (LEXSARAH_ANNOUNCE_FD, see
 * ls-announce.c): nothing is then read off the main loop. */
static pid_t
start_app (const char *path)
{
  char flag[] = "--database";
  char *argv[] = { (char *) lexsarah, flag, (char *) path, NULL };
  g_autoptr (GString) lines = g_string_new (NULL);
  int reader;
  pid_t pid = ls_core_test_spawn_announcing (argv, &reader);

  while (strstr (lines->str, "rows-shown\n") == NULL ||
         strstr (lines->str, "attention-filled\n") == NULL)
    g_assert_true (ls_core_test_read_announced (reader, lines, TIMEOUT_MS));
  close (reader);
  return pid;
}

static void
test_quit_signal_closes_database (void)
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("quit-signal");
  g_autofree char *path = make_database (dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  int status = 0;
  pid_t pid;

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  pid = start_app (path);
  /* The app has the file open, its -wal beside it. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Every case is in the file itself. */
  store = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ls_store_count_cases (store, NULL, NULL), ==, 2);
  g_clear_object (&store);
  ls_core_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    {
      g_printerr ("Usage: %s LEXSARAH\n", argv[0]);
      return 2;
    }
  lexsarah = argv[1];
  g_test_add_func ("/quit-signal/closes-database",
                   test_quit_signal_closes_database);
  return g_test_run ();
}
