/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-import-check.h"
#include "ls-sqlite-store-private.h"

/* Exchange documents: an import is checked case by case and written in
 * one transaction of the writer; an export reads one snapshot. */

/* Inside the import's transaction: whether @lcase, case @index of the
 * document, would make the case the transaction holds lose content, and
 * in @not_stored whether it holds none of its uuid.  Read on the writer,
 * which sees what the import has written so far. */
static gboolean
check_case (LsSqliteStore *self,
            LsCase *lcase,
            guint index,
            gboolean *not_stored,
            GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LsCase) stored = ls_sqlite_store_load_case_on (
      &self->writer, ls_case_get_uuid (lcase), &local_error);

  if (stored == NULL &&
      !g_error_matches (local_error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *not_stored = stored == NULL;
  return ls_import_check_case (stored, lcase, index, error);
}

/* Inside the import's transaction: the organisation first, then every
 * case.  A case that cannot be read or written fails the whole import. */
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
  LsSqliteStore *self = backend;
  g_autofree char *when = ls_store_now_iso ();
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsPeopleRegister) routines = NULL;
  g_autoptr (LsImportReader) reader = NULL;

  if (imported != NULL)
    {
      g_autoptr (LsOrganisation) old =
          ls_sqlite_store_load_organisation_on (&self->writer, error);

      if (old == NULL || !ls_import_check_organisation (old, imported, error))
        return FALSE;
      if (ls_store_organisation_differs (old, imported) &&
          !ls_sqlite_store_save_organisation_locked (self, imported, error))
        return FALSE;
      organisation = g_object_ref (imported);
    }
  else
    {
      organisation =
          ls_sqlite_store_load_organisation_on (&self->writer, error);
      if (organisation == NULL)
        return FALSE;
    }

  /* The routines a case's attention rows depend on, read once: the
   * document's register is written after its cases. */
  routines = ls_sqlite_store_load_people_on (&self->writer, TRUE, error);
  if (routines == NULL)
    return FALSE;

  /* One case written at a time, all in one transaction, while the
   * reader reads the next. */
  reader = ls_import_reader_new (cases, organisation);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      g_autoptr (LsStoreRecord) record = ls_import_reader_next (reader, error);
      LsCase *lcase = record != NULL ? record->lcase : NULL;
      gboolean changed = FALSE;
      GError *local_error = NULL;
      g_autofree char *path = g_strdup_printf ("cases[%u]", i);
      JsonObject *element;
      JsonArray *history = NULL;
      JsonArray *attachments = NULL;
      LsSqliteSaveFlags flags = LS_SQLITE_SAVE_IMPORT;
      gboolean not_stored = FALSE;

      if (lcase == NULL || !check_case (self, lcase, i, &not_stored, error))
        return FALSE;
      /* Looked up just now: the save need not look again. */
      if (not_stored)
        flags |= LS_SQLITE_SAVE_NOT_STORED;
      element = json_array_get_object_element (cases, i);
      if (!ls_store_extras_member (element, "history", path, &history, error) ||
          !ls_store_extras_member (element, "attachments", path, &attachments,
                                   error))
        return FALSE;
      if (history != NULL)
        flags |= LS_SQLITE_SAVE_HISTORY_GIVEN;
      if (!ls_sqlite_store_save_case_locked (self, record, organisation,
                                             routines, author, NULL, flags,
                                             when, &changed, &local_error) ||
          !ls_sqlite_store_import_case_extras (self, ls_case_get_uuid (lcase),
                                               history, attachments, path,
                                               &changed, &local_error))
        {
          ls_store_import_case_error (lcase, i, local_error, error);
          return FALSE;
        }
      if (changed)
        (*changed_count)++;
      ls_import_reader_done (reader, g_steal_pointer (&record));
    }
  g_clear_pointer (&reader, ls_import_reader_free);
  /* No stored case may be left pointing at a unit the organisation no
   * longer has. */
  if (imported != NULL &&
      !ls_import_check_units (LS_STORE (self), organisation, error))
    return FALSE;
  /* The register after the cases, so that a unit the document removes is
   * named as the organisation's fault first. */
  return ls_sqlite_store_import_people_locked (self, root, organisation,
                                               people_changed, error);
}

gboolean
ls_sqlite_store_import_document (LsStore *store,
                                 JsonNode *document,
                                 const char *author,
                                 guint *n_changed,
                                 GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  const LsStoreImportIO io = {
    .backend = self,
    .mutex = &self->writer.mutex,
    /* The same calls as the register's driver, taking the store. */
    .begin = (gboolean (*) (gpointer, GError **)) ls_sqlite_store_begin,
    .import = import_locked,
    .commit = (gboolean (*) (gpointer, GError **)) ls_sqlite_store_commit,
    .rollback = (void (*) (gpointer)) ls_sqlite_store_rollback,
  };

  return ls_store_import_with (store, &io, document, author, n_changed, error);
}

/* Inside the export's read transaction. */
static gboolean
export_locked (LsSqliteStore *self,
               LsOrganisation **organisation,
               LsPeopleRegister **register_,
               JsonArray *cases,
               GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LsStmt) stmt = NULL;

  *organisation = ls_sqlite_store_load_organisation_on (&self->writer, error);
  if (*organisation == NULL)
    return FALSE;
  *register_ = ls_sqlite_store_load_people_on (&self->writer, FALSE, error);
  if (*register_ == NULL)
    return FALSE;
  stmt = ls_sqlite_get_stmt (&self->writer, "SELECT id FROM cases ORDER BY id",
                             error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_clear_pointer (&stmt, ls_sqlite_stmt_release);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (LsCase) lcase = ls_sqlite_store_load_case_by_id (
          &self->writer, g_array_index (ids, gint64, i), error);

      if (lcase == NULL)
        return FALSE;
      JsonObject *json = ls_case_to_json (lcase);

      json_array_add_object_element (cases, json);
      if (!ls_sqlite_store_export_case_extras (
              self, g_array_index (ids, gint64, i), json, error))
        return FALSE;
    }
  return TRUE;
}

JsonNode *
ls_sqlite_store_export_document (LsStore *store, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (JsonArray) cases = json_array_new ();
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);

  /* One read transaction: a consistent snapshot.  It takes no write lock,
   * so that it works on a file that cannot be written. */
  if (!ls_sqlite_exec (&self->writer, "BEGIN", error) ||
      !export_locked (self, &organisation, &register_, cases, error))
    {
      ls_sqlite_store_rollback (self);
      return NULL;
    }
  ls_sqlite_exec (&self->writer, "COMMIT", NULL);
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  return ls_store_build_document (organisation, register_,
                                  g_steal_pointer (&cases));
}
