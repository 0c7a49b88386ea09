/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-enum-types.h"
#include "ls-pg-store-private.h"
#include "ls-rules.h"
#include "ls-store-people-driver.h"

/* On PostgreSQL as on SQLite: the register of people who must report,
 * their information occasions and the decided versions of the routines
 * (the register_* tables, apart from the team's people); the files
 * attached to a case (bytea, never changed in place); and a case's
 * history and attachments in an exchange document.  What is decided is
 * decided in ls-store-backend-extras.c, for both backends. */

/* The tables of the register, in the order of ls_store_register_member(). */
static const char *const tables[LS_STORE_REGISTER_TABLES] = {
  "register_people",
  "register_occasions",
  "register_routines",
};

/* The records of @table in @part, from rows of their JSON. */
static gboolean
add_rows (JsonObject *part, guint table, PGresult *rows, GError **error)
{
  g_autoptr (JsonArray) array = json_array_new ();

  if (!ls_pg_add_json_rows (rows, 0, array, error))
    return FALSE;
  json_object_set_array_member (part, ls_store_register_member (table),
                                g_steal_pointer (&array));
  return TRUE;
}

LsPeopleRegister *
ls_pg_store_load_people_on (LsPgConnection *conn,
                            gboolean routines_only,
                            GError **error)
{
  g_autoptr (JsonObject) part = json_object_new ();

  for (guint t = routines_only ? 2 : 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql =
          g_strdup_printf ("SELECT json FROM %s ORDER BY seq", tables[t]);
      g_autoptr (PGresult) rows = ls_pg_query (conn, sql, 0, NULL, error);

      if (rows == NULL || !add_rows (part, t, rows, error))
        return NULL;
    }
  return ls_store_register_from_part (part, error);
}

/**
 * ls_pg_store_routines_from_rows:
 * @rows: the JSON of register_routines, in their order
 *
 * Returns: (transfer full): a register of only the routines
 */
LsPeopleRegister *
ls_pg_store_routines_from_rows (PGresult *rows, GError **error)
{
  g_autoptr (JsonObject) part = json_object_new ();

  if (!add_rows (part, 2, rows, error))
    return NULL;
  return ls_store_register_from_part (part, error);
}

static LsPeopleRegister *
ls_pg_store_load_people (LsStore *store, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return ls_pg_store_load_people_on (&self->reader, FALSE, error);
}

/* The rows of one case of "needs attention now", computed again. */
static gboolean
write_attention (LsPgStore *self,
                 const char *case_id,
                 LsOrganisation *organisation,
                 LsPeopleRegister *routines,
                 GError **error)
{
  g_autoptr (LsCase) lcase =
      ls_pg_store_load_case_on (&self->writer, "id", case_id, error);
  g_autoptr (GArray) rows = NULL;
  const char *clear[] = { case_id };

  if (lcase == NULL ||
      !ls_pg_run (&self->writer, "DELETE FROM attention WHERE case_id = $1", 1,
                  clear, error))
    return FALSE;
  rows = ls_store_attention_rows (lcase, organisation, routines);
  for (guint i = 0; i < rows->len; i++)
    {
      const LsRulesAttention *row = &g_array_index (rows, LsRulesAttention, i);
      g_autofree char *step = ls_store_dup_enum_nick (LS_TYPE_STEP, row->step);
      const char *params[] = { case_id, step, row->due };

      if (!ls_pg_run (&self->writer,
                      "INSERT INTO attention (case_id, step, due) "
                      "VALUES ($1, $2, $3)",
                      3, params, error))
        return FALSE;
    }
  return TRUE;
}

/* After the routines or the register changed, in the transaction that
 * changed them: what needs attention in a case depends on them too (a
 * holder concerned by the report with nobody to take over), so the rows
 * of every case not closed are computed again rather than waiting for
 * the case to be saved.  A team database set up before the administrator
 * could write these rows keeps the register's change, and each case's
 * rows catch up when it is saved. */
