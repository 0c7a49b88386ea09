/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-board-notice.h"
#include "ls-case-documents.h"
#include "ls-case-saver.h"
#include "ls-dates.h"
#include "ls-field.h"
#include "ls-form-preview.h"
#include "ls-individual.h"
#include "ls-law.h"
#include "ls-model.h"
#include "ls-notification-wizard.h"
#include "ls-print-operation.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-wizards.h"

/* The notification to IVO (6 kap. SOSFS 2011:5), one page per part of the
 * annex form, then the preview, printing and the submission, then what
 * follows it.  Every change goes into the case at once and the case is
 * saved whenever the manager moves to another page or closes the window,
 * so nothing typed is lost.  A notification cannot be changed once sent:
 * from then on the form's fields are read-only, and the preview and PDF
 * show it exactly as it was sent. */

typedef enum
{
  PAGE_KIND,
  PAGE_SENDER,
  PAGE_WHERE,
  PAGE_WHAT,
  PAGE_STAFF,
  PAGE_SEND,
  PAGE_AFTER,
  N_PAGES
} Page;

static const char *const page_names[N_PAGES] = {
  "kind", "sender", "where", "what", "staff", "send", "after",
};

/* The text boxes of the form the manager writes, each an entry row or a
 * text view of the template bound to a property of LsNotification: this
 * one table loads them, stores them, makes them read-only once the form is
 * sent, and leads from a missing field of the form back to its row. */
typedef struct
{
  const char *id;
  const char *property;
  LsNotificationField field;
} TextField;

/* clang-format off */
static const TextField text_fields[] = {
  { "board_name_row", "board-name", LS_NOTIFICATION_FIELD_BOARD_NAME },
  { "board_municipality_row", "board-municipality", LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY },
  { "provider_name_row", "provider-name", LS_NOTIFICATION_FIELD_PROVIDER_NAME },
  { "contact_name_row", "contact-name", LS_NOTIFICATION_FIELD_CONTACT_NAME },
  { "contact_title_row", "contact-title", LS_NOTIFICATION_FIELD_CONTACT_TITLE },
  { "workplace_row", "workplace", LS_NOTIFICATION_FIELD_WORKPLACE },
  { "postal_address_row", "postal-address", LS_NOTIFICATION_FIELD_POSTAL_ADDRESS },
  { "postcode_row", "postcode", LS_NOTIFICATION_FIELD_POSTCODE },
  { "town_row", "town", LS_NOTIFICATION_FIELD_TOWN },
  { "phone_row", "phone", LS_NOTIFICATION_FIELD_PHONE },
  { "email_row", "email", LS_NOTIFICATION_FIELD_EMAIL },
  { "unit_name_row", "unit-name", LS_NOTIFICATION_FIELD_UNIT },
  { "activity_row", "activity", LS_NOTIFICATION_FIELD_ACTIVITY_TYPE },
  { "unit_street_row", "unit-street-address", LS_NOTIFICATION_FIELD_UNIT_STREET },
  { "unit_postcode_row", "unit-postcode", LS_NOTIFICATION_FIELD_UNIT_POSTCODE },
  { "unit_town_row", "unit-town", LS_NOTIFICATION_FIELD_UNIT_TOWN },
  { "unit_phone_row", "unit-phone", LS_NOTIFICATION_FIELD_UNIT_PHONE },
  { "occurred_row", "occurred", LS_NOTIFICATION_FIELD_OCCURRED },
  { "description_view", "description", LS_NOTIFICATION_FIELD_DESCRIPTION },
  { "other_attachments_row", "other-attachments", LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT },
  { "staffing_view", "organisation-staffing", LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING },
  { "staff_view", "staff-details", LS_NOTIFICATION_FIELD_STAFF_DETAILS },
  { "actions_view", "actions", LS_NOTIFICATION_FIELD_ACTIONS },
  { "signatory_row", "signatory", LS_NOTIFICATION_FIELD_NAME_IN_PRINT },
};
/* clang-format on */

#define N_TEXT_FIELDS G_N_ELEMENTS (text_fields)
#define TEXT_FIELD_KEY "ls-text-field"
#define DEPARTMENT_KEY "ls-department"
#define PAGE_KEY "ls-page"
#define FOCUS_KEY "ls-focus"
#define DAY_KEY "ls-day"

/* How long the preview waits for typing to pause before it is drawn
 * again. */
#define REFRESH_DELAY_MS 400

struct _LsNotificationWizard
{
  AdwWindow parent_instance;

  LsStore *store;
  LsOrganisation *organisation;
  LsCase *lcase;
  GSettings *settings;
  LsCaseSaver *saver;

  /* loads, prints and PDFs; the preview has its own, so that drawing it
   * again cancels only the drawing before */
  GCancellable *cancellable;
  GCancellable *render_cancellable;
  GHashTable *regnos;  /* uuid -> registration number of linked cases */
  GHashTable *invalid; /* rows whose text is not valid, so not in the case */
  GPtrArray *missing_rows;
  GPtrArray *department_checks;
  GtkFileChooserNative *chooser;
  LsNotificationDocument chooser_document;
  guint refresh_id;

  gboolean loading;
  gboolean closing;
  gboolean may_close;
  gboolean discard_invalid;
  gboolean disposed;

  GtkWidget *text_widgets[N_TEXT_FIELDS];

  AdwWindowTitle *window_title;
  GtkButton *next_button;
  GtkProgressBar *progress_bar;
  GtkInfoBar *sent_bar;
  GtkLabel *sent_label;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;

  AdwActionRow *case_row;
  AdwActionRow *conclusion_row;
  GtkImage *conclusion_icon;
  GtkCheckButton *wrongdoing_check;
  GtkCheckButton *risk_check;
  AdwPreferencesGroup *department_group;

  GtkCheckButton *sender_board_check;
  GtkCheckButton *sender_private_check;
  GtkCheckButton *sender_sis_check;

  AdwActionRow *informed_row;
  GtkSwitch *informed_switch;
  AdwActionRow *attach_investigation_row;
  GtkCheckButton *attach_investigation_check;
  GtkCheckButton *attach_routines_check;
  GtkCheckButton *attach_other_check;

  AdwPreferencesGroup *missing_group;
  AdwActionRow *complete_row;
  GtkToggleButton *form_toggle;
  GtkToggleButton *investigation_toggle;
  LsFormPreview *preview;
  AdwActionRow *print_investigation_row;
  AdwActionRow *save_investigation_row;
  AdwEntryRow *signed_on_row;
  AdwEntryRow *submitted_on_row;
  AdwPreferencesGroup *send_group;
  AdwPreferencesGroup *sent_group;
  AdwActionRow *sent_row;

  AdwPreferencesGroup *board_notice_group;
  AdwEntryRow *notice_board_row;
  AdwEntryRow *notice_date_row;
  AdwEntryRow *notice_how_row;
  AdwActionRow *investigation_status_row;
  GtkImage *investigation_status_icon;
  AdwEntryRow *investigation_sent_row;
};

G_DEFINE_FINAL_TYPE (LsNotificationWizard,
                     ls_notification_wizard,
                     ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ORGANISATION,
  PROP_CASE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * A document drawn in a worker thread is also built there: it lays itself
 * out with the font map of the thread that creates it, and the main
 * thread's is GTK's.  So the thread gets copies of the case and the
 * organisation of its own, which the wizard cannot change under it.
 */
typedef struct
{
  LsNotificationDocument document;
  LsCase *lcase;
  LsOrganisation *organisation;
  GHashTable *regnos;
  char *path; /* where to save it, if it is saved */
} DocumentJob;

static void
document_job_free (gpointer data)
{
  DocumentJob *job = data;

  g_clear_object (&job->lcase);
  g_clear_object (&job->organisation);
  g_clear_pointer (&job->regnos, g_hash_table_unref);
  g_free (job->path);
  g_free (job);
}

static void request_save (LsNotificationWizard *self);
static void refresh_send_page (LsNotificationWizard *self);
static void refresh_after_page (LsNotificationWizard *self);

/* ---- Small helpers --------------------------------------------------- */

static LsNotification *
get_notification (LsNotificationWizard *self)
{
  return ls_case_get_notification (self->lcase);
}

static gboolean
is_submitted (LsNotificationWizard *self)
{
  return ls_notification_get_submitted_on (get_notification (self)) != NULL;
}

static char *
dup_display (const char *day)
{
  return ls_dates_format_display (day);
}

static GtkWidget *
find_text_widget (LsNotificationWizard *self, const char *id)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (g_str_equal (text_fields[i].id, id))
      return self->text_widgets[i];
  g_assert_not_reached ();
  return NULL;
}

