/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-sqlite-store-private.h"

/* Exchange documents: an import is checked case by case and written in
 * one transaction of the writer; an export reads one snapshot. */

static gboolean
bad_document (GError **error, const char *member)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
               _ ("The exchange document has no valid “%s”."), member);
  return FALSE;
}

static gboolean
read_document (JsonNode *document,
               LsOrganisation **organisation,
               JsonArray **cases,
               GError **error)
{
  JsonObject *root;
  JsonNode *node;

  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The file is not a Lex Sarah exchange document."));
      return FALSE;
    }
  root = json_node_get_object (document);
  if (g_strcmp0 (
          json_object_get_string_member_with_default (root, "format", NULL),
          "lexsarah") != 0)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The file is not a Lex Sarah exchange document."));
      return FALSE;
    }
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return bad_document (error, "version");
  /* Version 2 added the register of people and the routines; a document
   * of version 1 has neither and reads as it always did. */
  if (json_node_get_int (node) != 1 && json_node_get_int (node) != 2)
    {
      /* The number as text: a format macro in a message cannot be
       * translated. */
      g_autofree char *version =
          g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The exchange document is of version %s, which this "
                      "version of Lex Sarah cannot read. Update Lex Sarah to "
                      "import it."),
                   version);
      return FALSE;
    }

  node = json_object_get_member (root, "organisation");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr (GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_document (error, "organisation");
      *organisation = ls_organisation_new_from_json (
          json_node_get_object (node), "organisation", &local_error);
      if (*organisation == NULL)
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("The organisation is not valid: %s"),
                       local_error->message);
          return FALSE;
        }
    }

  node = json_object_get_member (root, "cases");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return bad_document (error, "cases");
  *cases = json_node_get_array (node);
  return TRUE;
}

/* Reads case @index of the document, checking every field. */
static LsCase *
read_case (JsonArray *cases, guint index, GError **error)
{
  JsonNode *element = json_array_get_element (cases, index);
  g_autofree char *path = g_strdup_printf ("cases[%u]", index);
  g_autoptr (GError) local_error = NULL;
  LsCase *lcase;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Case %u of the exchange document is not a case."),
                   index + 1);
      return NULL;
    }
  lcase = ls_case_new_from_json (json_node_get_object (element), path,
                                 &local_error);
  if (lcase == NULL)
    {
      const char *regno = json_object_get_string_member_with_default (
          json_node_get_object (element), "regno", NULL);

      /* Translators: the first %s is a registration number (or the
       * number of the case in the file), the second says what is
       * wrong and where. */
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Case %s is not valid: %s"), regno != NULL ? regno : path,
                   local_error->message);
      return NULL;
    }
  return lcase;
}

/* Inside the import's transaction: the people, occasions and routines
 * of a document of version 2, checked against the organisation; they are
 * matched by their ids, so importing the same document again writes
 * nothing. */
static gboolean
import_people_locked (LsSqliteStore *self,
                      JsonObject *root,
                      LsOrganisation *organisation,
                      guint *people_changed,
                      GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LsPeopleRegister) register_ =
      ls_people_register_new_from_document (root, organisation, &local_error);
  guint changed = 0;

  if (register_ == NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The register of people is not valid: %s"),
                   local_error->message);
      return FALSE;
    }
  if (!ls_sqlite_store_save_people_locked (self, register_, organisation,
                                           &changed, error))
    return FALSE;
  *people_changed += changed;
  return TRUE;
}

/* Inside the import's transaction: the organisation first, then every
 * case.  A case that cannot be read or written fails the whole import. */
static gboolean
import_locked (LsSqliteStore *self,
               LsOrganisation *imported,
               JsonObject *root,
               JsonArray *cases,
               const char *author,
               guint *changed_count,
               guint *people_changed,
               GError **error)
{
  g_autofree char *when = ls_sqlite_now_iso ();
  g_autoptr (LsOrganisation) organisation = NULL;

  if (imported != NULL)
    {
      g_autoptr (JsonObject) a = ls_organisation_to_json (imported);
      g_autofree char *new_text = ls_sqlite_object_to_string (a);
      g_autoptr (LsOrganisation) old =
          ls_sqlite_store_load_organisation_on (&self->writer, error);
      g_autoptr (JsonObject) b = NULL;
      g_autofree char *old_text = NULL;

      if (old == NULL)
        return FALSE;
      b = ls_organisation_to_json (old);
      old_text = ls_sqlite_object_to_string (b);
      if (!g_str_equal (old_text, new_text) &&
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

  /* The register first: a case's attention rows follow its routines. */
  if (!import_people_locked (self, root, organisation, people_changed, error))
    return FALSE;

  /* One case read and written at a time, all in one transaction. */
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      g_autoptr (LsCase) lcase = read_case (cases, i, error);
      gboolean changed = FALSE;
      g_autoptr (GError) local_error = NULL;

      if (lcase == NULL)
        return FALSE;
      if (!ls_sqlite_store_save_case_locked (self, lcase, organisation, author,
                                             when, &changed, &local_error))
        {
          const char *regno = ls_case_get_regno (lcase);
          g_autofree char *path = g_strdup_printf ("cases[%u]", i);

          /* A file that cannot be written is not the case's fault. */
          if (g_error_matches (local_error, LS_STORE_ERROR,
                               LS_STORE_ERROR_READ_ONLY))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("Case %s is not valid: %s"),
                       regno != NULL ? regno : path, local_error->message);
          return FALSE;
        }
      if (changed)
        (*changed_count)++;
    }
  return import_people_locked (self, root, organisation, people_changed, error);
}

gboolean
ls_sqlite_store_import_document (LsStore *store,
                                 JsonNode *document,
                                 const char *author,
                                 guint *n_changed,
                                 GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (LsOrganisation) imported = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;
  JsonArray *cases = NULL;
  guint changed_count = 0;
  guint people_changed = 0;

  if (!read_document (document, &imported, &cases, error))
    return FALSE;

  locker = g_rec_mutex_locker_new (&self->writer.mutex);
  if (!ls_sqlite_store_begin (self, error) ||
      !import_locked (self, imported, json_node_get_object (document), cases,
                      author, &changed_count, &people_changed, error) ||
      !ls_sqlite_store_commit (self, error))
    {
      ls_sqlite_store_rollback (self);
      return FALSE;
    }
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  if (n_changed != NULL)
    *n_changed = changed_count;
  if (changed_count > 0 || people_changed > 0 || imported != NULL)
    ls_store_emit_changed (store, NULL);
  return TRUE;
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
      json_array_add_object_element (cases, ls_case_to_json (lcase));
    }
  return TRUE;
}

JsonNode *
ls_sqlite_store_export_document (LsStore *store, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (JsonObject) root = json_object_new ();
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

  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 2);
  json_object_set_object_member (root, "organisation",
                                 ls_organisation_to_json (organisation));
  ls_people_register_add_to_document (register_, root);
  json_object_set_array_member (root, "cases", g_steal_pointer (&cases));
  return json_node_init_object (json_node_alloc (), root);
}
