/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-database-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-database-group.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-store-connect.h"
#include "ls-store.h"

/* Where the cases are kept, as the first-run setup and Preferences offer
 * it: this computer only (the SQLite file, which needs nothing), or a
 * database a team shares on a server, named by a libpq address or service
 * and never with a password.  "Test connection" connects off the main
 * loop and says what went wrong; "Use" asks the owner, through "open", to
 * reopen the store there.  The group runs no SQL of its own. */

struct _LsDatabaseGroup
{
  AdwPreferencesGroup parent_instance;

  char *location; /* the one in use */
  GCancellable *cancellable;

  GtkCheckButton *local_check;
  GtkCheckButton *shared_check;
  GtkWidget *connection_row;
  AdwActionRow *status_row;
  GtkImage *status_icon;
  GtkWidget *buttons;
  GtkWidget *test_button;
  GtkWidget *use_button;
};

G_DEFINE_FINAL_TYPE (LsDatabaseGroup,
                     ls_database_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_shared (LsDatabaseGroup *self)
{
  return gtk_check_button_get_active (self->shared_check);
}

static void
show_status (LsDatabaseGroup *self, const char *icon, const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), text != NULL);
  if (text == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), text);
  gtk_image_set_from_icon_name (self->status_icon, icon);
}

/* What is typed, if it can be used: never with a password. */
static char *
dup_connection (LsDatabaseGroup *self)
{
  g_autofree char *text = ls_rows_dup_text (self->connection_row);
  g_autoptr (GError) error = NULL;
  const char *message = NULL;

  if (text == NULL)
    message = _ ("Give the shared database’s address or service, as your IT "
                 "gives it.");
  else if (!ls_store_server_is_installed (&error))
    message = error->message;
  else if (!ls_store_server_location_is_valid (text))
    message = _ ("This is not a connection Lex Sarah can use: give a "
                 "postgresql:// address or service=name.");
  else if (ls_store_server_location_has_password (text))
    message = _ ("Give the connection without a password: Lex Sarah asks "
                 "for it when the server needs one, and never keeps it.");
  ls_row_set_error (self->connection_row, message);
  if (message != NULL)
    {
      gtk_widget_grab_focus (self->connection_row);
      return NULL;
    }
  return g_steal_pointer (&text);
}

static void
update (LsDatabaseGroup *self)
{
  gboolean shared = is_shared (self);
  gboolean in_use_shared =
      self->location != NULL && ls_store_location_is_server (self->location);
  g_autofree char *text = ls_rows_dup_text (self->connection_row);

  gtk_widget_set_visible (self->connection_row, shared);
  gtk_widget_set_visible (self->test_button, shared);
  if (!shared)
    show_status (self, NULL, NULL);
  /* Use is offered for what is not in use already. */
  gtk_widget_set_visible (
      self->use_button, shared != in_use_shared ||
                            (shared && g_strcmp0 (text, self->location) != 0));
  gtk_button_set_label (GTK_BUTTON (self->use_button),
                        shared ? _ ("_Use the Shared Database")
                               : _ ("_Use This Computer Only"));
  gtk_widget_set_visible (self->buttons,
                          gtk_widget_get_visible (self->test_button) ||
                              gtk_widget_get_visible (self->use_button));
}

static void
changed_cb (LsDatabaseGroup *self)
{
  ls_row_set_error (self->connection_row, NULL);
  show_status (self, NULL, NULL);
  update (self);
}

static void
checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsDatabaseGroup *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *said = ls_store_check_server_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (self->test_button, TRUE);
  if (said != NULL)
    show_status (self, "emblem-ok-symbolic", said);
  else if (g_error_matches (error, LS_STORE_ERROR,
                            LS_STORE_ERROR_NEEDS_PASSWORD))
    show_status (self, "dialog-password-symbolic",
                 _ ("The server asks for a password: Lex Sarah asks you for "
                    "it when you use the database."));
  else
    show_status (self, "dialog-warning-symbolic", error->message);
}

static void
test_clicked_cb (LsDatabaseGroup *self)
{
  g_autofree char *location = dup_connection (self);

  if (location == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->test_button, FALSE);
  show_status (self, "content-loading-symbolic", _ ("Connecting…"));
  ls_store_check_server_async (location, NULL, self->cancellable, checked_cb,
                               self);
}

