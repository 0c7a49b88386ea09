/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ls-paths.h"
#include "ls-store-private.h"
#include "ls-store.h"

/* All SQL of the application lives in the store: the model and the UI see
 * JSON objects, summaries and GListModels, never SQLite, so that another
 * backend can be added later.
 *
 * One connection per store, guarded by a recursive mutex, so that the
 * _async functions can run in GTask threads.  Every public function that
 * writes is one transaction. */

#define BUSY_TIMEOUT_MS 5000
#define FILE_MODE 0600

struct _LsStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GRecMutex mutex;
  GHashTable *statements; /* SQL -> sqlite3_stmt */

  GThread *owner;
  GMainContext *context;
};

G_DEFINE_FINAL_TYPE (LsStore, ls_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (ls - store - error - quark, ls_store_error)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The case fields whose text is searched, by the start of their name, so
 * that "lessons" also covers "lessons_learned".  Strings inside arrays and
 * objects (actions, causes) count too. */
static const char *const search_fields[] = {
  "title",   "description", "consequences", "immediate_actions",
  "actions", "causes",      "conclusion",   "lessons",
  "what",    "summary",
};

typedef sqlite3_stmt LsStmt;

static void
stmt_release (LsStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsStmt, stmt_release)

static void
set_db_error (LsStore *self, GError **error, int rc)
{
  const char *message =
      self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int primary = rc & 0xff;

  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE,
                 _ ("The registration number or case is already in the "
                    "database."));
  else if (primary == SQLITE_CONSTRAINT && strstr (message, "append-only"))
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY,
                 _ ("A documented item can never be changed or removed; add "
                    "a correction instead."));
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT,
                 _ ("The case database is damaged: %s"), message);
  else
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                 _ ("The case database could not be used: %s"), message);
}

static LsStmt *
get_stmt (LsStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt,
                           NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, error, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec_sql (LsStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_db_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text (LsStmt *stmt, int index, const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static char *
column_dup (LsStmt *stmt, int index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (LsStore *self, LsStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      rc = sqlite3_extended_errcode (self->db);
      set_db_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
begin (LsStore *self, GError **error)
{
  g_autoptr (LsStmt) stmt = get_stmt (self, "BEGIN IMMEDIATE", error);

  return stmt != NULL && step_done (self, stmt, error);
}

static gboolean
commit (LsStore *self, GError **error)
{
  g_autoptr (LsStmt) stmt = get_stmt (self, "COMMIT", error);

  return stmt != NULL && step_done (self, stmt, error);
}

static void
rollback (LsStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
lock (LsStore *self)
{
  g_rec_mutex_lock (&self->mutex);
}

static void
unlock (LsStore *self)
{
  g_rec_mutex_unlock (&self->mutex);
}

static char *
now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static gboolean
emit_changed_idle_cb (gpointer user_data)
{
  LsStore *self = user_data;

  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Lists follow the store: they hear of a change in the thread (main loop)
 * that owns the store, even when the save ran in a worker thread. */
static void
notify_changed (LsStore *self)
{
  if (g_thread_self () == self->owner)
    {
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else
    {
      g_autoptr (GSource) source = g_idle_source_new ();

      g_source_set_callback (source, emit_changed_idle_cb, g_object_ref (self),
                             g_object_unref);
      g_source_set_static_name (source, "[ls-store] changed");
      g_source_attach (source, self->context);
    }
}

/* ---- JSON helpers -------------------------------------------------- */

static char *
node_to_string (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_node_set_object (node, object);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static JsonObject *
object_from_string (const char *text, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT,
                   _ ("The case database is damaged: a record is unreadable."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static const char *
get_string_member (JsonObject *object, const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, names[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        return json_node_get_string (node);
    }
  return NULL;
}

static void
collect_strings (JsonNode *node, GString *out)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, json_node_get_string (node));
        }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          collect_strings (json_array_get_element (array, i), out);
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          collect_strings (member, out);
      }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static char *
dup_search_text (JsonObject *case_json)
{
  GString *out = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, case_json);
  while (json_object_iter_next (&iter, &name, &member))
    for (guint i = 0; i < G_N_ELEMENTS (search_fields); i++)
      if (g_str_has_prefix (name, search_fields[i]))
        {
          collect_strings (member, out);
          break;
        }

  return g_string_free (out, FALSE);
}

/* The earliest open deadline: any date member whose name ends in
 * "deadline" or "due", at the top level or in a list of actions. */
static void
find_deadline (JsonObject *object, char **earliest)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      if (JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_STRING &&
          (g_str_has_suffix (name, "deadline") ||
           g_str_has_suffix (name, "due")))
        {
          const char *value = json_node_get_string (member);

          if (*value != '\0' &&
              (*earliest == NULL || strcmp (value, *earliest) < 0))
            {
              g_free (*earliest);
              *earliest = g_strndup (value, 10);
            }
        }
    }
}

static char *
dup_next_deadline (JsonObject *case_json)
{
  static const char *const status_names[] = { "status", NULL };
  const char *status = get_string_member (case_json, status_names);
  char *earliest = NULL;

  if (g_strcmp0 (status, "closed") == 0)
    return NULL;
  find_deadline (case_json, &earliest);
  return earliest;
}

static char *
dup_title (JsonObject *case_json)
{
  static const char *const names[] = { "title", "description", NULL };
  const char *text = get_string_member (case_json, names);
  const char *end;

  if (text == NULL)
    return NULL;
  end = strchr (text, '\n');
  if (end == NULL)
    end = text + strlen (text);
  if (g_utf8_strlen (text, end - text) > 80)
    end = g_utf8_offset_to_pointer (text, 80);
  return g_strndup (text, end - text);
}

/* ---- Opening --------------------------------------------------------- */

static gboolean
check_existing_file (const char *path, gboolean *empty, GError **error)
{
  static const char header[16] = "SQLite format 3";
  char buffer[100];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gssize n;
  int fd;
  int rc;
  int version = 0;
  int application_id = 0;
  int n_tables = 0;
  gboolean ok = FALSE;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *wal = NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not open “%s”: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, buffer, sizeof buffer);
  close (fd);

  *empty = (n == 0);
  if (*empty)
    return TRUE;
  if (n < (gssize) sizeof buffer || memcmp (buffer, header, 16) != 0)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Lex Sarah case database."), display);
      return FALSE;
    }

  /* Read only: nothing is written before the file has been found sound.
   * Without a -wal file nobody has the database open, and it is read as
   * immutable so that not even a -wal or -shm file is created; with one, a
   * plain read-only connection sees the committed data in it. */
  wal = g_strconcat (path, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
    }
  else
    {
      g_autofree char *escaped = g_uri_escape_string (
          path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
      g_autofree char *uri =
          g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);

      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                            NULL);
    }
  if (rc != SQLITE_OK)
    goto corrupt;

#define READ_INT(sql, var)                                                     \
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);                          \
  if (rc != SQLITE_OK)                                                         \
    goto corrupt;                                                              \
  if (sqlite3_step (stmt) != SQLITE_ROW)                                       \
    goto corrupt;                                                              \
  var = sqlite3_column_int (stmt, 0);                                          \
  sqlite3_finalize (stmt);                                                     \
  stmt = NULL;

  READ_INT ("PRAGMA application_id", application_id)
  READ_INT ("PRAGMA user_version", version)
  READ_INT ("SELECT count(*) FROM sqlite_master", n_tables)
#undef READ_INT

  if ((application_id != 0 && application_id != LS_STORE_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Lex Sarah case database."), display);
      goto out;
    }
  if (version > LS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_NEW,
                   _ ("“%s” was written by a newer version of Lex Sarah. "
                      "Update Lex Sarah to open it; the file was left as it "
                      "is."),
                   display);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    goto corrupt;

  ok = TRUE;
  goto out;

corrupt:
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT,
               _ ("The case database “%s” is damaged and was not opened; "
                  "the file was left as it is. Restore it from a backup."),
               display);
out:
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static gboolean
create_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!ls_paths_ensure_private_dir (dir, error))
    return FALSE;

  /* Made 0600 before SQLite touches it; SQLite gives its -wal and -shm
   * files the same mode. */
  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, FILE_MODE);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not create “%s”: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    {
      fchmod (fd, FILE_MODE);
      close (fd);
    }
  return TRUE;
}

