/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ls-application.h"
#include "ls-context.h"
#include "ls-organisation-page.h"
#include "ls-preferences-window.h"
#include "ls-setup-page.h"
#include "ls-test-app.h"
#include "ls-row-error.h"
#include "ls-test-utils.h"
#include "ls-unit-dialog.h"
#include "ls-window.h"

/* The first run, filled in as a manager would, and the organisation as
 * Preferences edit it later; every value read back from the store. */

static LsApplication *app;

static void
set_row (GtkWidget *root, const char *title, const char *text)
{
  ls_test_set_row_text (root, title, text);
}

static void
choose (GtkWidget *root, const char *title, guint position)
{
  GtkWidget *row = ls_test_find_row (root, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

/* The error a row shows, or NULL. */
static const char *
row_error (GtkWidget *root, const char *title)
{
  GtkWidget *row = ls_test_find_row (root, title);

  g_assert_nonnull (row);
  if (!gtk_widget_has_css_class (row, "error"))
    return NULL;
  g_assert_nonnull (ls_row_get_error (row));
  return ls_row_get_error (row);
}

static gboolean
dialog_open (gpointer data)
{
  return ls_test_find_window (LS_TYPE_UNIT_DIALOG, NULL) != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return !dialog_open (data);
}

static LsUnitDialog *
open_unit_dialog (GtkWidget *page)
{
  GtkWindow *dialog;

  ls_test_click (page, "Add Unit");
  ls_test_wait_until (dialog_open, NULL);
  dialog = ls_test_find_window (LS_TYPE_UNIT_DIALOG, NULL);
  ls_test_wait_for_frames (GTK_WIDGET (dialog), 2);
  return LS_UNIT_DIALOG (dialog);
}

static void
fill_unit (GtkWidget *dialog)
{
  set_row (dialog, "Name", "Gruppbostaden Björken");
  set_row (dialog, "Type of activity", "Gruppbostad enligt LSS");
  choose (dialog, "Act the activity is run under", 1);
  set_row (dialog, "Street address", "Björkvägen 3");
  set_row (dialog, "Postcode", "903 25");
  set_row (dialog, "Town", "Umeå");
  set_row (dialog, "Phone", "090-12 34 56");
}

static void
fill_organisation (GtkWidget *page)
{
  choose (page, "Type of organisation", 1);
  set_row (page, "Name of the board or provider", "Omsorg i Norr AB");
  set_row (page, "Municipality or region", "Umeå");
  set_row (page, "Registration number prefix", "ON");
  choose (page, "IVO department", 1);
  set_row (page, "Contact’s name", "Maria Exempel");
  set_row (page, "Contact’s title", "Verksamhetschef");
  set_row (page, "Workplace", "Omsorg i Norr AB, huvudkontoret");
  set_row (page, "Postal address", "Box 12");
  set_row (page, "Postcode", "901 10");
  set_row (page, "Town", "Umeå");
  set_row (page, "Phone", "090-10 00 00");
  set_row (page, "E-mail", "maria.exempel@omsorgnorr.se");
  set_row (page, "Your name", "Karin Lind");
  set_row (page, "Your job title", "Enhetschef");
}

static gboolean
setup_done (gpointer data)
{
  return !ls_application_needs_setup (app);
}

static void
test_first_run (void)
{
  g_autofree char *path = ls_test_make_database ("setup-first-run", NULL);
  g_autoptr (LsOrganisation) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *example = NULL;
  GtkWidget *window;
  GtkWidget *page;
  LsUnitDialog *dialog;
  LsUnit *unit;

  ls_test_open_database (app, path);
  g_assert_true (ls_application_needs_setup (app));
  window = ls_test_open_window (app, 900, 760);
  ls_test_wait_for_text (window, "Welcome to Lex Sarah");
  page = ls_test_find_by_type (window, LS_TYPE_ORGANISATION_PAGE, 0);
  g_assert_nonnull (page);
  g_free (ls_test_save_screenshot (window, "setup"));

  fill_organisation (page);
  /* The prefix shows the numbers it gives. */
  example =
      g_strdup_printf ("Your cases are numbered by year: the first this "
                       "year gets ON-%d-0001, the next ON-%d-0002. A "
                       "short prefix tells your numbers apart from "
                       "others’.",
                       g_date_time_get_year (now), g_date_time_get_year (now));
  g_assert_true (ls_test_shows_text (page, example));
  /* The department shows the counties it supervises. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       ls_test_find_row (page, "IVO department"))),
                   ==,
                   "Västernorrlands, Jämtlands, Västerbottens och "
                   "Norrbottens län");
  g_assert_true (ls_test_shows_text (
      page, "A company, foundation or association that runs the activity "
            "under a permit or a contract with the municipality."));

  dialog = open_unit_dialog (page);
  fill_unit (GTK_WIDGET (dialog));
  g_free (ls_test_save_screenshot (GTK_WIDGET (dialog), "setup-unit"));
  ls_test_click (GTK_WIDGET (dialog), "Add");
  ls_test_wait_until (dialog_closed, NULL);
  ls_test_wait_for_text (page, "Gruppbostaden Björken");
  g_assert_true (ls_test_shows_text (page, "Gruppbostad enligt LSS · LSS"));
  g_free (ls_test_save_screenshot (window, "setup-filled"));

  ls_test_click (page, "Save and Start");
  ls_test_wait_until (setup_done, NULL);
  ls_test_wait_for_text (window, "No Cases Yet");

  /* Who you are: the author the history and the rows record. */
  {
    g_autoptr (LsContext) context = ls_context_new (
        ls_application_get_store (app), ls_application_get_organisation (app),
        ls_application_get_settings (app));
    g_autofree char *author = ls_context_dup_author (context);
    g_autofree char *title = ls_context_dup_author_title (context);

    g_assert_cmpstr (author, ==, "Karin Lind");
    g_assert_cmpstr (title, ==, "Enhetschef");
  }

  /* Every value, from the database itself. */
  saved = ls_store_load_organisation (ls_application_get_store (app), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ls_organisation_get_kind (saved), ==,
                   LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  g_assert_cmpstr (ls_organisation_get_name (saved), ==, "Omsorg i Norr AB");
  g_assert_cmpstr (ls_organisation_get_municipality (saved), ==, "Umeå");
  g_assert_cmpstr (ls_organisation_get_regno_prefix (saved), ==, "ON");
  g_assert_cmpstr (ls_organisation_get_department (saved), ==, "nord");
  g_assert_cmpstr (ls_organisation_get_contact_name (saved), ==,
                   "Maria Exempel");
  g_assert_cmpstr (ls_organisation_get_contact_title (saved), ==,
                   "Verksamhetschef");
  g_assert_cmpstr (ls_organisation_get_workplace (saved), ==,
                   "Omsorg i Norr AB, huvudkontoret");
  g_assert_cmpstr (ls_organisation_get_postal_address (saved), ==, "Box 12");
  g_assert_cmpstr (ls_organisation_get_postcode (saved), ==, "901 10");
  g_assert_cmpstr (ls_organisation_get_town (saved), ==, "Umeå");
  g_assert_cmpstr (ls_organisation_get_phone (saved), ==, "090-10 00 00");
  g_assert_cmpstr (ls_organisation_get_email (saved), ==,
                   "maria.exempel@omsorgnorr.se");
  g_assert_cmpuint (g_list_model_get_n_items (
                        G_LIST_MODEL (ls_organisation_get_units (saved))),
                    ==, 1);
  unit = g_list_model_get_item (
      G_LIST_MODEL (ls_organisation_get_units (saved)), 0);
  g_assert_true (g_uuid_string_is_valid (ls_unit_get_id (unit)));
  g_assert_cmpstr (ls_unit_get_name (unit), ==, "Gruppbostaden Björken");
  g_assert_cmpstr (ls_unit_get_activity (unit), ==, "Gruppbostad enligt LSS");
  g_assert_cmpint (ls_unit_get_regime (unit), ==, LS_REGIME_LSS);
  g_assert_cmpstr (ls_unit_get_street_address (unit), ==, "Björkvägen 3");
  g_assert_cmpstr (ls_unit_get_postcode (unit), ==, "903 25");
  g_assert_cmpstr (ls_unit_get_town (unit), ==, "Umeå");
  g_assert_cmpstr (ls_unit_get_phone (unit), ==, "090-12 34 56");
  g_object_unref (unit);

  /* The next registration number takes the prefix. */
  g_free (example);
  example = ls_store_next_regno (ls_application_get_store (app),
                                 g_date_time_get_year (now), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (example, "ON-"));

  g_free (ls_test_save_screenshot (window, "main-window-empty"));
  ls_test_destroy_windows ();
}

/* First run asks who you are, prefilled from the account's real name
 * where it has one (never the login name), and will not start without a
 * name. */
static void
test_who_you_are (void)
{
  g_autofree char *path = ls_test_make_database ("setup-who", NULL);
  GSettings *settings = ls_application_get_settings (app);
  const char *real = g_get_real_name ();
  const char *expected = "";
  g_autofree char *saved_name = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *name_row;

  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "user-title");
  if (real != NULL && !g_str_equal (real, "Unknown") &&
      !g_str_equal (real, g_get_user_name ()))
    expected = real;
  ls_test_open_database (app, path);
  window = ls_test_open_window (app, 900, 760);
  page = ls_test_find_by_type (window, LS_TYPE_ORGANISATION_PAGE, 0);
  g_assert_nonnull (page);
  name_row = ls_test_find_row (page, "Your name");
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   expected);
  g_assert_true (ls_test_widget_has_text (page, "Your Name and Title"));

  fill_organisation (page);
  set_row (page, "Your name", "  ");
  ls_test_click (page, "Save and Start");
  ls_test_drain_events ();
  g_assert_cmpstr (row_error (page, "Your name"), ==,
                   "Give your name: it is recorded as who received, "
                   "documented and decided.");
  g_assert_true (ls_application_needs_setup (app));
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *shot =
          g_strconcat ("setup-who", ls_test_looks[i].suffix, NULL);
      GtkAdjustment *adjustment =
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
              ls_test_find_by_type (page, GTK_TYPE_SCROLLED_WINDOW, 0)));

      ls_test_use_dark (ls_test_looks[i].dark);
      gtk_window_set_default_size (
          GTK_WINDOW (window),
          ls_test_looks[i].narrow ? LS_TEST_NARROW_WIDTH : 900, 760);
      ls_test_wait_for_frames (window, 3);
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_upper (adjustment));
      ls_test_wait_for_frames (window, 3);
      g_free (ls_test_save_screenshot (window, shot));
    }
  ls_test_use_dark (FALSE);

  /* Named, only the missing unit holds the start back; nothing is saved
   * of who you are before the organisation is. */
  set_row (page, "Your name", "Karin Lind");
  ls_test_click (page, "Save and Start");
  ls_test_drain_events ();
  g_assert_null (row_error (page, "Your name"));
  g_assert_true (ls_application_needs_setup (app));
  saved_name = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (saved_name, ==, "");
  ls_test_destroy_windows ();
}

