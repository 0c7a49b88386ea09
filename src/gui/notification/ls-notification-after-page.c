/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-after-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-board-notice.h"
#include "ls-dates.h"
#include "ls-field.h"
#include "ls-law.h"
#include "ls-notification-after-page.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rules.h"
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->investigation_sent_row),
                            concluded);
  gtk_widget_action_set_enabled (
      GTK_WIDGET (ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self))),
      "wizard.mark-investigation-sent",
      submitted_on != NULL && concluded && sent_on == NULL);
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
ls_notification_after_page_class_init (LsNotificationAfterPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

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
}

static void
ls_notification_after_page_init (LsNotificationAfterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
