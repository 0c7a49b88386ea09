/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-documents-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-case-documents-group.h"
#include "ls-case-documents.h"
#include "ls-dates.h"
#include "ls-form-preview.h"
#include "ls-print-operation.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-toast.h"

/* A case's documents in the case view, whatever its state: the
 * notification form (a draft, watermarked, until IVO is notified), the
 * investigation once it is begun, and a private provider's letter to the
 * deciding board once IVO is notified.  Each is previewed, printed and saved as
 * PDF; drawing a preview and writing a file go off the main loop.  A
 * closed case is read here as well as in its wizards. */

struct _LsCaseDocumentsGroup
{
  AdwPreferencesGroup parent_instance;

  LsContext *context;
  LsCase *lcase;
  /* The linked cases' registration numbers, by uuid, for the
   * investigation's point 6; loaded off the main loop. */
  GHashTable *regnos;
  GCancellable *cancellable;
  GPtrArray *rows;
  gboolean offered[LS_NOTIFICATION_DOCUMENT_BOARD_LETTER + 1];
};

G_DEFINE_FINAL_TYPE (LsCaseDocumentsGroup,
                     ls_case_documents_group,
                     ADW_TYPE_PREFERENCES_GROUP)

#define DOCUMENT_KEY "ls-document"

/* Each document's name and the accessible names of its buttons, whole
 * sentences for the translators. */
static const struct
{
  const char *title;
  const char *preview;
  const char *print;
  const char *save;
} documents[] = {
  [LS_NOTIFICATION_DOCUMENT_FORM] = { N_ ("Notification Form"),
                                      N_ ("Preview the notification form"),
                                      N_ ("Print the notification form"),
                                      N_ ("Save the notification form as "
                                          "PDF") },
  [LS_NOTIFICATION_DOCUMENT_INVESTIGATION] = { N_ ("Investigation"),
                                               N_ ("Preview the investigation"),
                                               N_ ("Print the investigation"),
                                               N_ ("Save the investigation as "
                                                   "PDF") },
  [LS_NOTIFICATION_DOCUMENT_BOARD_LETTER] = { N_ ("Letter to the Deciding "
                                                  "Board"),
                                              N_ ("Preview the letter to the "
                                                  "deciding board"),
                                              N_ ("Print the letter to the "
                                                  "deciding board"),
                                              N_ ("Save the letter to the "
                                                  "deciding board as PDF") },
};

static const char *
document_title (LsNotificationDocument document)
{
  return _ (documents[document].title);
}

/* What the document is now: a draft, or what it was sent as. */
static char *
dup_document_subtitle (LsCase *lcase, LsNotificationDocument document)
{
  LsNotification *notification = ls_case_get_notification (lcase);
  LsInvestigation *investigation = ls_case_get_investigation (lcase);
  g_autofree char *day = NULL;

  if (document == LS_NOTIFICATION_DOCUMENT_FORM)
    {
      if (ls_case_documents_notification_is_draft (lcase))
        return g_strdup (_ ("A draft: IVO is not notified yet"));
      day = ls_dates_format_display (
          ls_notification_get_submitted_on (notification));
      /* Translators: %s is a day. */
      return g_strdup_printf (_ ("As IVO was notified on %s"), day);
    }
  if (document == LS_NOTIFICATION_DOCUMENT_INVESTIGATION)
    {
      if (!ls_rules_conclusion_is_made (lcase))
        return g_strdup (_ ("A draft: the investigation is not concluded"));
      day = ls_dates_format_display (
          ls_investigation_get_concluded_on (investigation));
      /* Translators: %s is a day. */
      return g_strdup_printf (_ ("Concluded on %s"), day);
    }
  return g_strdup (_ ("What emerged, the conclusion and the actions, for "
                      "the board that decided the individual’s service"));
}

static void preview_clicked_cb (GtkButton *button, LsCaseDocumentsGroup *self);
static void print_clicked_cb (GtkButton *button, LsCaseDocumentsGroup *self);
static void save_clicked_cb (GtkButton *button, LsCaseDocumentsGroup *self);

static void
add_button (GtkWidget *row,
            LsCaseDocumentsGroup *self,
            LsNotificationDocument document,
            const char *icon,
            const char *tooltip,
            const char *label,
            GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), DOCUMENT_KEY,
                     GINT_TO_POINTER (document));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