/* The toast's title is markup, and messages can quote what was typed. */
static void
show_toast (LsNotificationWizard *self, const char *message, gboolean retry)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->disposed)
    return;

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  if (retry)
    {
      adw_toast_set_button_label (toast, _ ("Try Again"));
      adw_toast_set_action_name (toast, "wizard.save");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A row whose text is not valid keeps the text, shows why, and the case
 * keeps its last valid value until the row is corrected. */
static void
mark_invalid (LsNotificationWizard *self, GtkWidget *row, const char *message)
{
  ls_row_set_error (row, message);
  if (message != NULL)
    g_hash_table_add (self->invalid, row);
  else
    g_hash_table_remove (self->invalid, row);
}

static Page
get_current_page (LsNotificationWizard *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;
  return PAGE_KIND;
}

static GtkWidget *
get_page_child (LsNotificationWizard *self, Page page)
{
  return gtk_stack_get_child_by_name (self->stack, page_names[page]);
}

static const char *
get_page_title (LsNotificationWizard *self, Page page)
{
  return gtk_stack_page_get_title (
      gtk_stack_get_page (self->stack, get_page_child (self, page)));
}

/*
 * Reads the day typed into @row, as a stored day.  It must not lie in the
 * future, nor before @earliest (when given), which @too_early explains.
 * Otherwise the row shows why, and %NULL is returned.
 */
static char *
read_day (GtkWidget *row, const char *earliest, const char *too_early)
{
  g_autofree char *text = ls_rows_dup_text (row);
  g_autofree char *day = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;

  if (ls_field_is_blank (text))
    {
      ls_row_set_error (row, _ ("Give the date."));
      return NULL;
    }
  day = ls_dates_parse_user (text, LS_DATES_DATE, &error);
  if (day == NULL)
    {
      ls_row_set_error (row, error->message);
      return NULL;
    }
  if (ls_dates_is_future (day, now))
    {
      ls_row_set_error (row, _ ("The date lies in the future."));
      return NULL;
    }
  if (earliest != NULL && ls_dates_compare (day, earliest) < 0)
    {
      ls_row_set_error (row, too_early);
      return NULL;
    }
  ls_row_set_error (row, NULL);
  return g_steal_pointer (&day);
}

static LsFormDocument *
build_document (LsNotificationDocument document,
                LsCase *lcase,
                LsOrganisation *organisation,
                GHashTable *regnos)
{
  if (document == LS_NOTIFICATION_DOCUMENT_INVESTIGATION)
    return ls_case_documents_build_investigation (lcase, organisation, regnos);
  return ls_case_documents_build_notification (lcase);
}

static DocumentJob *
document_job_new (LsNotificationWizard *self, LsNotificationDocument document)
{
  DocumentJob *job = g_new0 (DocumentJob, 1);
  GHashTableIter iter;
  gpointer uuid, regno;

  job->document = document;
  job->lcase = ls_case_new ();
  ls_model_copy (G_OBJECT (job->lcase), G_OBJECT (self->lcase));
  if (self->organisation != NULL)
    {
      job->organisation = ls_organisation_new ();
      ls_model_copy (G_OBJECT (job->organisation),
                     G_OBJECT (self->organisation));
    }
  job->regnos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->regnos);
  while (g_hash_table_iter_next (&iter, &uuid, &regno))
    g_hash_table_insert (job->regnos, g_strdup (uuid), g_strdup (regno));
  return job;
}

static LsBoardNotice *
find_notice (LsNotificationWizard *self)
{
  GListModel *notices = G_LIST_MODEL (ls_case_get_board_notices (self->lcase));

  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr (LsBoardNotice) notice = g_list_model_get_item (notices, i);

      if (ls_board_notice_get_stage (notice) == LS_NOTICE_STAGE_NOTIFICATION)
        return notice;
    }
  return NULL;
}

/* ---- Saving ---------------------------------------------------------- */

static void
close_without_saving_response_cb (LsNotificationWizard *self,
                                  const char *response,
                                  AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  self->closing = FALSE;
}

/* Closing must not lose what could not be saved without asking. */
static void
ask_close_without_saving (LsNotificationWizard *self, const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Your Changes Could Not Be Saved"), NULL));

  adw_message_dialog_format_body (
      dialog,
      _ ("%s\n\nKeep the window open to correct it or to try again. If you "
         "close it, what you changed since it was last saved is lost."),
      message);
  adw_message_dialog_add_responses (dialog, "keep", _ ("_Keep Open"), "close",
                                    _ ("_Close Without Saving"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (close_without_saving_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows a fault the rules found in the case beside its row when the wizard
 * has that row, and otherwise in a toast. */
static void
show_invalid (LsNotificationWizard *self,
              const char *bad_path,
              const char *message)
{
  g_autofree char *text = NULL;

  if (bad_path != NULL && g_str_has_prefix (bad_path, "notification."))
    {
      g_autofree char *property = g_strdelimit (
          g_strdup (bad_path + strlen ("notification.")), "_", '-');
      GtkWidget *row = NULL;

      for (guint i = 0; i < N_TEXT_FIELDS; i++)
        if (g_str_equal (text_fields[i].property, property) &&
            ADW_IS_ENTRY_ROW (self->text_widgets[i]))
          row = self->text_widgets[i];
      if (g_str_equal (property, "signed-on"))
        row = GTK_WIDGET (self->signed_on_row);
      /* marked where it is typed, and said, as the row may be on
       * another page */
      if (row != NULL)
        mark_invalid (self, row, message);
    }
  text = g_strdup_printf (_ ("The case cannot be saved: %s"), message);
  show_toast (self, text, FALSE);
}

static void
saved_cb (LsNotificationWizard *self)
{
  /* What changed meanwhile is saved too, before the window may close. */
  if (!ls_case_saver_get_saved (self->saver))
    request_save (self);
  else if (self->closing)
    {
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* What could not be saved is still in the case and on screen, so the
 * next try saves it.  A toast has room for one line: the store's own
 * message, such as that the disk is full, says what went wrong. */
static void
failed_cb (LsNotificationWizard *self, GError *error)
{
  if (self->closing)
    {
      g_autofree char *message = g_strdup_printf (
          _ ("The case could not be saved: %s"), error->message);

      ask_close_without_saving (self, message);
    }
  else
    {
      show_toast (self, error->message, TRUE);
    }
}

/*
 * Saves the case when it changed.  One save runs at a time, so that an
 * older copy never lands after a newer one; a change during a save is
 * saved when it ends.
 */
static void
request_save (LsNotificationWizard *self)
{
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) error = NULL;

  if (ls_case_saver_get_busy (self->saver) ||
      ls_case_saver_get_saved (self->saver))
    return;

  if (!ls_case_saver_save (self->saver, &bad_path, &error))
    {
      if (self->closing)
        ask_close_without_saving (self, error->message);
      else
        show_invalid (self, bad_path, error->message);
    }
}

static void
save_action_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  request_save (LS_NOTIFICATION_WIZARD (widget));
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  LsNotificationWizard *self = user_data;

  self->refresh_id = 0;
  if (get_current_page (self) == PAGE_SEND)
    refresh_send_page (self);
  return G_SOURCE_REMOVE;
}

/* Any change anywhere in the case, from a row or from the model itself, is
 * shown on the preview once typing pauses. */
static void
case_changed_cb (GObject *watcher)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (watcher);

  if (self->disposed)
    return;
  if (get_current_page (self) == PAGE_SEND)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      self->refresh_id =
          g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
    }
}

/* ---- Fields ---------------------------------------------------------- */

static void
apply_text_field (LsNotificationWizard *self, guint index)
{
  GtkWidget *widget = self->text_widgets[index];
  LsNotification *notification = get_notification (self);
  GParamSpec *pspec = g_object_class_find_property (
      G_OBJECT_GET_CLASS (notification), text_fields[index].property);
  g_autofree char *text = ls_rows_dup_text (widget);
  g_autoptr (GError) error = NULL;

  if (!ls_field_validate (ls_field_get_kind (pspec), text, &error))
    {
      mark_invalid (self, widget, error->message);
      return;
    }
  if (ADW_IS_ENTRY_ROW (widget))
    mark_invalid (self, widget, NULL);
  g_object_set (notification, text_fields[index].property, text, NULL);
}

static void
editable_changed_cb (GtkEditable *editable, LsNotificationWizard *self)
{
  guint index = GPOINTER_TO_UINT (
      g_object_get_data (G_OBJECT (editable), TEXT_FIELD_KEY));

  if (self->loading || self->disposed || is_submitted (self))
    return;
  apply_text_field (self, index - 1);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer, LsNotificationWizard *self)
{
  guint index =
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), TEXT_FIELD_KEY));

  if (self->loading || self->disposed || is_submitted (self))
    return;
  apply_text_field (self, index - 1);
}