static int
read_user_version (LsStore *self)
{
  g_autoptr (LsStmt) stmt = get_stmt (self, "PRAGMA user_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
backfill_v2 (LsStore *self, GError **error)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *select = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT id, json FROM cases", -1, &select,
                          NULL) != SQLITE_OK)
    {
      set_db_error (self, error, sqlite3_errcode (self->db));
      return FALSE;
    }
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      g_ptr_array_add (
          ids, g_strdup_printf ("%" G_GINT64_FORMAT,
                                (gint64) sqlite3_column_int64 (select, 0)));
      g_ptr_array_add (texts, column_dup (select, 1));
    }
  sqlite3_finalize (select);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (JsonObject) object =
          object_from_string (texts->pdata[i], error);
      g_autoptr (LsStmt) stmt = NULL;
      g_autofree char *search = NULL;
      g_autofree char *deadline = NULL;

      if (object == NULL)
        return FALSE;
      search = dup_search_text (object);
      deadline = dup_next_deadline (object);
      stmt = get_stmt (self,
                       "UPDATE cases SET search_text = ?, next_deadline = ? "
                       "WHERE id = ?",
                       error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, search);
      bind_text (stmt, 2, deadline);
      sqlite3_bind_int64 (stmt, 3, g_ascii_strtoll (ids->pdata[i], NULL, 10));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (LsStore *self, GError **error)
{
  int version;

  if (!begin (self, error))
    return FALSE;

  version = read_user_version (self);
  if (version < 0 || version > LS_STORE_SCHEMA_VERSION)
    {
      rollback (self);
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_NEW,
                   _ ("The case database was written by a newer version of "
                      "Lex Sarah."));
      return FALSE;
    }

  for (int step = version + 1; step <= LS_STORE_SCHEMA_VERSION; step++)
    {
      g_autofree char *pragma = NULL;

      if (!exec_sql (self, ls_store_schema_step (step), error))
        goto fail;
      if (step == 2 && !backfill_v2 (self, error))
        goto fail;
      pragma = g_strdup_printf ("PRAGMA user_version = %d", step);
      if (!exec_sql (self, pragma, error))
        goto fail;
      g_debug ("Migrated the case database to schema %d", step);
    }
  if (version == 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d",
                                                 LS_STORE_APPLICATION_ID);
      if (!exec_sql (self, pragma, error))
        goto fail;
    }

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

static gboolean
open_connection (LsStore *self, GError **error)
{
  gboolean empty = TRUE;
  int rc;

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing_file (self->path, &empty, error))
        return FALSE;
    }
  else if (!create_private_file (self->path, error))
    {
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, error, rc);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Legal records: every commit is on disk before the call returns. */
  if (!exec_sql (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;",
                 error))
    return FALSE;

  return migrate (self, error);
}

/* ---- GObject ----------------------------------------------------------- */

static void
ls_store_finalize (GObject *object)
{
  LsStore *self = LS_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_rec_mutex_clear (&self->mutex);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (ls_store_parent_class)->finalize (object);
}

