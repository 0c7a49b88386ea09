/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include "ls-dates.h"
#include "ls-statistics-private.h"
#include "ls-store-statistics.h"

/* The statistics and the digest's cases from a store: each backend counts
 * in its own way (LsStoreClass.compute_statistics), and one without such
 * queries has every case counted one by one; the async calls run it in a
 * worker. */

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
 * Counts the statistics of the cases the query covers.
 *
 * Returns: (transfer full) (nullable): the statistics, or %NULL with
 *   @error set
 */
LsStatistics *
ls_store_compute_statistics (LsStore *self,
                             const LsStatisticsQuery *query,
                             GError **error)
{
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (GPtrArray) cases = NULL;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (LS_STORE_GET_CLASS (self)->compute_statistics != NULL)
    return LS_STORE_GET_CLASS (self)->compute_statistics (self, query, error);
  organisation = ls_store_load_organisation (self, error);
  if (organisation == NULL)
    return NULL;
  cases = dup_all_cases (self, error);
  if (cases == NULL)
    return NULL;
  return ls_statistics_new_from_cases (query, cases, organisation);
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
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (LS_STORE_GET_CLASS (self)->list_concluded_cases != NULL)
    return LS_STORE_GET_CLASS (self)->list_concluded_cases (self, query, error);
  /* The digest takes the concluded ones of the period itself. */
  return dup_all_cases (self, error);
}

static void
compute_thread (GTask *task,
                gpointer source_object,
                gpointer task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  LsStatistics *statistics;

  if (g_task_return_error_if_cancelled (task))
    return;
  statistics = ls_store_compute_statistics (source_object, task_data, &error);
  if (statistics == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, statistics, g_object_unref);
}

void
ls_store_compute_statistics_async (LsStore *self,
                                   const LsStatisticsQuery *query,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_store_compute_statistics_async);
  g_task_set_task_data (task, ls_statistics_query_copy (query),
                        (GDestroyNotify) ls_statistics_query_free);
  g_task_run_in_thread (task, compute_thread);
}

LsStatistics *
ls_store_compute_statistics_finish (LsStore *self,
                                    GAsyncResult *result,
                                    GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_store_compute_statistics_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
