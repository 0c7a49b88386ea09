/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ls-action.h"
#include "ls-core-test.h"
#include "ls-follow-ups.h"
#include "ls-rules.h"
#include "ls-statistics.h"
#include "ls-store-statistics.h"

/* tests/data/statistics-cases.json holds seven reports and a draft around
 * the first quarter of 2026; the figures below were counted by hand from
 * it (see the comments), and both the store's SQL and the count case by
 * case must give exactly them. */

#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"
#define TODAY "2026-06-15"

typedef struct
{
  LsStatisticsTableId table;
  const char *row;
  guint column;
  double value;
} Expected;

/* The first quarter, all units: cases 1 to 5 (6 is April, 7 December,
 * 8 a draft). */
static const Expected quarter[] = {
  { LS_STATISTICS_BY_CATEGORY, "service-not-carried-out", 0, 1 },
  { LS_STATISTICS_BY_CATEGORY, "poor-treatment", 0, 2 },
  { LS_STATISTICS_BY_CATEGORY, "physical-abuse", 0, 1 },
  { LS_STATISTICS_BY_CATEGORY, "other", 0, 1 },
  { LS_STATISTICS_BY_CATEGORY, "sexual-abuse", 0, 0 },
  { LS_STATISTICS_BY_KIND, "wrongdoing", LS_STATISTICS_REPORTS, 2 },
  { LS_STATISTICS_BY_KIND, "clear-risk", LS_STATISTICS_REPORTS, 3 },
  { LS_STATISTICS_BY_KIND, "wrongdoing", LS_STATISTICS_SHARE, 40 },
  { LS_STATISTICS_BY_KIND, "clear-risk", LS_STATISTICS_SHARE, 60 },
  { LS_STATISTICS_BY_UNIT, UNIT_SOLGARDEN, 0, 3 },
  { LS_STATISTICS_BY_UNIT, UNIT_LINDEN, 0, 2 },
  { LS_STATISTICS_BY_REPORTER, "employee", 0, 3 },
  { LS_STATISTICS_BY_REPORTER, "contractor", 0, 1 },
  { LS_STATISTICS_BY_REPORTER, "trainee", 0, 1 },
  { LS_STATISTICS_BY_REPORTER, "programme-participant", 0, 0 },
  { LS_STATISTICS_BY_MONTH, "2026-01", LS_STATISTICS_MONTH_REPORTS, 2 },
  { LS_STATISTICS_BY_MONTH, "2026-01", LS_STATISTICS_MONTH_CLEAR_RISKS, 1 },
  { LS_STATISTICS_BY_MONTH, "2026-01", LS_STATISTICS_MONTH_WRONGDOINGS, 1 },
  { LS_STATISTICS_BY_MONTH, "2026-02", LS_STATISTICS_MONTH_REPORTS, 1 },
  { LS_STATISTICS_BY_MONTH, "2026-02", LS_STATISTICS_MONTH_CLEAR_RISKS, 1 },
  { LS_STATISTICS_BY_MONTH, "2026-02", LS_STATISTICS_MONTH_WRONGDOINGS, 0 },
  /* Case 4 came at 23.30 on 31 March, summer time: still March. */
  { LS_STATISTICS_BY_MONTH, "2026-03", LS_STATISTICS_MONTH_REPORTS, 2 },
  { LS_STATISTICS_BY_MONTH, "2026-03", LS_STATISTICS_MONTH_CLEAR_RISKS, 1 },
  { LS_STATISTICS_BY_MONTH, "2026-03", LS_STATISTICS_MONTH_WRONGDOINGS, 1 },
  /* 10, 30, 2 and 26 days: median (10 + 26) / 2. */
  { LS_STATISTICS_TIME, "concluded", 0, 4 },
  { LS_STATISTICS_TIME, "median", 0, 18 },
  { LS_STATISTICS_TIME, "slowest", 0, 30 },
  { LS_STATISTICS_NOTIFIED, "reports", 0, 5 },
  { LS_STATISTICS_NOTIFIED, "notified", 0, 3 },
  { LS_STATISTICS_NOTIFIED, "share", 0, 60 },
  /* Case 1 sent in time; 3 never sent, due 4 April; 4 due 31 May. */
  { LS_STATISTICS_DUTIES, "investigation-sent", LS_STATISTICS_ON_TIME, 1 },
  { LS_STATISTICS_DUTIES, "investigation-sent", LS_STATISTICS_LATE, 2 },
  { LS_STATISTICS_DUTIES, "investigation-sent", LS_STATISTICS_NOT_YET_DUE, 0 },
  /* Case 1's preventive on time; 2's planned past its day; 3's done two
   * days late; the rest have no due day. */
  { LS_STATISTICS_DUTIES, "actions-done", LS_STATISTICS_ON_TIME, 1 },
  { LS_STATISTICS_DUTIES, "actions-done", LS_STATISTICS_LATE, 2 },
  { LS_STATISTICS_DUTIES, "actions-done", LS_STATISTICS_NOT_YET_DUE, 0 },
  /* Case 1 evaluated in time, 3 has an effect without a day (in time),
   * 5 not evaluated past 1 April, 2 due in 2030. */
  { LS_STATISTICS_DUTIES, "follow-ups", LS_STATISTICS_ON_TIME, 2 },
  { LS_STATISTICS_DUTIES, "follow-ups", LS_STATISTICS_LATE, 1 },
  { LS_STATISTICS_DUTIES, "follow-ups", LS_STATISTICS_NOT_YET_DUE, 1 },
  { LS_STATISTICS_CAUSES, "routines", LS_STATISTICS_CAUSES_CAUSES, 2 },
  { LS_STATISTICS_CAUSES, "routines", LS_STATISTICS_CAUSES_CASES, 2 },
  { LS_STATISTICS_CAUSES, "staffing", LS_STATISTICS_CAUSES_CAUSES, 1 },
  { LS_STATISTICS_CAUSES, "staffing", LS_STATISTICS_CAUSES_CASES, 1 },
  { LS_STATISTICS_CAUSES, "communication", LS_STATISTICS_CAUSES_CAUSES, 2 },
  { LS_STATISTICS_CAUSES, "communication", LS_STATISTICS_CAUSES_CASES, 1 },
  { LS_STATISTICS_CAUSES, "leadership", LS_STATISTICS_CAUSES_CAUSES, 0 },
  { LS_STATISTICS_ACTIONS, "actions", LS_STATISTICS_PREVENTIVE, 3 },
  { LS_STATISTICS_ACTIONS, "followed-up", LS_STATISTICS_PREVENTIVE, 1 },
  { LS_STATISTICS_ACTIONS, "helped", LS_STATISTICS_PREVENTIVE, 1 },
  { LS_STATISTICS_ACTIONS, "not-helped", LS_STATISTICS_PREVENTIVE, 0 },
  { LS_STATISTICS_ACTIONS, "individual-asked", LS_STATISTICS_PREVENTIVE, 1 },
  { LS_STATISTICS_ACTIONS, "actions", LS_STATISTICS_REMEDIAL, 2 },
  { LS_STATISTICS_ACTIONS, "followed-up", LS_STATISTICS_REMEDIAL, 1 },
  { LS_STATISTICS_ACTIONS, "helped", LS_STATISTICS_REMEDIAL, 0 },
  { LS_STATISTICS_ACTIONS, "not-helped", LS_STATISTICS_REMEDIAL, 1 },
  { LS_STATISTICS_ACTIONS, "individual-asked", LS_STATISTICS_REMEDIAL, 0 },
  /* 3 reports among 6 people at Solgården, 5 among 20 in all. */
  { LS_STATISTICS_RATE, UNIT_SOLGARDEN, LS_STATISTICS_RATE_PER_10, 5 },
  { LS_STATISTICS_RATE, UNIT_SOLGARDEN, LS_STATISTICS_RATE_PEOPLE, 6 },
  { LS_STATISTICS_RATE, "all", LS_STATISTICS_RATE_REPORTS, 5 },
  { LS_STATISTICS_RATE, "all", LS_STATISTICS_RATE_PER_10, 2.5 },
};

