/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-enum-types.h"
#include "ls-journal-item.h"
#include "ls-model.h"
#include "ls-pg-store-private.h"
#include "ls-requirement.h"
#include "ls-rules.h"

/* Cases on PostgreSQL, as on SQLite: a case row holds the case as JSON
 * with the columns derived from it; documented items are rows of the
 * append-only journal; every changed field is a row of the history.  Two
 * people may have one case open: each row has a revision, and a case
 * remembers the revision it was loaded at, so that a save made on a
 * stale one is refused instead of undoing the other's. */

static void
set_seen (LsCase *lcase, gint64 revision, gint64 journal_mark)
{
  LsStoreSeen seen = { revision, journal_mark };

  ls_store_set_seen (lcase, &seen);
}

/* ---- Saving ------------------------------------------------------------- */

typedef struct
{
  LsPgStore *self;
  const char *case_id;
  const char *when;
  const char *who;
} HistoryTarget;

static gboolean
add_history_cb (const char *field,
                const char *old_value,
                const char *new_value,
                gpointer user_data,
                GError **error)
{
  HistoryTarget *t = user_data;
  const char *params[] = { t->case_id, t->when,   field,
                           old_value,  new_value, t->who };

  return ls_pg_run (&t->self->writer,
                    "INSERT INTO history (case_id, at, field, old, new, who) "
                    "VALUES ($1, $2, $3, $4, $5, $6)",
                    6, params, error);
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
                     LsJournalItem *item,
                     const char *json,
                     const char *revision,
                     gboolean *changed,
                     GError **error)
{
  const char *uuid = ls_journal_item_get_uuid (item);
  const char *corrects = ls_journal_item_get_corrects (item);
  const char *documented_on = ls_journal_item_get_documented_on (item);
  const char *text = ls_journal_item_get_text (item);
  g_autoptr (PGresult) found = NULL;
  g_autofree char *corrects_id = NULL;
  const char *lookup[] = { uuid };

  found = ls_pg_query (&t->self->writer,
                       "SELECT id, json, case_id FROM journal WHERE uuid = $1",
                       1, lookup, error);
  if (found == NULL)
    return FALSE;
  if (PQntuples (found) > 0)
    {
      /* An item is part of one case only. */
      if (!g_str_equal (PQgetvalue (found, 0, 2), t->case_id))
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("A documented item of another case cannot be part "
                          "of this one; add it as a new item."));
          return FALSE;
        }
      return same_item_but_author (PQgetvalue (found, 0, 1), json) ||
             ls_store_journal_changed_error (error);
    }

  if (corrects != NULL)
    {
      g_autoptr (PGresult) target = NULL;
      const char *key[] = { corrects };

      target =
          ls_pg_query (&t->self->writer,
                       "SELECT id FROM journal WHERE uuid = $1", 1, key, error);
      if (target == NULL)
        return FALSE;
      if (PQntuples (target) == 0)
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("A correction points at a documented item that "
                          "does not exist."));
          return FALSE;
        }
      corrects_id = ls_pg_dup_value (target, 0, 0);
    }

  {
    const char *params[] = { uuid,
                             t->case_id,
                             corrects_id,
                             documented_on != NULL ? documented_on : t->when,
                             text != NULL ? text : "",
                             json,
                             revision };

    if (!ls_pg_run (&t->self->writer,
                    "INSERT INTO journal (uuid, case_id, corrects, "
                    "documented_at, text, json, revision) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    7, params, error))
      return FALSE;
  }
  *changed = TRUE;
  return add_history_cb ("investigation.journal", NULL, uuid, t, error);
}

static gboolean
save_journal (HistoryTarget *t,
              GListModel *journal,
              GPtrArray *item_json,
              const char *revision,
              const LsStoreSeen *seen,
              gboolean new_case,
              GString *added_text,
              gboolean *added,
              GError **error)
{
  g_autoptr (GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (PGresult) stored = NULL;
  const char *params[] = { t->case_id };

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr (LsJournalItem) item = g_list_model_get_item (journal, i);
      gboolean inserted = FALSE;

      g_hash_table_add (given, (gpointer) ls_journal_item_get_uuid (item));
      if (!insert_journal_item (t, item, item_json->pdata[i], revision,
                                &inserted, error))
        return FALSE;
      if (inserted)
        {
          g_string_append_c (added_text, ' ');
          ls_model_collect_text (G_OBJECT (item), added_text);
          *added = TRUE;
        }
    }
  if (new_case)
    return TRUE;

  /* Nothing documented may go missing from a case; what a colleague
   * documented after this case was loaded is not missing from it. */
  stored = ls_pg_query (&t->self->writer,
                        "SELECT uuid, id FROM journal WHERE case_id = $1", 1,
                        params, error);
  if (stored == NULL)
    return FALSE;
  for (int row = 0; row < PQntuples (stored); row++)
    if (!g_hash_table_contains (given, PQgetvalue (stored, row, 0)) &&
        (seen == NULL ||
         ls_pg_int_value (stored, row, 1) <= seen->journal_mark))
      return ls_store_journal_changed_error (error);
  return TRUE;
}

static gboolean
write_attention (HistoryTarget *t,
                 LsCase *lcase,
                 LsOrganisation *organisation,
                 GError **error)
{
  g_autoptr (GPtrArray) requirements = NULL;
  const char *clear[] = { t->case_id };

  if (!ls_pg_run (&t->self->writer, "DELETE FROM attention WHERE case_id = $1",
                  1, clear, error))
    return FALSE;
  requirements = ls_store_attention_requirements (lcase, organisation, NULL);
  for (guint i = 0; i < requirements->len; i++)
    {
      LsRequirement *requirement = requirements->pdata[i];
      g_autofree char *step = ls_store_dup_enum_nick (
          LS_TYPE_STEP, ls_requirement_get_step (requirement));
      const char *params[] = { t->case_id, step,
                               ls_requirement_get_due (requirement) };

      if (!ls_pg_run (&t->self->writer,
                      "INSERT INTO attention (case_id, step, due) "
                      "VALUES ($1, $2, $3)",
                      3, params, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
stale_error (PGresult *row, GError **error)
{
  g_autofree char *who = ls_pg_dup_value (row, 0, 3);
  g_autofree char *at = ls_pg_dup_value (row, 0, 4);
  g_autoptr (GDateTime) parsed =
      at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
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
               who != NULL ? who : _ ("Someone"), when != NULL ? when : "?");
  return FALSE;
}

gboolean
ls_pg_store_save_case_locked (LsPgStore *self,
                              LsCase *lcase,
                              LsOrganisation *organisation,
                              const char *author,
                              const char *when,
                              gboolean check_revision,
                              gboolean *changed,
                              GError **error)
{
  GListModel *journal = G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)));
  g_autoptr (GString) search_text = g_string_new (NULL);
  g_autoptr (GString) added_text = g_string_new (NULL);
  g_autoptr (GPtrArray) item_json = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *json = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *saved_by = NULL;
  g_autoptr (PGresult) row = NULL;
  const LsStoreSeen *seen = ls_store_get_seen (lcase);
  const char *lookup[] = { ls_case_get_uuid (lcase), author };
  gboolean row_changed;
  gboolean journal_added = FALSE;
  HistoryTarget target = { self, NULL, when, author };

  if (!ls_rules_validate (lcase, organisation, NULL, error))
    return FALSE;
  json = ls_store_serialize_case (lcase, item_json, search_text);

  /* The row is locked until the commit: a colleague's save of the same
   * case waits, and then finds the revision this one makes. */
  row = ls_pg_query (&self->writer,
                     "SELECT id, json, revision, saved_by, saved_at, "
                     "coalesce ((SELECT name FROM people "
                     "WHERE role = session_user), $2) "
                     "FROM cases WHERE uuid = $1 FOR UPDATE",
                     2, lookup, error);
  if (row == NULL)
    return FALSE;
  if (PQntuples (row) > 0)
    {
      case_id = ls_pg_dup_value (row, 0, 0);
      old_text = ls_pg_dup_value (row, 0, 1);
      revision = ls_pg_dup_value (row, 0, 2);
      saved_by = ls_pg_dup_value (row, 0, 5);
    }
  else
    {
      g_autoptr (PGresult) me =
          ls_pg_query (&self->writer,
                       "SELECT coalesce ((SELECT name FROM people "
                       "WHERE role = session_user), $1)",
                       1, lookup + 1, error);

      if (me == NULL)
        return FALSE;
      saved_by = ls_pg_dup_value (me, 0, 0);
    }

  row_changed = old_text == NULL || !ls_store_same_record (old_text, json);
  if (row_changed && check_revision && seen != NULL && revision != NULL &&
      ls_pg_int_value (row, 0, 2) != seen->revision)
    return stale_error (row, error);

  if (row_changed)
    {
      g_auto (LsDerived) derived = { 0 };
      g_autoptr (PGresult) written = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *words = NULL;

      ls_store_derive (lcase, &derived, g_strdup (search_text->str));
      words = g_strconcat (
          ls_case_get_regno (lcase) != NULL ? ls_case_get_regno (lcase) : "",
          " ", derived.search_text, NULL);
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
                                 saved_by,
                                 ls_case_get_uuid (lcase) };

        written = ls_pg_query (
            &self->writer,
            old_text == NULL
                ? "INSERT INTO cases (regno, updated_at, json, status, unit, "
                  "kind, title, received_at, next_deadline, search_text, "
                  "search_folded, saved_by, saved_at, uuid) VALUES ($1, $2, "
                  "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $2, $13) "
                  "RETURNING id, revision"
                : "UPDATE cases SET regno = $1, updated_at = $2, json = $3, "
                  "status = $4, unit = $5, kind = $6, title = $7, "
                  "received_at = $8, next_deadline = $9, search_text = $10, "
                  "search_folded = $11, saved_by = $12, saved_at = $2, "
                  "revision = revision + 1 WHERE uuid = $13 "
                  "RETURNING id, revision",
            13, params, error);
      }
      if (written == NULL)
        {
          if (error != NULL && *error != NULL &&
              g_error_matches (*error, LS_STORE_ERROR,
                               LS_STORE_ERROR_DUPLICATE))
            g_prefix_error (error, "regno: ");
          return FALSE;
        }
      if (PQntuples (written) == 0)
        {
          /* Row-level security: the case is not this role's to change. */
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED,
                       _ ("Your role in the shared case database does not "
                          "allow changing this case. Nothing was changed."));
          return FALSE;
        }
      g_free (case_id);
      case_id = ls_pg_dup_value (written, 0, 0);
      g_free (revision);
      revision = ls_pg_dup_value (written, 0, 1);
      target.case_id = case_id;
      *changed = TRUE;
      if (old_text == NULL)
        {
          if (!add_history_cb ("case", NULL, ls_case_get_regno (lcase), &target,
                               error))
            return FALSE;
        }
      else if (!ls_store_diff_texts (old_text, json, add_history_cb, &target,
                                     error))
        return FALSE;
    }
  target.case_id = case_id;

  if (!save_journal (&target, journal, item_json, revision, seen,
                     old_text == NULL, added_text, &journal_added, error))
    return FALSE;
  if (journal_added && !row_changed)
    {
      /* Only new documented items: they never conflict with a
       * colleague's, and their words join the case's search text. */
      g_autofree char *folded = ls_store_fold_words (added_text->str);
      const char *params[] = { when, folded, case_id };

      if (!ls_pg_run (&self->writer,
                      "UPDATE cases SET updated_at = $1, "
                      "search_folded = search_folded || ' ' || $2 "
                      "WHERE id = $3",
                      3, params, error))
        return FALSE;
      *changed = TRUE;
    }

  if (*changed && !write_attention (&target, lcase, organisation, error))
    return FALSE;

  if (*changed)
    {
      g_autoptr (PGresult) mark = NULL;
      const char *params[] = { case_id };

      mark = ls_pg_query (&self->writer,
                          "SELECT coalesce (max (id), 0) FROM journal "
                          "WHERE case_id = $1",
                          1, params, error);
      if (mark == NULL)
        return FALSE;
      set_seen (lcase, g_ascii_strtoll (revision, NULL, 10),
                ls_pg_int_value (mark, 0, 0));
    }
  return TRUE;
}

