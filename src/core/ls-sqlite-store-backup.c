/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ls-sqlite-store-private.h"

/* The one file a manager can trust: the WAL folded back into the database
 * file when the app ends, consistent copies written at any moment, and a
 * copy put back in place of the current content.  A copy is written by
 * VACUUM INTO on the reader, so that it is one snapshot and never makes a
 * save wait; it is put back with SQLite's online backup API on the writer,
 * so that every connection of the store sees it at once and no open file
 * is ever replaced underneath SQLite. */

#define COPY_MODE 0600

static gboolean
write_error (const char *path, int saved_errno, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: the first %s is a file, the second why it failed. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _ ("Could not write “%s”: %s"), display,
               g_strerror (saved_errno));
  return FALSE;
}

/* A VACUUM INTO does not sync what it wrote. */
static gboolean
sync_file (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  return write_error (path, saved_errno, error);
}

/**
 * ls_sqlite_store_checkpoint:
 *
 * Copies everything the -wal file holds into the database file and
 * empties the -wal, so that the database file alone holds every case.
 */
gboolean
ls_sqlite_store_checkpoint (LsStore *store, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) locker = NULL;
  int rc;

  /* A store that never wrote has nothing of its own in the -wal, and its
   * connections may not write to the file. */
  if (self->read_only)
    return TRUE;

  locker = g_rec_mutex_locker_new (&self->writer.mutex);
  rc = sqlite3_wal_checkpoint_v2 (self->writer.db, NULL,
                                  SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ls_sqlite_set_error (&self->writer, error, rc);
      return FALSE;
    }
  g_debug ("Checkpointed the case database");
  return TRUE;
}

/**
 * ls_sqlite_store_backup:
 * @path: where the copy goes; replaced if it exists
 *
 * Writes a consistent copy of the database to @path: 0600, first to a
 * temporary file next to it that is renamed, so that @path is either the
 * old file or the whole copy.
 */
gboolean
ls_sqlite_store_backup (LsStore *store, const char *path, GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autoptr (LsStmt) stmt = NULL;
  gboolean ok;
  int fd;

  template = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  /* VACUUM INTO fills an empty file; made here, it is 0600 from the start. */
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, COPY_MODE);
  if (fd < 0)
    return write_error (path, errno, error);
  close (fd);

  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  stmt = ls_sqlite_get_stmt (&self->reader, "VACUUM INTO ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      ls_sqlite_bind_text (stmt, 1, template);
      ok = ls_sqlite_step_done (&self->reader, stmt, error);
    }
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  if (ok)
    ok = sync_file (template, error);
  if (ok && g_rename (template, path) != 0)
    ok = write_error (path, errno, error);
  if (!ok)
    g_unlink (template);
  else
    g_debug ("Wrote a backup of the case database");
  return ok;
}

/* Opens @copy read-only once it was found to be a sound case database of
 * this version or older: an empty file, or an empty SQLite file, is not a
 * copy of one. */
static sqlite3 *
open_copy (const char *copy, GError **error)
{
  g_autofree char *display = g_filename_display_name (copy);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gboolean empty = TRUE;
  gboolean ours = FALSE;

  if (!ls_sqlite_store_check_file (copy, &empty, error))
    return NULL;
  if (!empty &&
      sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                       NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) ==
          SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ours = sqlite3_column_int64 (stmt, 0) == LS_STORE_APPLICATION_ID;
  sqlite3_finalize (stmt);
  if (!ours)
    {
      sqlite3_close (db);
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Lex Sarah case database."), display);
      return NULL;
    }
  return db;
}

/**
 * ls_sqlite_store_check_copy:
 * @copy: a file that may be a copy of a case database
 *
 * Returns: how many cases @copy holds, or -1 with @error set when it is
 *   not a sound case database of this version or older
 */
gint64
ls_sqlite_store_check_copy (LsStore *store, const char *copy, GError **error)
{
  sqlite3 *db = open_copy (copy, error);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (db == NULL)
    return -1;
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM cases", -1, &stmt, NULL) ==
          SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (n < 0)
    {
      g_autofree char *display = g_filename_display_name (copy);

      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT,
                   _ ("The case database “%s” is damaged and was not opened; "
                      "the file was left as it is. Restore it from a backup."),
                   display);
    }
  return n;
}

/**
 * ls_sqlite_store_restore:
 * @copy: a copy written by ls_sqlite_store_backup()
 * @keep: where the current content is kept first
 *
 * Replaces the content of the database by that of @copy, after checking
 * that @copy is a sound case database of this version or older (an older
 * one is migrated).  The current content is first written to @keep.
 */
gboolean
ls_sqlite_store_restore (LsStore *store,
                         const char *copy,
                         const char *keep,
                         GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (GRecMutexLocker) writer = NULL;
  g_autoptr (GRecMutexLocker) reader = NULL;
  sqlite3 *source;
  sqlite3_backup *backup;
  int rc;

  /* Refused with the store's own words before anything is touched. */
  if (self->read_only)
    return ls_sqlite_store_begin (self, error);
  source = open_copy (copy, error);
  if (source == NULL)
    return FALSE;

  if (!ls_sqlite_store_backup (store, keep, error))
    {
      sqlite3_close (source);
      return FALSE;
    }

  writer = g_rec_mutex_locker_new (&self->writer.mutex);
  reader = g_rec_mutex_locker_new (&self->reader.mutex);
  backup = sqlite3_backup_init (self->writer.db, "main", source, "main");
  if (backup == NULL)
    {
      ls_sqlite_set_error (&self->writer, error,
                           sqlite3_extended_errcode (self->writer.db));
      sqlite3_close (source);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  sqlite3_close (source);
  if (rc != SQLITE_DONE)
    {
      ls_sqlite_set_error (&self->writer, error, rc);
      return FALSE;
    }
  self->n_cases = -1;
  g_clear_pointer (&self->prefix_terms, g_hash_table_unref);
  g_clear_pointer (&reader, g_rec_mutex_locker_free);

  if (!ls_sqlite_store_migrate (self, error))
    return FALSE;
  g_clear_pointer (&writer, g_rec_mutex_locker_free);

  g_debug ("Restored the case database from a backup");
  ls_store_emit_changed (store, NULL);
  return TRUE;
}
