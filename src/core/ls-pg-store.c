/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "ls-pg-store-private.h"

/* The PostgreSQL backend: a database on a server that a team shares.  The
 * connection's settings are libpq's own (a URI, a service of the service
 * file, .pgpass, sslmode, GSSAPI): the store never sees a password unless
 * the location names one, and never shows or logs the location with it. */

G_DEFINE_FINAL_TYPE (LsPgStore, ls_pg_store, LS_TYPE_STORE)

/* Which SQLSTATE an error has: one of the class 23 (integrity), 42501
 * (insufficient privilege, also a row-level security policy), 40001
 * (serialization), or a connection lost (class 08, or none at all). */
static void
set_error_from_result (PGconn *conn, PGresult *result, GError **error)
{
  const char *state =
      result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary =
      result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                     : NULL;

  if (primary == NULL)
    primary = "";
  if (PQstatus (conn) == CONNECTION_BAD || state == NULL ||
      g_str_has_prefix (state, "08") || g_str_equal (state, "57P01"))
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                 _ ("The connection to the shared case database was lost; "
                    "nothing of this change was saved. Lex Sarah connects "
                    "again by itself: try once more."));
  else if (g_str_equal (state, "23505"))
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE,
                 _ ("The registration number or case is already in the "
                    "database."));
  else if (strstr (primary, "append-only") != NULL)
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY,
                 _ ("A documented item can never be changed or removed; add "
                    "a correction instead."));
  else if (g_str_equal (state, "42501") &&
           strstr (primary, "decision-maker") != NULL)
    g_set_error_literal (error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED,
                         ls_store_rights_explain (LS_STORE_RIGHT_CONCLUDE));
  else if (g_str_equal (state, "42501") && strstr (primary, "notifier") != NULL)
    g_set_error_literal (error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED,
                         ls_store_rights_explain (LS_STORE_RIGHT_NOTIFY));
  else if (g_str_equal (state, "42501"))
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED,
                 _ ("Your role in the shared case database does not allow "
                    "this. Nothing was changed."));
  else if (g_str_equal (state, "25006"))
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_READ_ONLY,
                 _ ("The case database cannot be written: it is read-only. "
                    "Nothing was changed."));
  else
    /* The primary message only: its detail could quote a value. */
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                 _ ("The case database could not be used: %s"), primary);
}

/* How a statement's parameters and result are sent: as text, unless a
 * parameter is binary (an attachment's bytes) or the result is. */
typedef struct
{
  const int *lengths;
  const int *formats;
  int result_format;
} Formats;

static PGresult *
exec_params (LsPgConnection *conn,
             const char *sql,
             int n_params,
             const char *const *params,
             const Formats *formats)
{
  /* Without parameters a text may hold several statements (a schema
   * step); PQexecParams takes one. */
  if (n_params == 0 && formats->result_format == 0)
    return PQexec (conn->conn, sql);
  return PQexecParams (conn->conn, sql, n_params, NULL, params,
                       formats->lengths, formats->formats,
                       formats->result_format);
}

static gboolean
result_ok (PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);

  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

/* Runs one statement.  A connection that was lost is made again before a
 * statement outside a transaction, and once more if it is lost during
 * one: the server rolled back what was half done, and the statement is
 * run again.  Inside a transaction the loss is an error, and the caller
 * rolls back. */
/* A connection made again holds none of the statements prepared on the
 * one before. */
static void
reset (LsPgConnection *conn)
{
  PQreset (conn->conn);
  if (conn->prepared != NULL)
    g_hash_table_remove_all (conn->prepared);
}

static PGresult *
query (LsPgConnection *conn,
       const char *sql,
       int n_params,
       const char *const *params,
       const Formats *formats,
       GError **error)
{
  PGresult *result;

  /* What was sent before is confirmed first, in order. */
  if (!ls_pg_flush (conn, error))
    return NULL;
  if (!conn->in_transaction && PQstatus (conn->conn) != CONNECTION_OK)
    reset (conn);
  result = exec_params (conn, sql, n_params, params, formats);
  if (!result_ok (result) && !conn->in_transaction &&
      PQstatus (conn->conn) != CONNECTION_OK)
    {
      PQclear (result);
      g_debug ("Connecting to the shared case database again");
      reset (conn);
      result = exec_params (conn, sql, n_params, params, formats);
    }
  if (!result_ok (result))
    {
      set_error_from_result (conn->conn, result, error);
      PQclear (result);
      return NULL;
    }
  return result;
}

