/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-core-test.h"

/* The embedded default needs no network, and so asks for none: the real
 * command line, traced by strace for every socket() of it and its
 * threads, imports and exports a file of SQLite without one socket of
 * the Internet's families.  The same trace of a connection to a server
 * (to a closed port of this machine) shows one, so that a trace that saw
 * nothing cannot pass for a clean one. */

static const char *cli;

static char *
trace (const char *dir, const char *const *args)
{
  g_autofree char *log = g_build_filename (dir, "trace.log", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "strace");
  g_ptr_array_add (argv, (gpointer) "-f");
  g_ptr_array_add (argv, (gpointer) "-qq");
  g_ptr_array_add (argv, (gpointer) "-e");
  g_ptr_array_add (argv, (gpointer) "trace=socket");
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, log);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH |
                                   G_SPAWN_STDOUT_TO_DEV_NULL |
                                   G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (log, &contents, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", contents);
  return g_steal_pointer (&contents);
}

static gboolean
has_network_socket (const char *log)
{
  return strstr (log, "AF_INET") != NULL || strstr (log, "AF_PACKET") != NULL ||
         strstr (log, "AF_NETLINK") != NULL;
}

static void
test_sqlite_no_socket (void)
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("no-network");
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  const char *import[] = { "--database", db, "--import", example, NULL };
  const char *export[] = { "--database", db, "--export", out, NULL };
  const char *server[] = { "--database", "host=127.0.0.1 port=1 dbname=x",
                           "--export", out, NULL };
  g_autofree char *log = NULL;
  g_autofree char *strace = g_find_program_in_path ("strace");

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return;
    }

  log = trace (dir, import);
  g_assert_false (has_network_socket (log));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&log, g_free);
  log = trace (dir, export);
  g_assert_false (has_network_socket (log));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_pointer (&log, g_free);

  log = trace (dir, server);
  g_assert_true (has_network_socket (log));
  ls_core_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];

  g_test_add_func ("/no-network/sqlite", test_sqlite_no_socket);
  return g_test_run ();
}
