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

/* The tables of the register, in the order of ls_store_register_member(). */
static const char *const tables[LS_STORE_REGISTER_TABLES] = {
  "people",
  "occasions",
  "routines",
};

static gboolean
read_table (LsSqliteConnection *conn,
            guint table,
            JsonObject *part,
            GError **error)
{
  g_autofree char *sql =
      g_strdup_printf ("SELECT json FROM %s ORDER BY rowid", tables[table]);
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
  json_object_set_array_member (part, ls_store_register_member (table),
                                g_steal_pointer (&array));
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

  for (guint i = routines_only ? 2 : 0; i < G_N_ELEMENTS (tables); i++)
    if (!read_table (conn, i, part, error))
      return NULL;
  return ls_store_register_from_part (part, error);
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
stored_json (gpointer backend, guint table, const char *id, GError **error)
{
  LsSqliteStore *self = backend;
  g_autofree char *sql =
      g_strdup_printf ("SELECT json FROM %s WHERE id = ?", tables[table]);
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

static gboolean
write_record (gpointer backend,
              guint table,
              GObject *item,
              const char *json,
              GError **error)
{
  LsSqliteStore *self = backend;

  if (LS_IS_PERSON (item))
    return write_person (self, LS_PERSON (item), json, error);
  if (LS_IS_INFORMATION_OCCASION (item))
    return write_occasion (self, LS_INFORMATION_OCCASION (item), json, error);
  return write_routines (self, LS_ROUTINES (item), json, error);
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
  LsStoreRegisterIO io = { self, stored_json, write_record };
  guint changed = 0;

  if (!ls_store_write_register (&io, register_, organisation, &changed, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;
  return changed == 0 ||
         ls_sqlite_store_refresh_attention (self, organisation, error);
}

/**
 * ls_sqlite_store_import_people_locked:
 *
 * Inside the import's transaction: the register of a document.
 */
gboolean
ls_sqlite_store_import_people_locked (LsSqliteStore *self,
                                      JsonObject *root,
                                      LsOrganisation *organisation,
                                      guint *n_changed,
                                      GError **error)
{
  LsStoreRegisterIO io = { self, stored_json, write_record };
  guint changed = 0;

  /* The cases of the document were saved before their routines. */
  if (!ls_store_import_register (&io, root, organisation, &changed, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;
  return changed == 0 ||
         ls_sqlite_store_refresh_attention (self, organisation, error);
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
