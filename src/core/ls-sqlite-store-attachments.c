/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-sqlite-store-private.h"

/* Attachments and the history in the SQLite backend, and how both travel
 * with a case in an exchange document: the audit trail and the files must
 * not be lost when a case moves. */

static gint64
case_id_of (LsSqliteConnection *conn, const char *case_uuid, GError **error)
{
  g_autoptr (LsStmt) stmt =
      ls_sqlite_get_stmt (conn, "SELECT id FROM cases WHERE uuid = ?", error);

  if (stmt == NULL)
    return -1;
  ls_sqlite_bind_text (stmt, 1, case_uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* What an import adds to one case. */
typedef struct
{
  LsSqliteStore *self;
  gint64 case_id;
} Target;

/* A history entry (at, field, old, new, who, why), unless the case has
 * it already: a case that moves back and forth keeps one trail. */
static gboolean
add_history_once (gpointer backend,
                  const char *const values[6],
                  gboolean *changed,
                  GError **error)
{
  LsSqliteStore *self = ((Target *) backend)->self;
  gint64 case_id = ((Target *) backend)->case_id;
  g_autoptr (LsStmt) find = ls_sqlite_get_stmt (
      &self->writer,
      "SELECT 1 FROM history WHERE case_id = ? AND at = ? AND field = ? "
      "AND old IS ? AND new IS ? AND who = ? AND why IS ?",
      error);

  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, case_id);
  for (guint i = 0; i < 6; i++)
    ls_sqlite_bind_text (find, (int) i + 2, values[i]);
  if (sqlite3_step (find) == SQLITE_ROW)
    return TRUE;
  g_clear_pointer (&find, ls_sqlite_stmt_release);
  *changed = TRUE;
  return ls_sqlite_store_add_history (self, case_id, values[0], values[1],
                                      values[2], values[3], values[4],
                                      values[5], error);
}

/* Inside the writer's transaction.  An attachment already stored under
 * its uuid must be exactly the same file: nothing is changed in place. */
static gboolean
insert_attachment (gpointer backend,
                   LsAttachment *attachment,
                   GBytes *data,
                   gboolean *changed,
                   GError **error)
{
  LsSqliteStore *self = ((Target *) backend)->self;
  gint64 case_id = ((Target *) backend)->case_id;
  g_autoptr (LsStmt) find = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  find = ls_sqlite_get_stmt (
      &self->writer,
      "SELECT case_id, sha256, name FROM attachments WHERE uuid = ?", error);
  if (find == NULL)
    return FALSE;
  ls_sqlite_bind_text (find, 1, ls_attachment_get_uuid (attachment));
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      if (sqlite3_column_int64 (find, 0) == case_id &&
          g_strcmp0 ((const char *) sqlite3_column_text (find, 1),
                     ls_attachment_get_sha256 (attachment)) == 0 &&
          g_strcmp0 ((const char *) sqlite3_column_text (find, 2),
                     ls_attachment_get_name (attachment)) == 0)
        return TRUE;
      return ls_store_attachment_changed_error (error);
    }
  g_clear_pointer (&find, ls_sqlite_stmt_release);

  stmt = ls_sqlite_get_stmt (
      &self->writer,
      "INSERT INTO attachments (uuid, case_id, name, content_type, kind, "
      "size, sha256, replaces, added_by, added_at, data) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  ls_sqlite_bind_text (stmt, 1, ls_attachment_get_uuid (attachment));
  sqlite3_bind_int64 (stmt, 2, case_id);
  ls_sqlite_bind_text (stmt, 3, ls_attachment_get_name (attachment));
  ls_sqlite_bind_text (stmt, 4, ls_attachment_get_content_type (attachment));
  ls_sqlite_bind_text (stmt, 5, ls_attachment_get_kind (attachment));
  sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) size);
  ls_sqlite_bind_text (stmt, 7, ls_attachment_get_sha256 (attachment));
  ls_sqlite_bind_text (stmt, 8, ls_attachment_get_replaces (attachment));
  ls_sqlite_bind_text (stmt, 9, ls_attachment_get_added_by (attachment));
  ls_sqlite_bind_text (stmt, 10, ls_attachment_get_added_at (attachment));
  /* An empty file is a blob of no bytes, not NULL. */
  sqlite3_bind_blob64 (stmt, 11, size > 0 ? bytes : "", size, SQLITE_TRANSIENT);
  if (!ls_sqlite_step_done (&self->writer, stmt, error))
    return FALSE;
  *changed = TRUE;
  {
    const char *const entry[6] = {
      ls_attachment_get_added_at (attachment),
      "attachments",
      ls_attachment_get_replaces (attachment),
      ls_attachment_get_uuid (attachment),
      ls_attachment_get_added_by (attachment),
      NULL,
    };

    return add_history_once (backend, entry, changed, error);
  }
}

