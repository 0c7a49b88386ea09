/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-action.h"
#include "ls-bidi.h"
#include "ls-board-notice.h"
#include "ls-case-private.h"
#include "ls-cause.h"
#include "ls-dates.h"
#include "ls-error.h"
#include "ls-field.h"
#include "ls-individual.h"
#include "ls-investigator.h"
#include "ls-journal-item.h"
#include "ls-law.h"
#include "ls-model.h"
#include "ls-requirement.h"
#include "ls-rules-private.h"
#include "ls-rules.h"
#include "ls-unit.h"

/* What SOSFS 2011:5 asks of a case, applied to its content: the status it
 * is in, what it still lacks, and its deadlines.  The model holds the data;
 * the law is here, so that both can be read on their own. */

gboolean
ls_rules_is_set (const char *text)
{
  return !ls_field_is_blank (text);
}

guint
ls_rules_n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

/* A borrowed item of a list the case owns. */
gpointer
ls_rules_item_at (GListStore *store, guint position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (item);
  return item;
}

/**
 * ls_rules_report_is_complete:
 *
 * A report leaves the draft state once it says where, what kind, when it
 * was received, who reported in which capacity (2:1), and what happened.
 *
 * Returns: whether the report has everything it needs
 */
gboolean
ls_rules_report_is_complete (LsCase *self)
{
  LsReport *report;

  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  report = ls_case_get_report (self);
  return ls_rules_is_set (ls_case_get_unit_id (self)) &&
         ls_report_get_kind (report) != LS_CASE_KIND_UNSET &&
         ls_rules_is_set (ls_report_get_received_at (report)) &&
         ls_rules_is_set (ls_report_get_reporter_name (report)) &&
         ls_report_get_reporter_category (report) !=
             LS_REPORTER_CATEGORY_UNSET &&
         ls_rules_is_set (ls_report_get_description (report));
}

/**
 * ls_rules_investigation_begun:
 *
 * Returns: whether anything of the investigation has been recorded
 */
gboolean
ls_rules_investigation_begun (LsCase *self)
{
  LsInvestigation *inv;

  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  inv = ls_case_get_investigation (self);
  return ls_rules_is_set (ls_investigation_get_started_on (inv)) ||
         ls_rules_n_items (ls_investigation_get_investigators (inv)) > 0 ||
         ls_rules_n_items (ls_investigation_get_journal (inv)) > 0 ||
         ls_rules_n_items (ls_investigation_get_causes (inv)) > 0 ||
         ls_rules_is_set (ls_investigation_get_conclusion (inv));
}

/**
 * ls_rules_conclusion_is_made:
 *
 * Returns: whether the investigation has been closed with a conclusion
 *   (5:3 3): its text, its date, who decided, and whether it is serious
 */
gboolean
ls_rules_conclusion_is_made (LsCase *self)
{
  LsInvestigation *inv;

  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  inv = ls_case_get_investigation (self);
  return ls_rules_is_set (ls_investigation_get_conclusion (inv)) &&
         ls_rules_is_set (ls_investigation_get_concluded_on (inv)) &&
         ls_rules_is_set (ls_investigation_get_decided_by (inv)) &&
         ls_investigation_get_seriousness (inv) != LS_SERIOUSNESS_UNDECIDED;
}

/**
 * ls_rules_dup_investigation_sent_on:
 *
 * The finished investigation reached IVO on the day recorded as sent, or
 * with the notification itself when it was concluded by then and
 * attached to it: what was attached was sent.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL when it has not
 *   been sent
 */
char *
ls_rules_dup_investigation_sent_on (LsCase *self)
{
  LsNotification *notification;
  LsInvestigation *inv;
  const char *submitted;
  const char *concluded;

  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  notification = ls_case_get_notification (self);
  inv = ls_case_get_investigation (self);
  if (ls_rules_is_set (
          ls_notification_get_investigation_sent_on (notification)))
    return g_strdup (ls_notification_get_investigation_sent_on (notification));
  submitted = ls_notification_get_submitted_on (notification);
  concluded = ls_investigation_get_concluded_on (inv);
  if (ls_rules_is_set (submitted) &&
      ls_notification_get_attach_investigation (notification) &&
      ls_rules_conclusion_is_made (self) &&
      ls_dates_compare (concluded, submitted) <= 0)
    return g_strdup (submitted);
  return NULL;
}

/**
 * ls_rules_investigation_is_sent:
 *
 * Returns: whether the finished investigation has reached IVO, see
 *   ls_rules_dup_investigation_sent_on()
 */
gboolean
ls_rules_investigation_is_sent (LsCase *self)
{
  g_autofree char *sent_on = ls_rules_dup_investigation_sent_on (self);

  return sent_on != NULL;
}

/**
 * ls_rules_proposes_notification:
 *
 * A serious wrongdoing, or a clear risk of one, is to be notified to IVO
 * as soon as possible (6 kap. 1 § SOSFS 2011:5): once the conclusion says
 * it is serious, the notification is the next thing to do.
 *
 * Returns: whether recording the conclusion of @self is to be followed by
 *   proposing the notification to IVO
 */
