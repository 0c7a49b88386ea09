/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "ls-import-reader.h"
#include "ls-pg-store.h"
#include "ls-store-backend-private.h"

G_BEGIN_DECLS

/* The PostgreSQL backend, split by concern over ls-pg-store*.c:
 *
 *   ls-pg-store.c          connections, errors, opening,
 *                          the listener for other clients' saves
 *   ls-pg-store-schema.c   the schema step by step, its migration, and
 *                          the shared database's roles and policies
 *   ls-pg-store-save.c     saving cases: journal, history, attention
 *   ls-pg-store-cases.c    loading cases, history, organisation
 *   ls-pg-store-people.c   the register of people and the routines,
 *                          attachments, a case's history in a document
 *   ls-pg-store-statistics.c  the statistics as GROUP BY on the server
 *   ls-pg-store-queries.c  count, list, attention, search, similar,
 *                          import and export
 *
 * Two connections, each with its own recursive mutex (a GRecMutexLocker):
 * the writer makes every write, each one transaction; the reader serves
 * lists, searches and loads, so that they never wait behind an import.
 * A third, the listener, only LISTENs in a thread of its own.  Never take
 * the writer's mutex while holding the reader's. */

/* The schema this build writes; ls_schema.version of a current database. */
#define LS_PG_SCHEMA_VERSION 5

/* The channel of NOTIFY: its payload is the uuid of the case saved. */
#define LS_PG_CHANNEL "lexsarah_changed"

/* A statement sent in pipeline mode and not yet confirmed: whether it
 * must have changed a row (an update that row-level security hid from
 * the role changes none), and the tag it was sent under. */
typedef struct
{
  gboolean must_change;
  gboolean keep; /* its rows are wanted: see ls_pg_defer_read() */
  int tag;
  char *preparing; /* the SQL of a statement being prepared, or NULL */
} LsPgPending;

typedef struct
{
  PGconn *conn;
  GRecMutex mutex;
  gboolean in_transaction;
  GArray *pending; /* LsPgPending */
  GPtrArray *kept; /* PGresult: the rows of the reads of the last flush */
  /* What the statements sent now are for (an import's case index), and
   * after a failed ls_pg_flush() what the failed one was for; -1 none. */
  int tag;
  int failed_tag;
  /* The statements of ls_pg_defer() the server holds prepared on this
   * connection: SQL -> its name there. */
  GHashTable *prepared;
  guint n_prepared;
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

  /* Bumped by every commit of ours and every other client's NOTIFY: the
   * kept count of every case (under the reader's mutex) is good while
   * its generation is the current one and the cases' sequence has not
   * moved. */
  int generation; /* atomic */
  gint64 n_cases;
  int n_cases_generation;
  gint64 n_cases_last_id; /* of cases_id_seq, when it was counted */

  GThread *listener;
  int wake_fds[2];
  int writer_pid; /* atomic: whose NOTIFYs are our own */
};

/* How a case is saved: checked against the revision it was loaded at;
 * by an import (which brings another copy's changes, with the import as
 * the reason where a reason is needed); with the history the document
 * carries (so that its creation is not recorded twice). */
typedef enum
{
  LS_PG_SAVE_CHECK_REVISION = 1 << 0,
  LS_PG_SAVE_IMPORT = 1 << 1,
  LS_PG_SAVE_HISTORY_GIVEN = 1 << 2,
} LsPgSaveFlags;

/* A stored case row, as a save needs it. */
typedef struct
{
  char *id;
  char *json;
  gint64 revision;
  char *saved_by;
  char *saved_at;
} LsPgRow;

/* A stored documented item, or one this transaction wrote. */
typedef struct
{
  char *uuid_key;
  char *id;
  char *case_id;
  char *json;
} LsPgItem;

/* What saving some cases reads before it writes (ls-pg-store-save.c). */
typedef struct
{
  GHashTable *rows;       /* case uuid -> LsPgRow, the stored ones */
  GHashTable *items;      /* item uuid -> LsPgItem */
  GHashTable *case_items; /* case id -> GPtrArray of LsPgItem (borrowed) */
  GPtrArray *case_ids;    /* ids for new cases, from the sequence */
  GPtrArray *item_ids;    /* ids for new items */
  guint next_case;        /* the first of case_ids not yet used */
  guint next_item;
  char *me;         /* the name the session saves under */
  LsStoreSeen seen; /* what the last case saved now is at */
  LsPeopleRegister *routines;
} LsPgSaveContext;

/* clang-format off */
/* ls-pg-store.c */
PGresult       *ls_pg_query      (LsPgConnection     *conn,
                                  const char         *sql,
                                  int                 n_params,
                                  const char *const  *params,
                                  GError            **error);
PGresult       *ls_pg_query_binary (LsPgConnection   *conn,
                                  const char         *sql,
                                  int                 n_params,
                                  const char *const  *params,
                                  const int          *lengths,
                                  const int          *formats,
                                  int                 result_format,
                                  GError            **error);
