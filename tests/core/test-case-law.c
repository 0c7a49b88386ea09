/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-action.h"
#include "ls-board-notice.h"
#include "ls-core-test.h"
#include "ls-duty.h"
#include "ls-error.h"
#include "ls-individual.h"
#include "ls-model.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-unit.h"

/* The details of SOSFS 2011:5 that a case keeps after the fact: late
 * deadlines, what was attached, being told of the notification, SiS's
 * secrecy, the boards its advice suggests. */

static gpointer
item_at (GListStore *store, guint position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (item);
  return item;
}

static LsRequirement *
find_reference (GListStore *requirements, LsStep step, const char *reference)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      LsRequirement *requirement = item_at (requirements, i);

      if (ls_requirement_get_step (requirement) == step &&
          g_strcmp0 (ls_requirement_get_reference (requirement), reference) ==
              0)
        return requirement;
    }
  return NULL;
}

static LsDuty *
find_duty (GPtrArray *duties, LsDutyKind kind)
{
  for (guint i = 0; i < duties->len; i++)
    if (ls_duty_get_kind (duties->pdata[i]) == kind)
      return duties->pdata[i];
  return NULL;
}

/* The example's closed serious case, notified on @submitted. */
static LsCase *
notified_case (const char *submitted)
{
  LsCase *lcase = ls_core_test_example_case (0);
  LsNotification *notification = ls_case_get_notification (lcase);

  ls_notification_set_submitted_on (notification, submitted);
  ls_notification_set_investigation_sent_on (notification, NULL);
  return lcase;
}

/* ---- 1: late deadlines kept after the fact ------------------------------ */

static void
test_late_investigation (void)
{
  g_autoptr (LsCase) lcase = notified_case ("2026-12-31");
  g_autoptr (GDateTime) now = g_date_time_new_local (2027, 6, 1, 12, 0, 0);
  g_autoptr (GPtrArray) duties = NULL;
  g_autofree char *summary = NULL;
  LsDuty *duty;

  ls_investigation_set_concluded_on (ls_case_get_investigation (lcase),
                                     "2027-02-27");
  /* Open and overdue. */
  duties = ls_rules_list_duties (lcase, now);
  duty = find_duty (duties, LS_DUTY_INVESTIGATION_SENT);
  g_assert_nonnull (duty);
  g_assert_cmpstr (ls_duty_get_due_on (duty), ==, "2027-02-28");
  g_assert_false (ls_duty_get_done (duty));
  g_assert_cmpint (ls_duty_get_days_late (duty), ==, 93);
  g_clear_pointer (&duties, g_ptr_array_unref);

  /* Sent on 1 March: the case is closed, and still says it was a day late
   * (6 kap. 2 §). */
  ls_notification_set_investigation_sent_on (ls_case_get_notification (lcase),
                                             "2027-03-01");
  g_assert_cmpint (ls_rules_derive_status (lcase), ==, LS_CASE_STATUS_CLOSED);
  g_assert_null (ls_rules_dup_investigation_due (lcase));
  duties = ls_rules_list_duties (lcase, now);
  duty = find_duty (duties, LS_DUTY_INVESTIGATION_SENT);
  g_assert_nonnull (duty);
  g_assert_cmpstr (ls_duty_get_due_on (duty), ==, "2027-02-28");
  g_assert_cmpstr (ls_duty_get_done_on (duty), ==, "2027-03-01");
  g_assert_true (ls_duty_get_done (duty));
  g_assert_cmpint (ls_duty_get_days_late (duty), ==, 1);
  g_assert_cmpstr (ls_duty_get_reference (duty), ==, "6 kap. 2 § SOSFS 2011:5");
  summary = ls_duty_dup_summary (duty);
  g_assert_nonnull (strstr (summary, "2027-02-28"));
  g_assert_nonnull (strstr (summary, "2027-03-01"));
  g_assert_nonnull (strstr (summary, "1 day late"));
  g_clear_pointer (&duties, g_ptr_array_unref);

  /* On time is on time. */
  ls_notification_set_investigation_sent_on (ls_case_get_notification (lcase),
                                             "2027-02-28");
  duties = ls_rules_list_duties (lcase, now);
  g_assert_cmpint (
      ls_duty_get_days_late (find_duty (duties, LS_DUTY_INVESTIGATION_SENT)),
      ==, 0);
}

