/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-send-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-case-documents.h"
#include "ls-case-pdf.h"
#include "ls-dates.h"
#include "ls-field.h"
#include "ls-form-preview.h"
#include "ls-law.h"
#include "ls-model.h"
#include "ls-notification-send-page.h"
#include "ls-notification-wizard.h"
#include "ls-responsible-group.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rights.h"
#include "ls-rules.h"
#include "ls-wizard-lock.h"
#include "ls-wizard.h"

/* Check, print and send: what the form still lacks, each leading to its
 * row, the preview of the form and of the investigation, printing and
 * PDF, the date and signature, and recording the day it was sent.  The
 * preview shows the case as the earlier steps put it, with this page's
 * own rows as they are typed. */

#define PAGE_NAME_KEY "ls-page-name"
#define FOCUS_KEY "ls-focus"
#define DAY_KEY "ls-day"

/* How long the preview waits for typing to pause before it is drawn
 * again. */
#define REFRESH_DELAY_MS 400

struct _LsNotificationSendPage
{
  LsNotificationPage parent_instance;

  /* The preview's drawing, which drawing it again cancels. */
  GCancellable *render_cancellable;
  GPtrArray *missing_rows;
  guint refresh_id;

  AdwPreferencesGroup *missing_group;
  AdwActionRow *complete_row;
  GtkToggleButton *form_toggle;
  GtkToggleButton *investigation_toggle;
  LsFormPreview *preview;
  AdwActionRow *print_investigation_row;
  AdwActionRow *save_investigation_row;
  AdwEntryRow *signed_on_row;
  AdwEntryRow *submitted_on_row;
  AdwPreferencesGroup *rights_group;
  AdwPreferencesGroup *send_group;
  AdwPreferencesGroup *sent_group;
  AdwActionRow *sent_row;
};

G_DEFINE_FINAL_TYPE (LsNotificationSendPage,
                     ls_notification_send_page,
                     LS_TYPE_NOTIFICATION_PAGE)

static LsWizard *
get_wizard (LsNotificationSendPage *self)
{
  return ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self));
}

static LsCase *
get_case (LsNotificationSendPage *self)
{
  return ls_wizard_page_get_case (LS_WIZARD_PAGE (self));
}

static gboolean
is_shown (LsNotificationSendPage *self)
{
  return ls_wizard_get_page (get_wizard (self)) == LS_WIZARD_PAGE (self);
}

/* The case as the wizard holds it, with this page's rows as typed. */
static LsCase *
dup_candidate (LsNotificationSendPage *self)
{
  LsCase *candidate = ls_case_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *first_bad = NULL;

  ls_model_copy (G_OBJECT (candidate), G_OBJECT (get_case (self)));
  ls_wizard_page_commit (LS_WIZARD_PAGE (self), candidate,
                         LS_WIZARD_COMMIT_LENIENT, now, &first_bad);
  return candidate;
}

static void
render_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = ls_case_pdf_render_finish (result, &error);
  LsNotificationSendPage *self;

  /* cancelled when the page went: @user_data may be gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (pdf == NULL)
    ls_wizard_show_toast (get_wizard (self), error->message);
  ls_form_preview_set_pdf (self->preview, pdf);
}

/* A long form takes a while to lay out and draw: off the main loop, so
 * typing never waits for it. */
static void
render_preview (LsNotificationSendPage *self, LsCase *candidate)
{
  LsWizard *wizard = get_wizard (self);

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->render_cancellable = g_cancellable_new ();
  ls_case_pdf_render_async (
      gtk_toggle_button_get_active (self->investigation_toggle)
          ? LS_NOTIFICATION_DOCUMENT_INVESTIGATION
          : LS_NOTIFICATION_DOCUMENT_FORM,
      candidate, ls_context_get_organisation (ls_wizard_get_context (wizard)),
      ls_notification_wizard_get_regnos (LS_NOTIFICATION_WIZARD (wizard)),
      self->render_cancellable, render_done_cb, self);
}

static void
missing_row_activated_cb (LsNotificationSendPage *self, AdwActionRow *row)
{
  GtkWidget *focus = g_object_get_data (G_OBJECT (row), FOCUS_KEY);

  ls_wizard_set_page_name (get_wizard (self),
                           g_object_get_data (G_OBJECT (row), PAGE_NAME_KEY));
  if (focus != NULL && gtk_widget_is_sensitive (focus))
    gtk_widget_grab_focus (focus);
}

