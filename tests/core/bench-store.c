/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "ls-store.h"

/* Benchmark of the store against a floor of bare sqlite3 calls doing the
 * same inserts into the same schema.  LS_BENCH_CASES sets the number of
 * cases (100,000 by default). */

#define BATCH 1000
#define SINGLE_SAVES 500
#define QUERIES 400

static const char *const words[] = {
  "brukaren",       "personalen",   "larmet",        "trygghetslarm",
  "läkemedel",      "insulin",      "fallolycka",    "bemötande",
  "måltid",         "nattpersonal", "dusch",         "rullstol",
  "lyft",           "hemtjänst",    "boende",        "omvårdnad",
  "avvikelse",      "rutin",        "signering",     "journal",
  "anhörig",        "kränkning",    "hot",           "våld",
  "ekonomiska",     "tvångsåtgärd", "skyddsåtgärd",  "sondmatning",
  "förflyttning",   "dörren",       "nyckel",        "låst",
  "utevistelse",    "besök",        "planering",     "genomförandeplan",
  "biståndsbeslut", "handläggning", "rättssäkerhet", "dokumentation",
  "kommunikation",  "introduktion", "vikarie",       "bemanning",
  "schemat",        "kvällen",      "morgonen",      "helgen",
  "badrummet",      "köket",        "sovrummet",     "korridoren",
  "trappan",        "hissen",
};

typedef struct
{
  GRand *rand;
  guint64 n;
} Generator;

static void
set_take (JsonObject *object, const char *name, char *value)
{
  json_object_set_string_member (object, name, value);
  g_free (value);
}

static const char *const common[] = {
  "och", "att", "som", "på",  "inte",  "med", "till", "den", "det", "var",
  "har", "för", "av",  "när", "efter", "vid", "en",   "ett", "hon", "han",
};

static const char *const syllables[] = {
  "an", "be", "dra", "fö", "gå",  "hem", "in", "ka", "lå", "mo",
  "nä", "om", "pe",  "rå", "sta", "ti",  "ut", "vä", "yr", "ör",
};

/* Text like a case's: grammar words everywhere, the domain's words often,
 * and a long tail of rarer words (log-uniformly drawn from 8,000). */
static void
append_word (GRand *rand, GString *out)
{
  double kind = g_rand_double (rand);

  if (kind < 0.35)
    {
      g_string_append (
          out, common[g_rand_int_range (rand, 0, G_N_ELEMENTS (common))]);
    }
  else if (kind < 0.5)
    {
      g_string_append (out,
                       words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  else
    {
      guint n = (guint) pow (8000.0, g_rand_double (rand));

      for (guint k = 0; k < 3; k++)
        {
          g_string_append (out, syllables[n % G_N_ELEMENTS (syllables)]);
          n /= G_N_ELEMENTS (syllables);
        }
      g_string_append (out, "ning");
    }
}

static char *
sentence (GRand *rand, guint n_words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_word (rand, out);
    }
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values, double p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double,
                        MIN (values->len - 1, (guint) (p * values->len)));
}

static JsonObject *
generate_case (Generator *gen)
{
  static const char *const statuses[] = { "reported", "investigating",
                                          "notified", "closed" };
  JsonObject *object = json_object_new ();
  JsonArray *actions = json_array_new ();
  JsonObject *action = json_object_new ();
  guint64 n = ++gen->n;
  g_autofree char *received = g_strdup_printf (
      "20%02d-%02d-%02d", g_rand_int_range (gen->rand, 10, 27),
      g_rand_int_range (gen->rand, 1, 13), g_rand_int_range (gen->rand, 1, 29));

  set_take (
      object, "uuid",
      g_strdup_printf ("50000000-0000-4000-8000-%012" G_GUINT64_FORMAT, n));
  set_take (object, "regno",
            g_strdup_printf ("LS-%04d-%06" G_GUINT64_FORMAT,
                             2000 + (int) (n % 26), n));
  json_object_set_string_member (object, "status",
                                 statuses[g_rand_int_range (gen->rand, 0, 4)]);
  set_take (object, "unit",
            g_strdup_printf ("unit-%02d", g_rand_int_range (gen->rand, 0, 40)));
  json_object_set_string_member (object, "kind", "wrongdoing");
  json_object_set_string_member (object, "received_at", received);
  json_object_set_string_member (object, "investigation_deadline", received);
  set_take (object, "description", sentence (gen->rand, 40));
  set_take (object, "consequences", sentence (gen->rand, 15));
  set_take (action, "what", sentence (gen->rand, 8));
  json_object_set_string_member (action, "due", received);
  json_array_add_object_element (actions, action);
  json_object_set_array_member (object, "actions", actions);
  set_take (object, "conclusion", sentence (gen->rand, 15));
  set_take (object, "lessons", sentence (gen->rand, 10));
  return object;
}

