/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-after-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-board-notice.h"
#include "ls-case-documents.h"
#include "ls-context.h"
#include "ls-dates.h"
#include "ls-field.h"
#include "ls-ivo-package.h"
#include "ls-law.h"
#include "ls-notification-after-page.h"
#include "ls-package-attachments.h"
#include "ls-print-operation.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rights.h"
#include "ls-rules.h"
#include "ls-wizard-lock.h"
#include "ls-wizard.h"

/* What follows a sent notification: telling the board that decided the
 * individual's service (6 kap. 3–5 §§), and sending the finished
 * investigation within two months (6 kap. 2 §).  Part of the wizard only
 * once the notification is sent. */

struct _LsNotificationAfterPage
{
  LsNotificationPage parent_instance;

  AdwPreferencesGroup *board_notice_group;
  AdwEntryRow *notice_board_row;
  AdwEntryRow *notice_date_row;
  AdwEntryRow *notice_how_row;
  AdwActionRow *investigation_status_row;
  GtkImage *investigation_status_icon;
  AdwEntryRow *investigation_sent_row;
  GtkWidget *letter_button;
  GtkWidget *print_letter_button;
  LsPackageAttachments *package_attachments;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (LsNotificationAfterPage,
                     ls_notification_after_page,
                     LS_TYPE_NOTIFICATION_PAGE)

static LsCase *
get_case (LsNotificationAfterPage *self)
{
  return ls_wizard_page_get_case (LS_WIZARD_PAGE (self));
}

static LsBoardNotice *
find_notice (LsCase *lcase)
{
  GListModel *notices = G_LIST_MODEL (ls_case_get_board_notices (lcase));

  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr (LsBoardNotice) notice = g_list_model_get_item (notices, i);

      if (ls_board_notice_get_stage (notice) == LS_NOTICE_STAGE_NOTIFICATION)
        return notice;
    }
  return NULL;
}

/* What is wrong with the day the board was told, if anything. */
static char *
check_notice_day (LsNotificationAfterPage *self,
                  LsCase *lcase,
                  GDateTime *now,
                  char **day)
{
  const char *submitted_on =
      ls_notification_get_submitted_on (ls_case_get_notification (lcase));
  g_autofree char *shown = ls_dates_format_display (submitted_on);
  g_autofree char *too_early = g_strdup_printf (
      _ ("The notification was sent on %s; the board cannot have been told "
         "of it before that."),
      shown);

  return ls_notification_page_check_day (GTK_WIDGET (self->notice_date_row),
                                         now, submitted_on, too_early, day);
}

/* Says at once when what is typed is no day; the case gets it when the
 * page is left. */
static void
date_changed_cb (LsNotificationAfterPage *self, GtkEditable *editable)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *message = NULL;

  if (get_case (self) == NULL)
    return;
  if (GTK_WIDGET (editable) == GTK_WIDGET (self->notice_date_row))
    message = check_notice_day (self, get_case (self), now, NULL);
  else
    message = ls_notification_page_check_day (GTK_WIDGET (editable), NULL, NULL,
                                              NULL, NULL);
  ls_row_set_error (GTK_WIDGET (editable), message);
}

static void
show_board_notice (LsNotificationAfterPage *self, LsCase *lcase)
{
  g_autofree char *description = NULL;

  switch (ls_notification_get_sender (ls_case_get_notification (lcase)))
    {
    case LS_ORGANISATION_KIND_PRIVATE_PROVIDER:
      adw_preferences_group_set_title (self->board_notice_group,
                                       _ ("Tell the Deciding Board"));
      description = g_strdup_printf (
          _ ("Required: tell the board that decided the individual’s service "
             "of the notification, with what emerged in the investigation, "
             "the conclusion, and the actions taken and planned. If the "
             "activity is run on contract with a municipality, tell the "
             "board that signed the contract (%s)."),
          ls_law_get_reference (LS_LAW_NOTIFY_BOARD_PRIVATE));
      break;
    case LS_ORGANISATION_KIND_SIS:
      adw_preferences_group_set_title (self->board_notice_group,
                                       _ ("Tell the Social Welfare Board"));
      description = g_strdup_printf (
          _ ("Required: the management of SiS tells the responsible social "
             "welfare board of the notification, unless secrecy prevents it "
             "(%s)."),
          ls_law_get_reference (LS_LAW_NOTIFY_BOARD_SIS));
      break;
    case LS_ORGANISATION_KIND_MUNICIPAL_BOARD:
    default:
      adw_preferences_group_set_title (self->board_notice_group,
                                       _ ("Tell the Deciding Board"));
      description = g_strdup (
          _ ("Advice, not required: if another board decided the "
             "individual’s service, tell that board of the notification "
             "too, and record it here."));
      break;
    }
  adw_preferences_group_set_description (self->board_notice_group, description);
}

