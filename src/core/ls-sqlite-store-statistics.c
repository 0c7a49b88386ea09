/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-case.h"
#include "ls-dates.h"
#include "ls-sqlite-store-private.h"
#include "ls-statistics-private.h"

/* The statistics as SQL: GROUP BY over the cases table's columns and the
 * case's JSON, so that 100,000 cases are counted without loading one.
 * Each query counts what ls_statistics_new_from_cases() counts case by
 * case, which the tests hold them to. */

/* The reports the statistics cover: received within the period (the day
 * after the last is bound, as received_at may hold a time), of the units
 * asked for, not drafts. */
#define COUNTED                                                                \
  "WITH counted AS (SELECT id, json, unit, kind, received_at FROM cases "      \
  "  WHERE status <> 'draft' AND received_at >= ?1 AND received_at < ?2 "      \
  "  AND (?3 IS NULL OR unit IN (SELECT value FROM json_each (?3)))) "

/* Whether a duty was met, as ls_statistics_judge_duty() judges it: 0 on
 * time, 1 late, 2 not yet due, NULL when it has no day; ?4 is today. */
#define DUTY(due, done, done_on)                                               \
  "CASE WHEN (" due ") IS NULL THEN NULL WHEN (" done ") THEN "                \
  "(CASE WHEN substr (" done_on ", 1, 10) > (" due ") THEN 1 ELSE 0 END) "     \
  "WHEN ?4 > (" due ") THEN 1 ELSE 2 END"

/* The day two months after the notification, clamped to the end of a
 * shorter month as ls_dates_add_months() does (SQLite's own "+2 months"
 * runs over into the next month). */
#define INVESTIGATION_DUE(day)                                                 \
  "min (date (" day ", '+2 months'), "                                         \
  "date (" day ", 'start of month', '+3 months', '-1 day'))"

/* Everything counted once per report, in one pass: the JSON of each case
 * is parsed once (SQLite keeps the parse for the row's json_extract
 * calls), and the groups are few even for 100,000 cases.  Columns: month,
 * kind, unit, category, reporter, days to the conclusion (or NULL),
 * notified, the duty of the finished investigation (DUTY), count. */
static const char cases_sql[] = COUNTED
    "SELECT month, kind, unit, category, reporter, days, due IS NOT "
    "NULL, " DUTY (
        "due",
        "sent IS NOT NULL",
        "sent") ", count (*) "
                "FROM (SELECT substr (received_at, 1, 7) AS month, "
                "  coalesce (kind, '') AS kind, coalesce (unit, '') AS unit, "
                "  coalesce (json_extract (json, '$.report.category'), '') AS "
                "category, "
                "  coalesce (json_extract (json, "
                "'$.report.reporter_category'), '') "
                "    AS reporter, "
                "  CAST (julianday (substr (json_extract (json, "
                "    '$.investigation.concluded_on'), 1, 10)) - julianday "
                "(substr ("
                "    received_at, 1, 10)) AS INTEGER) AS days, "
                "  " INVESTIGATION_DUE ("substr (json_extract (json, "
                                        "'$.notification.submitted_on'), 1, "
                                        "10)") " AS due, "
                                               "  json_extract (json, "
                                               "'$.notification.investigation_"
                                               "sent_on') AS sent "
                                               "  FROM counted) "
                                               "GROUP BY 1, 2, 3, 4, 5, 6, 7, "
                                               "8";

static const char causes_sql[] =
    COUNTED "SELECT coalesce (json_extract (cause.value, '$.category'), ''), "
            "count (*), count (DISTINCT counted.id) FROM counted, "
            "json_each (counted.json, '$.investigation.causes') AS cause "
            "GROUP BY 1";

/* ?5 is the path of the list of actions. */
static const char actions_sql[] = COUNTED
    "SELECT count (*), sum (evaluated), sum (outcome = 'helped'), "
    "sum (outcome = 'not-helped'), sum (asked), " DUTY (
        "substr (due_on, 1, 10)",
        "status = 'done'",
        "taken_at") ", " DUTY ("substr (follow_up_on, 1, 10)",
                               "evaluated",
                               "evaluated_on") " "
                                               "FROM (SELECT json_extract "
                                               "(action.value, '$.due_on') AS "
                                               "due_on, "
                                               "  json_extract (action.value, "
                                               "'$.status') AS status, "
                                               "  json_extract (action.value, "
                                               "'$.taken_at') AS taken_at, "
                                               "  json_extract (action.value, "
                                               "'$.follow_up_on') AS "
                                               "follow_up_on, "
                                               "  json_extract (action.value, "
                                               "'$.evaluated_on') AS "
                                               "evaluated_on, "
                                               "  json_extract (action.value, "
                                               "'$.outcome') AS outcome, "
                                               "  coalesce (json_extract "
                                               "(action.value, "
                                               "'$.individual_asked'), 0) "
                                               "    AS asked, "
                                               "  (json_extract (action.value, "
                                               "'$.evaluated_on') IS NOT NULL "
                                               "OR "
                                               "   json_extract (action.value, "
                                               "'$.effect') IS NOT NULL) AS "
                                               "evaluated "
                                               "  FROM counted, json_each "
                                               "(counted.json, ?5) AS action) "
                                               "GROUP BY 6, 7";

