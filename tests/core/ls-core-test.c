/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <spawn.h>
#include <string.h>
#include <unistd.h>

#include "ls-core-test.h"
#include "ls-store.h"

/**
 * ls_core_test_load_example:
 *
 * Returns: (transfer full): the root of docs/example.json, the complete
 *   exchange document the project documents its format with
 */
JsonNode *
ls_core_test_load_example (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/**
 * ls_core_test_open_store:
 *
 * Returns: (transfer full): the store at @location, which must open
 */
LsStore *
ls_core_test_open_store (const char *location)
{
  g_autoptr (GError) error = NULL;
  LsStore *store = ls_store_open (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/**
 * ls_core_test_import_example:
 *
 * Imports the example document into @store, as Maria Lind.
 */
void
ls_core_test_import_example (LsStore *store)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;

  g_assert_true (
      ls_store_import_document (store, document, "Maria Lind", NULL, &error));
  g_assert_no_error (error);
}

LsOrganisation *
ls_core_test_example_organisation (void)
{
  g_autoptr (JsonNode) root = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  LsOrganisation *organisation = ls_organisation_new_from_json (
      json_object_get_object_member (json_node_get_object (root),
                                     "organisation"),
      "organisation", &error);

  g_assert_no_error (error);
  return organisation;
}

/* Case 0 of the example is closed and serious, case 1 is under
 * investigation. */
LsCase *
ls_core_test_example_case (guint index)
{
  g_autoptr (JsonNode) root = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (root), "cases");
  LsCase *lcase;

  g_assert_cmpuint (index, <, json_array_get_length (cases));
  lcase = ls_case_new_from_json (json_array_get_object_element (cases, index),
                                 "cases[0]", &error);
  g_assert_no_error (error);
  return lcase;
}

/* A fixed present, well after the example's dates, so that no test depends
 * on the clock. */
GDateTime *
ls_core_test_now (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();

  return g_date_time_new (zone, 2026, 6, 1, 12, 0, 0);
}

char *
ls_core_test_make_tmpdir (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("ls-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
ls_core_test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) ||
      g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }
  /* A test may have taken the write permission away. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ls_core_test_remove_tree (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

char *
ls_core_test_checksum_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents,
                                      length);
}

sqlite3 *
ls_core_test_open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db,
                                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL),
                   ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
ls_core_test_query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
ls_core_test_query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Equal, and if not, both printed so the failure shows the difference. */
gboolean
ls_core_test_json_equal (JsonNode *a, JsonNode *b)
{
  if (json_node_equal (a, b))
    return TRUE;
  g_autofree char *ta = json_to_string (a, TRUE);
  g_autofree char *tb = json_to_string (b, TRUE);

  g_test_message ("JSON differs:\n%s\n---\n%s", ta, tb);
  return FALSE;
}

JsonNode *
ls_core_test_case_node (LsCase *lcase)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, ls_case_to_json (lcase));
  return node;
}

char *
ls_core_test_uuid (guint64 n)
{
  return g_strdup_printf ("40000000-0000-4000-8000-%012" G_GUINT64_FORMAT, n);
}

/* Case @n of a generated set: every fourth closed, every fifth about a
 * fall, odd ones at Linden; regno VON-2026-%05u.  Registered when it was
 * received, not now: the same case made again, in another minute, must be
 * the same case, or an import of it counts a change. */
LsCase *
ls_core_test_numbered_case (guint n)
{
  g_autoptr (LsCase) lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  g_autofree char *uuid = ls_core_test_uuid (n);
  g_autofree char *regno = g_strdup_printf ("VON-2026-%05u", n);
  g_autofree char *received =
      g_strdup_printf ("2026-0%u-%02uT10:00:00+01:00", 1 + n % 3, 1 + n % 28);
  g_autofree char *description = g_strdup_printf (
      "%s %u",
      n % 5 == 0 ? "Fallolycka i badrummet" : "Bemötandet vid måltiden", n);

  ls_case_set_uuid (lcase, uuid);
  ls_case_set_regno (lcase, regno);
  ls_case_set_created_at (lcase, received);
  ls_case_set_unit_id (lcase, n % 2 ? LS_CORE_TEST_UNIT_LINDEN
                                    : LS_CORE_TEST_UNIT_SOLGARDEN);
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_received_at (report, received);
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_description (report, description);
  if (n % 4 == 0)
    {
      LsInvestigation *inv = ls_case_get_investigation (lcase);

      ls_investigation_set_conclusion (inv, "Inget missförhållande.");
      ls_investigation_set_concluded_on (inv, "2026-03-20");
      ls_investigation_set_decided_by (inv, "Maria Lind");
      ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_NOT_SERIOUS);
    }
  return g_steal_pointer (&lcase);
}

/* An exchange document of the example's organisation and @cases, which
 * it takes. */
JsonNode *
ls_core_test_document_of (JsonArray *cases)
{
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autoptr (JsonObject) root = json_object_new ();

  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_member (root, "organisation",
                          json_node_copy (json_object_get_member (
                              json_node_get_object (example), "organisation")));
  json_object_set_array_member (root, "cases", cases);
  return json_node_init_object (json_node_alloc (), root);
}