/* Linden alone: cases 3 and 4. */
static const Expected linden[] = {
  { LS_STATISTICS_BY_CATEGORY, "poor-treatment", 0, 1 },
  { LS_STATISTICS_BY_CATEGORY, "physical-abuse", 0, 1 },
  { LS_STATISTICS_BY_KIND, "clear-risk", LS_STATISTICS_SHARE, 50 },
  { LS_STATISTICS_BY_UNIT, UNIT_LINDEN, 0, 2 },
  { LS_STATISTICS_BY_UNIT, UNIT_SOLGARDEN, 0, 0 },
  { LS_STATISTICS_TIME, "concluded", 0, 1 },
  { LS_STATISTICS_TIME, "median", 0, 2 },
  { LS_STATISTICS_NOTIFIED, "share", 0, 100 },
  { LS_STATISTICS_DUTIES, "investigation-sent", LS_STATISTICS_LATE, 2 },
  { LS_STATISTICS_CAUSES, "communication", LS_STATISTICS_CAUSES_CASES, 1 },
  { LS_STATISTICS_CAUSES, "routines", LS_STATISTICS_CAUSES_CASES, 0 },
  { LS_STATISTICS_ACTIONS, "actions", LS_STATISTICS_PREVENTIVE, 0 },
  { LS_STATISTICS_ACTIONS, "not-helped", LS_STATISTICS_REMEDIAL, 1 },
};

/* The statistics of the store on both backends: SQLite's GROUP BY
 * queries, or the server's. */
static const gboolean on_sqlite = FALSE;
static const gboolean on_pg = TRUE;

typedef struct
{
  char *dir;
  LsStore *store;
  GPtrArray *cases;
  LsOrganisation *organisation;
} Fixture;

