/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
join_match_query (GPtrArray *words, const char *joiner, gboolean prefix)
{
  g_autoptr (GString) query = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (query->len > 0)
        g_string_append (query, joiner);
      g_string_append_c (query, '"');
      g_string_append (query, words->pdata[i]);
      g_string_append_c (query, '"');
      if (prefix)
        g_string_append_c (query, '*');
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* A word of one letter beside longer ones is left out, as not yet typed:
 * as the start of a word it narrows the others little, and the index
 * keeps no list of the words that start with one letter, so that FTS5
 * merges those of every such word, a large part of the index ("insulin
 * n", "2022-0": 50-80 ms at 100,000 cases, five times the others).
 * Typed alone, it is still the start of a word. */
static GPtrArray *
split_match_words (const char *text)
{
  GPtrArray *words = ls_store_split_words (text);
  gboolean longer = FALSE;

  for (guint i = 0; i < words->len; i++)
    longer = longer || g_utf8_strlen (words->pdata[i], -1) > 1;
  for (guint i = words->len; longer && i > 0; i--)
    if (g_utf8_strlen (words->pdata[i - 1], -1) == 1)
      g_ptr_array_remove_index (words, i - 1);
  return words;
}

/* Whether @text has a word to search for. */
static gboolean
has_match_words (const char *text)
{
  g_autoptr (GPtrArray) words = split_match_words (text);

  return words->len > 0;
}

/* ---- Words longer than the prefix indexes ----------------------------------
 *
 * FTS5 answers the start of a word from a prefix index of exactly its
 * length (schema 7: up to 5 characters).  A longer one it answers by
 * merging the whole lists of every term that starts with it before the
 * first row: "läkemed" took 12 ms at 100,000 cases, ten times that at a
 * million, where "läkem" takes 0.3 ms.  A list of exact terms joined by
 * OR is read lazily, newest first, and stops at the limit.  So the terms
 * that start with the first 5 characters are read from the index's
 * vocabulary once (as long as one merge), kept until the database
 * changes, and the longer words of the next keystrokes are searched as
 * the terms among them that they start. */

#define LONGEST_PREFIX 5
static gint64 read_data_version (LsSqliteStore *self, GError **error);
static GArray *search_filtered_snapshot (LsSqliteStore *self,
                                         const LsStoreQuery *query,
                                         const char *match,
                                         guint limit,
                                         GPtrArray *keys,
                                         GError **error);

/* More terms than this that start alike are searched as a prefix. */
#define MAX_PREFIX_TERMS 64

static int
add_token (
    void *tokens, int flags, const char *token, int n_token, int start, int end)
{
  g_ptr_array_add (tokens, g_strndup (token, n_token));
  return SQLITE_OK;
}

/* @word as the search index's tokenizer makes it terms (folded, without
 * diacritics), or %NULL.  The caller holds the reader's mutex. */
static GPtrArray *
index_tokens (LsSqliteStore *self, const char *word)
{
  static const char *const args[] = { "remove_diacritics", "2" };
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (LsStmt) stmt =
      ls_sqlite_get_stmt (&self->reader, "SELECT fts5 (?1)", NULL);
  fts5_api *api = NULL;
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *instance = NULL;
  void *user_data = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  if (api == NULL || api->xFindTokenizer (api, "unicode61", &user_data,
                                          &tokenizer) != SQLITE_OK)
    return NULL;
  if (tokenizer.xCreate (user_data, (const char **) args, G_N_ELEMENTS (args),
                         &instance) != SQLITE_OK)
    return NULL;
  rc = tokenizer.xTokenize (instance, tokens, FTS5_TOKENIZE_QUERY, word,
                            (int) strlen (word), add_token);
  tokenizer.xDelete (instance);
  return rc == SQLITE_OK ? g_steal_pointer (&tokens) : NULL;
}

/* The terms of the index that start with @head, at most
 * MAX_PREFIX_TERMS and one more, or %NULL.  The caller holds the reader's
 * mutex. */
static GPtrArray *
terms_starting (LsSqliteStore *self, const char *head)
{
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (LsStmt) stmt = NULL;
  g_autofree char *end = g_strconcat (head, "\xf4\x8f\xbf\xbf", NULL);
  g_autofree char *from = NULL;
  GPtrArray *known;
  gint64 version = read_data_version (self, NULL);
  int rc = SQLITE_DONE;

  if (version < 0)
    return NULL;
  if (self->prefix_terms == NULL || version != self->prefix_terms_version)
    {
      g_clear_pointer (&self->prefix_terms, g_hash_table_unref);
      self->prefix_terms = g_hash_table_new_full (
          g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
      self->prefix_terms_version = version;
    }
  known = g_hash_table_lookup (self->prefix_terms, head);
  if (known != NULL)
    return known;

  /* The vocabulary as a table of the connection's own, not the file's:
   * one row for each place of a term, so that the first of a term is
   * read without the others ("row" counts every case of each term it
   * passes: 5 ms for a head with a term in 94,000 of 100,000 cases,
   * growing with them), then the next term from just after it.  ">" would
   * step over every place of the term. */
  if (sqlite3_exec (self->reader.db,
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_places "
                    "USING fts5vocab (main, 'case_fts', 'instance')",
                    NULL, NULL, NULL) != SQLITE_OK)
    return NULL;
  stmt = ls_sqlite_get_stmt (&self->reader,
                             "SELECT term FROM temp.case_places "
                             "WHERE term >= ?1 AND term < ?2 LIMIT 1",
                             NULL);
  if (stmt == NULL)
    return NULL;
  from = g_strdup (head);
  while (terms->len <= MAX_PREFIX_TERMS)
    {
      sqlite3_reset (stmt);
      ls_sqlite_bind_text (stmt, 1, from);
      ls_sqlite_bind_text (stmt, 2, end);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        break;
      g_ptr_array_add (terms,
                       g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_free (from);
      from = g_strconcat (terms->pdata[terms->len - 1], "\x01", NULL);
    }
  if (terms->len <= MAX_PREFIX_TERMS && rc != SQLITE_DONE)
    return NULL;
  g_hash_table_insert (self->prefix_terms, g_strdup (head), terms);
  return g_steal_pointer (&terms);
}

/* @word as the terms that it starts, joined by OR, appended to @match;
 * %FALSE when no term starts with it, %TRUE with nothing appended when
 * it is better searched as a prefix. */
static gboolean
append_terms_of_word (LsSqliteStore *self, GString *match, const char *word)
{
  g_autoptr (GPtrArray) tokens = index_tokens (self, word);
  g_autofree char *head = NULL;
  GPtrArray *terms;
  gboolean any = FALSE;

  if (tokens == NULL || tokens->len != 1 ||
      g_utf8_strlen (tokens->pdata[0], -1) <= LONGEST_PREFIX)
    return TRUE;
  head = g_utf8_substring (tokens->pdata[0], 0, LONGEST_PREFIX);
  terms = terms_starting (self, head);
  if (terms == NULL || terms->len > MAX_PREFIX_TERMS)
    return TRUE;

  for (guint i = 0; i < terms->len; i++)
    if (g_str_has_prefix (terms->pdata[i], tokens->pdata[0]))
      {
        g_string_append (match, any ? " OR \"" : "(\"");
        /* A term is letters and digits; quoted all the same. */
        for (const char *c = terms->pdata[i]; *c != '\0'; c++)
          {
            if (*c == '"')
              g_string_append_c (match, '"');
            g_string_append_c (match, *c);
          }
        g_string_append_c (match, '"');
        any = TRUE;
      }
  if (any)
    g_string_append_c (match, ')');
  return any;
}

/* The search of the list's keystrokes: every word quoted and matched as
 * a prefix, the words longer than the prefix indexes as the terms they
 * start.  %NULL when there are no words or no case can match.  The
 * caller holds the reader's mutex. */
static char *
dup_search_match (LsSqliteStore *self, const char *text)
{
  g_autoptr (GPtrArray) words = split_match_words (text);
  g_autoptr (GString) match = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      gsize before;

      /* Said: FTS5 takes no AND left out beside a parenthesis. */
      if (match->len > 0)
        g_string_append (match, " AND ");
      before = match->len;
      if (!append_terms_of_word (self, match, words->pdata[i]))
        return NULL;
      if (match->len == before)
        g_string_append_printf (match, "\"%s\"*", (char *) words->pdata[i]);
    }
  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* The list's order; every one ends with the id, so that it is total. */
static const char *
order_sql (LsStoreOrder order)
{
  switch (order)
    {
    case LS_STORE_ORDER_RECEIVED:
      return " ORDER BY received_at DESC, id DESC";
    case LS_STORE_ORDER_DEADLINE:
      return " ORDER BY next_deadline IS NULL, next_deadline, id";
    case LS_STORE_ORDER_REGNO:
      return " ORDER BY regno, id";
    case LS_STORE_ORDER_UPDATED:
    default:
      return " ORDER BY updated_at DESC, id DESC";
    }
}

/* A page after a key (see LsStoreKey): the rows of its group after it,
 * in an order of one group alone, which the order's index holds as it is
 * (the order by deadline's index begins with "next_deadline IS NULL",
 * which SQLite only seeks when the query says it so). */
static void
append_key_sql (GString *sql, LsStoreOrder order, const LsStoreKey *key)
{
  const char *column;
  gboolean descending;
  const char *later;

  column = ls_store_order_column (order, &descending);
  later = descending ? "<" : ">";

  if (key->nulls)
    {
      g_string_append_printf (sql, " AND %s IS NULL", column);
      if (key->uuid != NULL)
        g_string_append_printf (sql,
                                " AND id %s (SELECT id FROM cases "
                                "WHERE uuid = :after)",
                                later);
      g_string_append_printf (sql, " ORDER BY id%s", descending ? " DESC" : "");
      return;
    }
  if (order == LS_STORE_ORDER_DEADLINE)
    g_string_append (sql, " AND (next_deadline IS NULL) = 0");
  else
    g_string_append_printf (sql, " AND %s IS NOT NULL", column);
  if (key->uuid != NULL)
    g_string_append_printf (sql,
                            " AND (%s, id) %s (:key, (SELECT id FROM cases "
                            "WHERE uuid = :after))",
                            column, later);
  g_string_append_printf (sql, " ORDER BY %s%s, id%s", column,
                          descending ? " DESC" : "", descending ? " DESC" : "");
}

static gboolean
is_filtered (const LsStoreQuery *query)
{
  return query->status != NULL || query->unit != NULL || query->with_deadline;
}

static char *
build_list_sql (const LsStoreQuery *query,
                const LsStoreKey *key,
                gboolean count,
                gboolean *has_match)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  gboolean match = query->search != NULL && has_match_words (query->search);

  *has_match = match;
  if (count && match)
    {
      /* Counted up to the limit and one more, from the search index:
       * "id IN (SELECT rowid ... MATCH)" would gather every match first,
       * tens of thousands of a common word at 100,000 cases, before the
       * limit stopped anything.  Without a filter (with one, see
       * search_filtered()), from the search index alone: each case has
       * its row there, and looking up each match's case was most of the
       * count's time at 100,000 cases. */
      g_string_append_printf (sql,
                              "SELECT count(*) FROM (SELECT 1 FROM case_fts "
                              "WHERE case_fts MATCH :match LIMIT %d)",
                              LS_STORE_SEARCH_COUNT_LIMIT + 1);
      return g_string_free (g_steal_pointer (&sql), FALSE);
    }
  /* A page: the ids of the page first, from the index of the order
   * alone, then their summaries.  The rows skipped by the offset are
   * then steps of that index, not reads of as many cases' rows, each a
   * page of its own (60 ms for the middle of 100,000 cases). */
  g_string_append (sql, count ? "SELECT count(*) FROM cases WHERE 1"
                              : "SELECT " SUMMARY_COLUMNS " FROM cases "
                                "WHERE id IN (SELECT id FROM cases WHERE 1");
  if (query->status != NULL)
    g_string_append (sql, " AND status = :status");
  if (query->unit != NULL)
    g_string_append (sql, " AND unit = :unit");
  if (query->with_deadline)
    g_string_append (sql, " AND next_deadline IS NOT NULL");
  if (match)
    g_string_append (sql, " AND id IN (SELECT rowid FROM case_fts "
                          "WHERE case_fts MATCH :match)");
  if (!count)
    {
      if (key != NULL)
        append_key_sql (sql, query->order, key);
      else
        g_string_append (sql, order_sql (query->order));
      g_string_append (sql, " LIMIT :limit OFFSET :offset)");
      g_string_append (sql, order_sql (query->order));
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* @match: the search as dup_search_match() makes it, or %NULL. */
static void
bind_query (LsStmt *stmt, const LsStoreQuery *query, const char *match)
{
  int index;

  if ((index = sqlite3_bind_parameter_index (stmt, ":status")) > 0)
    ls_sqlite_bind_text (stmt, index, query->status);
  if ((index = sqlite3_bind_parameter_index (stmt, ":unit")) > 0)
    ls_sqlite_bind_text (stmt, index, query->unit);
  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    ls_sqlite_bind_text (stmt, index, match);
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
  g_autofree char *match = NULL;
  gboolean has_match;
  gboolean every_case;
  gint64 version = -1;
  gint64 n;

  every_case = query->status == NULL && query->unit == NULL &&
               query->search == NULL && !query->with_deadline;
  has_match = query->search != NULL && has_match_words (query->search);
  /* Every case: the number the database keeps (schema 8).  A filtered
   * search counts without a statement of its own (below). */
  if (!has_match || !is_filtered (query))
    sql = every_case ? g_strdup ("SELECT n FROM case_count")
                     : build_list_sql (query, NULL, TRUE, &has_match);
  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  if (every_case)
    {
      version = read_data_version (self, error);
      if (version < 0)
        return -1;
      if (self->n_cases >= 0 && version == self->n_cases_version)
        return self->n_cases;
    }
  /* The words as the list's search has them, so that the count and the
   * matches listed agree, and a long word is not a merge of its terms. */
  if (has_match && (match = dup_search_match (self, query->search)) == NULL)
    return 0;
  if (has_match && is_filtered (query))
    {
      g_autoptr (GArray) ids = search_filtered_snapshot (
          self, query, match, LS_STORE_SEARCH_COUNT_LIMIT + 1, NULL, error);

      return ids != NULL ? (gint64) ids->len : -1;
    }
  stmt = ls_sqlite_get_stmt (&self->reader, sql, error);
  if (stmt == NULL)
    return -1;
  bind_query (stmt, query, match);
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
                            const LsStoreKey *key,
                            guint offset,
                            guint limit,
                            GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autofree char *sql = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  g_autofree char *match = NULL;
  gboolean has_match;

  sql = build_list_sql (query, key, FALSE, &has_match);
  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  if (has_match && (match = dup_search_match (self, query->search)) == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  stmt = ls_sqlite_get_stmt (&self->reader, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, match);
  if (key != NULL && key->uuid != NULL)
    {
      int index = sqlite3_bind_parameter_index (stmt, ":key");

      if (index > 0)
        ls_sqlite_bind_text (stmt, index, key->value);
      ls_sqlite_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":after"),
                           key->uuid);
    }
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"),
                      offset);
  return read_summaries (self, stmt, error);
}

/* The ids of the cases ordered by their soonest due, then by id, as on
 * PostgreSQL, read from the index on the due dates: rows come by due and
 * then case, so the first row of a case has its soonest due and the cases
 * come in their order; the walk stops as soon as @limit cases are found,
 * instead of grouping every row of the table (only the rows that share
 * the last due found are sorted by case).  The caller holds the reader's
 * mutex. */
static GArray *
first_attention_cases (LsSqliteStore *self, guint limit, GError **error)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (LsStmt) stmt = NULL;
  int rc = SQLITE_DONE;

  stmt = ls_sqlite_get_stmt (&self->reader,
                             "SELECT case_id FROM attention "
                             "ORDER BY coalesce (due, '9999'), case_id",
                             error);
  if (stmt == NULL)
    return NULL;
  while (found->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (seen, GSIZE_TO_POINTER ((gsize) id)))
        continue;
      g_array_append_val (found, id);
      g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) id));
    }
  if (found->len < limit && rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->reader, error,
                           sqlite3_extended_errcode (self->reader.db));
      return NULL;
    }
  return g_steal_pointer (&found);
}

