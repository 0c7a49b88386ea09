/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-sender-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-notification-sender-page.h"

/* Who notifies: a board, a private provider or SiS, and the contact
 * person IVO can ask.  Filled in from the organisation. */

struct _LsNotificationSenderPage
{
  LsNotificationPage parent_instance;

  GtkCheckButton *sender_board_check;
  GtkCheckButton *sender_private_check;
  GtkCheckButton *sender_sis_check;
};

G_DEFINE_FINAL_TYPE (LsNotificationSenderPage,
                     ls_notification_sender_page,
                     LS_TYPE_NOTIFICATION_PAGE)

static GtkCheckButton *
check_of (LsNotificationSenderPage *self, LsOrganisationKind sender)
{
  switch (sender)
    {
    case LS_ORGANISATION_KIND_PRIVATE_PROVIDER:
      return self->sender_private_check;
    case LS_ORGANISATION_KIND_SIS:
      return self->sender_sis_check;
    case LS_ORGANISATION_KIND_MUNICIPAL_BOARD:
    default:
      return self->sender_board_check;
    }
}

static LsOrganisationKind
get_sender (LsNotificationSenderPage *self)
{
  if (gtk_check_button_get_active (self->sender_private_check))
    return LS_ORGANISATION_KIND_PRIVATE_PROVIDER;
  if (gtk_check_button_get_active (self->sender_sis_check))
    return LS_ORGANISATION_KIND_SIS;
  return LS_ORGANISATION_KIND_MUNICIPAL_BOARD;
}

/* A board gives its name and municipality, a provider its own name. */
static void
sender_toggled_cb (LsNotificationSenderPage *self)
{
  LsNotificationPage *page = LS_NOTIFICATION_PAGE (self);
  LsOrganisationKind sender = get_sender (self);
  GtkWidget *board_name = ls_notification_page_get_field (page, "board-name");

  /* not before the page has found its rows */
  if (board_name == NULL)
    return;
  gtk_widget_set_visible (board_name,
                          sender == LS_ORGANISATION_KIND_MUNICIPAL_BOARD);
  gtk_widget_set_visible (
      ls_notification_page_get_field (page, "board-municipality"),
      sender == LS_ORGANISATION_KIND_MUNICIPAL_BOARD);
  gtk_widget_set_visible (
      ls_notification_page_get_field (page, "provider-name"),
      sender == LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
}

static void
ls_notification_sender_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsNotificationSenderPage *self = LS_NOTIFICATION_SENDER_PAGE (page);
  gboolean editable = !ls_notification_page_is_sent (lcase);

  LS_WIZARD_PAGE_CLASS (ls_notification_sender_page_parent_class)
      ->load (page, lcase);
  gtk_check_button_set_active (
      check_of (self,
                ls_notification_get_sender (ls_case_get_notification (lcase))),
      TRUE);
  ls_notification_page_lock_row (GTK_WIDGET (self->sender_board_check),
                                 editable);
  ls_notification_page_lock_row (GTK_WIDGET (self->sender_private_check),
                                 editable);
  ls_notification_page_lock_row (GTK_WIDGET (self->sender_sis_check), editable);
  sender_toggled_cb (self);
}

static gboolean
ls_notification_sender_page_commit (LsWizardPage *page,
                                    LsCase *target,
                                    LsWizardCommit mode,
                                    GDateTime *now,
                                    GtkWidget **first_bad)
{
  LsNotificationSenderPage *self = LS_NOTIFICATION_SENDER_PAGE (page);

  if (ls_notification_page_is_sent (target))
    return TRUE;
  ls_notification_set_sender (ls_case_get_notification (target),
                              get_sender (self));
  return LS_WIZARD_PAGE_CLASS (ls_notification_sender_page_parent_class)
      ->commit (page, target, mode, now, first_bad);
}

static void
ls_notification_sender_page_shown (LsWizardPage *page)
{
  LsNotificationSenderPage *self = LS_NOTIFICATION_SENDER_PAGE (page);
  GtkWidget *check = GTK_WIDGET (check_of (self, get_sender (self)));

  if (gtk_widget_is_sensitive (check))
    gtk_widget_grab_focus (check);
}

static gboolean
ls_notification_sender_page_find_missing (LsNotificationPage *page,
                                          const char *missing,
                                          GtkWidget **focus)
{
  if (g_strcmp0 (missing, _ ("Who notifies")) != 0)
    return LS_NOTIFICATION_PAGE_CLASS (ls_notification_sender_page_parent_class)
        ->find_missing (page, missing, focus);
  *focus = GTK_WIDGET (LS_NOTIFICATION_SENDER_PAGE (page)->sender_board_check);
  return TRUE;
}

static void
ls_notification_sender_page_class_init (LsNotificationSenderPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_notification_sender_page_load;
  page_class->commit = ls_notification_sender_page_commit;
  page_class->shown = ls_notification_sender_page_shown;
  LS_NOTIFICATION_PAGE_CLASS (klass)->find_missing =
      ls_notification_sender_page_find_missing;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/notification/ls-notification-sender-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSenderPage,
                                        sender_board_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSenderPage,
                                        sender_private_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationSenderPage,
                                        sender_sis_check);
  gtk_widget_class_bind_template_callback (widget_class, sender_toggled_cb);
}

static void
ls_notification_sender_page_init (LsNotificationSenderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