static void
use_clicked_cb (LsDatabaseGroup *self)
{
  g_autofree char *location = NULL;

  if (is_shared (self))
    {
      location = dup_connection (self);
      if (location == NULL)
        return;
    }
  g_signal_emit (self, signals[OPEN], 0, location);
}

static GtkWidget *
add_choice (LsDatabaseGroup *self,
            const char *title,
            const char *label,
            const char *subtitle,
            GtkCheckButton **check)
{
  GtkWidget *row = adw_action_row_new ();

  *check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (*check), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (*check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         GTK_WIDGET (*check));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  return row;
}

static GtkWidget *
new_button (const char *label, GCallback callback, LsDatabaseGroup *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static void
ls_database_group_dispose (GObject *object)
{
  LsDatabaseGroup *self = LS_DATABASE_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ls_database_group_parent_class)->dispose (object);
}

static void
ls_database_group_finalize (GObject *object)
{
  g_free (LS_DATABASE_GROUP (object)->location);

  G_OBJECT_CLASS (ls_database_group_parent_class)->finalize (object);
}

static void
ls_database_group_class_init (LsDatabaseGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_database_group_dispose;
  object_class->finalize = ls_database_group_finalize;

  /**
   * LsDatabaseGroup::open:
   * @location: (nullable): the shared database's connection, or %NULL for
   *   the file on this computer
   *
   * The person chose to work there from now on.
   */
  signals[OPEN] =
      g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ls_database_group_init (LsDatabaseGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  GtkWidget *prefix;

  self->cancellable = g_cancellable_new ();
  adw_preferences_group_set_title (group, _ ("Where the Cases Are Kept"));
  adw_preferences_group_set_description (
      group,
      _ ("On this computer only, in a file that needs nothing else; or in a "
         "database the team shares on a server, where each person logs in "
         "as themselves and the server decides what they may do."));
  add_choice (self, _ ("_This computer only"), _ ("This computer only"),
              _ ("A private file for one person"), &self->local_check);
  add_choice (self, _ ("A _shared database"), _ ("A shared database"),
              _ ("On a server of the municipality, for the whole team"),
              &self->shared_check);
  gtk_check_button_set_group (self->shared_check, self->local_check);
  gtk_check_button_set_active (self->local_check, TRUE);

  self->connection_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->connection_row),
                                 _ ("Co_nnection (address or service)"));
  adw_preferences_row_set_use_underline (
      ADW_PREFERENCES_ROW (self->connection_row), TRUE);
  adw_preferences_group_add (group, self->connection_row);

  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->status_row),
                                      FALSE);
  adw_action_row_set_title_lines (self->status_row, 0);
  prefix = gtk_image_new ();
  self->status_icon = GTK_IMAGE (prefix);
  adw_action_row_add_prefix (self->status_row, prefix);
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->status_row));

  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (self->buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->buttons, 12);
  self->test_button =
      new_button (_ ("_Test Connection"), G_CALLBACK (test_clicked_cb), self);
  self->use_button = new_button ("", G_CALLBACK (use_clicked_cb), self);
  gtk_widget_add_css_class (self->use_button, "suggested-action");
  gtk_box_append (GTK_BOX (self->buttons), self->test_button);
  gtk_box_append (GTK_BOX (self->buttons), self->use_button);
  adw_preferences_group_add (group, self->buttons);

  g_signal_connect_swapped (self->shared_check, "toggled",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->connection_row, "changed",
                            G_CALLBACK (changed_cb), self);
  update (self);
}

/**
 * ls_database_group_new:
 * @location: (nullable): where the cases are kept now: a file's path or a
 *   shared database's connection
 */
GtkWidget *
ls_database_group_new (const char *location)
{
  LsDatabaseGroup *self = g_object_new (LS_TYPE_DATABASE_GROUP, NULL);
  gboolean shared = location != NULL && ls_store_location_is_server (location);

  self->location = g_strdup (location);
  gtk_check_button_set_active (self->shared_check, shared);
  /* The location in use, but never a password it may have named. */
  if (shared && !ls_store_server_location_has_password (location))
    gtk_editable_set_text (GTK_EDITABLE (self->connection_row), location);
  update (self);
  return GTK_WIDGET (self);
}
