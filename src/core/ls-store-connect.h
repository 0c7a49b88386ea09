/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-store.h"

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

gboolean        ls_store_server_is_installed  (GError             **error);
LsStore        *ls_store_server_open          (const char          *location,
                                               LsStoreOpenFlags     flags,
                                               GError             **error);
gboolean        ls_store_server_init_shared   (const char          *conninfo,
                                               GError             **error);
const char     *ls_store_server_get_role      (LsStore             *store);
gboolean        ls_store_server_location_has_password (const char  *location);
gboolean        ls_store_server_location_is_valid (const char      *location);
char           *ls_store_server_dup_location_with_password (const char *location,
                                               const char          *password);
/* clang-format on */

G_END_DECLS
