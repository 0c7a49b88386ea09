/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-similar"

#include "config.h"

#include "ls-case-summary.h"
#include "ls-enum-types.h"
#include "ls-store.h"

/* Earlier cases like this one, for point 6 of 5 kap. 2 §, off the main
 * loop: the store's similar search, and every linked case the search
 * does not rank high any more, so that a link is never dropped unseen. */

typedef struct
{
  char *uuid;
  GStrv linked;
  guint limit;
} SimilarQuery;

static void
similar_query_free (SimilarQuery *query)
{
  g_free (query->uuid);
  g_strfreev (query->linked);
  g_free (query);
}

static gboolean
summaries_have (GPtrArray *rows, const char *uuid)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (ls_case_summary_get_uuid (g_ptr_array_index (rows, i)),
                   uuid) == 0)
      return TRUE;
  return FALSE;
}

static LsCaseSummary *
summarise (LsCase *lcase)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (LS_TYPE_CASE_STATUS);
  GEnumValue *status = g_enum_get_value (klass, ls_case_get_status (lcase));
  g_autofree char *title = ls_case_dup_title (lcase);

  return ls_case_summary_new (
      ls_case_get_uuid (lcase), ls_case_get_regno (lcase),
      status != NULL ? status->value_nick : NULL, NULL, NULL, title,
      ls_report_get_received_at (ls_case_get_report (lcase)), NULL, NULL);
}

static void
similar_thread (GTask *task,
                gpointer source_object,
                gpointer task_data,
                GCancellable *cancellable)
{
  SimilarQuery *query = task_data;
  LsStore *store = source_object;
  GError *error = NULL;
  GPtrArray *rows;

  rows = ls_store_find_similar_cases (store, query->uuid, query->limit, &error);
  if (rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; query->linked != NULL && query->linked[i] != NULL; i++)
    {
      g_autoptr (LsCase) linked = NULL;

      if (summaries_have (rows, query->linked[i]))
        continue;
      linked = ls_store_load_case (store, query->linked[i], NULL);
      if (linked != NULL)
        g_ptr_array_add (rows, summarise (linked));
    }
  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ls_store_find_similar_cases_async:
 * @case_uuid: the case to compare with
 * @linked: (nullable) (array zero-terminated=1): the cases linked to it
 *   already
 * @limit: how many cases the search ranks at most
 *
 * Finds what ls_store_find_similar_cases() finds, and the cases of
 * @linked it does not, in a thread.
 */
void
ls_store_find_similar_cases_async (LsStore *self,
                                   const char *case_uuid,
                                   const char *const *linked,
                                   guint limit,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  SimilarQuery *query;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (case_uuid != NULL);

  query = g_new0 (SimilarQuery, 1);
  query->uuid = g_strdup (case_uuid);
  query->linked = g_strdupv ((char **) linked);
  query->limit = limit;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_store_find_similar_cases_async);
  g_task_set_task_data (task, query, (GDestroyNotify) similar_query_free);
  g_task_run_in_thread (task, similar_thread);
}

/**
 * ls_store_find_similar_cases_finish:
 *
 * Returns: (transfer full) (element-type LsCaseSummary): the similar cases,
 *   the most similar first, then the linked ones the search left out
 */
GPtrArray *
ls_store_find_similar_cases_finish (LsStore *self,
                                    GAsyncResult *result,
                                    GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_store_find_similar_cases_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
