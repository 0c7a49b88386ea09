/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* clang-format off */
char           *ls_store_check_server         (const char          *location,
                                               const char          *password,
                                               GError             **error);
void            ls_store_check_server_async   (const char          *location,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char           *ls_store_check_server_finish  (GAsyncResult        *result,
                                               GError             **error);
/* clang-format on */

G_END_DECLS