static void
signed_on_changed_cb (GtkEditable *editable, LsNotificationWizard *self)
{
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autoptr (GError) error = NULL;

  if (self->loading || self->disposed || is_submitted (self))
    return;

  text = ls_rows_dup_text (GTK_WIDGET (editable));
  if (!ls_field_is_blank (text))
    {
      day = ls_dates_parse_user (text, LS_DATES_DATE, &error);
      if (day == NULL)
        {
          mark_invalid (self, GTK_WIDGET (editable), error->message);
          return;
        }
    }
  mark_invalid (self, GTK_WIDGET (editable), NULL);
  ls_notification_set_signed_on (get_notification (self), day);
}

/* Days that are only read when a button records them: the row says at
 * once when what is typed is no day. */
static void
date_row_changed_cb (LsNotificationWizard *self, GtkEditable *editable)
{
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autoptr (GError) error = NULL;

  if (self->loading || self->disposed)
    return;

  text = ls_rows_dup_text (GTK_WIDGET (editable));
  if (!ls_field_is_blank (text))
    day = ls_dates_parse_user (text, LS_DATES_DATE, &error);
  ls_row_set_error (GTK_WIDGET (editable),
                    error != NULL ? error->message : NULL);
}

static void
update_sender_rows (LsNotificationWizard *self)
{
  LsOrganisationKind sender =
      ls_notification_get_sender (get_notification (self));

  gtk_widget_set_visible (find_text_widget (self, "board_name_row"),
                          sender == LS_ORGANISATION_KIND_MUNICIPAL_BOARD);
  gtk_widget_set_visible (find_text_widget (self, "board_municipality_row"),
                          sender == LS_ORGANISATION_KIND_MUNICIPAL_BOARD);
  gtk_widget_set_visible (find_text_widget (self, "provider_name_row"),
                          sender == LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
}

static void
kind_toggled_cb (LsNotificationWizard *self, GtkCheckButton *check)
{
  if (self->loading || self->disposed || !gtk_check_button_get_active (check))
    return;
  ls_notification_set_kind (get_notification (self),
                            check == self->wrongdoing_check
                                ? LS_CASE_KIND_WRONGDOING
                                : LS_CASE_KIND_CLEAR_RISK);
}

static void
sender_toggled_cb (LsNotificationWizard *self, GtkCheckButton *check)
{
  LsOrganisationKind sender = LS_ORGANISATION_KIND_MUNICIPAL_BOARD;

  if (self->loading || self->disposed || !gtk_check_button_get_active (check))
    return;
  if (check == self->sender_private_check)
    sender = LS_ORGANISATION_KIND_PRIVATE_PROVIDER;
  else if (check == self->sender_sis_check)
    sender = LS_ORGANISATION_KIND_SIS;
  ls_notification_set_sender (get_notification (self), sender);
  update_sender_rows (self);
}

static void
department_toggled_cb (LsNotificationWizard *self, GtkCheckButton *check)
{
  if (self->loading || self->disposed || !gtk_check_button_get_active (check))
    return;
  ls_notification_set_department (
      get_notification (self),
      g_object_get_data (G_OBJECT (check), DEPARTMENT_KEY));
}

static void
informed_changed_cb (LsNotificationWizard *self,
                     GParamSpec *pspec,
                     GtkSwitch *widget)
{
  if (self->loading || self->disposed)
    return;
  ls_notification_set_individuals_informed (get_notification (self),
                                            gtk_switch_get_active (widget));
}

static void
update_attachment_rows (LsNotificationWizard *self)
{
  gboolean editable = !is_submitted (self);
  gboolean concluded = ls_rules_conclusion_is_made (self->lcase);
  gboolean attached =
      gtk_check_button_get_active (self->attach_investigation_check);

  /* Only a finished investigation can go with the form; a tick left from
   * before can still be taken away. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->attach_investigation_row),
                            editable && (concluded || attached));
  adw_action_row_set_subtitle (
      self->attach_investigation_row,
      concluded
          ? _ ("The investigation is concluded and can go with the form.")
          : _ ("The investigation is not finished yet. Send it to IVO as soon "
               "as it is, and at the latest two months after the "
               "notification (6 kap. 2 § SOSFS 2011:5)."));
  gtk_widget_set_sensitive (
      find_text_widget (self, "other_attachments_row"),
      gtk_check_button_get_active (self->attach_other_check));
}

static void
attachment_toggled_cb (LsNotificationWizard *self, GtkCheckButton *check)
{
  LsNotification *notification = get_notification (self);
  gboolean active = gtk_check_button_get_active (check);

  if (self->loading || self->disposed)
    return;
  if (check == self->attach_investigation_check)
    ls_notification_set_attach_investigation (notification, active);
  else if (check == self->attach_routines_check)
    ls_notification_set_attach_routines (notification, active);
  else
    ls_notification_set_attach_other (notification, active);
  update_attachment_rows (self);
}

static void
apply_notice (LsNotificationWizard *self)
{
  LsBoardNotice *notice = find_notice (self);
  GtkWidget *date_row = GTK_WIDGET (self->notice_date_row);
  g_autofree char *board =
      ls_rows_dup_text (GTK_WIDGET (self->notice_board_row));
  g_autofree char *date_text = ls_rows_dup_text (date_row);
  g_autofree char *how = ls_rows_dup_text (GTK_WIDGET (self->notice_how_row));
  g_autofree char *day = NULL;
  g_autofree char *too_early = NULL;
  const char *submitted_on =
      ls_notification_get_submitted_on (get_notification (self));
  gboolean day_valid = TRUE;

  if (!ls_field_is_blank (date_text))
    {
      g_autofree char *shown = dup_display (submitted_on);

      too_early = g_strdup_printf (
          _ ("The notification was sent on %s; the board cannot have been "
             "told of it before that."),
          shown);
      day = read_day (date_row, submitted_on, too_early);
      day_valid = day != NULL;
    }
  else
    {
      ls_row_set_error (date_row, NULL);
    }
  if (day_valid)
    g_hash_table_remove (self->invalid, date_row);
  else
    g_hash_table_add (self->invalid, date_row);

  if (notice == NULL)
    {
      g_autoptr (LsBoardNotice) added = NULL;

      if (ls_field_is_blank (board) && ls_field_is_blank (how) && day == NULL)
        return;
      added = ls_board_notice_new ();
      ls_board_notice_set_stage (added, LS_NOTICE_STAGE_NOTIFICATION);
      g_list_store_append (ls_case_get_board_notices (self->lcase), added);
      notice = added;
    }
  ls_board_notice_set_board (notice, board);
  ls_board_notice_set_how (notice, how);
  if (day_valid)
    ls_board_notice_set_notified_on (notice, day);
}

static void
notice_changed_cb (LsNotificationWizard *self, GtkEditable *editable)
{
  if (self->loading || self->disposed)
    return;
  apply_notice (self);
}

/* ---- Loading and read-only ------------------------------------------- */

static void
load_fields (LsNotificationWizard *self)
{
  LsNotification *notification = get_notification (self);
  LsBoardNotice *notice = find_notice (self);
  const char *department = ls_notification_get_department (notification);
  LsOrganisationKind sender = ls_notification_get_sender (notification);
  LsCaseKind kind = ls_notification_get_kind (notification);
  g_autofree char *signed_on =
      dup_display (ls_notification_get_signed_on (notification));

  self->loading = TRUE;

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (notification, text_fields[i].property, &value, NULL);
      ls_rows_set_text (self->text_widgets[i], value);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->signed_on_row), signed_on);

  gtk_check_button_set_active (self->wrongdoing_check,
                               kind == LS_CASE_KIND_WRONGDOING);
  gtk_check_button_set_active (self->risk_check,
                               kind == LS_CASE_KIND_CLEAR_RISK);
  gtk_check_button_set_active (self->sender_board_check,
                               sender == LS_ORGANISATION_KIND_MUNICIPAL_BOARD);
  gtk_check_button_set_active (self->sender_private_check,
                               sender == LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  gtk_check_button_set_active (self->sender_sis_check,
                               sender == LS_ORGANISATION_KIND_SIS);
  for (guint i = 0; i < self->department_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->department_checks, i);

      gtk_check_button_set_active (
          check,
          g_strcmp0 (department, g_object_get_data (G_OBJECT (check),
                                                    DEPARTMENT_KEY)) == 0);
    }

  gtk_switch_set_active (
      self->informed_switch,
      ls_notification_get_individuals_informed (notification));
  gtk_check_button_set_active (
      self->attach_investigation_check,
      ls_notification_get_attach_investigation (notification));
  gtk_check_button_set_active (
      self->attach_routines_check,
      ls_notification_get_attach_routines (notification));
  gtk_check_button_set_active (self->attach_other_check,
                               ls_notification_get_attach_other (notification));

  if (notice != NULL)
    {
      g_autofree char *notified_on =
          dup_display (ls_board_notice_get_notified_on (notice));

      ls_rows_set_text (GTK_WIDGET (self->notice_board_row),
                        ls_board_notice_get_board (notice));
      ls_rows_set_text (GTK_WIDGET (self->notice_date_row), notified_on);
      ls_rows_set_text (GTK_WIDGET (self->notice_how_row),
                        ls_board_notice_get_how (notice));
    }

  self->loading = FALSE;
  update_sender_rows (self);
  update_attachment_rows (self);
}