static gboolean
refresh_attention (LsPgStore *self,
                   LsOrganisation *organisation,
                   GError **error)
{
  g_autoptr (LsPeopleRegister) routines =
      ls_pg_store_load_people_on (&self->writer, TRUE, error);
  g_autofree char *closed =
      ls_store_dup_enum_nick (LS_TYPE_CASE_STATUS, LS_CASE_STATUS_CLOSED);
  const char *params[] = { closed };
  g_autoptr (PGresult) rows = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok = TRUE;

  if (routines == NULL ||
      !ls_pg_run (&self->writer, "SAVEPOINT attention", 0, NULL, error))
    return FALSE;
  rows = ls_pg_query (&self->writer,
                      "SELECT id FROM cases WHERE status IS DISTINCT FROM $1 "
                      "ORDER BY id",
                      1, params, &local_error);
  ok = rows != NULL;
  for (int i = 0; ok && i < PQntuples (rows); i++)
    ok = write_attention (self, PQgetvalue (rows, i, 0), organisation, routines,
                          &local_error);
  if (ok)
    return ls_pg_run (&self->writer, "RELEASE SAVEPOINT attention", 0, NULL,
                      error);
  if (!g_error_matches (local_error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_debug ("The rows of what needs attention wait for each case's save: %s",
           local_error->message);
  return ls_pg_run (&self->writer, "ROLLBACK TO SAVEPOINT attention", 0, NULL,
                    error);
}

/* ---- What the register's save needs of PostgreSQL --------------------- */

static char *
query_text (gpointer backend,
            const char *sql,
            int n_params,
            const char *const *params,
            GError **error)
{
  LsPgStore *self = backend;
  g_autoptr (PGresult) row =
      ls_pg_query (&self->writer, sql, n_params, params, error);

  if (row == NULL || PQntuples (row) == 0)
    return NULL;
  return ls_pg_dup_value (row, 0, 0);
}

static gboolean
run (gpointer backend,
     const char *sql,
     int n_params,
     const char *const *params,
     GError **error)
{
  LsPgStore *self = backend;

  return ls_pg_run (&self->writer, sql, n_params, params, error);
}

static LsOrganisation *
load_organisation (gpointer backend, GError **error)
{
  LsPgStore *self = backend;

  return ls_pg_store_load_organisation_on (&self->writer, error);
}

static const LsStorePeopleDriver people_driver = {
  .writer_mutex_offset = G_STRUCT_OFFSET (LsPgStore, writer.mutex),
  .tables = tables,
  .begin = (gboolean (*) (gpointer, GError **)) ls_pg_begin,
  .commit = (gboolean (*) (gpointer, GError **)) ls_pg_commit,
  .rollback = (void (*) (gpointer)) ls_pg_rollback,
  .committed = (void (*) (gpointer)) ls_pg_store_note_writer,
  .load_organisation = load_organisation,
  .query_text = query_text,
  .run = run,
  .refresh_attention =
      (gboolean (*) (gpointer, LsOrganisation *, GError **)) refresh_attention,
};

gboolean
ls_pg_store_import_people_locked (LsPgStore *self,
                                  JsonObject *root,
                                  LsOrganisation *organisation,
                                  guint *n_changed,
                                  GError **error)
{
  return ls_store_people_import_locked (&people_driver, self, root,
                                        organisation, n_changed, error);
}

static gboolean
ls_pg_store_save_people (LsStore *store,
                         LsPeopleRegister *register_,
                         GError **error)
{
  return ls_store_people_save (store, &people_driver, register_, error);
}

/* ---- Attachments -------------------------------------------------------- */

static char *
case_id_of (LsPgConnection *conn, const char *case_uuid, GError **error)
{
  const char *params[] = { case_uuid };
  g_autoptr (PGresult) row = ls_pg_query (
      conn, "SELECT id FROM cases WHERE uuid = $1", 1, params, error);

  if (row == NULL)
    return NULL;
  if (PQntuples (row) == 0)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      return NULL;
    }
  return ls_pg_dup_value (row, 0, 0);
}

/* What an import or an attachment adds to one case. */
typedef struct
{
  LsPgStore *self;
  const char *case_id;
} Target;

/* A history entry (at, field, old, new, who, why), unless the case has
 * it already: a case that moves back and forth keeps one trail. */
static gboolean
add_history_once (gpointer backend,
                  const char *const values[6],
                  gboolean *changed,
                  GError **error)
{
  Target *t = backend;
  const char *params[] = { t->case_id, values[0], values[1], values[2],
                           values[3],  values[4], values[5] };
  g_autoptr (PGresult) found = ls_pg_query (
      &t->self->writer,
      "SELECT 1 FROM history WHERE case_id = $1 AND at = $2 AND field = $3 "
      "AND old IS NOT DISTINCT FROM $4 AND new IS NOT DISTINCT FROM $5 "
      "AND who = $6 AND why IS NOT DISTINCT FROM $7",
      7, params, error);

  if (found == NULL)
    return FALSE;
  if (PQntuples (found) > 0)
    return TRUE;
  *changed = TRUE;
  return ls_pg_run (&t->self->writer,
                    "INSERT INTO history (case_id, at, field, old, new, who, "
                    "why) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    7, params, error);
}

/* Inside the writer's transaction.  An attachment already stored under
 * its uuid must be exactly the same file. */
static gboolean
insert_attachment (gpointer backend,
                   LsAttachment *attachment,
                   GBytes *data,
                   gboolean *changed,
                   GError **error)
{
  Target *t = backend;
  const char *key[] = { ls_attachment_get_uuid (attachment) };
  g_autoptr (PGresult) found = NULL;
  g_autofree char *size = NULL;
  gsize length;
  gconstpointer bytes = g_bytes_get_data (data, &length);

  found = ls_pg_query (
      &t->self->writer,
      "SELECT case_id, sha256, name FROM attachments WHERE uuid = $1", 1, key,
      error);
  if (found == NULL)
    return FALSE;
  if (PQntuples (found) > 0)
    {
      if (g_str_equal (PQgetvalue (found, 0, 0), t->case_id) &&
          g_strcmp0 (PQgetvalue (found, 0, 1),
                     ls_attachment_get_sha256 (attachment)) == 0 &&
          g_strcmp0 (PQgetvalue (found, 0, 2),
                     ls_attachment_get_name (attachment)) == 0)
        return TRUE;
      return ls_store_attachment_changed_error (error);
    }

  size = g_strdup_printf ("%" G_GSIZE_FORMAT, length);
  {
    const char *params[] = { ls_attachment_get_uuid (attachment),
                             t->case_id,
                             ls_attachment_get_name (attachment),
                             ls_attachment_get_content_type (attachment),
                             ls_attachment_get_kind (attachment),
                             size,
                             ls_attachment_get_sha256 (attachment),
                             ls_attachment_get_replaces (attachment),
                             ls_attachment_get_added_by (attachment),
                             ls_attachment_get_added_at (attachment),
                             length > 0 ? bytes : "" };
    /* The bytes as bytes: a binary parameter, no escaping. */
    const int lengths[11] = { [10] = (int) length };
    const int formats[11] = { [10] = 1 };
    g_autoptr (PGresult) result = ls_pg_query_binary (
        &t->self->writer,
        "INSERT INTO attachments (uuid, case_id, name, content_type, kind, "
        "size, sha256, replaces, added_by, added_at, data) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        11, params, lengths, formats, 0, error);

    if (result == NULL)
      return FALSE;
  }
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

static LsAttachment *
ls_pg_store_add_attachment (LsStore *store,
                            const char *case_uuid,
                            LsAttachment *attachment,
                            GBytes *data,
                            GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);
  g_autofree char *case_id = NULL;
  gboolean changed = FALSE;
  Target target = { self, NULL };

  if (!ls_store_check_attachment_data (attachment, data, error) ||
      !ls_pg_begin (self, error))
    return NULL;
  target.case_id = case_id = case_id_of (&self->writer, case_uuid, error);
  if (case_id == NULL ||
      !insert_attachment (&target, attachment, data, &changed, error) ||
      !ls_pg_commit (self, error))
    {
      ls_pg_rollback (self);
      return NULL;
    }
  ls_pg_store_note_writer (self);
  g_clear_pointer (&locker, g_rec_mutex_locker_free);
  if (changed)
    ls_store_emit_changed (store, case_uuid);
  return g_object_ref (attachment);
}

static GPtrArray *
list_on (LsPgConnection *conn, const char *case_id, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  const char *params[] = { case_id };
  g_autoptr (PGresult) rows = ls_pg_query (
      conn,
      "SELECT uuid, name, content_type, kind, size, sha256, replaces, "
      "added_by, added_at FROM attachments WHERE case_id = $1 ORDER BY id",
      1, params, error);

  if (rows == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (rows); i++)
    {
      const char *c[9];

      for (int k = 0; k < 9; k++)
        c[k] = PQgetisnull (rows, i, k) ? NULL : PQgetvalue (rows, i, k);
      g_ptr_array_add (
          out, ls_attachment_new_stored (c[0], c[1], c[2], c[3],
                                         g_ascii_strtoll (c[4], NULL, 10), c[5],
                                         c[6], c[7], c[8]));
    }
  return g_steal_pointer (&out);
}

static GPtrArray *
ls_pg_store_list_attachments (LsStore *store,
                              const char *case_uuid,
                              GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autofree char *case_id = case_id_of (&self->reader, case_uuid, error);

  if (case_id == NULL)
    return NULL;
  return list_on (&self->reader, case_id, error);
}

static GBytes *
read_on (gpointer connection, const char *uuid, GError **error)
{
  LsPgConnection *conn = connection;
  const char *params[] = { uuid };
  /* The bytes as bytes: a binary result. */
  g_autoptr (PGresult) row =
      ls_pg_query_binary (conn, "SELECT data FROM attachments WHERE uuid = $1",
                          1, params, NULL, NULL, 1, error);

  if (row == NULL)
    return NULL;
  if (PQntuples (row) == 0)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The attachment was not found."));
      return NULL;
    }
  return g_bytes_new (PQgetvalue (row, 0, 0), (gsize) PQgetlength (row, 0, 0));
}

static GBytes *
ls_pg_store_read_attachment (LsStore *store, const char *uuid, GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);

  return read_on (&self->reader, uuid, error);
}

/* ---- In the exchange format --------------------------------------------- */

/* Inside the export's snapshot, on the reader: the case's history, every
 * entry, and its attachments with their bytes. */
gboolean
ls_pg_store_export_case_extras (LsPgStore *self,
                                const char *case_id,
                                JsonObject *json,
                                GError **error)
{
  g_autoptr (JsonArray) history = json_array_new ();
  g_autoptr (GPtrArray) list = NULL;
  const char *params[] = { case_id };
  g_autoptr (PGresult) rows =
      ls_pg_query (&self->reader,
                   "SELECT at, field, old, new, who, why FROM history "
                   "WHERE case_id = $1 ORDER BY id",
                   1, params, error);

  if (rows == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (rows); i++)
    {
      const char *values[6];

      for (int k = 0; k < 6; k++)
        values[k] = PQgetisnull (rows, i, k) ? NULL : PQgetvalue (rows, i, k);
      json_array_add_object_element (history,
                                     ls_store_history_entry_to_json (values));
    }

  list = list_on (&self->reader, case_id, error);
  if (list == NULL)
    return FALSE;
  return ls_store_set_extras (json, g_steal_pointer (&history), list, read_on,
                              &self->reader, error);
}

/* Inside the import's transaction, after the case is saved. */
gboolean
ls_pg_store_import_case_extras (LsPgStore *self,
                                const char *case_uuid,
                                JsonArray *history,
                                JsonArray *attachments,
                                const char *path,
                                gboolean *changed,
                                GError **error)
{
  g_autofree char *case_id = NULL;
  Target target = { self, NULL };
  LsStoreExtrasIO io = { &target, add_history_once, insert_attachment };

  if ((history == NULL || json_array_get_length (history) == 0) &&
      (attachments == NULL || json_array_get_length (attachments) == 0))
    return TRUE;
  target.case_id = case_id = case_id_of (&self->writer, case_uuid, error);
  if (case_id == NULL)
    return FALSE;
  return ls_store_import_extras (&io, history, attachments, path, changed,
                                 error);
}

void
ls_pg_store_class_init_people (LsStoreClass *klass)
{
  klass->load_people = ls_pg_store_load_people;
  klass->save_people = ls_pg_store_save_people;
  klass->add_attachment = ls_pg_store_add_attachment;
  klass->list_attachments = ls_pg_store_list_attachments;
  klass->read_attachment = ls_pg_store_read_attachment;
}
