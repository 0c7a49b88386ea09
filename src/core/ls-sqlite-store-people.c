/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-model.h"
#include "ls-sqlite-store-private.h"
#include "ls-store-people-driver.h"

/* The register of people who must report, their information occasions
 * and the decided versions of the routines: three tables of JSON records
 * in the order they were added, saved by ls-store-people-driver.c.  A
 * save writes what changed; it never deletes a person or an occasion, and
 * refuses to change a decided version of the routines (the table's
 * triggers refuse it too). */

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

/* ---- What the register's save needs of SQLite (ls-store-people-driver.c) */

static LsStmt *
prepare (LsSqliteStore *self,
         const char *sql,
         int n_params,
         const char *const *params,
         GError **error)
{
  LsStmt *stmt = ls_sqlite_get_stmt (&self->writer, sql, error);

  for (int i = 0; stmt != NULL && i < n_params; i++)
    ls_sqlite_bind_text (stmt, i + 1, params[i]);
  return stmt;
}

static char *
query_text (gpointer backend,
            const char *sql,
            int n_params,
            const char *const *params,
            GError **error)
{
  LsSqliteStore *self = backend;
  g_autoptr (LsStmt) stmt = prepare (self, sql, n_params, params, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ls_sqlite_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    ls_sqlite_set_error (&self->writer, error, rc);
  return NULL;
}

static gboolean
run (gpointer backend,
     const char *sql,
     int n_params,
     const char *const *params,
     GError **error)
{
  LsSqliteStore *self = backend;
  g_autoptr (LsStmt) stmt = prepare (self, sql, n_params, params, error);

  return stmt != NULL && ls_sqlite_step_done (&self->writer, stmt, error);
}

static LsOrganisation *
load_organisation (gpointer backend, GError **error)
{
  LsSqliteStore *self = backend;

  return ls_sqlite_store_load_organisation_on (&self->writer, error);
}

static const LsStorePeopleDriver people_driver = {
  .writer_mutex_offset = G_STRUCT_OFFSET (LsSqliteStore, writer.mutex),
  .tables = tables,
  .begin = (gboolean (*) (gpointer, GError **)) ls_sqlite_store_begin,
  .commit = (gboolean (*) (gpointer, GError **)) ls_sqlite_store_commit,
  .rollback = (void (*) (gpointer)) ls_sqlite_store_rollback,
  .load_organisation = load_organisation,
  .query_text = query_text,
  .run = run,
  .refresh_attention = (gboolean (*) (
      gpointer, LsOrganisation *, GError **)) ls_sqlite_store_refresh_attention,
};

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
  return ls_store_people_import_locked (&people_driver, self, root,
                                        organisation, n_changed, error);
}

gboolean
ls_sqlite_store_save_people (LsStore *store,
                             LsPeopleRegister *register_,
                             GError **error)
{
  return ls_store_people_save (store, &people_driver, register_, error);
}
