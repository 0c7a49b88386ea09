/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ls-files.h"

/* The files the command line reads and writes, which a careless or hostile
 * user names: an input is read only when it is a regular file of bounded
 * size and its text is one JSON document of bounded nesting, checked here
 * before json-glib, whose parser recurses and quotes what it refuses, sees
 * it; an output is written only to a new path or a regular file that is not
 * the case database, through a temporary file in the same folder, and
 * temporary files that a killed run left are removed by the next. */

/* Temporary files are named ".NAME.lexsarah-PID-XXXXXX": hidden, and
 * recognisable as ours with the process that made them. */
#define TEMP_MARK ".lexsarah-"

static void
set_io_error (GError **error, gboolean writing, const char *path, int errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  if (writing)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                 _ ("Could not write “%s”: %s"), display, g_strerror (errsv));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                 _ ("Could not read “%s”: %s"), display, g_strerror (errsv));
}

/* ---- Input ------------------------------------------------------------- */

static void
set_too_large (GError **error, const char *display)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _ ("“%s” is larger than 64 MiB, more than an exchange document "
                  "can be."),
               display);
}

/**
 * ls_files_read_input:
 * @path: the file to read
 * @limit: the largest size accepted, in bytes
 *
 * Reads a whole regular file of at most @limit bytes.  Devices (such as
 * /dev/zero), FIFOs (which would block without a writer), folders and
 * sockets are refused without reading them.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
ls_files_read_input (const char *path, gsize limit, GError **error)
{
  g_autofree char *display = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Not blocking: opening a FIFO with no writer would wait forever. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_io_error (error, FALSE, path, errno);
      return NULL;
    }
  display = g_filename_display_name (path);
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _ ("“%s” is not a regular file; import reads only files."),
                   display);
      close (fd);
      return NULL;
    }
  if ((guint64) st.st_size > limit)
    {
      set_too_large (error, display);
      close (fd);
      return NULL;
    }

  /* To its end, which may lie past the size it had: the file may grow
   * while it is read, but not past the limit. */
  buffer = g_byte_array_sized_new (MIN ((gsize) st.st_size, limit) + 1);
  while (buffer->len <= limit)
    {
      guint8 chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, FALSE, path, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, n);
    }
  close (fd);
  if (buffer->len > limit)
    {
      set_too_large (error, display);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* ---- A JSON scanner: syntax, nesting, one document --------------------- */

#define MAX_KEY 64

typedef struct
{
  gboolean is_array;
  guint index;
  char key[MAX_KEY + 4];
} Frame;

typedef struct
{
  const char *p;
  const char *end;
  const char *line_start;
  guint line;
  Frame frames[LS_FILES_MAX_DEPTH];
  guint depth;
  char *nul_path;
} Scanner;

static guint
scanner_column (Scanner *sc)
{
  return (guint) g_utf8_strlen (sc->line_start, sc->p - sc->line_start) + 1;
}

static gboolean
scan_fail (Scanner *sc, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _ ("The file is not valid JSON at line %u, column %u."),
               sc->line, scanner_column (sc));
  return FALSE;
}

static void
skip_space (Scanner *sc)
{
  for (; sc->p < sc->end; sc->p++)
    {
      if (*sc->p == '\n')
        {
          sc->line++;
          sc->line_start = sc->p + 1;
        }
      else if (*sc->p != ' ' && *sc->p != '\t' && *sc->p != '\r')
        break;
    }
}

/* The member path of the value being read, as messages name members:
 * "cases[1].report.description". */
static char *
scanner_path (Scanner *sc)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < sc->depth; i++)
    {
      if (sc->frames[i].is_array)
        g_string_append_printf (path, "[%u]", sc->frames[i].index);
      else
        g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "",
                                sc->frames[i].key);
    }
  return g_string_free (path, FALSE);
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* A string, from its opening quote; its first bytes kept in @key when
 * it is a member name. */