static void
test_late_follow_up (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 9, 1, 12, 0, 0);
  g_autoptr (GPtrArray) duties = NULL;
  GListStore *preventive = ls_investigation_get_preventive_actions (
      ls_case_get_investigation (lcase));
  LsDuty *duty;

  g_list_store_remove_all (preventive);
  ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
  ls_action_set_description (action, "Larmrutin");
  ls_action_set_responsible (action, "Maria Lind");
  ls_action_set_due_on (action, "2026-04-30");
  ls_action_set_status (action, LS_ACTION_STATUS_DONE);
  ls_action_set_taken_at (action, "2026-05-04");
  ls_action_set_follow_up_on (action, "2026-06-30");
  ls_action_set_effect (action, "Larmen besvaras.");
  ls_action_set_followed_up_on (action, "2026-07-10");
  g_list_store_append (preventive, action);

  duties = ls_rules_list_duties (lcase, now);
  duty = find_duty (duties, LS_DUTY_PREVENTIVE_ACTION);
  g_assert_nonnull (duty);
  g_assert_cmpstr (ls_duty_get_what (duty), ==, "Larmrutin");
  g_assert_cmpstr (ls_duty_get_due_on (duty), ==, "2026-04-30");
  g_assert_cmpstr (ls_duty_get_done_on (duty), ==, "2026-05-04");
  g_assert_cmpint (ls_duty_get_days_late (duty), ==, 4);
  duty = find_duty (duties, LS_DUTY_FOLLOW_UP);
  g_assert_nonnull (duty);
  g_assert_cmpstr (ls_duty_get_due_on (duty), ==, "2026-06-30");
  g_assert_cmpstr (ls_duty_get_done_on (duty), ==, "2026-07-10");
  g_assert_cmpint (ls_duty_get_days_late (duty), ==, 10);
}

/* ---- 2: what was attached was sent -------------------------------------- */

static void
test_attached_investigation_sent (void)
{
  g_autoptr (LsCase) lcase = notified_case ("2026-03-22");
  LsNotification *notification = ls_case_get_notification (lcase);
  g_autoptr (GListStore) requirements = NULL;
  g_autofree char *sent = NULL;

  /* Concluded on 20 March, notified on 22 March, not attached: due. */
  ls_notification_set_attach_investigation (notification, FALSE);
  requirements = ls_rules_check (lcase, NULL);
  g_assert_nonnull (find_reference (requirements, LS_STEP_INVESTIGATION_SENT,
                                    "6 kap. 2 § SOSFS 2011:5"));
  g_clear_object (&requirements);

  /* Attached: sent with the notification, nothing to send. */
  ls_notification_set_attach_investigation (notification, TRUE);
  requirements = ls_rules_check (lcase, NULL);
  g_assert_null (find_reference (requirements, LS_STEP_INVESTIGATION_SENT,
                                 "6 kap. 2 § SOSFS 2011:5"));
  g_assert_null (ls_rules_dup_investigation_due (lcase));
  sent = ls_rules_dup_investigation_sent_on (lcase);
  g_assert_cmpstr (sent, ==, "2026-03-22");
  g_assert_cmpint (ls_rules_derive_status (lcase), ==, LS_CASE_STATUS_CLOSED);
  g_clear_object (&requirements);

  /* Marked attached but concluded after the notification: not sent. */
  ls_investigation_set_concluded_on (ls_case_get_investigation (lcase),
                                     "2026-03-25");
  requirements = ls_rules_check (lcase, NULL);
  g_assert_nonnull (find_reference (requirements, LS_STEP_INVESTIGATION_SENT,
                                    "6 kap. 2 § SOSFS 2011:5"));
}

/* ---- 4: told of the notification ---------------------------------------- */

#define TOLD_REF                                                               \
  "allmänna råd till 6 kap. SOSFS 2011:5 (information till den enskilde)"

