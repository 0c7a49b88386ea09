/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-enum-types.h"
#include "ls-journal-item.h"
#include "ls-model-private.h"
#include "ls-model.h"
#include "ls-people-rules.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-sqlite-store-private.h"
#include "ls-store-backend-private.h"

/* Cases in the SQLite backend: a case row holds the case as JSON with the
 * columns derived from it; its documented items are rows of the journal,
 * which is append-only; every changed field is a row of the history. */

/* @routines: (nullable): the register with its routines, read here when
 * %NULL */
static gboolean
write_attention (LsSqliteStore *self,
                 gint64 case_id,
                 gboolean new_case,
                 LsCase *lcase,
                 LsOrganisation *organisation,
                 LsPeopleRegister *routines,
                 GError **error)
{
  g_autoptr (GArray) rows = NULL;
  g_autoptr (LsPeopleRegister) read = NULL;
  g_autoptr (GEnumClass) steps = NULL;

  /* A case saved for the first time has no rows to replace. */
  if (!new_case)
    {
      g_autoptr (LsStmt) clear = NULL;

      clear = ls_sqlite_get_stmt (
          &self->writer, "DELETE FROM attention WHERE case_id = ?", error);
      if (clear == NULL)
        return FALSE;
      sqlite3_bind_int64 (clear, 1, case_id);
      if (!ls_sqlite_step_done (&self->writer, clear, error))
        return FALSE;
    }

  /* A holder of the routines concerned by the report, with nobody named
   * to take over, needs attention too: the routines are a few rows. */
  if (routines == NULL)
    routines = read =
        ls_sqlite_store_load_people_on (&self->writer, TRUE, error);
  if (routines == NULL)
    return FALSE;
  rows = ls_store_attention_rows (lcase, organisation, routines);
  if (rows->len > 0)
    steps = g_type_class_ref (LS_TYPE_STEP);
  for (guint i = 0; i < rows->len; i++)
    {
      const LsRulesAttention *row = &g_array_index (rows, LsRulesAttention, i);
      GEnumValue *value = g_enum_get_value (steps, row->step);
      const char *step = value != NULL ? value->value_nick : NULL;
      g_autoptr (LsStmt) stmt = NULL;

      stmt = ls_sqlite_get_stmt (&self->writer,
                                 "INSERT INTO attention (case_id, step, due) "
                                 "VALUES (?, ?, ?)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      ls_sqlite_bind_static (stmt, 2, step);
      ls_sqlite_bind_static (stmt, 3, row->due);
      if (!ls_sqlite_step_done (&self->writer, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Binds the derived columns of a case, in the order of DERIVED_SET. */
#define DERIVED_SET                                                            \
  "status = ?, unit = ?, kind = ?, title = ?, received_at = ?, "               \
  "next_deadline = ?, search_text = ?"

/* @derived lasts until the statement is released. */
static void
bind_derived (LsStmt *stmt, int first, const LsDerived *derived)
{
  ls_sqlite_bind_static (stmt, first, derived->status);
  ls_sqlite_bind_static (stmt, first + 1, derived->unit);
  ls_sqlite_bind_static (stmt, first + 2, derived->kind);
  ls_sqlite_bind_static (stmt, first + 3, derived->title);
  ls_sqlite_bind_static (stmt, first + 4, derived->received_at);
  ls_sqlite_bind_static (stmt, first + 5, derived->next_deadline);
  ls_sqlite_bind_static (stmt, first + 6, derived->search_text);
}

static gboolean
write_derived (LsSqliteStore *self,
               gint64 case_id,
               LsCase *lcase,
               LsOrganisation *organisation,
               GError **error)
{
  g_auto (LsDerived) derived = { 0 };
  g_autoptr (LsStmt) stmt = NULL;

  ls_store_derive (lcase, &derived, NULL);
  stmt = ls_sqlite_get_stmt (
      &self->writer, "UPDATE cases SET " DERIVED_SET " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_derived (stmt, 1, &derived);
  sqlite3_bind_int64 (stmt, 8, case_id);
  if (!ls_sqlite_step_done (&self->writer, stmt, error) ||
      !ls_sqlite_store_index_case (self, case_id, TRUE,
                                   ls_case_get_regno (lcase), &derived, error))
    return FALSE;
  return write_attention (self, case_id, FALSE, lcase, organisation, NULL,
                          error);
}

/* After a migration that adds derived data: derive it for every case.  A
 * case that the current model cannot read stops the migration, which is
 * rolled back, and the file stays as it was. */
gboolean
ls_sqlite_store_refresh_all_derived (LsSqliteStore *self, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LsOrganisation) organisation = NULL;
  sqlite3_stmt *select = NULL;

  if (sqlite3_prepare_v2 (self->writer.db, "SELECT id FROM cases ORDER BY id",
                          -1, &select, NULL) != SQLITE_OK)
    {
      ls_sqlite_set_error (&self->writer, error,
                           sqlite3_errcode (self->writer.db));
      return FALSE;
    }
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (select);
  if (ids->len == 0)
    return TRUE;

  organisation = ls_sqlite_store_load_organisation_on (&self->writer, error);
  if (organisation == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (LsCase) lcase =
          ls_sqlite_store_load_case_by_id (&self->writer, id, error);

      if (lcase == NULL ||
          !write_derived (self, id, lcase, organisation, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Saving ---------------------------------------------------------- */

gboolean
ls_sqlite_store_add_history (LsSqliteStore *self,
                             gint64 case_id,
                             const char *when,
                             const char *field,
                             const char *old_value,
                             const char *new_value,
                             const char *who,
                             const char *why,
                             GError **error)
{
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      &self->writer,
      "INSERT INTO history (case_id, at, field, old, new, who, why) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  ls_sqlite_bind_static (stmt, 2, when);
  ls_sqlite_bind_static (stmt, 3, field);
  ls_sqlite_bind_static (stmt, 4, old_value);
  ls_sqlite_bind_static (stmt, 5, new_value);
  ls_sqlite_bind_static (stmt, 6, who);
  ls_sqlite_bind_static (stmt, 7, why);
  return ls_sqlite_step_done (&self->writer, stmt, error);
}

typedef struct
{
  LsSqliteStore *self;
  gint64 case_id;
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
  HistoryTarget *target = user_data;

  return ls_sqlite_store_add_history (target->self, target->case_id,
                                      target->when, field, old_value, new_value,
                                      target->who, target->why, error);
}

static gint64
lookup_journal_id (LsSqliteStore *self,
                   const char *uuid,
                   char **json_out,
                   gint64 *case_id_out,
                   GError **error)
{
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      &self->writer, "SELECT id, json, case_id FROM journal WHERE uuid = ?",
      error);

  if (stmt == NULL)
    return -1;
  ls_sqlite_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  if (json_out != NULL)
    *json_out = ls_sqlite_column_dup (stmt, 1);
  if (case_id_out != NULL)
    *case_id_out = sqlite3_column_int64 (stmt, 2);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
insert_journal_item (LsSqliteStore *self,
                     gint64 case_id,
                     LsJournalItem *item,
                     const char *json,
                     const char *when,
                     const char *who,
                     const char *why,
                     gboolean quiet,
                     gboolean *changed,
                     GError **error)
{
  const char *uuid = ls_journal_item_get_uuid (item);
  const char *corrects = ls_journal_item_get_corrects (item);
  const char *documented_on = ls_journal_item_get_documented_on (item);
  const char *text = ls_journal_item_get_text (item);
  g_autofree char *existing = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gint64 corrects_id = 0;
  gint64 owner_id = 0;
  gint64 id;

  id = lookup_journal_id (self, uuid, &existing, &owner_id, error);
  if (id < 0)
    return FALSE;
  /* An item is part of one case only: taken as already saved, it would
   * silently be missing from this one. */
  if (id > 0 && owner_id != case_id)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("A documented item of another case cannot be part of "
                      "this one; add it as a new item."));
      return FALSE;
    }
  if (id > 0)
    return ls_store_same_item (existing, json) ||
           ls_store_journal_changed_error (error);

  if (corrects != NULL)
    {
      corrects_id = lookup_journal_id (self, corrects, NULL, NULL, error);
      if (corrects_id < 0)
        return FALSE;
      if (corrects_id == 0)
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("A correction points at a documented item that "
                          "does not exist."));
          return FALSE;
        }
    }

  stmt = ls_sqlite_get_stmt (
      &self->writer,
      "INSERT INTO journal (uuid, case_id, corrects, "
      "documented_at, text, json) VALUES (?, ?, ?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  ls_sqlite_bind_static (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, case_id);
  if (corrects_id > 0)
    sqlite3_bind_int64 (stmt, 3, corrects_id);
  ls_sqlite_bind_static (stmt, 4, documented_on != NULL ? documented_on : when);
  ls_sqlite_bind_static (stmt, 5, text != NULL ? text : "");
  ls_sqlite_bind_static (stmt, 6, json);
  if (!ls_sqlite_step_done (&self->writer, stmt, error))
    return FALSE;

  *changed = TRUE;
  if (quiet)
    return TRUE;
  return ls_sqlite_store_add_history (self, case_id, when,
                                      "investigation.journal", NULL, uuid, who,
                                      why, error);
}

static gboolean
save_journal (LsSqliteStore *self,
              gint64 case_id,
              gboolean new_case,
              GListModel *journal,
              GPtrArray *item_json,
              const char *when,
              const char *author,
              const char *why,
              gboolean quiet,
              gboolean *changed,
              GError **error)
{
  g_autoptr (GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (LsStmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr (LsJournalItem) item = g_list_model_get_item (journal, i);

      g_hash_table_add (given, (gpointer) ls_journal_item_get_uuid (item));
      if (!insert_journal_item (self, case_id, item, item_json->pdata[i], when,
                                author, why, quiet, changed, error))
        return FALSE;
    }
  /* A case saved for the first time had nothing documented before. */
  if (new_case)
    return TRUE;

  /* Nothing documented may go missing from a case. */
  stmt = ls_sqlite_get_stmt (
      &self->writer, "SELECT uuid FROM journal WHERE case_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!g_hash_table_contains (given, sqlite3_column_text (stmt, 0)))
      return ls_store_journal_changed_error (error);
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->writer, error,
                           sqlite3_extended_errcode (self->writer.db));
      return FALSE;
    }
  return TRUE;
}

/* A concluded investigation changes only by being reopened, and every
 * change after a conclusion or a notification says why. */
static gboolean
check_change (LsSqliteStore *self,
              gint64 case_id,
              const char *old_text,
              LsCase *lcase,
              gboolean row_changed,
              gboolean import,
              const char **why,
              GError **error)
{
  g_autoptr (LsStmt) count = ls_sqlite_get_stmt (
      &self->writer, "SELECT count (*) FROM journal WHERE case_id = ?", error);
  gint64 n_stored = 0;

  if (count == NULL)
    return FALSE;
  sqlite3_bind_int64 (count, 1, case_id);
  if (sqlite3_step (count) == SQLITE_ROW)
    n_stored = sqlite3_column_int64 (count, 0);
  return ls_store_check_change (old_text, lcase, row_changed, n_stored, import,
                                why, error);
}

/* Saves the case of @record (ls_store_record_new(): checked and
 * serialised, by an import ahead of the save) inside an open transaction:
 * the case row with its derived columns, new journal items and the
 * history of what changed.
 * The case row is written by one statement, so that its search row is
 * indexed once.  @routines: (nullable): the register with its routines
 * as the transaction holds them, read here when %NULL (an import of
 * thousands of cases reads them once). */
gboolean
ls_sqlite_store_save_case_locked (LsSqliteStore *self,
                                  LsStoreRecord *record,
                                  LsOrganisation *organisation,
                                  LsPeopleRegister *routines,
                                  const char *author,
                                  const char *why,
                                  LsSqliteSaveFlags flags,
                                  const char *when,
                                  gboolean *changed,
                                  GError **error)
{
  LsCase *lcase = record->lcase;
  GListModel *journal = G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)));
  const char *json = record->json;
  GString *search_text = record->search_text;
  GPtrArray *item_json = record->item_json;
  g_autofree char *old_text = NULL;
  g_autoptr (LsStmt) select = NULL;
  g_auto (LsDerived) derived = { 0 };
  gboolean row_changed;
  gboolean journal_added = FALSE;
  gint64 case_id = 0;

  if (!ls_store_record_check (record, error))
    return FALSE;

  if (!(flags & LS_SQLITE_SAVE_NOT_STORED))
    {
      select = ls_sqlite_get_stmt (
          &self->writer, "SELECT id, json FROM cases WHERE uuid = ?", error);
      if (select == NULL)
        return FALSE;
      ls_sqlite_bind_text (select, 1, ls_case_get_uuid (lcase));
      if (sqlite3_step (select) == SQLITE_ROW)
        {
          case_id = sqlite3_column_int64 (select, 0);
          old_text = ls_sqlite_column_dup (select, 1);
        }
      g_clear_pointer (&select, ls_sqlite_stmt_release);
    }

  row_changed = old_text == NULL || !ls_store_same_record (old_text, json);
  if (old_text != NULL &&
      !check_change (self, case_id, old_text, lcase, row_changed,
                     (flags & LS_SQLITE_SAVE_IMPORT) != 0, &why, error))
    return FALSE;
  if (row_changed)
    {
      g_autoptr (LsStmt) stmt = NULL;

      ls_store_derive (lcase, &derived, g_strdup (search_text->str));
      if (old_text == NULL)
        stmt =
            ls_sqlite_get_stmt (&self->writer,
                                "INSERT INTO cases (regno, updated_at, json, "
                                "status, unit, kind, title, received_at, "
                                "next_deadline, search_text, uuid) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
      else
        stmt =
            ls_sqlite_get_stmt (&self->writer,
                                "UPDATE cases SET regno = ?, updated_at = ?, "
                                "json = ?, " DERIVED_SET " WHERE uuid = ?",
                                error);
      if (stmt == NULL)
        return FALSE;
      ls_sqlite_bind_static (stmt, 1, ls_case_get_regno (lcase));
      ls_sqlite_bind_static (stmt, 2, when);
      ls_sqlite_bind_static (stmt, 3, json);
      bind_derived (stmt, 4, &derived);
      ls_sqlite_bind_static (stmt, 11, ls_case_get_uuid (lcase));
      if (!ls_sqlite_step_done (&self->writer, stmt, error))
        {
          /* The uuid was looked up above: what is taken is the number. */
          if (error != NULL && *error != NULL &&
              g_error_matches (*error, LS_STORE_ERROR,
                               LS_STORE_ERROR_DUPLICATE))
            g_prefix_error (error, "regno: ");
          return FALSE;
        }
      *changed = TRUE;

      if (old_text == NULL)
        case_id = sqlite3_last_insert_rowid (self->writer.db);
      if (!ls_sqlite_store_index_case (self, case_id, old_text != NULL,
                                       ls_case_get_regno (lcase), &derived,
                                       error))
        return FALSE;
      if (old_text == NULL)
        {
          /* A case that arrives with its history is already recorded
           * there, from its creation on. */
          if (!(flags & LS_SQLITE_SAVE_HISTORY_GIVEN) &&
              !ls_sqlite_store_add_history (self, case_id, when, "case", NULL,
                                            ls_case_get_regno (lcase), author,
                                            why, error))
            return FALSE;
        }
      else
        {
          HistoryTarget target = { self, case_id, when, author, why };
          HistoryTarget late = { self, case_id, when, author, NULL };

          if (!ls_store_diff_texts (old_text, json, add_history_cb, &target,
                                    error) ||
              !ls_store_record_late_duties (old_text, lcase, add_history_cb,
                                            &late, error))
            return FALSE;
        }
    }

  if (!save_journal (self, case_id, old_text == NULL, journal, item_json, when,
                     author, why,
                     old_text == NULL && (flags & LS_SQLITE_SAVE_HISTORY_GIVEN),
                     &journal_added, error))
    return FALSE;
  if (journal_added && !row_changed)
    {
      /* Only new documented items: the case is updated, and its search
       * text now holds their words. */
      g_autoptr (LsStmt) touch = NULL;

      ls_store_derive (lcase, &derived, g_strdup (search_text->str));
      touch = ls_sqlite_get_stmt (
          &self->writer,
          "UPDATE cases SET updated_at = ?, " DERIVED_SET " WHERE id = ?",
          error);
      if (touch == NULL)
        return FALSE;
      ls_sqlite_bind_text (touch, 1, when);
      bind_derived (touch, 2, &derived);
      sqlite3_bind_int64 (touch, 9, case_id);
      if (!ls_sqlite_step_done (&self->writer, touch, error) ||
          !ls_sqlite_store_index_case (
              self, case_id, TRUE, ls_case_get_regno (lcase), &derived, error))
        return FALSE;
      *changed = TRUE;
    }

  if (*changed)
    return write_attention (self, case_id, old_text == NULL, lcase,
                            organisation, routines, error);
  return TRUE;
}

static gboolean save_case (LsStore *store,
                           LsCase *lcase,
                           const char *author,
                           const char *why,
                           LsSqliteSaveFlags flags,
                           GError **error);

/* Checked against the stored organisation, in the transaction that
 * saves, so that nobody changes the organisation in between.  Without a
 * reason, a change after a conclusion or a notification is refused as
 * ls_store_save_case_why() refuses it. */
gboolean
ls_sqlite_store_save_case (LsStore *store,
                           LsCase *lcase,
                           const char *author,
                           GError **error)
{
  return save_case (store, lcase, author, NULL, 0, error);
}

gboolean
ls_sqlite_store_save_case_why (LsStore *store,
                               LsCase *lcase,
                               const char *author,
                               const char *why,
                               GError **error)
{
  return save_case (store, lcase, author, why, 0, error);
}

static gboolean
save_case (LsStore *store,
           LsCase *lcase,
           const char *author,
           const char *why,
           LsSqliteSaveFlags flags,
           GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsStoreRecord) record = NULL;
  g_autofree char *when = ls_store_now_iso ();
  gboolean changed = FALSE;
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);

  if (ls_sqlite_store_begin (self, error))
    organisation = ls_sqlite_store_load_organisation_on (&self->writer, error);
  if (organisation != NULL)
    record = ls_store_record_new (lcase, organisation);
  if (record == NULL ||
      !ls_sqlite_store_save_case_locked (self, record, organisation, NULL,
                                         author, why, flags, when, &changed,
                                         error) ||
      !ls_sqlite_store_commit (self, error))
    {
      ls_sqlite_store_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  if (changed)
    ls_store_emit_changed (store, ls_case_get_uuid (lcase));
  return TRUE;
}

static LsCase *
load_case_row (LsSqliteConnection *conn, LsStmt *stmt, GError **error)
{
  g_autoptr (LsStmt) items = NULL;
  g_autoptr (JsonObject) object = NULL;
  JsonObject *investigation;
  JsonArray *journal;
  gint64 case_id;

  case_id = sqlite3_column_int64 (stmt, 0);
  object = ls_store_object_from_string (
      (const char *) sqlite3_column_text (stmt, 1), error);
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

  items = ls_sqlite_get_stmt (
      conn, "SELECT json FROM journal WHERE case_id = ? ORDER BY id", error);
  if (items == NULL)
    return NULL;
  sqlite3_bind_int64 (items, 1, case_id);
  while (sqlite3_step (items) == SQLITE_ROW)
    {
      JsonObject *item = ls_store_object_from_string (
          (const char *) sqlite3_column_text (items, 0), error);

      if (item == NULL)
        return NULL;
      json_array_add_object_element (journal, item);
    }

  return ls_case_new_from_json (object, NULL, error);
}

/* The caller holds @conn's mutex. */
static LsCase *
load_case_on (LsSqliteConnection *conn,
              const char *sql,
              const char *key,
              gint64 id,
              GError **error)
{
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (conn, sql, error);

  if (stmt == NULL)
    return NULL;
  if (key != NULL)
    ls_sqlite_bind_text (stmt, 1, key);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      return NULL;
    }
  return load_case_row (conn, stmt, error);
}

/* The caller holds @conn's mutex. */
LsCase *
ls_sqlite_store_load_case_by_id (LsSqliteConnection *conn,
                                 gint64 case_id,
                                 GError **error)
{
  return load_case_on (conn, "SELECT id, json FROM cases WHERE id = ?", NULL,
                       case_id, error);
}

/* The caller holds @conn's mutex: the writer's, for a case as its
 * transaction holds it. */
LsCase *
ls_sqlite_store_load_case_on (LsSqliteConnection *conn,
                              const char *uuid,
                              GError **error)
{
  return load_case_on (conn, "SELECT id, json FROM cases WHERE uuid = ?", uuid,
                       0, error);
}

/* Loads read on the reader, so that opening a case never waits for a
 * save of another. */
static LsCase *
load_case_by_key (LsSqliteStore *self,
                  const char *sql,
                  const char *key,
                  GError **error)
{
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return load_case_on (&self->reader, sql, key, 0, error);
}

LsCase *
ls_sqlite_store_load_case (LsStore *store, const char *uuid, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return ls_sqlite_store_load_case_on (&self->reader, uuid, error);
}

LsCase *
ls_sqlite_store_find_case_by_regno (LsStore *store,
                                    const char *regno,
                                    GError **error)
{
  return load_case_by_key (LS_SQLITE_STORE (store),
                           "SELECT id, json FROM cases WHERE regno = ?", regno,
                           error);
}

GPtrArray *
ls_sqlite_store_list_history (LsStore *store,
                              const char *case_uuid,
                              GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GPtrArray) entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) ls_history_entry_free);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (LsStmt) stmt = NULL;
  int rc;

  stmt = ls_sqlite_get_stmt (
      &self->reader,
      "SELECT at, field, old, new, who, why FROM history "
      "WHERE case_id = (SELECT id FROM cases WHERE uuid = ?) ORDER BY id",
      error);
  if (stmt == NULL)
    return NULL;
  ls_sqlite_bind_text (stmt, 1, case_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LsHistoryEntry *entry = g_new0 (LsHistoryEntry, 1);

      entry->when = ls_sqlite_column_dup (stmt, 0);
      entry->field = ls_sqlite_column_dup (stmt, 1);
      entry->old_value = ls_sqlite_column_dup (stmt, 2);
      entry->new_value = ls_sqlite_column_dup (stmt, 3);
      entry->who = ls_sqlite_column_dup (stmt, 4);
      entry->why = ls_sqlite_column_dup (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->reader, error,
                           sqlite3_extended_errcode (self->reader.db));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * ls_sqlite_store_refresh_attention:
 *
 * Inside a transaction of the writer, after the routines or the register
 * changed: what needs attention in a case depends on them too (a holder
 * concerned by the report with nobody to take over), so the rows of every
 * case not closed are computed again rather than waiting for the case to
 * be saved.
 */
gboolean
ls_sqlite_store_refresh_attention (LsSqliteStore *self,
                                   LsOrganisation *organisation,
                                   GError **error)
{
  g_autoptr (LsPeopleRegister) routines =
      ls_sqlite_store_load_people_on (&self->writer, TRUE, error);
  g_autoptr (LsStmt) select = NULL;
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *closed =
      ls_store_dup_enum_nick (LS_TYPE_CASE_STATUS, LS_CASE_STATUS_CLOSED);
  int rc;

  if (routines == NULL)
    return FALSE;
  select = ls_sqlite_get_stmt (&self->writer,
                               "SELECT id, json FROM cases "
                               "WHERE status IS NOT ? ORDER BY id",
                               error);
  if (select == NULL)
    return FALSE;
  ls_sqlite_bind_text (select, 1, closed);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      LsCase *lcase = load_case_row (&self->writer, select, error);

      if (lcase == NULL)
        return FALSE;
      g_array_append_val (ids, id);
      g_ptr_array_add (cases, lcase);
    }
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->writer, error, rc);
      return FALSE;
    }
  g_clear_pointer (&select, ls_sqlite_stmt_release);
  for (guint i = 0; i < cases->len; i++)
    if (!write_attention (self, g_array_index (ids, gint64, i), FALSE,
                          cases->pdata[i], organisation, routines, error))
      return FALSE;
  return TRUE;
}
