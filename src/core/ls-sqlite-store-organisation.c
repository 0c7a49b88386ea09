/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <string.h>

#include "ls-model.h"
#include "ls-sqlite-store-private.h"

/* The organisation (one row of JSON) and what is derived from the cases
 * for it: the next registration number, the units in use.  Every lock is
 * a GRecMutexLocker declared before the statements it guards, so that
 * they are reset before the mutex is let go. */

gboolean
ls_sqlite_store_save_organisation_locked (LsSqliteStore *self,
                                          LsOrganisation *organisation,
                                          GError **error)
{
  g_autoptr (JsonObject) object = ls_organisation_to_json (organisation);
  g_autofree char *json = ls_store_object_to_string (object);
  g_autoptr (LsStmt) stmt =
      ls_sqlite_get_stmt (&self->writer,
                          "INSERT INTO organisation (id, json) VALUES (1, ?) "
                          "ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                          error);

  if (stmt == NULL)
    return FALSE;
  ls_sqlite_bind_text (stmt, 1, json);
  return ls_sqlite_step_done (&self->writer, stmt, error);
}

gboolean
ls_sqlite_store_save_organisation (LsStore *store,
                                   LsOrganisation *organisation,
                                   GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
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
  if (!ls_sqlite_store_begin (self, error) ||
      !ls_sqlite_store_save_organisation_locked (self, organisation, error) ||
      !ls_sqlite_store_commit (self, error))
    {
      ls_sqlite_store_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  ls_store_emit_changed (store, NULL);
  return TRUE;
}

/* The caller holds @conn's mutex. */
LsOrganisation *
ls_sqlite_store_load_organisation_on (LsSqliteConnection *conn, GError **error)
{
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      conn, "SELECT json FROM organisation WHERE id = 1", error);

  if (stmt == NULL)
    return NULL;
  return ls_store_organisation_from_text (
      sqlite3_step (stmt) == SQLITE_ROW
          ? (const char *) sqlite3_column_text (stmt, 0)
          : NULL,
      error);
}

LsOrganisation *
ls_sqlite_store_load_organisation (LsStore *store, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return ls_sqlite_store_load_organisation_on (&self->reader, error);
}

char *
ls_sqlite_store_next_regno (LsStore *store, int year, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  g_autofree char *head = NULL;
  g_autofree char *pattern = NULL;
  const char *prefix;
  gint64 highest = 0;

  organisation = ls_sqlite_store_load_organisation_on (&self->reader, error);
  if (organisation == NULL)
    return NULL;
  prefix = ls_organisation_get_regno_prefix (organisation);
  if (prefix != NULL)
    head = g_strdup_printf ("%s-%04d-", prefix, year);
  else
    head = g_strdup_printf ("%04d-", year);
  pattern = g_strdup_printf ("%s[0-9]*", head);

  stmt = ls_sqlite_get_stmt (
      &self->reader, "SELECT regno FROM cases WHERE regno GLOB ?", error);
  if (stmt == NULL)
    return NULL;
  ls_sqlite_bind_text (stmt, 1, pattern);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *regno = (const char *) sqlite3_column_text (stmt, 0);
      const char *tail = regno + strlen (head);
      char *end = NULL;
      gint64 number = g_ascii_strtoll (tail, &end, 10);

      if (end != tail && *end == '\0' && number > highest)
        highest = number;
    }

  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, head, highest + 1);
}

GStrv
ls_sqlite_store_dup_units_in_use (LsStore *store, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (LsStmt) stmt = NULL;
  int rc;

  stmt = ls_sqlite_get_stmt (
      &self->reader, "SELECT DISTINCT unit FROM cases WHERE unit IS NOT NULL",
      error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->reader, error,
                           sqlite3_extended_errcode (self->reader.db));
      return NULL;
    }
  return g_strv_builder_end (builder);
}
