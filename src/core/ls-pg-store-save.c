/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-enum-types.h"
#include "ls-journal-item.h"
#include "ls-model.h"
#include "ls-pg-store-private.h"
#include "ls-rules.h"

/* Saving cases on PostgreSQL, as on SQLite: a case row holds the case as
 * JSON with the columns derived from it; documented items are rows of
 * the append-only journal; every changed field is a row of the history.
 * Two people may have one case open: each row has a revision, and a case
 * remembers the revision it was loaded at, so that a save made on a
 * stale one is refused instead of undoing the other's.
 *
 * A round trip to the server costs more than the work of a row, so the
 * rows a save reads are read first for every case of the save (an
 * LsPgSaveContext: the case rows, locked, their documented items, new
 * ids and the routines), and what it writes is sent in libpq's pipeline
 * mode and confirmed once a case: an import of a thousand cases waits
 * for the server about once a case. */

static void
row_free (LsPgRow *row)
{
  g_free (row->id);
  g_free (row->json);
  g_free (row->saved_by);
  g_free (row->saved_at);
  g_free (row);
}

static void
item_free (LsPgItem *item)
{
  g_free (item->uuid_key);
  g_free (item->id);
  g_free (item->case_id);
  g_free (item->json);
  g_free (item);
}

void
ls_pg_save_context_free (LsPgSaveContext *context)
{
  g_clear_pointer (&context->rows, g_hash_table_unref);
  g_clear_pointer (&context->items, g_hash_table_unref);
  g_clear_pointer (&context->case_items, g_hash_table_unref);
  g_clear_pointer (&context->case_ids, g_ptr_array_unref);
  g_clear_pointer (&context->item_ids, g_ptr_array_unref);
  g_clear_object (&context->routines);
  g_free (context->me);
  g_free (context);
}

/* The elements of a bigint[] as the server prints it: "{1,2,3}". */
static GPtrArray *
split_array (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *inner = g_strndup (text + 1, strlen (text) - 2);
  g_auto (GStrv) parts = g_strsplit (inner, ",", -1);

  for (guint i = 0; *inner != '\0' && parts[i] != NULL; i++)
    g_ptr_array_add (out, g_strdup (parts[i]));
  return out;
}

static void
add_item (LsPgSaveContext *context, LsPgItem *item)
{
  GPtrArray *list = g_hash_table_lookup (context->case_items, item->case_id);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (context->case_items, g_strdup (item->case_id), list);
    }
  g_ptr_array_add (list, item);
  g_hash_table_insert (context->items, g_strdup (item->uuid_key), item);
}

static void
read_rows (LsPgSaveContext *context, PGresult *rows, PGresult *items)
{
  for (int i = 0; i < PQntuples (rows); i++)
    {
      LsPgRow *row = g_new0 (LsPgRow, 1);

      row->id = ls_pg_dup_value (rows, i, 1);
      row->json = ls_pg_dup_value (rows, i, 2);
      row->revision = ls_pg_int_value (rows, i, 3);
      row->saved_by = ls_pg_dup_value (rows, i, 4);
      row->saved_at = ls_pg_dup_value (rows, i, 5);
      g_hash_table_insert (context->rows, ls_pg_dup_value (rows, i, 0), row);
    }
  for (int i = 0; i < PQntuples (items); i++)
    {
      LsPgItem *item = g_new0 (LsPgItem, 1);

      item->uuid_key = ls_pg_dup_value (items, i, 0);
      item->id = ls_pg_dup_value (items, i, 1);
      item->case_id = ls_pg_dup_value (items, i, 2);
      item->json = ls_pg_dup_value (items, i, 3);
      add_item (context, item);
    }
}

