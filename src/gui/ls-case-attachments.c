/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-attachments"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-attachment.h"
#include "ls-bidi.h"
#include "ls-case-attachments.h"
#include "ls-dates.h"
#include "ls-rows.h"
#include "ls-toast.h"

/* The files attached to a case, as the case view shows them: each with
 * its kind, size, who added it and when.  A file is added through the
 * file chooser (the portal's in a sandbox), read and stored off the main
 * loop; it is never changed afterwards, a new version is a new file. */

struct _LsCaseAttachments
{
  AdwPreferencesGroup parent_instance;

  LsStore *store;
  char *case_uuid;
  char *author;
  GCancellable *cancellable;
  GPtrArray *rows;
  GtkWidget *add_button;
};

G_DEFINE_FINAL_TYPE (LsCaseAttachments,
                     ls_case_attachments,
                     ADW_TYPE_PREFERENCES_GROUP)

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "statement") == 0)
    return _ ("Statement");
  if (g_strcmp0 (kind, "photo") == 0)
    return _ ("Photo");
  if (g_strcmp0 (kind, "routines") == 0)
    return _ ("Routines in force");
  if (g_strcmp0 (kind, "signed-form") == 0)
    return _ ("Signed form");
  return _ ("Other document");
}

static void save_clicked_cb (GtkButton *button, LsCaseAttachments *self);

