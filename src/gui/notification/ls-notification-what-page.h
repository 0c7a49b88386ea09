/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-notification-page.h"

G_BEGIN_DECLS

#define LS_TYPE_NOTIFICATION_WHAT_PAGE (ls_notification_what_page_get_type ())

G_DECLARE_FINAL_TYPE (LsNotificationWhatPage,
                      ls_notification_what_page,
                      LS,
                      NOTIFICATION_WHAT_PAGE,
                      LsNotificationPage)

G_END_DECLS