/* One row per empty required part of the form, in the form's order, each
 * leading to the step and the row where it is filled in. */
static void
add_missing_row (LsNotificationSendPage *self, const char *name)
{
  LsWizard *wizard = get_wizard (self);
  LsWizardPage *owner = LS_WIZARD_PAGE (self);
  GtkWidget *focus = NULL;
  guint position = 0;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  for (guint i = 0; i < ls_wizard_get_n_pages (wizard); i++)
    {
      LsWizardPage *page = ls_wizard_get_nth_page (wizard, i);

      if (page == LS_WIZARD_PAGE (self))
        position = i;
      if (LS_IS_NOTIFICATION_PAGE (page) &&
          ls_notification_page_find_missing (LS_NOTIFICATION_PAGE (page), name,
                                             &focus))
        {
          owner = page;
          position = i;
          break;
        }
    }

  /* Translators: where an empty field of the form is filled in, such as
   * "Step 2: Who Notifies". */
  subtitle = g_strdup_printf (_ ("Step %u: %s"), position + 1,
                              ls_wizard_page_get_title (owner));
  row = ls_rows_new_link (name, subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             ls_rows_new_warning_icon (_ ("Missing")));
  g_object_set_data (G_OBJECT (row), PAGE_NAME_KEY,
                     (gpointer) ls_wizard_page_get_name (owner));
  g_object_set_data (G_OBJECT (row), FOCUS_KEY, focus);
  g_signal_connect_object (row, "activated",
                           G_CALLBACK (missing_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->missing_group, row);
  g_ptr_array_add (self->missing_rows, row);
}

static void
enable (LsNotificationSendPage *self, const char *action, gboolean enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (get_wizard (self)), action,
                                 enabled);
}

/* What the form lacks and the preview, from the case with this page's
 * rows as typed. */
static void
refresh (LsNotificationSendPage *self)
{
  LsCase *lcase = get_case (self);
  g_autoptr (LsCase) candidate = dup_candidate (self);
  gboolean concluded = ls_rules_conclusion_is_made (lcase);
  const char *investigation_note =
      concluded ? _ ("The attachment: the finished investigation")
                : _ ("Not finished yet: it can be printed once the "
                     "conclusion is made.");

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  ls_rows_remove (self->missing_group, self->missing_rows);
  if (!ls_notification_page_is_sent (lcase))
    {
      g_autoptr (LsNotificationForm) form =
          ls_case_documents_dup_notification_form (candidate);
      g_auto (GStrv) missing = ls_notification_form_list_missing (form);

      for (guint i = 0; missing[i] != NULL; i++)
        add_missing_row (self, missing[i]);
      gtk_widget_set_visible (GTK_WIDGET (self->complete_row),
                              missing[0] == NULL);
    }

  adw_action_row_set_subtitle (self->print_investigation_row,
                               investigation_note);
  adw_action_row_set_subtitle (self->save_investigation_row,
                               investigation_note);
  enable (self, "wizard.print-investigation", concluded);
  enable (self, "wizard.save-investigation", concluded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->investigation_toggle), concluded);
  if (!concluded && gtk_toggle_button_get_active (self->investigation_toggle))
    gtk_toggle_button_set_active (self->form_toggle, TRUE);
  else
    render_preview (self, candidate);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  LsNotificationSendPage *self = user_data;

  self->refresh_id = 0;
  if (is_shown (self))
    refresh (self);
  return G_SOURCE_REMOVE;
}

/* The day of the form says at once when it is no day; the preview follows
 * once typing pauses. */
static void
rows_changed_cb (LsNotificationSendPage *self, GtkEditable *editable)
{
  GtkWidget *row = GTK_WIDGET (editable);
  g_autofree char *message = NULL;

  if (row !=
      ls_notification_page_get_field (LS_NOTIFICATION_PAGE (self), "signatory"))
    {
      message = ls_notification_page_check_day (row, NULL, NULL, NULL, NULL);
      ls_row_set_error (row, message);
    }
  if (row == GTK_WIDGET (self->submitted_on_row) || !is_shown (self))
    return;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
preview_toggled_cb (LsNotificationSendPage *self, GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button) && is_shown (self))
    ls_notification_send_page_update_preview (self);
}