add_row (LsCaseDocumentsGroup *self, LsNotificationDocument document)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = document_title (document);
  g_autofree char *subtitle = dup_document_subtitle (self->lcase, document);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  add_button (row, self, document, "document-print-preview-symbolic",
              _ ("Preview"), _ (documents[document].preview),
              G_CALLBACK (preview_clicked_cb));
  add_button (row, self, document, "document-print-symbolic", _ ("Print…"),
              _ (documents[document].print), G_CALLBACK (print_clicked_cb));
  add_button (row, self, document, "document-save-symbolic", _ ("Save as PDF…"),
              _ (documents[document].save), G_CALLBACK (save_clicked_cb));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  self->offered[document] = TRUE;
}

static void
render (LsCaseDocumentsGroup *self)
{
  g_autofree char *board = NULL;

  ls_rows_remove (ADW_PREFERENCES_GROUP (self), self->rows);
  memset (self->offered, 0, sizeof self->offered);
  if (self->lcase == NULL)
    return;
  add_row (self, LS_NOTIFICATION_DOCUMENT_FORM);
  if (ls_rules_investigation_begun (self->lcase))
    add_row (self, LS_NOTIFICATION_DOCUMENT_INVESTIGATION);
  /* The letter of 6 kap. 4 § is a private provider's, once IVO is
   * notified. */
  board = ls_rules_dup_deciding_board (self->lcase);
  if (board != NULL && !ls_case_documents_notification_is_draft (self->lcase) &&
      ls_notification_get_sender (ls_case_get_notification (self->lcase)) ==
          LS_ORGANISATION_KIND_PRIVATE_PROVIDER)
    add_row (self, LS_NOTIFICATION_DOCUMENT_BOARD_LETTER);
}

/* ---- Linked cases --------------------------------------------------- */

static void
linked_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseDocumentsGroup) self = user_data;
  g_autoptr (LsCase) linked =
      ls_store_load_case_finish (LS_STORE (source), result, NULL);

  /* A linked case gone is printed without its number, as on the
   * command line. */
  if (linked != NULL && ls_case_get_regno (linked) != NULL)
    g_hash_table_insert (self->regnos, g_strdup (ls_case_get_uuid (linked)),
                         g_strdup (ls_case_get_regno (linked)));
}

static void
load_linked (LsCaseDocumentsGroup *self)
{
  const char *const *links = ls_investigation_get_linked_cases (
      ls_case_get_investigation (self->lcase));

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    ls_store_load_case_async (ls_context_get_store (self->context), links[i],
                              self->cancellable, linked_loaded_cb,
                              g_object_ref (self));
}

/* ---- Preview, print, save ------------------------------------------- */

static LsNotificationDocument
document_of (GtkButton *button)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), DOCUMENT_KEY));
}

static GtkWindow *
get_parent (LsCaseDocumentsGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
rendered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsFormPreview) preview = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = ls_case_pdf_render_finish (result, &error);

  if (pdf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ls_toast_show (GTK_WIDGET (preview), adw_toast_new (error->message));
      return;
    }
  ls_form_preview_set_pdf (preview, pdf);
}

static void
preview_clicked_cb (GtkButton *button, LsCaseDocumentsGroup *self)
{
  ls_case_documents_group_preview (self, document_of (button));
}

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult outcome = ls_print_operation_print_finish (
      LS_PRINT_OPERATION (source), result, &error);

  /* cancelled when the view went: @user_data may be gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (outcome == GTK_PRINT_OPERATION_RESULT_ERROR)
    ls_toast_show (GTK_WIDGET (user_data), adw_toast_new (error->message));
}

static void
print_clicked_cb (GtkButton *button, LsCaseDocumentsGroup *self)
{
  /* printing draws in the main thread, where the document is built */
  g_autoptr (LsFormDocument) doc = ls_case_pdf_build (
      document_of (button), self->lcase,
      ls_context_get_organisation (self->context), self->regnos);
  g_autoptr (LsPrintOperation) operation = ls_print_operation_new (doc);

  ls_print_operation_print_async (operation, get_parent (self),
                                  self->cancellable, printed_cb, self);
}

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseDocumentsGroup) self = user_data;
  g_autoptr (GError) error = NULL;

  if (ls_case_pdf_write_finish (result, &error))
    ls_toast_show (GTK_WIDGET (self), adw_toast_new (_ ("The PDF is saved.")));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ls_toast_show (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int response,
                  LsCaseDocumentsGroup *self)
{
  LsNotificationDocument document =
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), DOCUMENT_KEY));
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      ls_toast_show (GTK_WIDGET (self),
                     adw_toast_new (_ ("The PDF can only be saved in a "
                                       "folder on this computer.")));
      return;
    }
  ls_case_pdf_write_async (
      document, self->lcase, ls_context_get_organisation (self->context),
      self->regnos, path, self->cancellable, written_cb, g_object_ref (self));
}