static void
show_investigation (LsNotificationAfterPage *self, LsCase *lcase)
{
  LsNotification *notification = ls_case_get_notification (lcase);
  const char *sent_on =
      ls_notification_get_investigation_sent_on (notification);
  const char *submitted_on = ls_notification_get_submitted_on (notification);
  gboolean attached = ls_notification_get_attach_investigation (notification);
  gboolean concluded = ls_rules_conclusion_is_made (lcase);
  g_autofree char *due = ls_rules_dup_investigation_due (lcase);
  g_autofree char *due_shown = ls_dates_format_display (due);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon;
  gboolean may;

  if (sent_on != NULL)
    {
      g_autofree char *shown = ls_dates_format_display (sent_on);

      icon = "emblem-ok-symbolic";
      title = g_strdup_printf (_ ("The finished investigation was sent on %s"),
                               shown);
      subtitle =
          g_strdup (_ ("Nothing more is due to IVO for this notification."));
    }
  else if (concluded)
    {
      icon = "mail-send-symbolic";
      title = g_strdup (_ ("The investigation is finished"));
      if (attached)
        subtitle = g_strdup (
            _ ("It went with the form, so record it as sent on the same "
               "day as the notification."));
      else
        subtitle = g_strdup_printf (
            _ ("Send it to IVO by %s, then record the day it was sent."),
            due_shown);
    }
  else
    {
      icon = "document-edit-symbolic";
      title = g_strdup (_ ("The investigation is not finished yet"));
      subtitle = g_strdup_printf (
          _ ("When the conclusion is made, send the finished investigation to "
             "IVO, at the latest by %s."),
          due_shown);
    }
  gtk_image_set_from_icon_name (self->investigation_status_icon, icon);
  adw_preferences_row_set_title (
      ADW_PREFERENCES_ROW (self->investigation_status_row), title);
  adw_action_row_set_subtitle (self->investigation_status_row, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->investigation_sent_row),
                          sent_on == NULL);
  /* Only a notifier records what went to IVO, as the server enforces. */
  may = ls_rights_may (ls_wizard_page_get_context (LS_WIZARD_PAGE (self)),
                       LS_STORE_RIGHT_NOTIFY);
  gtk_widget_set_sensitive (GTK_WIDGET (self->investigation_sent_row),
                            concluded && may);
  ls_rights_limit (GTK_WIDGET (self->investigation_sent_row), may,
                   LS_STORE_RIGHT_NOTIFY);
  gtk_widget_action_set_enabled (
      GTK_WIDGET (ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self))),
      "wizard.mark-investigation-sent",
      submitted_on != NULL && concluded && sent_on == NULL && may);
  if (sent_on == NULL && ls_field_is_blank (gtk_editable_get_text (
                             GTK_EDITABLE (self->investigation_sent_row))))
    {
      g_autofree char *today = ls_dates_dup_today (NULL);
      g_autofree char *shown = ls_dates_format_display (
          attached && submitted_on != NULL ? submitted_on : today);

      gtk_editable_set_text (GTK_EDITABLE (self->investigation_sent_row),
                             shown);
    }
}

static void
ls_notification_after_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsNotificationAfterPage *self = LS_NOTIFICATION_AFTER_PAGE (page);
  LsBoardNotice *notice = find_notice (lcase);

  LS_WIZARD_PAGE_CLASS (ls_notification_after_page_parent_class)
      ->load (page, lcase);
  if (notice != NULL)
    {
      g_autofree char *notified_on =
          ls_dates_format_display (ls_board_notice_get_notified_on (notice));

      ls_rows_set_text (GTK_WIDGET (self->notice_board_row),
                        ls_board_notice_get_board (notice));
      ls_rows_set_text (GTK_WIDGET (self->notice_date_row), notified_on);
      ls_rows_set_text (GTK_WIDGET (self->notice_how_row),
                        ls_board_notice_get_how (notice));
    }
  show_board_notice (self, lcase);
  show_investigation (self, lcase);
  /* The letter of 6 kap. 4 § is a private provider's. */
  gtk_widget_set_visible (self->letter_button,
                          ls_notification_get_sender (ls_case_get_notification (
                              lcase)) == LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  gtk_widget_set_visible (self->print_letter_button,
                          gtk_widget_get_visible (self->letter_button));
  ls_package_attachments_show (
      self->package_attachments,
      ls_context_get_store (ls_wizard_get_context (
          ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self)))),
      lcase, ls_case_get_status (lcase) == LS_CASE_STATUS_CLOSED);
  /* the last step */
  ls_wizard_page_set_next_label (page, _ ("_Done"), NULL);
}