static void
render (LsCaseAttachments *self, GPtrArray *attachments)
{
  ls_rows_remove (ADW_PREFERENCES_GROUP (self), self->rows);
  for (guint i = 0; i < attachments->len; i++)
    {
      LsAttachment *attachment = attachments->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *size =
          g_format_size (ls_attachment_get_size (attachment));
      g_autofree char *when =
          ls_dates_format_display (ls_attachment_get_added_at (attachment));
      g_autofree char *subtitle = ls_bidi_format (
          /* Translators: "Statement · 12.3 kB · Maria Lind, 2026-03-20" */
          _ ("%s · %s · %s, %s"),
          kind_label (ls_attachment_get_kind (attachment)), size,
          ls_attachment_get_added_by (attachment) != NULL
              ? ls_attachment_get_added_by (attachment)
              : "",
          when, NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ls_attachment_get_name (attachment));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      {
        GtkWidget *save =
            gtk_button_new_from_icon_name ("document-save-symbolic");
        /* Translators: the accessible name of a button; %s is a file name. */
        g_autofree char *label = g_strdup_printf (
            _ ("Save a copy of %s"), ls_attachment_get_name (attachment));

        gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (save, "flat");
        gtk_widget_set_tooltip_text (save, _ ("Save a Copy…"));
        gtk_accessible_update_property (
            GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        g_object_set_data_full (G_OBJECT (save), "ls-attachment",
                                g_object_ref (attachment), g_object_unref);
        g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb),
                                 self, 0);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), save);
      }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseAttachments) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) attachments =
      ls_store_list_attachments_finish (LS_STORE (source), result, &error);

  if (attachments == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ls_toast_show (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  render (self, attachments);
}

static void
reload (LsCaseAttachments *self)
{
  if (self->store == NULL || self->case_uuid == NULL)
    return;
  ls_store_list_attachments_async (self->store, self->case_uuid,
                                   self->cancellable, listed_cb,
                                   g_object_ref (self));
}

static void
added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseAttachments) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsAttachment) attachment =
      ls_store_add_attachment_finish (LS_STORE (source), result, &error);

  if (attachment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ls_toast_show (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  reload (self);
}

typedef struct
{
  LsCaseAttachments *self;
  char *kind;
} LoadCall;

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadCall *call = user_data;
  g_autoptr (LsCaseAttachments) self = call->self;
  g_autofree char *kind = call->kind;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (LsAttachment) attachment = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_free (call);
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length,
                                    NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ls_toast_show (GTK_WIDGET (self),
                       adw_toast_new (_ ("The file could not be read.")));
      return;
    }
  bytes = g_bytes_new_take (contents, length);
  name = g_file_get_basename (G_FILE (source));
  type = g_content_type_guess (name, g_bytes_get_data (bytes, NULL),
                               MIN (length, 4096), NULL);
  {
    g_autofree char *mime = g_content_type_get_mime_type (type);

    attachment = ls_attachment_new (name, mime, kind, bytes, NULL, self->author,
                                    NULL, &error);
  }
  if (attachment == NULL)
    {
      /* The size limit says the size and the limit, not the name. */
      ls_toast_show (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  ls_store_add_attachment_async (self->store, self->case_uuid, attachment,
                                 bytes, self->cancellable, added_cb,
                                 g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  LsCaseAttachments *self = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file != NULL)
    ls_case_attachments_add_file (self, file, "other");
}

static void
add_clicked_cb (LsCaseAttachments *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (
      _ ("Attach a File to the Case"),
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
      GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Attach"), _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Saving a copy ------------------------------------------------------ */

typedef struct
{
  LsStore *store;
  char *uuid;
  GFile *file;
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_clear_object (&job->store);
  g_free (job->uuid);
  g_clear_object (&job->file);
  g_free (job);
}

/* In a worker thread: the bytes from the store, into a file that only
 * its owner can read, as every file of the case. */
static void
copy_thread (GTask *task,
             gpointer source,
             gpointer task_data,
             GCancellable *cancellable)
{
  CopyJob *job = task_data;
  g_autoptr (GBytes) data = NULL;
  GError *error = NULL;
  gsize size;
  gconstpointer bytes;

  data = ls_store_read_attachment (job->store, job->uuid, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  bytes = g_bytes_get_data (data, &size);
  if (!g_file_replace_contents (job->file, bytes, size, NULL, FALSE,
                                G_FILE_CREATE_PRIVATE |
                                    G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
copied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsCaseAttachments *self = LS_CASE_ATTACHMENTS (source);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ls_toast_show (GTK_WIDGET (self),
                       adw_toast_new (_ ("The copy could not be saved.")));
      return;
    }
  ls_toast_show (GTK_WIDGET (self), adw_toast_new (_ ("The copy is saved.")));
}

static void
save_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  LsCaseAttachments *self = user_data;
  LsAttachment *attachment =
      g_object_get_data (G_OBJECT (dialog), "ls-attachment");
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && self->store != NULL)
    {
      g_autoptr (GTask) task =
          g_task_new (self, self->cancellable, copied_cb, NULL);
      CopyJob *job = g_new0 (CopyJob, 1);

      job->store = g_object_ref (self->store);
      job->uuid = g_strdup (ls_attachment_get_uuid (attachment));
      job->file = g_steal_pointer (&file);
      g_task_set_task_data (task, job, (GDestroyNotify) copy_job_free);
      g_task_run_in_thread (task, copy_thread);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_clicked_cb (GtkButton *button, LsCaseAttachments *self)
{
  LsAttachment *attachment =
      g_object_get_data (G_OBJECT (button), "ls-attachment");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (
      _ ("Save a Copy of the Attachment"),
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog),
                                     ls_attachment_get_name (attachment));
  g_object_set_data_full (G_OBJECT (dialog), "ls-attachment",
                          g_object_ref (attachment), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
ls_case_attachments_dispose (GObject *object)
{
  LsCaseAttachments *self = LS_CASE_ATTACHMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_case_attachments_parent_class)->dispose (object);
}

static void
ls_case_attachments_finalize (GObject *object)
{
  LsCaseAttachments *self = LS_CASE_ATTACHMENTS (object);

  g_free (self->case_uuid);
  g_free (self->author);

  G_OBJECT_CLASS (ls_case_attachments_parent_class)->finalize (object);
}

static void
ls_case_attachments_class_init (LsCaseAttachmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_case_attachments_dispose;
  object_class->finalize = ls_case_attachments_finalize;
}

static void
ls_case_attachments_init (LsCaseAttachments *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   _ ("Attachments"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (self),
      _ ("Kept inside the case database, never changed: a new version is a "
         "new file."));
  self->add_button = gtk_button_new_with_mnemonic (_ ("Attach a _File…"));
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self),
                                           self->add_button);
  g_signal_connect_object (self->add_button, "clicked",
                           G_CALLBACK (add_clicked_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * ls_case_attachments_show:
 * @author: who adds files, for their record
 *
 * Shows the attachments of a case, read off the main loop.
 */
void
ls_case_attachments_show (LsCaseAttachments *self,
                          LsStore *store,
                          const char *case_uuid,
                          const char *author)
{
  g_return_if_fail (LS_IS_CASE_ATTACHMENTS (self));

  g_set_object (&self->store, store);
  g_free (self->case_uuid);
  self->case_uuid = g_strdup (case_uuid);
  g_free (self->author);
  self->author = g_strdup (author);
  reload (self);
}

guint
ls_case_attachments_get_n_shown (LsCaseAttachments *self)
{
  g_return_val_if_fail (LS_IS_CASE_ATTACHMENTS (self), 0);

  return self->rows->len;
}

/**
 * ls_case_attachments_add_file:
 * @kind: what the file is, as ls_attachment_new() names it
 *
 * Reads @file and stores it with the case, both off the main loop; a
 * file too large is refused with a message that says its size and the
 * limit.
 */
void
ls_case_attachments_add_file (LsCaseAttachments *self,
                              GFile *file,
                              const char *kind)
{
  LoadCall *call;

  g_return_if_fail (LS_IS_CASE_ATTACHMENTS (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->case_uuid == NULL)
    return;
  call = g_new0 (LoadCall, 1);
  call->self = g_object_ref (self);
  call->kind = g_strdup (kind);
  g_file_load_contents_async (file, self->cancellable, loaded_cb, call);
}