static void
show_sent (LsNotificationSendPage *self, LsCase *lcase)
{
  LsNotification *notification = ls_case_get_notification (lcase);
  g_autofree char *submitted_on =
      ls_dates_format_display (ls_notification_get_submitted_on (notification));
  g_autofree char *title =
      g_strdup_printf (_ ("Sent to IVO on %s"), submitted_on);
  g_autofree char *due = ls_rules_dup_investigation_due (lcase);
  g_autofree char *subtitle = NULL;

  if (ls_notification_get_investigation_sent_on (notification) != NULL)
    {
      g_autofree char *sent_on = ls_dates_format_display (
          ls_notification_get_investigation_sent_on (notification));

      subtitle = g_strdup_printf (
          _ ("The finished investigation was sent on %s."), sent_on);
    }
  else if (ls_notification_get_attach_investigation (notification))
    {
      subtitle = g_strdup (_ ("The finished investigation went with it: "
                              "record that on the next page."));
    }
  else if (due != NULL)
    {
      g_autofree char *shown = ls_dates_format_display (due);

      subtitle = g_strdup_printf (
          _ ("Send the finished investigation to IVO by %s."), shown);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sent_row), title);
  adw_action_row_set_subtitle (self->sent_row, subtitle);
}

static void
ls_notification_send_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsNotificationSendPage *self = LS_NOTIFICATION_SEND_PAGE (page);
  gboolean editable = !ls_notification_page_is_sent (lcase);
  gboolean may;
  g_autofree char *signed_on = ls_dates_format_display (
      ls_notification_get_signed_on (ls_case_get_notification (lcase)));

  LS_WIZARD_PAGE_CLASS (ls_notification_send_page_parent_class)
      ->load (page, lcase);
  ls_rows_set_text (GTK_WIDGET (self->signed_on_row), signed_on);
  gtk_editable_set_editable (GTK_EDITABLE (self->signed_on_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->send_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->sent_group), !editable);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), editable);
  /* Only a notifier records the notification as sent, as the server
   * enforces; the others prepare the form. */
  may = ls_rights_note (self->rights_group, ls_wizard_page_get_context (page),
                        LS_STORE_RIGHT_NOTIFY);
  ls_rights_limit (GTK_WIDGET (self->submitted_on_row), may,
                   LS_STORE_RIGHT_NOTIFY);
  enable (self, "wizard.mark-sent", editable && may);
  enable (self, "wizard.sign-today", editable);
  /* Until it is sent, this is the last step; it closes, as the
   * notification is not done until it is sent. */
  ls_wizard_page_set_next_label (page, editable ? _ ("Save and _Close") : NULL,
                                 NULL);
  if (!editable)
    show_sent (self, lcase);
  else if (ls_field_is_blank (
               gtk_editable_get_text (GTK_EDITABLE (self->submitted_on_row))))
    {
      g_autofree char *today = ls_dates_dup_today (NULL);

      gtk_editable_set_text (GTK_EDITABLE (self->submitted_on_row), today);
    }
}

static gboolean
ls_notification_send_page_commit (LsWizardPage *page,
                                  LsCase *target,
                                  LsWizardCommit mode,
                                  GDateTime *now,
                                  GtkWidget **first_bad)
{
  LsNotificationSendPage *self = LS_NOTIFICATION_SEND_PAGE (page);
  GtkWidget *row = GTK_WIDGET (self->signed_on_row);
  g_autofree char *day = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (ls_notification_page_is_sent (target))
    return TRUE;
  ok = LS_WIZARD_PAGE_CLASS (ls_notification_send_page_parent_class)
           ->commit (page, target, mode, now, first_bad);
  message = ls_notification_page_check_day (row, NULL, NULL, NULL, &day);
  if (message != NULL)
    return ls_row_mark_bad (row, message, first_bad);
  ls_notification_set_signed_on (ls_case_get_notification (target), day);
  return ok;
}

static GtkWidget *
ls_notification_send_page_mark_invalid (LsWizardPage *page,
                                        LsCase *lcase,
                                        const char *path,
                                        const char *message)
{
  LsNotificationSendPage *self = LS_NOTIFICATION_SEND_PAGE (page);

  if (g_strcmp0 (path, "notification.signed_on") != 0)
    return LS_WIZARD_PAGE_CLASS (ls_notification_send_page_parent_class)
        ->mark_invalid (page, lcase, path, message);
  ls_row_set_error (GTK_WIDGET (self->signed_on_row), message);
  return GTK_WIDGET (self->signed_on_row);
}

