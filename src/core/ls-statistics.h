/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-people-register.h"

G_BEGIN_DECLS

/**
 * LsStatisticsTableId:
 * @LS_STATISTICS_BY_CATEGORY: reports by category of wrongdoing
 * @LS_STATISTICS_BY_KIND: reports by kind: wrongdoing or clear risk
 * @LS_STATISTICS_BY_UNIT: reports by unit
 * @LS_STATISTICS_BY_REPORTER: reports by category of reporter (2 kap. 1 §)
 * @LS_STATISTICS_BY_MONTH: reports per month of the period
 * @LS_STATISTICS_RATE: reports per 10 people who must report, only where
 *   their number is known
 * @LS_STATISTICS_TIME: days from a report to its concluded investigation
 * @LS_STATISTICS_NOTIFIED: the share of reports notified to IVO
 * @LS_STATISTICS_DUTIES: duties met on time or late
 * @LS_STATISTICS_CAUSES: causes by category
 * @LS_STATISTICS_ACTIONS: remedial and preventive actions followed up
 *
 * The tables of the statistics, in the order they are shown.
 */
typedef enum
{
  LS_STATISTICS_BY_CATEGORY,
  LS_STATISTICS_BY_KIND,
  LS_STATISTICS_BY_UNIT,
  LS_STATISTICS_BY_REPORTER,
  LS_STATISTICS_BY_MONTH,
  LS_STATISTICS_RATE,
  LS_STATISTICS_TIME,
  LS_STATISTICS_NOTIFIED,
  LS_STATISTICS_DUTIES,
  LS_STATISTICS_CAUSES,
  LS_STATISTICS_ACTIONS,
  LS_STATISTICS_N_TABLES
} LsStatisticsTableId;

/* The columns of the tables that have more than one. */
enum
{
  LS_STATISTICS_REPORTS = 0,
  LS_STATISTICS_SHARE = 1,
};
enum
{
  LS_STATISTICS_MONTH_REPORTS,
  LS_STATISTICS_MONTH_CLEAR_RISKS,
  LS_STATISTICS_MONTH_WRONGDOINGS,
};
enum
{
  LS_STATISTICS_RATE_REPORTS,
  LS_STATISTICS_RATE_PEOPLE,
  LS_STATISTICS_RATE_PER_10,
};
enum
{
  LS_STATISTICS_ON_TIME,
  LS_STATISTICS_LATE,
  LS_STATISTICS_NOT_YET_DUE,
};
enum
{
  LS_STATISTICS_CAUSES_CAUSES,
  LS_STATISTICS_CAUSES_CASES,
};
enum
{
  LS_STATISTICS_PREVENTIVE,
  LS_STATISTICS_REMEDIAL,
};

/**
 * LsStatisticsRow:
 * @key: the stable identifier of the row: a category's id, a unit's id, a
 *   month ("2026-03"), or a figure's name; "" for "not given"
 * @label: what the row is called, in the language of the app
 * @label_sv: what it is called in Swedish, for documents
 * @values: one value per column of the table
 *
 * One row of a table.  Read-only: the #LsStatistics owns it.
 */
typedef struct
{
  char *key;
  char *label;
  char *label_sv;
  double *values;
} LsStatisticsRow;

/**
 * LsStatisticsTable:
 * @id: which table
 * @key: its stable name, as in the CSV file's title rows
 * @title: its title, in the language of the app
 * @title_sv: its title in Swedish
 * @dimension: the heading of the rows' column, in the language of the app
 * @dimension_sv: the same in Swedish
 * @n_columns: how many values each row has
 * @columns: (array length=n_columns): the columns' headings
 * @columns_sv: (array length=n_columns): the same in Swedish
 * @over_time: whether the rows are months, shown as lines, not bars
 * @rows: (element-type LsStatisticsRow): the rows, in the order shown
 *
 * One table of the statistics.  Read-only: the #LsStatistics owns it.
 */
typedef struct
{
  LsStatisticsTableId id;
  const char *key;
  const char *title;
  const char *title_sv;
  const char *dimension;
  const char *dimension_sv;
  guint n_columns;
  const char *const *columns;
  const char *const *columns_sv;
  gboolean over_time;
  GPtrArray *rows;
} LsStatisticsTable;

/**
 * LsStatisticsDay:
 * @LS_STATISTICS_DAY_RECEIVED: the day the report was received
 * @LS_STATISTICS_DAY_CONCLUDED: the day the investigation was concluded
 *
 * Which day of a case a period is matched against.
 */