static gboolean
ls_pg_store_save_case (LsStore *store,
                       LsCase *lcase,
                       const char *author,
                       GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autofree char *when = ls_store_now_iso ();
  gboolean changed = FALSE;
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);

  if (!ls_pg_begin (self, error) ||
      (organisation =
           ls_pg_store_load_organisation_on (&self->writer, error)) == NULL ||
      !ls_pg_store_save_case_locked (self, lcase, organisation, author, when,
                                     TRUE, &changed, error) ||
      !ls_pg_commit (self, error))
    {
      ls_pg_rollback (self);
      return FALSE;
    }
  ls_pg_store_note_writer (self);
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  if (changed)
    ls_store_emit_changed (store, ls_case_get_uuid (lcase));
  return TRUE;
}

/* ---- Loading ------------------------------------------------------------ */

/* The caller holds @conn's mutex.  @where is the column @key is of. */
LsCase *
ls_pg_store_load_case_on (LsPgConnection *conn,
                          const char *where,
                          const char *key,
                          GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT id, json, revision FROM cases WHERE %s = $1", where);
  g_autoptr (PGresult) row = NULL;
  g_autoptr (PGresult) items = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *params[] = { key, NULL };
  JsonObject *investigation;
  JsonArray *journal;
  LsCase *lcase;
  gint64 mark = 0;

  row = ls_pg_query (conn, sql, 1, params, error);
  if (row == NULL)
    return NULL;
  if (PQntuples (row) == 0)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      return NULL;
    }
  object = ls_store_object_from_string (PQgetvalue (row, 0, 1), error);
  if (object == NULL)
    return NULL;
  investigation = json_object_get_object_member (object, "investigation");
  if (investigation == NULL)
    {
      investigation = json_object_new ();
      json_object_set_object_member (object, "investigation", investigation);
    }
  journal = json_array_new ();
  json_object_set_array_member (investigation, "journal", journal);

  params[0] = PQgetvalue (row, 0, 0);
  items = ls_pg_query (conn,
                       "SELECT json, id FROM journal WHERE case_id = $1 "
                       "ORDER BY id",
                       1, params, error);
  if (items == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (items); i++)
    {
      JsonObject *item =
          ls_store_object_from_string (PQgetvalue (items, i, 0), error);

      if (item == NULL)
        return NULL;
      json_array_add_object_element (journal, item);
      mark = MAX (mark, ls_pg_int_value (items, i, 1));
    }

  lcase = ls_case_new_from_json (object, NULL, error);
  if (lcase != NULL)
    set_seen (lcase, ls_pg_int_value (row, 0, 2), mark);
  return lcase;
}