static gboolean
scan_string (Scanner *sc, char *key, GError **error)
{
  const char *begin = ++sc->p;

  while (sc->p < sc->end && *sc->p != '"')
    {
      guchar c = *sc->p;

      if (c < 0x20)
        return scan_fail (sc, error);
      if (c != '\\')
        {
          sc->p++;
          continue;
        }
      if (sc->end - sc->p < 2)
        return scan_fail (sc, error);
      if (sc->p[1] == 'u')
        {
          int value = sc->end - sc->p >= 6 ? hex4 (sc->p + 2) : -1;

          if (value < 0 || (value >= 0xdc00 && value <= 0xdfff))
            return scan_fail (sc, error);
          if (value >= 0xd800 && value <= 0xdbff)
            {
              int low =
                  sc->end - sc->p >= 12 && sc->p[6] == '\\' && sc->p[7] == 'u'
                      ? hex4 (sc->p + 8)
                      : -1;

              if (low < 0xdc00 || low > 0xdfff)
                return scan_fail (sc, error);
              sc->p += 6;
            }
          if (value == 0 && sc->nul_path == NULL && key == NULL)
            sc->nul_path = scanner_path (sc);
          if (value == 0 && key != NULL)
            return scan_fail (sc, error);
          sc->p += 6;
        }
      else if (strchr ("\"\\/bfnrt", sc->p[1]) != NULL && sc->p[1] != '\0')
        sc->p += 2;
      else
        return scan_fail (sc, error);
    }
  if (sc->p >= sc->end)
    return scan_fail (sc, error);
  if (key != NULL)
    {
      gsize length = MIN ((gsize) (sc->p - begin), MAX_KEY);

      memcpy (key, begin, length);
      /* Never cut inside a character. */
      while (length > 0 && length < (gsize) (sc->p - begin) &&
             ((guchar) begin[length] & 0xc0) == 0x80)
        length--;
      key[length] = '\0';
      if (length < (gsize) (sc->p - begin))
        strcat (key, "…");
    }
  sc->p++;
  return TRUE;
}

static gboolean
scan_digits (Scanner *sc)
{
  const char *begin = sc->p;

  while (sc->p < sc->end && g_ascii_isdigit (*sc->p))
    sc->p++;
  return sc->p > begin;
}

static gboolean
scan_number (Scanner *sc, GError **error)
{
  if (*sc->p == '-')
    sc->p++;
  if (sc->p < sc->end && *sc->p == '0')
    sc->p++;
  else if (!scan_digits (sc))
    return scan_fail (sc, error);
  if (sc->p < sc->end && *sc->p == '.')
    {
      sc->p++;
      if (!scan_digits (sc))
        return scan_fail (sc, error);
    }
  if (sc->p < sc->end && (*sc->p == 'e' || *sc->p == 'E'))
    {
      sc->p++;
      if (sc->p < sc->end && (*sc->p == '+' || *sc->p == '-'))
        sc->p++;
      if (!scan_digits (sc))
        return scan_fail (sc, error);
    }
  return TRUE;
}

static gboolean
scan_literal (Scanner *sc, GError **error)
{
  static const char *const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = strlen (literals[i]);

      if ((gsize) (sc->end - sc->p) >= length &&
          memcmp (sc->p, literals[i], length) == 0)
        {
          sc->p += length;
          return TRUE;
        }
    }
  return scan_fail (sc, error);
}

typedef enum
{
  WANT_VALUE,
  WANT_VALUE_OR_CLOSE,
  WANT_KEY,
  WANT_KEY_OR_CLOSE,
  WANT_COLON,
  WANT_COMMA_OR_CLOSE,
  WANT_END,
} ScanState;

static gboolean
scan_push (Scanner *sc, gboolean is_array, GError **error)
{
  if (sc->depth == LS_FILES_MAX_DEPTH)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _ ("The file nests lists and objects more than %u deep "
                      "at line %u, column %u, deeper than an exchange "
                      "document can be."),
                   LS_FILES_MAX_DEPTH, sc->line, scanner_column (sc));
      return FALSE;
    }
  sc->frames[sc->depth].is_array = is_array;
  sc->frames[sc->depth].index = 0;
  sc->frames[sc->depth].key[0] = '\0';
  sc->depth++;
  sc->p++;
  return TRUE;
}