typedef struct
{
  sqlite3 *db;
  const LsStatisticsQuery *query;
  char *to_next; /* the day after the last */
  char *units;   /* JSON array, or NULL for all */
  LsStatistics *statistics;
} Run;

static void
set_error (Run *run, GError **error)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
               _ ("The statistics could not be counted: %s"),
               sqlite3_errmsg (run->db));
}

static char *
dup_units_json (const char *const *units)
{
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;

  if (units == NULL)
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; units[i] != NULL; i++)
    json_builder_add_string_value (builder, units[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Ends a query that stepped until @rc. */
static gboolean
finish_query (Run *run, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (run, error);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (Run *run, const char *sql, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (run->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error (run, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, ls_statistics_query_get_from (run->query), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, run->to_next, -1, SQLITE_TRANSIENT);
  if (run->units != NULL)
    sqlite3_bind_text (stmt, 3, run->units, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_text (stmt, 4, ls_statistics_query_get_today (run->query), -1,
                       SQLITE_TRANSIENT);
  if (path != NULL)
    sqlite3_bind_text (stmt, 5, path, -1, SQLITE_STATIC);
  return stmt;
}

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static LsDuty
column_duty (sqlite3_stmt *stmt, int column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return LS_DUTY_NONE;
  return sqlite3_column_int (stmt, column);
}

/* The tables of one row per report, from the groups of cases_sql. */
static void
add_case_group (Run *run, sqlite3_stmt *stmt)
{
  LsStatisticsGroup group = {
    column_text (stmt, 0),        column_text (stmt, 1),
    column_text (stmt, 2),        column_text (stmt, 3),
    column_text (stmt, 4),        sqlite3_column_type (stmt, 5) != SQLITE_NULL,
    sqlite3_column_int (stmt, 5), sqlite3_column_int (stmt, 6),
    column_duty (stmt, 7),        sqlite3_column_int64 (stmt, 8),
  };

  ls_statistics_add_group (run->statistics, &group);
}

static gboolean
count_cases (Run *run, GError **error)
{
  sqlite3_stmt *stmt = prepare (run, cases_sql, NULL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_case_group (run, stmt);
  return finish_query (run, stmt, rc, error);
}

static gboolean
count_causes (Run *run, GError **error)
{
  sqlite3_stmt *stmt = prepare (run, causes_sql, NULL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *category = column_text (stmt, 0);

      ls_statistics_add (run->statistics, LS_STATISTICS_CAUSES, category,
                         LS_STATISTICS_CAUSES_CAUSES,
                         sqlite3_column_int64 (stmt, 1));
      ls_statistics_add (run->statistics, LS_STATISTICS_CAUSES, category,
                         LS_STATISTICS_CAUSES_CASES,
                         sqlite3_column_int64 (stmt, 2));
    }
  return finish_query (run, stmt, rc, error);
}

static gboolean
count_actions (Run *run, const char *path, guint column, GError **error)
{
  sqlite3_stmt *stmt = prepare (run, actions_sql, path, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LsStatisticsActionGroup group = { { 0 },
                                        column_duty (stmt, 5),
                                        column_duty (stmt, 6),
                                        sqlite3_column_int64 (stmt, 0) };

      for (guint i = 0; i < G_N_ELEMENTS (group.counts); i++)
        group.counts[i] = sqlite3_column_int64 (stmt, (int) i);
      ls_statistics_add_action_group (run->statistics, column, &group);
    }
  return finish_query (run, stmt, rc, error);
}

/* The store's compute_statistics, on the reader: counting 100,000 cases
 * never waits for a save. */
LsStatistics *
ls_sqlite_store_compute_statistics (LsStore *store,
                                    const LsStatisticsQuery *query,
                                    GError **error)
{
  LsSqliteStore *self = LS_SQLITE_STORE (store);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsStatistics) statistics = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;
  g_autofree char *to_next = NULL;
  g_autofree char *units = NULL;
  gboolean ok;
  Run run;

  locker = g_rec_mutex_locker_new (&self->reader.mutex);
  organisation = ls_sqlite_store_load_organisation_on (&self->reader, error);
  if (organisation == NULL)
    return NULL;
  statistics = ls_statistics_begin (query, organisation);
  to_next = ls_statistics_dup_day_after (ls_statistics_query_get_to (query));
  units = dup_units_json (ls_statistics_query_get_units (query));
  run = (Run){ self->reader.db, ls_statistics_get_query (statistics), to_next,
               units, statistics };

  /* One read transaction, so that a save from another thread or program
   * in between cannot make the tables disagree. */
  sqlite3_exec (run.db, "BEGIN", NULL, NULL, NULL);
  ok = count_cases (&run, error) && count_causes (&run, error) &&
       count_actions (&run, "$.investigation.preventive_actions",
                      LS_STATISTICS_PREVENTIVE, error) &&
       count_actions (&run, "$.investigation.remedial_actions",
                      LS_STATISTICS_REMEDIAL, error);
  sqlite3_exec (run.db, "COMMIT", NULL, NULL, NULL);

  if (!ok)
    return NULL;
  ls_statistics_finish (statistics);
  return g_steal_pointer (&statistics);
}

/* The uuids that @sql selects on the reader, its parameters 1 and 2 bound
 * to @from and @to (when given) and 3 to @units, a JSON array or NULL;
 * NULL with the reader's message in @message when it failed. */
static GPtrArray *
select_uuids (LsSqliteStore *self,
              const char *sql,
              const char *from,
              const char *to,
              const char *units,
              char **message)
{
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->reader.mutex);
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->reader.db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      if (from != NULL)
        sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      if (to != NULL)
        sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      if (units != NULL)
        sqlite3_bind_text (stmt, 3, units, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (
            uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  if (rc != SQLITE_DONE)
    *message = g_strdup (sqlite3_errmsg (self->reader.db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&uuids) : NULL;
}

/* Each case of @uuids whole, with its documented items: the digest
 * leaves those out, but must know the names of those who wrote them. */
static GPtrArray *
load_cases (LsStore *store, GPtrArray *uuids, GError **error)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < uuids->len; i++)
    {
      LsCase *lcase =
          ls_store_load_case (store, g_ptr_array_index (uuids, i), error);

      if (lcase == NULL)
        return NULL;
      g_ptr_array_add (cases, lcase);
    }
  return g_steal_pointer (&cases);
}

/* The store's list_concluded_cases: the uuids on the reader, then each
 * case whole; by the day of the conclusion, then as they were stored, as
 * on PostgreSQL, so that cases concluded on one day keep their order. */
GPtrArray *
ls_sqlite_store_list_concluded_cases (LsStore *store,
                                      const LsStatisticsQuery *query,
                                      GError **error)
{
  static const char sql[] =
      "SELECT uuid FROM (SELECT uuid, id, substr (json_extract (json, "
      "'$.investigation.concluded_on'), 1, 10) AS concluded, unit "
      "FROM cases) WHERE concluded >= ?1 AND concluded <= ?2 "
      "AND (?3 IS NULL OR unit IN (SELECT value FROM json_each (?3))) "
      "ORDER BY concluded, id";
  g_autofree char *units =
      dup_units_json (ls_statistics_query_get_units (query));
  g_autofree char *message = NULL;
  g_autoptr (GPtrArray) uuids = select_uuids (
      LS_SQLITE_STORE (store), sql, ls_statistics_query_get_from (query),
      ls_statistics_query_get_to (query), units, &message);

  if (uuids == NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                   _ ("The concluded cases could not be read: %s"), message);
      return NULL;
    }
  return load_cases (store, uuids, error);
}

/* The store's list_follow_up_cases: the cases of @units with an action
 * whose follow-up is planned and whose evaluation has no day; the caller
 * judges them whole (an older document's written effect counts as one). */
GPtrArray *
ls_sqlite_store_list_follow_up_cases (LsStore *store,
                                      const char *const *units,
                                      GError **error)
{
#define OPEN_IN(list)                                                          \
  "SELECT 1 FROM json_each (cases.json, '$.investigation." list "') AS a "     \
  "WHERE json_extract (a.value, '$.follow_up_on') IS NOT NULL "                \
  "AND json_extract (a.value, '$.evaluated_on') IS NULL"
  static const char sql[] =
      "SELECT uuid FROM cases WHERE (?3 IS NULL OR unit IN "
      "(SELECT value FROM json_each (?3))) AND EXISTS (" OPEN_IN (
          "remedial_actions") " UNION ALL " OPEN_IN ("preventive_actions") ")";
#undef OPEN_IN
  g_autofree char *units_json = dup_units_json (units);
  g_autofree char *message = NULL;
  g_autoptr (GPtrArray) uuids = select_uuids (LS_SQLITE_STORE (store), sql,
                                              NULL, NULL, units_json, &message);

  if (uuids == NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                   _ ("The follow-ups could not be read: %s"), message);
      return NULL;
    }
  return load_cases (store, uuids, error);
}
