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

/* Cases on PostgreSQL, loaded as ls-pg-store-save.c saves them: the
 * case's row with its documented items, each case knowing the revision
 * it was loaded at; the history; the organisation. */

static void
set_seen (LsCase *lcase, gint64 revision, gint64 journal_mark)
{
  LsStoreSeen seen = { revision, journal_mark };

  ls_store_set_seen (lcase, &seen);
}

/* ---- Loading ------------------------------------------------------------ */

/* A case's row keeps its documented items in rows of their own: the
 * empty journal of @object, a stored case's row, for them to go into.
 *
 * Returns: (transfer none): the journal */
JsonArray *
ls_pg_store_add_journal (JsonObject *object)
{
  JsonObject *investigation =
      json_object_get_object_member (object, "investigation");
  JsonArray *journal = json_array_new ();

  if (investigation == NULL)
    {
      investigation = json_object_new ();
      json_object_set_object_member (object, "investigation", investigation);
    }
  json_object_set_array_member (investigation, "journal", journal);
  return journal;
}

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
  journal = ls_pg_store_add_journal (object);

  params[0] = PQgetvalue (row, 0, 0);
  items = ls_pg_query (conn,
                       "SELECT json, id FROM journal WHERE case_id = $1 "
                       "ORDER BY id",
                       1, params, error);
  if (items == NULL)
    return NULL;
  if (!ls_pg_add_json_rows (items, 0, journal, error))
    return NULL;
  for (int i = 0; i < PQntuples (items); i++)
    mark = MAX (mark, ls_pg_int_value (items, i, 1));

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
                      "SELECT at, field, old, new, who, why FROM history "
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
      entry->why = ls_pg_dup_value (rows, i, 5);
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

  row = ls_pg_query (conn, "SELECT json FROM organisation WHERE id = 1", 0,
                     NULL, error);
  if (row == NULL)
    return NULL;
  return ls_store_organisation_from_text (
      PQntuples (row) > 0 ? PQgetvalue (row, 0, 0) : NULL, error);
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
  klass->load_case = ls_pg_store_load_case;
  klass->find_case_by_regno = ls_pg_store_find_case_by_regno;
  klass->list_history = ls_pg_store_list_history;
  klass->save_organisation = ls_pg_store_save_organisation;
  klass->load_organisation = ls_pg_store_load_organisation;
  klass->next_regno = ls_pg_store_next_regno;
  klass->dup_units_in_use = ls_pg_store_dup_units_in_use;
}