PGresult *
ls_pg_query (LsPgConnection *conn,
             const char *sql,
             int n_params,
             const char *const *params,
             GError **error)
{
  static const Formats text = { NULL, NULL, 0 };

  return query (conn, sql, n_params, params, &text, error);
}

/**
 * ls_pg_query_binary:
 * @lengths: (nullable): the length of each parameter, for binary ones
 * @formats: (nullable): 1 for each binary parameter, 0 for text
 * @result_format: 1 for a binary result
 *
 * As ls_pg_query(), for bytes that are not text: an attachment.
 */
PGresult *
ls_pg_query_binary (LsPgConnection *conn,
                    const char *sql,
                    int n_params,
                    const char *const *params,
                    const int *lengths,
                    const int *formats,
                    int result_format,
                    GError **error)
{
  Formats binary = { lengths, formats, result_format };

  return query (conn, sql, n_params, params, &binary, error);
}

static void
set_send_error (LsPgConnection *conn, GError **error)
{
  set_error_from_result (conn->conn, NULL, error);
}

/**
 * ls_pg_defer:
 * @must_change: the statement must change a row: one that changes none
 *   was refused by row-level security
 *
 * Sends one statement in libpq's pipeline mode, without waiting for the
 * server: its result is read by ls_pg_flush(), which the next
 * ls_pg_query() on @conn (a COMMIT) calls first.  Inside a transaction
 * only: a failure is reported at the flush, and the caller rolls back.
 */
static void
pending_clear (LsPgPending *pending)
{
  g_clear_pointer (&pending->preparing, g_free);
}

/* At most so many statements are kept prepared on a connection: the
 * saves' and imports' few, and never an unbounded number of others. */
#define MAX_PREPARED 64

/* The name @sql is prepared under on the server, sending its
 * preparation first when it is not yet: a statement a save sends for
 * every row is parsed and planned once a connection, not each time.
 * NULL when it is sent as it is. */
static const char *
prepared_name (LsPgConnection *conn, const char *sql, int n_params)
{
  const char *name;
  char *new_name;
  LsPgPending preparing = { FALSE, FALSE, conn->tag, NULL };

  if (conn->prepared == NULL)
    conn->prepared =
        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  name = g_hash_table_lookup (conn->prepared, sql);
  if (name != NULL)
    return name;
  if (g_hash_table_size (conn->prepared) >= MAX_PREPARED)
    return NULL;
  new_name = g_strdup_printf ("ls_%u", ++conn->n_prepared);
  if (PQsendPrepare (conn->conn, new_name, sql, n_params, NULL) != 1)
    {
      g_free (new_name);
      return NULL;
    }
  /* Taken as prepared at once, for what is sent after it in the same
   * pipeline; forgotten again at the flush if the server did not. */
  preparing.preparing = g_strdup (sql);
  g_array_append_val (conn->pending, preparing);
  g_hash_table_insert (conn->prepared, g_strdup (sql), new_name);
  return new_name;
}

static gboolean
send (LsPgConnection *conn,
      const char *sql,
      int n_params,
      const char *const *params,
      gboolean must_change,
      gboolean keep,
      GError **error)
{
  LsPgPending sent = { must_change, keep, conn->tag, NULL };
  const char *name;
  int sent_ok;

  g_return_val_if_fail (conn->in_transaction, FALSE);

  if (conn->pending == NULL)
    {
      conn->pending = g_array_new (FALSE, FALSE, sizeof (LsPgPending));
      g_array_set_clear_func (conn->pending, (GDestroyNotify) pending_clear);
    }
  if (conn->pending->len == 0 && PQenterPipelineMode (conn->conn) != 1)
    {
      set_send_error (conn, error);
      return FALSE;
    }
  name = prepared_name (conn, sql, n_params);
  if (name != NULL)
    sent_ok =
        PQsendQueryPrepared (conn->conn, name, n_params, params, NULL, NULL, 0);
  else
    sent_ok = PQsendQueryParams (conn->conn, sql, n_params, NULL, params, NULL,
                                 NULL, 0);
  if (sent_ok != 1)
    {
      /* Nothing more is sent; the flush reads what was. */
      g_autoptr (GError) ignored = NULL;

      ls_pg_flush (conn, &ignored);
      set_send_error (conn, error);
      return FALSE;
    }
  g_array_append_val (conn->pending, sent);
  return TRUE;
}

