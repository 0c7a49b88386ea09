/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-pg-store-private.h"
#include "ls-statistics-private.h"

/* The statistics as SQL on the server, as ls-sqlite-store-statistics.c
 * counts them on SQLite: GROUP BY over the cases' columns and their JSON,
 * so that no case travels to the client.  Row-level security holds: a
 * role counts the cases it may see.  The tests hold both backends to the
 * figures ls_statistics_new_from_cases() counts case by case. */

/* The reports the statistics cover: received within the period ($2 is
 * the day after the last), of the units asked for ($3, NULL for all),
 * not drafts. */
#define COUNTED                                                                \
  "WITH counted AS (SELECT id, json::jsonb AS j, unit, kind, received_at "     \
  "  FROM cases WHERE status <> 'draft' AND received_at >= $1 "                \
  "  AND received_at < $2 "                                                    \
  "  AND ($3::text[] IS NULL OR unit = ANY ($3::text[]))) "

/* Whether a duty was met, as ls_statistics_judge_duty() judges it: 0 on
 * time, 1 late, 2 not yet due, NULL when it has no day; $4 is today.
 * Days compare as their bytes, as on SQLite. */
#define DUTY(due, done, done_on)                                               \
  "CASE WHEN (" due ") IS NULL THEN NULL WHEN (" done ") THEN "                \
  "(CASE WHEN substr (" done_on ", 1, 10) COLLATE \"C\" > (" due ") "          \
  "THEN 1 ELSE 0 END) "                                                        \
  "WHEN $4 COLLATE \"C\" > (" due ") THEN 1 ELSE 2 END"

/* A list member of a JSON object, or none when it is not a list. */
#define LIST(json)                                                             \
  "jsonb_array_elements (CASE WHEN jsonb_typeof (" json                        \
  ") = 'array' THEN " json " ELSE '[]'::jsonb END)"

/* Columns: month, kind, unit, category, reporter, days to the conclusion
 * (or NULL), notified, the duty of the finished investigation, count.
 * The day two months after the notification: the server's date
 * arithmetic clamps to the end of a shorter month, as ls_dates_add_months()
 * does. */
static const char cases_sql[] = COUNTED
    "SELECT month, kind, unit, category, reporter, days, due IS NOT "
    "NULL, " DUTY (
        "due",
        "sent IS NOT NULL",
        "sent") ", count (*) "
                "FROM (SELECT substr (received_at, 1, 7) AS month, "
                "  coalesce (kind, '') AS kind, coalesce (unit, '') AS unit, "
                "  coalesce (j->'report'->>'category', '') AS category, "
                "  coalesce (j->'report'->>'reporter_category', '') AS "
                "reporter, "
                "  substr (j->'investigation'->>'concluded_on', 1, 10)::date "
                "    - substr (received_at, 1, 10)::date AS days, "
                "  to_char (substr (j->'notification'->>'submitted_on', 1, "
                "10)::date "
                "    + interval '2 months', 'YYYY-MM-DD') AS due, "
                "  j->'notification'->>'investigation_sent_on' AS sent "
                "  FROM counted) AS c "
                "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";

static const char causes_sql[] =
    COUNTED "SELECT coalesce (cause->>'category', ''), count (*), "
            "count (DISTINCT counted.id) "
            "FROM counted, " LIST ("j->'investigation'->'causes'") " AS cause "
                                                                   "GROUP BY 1";

