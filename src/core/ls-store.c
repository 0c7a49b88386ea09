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

#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-error.h"
#include "ls-journal-item.h"
#include "ls-model-private.h"
#include "ls-model.h"
#include "ls-paths.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-store-private.h"
#include "ls-import-check.h"
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

  /* COUNT(*) of 100,000 cases reads all of them, and every window asks
   * for it: the count of all cases is kept, and counted again after a
   * write of ours (begin() forgets it) or of another connection (which
   * changes the database's data_version).  -1 when not known. */
  gint64 n_cases;
  gint64 n_cases_version;

  GThread *owner;
  GMainContext *context;
};

G_DEFINE_FINAL_TYPE (LsStore, ls_store, G_TYPE_OBJECT)

GQuark
ls_store_error_quark (void)
{
  return g_quark_from_static_string ("ls-store-error-quark");
}

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  self->n_cases = -1;

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

/* The columns, the full-text row and the attention rows of a case are
 * derived from it; they are written with every save, and rewritten for
 * every case when a migration adds one. */
typedef struct
{
  char *status;
  char *unit;
  char *kind;
  char *title;
  char *received_at;
  char *next_deadline;
  char *search_text;
} Derived;

static void
derived_clear (Derived *derived)
{
  g_free (derived->status);
  g_free (derived->unit);
  g_free (derived->kind);
  g_free (derived->title);
  g_free (derived->received_at);
  g_free (derived->next_deadline);
  g_free (derived->search_text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Derived, derived_clear)

static char *
dup_enum_nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return g_strdup (ev != NULL ? ev->value_nick : NULL);
}

/* @search_text: (nullable) (transfer full): the case's free text, when
 * the caller gathered it already */
static void
derive (LsCase *lcase, Derived *derived, char *search_text)
{
  LsReport *report = ls_case_get_report (lcase);

  derived->status =
      dup_enum_nick (LS_TYPE_CASE_STATUS, ls_case_get_status (lcase));
  derived->unit = g_strdup (ls_case_get_unit_id (lcase));
  derived->kind =
      ls_report_get_kind (report) != LS_CASE_KIND_UNSET
          ? dup_enum_nick (LS_TYPE_CASE_KIND, ls_report_get_kind (report))
          : NULL;
  derived->title = ls_case_dup_title (lcase);
  derived->received_at = g_strdup (ls_report_get_received_at (report));
  /* A closed case keeps its follow-ups in the attention list, but no
   * longer sorts among the open deadlines. */
  derived->next_deadline = ls_case_get_status (lcase) != LS_CASE_STATUS_CLOSED
                               ? g_strdup (ls_case_get_next_deadline (lcase))
                               : NULL;
  if (search_text == NULL)
    {
      GString *text = g_string_new (NULL);

      ls_model_collect_text (G_OBJECT (lcase), text);
      search_text = g_string_free (text, FALSE);
    }
  derived->search_text = search_text;
}