/* The strings the store would compute, made before the clock starts. */
typedef struct
{
  char *uuid;
  char *regno;
  char *status;
  char *unit;
  char *received;
  char *json;
  char *search;
} FloorRow;

static void
floor_row_clear (FloorRow *row)
{
  g_free (row->uuid);
  g_free (row->regno);
  g_free (row->status);
  g_free (row->unit);
  g_free (row->received);
  g_free (row->json);
  g_free (row->search);
}

static void
floor_row_init (FloorRow *row, JsonObject *object)
{
  g_autoptr (JsonNode) node =
      json_node_init_object (json_node_alloc (), object);

  row->uuid = g_strdup (json_object_get_string_member (object, "uuid"));
  row->regno = g_strdup (json_object_get_string_member (object, "regno"));
  row->status = g_strdup (json_object_get_string_member (object, "status"));
  row->unit = g_strdup (json_object_get_string_member (object, "unit"));
  row->received =
      g_strdup (json_object_get_string_member (object, "received_at"));
  row->json = json_to_string (node, FALSE);
  row->search = g_strdup_printf (
      "%s\n%s\n%s\n%s\n%s",
      json_object_get_string_member (object, "description"),
      json_object_get_string_member (object, "consequences"),
      json_object_get_string_member (
          json_array_get_object_element (
              json_object_get_array_member (object, "actions"), 0),
          "what"),
      json_object_get_string_member (object, "conclusion"),
      json_object_get_string_member (object, "lessons"));
}

typedef struct
{
  sqlite3 *db;
  sqlite3_stmt *begin;
  sqlite3_stmt *commit;
  sqlite3_stmt *insert;
  sqlite3_stmt *history;
} Floor;