static gboolean
ls_notification_send_page_revert (LsWizardPage *page,
                                  LsCase *target,
                                  LsCase *stored,
                                  const char *path)
{
  if (g_strcmp0 (path, "notification.signed_on") != 0)
    return LS_WIZARD_PAGE_CLASS (ls_notification_send_page_parent_class)
        ->revert (page, target, stored, path);
  ls_notification_set_signed_on (
      ls_case_get_notification (target),
      ls_notification_get_signed_on (ls_case_get_notification (stored)));
  return TRUE;
}

/* The page a link to the notification opens once it is sent: the form as
 * it went to IVO. */
static gboolean
ls_notification_send_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  return FALSE;
}

static void
ls_notification_send_page_shown (LsWizardPage *page)
{
  LsNotificationSendPage *self = LS_NOTIFICATION_SEND_PAGE (page);

  refresh (self);
  if (self->missing_rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->missing_rows, 0));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->form_toggle));
}

static gboolean
ls_notification_send_page_find_missing (LsNotificationPage *page,
                                        const char *missing,
                                        GtkWidget **focus)
{
  LsNotificationSendPage *self = LS_NOTIFICATION_SEND_PAGE (page);

  if (g_strcmp0 (missing, ls_notification_field_get_name (
                              LS_NOTIFICATION_FIELD_DATE)) == 0)
    *focus = GTK_WIDGET (self->signed_on_row);
  else if (g_strcmp0 (missing, ls_notification_field_get_name (
                                   LS_NOTIFICATION_FIELD_SIGNATURE)) != 0)
    return LS_NOTIFICATION_PAGE_CLASS (ls_notification_send_page_parent_class)
        ->find_missing (page, missing, focus);
  return TRUE;
}

static void
mark_sent_response_cb (LsNotificationSendPage *self,
                       const char *response,
                       AdwMessageDialog *dialog)
{
  LsWizard *wizard = get_wizard (self);
  const char *day = g_object_get_data (G_OBJECT (dialog), DAY_KEY);
  g_autofree char *shown = ls_dates_format_display (day);
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "send") != 0 ||
      ls_notification_page_is_sent (get_case (self)))
    return;

  ls_notification_set_submitted_on (ls_case_get_notification (get_case (self)),
                                    day);
  ls_notification_wizard_reload (LS_NOTIFICATION_WIZARD (wizard));
  ls_wizard_save (wizard);
  refresh (self);
  message = g_strdup_printf (_ ("The notification is recorded as sent on %s."),
                             shown);
  ls_wizard_show_toast (wizard, message);
}

static void
ask_mark_sent (LsNotificationSendPage *self, char *day)
{
  LsNotification *notification = ls_case_get_notification (get_case (self));
  g_autoptr (LsNotificationForm) form =
      ls_case_documents_dup_notification_form (get_case (self));
  g_auto (GStrv) missing = ls_notification_form_list_missing (form);
  g_autoptr (GString) body = g_string_new (
      _ ("Do this once the form has gone to IVO. A sent notification cannot "
         "be changed: from then on the form is kept exactly as it was "
         "sent."));
  AdwMessageDialog *dialog;

  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", missing);

      g_string_append (body, "\n\n");
      g_string_append_printf (body, _ ("The form still lacks: %s."), list);
    }
  if (!ls_notification_get_attach_investigation (notification))
    {
      g_autofree char *due =
          ls_dates_add_months (day, LS_LAW_INVESTIGATION_MONTHS);
      g_autofree char *shown = ls_dates_format_display (due);

      g_string_append (body, "\n\n");
      g_string_append_printf (
          body, _ ("The finished investigation must then reach IVO by %s."),
          shown);
    }

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (get_wizard (self)),
                              _ ("Mark the Notification as Sent?"), body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "send",
                                    _ ("_Mark as Sent"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "send",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), DAY_KEY, day, g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (mark_sent_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ls_notification_send_page_dispose (GObject *object)
{
  LsNotificationSendPage *self = LS_NOTIFICATION_SEND_PAGE (object);

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->missing_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_notification_send_page_parent_class)->dispose (object);
}