static void
set_row_sensitive (GtkWidget *check, gboolean sensitive)
{
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

  gtk_widget_set_sensitive (row != NULL ? row : check, sensitive);
}

/* A sent notification cannot be changed: its fields stay readable but can
 * no longer be edited, and what belongs to sending it gives way to what
 * follows. */
static void
update_read_only (LsNotificationWizard *self)
{
  gboolean editable = !is_submitted (self);
  GtkWidget *checks[] = {
    GTK_WIDGET (self->wrongdoing_check),
    GTK_WIDGET (self->risk_check),
    GTK_WIDGET (self->sender_board_check),
    GTK_WIDGET (self->sender_private_check),
    GTK_WIDGET (self->sender_sis_check),
    GTK_WIDGET (self->informed_switch),
    GTK_WIDGET (self->attach_routines_check),
    GTK_WIDGET (self->attach_other_check),
  };

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      GtkWidget *widget = self->text_widgets[i];

      if (GTK_IS_TEXT_VIEW (widget))
        /* The caret stays, to move through and select the text by
         * keyboard. */
        gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), editable);
      else
        {
          gtk_editable_set_editable (GTK_EDITABLE (widget), editable);
        }
    }
  gtk_editable_set_editable (GTK_EDITABLE (self->signed_on_row), editable);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    set_row_sensitive (checks[i], editable);
  for (guint i = 0; i < self->department_checks->len; i++)
    set_row_sensitive (g_ptr_array_index (self->department_checks, i),
                       editable);
  update_attachment_rows (self);

  gtk_widget_set_visible (GTK_WIDGET (self->send_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->sent_group), !editable);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.mark-sent",
                                 editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.sign-today",
                                 editable);

  if (!editable)
    {
      g_autofree char *shown = dup_display (
          ls_notification_get_submitted_on (get_notification (self)));
      g_autofree char *text = g_strdup_printf (
          _ ("Sent to IVO on %s. A sent notification cannot be changed."),
          shown);

      gtk_label_set_text (self->sent_label, text);
    }
  gtk_info_bar_set_revealed (self->sent_bar, !editable);
}

/* ---- Pages ----------------------------------------------------------- */

static void
refresh_kind_page (LsNotificationWizard *self)
{
  LsInvestigation *inv = ls_case_get_investigation (self->lcase);
  const char *regno = ls_case_get_regno (self->lcase);
  const char *description =
      ls_report_get_description (ls_case_get_report (self->lcase));
  gboolean concluded = ls_rules_conclusion_is_made (self->lcase);
  g_autofree char *concluded_on =
      dup_display (ls_investigation_get_concluded_on (inv));
  g_autofree char *conclusion = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->case_row),
                                 regno != NULL ? regno : _ ("New case"));
  adw_action_row_set_subtitle (self->case_row, description);

  gtk_image_set_from_icon_name (self->conclusion_icon,
                                concluded ? "object-select-symbolic"
                                          : "document-edit-symbolic");
  if (!concluded)
    conclusion = g_strdup (
        _ ("Not made yet. You need not wait for it: a serious case is "
           "notified as soon as possible."));
  else if (ls_investigation_get_seriousness (inv) == LS_SERIOUSNESS_SERIOUS)
    conclusion = g_strdup_printf (_ ("Serious, concluded on %s"), concluded_on);
  else
    conclusion =
        g_strdup_printf (_ ("Not serious, concluded on %s"), concluded_on);
  adw_action_row_set_subtitle (self->conclusion_row, conclusion);
}

static void
refresh_what_page (LsNotificationWizard *self)
{
  GListModel *individuals = G_LIST_MODEL (
      ls_report_get_individuals (ls_case_get_report (self->lcase)));
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *hint = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (individuals); i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);

      if (ls_individual_get_informed_on (individual) != NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, ls_individual_get_name (individual) != NULL
                                  ? ls_individual_get_name (individual)
                                  : _ ("an individual"));
    }
  /* Translators: %s is one or more names, such as "Anna Svensson, Bo
   * Ek". */
  if (names->len > 0)
    hint = g_strdup_printf (_ ("No date is recorded for telling %s what "
                               "happened. Tell them, or their next of kin, of "
                               "the notification too."),
                            names->str);
  adw_action_row_set_subtitle (self->informed_row, hint);
  update_attachment_rows (self);
}

static void
render_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  DocumentJob *job = task_data;
  g_autoptr (LsFormDocument) document = build_document (
      job->document, job->lcase, job->organisation, job->regnos);
  GError *error = NULL;
  GBytes *pdf = ls_form_document_to_pdf_bytes (document, &error);

  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

static void
render_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->disposed)
    return;
  if (pdf == NULL)
    show_toast (self, error->message, FALSE);
  ls_form_preview_set_pdf (self->preview, pdf);
}

/* A long form takes a while to lay out and draw: in a thread, so typing
 * never waits for it. */
