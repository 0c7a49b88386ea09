/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-statistics.h"

G_BEGIN_DECLS

/* How the statistics are put together, by the store from GROUP BY rows and
 * by ls_statistics_new_from_cases() from cases: both add counts, and
 * ls_statistics_finish() orders the rows, names them and works out the
 * shares, medians and rates from the counts, so that the two can only
 * differ in what they count. */

/* Whether a duty with a deadline was met. */
typedef enum
{
  LS_DUTY_NONE = -1,
  LS_DUTY_ON_TIME = LS_STATISTICS_ON_TIME,
  LS_DUTY_LATE = LS_STATISTICS_LATE,
  LS_DUTY_NOT_YET_DUE = LS_STATISTICS_NOT_YET_DUE,
} LsDuty;

/* clang-format off */
LsStatistics *ls_statistics_begin      (const LsStatisticsQuery *query,
                                        LsOrganisation          *organisation);
void          ls_statistics_add        (LsStatistics            *self,
                                        LsStatisticsTableId      id,
                                        const char              *row_key,
                                        guint                    column,
                                        double                   amount);
void          ls_statistics_add_cases  (LsStatistics            *self,
                                        guint                    n_cases);
void          ls_statistics_add_days   (LsStatistics            *self,
                                        int                      days);
void          ls_statistics_finish     (LsStatistics            *self);
LsDuty        ls_statistics_judge_duty (const char              *due,
                                        gboolean                 done,
                                        const char              *done_on,
                                        const char              *today);
/* clang-format on */

G_END_DECLS
