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
/* One group of reports as a backend's GROUP BY counts them: @n reports
 * of one month, kind, unit, category and reporter category, with the
 * same days to their conclusion (@days when @has_days), notified or not,
 * and the same judgement of the finished investigation's duty. */
typedef struct
{
  const char *month;
  const char *kind;
  const char *unit;
  const char *category;
  const char *reporter;
  gboolean has_days;
  int days;
  gboolean notified;
  LsDuty sent;
  gint64 n;
} LsStatisticsGroup;

/* One group of actions: @n actions with the same judgements of their
 * duties; @counts are actions, followed up, helped, not helped, and
 * individual asked. */
typedef struct
{
  gint64 counts[5];
  LsDuty done;
  LsDuty followed_up;
  gint64 n;
} LsStatisticsActionGroup;

void          ls_statistics_add_group  (LsStatistics            *self,
                                        const LsStatisticsGroup *group);
void          ls_statistics_add_action_group (LsStatistics      *self,
                                        guint                    column,
                                        const LsStatisticsActionGroup *group);
char         *ls_statistics_dup_day_after (const char           *day);
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
