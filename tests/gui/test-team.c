/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ls-application.h"
#include "ls-core-test.h"
#include "ls-investigation-wizard.h"
#include "ls-people-window.h"
#include "ls-pg-team-test.h"
#include "ls-preferences-window.h"
#include "ls-routines-editor.h"
#include "ls-row-error.h"
#include "ls-staff-view.h"
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
  LsPgTeam team;
  const char *investigator;
  LsStore *store;
  GSettings *settings;
  LsContext *context;
  LsCase *lcase;
  GtkWidget *wizard;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autofree char *conninfo = NULL;

  ls_pg_team_init (&f->team);
  ls_pg_team_share_example (&f->team);
  f->investigator = ls_pg_team_name_role (&f->team, "ivar");
  ls_pg_team_add_person (&f->team, f->investigator, "investigator", "Ivar Berg",
                         "Kvalitetsutvecklare", NULL, CASE_OPEN);

  conninfo = ls_pg_team_dup_location_as (&f->team, f->investigator);
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
  ls_test_destroy_windows ();
  g_clear_object (&f->wizard);
  g_clear_object (&f->lcase);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  ls_pg_team_clear (&f->team);
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
      ls_pg_team_dup_location_as (&f->team, f->investigator);
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
  const char *role = ls_pg_team_name_role (&f->team, "pia");
  g_autofree char *conninfo = ls_pg_team_dup_location_as (&f->team, role);
  g_autofree char *kept = NULL;
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!ls_pg_team_add_password_role (&f->team, role, "rätt lösen"))
    return;

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
  (void) window;
}

/* The register as its owner saves it: @n people of Solgården, more than
 * one window shows. */
static void
add_people (Fixture *f, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) owner = ls_store_open (f->team.location, &error);
  g_autoptr (LsPeopleRegister) register_ = NULL;

  g_assert_no_error (error);
  register_ = ls_store_load_people (owner, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsPerson) person = ls_person_new ();
      g_autofree char *name = g_strdup_printf ("Person %02u Lind", i);
      const char *units[] = { LS_CORE_TEST_UNIT_SOLGARDEN, NULL };

      ls_person_set_name (person, name);
      ls_person_set_category (person, LS_REPORTER_CATEGORY_EMPLOYEE);
      ls_person_set_units (person, units);
      ls_person_set_started_on (person, "2025-01-01");
      g_list_store_append (ls_people_register_get_people (register_), person);
    }
  g_assert_true (ls_store_save_people (owner, register_, &error));
  g_assert_no_error (error);
}

static gboolean
people_loaded (gpointer data)
{
  return ls_people_window_get_view (data, "staff") != NULL;
}

/* The buttons of @root that change something: those of @action, or
 * whose icon is @icon; asserts there is one at least, and returns how
 * many of them are sensitive. */
static guint
n_sensitive_buttons (GtkWidget *root, const char *action, const char *icon)
{
  GtkWidget *button;
  guint n = 0;
  guint n_sensitive = 0;

  for (guint i = 0;
       (button = ls_test_find_by_type (root, GTK_TYPE_BUTTON, i)) != NULL; i++)
    if ((action != NULL &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                    action) == 0) ||
        (icon != NULL &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), icon) == 0))
      {
        n++;
        if (gtk_widget_is_sensitive (button))
          n_sensitive++;
      }
  g_assert_cmpuint (n, >, 0);
  return n_sensitive;
}

/* The view of @row scrolls: more in its scrolled window than it shows,
 * and moved down when asked. */
static void
assert_scrolls (GtkWidget *row)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double bottom;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (scrolled)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  bottom = gtk_adjustment_get_upper (adjustment) -
           gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, bottom);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, bottom);
}

/* Staff and Routines for someone who is not an administrator: read,
 * scrolled and selected, with the sentence why nothing can be changed,
 * and nothing that would change the register sensitive. */
static void
test_people_read_only (Fixture *f, gconstpointer data)
{
  const char *why =
      "Only an administrator can change the organisation and its people.";
  GtkWidget *window;
  GtkWidget *staff;
  GtkWidget *routines;
  GtkWidget *holder;

  g_assert_false (ls_store_may (f->store, LS_STORE_RIGHT_ADMINISTER));
  add_people (f, 40);
  window = ls_people_window_new (NULL, f->store,
                                 ls_context_get_organisation (f->context));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 520);
  gtk_window_present (GTK_WINDOW (window));
  ls_test_wait_until (people_loaded, window);
  staff = ls_people_window_get_view (LS_PEOPLE_WINDOW (window), "staff");
  ls_test_wait_for_frames (window, 3);

  g_assert_true (gtk_widget_is_sensitive (staff));
  g_assert_cmpuint (ls_staff_view_get_n_shown (LS_STAFF_VIEW (staff)), >=, 40);
  g_assert_true (ls_test_widget_has_text (staff, "Person 39 Lind"));
  g_assert_true (gtk_widget_is_visible (ls_test_find_label (staff, why)));
  g_free (ls_test_save_screenshot (window, "team-staff-read-only"));
  assert_scrolls (ls_test_find_row (staff, "Person 00 Lind"));
  /* Nobody is chosen for an occasion; names can be selected. */
  g_assert_null (ls_test_find_by_type (staff, GTK_TYPE_CHECK_BUTTON, 0));
  g_assert_true (adw_preferences_row_get_title_selectable (
      ADW_PREFERENCES_ROW (ls_test_find_row (staff, "Person 00 Lind"))));
  g_assert_cmpuint (n_sensitive_buttons (staff, "staff.add-person", NULL), ==,
                    0);
  g_assert_cmpuint (n_sensitive_buttons (staff, "staff.record-occasion", NULL),
                    ==, 0);
  g_assert_cmpuint (n_sensitive_buttons (staff, NULL, "document-edit-symbolic"),
                    ==, 0);

  routines = ls_people_window_get_view (LS_PEOPLE_WINDOW (window), "routines");
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 360);
  ls_test_wait_for_frames (window, 3);
  g_assert_true (gtk_widget_is_sensitive (routines));
  g_assert_true (ls_test_widget_has_text (routines, why));
  g_free (ls_test_save_screenshot (window, "team-routines-read-only"));
  /* The holders read, and take no input; no version can be decided. */
  holder = ls_test_find_by_type (routines, ADW_TYPE_ENTRY_ROW, 0);
  g_assert_nonnull (holder);
  assert_scrolls (holder);
  g_assert_true (gtk_widget_is_sensitive (holder));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (holder)));
  g_assert_false (
      gtk_widget_is_visible (ls_test_find_row (routines, "Decided by")));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  int status;

  ls_test_init_gtk (&argc, &argv);

  /* Each test by its own path, skipped by that path without a server:
   * the build runs them one per process. */
#define ADD(path, func)                                                        \
  if (ls_core_test_pg_server () == NULL)                                       \
    g_test_add_func ("/team/" path, ls_pg_team_skip_without_server);           \
  else                                                                         \
    g_test_add ("/team/" path, Fixture, NULL, fixture_set_up, func,            \
                fixture_tear_down)
  ADD ("conclude-insensitive", test_conclude_insensitive);
  ADD ("preferences", test_preferences);
  ADD ("setup-shared", test_setup_shared);
  ADD ("password-dialog", test_password_dialog);
  ADD ("people-read-only", test_people_read_only);
#undef ADD
  if (ls_core_test_pg_server () == NULL)
    return g_test_run ();

  path = ls_test_make_database ("team-start", NULL);
  app = ls_test_start_app (path);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