GPtrArray *
ls_sqlite_store_list_attention (LsStore *store, guint limit, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) cases = NULL;

  if (limit == 0)
    return g_steal_pointer (&rows);
  cases = first_attention_cases (self, limit, error);
  if (cases == NULL)
    return NULL;
  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
          &self->reader,
          "SELECT " SUMMARY_COLUMNS " FROM cases WHERE cases.id = ?", error);
      g_autoptr (GPtrArray) one = NULL;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (cases, gint64, i));
      one = read_summaries (self, stmt, error);
      if (one == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (rows, g_steal_pointer (&one));
    }
  return g_steal_pointer (&rows);
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

/* ---- Searches with a filter ----------------------------------------------
 *
 * The newest matches of the words that pass a filter (a state, a unit,
 * having a deadline) are found from the search index newest first, each
 * looked up in the summaries' index until enough pass.  That is quick
 * when many pass, but a filter that few cases pass looks up most of the
 * matches of a common word before enough do: the state of 3 % of a
 * million cases with "och", in nearly all of them, took 33,000 lookups;
 * SQLite's own plan for the count, a probe of the search index for every
 * case in that state, took 0.7-1.5 s at a million.  So the first
 * SAMPLE_MATCHES matches are looked up, and how many of them pass says
 * which way is cheaper for the rest: looking up the others, or reading
 * the ids of the cases that pass the rarest part of the filter from its
 * index (a few bytes each, in order) and keeping the matches among them,
 * the search index alone giving those in order at a tenth of a lookup
 * each.  Both read one snapshot, in a transaction of the reader. */