gboolean
ls_pg_defer (LsPgConnection *conn,
             const char *sql,
             int n_params,
             const char *const *params,
             gboolean must_change,
             GError **error)
{
  return send (conn, sql, n_params, params, must_change, FALSE, error);
}

/**
 * ls_pg_defer_read:
 *
 * As ls_pg_defer(), for a query whose rows are wanted: after the flush,
 * ls_pg_steal_kept() gives them, in the order the queries were sent.
 * Several reads then cost one round trip.
 */
gboolean
ls_pg_defer_read (LsPgConnection *conn,
                  const char *sql,
                  int n_params,
                  const char *const *params,
                  GError **error)
{
  return send (conn, sql, n_params, params, FALSE, TRUE, error);
}

/**
 * ls_pg_steal_kept:
 * @index: which of the reads sent before the last flush
 *
 * Returns: (transfer full): its rows
 */
PGresult *
ls_pg_steal_kept (LsPgConnection *conn, guint index)
{
  g_return_val_if_fail (conn->kept != NULL && index < conn->kept->len, NULL);

  return g_steal_pointer (&conn->kept->pdata[index]);
}

static gboolean
denied_error (GError **error)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED,
               _ ("Your role in the shared case database does not allow "
                  "changing this case. Nothing was changed."));
  return FALSE;
}

/**
 * ls_pg_flush:
 *
 * Waits for the statements ls_pg_defer() sent: one round trip for all of
 * them.  Returns %FALSE with the first failure in @error, and the tag
 * the failed statement was sent under in @conn's failed_tag; the server
 * skipped the statements after it.
 */
gboolean
ls_pg_flush (LsPgConnection *conn, GError **error)
{
  gboolean ok = TRUE;
  guint n_pending;

  conn->failed_tag = -1;
  if (conn->kept != NULL)
    g_ptr_array_set_size (conn->kept, 0);
  if (conn->pending == NULL || conn->pending->len == 0)
    return TRUE;
  if (conn->kept == NULL)
    conn->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) PQclear);
  n_pending = conn->pending->len;
  if (PQpipelineSync (conn->conn) != 1)
    {
      set_send_error (conn, error);
      n_pending = 0;
      ok = FALSE;
    }
  /* Every result is read, also after a failure: the server answers each
   * statement it skipped. */
  for (guint i = 0; i < n_pending && PQstatus (conn->conn) == CONNECTION_OK;
       i++)
    {
      LsPgPending *sent = &g_array_index (conn->pending, LsPgPending, i);
      PGresult *result;

      /* Each statement's result, then NULL; after a failure the server
       * answers the rest as aborted. */
      if (sent->preparing != NULL)
        {
          /* A preparation: forgotten unless the server made it. */
          gboolean made = FALSE;

          while ((result = PQgetResult (conn->conn)) != NULL)
            {
              ExecStatusType status = PQresultStatus (result);

              made = made || status == PGRES_COMMAND_OK;
              if (ok && status != PGRES_COMMAND_OK &&
                  status != PGRES_PIPELINE_ABORTED)
                {
                  set_error_from_result (conn->conn, result, error);
                  conn->failed_tag = sent->tag;
                  ok = FALSE;
                }
              g_clear_pointer (&result, PQclear);
            }
          if (!made)
            g_hash_table_remove (conn->prepared, sent->preparing);
          continue;
        }
      while ((result = PQgetResult (conn->conn)) != NULL)
        {
          gboolean aborted = PQresultStatus (result) == PGRES_PIPELINE_ABORTED;

          if (ok && !aborted && !result_ok (result))
            {
              set_error_from_result (conn->conn, result, error);
              ok = FALSE;
            }
          else if (ok && !aborted && sent->must_change &&
                   g_str_equal (PQcmdTuples (result), "0"))
            ok = denied_error (error);
          if (!ok && conn->failed_tag < 0)
            conn->failed_tag = sent->tag;
          if (ok && sent->keep && result_ok (result))
            g_ptr_array_add (conn->kept, g_steal_pointer (&result));
          g_clear_pointer (&result, PQclear);
        }
      if (PQstatus (conn->conn) != CONNECTION_OK && ok)
        {
          set_send_error (conn, error);
          conn->failed_tag = sent->tag;
          ok = FALSE;
        }
    }
  /* The end of the pipeline's sync, unless the connection is gone (and
   * with it what was prepared). */
  if (PQstatus (conn->conn) != CONNECTION_OK && conn->prepared != NULL)
    g_hash_table_remove_all (conn->prepared);
  if (PQstatus (conn->conn) == CONNECTION_OK)
    {
      PGresult *result;

      while ((result = PQgetResult (conn->conn)) != NULL)
        {
          gboolean synced = PQresultStatus (result) == PGRES_PIPELINE_SYNC;

          PQclear (result);
          if (synced)
            break;
        }
      PQexitPipelineMode (conn->conn);
    }
  g_array_set_size (conn->pending, 0);
  return ok;
}