static void
test_bad_input (void)
{
  g_autofree char *path = ls_test_make_database ("setup-bad-input", NULL);
  g_autoptr (LsOrganisation) saved = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window;
  GtkWidget *page;

  ls_test_open_database (app, path);
  window = ls_test_open_window (app, 900, 760);
  page = ls_test_find_by_type (window, LS_TYPE_ORGANISATION_PAGE, 0);
  g_assert_nonnull (page);

  fill_organisation (page);
  set_row (page, "Postcode", "90");
  set_row (page, "E-mail", "maria.exempel");
  set_row (page, "Contact’s name", "   ");
  choose (page, "IVO department", 0);
  ls_test_click (page, "Save and Start");
  ls_test_drain_events ();

  /* Each row says what is wrong with it ... */
  g_assert_cmpstr (row_error (page, "Postcode"), ==,
                   "This is not a postcode; write five digits, such as "
                   "“123 45”.");
  g_assert_cmpstr (row_error (page, "E-mail"), ==,
                   "This is not an e-mail address.");
  g_assert_cmpstr (row_error (page, "Contact’s name"), ==,
                   "Give whom IVO can contact.");
  g_assert_cmpstr (row_error (page, "IVO department"), ==,
                   "Choose the department for your county.");
  g_assert_cmpstr (row_error (page, "No units yet"), ==,
                   "Add at least one unit.");
  g_assert_null (row_error (page, "Name of the board or provider"));
  g_free (ls_test_save_screenshot (window, "setup-errors"));

  /* ... nothing is saved, and what was typed stays. */
  saved = ls_store_load_organisation (ls_application_get_store (app), &error);
  g_assert_no_error (error);
  g_assert_null (ls_organisation_get_name (saved));
  g_assert_true (ls_application_needs_setup (app));
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (ls_test_find_row (page, "E-mail"))),
      ==, "maria.exempel");

  /* A fixed row turns normal at once. */
  set_row (page, "Postcode", "901 10");
  g_assert_null (row_error (page, "Postcode"));
  set_row (page, "E-mail", "maria.exempel@omsorgnorr.se");
  g_assert_null (row_error (page, "E-mail"));

  ls_test_destroy_windows ();
}

