/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-rules"

#include "config.h"

#include "ls-action.h"
#include "ls-dates.h"
#include "ls-duty.h"
#include "ls-rules-private.h"
#include "ls-rules.h"

/**
 * ls_rules_list_duties:
 * @now: (nullable): the present, %NULL for the clock's
 *
 * Every dated duty of the case, open or done: the finished investigation
 * due at IVO two months after the notification (6 kap. 2 §), each
 * preventive action with a due day (5 kap. 5 §) and each planned
 * follow-up of an action's effect.  A duty stays in the list once it is
 * done, with the day it was due, the day it was done and the days late,
 * which is what the case view, its history and statistics read.
 *
 * Returns: (transfer full) (element-type LsDuty): the duties in the order
 *   of the workflow
 */
GPtrArray *
ls_rules_list_duties (LsCase *self, GDateTime *now)
{
  g_autoptr (GDateTime) clock = NULL;
  g_autofree char *today = NULL;
  GPtrArray *duties;
  LsNotification *notification;
  const char *submitted;
  GListStore *actions;

  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  if (now == NULL)
    now = clock = g_date_time_new_now_local ();
  today = ls_dates_dup_today (now);
  duties = g_ptr_array_new_with_free_func (g_object_unref);
  notification = ls_case_get_notification (self);
  submitted = ls_notification_get_submitted_on (notification);

  if (ls_rules_is_set (submitted))
    {
      g_autofree char *due =
          ls_dates_add_months (submitted, LS_LAW_INVESTIGATION_MONTHS);
      g_autofree char *sent = ls_rules_dup_investigation_sent_on (self);

      g_ptr_array_add (
          duties, ls_duty_new (LS_DUTY_INVESTIGATION_SENT, NULL,
                               ls_law_get_reference (LS_LAW_INVESTIGATION_SENT),
                               due, sent, sent != NULL, today));
    }

  actions = ls_investigation_get_preventive_actions (
      ls_case_get_investigation (self));
  for (guint i = 0; i < ls_rules_n_items (actions); i++)
    {
      LsAction *action = ls_rules_item_at (actions, i);
      const char *what = ls_action_get_description (action);
      gboolean done = ls_action_get_status (action) == LS_ACTION_STATUS_DONE;

      if (ls_rules_is_set (ls_action_get_due_on (action)))
        g_ptr_array_add (
            duties,
            ls_duty_new (LS_DUTY_PREVENTIVE_ACTION, what,
                         ls_law_get_reference (LS_LAW_PREVENTIVE_ACTIONS),
                         ls_action_get_due_on (action),
                         done ? ls_action_get_taken_at (action) : NULL, done,
                         today));
      if (ls_rules_is_set (ls_action_get_follow_up_on (action)))
        g_ptr_array_add (
            duties,
            ls_duty_new (LS_DUTY_FOLLOW_UP, what,
                         ls_law_get_reference (LS_LAW_FOLLOW_UP),
                         ls_action_get_follow_up_on (action),
                         ls_action_get_followed_up_on (action),
                         ls_rules_is_set (ls_action_get_effect (action)),
                         today));
    }
  return duties;
}
