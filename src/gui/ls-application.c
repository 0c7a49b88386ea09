/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-application"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ls-application.h"
#include "ls-backup.h"
#include "ls-cli-commands.h"
#include "ls-model.h"
#include "ls-password-dialog.h"
#include "ls-paths.h"
#include "ls-preferences-window.h"
#include "ls-store-connect.h"
#include "ls-window.h"
#include "ls-wizards.h"

/* The application keeps what every window shares: the settings, the one
 * open case database and the organisation loaded from it.  The database is
 * opened off the main loop at startup, so the first window can show at
 * once; windows follow the "store", "store-error" and "organisation"
 * properties. */

struct _LsApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *database_path;
  gboolean database_given; /* with --database */
  gboolean started;
  /* The shared database's password, when its server asked for one: in
   * memory only, for this process, never in the settings or a log. */
  char *password;
  gboolean asking_password;

  GCancellable *open_cancellable;
  LsStore *store;
  GError *store_error;
  LsOrganisation *organisation;

  guint signal_sources[2];
};

G_DEFINE_FINAL_TYPE (LsApplication, ls_application, ADW_TYPE_APPLICATION)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_STORE_ERROR,
  PROP_ORGANISATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The commands' options come from the command line's table. */
static const GOptionEntry option_entries[] = {
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
preferences_open_cb (LsApplication *self, const char *location)
{
  g_autofree char *file = NULL;

  /* Only the connection is kept, never a password: the group refuses
   * one. */
  ls_application_set_database_setting (self, location);
  if (location == NULL)
    file = ls_paths_dup_default_database ();
  ls_application_open_database (self, location != NULL ? location : file);
}

static void
show_preferences_cb (GSimpleAction *action,
                     GVariant *parameter,
                     gpointer user_data)
{
  LsApplication *self = user_data;
  GtkWindow *parent =
      gtk_application_get_active_window (GTK_APPLICATION (self));
  LsContext *context =
      LS_IS_WINDOW (parent) ? ls_window_get_context (LS_WINDOW (parent)) : NULL;
  LsPreferencesWindow *preferences;

  preferences = ls_preferences_window_new (context);
  g_signal_connect_object (preferences, "open-database",
                           G_CALLBACK (preferences_open_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
backup_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LsApplication *self = user_data;

  ls_backup_choose (self,
                    gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
restore_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LsApplication *self = user_data;

  ls_restore_choose (
      self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* SIGTERM (a logout, a shutdown) and SIGINT (Ctrl+C in a terminal) end
 * the app as app.quit does, so that shutdown folds the WAL into the file. */
static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "about", show_about_cb }, { "backup", backup_cb },
  { "restore", restore_cb },  { "preferences", show_preferences_cb },
  { "quit", quit_cb },
};

static void
set_state (LsApplication *self,
           LsStore *store,
           LsOrganisation *organisation,
           GError *error)
{
  g_set_object (&self->store, store);
  g_set_object (&self->organisation, organisation);
  g_clear_error (&self->store_error);
  self->store_error = error;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
organisation_loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (LsApplication) self = data;
  g_autoptr (LsOrganisation) organisation = NULL;
  GError *error = NULL;

  organisation =
      ls_store_load_organisation_finish (LS_STORE (source), result, &error);
  if (organisation == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_error_free (error);
          return;
        }
      set_state (self, NULL, NULL, error);
      return;
    }
  set_state (self, LS_STORE (source), organisation, NULL);
}

typedef struct
{
  LsApplication *self;
  GCancellable *cancellable;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
ask_password (LsApplication *self, const char *why, GCancellable *cancellable);

static void
store_opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (OpenData) data = user_data;
  LsApplication *self = data->self;
  g_autoptr (LsStore) store = NULL;
  GError *error = NULL;

  store = ls_store_open_finish (result, &error);
  /* Another file was asked for meanwhile: this one is let go. */
  if (g_cancellable_is_cancelled (data->cancellable))
    {
      g_clear_error (&error);
      return;
    }
  if (g_error_matches (error, LS_STORE_ERROR, LS_STORE_ERROR_NEEDS_PASSWORD))
    {
      ask_password (self, error->message, data->cancellable);
      g_error_free (error);
      return;
    }
  if (store == NULL)
    {
      set_state (self, NULL, NULL, error);
      return;
    }

  ls_store_load_organisation_async (
      store, data->cancellable, organisation_loaded_cb, g_object_ref (self));
}

/* Never touches a file it cannot read: the store refuses a file that is not
 * a case database, is damaged or comes from a newer version, and the error
 * is shown instead. */
static void
forget_password (LsApplication *self)
{
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
}

static void open_database (LsApplication *self);

static void
password_given_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  char *password = ls_password_dialog_ask_finish (result, &error);

  self->asking_password = FALSE;
  /* Another database was asked for meanwhile. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_free (password);
      return;
    }
  if (password == NULL)
    {
      /* Not given: the window says why there are no cases. */
      g_clear_error (&error);
      g_set_error (&error, LS_STORE_ERROR, LS_STORE_ERROR_NEEDS_PASSWORD,
                   _ ("The shared case database asks for a password."));
      set_state (self, NULL, NULL, g_steal_pointer (&error));
      return;
    }
  forget_password (self);
  self->password = password;
  open_database (self);
}

/* The server asked for a password, or refused the one given: the dialog
 * says which, on the window in front. */
static void
ask_password (LsApplication *self, const char *why, GCancellable *cancellable)
{
  GtkWindow *parent =
      gtk_application_get_active_window (GTK_APPLICATION (self));
  gboolean again = self->password != NULL;
  g_autofree char *shown = NULL;

  forget_password (self);
  if (self->asking_password)
    return;
  self->asking_password = TRUE;
  shown = g_strdup (self->database_path);
  ls_password_dialog_ask (parent, shown, again ? why : NULL, cancellable,
                          password_given_cb, g_object_ref (self));
}

static void
open_database (LsApplication *self)
{
  g_autofree char *location = NULL;
  OpenData *data;

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  set_state (self, NULL, NULL, NULL);
  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->open_cancellable);
  /* The password is added only to what libpq is given, never to the
   * location the windows show. */
  if (self->password != NULL &&
      ls_store_location_is_server (self->database_path))
    location = ls_store_server_dup_location_with_password (self->database_path,
                                                           self->password);
  ls_store_open_async (location != NULL ? location : self->database_path,
                       self->open_cancellable, store_opened_cb, data);
  if (location != NULL)
    memset (location, 0, strlen (location));
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
      self->database_path = ls_store_canonicalize_location (database);
      self->database_given = TRUE;
    }

  /* Import and export work without a window, before any display is
   * opened. */
  if (ls_cli_wants_command (options))
    return ls_cli_run (self->database_path, options);

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
  static const char *new_report_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *back_accels[] = { "<Alt>Left", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (ls_application_parent_class)->startup (app);

  LS_APPLICATION (app)->started = TRUE;
  /* A shared database chosen in the setup or Preferences, unless the
   * command line named a database. */
  if (!LS_APPLICATION (app)->database_given)
    {
      g_autofree char *shared = g_settings_get_string (
          ls_application_get_settings (LS_APPLICATION (app)), "database");

      if (*shared != '\0' && ls_store_location_is_server (shared) &&
          !ls_store_server_location_has_password (shared))
        {
          g_free (LS_APPLICATION (app)->database_path);
          LS_APPLICATION (app)->database_path = g_steal_pointer (&shared);
        }
    }
  open_database (LS_APPLICATION (app));

  LS_APPLICATION (app)->signal_sources[0] =
      g_unix_signal_add (SIGTERM, quit_on_signal_cb, app);
  LS_APPLICATION (app)->signal_sources[1] =
      g_unix_signal_add (SIGINT, quit_on_signal_cb, app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                         "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                         "win.new-report", new_report_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search",
                                         search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.back",
                                         back_accels);
  gtk_application_set_accels_for_action (
      GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
}

static void
ls_application_shutdown (GApplication *app)
{
  LsApplication *self = LS_APPLICATION (app);

  g_autoptr (GError) error = NULL;

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  /* app.quit and a signal end the app with its windows open: closed
   * here, they let go of the store, so that it closes its files below
   * and SQLite removes the -wal.  One left would have the next start
   * check the whole file as after a crash, seconds at 100,000 cases. */
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (
        gtk_application_get_windows (GTK_APPLICATION (app))->data);

  /* However the app ends (app.quit, the last window closed, a signal),
   * the database file alone then holds every case, and a copy of it is
   * whole.  The main loop has stopped, so this waits for nothing on
   * screen; it does wait for a save still running. */
  if (self->store != NULL && !ls_store_checkpoint (self->store, &error))
    g_warning ("Could not fold the case database's WAL into its file: %s",
               error->message);
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (ls_application_parent_class)->shutdown (app);
}

static void
ls_application_dispose (GObject *object)
{
  LsApplication *self = LS_APPLICATION (object);

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (ls_application_parent_class)->dispose (object);
}

static void
ls_application_finalize (GObject *object)
{
  LsApplication *self = LS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  forget_password (self);

  G_OBJECT_CLASS (ls_application_parent_class)->finalize (object);
}

static void
ls_application_get_property (GObject *object,
                             guint prop_id,
                             GValue *value,
                             GParamSpec *pspec)
{
  LsApplication *self = LS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_application_class_init (LsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ls_application_dispose;
  object_class->finalize = ls_application_finalize;
  object_class->get_property = ls_application_get_property;

  app_class->handle_local_options = ls_application_handle_local_options;
  app_class->startup = ls_application_startup;
  app_class->shutdown = ls_application_shutdown;
  app_class->activate = ls_application_activate;

  /**
   * LsApplication:store: (nullable)
   *
   * The open case database, %NULL while it opens or when it was refused.
   */
  properties[PROP_STORE] = g_param_spec_object (
      "store", NULL, NULL, LS_TYPE_STORE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * LsApplication:store-error: (nullable)
   *
   * Why the case database could not be opened.
   */
  properties[PROP_STORE_ERROR] = g_param_spec_boxed (
      "store-error", NULL, NULL, G_TYPE_ERROR,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * LsApplication:organisation: (nullable)
   *
   * The organisation as saved; replaced, and notified, on every save.
   */
  properties[PROP_ORGANISATION] = g_param_spec_object (
      "organisation", NULL, NULL, LS_TYPE_ORGANISATION,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ls_application_init (LsApplication *self)
{
  g_autofree GOptionEntry *cli_entries = NULL;

  self->database_path = ls_paths_dup_default_database ();

  cli_entries = ls_cli_dup_option_entries ();
  g_application_add_main_option_entries (G_APPLICATION (self), cli_entries);
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

/**
 * ls_application_open_database:
 * @path: the case database file
 *
 * Works on @path from now on: before startup it is the file startup opens;
 * after, the current one is let go and @path opened in its place.
 */
void
ls_application_open_database (LsApplication *self, const char *path)
{
  g_autofree char *location = NULL;

  g_return_if_fail (LS_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  /* @path may be the one it replaces, as when a restore opens the same
   * file again. */
  location = ls_store_canonicalize_location (path);
  /* A password is for the database it was given for. */
  if (g_strcmp0 (location, self->database_path) != 0)
    forget_password (self);
  g_free (self->database_path);
  self->database_path = g_steal_pointer (&location);
  if (self->started)
    open_database (self);
}

/**
 * ls_application_reload:
 *
 * Reads the organisation of the open database again and tells every
 * window, as after a restore replaced the database's content in place.
 * The store stays open: a second store on the same file, beside the one
 * the windows still hold, would wait on its locks.
 */
void
ls_application_reload (LsApplication *self)
{
  g_return_if_fail (LS_IS_APPLICATION (self));

  if (self->store == NULL)
    return;
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  ls_store_load_organisation_async (self->store, self->open_cancellable,
                                    organisation_loaded_cb,
                                    g_object_ref (self));
}

/**
 * ls_application_get_settings:
 *
 * Returns: (transfer none): the app's settings
 */
GSettings *
ls_application_get_settings (LsApplication *self)
{
  g_return_val_if_fail (LS_IS_APPLICATION (self), NULL);

  /* Made when first asked for, not with the application: the command line
   * (--import, --export, the PDFs) must work where the settings schema is
   * not installed, such as straight from a build. */
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
}

/**
 * ls_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open case database
 */
LsStore *
ls_application_get_store (LsApplication *self)
{
  g_return_val_if_fail (LS_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * ls_application_get_store_error:
 *
 * Returns: (transfer none) (nullable): why the database was refused
 */
const GError *
ls_application_get_store_error (LsApplication *self)
{
  g_return_val_if_fail (LS_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * ls_application_get_organisation:
 *
 * Returns: (transfer none) (nullable): the organisation as saved; do not
 *   change it, but save a changed copy
 */
LsOrganisation *
ls_application_get_organisation (LsApplication *self)
{
  g_return_val_if_fail (LS_IS_APPLICATION (self), NULL);

  return self->organisation;
}

/**
 * ls_application_needs_setup:
 *
 * Returns: whether the organisation still lacks its name or a unit, so
 *   that no case can be registered yet
 */
gboolean
ls_application_needs_setup (LsApplication *self)
{
  g_return_val_if_fail (LS_IS_APPLICATION (self), FALSE);

  if (self->organisation == NULL)
    return FALSE;
  return ls_organisation_get_name (self->organisation) == NULL ||
         g_list_model_get_n_items (G_LIST_MODEL (
             ls_organisation_get_units (self->organisation))) == 0;
}

typedef struct
{
  LsStore *store;
  LsOrganisation *organisation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->organisation);
  g_free (data);
}

static void
organisation_saved_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) outer = data;
  LsApplication *self = g_task_get_source_object (outer);
  SaveData *save = g_task_get_task_data (outer);
  GError *error = NULL;

  if (!ls_store_save_organisation_finish (LS_STORE (source), result, &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  /* The saved copy becomes the organisation every window reads, unless
   * another database was opened meanwhile. */
  if (save->store == self->store)
    {
      g_set_object (&self->organisation, save->organisation);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
    }
  g_task_return_boolean (outer, TRUE);
}

/**
 * ls_application_save_organisation_async:
 * @organisation: the organisation as edited; a copy is saved, so it may be
 *   edited on meanwhile
 *
 * Saves the organisation off the main loop.  Once saved it is the
 * application's organisation, and #LsApplication:organisation is notified
 * before @callback runs.
 */
void
ls_application_save_organisation_async (LsApplication *self,
                                        LsOrganisation *organisation,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  GTask *outer;
  SaveData *data;

  g_return_if_fail (LS_IS_APPLICATION (self));
  g_return_if_fail (LS_IS_ORGANISATION (organisation));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, ls_application_save_organisation_async);
  if (self->store == NULL)
    {
      g_task_return_new_error (outer, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                               _ ("The case database is not open."));
      g_object_unref (outer);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->store = g_object_ref (self->store);
  data->organisation = ls_organisation_new ();
  ls_model_copy (G_OBJECT (data->organisation), G_OBJECT (organisation));
  g_task_set_task_data (outer, data, (GDestroyNotify) save_data_free);

  /* A save that started goes through, and the application follows it,
   * even if the caller stops waiting for it. */
  ls_store_save_organisation_async (data->store, data->organisation, NULL,
                                    organisation_saved_cb, outer);
}

gboolean
ls_application_save_organisation_finish (LsApplication *self,
                                         GAsyncResult *result,
                                         GError **error)
{
  g_return_val_if_fail (LS_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ls_application_set_database_setting:
 * @location: (nullable): a shared database's connection, or %NULL for the
 *   file on this computer
 *
 * Keeps where to open at the next start: only the connection, and never
 * one that names a password.
 */
void
ls_application_set_database_setting (LsApplication *self, const char *location)
{
  g_return_if_fail (LS_IS_APPLICATION (self));
  g_return_if_fail (location == NULL ||
                    !ls_store_server_location_has_password (location));

  g_settings_set_string (ls_application_get_settings (self), "database",
                         location != NULL ? location : "");
}

/**
 * ls_application_adopt_organisation:
 * @store: the store @organisation was saved to
 * @organisation: the organisation as a window's context now has it
 *
 * Makes @organisation the one every window reads, as when Preferences
 * saved it, unless another database was opened meanwhile.
 */
void
ls_application_adopt_organisation (LsApplication *self,
                                   LsStore *store,
                                   LsOrganisation *organisation)
{
  g_return_if_fail (LS_IS_APPLICATION (self));

  if (store != self->store || organisation == NULL ||
      !g_set_object (&self->organisation, organisation))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}
