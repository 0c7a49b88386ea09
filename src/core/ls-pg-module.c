/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include "ls-pg-backend.h"
#include "ls-pg-store.h"

/* Team mode's module: the PostgreSQL backend and libpq, loaded by
 * ls-store-connect.c the first time a shared database is opened or set
 * up.  It uses the core's symbols from the program that loads it. */

const LsPgBackend *ls_pg_module_get_backend (void);

static const char *
get_role (LsStore *store)
{
  g_return_val_if_fail (LS_IS_PG_STORE (store), NULL);

  return ls_pg_store_get_role (LS_PG_STORE (store));
}

const LsPgBackend *
ls_pg_module_get_backend (void)
{
  static const LsPgBackend backend = {
    .abi = LS_PG_BACKEND_ABI,
    .open = ls_pg_store_open,
    .init_shared = ls_pg_store_init_shared,
    .get_role = get_role,
    .location_has_password = ls_pg_store_location_has_password,
    .is_valid_location = ls_pg_store_is_valid_location,
    .dup_location_with_password = ls_pg_store_dup_location_with_password,
  };

  return &backend;
}
