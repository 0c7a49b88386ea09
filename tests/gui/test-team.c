/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ls-application.h"
#include "ls-core-test.h"
#include "ls-investigation-wizard.h"
#include "ls-preferences-window.h"
#include "ls-row-error.h"
#include "ls-store-connect.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-wizard-test.h"
#include "ls-wizards.h"

/* Team mode in the windows, on a shared database of the test server: what
 * a person may not do is insensitive, with the sentence why. */

#define CASE_OPEN "2964fd60-6bce-47ca-b9e8-3be54621b4eb"

static LsApplication *app;

/* The four looks of the app's screens for these: light, dark, and both
 * in high contrast (as the desktop's accessibility setting asks it). */
static const struct
{
  const char *suffix;
  gboolean dark;
  gboolean high_contrast;
} looks[] = {
  { "", FALSE, FALSE },
  { "-dark", TRUE, FALSE },
  { "-hc", FALSE, TRUE },
  { "-hc-dark", TRUE, TRUE },
};

static void
use_look (guint i)
{
  g_autoptr (GSettings) a11y =
      g_settings_new ("org.gnome.desktop.a11y.interface");

  g_settings_set_boolean (a11y, "high-contrast", looks[i].high_contrast);
  ls_test_use_dark (looks[i].dark);
}

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
  g_assert_true (ls_store_server_init_shared (f->location, &error));
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

/* Preferences in team mode: the name is the server's, shown and not
 * used, and the organisation is the administrator's. */
static void
test_preferences (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (ls_preferences_window_new (f->context));
  GtkWidget *name_row;

  gtk_window_present (GTK_WINDOW (window));
  ls_test_wait_for_frames (window, 2);
  name_row = ls_test_find_row (window, "Name");
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   "Ivar Berg");
  g_assert_false (gtk_widget_is_sensitive (name_row));
  g_assert_true (ls_test_widget_has_text (
      window, "In the shared database the server says who you are, and "
              "records it with everything you document and change. Your IT "
              "changes it."));
  g_assert_true (ls_test_widget_has_text (
      window,
      "Only an administrator can change the organisation and its people."));
  g_assert_null (ls_test_find_row (window, "Name of the board or provider"));
  /* The shared database in use is the one shown. */
  g_assert_true (gtk_widget_get_visible (
      ls_test_find_row (window, "Connection (address or service)")));
  g_free (ls_test_save_screenshot (window, "team-preferences"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
text_shown (gpointer data)
{
  gpointer *pair = data;

  return ls_test_widget_has_text (pair[0], pair[1]);
}

static void
wait_for_label (GtkWidget *root, const char *text)
{
  gpointer pair[] = { root, (gpointer) text };

  ls_test_wait_until (text_shown, pair);
}

/* The first run offers a shared database: a connection with a password is
 * refused with a message, and Test Connection says who the server takes
 * the person to be. */
static void
test_setup_shared (Fixture *f, gconstpointer data)
{
  g_autofree char *path = ls_test_make_database ("team-setup", NULL);
  g_autofree char *ivar =
      g_strdup_printf ("%s user=%s", f->location, f->investigator);
  GtkWidget *window;
  GtkWidget *row;

  ls_test_open_database (app, path);
  g_assert_true (ls_application_needs_setup (app));
  window = ls_test_open_window (app, 900, 760);
  ls_test_wait_for_text (window, "Welcome to Lex Sarah");
  g_assert_true (ls_test_widget_has_text (window, "Where the Cases Are Kept"));
  /* This computer is the default: no connection asked for. */
  row = ls_test_find_row (window, "Connection (address or service)");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (row));

  ls_wz_activate_row (window, "A shared database");
  ls_test_drain_events ();
  g_assert_true (gtk_widget_get_visible (row));
  ls_test_set_row_text (window, "Connection (address or service)",
                        "postgresql://ivar:hemligt@db.example.se/lexsarah");
  ls_test_click (window, "Use the Shared Database");
  ls_test_drain_events ();
  g_assert_cmpstr (ls_row_get_error (row), ==,
                   "Give the connection without a password: Lex Sarah asks "
                   "for it when the server needs one, and never keeps it.");
  g_assert_true (ls_application_get_store (app) != NULL &&
                 !ls_store_location_is_server (
                     ls_store_get_location (ls_application_get_store (app))));

  ls_test_set_row_text (window, "Connection (address or service)", ivar);
  g_assert_null (ls_row_get_error (row));
  ls_test_click (window, "Test Connection");
  wait_for_label (window, "Connected: the server knows you as Ivar Berg.");
  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *shot =
          g_strconcat ("team-setup-shared", looks[i].suffix, NULL);

      use_look (i);
      ls_test_wait_for_frames (window, 3);
      g_free (ls_test_save_screenshot (window, shot));
    }
  use_look (0);

  /* Using it keeps only the connection, and opens the shared database. */
  ls_test_click (window, "Use the Shared Database");
  ls_test_wait_for_store (app);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (ls_application_get_store (app)), ==,
                   "LsPgStore");
  {
    g_autofree char *kept =
        g_settings_get_string (ls_application_get_settings (app), "database");

    g_assert_cmpstr (kept, ==, ivar);
  }
  ls_application_set_database_setting (app, NULL);
  ls_test_destroy_windows ();
  /* The shared database is let go before it is dropped. */
  ls_test_open_database (app, path);
}

