/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-notification-after-page.h"
#include "ls-notification-page.h"
#include "ls-notification-send-page.h"
#include "ls-notification-wizard.h"
#include "ls-print-operation.h"
#include "ls-rules.h"
#include "ls-wizards.h"

/* The notification to IVO (6 kap. SOSFS 2011:5): one page per part of the
 * annex form, then the preview, printing and the submission, then what
 * follows it; the pages are the step table's.  While it is not sent, its
 * empty fields are first filled from the case, the organisation and the
 * unit.  A notification cannot be changed once sent: from then on the
 * form's fields are read-only, and the preview and PDF show it exactly
 * as it was sent. */

struct _LsNotificationWizard
{
  LsWizard parent_instance;

  /* the linked cases' loads, printing and PDFs */
  GCancellable *cancellable;
  GHashTable *regnos; /* uuid -> registration number of linked cases */
  GtkFileChooserNative *chooser;
  LsNotificationDocument chooser_document;
  guint save_id;

  GtkInfoBar *sent_bar;
  GtkLabel *sent_label;
};

G_DEFINE_FINAL_TYPE (LsNotificationWizard,
                     ls_notification_wizard,
                     LS_TYPE_WIZARD)

static gboolean
is_sent (LsNotificationWizard *self)
{
  return ls_notification_page_is_sent (ls_wizard_get_case (LS_WIZARD (self)));
}

/* The toast's title is markup, and messages can quote a file's name. */
static void
show_toast (LsNotificationWizard *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  ls_wizard_show_toast (LS_WIZARD (self), escaped);
}

static void
show_sent (LsNotificationWizard *self)
{
  if (is_sent (self))
    {
      g_autofree char *shown = ls_dates_format_display (
          ls_notification_get_submitted_on (ls_case_get_notification (
              ls_wizard_get_case (LS_WIZARD (self)))));
      g_autofree char *text = g_strdup_printf (
          _ ("Sent to IVO on %s. A sent notification cannot be changed."),
          shown);

      gtk_label_set_text (self->sent_label, text);
    }
  gtk_info_bar_set_revealed (self->sent_bar, is_sent (self));
}

/* ---- Linked cases ------------------------------------------------------ */

static void
linked_case_loaded_cb (GObject *source,
                       GAsyncResult *result,
                       gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) linked =
      ls_store_load_case_finish (LS_STORE (source), result, &error);
  LsNotificationWizard *self = user_data;

  /* Cancelled when the window went; a case that cannot be loaded is left
   * out of the list of earlier cases, as the report lists only what it
   * knows. */
  if (linked == NULL || ls_case_get_regno (linked) == NULL)
    return;
  g_hash_table_insert (self->regnos, g_strdup (ls_case_get_uuid (linked)),
                       g_strdup (ls_case_get_regno (linked)));
  ls_notification_send_page_update_preview (LS_NOTIFICATION_SEND_PAGE (
      ls_wizard_find_page (LS_WIZARD (self), "send")));
}

/* The investigation report names the earlier cases it was linked to by
 * their registration numbers, which only their own records hold. */
static void
load_linked_regnos (LsNotificationWizard *self)
{
  LsStore *store =
      ls_context_get_store (ls_wizard_get_context (LS_WIZARD (self)));
  const char *const *links = ls_investigation_get_linked_cases (
      ls_case_get_investigation (ls_wizard_get_case (LS_WIZARD (self))));

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    if (!g_hash_table_contains (self->regnos, links[i]))
      ls_store_load_case_async (store, links[i], self->cancellable,
                                linked_case_loaded_cb, self);
}

/* ---- Documents ---------------------------------------------------------- */

/* What is typed on the step in view goes into the case, as far as it is
 * good, before the case is printed or saved. */
static LsCase *
get_committed_case (LsNotificationWizard *self)
{
  LsWizard *wizard = LS_WIZARD (self);

  if (ls_wizard_get_page (wizard) != NULL &&
      ls_wizard_get_state (wizard) == LS_WIZARD_STATE_EDITING)
    ls_wizard_commit_page (wizard, ls_wizard_get_page (wizard),
                           LS_WIZARD_COMMIT_LENIENT);
  return ls_wizard_get_case (wizard);
}