gboolean
ls_rules_proposes_notification (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  return ls_rules_conclusion_is_made (self) &&
         ls_investigation_get_seriousness (ls_case_get_investigation (self)) ==
             LS_SERIOUSNESS_SERIOUS;
}

/**
 * ls_rules_derive_status:
 *
 * Where a case is follows from what it holds: a draft until the report is
 * complete; reported; under investigation once anything of it is
 * recorded; notified once the notification is submitted; closed once the
 * conclusion is made and, if it is serious, the notification and the
 * finished investigation have gone to IVO.
 *
 * Returns: the status
 */
LsCaseStatus
ls_rules_derive_status (LsCase *self)
{
  LsNotification *notification;
  gboolean submitted;

  g_return_val_if_fail (LS_IS_CASE (self), LS_CASE_STATUS_DRAFT);

  if (!ls_rules_report_is_complete (self))
    return LS_CASE_STATUS_DRAFT;

  notification = ls_case_get_notification (self);
  submitted = ls_rules_is_set (ls_notification_get_submitted_on (notification));

  if (ls_rules_conclusion_is_made (self))
    {
      LsSeriousness seriousness =
          ls_investigation_get_seriousness (ls_case_get_investigation (self));

      if (seriousness != LS_SERIOUSNESS_SERIOUS)
        return LS_CASE_STATUS_CLOSED;
      if (!submitted)
        return LS_CASE_STATUS_UNDER_INVESTIGATION;
      if (ls_rules_investigation_is_sent (self))
        return LS_CASE_STATUS_CLOSED;
      return LS_CASE_STATUS_NOTIFIED;
    }
  if (submitted)
    return LS_CASE_STATUS_NOTIFIED;
  if (ls_rules_investigation_begun (self))
    return LS_CASE_STATUS_UNDER_INVESTIGATION;
  return LS_CASE_STATUS_REPORTED;
}

/**
 * ls_rules_dup_investigation_due:
 *
 * If the investigation was not finished when IVO was notified, it must be
 * sent as soon as it is and at the latest two calendar months after the
 * notification (6:2).
 *
 * Returns: (transfer full) (nullable): the last day, or %NULL when nothing
 *   is due
 */
char *
ls_rules_dup_investigation_due (LsCase *self)
{
  LsNotification *notification;

  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  notification = ls_case_get_notification (self);
  if (!ls_rules_is_set (ls_notification_get_submitted_on (notification)) ||
      ls_rules_investigation_is_sent (self))
    return NULL;
  return ls_dates_add_months (ls_notification_get_submitted_on (notification),
                              LS_LAW_INVESTIGATION_MONTHS);
}

static void
take_earliest (char **earliest, char *candidate)
{
  if (candidate == NULL)
    return;
  if (*earliest == NULL || ls_dates_compare (candidate, *earliest) < 0)
    {
      g_free (*earliest);
      *earliest = candidate;
    }
  else
    {
      g_free (candidate);
    }
}

/**
 * ls_rules_dup_next_deadline:
 *
 * Returns: (transfer full) (nullable): the earliest open deadline of the
 *   case: the finished investigation due at IVO, a preventive action due,
 *   or a follow-up of an action's effect
 */
char *
ls_rules_dup_next_deadline (LsCase *self)
{
  GListStore *actions;
  char *earliest = NULL;

  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  take_earliest (&earliest, ls_rules_dup_investigation_due (self));

  actions = ls_investigation_get_preventive_actions (
      ls_case_get_investigation (self));
  for (guint i = 0; i < ls_rules_n_items (actions); i++)
    {
      LsAction *action = ls_rules_item_at (actions, i);
      GDate day;

      if (ls_action_get_status (action) != LS_ACTION_STATUS_DONE &&
          ls_dates_get_day (ls_action_get_due_on (action), &day))
        take_earliest (&earliest, ls_dates_format_day (&day));
      if (!ls_rules_is_set (ls_action_get_effect (action)) &&
          ls_dates_get_day (ls_action_get_follow_up_on (action), &day))
        take_earliest (&earliest, ls_dates_format_day (&day));
    }
  return earliest;
}

/* ---- The check ------------------------------------------------------- */

typedef LsRulesCheck Check;

/* Whether the messages of the requirements are asked for: a check for
 * the attention rows alone skips making them. */
gboolean
ls_rules_wants_messages (Check *check)
{
  return check->out != NULL;
}

/* Returns: (transfer none) (nullable): the requirement, or %NULL when
 * only the attention rows are asked for */
static LsRequirement *
require_as_urgent (Check *check,
                   LsStep step,
                   LsPoints point,
                   LsLawRef ref,
                   const char *due,
                   gboolean blocking,
                   LsLegalUrgency urgency,
                   const char *message)
{
  g_autoptr (LsRequirement) requirement = NULL;

  if (check->out == NULL)
    {
      LsRulesAttention row = { step, g_strdup (due) };

      if (ls_rules_urgency_needs_attention (urgency))
        g_array_append_val (check->attention, row);
      else
        g_free (row.due);
      return NULL;
    }
  requirement = ls_requirement_new (step, point, ls_law_get_reference (ref),
                                    message, due, blocking);
  ls_requirement_set_urgency (requirement, urgency);
  g_list_store_append (check->out, requirement);
  return requirement;
}

