/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "ls-import-reader.h"
#include "ls-sqlite-store.h"
#include "ls-store-backend-private.h"

G_BEGIN_DECLS

/* The SQLite backend, split by concern over ls-sqlite-store*.c:
 *
 *   ls-sqlite-store.c               opening, modes, migration, helpers
 *   ls-store-schema.c               the schema, step by step
 *   ls-sqlite-store-cases.c         cases, journal, history, derived rows
 *   ls-sqlite-store-organisation.c  organisation, registration numbers
 *   ls-sqlite-store-queries.c       count, list, attention, search, similar
 *   ls-sqlite-store-exchange.c      import and export
 *   ls-sqlite-store-backup.c        checkpoint, backup and restore
 *
 * Two connections, each with its own recursive mutex, always taken with a
 * GRecMutexLocker:
 *
 * - the writer makes every write, each one transaction, and the reads
 *   that a write needs to see its own transaction (the organisation a
 *   save checks against), and the export's snapshot;
 * - the reader (read-only; WAL lets it read while the writer writes)
 *   serves the lists, the search, the attention list and loads of single
 *   cases, so that the main loop never waits for an import or a save.
 *
 * Never take the writer's mutex while holding the reader's. */

/* "LSAR": marks a file as ours in PRAGMA application_id. */
#define LS_STORE_APPLICATION_ID 0x4C534152

typedef struct
{
  sqlite3 *db;
  GRecMutex mutex;
  GHashTable *statements; /* SQL -> sqlite3_stmt */
} LsSqliteConnection;

typedef void (*LsSqliteBusyHook) (gpointer user_data);

struct _LsSqliteStore
{
  LsStore parent_instance;

  char *path;
  char *display_name;
  /* Opened with LS_STORE_OPEN_READ_ONLY, or the file cannot be written:
   * every write is refused before it starts. */
  gboolean read_only;

  LsSqliteConnection writer;
  LsSqliteConnection reader;

  /* COUNT(*) of 100,000 cases reads all of them, and every window asks
   * for it: the count of all cases is kept, and counted again when the
   * reader's data_version says that a connection (our writer or another
   * program) committed.  -1 when not known.  Under the reader's mutex. */
  gint64 n_cases;
  gint64 n_cases_version;

  /* The terms of the search index that start with a word of the longest
   * prefix index's length, by that word, read at the reader's
   * data_version prefix_terms_version (see ls-sqlite-store-queries.c).
   * Under the reader's mutex. */
  GHashTable *prefix_terms; /* char * -> GPtrArray of char * */
  gint64 prefix_terms_version;

  /* The rows of the search index the writer's transaction writes at its
   * commit, or a thousand at a time (see ls_sqlite_store_index_case).
   * Under the writer's mutex. */
  GHashTable *index_rows; /* gint64 * case id -> LsSqliteIndexRow */

  /* For the tests: called when the writer first waits for a lock. */
  LsSqliteBusyHook busy_hook;
  gpointer busy_hook_data;
  gint64 busy_since;
};

typedef sqlite3_stmt LsStmt;

/* The search index's column "filter" (schema 9): a term for the case's
 * state, one for its unit and one if it has a deadline, each the value's
 * bytes in hexadecimal after a head of its own, so that a search with a
 * filter is one query of the search index, newest first, however few
 * cases pass (ls-sqlite-store-queries.c).  The user's words are matched
 * in the other columns only, so that nobody's word finds these terms.
 * LS_SQLITE_FILTER_TERMS_SQL makes the column's text from a row of
 * cases, LS_SQLITE_FILTER_TERMS_OF from three expressions of SQL; schema 9
 * filled the column with it, so it stays as it is. */
#define LS_SQLITE_FILTER_STATUS "zzfs"
#define LS_SQLITE_FILTER_UNIT "zzfu"
#define LS_SQLITE_FILTER_DEADLINE "zzfd"
#define LS_SQLITE_FILTER_TERMS_OF(status, unit, deadline)                      \
  "('" LS_SQLITE_FILTER_STATUS "' || hex (" status ") || "                     \
  "coalesce (' " LS_SQLITE_FILTER_UNIT "' || hex (" unit "), '') || "          \
  "CASE WHEN " deadline " IS NULL THEN '' "                                    \
  "ELSE ' " LS_SQLITE_FILTER_DEADLINE "' END)"
#define LS_SQLITE_FILTER_TERMS_SQL                                             \
  LS_SQLITE_FILTER_TERMS_OF ("status", "unit", "next_deadline")

/* How a case is saved: by an import (which brings another copy's changes,
 * with the import as the reason where a reason is needed), with the
 * history the document carries (so that its creation is not recorded
 * twice), and whether the transaction was found to hold no case of its
 * uuid just before (an import looks each case up to check it). */