gboolean
ls_pg_run (LsPgConnection *conn,
           const char *sql,
           int n_params,
           const char *const *params,
           GError **error)
{
  g_autoptr (PGresult) result =
      ls_pg_query (conn, sql, n_params, params, error);

  return result != NULL;
}

char *
ls_pg_dup_value (PGresult *result, int row, int column)
{
  if (PQgetisnull (result, row, column))
    return NULL;
  return g_strdup (PQgetvalue (result, row, column));
}

/* Appends the JSON object of @column of every row to @array. */
gboolean
ls_pg_add_json_rows (PGresult *rows,
                     int column,
                     JsonArray *array,
                     GError **error)
{
  for (int i = 0; i < PQntuples (rows); i++)
    {
      JsonObject *object =
          ls_store_object_from_string (PQgetvalue (rows, i, column), error);

      if (object == NULL)
        return FALSE;
      json_array_add_object_element (array, object);
    }
  return TRUE;
}

gint64
ls_pg_int_value (PGresult *result, int row, int column)
{
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

/* A text[] or bigint[] parameter in the server's array syntax. */
char *
ls_pg_dup_array_literal (GPtrArray *values)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      for (const char *c = values->pdata[i]; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Starts a write on the writer; the caller holds its mutex. */
gboolean
ls_pg_begin (LsPgStore *self, GError **error)
{
  if (self->read_only)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_READ_ONLY,
                   _ ("The case database cannot be written: it was opened "
                      "read-only. Nothing was changed."));
      return FALSE;
    }
  if (!ls_pg_run (&self->writer, "BEGIN", 0, NULL, error))
    return FALSE;
  self->writer.in_transaction = TRUE;
  return TRUE;
}

/**
 * ls_pg_begin_deferred:
 *
 * As ls_pg_begin(), sending the BEGIN with what follows instead of
 * waiting for it: the first flush confirms it.  A connection found lost
 * is made again first.
 */
gboolean
ls_pg_begin_deferred (LsPgStore *self, GError **error)
{
  if (self->read_only)
    return ls_pg_begin (self, error);
  if (!ls_pg_flush (&self->writer, error))
    return FALSE;
  if (PQstatus (self->writer.conn) != CONNECTION_OK)
    reset (&self->writer);
  self->writer.in_transaction = TRUE;
  if (!ls_pg_defer (&self->writer, "BEGIN", 0, NULL, FALSE, error))
    {
      self->writer.in_transaction = FALSE;
      return FALSE;
    }
  return TRUE;
}