static JsonNode *
load_fixture (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_build_filename (LS_TEST_SRCDIR, "data", "statistics-cases.json", NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) root = load_fixture ();
  g_autoptr (GError) error = NULL;
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (root), "cases");

  f->dir = ls_core_test_make_tmpdir ("statistics");
  f->store = ls_store_open (
      ls_core_test_location (f->dir, "cases.db", *(const gboolean *) data),
      &error);
  g_assert_no_error (error);
  ls_store_import_document (f->store, root, "Test", NULL, &error);
  g_assert_no_error (error);

  f->organisation = ls_store_load_organisation (f->store, &error);
  g_assert_no_error (error);
  f->cases = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      LsCase *lcase = ls_case_new_from_json (
          json_array_get_object_element (cases, i), NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (f->cases, lcase);
    }
  /* The draft must be one, or its leaving out proves nothing. */
  g_assert_cmpint (ls_case_get_status (g_ptr_array_index (f->cases, 7)), ==,
                   LS_CASE_STATUS_DRAFT);
  g_assert_cmpint (ls_case_get_status (g_ptr_array_index (f->cases, 0)), !=,
                   LS_CASE_STATUS_DRAFT);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->organisation);
  g_clear_pointer (&f->cases, g_ptr_array_unref);
  ls_core_test_drop_locations ();
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
assert_expected (LsStatistics *statistics,
                 const Expected *expected,
                 guint n_expected)
{
  for (guint i = 0; i < n_expected; i++)
    {
      const Expected *e = &expected[i];
      double value =
          ls_statistics_get_value (statistics, e->table, e->row, e->column);

      if (fabs (value - e->value) > 1e-9)
        g_error ("table %u, row %s, column %u: %g, not %g", e->table, e->row,
                 e->column, value, e->value);
    }
}

/* Both ways of counting give the same tables, row for row. */
static void
assert_same (LsStatistics *a, LsStatistics *b)
{
  g_assert_cmpuint (ls_statistics_get_n_tables (a), ==,
                    ls_statistics_get_n_tables (b));
  g_assert_cmpuint (ls_statistics_get_n_cases (a), ==,
                    ls_statistics_get_n_cases (b));
  for (guint t = 0; t < ls_statistics_get_n_tables (a); t++)
    {
      const LsStatisticsTable *ta = ls_statistics_get_table (a, t);
      const LsStatisticsTable *tb = ls_statistics_get_table (b, t);

      g_assert_cmpstr (ta->key, ==, tb->key);
      g_assert_cmpuint (ta->rows->len, ==, tb->rows->len);
      for (guint r = 0; r < ta->rows->len; r++)
        {
          const LsStatisticsRow *ra = g_ptr_array_index (ta->rows, r);
          const LsStatisticsRow *rb = g_ptr_array_index (tb->rows, r);

          g_assert_cmpstr (ra->key, ==, rb->key);
          g_assert_cmpstr (ra->label, ==, rb->label);
          for (guint c = 0; c < ta->n_columns; c++)
            if (!(isnan (ra->values[c]) && isnan (rb->values[c])))
              g_assert_cmpfloat_with_epsilon (ra->values[c], rb->values[c],
                                              1e-9);
        }
    }
}

static LsStatisticsQuery *
make_quarter (void)
{
  LsStatisticsQuery *query = ls_statistics_query_new_quarter (2026, 1);

  ls_statistics_query_set_today (query, TODAY);
  return query;
}

/* Reports per 10 people who must report, from the register: those engaged
 * at some time in the first quarter, in each of their units and once in
 * all.  Counted by hand:
 *   Kim, Solgården since 2020: in;
 *   Ali, Solgården and Linden, left 15 February: in both, once in all;
 *   Sara, Linden from 1 April: not yet;
 *   Erik, Linden, left on New Year's Eve: no longer;
 *   Fatima, of no unit, from 31 March: in all only;
 *   Olle, Linden, 31 March only: in.
 * Solgården 3 reports / 2 people = 15 per 10; Linden 2 / 2 = 10; all
 * 5 / 4 = 12.5. */
static const Expected rate_quarter[] = {
  { LS_STATISTICS_RATE, UNIT_SOLGARDEN, LS_STATISTICS_RATE_REPORTS, 3 },
  { LS_STATISTICS_RATE, UNIT_SOLGARDEN, LS_STATISTICS_RATE_PEOPLE, 2 },
  { LS_STATISTICS_RATE, UNIT_SOLGARDEN, LS_STATISTICS_RATE_PER_10, 15 },
  { LS_STATISTICS_RATE, UNIT_LINDEN, LS_STATISTICS_RATE_REPORTS, 2 },
  { LS_STATISTICS_RATE, UNIT_LINDEN, LS_STATISTICS_RATE_PEOPLE, 2 },
  { LS_STATISTICS_RATE, UNIT_LINDEN, LS_STATISTICS_RATE_PER_10, 10 },
  { LS_STATISTICS_RATE, "all", LS_STATISTICS_RATE_REPORTS, 5 },
  { LS_STATISTICS_RATE, "all", LS_STATISTICS_RATE_PEOPLE, 4 },
  { LS_STATISTICS_RATE, "all", LS_STATISTICS_RATE_PER_10, 12.5 },
};