#define SAMPLE_MATCHES 2000
/* What one row costs, in tenths of a microsecond at 100,000 cases: a
 * lookup in the summaries' index, an id read from a filter's index into
 * a set, a match read from the search index alone. */
#define COST_LOOKUP 5
#define COST_FILTER_ROW 3
#define COST_MATCH 1

enum
{
  FILTER_STATUS,
  FILTER_UNIT,
  FILTER_DEADLINE,
  N_FILTERS
};

/* Which parts of @query's filter a case passes, as bits of the FILTER_*
 * values, from the columns @first to @first + 2 of @stmt: its status,
 * unit and whether it has a deadline. */
static guint
filter_parts_passed (const LsStoreQuery *query, LsStmt *stmt, int first)
{
  const char *status = (const char *) sqlite3_column_text (stmt, first);
  const char *unit = (const char *) sqlite3_column_text (stmt, first + 1);
  guint passed = 0;

  if (query->status == NULL || g_strcmp0 (status, query->status) == 0)
    passed |= 1 << FILTER_STATUS;
  if (query->unit == NULL || g_strcmp0 (unit, query->unit) == 0)
    passed |= 1 << FILTER_UNIT;
  if (!query->with_deadline || sqlite3_column_int (stmt, first + 2) != 0)
    passed |= 1 << FILTER_DEADLINE;
  return passed;
}

