/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ls-paths.h"
#include "ls-sqlite-store-private.h"

/* The SQLite backend: opening a file, making it private, migrating it,
 * and the helpers the other ls-sqlite-store-*.c files share.  All SQL of
 * the application lives in these files: the model and the UI see JSON
 * objects, summaries and GListModels, never SQLite. */

#define BUSY_TIMEOUT_MS 5000
#define FILE_MODE 0600
#define DIR_MODE 0700

G_DEFINE_FINAL_TYPE (LsSqliteStore, ls_sqlite_store, LS_TYPE_STORE)

/* ---- Helpers ----------------------------------------------------------- */

void
ls_sqlite_stmt_release (LsStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
ls_sqlite_set_error (LsSqliteConnection *conn, GError **error, int rc)
{
  const char *message =
      conn->db ? sqlite3_errmsg (conn->db) : sqlite3_errstr (rc);
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
  else if (primary == SQLITE_READONLY)
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_READ_ONLY,
                 _ ("The case database cannot be written: the file or its "
                    "folder is read-only. Nothing was changed."));
  else
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                 _ ("The case database could not be used: %s"), message);
}

LsStmt *
ls_sqlite_get_stmt (LsSqliteConnection *conn, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (conn->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (conn->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt,
                           NULL);
  if (rc != SQLITE_OK)
    {
      ls_sqlite_set_error (conn, error, rc);
      return NULL;
    }
  g_hash_table_insert (conn->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
ls_sqlite_exec (LsSqliteConnection *conn, const char *sql, GError **error)
{
  int rc = sqlite3_exec (conn->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ls_sqlite_set_error (conn, error, sqlite3_extended_errcode (conn->db));
      return FALSE;
    }
  return TRUE;
}

void
ls_sqlite_bind_text (LsStmt *stmt, int index, const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* Like ls_sqlite_bind_text(), without a copy: @value must last until the
 * statement is released, as the texts of a case being saved do.  The
 * case's JSON and search text are most of what a save writes. */
void
ls_sqlite_bind_static (LsStmt *stmt, int index, const char *value)
{
  /* A NULL text binds NULL. */
  sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

char *
ls_sqlite_column_dup (LsStmt *stmt, int index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

/* Runs a statement that returns no rows. */
gboolean
ls_sqlite_step_done (LsSqliteConnection *conn, LsStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (conn, error, sqlite3_extended_errcode (conn->db));
      return FALSE;
    }
  return TRUE;
}

/* Starts a write on the writer; the caller holds its mutex.  A store that
 * cannot write says so before anything is tried. */
gboolean
ls_sqlite_store_begin (LsSqliteStore *self, GError **error)
{
  g_autoptr (LsStmt) stmt = NULL;

  if (self->read_only)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_READ_ONLY,
                   _ ("The case database “%s” cannot be written: it is "
                      "read-only. Nothing was changed."),
                   self->display_name);
      return FALSE;
    }
  g_hash_table_remove_all (self->index_rows);
  stmt = ls_sqlite_get_stmt (&self->writer, "BEGIN IMMEDIATE", error);
  return stmt != NULL && ls_sqlite_step_done (&self->writer, stmt, error);
}

/* A row of the search index to write: the case's values as its last
 * save in the transaction wrote them. */
typedef struct
{
  gint64 id;
  gboolean replace;
  char *regno;
  char *search_text;
  char *status;
  char *unit;
  char *next_deadline;
} LsSqliteIndexRow;

static void
index_row_free (LsSqliteIndexRow *row)
{
  g_free (row->regno);
  g_free (row->search_text);
  g_free (row->status);
  g_free (row->unit);
  g_free (row->next_deadline);
  g_free (row);
}

static int
compare_index_rows (gconstpointer a, gconstpointer b)
{
  const LsSqliteIndexRow *x = *(LsSqliteIndexRow *const *) a;
  const LsSqliteIndexRow *y = *(LsSqliteIndexRow *const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

/* The rows of the search index of the cases written since the last
 * time: the replaced ones removed in one statement, then every row from
 * the values the saves wrote, in the order of the cases' ids, so that
 * FTS5 keeps them in memory until the transaction's next savepoint and
 * writes them as one segment. */
static gboolean
write_index (LsSqliteStore *self, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GString) replaced = g_string_new ("[");
  g_autoptr (LsStmt) insert = NULL;
  GHashTableIter iter;
  gpointer value;

  if (g_hash_table_size (self->index_rows) == 0)
    return TRUE;
  rows = g_ptr_array_sized_new (g_hash_table_size (self->index_rows));
  g_hash_table_iter_init (&iter, self->index_rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (rows, value);
  g_ptr_array_sort (rows, compare_index_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      LsSqliteIndexRow *row = rows->pdata[i];

      if (row->replace)
        g_string_append_printf (replaced, "%s%" G_GINT64_FORMAT,
                                replaced->len > 1 ? "," : "", row->id);
    }
  g_string_append_c (replaced, ']');
  if (replaced->len > 2)
    {
      g_autoptr (LsStmt) remove =
          ls_sqlite_get_stmt (&self->writer,
                              "DELETE FROM case_fts WHERE rowid IN "
                              "(SELECT value FROM json_each (?))",
                              error);

      if (remove == NULL)
        return FALSE;
      ls_sqlite_bind_static (remove, 1, replaced->str);
      if (!ls_sqlite_step_done (&self->writer, remove, error))
        return FALSE;
    }
  insert = ls_sqlite_get_stmt (
      &self->writer,
      "INSERT INTO case_fts (rowid, regno, body, journal, filter) "
      "VALUES (?1, coalesce (?2, ''), ?3, '', " LS_SQLITE_FILTER_TERMS_OF (
          "?4", "?5", "?6") ")",
      error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      LsSqliteIndexRow *row = rows->pdata[i];

      sqlite3_bind_int64 (insert, 1, row->id);
      ls_sqlite_bind_static (insert, 2, row->regno);
      ls_sqlite_bind_static (insert, 3, row->search_text);
      ls_sqlite_bind_static (insert, 4, row->status);
      ls_sqlite_bind_static (insert, 5, row->unit);
      ls_sqlite_bind_static (insert, 6, row->next_deadline);
      if (!ls_sqlite_step_done (&self->writer, insert, error))
        return FALSE;
      sqlite3_reset (insert);
    }
  g_hash_table_remove_all (self->index_rows);
  return TRUE;
}

/* Rows kept for the commit, at most: an import of many thousands of
 * cases in one transaction keeps their texts this many at a time. */
#define INDEX_ROWS_AT_ONCE 1000

/**
 * ls_sqlite_store_index_case:
 * @case_id: a case written in the writer's transaction
 * @replace: whether the case may have had a row of the search index
 * @regno: (nullable): its regno, as written
 * @derived: its derived columns, as written
 *
 * Has the case's row of the search index written at the commit, with
 * @regno and the search text, state, unit and deadline of @derived (the
 * last save of the case in the transaction wins).  SQLite 3.40's FTS5
 * writes its pending rows to disk at the savepoint of every statement
 * that may fail halfway, which is nearly every statement of a save: a row
 * written with each case (as triggers did up to schema 5) made an import
 * of 1,000 cases write thousands of small segments of the index, and
 * merge them.  Written together, they are one segment.  The rows are
 * written from the values the save had in hand: read back from the cases'
 * rows, they cost a walk of each case's JSON, which is stored before its
 * search text.
 */
gboolean
ls_sqlite_store_index_case (LsSqliteStore *self,
                            gint64 case_id,
                            gboolean replace,
                            const char *regno,
                            const LsDerived *derived,
                            GError **error)
{
  LsSqliteIndexRow *row = g_hash_table_lookup (self->index_rows, &case_id);

  if (row == NULL)
    {
      row = g_new0 (LsSqliteIndexRow, 1);
      row->id = case_id;
      g_hash_table_insert (self->index_rows, &row->id, row);
    }
  row->replace |= replace;
  g_free (row->regno);
  row->regno = g_strdup (regno);
  g_free (row->search_text);
  row->search_text = g_strdup (derived->search_text);
  g_free (row->status);
  row->status = g_strdup (derived->status);
  g_free (row->unit);
  row->unit = g_strdup (derived->unit);
  g_free (row->next_deadline);
  row->next_deadline = g_strdup (derived->next_deadline);
  return g_hash_table_size (self->index_rows) < INDEX_ROWS_AT_ONCE ||
         write_index (self, error);
}

gboolean
ls_sqlite_store_commit (LsSqliteStore *self, GError **error)
{
  g_autoptr (LsStmt) stmt = NULL;

  if (!write_index (self, error))
    return FALSE;
  stmt = ls_sqlite_get_stmt (&self->writer, "COMMIT", error);
  return stmt != NULL && ls_sqlite_step_done (&self->writer, stmt, error);
}

void
ls_sqlite_store_rollback (LsSqliteStore *self)
{
  g_hash_table_remove_all (self->index_rows);
  if (!sqlite3_get_autocommit (self->writer.db))
    sqlite3_exec (self->writer.db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- Checking a file before opening it --------------------------------- */

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | bytes[3];
}

/* The WAL's running checksum (sqlite's walChecksumBytes). */
static void
wal_checksum (gboolean big_endian,
              const guint8 *data,
              gsize length,
              guint32 sum[2])
{
  for (gsize i = 0; i + 8 <= length; i += 8)
    {
      guint32 x0, x1;

      if (big_endian)
        {
          x0 = read_be32 (data + i);
          x1 = read_be32 (data + i + 4);
        }
      else
        {
          memcpy (&x0, data + i, 4);
          memcpy (&x1, data + i + 4, 4);
          x0 = GUINT32_FROM_LE (x0);
          x1 = GUINT32_FROM_LE (x1);
        }
      sum[0] += x0 + sum[1];
      sum[1] += x1 + sum[0];
    }
}

/* Bytes 60 to 71 of the first page (user_version, then application_id)
 * as the last transaction committed to the -wal file wrote them, if it
 * did.  Read by hand: an SQLite connection, even a read-only one, writes
 * to the -shm file, and a file that is refused must be left as it is. */
static gboolean
read_wal_header_fields (const char *path, guint8 fields[12])
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree guint8 *frame = NULL;
  guint8 header[32];
  guint8 pending[12];
  gboolean have_pending = FALSE;
  gboolean found = FALSE;
  gboolean big_endian;
  guint32 magic, page_size;
  guint32 sum[2] = { 0, 0 };
  int fd;

  fd = g_open (wal, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (read (fd, header, sizeof header) != sizeof header)
    goto out;
  magic = read_be32 (header);
  page_size = read_be32 (header + 8);
  if ((magic & 0xfffffffe) != 0x377f0682 || page_size < 512 ||
      page_size > 65536 || (page_size & (page_size - 1)) != 0)
    goto out;
  big_endian = (magic & 1) != 0;
  wal_checksum (big_endian, header, 24, sum);
  if (sum[0] != read_be32 (header + 24) || sum[1] != read_be32 (header + 28))
    goto out;

  frame = g_malloc (24 + page_size);
  while (read (fd, frame, 24 + page_size) == (gssize) (24 + page_size))
    {
      /* A frame of an earlier generation of the file, or torn: the log
       * ends here. */
      if (memcmp (frame + 8, header + 16, 8) != 0)
        break;
      wal_checksum (big_endian, frame, 8, sum);
      wal_checksum (big_endian, frame + 24, page_size, sum);
      if (sum[0] != read_be32 (frame + 16) || sum[1] != read_be32 (frame + 20))
        break;
      if (read_be32 (frame) == 1)
        {
          memcpy (pending, frame + 24 + 60, sizeof pending);
          have_pending = TRUE;
        }
      if (read_be32 (frame + 4) != 0 && have_pending)
        {
          memcpy (fields, pending, sizeof pending);
          found = TRUE;
        }
    }

out:
  close (fd);
  return found;
}

static gboolean
not_ours_error (const char *display, GError **error)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_A_DATABASE,
               _ ("“%s” is not a Lex Sarah case database."), display);
  return FALSE;
}

static gboolean
too_new_error (const char *display, GError **error)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_NEW,
               _ ("“%s” was written by a newer version of Lex Sarah. "
                  "Update Lex Sarah to open it; the file was left as it "
                  "is."),
               display);
  return FALSE;
}

static gboolean
corrupt_error (const char *display, GError **error)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT,
               _ ("The case database “%s” is damaged and was not opened; "
                  "the file was left as it is. Restore it from a backup."),
               display);
  return FALSE;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Opens a connection that cannot write.  Without a -wal file nobody has
 * the database open, and it is read as immutable so that not even a -wal
 * or -shm file is created; with one, a plain read-only connection sees
 * the committed data in it. */
static int
open_read_only (const char *path, gboolean immutable, sqlite3 **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (!immutable || g_file_test (wal, G_FILE_TEST_EXISTS))
    return sqlite3_open_v2 (path, db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  escaped =
      g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
  uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  return sqlite3_open_v2 (
      uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
      NULL);
}

/* SQLite removes the -wal file when the last connection to a database
 * closes; one that is left means that the last run did not end cleanly,
 * or that another process has the database open now. */
static gboolean
closed_cleanly (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return !g_file_test (wal, G_FILE_TEST_EXISTS);
}

/* Every page of the file: seconds at 100,000 cases. */
static gboolean
quick_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) ==
           SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* The first row of every table, which reads its pages from the root
 * down: a file overwritten from outside is refused at once, in a few
 * milliseconds. */
static gboolean
read_every_table (sqlite3 *db)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT name FROM sqlite_master WHERE type = 'table' "
                          "AND rootpage > 0",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names,
                     g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" LIMIT 1",
                                   (const char *) names->pdata[i]);

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        return FALSE;
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

