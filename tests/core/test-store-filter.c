/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-core-test.h"
#include "ls-model.h"
#include "ls-sqlite-store-private.h"
#include "ls-store.h"

/* The column of the SQLite store's search index that holds each case's
 * terms of its state, its unit and whether it has a deadline (schema 9):
 * written with every save, made from the cases' rows by the migration of
 * a file of schema 8; a search with a filter finds exactly the matches
 * that the list of the same filter in SQL finds, and the user's words
 * never find the filter's terms. */

#define N_CASES 120
/* "closed" in hexadecimal, as the term of that state has it. */
#define CLOSED_HEX "636C6F736564"

typedef struct
{
  char *dir;
  char *path;
  LsStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (N_CASES);

  f->dir = ls_core_test_make_tmpdir ("filter");
  f->path = g_build_filename (f->dir, "cases.db", NULL);
  f->store = ls_core_test_open_store (f->path);
  g_assert_true (
      ls_store_import_document (f->store, document, "Maria", NULL, &error));
  g_assert_no_error (error);
  /* Some notified, which gives them a deadline: the follow-up. */
  for (guint n = 2; n <= N_CASES; n += 12)
    {
      g_autofree char *uuid = ls_core_test_uuid (n);
      g_autoptr (LsCase) lcase = ls_store_load_case (f->store, uuid, &error);

      g_assert_no_error (error);
      ls_notification_set_submitted_on (ls_case_get_notification (lcase),
                                        "2026-03-21");
      g_assert_true (ls_store_save_case (f->store, lcase, "Bo", &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  ls_core_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The regnos of @summaries, sorted, one a line. */
static char *
dup_sorted_regnos (GPtrArray *summaries)
{
  g_autoptr (GPtrArray) regnos = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (regnos,
                     (char *) ls_case_summary_get_regno (summaries->pdata[i]));
  g_ptr_array_sort (regnos, compare_strings);
  for (guint i = 0; i < regnos->len; i++)
    g_string_append_printf (text, "%s\n", (char *) regnos->pdata[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The regnos that the search of @query finds from the search index, the
 * filter's terms included, after checking that they come newest first
 * and are those the list of the same query finds with the filter in SQL,
 * and that the count says as many. */
static char *
dup_found (Fixture *f, const LsStoreQuery *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *listed_regnos = NULL;
  char *found_regnos;

  g_test_message ("search: %s, state %s, unit %s, deadline %d", query->search,
                  query->status, query->unit, query->with_deadline);
  ids = ls_store_search_ids (f->store, query, 5000, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i - 1), >,
                     g_array_index (ids, gint64, i));
  found = ls_store_read_summaries (f->store, (const gint64 *) ids->data,
                                   ids->len, &error);
  g_assert_no_error (error);
  listed = ls_store_list_cases (f->store, query, 0, 5000, &error);
  g_assert_no_error (error);
  found_regnos = dup_sorted_regnos (found);
  listed_regnos = dup_sorted_regnos (listed);
  g_assert_cmpstr (found_regnos, ==, listed_regnos);
  g_assert_cmpint (ls_store_count_cases (f->store, query, &error), ==,
                   ids->len);
  g_assert_no_error (error);
  return found_regnos;
}

static guint
n_lines (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c != '\0'; c++)
    n += *c == '\n';
  return n;
}

/* Every case's row holds the terms of its own state, unit and deadline;
 * the state's is the state's name in hexadecimal. */
static void
test_terms (Fixture *f, gconstpointer data)
{
  gint64 with_deadline;

  g_assert_cmpint (
      ls_core_test_raw_int (f->path,
                            "SELECT count(*) FROM case_fts JOIN cases "
                            "ON cases.id = case_fts.rowid WHERE "
                            "case_fts.filter = " LS_SQLITE_FILTER_TERMS_SQL),
      ==, N_CASES);
  g_assert_cmpint (ls_core_test_raw_int (
                       f->path, "SELECT count(*) FROM case_fts WHERE case_fts "
                                "MATCH 'filter : zzfs" CLOSED_HEX "'"),
                   ==, N_CASES / 4);
  with_deadline =
      ls_core_test_raw_int (f->path, "SELECT count(*) FROM cases "
                                     "WHERE next_deadline IS NOT NULL");
  g_assert_cmpint (with_deadline, >, 0);
  g_assert_cmpint (with_deadline, <, N_CASES);
  g_assert_cmpint (
      ls_core_test_raw_int (f->path, "SELECT count(*) FROM case_fts "
                                     "WHERE case_fts MATCH 'filter : zzfd'"),
      ==, with_deadline);
}

/* A search with every kind of filter finds what the list with the filter
 * in SQL finds. */
static void
test_same_as_list (Fixture *f, gconstpointer data)
{
  static const char *const searches[] = { "bemötandet", "fall", "VON-2026-01",
                                          "kim berg" };
  static const char *const statuses[] = { NULL, "closed", "notified" };
  static const char *const units[] = { NULL, LS_CORE_TEST_UNIT_LINDEN };

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    for (guint k = 0; k < G_N_ELEMENTS (statuses); k++)
      for (guint u = 0; u < G_N_ELEMENTS (units); u++)
        for (guint d = 0; d < 2; d++)
          {
            LsStoreQuery query = { statuses[k], units[u], searches[s], d };
            g_autofree char *found = dup_found (f, &query);

            if (s == 0 && k == 1 && u == 0 && d == 0)
              g_assert_cmpuint (n_lines (found), ==,
                                N_CASES / 4 - N_CASES / 20);
          }
}

static LsCase *
load (Fixture *f, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = ls_core_test_uuid (n);
  LsCase *lcase = ls_store_load_case (f->store, uuid, &error);

  g_assert_no_error (error);
  return lcase;
}

/* A save that moves a case to another unit, or closes it, changes its
 * terms: a search with the old filter no longer finds it, one with the
 * new finds it. */
static void
test_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) moved = load (f, 3);
  g_autoptr (LsCase) closed = load (f, 7);
  LsStoreQuery linden = { NULL, LS_CORE_TEST_UNIT_LINDEN, "VON-2026-0000" };
  LsStoreQuery solgarden = { NULL, LS_CORE_TEST_UNIT_SOLGARDEN,
                             "VON-2026-0000" };
  LsStoreQuery closed_ones = { "closed", NULL, "VON-2026-0000" };
  g_autofree char *before = dup_found (f, &linden);
  g_autofree char *closed_before = dup_found (f, &closed_ones);
  g_autofree char *after = NULL;
  g_autofree char *others = NULL;
  g_autofree char *closed_after = NULL;
  LsInvestigation *inv = ls_case_get_investigation (closed);

  g_assert_cmpstr (before, ==,
                   "VON-2026-00001\nVON-2026-00003\nVON-2026-00005\n"
                   "VON-2026-00007\nVON-2026-00009\n");
  g_assert_cmpstr (closed_before, ==, "VON-2026-00004\nVON-2026-00008\n");

  ls_case_set_unit_id (moved, LS_CORE_TEST_UNIT_SOLGARDEN);
  g_assert_true (ls_store_save_case (f->store, moved, "Maria", &error));
  g_assert_no_error (error);
  ls_investigation_set_conclusion (inv, "Inget missförhållande.");
  ls_investigation_set_concluded_on (inv, "2026-03-20");
  ls_investigation_set_decided_by (inv, "Maria Lind");
  ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_NOT_SERIOUS);
  g_assert_true (ls_store_save_case (f->store, closed, "Maria", &error));
  g_assert_no_error (error);

  after = dup_found (f, &linden);
  others = dup_found (f, &solgarden);
  closed_after = dup_found (f, &closed_ones);
  g_assert_cmpstr (after, ==,
                   "VON-2026-00001\nVON-2026-00005\nVON-2026-00007\n"
                   "VON-2026-00009\n");
  g_assert_true (strstr (others, "VON-2026-00003\n") != NULL);
  g_assert_cmpstr (closed_after, ==,
                   "VON-2026-00004\nVON-2026-00007\nVON-2026-00008\n");
}

/* The user's words never find the filter's terms; a word of a case's text
 * that looks like one is found as a word, and does not pass a filter. */
static void
test_words (Fixture *f, gconstpointer data)
{
  static const char *const lookalikes[] = { "zz", "zzf", "zzfs", "zzfd",
                                            "zzfs" CLOSED_HEX };
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) other = ls_core_test_numbered_case (N_CASES + 1);
  LsStoreQuery word = { NULL, NULL, "zzfs" CLOSED_HEX };
  LsStoreQuery closed_word = { "closed", NULL, "zzfs" CLOSED_HEX };
  g_autofree char *found = NULL;
  g_autofree char *closed_found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lookalikes); i++)
    {
      g_autoptr (GPtrArray) none =
          ls_core_test_search (f->store, lookalikes[i], 1000, &error);

      g_test_message ("search: %s", lookalikes[i]);
      g_assert_no_error (error);
      g_assert_cmpuint (none->len, ==, 0);
    }

  /* A case not closed, with the closed state's term in its text. */
  ls_report_set_description (ls_case_get_report (other),
                             "Ordet zzfs" CLOSED_HEX " i beskrivningen");
  g_assert_true (ls_store_save_case (f->store, other, "Maria", &error));
  g_assert_no_error (error);
  found = dup_found (f, &word);
  g_assert_cmpstr (found, ==, "VON-2026-00121\n");
  closed_found = dup_found (f, &closed_word);
  g_assert_cmpstr (closed_found, ==, "");
}

