/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-a11y.h"
#include "ls-organisation-page.h"
#include "ls-preferences-window.h"
#include "ls-rows.h"

/* Your own name and title, and the organisation with its units.  Changes
 * apply as they are made: the organisation is saved a moment after the
 * typing stops, when every row is right; a row that is not is marked and
 * nothing is saved until it is. */

#define SAVE_DELAY_MS 500

struct _LsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  LsApplication *application;
  GSettings *settings;
  LsOrganisationPage *organisation_page;
  GCancellable *cancellable;
  guint save_id;

  AdwEntryRow *user_name_row;
  AdwEntryRow *user_title_row;
};

G_DEFINE_FINAL_TYPE (LsPreferencesWindow,
                     ls_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_LS_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @user_data is not a reference: a window closed meanwhile cancelled the
 * wait (the save itself goes through) and is not touched here. */
static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsPreferencesWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (ls_application_save_organisation_finish (LS_APPLICATION (source), result,
                                               &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* What was typed stays; the next change tries again. */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (error->message));
}

static void
save_now (LsPreferencesWindow *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!ls_organisation_page_validate (self->organisation_page, FALSE))
    return;
  ls_application_save_organisation_async (
      self->application,
      ls_organisation_page_get_organisation (self->organisation_page),
      self->cancellable, saved_cb, self);
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
ls_preferences_window_constructed (GObject *object)
{
  LsPreferencesWindow *self = LS_PREFERENCES_WINDOW (object);
  LsStore *store;

  G_OBJECT_CLASS (ls_preferences_window_parent_class)->constructed (object);

  self->settings =
      g_object_ref (ls_application_get_settings (self->application));
  g_settings_bind (self->settings, "user-name", self->user_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "user-title", self->user_title_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  /* The organisation can only be edited in a database that is open. */
  store = ls_application_get_store (self->application);
  if (store != NULL)
    {
      self->organisation_page = ls_organisation_page_new (
          store, ls_application_get_organisation (self->application));
      g_signal_connect_swapped (self->organisation_page, "changed",
                                G_CALLBACK (organisation_changed_cb), self);
      adw_preferences_window_add (
          ADW_PREFERENCES_WINDOW (self),
          ADW_PREFERENCES_PAGE (self->organisation_page));
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
  g_clear_object (&self->application);

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
    case PROP_LS_APPLICATION:
      self->application = g_value_dup_object (value);
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
    case PROP_LS_APPLICATION:
      g_value_set_object (value, self->application);
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

  /* Not "application": a window with one is kept by the application as
   * one of its own windows, which a dialog should not be. */
  properties[PROP_LS_APPLICATION] = g_param_spec_object (
      "ls-application", NULL, NULL, LS_TYPE_APPLICATION,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-preferences-window.ui");
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

LsPreferencesWindow *
ls_preferences_window_new (LsApplication *application)
{
  g_return_val_if_fail (LS_IS_APPLICATION (application), NULL);

  return g_object_new (LS_TYPE_PREFERENCES_WINDOW, "ls-application",
                       application, NULL);
}