static gboolean
write_attention (LsStore *self,
                 gint64 case_id,
                 gboolean new_case,
                 LsCase *lcase,
                 LsOrganisation *organisation,
                 GError **error)
{
  g_autoptr (GListStore) requirements = NULL;

  /* A case saved for the first time has no rows to replace. */
  if (!new_case)
    {
      g_autoptr (LsStmt) clear = NULL;

      clear = get_stmt (self, "DELETE FROM attention WHERE case_id = ?", error);
      if (clear == NULL)
        return FALSE;
      sqlite3_bind_int64 (clear, 1, case_id);
      if (!step_done (self, clear, error))
        return FALSE;
    }

  requirements = ls_rules_check (lcase, organisation);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);
      g_autoptr (LsStmt) stmt = NULL;
      g_autofree char *step = NULL;

      if (!ls_rules_needs_attention (requirement))
        continue;
      step =
          dup_enum_nick (LS_TYPE_STEP, ls_requirement_get_step (requirement));
      stmt = get_stmt (self,
                       "INSERT INTO attention (case_id, step, due) "
                       "VALUES (?, ?, ?)",
                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      bind_text (stmt, 2, step);
      bind_text (stmt, 3, ls_requirement_get_due (requirement));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Binds the derived columns of a case, in the order of DERIVED_SET. */
#define DERIVED_SET                                                            \
  "status = ?, unit = ?, kind = ?, title = ?, received_at = ?, "               \
  "next_deadline = ?, search_text = ?"

static void
bind_derived (LsStmt *stmt, int first, const Derived *derived)
{
  bind_text (stmt, first, derived->status);
  bind_text (stmt, first + 1, derived->unit);
  bind_text (stmt, first + 2, derived->kind);
  bind_text (stmt, first + 3, derived->title);
  bind_text (stmt, first + 4, derived->received_at);
  bind_text (stmt, first + 5, derived->next_deadline);
  bind_text (stmt, first + 6, derived->search_text);
}

static gboolean
write_derived (LsStore *self,
               gint64 case_id,
               LsCase *lcase,
               LsOrganisation *organisation,
               GError **error)
{
  g_auto (Derived) derived = { 0 };
  g_autoptr (LsStmt) stmt = NULL;

  derive (lcase, &derived, NULL);
  stmt =
      get_stmt (self, "UPDATE cases SET " DERIVED_SET " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_derived (stmt, 1, &derived);
  sqlite3_bind_int64 (stmt, 8, case_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  return write_attention (self, case_id, FALSE, lcase, organisation, error);
}

static LsOrganisation *load_organisation_locked (LsStore *self, GError **error);
static LsCase *
load_case_by_id_locked (LsStore *self, gint64 case_id, GError **error);

/* After a migration that adds derived data: derive it for every case.  A
 * case that the current model cannot read stops the migration, which is
 * rolled back, and the file stays as it was. */
static gboolean
refresh_all_derived (LsStore *self, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LsOrganisation) organisation = NULL;
  sqlite3_stmt *select = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT id FROM cases ORDER BY id", -1,
                          &select, NULL) != SQLITE_OK)
    {
      set_db_error (self, error, sqlite3_errcode (self->db));
      return FALSE;
    }
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (select);
  if (ids->len == 0)
    return TRUE;

  organisation = load_organisation_locked (self, error);
  if (organisation == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (LsCase) lcase = load_case_by_id_locked (self, id, error);

      if (lcase == NULL ||
          !write_derived (self, id, lcase, organisation, error))
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
      pragma = g_strdup_printf ("PRAGMA user_version = %d", step);
      if (!exec_sql (self, pragma, error))
        goto fail;
      g_debug ("Migrated the case database to schema %d", step);
    }
  /* Versions 2 and 3 added derived columns, the search index and the
   * attention list. */
  if (version > 0 && version < 3 && !refresh_all_derived (self, error))
    goto fail;
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

  /* Legal records: every commit is on disk before the call returns.  A
   * page cache of 16 MiB keeps the indexes a save looks up (uuids, the
   * journal's) in memory for a database of 100,000 cases. */
  if (!exec_sql (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA cache_size = -16384;",
                 error))
    return FALSE;

  /* Counted here, off the main loop, for the first window's list. */
  return migrate (self, error) && ls_store_count_cases (self, NULL, error) >= 0;
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
  self->n_cases = -1;
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

/* For the tests: a setting of the store's own connection, such as
 * "foreign_keys", which no other connection can see. */
gint64
ls_store_pragma_int (LsStore *self, const char *pragma)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_return_val_if_fail (LS_IS_STORE (self), -1);

  sql = g_strdup_printf ("PRAGMA %s", pragma);
  lock (self);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  unlock (self);
  return value;
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

/* The history records every field that changed, by its path in the case
 * ("report.description", "report.individuals[0].informed_on"), so that a
 * manager can answer "who changed this, and when". */
static gboolean
diff_history (LsStore *self,
              gint64 case_id,
              const char *path,
              JsonNode *old_node,
              JsonNode *new_node,
              const char *when,
              const char *who,
              GError **error)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  if (old_node != NULL && new_node != NULL &&
      json_node_equal (old_node, new_node))
    return TRUE;

  if (old_node != NULL && new_node != NULL &&
      JSON_NODE_HOLDS_OBJECT (old_node) && JSON_NODE_HOLDS_OBJECT (new_node))
    {
      JsonObject *objects[2] = { json_node_get_object (old_node),
                                 json_node_get_object (new_node) };
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < 2; k++)
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *member;

          json_object_iter_init (&iter, objects[k]);
          while (json_object_iter_next (&iter, &name, &member))
            {
              g_autofree char *child = NULL;

              if (!g_hash_table_add (seen, (gpointer) name))
                continue;
              child = *path != '\0' ? g_strconcat (path, ".", name, NULL)
                                    : g_strdup (name);
              if (!diff_history (self, case_id, child,
                                 json_object_get_member (objects[0], name),
                                 json_object_get_member (objects[1], name),
                                 when, who, error))
                return FALSE;
            }
        }
      return TRUE;
    }

  if (old_node != NULL && new_node != NULL &&
      JSON_NODE_HOLDS_ARRAY (old_node) && JSON_NODE_HOLDS_ARRAY (new_node) &&
      json_array_get_length (json_node_get_array (old_node)) ==
          json_array_get_length (json_node_get_array (new_node)))
    {
      JsonArray *old_array = json_node_get_array (old_node);
      JsonArray *new_array = json_node_get_array (new_node);

      for (guint i = 0; i < json_array_get_length (old_array); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

          if (!diff_history (
                  self, case_id, child, json_array_get_element (old_array, i),
                  json_array_get_element (new_array, i), when, who, error))
            return FALSE;
        }
      return TRUE;
    }

  old_value = node_to_string (old_node);
  new_value = node_to_string (new_node);
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  return add_history (self, case_id, when, path, old_value, new_value, who,
                      error);
}

static gint64
lookup_journal_id (LsStore *self,
                   const char *uuid,
                   char **json_out,
                   gint64 *case_id_out,
                   GError **error)
{
  g_autoptr (LsStmt) stmt = get_stmt (
      self, "SELECT id, json, case_id FROM journal WHERE uuid = ?", error);

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  if (json_out != NULL)
    *json_out = column_dup (stmt, 1);
  if (case_id_out != NULL)
    *case_id_out = sqlite3_column_int64 (stmt, 2);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
journal_changed_error (GError **error)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY,
               _ ("A documented item can never be changed or removed; add a "
                  "correction instead."));
  return FALSE;
}

