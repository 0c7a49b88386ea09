/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_NOTIFICATION_PAGE (ls_notification_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (LsNotificationPage,
                          ls_notification_page,
                          LS,
                          NOTIFICATION_PAGE,
                          LsWizardPage)

/**
 * LsNotificationPageClass:
 * @find_missing: whether the part of the form named @missing (as
 *   ls_notification_form_list_missing() names it) is filled in on this
 *   page, and in which control (%NULL for none)
 *
 * A page of the notification to IVO.  Its text rows are the widgets
 * named after a text property of #LsNotification: the page loads them,
 * reads them back when it is left, checks them as they are typed, and
 * makes them read-only once the notification is sent.  A page of text
 * rows only is this class itself, its rows from the .ui file named after
 * its row of the step table.
 */
struct _LsNotificationPageClass
{
  LsWizardPageClass parent_class;

  gboolean (*find_missing) (LsNotificationPage *self,
                            const char *missing,
                            GtkWidget **focus);

  gpointer padding[4];
};

/* clang-format off */
gboolean   ls_notification_page_is_sent      (LsCase             *lcase);
GtkWidget *ls_notification_page_get_field    (LsNotificationPage *self,
                                              const char         *property);
gboolean   ls_notification_page_find_missing (LsNotificationPage *self,
                                              const char         *missing,
                                              GtkWidget         **focus);
void       ls_notification_page_lock_row     (GtkWidget          *control,
                                              gboolean            editable);
char      *ls_notification_page_check_day    (GtkWidget          *row,
                                              GDateTime          *now,
                                              const char         *earliest,
                                              const char         *too_early,
                                              char              **day);
/* clang-format on */

G_END_DECLS