static void
ls_store_class_init (LsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_store_finalize;

  /**
   * LsStore::changed:
   *
   * Cases were saved or imported.  Emitted in the thread that opened the
   * store (its main loop), also for saves done by the _async functions.
   */
  signals[CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ls_store_init (LsStore *self)
{
  g_rec_mutex_init (&self->mutex);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->owner = g_thread_self ();
  self->context = g_main_context_ref_thread_default ();
}

/* ---- Public API -------------------------------------------------------- */

void
ls_history_entry_free (LsHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->when);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->who);
  g_free (entry);
}

/**
 * ls_store_open:
 * @path: the database file; created 0600 (and its folder 0700) if missing
 *
 * Opens the case database and migrates it to the current schema.  A file
 * that is not a database, is damaged or comes from a newer version is
 * refused and left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LsStore *
ls_store_open (const char *path, GError **error)
{
  g_autoptr (LsStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
open_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LsStore *store = ls_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
ls_store_open_async (const char *path,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

LsStore *
ls_store_open_finish (GAsyncResult *result, GError **error)
{
  LsStore *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  self = g_task_propagate_pointer (G_TASK (result), error);
  if (self != NULL)
    {
      /* The store belongs to the thread that asked for it. */
      self->owner = g_thread_self ();
      g_clear_pointer (&self->context, g_main_context_unref);
      self->context = g_main_context_ref_thread_default ();
    }
  return self;
}

const char *
ls_store_get_path (LsStore *self)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  return self->path;
}

/* ---- Cases ------------------------------------------------------------ */

static gboolean
add_history (LsStore *self,
             gint64 case_id,
             const char *when,
             const char *field,
             const char *old_value,
             const char *new_value,
             const char *who,
             GError **error)
{
  g_autoptr (LsStmt) stmt =
      get_stmt (self,
                "INSERT INTO history (case_id, at, field, old, new, who) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  bind_text (stmt, 2, when);
  bind_text (stmt, 3, field);
  bind_text (stmt, 4, old_value);
  bind_text (stmt, 5, new_value);
  bind_text (stmt, 6, who);
  return step_done (self, stmt, error);
}

static gboolean
diff_history (LsStore *self,
              gint64 case_id,
              JsonObject *old_json,
              JsonObject *new_json,
              const char *when,
              const char *who,
              GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *objects[2] = { old_json, new_json };

  for (guint k = 0; k < 2; k++)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, objects[k]);
      while (json_object_iter_next (&iter, &name, &member))
        {
          JsonNode *old_node;
          JsonNode *new_node;
          g_autofree char *old_value = NULL;
          g_autofree char *new_value = NULL;

          if (!g_hash_table_add (seen, (gpointer) name))
            continue;
          old_node = json_object_get_member (old_json, name);
          new_node = json_object_get_member (new_json, name);
          if (old_node != NULL && new_node != NULL &&
              json_node_equal (old_node, new_node))
            continue;

          old_value = node_to_string (old_node);
          new_value = node_to_string (new_node);
          if (g_strcmp0 (old_value, new_value) == 0)
            continue;
          if (!add_history (self, case_id, when, name, old_value, new_value,
                            who, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gint64
lookup_journal_id (LsStore *self,
                   const char *uuid,
                   char **json_out,
                   GError **error)
{
  g_autoptr (LsStmt) stmt =
      get_stmt (self, "SELECT id, json FROM journal WHERE uuid = ?", error);

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  if (json_out != NULL)
    *json_out = column_dup (stmt, 1);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
insert_journal_item (LsStore *self,
                     gint64 case_id,
                     JsonObject *item,
                     const char *when,
                     const char *who,
                     gboolean *changed,
                     GError **error)
{
  static const char *const uuid_names[] = { "uuid", "id", NULL };
  static const char *const text_names[] = { "text", "content", NULL };
  static const char *const date_names[] = { "documented_at", "date", "when",
                                            NULL };
  static const char *const corrects_names[] = { "corrects", NULL };
  const char *uuid = get_string_member (item, uuid_names);
  const char *text = get_string_member (item, text_names);
  const char *date = get_string_member (item, date_names);
  const char *corrects = get_string_member (item, corrects_names);
  g_autofree char *existing = NULL;
  g_autofree char *json = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gint64 corrects_id = 0;
  gint64 id;

  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("A documented item has no valid “%s”."), "uuid");
      return FALSE;
    }
  if (text == NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("A documented item has no valid “%s”."), "text");
      return FALSE;
    }

  json = object_to_string (item);
  id = lookup_journal_id (self, uuid, &existing, error);
  if (id < 0)
    return FALSE;
  if (id > 0)
    {
      g_autoptr (JsonObject) old = object_from_string (existing, error);
      g_autoptr (JsonNode) a = NULL;
      g_autoptr (JsonNode) b = NULL;

      if (old == NULL)
        return FALSE;
      a = json_node_init_object (json_node_alloc (), old);
      b = json_node_init_object (json_node_alloc (), item);
      if (json_node_equal (a, b))
        return TRUE;
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY,
                   _ ("A documented item can never be changed or removed; "
                      "add a correction instead."));
      return FALSE;
    }

  if (corrects != NULL)
    {
      corrects_id = lookup_journal_id (self, corrects, NULL, error);
      if (corrects_id < 0)
        return FALSE;
      if (corrects_id == 0)
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("A correction points at a documented item that "
                          "does not exist."));
          return FALSE;
        }
    }

  stmt = get_stmt (self,
                   "INSERT INTO journal (uuid, case_id, corrects, "
                   "documented_at, text, json) VALUES (?, ?, ?, ?, ?, ?)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, case_id);
  if (corrects_id > 0)
    sqlite3_bind_int64 (stmt, 3, corrects_id);
  bind_text (stmt, 4, date != NULL ? date : when);
  bind_text (stmt, 5, text);
  bind_text (stmt, 6, json);
  if (!step_done (self, stmt, error))
    return FALSE;

  *changed = TRUE;
  return add_history (self, case_id, when, "journal", NULL, uuid, who, error);
}

