/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-digest-view.h"
#include "ls-organisation.h"
#include "ls-statistics.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_STATISTICS_VIEW (ls_statistics_view_get_type ())

G_DECLARE_FINAL_TYPE (
    LsStatisticsView, ls_statistics_view, LS, STATISTICS_VIEW, AdwWindow)

/* clang-format off */
LsStatisticsView *ls_statistics_view_new             (LsStore                 *store,
                                                      LsOrganisation          *organisation);
void              ls_statistics_view_set_query       (LsStatisticsView        *self,
                                                      const LsStatisticsQuery *query);
LsStatistics     *ls_statistics_view_get_statistics  (LsStatisticsView        *self);
gboolean          ls_statistics_view_get_loading     (LsStatisticsView        *self);
LsDigestView     *ls_statistics_view_get_digest_view (LsStatisticsView        *self);
void              ls_statistics_view_show_digest     (LsStatisticsView        *self,
                                                      gboolean                 digest);
/* clang-format on */

G_END_DECLS
