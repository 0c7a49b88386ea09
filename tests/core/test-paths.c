/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ls-paths.h"

static void
test_default_database (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  g_setenv ("XDG_DATA_HOME", "/tmp/ls-test-data-home", TRUE);
  path = ls_paths_dup_default_database ();
  expected = g_build_filename (g_get_user_data_dir (), "lexsarah",
                               "lexsarah.db", NULL);
  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_str_has_suffix (path, "/lexsarah/lexsarah.db"));
}

static void
test_private_dir_mode (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  struct stat st;

  tmp = g_dir_make_tmp ("ls-paths-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_build_filename (tmp, "a", "lexsarah", NULL);

  g_assert_true (ls_paths_ensure_private_dir (dir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Existing folder: still fine. */
  g_assert_true (ls_paths_ensure_private_dir (dir, &error));
  g_assert_no_error (error);

  g_rmdir (dir);
  g_free (g_steal_pointer (&dir));
  dir = g_build_filename (tmp, "a", NULL);
  g_rmdir (dir);
  g_rmdir (tmp);
}

static void
test_private_dir_error (void)
{
  g_autoptr (GError) error = NULL;

  /* A folder cannot be created below a regular file. */
  g_assert_false (ls_paths_ensure_private_dir ("/dev/null/lexsarah", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/dev/null/lexsarah"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paths/default-database", test_default_database);
  g_test_add_func ("/paths/private-dir/mode", test_private_dir_mode);
  g_test_add_func ("/paths/private-dir/error", test_private_dir_error);

  return g_test_run ();
}
