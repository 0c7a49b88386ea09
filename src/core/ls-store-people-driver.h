/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ls-people-register.h"
#include "ls-store-backend-private.h"

G_BEGIN_DECLS

/* What a backend supplies for the register's save and import, on its
 * writer: its transaction, its table names, two ways to run one
 * statement (whose parameters are $1, $2 ... in their order, which both
 * databases read), and what must follow a change.  Each function takes
 * the backend's store. */
typedef struct
{
  /* Where the writer's mutex is in the backend's instance. */
  glong writer_mutex_offset;
  /* People, occasions and routines, in the order of
   * ls_store_register_member(). */
  const char *const *tables;

  gboolean (*begin) (gpointer backend, GError **error);
  gboolean (*commit) (gpointer backend, GError **error);
  void (*rollback) (gpointer backend);
  /* After a commit, or %NULL. */
  void (*committed) (gpointer backend);
  LsOrganisation *(*load_organisation) (gpointer backend, GError **error);
  /* The first column of the first row, or %NULL, without an error, when
   * there is no row. */
  char *(*query_text) (gpointer backend,
                       const char *sql,
                       int n_params,
                       const char *const *params,
                       GError **error);
  gboolean (*run) (gpointer backend,
                   const char *sql,
                   int n_params,
                   const char *const *params,
                   GError **error);
  /* What needs attention in the cases, again, as the routines changed. */
  gboolean (*refresh_attention) (gpointer backend,
                                 LsOrganisation *organisation,
                                 GError **error);
} LsStorePeopleDriver;

/* clang-format off */
gboolean ls_store_people_save          (LsStore                   *store,
                                        const LsStorePeopleDriver *driver,
                                        LsPeopleRegister          *register_,
                                        GError                   **error);
gboolean ls_store_people_import_locked (const LsStorePeopleDriver *driver,
                                        gpointer                   backend,
                                        JsonObject                *root,
                                        LsOrganisation            *organisation,
                                        guint                     *n_changed,
                                        GError                   **error);
/* clang-format on */

G_END_DECLS