static void
print_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult outcome = ls_print_operation_print_finish (
      LS_PRINT_OPERATION (source), result, &error);

  /* cancelled when the window went: @user_data may be gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (outcome == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_toast (LS_NOTIFICATION_WIZARD (user_data), error->message);
}

static void
print_document (LsNotificationWizard *self, LsNotificationDocument document)
{
  LsCase *lcase = get_committed_case (self);
  /* printing draws in the main thread, where the document is built */
  g_autoptr (LsFormDocument) doc = ls_case_pdf_build (
      document, lcase,
      ls_context_get_organisation (ls_wizard_get_context (LS_WIZARD (self))),
      self->regnos);
  g_autoptr (LsPrintOperation) operation = ls_print_operation_new (doc);

  ls_print_operation_print_async (operation, GTK_WINDOW (self),
                                  self->cancellable, print_done_cb, self);
}

static void
pdf_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!ls_notification_wizard_save_pdf_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  name = g_path_get_basename (g_task_get_task_data (G_TASK (result)));
  message = g_strdup_printf (_ ("Saved as “%s”"), name);
  show_toast (self, message);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int response,
                     LsNotificationWizard *self)
{
  g_autoptr (GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr (GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    ls_notification_wizard_save_pdf_async (self, self->chooser_document, file,
                                           self->cancellable, pdf_saved_cb,
                                           NULL);
}

/* The native chooser goes through the desktop's portal, so saving works
 * inside the Flatpak sandbox, which sees no home folder. */
static void
choose_pdf_file (LsNotificationWizard *self, LsNotificationDocument document)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = ls_notification_wizard_dup_pdf_name (self, document);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (
      document == LS_NOTIFICATION_DOCUMENT_FORM
          ? _ ("Save the Form as PDF")
          : _ ("Save the Investigation as PDF"),
      GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"),
      _ ("_Cancel"));
  self->chooser_document = document;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                    self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- Actions ------------------------------------------------------------ */

static void
document_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (widget);
  LsNotificationDocument document =
      g_str_has_suffix (action_name, "-form")
          ? LS_NOTIFICATION_DOCUMENT_FORM
          : LS_NOTIFICATION_DOCUMENT_INVESTIGATION;

  if (g_str_has_prefix (action_name, "wizard.print-"))
    print_document (self, document);
  else
    choose_pdf_file (self, document);
}

static void
send_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsNotificationSendPage *page = LS_NOTIFICATION_SEND_PAGE (
      ls_wizard_find_page (LS_WIZARD (widget), "send"));

  if (g_str_equal (action_name, "wizard.mark-sent"))
    ls_notification_send_page_mark_sent (page);
  else
    ls_notification_send_page_sign_today (page);
}

static void
mark_investigation_sent_activated (GtkWidget *widget,
                                   const char *action_name,
                                   GVariant *param)
{
  ls_notification_after_page_mark_investigation_sent (
      LS_NOTIFICATION_AFTER_PAGE (
          ls_wizard_find_page (LS_WIZARD (widget), "after")));
}

static void
after_document_activated (GtkWidget *widget,
                          const char *action_name,
                          GVariant *param)
{
  LsNotificationAfterPage *page = LS_NOTIFICATION_AFTER_PAGE (
      ls_wizard_find_page (LS_WIZARD (widget), "after"));

  if (g_str_equal (action_name, "wizard.write-ivo-package"))
    ls_notification_after_page_write_package (page);
  else if (g_str_equal (action_name, "wizard.print-board-letter"))
    ls_notification_after_page_print_letter (page);
  else
    ls_notification_after_page_write_letter (page);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_wizard_save (LS_WIZARD (widget));
}

/* ---- LsWizard ----------------------------------------------------------- */

static char *
ls_notification_wizard_dup_title (LsWizard *wizard)
{
  const char *regno = ls_case_get_regno (ls_wizard_get_case (wizard));

  /* Translators: the window's title, with the case's registration
   * number. */
  return g_strdup_printf (_ ("Notification to IVO – %s"),
                          regno != NULL ? regno : "");
}