/* @message: (nullable): %NULL only when ls_rules_wants_messages() is not
 * Returns: (transfer none) (nullable): the requirement, for its urgency,
 * or %NULL when only the attention rows are asked for */
LsRequirement *
ls_rules_require (Check *check,
                  LsStep step,
                  LsPoints point,
                  LsLawRef ref,
                  const char *due,
                  gboolean blocking,
                  const char *message)
{
  return require_as_urgent (check, step, point, ref, due, blocking,
                            ls_requirement_urgency_of_step (step, due),
                            message);
}

/* What the law asks at once, or without delay, of a report that came in
 * is due on the day it came in. */
static void
require_from_receipt (Check *check,
                      LsStep step,
                      LsLawRef ref,
                      LsLegalUrgency urgency,
                      const char *message)
{
  GDate day;
  g_autofree char *received = NULL;

  if (ls_dates_get_day (
          ls_report_get_received_at (ls_case_get_report (check->self)), &day))
    received = ls_dates_format_day (&day);
  require_as_urgent (check, step, 0, ref, received, TRUE,
                     received != NULL
                         ? urgency
                         : ls_requirement_urgency_of_step (step, received),
                     message);
}

/* A requirement whose message names values, such as an individual or an
 * action: each isolated (ls_bidi_format), the strings %NULL-terminated. */
G_GNUC_NULL_TERMINATED
static void
requiref (Check *check,
          LsStep step,
          LsPoints point,
          LsLawRef ref,
          const char *due,
          gboolean blocking,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ls_rules_wants_messages (check))
    {
      va_start (args, format);
      message = ls_bidi_format_valist (format, args);
      va_end (args);
    }
  ls_rules_require (check, step, point, ref, due, blocking, message);
}

LsOrganisationKind
ls_rules_organisation_kind (Check *check)
{
  if (check->organisation == NULL)
    return LS_ORGANISATION_KIND_MUNICIPAL_BOARD;
  return ls_organisation_get_kind (check->organisation);
}

static void
check_report (Check *check)
{
  LsCase *self = check->self;
  LsReport *report = ls_case_get_report (self);
  GListStore *individuals = ls_report_get_individuals (report);

  if (!ls_rules_is_set (ls_case_get_unit_id (self)))
    ls_rules_require (check, LS_STEP_REPORT, 0, LS_LAW_REPORT, NULL, TRUE,
                      _ ("Choose the unit where it happened."));
  if (ls_report_get_kind (report) == LS_CASE_KIND_UNSET)
    ls_rules_require (
        check, LS_STEP_REPORT, 0, LS_LAW_REPORT, NULL, TRUE,
        _ ("Say whether it is a wrongdoing or a clear risk of one."));
  if (!ls_rules_is_set (ls_report_get_received_at (report)))
    ls_rules_require (check, LS_STEP_REPORT, 0, LS_LAW_REPORT, NULL, TRUE,
                      _ ("Give when the report was received."));
  if (!ls_rules_is_set (ls_report_get_reporter_name (report)))
    ls_rules_require (check, LS_STEP_REPORT, 0, LS_LAW_REPORTERS, NULL, TRUE,
                      _ ("Give who reported."));
  if (ls_report_get_reporter_category (report) == LS_REPORTER_CATEGORY_UNSET)
    ls_rules_require (
        check, LS_STEP_REPORT, 0, LS_LAW_REPORTERS, NULL, TRUE,
        _ ("Say whether the reporter is an employee, a contractor, a "
           "trainee or a programme participant."));
  if (!ls_rules_is_set (ls_report_get_description (report)))
    ls_rules_require (check, LS_STEP_REPORT, 0, LS_LAW_REPORT, NULL, TRUE,
                      _ ("Describe what happened."));
  if (ls_rules_n_items (individuals) == 0)
    ls_rules_require (check, LS_STEP_REPORT, 0, LS_LAW_POINT_1, NULL, TRUE,
                      _ ("Name the individuals concerned."));
  if (ls_rules_n_items (ls_report_get_immediate_actions (report)) == 0)
    require_from_receipt (
        check, LS_STEP_IMMEDIATE_ACTIONS, LS_LAW_IMMEDIATE_ACTIONS,
        LS_LEGAL_URGENCY_AT_ONCE,
        _ ("Record what was done at once to remedy the situation."));

  ls_rules_check_board_notices (check, LS_NOTICE_STAGE_REPORT);
}

static LsPoints
documented_points (LsInvestigation *inv)
{
  GListStore *journal = ls_investigation_get_journal (inv);
  LsPoints points = 0;

  for (guint i = 0; i < ls_rules_n_items (journal); i++)
    points |= ls_journal_item_get_points (ls_rules_item_at (journal, i));
  return points;
}