/* The board told of the notification, as a notice of its own; a notice
 * is made once anything of it is typed. */
static gboolean
ls_notification_after_page_commit (LsWizardPage *page,
                                   LsCase *target,
                                   LsWizardCommit mode,
                                   GDateTime *now,
                                   GtkWidget **first_bad)
{
  LsNotificationAfterPage *self = LS_NOTIFICATION_AFTER_PAGE (page);
  LsBoardNotice *notice = find_notice (target);
  g_autofree char *board =
      ls_rows_dup_text (GTK_WIDGET (self->notice_board_row));
  g_autofree char *how = ls_rows_dup_text (GTK_WIDGET (self->notice_how_row));
  g_autofree char *day = NULL;
  g_autofree char *message = check_notice_day (self, target, now, &day);
  gboolean ok = TRUE;

  if (message != NULL)
    ok = ls_row_mark_bad (GTK_WIDGET (self->notice_date_row), message,
                          first_bad);
  if (notice == NULL)
    {
      g_autoptr (LsBoardNotice) added = NULL;

      if (ls_field_is_blank (board) && ls_field_is_blank (how) && day == NULL)
        return ok;
      added = ls_board_notice_new ();
      ls_board_notice_set_stage (added, LS_NOTICE_STAGE_NOTIFICATION);
      g_list_store_append (ls_case_get_board_notices (target), added);
      notice = added;
    }
  ls_board_notice_set_board (notice, board);
  ls_board_notice_set_how (notice, how);
  if (ok)
    ls_board_notice_set_notified_on (notice, day);
  return ok;
}

static gboolean
ls_notification_after_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  return ls_notification_get_investigation_sent_on (
             ls_case_get_notification (lcase)) != NULL;
}

static gboolean
ls_notification_after_page_is_available (LsWizardPage *page, LsCase *lcase)
{
  return ls_notification_page_is_sent (lcase);
}

static void
ls_notification_after_page_shown (LsWizardPage *page)
{
  LsNotificationAfterPage *self = LS_NOTIFICATION_AFTER_PAGE (page);

  show_investigation (self, get_case (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->notice_board_row));
}

static void
ls_notification_after_page_dispose (GObject *object)
{
  LsNotificationAfterPage *self = LS_NOTIFICATION_AFTER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ls_notification_after_page_parent_class)->dispose (object);
}

static void
ls_notification_after_page_class_init (LsNotificationAfterPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ls_notification_after_page_dispose;

  page_class->load = ls_notification_after_page_load;
  page_class->commit = ls_notification_after_page_commit;
  page_class->is_complete = ls_notification_after_page_is_complete;
  page_class->is_available = ls_notification_after_page_is_available;
  page_class->shown = ls_notification_after_page_shown;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/notification/ls-notification-after-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        board_notice_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        notice_board_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        notice_date_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        notice_how_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        investigation_status_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        investigation_status_icon);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        investigation_sent_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        letter_button);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        print_letter_button);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationAfterPage,
                                        package_attachments);
}

/* The choice of attachments for IVO is saved as it is made. */
static void
package_attachments_changed_cb (LsNotificationAfterPage *self)
{
  ls_wizard_save (ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self)));
}