/**
 * ls_files_scan_json:
 * @data: the text, not necessarily ending in a NUL
 * @nul_path: (out) (optional) (nullable): the member path of the first
 *   text holding a NUL character (`\u0000`), which json-glib would cut
 *   there, or %NULL
 *
 * Checks that @data is valid UTF-8 and exactly one JSON document (RFC 8259)
 * that nests at most %LS_FILES_MAX_DEPTH deep, in one pass that does not
 * recurse.  The message of @error names the line and column, never the
 * text found there.
 */
gboolean
ls_files_scan_json (const char *data,
                    gsize length,
                    char **nul_path,
                    GError **error)
{
  Scanner sc = { data, data + length, data, 1, { { 0 } }, 0, NULL };
  ScanState state = WANT_VALUE;
  const char *bad = NULL;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      sc.p = bad;
      for (const char *q = data; q < bad; q++)
        if (*q == '\n')
          {
            sc.line++;
            sc.line_start = q + 1;
          }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _ ("The file is not UTF-8 text: line %u, column %u."),
                   sc.line, scanner_column (&sc));
      return FALSE;
    }

  for (;;)
    {
      Frame *top;
      char c;

      skip_space (&sc);
      if (sc.p >= sc.end)
        break;
      c = *sc.p;
      top = sc.depth > 0 ? &sc.frames[sc.depth - 1] : NULL;
      switch (state)
        {
        case WANT_END:
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _ ("The file holds more than one JSON document (the "
                          "second at line %u, column %u); an exchange "
                          "document is one."),
                       sc.line, scanner_column (&sc));
          g_free (sc.nul_path);
          return FALSE;
        case WANT_VALUE_OR_CLOSE:
        case WANT_VALUE:
          if (c == ']' && state == WANT_VALUE_OR_CLOSE)
            {
              sc.depth--;
              sc.p++;
              break;
            }
          if (c == '{' || c == '[')
            {
              if (!scan_push (&sc, c == '[', error))
                goto fail;
              state = c == '[' ? WANT_VALUE_OR_CLOSE : WANT_KEY_OR_CLOSE;
              continue;
            }
          if (c == '"')
            {
              if (!scan_string (&sc, NULL, error))
                goto fail;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (&sc, error))
                goto fail;
            }
          else if (!scan_literal (&sc, error))
            goto fail;
          break;
        case WANT_KEY_OR_CLOSE:
        case WANT_KEY:
          if (c == '}' && state == WANT_KEY_OR_CLOSE)
            {
              sc.depth--;
              sc.p++;
              break;
            }
          if (c != '"')
            goto fail_syntax;
          if (!scan_string (&sc, top->key, error))
            goto fail;
          state = WANT_COLON;
          continue;
        case WANT_COLON:
          if (c != ':')
            goto fail_syntax;
          sc.p++;
          state = WANT_VALUE;
          continue;
        case WANT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              sc.p++;
              if (top->is_array)
                top->index++;
              state = top->is_array ? WANT_VALUE : WANT_KEY;
              continue;
            }
          if (c != (top->is_array ? ']' : '}'))
            goto fail_syntax;
          sc.depth--;
          sc.p++;
          break;
        default:
          g_assert_not_reached ();
        }
      /* A value was read. */
      state = sc.depth == 0 ? WANT_END : WANT_COMMA_OR_CLOSE;
    }
  if (state != WANT_END)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _ ("The file ends before its JSON document does (line %u, "
                      "column %u)."),
                   sc.line, scanner_column (&sc));
      g_free (sc.nul_path);
      return FALSE;
    }
  if (nul_path != NULL)
    *nul_path = sc.nul_path;
  else
    g_free (sc.nul_path);
  return TRUE;

fail_syntax:
  scan_fail (&sc, error);
fail:
  g_free (sc.nul_path);
  return FALSE;
}

/* ---- Output ------------------------------------------------------------ */

struct _LsOutput
{
  char *path;
  char *tmp_path;
  int fd;
};