/* Saves one case inside an open transaction.  The journal member is kept
 * apart: its items go to the append-only journal table. */
static gboolean
save_case_locked (LsStore *self,
                  JsonObject *case_json,
                  const char *author,
                  const char *when,
                  gboolean *changed,
                  GError **error)
{
  static const char *const uuid_names[] = { "uuid", NULL };
  static const char *const regno_names[] = { "regno", "registration_number",
                                             NULL };
  static const char *const status_names[] = { "status", NULL };
  static const char *const unit_names[] = { "unit", "unit_uuid", "unit_id",
                                            NULL };
  static const char *const kind_names[] = { "kind", "category", NULL };
  static const char *const received_names[] = { "received_at", "received",
                                                NULL };
  const char *uuid = get_string_member (case_json, uuid_names);
  const char *status = get_string_member (case_json, status_names);
  g_autoptr (JsonObject) stored = json_object_new ();
  g_autoptr (LsStmt) select = NULL;
  g_autofree char *json = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *search = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *title = NULL;
  JsonArray *journal = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gint64 case_id = 0;

  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("A case has no valid “%s”."), "uuid");
      return FALSE;
    }

  json_object_iter_init (&iter, case_json);
  while (json_object_iter_next (&iter, &name, &member))
    {
      if (g_str_equal (name, "journal"))
        {
          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                           _ ("A case has no valid “%s”."), "journal");
              return FALSE;
            }
          journal = json_node_get_array (member);
          /* An empty placeholder keeps the member's place on load. */
          json_object_set_array_member (stored, name, json_array_new ());
        }
      else
        {
          json_object_set_member (stored, name, json_node_copy (member));
        }
    }
  json = object_to_string (stored);

  select = get_stmt (self, "SELECT id, json FROM cases WHERE uuid = ?", error);
  if (select == NULL)
    return FALSE;
  bind_text (select, 1, uuid);
  if (sqlite3_step (select) == SQLITE_ROW)
    {
      case_id = sqlite3_column_int64 (select, 0);
      old_text = column_dup (select, 1);
    }
  sqlite3_reset (select);

  if (old_text == NULL || !g_str_equal (old_text, json))
    {
      g_autoptr (LsStmt) stmt = NULL;

      search = dup_search_text (stored);
      deadline = dup_next_deadline (stored);
      title = dup_title (stored);

      if (old_text == NULL)
        stmt = get_stmt (self,
                         "INSERT INTO cases (regno, status, unit, kind, "
                         "title, received_at, updated_at, json, "
                         "next_deadline, search_text, uuid) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         error);
      else
        stmt = get_stmt (self,
                         "UPDATE cases SET regno = ?, status = ?, unit = ?, "
                         "kind = ?, title = ?, received_at = ?, "
                         "updated_at = ?, json = ?, next_deadline = ?, "
                         "search_text = ? WHERE uuid = ?",
                         error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, get_string_member (stored, regno_names));
      bind_text (stmt, 2, status != NULL ? status : "reported");
      bind_text (stmt, 3, get_string_member (stored, unit_names));
      bind_text (stmt, 4, get_string_member (stored, kind_names));
      bind_text (stmt, 5, title);
      bind_text (stmt, 6, get_string_member (stored, received_names));
      bind_text (stmt, 7, when);
      bind_text (stmt, 8, json);
      bind_text (stmt, 9, deadline);
      bind_text (stmt, 10, search);
      bind_text (stmt, 11, uuid);
      if (!step_done (self, stmt, error))
        return FALSE;

      *changed = TRUE;
      if (old_text == NULL)
        {
          case_id = sqlite3_last_insert_rowid (self->db);
          if (!add_history (self, case_id, when, "case", NULL,
                            get_string_member (stored, regno_names), author,
                            error))
            return FALSE;
        }
      else
        {
          g_autoptr (JsonObject) old = object_from_string (old_text, error);

          if (old == NULL ||
              !diff_history (self, case_id, old, stored, when, author, error))
            return FALSE;
        }
    }

  if (journal != NULL)
    for (guint i = 0; i < json_array_get_length (journal); i++)
      {
        JsonNode *node = json_array_get_element (journal, i);

        if (!JSON_NODE_HOLDS_OBJECT (node))
          {
            g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                         _ ("A case has no valid “%s”."), "journal");
            return FALSE;
          }
        if (!insert_journal_item (self, case_id, json_node_get_object (node),
                                  when, author, changed, error))
          return FALSE;
      }

  return TRUE;
}

/**
 * ls_store_save_case_json:
 * @case_json: the case as in the exchange format (a member "uuid" is
 *   required; a member "journal" holds documented items, which are only ever
 *   added)
 * @author: the name of whoever makes the change, kept in the history
 *
 * Saves a case in one transaction and records every changed field in the
 * history with @author and the time.
 */
gboolean
ls_store_save_case_json (LsStore *self,
                         JsonObject *case_json,
                         const char *author,
                         GError **error)
{
  g_autofree char *when = now_iso ();
  gboolean changed = FALSE;

  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_json != NULL, FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lock (self);
  if (!begin (self, error))
    goto fail;
  if (!save_case_locked (self, case_json, author, when, &changed, error))
    goto fail;
  if (!commit (self, error))
    goto fail;
  unlock (self);

  if (changed)
    notify_changed (self);
  return TRUE;

fail:
  rollback (self);
  unlock (self);
  return FALSE;
}