static const char *
point_message (LsPoints point)
{
  switch (point)
    {
    case LS_POINT_WHAT_HAPPENED:
      return _ ("Add a documented item on what happened and its consequences "
                "for the individual.");
    case LS_POINT_RECEIVED:
      return _ ("Add a documented item on when the report was received.");
    case LS_POINT_NOTICED:
      return _ ("Add a documented item on when and how it was noticed.");
    case LS_POINT_OCCURRED:
      return _ ("Add a documented item on when it happened.");
    case LS_POINT_CAUSES:
      return _ ("Add a documented item that shows how the causes were found.");
    case LS_POINT_SIMILAR_BEFORE:
      return _ ("Add a documented item on whether something similar has "
                "happened before.");
    case LS_POINT_RECURRENCE:
      return _ ("Add a documented item with the assessment of whether it could "
                "happen again.");
    case LS_POINT_NONE:
    default:
      g_return_val_if_reached ("");
    }
}

static void
check_journal_items (Check *check, LsInvestigation *inv)
{
  GListStore *journal = ls_investigation_get_journal (inv);

  for (guint i = 0; i < ls_rules_n_items (journal); i++)
    {
      LsJournalItem *item = ls_rules_item_at (journal, i);
      g_autoptr (GPtrArray) missing = g_ptr_array_new ();
      g_autofree char *list = NULL;
      g_autofree char *message = NULL;

      if (!ls_rules_is_set (ls_journal_item_get_documented_on (item)))
        g_ptr_array_add (missing, (gpointer) _ ("the date"));
      if (!ls_rules_is_set (ls_journal_item_get_source (item)))
        g_ptr_array_add (missing, (gpointer) _ ("where it comes from"));
      if (ls_journal_item_get_kind (item) == LS_JOURNAL_KIND_UNSET)
        g_ptr_array_add (missing, (gpointer) _ ("whether it is a fact or an "
                                                "assessment"));
      if (!ls_rules_is_set (ls_journal_item_get_author_name (item)))
        g_ptr_array_add (missing, (gpointer) _ ("who documented it"));
      if (!ls_rules_is_set (ls_journal_item_get_author_title (item)))
        g_ptr_array_add (missing, (gpointer) _ ("the author’s title"));
      if (missing->len == 0)
        continue;
      if (!ls_rules_wants_messages (check))
        {
          ls_rules_require (check, LS_STEP_JOURNAL, 0, LS_LAW_DOCUMENTED_ITEM,
                            NULL, TRUE, NULL);
          continue;
        }

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **) missing->pdata);
      /* Translators: the first %u is the number of a documented item, the
       * second a list such as "the date, where it comes from". */
      message =
          g_strdup_printf (_ ("Documented item %u lacks %s."), i + 1, list);
      ls_rules_require (check, LS_STEP_JOURNAL, 0, LS_LAW_DOCUMENTED_ITEM, NULL,
                        TRUE, message);
    }
}

static void
check_actions_have_times (Check *check,
                          GListStore *actions,
                          LsStep step,
                          LsLawRef ref)
{
  for (guint i = 0; i < ls_rules_n_items (actions); i++)
    {
      LsAction *action = ls_rules_item_at (actions, i);

      if (!ls_rules_is_set (ls_action_get_taken_at (action)))
        requiref (check, step, 0, ref, NULL, TRUE,
                  _ ("Give when “%s” was done."),
                  ls_rules_is_set (ls_action_get_description (action))
                      ? ls_action_get_description (action)
                      : _ ("an action"),
                  NULL);
    }
}