gboolean
ls_pg_commit (LsPgStore *self, GError **error)
{
  /* Sent after what is still unconfirmed, and confirmed with it: one
   * round trip.  When a statement before it failed, the server skipped
   * the COMMIT and the transaction is still open: it is rolled back. */
  gboolean ok = ls_pg_defer (&self->writer, "COMMIT", 0, NULL, FALSE, error) &&
                ls_pg_flush (&self->writer, error);

  if (!ok)
    {
      ls_pg_rollback (self);
      return FALSE;
    }
  self->writer.in_transaction = FALSE;
  return TRUE;
}

void
ls_pg_rollback (LsPgStore *self)
{
  g_autoptr (GError) ignored = NULL;

  ls_pg_flush (&self->writer, &ignored);
  if (self->writer.in_transaction &&
      PQstatus (self->writer.conn) == CONNECTION_OK)
    {
      PGresult *result = PQexec (self->writer.conn, "ROLLBACK");

      PQclear (result);
    }
  self->writer.in_transaction = FALSE;
}

/* ---- Locations ---------------------------------------------------------- */

/* The location to show: libpq's keywords without a password, if it named
 * one, so that none reaches a title, a message or a log. */
static char *
dup_display_location (const char *location)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  gboolean has_password = FALSE;
  GString *shown;

  if (options == NULL)
    return g_strdup (_ ("a shared case database"));
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL)
      has_password = TRUE;
  if (!has_password)
    {
      PQconninfoFree (options);
      return g_strdup (location);
    }
  shown = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || g_str_equal (o->keyword, "password"))
        continue;
      if (shown->len > 0)
        g_string_append_c (shown, ' ');
      g_string_append_printf (shown, "%s=%s", o->keyword, o->val);
    }
  PQconninfoFree (options);
  return g_string_free (shown, FALSE);
}

/**
 * ls_pg_store_location_has_password:
 * @location: a libpq connection string or URI
 *
 * Returns: whether @location names a password (password= or a URI's
 *   user:password@), which the settings must never keep
 */
gboolean
ls_pg_store_location_has_password (const char *location)
{
  PQconninfoOption *options;
  gboolean has_password = FALSE;

  g_return_val_if_fail (location != NULL, FALSE);

  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return FALSE;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL)
      has_password = TRUE;
  PQconninfoFree (options);
  return has_password;
}

/**
 * ls_pg_store_is_valid_location:
 * @location: what the person typed as a shared database
 *
 * Returns: whether libpq can read @location as a connection
 */
gboolean
ls_pg_store_is_valid_location (const char *location)
{
  PQconninfoOption *options;

  g_return_val_if_fail (location != NULL, FALSE);

  if (!ls_store_location_is_server (location))
    return FALSE;
  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return FALSE;
  PQconninfoFree (options);
  return TRUE;
}

/**
 * ls_pg_store_dup_location_with_password:
 * @location: a libpq connection string or URI without a password
 * @password: the password the person gave
 *
 * Returns: (transfer full) (nullable): @location in libpq's keyword form
 *   with @password, to open the store with and to forget after; %NULL
 *   when @location cannot be read
 */
char *
ls_pg_store_dup_location_with_password (const char *location,
                                        const char *password)
{
  PQconninfoOption *options;
  GString *out;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      const char *value =
          g_str_equal (o->keyword, "password") ? password : o->val;

      if (value == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      /* libpq's quoting: single quotes, with \ before ' and \. */
      g_string_append_printf (out, "%s='", o->keyword);
      for (const char *c = value; *c != '\0'; c++)
        {
          if (*c == '\'' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '\'');
    }
  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

/* ---- Connecting and the schema ------------------------------------------ */

/* The server's notices (a role that did not exist, a table made anew)
 * are not the user's business, nor the terminal's. */
static void
ignore_notice (void *user_data, const char *message)
{
}

static gboolean
connect_to (LsPgConnection *conn, const char *location, GError **error)
{
  g_autoptr (PGresult) result = NULL;

  conn->conn = PQconnectdb (location);
  if (PQstatus (conn->conn) != CONNECTION_OK)
    {
      /* libpq's message names the server and why; it never holds the
       * password. */
      g_autofree char *message =
          g_strstrip (g_strdup (PQerrorMessage (conn->conn)));

      /* Said plainly, as far as libpq's message tells: the server's own
       * words are English unless its lc_messages says otherwise. */
      if (PQconnectionNeedsPassword (conn->conn))
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NEEDS_PASSWORD,
                     _ ("The shared case database asks for a password."));
      else if (PQconnectionUsedPassword (conn->conn) &&
               strstr (message, "password authentication failed") != NULL)
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NEEDS_PASSWORD,
                     _ ("The password was not accepted. Try again."));
      else if (strstr (message, "role \"") != NULL &&
               strstr (message, "does not exist") != NULL)
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                     _ ("The server has no role of that name: ask your IT to "
                        "add you to the shared case database."));
      else if (strstr (message, "database \"") != NULL &&
               strstr (message, "does not exist") != NULL)
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_A_DATABASE,
                     _ ("The server has no database of that name: check the "
                        "connection, or ask your IT."));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED,
                     _ ("Could not connect to the shared case database: %s"),
                     message);
      return FALSE;
    }
  /* Times as the SQLite store writes them, whatever the server's zone;
   * warnings (NOTICE) are not printed on the terminal. */
  PQsetNoticeProcessor (conn->conn, ignore_notice, NULL);
  return ls_pg_run (conn,
                    "SET TIME ZONE 'UTC'; SET client_min_messages = error", 0,
                    NULL, error);
}

