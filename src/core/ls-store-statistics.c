/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include "ls-dates.h"
#include "ls-follow-ups.h"
#include "ls-statistics-private.h"
#include "ls-store-statistics.h"

/* The statistics, the digest's cases and the follow-ups due from a store:
 * each backend selects in its own way (LsStoreClass.compute_statistics,
 * list_concluded_cases, list_follow_up_cases), and one without such
 * queries has every case read and chosen one by one; their async calls,
 * in ls-store-async.c, run them in a worker. */

/* For a backend without queries of its own: every case, read from the
 * store's export, and counted one by one. */
static GPtrArray *
dup_all_cases (LsStore *self, GError **error)
{
  g_autoptr (JsonNode) document = ls_store_export_document (self, error);
  g_autoptr (GPtrArray) cases = NULL;
  JsonArray *array;

  if (document == NULL)
    return NULL;
  array =
      json_object_get_array_member (json_node_get_object (document), "cases");
  cases = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      LsCase *lcase = ls_case_new_from_json (
          json_array_get_object_element (array, i), NULL, error);

      if (lcase == NULL)
        return NULL;
      g_ptr_array_add (cases, lcase);
    }
  return g_steal_pointer (&cases);
}

/**
 * ls_store_compute_statistics:
 *
 * Counts the statistics of the cases the query covers; the number of
 * people who must report, for the rate per 10 of them, is counted from
 * the store's register (ls_statistics_query_count_obliged()) unless the
 * query gives it.
 *
 * Returns: (transfer full) (nullable): the statistics, or %NULL with
 *   @error set
 */
LsStatistics *
ls_store_compute_statistics (LsStore *self,
                             const LsStatisticsQuery *query,
                             GError **error)
{
  g_autoptr (LsStatisticsQuery) counted = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (GPtrArray) cases = NULL;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* The register says how many must report, unless the caller did. */
  counted = ls_statistics_query_copy (query);
  if (!ls_statistics_query_has_obliged (counted))
    {
      g_autoptr (LsPeopleRegister) register_ =
          ls_store_load_people (self, error);

      if (register_ == NULL)
        return NULL;
      ls_statistics_query_count_obliged (counted, register_);
    }

  if (LS_STORE_GET_CLASS (self)->compute_statistics != NULL)
    return LS_STORE_GET_CLASS (self)->compute_statistics (self, counted, error);
  organisation = ls_store_load_organisation (self, error);
  if (organisation == NULL)
    return NULL;
  cases = dup_all_cases (self, error);
  if (cases == NULL)
    return NULL;
  return ls_statistics_new_from_cases (counted, cases, organisation);
}

static int
compare_concluded (gconstpointer a, gconstpointer b)
{
  LsCase *case_a = *(LsCase **) a;
  LsCase *case_b = *(LsCase **) b;

  return ls_dates_compare (
      ls_investigation_get_concluded_on (ls_case_get_investigation (case_a)),
      ls_investigation_get_concluded_on (ls_case_get_investigation (case_b)));
}

/**
 * ls_store_list_concluded_cases:
 *
 * Lists the cases of the query's units whose investigation was concluded
 * within its period, for the learning digest.
 *
 * Returns: (transfer full) (element-type LsCase) (nullable): the cases in
 *   the order of their conclusion, or %NULL with @error set
 */
GPtrArray *
ls_store_list_concluded_cases (LsStore *self,
                               const LsStatisticsQuery *query,
                               GError **error)
{
  g_autoptr (GPtrArray) cases = NULL;
  GPtrArray *concluded;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (LS_STORE_GET_CLASS (self)->list_concluded_cases != NULL)
    return LS_STORE_GET_CLASS (self)->list_concluded_cases (self, query, error);
  cases = dup_all_cases (self, error);
  if (cases == NULL)
    return NULL;
  concluded = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < cases->len; i++)
    if (ls_statistics_query_selects (query, cases->pdata[i],
                                     LS_STATISTICS_DAY_CONCLUDED))
      g_ptr_array_add (concluded, g_object_ref (cases->pdata[i]));
  g_ptr_array_sort (concluded, compare_concluded);
  return concluded;
}