static void
save_clicked_cb (GtkButton *button, LsCaseDocumentsGroup *self)
{
  LsNotificationDocument document = document_of (button);
  g_autofree char *name = ls_case_pdf_dup_file_name (document, self->lcase);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (
      _ ("Save as PDF"), get_parent (self), GTK_FILE_CHOOSER_ACTION_SAVE,
      _ ("_Save"), _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), DOCUMENT_KEY,
                     GINT_TO_POINTER (document));
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- GObject -------------------------------------------------------- */

static void
ls_case_documents_group_dispose (GObject *object)
{
  LsCaseDocumentsGroup *self = LS_CASE_DOCUMENTS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->lcase);
  g_clear_pointer (&self->regnos, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_case_documents_group_parent_class)->dispose (object);
}

static void
ls_case_documents_group_class_init (LsCaseDocumentsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ls_case_documents_group_dispose;
}

static void
ls_case_documents_group_init (LsCaseDocumentsGroup *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->regnos =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   _ ("Documents"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (self),
      _ ("Preview, print or save the case’s documents at any time, as the "
         "case is now."));
}

/* ---- Public API ----------------------------------------------------- */

/**
 * ls_case_documents_group_show:
 * @context: the store and the organisation
 * @lcase: the case as the view shows it
 *
 * Offers the documents @lcase has now.
 */
void
ls_case_documents_group_show (LsCaseDocumentsGroup *self,
                              LsContext *context,
                              LsCase *lcase)
{
  g_return_if_fail (LS_IS_CASE_DOCUMENTS_GROUP (self));
  g_return_if_fail (LS_IS_CONTEXT (context));
  g_return_if_fail (LS_IS_CASE (lcase));

  g_set_object (&self->context, context);
  g_set_object (&self->lcase, lcase);
  g_hash_table_remove_all (self->regnos);
  load_linked (self);
  render (self);
}

/**
 * ls_case_documents_group_offers:
 *
 * Returns: whether the group offers @document of its case
 */
gboolean
ls_case_documents_group_offers (LsCaseDocumentsGroup *self,
                                LsNotificationDocument document)
{
  g_return_val_if_fail (LS_IS_CASE_DOCUMENTS_GROUP (self), FALSE);
  g_return_val_if_fail (document <= LS_NOTIFICATION_DOCUMENT_BOARD_LETTER,
                        FALSE);

  return self->offered[document];
}

/**
 * ls_case_documents_group_preview:
 *
 * Opens a window that shows @document of the case as PDF, drawn off the
 * main loop.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
ls_case_documents_group_preview (LsCaseDocumentsGroup *self,
                                 LsNotificationDocument document)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *preview;
  GtkWidget *overlay;

  g_return_val_if_fail (LS_IS_CASE_DOCUMENTS_GROUP (self), NULL);
  g_return_val_if_fail (self->lcase != NULL, NULL);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), document_title (document));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), get_parent (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 800);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (
      ADW_HEADER_BAR (header),
      adw_window_title_new (document_title (document),
                            ls_case_get_regno (self->lcase)));
  gtk_box_append (GTK_BOX (box), header);
  preview = ls_form_preview_new ();
  ls_form_preview_set_fit_width (LS_FORM_PREVIEW (preview), TRUE);
  gtk_widget_set_vexpand (preview, TRUE);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), preview);
  gtk_box_append (GTK_BOX (box), overlay);
  adw_window_set_content (ADW_WINDOW (window), box);
  ls_case_pdf_render_async (
      document, self->lcase, ls_context_get_organisation (self->context),
      self->regnos, self->cancellable, rendered_cb, g_object_ref (preview));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