static void
check_investigation (Check *check)
{
  LsCase *self = check->self;
  LsReport *report = ls_case_get_report (self);
  LsInvestigation *inv = ls_case_get_investigation (self);
  GListStore *preventive = ls_investigation_get_preventive_actions (inv);
  GListStore *individuals = ls_report_get_individuals (report);
  LsPoints documented = documented_points (inv);
  LsPoints later = 0;
  static const LsPoints points[] = {
    LS_POINT_WHAT_HAPPENED, LS_POINT_RECEIVED, LS_POINT_NOTICED,
    LS_POINT_OCCURRED,      LS_POINT_CAUSES,   LS_POINT_SIMILAR_BEFORE,
    LS_POINT_RECURRENCE,
  };

  /* An investigation not begun is started without delay (5 kap. 1 §). */
  if (!ls_rules_investigation_begun (self))
    require_from_receipt (
        check, LS_STEP_INVESTIGATORS, LS_LAW_DOCUMENTED_CONTINUOUSLY,
        LS_LEGAL_URGENCY_WITHOUT_DELAY, _ ("Name who investigates."));
  else if (ls_rules_n_items (ls_investigation_get_investigators (inv)) == 0)
    ls_rules_require (check, LS_STEP_INVESTIGATORS, 0,
                      LS_LAW_DOCUMENTED_CONTINUOUSLY, NULL, TRUE,
                      _ ("Name who investigates."));

  /* Points 2 to 4 are facts the report already holds; the others need the
   * investigation's own documented items. */
  if (ls_rules_is_set (ls_report_get_received_at (report)))
    documented |= LS_POINT_RECEIVED;
  if (ls_rules_is_set (ls_report_get_noticed_at (report)) &&
      ls_rules_is_set (ls_report_get_noticed_how (report)))
    documented |= LS_POINT_NOTICED;
  if (ls_rules_is_set (ls_report_get_occurred_at (report)) ||
      ls_report_get_occurred_unknown (report))
    documented |= LS_POINT_OCCURRED;

  /* Points 5 to 7 are first answered in their own fields (the causes,
   * whether it happened before, the assessment); the documented items then
   * show what the answer rests on.  Those are listed from the start,
   * marked as later, so that the list never grows as it is worked off. */
  if (ls_rules_n_items (ls_investigation_get_causes (inv)) == 0)
    {
      ls_rules_require (
          check, LS_STEP_CAUSES, LS_POINT_CAUSES, LS_LAW_POINT_5, NULL, TRUE,
          _ ("Name at least one cause, in how the work is organised "
             "rather than in one person."));
      later |= LS_POINT_CAUSES;
    }
  switch (ls_investigation_get_similar_before (inv))
    {
    case LS_SIMILAR_BEFORE_UNKNOWN:
      ls_rules_require (
          check, LS_STEP_SIMILAR, LS_POINT_SIMILAR_BEFORE, LS_LAW_POINT_6, NULL,
          TRUE, _ ("Say whether something similar has happened before."));
      later |= LS_POINT_SIMILAR_BEFORE;
      break;
    case LS_SIMILAR_BEFORE_YES:
      if (!ls_rules_is_set (ls_investigation_get_similar_explanation (inv)))
        {
          ls_rules_require (check, LS_STEP_SIMILAR, LS_POINT_SIMILAR_BEFORE,
                            LS_LAW_POINT_6, NULL, TRUE,
                            _ ("Explain why it happened again."));
          later |= LS_POINT_SIMILAR_BEFORE;
        }
      break;
    case LS_SIMILAR_BEFORE_NO:
    default:
      break;
    }
  if (!ls_rules_is_set (ls_investigation_get_recurrence (inv)))
    {
      ls_rules_require (
          check, LS_STEP_RECURRENCE, LS_POINT_RECURRENCE, LS_LAW_POINT_7, NULL,
          TRUE, _ ("Assess whether something similar could happen again."));
      later |= LS_POINT_RECURRENCE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    if (!(documented & points[i]))
      {
        LsRequirement *requirement =
            ls_rules_require (check, LS_STEP_JOURNAL, points[i],
                              ls_law_point_reference (points[i]), NULL, TRUE,
                              point_message (points[i]));

        if (requirement != NULL)
          ls_requirement_set_later (requirement, (later & points[i]) != 0);
      }

  check_actions_have_times (check, ls_report_get_immediate_actions (report),
                            LS_STEP_IMMEDIATE_ACTIONS,
                            LS_LAW_IMMEDIATE_ACTIONS);
  check_actions_have_times (check, ls_investigation_get_remedial_actions (inv),
                            LS_STEP_ACTIONS, LS_LAW_REMEDIAL_ACTIONS);
  if (!ls_rules_is_set (ls_investigation_get_other_findings (inv)))
    ls_rules_require (check, LS_STEP_OTHER_FINDINGS, 0, LS_LAW_OTHER_FINDINGS,
                      NULL, TRUE,
                      _ ("Note what else emerged, or that nothing else did."));
  check_journal_items (check, inv);

  if (ls_rules_n_items (preventive) == 0)
    ls_rules_require (
        check, LS_STEP_ACTIONS, 0, LS_LAW_PREVENTIVE_ACTIONS, NULL, TRUE,
        _ ("Record what is done to keep it from happening again."));
  for (guint i = 0; i < ls_rules_n_items (preventive); i++)
    {
      LsAction *action = ls_rules_item_at (preventive, i);

      if (!ls_rules_is_set (ls_action_get_responsible (action)))
        requiref (check, LS_STEP_ACTIONS, 0, LS_LAW_PREVENTIVE_ACTIONS, NULL,
                  TRUE, _ ("Give who is responsible for “%s”."),
                  ls_rules_is_set (ls_action_get_description (action))
                      ? ls_action_get_description (action)
                      : _ ("an action"),
                  NULL);
    }

  for (guint i = 0; i < ls_rules_n_items (individuals); i++)
    {
      LsIndividual *individual = ls_rules_item_at (individuals, i);

      if (!ls_rules_is_set (ls_individual_get_informed_on (individual)))
        requiref (check, LS_STEP_INDIVIDUAL, 0, LS_LAW_INFORM_INDIVIDUAL, NULL,
                  TRUE, _ ("Tell %s, or their next of kin, what happened."),
                  ls_rules_is_set (ls_individual_get_name (individual))
                      ? ls_individual_get_name (individual)
                      : _ ("the individual"),
                  NULL);
    }

  if (!ls_rules_conclusion_is_made (self))
    ls_rules_require (
        check, LS_STEP_CONCLUSION, 0, LS_LAW_CONCLUSION, NULL, FALSE,
        _ ("Close the investigation with a conclusion: whether it was a "
           "wrongdoing, whether it is serious, who decided and when."));
}

/* Being told of the notification is a fact of its own (allmänna råd
 * till 6 kap.), not the same as being told of the wrongdoing. */
static void
check_told_of_notification (Check *check)
{
  GListStore *individuals =
      ls_report_get_individuals (ls_case_get_report (check->self));

  for (guint i = 0; i < ls_rules_n_items (individuals); i++)
    {
      LsIndividual *individual = ls_rules_item_at (individuals, i);

      if (!ls_rules_is_set (
              ls_individual_get_told_of_notification_on (individual)))
        requiref (check, LS_STEP_TOLD_OF_NOTIFICATION, 0,
                  LS_LAW_INFORM_INDIVIDUAL_NOTIFICATION, NULL, FALSE,
                  _ ("Tell %s, or their next of kin, of the notification to "
                     "IVO."),
                  ls_rules_is_set (ls_individual_get_name (individual))
                      ? ls_individual_get_name (individual)
                      : _ ("the individual"),
                  NULL);
    }
}

static void
check_notification (Check *check)
{
  LsCase *self = check->self;
  LsInvestigation *inv = ls_case_get_investigation (self);
  LsNotification *notification = ls_case_get_notification (self);
  g_autofree char *due = NULL;

  if (!ls_rules_is_set (ls_notification_get_submitted_on (notification)))
    {
      if (ls_investigation_get_seriousness (inv) == LS_SERIOUSNESS_SERIOUS)
        ls_rules_require (
            check, LS_STEP_NOTIFICATION, 0, LS_LAW_NOTIFICATION, NULL, FALSE,
            _ ("Notify IVO as soon as possible: the conclusion is that "
               "it is serious."));
      return;
    }

  due = ls_rules_dup_investigation_due (self);
  if (due != NULL)
    requiref (check, LS_STEP_INVESTIGATION_SENT, 0, LS_LAW_INVESTIGATION_SENT,
              due, FALSE, _ ("Send the finished investigation to IVO by %s."),
              due, NULL);

  check_told_of_notification (check);
  ls_rules_check_board_notices (check, LS_NOTICE_STAGE_NOTIFICATION);
}

/* A remedial action is followed up too when a day for it was planned;
 * it asks for none, as many are done and over in a day. */
static void
check_remedial_follow_ups (Check *check)
{
  GListStore *remedial = ls_investigation_get_remedial_actions (
      ls_case_get_investigation (check->self));

  for (guint i = 0; i < ls_rules_n_items (remedial); i++)
    {
      LsAction *action = ls_rules_item_at (remedial, i);
      const char *what = ls_rules_is_set (ls_action_get_description (action))
                             ? ls_action_get_description (action)
                             : _ ("an action");
      g_autofree char *follow_up_on = NULL;
      GDate day;

      if (ls_action_is_evaluated (action) ||
          !ls_dates_get_day (ls_action_get_follow_up_on (action), &day))
        continue;
      follow_up_on = ls_dates_format_day (&day);
      /* Recorded with the remedial actions, not the preventive ones. */
      requiref (check, LS_STEP_REMEDIAL_FOLLOW_UP, 0, LS_LAW_FOLLOW_UP,
                follow_up_on, FALSE,
                _ ("Follow up by %s whether “%s” helped the individual."),
                follow_up_on, what, NULL);
    }
}

/* IVO's third finding: follow up that the actions helped the individual,
 * not only that a routine changed. */
static void
check_follow_up (Check *check)
{
  GListStore *preventive = ls_investigation_get_preventive_actions (
      ls_case_get_investigation (check->self));

  for (guint i = 0; i < ls_rules_n_items (preventive); i++)
    {
      LsAction *action = ls_rules_item_at (preventive, i);
      const char *what = ls_rules_is_set (ls_action_get_description (action))
                             ? ls_action_get_description (action)
                             : _ ("an action");
      GDate day;
      g_autofree char *due_on = NULL;
      g_autofree char *follow_up_on = NULL;

      if (ls_dates_get_day (ls_action_get_due_on (action), &day))
        due_on = ls_dates_format_day (&day);
      if (ls_dates_get_day (ls_action_get_follow_up_on (action), &day))
        follow_up_on = ls_dates_format_day (&day);

      if (ls_action_get_status (action) != LS_ACTION_STATUS_DONE)
        {
          if (due_on != NULL)
            requiref (check, LS_STEP_FOLLOW_UP, 0, LS_LAW_PREVENTIVE_ACTIONS,
                      due_on, FALSE, _ ("“%s” is due on %s."), what, due_on,
                      NULL);
          else
            requiref (check, LS_STEP_ACTIONS, 0, LS_LAW_PREVENTIVE_ACTIONS,
                      NULL, FALSE, _ ("Give by when “%s” is to be done."), what,
                      NULL);
          continue;
        }
      if (ls_rules_is_set (ls_action_get_effect (action)))
        {
          if (!ls_action_get_individual_asked (action))
            requiref (check, LS_STEP_FOLLOW_UP, 0, LS_LAW_FOLLOW_UP, NULL,
                      FALSE,
                      _ ("Ask the individual or their next of kin whether "
                         "“%s” helped."),
                      what, NULL);
          continue;
        }
      if (follow_up_on != NULL)
        requiref (check, LS_STEP_FOLLOW_UP, 0, LS_LAW_FOLLOW_UP, follow_up_on,
                  FALSE,
                  _ ("Follow up by %s whether “%s” helped the individual."),
                  follow_up_on, what, NULL);
      else
        requiref (check, LS_STEP_FOLLOW_UP, 0, LS_LAW_FOLLOW_UP, NULL, FALSE,
                  _ ("Plan when to follow up whether “%s” helped the "
                     "individual."),
                  what, NULL);
    }
  check_remedial_follow_ups (check);
}

static void
run_check (Check *check)
{
  check_report (check);
  check_investigation (check);
  check_notification (check);
  check_follow_up (check);
}

/**
 * ls_rules_check:
 * @organisation: (nullable): the organisation, whose kind decides which
 *   boards must be told; without it the rules of a municipal board apply
 *
 * Lists what the law still requires of the case, in the order of the
 * workflow, each with its provision and the step that fulfils it.  The
 * blocking ones keep the investigation from being closed; the others are
 * the conclusion itself, the notification and its deadline, and the
 * follow-up of preventive actions.
 *
 * Returns: (transfer full): a #GListStore of #LsRequirement, empty when
 *   nothing is missing
 */
GListStore *
ls_rules_check (LsCase *self, LsOrganisation *organisation)
{
  Check check = { self, organisation, NULL, NULL };

  g_return_val_if_fail (LS_IS_CASE (self), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);

  check.out = g_list_store_new (LS_TYPE_REQUIREMENT);
  run_check (&check);
  return check.out;
}

static void
clear_attention (gpointer data)
{
  LsRulesAttention *row = data;

  g_free (row->due);
}

/**
 * ls_rules_check_attention:
 * @organisation: (nullable): as for ls_rules_check()
 *
 * The requirements of ls_rules_check() that need attention now
 * (ls_rules_needs_attention()), in the same order, with only their step
 * and day: what the store keeps of them for every case it saves, without
 * making the messages and objects of all the others.
 *
 * Returns: (transfer full) (element-type LsRulesAttention): the rows
 */
GArray *
ls_rules_check_attention (LsCase *self, LsOrganisation *organisation)
{
  Check check = { self, organisation, NULL, NULL };

  g_return_val_if_fail (LS_IS_CASE (self), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);

  check.attention = g_array_new (FALSE, FALSE, sizeof (LsRulesAttention));
  g_array_set_clear_func (check.attention, clear_attention);
  run_check (&check);
  return check.attention;
}

/**
 * ls_rules_can_close:
 *
 * Returns: whether the investigation may be closed with a conclusion; if
 *   not, @error (%LS_ERROR_INCOMPLETE) lists everything still missing
 */
gboolean
ls_rules_can_close (LsCase *self, LsOrganisation *organisation, GError **error)
{
  g_autoptr (GListStore) requirements = NULL;
  g_autoptr (GString) missing = g_string_new (NULL);

  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  requirements = ls_rules_check (self, organisation);
  for (guint i = 0; i < ls_rules_n_items (requirements); i++)
    {
      LsRequirement *requirement = ls_rules_item_at (requirements, i);

      if (ls_requirement_get_blocking (requirement))
        g_string_append_printf (missing, "\n• %s (%s)",
                                ls_requirement_get_message (requirement),
                                ls_requirement_get_reference (requirement));
    }
  if (missing->len == 0)
    return TRUE;

  g_set_error (error, LS_ERROR, LS_ERROR_INCOMPLETE,
               _ ("The investigation cannot be closed yet. The law still "
                  "requires:%s"),
               missing->str);
  return FALSE;
}

/* ---- The notification ------------------------------------------------ */

static void
prefill (LsNotification *notification, const char *property, const char *value)
{
  g_autofree char *current = NULL;

  if (value == NULL)
    return;
  g_object_get (notification, property, &current, NULL);
  if (current == NULL)
    g_object_set (notification, property, value, NULL);
}

static char *
dup_description (LsReport *report)
{
  const char *description = ls_report_get_description (report);
  const char *consequences = ls_report_get_consequences (report);

  if (description == NULL)
    return g_strdup (consequences);
  if (consequences == NULL)
    return g_strdup (description);
  return g_strdup_printf ("%s\n\n%s", description, consequences);
}

static char *
dup_actions (LsInvestigation *inv)
{
  GListStore *actions = ls_investigation_get_preventive_actions (inv);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < ls_rules_n_items (actions); i++)
    {
      const char *what =
          ls_action_get_description (ls_rules_item_at (actions, i));

      if (what == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "• %s", what);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/**
 * ls_rules_all_told_of_notification:
 *
 * The form's box "Berörda enskilda har underrättats om anmälan" is
 * ticked from this alone: every individual has a day on which they were
 * told of the notification.  Being told of the wrongdoing is another
 * fact.
 *
 * Returns: whether every individual was told of the notification
 */
gboolean
ls_rules_all_told_of_notification (LsCase *self)
{
  GListStore *individuals;

  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  individuals = ls_report_get_individuals (ls_case_get_report (self));
  if (ls_rules_n_items (individuals) == 0)
    return FALSE;
  for (guint i = 0; i < ls_rules_n_items (individuals); i++)
    if (!ls_rules_is_set (ls_individual_get_told_of_notification_on (
            ls_rules_item_at (individuals, i))))
      return FALSE;
  return TRUE;
}

/**
 * ls_rules_prefill_notification:
 * @organisation: (nullable): who notifies
 *
 * Fills the empty fields of the case's notification from the report, the
 * investigation, the organisation and the unit, as the annex form asks for
 * them.  What is already written is kept: the manager edits every field
 * before the form is sent.  Who notifies and whether the investigation is
 * attached are chosen only on a notification nobody has filled in yet;
 * after that they are the manager's choices.  The texts made here are Swedish,
 * as the form is a Swedish document.
 */
void
ls_rules_prefill_notification (LsCase *self, LsOrganisation *organisation)
{
  LsNotification *notification;
  LsReport *report;
  LsUnit *unit = NULL;
  g_autofree char *description = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *occurred = NULL;
  gboolean untouched;

  g_return_if_fail (LS_IS_CASE (self));
  g_return_if_fail (organisation == NULL || LS_IS_ORGANISATION (organisation));

  notification = ls_case_get_notification (self);
  report = ls_case_get_report (self);
  /* Choices are made for the manager only on a notification nobody has
   * filled in yet; after that they are the manager's. */
  untouched = ls_notification_get_contact_name (notification) == NULL &&
              ls_notification_get_unit_name (notification) == NULL &&
              ls_notification_get_description (notification) == NULL;

  if (ls_notification_get_kind (notification) == LS_CASE_KIND_UNSET)
    ls_notification_set_kind (notification, ls_report_get_kind (report));

  if (organisation != NULL)
    {
      LsOrganisationKind kind = ls_organisation_get_kind (organisation);

      if (untouched)
        ls_notification_set_sender (notification, kind);
      prefill (notification, "department",
               ls_organisation_get_department (organisation));
      if (kind == LS_ORGANISATION_KIND_MUNICIPAL_BOARD)
        {
          prefill (notification, "board-name",
                   ls_organisation_get_name (organisation));
          prefill (notification, "board-municipality",
                   ls_organisation_get_municipality (organisation));
        }
      else if (kind == LS_ORGANISATION_KIND_PRIVATE_PROVIDER)
        {
          prefill (notification, "provider-name",
                   ls_organisation_get_name (organisation));
        }
      prefill (notification, "contact-name",
               ls_organisation_get_contact_name (organisation));
      prefill (notification, "contact-title",
               ls_organisation_get_contact_title (organisation));
      prefill (notification, "workplace",
               ls_organisation_get_workplace (organisation));
      prefill (notification, "postal-address",
               ls_organisation_get_postal_address (organisation));
      prefill (notification, "postcode",
               ls_organisation_get_postcode (organisation));
      prefill (notification, "town", ls_organisation_get_town (organisation));
      prefill (notification, "phone", ls_organisation_get_phone (organisation));
      prefill (notification, "email", ls_organisation_get_email (organisation));
      prefill (notification, "signatory",
               ls_organisation_get_contact_name (organisation));
      unit =
          ls_organisation_find_unit (organisation, ls_case_get_unit_id (self));
    }

  if (unit != NULL)
    {
      prefill (notification, "unit-name", ls_unit_get_name (unit));
      prefill (notification, "activity", ls_unit_get_activity (unit));
      prefill (notification, "unit-street-address",
               ls_unit_get_street_address (unit));
      prefill (notification, "unit-postcode", ls_unit_get_postcode (unit));
      prefill (notification, "unit-town", ls_unit_get_town (unit));
      prefill (notification, "unit-phone", ls_unit_get_phone (unit));
    }

  if (ls_report_get_occurred_unknown (report))
    occurred = g_strdup ("Tidpunkten är inte känd");
  else if (ls_report_get_occurred_at (report) != NULL)
    occurred = ls_dates_format_swedish (ls_report_get_occurred_at (report));
  prefill (notification, "occurred", occurred);

  description = dup_description (report);
  prefill (notification, "description", description);
  actions = dup_actions (ls_case_get_investigation (self));
  prefill (notification, "actions", actions);

  ls_notification_set_individuals_informed (
      notification, ls_rules_all_told_of_notification (self));
  if (untouched && ls_rules_conclusion_is_made (self))
    ls_notification_set_attach_investigation (notification, TRUE);
}
