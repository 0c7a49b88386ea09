/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* clang-format off */
void ls_toast_show (GtkWidget *widget,
                    AdwToast  *toast);
/* clang-format on */

G_END_DECLS