static gboolean
password_asked (gpointer data)
{
  return ls_wz_find_message_dialog ("Password") != NULL;
}

static gboolean
password_refused (gpointer data)
{
  GtkWidget *dialog = ls_wz_find_message_dialog ("Password");

  return dialog != NULL &&
         strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                 "not accepted") != NULL;
}

/* A role that must give a password: the app asks for it in a dialog, says
 * so when it is wrong, and opens the database when it is right; it is kept
 * nowhere but in memory. */
static void
test_password_dialog (Fixture *f, gconstpointer data)
{
  g_autofree char *role = g_strdup_printf ("%s_pia", f->name);
  g_autofree char *conninfo = g_strdup_printf ("%s user=%s", f->location, role);
  g_autofree char *sql = g_strdup_printf (
      "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
      "'lexsarah_password_test') THEN CREATE ROLE lexsarah_password_test; "
      "END IF; END $$;"
      "CREATE ROLE %s LOGIN PASSWORD 'rätt lösen' IN ROLE "
      "lexsarah_password_test, lexsarah_investigator",
      role);
  g_autofree char *drop = g_strdup_printf ("DROP ROLE %s", role);
  g_autofree char *message = ls_core_test_pg_exec (f->location, sql);
  g_autofree char *kept = NULL;
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_assert_null (message);
  if (ls_core_test_pg_query_int (
          f->location, "SELECT count(*) FROM pg_hba_file_rules WHERE "
                       "'+lexsarah_password_test' = ANY (user_name)") == 0)
    {
      g_free (ls_core_test_pg_exec (f->location, drop));
      g_test_skip ("The server asks no password of lexsarah_password_test");
      return;
    }

  window = ls_test_open_window (app, 900, 760);
  ls_application_open_database (app, conninfo);
  ls_test_wait_until (password_asked, NULL);
  dialog = ls_wz_find_message_dialog ("Password");
  ls_test_wait_for_frames (dialog, 2);
  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *shot =
          g_strconcat ("team-password", looks[i].suffix, NULL);

      use_look (i);
      ls_test_wait_for_frames (dialog, 3);
      g_free (ls_test_save_screenshot (dialog, shot));
    }
  use_look (0);
  entry = ls_test_find_by_type (dialog, GTK_TYPE_PASSWORD_ENTRY, 0);
  g_assert_nonnull (entry);

  /* Wrong: asked again, saying so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "fel");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  ls_test_wait_until (password_refused, NULL);
  dialog = ls_wz_find_message_dialog ("Password");
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
              "The password was not accepted."));
  g_assert_null (ls_application_get_store (app));

  /* Right: the shared database is open as her. */
  entry = ls_test_find_by_type (dialog, GTK_TYPE_PASSWORD_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "rätt lösen");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  ls_test_wait_for_store (app);
  g_assert_nonnull (ls_application_get_store (app));
  g_assert_cmpstr (ls_store_server_get_role (ls_application_get_store (app)),
                   ==, role);
  g_assert_null (
      strstr (ls_store_get_location (ls_application_get_store (app)), "lösen"));
  kept = g_settings_get_string (ls_application_get_settings (app), "database");
  g_assert_null (strstr (kept, "lösen"));

  ls_test_destroy_windows ();
  {
    g_autofree char *back = ls_test_make_database ("team-back", NULL);

    ls_test_open_database (app, back);
  }
  g_free (ls_core_test_pg_exec (f->location, drop));
  (void) window;
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
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  ls_test_init_gtk (&argc, &argv);

  /* Each test by its own path, skipped by that path without a server:
   * the build runs them one per process. */
#define ADD(path, func)                                                        \
  if (ls_core_test_pg_server () == NULL)                                       \
    g_test_add_func ("/team/" path, skip_without_server);                      \
  else                                                                         \
    g_test_add ("/team/" path, Fixture, NULL, fixture_set_up, func,            \
                fixture_tear_down)
  ADD ("conclude-insensitive", test_conclude_insensitive);
  ADD ("preferences", test_preferences);
  ADD ("setup-shared", test_setup_shared);
  ADD ("password-dialog", test_password_dialog);
#undef ADD
  if (ls_core_test_pg_server () == NULL)
    return g_test_run ();

  path = ls_test_make_database ("team-start", NULL);
  app = ls_application_new ();
  ls_application_open_database (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  ls_test_wait_for_store (app);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