LsAttachment *
ls_sqlite_store_add_attachment (LsStore *store,
                                const char *case_uuid,
                                LsAttachment *attachment,
                                GBytes *data,
                                GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);
  gboolean changed = FALSE;
  Target target = { self, -1 };

  if (!ls_store_check_attachment_data (attachment, data, error) ||
      !ls_sqlite_store_begin (self, error))
    return NULL;
  target.case_id = case_id_of (&self->writer, case_uuid, error);
  if (target.case_id < 0 ||
      !insert_attachment (&target, attachment, data, &changed, error) ||
      !ls_sqlite_store_commit (self, error))
    {
      ls_sqlite_store_rollback (self);
      return NULL;
    }
  g_clear_pointer (&locker, g_rec_mutex_locker_free);
  if (changed)
    ls_store_emit_changed (store, case_uuid);
  return g_object_ref (attachment);
}

static GPtrArray *
list_on (LsSqliteConnection *conn, gint64 case_id, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      conn,
      "SELECT uuid, name, content_type, kind, size, sha256, replaces, "
      "added_by, added_at FROM attachments WHERE case_id = ? ORDER BY id",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, ls_attachment_new_stored (
                              (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              sqlite3_column_int64 (stmt, 4),
                              (const char *) sqlite3_column_text (stmt, 5),
                              (const char *) sqlite3_column_text (stmt, 6),
                              (const char *) sqlite3_column_text (stmt, 7),
                              (const char *) sqlite3_column_text (stmt, 8)));
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (conn, error, sqlite3_extended_errcode (conn->db));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
ls_sqlite_store_list_attachments (LsStore *store,
                                  const char *case_uuid,
                                  GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  gint64 case_id = case_id_of (&self->reader, case_uuid, error);

  if (case_id < 0)
    return NULL;
  return list_on (&self->reader, case_id, error);
}

static GBytes *
read_on (gpointer connection, const char *uuid, GError **error)
{
  LsSqliteConnection *conn = connection;
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      conn, "SELECT data FROM attachments WHERE uuid = ?", error);

  if (stmt == NULL)
    return NULL;
  ls_sqlite_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The attachment was not found."));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0),
                      (gsize) sqlite3_column_bytes (stmt, 0));
}

GBytes *
ls_sqlite_store_read_attachment (LsStore *store,
                                 const char *uuid,
                                 GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return read_on (&self->reader, uuid, error);
}

/* ---- In the exchange format ------------------------------------------- */

/* Inside the export's read transaction, on the writer: the case's
 * history, every entry, and its attachments with their bytes. */
gboolean
ls_sqlite_store_export_case_extras (LsSqliteStore *self,
                                    gint64 case_id,
                                    JsonObject *json,
                                    GError **error)
{
  g_autoptr (JsonArray) history = json_array_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (LsStmt) stmt = ls_sqlite_get_stmt (
      &self->writer,
      "SELECT at, field, old, new, who, why FROM history WHERE case_id = ? "
      "ORDER BY id",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *values[6];

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        values[i] = (const char *) sqlite3_column_text (stmt, (int) i);
      json_array_add_object_element (history,
                                     ls_store_history_entry_to_json (values));
    }
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->writer, error,
                           sqlite3_extended_errcode (self->writer.db));
      return FALSE;
    }

  list = list_on (&self->writer, case_id, error);
  if (list == NULL)
    return FALSE;
  return ls_store_set_extras (json, g_steal_pointer (&history), list, read_on,
                              &self->writer, error);
}

/* Inside the import's transaction, after the case is saved: the entries
 * of its history the database lacks, in the document's order, and its
 * attachments, each checked against its SHA-256. */
gboolean
ls_sqlite_store_import_case_extras (LsSqliteStore *self,
                                    const char *case_uuid,
                                    JsonArray *history,
                                    JsonArray *attachments,
                                    const char *path,
                                    gboolean *changed,
                                    GError **error)
{
  Target target = { self, case_id_of (&self->writer, case_uuid, error) };
  LsStoreExtrasIO io = { &target, add_history_once, insert_attachment };

  if (target.case_id < 0)
    return FALSE;
  return ls_store_import_extras (&io, history, attachments, path, changed,
                                 error);
}