static gboolean
same_file (const struct stat *a, const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether @path is, or would become, @database or its -wal or -shm file:
 * by device and inode where the file exists, else by its folder's and its
 * name, so that neither another name for it nor a journal that SQLite has
 * not made yet is written over. */
static gboolean
is_database_file (const char *path, const char *database)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *db_dir = g_path_get_dirname (database);
  g_autofree char *db_base = g_path_get_basename (database);
  struct stat st_out, st_dir, st_db_dir;
  gboolean out_exists = g_stat (path, &st_out) == 0;
  gboolean same_dir = g_stat (dir, &st_dir) == 0 &&
                      g_stat (db_dir, &st_db_dir) == 0 &&
                      same_file (&st_dir, &st_db_dir);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (database, suffixes[i], NULL);
      g_autofree char *name_base = g_strconcat (db_base, suffixes[i], NULL);
      struct stat st;

      if (out_exists && g_stat (name, &st) == 0 && same_file (&st, &st_out))
        return TRUE;
      if (same_dir && g_str_equal (base, name_base))
        return TRUE;
    }
  return FALSE;
}

/**
 * ls_output_new:
 * @path: the file to write
 * @database: (nullable): the case database, which is never written over
 *
 * Starts writing @path: refuses a path that is the database or one of its
 * journal files, or that exists and is not a regular file (a device, a
 * FIFO, a folder), and opens a temporary file (0600) in the same folder
 * that ls_output_commit() renames into place.  Temporary files that a
 * killed run left in the folder are removed first.
 *
 * Returns: (transfer full): the output, or %NULL with @error set
 */
LsOutput *
ls_output_new (const char *path, const char *database, GError **error)
{
  g_autoptr (LsOutput) self = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (database != NULL && is_database_file (path, database))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _ ("“%s” is the case database or one of its files; choose "
                      "another file to write."),
                   display);
      return NULL;
    }
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _ ("“%s” is not a regular file; choose a new file or a "
                      "regular one to write."),
                   display);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  ls_files_remove_stale (dir);
  /* A name stays short enough for the file system with its mark. */
  if (strlen (base) > 200)
    base[200] = '\0';
  temp_name =
      g_strdup_printf (".%s" TEMP_MARK "%d-XXXXXX", base, (int) getpid ());

  self = g_new0 (LsOutput, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->tmp_path = g_build_filename (dir, temp_name, NULL);
  self->fd = g_mkstemp_full (self->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_io_error (error, TRUE, path, errno);
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }
  /* Held until the file is renamed or removed: a later run's clean-up
   * leaves a file alone while its writer lives. */
  flock (self->fd, LOCK_EX);
  return g_steal_pointer (&self);
}

int
ls_output_get_fd (LsOutput *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->fd;
}

/**
 * ls_output_commit:
 *
 * Makes the written file durable and renames it into place.  On failure
 * the temporary file is removed and @path is left as it was.
 */
gboolean
ls_output_commit (LsOutput *self, GError **error)
{
  int errsv = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (fsync (self->fd) != 0)
    errsv = errno;
  if (close (self->fd) != 0 && errsv == 0)
    errsv = errno;
  self->fd = -1;
  if (errsv == 0 && g_rename (self->tmp_path, self->path) != 0)
    errsv = errno;
  if (errsv != 0)
    {
      set_io_error (error, TRUE, self->path, errsv);
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

/**
 * ls_output_free:
 *
 * Ends the output: a temporary file not committed is removed.
 */
void
ls_output_free (LsOutput *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}

/**
 * ls_output_write:
 *
 * Appends @data to the temporary file.
 */
gboolean
ls_output_write (LsOutput *self, const void *data, gsize length, GError **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, TRUE, self->path, errno);
          return FALSE;
        }
      p += n;
      length -= n;
    }
  return TRUE;
}

/**
 * ls_files_write_output:
 * @database: (nullable): the case database, never written over
 *
 * Writes @data to @path as ls_output_new() and ls_output_commit() do.
 */
gboolean
ls_files_write_output (const char *path,
                       const char *database,
                       const char *data,
                       gsize length,
                       GError **error)
{
  g_autoptr (LsOutput) output = ls_output_new (path, database, error);

  return output != NULL && ls_output_write (output, data, length, error) &&
         ls_output_commit (output, error);
}

