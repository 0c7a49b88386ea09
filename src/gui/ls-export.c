/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-export.h"

/* Asking where to save an export.  The native chooser goes through the
 * desktop's portal, so saving works inside the Flatpak sandbox, which sees
 * no home folder. */

typedef struct
{
  LsExportChosenFunc chosen;
  gpointer user_data;
  GDestroyNotify destroy;
} Choice;

static void
response_cb (GtkNativeDialog *dialog, int response, gpointer data)
{
  Choice *choice = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file =
          gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        choice->chosen (file, choice->user_data);
    }
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_free (choice);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/**
 * ls_export_choose_file:
 * @name: the file name offered
 * @chosen: called with the file, if one is chosen
 * @destroy: (nullable): frees @user_data when the dialog closes
 */
void
ls_export_choose_file (GtkWindow *parent,
                       const char *title,
                       const char *name,
                       const char *filter_name,
                       const char *mime_type,
                       LsExportChosenFunc chosen,
                       gpointer user_data,
                       GDestroyNotify destroy)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  Choice *choice;

  g_return_if_fail (chosen != NULL);

  chooser = gtk_file_chooser_native_new (
      title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  choice = g_new0 (Choice, 1);
  choice->chosen = chosen;
  choice->user_data = user_data;
  choice->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
