/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-statistics.h"
#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
LsStatistics *ls_store_compute_statistics        (LsStore                 *self,
                                                  const LsStatisticsQuery *query,
                                                  GError                 **error);
void          ls_store_compute_statistics_async  (LsStore                 *self,
                                                  const LsStatisticsQuery *query,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
LsStatistics *ls_store_compute_statistics_finish (LsStore                 *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error);
GPtrArray    *ls_store_list_concluded_cases      (LsStore                 *self,
                                                  const LsStatisticsQuery *query,
                                                  GError                 **error);
GPtrArray    *ls_store_list_follow_ups           (LsStore                 *self,
                                                  const char *const       *units,
                                                  const char              *today,
                                                  GError                 **error);
void          ls_store_list_follow_ups_async     (LsStore                 *self,
                                                  const char *const       *units,
                                                  const char              *today,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
GPtrArray    *ls_store_list_follow_ups_finish    (LsStore                 *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error);
/* clang-format on */

G_END_DECLS