/* ---- What an earlier run left ------------------------------------------ */

/* The process named in a temporary file's name, or 0. */
static pid_t
temp_file_pid (const char *name)
{
  const char *mark = strstr (name, TEMP_MARK);
  const char *p;
  guint64 pid = 0;

  if (name[0] != '.' || mark == NULL)
    return 0;
  p = mark + strlen (TEMP_MARK);
  while (g_ascii_isdigit (*p) && pid < G_MAXINT)
    pid = pid * 10 + (*p++ - '0');
  if (*p != '-' || strlen (p + 1) != 6 || pid == 0 || pid >= G_MAXINT)
    return 0;
  return (pid_t) pid;
}

/**
 * ls_files_remove_stale:
 * @folder: a folder Lex Sarah writes to
 *
 * Removes the temporary files of outputs that a killed run left in
 * @folder: its own (0600, named by ls_output_new()), whose process is
 * gone and whose lock nobody holds.
 *
 * Returns: how many were removed
 */
guint
ls_files_remove_stale (const char *folder)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (folder != NULL, 0);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      pid_t pid = temp_file_pid (name);
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (pid == 0 || pid == getpid () || kill (pid, 0) == 0 || errno != ESRCH)
        continue;
      path = g_build_filename (folder, name, NULL);
      fd = g_open (path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
          st.st_uid == getuid () && flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          g_unlink (path) == 0)
        removed++;
      close (fd);
    }
  return removed;
}

/* A database file left empty by a first import that failed before it
 * wrote anything: an empty file with no journal, not touched for a while
 * (a run that has just made it writes its journal within moments). */
#define EMPTY_DATABASE_AGE (10 * G_USEC_PER_SEC)

/**
 * ls_files_clean_leftovers:
 * @database: the case database a command works on
 *
 * Removes what an earlier, killed run left beside @database: temporary
 * files, and the database itself when it is an empty file with no
 * journal, which holds nothing.
 */
void
ls_files_clean_leftovers (const char *database)
{
  g_autofree char *dir = NULL;
  g_autofree char *wal = NULL;
  struct stat st, st_wal;

  g_return_if_fail (database != NULL);

  dir = g_path_get_dirname (database);
  ls_files_remove_stale (dir);
  wal = g_strconcat (database, "-wal", NULL);
  if (g_lstat (database, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0 &&
      st.st_uid == getuid () &&
      (g_lstat (wal, &st_wal) != 0 || st_wal.st_size == 0) &&
      (gint64) st.st_mtime * G_USEC_PER_SEC <
          g_get_real_time () - EMPTY_DATABASE_AGE)
    {
      g_autofree char *shm = g_strconcat (database, "-shm", NULL);

      g_unlink (database);
      g_unlink (wal);
      g_unlink (shm);
    }
}

/* ---- Messages ---------------------------------------------------------- */

/**
 * ls_files_tidy_message:
 *
 * Makes @message fit for a terminal: one line, control characters (and
 * invalid bytes) escaped as `\n` or `\x1b`, at most %LS_FILES_MAX_MESSAGE
 * bytes, ending in "…" when cut.
 *
 * Returns: (transfer full): the message to print
 */
char *
ls_files_tidy_message (const char *message)
{
  GString *out = g_string_new (NULL);
  const char *p = message;

  g_return_val_if_fail (message != NULL, NULL);

  while (*p != '\0' && out->len < LS_FILES_MAX_MESSAGE)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p++);
          continue;
        }
      next = g_utf8_next_char (p);
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
               (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  if (*p != '\0' || out->len > LS_FILES_MAX_MESSAGE)
    {
      gsize keep = MIN (out->len, LS_FILES_MAX_MESSAGE - 3);

      while (keep > 0 && ((guchar) out->str[keep] & 0xc0) == 0x80)
        keep--;
      g_string_truncate (out, keep);
      g_string_append (out, "…");
    }
  return g_string_free (out, FALSE);
}