/* Whether two records say the same, however they were written. */
static gboolean
same_record (const char *a, const char *b)
{
  g_autoptr (JsonNode) na = NULL;
  g_autoptr (JsonNode) nb = NULL;

  if (g_str_equal (a, b))
    return TRUE;
  na = json_from_string (a, NULL);
  nb = json_from_string (b, NULL);
  return na != NULL && nb != NULL && json_node_equal (na, nb);
}

/* Whether a stored item says what @json says.  An item stored before a
 * field was added to the model lacks that member: read back into the
 * model, it has the field's default, as an unchanged item has, and is not
 * taken for a change that the append-only journal would refuse. */
static gboolean
same_item (const char *stored, const char *json)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (LsJournalItem) item = NULL;
  g_autoptr (GString) normal = NULL;

  if (same_record (stored, json))
    return TRUE;
  node = json_from_string (stored, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  item = ls_journal_item_new ();
  if (!ls_model_from_json (G_OBJECT (item), json_node_get_object (node), NULL,
                           NULL))
    return FALSE;
  normal = g_string_new (NULL);
  ls_model_append_json (G_OBJECT (item), NULL, normal, NULL);
  return g_str_equal (normal->str, json);
}

static gboolean
insert_journal_item (LsStore *self,
                     gint64 case_id,
                     LsJournalItem *item,
                     const char *json,
                     const char *when,
                     const char *who,
                     gboolean *changed,
                     GError **error)
{
  const char *uuid = ls_journal_item_get_uuid (item);
  const char *corrects = ls_journal_item_get_corrects (item);
  const char *documented_on = ls_journal_item_get_documented_on (item);
  const char *text = ls_journal_item_get_text (item);
  g_autofree char *existing = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gint64 corrects_id = 0;
  gint64 owner_id = 0;
  gint64 id;

  id = lookup_journal_id (self, uuid, &existing, &owner_id, error);
  if (id < 0)
    return FALSE;
  /* An item is part of one case only: taken as already saved, it would
   * silently be missing from this one. */
  if (id > 0 && owner_id != case_id)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("A documented item of another case cannot be part of "
                      "this one; add it as a new item."));
      return FALSE;
    }
  if (id > 0)
    return same_item (existing, json) || journal_changed_error (error);

  if (corrects != NULL)
    {
      corrects_id = lookup_journal_id (self, corrects, NULL, NULL, error);
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
  bind_text (stmt, 4, documented_on != NULL ? documented_on : when);
  bind_text (stmt, 5, text != NULL ? text : "");
  bind_text (stmt, 6, json);
  if (!step_done (self, stmt, error))
    return FALSE;

  *changed = TRUE;
  return add_history (self, case_id, when, "investigation.journal", NULL, uuid,
                      who, error);
}

static gboolean
save_journal (LsStore *self,
              gint64 case_id,
              gboolean new_case,
              GListModel *journal,
              GPtrArray *item_json,
              const char *when,
              const char *author,
              gboolean *changed,
              GError **error)
{
  g_autoptr (GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (LsStmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr (LsJournalItem) item = g_list_model_get_item (journal, i);

      g_hash_table_add (given, (gpointer) ls_journal_item_get_uuid (item));
      if (!insert_journal_item (self, case_id, item, item_json->pdata[i], when,
                                author, changed, error))
        return FALSE;
    }
  /* A case saved for the first time had nothing documented before. */
  if (new_case)
    return TRUE;

  /* Nothing documented may go missing from a case. */
  stmt = get_stmt (self, "SELECT uuid FROM journal WHERE case_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!g_hash_table_contains (given, sqlite3_column_text (stmt, 0)))
      return journal_changed_error (error);
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, sqlite3_extended_errcode (self->db));
      return FALSE;
    }
  return TRUE;
}

/* Saves one case inside an open transaction: the case row with its
 * derived columns, new journal items and the history of what changed.
 * The case row is written by one statement, so that its search row is
 * indexed once. */