/* Read only: nothing is written before the file has been found sound. */
gboolean
ls_sqlite_store_check_file (const char *path, gboolean *empty, GError **error)
{
  static const char header[16] = "SQLite format 3";
  guint8 buffer[100];
  guint8 *fields = buffer + 60;
  guint8 wal_fields[12];
  sqlite3 *db = NULL;
  gssize n;
  int fd;
  gint64 version;
  gint64 application_id;
  gint64 n_tables;
  gboolean ok = FALSE;
  g_autofree char *display = g_filename_display_name (path);

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
    return not_ours_error (display, error);

  /* A newer version is refused on the header alone, the -wal's newest if
   * it has one, before any connection touches the files. */
  if (read_wal_header_fields (path, wal_fields))
    fields = wal_fields;
  if (read_be32 (fields) > LS_STORE_SCHEMA_VERSION &&
      read_be32 (fields + 8) == LS_STORE_APPLICATION_ID)
    return too_new_error (display, error);

  if (open_read_only (path, TRUE, &db) != SQLITE_OK)
    {
      sqlite3_close (db);
      return corrupt_error (display, error);
    }
  application_id = query_int (db, "PRAGMA application_id");
  version = query_int (db, "PRAGMA user_version");
  n_tables = query_int (db, "SELECT count(*) FROM sqlite_master");

  if (application_id < 0 || version < 0 || n_tables < 0)
    corrupt_error (display, error);
  else if ((application_id != 0 && application_id != LS_STORE_APPLICATION_ID) ||
           (application_id == 0 && n_tables > 0))
    not_ours_error (display, error);
  else if (version > LS_STORE_SCHEMA_VERSION)
    too_new_error (display, error);
  else
    {
      ok = closed_cleanly (path) ? read_every_table (db) : quick_check (db);
      if (!ok)
        corrupt_error (display, error);
    }
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

/* Takes from @path what goes beyond @mode.  A read-only file system keeps
 * what it has, and nobody can change the file there either. */
static gboolean
tighten_mode (const char *path, mode_t mode, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || (st.st_mode & 0777 & ~mode) == 0)
    return TRUE;
  if (g_chmod (path, st.st_mode & 0777 & mode) != 0 && errno != EROFS)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not make “%s” private to its owner: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }
  g_debug ("Made a file of the case database private");
  return TRUE;
}