static void
render_preview (LsNotificationWizard *self)
{
  LsNotificationDocument document =
      gtk_toggle_button_get_active (self->investigation_toggle)
          ? LS_NOTIFICATION_DOCUMENT_INVESTIGATION
          : LS_NOTIFICATION_DOCUMENT_FORM;
  g_autoptr (GTask) task = NULL;

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->render_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->render_cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, render_preview);
  g_task_set_task_data (task, document_job_new (self, document),
                        document_job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
preview_toggled_cb (LsNotificationWizard *self, GtkToggleButton *button)
{
  if (!self->disposed && gtk_toggle_button_get_active (button) &&
      get_current_page (self) == PAGE_SEND)
    render_preview (self);
}

static Page
find_page_of_field (LsNotificationField field)
{
  switch (field)
    {
    case LS_NOTIFICATION_FIELD_REGNO:
    case LS_NOTIFICATION_FIELD_DEPARTMENT:
      return PAGE_KIND;
    case LS_NOTIFICATION_FIELD_BOARD_NAME:
    case LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY:
    case LS_NOTIFICATION_FIELD_PROVIDER_NAME:
    case LS_NOTIFICATION_FIELD_CONTACT_NAME:
    case LS_NOTIFICATION_FIELD_CONTACT_TITLE:
    case LS_NOTIFICATION_FIELD_WORKPLACE:
    case LS_NOTIFICATION_FIELD_POSTAL_ADDRESS:
    case LS_NOTIFICATION_FIELD_POSTCODE:
    case LS_NOTIFICATION_FIELD_TOWN:
    case LS_NOTIFICATION_FIELD_PHONE:
    case LS_NOTIFICATION_FIELD_EMAIL:
      return PAGE_SENDER;
    case LS_NOTIFICATION_FIELD_UNIT:
    case LS_NOTIFICATION_FIELD_ACTIVITY_TYPE:
    case LS_NOTIFICATION_FIELD_UNIT_STREET:
    case LS_NOTIFICATION_FIELD_UNIT_POSTCODE:
    case LS_NOTIFICATION_FIELD_UNIT_TOWN:
    case LS_NOTIFICATION_FIELD_UNIT_PHONE:
    case LS_NOTIFICATION_FIELD_OCCURRED:
      return PAGE_WHERE;
    case LS_NOTIFICATION_FIELD_DESCRIPTION:
    case LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT:
      return PAGE_WHAT;
    case LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING:
    case LS_NOTIFICATION_FIELD_STAFF_DETAILS:
    case LS_NOTIFICATION_FIELD_ACTIONS:
      return PAGE_STAFF;
    case LS_NOTIFICATION_FIELD_DATE:
    case LS_NOTIFICATION_FIELD_SIGNATURE:
    case LS_NOTIFICATION_FIELD_NAME_IN_PRINT:
    case LS_NOTIFICATION_N_FIELDS:
    default:
      return PAGE_SEND;
    }
}

static GtkWidget *
find_widget_of_field (LsNotificationWizard *self, LsNotificationField field)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (text_fields[i].field == field)
      return self->text_widgets[i];
  if (field == LS_NOTIFICATION_FIELD_DEPARTMENT &&
      self->department_checks->len > 0)
    return g_ptr_array_index (self->department_checks, 0);
  if (field == LS_NOTIFICATION_FIELD_DATE)
    return GTK_WIDGET (self->signed_on_row);
  return NULL;
}

static void
go_to_page (LsNotificationWizard *self, Page page, GtkWidget *focus);

static void
missing_row_activated_cb (LsNotificationWizard *self, AdwActionRow *row)
{
  go_to_page (self,
              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), PAGE_KEY)),
              g_object_get_data (G_OBJECT (row), FOCUS_KEY));
}

/* One row per empty required part of the form, in the form's order, each
 * leading to the page and the row where it is filled in. */
static void
add_missing_row (LsNotificationWizard *self, const char *name)
{
  GtkWidget *focus = NULL;
  Page page = PAGE_KIND;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (g_str_equal (name, _ ("Serious wrongdoing or clear risk of one")))
    {
      focus = GTK_WIDGET (self->wrongdoing_check);
    }
  else if (g_str_equal (name, _ ("Who notifies")))
    {
      page = PAGE_SENDER;
      focus = GTK_WIDGET (self->sender_board_check);
    }
  else
    {
      for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
        if (g_str_equal (name, ls_notification_field_get_name (i)))
          {
            page = find_page_of_field (i);
            focus = find_widget_of_field (self, i);
            break;
          }
    }

  /* Translators: where an empty field of the form is filled in, such as
   * "Step 2: Who Notifies". */
  subtitle = g_strdup_printf (_ ("Step %u: %s"), page + 1,
                              get_page_title (self, page));
  row = ls_rows_new_link (name, subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             ls_rows_new_warning_icon (_ ("Missing")));
  g_object_set_data (G_OBJECT (row), PAGE_KEY, GUINT_TO_POINTER (page));
  g_object_set_data (G_OBJECT (row), FOCUS_KEY, focus);
  g_signal_connect_object (row, "activated",
                           G_CALLBACK (missing_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->missing_group, row);
  g_ptr_array_add (self->missing_rows, row);
}

static void
refresh_send_page (LsNotificationWizard *self)
{
  LsNotification *notification = get_notification (self);
  gboolean concluded = ls_rules_conclusion_is_made (self->lcase);
  const char *investigation_note =
      concluded ? _ ("The attachment: the finished investigation")
                : _ ("Not finished yet: it can be printed once the "
                     "conclusion is made.");

  ls_rows_remove (self->missing_group, self->missing_rows);

  if (!is_submitted (self))
    {
      g_autoptr (LsNotificationForm) form =
          ls_case_documents_dup_notification_form (self->lcase);
      g_auto (GStrv) missing = ls_notification_form_list_missing (form);

      for (guint i = 0; missing[i] != NULL; i++)
        add_missing_row (self, missing[i]);
      gtk_widget_set_visible (GTK_WIDGET (self->complete_row),
                              missing[0] == NULL);

      if (ls_field_is_blank (
              gtk_editable_get_text (GTK_EDITABLE (self->submitted_on_row))))
        {
          g_autofree char *today = ls_dates_dup_today (NULL);

          self->loading = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->submitted_on_row), today);
          self->loading = FALSE;
        }
    }
  else
    {
      g_autofree char *submitted_on =
          dup_display (ls_notification_get_submitted_on (notification));
      g_autofree char *title =
          g_strdup_printf (_ ("Sent to IVO on %s"), submitted_on);
      g_autofree char *due = ls_rules_dup_investigation_due (self->lcase);
      g_autofree char *subtitle = NULL;

      if (ls_notification_get_investigation_sent_on (notification) != NULL)
        {
          g_autofree char *sent_on = dup_display (
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
          g_autofree char *shown = dup_display (due);

          subtitle = g_strdup_printf (
              _ ("Send the finished investigation to IVO by %s."), shown);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sent_row),
                                     title);
      adw_action_row_set_subtitle (self->sent_row, subtitle);
    }

  adw_action_row_set_subtitle (self->print_investigation_row,
                               investigation_note);
  adw_action_row_set_subtitle (self->save_investigation_row,
                               investigation_note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self),
                                 "wizard.print-investigation", concluded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.save-investigation",
                                 concluded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->investigation_toggle), concluded);
  if (!concluded && gtk_toggle_button_get_active (self->investigation_toggle))
    gtk_toggle_button_set_active (self->form_toggle, TRUE);
  else
    render_preview (self);
}