static void
test_unit_dialog_checks (void)
{
  g_autofree char *path = ls_test_make_database ("setup-unit-checks", NULL);
  GtkWidget *window;
  GtkWidget *page;
  LsUnitDialog *dialog;

  ls_test_open_database (app, path);
  window = ls_test_open_window (app, 900, 760);
  page = ls_test_find_by_type (window, LS_TYPE_ORGANISATION_PAGE, 0);

  dialog = open_unit_dialog (page);
  set_row (GTK_WIDGET (dialog), "Postcode", "1234");
  ls_test_click (GTK_WIDGET (dialog), "Add");
  ls_test_drain_events ();
  g_assert_cmpstr (row_error (GTK_WIDGET (dialog), "Name"), ==,
                   "Give the unit’s name.");
  g_assert_nonnull (row_error (GTK_WIDGET (dialog), "Type of activity"));
  g_assert_nonnull (row_error (GTK_WIDGET (dialog), "Postcode"));
  g_free (ls_test_save_screenshot (GTK_WIDGET (dialog), "setup-unit-errors"));

  /* Still open, and no unit was added. */
  g_assert_true (dialog_open (NULL));
  gtk_window_close (GTK_WINDOW (dialog));
  ls_test_wait_until (dialog_closed, NULL);
  g_assert_cmpuint (
      g_list_model_get_n_items (G_LIST_MODEL (
          ls_organisation_get_units (ls_organisation_page_get_organisation (
              LS_ORGANISATION_PAGE (page))))),
      ==, 0);
  g_assert_true (ls_test_shows_text (page, "No units yet"));

  ls_test_destroy_windows ();
}

