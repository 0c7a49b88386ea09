/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-password-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-password-dialog.h"

/* When the shared database asks for a password: a dialog with a password
 * entry.  What is typed goes to the caller only, which keeps it in memory
 * for the process; it is never shown again, saved, logged or exported. */

static gboolean
close_idle_cb (gpointer dialog)
{
  /* The entry goes first: a GtkPasswordEntry finalized with its window
   * would be told of the window's focus after it is gone. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), NULL);
  gtk_window_close (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, GTask *task)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ls-entry");
  const char *text = gtk_editable_get_text (entry);

  if (g_str_equal (response, "connect") && *text != '\0')
    g_task_return_pointer (task, g_strdup (text), g_free);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _ ("No password was given."));
  /* The entry's buffer is cleared before the dialog goes; a response by
   * Enter in the entry closes it too. */
  gtk_editable_set_text (entry, "");
  g_signal_handlers_disconnect_by_func (dialog, response_cb, task);
  g_object_unref (task);
  /* Not within the response: the dialog would go while it is emitted. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (dialog),
                   g_object_unref);
}

static void
activate_cb (GtkWidget *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "connect");
}

/**
 * ls_password_dialog_ask:
 * @parent: (nullable): the window it is for
 * @where: the shared database, as shown (never with a password)
 * @why: (nullable): what went wrong the last time ("The password was not
 *   accepted"), or %NULL the first time
 *
 * Asks for the password of the person's role on the server.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
ls_password_dialog_ask (GtkWindow *parent,
                        const char *where,
                        const char *why,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_task_set_source_tag (task, ls_password_dialog_ask);
  /* Translators: %s is the shared database's address or service. */
  body = g_strdup_printf (_ ("The shared case database %s asks for your "
                             "password. Lex Sarah keeps it only until it "
                             "closes."),
                          where);
  if (why != NULL)
    {
      g_autofree char *first = g_steal_pointer (&body);

      body = g_strdup_printf ("%s\n\n%s", why, first);
    }
  dialog = adw_message_dialog_new (parent, _ ("Password"), body);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Password"),
                                  -1);
  g_object_set_data (G_OBJECT (dialog), "ls-entry", entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    _ ("_Cancel"), "connect", _ ("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (
      ADW_MESSAGE_DIALOG (dialog), "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "activate", G_CALLBACK (activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

/**
 * ls_password_dialog_ask_finish:
 *
 * Returns: (transfer full): the password, or %NULL with
 *   %G_IO_ERROR_CANCELLED when the person did not give one
 */
char *
ls_password_dialog_ask_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