/**
 * ls_store_append_journal_json:
 * @case_uuid: the case the item belongs to
 * @item: the documented item ("uuid", "text", "documented_at", and
 *   "corrects" naming the item it corrects)
 *
 * Adds one documented item to a case's journal.
 */
gboolean
ls_store_append_journal_json (LsStore *self,
                              const char *case_uuid,
                              JsonObject *item,
                              const char *author,
                              GError **error)
{
  g_autofree char *when = now_iso ();
  g_autoptr (LsStmt) stmt = NULL;
  gboolean changed = FALSE;
  gint64 case_id;

  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_uuid != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  lock (self);
  if (!begin (self, error))
    goto fail;
  stmt = get_stmt (self, "SELECT id FROM cases WHERE uuid = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, case_uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      goto fail;
    }
  case_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!insert_journal_item (self, case_id, item, when, author, &changed, error))
    goto fail;
  if (!commit (self, error))
    goto fail;
  unlock (self);

  if (changed)
    notify_changed (self);
  return TRUE;

fail:
  rollback (self);
  unlock (self);
  return FALSE;
}

static JsonObject *
load_case_locked (LsStore *self, const char *uuid, GError **error)
{
  g_autoptr (LsStmt) stmt = NULL;
  g_autoptr (LsStmt) items = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (JsonArray) journal = json_array_new ();
  gint64 case_id;

  stmt = get_stmt (self, "SELECT id, json FROM cases WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      return NULL;
    }
  case_id = sqlite3_column_int64 (stmt, 0);
  object =
      object_from_string ((const char *) sqlite3_column_text (stmt, 1), error);
  if (object == NULL)
    return NULL;

  items = get_stmt (
      self, "SELECT json FROM journal WHERE case_id = ? ORDER BY id", error);
  if (items == NULL)
    return NULL;
  sqlite3_bind_int64 (items, 1, case_id);
  while (sqlite3_step (items) == SQLITE_ROW)
    {
      JsonObject *item = object_from_string (
          (const char *) sqlite3_column_text (items, 0), error);

      if (item == NULL)
        return NULL;
      json_array_add_object_element (journal, item);
    }

  if (json_object_has_member (object, "journal") ||
      json_array_get_length (journal) > 0)
    json_object_set_array_member (object, "journal",
                                  g_steal_pointer (&journal));

  return g_steal_pointer (&object);
}

/**
 * ls_store_load_case_json:
 *
 * Returns: (transfer full): the case with its journal, as saved
 */
JsonObject *
ls_store_load_case_json (LsStore *self, const char *uuid, GError **error)
{
  JsonObject *object;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  lock (self);
  object = load_case_locked (self, uuid, error);
  unlock (self);
  return object;
}

/**
 * ls_store_list_history:
 *
 * Returns: (transfer full) (element-type LsHistoryEntry): who changed what
 * and when, oldest first
 */
GPtrArray *
ls_store_list_history (LsStore *self, const char *case_uuid, GError **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (LsStmt) stmt = NULL;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (case_uuid != NULL, NULL);

  entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) ls_history_entry_free);
  lock (self);
  stmt = get_stmt (self,
                   "SELECT at, field, old, new, who FROM history "
                   "WHERE case_id = (SELECT id FROM cases WHERE uuid = ?) "
                   "ORDER BY id",
                   error);
  if (stmt == NULL)
    {
      unlock (self);
      return NULL;
    }
  bind_text (stmt, 1, case_uuid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LsHistoryEntry *entry = g_new0 (LsHistoryEntry, 1);

      entry->when = column_dup (stmt, 0);
      entry->field = column_dup (stmt, 1);
      entry->old_value = column_dup (stmt, 2);
      entry->new_value = column_dup (stmt, 3);
      entry->who = column_dup (stmt, 4);
      g_ptr_array_add (entries, entry);
    }
  g_clear_pointer (&stmt, stmt_release);
  unlock (self);

  return g_steal_pointer (&entries);
}

/* ---- Organisation and registration numbers ----------------------------- */

