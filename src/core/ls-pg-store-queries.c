/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-import-check.h"
#include "ls-pg-store-private.h"

/* Lists, counts, searches and exchange documents on PostgreSQL.  Lists
 * read on the reader, which MVCC never makes wait for a write; an import
 * is one transaction of the writer, an export one snapshot. */

#define SUMMARY_COLUMNS                                                        \
  "cases.uuid, cases.regno, cases.status, cases.unit, cases.kind, "            \
  "cases.title, cases.received_at, cases.next_deadline, cases.updated_at"

static GPtrArray *
read_summaries (PGresult *rows)
{
  GPtrArray *summaries = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < PQntuples (rows); i++)
    {
      const char *c[9];

      for (int k = 0; k < 9; k++)
        c[k] = PQgetisnull (rows, i, k) ? NULL : PQgetvalue (rows, i, k);
      g_ptr_array_add (summaries,
                       ls_case_summary_new (c[0], c[1], c[2], c[3], c[4], c[5],
                                            c[6], c[7], c[8]));
    }
  return summaries;
}

/* Words as a tsquery of the 'simple' configuration, folded as the search
 * column is: only letters and digits reach it, so nothing the user types
 * is query syntax.  NULL when there are no words. */
static char *
dup_tsquery (GPtrArray *words, const char *joiner, gboolean prefix)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *folded = ls_store_fold_words (words->pdata[i]);

      if (*folded == '\0')
        continue;
      if (query->len > 0)
        g_string_append (query, joiner);
      g_string_append (query, folded);
      if (prefix)
        g_string_append (query, ":*");
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static char *
dup_search_query (const char *text)
{
  g_autoptr (GPtrArray) words = ls_store_split_words (text);

  return dup_tsquery (words, " & ", TRUE);
}

/* The order of a list, as the indexes of schema 3 hold it. */
static const char *
list_order (LsStoreOrder order)
{
  switch (order)
    {
    case LS_STORE_ORDER_RECEIVED:
      return " ORDER BY received_at DESC NULLS LAST, id DESC";
    case LS_STORE_ORDER_DEADLINE:
      return " ORDER BY (next_deadline IS NULL), next_deadline, id";
    case LS_STORE_ORDER_REGNO:
      return " ORDER BY regno NULLS FIRST, id";
    case LS_STORE_ORDER_UPDATED:
    default:
      return " ORDER BY updated_at DESC, id DESC";
    }
}

/* A page after a key (see LsStoreKey): the rows of its group after it,
 * found by a comparison of rows that the order's index answers as a
 * range.  The rows without a value are few and read by their ids. */
static void
append_key_sql (GString *sql,
                LsStoreOrder order,
                const LsStoreKey *key,
                GPtrArray *params)
{
  const char *column;
  gboolean descending;
  const char *later;
  guint after;

  column = ls_store_order_column (order, &descending);
  later = descending ? "<" : ">";

  g_string_append_printf (sql, " AND %s IS %sNULL", column,
                          key->nulls ? "" : "NOT ");
  if (key->uuid != NULL)
    {
      g_ptr_array_add (params, (gpointer) key->uuid);
      after = params->len;
      if (key->nulls)
        g_string_append_printf (sql,
                                " AND id %s (SELECT id FROM cases "
                                "WHERE uuid = $%u)",
                                later, after);
      else
        {
          g_ptr_array_add (params, (gpointer) key->value);
          g_string_append_printf (
              sql,
              " AND (%s%s, id) %s (%s$%u, (SELECT id FROM cases "
              "WHERE uuid = $%u))",
              order == LS_STORE_ORDER_DEADLINE ? "(next_deadline IS NULL), "
                                               : "",
              column, later, order == LS_STORE_ORDER_DEADLINE ? "false, " : "",
              params->len, after);
        }
    }
  if (key->nulls)
    g_string_append_printf (sql, " ORDER BY id%s", descending ? " DESC" : "");
  else
    g_string_append (sql, list_order (order));
}

static gboolean
is_filtered (const LsStoreQuery *query)
{
  return query->status != NULL || query->unit != NULL || query->with_deadline;
}

/* @query's filter and @match (if not %NULL) as conditions appended to
 * @sql, their values to @params.  Only the parts the filter has: the
 * server then sees which of the indexes of schema 5 may serve it. */