static void
ls_notification_after_page_init (LsNotificationAfterPage *self)
{
  g_type_ensure (LS_TYPE_PACKAGE_ATTACHMENTS);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->package_attachments, "changed",
                           G_CALLBACK (package_attachments_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* A closed case's letter is still printed. */
  ls_wizard_keep_active (self->print_letter_button);
  /* After the rows' own handlers, which clear their marks at a change. */
  g_signal_connect_object (self->notice_date_row, "changed",
                           G_CALLBACK (date_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->investigation_sent_row, "changed",
                           G_CALLBACK (date_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/**
 * ls_notification_after_page_mark_investigation_sent:
 *
 * Records the day the finished investigation went to IVO, which may not
 * be before the notification nor before the conclusion; the case is
 * closed when nothing else is due.
 */
void
ls_notification_after_page_mark_investigation_sent (
    LsNotificationAfterPage *self)
{
  LsWizard *wizard;
  LsCase *lcase;
  LsNotification *notification;
  const char *submitted_on;
  const char *concluded_on;
  GtkWidget *row;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *submitted_shown = NULL;
  g_autofree char *before_notification = NULL;
  g_autofree char *message = NULL;
  g_autofree char *day = NULL;

  g_return_if_fail (LS_IS_NOTIFICATION_AFTER_PAGE (self));

  wizard = ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self));
  lcase = get_case (self);
  notification = ls_case_get_notification (lcase);
  submitted_on = ls_notification_get_submitted_on (notification);
  concluded_on =
      ls_investigation_get_concluded_on (ls_case_get_investigation (lcase));
  if (submitted_on == NULL || !ls_rules_conclusion_is_made (lcase))
    return;

  row = GTK_WIDGET (self->investigation_sent_row);
  submitted_shown = ls_dates_format_display (submitted_on);
  before_notification = g_strdup_printf (
      _ ("The notification was sent on %s; record the investigation as sent "
         "on that day or later."),
      submitted_shown);
  message = ls_notification_page_check_day (row, now, submitted_on,
                                            before_notification, &day);
  if (message == NULL && day == NULL)
    message = g_strdup (_ ("Give the date."));
  if (message == NULL && concluded_on != NULL &&
      ls_dates_compare (day, concluded_on) < 0)
    {
      g_autofree char *concluded_shown = ls_dates_format_display (concluded_on);

      message = g_strdup_printf (
          _ ("The investigation was concluded on %s; it cannot have been "
             "sent before that."),
          concluded_shown);
    }
  if (message != NULL)
    {
      ls_row_set_error (row, message);
      gtk_widget_grab_focus (row);
      return;
    }

  /* What else was typed on the page goes with it. */
  ls_wizard_commit_page (wizard, LS_WIZARD_PAGE (self),
                         LS_WIZARD_COMMIT_LENIENT);
  ls_notification_set_investigation_sent_on (
      ls_case_get_notification (get_case (self)), day);
  show_investigation (self, get_case (self));
  ls_wizard_save (wizard);
  ls_wizard_show_toast (
      wizard, ls_case_get_status (get_case (self)) == LS_CASE_STATUS_CLOSED
                  ? _ ("The finished investigation is recorded as sent. The "
                       "case is closed.")
                  : _ ("The finished investigation is recorded as sent."));
}

/* ---- The package for IVO and the letter to the board ------------------ */

typedef struct
{
  LsStore *store;
  char *regno;
  char *folder;
  LsFormDocument *letter;
  char *path;
} DocumentJob;

static void
document_job_free (DocumentJob *job)
{
  g_clear_object (&job->store);
  g_free (job->regno);
  g_free (job->folder);
  g_clear_object (&job->letter);
  g_free (job->path);
  g_free (job);
}

/* In a worker thread: the store's reads and the PDFs' rendering. */
static void
document_job_thread (GTask *task,
                     gpointer source,
                     gpointer task_data,
                     GCancellable *cancellable)
{
  DocumentJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->letter != NULL)
    ok = ls_form_document_write_pdf (job->letter, job->path, &error);
  else
    ok = ls_ivo_package_write (job->store, job->regno, NULL, job->folder, NULL,
                               &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
document_job_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  LsNotificationAfterPage *self = LS_NOTIFICATION_AFTER_PAGE (source);
  DocumentJob *job = g_task_get_task_data (G_TASK (result));
  LsWizard *wizard = ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ls_wizard_show_toast (wizard, error->message);
      return;
    }
  if (job->letter != NULL)
    {
      g_autofree char *board = ls_rules_dup_deciding_board (get_case (self));
      g_autofree char *today = ls_dates_dup_today (NULL);

      /* The notice says that the letter went, and when. */
      if (board != NULL)
        ls_rules_record_board_letter (get_case (self), board, today);
      ls_wizard_page_load (LS_WIZARD_PAGE (self), get_case (self));
      ls_wizard_save (wizard);
      ls_wizard_show_toast (wizard, _ ("The letter to the board is written and "
                                       "recorded as sent today."));
    }
  else
    {
      ls_wizard_show_toast (wizard, _ ("The package for IVO is written."));
    }
}

static void
run_job (LsNotificationAfterPage *self, DocumentJob *job)
{
  g_autoptr (GTask) task =
      g_task_new (self, self->cancellable, document_job_done_cb, NULL);

  g_task_set_task_data (task, job, (GDestroyNotify) document_job_free);
  g_task_run_in_thread (task, document_job_thread);
}

static void
chooser_response_cb (GtkNativeDialog *dialog, int response, gpointer data)
{
  LsNotificationAfterPage *self = LS_NOTIFICATION_AFTER_PAGE (data);
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  DocumentJob *job = g_object_steal_data (G_OBJECT (dialog), "ls-job");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      document_job_free (job);
      return;
    }
  if (job->letter != NULL)
    {
      job->path = g_steal_pointer (&path);
    }
  else
    {
      g_autofree char *name =
          g_strdup_printf ("Anmälan lex Sarah %s", job->regno);

      job->folder = g_build_filename (path, name, NULL);
    }
  run_job (self, job);
}

/* Through the file chooser, which is the portal's in a sandbox. */
static void
choose (LsNotificationAfterPage *self,
        DocumentJob *job,
        GtkFileChooserAction action,
        const char *title,
        const char *accept,
        const char *name)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (
      title, GTK_WINDOW (ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self))),
      action, accept, _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "ls-job", job);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * ls_notification_after_page_write_package:
 *
 * Asks for a folder and writes the package for IVO into a new folder in
 * it, off the main loop.
 */