static void
test_told_of_notification (void)
{
  g_autoptr (LsCase) lcase = notified_case ("2026-03-22");
  LsIndividual *individual =
      item_at (ls_report_get_individuals (ls_case_get_report (lcase)), 0);
  g_autoptr (GListStore) requirements = NULL;
  g_autoptr (JsonObject) json = NULL;
  g_autoptr (LsCase) copy = NULL;
  g_autoptr (GError) error = NULL;
  LsRequirement *requirement;

  /* Told of the wrongdoing is not told of the notification. */
  ls_individual_set_told_of_notification_on (individual, NULL);
  g_assert_nonnull (ls_individual_get_informed_on (individual));
  g_assert_false (ls_rules_all_told_of_notification (lcase));
  requirements = ls_rules_check (lcase, NULL);
  requirement =
      find_reference (requirements, LS_STEP_TOLD_OF_NOTIFICATION, TOLD_REF);
  g_assert_nonnull (requirement);
  g_assert_false (ls_requirement_get_blocking (requirement));
  g_assert_true (ls_rules_needs_attention (requirement));
  g_clear_object (&requirements);

  ls_individual_set_told_of_notification_on (individual, "2026-03-23");
  ls_individual_set_told_of_notification_how (individual, "Brev till dottern");
  g_assert_true (ls_rules_all_told_of_notification (lcase));
  requirements = ls_rules_check (lcase, NULL);
  g_assert_null (
      find_reference (requirements, LS_STEP_TOLD_OF_NOTIFICATION, TOLD_REF));

  /* In the exchange format. */
  json = ls_case_to_json (lcase);
  copy = ls_case_new_from_json (json, "cases[0]", &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  individual =
      item_at (ls_report_get_individuals (ls_case_get_report (copy)), 0);
  g_assert_cmpstr (ls_individual_get_told_of_notification_on (individual), ==,
                   "2026-03-23");
  g_assert_cmpstr (ls_individual_get_told_of_notification_how (individual), ==,
                   "Brev till dottern");
}

/* ---- 7: SiS and secrecy ------------------------------------------------- */

static void
test_sis_secrecy (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (LsBoardNotice) notice = ls_board_notice_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) requirements = NULL;

  ls_organisation_set_kind (organisation, LS_ORGANISATION_KIND_SIS);
  g_assert_false (ls_rules_can_close (lcase, organisation, &error));
  g_assert_nonnull (strstr (error->message, "4 kap. 2 § SOSFS 2011:5"));
  g_clear_error (&error);

  /* Recorded as not given, without a reason: still blocking, and refused
   * by validation. */
  ls_board_notice_set_stage (notice, LS_NOTICE_STAGE_REPORT);
  ls_board_notice_set_secrecy_prevents (notice, TRUE);
  g_list_store_append (ls_case_get_board_notices (lcase), notice);
  g_assert_false (ls_rules_can_close (lcase, organisation, NULL));
  g_assert_false (ls_rules_validate (lcase, organisation, NULL, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_EMPTY_FIELD);
  g_assert_nonnull (strstr (error->message, "board_notices[0].secrecy_reason"));
  g_clear_error (&error);

  /* With its reason it no longer blocks closing. */
  ls_board_notice_set_secrecy_reason (
      notice, "Sekretess enligt 26 kap. 1 § OSL mot den enskildes vilja");
  g_assert_true (ls_rules_can_close (lcase, organisation, &error));
  g_assert_no_error (error);
  g_assert_true (ls_rules_validate (lcase, organisation, NULL, &error));
  g_assert_no_error (error);
  requirements = ls_rules_check (lcase, organisation);
  g_assert_null (find_reference (requirements, LS_STEP_BOARD_NOTICE,
                                 "4 kap. 2 § SOSFS 2011:5"));

  /* Only SiS may. */
  ls_organisation_set_kind (organisation,
                            LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  g_assert_false (ls_rules_validate (lcase, organisation, NULL, &error));
  g_assert_nonnull (
      strstr (error->message, "board_notices[0].secrecy_prevents"));
  g_assert_false (ls_rules_can_close (lcase, organisation, NULL));
}

/* ---- 8: assistance compensation ----------------------------------------- */

static void
test_assistance_board (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (1);
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  LsUnit *unit =
      ls_organisation_find_unit (organisation, ls_case_get_unit_id (lcase));
  g_autoptr (LsBoardNotice) notice = ls_board_notice_new ();
  g_autoptr (GListStore) requirements = NULL;
  LsRequirement *requirement;

  ls_organisation_set_kind (organisation,
                            LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  g_assert_false (ls_rules_is_personal_assistance (lcase, organisation));
  ls_unit_set_activity (unit, "Personlig assistans enligt LSS");
  /* Asked about for LSS personal assistance. */
  g_assert_true (ls_rules_is_personal_assistance (lcase, organisation));
  requirements = ls_rules_check (lcase, organisation);
  g_assert_null (find_reference (requirements, LS_STEP_BOARD_NOTICE,
                                 "allmänna råd till 4 kap. 1 § SOSFS 2011:5"));
  g_clear_object (&requirements);

  ls_case_set_assistance_compensation (lcase, TRUE);
  ls_case_set_assistance_board (lcase, "Socialnämnden i Hemkommunen");
  requirements = ls_rules_check (lcase, organisation);
  requirement = find_reference (requirements, LS_STEP_BOARD_NOTICE,
                                "allmänna råd till 4 kap. 1 § SOSFS 2011:5");
  g_assert_nonnull (requirement);
  g_assert_false (ls_requirement_get_blocking (requirement));
  g_assert_nonnull (strstr (ls_requirement_get_message (requirement),
                            "Socialnämnden i Hemkommunen"));
  g_assert_nonnull (
      strstr (ls_requirement_get_message (requirement), "15 § 2 LSS"));
  g_clear_object (&requirements);

  /* Told: no longer suggested. */
  ls_board_notice_set_stage (notice, LS_NOTICE_STAGE_REPORT);
  ls_board_notice_set_board (notice, "Socialnämnden i Hemkommunen");
  ls_board_notice_set_notified_on (notice, "2026-03-10");
  g_list_store_append (ls_case_get_board_notices (lcase), notice);
  requirements = ls_rules_check (lcase, organisation);
  g_assert_null (find_reference (requirements, LS_STEP_BOARD_NOTICE,
                                 "allmänna råd till 4 kap. 1 § SOSFS 2011:5"));
}

/* ---- 10: the deciding board of a municipal activity --------------------- */

static void
test_municipal_deciding_board (void)
{
  g_autoptr (LsCase) lcase = notified_case ("2026-03-22");
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (LsBoardNotice) notice = ls_board_notice_new ();
  g_autoptr (GListStore) requirements = NULL;
  LsRequirement *requirement;
  static const char report_ref[] =
      "allmänna råd till 4 kap. SOSFS 2011:5 (kommunal verksamhet)";
  static const char notification_ref[] =
      "allmänna råd till 6 kap. SOSFS 2011:5 (information till beslutande "
      "nämnd)";

  /* The board itself decided: nothing to suggest. */
  ls_case_set_deciding_board (lcase, ls_organisation_get_name (organisation));
  requirements = ls_rules_check (lcase, organisation);
  g_assert_null (
      find_reference (requirements, LS_STEP_BOARD_NOTICE, report_ref));
  g_clear_object (&requirements);

  ls_case_set_deciding_board (lcase, "Socialnämnden");
  requirements = ls_rules_check (lcase, organisation);
  requirement = find_reference (requirements, LS_STEP_BOARD_NOTICE, report_ref);
  g_assert_nonnull (requirement);
  g_assert_false (ls_requirement_get_blocking (requirement));
  g_assert_nonnull (
      strstr (ls_requirement_get_message (requirement), "Socialnämnden"));
  g_assert_nonnull (
      find_reference (requirements, LS_STEP_BOARD_NOTICE, notification_ref));
  /* Not blocking: the case still closes. */
  g_assert_true (ls_rules_can_close (lcase, organisation, NULL));
  g_clear_object (&requirements);

  ls_board_notice_set_stage (notice, LS_NOTICE_STAGE_REPORT);
  ls_board_notice_set_board (notice, "socialnämnden");
  ls_board_notice_set_notified_on (notice, "2026-03-10");
  g_list_store_append (ls_case_get_board_notices (lcase), notice);
  requirements = ls_rules_check (lcase, organisation);
  g_assert_null (
      find_reference (requirements, LS_STEP_BOARD_NOTICE, report_ref));
  g_assert_nonnull (
      find_reference (requirements, LS_STEP_BOARD_NOTICE, notification_ref));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-law/duties/late-investigation",
                   test_late_investigation);
  g_test_add_func ("/case-law/duties/late-follow-up", test_late_follow_up);
  g_test_add_func ("/case-law/attached-investigation-sent",
                   test_attached_investigation_sent);
  g_test_add_func ("/case-law/told-of-notification", test_told_of_notification);
  g_test_add_func ("/case-law/sis-secrecy", test_sis_secrecy);
  g_test_add_func ("/case-law/assistance-board", test_assistance_board);
  g_test_add_func ("/case-law/municipal-deciding-board",
                   test_municipal_deciding_board);
  return g_test_run ();
}
