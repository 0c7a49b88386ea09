/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ls-application.h"
#include "ls-attention-panel.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-window.h"

/* One registered application for the whole program: on a session bus a
 * second instance could not export its object path in the same process. */
static LsApplication *app;

/* A database set up for one unit, with no case yet. */
static char *
make_set_up_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsOrganisation) organisation = ls_organisation_new ();
  g_autoptr (LsUnit) unit = ls_unit_new ();
  char *path = ls_test_make_database ("window", NULL);

  ls_organisation_set_name (organisation, "Vård- och omsorgsnämnden");
  ls_unit_set_name (unit, "Solgården");
  ls_unit_set_activity (unit, "Särskilt boende för äldre");
  g_list_store_append (ls_organisation_get_units (organisation), unit);
  store = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
window_shows_empty_state (gpointer data)
{
  return ls_test_shows_text (data, "No Cases Yet");
}

/* poppler-glib is the preview's alone, opened when it first shows a PDF,
 * and libpq team mode's, opened with its module for a shared database: a
 * window on a database in a file leaves both out of the process's
 * memory, with what they link (TLS, Kerberos, LDAP). */
static void
assert_optional_libraries_not_loaded (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (maps, "libgtk-4"));
  g_assert_nonnull (strstr (maps, "libsqlite3"));
  g_assert_null (strstr (maps, "libpoppler"));
  g_assert_null (strstr (maps, "liblexsarah-pg"));
  g_assert_null (strstr (maps, "libpq"));
  g_assert_null (strstr (maps, "libgnutls"));
}

/* How many of @widget's pixels are drawn opaque, and how many of those
 * are light. */
