/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-setup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-database-group.h"
#include "ls-organisation-page.h"
#include "ls-paths.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-setup-page.h"
#include "ls-toast.h"

/* The first run: before the first report the app needs to know who runs
 * the activity, whom IVO can ask, and where cases can happen.  Once the
 * organisation is saved the application says so, and the window moves on
 * to the overview by itself.  It also asks who you are: your name and
 * title are what the history and the rows of every case record (the
 * context's author), never the login name; in a shared database the
 * server says who you are instead.  First of all it asks where the cases
 * are kept: on this computer only, or in a database the team shares. */

struct _LsSetupPage
{
  AdwBin parent_instance;

  LsApplication *application;
  GCancellable *cancellable;

  GtkBox *box;
  LsOrganisationPage *organisation_page;
  GtkWidget *user_name_row;
  GtkWidget *user_title_row;
  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (LsSetupPage, ls_setup_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsSetupPage) self = user_data;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  if (ls_application_save_organisation_finish (LS_APPLICATION (source), result,
                                               &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* What was typed stays on the page, to try again. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save", TRUE);
  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  ls_toast_show (GTK_WIDGET (self), toast);
}

static void
save_organisation (LsSetupPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save", FALSE);
  ls_application_save_organisation_async (
      self->application,
      ls_organisation_page_get_organisation (self->organisation_page),
      self->cancellable, saved_cb, g_object_ref (self));
}

static void
save_action_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsSetupPage *self = LS_SETUP_PAGE (widget);
  GSettings *settings = ls_application_get_settings (self->application);
  g_autofree char *name = self->user_name_row != NULL
                              ? ls_rows_dup_text (self->user_name_row)
                              : NULL;
  g_autofree char *title = NULL;
  gboolean organisation_ok;

  organisation_ok =
      ls_organisation_page_validate (self->organisation_page, TRUE);
  if (self->user_name_row == NULL)
    {
      if (organisation_ok)
        save_organisation (self);
      return;
    }
  title = ls_rows_dup_text (self->user_title_row);
  ls_row_set_error (self->user_name_row, NULL);
  if (name == NULL)
    {
      GtkWidget *first_bad = NULL;

      ls_row_mark_bad (self->user_name_row,
                       _ ("Give your name: it is recorded as who received, "
                          "documented and decided."),
                       &first_bad);
      if (organisation_ok)
        gtk_widget_grab_focus (first_bad);
      return;
    }
  if (!organisation_ok)
    return;

  g_settings_set_string (settings, "user-name", name);
  g_settings_set_string (settings, "user-title", title != NULL ? title : "");
  save_organisation (self);
}

static GtkWidget *
new_entry_row (AdwPreferencesGroup *group, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (group, row);
  return row;
}

/* Prefilled with what Preferences hold, or else the account's real name
 * where it has one (never a login name such as "root"). */
static void
add_user_group (LsSetupPage *self)
{
  GSettings *settings = ls_application_get_settings (self->application);
  g_autofree char *name = g_settings_get_string (settings, "user-name");
  g_autofree char *title = g_settings_get_string (settings, "user-title");
  AdwPreferencesGroup *group =
      ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *real = g_get_real_name ();

  if (*name == '\0' && real != NULL && !g_str_equal (real, "Unknown") &&
      !g_str_equal (real, g_get_user_name ()))
    {
      g_free (name);
      name = g_strdup (real);
    }
  adw_preferences_group_set_title (group, _ ("Your Name and Title"));
  adw_preferences_group_set_description (
      group, _ ("The law asks for the name and title of whoever documents "
                "each item in an investigation. They are also kept in the "
                "history of every change you make."));
  self->user_name_row = new_entry_row (group, _ ("_Your name"), name);
  self->user_title_row = new_entry_row (group, _ ("Your _job title"), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->organisation_page),
                            group);
}

/* Only the connection is kept, never a password: the group refuses one. */
static void
open_database_cb (LsSetupPage *self, const char *location)
{
  g_autofree char *file = NULL;

  ls_application_set_database_setting (self->application, location);
  if (location == NULL)
    file = ls_paths_dup_default_database ();
  ls_application_open_database (self->application,
                                location != NULL ? location : file);
}

static void
ls_setup_page_constructed (GObject *object)
{
  LsSetupPage *self = LS_SETUP_PAGE (object);
  LsStore *store = ls_application_get_store (self->application);
  AdwPreferencesGroup *group;
  GtkWidget *database_group;

  G_OBJECT_CLASS (ls_setup_page_parent_class)->constructed (object);

  self->organisation_page = ls_organisation_page_new (
      store, ls_application_get_organisation (self->application));
  gtk_widget_set_vexpand (GTK_WIDGET (self->organisation_page), TRUE);
  gtk_box_append (self->box, GTK_WIDGET (self->organisation_page));

  /* Where the cases are kept comes first: a shared database may have its
   * organisation set up already, and then the setup is done. */
  database_group = ls_database_group_new (ls_store_get_location (store));
  g_signal_connect_swapped (database_group, "open",
                            G_CALLBACK (open_database_cb), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->organisation_page),
                            ADW_PREFERENCES_GROUP (database_group));
  /* A group is added last; libadwaita 1.2 has no way to insert one, so
   * it is moved within the page's box of groups. */
  if (GTK_IS_BOX (gtk_widget_get_parent (database_group)))
    gtk_box_reorder_child_after (
        GTK_BOX (gtk_widget_get_parent (database_group)), database_group, NULL);

  if (ls_store_get_identity_name (store) == NULL)
    add_user_group (self);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (
      group, _ ("You can change all of this later in Preferences."));
  self->start_button = gtk_button_new_with_mnemonic (_ ("_Save and Start"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button),
                                  "setup.save");
  gtk_widget_set_halign (self->start_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->start_button, 12);
  gtk_widget_add_css_class (self->start_button, "pill");
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  adw_preferences_group_add (group, self->start_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->organisation_page),
                            group);
}

static void
ls_setup_page_dispose (GObject *object)
{
  LsSetupPage *self = LS_SETUP_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_SETUP_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (ls_setup_page_parent_class)->dispose (object);
}

static void
ls_setup_page_set_property (GObject *object,
                            guint prop_id,
                            const GValue *value,
                            GParamSpec *pspec)
{
  LsSetupPage *self = LS_SETUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_setup_page_get_property (GObject *object,
                            guint prop_id,
                            GValue *value,
                            GParamSpec *pspec)
{
  LsSetupPage *self = LS_SETUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_setup_page_class_init (LsSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_setup_page_constructed;
  object_class->dispose = ls_setup_page_dispose;
  object_class->get_property = ls_setup_page_get_property;
  object_class->set_property = ls_setup_page_set_property;

  properties[PROP_APPLICATION] = g_param_spec_object (
      "application", NULL, NULL, LS_TYPE_APPLICATION,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-setup-page.ui");

  gtk_widget_class_install_action (widget_class, "setup.save", NULL,
                                   save_action_cb);
}

static void
ls_setup_page_init (LsSetupPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin owns its child, and disposes it. */
  self->box = GTK_BOX (adw_bin_get_child (ADW_BIN (self)));
}

LsSetupPage *
ls_setup_page_new (LsApplication *application)
{
  g_return_val_if_fail (LS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ls_application_get_store (application) != NULL, NULL);

  return g_object_new (LS_TYPE_SETUP_PAGE, "application", application, NULL);
}
