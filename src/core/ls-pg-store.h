/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_PG_STORE (ls_pg_store_get_type ())

G_DECLARE_FINAL_TYPE (LsPgStore, ls_pg_store, LS, PG_STORE, LsStore)

/* clang-format off */
LsStore        *ls_pg_store_open            (const char       *location,
                                             LsStoreOpenFlags  flags,
                                             GError          **error);
gboolean        ls_pg_store_init_shared     (const char       *conninfo,
                                             GError          **error);
const char     *ls_pg_store_get_role        (LsPgStore        *self);
gboolean        ls_pg_store_location_has_password (const char *location);
gboolean        ls_pg_store_is_valid_location (const char     *location);
char           *ls_pg_store_dup_location_with_password (const char *location,
                                             const char       *password);
/* clang-format on */

G_END_DECLS
