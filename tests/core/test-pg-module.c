/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-core-test.h"
#include "ls-store-connect.h"
#include "ls-store.h"

/* Team mode's module: opened for a shared database only, and a clear
 * error when it is not installed.  The test of a missing module runs
 * first, so that the module is not loaded yet when the other one starts:
 * a module that could not be opened is looked for again. */

static gboolean
module_is_mapped (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, &error));
  g_assert_no_error (error);
  return strstr (maps, "liblexsarah-pg.so") != NULL;
}

static void
assert_not_installed (GError *error)
{
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_INSTALLED);
  g_assert_nonnull (strstr (error->message, "Team mode is not installed"));
  g_assert_nonnull (strstr (error->message, "PostgreSQL"));
  /* The location is not echoed. */
  g_assert_null (strstr (error->message, "lexsarah_nowhere"));
}

static void
test_missing (void)
{
  g_autofree char *empty = ls_core_test_make_tmpdir ("pg-module");
  g_autofree char *saved = g_strdup (g_getenv ("LEXSARAH_MODULE_DIR"));
  g_autofree char *path = g_build_filename (empty, "cases.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsStore) file = NULL;
  char *said;

  g_assert_true (g_setenv ("LEXSARAH_MODULE_DIR", empty, TRUE));

  store = ls_store_open ("service=lexsarah_nowhere", &error);
  g_assert_null (store);
  assert_not_installed (error);
  g_clear_error (&error);

  g_assert_false (
      ls_store_server_init_shared ("service=lexsarah_nowhere", &error));
  assert_not_installed (error);
  g_clear_error (&error);

  /* "Test connection" says the same, not that the address is wrong. */
  said = ls_store_check_server ("service=lexsarah_nowhere", NULL, &error);
  g_assert_null (said);
  assert_not_installed (error);
  g_clear_error (&error);

  g_assert_false (module_is_mapped ());

  /* A database in a file needs no module. */
  file = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ls_store_count_cases (file, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_false (module_is_mapped ());
  g_clear_object (&file);

  if (saved != NULL)
    g_setenv ("LEXSARAH_MODULE_DIR", saved, TRUE);
  else
    g_unsetenv ("LEXSARAH_MODULE_DIR");
  ls_core_test_remove_tree (empty);
}

static void
test_loads (void)
{
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (1);
  g_autoptr (LsCase) loaded = NULL;
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  gboolean saved;

  if (ls_core_test_pg_server () == NULL)
    {
      g_test_skip ("No PostgreSQL server: set LEXSARAH_TEST_PG to a libpq "
                   "connection, or run build-aux/dev test, which starts one");
      return;
    }
  location = ls_core_test_pg_create_database (&name);
  g_assert_false (module_is_mapped ());

  store = ls_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (module_is_mapped ());
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (store), ==, "LsPgStore");
  g_assert_cmpstr (ls_store_server_get_role (store), ==, "postgres");

  /* And it works: a case saved is there to load and count. */
  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  g_assert_no_error (error);
  saved = ls_store_save_case (store, lcase, "Lena Holm", &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  g_assert_cmpint (ls_store_count_cases (store, NULL, &error), ==, 1);
  g_assert_no_error (error);
  loaded = ls_store_load_case (store, ls_case_get_uuid (lcase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ls_case_get_uuid (loaded), ==, ls_case_get_uuid (lcase));

  g_clear_object (&store);
  ls_core_test_pg_drop_database (name);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg-module/missing", test_missing);
  g_test_add_func ("/pg-module/loads", test_loads);
  return g_test_run ();
}