static void
append_filter_sql (GString *sql,
                   const LsStoreQuery *query,
                   const char *match,
                   GPtrArray *params)
{
  if (query->status != NULL)
    {
      g_ptr_array_add (params, (gpointer) query->status);
      g_string_append_printf (sql, " AND status = $%u", params->len);
    }
  if (query->unit != NULL)
    {
      g_ptr_array_add (params, (gpointer) query->unit);
      g_string_append_printf (sql, " AND unit = $%u", params->len);
    }
  if (query->with_deadline)
    g_string_append (sql, " AND next_deadline IS NOT NULL");
  if (match != NULL)
    {
      g_ptr_array_add (params, (gpointer) match);
      g_string_append_printf (
          sql, " AND search_vector @@ to_tsquery ('simple', $%u)", params->len);
    }
}

/* The newest matches of @match that pass @query's filter, at most
 * @limit, with the order's @column if it is not %NULL.  With a filter the
 * server chooses, by its estimates of the words and of the filter,
 * between reading the table from its newest case, the newest cases of
 * the filter's index (schema 5) and the search index's matches with the
 * filter's: a filter that few cases pass with a word in most of them is
 * read from the filter's index, each case tested for the words. */
static char *
build_search_sql (const LsStoreQuery *query,
                  const char *match,
                  const char *column,
                  guint limit,
                  GPtrArray *params)
{
  GString *sql = g_string_new ("SELECT id");

  if (column != NULL)
    g_string_append_printf (sql, ", %s", column);
  g_string_append (sql, " FROM cases WHERE TRUE");
  append_filter_sql (sql, query, match, params);
  g_string_append_printf (sql, " ORDER BY id DESC LIMIT %u", limit);
  return g_string_free (sql, FALSE);
}

/* The statement of a list or a count, with its parameters in @params.
 * A list's page is found among the ids alone, which the server reads
 * from the order's index without the rows: the rows it skips are never
 * read, only the page's. */
static char *
build_list_sql (const LsStoreQuery *query,
                const LsStoreKey *key,
                gboolean count,
                GPtrArray *params,
                char **match)
{
  GString *sql = g_string_new (count ? "SELECT count(*) FROM cases WHERE TRUE"
                                     : "SELECT id FROM cases WHERE TRUE");

  *match = query->search != NULL ? dup_search_query (query->search) : NULL;
  if (count && *match != NULL && is_filtered (query))
    {
      /* With a filter, the search cut at the limit and one more, as on
       * SQLite: the count and the matches listed are read alike. */
      g_autofree char *search = build_search_sql (
          query, *match, NULL, LS_STORE_SEARCH_COUNT_LIMIT + 1, params);

      g_string_printf (sql, "SELECT count(*) FROM (%s) AS matched", search);
      return g_string_free (sql, FALSE);
    }
  append_filter_sql (sql, query, *match, params);
  if (count && *match != NULL)
    {
      /* Counted up to the limit and one more, by the server's function
       * of schema 3 (see there why). */
      g_ptr_array_set_size (params, 0);
      g_ptr_array_add (params, *match);
      g_ptr_array_add (params, (gpointer) query->status);
      g_ptr_array_add (params, (gpointer) query->unit);
      g_string_printf (sql,
                       "SELECT lexsarah_count_matches (to_tsquery ('simple', "
                       "$1), $2::text, $3::text, %s, %d)",
                       query->with_deadline ? "TRUE" : "FALSE",
                       LS_STORE_SEARCH_COUNT_LIMIT + 1);
    }
  if (!count)
    {
      const char *order = list_order (query->order);

      if (key != NULL)
        append_key_sql (sql, query->order, key, params);
      else
        g_string_append (sql, order);
      g_ptr_array_add (params, NULL); /* the limit and the offset */
      g_ptr_array_add (params, NULL);
      g_string_append_printf (sql, " LIMIT $%u OFFSET $%u", params->len - 1,
                              params->len);
      g_string_prepend (sql,
                        "SELECT " SUMMARY_COLUMNS " FROM cases WHERE id IN (");
      g_string_append_printf (sql, ")%s", order);
    }
  return g_string_free (sql, FALSE);
}

/* The count of every case is kept, as on SQLite: it is asked by every
 * window and would read every row.  It is counted again when our writer
 * or another client (through LISTEN) has committed since, or when the
 * sequence of the cases' ids has moved: a colleague's new case is
 * counted at once, before its NOTIFY arrives. */
