/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-statistics"

#include "config.h"

#include "ls-action.h"
#include "ls-case.h"
#include "ls-cause.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-law.h"
#include "ls-names.h"
#include "ls-statistics-private.h"

/* The statistics counted case by case: the reference that the store's SQL
 * (ls-store-statistics.c) is tested against, and the statistics of cases
 * that are not in a store. */

static const char *
nick_or_empty (GType type, int value)
{
  const LsChoice *choice = ls_names_find (type, value);

  return choice != NULL && choice->id != NULL ? choice->id : "";
}

/**
 * ls_statistics_query_selects:
 * @lcase: a case
 * @by: which of the case's days the period is matched against
 *
 * The one choice of cases by period and units, for the statistics (the
 * reports received in the period), the learning digest and a store
 * without queries of its own (the cases concluded in it).
 *
 * Returns: whether @lcase is of the query's units and its day @by lies
 *   within the period; a draft is never received, a case without a
 *   conclusion never concluded
 */
gboolean
ls_statistics_query_selects (const LsStatisticsQuery *query,
                             LsCase *lcase,
                             LsStatisticsDay by)
{
  const char *day = NULL;
  GDate when, from, to;

  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (LS_IS_CASE (lcase), FALSE);

  switch (by)
    {
    case LS_STATISTICS_DAY_RECEIVED:
      if (ls_case_get_status (lcase) == LS_CASE_STATUS_DRAFT)
        return FALSE;
      day = ls_report_get_received_at (ls_case_get_report (lcase));
      break;
    case LS_STATISTICS_DAY_CONCLUDED:
      if (ls_investigation_get_conclusion (ls_case_get_investigation (lcase)) ==
          NULL)
        return FALSE;
      day =
          ls_investigation_get_concluded_on (ls_case_get_investigation (lcase));
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ls_dates_get_day (day, &when))
    return FALSE;
  ls_dates_get_day (ls_statistics_query_get_from (query), &from);
  ls_dates_get_day (ls_statistics_query_get_to (query), &to);
  if (g_date_compare (&when, &from) < 0 || g_date_compare (&when, &to) > 0)
    return FALSE;
  return ls_statistics_query_has_unit (query, ls_case_get_unit_id (lcase));
}

static void
add_duty (LsStatistics *self, const char *figure, LsDuty duty)
{
  if (duty != LS_DUTY_NONE)
    ls_statistics_add (self, LS_STATISTICS_DUTIES, figure, duty, 1);
}

static void
add_actions (LsStatistics *self, GListModel *actions, guint column)
{
  const char *today =
      ls_statistics_query_get_today (ls_statistics_get_query (self));

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (LsAction) action = g_list_model_get_item (actions, i);
      LsEffectOutcome outcome = ls_action_get_outcome (action);

      ls_statistics_add (self, LS_STATISTICS_ACTIONS, "actions", column, 1);
      if (ls_action_is_evaluated (action))
        ls_statistics_add (self, LS_STATISTICS_ACTIONS, "followed-up", column,
                           1);
      if (outcome == LS_EFFECT_OUTCOME_HELPED)
        ls_statistics_add (self, LS_STATISTICS_ACTIONS, "helped", column, 1);
      else if (outcome == LS_EFFECT_OUTCOME_NOT_HELPED)
        ls_statistics_add (self, LS_STATISTICS_ACTIONS, "not-helped", column,
                           1);
      if (ls_action_get_individual_asked (action))
        ls_statistics_add (self, LS_STATISTICS_ACTIONS, "individual-asked",
                           column, 1);

      add_duty (self, "actions-done",
                ls_statistics_judge_duty (
                    ls_action_get_due_on (action),
                    ls_action_get_status (action) == LS_ACTION_STATUS_DONE,
                    ls_action_get_taken_at (action), today));
      add_duty (self, "follow-ups",
                ls_statistics_judge_duty (ls_action_get_follow_up_on (action),
                                          ls_action_is_evaluated (action),
                                          ls_action_get_evaluated_on (action),
                                          today));
    }
}

static void
add_causes (LsStatistics *self, GListModel *causes)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr (LsCause) cause = g_list_model_get_item (causes, i);
      const char *category = ls_cause_get_category (cause);

      if (category == NULL)
        category = "";
      ls_statistics_add (self, LS_STATISTICS_CAUSES, category,
                         LS_STATISTICS_CAUSES_CAUSES, 1);
      if (g_hash_table_add (seen, (gpointer) category))
        ls_statistics_add (self, LS_STATISTICS_CAUSES, category,
                           LS_STATISTICS_CAUSES_CASES, 1);
    }
}