/* With @organisation, the organisation is read in the same round trip. */
static LsPgSaveContext *
save_context_new (LsPgStore *self,
                  GPtrArray *cases,
                  const char *author,
                  LsOrganisation **organisation,
                  GError **error)
{
  LsPgSaveContext *context = g_new0 (LsPgSaveContext, 1);
  g_autoptr (GPtrArray) uuids = g_ptr_array_new ();
  g_autoptr (GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr (PGresult) rows = NULL;
  g_autoptr (PGresult) items = NULL;
  g_autoptr (PGresult) fresh = NULL;
  g_autoptr (PGresult) routines = NULL;
  g_autoptr (PGresult) organisation_row = NULL;
  g_autofree char *uuid_list = NULL;
  g_autofree char *item_list = NULL;
  g_autofree char *n_cases = g_strdup_printf ("%u", cases->len);
  g_autofree char *n_items = NULL;
  guint n_given = 0;

  context->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) row_free);
  context->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) item_free);
  context->case_items = g_hash_table_new_full (
      g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  /* The uuids are the cases' own: they live as long as the context. */
  for (guint i = 0; i < cases->len; i++)
    {
      GListModel *journal = G_LIST_MODEL (ls_investigation_get_journal (
          ls_case_get_investigation (cases->pdata[i])));

      g_ptr_array_add (uuids, (gpointer) ls_case_get_uuid (cases->pdata[i]));
      for (guint k = 0; k < g_list_model_get_n_items (journal); k++)
        {
          g_autoptr (LsJournalItem) item = g_list_model_get_item (journal, k);
          const char *corrects = ls_journal_item_get_corrects (item);

          g_ptr_array_add (wanted, (gpointer) ls_journal_item_get_uuid (item));
          if (corrects != NULL)
            g_ptr_array_add (wanted, (gpointer) corrects);
          n_given++;
        }
    }
  uuid_list = ls_pg_dup_array_literal (uuids);
  item_list = ls_pg_dup_array_literal (wanted);
  n_items = g_strdup_printf ("%u", n_given);

  {
    const char *case_params[] = { uuid_list };
    const char *item_params[] = { item_list, uuid_list };
    const char *fresh_params[] = { author, n_cases, n_items };

    /* Four reads, sent together: the case rows, locked until the commit
     * (a colleague's save of the same case waits, and then finds the
     * revision this one makes); the documented items the cases name (a
     * correction may name another case's) and every item of the stored
     * cases; the session's name and ids for every row that may be new,
     * taken from the sequences so that what is written next needs no
     * answer (an id not used is a gap, as a rolled back insert leaves);
     * and the routines, for a holder concerned by a report with nobody
     * named to take over needs attention too. */
    if (!ls_pg_defer_read (&self->writer,
                           "SELECT uuid, id, json, revision, saved_by, "
                           "saved_at FROM cases WHERE uuid = ANY ($1::text[]) "
                           "FOR UPDATE",
                           1, case_params, error) ||
        !ls_pg_defer_read (&self->writer,
                           /* Two indexed halves: an OR of the two would
                            * read the whole journal. */
                           "SELECT uuid, id, case_id, json FROM journal "
                           "WHERE uuid = ANY ($1::text[]) UNION "
                           "SELECT uuid, id, case_id, json FROM journal "
                           "WHERE case_id IN (SELECT id FROM cases "
                           "WHERE uuid = ANY ($2::text[])) ORDER BY id",
                           2, item_params, error) ||
        !ls_pg_defer_read (&self->writer,
                           "SELECT coalesce ((SELECT name FROM people "
                           "WHERE role = session_user), $1), "
                           "ARRAY (SELECT nextval ('cases_id_seq') "
                           "FROM generate_series (1, $2::integer)), "
                           "ARRAY (SELECT nextval ('journal_id_seq') "
                           "FROM generate_series (1, $3::integer))",
                           3, fresh_params, error) ||
        !ls_pg_defer_read (&self->writer,
                           "SELECT json FROM register_routines ORDER BY seq", 0,
                           NULL, error) ||
        (organisation != NULL &&
         !ls_pg_defer_read (&self->writer,
                            "SELECT json FROM organisation WHERE id = 1", 0,
                            NULL, error)) ||
        !ls_pg_flush (&self->writer, error))
      goto fail;
  }
  rows = ls_pg_steal_kept (&self->writer, 0);
  items = ls_pg_steal_kept (&self->writer, 1);
  fresh = ls_pg_steal_kept (&self->writer, 2);
  routines = ls_pg_steal_kept (&self->writer, 3);

  read_rows (context, rows, items);
  context->me = ls_pg_dup_value (fresh, 0, 0);
  context->case_ids = split_array (PQgetvalue (fresh, 0, 1));
  context->item_ids = split_array (PQgetvalue (fresh, 0, 2));
  context->routines = ls_pg_store_routines_from_rows (routines, error);
  if (context->routines == NULL)
    goto fail;
  if (organisation != NULL)
    {
      organisation_row = ls_pg_steal_kept (&self->writer, 4);
      *organisation = ls_store_organisation_from_text (
          PQntuples (organisation_row) > 0 ? PQgetvalue (organisation_row, 0, 0)
                                           : NULL,
          error);
      if (*organisation == NULL)
        goto fail;
    }
  return context;

fail:
  ls_pg_save_context_free (context);
  return NULL;
}