/* Linden alone: Ali and Olle; Fatima, of no unit, is not Linden's. */
static const Expected rate_linden[] = {
  { LS_STATISTICS_RATE, UNIT_LINDEN, LS_STATISTICS_RATE_PEOPLE, 2 },
  { LS_STATISTICS_RATE, UNIT_LINDEN, LS_STATISTICS_RATE_PER_10, 10 },
  { LS_STATISTICS_RATE, "all", LS_STATISTICS_RATE_REPORTS, 2 },
  { LS_STATISTICS_RATE, "all", LS_STATISTICS_RATE_PEOPLE, 2 },
  { LS_STATISTICS_RATE, "all", LS_STATISTICS_RATE_PER_10, 10 },
};

/* One hand count: the first quarter of 2026 as a query chooses it, and
 * what both the count case by case and the store's SQL must give. */
typedef struct
{
  const char *const *units; /* NULL: all */
  const char *obliged_unit; /* people who must report, if given */
  guint obliged_in_unit;
  guint obliged;
  gboolean count_obliged; /* from the store's register */
  guint n_cases;
  const Expected *expected;
  guint n_expected;
  guint n_rate_rows;
} HandCount;

static const char *const linden_only[] = { UNIT_LINDEN, NULL };

#define EXPECTED(table) table, G_N_ELEMENTS (table)

/* clang-format off */
static const HandCount quarter_count = {
  NULL, UNIT_SOLGARDEN, 6, 20, FALSE, 5, EXPECTED (quarter), 2 };
static const HandCount linden_count = {
  linden_only, NULL, 0, 0, FALSE, 2, EXPECTED (linden), 0 };
static const HandCount rate_quarter_count = {
  NULL, NULL, 0, 0, TRUE, 5, EXPECTED (rate_quarter), 3 };
static const HandCount rate_linden_count = {
  linden_only, NULL, 0, 0, TRUE, 2, EXPECTED (rate_linden), 2 };
/* clang-format on */

static guint
n_rate_rows (LsStatistics *statistics)
{
  const LsStatisticsTable *rate =
      ls_statistics_lookup_table (statistics, LS_STATISTICS_RATE);

  return rate != NULL ? rate->rows->len : 0;
}

/* Counts @count's query case by case and in @store, asserts both give
 * its figures and the same tables, and returns the store's. */
static LsStatistics *
assert_hand_count (Fixture *f, LsStore *store, const HandCount *count)
{
  g_autoptr (LsStatisticsQuery) query = make_quarter ();
  g_autoptr (LsStatistics) from_cases = NULL;
  g_autoptr (LsStatistics) from_store = NULL;
  g_autoptr (GError) error = NULL;

  ls_statistics_query_set_units (query, count->units);
  if (count->obliged_unit != NULL)
    ls_statistics_query_set_obliged (query, count->obliged_unit,
                                     count->obliged_in_unit);
  if (count->obliged > 0)
    ls_statistics_query_set_obliged (query, NULL, count->obliged);

  from_store = ls_store_compute_statistics (store, query, &error);
  g_assert_no_error (error);
  /* The store counts from its register unless the query says; counted
   * case by case, the query must say. */
  if (count->count_obliged)
    {
      g_autoptr (LsPeopleRegister) register_ =
          ls_store_load_people (store, &error);

      g_assert_no_error (error);
      ls_statistics_query_count_obliged (query, register_);
    }
  from_cases = ls_statistics_new_from_cases (query, f->cases, f->organisation);

  g_assert_cmpuint (ls_statistics_get_n_cases (from_cases), ==, count->n_cases);
  assert_expected (from_cases, count->expected, count->n_expected);
  assert_expected (from_store, count->expected, count->n_expected);
  assert_same (from_cases, from_store);
  g_assert_cmpuint (n_rate_rows (from_store), ==, count->n_rate_rows);
  return g_steal_pointer (&from_store);
}

static void
test_quarter (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStatisticsQuery) query = make_quarter ();
  g_autoptr (LsStatistics) from_store =
      assert_hand_count (f, f->store, &quarter_count);
  const LsStatisticsTable *units;

  g_assert_cmpstr (ls_statistics_query_get_from (query), ==, "2026-01-01");
  g_assert_cmpstr (ls_statistics_query_get_to (query), ==, "2026-03-31");
  g_assert_cmpuint (ls_statistics_get_n_tables (from_store), ==,
                    LS_STATISTICS_N_TABLES);

  /* Units are named from the organisation, in its order. */
  units = ls_statistics_lookup_table (from_store, LS_STATISTICS_BY_UNIT);
  g_assert_cmpstr (
      ((LsStatisticsRow *) g_ptr_array_index (units->rows, 0))->label, ==,
      "Solgårdens vård- och omsorgsboende");
  /* Every month of the quarter is a row, in order. */
  g_assert_cmpuint (
      ls_statistics_lookup_table (from_store, LS_STATISTICS_BY_MONTH)
          ->rows->len,
      ==, 3);
}

static void
test_units (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStatistics) from_store =
      assert_hand_count (f, f->store, &linden_count);

  /* Without the number of people who must report, no rate. */
  g_assert_null (ls_statistics_lookup_table (from_store, LS_STATISTICS_RATE));
  g_assert_cmpuint (ls_statistics_get_n_tables (from_store), ==,
                    LS_STATISTICS_N_TABLES - 1);
}

