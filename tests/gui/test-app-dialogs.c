/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ls-application.h"
#include "ls-preferences-window.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"

static LsApplication *app;

static void
test_preferences_store_name_and_title (void)
{
  GSettings *settings = ls_application_get_settings (app);
  g_autofree char *saved = NULL;
  GtkWindow *preferences;
  GtkWidget *name_row;

  g_settings_set_string (settings, "user-name", "Karin Lind");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ls_test_drain_events ();

  preferences = ls_test_find_window (LS_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (preferences);
  ls_test_wait_for_frames (GTK_WIDGET (preferences), 2);

  /* The row shows what is saved ... */
  name_row = ls_test_find_label (GTK_WIDGET (preferences), "Karin Lind");
  g_assert_nonnull (name_row);
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (preferences),
                                          "Your Name and Title"));

  /* ... and what is typed is saved. */
  gtk_editable_set_text (
      GTK_EDITABLE (gtk_widget_get_ancestor (name_row, ADW_TYPE_ENTRY_ROW)),
      "Karin Lind-Berg");
  saved = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (saved, ==, "Karin Lind-Berg");

  g_free (ls_test_save_screenshot (GTK_WIDGET (preferences), "preferences"));
  gtk_window_destroy (preferences);
  ls_test_drain_events ();
}

static void
test_about_names_the_app (void)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ls_test_drain_events ();

  about = ls_test_find_window (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_nonnull (about);
  g_assert_cmpstr (
      adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
      "Lex Sarah");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)),
                   ==, GTK_LICENSE_GPL_3_0);
  ls_test_wait_for_frames (GTK_WIDGET (about), 2);
  g_free (ls_test_save_screenshot (GTK_WIDGET (about), "about"));

  gtk_window_destroy (about);
  ls_test_drain_events ();
}

static void
test_accelerators (void)
{
  g_auto (GStrv) quit = NULL;
  g_auto (GStrv) preferences = NULL;
  g_auto (GStrv) new_report = NULL;
  g_auto (GStrv) search = NULL;

  quit =
      gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  preferences = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                       "app.preferences");
  new_report = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                      "win.new-report");
  search = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                  "win.search");
  g_assert_cmpstr (quit[0], ==, "<Control>q");
  g_assert_cmpstr (preferences[0], ==, "<Control>comma");
  g_assert_cmpstr (new_report[0], ==, "<Control>n");
  g_assert_cmpstr (search[0], ==, "<Control>f");
}

static void
test_shortcuts_window (void)
{
  g_autoptr (GtkBuilder) builder = NULL;
  GObject *overlay;

  builder = gtk_builder_new_from_resource (
      "/com/example/LexSarah/gtk/shortcuts-window.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_present (GTK_WINDOW (overlay));
  ls_test_wait_for_frames (GTK_WIDGET (overlay), 2);
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (overlay), "Quit"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (overlay), "Preferences"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (overlay), "New Report"));
  g_assert_true (
      ls_test_widget_has_text (GTK_WIDGET (overlay), "Search Cases"));
  g_free (ls_test_save_screenshot (GTK_WIDGET (overlay), "shortcuts"));
  gtk_window_destroy (GTK_WINDOW (overlay));
  ls_test_drain_events ();
}

int
main (int argc, char *argv[])
{
  int status;

  ls_test_init_gtk (&argc, &argv);

  app = ls_test_start_app (NULL);

  g_test_add_func ("/app/accelerators", test_accelerators);
  g_test_add_func ("/app/about", test_about_names_the_app);
  g_test_add_func ("/app/preferences", test_preferences_store_name_and_title);
  g_test_add_func ("/app/shortcuts", test_shortcuts_window);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
