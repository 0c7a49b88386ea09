/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-sqlite-store-private.h"

/* Lists, counts and searches, all on the reader: they never wait for the
 * writer, so that the list of a window scrolls while an import runs.  The
 * reader's mutex is taken before any statement is fetched, so that the
 * statements are reset before it is let go. */

#define SUMMARY_COLUMNS                                                        \
  "cases.uuid, cases.regno, cases.status, cases.unit, cases.kind, "            \
  "cases.title, cases.received_at, cases.next_deadline, cases.updated_at"

static LsCaseSummary *
summary_from_row (LsStmt *stmt)
{
  const char *columns[9];

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    columns[i] = (const char *) sqlite3_column_text (stmt, i);
  return ls_case_summary_new (columns[0], columns[1], columns[2], columns[3],
                              columns[4], columns[5], columns[6], columns[7],
                              columns[8]);
}

/* Words of the user's text as an FTS5 query: every word quoted (so that
 * nothing the user types is FTS syntax) and matched as a prefix. */
static char *
dup_match_query (const char *text, const char *joiner, gboolean prefix)
{
  g_autoptr (GString) query = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        continue;
      if (query->len > 0)
        g_string_append (query, joiner);
      g_string_append_c (query, '"');
      g_string_append_len (query, start, p - start);
      g_string_append_c (query, '"');
      if (prefix)
        g_string_append_c (query, '*');
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static char *
build_list_sql (const LsStoreQuery *query, gboolean count, gboolean *has_match)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *match =
      query->search ? dup_match_query (query->search, " ", TRUE) : NULL;

  *has_match = match != NULL;
  g_string_append (sql, count ? "SELECT count(*) FROM cases WHERE 1"
                              : "SELECT " SUMMARY_COLUMNS
                                " FROM cases WHERE 1");
  if (query->status != NULL)
    g_string_append (sql, " AND status = :status");
  if (query->unit != NULL)
    g_string_append (sql, " AND unit = :unit");
  if (query->with_deadline)
    g_string_append (sql, " AND next_deadline IS NOT NULL");
  if (match != NULL)
    g_string_append (sql, " AND id IN (SELECT rowid FROM case_fts "
                          "WHERE case_fts MATCH :match)");
  if (!count)
    {
      switch (query->order)
        {
        case LS_STORE_ORDER_RECEIVED:
          g_string_append (sql, " ORDER BY received_at DESC, id DESC");
          break;
        case LS_STORE_ORDER_DEADLINE:
          g_string_append (
              sql, " ORDER BY next_deadline IS NULL, next_deadline, id");
          break;
        case LS_STORE_ORDER_REGNO:
          g_string_append (sql, " ORDER BY regno, id");
          break;
        case LS_STORE_ORDER_UPDATED:
        default:
          g_string_append (sql, " ORDER BY updated_at DESC, id DESC");
          break;
        }
      g_string_append (sql, " LIMIT :limit OFFSET :offset");
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
bind_query (LsStmt *stmt, const LsStoreQuery *query)
{
  int index;

  if ((index = sqlite3_bind_parameter_index (stmt, ":status")) > 0)
    ls_sqlite_bind_text (stmt, index, query->status);
  if ((index = sqlite3_bind_parameter_index (stmt, ":unit")) > 0)
    ls_sqlite_bind_text (stmt, index, query->unit);
  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    {
      g_autofree char *match = dup_match_query (query->search, " ", TRUE);

      ls_sqlite_bind_text (stmt, index, match);
    }
}

/* Runs a statement on the reader that lists summaries; the caller holds
 * the reader's mutex and has bound the statement. */
static GPtrArray *
read_summaries (LsSqliteStore *self, LsStmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, summary_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->reader, error,
                           sqlite3_extended_errcode (self->reader.db));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The caller holds the reader's mutex.  Returns -1 with @error set. */
static gint64
read_data_version (LsSqliteStore *self, GError **error)
{
  g_autoptr (LsStmt) pragma =
      ls_sqlite_get_stmt (&self->reader, "PRAGMA data_version", error);

  if (pragma == NULL)
    return -1;
  if (sqlite3_step (pragma) != SQLITE_ROW)
    {
      ls_sqlite_set_error (&self->reader, error,
                           sqlite3_extended_errcode (self->reader.db));
      return -1;
    }
  return sqlite3_column_int64 (pragma, 0);
}

gint64
ls_sqlite_store_count_cases (LsStore *store,
                             const LsStoreQuery *query,
                             GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autofree char *sql = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gboolean has_match;
  gboolean every_case;
  gint64 version = -1;
  gint64 n;

  every_case = query->status == NULL && query->unit == NULL &&
               query->search == NULL && !query->with_deadline;
  sql = build_list_sql (query, TRUE, &has_match);
  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  if (every_case)
    {
      version = read_data_version (self, error);
      if (version < 0)
        return -1;
      if (self->n_cases >= 0 && version == self->n_cases_version)
        return self->n_cases;
    }
  stmt = ls_sqlite_get_stmt (&self->reader, sql, error);
  if (stmt == NULL)
    return -1;
  bind_query (stmt, query);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ls_sqlite_set_error (&self->reader, error,
                           sqlite3_extended_errcode (self->reader.db));
      return -1;
    }
  n = sqlite3_column_int64 (stmt, 0);
  if (every_case)
    {
      self->n_cases = n;
      self->n_cases_version = version;
    }
  return n;
}

GPtrArray *
ls_sqlite_store_list_cases (LsStore *store,
                            const LsStoreQuery *query,
                            guint offset,
                            guint limit,
                            GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autofree char *sql = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gboolean has_match;

  sql = build_list_sql (query, FALSE, &has_match);
  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  stmt = ls_sqlite_get_stmt (&self->reader, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"),
                      offset);
  return read_summaries (self, stmt, error);
}

GPtrArray *
ls_sqlite_store_list_attention (LsStore *store, guint limit, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (LsStmt) stmt = NULL;

  stmt = ls_sqlite_get_stmt (
      &self->reader,
      "SELECT " SUMMARY_COLUMNS " FROM cases JOIN "
      "(SELECT case_id, min (coalesce (due, '9999')) AS first "
      " FROM attention GROUP BY case_id) AS a "
      "ON a.case_id = cases.id ORDER BY a.first, cases.id LIMIT ?",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  return read_summaries (self, stmt, error);
}

/* The caller holds the reader's mutex. */
static GPtrArray *
run_match (LsSqliteStore *self,
           const char *sql,
           const char *match,
           gint64 exclude_id,
           guint limit,
           GError **error)
{
  g_autoptr (LsStmt) stmt = NULL;

  if (match == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  stmt = ls_sqlite_get_stmt (&self->reader, sql, error);
  if (stmt == NULL)
    return NULL;
  ls_sqlite_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, exclude_id);
  sqlite3_bind_int64 (stmt, 3, limit);
  return read_summaries (self, stmt, error);
}

GPtrArray *
ls_sqlite_store_search (LsStore *store,
                        const char *text,
                        guint limit,
                        GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autofree char *match = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;

  /* Newest first rather than by relevance: FTS5 then stops after @limit
   * rows, so that a common word typed as the first letters of a search
   * answers as fast as a rare one among 100,000 cases. */
  match = dup_match_query (text, " ", TRUE);
  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  return run_match (self,
                    "SELECT " SUMMARY_COLUMNS " FROM case_fts "
                    "JOIN cases ON cases.id = case_fts.rowid "
                    "WHERE case_fts MATCH ? AND case_fts.rowid != ? "
                    "ORDER BY case_fts.rowid DESC LIMIT ?",
                    match, 0, limit, error);
}

/* The most telling words of a case's text as an FTS5 query of any of
 * them: long words tell most; short ones are mostly grammar. */
static char *
dup_similar_query (const char *text)
{
  g_autoptr (GHashTable) words =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr (GString) joined = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (g_utf8_strlen (start, p - start) >= 5)
        {
          g_autofree char *word = g_strndup (start, p - start);
          char *folded = g_utf8_strdown (word, -1);

          /* Not g_hash_table_add () alone: for a word seen before it frees
           * the key already listed in @chosen and keeps the new one. */
          if (g_hash_table_contains (words, folded))
            {
              g_free (folded);
              continue;
            }
          g_hash_table_add (words, folded);
          g_ptr_array_add (chosen, folded);
        }
    }
  if (chosen->len == 0)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < chosen->len && i < 24; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, chosen->pdata[i]);
    }
  return dup_match_query (joined->str, " OR ", FALSE);
}