/* Sensitive personal data: a database someone made with a looser mode
 * (touch, a copy) is made 0600 with its -wal and -shm, and the app's own
 * data folder 0700.  Another folder is the user's to choose. */
static gboolean
make_private (const char *path, GError **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *own = ls_paths_dup_default_database ();
  g_autofree char *own_dir = g_path_get_dirname (own);
  g_autofree char *canonical_dir = g_canonicalize_filename (dir, NULL);
  g_autofree char *canonical_own = g_canonicalize_filename (own_dir, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (!tighten_mode (file, FILE_MODE, error))
        return FALSE;
    }
  if (g_str_equal (canonical_dir, canonical_own))
    return tighten_mode (dir, DIR_MODE, error);
  return TRUE;
}

/* Whether SQLite could write the file and make its -wal and -shm next to
 * it; access() answers for root too when the file system is read-only. */
static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* Whether the file's schema (the -wal's newest, if it has one) is older
 * than this build's. */
static gboolean
needs_migration (const char *path)
{
  guint8 buffer[100];
  guint8 wal_fields[12];
  const guint8 *fields = buffer + 60;
  gssize n = -1;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      n = read (fd, buffer, sizeof buffer);
      close (fd);
    }
  if (n < (gssize) sizeof buffer)
    return TRUE;
  if (read_wal_header_fields (path, wal_fields))
    fields = wal_fields;
  return read_be32 (fields) < LS_STORE_SCHEMA_VERSION;
}