static gboolean
save_case_locked (LsStore *self,
                  LsCase *lcase,
                  LsOrganisation *organisation,
                  const char *author,
                  const char *when,
                  gboolean *changed,
                  GError **error)
{
  GListModel *journal = G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)));
  g_autoptr (GString) json = g_string_new (NULL);
  g_autoptr (GString) search_text = g_string_new (NULL);
  g_autoptr (GPtrArray) item_json = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *old_text = NULL;
  g_autoptr (LsStmt) select = NULL;
  g_auto (Derived) derived = { 0 };
  gboolean row_changed;
  gboolean journal_added = FALSE;
  gint64 case_id = 0;

  if (!ls_rules_validate (lcase, organisation, NULL, error))
    return FALSE;
  /* The journal lives in a table of its own; the search text is gathered
   * on the same walks. */
  ls_model_append_json (G_OBJECT (lcase), journal, json, search_text);
  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (journal, i);
      GString *item_text = g_string_new (NULL);

      ls_model_append_json (item, NULL, item_text, search_text);
      g_ptr_array_add (item_json, g_string_free (item_text, FALSE));
    }

  select = get_stmt (self, "SELECT id, json FROM cases WHERE uuid = ?", error);
  if (select == NULL)
    return FALSE;
  bind_text (select, 1, ls_case_get_uuid (lcase));
  if (sqlite3_step (select) == SQLITE_ROW)
    {
      case_id = sqlite3_column_int64 (select, 0);
      old_text = column_dup (select, 1);
    }
  g_clear_pointer (&select, stmt_release);

  row_changed = old_text == NULL || !same_record (old_text, json->str);
  if (row_changed)
    {
      g_autoptr (LsStmt) stmt = NULL;

      derive (lcase, &derived, g_strdup (search_text->str));
      if (old_text == NULL)
        stmt = get_stmt (self,
                         "INSERT INTO cases (regno, updated_at, json, "
                         "status, unit, kind, title, received_at, "
                         "next_deadline, search_text, uuid) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         error);
      else
        stmt = get_stmt (self,
                         "UPDATE cases SET regno = ?, updated_at = ?, "
                         "json = ?, " DERIVED_SET " WHERE uuid = ?",
                         error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, ls_case_get_regno (lcase));
      bind_text (stmt, 2, when);
      bind_text (stmt, 3, json->str);
      bind_derived (stmt, 4, &derived);
      bind_text (stmt, 11, ls_case_get_uuid (lcase));
      if (!step_done (self, stmt, error))
        {
          /* The uuid was looked up above: what is taken is the number. */
          if (error != NULL && *error != NULL &&
              g_error_matches (*error, LS_STORE_ERROR,
                               LS_STORE_ERROR_DUPLICATE))
            g_prefix_error (error, "regno: ");
          return FALSE;
        }
      *changed = TRUE;

      if (old_text == NULL)
        {
          case_id = sqlite3_last_insert_rowid (self->db);
          if (!add_history (self, case_id, when, "case", NULL,
                            ls_case_get_regno (lcase), author, error))
            return FALSE;
        }
      else
        {
          g_autoptr (JsonObject) old = object_from_string (old_text, error);
          g_autoptr (JsonObject) current = NULL;
          g_autoptr (JsonNode) a = NULL;
          g_autoptr (JsonNode) b = NULL;

          if (old == NULL)
            return FALSE;
          current = object_from_string (json->str, error);
          if (current == NULL)
            return FALSE;
          a = json_node_init_object (json_node_alloc (), old);
          b = json_node_init_object (json_node_alloc (), current);
          if (!diff_history (self, case_id, "", a, b, when, author, error))
            return FALSE;
        }
    }

  if (!save_journal (self, case_id, old_text == NULL, journal, item_json, when,
                     author, &journal_added, error))
    return FALSE;
  if (journal_added && !row_changed)
    {
      /* Only new documented items: the case is updated, and its search
       * text now holds their words. */
      g_autoptr (LsStmt) touch = NULL;

      derive (lcase, &derived, g_strdup (search_text->str));
      touch = get_stmt (
          self, "UPDATE cases SET updated_at = ?, " DERIVED_SET " WHERE id = ?",
          error);
      if (touch == NULL)
        return FALSE;
      bind_text (touch, 1, when);
      bind_derived (touch, 2, &derived);
      sqlite3_bind_int64 (touch, 9, case_id);
      if (!step_done (self, touch, error))
        return FALSE;
      *changed = TRUE;
    }

  if (*changed)
    return write_attention (self, case_id, old_text == NULL, lcase,
                            organisation, error);
  return TRUE;
}

/**
 * ls_store_save_case:
 * @lcase: the case; checked with ls_rules_validate() against the stored
 *   organisation first, and not saved if anything in it is wrong
 * @author: the name of whoever makes the change, kept in the history
 *
 * Saves a case in one transaction, with the documented items added since
 * it was loaded, and records every changed field in the history with
 * @author and the time.  A documented item that was changed or removed is
 * refused (%LS_STORE_ERROR_APPEND_ONLY) and nothing is saved.
 */
