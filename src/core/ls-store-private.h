/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "ls-store.h"

G_BEGIN_DECLS

/* "LSAR": marks a file as ours in PRAGMA application_id. */
#define LS_STORE_APPLICATION_ID 0x4C534152

/* clang-format off */
const char *ls_store_schema_step (int         version);
gint64      ls_store_pragma_int  (LsStore    *self,
                                  const char *pragma);
sqlite3    *ls_store_lock_db     (LsStore    *self);
void        ls_store_unlock_db   (LsStore    *self);
/* clang-format on */

G_END_DECLS