/* An exchange document of the example's organisation and the numbered
 * cases 1 to @n_cases. */
JsonNode *
ls_core_test_numbered_document (guint n_cases)
{
  JsonArray *cases = json_array_new ();

  for (guint i = 1; i <= n_cases; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (i);

      json_array_add_object_element (cases, ls_case_to_json (lcase));
    }
  return ls_core_test_document_of (cases);
}

/**
 * ls_core_test_search:
 * @text: the words, as the search entry has them
 * @limit: how many cases at most
 *
 * Searches as the case list does: the ids of the newest matches, then
 * their summaries.
 *
 * Returns: (transfer full) (element-type LsCaseSummary): the summaries,
 *   the newest first, or %NULL with @error set
 */
GPtrArray *
ls_core_test_search (LsStore *store,
                     const char *text,
                     guint limit,
                     GError **error)
{
  LsStoreQuery query = { .search = text };
  g_autoptr (GArray) ids =
      ls_store_search_ids (store, &query, limit, NULL, error);
  GPtrArray *summaries;

  if (ids == NULL)
    return NULL;
  summaries = ls_store_read_summaries (store, (const gint64 *) ids->data,
                                       ids->len, error);
  /* No case is deleted: every id found has its summary. */
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    g_assert_nonnull (summaries->pdata[i]);
  return summaries;
}

/* How many cases the database at @path holds. */
gint64
ls_core_test_count_cases (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (path, &error);

  g_assert_no_error (error);
  return ls_store_count_cases (store, NULL, &error);
}

/* Runs the command line @argv without a display, as a user would run it
 * from a terminal, and waits for it to end.
 *
 * Returns: (transfer full): the process that has ended, with what it wrote
 *   on stdout in @out and on stderr in @err */
GSubprocess *
ls_core_test_run_command (const char *const *argv, char **out, char **err)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Without a display: import and export must not need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&process);
}

/* A case of the exchange format without what the store keeps beside the
 * case (its history and attachments): what an LsCase holds. */
JsonNode *
ls_core_test_case_fields (JsonNode *node)
{
  JsonNode *copy = json_node_copy (node);
  g_autofree char *text = json_to_string (node, FALSE);
  JsonObject *object;

  /* json_node_copy () would share the object: a real copy, through text. */
  json_node_unref (copy);
  copy = json_from_string (text, NULL);
  object = json_node_get_object (copy);
  if (json_object_has_member (object, "history"))
    json_object_remove_member (object, "history");
  if (json_object_has_member (object, "attachments"))
    json_object_remove_member (object, "attachments");
  return copy;
}

/* The descriptor on which a started app announces its moments. */
#define ANNOUNCE_FD 3

/**
 * ls_core_test_spawn_announcing:
 * @argv: the program and its arguments
 * @reader: (out): where to read what it announces
 *
 * Starts @argv with LEXSARAH_ANNOUNCE_FD naming a pipe, on which the app
 * writes a line at each moment a test or benchmark waits for
 * (ls-announce.c).
 *
 * Returns: the process's id
 */
int
ls_core_test_spawn_announcing (char *const *argv, int *reader)
{
  g_auto (GStrv) env =
      g_environ_setenv (g_get_environ (), "LEXSARAH_ANNOUNCE_FD",
                        G_STRINGIFY (ANNOUNCE_FD), TRUE);
  posix_spawn_file_actions_t actions;
  int fds[2];
  int writer;
  pid_t pid;

  /* Both ends above the one the app is given, so that its dup2 is not a
   * no-op that would leave it closed on exec. */
  g_assert_cmpint (pipe (fds), ==, 0);
  *reader = fcntl (fds[0], F_DUPFD_CLOEXEC, ANNOUNCE_FD + 1);
  writer = fcntl (fds[1], F_DUPFD_CLOEXEC, ANNOUNCE_FD + 1);
  close (fds[0]);
  close (fds[1]);
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, writer, ANNOUNCE_FD);
  g_assert_cmpint (posix_spawn (&pid, argv[0], &actions, NULL, argv, env), ==,
                   0);
  posix_spawn_file_actions_destroy (&actions);
  close (writer);
  return pid;
}

/**
 * ls_core_test_read_announced:
 * @reader: the reading end from ls_core_test_spawn_announcing()
 * @lines: what was announced so far, to add to
 * @timeout_ms: how long to wait for more
 *
 * Returns: %FALSE when the app announced nothing more in @timeout_ms or
 *   ended
 */
gboolean
ls_core_test_read_announced (int reader, GString *lines, int timeout_ms)
{
  for (;;)
    {
      struct pollfd poll_fd = { reader, POLLIN, 0 };
      char buffer[256];
      gssize n;
      int ready = poll (&poll_fd, 1, timeout_ms);

      if (ready < 0 && errno == EINTR)
        continue;
      if (ready <= 0)
        return FALSE;
      n = read (reader, buffer, sizeof buffer);
      if (n <= 0)
        return FALSE;
      g_string_append_len (lines, buffer, n);
      return TRUE;
    }
}