gboolean
ls_store_save_case (LsStore *self,
                    LsCase *lcase,
                    const char *author,
                    GError **error)
{
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autofree char *when = now_iso ();
  gboolean changed = FALSE;

  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (LS_IS_CASE (lcase), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lock (self);
  if (!begin (self, error))
    goto fail;
  organisation = load_organisation_locked (self, error);
  if (organisation == NULL)
    goto fail;
  if (!save_case_locked (self, lcase, organisation, author, when, &changed,
                         error))
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

static LsCase *
load_case_row_locked (LsStore *self, LsStmt *stmt, GError **error)
{
  g_autoptr (LsStmt) items = NULL;
  g_autoptr (JsonObject) object = NULL;
  JsonObject *investigation;
  JsonArray *journal;
  gint64 case_id;

  case_id = sqlite3_column_int64 (stmt, 0);
  object =
      object_from_string ((const char *) sqlite3_column_text (stmt, 1), error);
  if (object == NULL)
    return NULL;

  investigation = json_object_get_object_member (object, "investigation");
  if (investigation == NULL)
    {
      investigation = json_object_new ();
      json_object_set_object_member (object, "investigation", investigation);
    }
  journal = json_array_new ();
  json_object_set_array_member (investigation, "journal", journal);

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

  return ls_case_new_from_json (object, NULL, error);
}

static LsCase *
load_case_locked (
    LsStore *self, const char *sql, const char *key, gint64 id, GError **error)
{
  g_autoptr (LsStmt) stmt = get_stmt (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (key != NULL)
    bind_text (stmt, 1, key);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   _ ("The case was not found."));
      return NULL;
    }
  return load_case_row_locked (self, stmt, error);
}

static LsCase *
load_case_by_id_locked (LsStore *self, gint64 case_id, GError **error)
{
  return load_case_locked (self, "SELECT id, json FROM cases WHERE id = ?",
                           NULL, case_id, error);
}

/**
 * ls_store_load_case:
 *
 * Returns: (transfer full): the case with its documented items, as saved
 */
LsCase *
ls_store_load_case (LsStore *self, const char *uuid, GError **error)
{
  LsCase *lcase;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  lock (self);
  lcase = load_case_locked (self, "SELECT id, json FROM cases WHERE uuid = ?",
                            uuid, 0, error);
  unlock (self);
  return lcase;
}

/**
 * ls_store_find_case_by_regno:
 * @regno: a registration number
 *
 * Returns: (transfer full): the case with @regno, or %NULL with
 *   %LS_STORE_ERROR_NOT_FOUND
 */
LsCase *
ls_store_find_case_by_regno (LsStore *self, const char *regno, GError **error)
{
  LsCase *lcase;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (regno != NULL, NULL);

  lock (self);
  lcase = load_case_locked (self, "SELECT id, json FROM cases WHERE regno = ?",
                            regno, 0, error);
  unlock (self);
  return lcase;
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
                          LsOrganisation *organisation,
                          GError **error)
{
  g_autoptr (JsonObject) object = ls_organisation_to_json (organisation);
  g_autofree char *json = object_to_string (object);
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

/**
 * ls_store_save_organisation:
 *
 * Saves the organisation and its units.  A field that is not well-formed
 * is refused with @error naming it.
 */
gboolean
ls_store_save_organisation (LsStore *self,
                            LsOrganisation *organisation,
                            GError **error)
{
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (LS_IS_ORGANISATION (organisation), FALSE);

  if (!ls_model_validate (G_OBJECT (organisation), NULL, &bad_path,
                          &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "%s: ", bad_path);
      return FALSE;
    }

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

static LsOrganisation *
load_organisation_locked (LsStore *self, GError **error)
{
  g_autoptr (LsStmt) stmt =
      get_stmt (self, "SELECT json FROM organisation WHERE id = 1", error);
  g_autoptr (JsonObject) object = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return ls_organisation_new ();
  object =
      object_from_string ((const char *) sqlite3_column_text (stmt, 0), error);
  if (object == NULL)
    return NULL;
  return ls_organisation_new_from_json (object, "organisation", error);
}

/**
 * ls_store_load_organisation:
 *
 * Returns: (transfer full): the organisation, an empty one (no name, no
 *   units) if none was saved yet
 */
LsOrganisation *
ls_store_load_organisation (LsStore *self, GError **error)
{
  LsOrganisation *organisation;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  lock (self);
  organisation = load_organisation_locked (self, error);
  unlock (self);
  return organisation;
}

/**
 * ls_store_next_regno:
 * @year: the year of the registration number
 *
 * Suggests the next free registration number of @year: "2026-0007", or
 * "SN-2026-0007" with the organisation's prefix "SN".  Saving a case with
 * a number that is taken fails with %LS_STORE_ERROR_DUPLICATE.
 *
 * Returns: (transfer full): the number
 */
char *
ls_store_next_regno (LsStore *self, int year, GError **error)
{
  g_autoptr (LsOrganisation) organisation = NULL;
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
  prefix = ls_organisation_get_regno_prefix (organisation);
  if (prefix != NULL)
    head = g_strdup_printf ("%s-%04d-", prefix, year);
  else
    head = g_strdup_printf ("%04d-", year);
  pattern = g_strdup_printf ("%s[0-9]*", head);

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

/**
 * ls_store_dup_units_in_use:
 *
 * Returns: (transfer full): the ids of the units that cases belong to,
 *   which may not be removed from the organisation
 */
GStrv
ls_store_dup_units_in_use (LsStore *self, GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (LsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  lock (self);
  stmt = get_stmt (
      self, "SELECT DISTINCT unit FROM cases WHERE unit IS NOT NULL", error);
  if (stmt == NULL)
    {
      unlock (self);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, sqlite3_extended_errcode (self->db));
      g_clear_pointer (&stmt, stmt_release);
      unlock (self);
      return NULL;
    }
  g_clear_pointer (&stmt, stmt_release);
  unlock (self);
  return g_strv_builder_end (builder);
}

/* ---- Lists and search -------------------------------------------------- */

#define SUMMARY_COLUMNS                                                        \
  "cases.uuid, cases.regno, cases.status, cases.unit, cases.kind, "            \
  "cases.title, cases.received_at, cases.next_deadline, cases.updated_at"

static LsCaseSummary *
summary_from_row (LsStmt *stmt)
{
  const char *columns[9];

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    columns[i] = (const char *) sqlite3_column_text (stmt, i);
  return ls_case_summary_new (columns[0], columns[1], columns[2], columns[3],
                              columns[4], columns[5], columns[6], columns[7],
                              columns[8]);
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
  gboolean every_case;
  gint64 version = -1;
  gint64 n = -1;

  g_return_val_if_fail (LS_IS_STORE (self), -1);

  if (query == NULL)
    query = &all;
  every_case = query->status == NULL && query->unit == NULL &&
               query->search == NULL && !query->with_deadline;
  sql = build_list_sql (query, TRUE, &has_match);
  lock (self);
  if (every_case)
    {
      g_autoptr (LsStmt) pragma = get_stmt (self, "PRAGMA data_version", error);

      if (pragma == NULL)
        {
          unlock (self);
          return -1;
        }
      if (sqlite3_step (pragma) == SQLITE_ROW)
        version = sqlite3_column_int64 (pragma, 0);
      if (self->n_cases >= 0 && version == self->n_cases_version)
        {
          unlock (self);
          return self->n_cases;
        }
    }
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
  if (every_case && n >= 0)
    {
      self->n_cases = n;
      self->n_cases_version = version;
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

/**
 * ls_store_list_attention:
 * @limit: how many cases at most
 *
 * Lists the cases with something that needs attention now: a notification
 * to make, the finished investigation due at IVO, an individual not yet
 * told, a preventive action or its follow-up due.  What exactly is asked
 * is ls_rules_check()'s to say for each case.
 *
 * Returns: (transfer full) (element-type LsCaseSummary): the soonest due
 *   first, those without a date after them
 */
GPtrArray *
ls_store_list_attention (LsStore *self, guint limit, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  lock (self);
  stmt = get_stmt (self,
                   "SELECT " SUMMARY_COLUMNS " FROM cases JOIN "
                   "(SELECT case_id, min (coalesce (due, '9999')) AS first "
                   " FROM attention GROUP BY case_id) AS a "
                   "ON a.case_id = cases.id ORDER BY a.first, cases.id "
                   "LIMIT ?",
                   error);
  if (stmt == NULL)
    {
      unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, summary_from_row (stmt));
  g_clear_pointer (&stmt, stmt_release);
  unlock (self);
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, rc);
      return NULL;
    }
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

          /* Not g_hash_table_add () alone: for a word seen before it frees
           * the key already listed in @chosen and keeps the new one. */
          if (g_hash_table_contains (words, folded))
            {
              g_free (folded);
              continue;
            }
          g_hash_table_add (words, folded);
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
  if (json_node_get_int (node) != 1)
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
      *organisation = ls_organisation_new_from_document (
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
  lcase = ls_case_new_from_document (json_node_get_object (element), path,
                                     &local_error);
  if (lcase == NULL)
    {
      g_autofree char *regno = ls_import_dup_case_name (element, index);

      /* Translators: the first %s is a registration number (or the
       * number of the case in the file), the second says what is
       * wrong and where. */
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Case %s is not valid: %s"), regno, local_error->message);
      return NULL;
    }
  return lcase;
}

/**
 * ls_store_import_document:
 * @document: an exchange document
 * @author: who imports, kept in the history
 * @n_changed: (out) (optional): how many cases were added or changed
 *
 * Imports the organisation and every case of @document.  Everything is
 * checked first, and then written in one transaction: a document with a
 * single bad field changes nothing, and @error names the case and the
 * field.  Cases are matched by their uuid, so importing the same document
 * twice changes nothing the second time.
 */
gboolean
ls_store_import_document (LsStore *self,
                          JsonNode *document,
                          const char *author,
                          guint *n_changed,
                          GError **error)
{
  g_autofree char *when = now_iso ();
  g_autoptr (LsOrganisation) imported = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  JsonArray *cases = NULL;
  guint changed_count = 0;

  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ls_import_check_document (document, error) ||
      !read_document (document, &imported, &cases, error))
    return FALSE;

  lock (self);
  if (!begin (self, error))
    goto fail;
  if (imported != NULL)
    {
      g_autoptr (JsonObject) a = ls_organisation_to_json (imported);
      g_autofree char *new_text = object_to_string (a);
      g_autoptr (LsOrganisation) old = load_organisation_locked (self, error);
      g_autoptr (JsonObject) b = NULL;
      g_autofree char *old_text = NULL;

      if (old == NULL || !ls_import_check_organisation (old, imported, error))
        goto fail;
      b = ls_organisation_to_json (old);
      old_text = object_to_string (b);
      if (!g_str_equal (old_text, new_text) &&
          !save_organisation_locked (self, imported, error))
        goto fail;
      organisation = g_object_ref (imported);
    }
  else
    {
      organisation = load_organisation_locked (self, error);
      if (organisation == NULL)
        goto fail;
    }

  /* One case read and written at a time, all in one transaction: a case
   * that cannot be read or written rolls back every one before it. */
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      g_autoptr (LsCase) lcase = read_case (cases, i, error);
      gboolean changed = FALSE;
      g_autoptr (GError) local_error = NULL;

      if (lcase == NULL || !ls_import_check_case (self, lcase, i, error))
        goto fail;
      if (!save_case_locked (self, lcase, organisation, author, when, &changed,
                             &local_error))
        {
          const char *regno = ls_case_get_regno (lcase);
          g_autofree char *path = g_strdup_printf ("cases[%u]", i);

          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("Case %s is not valid: %s"),
                       regno != NULL ? regno : path, local_error->message);
          goto fail;
        }
      if (changed)
        changed_count++;
    }
  if (imported != NULL && !ls_import_check_units (self, organisation, error))
    goto fail;
  if (!commit (self, error))
    goto fail;
  unlock (self);

  if (n_changed != NULL)
    *n_changed = changed_count;
  if (changed_count > 0 || imported != NULL)
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
 * every case with its documented items, in the order they were first saved
 */
JsonNode *
ls_store_export_document (LsStore *self, GError **error)
{
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonArray) cases = json_array_new ();
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (LsStmt) stmt = NULL;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  lock (self);
  /* One read transaction: a consistent snapshot. */
  if (!exec_sql (self, "BEGIN", error))
    goto fail;
  organisation = load_organisation_locked (self, error);
  if (organisation == NULL)
    goto fail;
  stmt = get_stmt (self, "SELECT id FROM cases ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_clear_pointer (&stmt, stmt_release);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (LsCase) lcase =
          load_case_by_id_locked (self, g_array_index (ids, gint64, i), error);

      if (lcase == NULL)
        goto fail;
      json_array_add_object_element (cases, ls_case_to_json (lcase));
    }
  exec_sql (self, "COMMIT", NULL);
  unlock (self);

  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_object_member (root, "organisation",
                                 ls_organisation_to_json (organisation));
  json_object_set_array_member (root, "cases", g_steal_pointer (&cases));
  return json_node_init_object (json_node_alloc (), root);

fail:
  rollback (self);
  unlock (self);
  return NULL;
}

/* ---- Async ------------------------------------------------------------- */

/*
 * Every _async function runs its blocking twin in a worker thread, the
 * same way: the arguments are copied into an AsyncCall, so the caller may
 * go on changing its own, and the result comes back through the GTask.
 * A read that is cancelled before it starts is not run; a write always
 * is, so that what the user saved is saved even when nobody waits for it.
 */
typedef struct _AsyncCall AsyncCall;

/* Returns the result, or %NULL with @error set. */
typedef gpointer (*AsyncFunc) (LsStore *self, AsyncCall *call, GError **error);

struct _AsyncCall
{
  AsyncFunc func;
  GDestroyNotify result_free;
  gboolean writes;

  /* The arguments, each function using those it needs. */
  JsonObject *object;
  GObject *model;
  char *text;
  guint number; /* a limit, or a year */
};

static void
async_call_free (AsyncCall *call)
{
  g_clear_pointer (&call->object, json_object_unref);
  g_clear_object (&call->model);
  g_free (call->text);
  g_free (call);
}

static AsyncCall *
async_call_new (AsyncFunc func, GDestroyNotify result_free, gboolean writes)
{
  AsyncCall *call = g_new0 (AsyncCall, 1);

  call->func = func;
  call->result_free = result_free;
  call->writes = writes;
  return call;
}

static void
async_thread (GTask *task,
              gpointer source_object,
              gpointer task_data,
              GCancellable *cancellable)
{
  AsyncCall *call = task_data;
  GError *error = NULL;
  gpointer result;

  if (!call->writes && g_task_return_error_if_cancelled (task))
    return;
  result = call->func (source_object, call, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, call->result_free);
}

static void
run_async (LsStore *self,
           AsyncCall *call,
           gpointer source_tag,
           GCancellable *cancellable,
           GAsyncReadyCallback callback,
           gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) async_call_free);
  g_task_run_in_thread (task, async_thread);
}