static void
add_case (LsStatistics *self, LsCase *lcase, const GDate *received)
{
  LsReport *report = ls_case_get_report (lcase);
  LsInvestigation *investigation = ls_case_get_investigation (lcase);
  LsNotification *notification = ls_case_get_notification (lcase);
  LsCaseKind kind = ls_report_get_kind (report);
  g_autofree char *month = g_strdup_printf (
      "%04d-%02d", g_date_get_year (received), g_date_get_month (received));
  g_autofree char *investigation_due = NULL;
  GDate concluded;

  ls_statistics_add_cases (self, 1);
  ls_statistics_add (self, LS_STATISTICS_BY_CATEGORY,
                     ls_report_get_category (report), 0, 1);
  ls_statistics_add (self, LS_STATISTICS_BY_KIND,
                     nick_or_empty (LS_TYPE_CASE_KIND, kind),
                     LS_STATISTICS_REPORTS, 1);
  ls_statistics_add (self, LS_STATISTICS_BY_UNIT, ls_case_get_unit_id (lcase),
                     0, 1);
  ls_statistics_add (self, LS_STATISTICS_BY_REPORTER,
                     nick_or_empty (LS_TYPE_REPORTER_CATEGORY,
                                    ls_report_get_reporter_category (report)),
                     0, 1);
  ls_statistics_add (self, LS_STATISTICS_BY_MONTH, month,
                     LS_STATISTICS_MONTH_REPORTS, 1);
  if (kind == LS_CASE_KIND_CLEAR_RISK)
    ls_statistics_add (self, LS_STATISTICS_BY_MONTH, month,
                       LS_STATISTICS_MONTH_CLEAR_RISKS, 1);
  else if (kind == LS_CASE_KIND_WRONGDOING)
    ls_statistics_add (self, LS_STATISTICS_BY_MONTH, month,
                       LS_STATISTICS_MONTH_WRONGDOINGS, 1);

  if (ls_dates_get_day (ls_investigation_get_concluded_on (investigation),
                        &concluded))
    ls_statistics_add_days (self, g_date_days_between (received, &concluded));

  if (ls_notification_get_submitted_on (notification) != NULL)
    {
      ls_statistics_add (self, LS_STATISTICS_NOTIFIED, "notified", 0, 1);
      investigation_due =
          ls_dates_add_months (ls_notification_get_submitted_on (notification),
                               LS_LAW_INVESTIGATION_MONTHS);
      add_duty (
          self, "investigation-sent",
          ls_statistics_judge_duty (
              investigation_due,
              ls_notification_get_investigation_sent_on (notification) != NULL,
              ls_notification_get_investigation_sent_on (notification),
              ls_statistics_query_get_today (ls_statistics_get_query (self))));
    }

  add_causes (self, G_LIST_MODEL (ls_investigation_get_causes (investigation)));
  add_actions (
      self,
      G_LIST_MODEL (ls_investigation_get_preventive_actions (investigation)),
      LS_STATISTICS_PREVENTIVE);
  add_actions (
      self,
      G_LIST_MODEL (ls_investigation_get_remedial_actions (investigation)),
      LS_STATISTICS_REMEDIAL);
}

/**
 * ls_statistics_new_from_cases:
 * @cases: (element-type LsCase): the cases, of which those the query
 *   covers are counted
 * @organisation: (nullable): names the units
 *
 * Counts cases one by one, as the reference that the store's SQL is
 * tested against, and for cases that are not in a store.
 *
 * Returns: (transfer full): the statistics
 */
LsStatistics *
ls_statistics_new_from_cases (const LsStatisticsQuery *query,
                              GPtrArray *cases,
                              LsOrganisation *organisation)
{
  LsStatistics *self;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (cases != NULL, NULL);

  self = ls_statistics_begin (query, organisation);
  for (guint i = 0; i < cases->len; i++)
    {
      LsCase *lcase = g_ptr_array_index (cases, i);
      GDate received;

      if (ls_statistics_query_selects (ls_statistics_get_query (self), lcase,
                                       LS_STATISTICS_DAY_RECEIVED) &&
          ls_dates_get_day (
              ls_report_get_received_at (ls_case_get_report (lcase)),
              &received))
        add_case (self, lcase, &received);
    }
  ls_statistics_finish (self);
  return self;
}