/**
 * ls_pg_save_context_new:
 * @cases: (element-type LsCase): the cases about to be saved
 * @author: who saves, when the server knows no name for the session
 *
 * Inside a transaction of the writer: reads what saving @cases needs, in
 * one round trip whatever their number.
 */
LsPgSaveContext *
ls_pg_save_context_new (LsPgStore *self,
                        GPtrArray *cases,
                        const char *author,
                        GError **error)
{
  return save_context_new (self, cases, author, NULL, error);
}

/**
 * ls_pg_save_context_dup_case:
 * @uuid: a case of the save
 * @stored: (out) (transfer full) (nullable): the case as the save's
 *   transaction holds it (its row, locked, and its documented items,
 *   with what the transaction has written since); %NULL when it holds
 *   none
 *
 * Read from what @context holds, with no round trip.
 */
gboolean
ls_pg_save_context_dup_case (LsPgSaveContext *context,
                             const char *uuid,
                             LsCase **stored,
                             GError **error)
{
  LsPgRow *row = g_hash_table_lookup (context->rows, uuid);
  g_autoptr (JsonObject) object = NULL;
  GPtrArray *items;
  JsonArray *journal;

  *stored = NULL;
  if (row == NULL)
    return TRUE;
  object = ls_store_object_from_string (row->json, error);
  if (object == NULL)
    return FALSE;
  journal = ls_pg_store_add_journal (object);
  items = g_hash_table_lookup (context->case_items, row->id);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      JsonObject *item = ls_store_object_from_string (
          ((LsPgItem *) items->pdata[i])->json, error);

      if (item == NULL)
        return FALSE;
      json_array_add_object_element (journal, item);
    }
  *stored = ls_case_new_from_json (object, NULL, error);
  return *stored != NULL;
}

/* ---- Writing ------------------------------------------------------------ */

typedef struct
{
  LsPgStore *self;
  const char *case_id;
  const char *when;
  const char *who;
  const char *why;
} HistoryTarget;

static gboolean
add_history_cb (const char *field,
                const char *old_value,
                const char *new_value,
                gpointer user_data,
                GError **error)
{
  HistoryTarget *t = user_data;
  const char *params[] = { t->case_id, t->when, field, old_value,
                           new_value,  t->who,  t->why };

  return ls_pg_defer (&t->self->writer,
                      "INSERT INTO history (case_id, at, field, old, new, "
                      "who, why) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                      7, params, FALSE, error);
}

/* Two items are the same whatever their authors say: on a shared
 * database the server writes who documented an item, from the session,
 * and no client can change it afterwards. */
static gboolean
same_item_but_author (const char *stored, const char *json)
{
  g_autoptr (JsonNode) a = NULL;
  g_autoptr (JsonNode) b = NULL;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (ls_store_same_item (stored, json))
    return TRUE;
  a = json_from_string (stored, NULL);
  b = json_from_string (json, NULL);
  if (a == NULL || b == NULL || !JSON_NODE_HOLDS_OBJECT (a) ||
      !JSON_NODE_HOLDS_OBJECT (b))
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *object = json_node_get_object (i == 0 ? a : b);

      json_object_remove_member (object, "author_name");
      json_object_remove_member (object, "author_title");
    }
  ta = json_to_string (a, FALSE);
  tb = json_to_string (b, FALSE);
  return ls_store_same_item (ta, tb) || json_node_equal (a, b);
}