static guint
count_drawn (GtkWidget *widget, const char *name, guint *light)
{
  g_autofree char *path = ls_test_save_screenshot (widget, name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  g_autofree guchar *pixels = NULL;
  guint drawn = 0;
  int width, height;

  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  *light = 0;
  for (int i = 0; i < width * height; i++)
    if (pixels[i * 4 + 3] > 0xc0)
      {
        drawn++;
        if (pixels[i * 4] > 0x80)
          (*light)++;
      }
  return drawn;
}

/* The spinners draw the app's icon, a PNG, and not the theme's, an SVG,
 * which loads librsvg (some 6 MB) the first time a wait lasts; in the
 * text's colour, as the theme's is. */
static void
test_window_spinner_icon (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  g_autofree char *maps = NULL;
  g_autoptr (GError) error = NULL;
  guint light;

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_window_set_child (GTK_WINDOW (window), spinner);
  gtk_window_present (GTK_WINDOW (window));

  /* Its ring is drawn, dark on the light style and light on the dark. */
  g_assert_cmpuint (count_drawn (spinner, "spinner", &light), >, 32);
  g_assert_cmpuint (light, ==, 0);
  ls_test_use_dark (TRUE);
  g_assert_cmpuint (count_drawn (spinner, "spinner-dark", &light), >, 32);
  g_assert_cmpuint (light, >, 32);
  ls_test_use_dark (FALSE);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (maps, "librsvg"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_opens_while_loading (void)
{
  g_autofree char *path = make_set_up_database ();
  GtkWidget *window;
  GtkStack *stack;

  /* The window shows at once; the database opens off the main loop. */
  ls_application_open_database (app, path);
  g_assert_null (ls_application_get_store (app));
  window = GTK_WIDGET (ls_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (ls_test_find_by_type (window, GTK_TYPE_STACK, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                     "new-report"));

  ls_test_wait_until (window_shows_empty_state, window);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                    "new-report"));
  assert_optional_libraries_not_loaded ();
  ls_test_destroy_windows ();
}

static gboolean
stack_left_loading (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "loading") != 0;
}

/* When the database is open, the window shows what it holds at once, in
 * the first frame after: not faded in over the loading page, which drew
 * the whole window twice at every frame of the fade, and showed the list
 * barely visible in the first. */
static void
test_window_shown_without_fade (void)
{
  g_autofree char *path = make_set_up_database ();
  GtkWidget *window;
  GtkStack *stack;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE,
                NULL);
  ls_application_open_database (app, path);
  window = GTK_WIDGET (ls_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (ls_test_find_by_type (window, GTK_TYPE_STACK, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_cmpint (gtk_stack_get_transition_type (stack), ==,
                   GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  ls_test_wait_until (stack_left_loading, stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (stack)));
  g_assert_false (gtk_stack_get_transition_running (stack));
  g_assert_true (window_shows_empty_state (window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                NULL);
  ls_test_destroy_windows ();
}

/* The keyboard shortcuts, built when first asked for: Ctrl+? and the main
 * menu's Keyboard Shortcuts open them over the window, the second time too. */
static void
test_window_shortcuts (void)
{
  g_autofree char *path = make_set_up_database ();
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (
      GTK_APPLICATION (app), "win.show-help-overlay");
  GtkWidget *window;
  GtkWidget *shortcuts;

  g_assert_cmpstr (accels[0], ==, "<Control>question");
  ls_test_open_database (app, path);
  window = GTK_WIDGET (ls_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  ls_test_wait_until (window_shows_empty_state, window);
  g_assert_null (ls_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (
          gtk_widget_activate_action (window, "win.show-help-overlay", NULL));
      shortcuts = ls_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
      g_assert_nonnull (shortcuts);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) ==
                     GTK_WINDOW (window));
      ls_test_wait_for_frames (shortcuts, 2);
      g_assert_true (ls_test_widget_has_text (shortcuts, "New Report"));
      gtk_window_close (GTK_WINDOW (shortcuts));
      ls_test_drain_events ();
      g_assert_null (ls_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
    }
  ls_test_destroy_windows ();
}

static void
test_window_empty_state (void)
{
  g_autofree char *screenshot = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window;
  GtkPopover *popover;

  window = ls_test_open_window (app, 960, 640);
  ls_test_wait_until (window_shows_empty_state, window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Lex Sarah");
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) ==
                 GTK_APPLICATION (app));
  g_assert_true (ls_test_widget_has_text (window, "No Cases Yet"));
  g_assert_true (ls_test_widget_has_text (window, "New Report"));

  screenshot = ls_test_save_screenshot (window, "main-window");
  texture = gdk_texture_new_from_filename (screenshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (window));
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gtk_widget_get_height (window));
  g_assert_cmpint (gtk_widget_get_width (window), >=, 900);

  /* The page is built when first shown, its menu button too: F10 opens
   * the main menu there. */
  popover = ls_test_open_main_menu (window);
  g_assert_true (ls_test_shows_text (GTK_WIDGET (popover), "Preferences"));
  g_assert_true (
      ls_test_shows_text (GTK_WIDGET (popover), "Statistics and Learning"));
  gtk_popover_popdown (popover);

  ls_test_destroy_windows ();
}

static gboolean
attention_loaded (gpointer data)
{
  return !ls_attention_panel_get_loading (LS_ATTENTION_PANEL (data));
}

/* What needs attention now builds its pages for what it finds when it
 * first finds something: with no case, the page that says so. */
static void
test_attention_empty (void)
{
  g_autofree char *path = make_set_up_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (path, &error);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsContext) context = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *panel;

  g_assert_no_error (error);
  organisation = ls_store_load_organisation (store, &error);
  g_assert_no_error (error);
  context =
      ls_context_new (store, organisation, ls_application_get_settings (app));
  panel = GTK_WIDGET (ls_attention_panel_new (context));
  adw_window_set_content (ADW_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (
      ls_test_widget_has_text (panel, "Nothing Needs Attention Now"));

  ls_test_wait_until (attention_loaded, panel);
  ls_test_wait_for_frames (window, 2);
  g_assert_cmpuint (ls_attention_panel_get_n_cases (LS_ATTENTION_PANEL (panel)),
                    ==, 0);
  g_assert_true (
      ls_test_widget_has_text (panel, "Nothing Needs Attention Now"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (
                       ls_test_find_by_type (panel, GTK_TYPE_STACK, 0))),
                   ==, "empty");
  ls_test_destroy_windows ();
}

static gboolean
shows_swedish_empty_state (gpointer data)
{
  return ls_test_shows_text (data, "Inga ärenden än");
}

static void
test_window_swedish (void)
{
  GtkWidget *window;

  ls_test_use_language ("sv");

  window = GTK_WIDGET (ls_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  ls_test_wait_for_frames (window, 2);
  ls_test_wait_until (shows_swedish_empty_state, window);

  g_assert_true (ls_test_widget_has_text (window, "Inga ärenden än"));
  g_assert_true (ls_test_widget_has_text (window, "Ny rapport"));
  g_assert_false (ls_test_widget_has_text (window, "No Cases Yet"));

  g_free (ls_test_save_screenshot (window, "main-window-sv"));
  ls_test_destroy_windows ();
  ls_test_use_language ("en");
}

static void
test_window_size_saved (void)
{
  GSettings *settings = ls_application_get_settings (app);
  GtkWidget *window;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);

  window = GTK_WIDGET (ls_window_new (app));
  g_assert_cmpint (gtk_widget_get_width (window), ==, 0);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 700);
    g_assert_cmpint (height, ==, 500);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);

  ls_test_destroy_windows ();
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  int status;

  ls_test_init_gtk (&argc, &argv);

  path = make_set_up_database ();
  app = ls_test_start_app (path);

  g_test_add_func ("/window/spinner-icon", test_window_spinner_icon);
  g_test_add_func ("/window/opens-while-loading",
                   test_window_opens_while_loading);
  g_test_add_func ("/window/shown-without-fade",
                   test_window_shown_without_fade);
  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/attention-empty", test_attention_empty);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/size-saved", test_window_size_saved);
  g_test_add_func ("/window/swedish", test_window_swedish);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