typedef enum
{
  LS_STATISTICS_DAY_RECEIVED,
  LS_STATISTICS_DAY_CONCLUDED,
} LsStatisticsDay;

/**
 * LsStatisticsQuery:
 *
 * Which cases the statistics cover: the reports received from @from to @to
 * (days, both included), of the units listed (all when none is), with
 * the number of people who must report where it is known, judged on the
 * day @today.
 */
typedef struct _LsStatisticsQuery LsStatisticsQuery;

#define LS_TYPE_STATISTICS_QUERY (ls_statistics_query_get_type ())
#define LS_TYPE_STATISTICS (ls_statistics_get_type ())

G_DECLARE_FINAL_TYPE (LsStatistics, ls_statistics, LS, STATISTICS, GObject)

#define LS_STATISTICS_ERROR (ls_statistics_error_quark ())

typedef enum
{
  LS_STATISTICS_ERROR_PERIOD,
  LS_STATISTICS_ERROR_WRITE,
} LsStatisticsError;

/* clang-format off */
GQuark                   ls_statistics_error_quark        (void);
GType                    ls_statistics_query_get_type     (void);
LsStatisticsQuery       *ls_statistics_query_new          (const char              *from,
                                                           const char              *to,
                                                           GError                 **error);
LsStatisticsQuery       *ls_statistics_query_new_month    (int                      year,
                                                           int                      month);
LsStatisticsQuery       *ls_statistics_query_new_quarter  (int                      year,
                                                           int                      quarter);
LsStatisticsQuery       *ls_statistics_query_new_year     (int                      year);
LsStatisticsQuery       *ls_statistics_query_copy         (const LsStatisticsQuery *query);
void                     ls_statistics_query_free         (LsStatisticsQuery       *query);
const char              *ls_statistics_query_get_from     (const LsStatisticsQuery *query);
const char              *ls_statistics_query_get_to       (const LsStatisticsQuery *query);
void                     ls_statistics_query_set_units    (LsStatisticsQuery       *query,
                                                           const char * const      *units);
const char * const      *ls_statistics_query_get_units    (const LsStatisticsQuery *query);
gboolean                 ls_statistics_query_has_unit     (const LsStatisticsQuery *query,
                                                           const char              *unit);
void                     ls_statistics_query_set_obliged  (LsStatisticsQuery       *query,
                                                           const char              *unit,
                                                           guint                    n_people);
gboolean                 ls_statistics_query_has_obliged  (const LsStatisticsQuery *query);
void                     ls_statistics_query_count_obliged (LsStatisticsQuery      *query,
                                                           LsPeopleRegister        *register_);
gboolean                 ls_statistics_query_selects      (const LsStatisticsQuery *query,
                                                           LsCase                  *lcase,
                                                           LsStatisticsDay          by);
void                     ls_statistics_query_set_today    (LsStatisticsQuery       *query,
                                                           const char              *today);
const char              *ls_statistics_query_get_today    (const LsStatisticsQuery *query);
char                    *ls_statistics_query_dup_label    (const LsStatisticsQuery *query);

LsStatistics            *ls_statistics_new_from_cases     (const LsStatisticsQuery *query,
                                                           GPtrArray               *cases,
                                                           LsOrganisation          *organisation);
const LsStatisticsQuery *ls_statistics_get_query          (LsStatistics            *self);
guint                    ls_statistics_get_n_cases        (LsStatistics            *self);
guint                    ls_statistics_get_n_tables       (LsStatistics            *self);
const LsStatisticsTable *ls_statistics_get_table          (LsStatistics            *self,
                                                           guint                    index);
const LsStatisticsTable *ls_statistics_lookup_table       (LsStatistics            *self,
                                                           LsStatisticsTableId      id);
double                   ls_statistics_get_value          (LsStatistics            *self,
                                                           LsStatisticsTableId      id,
                                                           const char              *row_key,
                                                           guint                    column);
char                    *ls_statistics_format_value       (double                   value);
char                    *ls_statistics_dup_csv            (LsStatistics            *self);
gboolean                 ls_statistics_write_csv          (LsStatistics            *self,
                                                           GFile                   *file,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);
void                     ls_statistics_write_csv_async    (LsStatistics            *self,
                                                           GFile                   *file,
                                                           GCancellable            *cancellable,
                                                           GAsyncReadyCallback      callback,
                                                           gpointer                 user_data);
gboolean                 ls_statistics_write_csv_finish   (LsStatistics            *self,
                                                           GAsyncResult            *result,
                                                           GError                 **error);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsStatisticsQuery, ls_statistics_query_free)

G_END_DECLS
