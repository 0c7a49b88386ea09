/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-model.h"
#include "ls-sqlite-store-private.h"

/* The register of people who must report, their information occasions
 * and the decided versions of the routines: three tables of JSON records
 * in the order they were added.  A save writes what changed; it never
 * deletes a person or an occasion, and refuses to change a decided
 * version of the routines (the table's triggers refuse it too). */

typedef struct
{
  const char *table;
  const char *member; /* the register's list */
} Table;

static const Table tables[] = {
  { "people", "people" },
  { "occasions", "occasions" },
  { "routines", "routines" },
};

static gboolean
read_table (LsSqliteConnection *conn,
            const Table *table,
            JsonObject *part,
            GError **error)
{
  g_autofree char *sql =
      g_strdup_printf ("SELECT json FROM %s ORDER BY rowid", table->table);
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (conn, sql, error);
  g_autoptr (JsonArray) array = json_array_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = ls_store_object_from_string (
          (const char *) sqlite3_column_text (stmt, 0), error);

      if (object == NULL)
        return FALSE;
      json_array_add_object_element (array, object);
    }
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (conn, error, rc);
      return FALSE;
    }
  json_object_set_array_member (part, table->member, g_steal_pointer (&array));
  return TRUE;
}

/**
 * ls_sqlite_store_load_people_on:
 * @routines_only: read the routines and leave people and occasions out,
 *   for what a case's rules need
 *
 * The caller holds @conn's mutex.
 */
LsPeopleRegister *
ls_sqlite_store_load_people_on (LsSqliteConnection *conn,
                                gboolean routines_only,
                                GError **error)
{
  g_autoptr (JsonObject) part = json_object_new ();
  g_autoptr (GError) local_error = NULL;
  LsPeopleRegister *register_;

  for (guint i = routines_only ? 2 : 0; i < G_N_ELEMENTS (tables); i++)
    if (!read_table (conn, &tables[i], part, error))
      return NULL;
  register_ = ls_people_register_new_from_document (part, NULL, &local_error);
  if (register_ == NULL)
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT,
                 _ ("The register of people is damaged: %s"),
                 local_error->message);
  return register_;
}

LsPeopleRegister *
ls_sqlite_store_load_people (LsStore *store, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return ls_sqlite_store_load_people_on (&self->reader, FALSE, error);
}

/* The stored JSON of the row with @id, or NULL when there is none. */
static char *
stored_json (LsSqliteStore *self,
             const char *table,
             const char *id,
             GError **error)
{
  g_autofree char *sql =
      g_strdup_printf ("SELECT json FROM %s WHERE id = ?", table);
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (&self->writer, sql, error);

  if (stmt == NULL)
    return NULL;
  ls_sqlite_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return ls_sqlite_column_dup (stmt, 0);
}

static gboolean
write_person (LsSqliteStore *self,
              LsPerson *person,
              const char *json,
              GError **error)
{
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      &self->writer,
      "INSERT INTO people (id, staff_number, name, started_on, ended_on, "
      "json) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
      "staff_number = excluded.staff_number, name = excluded.name, "
      "started_on = excluded.started_on, ended_on = excluded.ended_on, "
      "json = excluded.json",
      error);

  if (stmt == NULL)
    return FALSE;
  ls_sqlite_bind_text (stmt, 1, ls_person_get_id (person));
  ls_sqlite_bind_text (stmt, 2, ls_person_get_staff_number (person));
  ls_sqlite_bind_text (stmt, 3, ls_person_get_name (person));
  ls_sqlite_bind_text (stmt, 4, ls_person_get_started_on (person));
  ls_sqlite_bind_text (stmt, 5, ls_person_get_ended_on (person));
  ls_sqlite_bind_text (stmt, 6, json);
  return ls_sqlite_step_done (&self->writer, stmt, error);
}

static gboolean
write_occasion (LsSqliteStore *self,
                LsInformationOccasion *occasion,
                const char *json,
                GError **error)
{
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      &self->writer,
      "INSERT INTO occasions (id, held_on, json) VALUES (?, ?, ?) "
      "ON CONFLICT (id) DO UPDATE SET held_on = excluded.held_on, "
      "json = excluded.json",
      error);

  if (stmt == NULL)
    return FALSE;
  ls_sqlite_bind_text (stmt, 1, ls_information_occasion_get_id (occasion));
  ls_sqlite_bind_text (stmt, 2, ls_information_occasion_get_held_on (occasion));
  ls_sqlite_bind_text (stmt, 3, json);
  return ls_sqlite_step_done (&self->writer, stmt, error);
}