static gboolean
insert_journal_item (HistoryTarget *t,
                     LsPgSaveContext *context,
                     LsJournalItem *item,
                     const char *json,
                     const char *revision,
                     gboolean quiet,
                     gboolean *changed,
                     GError **error)
{
  const char *uuid = ls_journal_item_get_uuid (item);
  const char *corrects = ls_journal_item_get_corrects (item);
  const char *documented_on = ls_journal_item_get_documented_on (item);
  const char *text = ls_journal_item_get_text (item);
  LsPgItem *found = g_hash_table_lookup (context->items, uuid);
  LsPgItem *target = NULL;
  LsPgItem *added;

  if (found != NULL)
    {
      /* An item is part of one case only. */
      if (!g_str_equal (found->case_id, t->case_id))
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("A documented item of another case cannot be part "
                          "of this one; add it as a new item."));
          return FALSE;
        }
      return same_item_but_author (found->json, json) ||
             ls_store_journal_changed_error (error);
    }

  if (corrects != NULL)
    {
      target = g_hash_table_lookup (context->items, corrects);
      if (target == NULL)
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("A correction points at a documented item that "
                          "does not exist."));
          return FALSE;
        }
    }

  added = g_new0 (LsPgItem, 1);
  added->uuid_key = g_strdup (uuid);
  added->id = g_strdup (context->item_ids->pdata[context->next_item++]);
  added->case_id = g_strdup (t->case_id);
  added->json = g_strdup (json);
  add_item (context, added);
  {
    const char *params[] = { added->id,
                             uuid,
                             t->case_id,
                             target != NULL ? target->id : NULL,
                             documented_on != NULL ? documented_on : t->when,
                             text != NULL ? text : "",
                             json,
                             revision };

    if (!ls_pg_defer (&t->self->writer,
                      "INSERT INTO journal (id, uuid, case_id, corrects, "
                      "documented_at, text, json, revision) "
                      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                      8, params, FALSE, error))
      return FALSE;
  }
  *changed = TRUE;
  if (quiet)
    return TRUE;
  return add_history_cb ("investigation.journal", NULL, uuid, t, error);
}

static gboolean
save_journal (HistoryTarget *t,
              LsPgSaveContext *context,
              GListModel *journal,
              GPtrArray *item_json,
              const char *revision,
              const LsStoreSeen *seen,
              gboolean quiet,
              GString *added_text,
              gboolean *added,
              GError **error)
{
  g_autoptr (GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *stored = g_hash_table_lookup (context->case_items, t->case_id);
  guint n_stored = stored != NULL ? stored->len : 0;

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr (LsJournalItem) item = g_list_model_get_item (journal, i);
      gboolean inserted = FALSE;

      g_hash_table_add (given, (gpointer) ls_journal_item_get_uuid (item));
      if (!insert_journal_item (t, context, item, item_json->pdata[i], revision,
                                quiet, &inserted, error))
        return FALSE;
      if (inserted)
        {
          g_string_append_c (added_text, ' ');
          ls_model_collect_text (G_OBJECT (item), added_text);
          *added = TRUE;
        }
    }

  /* Nothing documented may go missing from a case; what a colleague
   * documented after this case was loaded is not missing from it. */
  for (guint i = 0; i < n_stored; i++)
    {
      LsPgItem *item = stored->pdata[i];

      if (!g_hash_table_contains (given, item->uuid_key) &&
          (seen == NULL ||
           g_ascii_strtoll (item->id, NULL, 10) <= seen->journal_mark))
        return ls_store_journal_changed_error (error);
    }
  return TRUE;
}