/* A file of schema 8, whose index had no column of the filters: migrated,
 * the column is made from the cases, every search with a filter finds
 * what it found before, and saves write the new column. */
static void
test_migrate_from_v8 (Fixture *f, gconstpointer data)
{
  static const LsStoreQuery queries[] = {
    { "closed", NULL, "bemötandet" },
    { NULL, LS_CORE_TEST_UNIT_LINDEN, "fall" },
    { NULL, NULL, "kim", TRUE },
    { "closed", LS_CORE_TEST_UNIT_SOLGARDEN, "VON" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) other = ls_core_test_numbered_case (N_CASES + 1);
  char *before[G_N_ELEMENTS (queries)];
  LsStoreQuery new_one = { NULL, LS_CORE_TEST_UNIT_LINDEN, "VON-2026-00121" };
  g_autofree char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    before[i] = dup_found (f, &queries[i]);

  /* The file as schema 8 left it: the index without the column. */
  g_clear_object (&f->store);
  g_assert_true (ls_core_test_raw_exec (
      f->path, "DROP TRIGGER cases_fts_delete;\n"
               "CREATE VIRTUAL TABLE case_fts_v8 USING fts5 (\n"
               "  regno, body, journal,\n"
               "  tokenize = 'unicode61 remove_diacritics 2',\n"
               "  prefix = '2 3 4 5');\n"
               "INSERT INTO case_fts_v8 (rowid, regno, body, journal)\n"
               "  SELECT rowid, regno, body, journal FROM case_fts;\n"
               "DROP TABLE case_fts;\n"
               "ALTER TABLE case_fts_v8 RENAME TO case_fts;\n"
               "CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN\n"
               "  DELETE FROM case_fts WHERE rowid = old.id;\n"
               "END;\n"
               "PRAGMA user_version = 8;"));
  g_assert_cmpint (ls_core_test_raw_int (
                       f->path, "SELECT count(*) FROM sqlite_master WHERE "
                                "name = 'case_fts' AND sql LIKE '%filter%'"),
                   ==, 0);

  f->store = ls_core_test_open_store (f->path);
  g_assert_cmpint (ls_core_test_raw_int (f->path, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (
      ls_core_test_raw_int (f->path, "SELECT count(*) FROM sqlite_master WHERE "
                                     "name LIKE 'case_fts_v%'"),
      ==, 0);
  g_assert_cmpint (
      ls_core_test_raw_int (f->path,
                            "SELECT count(*) FROM case_fts JOIN cases "
                            "ON cases.id = case_fts.rowid "
                            "WHERE case_fts.body = cases.search_text AND "
                            "case_fts.filter = " LS_SQLITE_FILTER_TERMS_SQL),
      ==, N_CASES);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *after = dup_found (f, &queries[i]);

      g_assert_cmpstr (after, ==, before[i]);
      g_assert_cmpuint (n_lines (after), >, 0);
      g_free (before[i]);
    }

  /* The store writes the new column, and the trigger still removes a
   * deleted case's row. */
  g_assert_true (ls_store_save_case (f->store, other, "Maria", &error));
  g_assert_no_error (error);
  found = dup_found (f, &new_one);
  g_assert_cmpstr (found, ==, "VON-2026-00121\n");
  g_clear_object (&f->store);
  g_assert_true (ls_core_test_raw_exec (
      f->path, "DELETE FROM cases WHERE regno = 'VON-2026-00121';"));
  g_assert_cmpint (
      ls_core_test_raw_int (f->path, "SELECT count(*) FROM case_fts"), ==,
      N_CASES);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-filter/terms", test_terms);
  ADD ("/store-filter/same-as-list", test_same_as_list);
  ADD ("/store-filter/changed", test_changed);
  ADD ("/store-filter/words", test_words);
  ADD ("/store-filter/migrate-from-v8", test_migrate_from_v8);
  return g_test_run ();
}