static void
refresh_after_page (LsNotificationWizard *self)
{
  LsNotification *notification = get_notification (self);
  LsOrganisationKind sender = ls_notification_get_sender (notification);
  const char *sent_on =
      ls_notification_get_investigation_sent_on (notification);
  gboolean concluded = ls_rules_conclusion_is_made (self->lcase);
  g_autofree char *description = NULL;
  g_autofree char *due = ls_rules_dup_investigation_due (self->lcase);
  g_autofree char *due_shown = dup_display (due);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon;

  switch (sender)
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

  if (sent_on != NULL)
    {
      g_autofree char *shown = dup_display (sent_on);

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
      if (ls_notification_get_attach_investigation (notification))
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->investigation_sent_row),
                            concluded);
  gtk_widget_action_set_enabled (
      GTK_WIDGET (self), "wizard.mark-investigation-sent",
      is_submitted (self) && concluded && sent_on == NULL);
  if (sent_on == NULL && ls_field_is_blank (gtk_editable_get_text (
                             GTK_EDITABLE (self->investigation_sent_row))))
    {
      g_autofree char *today = ls_dates_dup_today (NULL);
      const char *submitted_on =
          ls_notification_get_submitted_on (notification);
      g_autofree char *shown = dup_display (
          ls_notification_get_attach_investigation (notification) &&
                  submitted_on != NULL
              ? submitted_on
              : today);

      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->investigation_sent_row),
                             shown);
      self->loading = FALSE;
    }
}

static gboolean
is_last_page (LsNotificationWizard *self, Page page)
{
  return page == PAGE_AFTER || (page == PAGE_SEND && !is_submitted (self));
}

static void
refresh_header (LsNotificationWizard *self)
{
  Page page = get_current_page (self);
  g_autofree char *subtitle = NULL;

  /* The case's registration number is in the window's title and on the
   * first page: the header of a narrow window has room for the step only. */
  subtitle = g_strdup_printf (_ ("Step %u of %u"), page + 1, (guint) N_PAGES);
  adw_window_title_set_title (self->window_title, get_page_title (self, page));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) (page + 1) / N_PAGES);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 page > PAGE_KIND);
  gtk_button_set_label (self->next_button,
                        is_last_page (self, page) ? _ ("_Done") : _ ("_Next"));
}

static void
refresh_page (LsNotificationWizard *self)
{
  refresh_header (self);
  switch (get_current_page (self))
    {
    case PAGE_KIND:
      refresh_kind_page (self);
      break;
    case PAGE_WHAT:
      refresh_what_page (self);
      break;
    case PAGE_SEND:
      refresh_send_page (self);
      break;
    case PAGE_AFTER:
      refresh_after_page (self);
      break;
    case PAGE_SENDER:
    case PAGE_WHERE:
    case PAGE_STAFF:
    case N_PAGES:
    default:
      break;
    }
}

/* Where the keyboard starts on a page: its first control. */
static GtkWidget *
find_first_control (LsNotificationWizard *self, Page page)
{
  switch (page)
    {
    case PAGE_KIND:
      return GTK_WIDGET (gtk_check_button_get_active (self->risk_check)
                             ? self->risk_check
                             : self->wrongdoing_check);
    case PAGE_SENDER:
      if (gtk_check_button_get_active (self->sender_private_check))
        return GTK_WIDGET (self->sender_private_check);
      if (gtk_check_button_get_active (self->sender_sis_check))
        return GTK_WIDGET (self->sender_sis_check);
      return GTK_WIDGET (self->sender_board_check);
    case PAGE_WHERE:
      return find_text_widget (self, "unit_name_row");
    case PAGE_WHAT:
      return find_text_widget (self, "description_view");
    case PAGE_STAFF:
      return find_text_widget (self, "staffing_view");
    case PAGE_SEND:
      if (self->missing_rows->len > 0)
        return g_ptr_array_index (self->missing_rows, 0);
      return GTK_WIDGET (self->form_toggle);
    case PAGE_AFTER:
      return GTK_WIDGET (self->notice_board_row);
    case N_PAGES:
    default:
      return NULL;
    }
}

/* Saves on the way, as every step does, and puts the keyboard focus on
 * @focus, or else on the first control of the page. */
static void
go_to_page (LsNotificationWizard *self, Page page, GtkWidget *focus)
{
  GtkWidget *child = get_page_child (self, page);

  request_save (self);
  gtk_stack_set_visible_child (self->stack, child);
  refresh_page (self);
  if (focus == NULL || !gtk_widget_is_sensitive (focus))
    focus = find_first_control (self, page);
  if (focus == NULL || !gtk_widget_is_sensitive (focus) ||
      !gtk_widget_grab_focus (focus))
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

/* The first row marked invalid under @widget, from the top. */
static GtkWidget *
find_invalid_under (LsNotificationWizard *self, GtkWidget *widget)
{
  if (g_hash_table_contains (self->invalid, widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_invalid_under (self, child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_invalid_on (LsNotificationWizard *self, Page page)
{
  if (g_hash_table_size (self->invalid) == 0)
    return NULL;
  return find_invalid_under (self, get_page_child (self, page));
}

static void
back_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (widget);
  Page page = get_current_page (self);

  if (page > PAGE_KIND)
    go_to_page (self, page - 1, NULL);
}

static void
next_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (widget);
  Page page = get_current_page (self);
  GtkWidget *invalid = find_invalid_on (self, page);

  /* What is marked wrong on this page is corrected before moving on. */
  if (invalid != NULL)
    {
      gtk_widget_grab_focus (invalid);
      return;
    }
  if (is_last_page (self, page))
    gtk_window_close (GTK_WINDOW (self));
  else
    go_to_page (self, page + 1, NULL);
}

/* ---- Documents ------------------------------------------------------- */

static void
print_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsNotificationWizard *self = user_data;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult outcome = ls_print_operation_print_finish (
      LS_PRINT_OPERATION (source), result, &error);

  /* cancelled when the window went: @self may be gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (outcome == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_toast (self, error->message, FALSE);
}

static void
print_document (LsNotificationWizard *self, LsNotificationDocument document)
{
  /* printing draws in the main thread, where the document is built */
  g_autoptr (LsFormDocument) doc =
      build_document (document, self->lcase, self->organisation, self->regnos);
  g_autoptr (LsPrintOperation) operation = ls_print_operation_new (doc);

  ls_print_operation_print_async (operation, GTK_WINDOW (self),
                                  self->cancellable, print_done_cb, self);
}

static void
print_form_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  print_document (LS_NOTIFICATION_WIZARD (widget),
                  LS_NOTIFICATION_DOCUMENT_FORM);
}

static void
print_investigation_cb (GtkWidget *widget,
                        const char *action_name,
                        GVariant *param)
{
  print_document (LS_NOTIFICATION_WIZARD (widget),
                  LS_NOTIFICATION_DOCUMENT_INVESTIGATION);
}

static void
pdf_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (source);
  DocumentJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!ls_notification_wizard_save_pdf_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message, FALSE);
      return;
    }
  if (job != NULL)
    {
      g_autofree char *name = g_path_get_basename (job->path);

      message = g_strdup_printf (_ ("Saved as “%s”"), name);
      show_toast (self, message, FALSE);
    }
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

static void
save_form_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  choose_pdf_file (LS_NOTIFICATION_WIZARD (widget),
                   LS_NOTIFICATION_DOCUMENT_FORM);
}

static void
save_investigation_cb (GtkWidget *widget,
                       const char *action_name,
                       GVariant *param)
{
  choose_pdf_file (LS_NOTIFICATION_WIZARD (widget),
                   LS_NOTIFICATION_DOCUMENT_INVESTIGATION);
}

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
  if (get_current_page (self) == PAGE_SEND &&
      gtk_toggle_button_get_active (self->investigation_toggle))
    render_preview (self);
}

/* The investigation report names the earlier cases it was linked to by
 * their registration numbers, which only their own records hold. */
static void
load_linked_regnos (LsNotificationWizard *self)
{
  const char *const *links = ls_investigation_get_linked_cases (
      ls_case_get_investigation (self->lcase));

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    ls_store_load_case_async (self->store, links[i], self->cancellable,
                              linked_case_loaded_cb, self);
}

/* ---- Sending --------------------------------------------------------- */

