/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "ls-test-utils.h"

void
ls_test_init_gtk (int *argc, char ***argv)
{
  g_test_init (argc, argv, NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LS_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The return value is the truth; gtk_is_initialized() is not (4.8).  A
   * widget test without a display fails: it must never pass unseen. */
  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run widget tests under xvfb-run\n");
      exit (1);
    }
  adw_init ();

  /* The app's style, as AdwApplication loads it, so that screenshots look
   * as the app does.  Tests without the app's resources have none. */
  if (g_resources_get_info ("/com/example/LexSarah/style.css",
                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider,
                                           "/com/example/LexSarah/style.css");
      gtk_style_context_add_provider_for_display (
          gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
          GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* Screenshots and assertions see the final state, not a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                NULL);
}

/* gettext caches translations per language; changing LANGUAGE and setting
 * the text domain again makes the next lookups use the new language. */
void
ls_test_use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);
}

/* Light and dark, normal and narrow. */
const LsTestLook ls_test_looks[LS_TEST_N_LOOKS] = {
  { "", FALSE, FALSE },
  { "-dark", TRUE, FALSE },
  { "-narrow", FALSE, TRUE },
  { "-dark-narrow", TRUE, TRUE },
};

/* The title buttons windows show, as a desktop's layout names them: NULL
 * for GNOME's own, "appmenu:close", so that a narrow window is what
 * users see. */
void
ls_test_use_title_buttons (const char *layout)
{
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout",
                layout != NULL ? layout : "appmenu:close", NULL);
}

/* The dark style, or the default one again. */
void
ls_test_use_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_DEFAULT);
}

/* The high-contrast style, or the default one again.  Without a settings
 * portal, libadwaita 1.2 reads it from the desktop's schema where it is
 * installed (the tests' settings are in memory), and from the GTK theme's
 * name where it is not. */
void
ls_test_use_high_contrast (gboolean high_contrast)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema =
      source != NULL ? g_settings_schema_source_lookup (
                           source, "org.gnome.desktop.a11y.interface", TRUE)
                     : NULL;

  if (schema != NULL && g_settings_schema_has_key (schema, "high-contrast"))
    {
      g_autoptr (GSettings) settings =
          g_settings_new ("org.gnome.desktop.a11y.interface");

      g_settings_set_boolean (settings, "high-contrast", high_contrast);
    }
  else
    g_object_set (gtk_settings_get_default (), "gtk-theme-name",
                  high_contrast ? "HighContrast" : "Adwaita", NULL);
  ls_test_drain_events ();
}

static gboolean
count_frame_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test after
 * @seconds, with @name and the caller's place in the message. */
void
ls_test_wait_until_named (guint seconds,
                          LsTestCondition condition,
                          const char *name,
                          gpointer data,
                          const char *file,
                          int line)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    {
      g_source_remove (timeout_id);
      return;
    }
  {
    g_autofree char *message =
        g_strdup_printf ("%s did not hold after %u s", name, seconds);

    g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, message);
  }
}

/* Runs the main loop for @ms, so that work in threads and timeouts can
 * report back. */
void
ls_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Handles what is pending, without waiting for more. */
void
ls_test_drain_events (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Destroys every window a test left open, without asking, and lets what
 * their going set off run. */
void
ls_test_destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  ls_test_drain_events ();
}

void
ls_test_wait_for_frames (GtkWidget *widget, guint frames)
{
  guint seen = 0;
  gboolean timed_out = FALSE;
  guint tick_id;
  guint timeout_id;

  tick_id = gtk_widget_add_tick_callback (widget, count_frame_cb, &seen, NULL);
  timeout_id = g_timeout_add_seconds (LS_TEST_TIMEOUT, timeout_cb, &timed_out);

  while (seen < frames && !timed_out)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }

  gtk_widget_remove_tick_callback (widget, tick_id);
  if (!timed_out)
    {
      g_source_remove (timeout_id);
      return;
    }
  g_error ("%s drew %u of %u frames in %u s", G_OBJECT_TYPE_NAME (widget), seen,
           frames, LS_TEST_TIMEOUT);
}

/* Renders @widget as it is on screen and writes it to
 * BUILDDIR/screenshots/NAME.png; returns the file's path. */
char *
ls_test_save_screenshot (GtkWidget *widget, const char *name)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  char *path;
  GskRenderer *renderer;
  graphene_rect_t bounds;
  int width, height;

  paintable = gtk_widget_paintable_new (widget);
  /* A fresh paintable is empty until the widget's next frame. */
  ls_test_wait_for_frames (widget, 3);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  dir = g_build_filename (LS_TEST_BUILDDIR, "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  basename = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, basename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_message ("Screenshot: %s", path);

  return path;
}

/* @shown as it reads: without the isolates around the values put into
 * it and the mark of direction before a sentence that starts with one,
 * none of which are drawn. */
char *
ls_test_dup_plain (const char *shown)
{
  GString *out;

  if (shown == NULL)
    return NULL;
  out = g_string_new (shown);
  g_string_replace (out, "\u2068", "", 0);
  g_string_replace (out, "\u2069", "", 0);
  g_string_replace (out, "\u200e", "", 0);
  g_string_replace (out, "\u200f", "", 0);
  return g_string_free (out, FALSE);
}

