/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* clang-format off */
GtkWidget      *ls_password_dialog_ask        (GtkWindow           *parent,
                                               const char          *where,
                                               const char          *why,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char           *ls_password_dialog_ask_finish (GAsyncResult        *result,
                                               GError             **error);
/* clang-format on */

G_END_DECLS
