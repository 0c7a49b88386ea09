/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-notification-page.h"

G_BEGIN_DECLS

#define LS_TYPE_NOTIFICATION_AFTER_PAGE (ls_notification_after_page_get_type ())

G_DECLARE_FINAL_TYPE (LsNotificationAfterPage,
                      ls_notification_after_page,
                      LS,
                      NOTIFICATION_AFTER_PAGE,
                      LsNotificationPage)

/* clang-format off */
void ls_notification_after_page_mark_investigation_sent (LsNotificationAfterPage *self);
/* clang-format on */

void ls_notification_after_page_write_package (LsNotificationAfterPage *self);
void ls_notification_after_page_write_letter (LsNotificationAfterPage *self);
void ls_notification_after_page_print_letter (LsNotificationAfterPage *self);

G_END_DECLS