static void
add_person (LsPeopleRegister *register_,
            const char *name,
            const char *unit_a,
            const char *unit_b,
            const char *started_on,
            const char *ended_on)
{
  g_autoptr (LsPerson) person = ls_person_new ();
  const char *units[] = { unit_a, unit_b, NULL };

  ls_person_set_name (person, name);
  ls_person_set_category (person, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_person_set_units (person, units);
  ls_person_set_started_on (person, started_on);
  ls_person_set_ended_on (person, ended_on);
  g_list_store_append (ls_people_register_get_people (register_), person);
}

static void
test_rate_from_register (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPeopleRegister) register_ =
      ls_store_load_people (f->store, &error);
  g_autoptr (LsStatisticsQuery) query = make_quarter ();
  g_autoptr (LsStatisticsQuery) before =
      ls_statistics_query_new_month (2019, 1);
  g_autoptr (LsStatistics) statistics = NULL;

  g_assert_no_error (error);
  /* Nobody in the register: no rate. */
  statistics = ls_store_compute_statistics (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_null (ls_statistics_lookup_table (statistics, LS_STATISTICS_RATE));
  g_clear_object (&statistics);

  add_person (register_, "Kim Berg", UNIT_SOLGARDEN, NULL, "2020-01-01", NULL);
  add_person (register_, "Ali Demir", UNIT_SOLGARDEN, UNIT_LINDEN, "2025-06-01",
              "2026-02-15");
  add_person (register_, "Sara Nilsson", UNIT_LINDEN, NULL, "2026-04-01", NULL);
  add_person (register_, "Erik Jonsson", UNIT_LINDEN, NULL, "2024-01-01",
              "2025-12-31");
  add_person (register_, "Fatima Ali", NULL, NULL, "2026-03-31", NULL);
  add_person (register_, "Olle Ström", UNIT_LINDEN, NULL, "2026-03-31",
              "2026-03-31");
  g_assert_true (ls_store_save_people (f->store, register_, &error));
  g_assert_no_error (error);

  /* The count itself, and the store's statistics, which count with it;
   * the other tables are as without the register. */
  statistics = assert_hand_count (f, f->store, &rate_quarter_count);
  assert_expected (statistics, quarter, G_N_ELEMENTS (quarter) - 4);
  g_clear_object (&statistics);
  statistics = assert_hand_count (f, f->store, &rate_linden_count);
  g_clear_object (&statistics);

  /* Figures the caller gives are kept: the register does not override. */
  ls_statistics_query_set_obliged (query, NULL, 20);
  statistics = ls_store_compute_statistics (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ls_statistics_get_value (statistics, LS_STATISTICS_RATE,
                                              "all", LS_STATISTICS_RATE_PER_10),
                     ==, 2.5);
  g_assert_cmpuint (n_rate_rows (statistics), ==, 1);
  g_clear_object (&statistics);

  /* Before anybody was engaged: nobody known, no rate. */
  statistics = ls_store_compute_statistics (f->store, before, &error);
  g_assert_no_error (error);
  g_assert_null (ls_statistics_lookup_table (statistics, LS_STATISTICS_RATE));
}

/* An empty period has every row at zero and no median. */
static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStatisticsQuery) query = ls_statistics_query_new_month (2024, 2);
  g_autoptr (LsStatistics) from_store = NULL;
  g_autoptr (GError) error = NULL;

  from_store = ls_store_compute_statistics (f->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ls_statistics_get_n_cases (from_store), ==, 0);
  g_assert_cmpstr (ls_statistics_query_get_to (query), ==, "2024-02-29");
  g_assert_true (isnan (
      ls_statistics_get_value (from_store, LS_STATISTICS_TIME, "median", 0)));
  g_assert_cmpfloat (ls_statistics_get_value (from_store,
                                              LS_STATISTICS_BY_CATEGORY,
                                              "poor-treatment", 0),
                     ==, 0);
}

static void
test_period_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStatisticsQuery) query = NULL;

  query = ls_statistics_query_new ("2026-03-01", "2026-02-01", &error);
  g_assert_null (query);
  g_assert_error (error, LS_STATISTICS_ERROR, LS_STATISTICS_ERROR_PERIOD);
  g_clear_error (&error);
  query = ls_statistics_query_new ("1 mars", "2026-02-01", &error);
  g_assert_null (query);
  g_assert_error (error, LS_STATISTICS_ERROR, LS_STATISTICS_ERROR_PERIOD);
  g_assert_null (strstr (error->message, "1 mars"));
}

