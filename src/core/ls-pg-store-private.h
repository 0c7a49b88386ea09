/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "ls-pg-store.h"
#include "ls-store-backend-private.h"

G_BEGIN_DECLS

/* The PostgreSQL backend, split by concern over ls-pg-store*.c:
 *
 *   ls-pg-store.c          connections, errors, schema and migration,
 *                          the listener for other clients' saves
 *   ls-pg-store-schema.c   the schema step by step, and the shared
 *                          database's roles and policies
 *   ls-pg-store-cases.c    cases, journal, history, organisation
 *   ls-pg-store-queries.c  count, list, attention, search, similar,
 *                          import and export
 *
 * Two connections, each with its own recursive mutex (a GRecMutexLocker):
 * the writer makes every write, each one transaction; the reader serves
 * lists, searches and loads, so that they never wait behind an import.
 * A third, the listener, only LISTENs in a thread of its own.  Never take
 * the writer's mutex while holding the reader's. */

/* The schema this build writes; ls_schema.version of a current database. */
#define LS_PG_SCHEMA_VERSION 1

/* The channel of NOTIFY: its payload is the uuid of the case saved. */
#define LS_PG_CHANNEL "lexsarah_changed"

typedef struct
{
  PGconn *conn;
  GRecMutex mutex;
  gboolean in_transaction;
} LsPgConnection;

struct _LsPgStore
{
  LsStore parent_instance;

  char *location;         /* as given, with a password if it has one */
  char *display_location; /* never with a password */
  gboolean read_only;
  LsPgConnection writer;
  LsPgConnection reader;

  /* The role of the session, as the server says: the author in team mode. */
  char *role;

  GThread *listener;
  int wake_fds[2];
  int writer_pid; /* atomic: whose NOTIFYs are our own */
};

/* clang-format off */
/* ls-pg-store.c */
PGresult       *ls_pg_query      (LsPgConnection     *conn,
                                  const char         *sql,
                                  int                 n_params,
                                  const char *const  *params,
                                  GError            **error);
gboolean        ls_pg_run        (LsPgConnection     *conn,
                                  const char         *sql,
                                  int                 n_params,
                                  const char *const  *params,
                                  GError            **error);
gboolean        ls_pg_begin      (LsPgStore          *self,
                                  GError            **error);
gboolean        ls_pg_commit     (LsPgStore          *self,
                                  GError            **error);
void            ls_pg_rollback   (LsPgStore          *self);
char           *ls_pg_dup_value  (PGresult           *result,
                                  int                 row,
                                  int                 column);
gint64          ls_pg_int_value  (PGresult           *result,
                                  int                 row,
                                  int                 column);
void            ls_pg_store_note_writer (LsPgStore    *self);

/* ls-pg-store-schema.c */
const char     *ls_pg_schema_step (int                version);
const char     *ls_pg_shared_setup_sql (void);

/* ls-pg-store-cases.c */
gboolean        ls_pg_store_save_case_locked (LsPgStore *self,
                                  LsCase             *lcase,
                                  LsOrganisation     *organisation,
                                  const char         *author,
                                  const char         *when,
                                  gboolean            check_revision,
                                  gboolean           *changed,
                                  GError            **error);
LsCase         *ls_pg_store_load_case_on (LsPgConnection *conn,
                                  const char         *where,
                                  const char         *key,
                                  GError            **error);
LsOrganisation *ls_pg_store_load_organisation_on (LsPgConnection *conn,
                                  GError            **error);
gboolean        ls_pg_store_save_organisation_locked (LsPgStore *self,
                                  LsOrganisation     *organisation,
                                  GError            **error);
void            ls_pg_store_class_init_cases (LsStoreClass *klass);

/* ls-pg-store-queries.c */
void            ls_pg_store_class_init_queries (LsStoreClass *klass);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
