/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-a11y.h"
#include "ls-database-group.h"
#include "ls-model.h"
#include "ls-organisation-page.h"
#include "ls-preferences-window.h"
#include "ls-rows.h"

/* Your own name and title, where the cases are kept, and the organisation
 * with its units.  Changes apply as they are made: the organisation is
 * saved a moment after the typing stops, when every row is right; a row
 * that is not is marked and nothing is saved until it is.  It works in
 * the context of the window it was opened from, or without one when no
 * database is open.  Choosing another database is told by a signal, for
 * the application to follow. */

#define SAVE_DELAY_MS 500

struct _LsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  LsContext *context; /* NULL while no database is open */
  GSettings *settings;
  LsOrganisationPage *organisation_page;
  GCancellable *cancellable;
  guint save_id;

  AdwPreferencesGroup *user_group;
  AdwEntryRow *user_name_row;
  AdwEntryRow *user_title_row;
  AdwPreferencesPage *you_page;
};

G_DEFINE_FINAL_TYPE (LsPreferencesWindow,
                     ls_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  OPEN_DATABASE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GWeakRef self; /* for a toast, while the window is there */
  LsContext *context;
  LsOrganisation *organisation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_weak_ref_clear (&data->self);
  g_object_unref (data->context);
  g_object_unref (data->organisation);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

/* A save that started goes through, also when the window is closed
 * meanwhile, and the saved copy becomes the context's organisation, which
 * every window and the application follow. */
static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SaveData) data = user_data;
  g_autoptr (LsPreferencesWindow) self = NULL;
  g_autoptr (GError) error = NULL;

  if (ls_store_save_organisation_finish (LS_STORE (source), result, &error))
    {
      ls_context_set_organisation (data->context, data->organisation);
      return;
    }
  /* What was typed stays; the next change tries again. */
  self = g_weak_ref_get (&data->self);
  if (self != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

static void
save_now (LsPreferencesWindow *self)
{
  SaveData *data;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!ls_organisation_page_validate (self->organisation_page, FALSE))
    return;
  data = g_new0 (SaveData, 1);
  g_weak_ref_init (&data->self, self);
  data->context = g_object_ref (self->context);
  data->organisation = ls_organisation_new ();
  ls_model_copy (G_OBJECT (data->organisation),
                 G_OBJECT (ls_organisation_page_get_organisation (
                     self->organisation_page)));
  ls_store_save_organisation_async (ls_context_get_store (self->context),
                                    data->organisation, NULL, saved_cb, data);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  LsPreferencesWindow *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
organisation_changed_cb (LsPreferencesWindow *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  LsPreferencesWindow *self = LS_PREFERENCES_WINDOW (window);

  /* A change still waiting for its moment is saved on closing. */
  if (self->save_id != 0)
    save_now (self);
  return FALSE;
}

static void
open_database_cb (LsPreferencesWindow *self, const char *location)
{
  g_signal_emit (self, signals[OPEN_DATABASE], 0, location);
  /* What it shows is of the database let go. */
  gtk_window_close (GTK_WINDOW (self));
}

/* In team mode the server says who the person is and writes it as the
 * author: the name of the preferences is not used, and shown so. */
static void
show_identity (LsPreferencesWindow *self, LsStore *store)
{
  const char *name = ls_store_get_identity_name (store);
  const char *title = ls_store_get_identity_title (store);

  gtk_editable_set_text (GTK_EDITABLE (self->user_name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->user_title_row),
                         title != NULL ? title : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_name_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_title_row), FALSE);
  adw_preferences_group_set_description (
      self->user_group,
      _ ("In the shared database the server says who you are, and records it "
         "with everything you document and change. Your IT changes it."));
}

static void
ls_preferences_window_constructed (GObject *object)
{
  LsPreferencesWindow *self = LS_PREFERENCES_WINDOW (object);
  LsStore *store =
      self->context != NULL ? ls_context_get_store (self->context) : NULL;
  g_autofree char *location = NULL;
  GtkWidget *database_group;

  G_OBJECT_CLASS (ls_preferences_window_parent_class)->constructed (object);

  self->settings = self->context != NULL
                       ? g_object_ref (ls_context_get_settings (self->context))
                       : g_settings_new (APP_ID);
  if (store != NULL && ls_store_get_identity_name (store) != NULL)
    show_identity (self, store);
  else
    {
      g_settings_bind (self->settings, "user-name", self->user_name_row, "text",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "user-title", self->user_title_row,
                       "text", G_SETTINGS_BIND_DEFAULT);
    }

  location = store != NULL ? g_strdup (ls_store_get_location (store))
                           : g_settings_get_string (self->settings, "database");
  database_group = ls_database_group_new (location);
  g_signal_connect_swapped (database_group, "open",
                            G_CALLBACK (open_database_cb), self);
  adw_preferences_page_add (self->you_page,
                            ADW_PREFERENCES_GROUP (database_group));

  /* The organisation can only be edited in a database that is open, and
   * in a shared one by an administrator. */
  if (store != NULL && ls_store_may (store, LS_STORE_RIGHT_ADMINISTER))
    {
      self->organisation_page = ls_organisation_page_new (
          store, ls_context_get_organisation (self->context));
      g_signal_connect_swapped (self->organisation_page, "changed",
                                G_CALLBACK (organisation_changed_cb), self);
      adw_preferences_window_add (
          ADW_PREFERENCES_WINDOW (self),
          ADW_PREFERENCES_PAGE (self->organisation_page));
    }
  else if (store != NULL)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       _ ("Organisation"));
      adw_preferences_group_set_description (
          ADW_PREFERENCES_GROUP (group),
          ls_store_rights_explain (LS_STORE_RIGHT_ADMINISTER));
      adw_preferences_page_add (self->you_page, ADW_PREFERENCES_GROUP (group));
    }
}

static void
ls_preferences_window_dispose (GObject *object)
{
  LsPreferencesWindow *self = LS_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ls_preferences_window_parent_class)->dispose (object);
}

static void
ls_preferences_window_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  LsPreferencesWindow *self = LS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_preferences_window_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  LsPreferencesWindow *self = LS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_preferences_window_class_init (LsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_preferences_window_constructed;
  object_class->dispose = ls_preferences_window_dispose;
  object_class->get_property = ls_preferences_window_get_property;
  object_class->set_property = ls_preferences_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = close_request_cb;

  properties[PROP_CONTEXT] = g_param_spec_object (
      "context", NULL, NULL, LS_TYPE_CONTEXT,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsPreferencesWindow::open-database:
   * @location: (nullable): a shared database's connection, or %NULL for
   *   the file on this computer
   */
  signals[OPEN_DATABASE] = g_signal_new (
      "open-database", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
      NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LsPreferencesWindow,
                                        you_page);
  gtk_widget_class_bind_template_child (widget_class, LsPreferencesWindow,
                                        user_group);
  gtk_widget_class_bind_template_child (widget_class, LsPreferencesWindow,
                                        user_name_row);
  gtk_widget_class_bind_template_child (widget_class, LsPreferencesWindow,
                                        user_title_row);
}

static void
ls_preferences_window_init (LsPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_rows_activate_on_enter (GTK_WINDOW (self));
  ls_a11y_name_once (GTK_WIDGET (self));
}

/**
 * ls_preferences_window_new:
 * @context: (nullable): the window's context, or %NULL when no database
 *   is open
 */
LsPreferencesWindow *
ls_preferences_window_new (LsContext *context)
{
  g_return_val_if_fail (context == NULL || LS_IS_CONTEXT (context), NULL);

  return g_object_new (LS_TYPE_PREFERENCES_WINDOW, "context", context, NULL);
}