static gint64
ls_pg_store_count_cases (LsStore *store,
                         const LsStoreQuery *query,
                         GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  g_autofree char *match = NULL;
  g_autofree char *sql = build_list_sql (query, NULL, TRUE, params, &match);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (PGresult) rows = NULL;
  g_autoptr (PGresult) last = NULL;
  gboolean every_case = query->status == NULL && query->unit == NULL &&
                        match == NULL && !query->with_deadline;
  int generation = g_atomic_int_get (&self->generation);
  gint64 last_id = -1;

  /* Without a listener, other clients' changes go unheard. */
  if (every_case && self->listener != NULL)
    {
      /* A role that may not read the sequence counts every time. */
      last = ls_pg_query (&self->reader,
                          "SELECT coalesce (pg_sequence_last_value "
                          "('cases_id_seq'), 0)",
                          0, NULL, NULL);
      if (last != NULL)
        last_id = ls_pg_int_value (last, 0, 0);
      if (last_id >= 0 && self->n_cases >= 0 &&
          self->n_cases_generation == generation &&
          self->n_cases_last_id == last_id)
        return self->n_cases;
    }
  rows = ls_pg_query (&self->reader, sql, params->len,
                      (const char *const *) params->pdata, error);
  if (rows == NULL)
    return -1;
  if (every_case)
    {
      self->n_cases = last_id >= 0 ? ls_pg_int_value (rows, 0, 0) : -1;
      self->n_cases_generation = generation;
      self->n_cases_last_id = last_id;
    }
  return ls_pg_int_value (rows, 0, 0);
}

static GPtrArray *
ls_pg_store_list_cases (LsStore *store,
                        const LsStoreQuery *query,
                        const LsStoreKey *key,
                        guint offset,
                        guint limit,
                        GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  g_autofree char *match = NULL;
  g_autofree char *sql = build_list_sql (query, key, FALSE, params, &match);
  g_autofree char *limit_text = g_strdup_printf ("%u", limit);
  g_autofree char *offset_text = g_strdup_printf ("%u", offset);
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (PGresult) rows = NULL;

  params->pdata[params->len - 2] = limit_text;
  params->pdata[params->len - 1] = offset_text;
  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  rows = ls_pg_query (&self->reader, sql, params->len,
                      (const char *const *) params->pdata, error);
  return rows != NULL ? read_summaries (rows) : NULL;
}

static GPtrArray *
ls_pg_store_list_attention (LsStore *store, guint limit, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autofree char *limit_text = g_strdup_printf ("%u", limit);
  const char *params[] = { limit_text };
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (PGresult) rows = NULL;

  rows = ls_pg_query (
      &self->reader,
      "SELECT " SUMMARY_COLUMNS " FROM cases JOIN "
      "(SELECT case_id, min (coalesce (due, '9999')) AS first "
      " FROM attention GROUP BY case_id) AS a "
      "ON a.case_id = cases.id ORDER BY a.first, cases.id LIMIT $1",
      1, params, error);
  return rows != NULL ? read_summaries (rows) : NULL;
}

/* Newest first (see build_search_sql()).  The order's column comes from
 * the rows the filter reads anyway. */
static GArray *
ls_pg_store_search_ids (LsStore *store,
                        const LsStoreQuery *query,
                        guint limit,
                        GPtrArray *keys,
                        GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autofree char *match = dup_search_query (query->search);
  g_autoptr (GPtrArray) params = g_ptr_array_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (PGresult) rows = NULL;
  g_autofree char *sql = NULL;
  gboolean descending;

  if (match == NULL)
    return g_steal_pointer (&ids);
  sql = build_search_sql (
      query, match,
      keys != NULL ? ls_store_order_column (query->order, &descending) : NULL,
      limit, params);
  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  rows = ls_pg_query (&self->reader, sql, params->len,
                      (const char *const *) params->pdata, error);
  if (rows == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (rows); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (rows, i, 0), NULL, 10);

      g_array_append_val (ids, id);
      if (keys != NULL)
        g_ptr_array_add (keys, PQgetisnull (rows, i, 1)
                                   ? NULL
                                   : g_strdup (PQgetvalue (rows, i, 1)));
    }
  return g_steal_pointer (&ids);
}