void
ls_notification_after_page_write_package (LsNotificationAfterPage *self)
{
  DocumentJob *job;
  LsWizard *wizard;

  g_return_if_fail (LS_IS_NOTIFICATION_AFTER_PAGE (self));

  wizard = ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self));
  if (ls_case_get_regno (get_case (self)) == NULL)
    return;
  job = g_new0 (DocumentJob, 1);
  job->store =
      g_object_ref (ls_context_get_store (ls_wizard_get_context (wizard)));
  job->regno = g_strdup (ls_case_get_regno (get_case (self)));
  choose (self, job, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _ ("Where to Put the Package for IVO"), _ ("_Choose"), NULL);
}

/* The letter of 6 kap. 4 §, or %NULL with a toast when the case does not
 * say which board decided. */
static LsFormDocument *
dup_letter (LsNotificationAfterPage *self)
{
  g_autofree char *board = ls_rules_dup_deciding_board (get_case (self));

  if (board == NULL)
    {
      ls_wizard_show_toast (
          ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self)),
          _ ("Name the board that decided the individual’s service first."));
      return NULL;
    }
  return ls_case_documents_build_board_letter (
      get_case (self), ls_wizard_page_get_organisation (LS_WIZARD_PAGE (self)),
      board);
}

static void
letter_printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult outcome = ls_print_operation_print_finish (
      LS_PRINT_OPERATION (source), result, &error);

  /* cancelled when the page went: @user_data may be gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (outcome == GTK_PRINT_OPERATION_RESULT_ERROR)
    ls_wizard_show_toast (
        ls_wizard_page_get_wizard (LS_WIZARD_PAGE (user_data)), error->message);
}

/**
 * ls_notification_after_page_print_letter:
 *
 * Prints the letter of 6 kap. 4 § to the deciding board.
 */
void
ls_notification_after_page_print_letter (LsNotificationAfterPage *self)
{
  g_autoptr (LsFormDocument) letter = NULL;
  g_autoptr (LsPrintOperation) operation = NULL;

  g_return_if_fail (LS_IS_NOTIFICATION_AFTER_PAGE (self));

  letter = dup_letter (self);
  if (letter == NULL)
    return;
  operation = ls_print_operation_new (letter);
  ls_print_operation_print_async (
      operation, GTK_WINDOW (ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self))),
      self->cancellable, letter_printed_cb, self);
}

/**
 * ls_notification_after_page_write_letter:
 *
 * Asks where to save the letter of 6 kap. 4 § to the deciding board,
 * writes it off the main loop and records on the board notice that it
 * was sent today.
 */
void
ls_notification_after_page_write_letter (LsNotificationAfterPage *self)
{
  DocumentJob *job;
  g_autofree char *name = NULL;

  g_return_if_fail (LS_IS_NOTIFICATION_AFTER_PAGE (self));

  job = g_new0 (DocumentJob, 1);
  job->letter = dup_letter (self);
  if (job->letter == NULL)
    {
      document_job_free (job);
      return;
    }
  name = g_strdup_printf ("Information till nämnd %s.pdf",
                          ls_case_get_regno (get_case (self)) != NULL
                              ? ls_case_get_regno (get_case (self))
                              : "");
  choose (self, job, GTK_FILE_CHOOSER_ACTION_SAVE,
          _ ("Save the Letter to the Board"), _ ("_Save"), name);
}