/* Whether @shown reads as @text. */
gboolean
ls_test_reads_as (const char *shown, const char *text)
{
  g_autofree char *plain = ls_test_dup_plain (shown);
  g_autofree char *wanted = ls_test_dup_plain (text);

  return g_strcmp0 (plain, wanted) == 0;
}

static gboolean
widget_shows_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget))
    return ls_test_reads_as (gtk_label_get_text (GTK_LABEL (widget)), text);
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    return ls_test_reads_as (gtk_editable_get_text (GTK_EDITABLE (widget)),
                             text);
  return FALSE;
}

/* Depth-first search for a visible widget that shows exactly @text. */
GtkWidget *
ls_test_find_label (GtkWidget *root, const char *text)
{
  GtkWidget *child;

  if (!gtk_widget_get_visible (root))
    return NULL;
  if (widget_shows_text (root, text))
    return root;

  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ls_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
ls_test_widget_has_text (GtkWidget *root, const char *text)
{
  return ls_test_find_label (root, text) != NULL;
}

/* A title as it reads, without the underscore of its mnemonic and the
 * isolates and marks around its values. */
char *
ls_test_strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *plain = NULL;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      g_string_append_c (out, *p);
  plain = g_string_free (out, FALSE);
  return ls_test_dup_plain (plain);
}

/* Depth-first search for the preference row titled @title (mnemonic
 * underscores ignored), on any page of a stack. */
GtkWidget *
ls_test_find_row (GtkWidget *root, const char *title)
{
  GtkWidget *child;

  if (ADW_IS_PREFERENCES_ROW (root))
    {
      g_autofree char *plain = ls_test_strip_mnemonic (
          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));

      if (g_strcmp0 (plain, title) == 0)
        return root;
    }

  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ls_test_find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Types @text into the entry row titled @title, as a user would. */
void
ls_test_set_row_text (GtkWidget *root, const char *title, const char *text)
{
  GtkWidget *row = ls_test_find_row (root, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
find_by_type (GtkWidget *root, GType type, guint *nth)
{
  GtkWidget *child;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (*nth == 0)
        return root;
      (*nth)--;
    }

  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type, nth);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The @nth (from 0) widget of @type under @root, depth first. */
GtkWidget *
ls_test_find_by_type (GtkWidget *root, GType type, guint nth)
{
  return find_by_type (root, type, &nth);
}

/* Clicks the button showing @label, as a user would. */
void
ls_test_click (GtkWidget *root, const char *label)
{
  GtkWidget *found = ls_test_find_label (root, label);
  GtkWidget *button;

  if (found == NULL)
    g_error ("No button “%s”", label);
  button = GTK_IS_BUTTON (found)
               ? found
               : gtk_widget_get_ancestor (found, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* "activate" would click only after a visible delay. */
  g_signal_emit_by_name (button, "clicked");
}

/* Opens the main menu of the page the main @window shows, as F10 does;
 * returns it, shown. */
GtkPopover *
ls_test_open_main_menu (GtkWidget *window)
{
  GtkWidget *menu;
  GtkPopover *popover;

  g_assert_true (gtk_widget_activate_action (window, "win.show-menu", NULL));
  ls_test_wait_for_frames (window, 2);
  menu = ls_test_find_by_type (window, GTK_TYPE_POPOVER_MENU, 0);
  g_assert_nonnull (menu);
  popover = gtk_menu_button_get_popover (
      GTK_MENU_BUTTON (gtk_widget_get_ancestor (menu, GTK_TYPE_MENU_BUTTON)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  return popover;
}

/* The newest visible toplevel of @type, or NULL. */
GtkWidget *
ls_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (window))
        found = window;
    }
  return found;
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint keyval,
                 GdkModifierType modifiers)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (
               GTK_KEYVAL_TRIGGER (trigger))) == gdk_keyval_to_lower (keyval) &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) ==
               modifiers;
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (
                                GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (
                                GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers);
  return FALSE;
}

/* Runs the first shortcut of @widget's controllers in @phase that is
 * bound to the key and takes it. */
static gboolean
run_shortcuts (GtkWidget *widget,
               GtkPropagationPhase phase,
               guint keyval,
               GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  if (!gtk_widget_is_sensitive (widget))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller =
          g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint k = 0;
           k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr (GtkShortcut) shortcut =
              g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval,
                               modifiers) &&
              gtk_shortcut_action_activate (
                  gtk_shortcut_get_action (shortcut),
                  GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                  gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * ls_test_press_key:
 * @window: the window the key is pressed in
 *
 * Presses a key in @window as GTK hands it on: to the shortcuts of the
 * widgets from the window down to the focus, then back up from the focus
 * to the window, the first that takes the key ending it.  Key events
 * cannot be made in a test; the keys of a window are shortcuts.
 *
 * Returns: whether a shortcut took the key
 */
gboolean
ls_test_press_key (GtkWidget *window, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *w = focus != NULL ? focus : window; w != NULL;
       w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);
  for (guint i = chain->len; i > 0; i--)
    if (run_shortcuts (chain->pdata[i - 1], GTK_PHASE_CAPTURE, keyval,
                       modifiers))
      return TRUE;
  for (guint i = 0; i < chain->len; i++)
    if (run_shortcuts (chain->pdata[i], GTK_PHASE_BUBBLE, keyval, modifiers))
      return TRUE;
  return FALSE;
}