typedef enum
{
  LS_SQLITE_SAVE_IMPORT = 1 << 0,
  LS_SQLITE_SAVE_HISTORY_GIVEN = 1 << 1,
  LS_SQLITE_SAVE_NOT_STORED = 1 << 2,
} LsSqliteSaveFlags;

/* clang-format off */
void            ls_sqlite_stmt_release   (LsStmt             *stmt);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsStmt, ls_sqlite_stmt_release)

/* clang-format off */
/* ls-sqlite-store.c: helpers for every file */
void            ls_sqlite_set_error      (LsSqliteConnection *conn,
                                          GError            **error,
                                          int                 rc);
LsStmt         *ls_sqlite_get_stmt       (LsSqliteConnection *conn,
                                          const char         *sql,
                                          GError            **error);
gboolean        ls_sqlite_exec           (LsSqliteConnection *conn,
                                          const char         *sql,
                                          GError            **error);
gboolean        ls_sqlite_step_done      (LsSqliteConnection *conn,
                                          LsStmt             *stmt,
                                          GError            **error);
void            ls_sqlite_bind_text      (LsStmt             *stmt,
                                          int                 index,
                                          const char         *value);
void            ls_sqlite_bind_static    (LsStmt             *stmt,
                                          int                 index,
                                          const char         *value);
char           *ls_sqlite_column_dup     (LsStmt             *stmt,
                                          int                 index);
gboolean        ls_sqlite_store_begin    (LsSqliteStore      *self,
                                          GError            **error);
gboolean        ls_sqlite_store_commit   (LsSqliteStore      *self,
                                          GError            **error);
void            ls_sqlite_store_rollback (LsSqliteStore      *self);
gboolean        ls_sqlite_store_index_case (LsSqliteStore    *self,
                                          gint64              case_id,
                                          gboolean            replace,
                                          const char         *regno,
                                          const LsDerived    *derived,
                                          GError            **error);

gboolean        ls_sqlite_store_check_file (const char       *path,
                                          gboolean           *empty,
                                          GError            **error);
gboolean        ls_sqlite_store_migrate  (LsSqliteStore      *self,
                                          GError            **error);

/* ls-sqlite-store-backup.c */
gboolean        ls_sqlite_store_checkpoint (LsStore          *store,
                                          GError            **error);
gboolean        ls_sqlite_store_backup   (LsStore            *store,
                                          const char         *path,
                                          GError            **error);
gint64          ls_sqlite_store_check_copy (LsStore          *store,
                                          const char         *copy,
                                          GError            **error);
gboolean        ls_sqlite_store_restore  (LsStore            *store,
                                          const char         *copy,
                                          const char         *keep,
                                          GError            **error);

/* ls-store-schema.c */
const char     *ls_store_schema_step     (int                 version);

/* ls-sqlite-store-cases.c */
gboolean        ls_sqlite_store_save_case_locked (LsSqliteStore  *self,
                                          LsStoreRecord      *record,
                                          LsOrganisation     *organisation,
                                          LsPeopleRegister   *routines,
                                          const char         *author,
                                          const char         *why,
                                          LsSqliteSaveFlags   flags,
                                          const char         *when,
                                          gboolean           *changed,
                                          GError            **error);
LsCase         *ls_sqlite_store_load_case_by_id (LsSqliteConnection *conn,
                                          gint64              case_id,
                                          GError            **error);
LsCase         *ls_sqlite_store_load_case_on (LsSqliteConnection *conn,
                                          const char         *uuid,
                                          GError            **error);
gboolean        ls_sqlite_store_refresh_all_derived (LsSqliteStore *self,
                                          GError            **error);
gboolean        ls_sqlite_store_refresh_attention (LsSqliteStore *self,
                                          LsOrganisation     *organisation,
                                          GError            **error);
gboolean        ls_sqlite_store_save_case (LsStore           *store,
                                          LsCase             *lcase,
                                          const char         *author,
                                          GError            **error);
gboolean        ls_sqlite_store_save_case_why (LsStore       *store,
                                          LsCase             *lcase,
                                          const char         *author,
                                          const char         *why,
                                          GError            **error);
gboolean        ls_sqlite_store_add_history (LsSqliteStore   *self,
                                          gint64              case_id,
                                          const char         *when,
                                          const char         *field,
                                          const char         *old_value,
                                          const char         *new_value,
                                          const char         *who,
                                          const char         *why,
                                          GError            **error);
LsCase         *ls_sqlite_store_load_case (LsStore           *store,
                                          const char         *uuid,
                                          GError            **error);
LsCase         *ls_sqlite_store_find_case_by_regno (LsStore  *store,
                                          const char         *regno,
                                          GError            **error);
GPtrArray      *ls_sqlite_store_list_history (LsStore        *store,
                                          const char         *case_uuid,
                                          GError            **error);