static gboolean
save_organisation_locked (LsStore *self,
                          JsonObject *organisation,
                          GError **error)
{
  g_autofree char *json = object_to_string (organisation);
  g_autoptr (LsStmt) stmt =
      get_stmt (self,
                "INSERT INTO organisation (id, json) VALUES (1, ?) "
                "ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, json);
  return step_done (self, stmt, error);
}

gboolean
ls_store_save_organisation_json (LsStore *self,
                                 JsonObject *organisation,
                                 const char *author,
                                 GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (organisation != NULL, FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  lock (self);
  if (!begin (self, error) ||
      !save_organisation_locked (self, organisation, error) ||
      !commit (self, error))
    {
      rollback (self);
      unlock (self);
      return FALSE;
    }
  unlock (self);
  notify_changed (self);
  return TRUE;
}

static JsonObject *
load_organisation_locked (LsStore *self, GError **error)
{
  g_autoptr (LsStmt) stmt =
      get_stmt (self, "SELECT json FROM organisation WHERE id = 1", error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return json_object_new ();
  return object_from_string ((const char *) sqlite3_column_text (stmt, 0),
                             error);
}

/**
 * ls_store_load_organisation_json:
 *
 * Returns: (transfer full): the organisation, an empty object if none was
 * saved yet
 */
JsonObject *
ls_store_load_organisation_json (LsStore *self, GError **error)
{
  JsonObject *object;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  lock (self);
  object = load_organisation_locked (self, error);
  unlock (self);
  return object;
}

/**
 * ls_store_next_regno:
 * @year: the year of the registration number
 *
 * Suggests the next free registration number, "PREFIX-YEAR-NNNN" with the
 * organisation's "regno_prefix" ("LS" if it has none).  Saving a case with
 * a number that is taken fails with %LS_STORE_ERROR_DUPLICATE.
 *
 * Returns: (transfer full): the number
 */
char *
ls_store_next_regno (LsStore *self, int year, GError **error)
{
  static const char *const prefix_names[] = { "regno_prefix",
                                              "registration_prefix", NULL };
  g_autoptr (JsonObject) organisation = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  g_autofree char *head = NULL;
  g_autofree char *pattern = NULL;
  const char *prefix;
  gint64 highest = 0;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (year > 0 && year < 10000, NULL);

  lock (self);
  organisation = load_organisation_locked (self, error);
  if (organisation == NULL)
    goto fail;
  prefix = get_string_member (organisation, prefix_names);
  if (prefix == NULL || *prefix == '\0')
    prefix = "LS";
  head = g_strdup_printf ("%s-%04d-", prefix, year);
  pattern = g_strdup_printf ("%s*", head);

  stmt = get_stmt (self, "SELECT regno FROM cases WHERE regno GLOB ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, pattern);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *regno = (const char *) sqlite3_column_text (stmt, 0);
      const char *tail = regno + strlen (head);
      char *end = NULL;
      gint64 number = g_ascii_strtoll (tail, &end, 10);

      if (end != tail && *end == '\0' && number > highest)
        highest = number;
    }
  g_clear_pointer (&stmt, stmt_release);
  unlock (self);

  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, head, highest + 1);

fail:
  unlock (self);
  return NULL;
}

/* ---- Lists and search -------------------------------------------------- */

#define SUMMARY_COLUMNS                                                        \
  "cases.uuid, cases.regno, cases.status, cases.unit, cases.kind, "            \
  "cases.title, cases.received_at, cases.next_deadline, cases.updated_at"

static LsCaseSummary *
summary_from_row (LsStmt *stmt)
{
  return g_object_new (
      LS_TYPE_CASE_SUMMARY, "uuid", sqlite3_column_text (stmt, 0), "regno",
      sqlite3_column_text (stmt, 1), "status", sqlite3_column_text (stmt, 2),
      "unit", sqlite3_column_text (stmt, 3), "kind",
      sqlite3_column_text (stmt, 4), "title", sqlite3_column_text (stmt, 5),
      "received-at", sqlite3_column_text (stmt, 6), "next-deadline",
      sqlite3_column_text (stmt, 7), "updated-at",
      sqlite3_column_text (stmt, 8), NULL);
}

/* Words of the user's text as an FTS5 query: every word quoted (so that
 * nothing the user types is FTS syntax) and matched as a prefix. */
static char *
dup_match_query (const char *text, const char *joiner, gboolean prefix)
{
  g_autoptr (GString) query = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        continue;
      if (query->len > 0)
        g_string_append (query, joiner);
      g_string_append_c (query, '"');
      g_string_append_len (query, start, p - start);
      g_string_append_c (query, '"');
      if (prefix)
        g_string_append_c (query, '*');
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static char *
build_list_sql (const LsStoreQuery *query, gboolean count, gboolean *has_match)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *match =
      query->search ? dup_match_query (query->search, " ", TRUE) : NULL;

  *has_match = match != NULL;
  g_string_append (sql, count ? "SELECT count(*) FROM cases WHERE 1"
                              : "SELECT " SUMMARY_COLUMNS
                                " FROM cases WHERE 1");
  if (query->status != NULL)
    g_string_append (sql, " AND status = :status");
  if (query->unit != NULL)
    g_string_append (sql, " AND unit = :unit");
  if (query->with_deadline)
    g_string_append (sql, " AND next_deadline IS NOT NULL");
  if (match != NULL)
    g_string_append (sql, " AND id IN (SELECT rowid FROM case_fts "
                          "WHERE case_fts MATCH :match)");
  if (!count)
    {
      switch (query->order)
        {
        case LS_STORE_ORDER_RECEIVED:
          g_string_append (sql, " ORDER BY received_at DESC, id DESC");
          break;
        case LS_STORE_ORDER_DEADLINE:
          g_string_append (
              sql, " ORDER BY next_deadline IS NULL, next_deadline, id");
          break;
        case LS_STORE_ORDER_REGNO:
          g_string_append (sql, " ORDER BY regno, id");
          break;
        case LS_STORE_ORDER_UPDATED:
        default:
          g_string_append (sql, " ORDER BY updated_at DESC, id DESC");
          break;
        }
      g_string_append (sql, " LIMIT :limit OFFSET :offset");
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
bind_query (LsStmt *stmt, const LsStoreQuery *query)
{
  int index;

  if ((index = sqlite3_bind_parameter_index (stmt, ":status")) > 0)
    bind_text (stmt, index, query->status);
  if ((index = sqlite3_bind_parameter_index (stmt, ":unit")) > 0)
    bind_text (stmt, index, query->unit);
  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    {
      g_autofree char *match = dup_match_query (query->search, " ", TRUE);

      bind_text (stmt, index, match);
    }
}

/**
 * ls_store_count_cases:
 * @query: (nullable): which cases
 *
 * Returns: the number of cases @query selects, -1 on error
 */
gint64
ls_store_count_cases (LsStore *self, const LsStoreQuery *query, GError **error)
{
  static const LsStoreQuery all = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gboolean has_match;
  gint64 n = -1;

  g_return_val_if_fail (LS_IS_STORE (self), -1);

  if (query == NULL)
    query = &all;
  sql = build_list_sql (query, TRUE, &has_match);
  lock (self);
  stmt = get_stmt (self, sql, error);
  if (stmt != NULL)
    {
      bind_query (stmt, query);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      else
        set_db_error (self, error, sqlite3_extended_errcode (self->db));
      g_clear_pointer (&stmt, stmt_release);
    }
  unlock (self);
  return n;
}

/**
 * ls_store_list_cases:
 * @query: (nullable): which cases, in which order
 * @offset: the first row
 * @limit: how many rows at most
 *
 * Returns: (transfer full) (element-type LsCaseSummary): one page of cases
 */
GPtrArray *
ls_store_list_cases (LsStore *self,
                     const LsStoreQuery *query,
                     guint offset,
                     guint limit,
                     GError **error)
{
  static const LsStoreQuery all = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gboolean has_match;
  int rc;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all;
  sql = build_list_sql (query, FALSE, &has_match);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  lock (self);
  stmt = get_stmt (self, sql, error);
  if (stmt == NULL)
    {
      unlock (self);
      return NULL;
    }
  bind_query (stmt, query);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"),
                      offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, summary_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, sqlite3_extended_errcode (self->db));
      g_clear_pointer (&stmt, stmt_release);
      unlock (self);
      return NULL;
    }
  g_clear_pointer (&stmt, stmt_release);
  unlock (self);
  return g_steal_pointer (&rows);
}

static GPtrArray *
run_match (LsStore *self,
           const char *sql,
           const char *match,
           gint64 exclude_id,
           guint limit,
           GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (LsStmt) stmt = NULL;
  int rc;

  if (match == NULL)
    return g_steal_pointer (&rows);

  stmt = get_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, exclude_id);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, summary_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, sqlite3_extended_errcode (self->db));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * ls_store_search:
 * @text: what the user typed; every word must occur, as a word or the
 *   start of one, in the registration number, a case text or the journal.
 *   Diacritics are folded: "anmalan" finds "anmälan".
 * @limit: how many cases at most
 *
 * Returns: (transfer full) (element-type LsCaseSummary): the newest
 * matches first
 */
GPtrArray *
ls_store_search (LsStore *self, const char *text, guint limit, GError **error)
{
  g_autofree char *match = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* Newest first rather than by relevance: FTS5 then stops after @limit
   * rows, so that a common word typed as the first letters of a search
   * answers as fast as a rare one among 100,000 cases. */
  match = dup_match_query (text, " ", TRUE);
  lock (self);
  rows = run_match (self,
                    "SELECT " SUMMARY_COLUMNS " FROM case_fts "
                    "JOIN cases ON cases.id = case_fts.rowid "
                    "WHERE case_fts MATCH ? AND case_fts.rowid != ? "
                    "ORDER BY case_fts.rowid DESC LIMIT ?",
                    match, 0, limit, error);
  unlock (self);
  return rows;
}

/**
 * ls_store_find_similar_cases:
 * @case_uuid: the case to compare with
 * @limit: how many cases at most
 *
 * Finds earlier cases that share the most telling words of this case's
 * texts, so that an investigation can see whether it happened before.
 *
 * Returns: (transfer full) (element-type LsCaseSummary): the most similar
 * first, never the case itself
 */
GPtrArray *
ls_store_find_similar_cases (LsStore *self,
                             const char *case_uuid,
                             guint limit,
                             GError **error)
{
  g_autoptr (LsStmt) stmt = NULL;
  g_autoptr (GHashTable) words = NULL;
  g_autoptr (GPtrArray) chosen = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *match = NULL;
  GPtrArray *rows;
  gint64 case_id;
  const char *p;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (case_uuid != NULL, NULL);

  lock (self);
  stmt = get_stmt (self,
                   "SELECT cases.id, case_fts.body, case_fts.journal "
                   "FROM cases JOIN case_fts ON case_fts.rowid = cases.id "
                   "WHERE cases.uuid = ?",
                   error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, case_uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      goto fail;
    }
  case_id = sqlite3_column_int64 (stmt, 0);
  g_string_append (text, (const char *) sqlite3_column_text (stmt, 1));
  g_string_append_c (text, ' ');
  g_string_append (text, (const char *) sqlite3_column_text (stmt, 2));
  g_clear_pointer (&stmt, stmt_release);

  /* Long words tell most; short ones are mostly grammar. */
  words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  chosen = g_ptr_array_new ();
  p = text->str;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (g_utf8_strlen (start, p - start) >= 5)
        {
          g_autofree char *word = g_strndup (start, p - start);
          char *folded = g_utf8_strdown (word, -1);

          if (g_hash_table_add (words, folded))
            g_ptr_array_add (chosen, folded);
        }
    }
  if (chosen->len > 0)
    {
      g_autoptr (GString) joined = g_string_new (NULL);

      for (guint i = 0; i < chosen->len && i < 24; i++)
        {
          if (i > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, chosen->pdata[i]);
        }
      match = dup_match_query (joined->str, " OR ", FALSE);
    }

  /* Ranked: the registration number weighs most, then the case texts. */
  rows = run_match (self,
                    "SELECT " SUMMARY_COLUMNS " FROM case_fts "
                    "JOIN cases ON cases.id = case_fts.rowid "
                    "WHERE case_fts MATCH ? AND case_fts.rowid != ? "
                    "ORDER BY bm25 (case_fts, 10.0, 2.0, 1.0) LIMIT ?",
                    match, case_id, limit, error);
  unlock (self);
  return rows;

fail:
  unlock (self);
  return NULL;
}

