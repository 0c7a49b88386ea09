/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include "ls-store-statistics.h"

/* The statistics and the digest's cases from a store: each backend counts
 * in its own way (LsStoreClass.compute_statistics); the async calls run
 * it in a worker. */

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
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (LS_STORE_GET_CLASS (self)->compute_statistics, NULL);

  return LS_STORE_GET_CLASS (self)->compute_statistics (self, query, error);
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
  g_return_val_if_fail (LS_STORE_GET_CLASS (self)->list_concluded_cases, NULL);

  return LS_STORE_GET_CLASS (self)->list_concluded_cases (self, query, error);
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