static gboolean
write_attention (HistoryTarget *t,
                 LsPgSaveContext *context,
                 LsCase *lcase,
                 LsOrganisation *organisation,
                 gboolean new_case,
                 GError **error)
{
  g_autoptr (GArray) rows = NULL;
  const char *clear[] = { t->case_id };

  if (!new_case && !ls_pg_defer (&t->self->writer,
                                 "DELETE FROM attention WHERE case_id = $1", 1,
                                 clear, FALSE, error))
    return FALSE;
  rows = ls_store_attention_rows (lcase, organisation, context->routines);
  for (guint i = 0; i < rows->len; i++)
    {
      const LsRulesAttention *row = &g_array_index (rows, LsRulesAttention, i);
      g_autofree char *step = ls_store_dup_enum_nick (LS_TYPE_STEP, row->step);
      const char *params[] = { t->case_id, step, row->due };

      if (!ls_pg_defer (&t->self->writer,
                        "INSERT INTO attention (case_id, step, due) "
                        "VALUES ($1, $2, $3)",
                        3, params, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
stale_error (LsPgRow *row, GError **error)
{
  g_autoptr (GDateTime) parsed =
      row->saved_at != NULL ? g_date_time_new_from_iso8601 (row->saved_at, NULL)
                            : NULL;
  g_autoptr (GDateTime) local =
      parsed != NULL ? g_date_time_to_local (parsed) : NULL;
  g_autofree char *when =
      local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

  /* Translators: the first %s is a person's name, the second a date and
   * time. */
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_STALE,
               _ ("%s saved this case at %s, after you opened it. Your "
                  "changes were not saved and are kept here: reload the "
                  "case and make them again."),
               row->saved_by != NULL ? row->saved_by : _ ("Someone"),
               when != NULL ? when : "?");
  return FALSE;
}

static gboolean
write_row (LsPgStore *self,
           LsPgSaveContext *context,
           LsCase *lcase,
           const char *case_id,
           gboolean new_case,
           const char *json,
           GString *search_text,
           const char *when,
           GError **error)
{
  g_auto (LsDerived) derived = { 0 };
  g_autofree char *folded = NULL;
  g_autofree char *words = NULL;

  ls_store_derive (lcase, &derived, g_strdup (search_text->str));
  words = g_strconcat (
      ls_case_get_regno (lcase) != NULL ? ls_case_get_regno (lcase) : "", " ",
      derived.search_text, NULL);
  folded = ls_store_fold_words (words);
  {
    const char *params[] = { ls_case_get_regno (lcase),
                             when,
                             json,
                             derived.status,
                             derived.unit,
                             derived.kind,
                             derived.title,
                             derived.received_at,
                             derived.next_deadline,
                             derived.search_text,
                             folded,
                             context->me,
                             ls_case_get_uuid (lcase),
                             case_id };

    /* An update that finds no row was refused by row-level security:
     * the case is not this role's to change. */
    return ls_pg_defer (
        &self->writer,
        new_case
            ? "INSERT INTO cases (regno, updated_at, json, status, unit, "
              "kind, title, received_at, next_deadline, search_text, "
              "search_folded, saved_by, saved_at, uuid, id) VALUES ($1, $2, "
              "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $2, $13, $14)"
            : "UPDATE cases SET regno = $1, updated_at = $2, json = $3, "
              "status = $4, unit = $5, kind = $6, title = $7, "
              "received_at = $8, next_deadline = $9, search_text = $10, "
              "search_folded = $11, saved_by = $12, saved_at = $2, "
              "revision = revision + 1 WHERE uuid = $13 AND id = $14",
        14, params, !new_case, error);
  }
}

/**
 * ls_pg_store_save_case_locked:
 * @context: what ls_pg_save_context_new() read for the case
 * @record: the case, checked and serialised (ls_store_record_new())
 * @why: (nullable): why, for a change after a conclusion or a
 *   notification
 *
 * Saves one case inside a transaction of the writer.  What it writes is
 * sent and not yet confirmed: the caller flushes the writer
 * (ls_pg_flush()) before it reports the case saved.
 */
gboolean
ls_pg_store_save_case_locked (LsPgStore *self,
                              LsPgSaveContext *context,
                              LsStoreRecord *record,
                              LsOrganisation *organisation,
                              const char *author,
                              const char *why,
                              const char *when,
                              LsPgSaveFlags flags,
                              gboolean *changed,
                              GError **error)
{
  LsCase *lcase = record->lcase;
  GListModel *journal = G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)));
  GString *search_text = record->search_text;
  g_autoptr (GString) added_text = g_string_new (NULL);
  GPtrArray *item_json = record->item_json;
  const char *json = record->json;
  g_autofree char *new_id = NULL;
  g_autofree char *revision = NULL;
  LsPgRow *row = g_hash_table_lookup (context->rows, ls_case_get_uuid (lcase));
  const LsStoreSeen *seen = ls_store_get_seen (lcase);
  const char *case_id;
  gboolean row_changed;
  gboolean journal_added = FALSE;
  gboolean history_given = (flags & LS_PG_SAVE_HISTORY_GIVEN) != 0;
  HistoryTarget target = { self, NULL, when, author, why };
  HistoryTarget late = { self, NULL, when, author, NULL };
  GPtrArray *stored_items;

  if (!ls_store_record_check (record, error))
    return FALSE;

  if (row != NULL)
    case_id = row->id;
  else
    case_id = new_id =
        g_strdup (context->case_ids->pdata[context->next_case++]);
  target.case_id = late.case_id = case_id;
  stored_items = g_hash_table_lookup (context->case_items, case_id);

  row_changed = row == NULL || !ls_store_same_record (row->json, json);
  if (row_changed && (flags & LS_PG_SAVE_CHECK_REVISION) && seen != NULL &&
      row != NULL && row->revision != seen->revision)
    return stale_error (row, error);
  if (row != NULL &&
      !ls_store_check_change (row->json, lcase, row_changed,
                              stored_items != NULL ? stored_items->len : 0,
                              (flags & LS_PG_SAVE_IMPORT) != 0, &why, error))
    return FALSE;
  target.why = why;

  revision = g_strdup_printf ("%" G_GINT64_FORMAT,
                              row != NULL ? row->revision + row_changed : 1);
  if (row_changed)
    {
      if (!write_row (self, context, lcase, case_id, row == NULL, json,
                      search_text, when, error))
        return FALSE;
      *changed = TRUE;
      if (row == NULL)
        {
          /* A case that arrives with its history is already recorded
           * there, from its creation on. */
          if (!history_given &&
              !add_history_cb ("case", NULL, ls_case_get_regno (lcase), &target,
                               error))
            return FALSE;
        }
      else if (!ls_store_diff_texts (row->json, json, add_history_cb, &target,
                                     error) ||
               !ls_store_record_late_duties (row->json, lcase, add_history_cb,
                                             &late, error))
        return FALSE;
    }

  if (!save_journal (&target, context, journal, item_json, revision, seen,
                     row == NULL && history_given, added_text, &journal_added,
                     error))
    return FALSE;
  if (journal_added && !row_changed)
    {
      /* Only new documented items: they never conflict with a
       * colleague's, and their words join the case's search text. */
      g_autofree char *folded = ls_store_fold_words (added_text->str);
      const char *params[] = { when, folded, case_id };

      if (!ls_pg_defer (&self->writer,
                        "UPDATE cases SET updated_at = $1, "
                        "search_folded = search_folded || ' ' || $2 "
                        "WHERE id = $3",
                        3, params, TRUE, error))
        return FALSE;
      *changed = TRUE;
    }

  if (*changed && !write_attention (&target, context, lcase, organisation,
                                    row == NULL, error))
    return FALSE;

  if (*changed)
    {
      GPtrArray *items = g_hash_table_lookup (context->case_items, case_id);
      LsStoreSeen now = { g_ascii_strtoll (revision, NULL, 10), 0 };

      /* A document that names the case again finds it as saved now. */
      if (row == NULL)
        {
          row = g_new0 (LsPgRow, 1);
          row->id = g_strdup (case_id);
          g_hash_table_insert (context->rows,
                               g_strdup (ls_case_get_uuid (lcase)), row);
        }
      g_free (row->json);
      row->json = g_steal_pointer (&record->json);
      row->revision = now.revision;
      g_free (row->saved_by);
      row->saved_by = g_strdup (context->me);
      g_free (row->saved_at);
      row->saved_at = g_strdup (when);

      for (guint i = 0; items != NULL && i < items->len; i++)
        now.journal_mark = MAX (
            now.journal_mark,
            g_ascii_strtoll (((LsPgItem *) items->pdata[i])->id, NULL, 10));
      /* Known to the case only once the commit confirms it. */
      context->seen = now;
    }
  return TRUE;
}