/* ---- Exchange documents ------------------------------------------------ */

static gboolean
validate_document (JsonNode *document,
                   JsonObject **organisation,
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
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != 1)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The exchange document has no valid “%s”."), "version");
      return FALSE;
    }
  node = json_object_get_member (root, "organisation");
  *organisation = NULL;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("The exchange document has no valid “%s”."),
                       "organisation");
          return FALSE;
        }
      *organisation = json_node_get_object (node);
    }
  node = json_object_get_member (root, "cases");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The exchange document has no valid “%s”."), "cases");
      return FALSE;
    }
  *cases = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (*cases); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (*cases, i)))
      {
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                     _ ("Case %u of the exchange document is not a case."),
                     i + 1);
        return FALSE;
      }
  return TRUE;
}

/**
 * ls_store_import_document:
 * @document: an exchange document
 * @author: who imports, kept in the history
 * @n_changed: (out) (optional): how many cases were added or changed
 *
 * Imports every case of @document in one transaction: a bad document
 * changes nothing.  Cases are matched by their uuid, so importing the same
 * document twice changes nothing the second time.
 */
gboolean
ls_store_import_document (LsStore *self,
                          JsonNode *document,
                          const char *author,
                          guint *n_changed,
                          GError **error)
{
  g_autofree char *when = now_iso ();
  JsonObject *organisation = NULL;
  JsonArray *cases = NULL;
  guint changed_count = 0;

  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_document (document, &organisation, &cases, error))
    return FALSE;

  lock (self);
  if (!begin (self, error))
    goto fail;
  if (organisation != NULL)
    {
      g_autoptr (JsonObject) old = load_organisation_locked (self, error);
      g_autoptr (JsonNode) a = NULL;
      g_autoptr (JsonNode) b = NULL;

      if (old == NULL)
        goto fail;
      a = json_node_init_object (json_node_alloc (), old);
      b = json_node_init_object (json_node_alloc (), organisation);
      if (!json_node_equal (a, b) &&
          !save_organisation_locked (self, organisation, error))
        goto fail;
    }
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      gboolean changed = FALSE;
      g_autoptr (GError) local_error = NULL;

      if (!save_case_locked (self, json_array_get_object_element (cases, i),
                             author, when, &changed, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _ ("Case %u: "), i + 1);
          goto fail;
        }
      if (changed)
        changed_count++;
    }
  if (!commit (self, error))
    goto fail;
  unlock (self);

  if (n_changed != NULL)
    *n_changed = changed_count;
  if (changed_count > 0)
    notify_changed (self);
  return TRUE;

