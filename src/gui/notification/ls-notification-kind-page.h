/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-notification-page.h"

G_BEGIN_DECLS

#define LS_TYPE_NOTIFICATION_KIND_PAGE (ls_notification_kind_page_get_type ())

G_DECLARE_FINAL_TYPE (LsNotificationKindPage,
                      ls_notification_kind_page,
                      LS,
                      NOTIFICATION_KIND_PAGE,
                      LsNotificationPage)

G_END_DECLS
