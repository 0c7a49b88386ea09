/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-application.h"
#include "ls-cli.h"
#include "ls-form-cli.h"
#include "ls-paths.h"
#include "ls-preferences-window.h"
#include "ls-window.h"

struct _LsApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *database_path;
};

G_DEFINE_FINAL_TYPE (LsApplication, ls_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Use the case database in FILE instead of the default one"),
    N_ ("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Import the cases of an exchange document FILE and quit"),
    N_ ("FILE") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Export every case to an exchange document FILE and quit"),
    N_ ("FILE") },
  { "notification-pdf", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Write the notification form of case REGNO to the file given with "
        "--output and quit"),
    N_ ("REGNO") },
  { "investigation-pdf", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("Write the investigation of case REGNO to the file given with "
        "--output and quit"),
    N_ ("REGNO") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("The PDF file --notification-pdf or --investigation-pdf writes"),
    N_ ("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and quit"),
    NULL },
  { NULL }
};

static void
show_about_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LsApplication *self = user_data;
  GtkWindow *parent =
      gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Lex Sarah developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _ ("Lex Sarah"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, _ ("The Lex Sarah developers"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (
      about, _ ("Receive, investigate and notify lex Sarah reports in social "
                "services, step by step as SOSFS 2011:5 prescribes."));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_translator_credits (about, _ ("translator-credits"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  gtk_window_present (GTK_WINDOW (about));
}

static void
show_preferences_cb (GSimpleAction *action,
                     GVariant *parameter,
                     gpointer user_data)
{
  LsApplication *self = user_data;
  GtkWindow *parent =
      gtk_application_get_active_window (GTK_APPLICATION (self));
  LsPreferencesWindow *preferences;

  preferences = ls_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", show_about_cb },
  { "preferences", show_preferences_cb },
  { "quit", quit_cb },
};

static int
run_command_line (LsApplication *self, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *import_file = NULL;
  g_autofree char *export_file = NULL;

  if (g_variant_dict_lookup (options, "import", "^ay", &import_file))
    {
      g_autofree char *author = ls_cli_dup_author ();

      if (!ls_cli_import (self->database_path, import_file, author, NULL,
                          &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  if (g_variant_dict_lookup (options, "export", "^ay", &export_file))
    {
      if (!ls_cli_export (self->database_path, export_file, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  if (g_variant_dict_contains (options, "notification-pdf") ||
      g_variant_dict_contains (options, "investigation-pdf"))
    {
      g_autofree char *regno = NULL;
      g_autofree char *output = NULL;
      LsFormCliDocument document = LS_FORM_CLI_NOTIFICATION;

      if (!g_variant_dict_lookup (options, "notification-pdf", "s", &regno))
        {
          g_variant_dict_lookup (options, "investigation-pdf", "s", &regno);
          document = LS_FORM_CLI_INVESTIGATION;
        }
      if (!g_variant_dict_lookup (options, "output", "^ay", &output))
        {
          g_printerr ("%s\n", _ ("Name the PDF file to write with --output."));
          return EXIT_FAILURE;
        }
      if (!ls_form_cli_write_pdf (self->database_path, regno, document, output,
                                  &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  return EXIT_SUCCESS;
}

static int
ls_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  LsApplication *self = LS_APPLICATION (app);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (database, NULL);
    }

  /* Import and export work without a window, before any display is
   * opened. */
  if (g_variant_dict_contains (options, "import") ||
      g_variant_dict_contains (options, "export") ||
      g_variant_dict_contains (options, "notification-pdf") ||
      g_variant_dict_contains (options, "investigation-pdf"))
    return run_command_line (self, options);

  return G_APPLICATION_CLASS (ls_application_parent_class)
      ->handle_local_options (app, options);
}

static void
ls_application_activate (GApplication *app)
{
  LsApplication *self = LS_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (ls_window_new (self));

  gtk_window_present (window);
}

static void
ls_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (ls_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                         "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         close_accels);
}

static void
ls_application_finalize (GObject *object)
{
  LsApplication *self = LS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (ls_application_parent_class)->finalize (object);
}

static void
ls_application_class_init (LsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ls_application_finalize;

  app_class->handle_local_options = ls_application_handle_local_options;
  app_class->startup = ls_application_startup;
  app_class->activate = ls_application_activate;
}

static void
ls_application_init (LsApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  self->database_path = ls_paths_dup_default_database ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (
      G_APPLICATION (self),
      _ ("Receive, investigate and notify lex Sarah reports."));
}

LsApplication *
ls_application_new (void)
{
  return g_object_new (LS_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_NON_UNIQUE, "resource-base-path",
                       "/com/example/LexSarah", NULL);
}

/**
 * ls_application_get_database_path:
 *
 * Returns: (transfer none): the database file this instance works on, the
 * one named with `--database` or the default one.
 */
const char *
ls_application_get_database_path (LsApplication *self)
{
  g_return_val_if_fail (LS_IS_APPLICATION (self), NULL);

  return self->database_path;
}

GSettings *
ls_application_get_settings (LsApplication *self)
{
  g_return_val_if_fail (LS_IS_APPLICATION (self), NULL);

  return self->settings;
}