static void
test_csv (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStatisticsQuery) query = make_quarter ();
  g_autoptr (LsStatistics) statistics = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (f->dir, "stats.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *read = NULL;
  GStatBuf st;

  statistics = ls_store_compute_statistics (f->store, query, &error);
  g_assert_no_error (error);
  csv = ls_statistics_dup_csv (statistics);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFLex Sarah statistics;"
                                        "2026-01-01;2026-03-31\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nReports by category\r\n"
                                 "Category;Reports\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nPoor treatment;2\r\n"));
  /* A decimal comma, and a median of 18 days. */
  g_assert_nonnull (strstr (csv, "\r\nClear risk of wrongdoing;3;60\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nMedian days;18\r\n"));

  g_assert_true (ls_statistics_write_csv (statistics, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &read, NULL, NULL));
  g_assert_cmpstr (read, ==, csv);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_format_value (void)
{
  static const struct
  {
    double value;
    const char *text;
  } values[] = {
    { 0, "0" },  { 18, "18" }, { 2.5, "2,5" }, { 100.0 / 3, "33,3" },
    { NAN, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = ls_statistics_format_value (values[i].value);

      g_assert_cmpstr (text, ==, values[i].text);
    }
}

static void
computed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsStatistics **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ls_store_compute_statistics_finish (LS_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStatisticsQuery) query = make_quarter ();
  g_autoptr (LsStatistics) statistics = NULL;

  ls_store_compute_statistics_async (f->store, query, NULL, computed_cb,
                                     &statistics);
  while (statistics == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_expected (statistics, quarter, 30);
}

/* The open follow-ups of the fixture, as of 15 June 2026: case 2's
 * preventive action (2030) is beyond the fortnight, case 5's (1 April) is
 * overdue; case 1's and 3's are evaluated. */
static void
test_follow_ups_due (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) due = ls_follow_ups_list_due (f->cases, TODAY, 14);
  g_autoptr (GPtrArray) later = NULL;
  LsFollowUp *first;

  g_assert_cmpuint (due->len, ==, 1);
  first = g_ptr_array_index (due, 0);
  g_assert_cmpstr (first->regno, ==, "VON-2026-0105");
  g_assert_cmpstr (first->follow_up_on, ==, "2026-04-01");
  g_assert_true (first->overdue);
  g_assert_cmpint (first->kind, ==, LS_ACTION_KIND_PREVENTIVE);

  later = ls_follow_ups_list_due (f->cases, TODAY, 365 * 5);
  g_assert_cmpuint (later->len, ==, 2);
  g_assert_cmpstr (((LsFollowUp *) g_ptr_array_index (later, 1))->follow_up_on,
                   ==, "2030-06-01");
  g_assert_false (((LsFollowUp *) g_ptr_array_index (later, 1))->overdue);
}

/* A closed case whose remedial action's effect is still to be followed up
 * says so, and the rules ask for the follow-up. */
static void
test_closed_with_open_follow_ups (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (GListStore) requirements = NULL;
  gboolean asked = FALSE;

  /* The example's second preventive action is due for follow-up on 15
   * June. */
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_CLOSED);
  g_assert_cmpuint (ls_follow_ups_count_open (lcase), ==, 1);
  g_assert_true (ls_follow_ups_closed_with_open (lcase));

  ls_action_set_kind (action, LS_ACTION_KIND_REMEDIAL);
  ls_action_set_description (action, "Nya larmtelefoner");
  ls_action_set_status (action, LS_ACTION_STATUS_DONE);
  ls_action_set_follow_up_on (action, "2026-09-01");
  g_list_store_append (
      ls_investigation_get_remedial_actions (ls_case_get_investigation (lcase)),
      action);
  g_assert_cmpuint (ls_follow_ups_count_open (lcase), ==, 2);

  requirements = ls_rules_check (lcase, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);

      if (ls_requirement_get_step (requirement) == LS_STEP_REMEDIAL_FOLLOW_UP &&
          g_strcmp0 (ls_requirement_get_due (requirement), "2026-09-01") == 0)
        asked = TRUE;
    }
  g_assert_true (asked);

  /* Both evaluated: nothing open. */
  ls_action_set_evaluated_on (action, "2026-09-01");
  ls_action_set_outcome (action, LS_EFFECT_OUTCOME_HELPED);
  {
    g_autoptr (LsAction) preventive = g_list_model_get_item (
        G_LIST_MODEL (ls_investigation_get_preventive_actions (
            ls_case_get_investigation (lcase))),
        1);

    ls_action_set_evaluated_on (preventive, "2026-06-15");
  }
  g_assert_cmpuint (ls_follow_ups_count_open (lcase), ==, 0);
  g_assert_false (ls_follow_ups_closed_with_open (lcase));
}

/* A document written before evaluated_on and outcome existed imports; an
 * action whose effect is written counts as evaluated. */
static void
test_old_action_imports (void)
{
  static const char json[] =
      "{\"kind\": \"preventive\", \"description\": \"Ny rutin\", "
      "\"responsible\": null, \"taken_at\": null, \"due_on\": null, "
      "\"status\": \"done\", \"follow_up_on\": \"2026-06-01\", "
      "\"effect\": \"Bra\", \"individual_asked\": true}";
  g_autoptr (JsonNode) node = json_from_string (json, NULL);
  g_autoptr (LsCase) lcase = ls_core_test_example_case (1);
  g_autoptr (JsonObject) object = ls_case_to_json (lcase);
  g_autoptr (LsCase) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsAction) action = NULL;
  JsonArray *actions = json_array_new ();

  json_array_add_element (actions, g_steal_pointer (&node));
  json_object_set_array_member (
      json_object_get_object_member (object, "investigation"),
      "preventive_actions", actions);
  again = ls_case_new_from_json (object, "cases[0]", &error);
  g_assert_no_error (error);
  action = g_list_model_get_item (
      G_LIST_MODEL (ls_investigation_get_preventive_actions (
          ls_case_get_investigation (again))),
      0);
  g_assert_true (ls_action_is_evaluated (action));
  g_assert_null (ls_action_get_evaluated_on (action));
  g_assert_cmpint (ls_action_get_outcome (action), ==,
                   LS_EFFECT_OUTCOME_UNKNOWN);
}