#define ALL_PASSED ((1 << N_FILTERS) - 1)

static void
add_found (GArray *ids, GPtrArray *keys, gint64 id, LsStmt *stmt, int column)
{
  g_array_append_val (ids, id);
  if (keys != NULL)
    g_ptr_array_add (
        keys, g_strdup ((const char *) sqlite3_column_text (stmt, column)));
}

static gboolean
step_failed (LsSqliteStore *self, int rc, GError **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return FALSE;
  ls_sqlite_set_error (&self->reader, error,
                       sqlite3_extended_errcode (self->reader.db));
  return TRUE;
}

/* The parts of @query's filter, as bits of the FILTER_* values. */
static guint
filter_parts (const LsStoreQuery *query)
{
  return (query->status != NULL ? 1 << FILTER_STATUS : 0) |
         (query->unit != NULL ? 1 << FILTER_UNIT : 0) |
         (query->with_deadline ? 1 << FILTER_DEADLINE : 0);
}

/* Whether the index of the part @part of a filter holds the value of
 * @query's order beside each id: the state's and the unit's end with the
 * last change (the default order), the deadline's is of the deadline. */
static gboolean
index_has_order_value (const LsStoreQuery *query, guint part)
{
  return query->order == (part == FILTER_DEADLINE ? LS_STORE_ORDER_DEADLINE
                                                  : LS_STORE_ORDER_UPDATED);
}

