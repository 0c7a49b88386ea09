/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-notification-page.h"

G_BEGIN_DECLS

#define LS_TYPE_NOTIFICATION_SENDER_PAGE                                       \
  (ls_notification_sender_page_get_type ())

G_DECLARE_FINAL_TYPE (LsNotificationSenderPage,
                      ls_notification_sender_page,
                      LS,
                      NOTIFICATION_SENDER_PAGE,
                      LsNotificationPage)

G_END_DECLS