static gpointer
finish_async (LsStore *self,
              GAsyncResult *result,
              gpointer source_tag,
              GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What a write that succeeded returns, as it has no result of its own. */
#define DONE GINT_TO_POINTER (TRUE)

static gpointer
save_case_call (LsStore *self, AsyncCall *call, GError **error)
{
  g_autoptr (LsCase) lcase = ls_case_new_from_json (call->object, NULL, error);

  if (lcase == NULL || !ls_store_save_case (self, lcase, call->text, error))
    return NULL;
  return DONE;
}

/**
 * ls_store_save_case_async:
 *
 * Saves @lcase as ls_store_save_case() does, in a worker thread.  The case
 * is copied first, so the caller may go on changing it.
 */
void
ls_store_save_case_async (LsStore *self,
                          LsCase *lcase,
                          const char *author,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (LS_IS_CASE (lcase));
  g_return_if_fail (author != NULL);

  call = async_call_new (save_case_call, NULL, TRUE);
  call->object = ls_case_to_json (lcase);
  call->text = g_strdup (author);
  run_async (self, call, ls_store_save_case_async, cancellable, callback,
             user_data);
}

gboolean
ls_store_save_case_finish (LsStore *self, GAsyncResult *result, GError **error)
{
  return finish_async (self, result, ls_store_save_case_async, error) != NULL;
}

static gpointer
load_case_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_load_case (self, call->text, error);
}

