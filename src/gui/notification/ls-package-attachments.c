/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-package-attachments"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-attachment.h"
#include "ls-ivo-package.h"
#include "ls-package-attachments.h"
#include "ls-rows.h"

/* Which of the case's attachments go with the notification in the package
 * for IVO: one switch a file.  The choice is the notification's
 * (ls_notification_set_attachment_sent()), saved with the case as every
 * other change; ::changed asks for the save.  The routines are not listed:
 * they go as the form says. */

struct _LsPackageAttachments
{
  AdwPreferencesGroup parent_instance;

  LsCase *lcase;
  GCancellable *cancellable;
  GPtrArray *rows;
  gboolean read_only;
};

G_DEFINE_FINAL_TYPE (LsPackageAttachments,
                     ls_package_attachments,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
switch_toggled_cb (GtkSwitch *toggle, GParamSpec *pspec, gpointer user_data)
{
  LsPackageAttachments *self = LS_PACKAGE_ATTACHMENTS (user_data);
  const char *uuid = g_object_get_data (G_OBJECT (toggle), "ls-uuid");

  if (self->lcase == NULL)
    return;
  ls_notification_set_attachment_sent (ls_case_get_notification (self->lcase),
                                       uuid, gtk_switch_get_active (toggle));
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
make_row (LsPackageAttachments *self,
          LsAttachment *attachment,
          const char *const *chosen)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  const char *uuid = ls_attachment_get_uuid (attachment);
  gboolean takes = ls_ivo_package_takes (attachment);
  g_autofree char *size = g_format_size (ls_attachment_get_size (attachment));
  /* Translators: the accessible name of a switch; %s is a file name. */
  g_autofree char *label = g_strdup_printf (
      _ ("Send %s with the notification"), ls_attachment_get_name (attachment));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ls_attachment_get_name (attachment));
  if (takes)
    {
      /* Translators: "PDF · 12.3 kB" */
      g_autofree char *subtitle = g_strdup_printf (_ ("PDF · %s"), size);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (
          ADW_ACTION_ROW (row),
          _ ("Not a PDF file: IVO’s e-service takes PDF files only."));
    }
  gtk_switch_set_active (GTK_SWITCH (toggle),
                         chosen != NULL && g_strv_contains (chosen, uuid));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (toggle), "ls-uuid", g_strdup (uuid),
                          g_free);
  /* A file chosen before it could be told apart stays choosable, so that
   * it can be taken out again. */
  gtk_widget_set_sensitive (
      toggle, !self->read_only &&
                  (takes || gtk_switch_get_active (GTK_SWITCH (toggle))));
  g_signal_connect_object (toggle, "notify::active",
                           G_CALLBACK (switch_toggled_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) attachments =
      ls_store_list_attachments_finish (LS_STORE (source), result, &error);
  LsPackageAttachments *self;
  const char *const *chosen;

  /* cancelled when the widget went: @user_data may be gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LS_PACKAGE_ATTACHMENTS (user_data);
  ls_rows_remove (ADW_PREFERENCES_GROUP (self), self->rows);
  if (attachments == NULL || self->lcase == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  chosen = ls_notification_get_sent_attachments (
      ls_case_get_notification (self->lcase));
  for (guint i = 0; i < attachments->len; i++)
    {
      GtkWidget *row;

      if (!ls_ivo_package_is_choosable (attachments, i))
        continue;
      row = make_row (self, attachments->pdata[i], chosen);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

static void
ls_package_attachments_dispose (GObject *object)
{
  LsPackageAttachments *self = LS_PACKAGE_ATTACHMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lcase);

  G_OBJECT_CLASS (ls_package_attachments_parent_class)->dispose (object);
}

static void
ls_package_attachments_finalize (GObject *object)
{
  LsPackageAttachments *self = LS_PACKAGE_ATTACHMENTS (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ls_package_attachments_parent_class)->finalize (object);
}

static void
ls_package_attachments_class_init (LsPackageAttachmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_package_attachments_dispose;
  object_class->finalize = ls_package_attachments_finalize;

  /**
   * LsPackageAttachments::changed:
   *
   * The choice of attachments changed in the case: save it.
   */
  signals[CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ls_package_attachments_init (LsPackageAttachments *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   _ ("Attachments for IVO"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (self),
      _ ("Choose the files that go with the notification. The form, the "
         "finished investigation and the routines go as the form says."));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * ls_package_attachments_show:
 * @lcase: the case the choice is made in; kept until the next call
 * @read_only: whether the choice is shown only, as of a closed case
 *
 * Lists the attachments of @lcase that may go to IVO, read off the main
 * loop, each with a switch that says whether it goes.
 */
void
ls_package_attachments_show (LsPackageAttachments *self,
                             LsStore *store,
                             LsCase *lcase,
                             gboolean read_only)
{
  g_return_if_fail (LS_IS_PACKAGE_ATTACHMENTS (self));
  g_return_if_fail (LS_IS_STORE (store));
  g_return_if_fail (LS_IS_CASE (lcase));

  g_set_object (&self->lcase, lcase);
  self->read_only = read_only;
  ls_store_list_attachments_async (store, ls_case_get_uuid (lcase),
                                   self->cancellable, listed_cb, self);
}

guint
ls_package_attachments_get_n_shown (LsPackageAttachments *self)
{
  g_return_val_if_fail (LS_IS_PACKAGE_ATTACHMENTS (self), 0);

  return self->rows->len;
}
