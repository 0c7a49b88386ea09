/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "ls-core-test.h"
#include "ls-store.h"

/* The helpers that use libpq, apart from the others so that a test that
 * uses none of them does not link libpq: the window's test checks that a
 * database in a file leaves it out of the process. */

/* ---- PostgreSQL --------------------------------------------------------- */

static guint pg_counter;

/* The server the tests may use, from LEXSARAH_TEST_PG (build-aux/dev
 * starts one).  Without one the PostgreSQL tests skip, except in CI,
 * where they must run. */
const char *
ls_core_test_pg_server (void)
{
  const char *server = g_getenv ("LEXSARAH_TEST_PG");

  if (server != NULL && *server != '\0')
    return server;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("CI=true, but LEXSARAH_TEST_PG names no PostgreSQL server");
  return NULL;
}

/* The server's notices (a role that did not exist, a table made anew)
 * are not the user's business, nor the terminal's. */
static void
ignore_notice (void *user_data, const char *message)
{
}

PGconn *
ls_core_test_pg_connect (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Could not connect to the test server: %s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return conn;
}

/* Runs @sql; returns NULL on success, else the server's message. */
char *
ls_core_test_pg_exec (const char *conninfo, const char *sql)
{
  PGconn *conn = ls_core_test_pg_connect (conninfo);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  char *message = NULL;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    message = g_strdup (PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  return message;
}

gint64
ls_core_test_pg_query_int (const char *conninfo, const char *sql)
{
  PGconn *conn = ls_core_test_pg_connect (conninfo);
  PGresult *result = PQexec (conn, sql);
  gint64 value = -1;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0)
    value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  else
    g_test_message ("%s", PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* A database of its own for one test: the server's connection with the
 * new database's name.  Drop it with ls_core_test_pg_drop_database(). */
char *
ls_core_test_pg_create_database (char **name_out)
{
  const char *server = ls_core_test_pg_server ();
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *message = NULL;

  g_assert_nonnull (server);
  name = g_strdup_printf ("lexsarah_test_%d_%u", (int) getpid (), ++pg_counter);
  /* A copy of template0, which no session can connect to: template1
   * cannot be copied while a session is connected to it, such as the
   * autovacuum's.  Should the server refuse all the same, again, a
   * little later. */
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0", name);
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      g_clear_pointer (&message, g_free);
      message = ls_core_test_pg_exec (server, sql);
      if (message == NULL)
        break;
      g_usleep (200 * 1000);
    }
  if (message != NULL)
    g_error ("Could not make a database on the test server: %s", message);
  if (name_out != NULL)
    *name_out = g_strdup (name);
  return g_strdup_printf ("%s dbname=%s", server, name);
}

void
ls_core_test_pg_drop_database (const char *name)
{
  g_autofree char *sql =
      g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  g_autofree char *message =
      ls_core_test_pg_exec (ls_core_test_pg_server (), sql);

  g_assert_null (message);
}

/* ---- One test, two backends ---------------------------------------------- */

/* The databases made by ls_core_test_location(), by "dir/name". */
static GHashTable *locations;

/**
 * ls_core_test_location:
 * @dir: the test's folder
 * @name: the file's name, which also names the database on the server
 * @pg: on the PostgreSQL test server, in a database of its own
 *
 * Returns: (transfer none): what the store opens for @name: the file in
 *   @dir, or a new database on the server; the same again for the same
 *   @dir and @name, until ls_core_test_drop_locations()
 */
const char *
ls_core_test_location (const char *dir, const char *name, gboolean pg)
{
  g_autofree char *key = g_build_filename (dir, name, NULL);
  char *location;

  if (locations == NULL)
    locations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  location = g_hash_table_lookup (locations, key);
  if (location != NULL)
    return location;
  if (pg)
    {
      g_autofree char *db_name = NULL;
      g_autofree char *conninfo = ls_core_test_pg_create_database (&db_name);

      /* The name, to drop it, after the location. */
      location = g_strconcat (conninfo, "\n", db_name, NULL);
      *strchr (location, '\n') = '\0';
    }
  else
    location = g_strdup (key);
  g_hash_table_insert (locations, g_steal_pointer (&key), location);
  return location;
}

/**
 * ls_core_test_drop_locations:
 *
 * Drops every database ls_core_test_location() made on the server; the
 * files go with the test's folder.  Every store must be closed.
 */
void
ls_core_test_drop_locations (void)
{
  GHashTableIter iter;
  gpointer value;

  if (locations == NULL)
    return;
  g_hash_table_iter_init (&iter, locations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ls_store_location_is_server (value))
      ls_core_test_pg_drop_database ((char *) value + strlen (value) + 1);
  g_clear_pointer (&locations, g_hash_table_unref);
}

/**
 * ls_core_test_store_set_up:
 * @name: the test's, for its folder
 * @pg: whether the store is on the PostgreSQL test server
 * @example: whether to open the store and import the example into it;
 *   else the test opens it itself, perhaps after writing an older schema
 *
 * Sets up an #LsCoreTestStore: the store's location is "cases.db" of the
 * folder, and ls_core_test_location() of the same name gives it again.
 */
void
ls_core_test_store_set_up (LsCoreTestStore *f,
                           const char *name,
                           gboolean pg,
                           gboolean example)
{
  f->dir = ls_core_test_make_tmpdir (name);
  f->pg = pg;
  f->location = ls_core_test_location (f->dir, "cases.db", pg);
  if (!example)
    return;
  f->store = ls_core_test_open_store (f->location);
  ls_core_test_import_example (f->store);
}

/**
 * ls_core_test_store_tear_down:
 *
 * Closes the store, drops every database the test made on the server and
 * removes the folder; a #GTestFixtureFunc.
 */
void
ls_core_test_store_tear_down (LsCoreTestStore *f, gconstpointer data)
{
  g_clear_object (&f->store);
  ls_core_test_drop_locations ();
  ls_core_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

/* Behind the store's back: bare sqlite3 on a file, bare libpq on the
 * server. */
gint64
ls_core_test_raw_int (const char *location, const char *sql)
{
  sqlite3 *db;
  gint64 value;

  if (ls_store_location_is_server (location))
    return ls_core_test_pg_query_int (location, sql);
  db = ls_core_test_open_raw (location);
  value = ls_core_test_query_int (db, sql);
  sqlite3_close (db);
  return value;
}

/* Whether @sql ran: SQLite and the server refuse the same things. */
gboolean
ls_core_test_raw_exec (const char *location, const char *sql)
{
  g_autofree char *message = NULL;
  sqlite3 *db;
  int rc;

  if (ls_store_location_is_server (location))
    {
      message = ls_core_test_pg_exec (location, sql);
      return message == NULL;
    }
  db = ls_core_test_open_raw (location);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static void
skip_without_server (void)
{
  g_test_skip ("No PostgreSQL server: set LEXSARAH_TEST_PG to a libpq "
               "connection, or run build-aux/dev test, which starts one");
}

/**
 * ls_core_test_add_both:
 * @path: the test's path, "/area/what"; on PostgreSQL "/area/pg/what"
 * @sqlite_data: the setup's data for SQLite
 * @pg_data: the setup's data for PostgreSQL
 *
 * Adds a test of the store on both backends, the same assertions, the
 * PostgreSQL one when a server is there (and without one under CI=true,
 * a failure); without one, "/area/pg/no-server" says it was skipped.
 */
void
ls_core_test_add_both (const char *path,
                       gsize data_size,
                       gconstpointer sqlite_data,
                       gconstpointer pg_data,
                       GTestFixtureFunc setup,
                       GTestFixtureFunc test,
                       GTestFixtureFunc teardown)
{
  const char *second = strchr (path + 1, '/');
  g_autofree char *area = g_strndup (path, second - path);
  g_autofree char *pg_path = g_strconcat (area, "/pg", second, NULL);
  static GHashTable *skipped;

  g_test_add_vtable (path, data_size, sqlite_data, setup, test, teardown);
  if (ls_core_test_pg_server () != NULL)
    {
      g_test_add_vtable (pg_path, data_size, pg_data, setup, test, teardown);
      return;
    }
  if (skipped == NULL)
    skipped = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_contains (skipped, area))
    {
      g_autofree char *skip_path = g_strconcat (area, "/pg/no-server", NULL);

      g_hash_table_add (skipped, g_strdup (area));
      g_test_add_func (skip_path, skip_without_server);
    }
}