static void
test_narrow_dark (void)
{
  g_autofree char *path = ls_test_make_database ("setup-narrow", NULL);
  GtkWidget *window;

  ls_test_open_database (app, path);
  ls_test_use_dark (TRUE);
  window = ls_test_open_window (app, 360, 720);
  ls_test_wait_for_text (window, "Welcome to Lex Sarah");
  g_assert_cmpint (gtk_widget_get_width (window), ==, 360);
  g_free (ls_test_save_screenshot (window, "setup-narrow-dark"));
  ls_test_use_dark (FALSE);

  ls_test_destroy_windows ();
}

static void
test_refuses_bad_file (void)
{
  g_autofree char *path = ls_test_make_database ("not-a-database", NULL);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  const char *content = "Inköpslista: mjölk, bröd, kaffe.\n";
  GtkWidget *window;
  GtkPopover *popover;
  gsize length;

  g_assert_true (g_file_set_contents (path, content, -1, &error));
  g_assert_no_error (error);
  ls_test_open_database (app, path);
  g_assert_nonnull (ls_application_get_store_error (app));
  g_assert_null (ls_application_get_store (app));

  window = ls_test_open_window (app, 900, 640);
  ls_test_wait_for_text (window, "The Case Database Cannot Be Opened");
  g_free (ls_test_save_screenshot (window, "database-refused"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                     "new-report"));
  /* The page is built when first shown, its menu button too: F10 opens
   * the main menu there, to choose another database in Preferences. */
  popover = ls_test_open_main_menu (window);
  g_assert_true (ls_test_shows_text (GTK_WIDGET (popover), "Preferences"));
  gtk_popover_popdown (popover);

  /* The file is as it was. */
  g_assert_true (g_file_get_contents (path, &after, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, content);

  ls_test_destroy_windows ();
}

typedef struct
{
  const char *email;
  const char *name;
} Saved;

static gboolean
organisation_saved (gpointer data)
{
  Saved *expected = data;
  g_autoptr (LsOrganisation) saved = NULL;

  saved = ls_store_load_organisation (ls_application_get_store (app), NULL);
  return saved != NULL &&
         g_strcmp0 (ls_organisation_get_name (saved), expected->name) == 0 &&
         g_strcmp0 (ls_organisation_get_email (saved), expected->email) == 0;
}

/* The organisation is saved off the main loop: its units are in the
 * store once that save is done. */
static gboolean
three_units_saved (gpointer data)
{
  g_autoptr (LsOrganisation) saved =
      ls_store_load_organisation (ls_application_get_store (app), NULL);

  return saved != NULL && g_list_model_get_n_items (G_LIST_MODEL (
                              ls_organisation_get_units (saved))) == 3;
}

static guint
count_remove_buttons (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (root), "Remove") == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_remove_buttons (child);
  return n;
}