fail:
  rollback (self);
  unlock (self);
  return FALSE;
}

/**
 * ls_store_export_document:
 *
 * Returns: (transfer full): an exchange document with the organisation and
 * every case with its journal, in the order they were first saved
 */
JsonNode *
ls_store_export_document (LsStore *self, GError **error)
{
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonArray) cases = json_array_new ();
  g_autoptr (JsonObject) organisation = NULL;
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (LsStmt) stmt = NULL;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  lock (self);
  /* One read transaction: a consistent snapshot. */
  if (!exec_sql (self, "BEGIN", error))
    goto fail;
  organisation = load_organisation_locked (self, error);
  if (organisation == NULL)
    goto fail;
  stmt = get_stmt (self, "SELECT uuid FROM cases ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (uuids, column_dup (stmt, 0));
  g_clear_pointer (&stmt, stmt_release);
  for (guint i = 0; i < uuids->len; i++)
    {
      JsonObject *object = load_case_locked (self, uuids->pdata[i], error);

      if (object == NULL)
        goto fail;
      json_array_add_object_element (cases, object);
    }
  exec_sql (self, "COMMIT", NULL);
  unlock (self);

  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_object_member (root, "organisation",
                                 g_steal_pointer (&organisation));
  json_object_set_array_member (root, "cases", g_steal_pointer (&cases));
  return json_node_init_object (json_node_alloc (), root);

fail:
  rollback (self);
  unlock (self);
  return NULL;
}

/* ---- Async ------------------------------------------------------------- */

typedef struct
{
  JsonObject *object;
  char *text;
  guint limit;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  g_clear_pointer (&data->object, json_object_unref);
  g_free (data->text);
  g_free (data);
}

static void
save_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;

  if (ls_store_save_case_json (source_object, data->object, data->text, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ls_store_save_case_json_async (LsStore *self,
                               JsonObject *case_json,
                               const char *author,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (case_json != NULL);
  g_return_if_fail (author != NULL);

  data = g_new0 (AsyncData, 1);
  data->object = json_object_ref (case_json);
  data->text = g_strdup (author);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_store_save_case_json_async);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ls_store_save_case_json_finish (LsStore *self,
                                GAsyncResult *result,
                                GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;
  JsonObject *object;

  object = ls_store_load_case_json (source_object, data->text, &error);
  if (object == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, object, (GDestroyNotify) json_object_unref);
}

void
ls_store_load_case_json_async (LsStore *self,
                               const char *uuid,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  data = g_new0 (AsyncData, 1);
  data->text = g_strdup (uuid);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_store_load_case_json_async);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, load_thread);
}

JsonObject *
ls_store_load_case_json_finish (LsStore *self,
                                GAsyncResult *result,
                                GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
search_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;
  GPtrArray *rows;

  if (g_task_return_error_if_cancelled (task))
    return;
  rows = ls_store_search (source_object, data->text, data->limit, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

void
ls_store_search_async (LsStore *self,
                       const char *text,
                       guint limit,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (text != NULL);

  data = g_new0 (AsyncData, 1);
  data->text = g_strdup (text);
  data->limit = limit;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_store_search_async);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, search_thread);
}

/**
 * ls_store_search_finish:
 *
 * Returns: (transfer full) (element-type LsCaseSummary): as
 * ls_store_search()
 */
GPtrArray *
ls_store_search_finish (LsStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