static void
mark_sent_response_cb (LsNotificationWizard *self,
                       const char *response,
                       AdwMessageDialog *dialog)
{
  const char *day = g_object_get_data (G_OBJECT (dialog), DAY_KEY);
  g_autofree char *shown = dup_display (day);
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "send") != 0 || is_submitted (self))
    return;

  ls_notification_set_submitted_on (get_notification (self), day);
  update_read_only (self);
  refresh_header (self);
  refresh_send_page (self);
  request_save (self);
  message = g_strdup_printf (_ ("The notification is recorded as sent on %s."),
                             shown);
  show_toast (self, message, FALSE);
}

static void
mark_sent_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (widget);
  LsNotification *notification = get_notification (self);
  GtkWidget *row = GTK_WIDGET (self->submitted_on_row);
  g_autofree char *day = NULL;
  g_autoptr (LsNotificationForm) form = NULL;
  g_auto (GStrv) missing = NULL;
  g_autoptr (GString) body = NULL;
  AdwMessageDialog *dialog;

  if (is_submitted (self))
    return;

  /* Nothing marked invalid goes to IVO: it is not in the case. */
  for (Page page = PAGE_KIND; page < N_PAGES; page++)
    {
      GtkWidget *invalid = find_invalid_on (self, page);

      if (invalid != NULL)
        {
          go_to_page (self, page, invalid);
          return;
        }
    }

  day = read_day (row, NULL, NULL);
  if (day == NULL)
    {
      gtk_widget_grab_focus (row);
      return;
    }

  form = ls_case_documents_dup_notification_form (self->lcase);
  missing = ls_notification_form_list_missing (form);
  body = g_string_new (
      _ ("Do this once the form has gone to IVO. A sent notification cannot "
         "be changed: from then on the form is kept exactly as it was "
         "sent."));
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
      g_autofree char *shown = dup_display (due);

      g_string_append (body, "\n\n");
      g_string_append_printf (
          body, _ ("The finished investigation must then reach IVO by %s."),
          shown);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Mark the Notification as Sent?"), body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "send",
                                    _ ("_Mark as Sent"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "send",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), DAY_KEY, g_steal_pointer (&day),
                          g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (mark_sent_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_today_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (widget);
  g_autofree char *today = ls_dates_dup_today (NULL);

  if (!is_submitted (self))
    gtk_editable_set_text (GTK_EDITABLE (self->signed_on_row), today);
}

static void
mark_investigation_sent_cb (GtkWidget *widget,
                            const char *action_name,
                            GVariant *param)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (widget);
  LsNotification *notification = get_notification (self);
  const char *submitted_on = ls_notification_get_submitted_on (notification);
  const char *concluded_on = ls_investigation_get_concluded_on (
      ls_case_get_investigation (self->lcase));
  GtkWidget *row = GTK_WIDGET (self->investigation_sent_row);
  g_autofree char *submitted_shown = dup_display (submitted_on);
  g_autofree char *concluded_shown = dup_display (concluded_on);
  g_autofree char *before_notification = g_strdup_printf (
      _ ("The notification was sent on %s; record the investigation as sent "
         "on that day or later."),
      submitted_shown);
  g_autofree char *day = NULL;

  if (!is_submitted (self) || !ls_rules_conclusion_is_made (self->lcase))
    return;

  day = read_day (row, submitted_on, before_notification);
  if (day != NULL && concluded_on != NULL &&
      ls_dates_compare (day, concluded_on) < 0)
    {
      g_autofree char *message = g_strdup_printf (
          _ ("The investigation was concluded on %s; it cannot have been "
             "sent before that."),
          concluded_shown);

      ls_row_set_error (row, message);
      g_clear_pointer (&day, g_free);
    }
  if (day == NULL)
    {
      gtk_widget_grab_focus (row);
      return;
    }

  ls_notification_set_investigation_sent_on (notification, day);
  refresh_after_page (self);
  request_save (self);
  show_toast (self,
              ls_case_get_status (self->lcase) == LS_CASE_STATUS_CLOSED
                  ? _ ("The finished investigation is recorded as sent. The "
                       "case is closed.")
                  : _ ("The finished investigation is recorded as sent."),
              FALSE);
}

/* ---- Closing --------------------------------------------------------- */

static void
discard_invalid_response_cb (LsNotificationWizard *self,
                             const char *response,
                             AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "close") != 0)
    return;
  self->discard_invalid = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
ask_discard_invalid (LsNotificationWizard *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Some Entries Cannot Be Saved"),
      _ ("What is marked in red is not valid, so it cannot be saved. "
         "Correct it, or close the window and keep everything else.")));

  adw_message_dialog_add_responses (dialog, "keep", _ ("C_orrect It"), "close",
                                    _ ("_Close Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (discard_invalid_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closing saves first and closes when the save is done; what cannot be
 * saved is never dropped without asking. */
static gboolean
ls_notification_wizard_close_request (GtkWindow *window)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (window);

  if (self->may_close)
    return GTK_WINDOW_CLASS (ls_notification_wizard_parent_class)
        ->close_request (window);

  if (g_hash_table_size (self->invalid) > 0 && !self->discard_invalid)
    {
      ask_discard_invalid (self);
      return TRUE;
    }

  self->closing = TRUE;
  request_save (self);
  if (ls_case_saver_get_busy (self->saver) ||
      !ls_case_saver_get_saved (self->saver))
    return TRUE;

  return GTK_WINDOW_CLASS (ls_notification_wizard_parent_class)
      ->close_request (window);
}

/* ---- Object ---------------------------------------------------------- */

static void
build_department_rows (LsNotificationWizard *self)
{
  guint n_departments;
  const LsDepartment *departments = ls_law_get_departments (&n_departments);
  GtkCheckButton *first = NULL;

  for (guint i = 0; i < n_departments; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     departments[i].name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   departments[i].counties);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      departments[i].name, -1);
      g_object_set_data (G_OBJECT (check), DEPARTMENT_KEY,
                         (gpointer) departments[i].id);
      g_signal_connect_swapped (check, "toggled",
                                G_CALLBACK (department_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->department_group, row);
      g_ptr_array_add (self->department_checks, check);
    }
}

static void
connect_text_fields (LsNotificationWizard *self)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (
          GTK_WIDGET (self), LS_TYPE_NOTIFICATION_WIZARD, text_fields[i].id));
      GObject *source = G_OBJECT (widget);

      self->text_widgets[i] = widget;
      if (GTK_IS_TEXT_VIEW (widget))
        {
          source = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
          g_signal_connect (source, "changed", G_CALLBACK (buffer_changed_cb),
                            self);
        }
      else
        {
          g_signal_connect (source, "changed", G_CALLBACK (editable_changed_cb),
                            self);
        }
      g_object_set_data (source, TEXT_FIELD_KEY, GUINT_TO_POINTER (i + 1));
    }
  g_signal_connect (self->signed_on_row, "changed",
                    G_CALLBACK (signed_on_changed_cb), self);
}