/* The session's rights, from its membership of the team's group roles:
 * everything for the owner (and a superuser, who is a member of every
 * role) and in a database that was never set up for a team. */
static gboolean
read_rights (LsPgStore *self, GError **error)
{
  static const struct
  {
    const char *role;
    LsStoreRights rights;
  } groups[] = {
    { "lexsarah_receiver", LS_STORE_RIGHT_FILE },
    { "lexsarah_investigator", LS_STORE_RIGHT_INVESTIGATE },
    { "lexsarah_decision_maker", LS_STORE_RIGHT_CONCLUDE },
    { "lexsarah_notifier", LS_STORE_RIGHT_NOTIFY },
    { "lexsarah_administrator", LS_STORE_RIGHT_ADMINISTER },
  };
  const char *params[G_N_ELEMENTS (groups)];
  g_autoptr (PGresult) result = NULL;
  LsStoreRights rights = 0;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    params[i] = groups[i].role;
  result = ls_pg_query (
      &self->writer,
      "SELECT pg_has_role (current_user, (SELECT relowner FROM pg_class "
      "  WHERE oid = 'cases'::regclass), 'MEMBER') "
      "  OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = $1), "
      "  r.rolname = $1 AND r.m, r.rolname = $2 AND r.m, "
      "  r.rolname = $3 AND r.m, r.rolname = $4 AND r.m, "
      "  r.rolname = $5 AND r.m "
      "FROM (SELECT rolname, pg_has_role (current_user, oid, 'MEMBER') AS m "
      "  FROM pg_roles WHERE rolname IN ($1, $2, $3, $4, $5)) AS r",
      G_N_ELEMENTS (groups), params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    rights = LS_STORE_RIGHTS_ALL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      if (g_str_equal (PQgetvalue (result, row, 0), "t"))
        rights = LS_STORE_RIGHTS_ALL;
      for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
        if (g_str_equal (PQgetvalue (result, row, 1 + i), "t"))
          rights |= groups[i].rights;
    }
  ls_store_set_rights (LS_STORE (self), rights);
  /* In a database set up for a team the server writes who saved: the
   * person of the session's role, or the role itself. */
  g_clear_pointer (&result, PQclear);
  result = ls_pg_query (&self->writer,
                        "SELECT to_regproc ('lexsarah_author') IS NOT NULL", 0,
                        NULL, error);
  if (result == NULL)
    return FALSE;
  if (g_str_equal (PQgetvalue (result, 0, 0), "t"))
    {
      g_autoptr (PGresult) person =
          ls_pg_query (&self->writer,
                       "SELECT lexsarah_author (), (SELECT title FROM people "
                       "  WHERE role = session_user)",
                       0, NULL, NULL);

      if (person != NULL)
        {
          g_autofree char *name = ls_pg_dup_value (person, 0, 0);
          g_autofree char *title = ls_pg_dup_value (person, 0, 1);

          ls_store_set_identity (LS_STORE (self), name, title);
        }
    }
  return TRUE;
}