/* Whether a match among the cases that pass the part @part of @query's
 * filter must be looked up: for the other parts, or for the order's
 * value in @keys where the part's index does not hold it. */
static gboolean
needs_lookup (const LsStoreQuery *query, guint part, GPtrArray *keys)
{
  return (filter_parts (query) & ~(1u << part)) != 0 ||
         (keys != NULL && !index_has_order_value (query, part));
}

/* The ids of the cases older than @before that pass the part @part of
 * @query's filter, as a set; with @values, each with the value of the
 * order its index holds (index_has_order_value()), kept in @values. */
static GHashTable *
read_filter_ids (LsSqliteStore *self,
                 const LsStoreQuery *query,
                 guint part,
                 gint64 before,
                 GStringChunk *values,
                 GError **error)
{
  static const char *const sql[] = {
    [FILTER_STATUS] = "SELECT id, updated_at FROM cases INDEXED BY "
                      "cases_status WHERE status = ?1 AND id < ?2",
    [FILTER_UNIT] = "SELECT id, updated_at FROM cases INDEXED BY cases_unit "
                    "WHERE unit = ?1 AND id < ?2",
    [FILTER_DEADLINE] = "SELECT id, next_deadline FROM cases INDEXED BY "
                        "cases_deadline WHERE (next_deadline IS NULL) = 0 "
                        "AND id < ?2",
  };
  g_autoptr (GHashTable) set = g_hash_table_new (NULL, NULL);
  g_autoptr (LsStmt) stmt =
      ls_sqlite_get_stmt (&self->reader, sql[part], error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (part != FILTER_DEADLINE)
    ls_sqlite_bind_text (stmt, 1,
                         part == FILTER_STATUS ? query->status : query->unit);
  sqlite3_bind_int64 (stmt, 2, before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer id = GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0));

      if (values != NULL)
        g_hash_table_insert (
            set, id,
            g_string_chunk_insert (
                values, (const char *) sqlite3_column_text (stmt, 1)));
      else
        g_hash_table_add (set, id);
    }
  if (step_failed (self, rc, error))
    return NULL;
  return g_steal_pointer (&set);
}