static gboolean
write_routines (LsSqliteStore *self,
                LsRoutines *routines,
                const char *json,
                GError **error)
{
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      &self->writer,
      "INSERT INTO routines (id, decided_on, decided_by, json) "
      "VALUES (?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  ls_sqlite_bind_text (stmt, 1, ls_routines_get_id (routines));
  ls_sqlite_bind_text (stmt, 2, ls_routines_get_decided_on (routines));
  ls_sqlite_bind_text (stmt, 3, ls_routines_get_decided_by (routines));
  ls_sqlite_bind_text (stmt, 4, json);
  return ls_sqlite_step_done (&self->writer, stmt, error);
}

static const char *
id_of (GObject *item)
{
  if (LS_IS_PERSON (item))
    return ls_person_get_id (LS_PERSON (item));
  if (LS_IS_INFORMATION_OCCASION (item))
    return ls_information_occasion_get_id (LS_INFORMATION_OCCASION (item));
  return ls_routines_get_id (LS_ROUTINES (item));
}

static gboolean
write_item (LsSqliteStore *self,
            const Table *table,
            GObject *item,
            guint index,
            guint *n_changed,
            GError **error)
{
  g_autoptr (JsonObject) object = ls_model_to_json (item);
  g_autofree char *json = ls_store_object_to_string (object);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *old =
      stored_json (self, table->table, id_of (item), &local_error);
  gboolean ok;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (old != NULL && g_str_equal (old, json))
    return TRUE;
  if (old != NULL && LS_IS_ROUTINES (item))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY,
                   _ ("routines[%u]: a decided version of the routines "
                      "cannot be changed; decide a new version instead."),
                   index);
      return FALSE;
    }
  if (LS_IS_PERSON (item))
    ok = write_person (self, LS_PERSON (item), json, &local_error);
  else if (LS_IS_INFORMATION_OCCASION (item))
    ok = write_occasion (self, LS_INFORMATION_OCCASION (item), json,
                         &local_error);
  else
    ok = write_routines (self, LS_ROUTINES (item), json, &local_error);
  if (!ok)
    {
      /* The only unique value a save can meet twice. */
      if (g_error_matches (local_error, LS_STORE_ERROR,
                           LS_STORE_ERROR_DUPLICATE))
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE,
                     _ ("%s[%u]: another person has the same staff number."),
                     table->member, index);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  (*n_changed)++;
  return TRUE;
}

/**
 * ls_sqlite_store_save_people_locked:
 * @n_changed: (out) (optional): how many rows were written
 *
 * Inside a transaction of the writer: checks @register_ against the
 * stored organisation and writes every person, occasion and version that
 * is new or changed.
 */
gboolean
ls_sqlite_store_save_people_locked (LsSqliteStore *self,
                                    LsPeopleRegister *register_,
                                    LsOrganisation *organisation,
                                    guint *n_changed,
                                    GError **error)
{
  g_autoptr (GError) local_error = NULL;
  guint changed = 0;

  if (!ls_people_register_validate (register_, organisation, &local_error))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The register of people is not valid: %s"),
                   local_error->message);
      return FALSE;
    }
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GListModel *list = NULL;

      g_object_get (register_, tables[t].member, &list, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (list, i);

          if (!write_item (self, &tables[t], item, i, &changed, error))
            {
              g_object_unref (list);
              return FALSE;
            }
        }
      g_object_unref (list);
    }
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

gboolean
ls_sqlite_store_save_people (LsStore *store,
                             LsPeopleRegister *register_,
                             GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);
  g_autoptr (LsOrganisation) organisation = NULL;
  guint changed = 0;

  if (!ls_sqlite_store_begin (self, error))
    return FALSE;
  organisation = ls_sqlite_store_load_organisation_on (&self->writer, error);
  if (organisation == NULL ||
      !ls_sqlite_store_save_people_locked (self, register_, organisation,
                                           &changed, error) ||
      !ls_sqlite_store_commit (self, error))
    {
      ls_sqlite_store_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  if (changed > 0)
    ls_store_emit_changed (store, NULL);
  return TRUE;
}