static gboolean
save_prefill_cb (gpointer user_data)
{
  LsNotificationWizard *self = user_data;

  self->save_id = 0;
  /* not the copy the wizard shows while the stored case loads */
  if (ls_wizard_get_state (LS_WIZARD (self)) == LS_WIZARD_STATE_EDITING)
    ls_wizard_save (LS_WIZARD (self));
  return G_SOURCE_REMOVE;
}

/* The case comes from the store; what the prefill adds is saved at once,
 * as the manager may print the form before going through its steps. */
static void
ls_notification_wizard_case_taken (LsWizard *wizard)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (wizard);

  if (!is_sent (self))
    {
      ls_rules_prefill_notification (
          ls_wizard_get_case (wizard),
          ls_context_get_organisation (ls_wizard_get_context (wizard)));
      ls_notification_wizard_reload (self);
      if (self->save_id == 0)
        self->save_id = g_idle_add (save_prefill_cb, self);
    }
  show_sent (self);
  load_linked_regnos (self);
}

/* A save that failed while the manager works is tried again at a touch;
 * what could not be saved is still in the case and on screen. */
static gboolean
ls_notification_wizard_save_failed (LsWizard *wizard, const GError *error)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  if (ls_wizard_get_state (wizard) != LS_WIZARD_STATE_EDITING)
    return FALSE;
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (ls_wizard_get_page (wizard)),
                                     ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return FALSE;
  text = ls_wizards_dup_save_error (error);
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _ ("Try Again"));
  adw_toast_set_action_name (toast, "wizard.save");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

/* ---- Object ------------------------------------------------------------- */

static void
ls_notification_wizard_dispose (GObject *object)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->regnos, g_hash_table_unref);

  G_OBJECT_CLASS (ls_notification_wizard_parent_class)->dispose (object);
}

static void
ls_notification_wizard_class_init (LsNotificationWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardClass *wizard_class = LS_WIZARD_CLASS (klass);
  const char *const document_actions[] = {
    "wizard.print-form",
    "wizard.save-form",
    "wizard.print-investigation",
    "wizard.save-investigation",
  };

  object_class->dispose = ls_notification_wizard_dispose;
  wizard_class->kind = LS_WIZARD_NOTIFICATION;
  wizard_class->cannot_save = N_ ("Your Changes Could Not Be Saved");
  wizard_class->dup_title = ls_notification_wizard_dup_title;
  wizard_class->case_taken = ls_notification_wizard_case_taken;
  wizard_class->save_failed = ls_notification_wizard_save_failed;

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_class_install_action (widget_class, document_actions[i], NULL,
                                     document_activated);
  gtk_widget_class_install_action (widget_class, "wizard.mark-sent", NULL,
                                   send_activated);
  gtk_widget_class_install_action (widget_class, "wizard.sign-today", NULL,
                                   send_activated);
  gtk_widget_class_install_action (widget_class,
                                   "wizard.mark-investigation-sent", NULL,
                                   mark_investigation_sent_activated);
  gtk_widget_class_install_action (widget_class, "wizard.save", NULL,
                                   save_activated);
  gtk_widget_class_install_action (widget_class, "wizard.write-ivo-package",
                                   NULL, after_document_activated);
  gtk_widget_class_install_action (widget_class, "wizard.write-board-letter",
                                   NULL, after_document_activated);
  gtk_widget_class_install_action (widget_class, "wizard.print-board-letter",
                                   NULL, after_document_activated);
}

static void
ls_notification_wizard_init (LsNotificationWizard *self)
{
  self->cancellable = g_cancellable_new ();
  self->regnos =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_window_set_default_size (GTK_WINDOW (self), 720, 720);
  self->sent_bar = GTK_INFO_BAR (gtk_info_bar_new ());
  self->sent_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->sent_label, TRUE);
  gtk_label_set_xalign (self->sent_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->sent_label), TRUE);
  gtk_info_bar_add_child (self->sent_bar, GTK_WIDGET (self->sent_label));
  gtk_info_bar_set_revealed (self->sent_bar, FALSE);
  ls_wizard_add_top_bar (LS_WIZARD (self), GTK_WIDGET (self->sent_bar));
}