void
ls_store_load_case_async (LsStore *self,
                          const char *uuid,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  call = async_call_new (load_case_call, g_object_unref, FALSE);
  call->text = g_strdup (uuid);
  run_async (self, call, ls_store_load_case_async, cancellable, callback,
             user_data);
}

/**
 * ls_store_load_case_finish:
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
LsCase *
ls_store_load_case_finish (LsStore *self, GAsyncResult *result, GError **error)
{
  return finish_async (self, result, ls_store_load_case_async, error);
}

static gpointer
list_history_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_list_history (self, call->text, error);
}

/**
 * ls_store_list_history_async:
 *
 * Lists the history of a case as ls_store_list_history() does, in a worker
 * thread.
 */
void
ls_store_list_history_async (LsStore *self,
                             const char *case_uuid,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (case_uuid != NULL);

  call = async_call_new (list_history_call, (GDestroyNotify) g_ptr_array_unref,
                         FALSE);
  call->text = g_strdup (case_uuid);
  run_async (self, call, ls_store_list_history_async, cancellable, callback,
             user_data);
}

/**
 * ls_store_list_history_finish:
 *
 * Returns: (transfer full) (element-type LsHistoryEntry): as
 *   ls_store_list_history()
 */
GPtrArray *
ls_store_list_history_finish (LsStore *self,
                              GAsyncResult *result,
                              GError **error)
{
  return finish_async (self, result, ls_store_list_history_async, error);
}