static gboolean
ls_pg_store_read_summaries (LsStore *store,
                            const gint64 *ids,
                            guint n_ids,
                            GPtrArray *summaries,
                            GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GString) array = g_string_new ("{");
  g_autoptr (GHashTable) places =
      g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (PGresult) rows = NULL;
  g_autoptr (GPtrArray) found = NULL;
  const char *params[1];

  for (guint i = 0; i < n_ids; i++)
    {
      g_string_append_printf (array, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              ids[i]);
      g_hash_table_insert (places, (gpointer) &ids[i], GUINT_TO_POINTER (i));
    }
  g_string_append_c (array, '}');
  params[0] = array->str;
  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  rows = ls_pg_query (&self->reader,
                      "SELECT " SUMMARY_COLUMNS ", cases.id FROM cases "
                      "WHERE cases.id = ANY ($1::bigint[])",
                      1, params, error);
  if (rows == NULL)
    return FALSE;
  found = read_summaries (rows);
  for (int i = 0; i < PQntuples (rows); i++)
    {
      /* The id, after the summary's columns. */
      gint64 id = g_ascii_strtoll (PQgetvalue (rows, i, PQnfields (rows) - 1),
                                   NULL, 10);
      guint place = GPOINTER_TO_UINT (g_hash_table_lookup (places, &id));

      summaries->pdata[place] = g_object_ref (found->pdata[i]);
    }
  return TRUE;
}

/* Ranked by how many of the telling words another case shares; the
 * registration number is left out of the words compared. */
static GPtrArray *
ls_pg_store_find_similar_cases (LsStore *store,
                                const char *case_uuid,
                                guint limit,
                                GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autofree char *limit_text = g_strdup_printf ("%u", limit);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (PGresult) row = NULL;
  g_autoptr (PGresult) rows = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_autofree char *match = NULL;
  const char *params[] = { case_uuid, NULL, NULL };

  row = ls_pg_query (&self->reader,
                     "SELECT id, search_folded FROM cases WHERE uuid = $1", 1,
                     params, error);
  if (row == NULL)
    return NULL;
  if (PQntuples (row) == 0)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      return NULL;
    }
  words = ls_store_similar_words (PQgetvalue (row, 0, 1));
  match = dup_tsquery (words, " | ", FALSE);
  if (match == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  params[0] = match;
  params[1] = PQgetvalue (row, 0, 0);
  params[2] = limit_text;
  /* Earlier means earlier (5 kap. 2 § 6), as on SQLite: only cases
   * received no later than this one, those of its own unit first, then
   * by rank.  A case of another unit is still offered; the caller says it
   * is from elsewhere. */
  rows = ls_pg_query (
      &self->reader,
      "SELECT " SUMMARY_COLUMNS " FROM cases, "
      "(SELECT unit, received_at::timestamptz AS received FROM cases "
      " WHERE id = $2) AS this "
      "WHERE search_vector @@ to_tsquery ('simple', $1) AND cases.id != $2 "
      "AND (cases.received_at IS NULL OR this.received IS NULL "
      "  OR cases.received_at::timestamptz <= this.received) "
      "ORDER BY cases.unit IS DISTINCT FROM this.unit, "
      "ts_rank (search_vector, to_tsquery ('simple', $1)) DESC, cases.id "
      "LIMIT $3",
      3, params, error);
  return rows != NULL ? read_summaries (rows) : NULL;
}

/* ---- Exchange documents ------------------------------------------------- */

/* How many cases of a document are read, and what saving them needs
 * read from the server, at a time. */
#define IMPORT_CHUNK 500

/* How many cases an import sends before it waits for the server to
 * confirm them: the server works on them while the next are made ready,
 * and its answers never fill the socket. */
#define IMPORT_FLUSH 50

/* Saves case @index of a chunk: its row and items sent, its history and
 * attachments.  What is sent is tagged with @index, so that a failure
 * confirmed later still names the case.  A case the document holds
 * wrongly is said in @error as it is; a failure to save it goes to
 * @save_error, which the caller says is the case's. */