static LsCase *
load_by (LsStore *store, const char *where, const char *key, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return ls_pg_store_load_case_on (&self->reader, where, key, error);
}

static LsCase *
ls_pg_store_load_case (LsStore *store, const char *uuid, GError **error)
{
  return load_by (store, "uuid", uuid, error);
}

static LsCase *
ls_pg_store_find_case_by_regno (LsStore *store,
                                const char *regno,
                                GError **error)
{
  return load_by (store, "regno", regno, error);
}

static GPtrArray *
ls_pg_store_list_history (LsStore *store, const char *case_uuid, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GPtrArray) entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) ls_history_entry_free);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (PGresult) rows = NULL;
  const char *params[] = { case_uuid };

  rows = ls_pg_query (&self->reader,
                      "SELECT at, field, old, new, who FROM history "
                      "WHERE case_id = (SELECT id FROM cases WHERE uuid = $1) "
                      "ORDER BY id",
                      1, params, error);
  if (rows == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (rows); i++)
    {
      LsHistoryEntry *entry = g_new0 (LsHistoryEntry, 1);

      entry->when = ls_pg_dup_value (rows, i, 0);
      entry->field = ls_pg_dup_value (rows, i, 1);
      entry->old_value = ls_pg_dup_value (rows, i, 2);
      entry->new_value = ls_pg_dup_value (rows, i, 3);
      entry->who = ls_pg_dup_value (rows, i, 4);
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

/* ---- Organisation ------------------------------------------------------- */

gboolean
ls_pg_store_save_organisation_locked (LsPgStore *self,
                                      LsOrganisation *organisation,
                                      GError **error)
{
  g_autoptr (JsonObject) object = ls_organisation_to_json (organisation);
  g_autofree char *json = ls_store_object_to_string (object);
  const char *params[] = { json };

  return ls_pg_run (&self->writer,
                    "INSERT INTO organisation (id, json) VALUES (1, $1) "
                    "ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                    1, params, error);
}

static gboolean
ls_pg_store_save_organisation (LsStore *store,
                               LsOrganisation *organisation,
                               GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;

  if (!ls_model_validate (G_OBJECT (organisation), NULL, &bad_path,
                          &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "%s: ", bad_path);
      return FALSE;
    }

  locker = g_rec_mutex_locker_new (&self->writer.mutex);
  if (!ls_pg_begin (self, error) ||
      !ls_pg_store_save_organisation_locked (self, organisation, error) ||
      !ls_pg_commit (self, error))
    {
      ls_pg_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  ls_store_emit_changed (store, NULL);
  return TRUE;
}

/* The caller holds @conn's mutex. */
LsOrganisation *
ls_pg_store_load_organisation_on (LsPgConnection *conn, GError **error)
{
  g_autoptr (PGresult) row = NULL;
  g_autoptr (JsonObject) object = NULL;

  row = ls_pg_query (conn, "SELECT json FROM organisation WHERE id = 1", 0,
                     NULL, error);
  if (row == NULL)
    return NULL;
  if (PQntuples (row) == 0)
    return ls_organisation_new ();
  object = ls_store_object_from_string (PQgetvalue (row, 0, 0), error);
  if (object == NULL)
    return NULL;
  return ls_organisation_new_from_json (object, "organisation", error);
}

static LsOrganisation *
ls_pg_store_load_organisation (LsStore *store, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return ls_pg_store_load_organisation_on (&self->reader, error);
}

static char *
ls_pg_store_next_regno (LsStore *store, int year, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (PGresult) rows = NULL;
  g_autofree char *head = NULL;
  const char *params[1];
  gint64 highest = 0;

  organisation = ls_pg_store_load_organisation_on (&self->reader, error);
  if (organisation == NULL)
    return NULL;
  if (ls_organisation_get_regno_prefix (organisation) != NULL)
    head = g_strdup_printf (
        "%s-%04d-", ls_organisation_get_regno_prefix (organisation), year);
  else
    head = g_strdup_printf ("%04d-", year);

  /* The prefix compared as bytes: nothing in it is a pattern. */
  params[0] = head;
  rows = ls_pg_query (&self->reader,
                      "SELECT substr (regno, length ($1) + 1) FROM cases "
                      "WHERE left (regno, length ($1)) = $1 "
                      "AND substr (regno, length ($1) + 1) ~ '^[0-9]+$'",
                      1, params, error);
  if (rows == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (rows); i++)
    highest = MAX (highest, ls_pg_int_value (rows, i, 0));
  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, head, highest + 1);
}

static GStrv
ls_pg_store_dup_units_in_use (LsStore *store, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (PGresult) rows = NULL;

  rows = ls_pg_query (&self->reader,
                      "SELECT DISTINCT unit FROM cases WHERE unit IS NOT NULL",
                      0, NULL, error);
  if (rows == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (rows); i++)
    g_strv_builder_add (builder, PQgetvalue (rows, i, 0));
  return g_strv_builder_end (builder);
}

void
ls_pg_store_class_init_cases (LsStoreClass *klass)
{
  klass->save_case = ls_pg_store_save_case;
  klass->load_case = ls_pg_store_load_case;
  klass->find_case_by_regno = ls_pg_store_find_case_by_regno;
  klass->list_history = ls_pg_store_list_history;
  klass->save_organisation = ls_pg_store_save_organisation;
  klass->load_organisation = ls_pg_store_load_organisation;
  klass->next_regno = ls_pg_store_next_regno;
  klass->dup_units_in_use = ls_pg_store_dup_units_in_use;
}