/* $5 is the path of the list of actions, as text[]. */
static const char actions_sql[] = COUNTED
    "SELECT count (*), coalesce (sum (evaluated::int), 0), "
    "coalesce (sum ((outcome = 'helped')::int), 0), "
    "coalesce (sum ((outcome = 'not-helped')::int), 0), "
    "coalesce (sum (asked::int), 0), " DUTY (
        "substr (due_on, 1, 10)",
        "status = 'done'",
        "taken_at") ", " DUTY ("substr (follow_up_on, 1, 10)",
                               "evaluated",
                               "evaluated_on") " "
                                               "FROM (SELECT a->>'due_on' AS "
                                               "due_on, a->>'status' AS "
                                               "status, "
                                               "  a->>'taken_at' AS taken_at, "
                                               "a->>'follow_up_on' AS "
                                               "follow_up_on, "
                                               "  a->>'evaluated_on' AS "
                                               "evaluated_on, a->>'outcome' AS "
                                               "outcome, "
                                               "  coalesce "
                                               "((a->>'individual_asked')::"
                                               "boolean, FALSE) AS asked, "
                                               "  (a->>'evaluated_on' IS NOT "
                                               "NULL OR a->>'effect' IS NOT "
                                               "NULL) "
                                               "    AS evaluated "
                                               "  FROM counted, " LIST (
                                                   "(j #> $5::text[])") " AS "
                                                                        "a) AS "
                                                                        "x "
                                                                        "GROUP "
                                                                        "BY 6, "
                                                                        "7";

/* The units asked for as a text[] parameter, or NULL for all. */
static char *
dup_units (const LsStatisticsQuery *query)
{
  const char *const *units = ls_statistics_query_get_units (query);
  g_autoptr (GPtrArray) list = g_ptr_array_new ();

  if (units == NULL)
    return NULL;
  for (guint i = 0; units[i] != NULL; i++)
    g_ptr_array_add (list, (gpointer) units[i]);
  return ls_pg_dup_array_literal (list);
}

static const char *
text_at (PGresult *rows, int row, int column)
{
  return PQgetvalue (rows, row, column);
}

static LsDuty
duty_at (PGresult *rows, int row, int column)
{
  if (PQgetisnull (rows, row, column))
    return LS_DUTY_NONE;
  return (LsDuty) ls_pg_int_value (rows, row, column);
}

typedef struct
{
  LsPgConnection *conn;
  const char *params[5];
  LsStatistics *statistics;
} Run;

static PGresult *
run_query (Run *run, const char *sql, int n_params, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  PGresult *rows =
      ls_pg_query (run->conn, sql, n_params, run->params, &local_error);

  if (rows == NULL)
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                 _ ("The statistics could not be counted: %s"),
                 local_error->message);
  return rows;
}

static gboolean
count_cases (Run *run, GError **error)
{
  g_autoptr (PGresult) rows = run_query (run, cases_sql, 4, error);

  if (rows == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (rows); i++)
    {
      LsStatisticsGroup group = {
        text_at (rows, i, 0),
        text_at (rows, i, 1),
        text_at (rows, i, 2),
        text_at (rows, i, 3),
        text_at (rows, i, 4),
        !PQgetisnull (rows, i, 5),
        (int) ls_pg_int_value (rows, i, 5),
        g_str_equal (text_at (rows, i, 6), "t"),
        duty_at (rows, i, 7),
        ls_pg_int_value (rows, i, 8),
      };

      ls_statistics_add_group (run->statistics, &group);
    }
  return TRUE;
}

static gboolean
count_causes (Run *run, GError **error)
{
  g_autoptr (PGresult) rows = run_query (run, causes_sql, 3, error);

  if (rows == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (rows); i++)
    {
      const char *category = text_at (rows, i, 0);

      ls_statistics_add (run->statistics, LS_STATISTICS_CAUSES, category,
                         LS_STATISTICS_CAUSES_CAUSES,
                         ls_pg_int_value (rows, i, 1));
      ls_statistics_add (run->statistics, LS_STATISTICS_CAUSES, category,
                         LS_STATISTICS_CAUSES_CASES,
                         ls_pg_int_value (rows, i, 2));
    }
  return TRUE;
}

