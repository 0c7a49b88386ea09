/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-follow-ups"

#include "config.h"

#include "ls-action.h"
#include "ls-dates.h"
#include "ls-follow-ups.h"

/* IVO's third finding: follow up that the actions had an effect for the
 * individual.  A follow-up is open from the day it is planned until the
 * effect is evaluated, for remedial and preventive actions alike, and
 * stays open when the case is closed: a closed case with open follow-ups
 * says so, rather than look finished. */

void
ls_follow_up_free (LsFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;
  g_free (follow_up->case_uuid);
  g_free (follow_up->regno);
  g_free (follow_up->unit_id);
  g_free (follow_up->description);
  g_free (follow_up->follow_up_on);
  g_free (follow_up);
}

typedef void (*VisitFunc) (LsCase *lcase, LsAction *action, gpointer data);

static void
visit_open (LsCase *lcase, VisitFunc func, gpointer data)
{
  LsInvestigation *investigation = ls_case_get_investigation (lcase);
  GListModel *lists[] = {
    G_LIST_MODEL (ls_investigation_get_remedial_actions (investigation)),
    G_LIST_MODEL (ls_investigation_get_preventive_actions (investigation)),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr (LsAction) action = g_list_model_get_item (lists[l], i);
        GDate day;

        if (!ls_action_is_evaluated (action) &&
            ls_dates_get_day (ls_action_get_follow_up_on (action), &day))
          func (lcase, action, data);
      }
}

static void
count_cb (LsCase *lcase, LsAction *action, gpointer data)
{
  (*(guint *) data)++;
}

/**
 * ls_follow_ups_count_open:
 *
 * Returns: how many of the case's remedial and preventive actions have a
 *   follow-up planned whose effect is not yet evaluated
 */
guint
ls_follow_ups_count_open (LsCase *lcase)
{
  guint n = 0;

  g_return_val_if_fail (LS_IS_CASE (lcase), 0);

  visit_open (lcase, count_cb, &n);
  return n;
}

/**
 * ls_follow_ups_closed_with_open:
 *
 * Returns: whether the case is closed while follow-ups are still open
 */
gboolean
ls_follow_ups_closed_with_open (LsCase *lcase)
{
  g_return_val_if_fail (LS_IS_CASE (lcase), FALSE);

  return ls_case_get_status (lcase) == LS_CASE_STATUS_CLOSED &&
         ls_follow_ups_count_open (lcase) > 0;
}

typedef struct
{
  GPtrArray *due;
  GDate today;
  gboolean bounded;
  GDate until;
} ListData;

static void
list_cb (LsCase *lcase, LsAction *action, gpointer user_data)
{
  ListData *data = user_data;
  LsFollowUp *follow_up;
  GDate day;

  ls_dates_get_day (ls_action_get_follow_up_on (action), &day);
  if (data->bounded && g_date_compare (&day, &data->until) > 0)
    return;
  follow_up = g_new0 (LsFollowUp, 1);
  follow_up->case_uuid = g_strdup (ls_case_get_uuid (lcase));
  follow_up->regno = g_strdup (ls_case_get_regno (lcase));
  follow_up->unit_id = g_strdup (ls_case_get_unit_id (lcase));
  follow_up->closed = ls_case_get_status (lcase) == LS_CASE_STATUS_CLOSED;
  follow_up->kind = ls_action_get_kind (action);
  follow_up->description = g_strdup (ls_action_get_description (action));
  follow_up->follow_up_on = ls_dates_format_day (&day);
  follow_up->overdue = g_date_compare (&day, &data->today) < 0;
  g_ptr_array_add (data->due, follow_up);
}

/* The earliest first, so what is overdue or due comes before what is
 * ahead; on one day, by registration number. */
static int
compare_days (gconstpointer a, gconstpointer b)
{
  const LsFollowUp *fa = *(LsFollowUp *const *) a;
  const LsFollowUp *fb = *(LsFollowUp *const *) b;
  int by_day = g_strcmp0 (fa->follow_up_on, fb->follow_up_on);

  return by_day != 0 ? by_day : g_strcmp0 (fa->regno, fb->regno);
}

static gboolean
list_begin (ListData *data, const char *today)
{
  data->due =
      g_ptr_array_new_with_free_func ((GDestroyNotify) ls_follow_up_free);
  data->bounded = FALSE;
  return ls_dates_get_day (today, &data->today);
}

/**
 * ls_follow_ups_list_due:
 * @cases: (element-type LsCase): the cases
 * @today: the day, "YYYY-MM-DD"
 * @days_ahead: how many days after @today to look
 *
 * Returns: (transfer full) (element-type LsFollowUp): the open follow-ups
 *   due by @today plus @days_ahead, overdue ones included, earliest first
 */
GPtrArray *
ls_follow_ups_list_due (GPtrArray *cases, const char *today, guint days_ahead)
{
  ListData data;

  g_return_val_if_fail (cases != NULL, NULL);

  if (!list_begin (&data, today))
    g_return_val_if_reached (data.due);
  data.bounded = TRUE;
  data.until = data.today;
  g_date_add_days (&data.until, days_ahead);
  for (guint i = 0; i < cases->len; i++)
    visit_open (g_ptr_array_index (cases, i), list_cb, &data);
  g_ptr_array_sort (data.due, compare_days);
  return data.due;
}

/**
 * ls_follow_ups_list_open:
 * @cases: (element-type LsCase): the cases, closed ones included
 * @today: the day, "YYYY-MM-DD", that tells what is overdue
 * @units: (nullable) (array zero-terminated=1): only the cases of these
 *   units, or %NULL for all
 *
 * Every follow-up of a remedial or preventive action that is planned and
 * not yet evaluated, whenever it is due.
 *
 * Returns: (transfer full) (element-type LsFollowUp): the open follow-ups,
 *   the earliest first: the overdue and due ones come before those ahead
 */
GPtrArray *
ls_follow_ups_list_open (GPtrArray *cases,
                         const char *today,
                         const char *const *units)
{
  ListData data;

  g_return_val_if_fail (cases != NULL, NULL);

  if (!list_begin (&data, today))
    g_return_val_if_reached (data.due);
  for (guint i = 0; i < cases->len; i++)
    {
      LsCase *lcase = g_ptr_array_index (cases, i);
      const char *unit = ls_case_get_unit_id (lcase);

      if (units == NULL || (unit != NULL && g_strv_contains (units, unit)))
        visit_open (lcase, list_cb, &data);
    }
  g_ptr_array_sort (data.due, compare_days);
  return data.due;
}