/* A backend without statistics queries of its own: it only exports, and
 * the store counts its cases one by one, to the same figures. */
#define TEST_TYPE_EXPORT_STORE (test_export_store_get_type ())
G_DECLARE_FINAL_TYPE (
    TestExportStore, test_export_store, TEST, EXPORT_STORE, LsStore)

struct _TestExportStore
{
  LsStore parent_instance;
  LsStore *inner;
};

G_DEFINE_FINAL_TYPE (TestExportStore, test_export_store, LS_TYPE_STORE)

static JsonNode *
export_store_export (LsStore *store, GError **error)
{
  return ls_store_export_document (TEST_EXPORT_STORE (store)->inner, error);
}

static LsOrganisation *
export_store_load_organisation (LsStore *store, GError **error)
{
  return ls_store_load_organisation (TEST_EXPORT_STORE (store)->inner, error);
}

static void
export_store_finalize (GObject *object)
{
  g_clear_object (&TEST_EXPORT_STORE (object)->inner);
  G_OBJECT_CLASS (test_export_store_parent_class)->finalize (object);
}

static void
test_export_store_class_init (TestExportStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = export_store_finalize;
  LS_STORE_CLASS (klass)->export_document = export_store_export;
  LS_STORE_CLASS (klass)->load_organisation = export_store_load_organisation;
}

static void
test_export_store_init (TestExportStore *self)
{
}

static void
test_other_backend (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStatisticsQuery) query = make_quarter ();
  g_autoptr (TestExportStore) other =
      g_object_new (TEST_TYPE_EXPORT_STORE, NULL);
  g_autoptr (LsStatistics) statistics = NULL;
  g_autoptr (GPtrArray) concluded = NULL;
  g_autoptr (GError) error = NULL;

  other->inner = g_object_ref (f->store);
  statistics = assert_hand_count (f, LS_STORE (other), &quarter_count);
  concluded = ls_store_list_concluded_cases (LS_STORE (other), query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (concluded);
}

/* Cases concluded on one day come in the order they were stored in, on
 * both backends alike and at every call: by the day, then by the case's
 * place in the database, never by chance. */
static void
test_concluded_ties (Fixture *f, gconstpointer data)
{
  /* Stored in another order than their numbers and uuids. */
  static const guint stored[] = { 2, 0, 1, 3, 4, 5, 6, 7 };
  static const char *const expected[] = { "VON-2026-0103", "VON-2026-0101",
                                          "VON-2026-0102" };
  g_autoptr (LsStatisticsQuery) query = make_quarter ();
  g_autoptr (JsonNode) root = load_fixture ();
  g_autoptr (JsonArray) reordered = json_array_new ();
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (root), "cases");

  g_assert_cmpuint (json_array_get_length (cases), ==, G_N_ELEMENTS (stored));
  /* The first quarter's three concluded cases, concluded on one day. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    json_object_set_string_member (
        json_object_get_object_member (json_array_get_object_element (cases, i),
                                       "investigation"),
        "concluded_on", "2026-02-24");
  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    json_array_add_element (
        reordered, json_node_copy (json_array_get_element (cases, stored[i])));
  json_object_set_array_member (json_node_get_object (root), "cases",
                                json_array_ref (reordered));

  store = ls_store_open (
      ls_core_test_location (f->dir, "ties.db", *(const gboolean *) data),
      &error);
  g_assert_no_error (error);
  g_assert_true (ls_store_import_document (store, root, "Test", NULL, &error));
  g_assert_no_error (error);
  for (guint run = 0; run < 3; run++)
    {
      g_autoptr (GPtrArray) concluded =
          ls_store_list_concluded_cases (store, query, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (concluded->len, ==, G_N_ELEMENTS (expected));
      for (guint i = 0; i < concluded->len; i++)
        g_assert_cmpstr (ls_case_get_regno (concluded->pdata[i]), ==,
                         expected[i]);
    }
}

static void
follow_ups_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ls_store_list_follow_ups_finish (LS_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
assert_follow_up (GPtrArray *follow_ups,
                  guint index,
                  const char *regno,
                  const char *day,
                  gboolean overdue,
                  gboolean closed)
{
  LsFollowUp *follow_up = g_ptr_array_index (follow_ups, index);

  g_assert_cmpstr (follow_up->regno, ==, regno);
  g_assert_cmpstr (follow_up->follow_up_on, ==, day);
  g_assert_cmpint (follow_up->overdue, ==, overdue);
  g_assert_cmpint (follow_up->closed, ==, closed);
  g_assert_cmpstr (follow_up->unit_id, ==, UNIT_SOLGARDEN);
}

/* The view of the follow-ups due reads every open follow-up from the
 * store, across cases, the earliest first: case 5's (1 April, overdue),
 * the example's closed case's (15 June, due today), case 2's (2030).
 * All three cases are closed, and listed all the same.  Case 3's
 * remedial action has a follow-up day and its effect written in an older
 * document: evaluated, not listed. */