static gboolean
open_connections (LsPgStore *self, LsStoreOpenFlags flags, GError **error)
{
  g_autoptr (PGresult) result = NULL;
  gboolean foreign = FALSE;
  int version;

  self->read_only = (flags & LS_STORE_OPEN_READ_ONLY) != 0;
  if (!connect_to (&self->writer, self->location, error))
    return FALSE;

  /* A newer or foreign database is refused before anything is written. */
  version = ls_pg_read_version (&self->writer, &foreign, error);
  if (version < 0 || !ls_pg_check_version (version, foreign, error))
    return FALSE;
  if (!ls_pg_bring_up_to_date (self, version, error))
    return FALSE;

  result = ls_pg_query (&self->writer, "SELECT current_user", 0, NULL, error);
  if (result == NULL)
    return FALSE;
  self->role = ls_pg_dup_value (result, 0, 0);
  if (!read_rights (self, error))
    return FALSE;

  return connect_to (&self->reader, self->location, error);
}

/* ---- Other clients' saves ----------------------------------------------- */

/* A thread of its own, with a connection of its own that only LISTENs:
 * each NOTIFY of another client's commit is "changed" with the case's
 * uuid, in the store's main loop.  Our own writer's are left out, for
 * they were told already. */
static gpointer
listen_thread (gpointer user_data)
{
  LsPgStore *self = user_data;
  LsPgConnection listener = { 0 };

  for (;;)
    {
      struct pollfd fds[2];
      PGnotify *notify;
      int writer_pid;

      if (listener.conn == NULL || PQstatus (listener.conn) != CONNECTION_OK)
        {
          g_autoptr (GError) error = NULL;

          g_clear_pointer (&listener.conn, PQfinish);
          if (!connect_to (&listener, self->location, &error) ||
              !ls_pg_run (&listener, "LISTEN " LS_PG_CHANNEL, 0, NULL, &error))
            g_debug ("Not listening for other clients' saves yet: %s",
                     error->message);
        }

      fds[0].fd = self->wake_fds[0];
      fds[0].events = POLLIN;
      fds[1].fd = listener.conn != NULL ? PQsocket (listener.conn) : -1;
      fds[1].events = POLLIN;
      if (poll (fds, 2, 1000) < 0 && errno != EINTR)
        break;
      if (fds[0].revents != 0)
        break;
      if (listener.conn == NULL || PQconsumeInput (listener.conn) == 0)
        continue;

      writer_pid = g_atomic_int_get (&self->writer_pid);
      while ((notify = PQnotifies (listener.conn)) != NULL)
        {
          g_atomic_int_inc (&self->generation);
          if (notify->be_pid != writer_pid)
            ls_store_emit_changed (
                LS_STORE (self), *notify->extra != '\0' ? notify->extra : NULL);
          PQfreemem (notify);
        }
    }
  g_clear_pointer (&listener.conn, PQfinish);
  return NULL;
}

static gboolean
start_listener (LsPgStore *self, GError **error)
{
  if (!g_unix_open_pipe (self->wake_fds, FD_CLOEXEC, error))
    return FALSE;
  g_atomic_int_set (&self->writer_pid, PQbackendPID (self->writer.conn));
  self->listener = g_thread_new ("ls-pg-listen", listen_thread, self);
  return TRUE;
}

/* For the writer, after a commit: its server process may be a new one,
 * and the kept count of every case is counted again. */
void
ls_pg_store_note_writer (LsPgStore *self)
{
  g_atomic_int_inc (&self->generation);
  g_atomic_int_set (&self->writer_pid, PQbackendPID (self->writer.conn));
}

/* ---- GObject ------------------------------------------------------------ */

static const char *
ls_pg_store_get_location (LsStore *store)
{
  return LS_PG_STORE (store)->display_location;
}

static void
ls_pg_store_dispose (GObject *object)
{
  LsPgStore *self = LS_PG_STORE (object);

  if (self->listener != NULL)
    {
      char byte = 0;

      if (write (self->wake_fds[1], &byte, 1) < 0)
        g_debug ("Could not wake the listener: %s", g_strerror (errno));
      g_thread_join (g_steal_pointer (&self->listener));
    }

  G_OBJECT_CLASS (ls_pg_store_parent_class)->dispose (object);
}