/* ---- Public API --------------------------------------------------------- */

/**
 * ls_notification_wizard_new:
 * @parent: (nullable): the window the wizard is modal to
 * @context: the store, the organisation and the user
 * @lcase: the case whose notification is made
 *
 * Creates the wizard that fills, previews, prints and saves the
 * notification to IVO on the annex form, records when it was sent, and
 * what follows.  Present it with gtk_window_present().
 *
 * Returns: (transfer none): the wizard, at its first step, owned by GTK's
 *   list of windows until it is closed
 */
LsNotificationWizard *
ls_notification_wizard_new (GtkWindow *parent,
                            LsContext *context,
                            LsCase *lcase)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  return g_object_new (LS_TYPE_NOTIFICATION_WIZARD, "transient-for", parent,
                       "context", context, "case", lcase, NULL);
}

/**
 * ls_notification_wizard_get_regnos:
 *
 * Returns: (transfer none): the registration numbers of the linked cases
 *   loaded so far, by their uuid
 */
GHashTable *
ls_notification_wizard_get_regnos (LsNotificationWizard *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_WIZARD (self), NULL);

  return self->regnos;
}

/**
 * ls_notification_wizard_sent:
 *
 * The case changed beyond the page in view, as when the notification was
 * recorded as sent: every page shows it again, read-only once sent, and
 * the step after sending joins the flow.
 */
void
ls_notification_wizard_reload (LsNotificationWizard *self)
{
  LsWizard *wizard;

  g_return_if_fail (LS_IS_NOTIFICATION_WIZARD (self));

  wizard = LS_WIZARD (self);
  for (guint i = 0; i < ls_wizard_get_n_pages (wizard); i++)
    ls_wizard_page_load (ls_wizard_get_nth_page (wizard, i),
                         ls_wizard_get_case (wizard));
  show_sent (self);
  ls_wizard_update_header (wizard);
}

/**
 * ls_notification_wizard_dup_pdf_name:
 *
 * The documents are Swedish whatever the language of the app, and so are
 * their file names: "Anmälan lex Sarah VON-2026-0003.pdf".
 *
 * Returns: (transfer full): the name a PDF of @document is offered under
 */
char *
ls_notification_wizard_dup_pdf_name (LsNotificationWizard *self,
                                     LsNotificationDocument document)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_WIZARD (self), NULL);

  return ls_case_pdf_dup_file_name (document,
                                    ls_wizard_get_case (LS_WIZARD (self)));
}

static void
pdf_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (ls_case_pdf_write_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ls_notification_wizard_save_pdf_async:
 * @document: which document
 * @file: where to write it, as the file chooser gave it
 * @cancellable: (nullable): cancels it
 *
 * Writes @document, as the case holds it with the step in view, to @file
 * as PDF, off the main loop.  The file is replaced whole or not at all,
 * readable only by the user.
 */
void
ls_notification_wizard_save_pdf_async (LsNotificationWizard *self,
                                       LsNotificationDocument document,
                                       GFile *file,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  char *path;

  g_return_if_fail (LS_IS_NOTIFICATION_WIZARD (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_notification_wizard_save_pdf_async);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, LS_FORM_ERROR, LS_FORM_ERROR_WRITE,
                               _ ("The PDF can only be saved in a folder on "
                                  "this computer."));
      return;
    }
  g_task_set_task_data (task, path, g_free);
  ls_case_pdf_write_async (
      document, get_committed_case (self),
      ls_context_get_organisation (ls_wizard_get_context (LS_WIZARD (self))),
      self->regnos, path, cancellable, pdf_written_cb, g_steal_pointer (&task));
}

/**
 * ls_notification_wizard_save_pdf_finish:
 *
 * Returns: whether the PDF was written; if not, @error says why, for the
 *   user
 */
gboolean
ls_notification_wizard_save_pdf_finish (LsNotificationWizard *self,
                                        GAsyncResult *result,
                                        GError **error)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_WIZARD (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_notification_wizard_save_pdf_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