static gboolean
count_actions (Run *run, const char *path, guint column, GError **error)
{
  g_autoptr (PGresult) rows = NULL;

  run->params[4] = path;
  rows = run_query (run, actions_sql, 5, error);
  if (rows == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (rows); i++)
    {
      LsStatisticsActionGroup group = { { 0 },
                                        duty_at (rows, i, 5),
                                        duty_at (rows, i, 6),
                                        ls_pg_int_value (rows, i, 0) };

      for (guint k = 0; k < G_N_ELEMENTS (group.counts); k++)
        group.counts[k] = ls_pg_int_value (rows, i, (int) k);
      ls_statistics_add_action_group (run->statistics, column, &group);
    }
  return TRUE;
}

/* On the reader, in one snapshot: counting 100,000 cases never waits for
 * a save, and a save in between cannot make the tables disagree. */
static LsStatistics *
ls_pg_store_compute_statistics (LsStore *store,
                                const LsStatisticsQuery *query,
                                GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsStatistics) statistics = NULL;
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autofree char *to_next = NULL;
  g_autofree char *units = NULL;
  gboolean ok;
  Run run;

  organisation = ls_pg_store_load_organisation_on (&self->reader, error);
  if (organisation == NULL)
    return NULL;
  statistics = ls_statistics_begin (query, organisation);
  query = ls_statistics_get_query (statistics);
  to_next = ls_statistics_dup_day_after (ls_statistics_query_get_to (query));
  units = dup_units (query);
  run = (Run){ &self->reader,
               { ls_statistics_query_get_from (query), to_next, units,
                 ls_statistics_query_get_today (query), NULL },
               statistics };

  if (!ls_pg_run (&self->reader,
                  "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL,
                  error))
    return NULL;
  self->reader.in_transaction = TRUE;
  ok = count_cases (&run, error) && count_causes (&run, error) &&
       count_actions (&run, "{investigation,preventive_actions}",
                      LS_STATISTICS_PREVENTIVE, error) &&
       count_actions (&run, "{investigation,remedial_actions}",
                      LS_STATISTICS_REMEDIAL, error);
  self->reader.in_transaction = FALSE;
  if (PQstatus (self->reader.conn) == CONNECTION_OK)
    PQclear (PQexec (self->reader.conn, ok ? "COMMIT" : "ROLLBACK"));
  if (!ok)
    return NULL;
  ls_statistics_finish (statistics);
  return g_steal_pointer (&statistics);
}

/* The uuids on the server, then each case whole, with its documented
 * items: the digest leaves those out, but must know the names of those
 * who wrote them. */
static GPtrArray *
ls_pg_store_list_concluded_cases (LsStore *store,
                                  const LsStatisticsQuery *query,
                                  GError **error)
{
  LsPgStore *self = LS_PG_STORE (store);
  g_autofree char *units = dup_units (query);
  const char *params[] = { ls_statistics_query_get_from (query),
                           ls_statistics_query_get_to (query), units };
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (PGresult) rows = ls_pg_query (
      &self->reader,
      "SELECT uuid FROM (SELECT uuid, id, unit, "
      "substr (json::jsonb->'investigation'->>'concluded_on', 1, 10) "
      "COLLATE \"C\" AS concluded FROM cases) AS c "
      "WHERE concluded >= $1 AND concluded <= $2 "
      "AND ($3::text[] IS NULL OR unit = ANY ($3::text[])) "
      "ORDER BY concluded, id",
      3, params, error);

  if (rows == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (rows); i++)
    {
      LsCase *lcase = ls_pg_store_load_case_on (&self->reader, "uuid",
                                                PQgetvalue (rows, i, 0), error);

      if (lcase == NULL)
        return NULL;
      g_ptr_array_add (cases, lcase);
    }
  return g_steal_pointer (&cases);
}

void
ls_pg_store_class_init_statistics (LsStoreClass *klass)
{
  klass->compute_statistics = ls_pg_store_compute_statistics;
  klass->list_concluded_cases = ls_pg_store_list_concluded_cases;
}