static void
test_store_follow_ups (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) closed = ls_core_test_example_case (0);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) of_linden = NULL;
  g_autoptr (GPtrArray) async = NULL;
  g_autoptr (GPtrArray) other_all = NULL;
  g_autoptr (TestExportStore) other =
      g_object_new (TEST_TYPE_EXPORT_STORE, NULL);
  g_autoptr (GError) error = NULL;
  const char *const solgarden_only[] = { UNIT_SOLGARDEN, NULL };

  g_assert_true (ls_store_save_case (f->store, closed, "Test", &error));
  g_assert_no_error (error);

  all = ls_store_list_follow_ups (f->store, NULL, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  assert_follow_up (all, 0, "VON-2026-0105", "2026-04-01", TRUE, TRUE);
  assert_follow_up (all, 1, ls_case_get_regno (closed), "2026-06-15", FALSE,
                    TRUE);
  assert_follow_up (all, 2, "VON-2026-0102", "2030-06-01", FALSE, TRUE);
  g_assert_cmpint (((LsFollowUp *) all->pdata[0])->kind, ==,
                   LS_ACTION_KIND_PREVENTIVE);
  g_assert_cmpstr (((LsFollowUp *) all->pdata[0])->description, ==,
                   "Kvällstest av alla dörrlarm.");

  /* By unit: Linden has none open. */
  of_linden = ls_store_list_follow_ups (f->store, linden_only, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_linden->len, ==, 0);

  /* Off the main loop, the same. */
  ls_store_list_follow_ups_async (f->store, solgarden_only, TODAY, NULL,
                                  follow_ups_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (async->len, ==, 3);
  assert_follow_up (async, 0, "VON-2026-0105", "2026-04-01", TRUE, TRUE);

  /* A backend without a query of its own has its cases read one by one. */
  other->inner = g_object_ref (f->store);
  other_all = ls_store_list_follow_ups (LS_STORE (other), NULL, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other_all->len, ==, 3);
  assert_follow_up (other_all, 1, ls_case_get_regno (closed), "2026-06-15",
                    FALSE, TRUE);
}

static void
strip_added_later (JsonArray *actions)
{
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *action = json_array_get_object_element (actions, i);

      json_object_remove_member (action, "evaluated_on");
      json_object_remove_member (action, "outcome");
    }
}

/* The example as written before actions had evaluated_on and outcome
 * imports whole, through the store's strict reading of documents. */
static void
test_old_document_imports (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) root = ls_core_test_load_example ();
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (root), "cases");
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsAction) action = NULL;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *lcase_json = json_array_get_object_element (cases, i);
      JsonObject *inv =
          json_object_get_object_member (lcase_json, "investigation");

      strip_added_later (json_object_get_array_member (
          json_object_get_object_member (lcase_json, "report"),
          "immediate_actions"));
      strip_added_later (
          json_object_get_array_member (inv, "remedial_actions"));
      strip_added_later (
          json_object_get_array_member (inv, "preventive_actions"));
    }
  g_assert_true (
      ls_store_import_document (f->store, root, "Test", NULL, &error));
  g_assert_no_error (error);
  lcase = ls_store_load_case (f->store, "108402d6-8410-4307-a298-64786b3633aa",
                              &error);
  g_assert_no_error (error);
  action = g_list_model_get_item (
      G_LIST_MODEL (ls_investigation_get_preventive_actions (
          ls_case_get_investigation (lcase))),
      0);
  g_assert_null (ls_action_get_evaluated_on (action));
  g_assert_true (ls_action_is_evaluated (action));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  LS_CORE_TEST_ADD_BOTH (path, Fixture, &on_sqlite, &on_pg, fixture_set_up,    \
                         func, fixture_tear_down)
  ADD ("/statistics/quarter", test_quarter);
  ADD ("/statistics/units", test_units);
  ADD ("/statistics/empty", test_empty);
  ADD ("/statistics/rate-from-register", test_rate_from_register);
  ADD ("/statistics/csv", test_csv);
  ADD ("/statistics/async", test_async);
  ADD ("/follow-ups/due", test_follow_ups_due);
  ADD ("/statistics/other-backend", test_other_backend);
  ADD ("/statistics/concluded-ties", test_concluded_ties);
  ADD ("/follow-ups/store", test_store_follow_ups);
  ADD ("/model/action/old-document-import", test_old_document_imports);
#undef ADD
  g_test_add_func ("/statistics/period-errors", test_period_errors);
  g_test_add_func ("/statistics/format-value", test_format_value);
  g_test_add_func ("/follow-ups/closed-with-open",
                   test_closed_with_open_follow_ups);
  g_test_add_func ("/model/action/old-document", test_old_action_imports);
  return g_test_run ();
}