GPtrArray *
ls_sqlite_store_find_similar_cases (LsStore *store,
                                    const char *case_uuid,
                                    guint limit,
                                    GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (LsStmt) stmt = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *match = NULL;
  gint64 case_id;

  stmt = ls_sqlite_get_stmt (
      &self->reader,
      "SELECT cases.id, case_fts.body, case_fts.journal "
      "FROM cases JOIN case_fts ON case_fts.rowid = cases.id "
      "WHERE cases.uuid = ?",
      error);
  if (stmt == NULL)
    return NULL;
  ls_sqlite_bind_text (stmt, 1, case_uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      return NULL;
    }
  case_id = sqlite3_column_int64 (stmt, 0);
  g_string_append (text, (const char *) sqlite3_column_text (stmt, 1));
  g_string_append_c (text, ' ');
  g_string_append (text, (const char *) sqlite3_column_text (stmt, 2));
  g_clear_pointer (&stmt, ls_sqlite_stmt_release);

  match = dup_similar_query (text->str);
  /* Ranked: the registration number weighs most, then the case texts. */
  return run_match (self,
                    "SELECT " SUMMARY_COLUMNS " FROM case_fts "
                    "JOIN cases ON cases.id = case_fts.rowid "
                    "WHERE case_fts MATCH ? AND case_fts.rowid != ? "
                    "ORDER BY bm25 (case_fts, 10.0, 2.0, 1.0) LIMIT ?",
                    match, case_id, limit, error);
}