static void
floor_exec (sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
floor_insert (Floor *floor, FloorRow *row, const char *now)
{
  sqlite3_stmt *s = floor->insert;

  sqlite3_bind_text (s, 1, row->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, row->regno, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, row->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, row->unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, "wrongdoing", -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 6, row->search, 80, SQLITE_STATIC);
  sqlite3_bind_text (s, 7, row->received, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 9, row->json, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 10, row->received, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 11, row->search, -1, SQLITE_STATIC);
  floor_exec (s);

  s = floor->history;
  sqlite3_bind_int64 (s, 1, sqlite3_last_insert_rowid (floor->db));
  sqlite3_bind_text (s, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, row->regno, -1, SQLITE_STATIC);
  floor_exec (s);
}

static Floor *
floor_open (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) schema = ls_store_open (path, &error);
  Floor *floor = g_new0 (Floor, 1);

  /* Same file format and schema as the store's, then bare sqlite3. */
  g_assert_no_error (error);
  g_clear_object (&schema);
  g_assert_cmpint (sqlite3_open (path, &floor->db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (floor->db,
                                 "PRAGMA journal_mode = WAL;"
                                 "PRAGMA synchronous = FULL;"
                                 "PRAGMA foreign_keys = ON;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_prepare_v2 (floor->db, "BEGIN IMMEDIATE", -1, &floor->begin, NULL);
  sqlite3_prepare_v2 (floor->db, "COMMIT", -1, &floor->commit, NULL);
  sqlite3_prepare_v2 (floor->db,
                      "INSERT INTO cases (uuid, regno, status, unit, kind, "
                      "title, received_at, updated_at, json, next_deadline, "
                      "search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &floor->insert, NULL);
  sqlite3_prepare_v2 (floor->db,
                      "INSERT INTO history (case_id, at, field, old, new, "
                      "who) VALUES (?, ?, 'case', NULL, ?, 'Bench')",
                      -1, &floor->history, NULL);
  g_assert_nonnull (floor->insert);
  g_assert_nonnull (floor->history);
  return floor;
}

static void
floor_close (Floor *floor)
{
  sqlite3_finalize (floor->begin);
  sqlite3_finalize (floor->commit);
  sqlite3_finalize (floor->insert);
  sqlite3_finalize (floor->history);
  sqlite3_close (floor->db);
  g_free (floor);
}

static JsonNode *
make_document (GPtrArray *batch)
{
  JsonObject *root = json_object_new ();
  JsonArray *cases = json_array_new ();

  for (guint i = 0; i < batch->len; i++)
    json_array_add_object_element (cases, json_object_ref (batch->pdata[i]));
  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_array_member (root, "cases", cases);
  return json_node_init_object (json_node_alloc (), root);
}

static void
remove_db (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ls-bench-XXXXXX", &error);
  g_autofree char *store_path = g_build_filename (dir, "store.db", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) store_save_ms =
      g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_save_ms =
      g_array_new (FALSE, FALSE, sizeof (double));
  const char *env = g_getenv ("LS_BENCH_CASES");
  guint n_cases = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 100000;
  Generator gen = { g_rand_new_with_seed (20260301), 0 };
  Generator query_gen = { g_rand_new_with_seed (7), 0 };
  Floor *floor;
  gint64 store_us = 0;
  gint64 floor_us = 0;
  gint64 t;
  double open_ms;
  double page_ms;
  const char *now = "2026-03-01T12:00:00Z";

  g_assert_no_error (error);
  if (n_cases < BATCH)
    n_cases = BATCH;

  store = ls_store_open (store_path, &error);
  g_assert_no_error (error);
  floor = floor_open (floor_path);

  /* Bulk: an import of BATCH cases is one transaction in the store; the
   * floor writes the same rows in transactions of the same size. */
  for (guint done = 0; done < n_cases; done += BATCH)
    {
      g_autoptr (GPtrArray) batch =
          g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
      g_autoptr (JsonNode) document = NULL;
      g_autoptr (GArray) rows =
          g_array_sized_new (FALSE, TRUE, sizeof (FloorRow), BATCH);

      g_array_set_clear_func (rows, (GDestroyNotify) floor_row_clear);
      for (guint i = 0; i < BATCH; i++)
        {
          FloorRow row = { 0 };

          g_ptr_array_add (batch, generate_case (&gen));
          floor_row_init (&row, batch->pdata[i]);
          g_array_append_val (rows, row);
        }
      document = make_document (batch);

      t = g_get_monotonic_time ();
      g_assert_true (
          ls_store_import_document (store, document, "Bench", NULL, &error));
      store_us += g_get_monotonic_time () - t;
      g_assert_no_error (error);

      t = g_get_monotonic_time ();
      floor_exec (floor->begin);
      for (guint i = 0; i < BATCH; i++)
        floor_insert (floor, &g_array_index (rows, FloorRow, i), now);
      floor_exec (floor->commit);
      floor_us += g_get_monotonic_time () - t;
    }

  /* One user action, one transaction, one fsync. */
  for (guint i = 0; i < SINGLE_SAVES; i++)
    {
      g_autoptr (JsonObject) object = generate_case (&gen);
      FloorRow row = { 0 };
      double ms;

      floor_row_init (&row, object);
      t = g_get_monotonic_time ();
      g_assert_true (ls_store_save_case_json (store, object, "Bench", &error));
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (store_save_ms, ms);

      t = g_get_monotonic_time ();
      floor_exec (floor->begin);
      floor_insert (floor, &row, now);
      floor_exec (floor->commit);
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (floor_save_ms, ms);
      floor_row_clear (&row);
    }
  floor_close (floor);
  g_clear_object (&store);

  t = g_get_monotonic_time ();
  store = ls_store_open (store_path, &error);
  open_ms = (g_get_monotonic_time () - t) / 1000.0;
  g_assert_no_error (error);

  for (guint i = 0; i < QUERIES; i++)
    {
      const char *word =
          words[g_rand_int_range (query_gen.rand, 0, G_N_ELEMENTS (words))];
      g_autofree char *text = NULL;
      g_autoptr (GPtrArray) found = NULL;
      LsStoreQuery query = { 0 };
      double ms;

      /* As typed (a prefix), two whole words, a rare word, a word that
       * is in nearly every case. */
      if (i % 4 == 0)
        {
          text =
              g_utf8_substring (word, 0,
                                MIN (g_utf8_strlen (word, -1),
                                     g_rand_int_range (query_gen.rand, 3, 7)));
        }
      else if (i % 4 == 1)
        {
          text =
              g_strdup_printf ("%s %s", word,
                               words[g_rand_int_range (query_gen.rand, 0,
                                                       G_N_ELEMENTS (words))]);
        }
      else if (i % 4 == 2)
        {
          GString *rare = g_string_new (NULL);

          append_word (query_gen.rand, rare);
          text = g_string_free (rare, FALSE);
        }
      else
        {
          text = g_strdup (common[g_rand_int_range (query_gen.rand, 0,
                                                    G_N_ELEMENTS (common))]);
        }

      t = g_get_monotonic_time ();
      found = ls_store_search (store, text, 50, &error);
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_assert_no_error (error);
      g_array_append_val (search_ms, ms);

      query.search = text;
      t = g_get_monotonic_time ();
      g_assert_cmpint (ls_store_count_cases (store, &query, &error), >=, 0);
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (count_ms, ms);
    }

  {
    g_autoptr (GPtrArray) page = NULL;
    LsStoreQuery query = { .order = LS_STORE_ORDER_DEADLINE };

    t = g_get_monotonic_time ();
    page = ls_store_list_cases (store, &query, n_cases / 2, 200, &error);
    page_ms = (g_get_monotonic_time () - t) / 1000.0;
    g_assert_no_error (error);
  }

  {
    double store_rate = n_cases / (store_us / 1e6);
    double floor_rate = n_cases / (floor_us / 1e6);
    double store_p50 = percentile (store_save_ms, 0.5);
    double floor_p50 = percentile (floor_save_ms, 0.5);

    g_print ("cases: %u (LS_BENCH_CASES)\n", n_cases);
    g_print ("bulk insert, %u per transaction: store %.0f cases/s, "
             "bare sqlite3 floor %.0f cases/s, ratio %.2fx\n",
             BATCH, store_rate, floor_rate, floor_rate / store_rate);
    g_print ("single save, one transaction each (%u): store p50 %.2f ms "
             "p95 %.2f ms, floor p50 %.2f ms p95 %.2f ms, ratio %.2fx\n",
             SINGLE_SAVES, store_p50, percentile (store_save_ms, 0.95),
             floor_p50, percentile (floor_save_ms, 0.95),
             store_p50 / floor_p50);
    g_print ("open (with quick_check): %.1f ms\n", open_ms);
    g_print ("search, top 50 (%u queries): p50 %.2f ms, p95 %.2f ms\n", QUERIES,
             percentile (search_ms, 0.5), percentile (search_ms, 0.95));
    g_print ("list count with search: p50 %.2f ms, p95 %.2f ms\n",
             percentile (count_ms, 0.5), percentile (count_ms, 0.95));
    g_print ("list page of 200 at offset %u by deadline: %.2f ms\n",
             n_cases / 2, page_ms);
  }

  g_clear_object (&store);
  remove_db (store_path);
  remove_db (floor_path);
  g_rmdir (dir);
  g_rand_free (gen.rand);
  g_rand_free (query_gen.rand);
  return 0;
}