gboolean        ls_pg_run        (LsPgConnection     *conn,
                                  const char         *sql,
                                  int                 n_params,
                                  const char *const  *params,
                                  GError            **error);
gboolean        ls_pg_defer      (LsPgConnection     *conn,
                                  const char         *sql,
                                  int                 n_params,
                                  const char *const  *params,
                                  gboolean            must_change,
                                  GError            **error);
gboolean        ls_pg_defer_read (LsPgConnection     *conn,
                                  const char         *sql,
                                  int                 n_params,
                                  const char *const  *params,
                                  GError            **error);
PGresult       *ls_pg_steal_kept (LsPgConnection     *conn,
                                  guint               index);
gboolean        ls_pg_flush      (LsPgConnection     *conn,
                                  GError            **error);
gboolean        ls_pg_begin      (LsPgStore          *self,
                                  GError            **error);
gboolean        ls_pg_begin_deferred (LsPgStore      *self,
                                  GError            **error);
gboolean        ls_pg_commit     (LsPgStore          *self,
                                  GError            **error);
void            ls_pg_rollback   (LsPgStore          *self);
char           *ls_pg_dup_value  (PGresult           *result,
                                  int                 row,
                                  int                 column);
char           *ls_pg_dup_array_literal (GPtrArray   *values);
gboolean        ls_pg_add_json_rows (PGresult        *rows,
                                  int                 column,
                                  JsonArray          *array,
                                  GError            **error);
gint64          ls_pg_int_value  (PGresult           *result,
                                  int                 row,
                                  int                 column);
void            ls_pg_store_note_writer (LsPgStore    *self);

/* ls-pg-store-schema.c */
const char     *ls_pg_schema_step (int                version);
const char     *ls_pg_shared_setup_sql (guint           part);
int             ls_pg_read_version (LsPgConnection   *conn,
                                  gboolean           *foreign,
                                  GError            **error);
gboolean        ls_pg_check_version (int              version,
                                  gboolean            foreign,
                                  GError            **error);
gboolean        ls_pg_migrate    (LsPgStore          *self,
                                  GError            **error);
gboolean        ls_pg_bring_up_to_date (LsPgStore    *self,
                                  int                 version,
                                  GError            **error);
gboolean        ls_pg_run_team_setup (LsPgStore      *self,
                                  GError            **error);

/* ls-pg-store-save.c */
LsPgSaveContext *ls_pg_save_context_new (LsPgStore  *self,
                                  GPtrArray          *cases,
                                  const char         *author,
                                  GError            **error);
void            ls_pg_save_context_free (LsPgSaveContext *context);
gboolean        ls_pg_save_context_dup_case (LsPgSaveContext *context,
                                  const char         *uuid,
                                  LsCase            **stored,
                                  GError            **error);
gboolean        ls_pg_store_save_case_locked (LsPgStore *self,
                                  LsPgSaveContext    *context,
                                  LsStoreRecord      *record,
                                  LsOrganisation     *organisation,
                                  const char         *author,
                                  const char         *why,
                                  const char         *when,
                                  LsPgSaveFlags       flags,
                                  gboolean           *changed,
                                  GError            **error);
void            ls_pg_store_class_init_save (LsStoreClass *klass);

/* ls-pg-store-cases.c */
LsCase         *ls_pg_store_load_case_on (LsPgConnection *conn,
                                  const char         *where,
                                  const char         *key,
                                  GError            **error);
JsonArray      *ls_pg_store_add_journal (JsonObject  *object);
LsOrganisation *ls_pg_store_load_organisation_on (LsPgConnection *conn,
                                  GError            **error);
gboolean        ls_pg_store_save_organisation_locked (LsPgStore *self,
                                  LsOrganisation     *organisation,
                                  GError            **error);
void            ls_pg_store_class_init_cases (LsStoreClass *klass);

/* ls-pg-store-people.c */
LsPeopleRegister *ls_pg_store_load_people_on (LsPgConnection *conn,
                                  gboolean            routines_only,
                                  GError            **error);
LsPeopleRegister *ls_pg_store_routines_from_rows (PGresult *rows,
                                  GError            **error);
gboolean        ls_pg_store_import_people_locked (LsPgStore *self,
                                  JsonObject         *root,
                                  LsOrganisation     *organisation,
                                  guint              *n_changed,
                                  GError            **error);
gboolean        ls_pg_store_export_case_extras (LsPgStore *self,
                                  const char         *case_id,
                                  JsonObject         *json,
                                  GError            **error);
gboolean        ls_pg_store_import_case_extras (LsPgStore *self,
                                  const char         *case_uuid,
                                  JsonArray          *history,
                                  JsonArray          *attachments,
                                  const char         *path,
                                  gboolean           *changed,
                                  GError            **error);
void            ls_pg_store_class_init_people (LsStoreClass *klass);

/* ls-pg-store-statistics.c */
void            ls_pg_store_class_init_statistics (LsStoreClass *klass);

/* ls-pg-store-queries.c */
void            ls_pg_store_class_init_queries (LsStoreClass *klass);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
