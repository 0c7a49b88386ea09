/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-notification-page.h"

G_BEGIN_DECLS

#define LS_TYPE_NOTIFICATION_SEND_PAGE (ls_notification_send_page_get_type ())

G_DECLARE_FINAL_TYPE (LsNotificationSendPage,
                      ls_notification_send_page,
                      LS,
                      NOTIFICATION_SEND_PAGE,
                      LsNotificationPage)

/* clang-format off */
void ls_notification_send_page_mark_sent      (LsNotificationSendPage *self);
void ls_notification_send_page_sign_today     (LsNotificationSendPage *self);
void ls_notification_send_page_update_preview (LsNotificationSendPage *self);
/* clang-format on */

G_END_DECLS