static void
ls_pg_store_finalize (GObject *object)
{
  LsPgStore *self = LS_PG_STORE (object);

  for (guint i = 0; i < 2; i++)
    if (self->wake_fds[i] >= 0)
      close (self->wake_fds[i]);
  g_clear_pointer (&self->writer.conn, PQfinish);
  g_clear_pointer (&self->reader.conn, PQfinish);
  for (guint i = 0; i < 2; i++)
    {
      LsPgConnection *conn = i == 0 ? &self->writer : &self->reader;

      g_clear_pointer (&conn->pending, g_array_unref);
      g_clear_pointer (&conn->prepared, g_hash_table_unref);
      g_clear_pointer (&conn->kept, g_ptr_array_unref);
    }
  g_rec_mutex_clear (&self->writer.mutex);
  g_rec_mutex_clear (&self->reader.mutex);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->display_location, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (ls_pg_store_parent_class)->finalize (object);
}

static void
ls_pg_store_class_init (LsPgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LsStoreClass *store_class = LS_STORE_CLASS (klass);

  object_class->dispose = ls_pg_store_dispose;
  object_class->finalize = ls_pg_store_finalize;

  store_class->get_location = ls_pg_store_get_location;
  ls_pg_store_class_init_save (store_class);
  ls_pg_store_class_init_cases (store_class);
  ls_pg_store_class_init_people (store_class);
  ls_pg_store_class_init_statistics (store_class);
  ls_pg_store_class_init_queries (store_class);
}

static void
ls_pg_store_init (LsPgStore *self)
{
  g_rec_mutex_init (&self->writer.mutex);
  g_rec_mutex_init (&self->reader.mutex);
  self->wake_fds[0] = self->wake_fds[1] = -1;
  self->n_cases = -1;
  self->writer.tag = self->writer.failed_tag = -1;
  self->reader.tag = self->reader.failed_tag = -1;
}

/**
 * ls_pg_store_open:
 * @location: a libpq connection string or URI
 * @flags: how to open it
 *
 * Connects to a shared case database, creating its schema in an empty
 * database and migrating an older one, as ls_store_open_full() documents.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LsStore *
ls_pg_store_open (const char *location, LsStoreOpenFlags flags, GError **error)
{
  g_autoptr (LsPgStore) self = NULL;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LS_TYPE_PG_STORE, NULL);
  self->location = g_strdup (location);
  self->display_location = dup_display_location (location);
  if (!open_connections (self, flags, error))
    return NULL;
  if (!self->read_only && !start_listener (self, error))
    return NULL;

  return LS_STORE (g_steal_pointer (&self));
}

/**
 * ls_pg_store_get_role:
 *
 * Returns: the role the store's session has on the server
 */
const char *
ls_pg_store_get_role (LsPgStore *self)
{
  g_return_val_if_fail (LS_IS_PG_STORE (self), NULL);

  return self->role;
}

/**
 * ls_pg_store_init_shared:
 * @conninfo: a connection, as the database's owner
 *
 * Sets a database up for a team: the schema, the group roles and the
 * row-level security policies.  Run again, it changes nothing that is
 * set up already, and brings an older set-up up to date.
 */
gboolean
ls_pg_store_init_shared (const char *conninfo, GError **error)
{
  g_autoptr (LsStore) store = NULL;
  LsPgStore *self;
  g_autoptr (GRecMutexLocker) locker = NULL;

  store = ls_pg_store_open (conninfo, LS_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  self = LS_PG_STORE (store);
  locker = g_rec_mutex_locker_new (&self->writer.mutex);
  if (!ls_pg_begin (self, error) ||
      !ls_pg_run (&self->writer,
                  "SELECT pg_advisory_xact_lock (hashtext ('lexsarah'))", 0,
                  NULL, error))
    goto fail;
  if (!ls_pg_run_team_setup (self, error) || !ls_pg_commit (self, error))
    goto fail;
  return TRUE;

fail:
  ls_pg_rollback (self);
  return FALSE;
}