/* ---- Migration --------------------------------------------------------- */

static int
read_user_version (LsSqliteConnection *conn)
{
  return (int) query_int (conn->db, "PRAGMA user_version");
}

static gboolean
run_migration (LsSqliteStore *self, GError **error)
{
  int version = read_user_version (&self->writer);

  /* Another program may have migrated it since we looked. */
  if (version == LS_STORE_SCHEMA_VERSION)
    return TRUE;
  if (version < 0 || version > LS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_NEW,
                   _ ("The case database was written by a newer version of "
                      "Lex Sarah."));
      return FALSE;
    }

  for (int step = version + 1; step <= LS_STORE_SCHEMA_VERSION; step++)
    {
      g_autofree char *pragma = NULL;

      if (!ls_sqlite_exec (&self->writer, ls_store_schema_step (step), error))
        return FALSE;
      pragma = g_strdup_printf ("PRAGMA user_version = %d", step);
      if (!ls_sqlite_exec (&self->writer, pragma, error))
        return FALSE;
      g_debug ("Migrated the case database to schema %d", step);
    }
  /* Versions 2 and 3 added derived columns, the search index and the
   * attention list. */
  if (version > 0 && version < 3 &&
      !ls_sqlite_store_refresh_all_derived (self, error))
    return FALSE;
  if (version == 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d",
                                                 LS_STORE_APPLICATION_ID);
      if (!ls_sqlite_exec (&self->writer, pragma, error))
        return FALSE;
    }
  return TRUE;
}