static void
ls_notification_wizard_constructed (GObject *object)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (object);
  const char *regno;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;

  G_OBJECT_CLASS (ls_notification_wizard_parent_class)->constructed (object);

  g_assert (LS_IS_STORE (self->store));
  g_assert (LS_IS_CASE (self->lcase));

  regno = ls_case_get_regno (self->lcase);
  /* Translators: the window's title, with the case's registration
   * number. */
  title = g_strdup_printf (_ ("Notification to IVO – %s"),
                           regno != NULL ? regno : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* The case comes from the store; what the prefill adds is saved. */
  author = ls_wizards_dup_author (self->settings);
  self->saver = ls_case_saver_new (self->store, self->organisation, author);
  ls_case_saver_set_case (self->saver, self->lcase, TRUE);
  g_signal_connect_object (self->saver, "saved", G_CALLBACK (saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "failed", G_CALLBACK (failed_cb), self,
                           G_CONNECT_SWAPPED);
  ls_model_watch (G_OBJECT (self->lcase), G_OBJECT (self), case_changed_cb);
  if (!is_submitted (self))
    ls_rules_prefill_notification (self->lcase, self->organisation);

  load_fields (self);
  update_read_only (self);
  load_linked_regnos (self);
  ls_notification_wizard_show_step (self, LS_STEP_NOTIFICATION);
}

static void
ls_notification_wizard_dispose (GObject *object)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (object);

  self->disposed = TRUE;
  if (self->saver != NULL)
    {
      ls_case_saver_cancel (self->saver);
      g_signal_handlers_disconnect_by_data (self->saver, self);
    }
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->render_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_NOTIFICATION_WIZARD);

  g_clear_pointer (&self->regnos, g_hash_table_unref);
  g_clear_pointer (&self->invalid, g_hash_table_unref);
  g_clear_pointer (&self->missing_rows, g_ptr_array_unref);
  g_clear_pointer (&self->department_checks, g_ptr_array_unref);
  g_clear_object (&self->saver);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->lcase);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ls_notification_wizard_parent_class)->dispose (object);
}

static void
ls_notification_wizard_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->lcase);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_notification_wizard_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  LsNotificationWizard *self = LS_NOTIFICATION_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    case PROP_CASE:
      self->lcase = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_notification_wizard_class_init (LsNotificationWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ls_notification_wizard_constructed;
  object_class->dispose = ls_notification_wizard_dispose;
  object_class->get_property = ls_notification_wizard_get_property;
  object_class->set_property = ls_notification_wizard_set_property;
  window_class->close_request = ls_notification_wizard_close_request;

  properties[PROP_STORE] = g_param_spec_object (
      "store", NULL, NULL, LS_TYPE_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] = g_param_spec_object (
      "organisation", NULL, NULL, LS_TYPE_ORGANISATION,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] = g_param_spec_object (
      "case", NULL, NULL, LS_TYPE_CASE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object (
      "settings", NULL, NULL, G_TYPE_SETTINGS,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LS_TYPE_FORM_PREVIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-notification-wizard.ui");

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, text_fields[i].id,
                                               FALSE, 0);

  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        window_title);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        next_button);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        sent_bar);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        sent_label);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        stack);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        case_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        conclusion_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        conclusion_icon);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        wrongdoing_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        risk_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        department_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        sender_board_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        sender_private_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        sender_sis_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        informed_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        informed_switch);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        attach_investigation_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        attach_investigation_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        attach_routines_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        attach_other_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        missing_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        complete_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        form_toggle);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        investigation_toggle);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        preview);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        print_investigation_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        save_investigation_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        signed_on_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        submitted_on_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        send_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        sent_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        sent_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        board_notice_group);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        notice_board_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        notice_date_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        notice_how_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        investigation_status_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        investigation_status_icon);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWizard,
                                        investigation_sent_row);

  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, sender_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, informed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, attachment_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notice_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "wizard.save", NULL,
                                   save_action_cb);
  gtk_widget_class_install_action (widget_class, "wizard.print-form", NULL,
                                   print_form_cb);
  gtk_widget_class_install_action (widget_class, "wizard.save-form", NULL,
                                   save_form_cb);
  gtk_widget_class_install_action (widget_class, "wizard.print-investigation",
                                   NULL, print_investigation_cb);
  gtk_widget_class_install_action (widget_class, "wizard.save-investigation",
                                   NULL, save_investigation_cb);
  gtk_widget_class_install_action (widget_class, "wizard.sign-today", NULL,
                                   sign_today_cb);
  gtk_widget_class_install_action (widget_class, "wizard.mark-sent", NULL,
                                   mark_sent_cb);
  gtk_widget_class_install_action (widget_class,
                                   "wizard.mark-investigation-sent", NULL,
                                   mark_investigation_sent_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
ls_notification_wizard_init (LsNotificationWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->regnos =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->invalid = g_hash_table_new (NULL, NULL);
  self->missing_rows = g_ptr_array_new ();
  self->department_checks = g_ptr_array_new ();

  build_department_rows (self);
  connect_text_fields (self);
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 GTK_WIDGET (self->next_button));
}

/* ---- Public API ------------------------------------------------------ */

/**
 * ls_notification_wizard_new:
 * @parent: (nullable): the window the wizard is modal to
 * @store: where the case is saved, at every step
 * @organisation: (nullable): who notifies, and the unit of the case
 * @lcase: the case whose notification is made; changed in place
 * @settings: (nullable): the app's settings, for the user's name in the
 *   history of changes
 *
 * Creates the wizard that fills, previews, prints and saves the
 * notification to IVO on the annex form, records when it was sent, and
 * what follows.  While the notification is not sent, its empty fields are
 * first filled from the case, the organisation and the unit.  Present it
 * with gtk_window_present().
 *
 * Returns: (transfer none): the wizard, at its first step, owned by GTK's
 *   list of windows until it is closed
 */
LsNotificationWizard *
ls_notification_wizard_new (GtkWindow *parent,
                            LsStore *store,
                            LsOrganisation *organisation,
                            LsCase *lcase,
                            GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (LS_TYPE_NOTIFICATION_WIZARD, "transient-for", parent,
                       "store", store, "organisation", organisation, "case",
                       lcase, "settings", settings, NULL);
}

/**
 * ls_notification_wizard_get_case:
 *
 * Returns: (transfer none): the case the wizard works on
 */
LsCase *
ls_notification_wizard_get_case (LsNotificationWizard *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_WIZARD (self), NULL);

  return self->lcase;
}

/**
 * ls_notification_wizard_show_step:
 * @step: %LS_STEP_NOTIFICATION, %LS_STEP_INVESTIGATION_SENT or
 *   %LS_STEP_BOARD_NOTICE
 *
 * Shows the page that fulfils @step: the start of the form, or once it is
 * sent, its preview; for the finished investigation and for telling the
 * board of the notification, the page after sending, once there is a sent
 * notification, and otherwise the page where it is sent.
 */
void
ls_notification_wizard_show_step (LsNotificationWizard *self, LsStep step)
{
  Page page;

  g_return_if_fail (LS_IS_NOTIFICATION_WIZARD (self));
  g_return_if_fail (step == LS_STEP_NOTIFICATION ||
                    step == LS_STEP_INVESTIGATION_SENT ||
                    step == LS_STEP_BOARD_NOTICE);

  if (step == LS_STEP_NOTIFICATION)
    page = is_submitted (self) ? PAGE_SEND : PAGE_KIND;
  else
    page = is_submitted (self) ? PAGE_AFTER : PAGE_SEND;
  go_to_page (self, page, NULL);
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
  const char *what;
  const char *regno;
  g_autofree char *safe = NULL;

  g_return_val_if_fail (LS_IS_NOTIFICATION_WIZARD (self), NULL);

  what = document == LS_NOTIFICATION_DOCUMENT_INVESTIGATION
             ? "Utredning lex Sarah"
             : "Anmälan lex Sarah";
  regno = ls_case_get_regno (self->lcase);
  if (regno == NULL)
    return g_strdup_printf ("%s.pdf", what);
  safe = g_strdelimit (g_strdup (regno), "/\\:", '-');
  return g_strdup_printf ("%s %s.pdf", what, safe);
}

static void
save_pdf_thread (GTask *task,
                 gpointer source_object,
                 gpointer task_data,
                 GCancellable *cancellable)
{
  DocumentJob *job = task_data;
  g_autoptr (LsFormDocument) document = build_document (
      job->document, job->lcase, job->organisation, job->regnos);
  GError *error = NULL;

  if (ls_form_document_write_pdf (document, job->path, &error))
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
 * Writes @document, as the case holds it now, to @file as PDF, in a
 * thread.  The file is replaced whole or not at all, readable only by the
 * user.
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
  DocumentJob *job;
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

  job = document_job_new (self, document);
  job->path = path;
  g_task_set_task_data (task, job, document_job_free);
  g_task_run_in_thread (task, save_pdf_thread);
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
