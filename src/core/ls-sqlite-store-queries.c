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

/* The user's words are matched in these columns of the search index,
 * never in its filter's terms. */
#define WORD_COLUMNS "{regno body journal} : "

/* A term of the filter's column: @head and @value's bytes in hexadecimal,
 * as SQLite's hex () writes them in LS_SQLITE_FILTER_TERMS_SQL. */
static void
append_filter_term (GString *match, const char *head, const char *value)
{
  g_string_append_printf (match, " AND filter : \"%s", head);
  for (const guchar *c = (const guchar *) value; c != NULL && *c != '\0'; c++)
    g_string_append_printf (match, "%02X", *c);
  g_string_append_c (match, '"');
}

/* The search of the list's keystrokes: every word quoted and matched as
 * a prefix, the words longer than the prefix indexes as the terms they
 * start, and with @filter, the terms of @query's filter.  %NULL when there
 * are no words or no case can match.  The caller holds the reader's
 * mutex. */
static char *
dup_search_match (LsSqliteStore *self,
                  const LsStoreQuery *query,
                  gboolean filter)
{
  g_autoptr (GPtrArray) words = split_match_words (query->search);
  g_autoptr (GString) match = g_string_new (WORD_COLUMNS "(");
  gsize empty = match->len;

  for (guint i = 0; i < words->len; i++)
    {
      gsize before;

      /* Said: FTS5 takes no AND left out beside a parenthesis. */
      if (match->len > empty)
        g_string_append (match, " AND ");
      before = match->len;
      if (!append_terms_of_word (self, match, words->pdata[i]))
        return NULL;
      if (match->len == before)
        g_string_append_printf (match, "\"%s\"*", (char *) words->pdata[i]);
    }
  if (match->len == empty)
    return NULL;
  g_string_append_c (match, ')');
  if (filter && query->status != NULL)
    append_filter_term (match, LS_SQLITE_FILTER_STATUS, query->status);
  if (filter && query->unit != NULL)
    append_filter_term (match, LS_SQLITE_FILTER_UNIT, query->unit);
  if (filter && query->with_deadline)
    append_filter_term (match, LS_SQLITE_FILTER_DEADLINE, NULL);
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
       * limit stopped anything.  From the search index alone, the
       * filter's terms included (schema 9): each case has its row there,
       * and looking up each match's case was most of the count's time at
       * 100,000 cases. */
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
  /* Every case: the number the database keeps (schema 8). */
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
  if (has_match && (match = dup_search_match (self, query, TRUE)) == NULL)
    return 0;
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
  /* The filter is the SQL's here: the words alone. */
  if (has_match && (match = dup_search_match (self, query, FALSE)) == NULL)
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

/* From the search index alone, the filter's terms included (2 ms for the
 * newest 1,001 matches of a common word at 100,000 cases), each looked up
 * in the summaries' index for the order's value if asked.  With a filter
 * that few cases pass, FTS5 steps from one of its cases to the next in
 * both lists of terms, skipping the rest: up to schema 8 each match was
 * looked up in the summaries' index until enough passed, or the ids of
 * every case that passed were read, which grew with the file. */
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

  match = dup_search_match (self, query, TRUE);
  if (match == NULL)
    return g_steal_pointer (&ids);
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
  g_autofree char *words_match = NULL;
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
  words_match = join_match_query (words, " OR ", FALSE);
  match = words_match != NULL
              ? g_strconcat (WORD_COLUMNS "(", words_match, ")", NULL)
              : NULL;
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