/* A save's first round trip: the transaction begun with everything it
 * reads.  Nothing is written yet, so that a connection found lost on the
 * way is made again and the whole sent once more, as a statement outside
 * a transaction is. */
static gboolean
begin_save (LsPgStore *self,
            GPtrArray *cases,
            const char *author,
            LsOrganisation **organisation,
            LsPgSaveContext **context,
            GError **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr (GError) local_error = NULL;

      if (ls_pg_begin_deferred (self, &local_error) &&
          (*context = save_context_new (self, cases, author, organisation,
                                        &local_error)) != NULL)
        return TRUE;
      ls_pg_rollback (self);
      if (attempt > 0 || PQstatus (self->writer.conn) == CONNECTION_OK)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("Connecting to the shared case database again");
    }
}

static gboolean
save_case (LsStore *store,
           LsCase *lcase,
           const char *author,
           const char *why,
           LsPgSaveFlags flags,
           GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autofree char *when = ls_store_now_iso ();
  g_autoptr (GPtrArray) cases = g_ptr_array_new ();
  g_autoptr (LsStoreRecord) record = NULL;
  LsPgSaveContext *context = NULL;
  gboolean changed = FALSE;
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);

  g_ptr_array_add (cases, lcase);
  if (begin_save (self, cases, author, &organisation, &context, error))
    record = ls_store_record_new (lcase, organisation);
  if (record == NULL ||
      !ls_pg_store_save_case_locked (self, context, record, organisation,
                                     author, why, when, flags, &changed,
                                     error) ||
      !ls_pg_commit (self, error))
    {
      g_clear_pointer (&context, ls_pg_save_context_free);
      ls_pg_rollback (self);
      if (error != NULL && *error != NULL &&
          g_error_matches (*error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE))
        g_prefix_error (error, "regno: ");
      return FALSE;
    }
  if (changed)
    ls_store_set_seen (lcase, &context->seen);
  ls_pg_save_context_free (context);
  ls_pg_store_note_writer (self);
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  if (changed)
    ls_store_emit_changed (store, ls_case_get_uuid (lcase));
  return TRUE;
}

/* Without a reason, a change after a conclusion or a notification is
 * refused as ls_store_save_case_why() refuses it. */
static gboolean
ls_pg_store_save_case (LsStore *store,
                       LsCase *lcase,
                       const char *author,
                       GError **error)
{
  return save_case (store, lcase, author, NULL, LS_PG_SAVE_CHECK_REVISION,
                    error);
}

static gboolean
ls_pg_store_save_case_why (LsStore *store,
                           LsCase *lcase,
                           const char *author,
                           const char *why,
                           GError **error)
{
  return save_case (store, lcase, author, why, LS_PG_SAVE_CHECK_REVISION,
                    error);
}

void
ls_pg_store_class_init_save (LsStoreClass *klass)
{
  klass->save_case = ls_pg_store_save_case;
  klass->save_case_why = ls_pg_store_save_case_why;
}