static gboolean
import_case (LsPgStore *self,
             LsPgSaveContext *context,
             LsStoreRecord *record,
             JsonObject *element,
             guint index,
             LsOrganisation *organisation,
             const char *author,
             const char *when,
             guint *changed_count,
             GError **error,
             GError **save_error)
{
  LsCase *lcase = record->lcase;
  g_autofree char *path = g_strdup_printf ("cases[%u]", index);
  JsonArray *history = NULL;
  JsonArray *attachments = NULL;
  LsPgSaveFlags flags = LS_PG_SAVE_IMPORT;
  gboolean changed = FALSE;
  g_autoptr (LsCase) stored = NULL;

  /* Checked against the case as the import's transaction holds it. */
  if (!ls_pg_save_context_dup_case (context, ls_case_get_uuid (lcase), &stored,
                                    error) ||
      !ls_import_check_case (stored, lcase, index, error))
    return FALSE;
  if (!ls_store_extras_member (element, "history", path, &history, error) ||
      !ls_store_extras_member (element, "attachments", path, &attachments,
                               error))
    return FALSE;
  if (history != NULL)
    flags |= LS_PG_SAVE_HISTORY_GIVEN;
  self->writer.tag = (int) index;
  if (!ls_pg_store_save_case_locked (self, context, record, organisation,
                                     author, NULL, when, flags, &changed,
                                     save_error) ||
      !ls_pg_store_import_case_extras (self, ls_case_get_uuid (lcase), history,
                                       attachments, path, &changed, save_error))
    return FALSE;
  if (changed)
    (*changed_count)++;
  return TRUE;
}

/* Cases @first to @last (not included) of the document.  The cases before
 * one that cannot be read are saved first: the fault reported is the
 * first in the document, as on SQLite. */