/* ls-sqlite-store-statistics.c */
LsStatistics   *ls_sqlite_store_compute_statistics (LsStore  *store,
                                          const LsStatisticsQuery *query,
                                          GError            **error);
GPtrArray      *ls_sqlite_store_list_concluded_cases (LsStore *store,
                                          const LsStatisticsQuery *query,
                                          GError            **error);
GPtrArray      *ls_sqlite_store_list_follow_up_cases (LsStore *store,
                                          const char *const  *units,
                                          GError            **error);
/* ls-sqlite-store-organisation.c */
LsOrganisation *ls_sqlite_store_load_organisation_on (LsSqliteConnection *conn,
                                          GError            **error);
gboolean        ls_sqlite_store_save_organisation_locked (LsSqliteStore *self,
                                          LsOrganisation     *organisation,
                                          GError            **error);
gboolean        ls_sqlite_store_save_organisation (LsStore   *store,
                                          LsOrganisation     *organisation,
                                          GError            **error);
LsOrganisation *ls_sqlite_store_load_organisation (LsStore   *store,
                                          GError            **error);
char           *ls_sqlite_store_next_regno (LsStore          *store,
                                          int                 year,
                                          GError            **error);
GStrv           ls_sqlite_store_dup_units_in_use (LsStore    *store,
                                          GError            **error);

/* ls-sqlite-store-queries.c */
gint64          ls_sqlite_store_count_cases (LsStore         *store,
                                          const LsStoreQuery *query,
                                          GError            **error);
GPtrArray      *ls_sqlite_store_list_cases (LsStore          *store,
                                          const LsStoreQuery *query,
                                          const LsStoreKey   *key,
                                          guint               offset,
                                          guint               limit,
                                          GError            **error);
GPtrArray      *ls_sqlite_store_list_attention (LsStore      *store,
                                          guint               limit,
                                          GError            **error);
GArray         *ls_sqlite_store_search_ids (LsStore            *store,
                                            const LsStoreQuery *query,
                                            guint               limit,
                                            GPtrArray          *keys,
                                            GError            **error);
gboolean        ls_sqlite_store_read_summaries (LsStore        *store,
                                            const gint64       *ids,
                                            guint               n_ids,
                                            GPtrArray          *summaries,
                                            GError            **error);
GPtrArray      *ls_sqlite_store_find_similar_cases (LsStore  *store,
                                          const char         *case_uuid,
                                          guint               limit,
                                          GError            **error);

/* ls-sqlite-store-attachments.c */
LsAttachment   *ls_sqlite_store_add_attachment (LsStore      *store,
                                          const char         *case_uuid,
                                          LsAttachment       *attachment,
                                          GBytes             *data,
                                          GError            **error);
GPtrArray      *ls_sqlite_store_list_attachments (LsStore    *store,
                                          const char         *case_uuid,
                                          GError            **error);
GBytes         *ls_sqlite_store_read_attachment (LsStore     *store,
                                          const char         *uuid,
                                          GError            **error);
gboolean        ls_sqlite_store_export_case_extras (LsSqliteStore *self,
                                          gint64              case_id,
                                          JsonObject         *json,
                                          GError            **error);
gboolean        ls_sqlite_store_import_case_extras (LsSqliteStore *self,
                                          const char         *case_uuid,
                                          JsonArray          *history,
                                          JsonArray          *attachments,
                                          const char         *path,
                                          gboolean           *changed,
                                          GError            **error);

/* ls-sqlite-store-exchange.c */
gboolean        ls_sqlite_store_import_document (LsStore     *store,
                                          JsonNode           *document,
                                          const char         *author,
                                          guint              *n_changed,
                                          GError            **error);
JsonNode       *ls_sqlite_store_export_document (LsStore     *store,
                                          GError            **error);

/* ls-sqlite-store-people.c */
LsPeopleRegister *ls_sqlite_store_load_people_on (LsSqliteConnection *conn,
                                          gboolean            routines_only,
                                          GError            **error);
LsPeopleRegister *ls_sqlite_store_load_people (LsStore       *store,
                                          GError            **error);
gboolean        ls_sqlite_store_import_people_locked (LsSqliteStore *self,
                                          JsonObject         *root,
                                          LsOrganisation     *organisation,
                                          guint              *n_changed,
                                          GError            **error);
gboolean        ls_sqlite_store_save_people (LsStore         *store,
                                          LsPeopleRegister   *register_,
                                          GError            **error);

/* For the tests */
gint64          ls_store_pragma_int      (LsStore            *self,
                                          const char         *pragma);
void            ls_sqlite_store_set_busy_hook (LsSqliteStore *self,
                                          LsSqliteBusyHook    hook,
                                          gpointer            user_data);
/* clang-format on */

G_END_DECLS
