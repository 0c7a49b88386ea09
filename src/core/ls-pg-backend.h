/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-store.h"

G_BEGIN_DECLS

/* Between the core and team mode's module (ls-pg-module.c): the module
 * hands the core this table, and the core calls PostgreSQL through it
 * only.  Both are built from the same tree and installed together; the
 * number is raised whenever the table or LsStoreClass changes, so that a
 * module left over from another version is refused, not called. */
#define LS_PG_BACKEND_ABI 2

/* What the module is called in its folder, and its one entry point. */
#define LS_PG_MODULE_NAME "liblexsarah-pg.so"
#define LS_PG_MODULE_ENTRY "ls_pg_module_get_backend"

typedef struct
{
  guint abi;
  LsStore *(*open) (const char *location,
                    LsStoreOpenFlags flags,
                    GError **error);
  gboolean (*init_shared) (const char *conninfo, GError **error);
  const char *(*get_role) (LsStore *store);
  gboolean (*location_has_password) (const char *location);
  gboolean (*is_valid_location) (const char *location);
  char *(*dup_location_with_password) (const char *location,
                                       const char *password);
} LsPgBackend;

typedef const LsPgBackend *(*LsPgModuleGetBackend) (void);

G_END_DECLS