/**
 * ls_store_list_follow_ups:
 * @units: (nullable) (array zero-terminated=1): only the cases of these
 *   units, or %NULL for all
 * @today: (nullable): the day that tells what is overdue, "YYYY-MM-DD",
 *   or %NULL for the clock's
 *
 * Every remedial and preventive action across the cases, closed ones
 * included, whose follow-up of the effect for the individual is planned
 * and not yet evaluated (IVO's third finding).
 *
 * Returns: (transfer full) (element-type LsFollowUp) (nullable): the
 *   follow-ups, the earliest first, or %NULL with @error set
 */
GPtrArray *
ls_store_list_follow_ups (LsStore *self,
                          const char *const *units,
                          const char *today,
                          GError **error)
{
  g_autoptr (GPtrArray) cases = NULL;
  g_autofree char *clock_day = NULL;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  if (today == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      today = clock_day = g_date_time_format (now, "%Y-%m-%d");
    }
  /* A backend may give more cases than those with a follow-up open: each
   * is judged whole here, as the case view judges it. */
  if (LS_STORE_GET_CLASS (self)->list_follow_up_cases != NULL)
    cases =
        LS_STORE_GET_CLASS (self)->list_follow_up_cases (self, units, error);
  else
    cases = dup_all_cases (self, error);
  if (cases == NULL)
    return NULL;
  return ls_follow_ups_list_open (cases, today, units);
}

/* ---- What the backends' GROUP BY queries count --------------------------- */

static void
add_duty (LsStatistics *self, const char *figure, LsDuty duty, gint64 n)
{
  if (duty != LS_DUTY_NONE)
    ls_statistics_add (self, LS_STATISTICS_DUTIES, figure, duty, n);
}

/**
 * ls_statistics_add_group:
 *
 * Counts one group of reports into every table of one row per report.
 */
void
ls_statistics_add_group (LsStatistics *self, const LsStatisticsGroup *group)
{
  gint64 n = group->n;

  ls_statistics_add_cases (self, n);
  ls_statistics_add (self, LS_STATISTICS_BY_KIND, group->kind,
                     LS_STATISTICS_REPORTS, n);
  ls_statistics_add (self, LS_STATISTICS_BY_MONTH, group->month,
                     LS_STATISTICS_MONTH_REPORTS, n);
  if (g_str_equal (group->kind, "clear-risk"))
    ls_statistics_add (self, LS_STATISTICS_BY_MONTH, group->month,
                       LS_STATISTICS_MONTH_CLEAR_RISKS, n);
  else if (g_str_equal (group->kind, "wrongdoing"))
    ls_statistics_add (self, LS_STATISTICS_BY_MONTH, group->month,
                       LS_STATISTICS_MONTH_WRONGDOINGS, n);
  ls_statistics_add (self, LS_STATISTICS_BY_UNIT, group->unit, 0, n);
  ls_statistics_add (self, LS_STATISTICS_BY_CATEGORY, group->category, 0, n);
  ls_statistics_add (self, LS_STATISTICS_BY_REPORTER, group->reporter, 0, n);
  if (group->has_days)
    for (gint64 i = 0; i < n; i++)
      ls_statistics_add_days (self, group->days);
  if (group->notified)
    ls_statistics_add (self, LS_STATISTICS_NOTIFIED, "notified", 0, n);
  add_duty (self, "investigation-sent", group->sent, n);
}

/**
 * ls_statistics_add_action_group:
 * @column: %LS_STATISTICS_PREVENTIVE or %LS_STATISTICS_REMEDIAL
 */
void
ls_statistics_add_action_group (LsStatistics *self,
                                guint column,
                                const LsStatisticsActionGroup *group)
{
  static const char *const figures[] = {
    "actions", "followed-up", "helped", "not-helped", "individual-asked",
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    ls_statistics_add (self, LS_STATISTICS_ACTIONS, figures[i], column,
                       group->counts[i]);
  add_duty (self, "actions-done", group->done, group->n);
  add_duty (self, "follow-ups", group->followed_up, group->n);
}

/**
 * ls_statistics_dup_day_after:
 *
 * Returns: (nullable): the day after @day, the bound a period's last day
 *   is compared with (a received time may hold a time of day)
 */
char *
ls_statistics_dup_day_after (const char *day)
{
  GDate date;

  if (!ls_dates_get_day (day, &date))
    return NULL;
  g_date_add_days (&date, 1);
  return ls_dates_format_day (&date);
}
