/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ls-core-test.h"
#include "ls-investigation-wizard.h"
#include "ls-pg-store.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-wizard-test.h"
#include "ls-wizards.h"

/* Team mode in the windows, on a shared database of the test server: what
 * a person may not do is insensitive, with the sentence why. */

#define CASE_OPEN "2964fd60-6bce-47ca-b9e8-3be54621b4eb"

typedef struct
{
  char *name;
  char *location;
  char *investigator;
  LsStore *store;
  GSettings *settings;
  LsContext *context;
  LsCase *lcase;
  GtkWidget *wizard;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) owner = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *message = NULL;
  g_autofree char *conninfo = NULL;

  f->location = ls_core_test_pg_create_database (&f->name);
  f->investigator = g_strdup_printf ("%s_ivar", f->name);
  owner = ls_store_open (f->location, &error);
  g_assert_no_error (error);
  g_assert_true (
      ls_store_import_document (owner, document, "Maria Lind", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&owner);
  g_assert_true (ls_pg_store_init_shared (f->location, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf (
      "CREATE ROLE %s LOGIN IN ROLE lexsarah_investigator;"
      "INSERT INTO people (role, name, title) VALUES ('%s', 'Ivar Berg', "
      "'Kvalitetsutvecklare');"
      "INSERT INTO assignments (case_uuid, role) VALUES ('" CASE_OPEN "', "
      "'%s');",
      f->investigator, f->investigator, f->investigator);
  message = ls_core_test_pg_exec (f->location, sql);
  g_assert_null (message);

  conninfo = g_strdup_printf ("%s user=%s", f->location, f->investigator);
  f->store = ls_store_open (conninfo, &error);
  g_assert_no_error (error);
  organisation = ls_store_load_organisation (f->store, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APP_ID);
  /* Never the author in team mode: the server says who he is. */
  g_settings_set_string (f->settings, "user-name", "Skrivet namn");
  f->context = ls_context_new (f->store, organisation, f->settings);
  f->lcase = ls_store_load_case (f->store, CASE_OPEN, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *sql =
      g_strdup_printf ("DROP ROLE IF EXISTS %s", f->investigator);

  ls_test_destroy_windows ();
  g_clear_object (&f->wizard);
  g_clear_object (&f->lcase);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  ls_core_test_pg_drop_database (f->name);
  g_free (ls_core_test_pg_exec (ls_core_test_pg_server (), sql));
  g_free (f->name);
  g_free (f->location);
  g_free (f->investigator);
}

/* The investigator reads the conclusion step but cannot write in it. */
static void
test_conclude_insensitive (Fixture *f, gconstpointer data)
{
  const char *why = "Only a decision-maker can conclude an investigation.";
  GtkWindow *window;
  GtkWidget *page;
  g_autofree char *author = ls_context_dup_author (f->context);

  g_assert_cmpstr (author, ==, "Ivar Berg");
  g_assert_cmpint (ls_store_get_rights (f->store), ==,
                   LS_STORE_RIGHT_INVESTIGATE);

  window = ls_wizards_open (NULL, f->context, f->lcase, LS_STEP_CONCLUSION,
                            LS_POINT_NONE);
  g_assert_true (LS_IS_INVESTIGATION_WIZARD (window));
  f->wizard = g_object_ref (GTK_WIDGET (window));
  gtk_window_set_default_size (window, 720, 760);
  ls_test_wait_for_frames (f->wizard, 2);
  ls_wz_wait_idle (f->wizard);
  ls_wizard_set_page_name (LS_WIZARD (f->wizard), "conclusion");
  ls_wz_wait_idle (f->wizard);
  page = GTK_WIDGET (ls_wizard_get_page (LS_WIZARD (f->wizard)));
  g_assert_cmpstr (ls_wizard_get_page_name (LS_WIZARD (f->wizard)), ==,
                   "conclusion");

  g_assert_true (ls_test_widget_has_text (page, why));
  g_assert_true (ls_test_find_label (page, why) != NULL &&
                 gtk_widget_is_visible (ls_test_find_label (page, why)));
  g_assert_false (
      gtk_widget_is_sensitive (ls_wz_find_text_field (page, "Conclusion")));
  g_assert_false (
      gtk_widget_is_sensitive (ls_test_find_row (page, "Decided by")));
  g_assert_false (
      gtk_widget_is_sensitive (ls_test_find_row (page, "Not serious")));
  g_free (ls_test_save_screenshot (f->wizard, "team-conclude-investigator"));
}

static void
skip_without_server (void)
{
  g_test_skip ("No PostgreSQL server: set LEXSARAH_TEST_PG to a libpq "
               "connection, or run build-aux/dev test, which starts one");
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

  if (ls_core_test_pg_server () == NULL)
    {
      g_test_add_func ("/team/no-server", skip_without_server);
      return g_test_run ();
    }
#define ADD(path, func)                                                        \
  g_test_add ("/team/" path, Fixture, NULL, fixture_set_up, func,              \
              fixture_tear_down)
  ADD ("conclude-insensitive", test_conclude_insensitive);
#undef ADD

  return g_test_run ();
}