static gpointer
save_organisation_call (LsStore *self, AsyncCall *call, GError **error)
{
  if (!ls_store_save_organisation (self, LS_ORGANISATION (call->model), error))
    return NULL;
  return DONE;
}

/**
 * ls_store_save_organisation_async:
 *
 * Saves @organisation as ls_store_save_organisation() does, in a worker
 * thread.  It is copied first, so the caller may go on changing it.
 */
void
ls_store_save_organisation_async (LsStore *self,
                                  LsOrganisation *organisation,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (LS_IS_ORGANISATION (organisation));

  call = async_call_new (save_organisation_call, NULL, TRUE);
  call->model = G_OBJECT (ls_organisation_new ());
  ls_model_copy (call->model, G_OBJECT (organisation));
  run_async (self, call, ls_store_save_organisation_async, cancellable,
             callback, user_data);
}

gboolean
ls_store_save_organisation_finish (LsStore *self,
                                   GAsyncResult *result,
                                   GError **error)
{
  return finish_async (self, result, ls_store_save_organisation_async, error) !=
         NULL;
}

static gpointer
load_organisation_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_load_organisation (self, error);
}

/**
 * ls_store_load_organisation_async:
 *
 * Loads the organisation as ls_store_load_organisation() does, in a worker
 * thread.
 */
void
ls_store_load_organisation_async (LsStore *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_return_if_fail (LS_IS_STORE (self));

  run_async (
      self, async_call_new (load_organisation_call, g_object_unref, FALSE),
      ls_store_load_organisation_async, cancellable, callback, user_data);
}

/**
 * ls_store_load_organisation_finish:
 *
 * Returns: (transfer full): as ls_store_load_organisation()
 */
LsOrganisation *
ls_store_load_organisation_finish (LsStore *self,
                                   GAsyncResult *result,
                                   GError **error)
{
  return finish_async (self, result, ls_store_load_organisation_async, error);
}

static gpointer
next_regno_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_next_regno (self, (int) call->number, error);
}

/**
 * ls_store_next_regno_async:
 *
 * Suggests a registration number as ls_store_next_regno() does, in a
 * worker thread.
 */
void
ls_store_next_regno_async (LsStore *self,
                           int year,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (year > 0 && year < 10000);

  call = async_call_new (next_regno_call, g_free, FALSE);
  call->number = (guint) year;
  run_async (self, call, ls_store_next_regno_async, cancellable, callback,
             user_data);
}

/**
 * ls_store_next_regno_finish:
 *
 * Returns: (transfer full): as ls_store_next_regno()
 */
char *
ls_store_next_regno_finish (LsStore *self, GAsyncResult *result, GError **error)
{
  return finish_async (self, result, ls_store_next_regno_async, error);
}

static gpointer
units_in_use_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_dup_units_in_use (self, error);
}

/**
 * ls_store_dup_units_in_use_async:
 *
 * Lists the units cases belong to as ls_store_dup_units_in_use() does, in
 * a worker thread.
 */
void
ls_store_dup_units_in_use_async (LsStore *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (LS_IS_STORE (self));

  run_async (
      self,
      async_call_new (units_in_use_call, (GDestroyNotify) g_strfreev, FALSE),
      ls_store_dup_units_in_use_async, cancellable, callback, user_data);
}

/**
 * ls_store_dup_units_in_use_finish:
 *
 * Returns: (transfer full): as ls_store_dup_units_in_use()
 */
GStrv
ls_store_dup_units_in_use_finish (LsStore *self,
                                  GAsyncResult *result,
                                  GError **error)
{
  return finish_async (self, result, ls_store_dup_units_in_use_async, error);
}

static gpointer
search_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_search (self, call->text, call->number, error);
}

void
ls_store_search_async (LsStore *self,
                       const char *text,
                       guint limit,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (text != NULL);

  call =
      async_call_new (search_call, (GDestroyNotify) g_ptr_array_unref, FALSE);
  call->text = g_strdup (text);
  call->number = limit;
  run_async (self, call, ls_store_search_async, cancellable, callback,
             user_data);
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
  return finish_async (self, result, ls_store_search_async, error);
}