/* Only a file of an older schema is migrated, in one transaction: opening
 * a current one takes no write lock, so that an export or a PDF never
 * waits behind an import. */
gboolean
ls_sqlite_store_migrate (LsSqliteStore *self, GError **error)
{
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);

  if (read_user_version (&self->writer) == LS_STORE_SCHEMA_VERSION)
    return TRUE;
  if (!ls_sqlite_store_begin (self, error) || !run_migration (self, error) ||
      !ls_sqlite_store_commit (self, error))
    {
      ls_sqlite_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* ---- Opening ----------------------------------------------------------- */

/* The hash of a statement's SQL from its length and every seventh byte:
 * a save looks up some twenty statements of a hundred bytes or more each,
 * and g_str_equal() tells apart those that share a hash. */
static guint
sql_hash (gconstpointer key)
{
  const char *sql = key;
  gsize len = strlen (sql);
  guint hash = (guint) len;

  for (gsize i = 0; i < len; i += 7)
    hash = hash * 31 + (guchar) sql[i];
  return hash;
}

static void
connection_init (LsSqliteConnection *conn)
{
  g_rec_mutex_init (&conn->mutex);
  conn->statements = g_hash_table_new_full (sql_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

static void
connection_clear (LsSqliteConnection *conn)
{
  g_clear_pointer (&conn->statements, g_hash_table_unref);
  g_clear_pointer (&conn->db, sqlite3_close);
  g_rec_mutex_clear (&conn->mutex);
}

static gboolean
connection_opened (LsSqliteConnection *conn, int rc, GError **error)
{
  if (rc != SQLITE_OK)
    {
      ls_sqlite_set_error (conn, error, rc);
      return FALSE;
    }
  sqlite3_extended_result_codes (conn->db, 1);
  sqlite3_busy_timeout (conn->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

static gboolean
open_writer (LsSqliteStore *self, GError **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->writer.db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (!connection_opened (&self->writer, rc, error))
    return FALSE;

  /* Legal records: every commit is on disk before the call returns.  A
   * page cache of 16 MiB keeps the indexes a save looks up (uuids, the
   * journal's) in memory for a database of 100,000 cases. */
  return ls_sqlite_exec (&self->writer,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA cache_size = -16384;",
                         error);
}

static gboolean
open_connections (LsSqliteStore *self, LsStoreOpenFlags flags, GError **error)
{
  gboolean empty = TRUE;
  gboolean writable;
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);

  if (exists)
    {
      if (!ls_sqlite_store_check_file (self->path, &empty, error) ||
          !make_private (self->path, error))
        return FALSE;
    }
  else if (flags & LS_STORE_OPEN_READ_ONLY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("There is no case database “%s”."), self->display_name);
      return FALSE;
    }
  else if (!create_private_file (self->path, error))
    {
      return FALSE;
    }

  writable = can_write (self->path);
  self->read_only = !writable || (flags & LS_STORE_OPEN_READ_ONLY);
  /* An empty file that cannot be written holds nothing to read: refused
   * as every write of a read-only store is. */
  if (empty && !writable)
    return ls_sqlite_store_begin (self, error);

  /* A read-only open of an older file that can be written migrates it
   * first, as any open would; the store still refuses to write. */
  if (writable && (!(flags & LS_STORE_OPEN_READ_ONLY) || empty ||
                   needs_migration (self->path)))
    {
      gboolean read_only = self->read_only;

      self->read_only = FALSE;
      if (!open_writer (self, error) || !ls_sqlite_store_migrate (self, error))
        return FALSE;
      self->read_only = read_only;
    }
  else if (!connection_opened (
               &self->writer,
               open_read_only (self->path, !writable, &self->writer.db), error))
    {
      return FALSE;
    }

  if (!connection_opened (
          &self->reader,
          open_read_only (self->path, !writable, &self->reader.db), error))
    return FALSE;

  /* Counted here, off the main loop, for the first window's list. */
  return ls_sqlite_store_count_cases (LS_STORE (self), &(LsStoreQuery){ 0 },
                                      error) >= 0;
}

/* ---- GObject ----------------------------------------------------------- */

static const char *
ls_sqlite_store_get_location (LsStore *store)
{
  return LS_SQLITE_STORE (store)->path;
}

static void
ls_sqlite_store_finalize (GObject *object)
{
  LsSqliteStore *self = LS_SQLITE_STORE (object);

  connection_clear (&self->reader);
  connection_clear (&self->writer);
  g_clear_pointer (&self->index_rows, g_hash_table_unref);
  g_clear_pointer (&self->prefix_terms, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (ls_sqlite_store_parent_class)->finalize (object);
}

static void
ls_sqlite_store_class_init (LsSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LsStoreClass *store_class = LS_STORE_CLASS (klass);

  object_class->finalize = ls_sqlite_store_finalize;

  store_class->get_location = ls_sqlite_store_get_location;
  store_class->save_case = ls_sqlite_store_save_case;
  store_class->save_case_why = ls_sqlite_store_save_case_why;
  store_class->add_attachment = ls_sqlite_store_add_attachment;
  store_class->list_attachments = ls_sqlite_store_list_attachments;
  store_class->read_attachment = ls_sqlite_store_read_attachment;
  store_class->load_case = ls_sqlite_store_load_case;
  store_class->find_case_by_regno = ls_sqlite_store_find_case_by_regno;
  store_class->list_history = ls_sqlite_store_list_history;
  store_class->save_organisation = ls_sqlite_store_save_organisation;
  store_class->load_organisation = ls_sqlite_store_load_organisation;
  store_class->next_regno = ls_sqlite_store_next_regno;
  store_class->dup_units_in_use = ls_sqlite_store_dup_units_in_use;
  store_class->count_cases = ls_sqlite_store_count_cases;
  store_class->list_cases = ls_sqlite_store_list_cases;
  store_class->list_attention = ls_sqlite_store_list_attention;
  store_class->search_ids = ls_sqlite_store_search_ids;
  store_class->read_summaries = ls_sqlite_store_read_summaries;
  store_class->find_similar_cases = ls_sqlite_store_find_similar_cases;
  store_class->import_document = ls_sqlite_store_import_document;
  store_class->export_document = ls_sqlite_store_export_document;
  store_class->checkpoint = ls_sqlite_store_checkpoint;
  store_class->backup = ls_sqlite_store_backup;
  store_class->check_copy = ls_sqlite_store_check_copy;
  store_class->restore = ls_sqlite_store_restore;
  store_class->compute_statistics = ls_sqlite_store_compute_statistics;
  store_class->list_concluded_cases = ls_sqlite_store_list_concluded_cases;
  store_class->list_follow_up_cases = ls_sqlite_store_list_follow_up_cases;
  store_class->load_people = ls_sqlite_store_load_people;
  store_class->save_people = ls_sqlite_store_save_people;
}

static void
ls_sqlite_store_init (LsSqliteStore *self)
{
  connection_init (&self->writer);
  connection_init (&self->reader);
  self->n_cases = -1;
  self->index_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                            (GDestroyNotify) index_row_free);
}

/**
 * ls_sqlite_store_open:
 * @path: the database file; created 0600 (and its folder 0700) if missing
 * @flags: how to open it
 *
 * Opens a case database file, as ls_store_open_full() documents.  A file
 * that cannot be written is opened read-only, whatever @flags say.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LsStore *
ls_sqlite_store_open (const char *path, LsStoreOpenFlags flags, GError **error)
{
  g_autoptr (LsSqliteStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LS_TYPE_SQLITE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);
  if (!open_connections (self, flags, error))
    return NULL;

  return LS_STORE (g_steal_pointer (&self));
}

/* For the tests: a setting of the store's writing connection, such as
 * "foreign_keys", which no other connection can see. */
gint64
ls_store_pragma_int (LsStore *store, const char *pragma)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);

  return query_int (self->writer.db, sql);
}

static int
busy_cb (gpointer user_data, int count)
{
  LsSqliteStore *self = user_data;

  if (count == 0)
    {
      self->busy_since = g_get_monotonic_time ();
      self->busy_hook (self->busy_hook_data);
    }
  if (g_get_monotonic_time () - self->busy_since >
      (gint64) BUSY_TIMEOUT_MS * 1000)
    return 0;
  g_usleep (1000);
  return 1;
}

/* For the tests: @hook runs, in the writing thread, when the writer first
 * finds the file locked by another connection; it then waits as long as
 * it always does. */
void
ls_sqlite_store_set_busy_hook (LsSqliteStore *self,
                               LsSqliteBusyHook hook,
                               gpointer user_data)
{
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);

  self->busy_hook = hook;
  self->busy_hook_data = user_data;
  sqlite3_busy_handler (self->writer.db, busy_cb, self);
}