/* The rest of the matches older than @before that pass the filter, up to
 * @limit in all, from the cases that pass its part @part: the search
 * index's matches among them, each looked up for the other parts and the
 * order's value, unless the filter has no other part and the order's
 * value is not asked for or the part's index gave it (needs_lookup()):
 * up to a thousand lookups fewer for a count or a list of a state or a
 * unit in the default order. */
static gboolean
search_in_filter (LsSqliteStore *self,
                  const LsStoreQuery *query,
                  const char *match,
                  guint part,
                  gint64 before,
                  guint limit,
                  GArray *ids,
                  GPtrArray *keys,
                  GError **error)
{
  g_autoptr (GHashTable) set = NULL;
  g_autoptr (LsStmt) walk = NULL;
  g_autoptr (LsStmt) lookup = NULL;
  g_autofree char *lookup_sql = NULL;
  gboolean look_up = needs_lookup (query, part, keys);
  g_autoptr (GStringChunk) values =
      !look_up && keys != NULL ? g_string_chunk_new (4096) : NULL;
  gboolean descending;
  int rc;

  set = read_filter_ids (self, query, part, before, values, error);
  if (set == NULL)
    return FALSE;
  lookup_sql = g_strdup_printf (
      "SELECT status, unit, next_deadline IS NOT NULL, %s FROM cases "
      "INDEXED BY cases_summary WHERE id = ?",
      ls_store_order_column (query->order, &descending));
  walk = ls_sqlite_get_stmt (&self->reader,
                             "SELECT rowid FROM case_fts WHERE case_fts "
                             "MATCH ?1 AND rowid < ?2 ORDER BY rowid DESC",
                             error);
  lookup = ls_sqlite_get_stmt (&self->reader, lookup_sql, error);
  if (walk == NULL || lookup == NULL)
    return FALSE;
  ls_sqlite_bind_text (walk, 1, match);
  sqlite3_bind_int64 (walk, 2, before);
  while (ids->len < limit && (rc = sqlite3_step (walk)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (walk, 0);
      gpointer value = NULL;
      int found;

      if (!g_hash_table_lookup_extended (set, GSIZE_TO_POINTER ((gsize) id),
                                         NULL, &value))
        continue;
      if (!look_up)
        {
          g_array_append_val (ids, id);
          if (keys != NULL)
            g_ptr_array_add (keys, g_strdup (value));
          continue;
        }
      sqlite3_reset (lookup);
      sqlite3_bind_int64 (lookup, 1, id);
      found = sqlite3_step (lookup);
      if (step_failed (self, found, error))
        return FALSE;
      if (found == SQLITE_ROW &&
          filter_parts_passed (query, lookup, 0) == ALL_PASSED)
        add_found (ids, keys, id, lookup, 3);
    }
  return ids->len >= limit || !step_failed (self, rc, error);
}

/* The newest matches of @match that pass @query's filter, at most @limit,
 * newest first, and their values of the order's column in @keys if it is
 * not %NULL.  The caller holds the reader's mutex. */
static GArray *
search_filtered (LsSqliteStore *self,
                 const LsStoreQuery *query,
                 const char *match,
                 guint limit,
                 GPtrArray *keys,
                 GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LsStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  guint passed[N_FILTERS] = { 0 };
  guint in_filter = filter_parts (query);
  LsStoreQuery every_case = { 0 };
  guint sample = self->search_sample > 0 ? self->search_sample : SAMPLE_MATCHES;
  guint walked = 0;
  guint rarest = FILTER_STATUS;
  gint64 last = 0;
  gint64 n_cases;
  double rate, wanted, rest_lookups, rest_in_filter;
  gboolean descending;
  int rc = SQLITE_DONE;

  sql = g_strdup_printf (
      "SELECT case_fts.rowid, cases.status, cases.unit, "
      "cases.next_deadline IS NOT NULL, cases.%s FROM case_fts "
      "JOIN cases INDEXED BY cases_summary ON cases.id = case_fts.rowid "
      "WHERE case_fts MATCH ? ORDER BY case_fts.rowid DESC",
      ls_store_order_column (query->order, &descending));
  stmt = ls_sqlite_get_stmt (&self->reader, sql, error);
  if (stmt == NULL)
    return NULL;
  ls_sqlite_bind_text (stmt, 1, match);
  while (ids->len < limit && (walked < sample || rarest == N_FILTERS) &&
         (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint parts = filter_parts_passed (query, stmt, 1);

      last = sqlite3_column_int64 (stmt, 0);
      walked++;
      for (guint i = 0; i < N_FILTERS; i++)
        passed[i] += (parts >> i) & 1;
      if (parts == ALL_PASSED)
        add_found (ids, keys, last, stmt, 4);
      /* The sample taken: the way on for the rest. */
      if (walked == sample && ids->len < limit)
        {
          rarest = N_FILTERS;
          for (guint i = 0; i < N_FILTERS; i++)
            if ((in_filter >> i) & 1 &&
                (rarest == N_FILTERS || passed[i] < passed[rarest]))
              rarest = i;
          n_cases =
              ls_sqlite_store_count_cases (LS_STORE (self), &every_case, NULL);
          rate = ids->len / (double) walked;
          wanted = limit - ids->len;
          /* As many matches as it takes at the rate the sample passed,
           * or every case. */
          rest_lookups = rate > 0 ? MIN (wanted / rate, n_cases) : n_cases;
          rest_in_filter =
              rest_lookups * COST_MATCH +
              (needs_lookup (query, rarest, keys)
                   ? rest_lookups * passed[rarest] / walked * COST_LOOKUP
                   : 0) +
              (double) n_cases * passed[rarest] / walked * COST_FILTER_ROW;
          /* Not knowing how many cases there are, on as it went too. */
          if (n_cases < 0 || rest_lookups * COST_LOOKUP <= rest_in_filter)
            rarest = N_FILTERS; /* on as it went */
        }
    }
  if (step_failed (self, rc, error))
    return NULL;
  if (ids->len < limit && walked == sample && rarest < N_FILTERS &&
      rc == SQLITE_ROW)
    {
      g_clear_pointer (&stmt, ls_sqlite_stmt_release);
      if (!search_in_filter (self, query, match, rarest, last, limit, ids, keys,
                             error))
        return NULL;
    }
  return g_steal_pointer (&ids);
}

/* search_filtered() in one snapshot of the reader's. */
static GArray *
search_filtered_snapshot (LsSqliteStore *self,
                          const LsStoreQuery *query,
                          const char *match,
                          guint limit,
                          GPtrArray *keys,
                          GError **error)
{
  gboolean begun = sqlite3_get_autocommit (self->reader.db);
  GArray *ids;

  if (begun && !ls_sqlite_exec (&self->reader, "BEGIN", error))
    return NULL;
  ids = search_filtered (self, query, match, limit, keys, error);
  if (begun)
    sqlite3_exec (self->reader.db, "COMMIT", NULL, NULL, NULL);
  return ids;
}

/* Without a filter, from the search index alone (2 ms for the newest
 * 1,001 matches of a common word at 100,000 cases), each looked up in the
 * summaries' index for the order's value if asked; with one, see
 * search_filtered(). */
GArray *
ls_sqlite_store_search_ids (LsStore *store,
                            const LsStoreQuery *query,
                            guint limit,
                            GPtrArray *keys,
                            GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GString) sql = g_string_new ("SELECT case_fts.rowid");
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autofree char *match = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gboolean descending;
  int rc;

  match = dup_search_match (self, query->search);
  if (match == NULL)
    return g_steal_pointer (&ids);
  if (is_filtered (query))
    return search_filtered_snapshot (self, query, match, limit, keys, error);
  if (keys != NULL)
    g_string_append_printf (sql, ", cases.%s",
                            ls_store_order_column (query->order, &descending));
  g_string_append (sql, " FROM case_fts");
  if (keys != NULL)
    g_string_append (sql, " JOIN cases INDEXED BY cases_summary "
                          "ON cases.id = case_fts.rowid");
  g_string_append (sql, " WHERE case_fts MATCH :match "
                        "ORDER BY case_fts.rowid DESC LIMIT :limit");

  stmt = ls_sqlite_get_stmt (&self->reader, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, match);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (keys != NULL)
        g_ptr_array_add (
            keys, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->reader, error,
                           sqlite3_extended_errcode (self->reader.db));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* One lookup in the summaries' index for each id. */
gboolean
ls_sqlite_store_read_summaries (LsStore *store,
                                const gint64 *ids,
                                guint n_ids,
                                GPtrArray *summaries,
                                GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (LsStmt) stmt =
      ls_sqlite_get_stmt (&self->reader,
                          "SELECT " SUMMARY_COLUMNS " FROM cases "
                          "INDEXED BY cases_summary WHERE cases.id = ?",
                          error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        summaries->pdata[i] = summary_from_row (stmt);
      else if (rc != SQLITE_DONE)
        {
          ls_sqlite_set_error (&self->reader, error,
                               sqlite3_extended_errcode (self->reader.db));
          return FALSE;
        }
    }
  return TRUE;
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
  g_autoptr (GPtrArray) words = NULL;
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

  words = ls_store_similar_words (text->str);
  match = join_match_query (words, " OR ", FALSE);
  /* Earlier means earlier (5 kap. 2 § 6: "om något liknande har
   * inträffat i verksamheten tidigare"): only cases received no later than this
   * one, those of its own unit first, then by rank, the registration
   * number weighing most.  A case of another unit is still offered; the
   * caller says it is from elsewhere. */
  return run_match (
      self,
      "SELECT " SUMMARY_COLUMNS " FROM case_fts "
      "JOIN cases ON cases.id = case_fts.rowid "
      "WHERE case_fts MATCH ?1 AND case_fts.rowid != ?2 "
      "AND (cases.received_at IS NULL "
      "  OR (SELECT received_at FROM cases WHERE id = ?2) IS NULL "
      "  OR julianday (cases.received_at) <= "
      "     julianday ((SELECT received_at FROM cases WHERE id = ?2))) "
      "ORDER BY cases.unit IS NOT (SELECT unit FROM cases WHERE id = ?2), "
      "bm25 (case_fts, 10.0, 2.0, 1.0) LIMIT ?3",
      match, case_id, limit, error);
}
