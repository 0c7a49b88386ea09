/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_SQLITE_STORE (ls_sqlite_store_get_type ())

G_DECLARE_FINAL_TYPE (LsSqliteStore, ls_sqlite_store, LS, SQLITE_STORE, LsStore)

/* clang-format off */
LsStore *ls_sqlite_store_open (const char        *path,
                               LsStoreOpenFlags   flags,
                               GError           **error);
/* clang-format on */

G_END_DECLS