static gboolean
one_remove_button (gpointer data)
{
  return count_remove_buttons (data) == 1;
}

static void
test_preferences (void)
{
  g_autofree char *path =
      ls_test_make_database ("preferences", "docs/example.json");
  Saved expected = { "vard.omsorg@exempelstad.se",
                     "Vård- och omsorgsnämnden i Exempelstad" };
  GtkWindow *preferences;
  GtkWidget *page;
  LsUnitDialog *dialog;

  ls_test_open_database (app, path);
  ls_test_open_window (app, 900, 640);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ls_test_drain_events ();
  preferences = ls_test_find_window (LS_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (preferences);
  page = ls_test_find_by_type (GTK_WIDGET (preferences),
                               LS_TYPE_ORGANISATION_PAGE, 0);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (preferences, 600, 700);
  ls_test_wait_for_frames (GTK_WIDGET (preferences), 2);

  /* Changes apply as they are made. */
  set_row (page, "Name of the board or provider",
           "Vård- och omsorgsnämnden i Exempelstad");
  ls_test_wait_until (organisation_saved, &expected);

  /* A bad e-mail is marked, and not saved. */
  set_row (page, "E-mail", "vard.omsorg");
  ls_test_wait_for_frames (GTK_WIDGET (preferences), 40);
  g_assert_cmpstr (row_error (page, "E-mail"), ==,
                   "This is not an e-mail address.");
  g_assert_true (organisation_saved (&expected));
  set_row (page, "E-mail", "vard.omsorg@exempelstad.se");

  /* A new unit can be removed, until a case uses it; the units cases
   * belong to cannot be. */
  dialog = open_unit_dialog (page);
  fill_unit (GTK_WIDGET (dialog));
  ls_test_click (GTK_WIDGET (dialog), "Add");
  ls_test_wait_until (dialog_closed, NULL);
  ls_test_wait_for_text (page, "Gruppbostaden Björken");
  g_assert_true (ls_test_shows_text (page, "Gruppbostaden Linden"));
  ls_test_wait_until (one_remove_button, page);
  g_free (ls_test_save_screenshot (GTK_WIDGET (preferences),
                                   "preferences-organisation"));

  /* Closing saves what was still waiting. */
  gtk_window_close (preferences);
  ls_test_wait_until (three_units_saved, NULL);

  ls_test_destroy_windows ();
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  int status;

  ls_test_init_gtk (&argc, &argv);
  ls_test_use_title_buttons (NULL);

  path = ls_test_make_database ("setup-start", NULL);
  app = ls_test_start_app (path);

  g_test_add_func ("/setup/first-run", test_first_run);
  g_test_add_func ("/setup/who-you-are", test_who_you_are);
  g_test_add_func ("/setup/bad-input", test_bad_input);
  g_test_add_func ("/setup/unit-dialog-checks", test_unit_dialog_checks);
  g_test_add_func ("/setup/narrow-dark", test_narrow_dark);
  g_test_add_func ("/setup/refuses-bad-file", test_refuses_bad_file);
  g_test_add_func ("/preferences/organisation", test_preferences);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