static gboolean
import_chunk (LsPgStore *self,
              JsonArray *cases,
              LsImportReader *reader,
              guint first,
              guint last,
              LsOrganisation *organisation,
              const char *author,
              const char *when,
              guint *changed_count,
              GError **error)
{
  g_autoptr (GPtrArray) records =
      g_ptr_array_new_with_free_func ((GDestroyNotify) ls_store_record_free);
  g_autoptr (GPtrArray) read = g_ptr_array_new ();
  g_autoptr (GError) read_error = NULL;
  GError *local_error = NULL;
  LsPgSaveContext *context;
  gboolean ok = TRUE;
  guint failed = first;

  for (guint i = first; i < last; i++)
    {
      LsStoreRecord *record = ls_import_reader_next (reader, &read_error);

      if (record == NULL)
        break;
      g_ptr_array_add (records, record);
      g_ptr_array_add (read, record->lcase);
    }
  last = first + records->len;
  if (records->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  context = ls_pg_save_context_new (self, read, author, error);
  if (context == NULL)
    return FALSE;
  for (guint i = first; ok && i < last; i++)
    {
      ok = import_case (self, context, records->pdata[i - first],
                        json_array_get_object_element (cases, i), i,
                        organisation, author, when, changed_count, error,
                        &local_error) &&
           ((i + 1 - first) % IMPORT_FLUSH != 0 ||
            ls_pg_flush (&self->writer, &local_error));
      failed = i;
    }
  if (ok)
    ok = ls_pg_flush (&self->writer, &local_error);
  self->writer.tag = -1;
  ls_pg_save_context_free (context);
  if (!ok && local_error != NULL)
    {
      /* The case whose statement the server refused, when it was sent
       * before the one being saved. */
      if (self->writer.failed_tag >= (int) first)
        failed = (guint) self->writer.failed_tag;
      if (g_error_matches (local_error, LS_STORE_ERROR,
                           LS_STORE_ERROR_DUPLICATE))
        g_prefix_error (&local_error, "regno: ");
      ls_store_import_case_error (read->pdata[failed - first], failed,
                                  local_error, error);
    }
  if (ok && read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      ok = FALSE;
    }
  if (ok)
    {
      for (guint i = 0; i < records->len; i++)
        ls_import_reader_done (reader, records->pdata[i]);
      g_ptr_array_set_free_func (records, NULL);
    }
  return ok;
}

static gboolean
import_locked (gpointer backend,
               LsOrganisation *imported,
               JsonObject *root,
               JsonArray *cases,
               const char *author,
               guint *changed_count,
               guint *people_changed,
               GError **error)
{
  LsPgStore *self = backend;
  g_autofree char *when = ls_store_now_iso ();
  g_autoptr (LsOrganisation) organisation =
      ls_pg_store_load_organisation_on (&self->writer, error);
  g_autoptr (LsImportReader) reader = NULL;
  guint n = json_array_get_length (cases);

  if (organisation == NULL)
    return FALSE;
  if (imported != NULL)
    {
      if (!ls_import_check_organisation (organisation, imported, error))
        return FALSE;
      if (ls_store_organisation_differs (organisation, imported) &&
          !ls_pg_store_save_organisation_locked (self, imported, error))
        return FALSE;
      g_set_object (&organisation, imported);
    }

  /* The reader reads the next cases while the server writes these. */
  reader = ls_import_reader_new (cases, organisation);
  for (guint first = 0; first < n; first += IMPORT_CHUNK)
    if (!import_chunk (self, cases, reader, first,
                       MIN (first + IMPORT_CHUNK, n), organisation, author,
                       when, changed_count, error))
      return FALSE;
  g_clear_pointer (&reader, ls_import_reader_free);
  /* No stored case may be left pointing at a unit the organisation no
   * longer has. */
  if (imported != NULL &&
      !ls_import_check_units (LS_STORE (self), organisation, error))
    return FALSE;
  /* The register after the cases, so that a unit the document removes is
   * named as the organisation's fault first. */
  return ls_pg_store_import_people_locked (self, root, organisation,
                                           people_changed, error);
}

static gboolean
ls_pg_store_import_document (LsStore *store,
                             JsonNode *document,
                             const char *author,
                             guint *n_changed,
                             GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  const LsStoreImportIO io = {
    .backend = self,
    .mutex = &self->writer.mutex,
    /* The same calls as the register's driver, taking the store. */
    .begin = (gboolean (*) (gpointer, GError **)) ls_pg_begin,
    .import = import_locked,
    .commit = (gboolean (*) (gpointer, GError **)) ls_pg_commit,
    .rollback = (void (*) (gpointer)) ls_pg_rollback,
    .committed = (void (*) (gpointer)) ls_pg_store_note_writer,
  };

  return ls_store_import_with (store, &io, document, author, n_changed, error);
}

static gboolean
export_locked (LsPgStore *self,
               LsOrganisation **organisation,
               LsPeopleRegister **register_,
               JsonArray *cases,
               GError **error)
{
  g_autoptr (PGresult) ids = NULL;

  *organisation = ls_pg_store_load_organisation_on (&self->reader, error);
  if (*organisation == NULL)
    return FALSE;
  *register_ = ls_pg_store_load_people_on (&self->reader, FALSE, error);
  if (*register_ == NULL)
    return FALSE;
  ids = ls_pg_query (&self->reader, "SELECT uuid, id FROM cases ORDER BY id", 0,
                     NULL, error);
  if (ids == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (ids); i++)
    {
      g_autoptr (LsCase) lcase = ls_pg_store_load_case_on (
          &self->reader, "uuid", PQgetvalue (ids, i, 0), error);

      JsonObject *json;

      if (lcase == NULL)
        return FALSE;
      json = ls_case_to_json (lcase);
      json_array_add_object_element (cases, json);
      if (!ls_pg_store_export_case_extras (self, PQgetvalue (ids, i, 1), json,
                                           error))
        return FALSE;
    }
  return TRUE;
}

/* One snapshot of a read-only transaction on the reader. */
static JsonNode *
ls_pg_store_export_document (LsStore *store, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (JsonArray) cases = json_array_new ();
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  gboolean ok;

  if (!ls_pg_run (&self->reader,
                  "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL,
                  error))
    return NULL;
  self->reader.in_transaction = TRUE;
  ok = export_locked (self, &organisation, &register_, cases, error);
  self->reader.in_transaction = FALSE;
  if (PQstatus (self->reader.conn) == CONNECTION_OK)
    PQclear (PQexec (self->reader.conn, "COMMIT"));
  if (!ok)
    return NULL;
  return ls_store_build_document (organisation, register_,
                                  g_steal_pointer (&cases));
}

void
ls_pg_store_class_init_queries (LsStoreClass *klass)
{
  klass->count_cases = ls_pg_store_count_cases;
  klass->list_cases = ls_pg_store_list_cases;
  klass->list_attention = ls_pg_store_list_attention;
  klass->search_ids = ls_pg_store_search_ids;
  klass->read_summaries = ls_pg_store_read_summaries;
  klass->find_similar_cases = ls_pg_store_find_similar_cases;
  klass->import_document = ls_pg_store_import_document;
  klass->export_document = ls_pg_store_export_document;
}