static void
ls_notification_send_page_setup (LsWizardPage *page)
{
  LsNotificationSendPage *self = LS_NOTIFICATION_SEND_PAGE (page);
  GtkWidget *rows[] = {
    GTK_WIDGET (self->signed_on_row),
    GTK_WIDGET (self->submitted_on_row),
    NULL,
  };

  LS_WIZARD_PAGE_CLASS (ls_notification_send_page_parent_class)->setup (page);
  rows[2] =
      ls_notification_page_get_field (LS_NOTIFICATION_PAGE (self), "signatory");
  /* After the rows' own handlers, which clear their marks at a change. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "changed", G_CALLBACK (rows_changed_cb),
                             self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
ls_notification_send_page_class_init (LsNotificationSendPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ls_notification_send_page_dispose;
  page_class->setup = ls_notification_send_page_setup;
  page_class->load = ls_notification_send_page_load;
  page_class->commit = ls_notification_send_page_commit;
  page_class->mark_invalid = ls_notification_send_page_mark_invalid;
  page_class->revert = ls_notification_send_page_revert;
  page_class->is_complete = ls_notification_send_page_is_complete;
  page_class->shown = ls_notification_send_page_shown;
  LS_NOTIFICATION_PAGE_CLASS (klass)->find_missing =
      ls_notification_send_page_find_missing;

  g_type_ensure (LS_TYPE_FORM_PREVIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/notification/ls-notification-send-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        missing_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        complete_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        form_toggle);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        investigation_toggle);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        preview);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        print_investigation_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        save_investigation_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        signed_on_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        submitted_on_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        rights_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        send_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        sent_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSendPage,
                                        sent_row);
  gtk_widget_class_bind_template_callback (widget_class, preview_toggled_cb);
}

static void
ls_notification_send_page_init (LsNotificationSendPage *self)
{
  g_type_ensure (LS_TYPE_RESPONSIBLE_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->missing_rows = g_ptr_array_new ();
  /* A closed case's documents are still previewed. */
  ls_wizard_keep_active (GTK_WIDGET (self->form_toggle));
  ls_wizard_keep_active (GTK_WIDGET (self->investigation_toggle));
}

/**
 * ls_notification_send_page_mark_sent:
 *
 * Asks whether the form has gone to IVO and records the day it was sent,
 * which makes it read-only and starts the two months for the finished
 * investigation.  What is marked wrong on any step is put right first:
 * it is not in the case, so it would not be in what was sent.
 */
void
ls_notification_send_page_mark_sent (LsNotificationSendPage *self)
{
  LsWizard *wizard;
  GtkWidget *row;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *message = NULL;
  char *day = NULL;

  g_return_if_fail (LS_IS_NOTIFICATION_SEND_PAGE (self));

  wizard = get_wizard (self);
  if (ls_notification_page_is_sent (get_case (self)))
    return;
  for (guint i = 0; i < ls_wizard_get_n_pages (wizard); i++)
    {
      LsWizardPage *page = ls_wizard_get_nth_page (wizard, i);

      if (!ls_wizard_page_is_available (page, get_case (self)) ||
          ls_wizard_commit_page (wizard, page, LS_WIZARD_COMMIT_LENIENT))
        continue;
      if (page != LS_WIZARD_PAGE (self))
        {
          ls_wizard_set_page_name (wizard, ls_wizard_page_get_name (page));
          /* marks it again, and leads the keyboard there */
          ls_wizard_commit_page (wizard, page, LS_WIZARD_COMMIT_LENIENT);
        }
      return;
    }

  row = GTK_WIDGET (self->submitted_on_row);
  message = ls_notification_page_check_day (row, now, NULL, NULL, &day);
  if (message == NULL && day == NULL)
    message = g_strdup (_ ("Give the date."));
  if (message != NULL)
    {
      ls_row_set_error (row, message);
      gtk_widget_grab_focus (row);
      return;
    }
  ask_mark_sent (self, day);
}

/**
 * ls_notification_send_page_sign_today:
 *
 * Dates the form today.
 */
void
ls_notification_send_page_sign_today (LsNotificationSendPage *self)
{
  g_autofree char *today = ls_dates_dup_today (NULL);

  g_return_if_fail (LS_IS_NOTIFICATION_SEND_PAGE (self));

  if (!ls_notification_page_is_sent (get_case (self)))
    gtk_editable_set_text (GTK_EDITABLE (self->signed_on_row), today);
}

/**
 * ls_notification_send_page_update_preview:
 *
 * Draws the preview again, as when the registration numbers of linked
 * cases have come.
 */
void
ls_notification_send_page_update_preview (LsNotificationSendPage *self)
{
  g_autoptr (LsCase) candidate = NULL;

  g_return_if_fail (LS_IS_NOTIFICATION_SEND_PAGE (self));

  if (!is_shown (self))
    return;
  candidate = dup_candidate (self);
  render_preview (self, candidate);
}
