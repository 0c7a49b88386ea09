/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-action.h"
#include "ls-board-notice.h"
#include "ls-cause.h"
#include "ls-core-test.h"
#include "ls-error.h"
#include "ls-individual.h"
#include "ls-investigator.h"
#include "ls-journal-item.h"
#include "ls-requirement.h"
#include "ls-rules.h"

#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"

/* ---- Helpers ------------------------------------------------------------ */

/* Following up the effect is IVO's advice, not a provision */
#define LS_TEST_FOLLOW_UP                                                      \
  "IVO:s råd om uppföljning, till 5 kap. 5 § SOSFS 2011:5"

static gpointer
item_at (GListStore *store, guint position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (item);
  return item;
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

/* A report with everything 2:1 to 2:4 asks for, and nothing else. */
static LsCase *
new_reported_case (void)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);

  ls_case_set_unit_id (lcase, UNIT_SOLGARDEN);
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_received_at (report, "2026-03-02T08:15:00+01:00");
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_description (report, "Larmet besvarades inte.");
  return lcase;
}

static void
conclude (LsCase *lcase, LsSeriousness seriousness)
{
  LsInvestigation *inv = ls_case_get_investigation (lcase);

  ls_investigation_set_conclusion (inv, "Ett missförhållande.");
  ls_investigation_set_concluded_on (inv, "2026-03-20");
  ls_investigation_set_decided_by (inv, "Maria Lind");
  ls_investigation_set_seriousness (inv, seriousness);
}

/* The requirements of @step (and @point, when not 0), with the one found
 * returned so that the test can look at it. */
static LsRequirement *
find_requirement (GListStore *requirements, LsStep step, LsPoints point)
{
  for (guint i = 0; i < n_items (requirements); i++)
    {
      LsRequirement *requirement = item_at (requirements, i);

      if (ls_requirement_get_step (requirement) == step &&
          (point == 0 || ls_requirement_get_point (requirement) == point))
        return requirement;
    }
  return NULL;
}

static guint
count_blocking (GListStore *requirements)
{
  guint n = 0;

  for (guint i = 0; i < n_items (requirements); i++)
    if (ls_requirement_get_blocking (item_at (requirements, i)))
      n++;
  return n;
}

static void
dump (GListStore *requirements)
{
  for (guint i = 0; i < n_items (requirements); i++)
    {
      LsRequirement *r = item_at (requirements, i);

      g_test_message ("requirement: step %d point %d %s (%s) due %s%s",
                      ls_requirement_get_step (r), ls_requirement_get_point (r),
                      ls_requirement_get_message (r),
                      ls_requirement_get_reference (r),
                      ls_requirement_get_due (r),
                      ls_requirement_get_blocking (r) ? " blocking" : "");
    }
}

/* Asserts that @lcase requires (step, point) with @reference, and returns
 * the requirement (borrowed from a list the caller frees with @out). */
static LsRequirement *
assert_requires (LsCase *lcase,
                 LsOrganisation *organisation,
                 LsStep step,
                 LsPoints point,
                 const char *reference,
                 gboolean blocking,
                 GListStore **out)
{
  LsRequirement *requirement;

  g_clear_object (out);
  *out = ls_rules_check (lcase, organisation);
  dump (*out);
  requirement = find_requirement (*out, step, point);
  g_assert_nonnull (requirement);
  g_assert_cmpstr (ls_requirement_get_reference (requirement), ==, reference);
  g_assert_cmpint (ls_requirement_get_blocking (requirement), ==, blocking);
  g_assert_cmpstr (ls_requirement_get_message (requirement), !=, "");
  return requirement;
}

static void
assert_not_required (LsCase *lcase,
                     LsOrganisation *organisation,
                     LsStep step,
                     LsPoints point)
{
  g_autoptr (GListStore) requirements = ls_rules_check (lcase, organisation);

  dump (requirements);
  g_assert_null (find_requirement (requirements, step, point));
}

/* ---- Status ------------------------------------------------------------- */

static void
test_status_not_serious (void)
{
  g_autoptr (LsCase) lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  g_autoptr (LsInvestigator) investigator = ls_investigator_new ();

  /* Every field of the report is needed before it leaves the draft. */
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_DRAFT);
  ls_case_set_unit_id (lcase, UNIT_SOLGARDEN);
  ls_report_set_kind (report, LS_CASE_KIND_CLEAR_RISK);
  ls_report_set_received_at (report, "2026-03-02");
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_TRAINEE);
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_DRAFT);
  /* Blank text is no description. */
  ls_report_set_description (report, "  \n ");
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_DRAFT);
  ls_report_set_description (report, "Dörren till förrådet stod olåst.");
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_REPORTED);
  g_assert_cmpint (ls_rules_derive_status (lcase), ==, LS_CASE_STATUS_REPORTED);

  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_UNSET);
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_DRAFT);
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_CONTRACTOR);

  /* Anything of the investigation starts it. */
  ls_investigator_set_name (investigator, "Lena Holm");
  g_list_store_append (
      ls_investigation_get_investigators (ls_case_get_investigation (lcase)),
      investigator);
  g_assert_cmpint (ls_case_get_status (lcase), ==,
                   LS_CASE_STATUS_UNDER_INVESTIGATION);

  /* A conclusion lacking whether it is serious is not made yet. */
  conclude (lcase, LS_SERIOUSNESS_UNDECIDED);
  g_assert_cmpint (ls_case_get_status (lcase), ==,
                   LS_CASE_STATUS_UNDER_INVESTIGATION);
  ls_investigation_set_seriousness (ls_case_get_investigation (lcase),
                                    LS_SERIOUSNESS_NOT_SERIOUS);
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_CLOSED);
  ls_investigation_set_decided_by (ls_case_get_investigation (lcase), NULL);
  g_assert_cmpint (ls_case_get_status (lcase), ==,
                   LS_CASE_STATUS_UNDER_INVESTIGATION);
}

static void
test_status_serious (void)
{
  g_autoptr (LsCase) lcase = new_reported_case ();
  LsNotification *notification = ls_case_get_notification (lcase);

  ls_investigation_set_started_on (ls_case_get_investigation (lcase),
                                   "2026-03-02");
  g_assert_cmpint (ls_case_get_status (lcase), ==,
                   LS_CASE_STATUS_UNDER_INVESTIGATION);
  /* Serious: not closed before IVO has been notified... */
  conclude (lcase, LS_SERIOUSNESS_SERIOUS);
  g_assert_cmpint (ls_case_get_status (lcase), ==,
                   LS_CASE_STATUS_UNDER_INVESTIGATION);
  ls_notification_set_submitted_on (notification, "2026-03-21");
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_NOTIFIED);
  /* ...and has the finished investigation. */
  ls_notification_set_investigation_sent_on (notification, "2026-03-24");
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_CLOSED);
}

/* Recording a serious conclusion leads on to the notification; a
 * conclusion not yet recorded, or one that is not serious, does not. */
static void
test_proposes_notification (void)
{
  g_autoptr (LsCase) serious = new_reported_case ();
  g_autoptr (LsCase) not_serious = new_reported_case ();
  LsInvestigation *inv = ls_case_get_investigation (serious);

  g_assert_false (ls_rules_proposes_notification (serious));
  /* Judged serious, but the decision is not made yet. */
  ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_SERIOUS);
  g_assert_false (ls_rules_proposes_notification (serious));
  conclude (serious, LS_SERIOUSNESS_SERIOUS);
  g_assert_true (ls_rules_proposes_notification (serious));

  conclude (not_serious, LS_SERIOUSNESS_NOT_SERIOUS);
  g_assert_true (ls_rules_conclusion_is_made (not_serious));
  g_assert_false (ls_rules_proposes_notification (not_serious));
}

static void
test_status_notified_before_conclusion (void)
{
  g_autoptr (LsCase) lcase = new_reported_case ();
  LsNotification *notification = ls_case_get_notification (lcase);

  /* A clearly serious case is notified at once, before the investigation
   * is done (6:1); the case stays notified until it is concluded and the
   * investigation sent. */
  ls_notification_set_submitted_on (notification, "2026-03-03");
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_NOTIFIED);
  ls_investigation_set_started_on (ls_case_get_investigation (lcase),
                                   "2026-03-03");
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_NOTIFIED);
  conclude (lcase, LS_SERIOUSNESS_SERIOUS);
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_NOTIFIED);
  ls_notification_set_investigation_sent_on (notification, "2026-04-20");
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_CLOSED);

  /* The example's cases: one closed, one under investigation. */
  {
    g_autoptr (LsCase) closed = ls_core_test_example_case (0);
    g_autoptr (LsCase) open = ls_core_test_example_case (1);

    g_assert_cmpint (ls_case_get_status (closed), ==, LS_CASE_STATUS_CLOSED);
    g_assert_cmpint (ls_case_get_status (open), ==,
                     LS_CASE_STATUS_UNDER_INVESTIGATION);
  }
}

typedef struct
{
  guint status;
  guint deadline;
} Counts;

static void
count_notify_cb (GObject *object, GParamSpec *pspec, Counts *counts)
{
  if (g_str_equal (pspec->name, "status"))
    counts->status++;
  else if (g_str_equal (pspec->name, "next-deadline"))
    counts->deadline++;
}

static void
test_status_notify_nested (void)
{
  g_autoptr (LsCase) lcase = new_reported_case ();
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  g_autoptr (LsJournalItem) item = ls_journal_item_new ();
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (LsIndividual) individual = ls_individual_new ();
  Counts counts = { 0 };

  g_signal_connect (lcase, "notify", G_CALLBACK (count_notify_cb), &counts);

  /* An item added to a list of the investigation starts it. */
  ls_journal_item_set_text (item, "Samtal med nattpersonalen.");
  g_list_store_append (ls_investigation_get_journal (inv), item);
  g_assert_cmpint (ls_case_get_status (lcase), ==,
                   LS_CASE_STATUS_UNDER_INVESTIGATION);
  g_assert_cmpuint (counts.status, ==, 1);

  /* A field of an item added after the case was made is followed too. */
  ls_action_set_description (action, "Ny rutin för larmtelefonen.");
  g_list_store_append (ls_investigation_get_preventive_actions (inv), action);
  g_assert_null (ls_case_get_next_deadline (lcase));
  ls_action_set_due_on (action, "2026-04-30");
  g_assert_cmpstr (ls_case_get_next_deadline (lcase), ==, "2026-04-30");
  g_assert_cmpuint (counts.deadline, ==, 1);
  ls_action_set_follow_up_on (action, "2026-04-15");
  g_assert_cmpstr (ls_case_get_next_deadline (lcase), ==, "2026-04-15");
  g_assert_cmpuint (counts.deadline, ==, 2);
  /* Done and followed up: nothing due. */
  ls_action_set_status (action, LS_ACTION_STATUS_DONE);
  ls_action_set_effect (action, "Inga fler obesvarade larm.");
  g_assert_null (ls_case_get_next_deadline (lcase));
  g_assert_cmpuint (counts.deadline, ==, 3);

  /* The notification's date sets the investigation's deadline (6:2). */
  ls_notification_set_submitted_on (ls_case_get_notification (lcase),
                                    "2026-12-31");
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_NOTIFIED);
  g_assert_cmpstr (ls_case_get_next_deadline (lcase), ==, "2027-02-28");
  g_assert_cmpuint (counts.status, ==, 2);
  g_assert_cmpuint (counts.deadline, ==, 4);

  /* A field of an individual changes neither: no notification. */
  g_list_store_append (ls_report_get_individuals (ls_case_get_report (lcase)),
                       individual);
  ls_individual_set_informed_on (individual, "2026-03-02");
  g_assert_cmpuint (counts.status, ==, 2);
  g_assert_cmpuint (counts.deadline, ==, 4);

  /* A report field taken away puts it back in the draft. */
  ls_report_set_description (ls_case_get_report (lcase), NULL);
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_DRAFT);
  g_assert_cmpuint (counts.status, ==, 3);

  /* An item taken out of the case no longer moves it. */
  g_list_store_remove_all (ls_investigation_get_preventive_actions (inv));
  ls_action_set_status (action, LS_ACTION_STATUS_PLANNED);
  ls_action_set_due_on (action, "2026-01-01");
  g_assert_cmpstr (ls_case_get_next_deadline (lcase), ==, "2027-02-28");
  g_assert_cmpuint (counts.deadline, ==, 4);
}

static void
test_next_deadline (void)
{
  g_autoptr (LsCase) lcase = new_reported_case ();
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  g_autoptr (LsAction) early = ls_action_new ();
  g_autoptr (LsAction) late = ls_action_new ();
  g_autofree char *due = NULL;

  ls_action_set_due_on (late, "2026-09-01");
  ls_action_set_due_on (early, "2026-04-01T10:00:00+02:00");
  g_list_store_append (ls_investigation_get_preventive_actions (inv), late);
  g_list_store_append (ls_investigation_get_preventive_actions (inv), early);
  /* The earliest, as a day, whatever form the date was given in. */
  g_assert_cmpstr (ls_case_get_next_deadline (lcase), ==, "2026-04-01");
  ls_notification_set_submitted_on (ls_case_get_notification (lcase),
                                    "2026-01-15");
  g_assert_cmpstr (ls_case_get_next_deadline (lcase), ==, "2026-03-15");
  due = ls_rules_dup_investigation_due (lcase);
  g_assert_cmpstr (due, ==, "2026-03-15");
  ls_notification_set_investigation_sent_on (ls_case_get_notification (lcase),
                                             "2026-03-10");
  g_clear_pointer (&due, g_free);
  due = ls_rules_dup_investigation_due (lcase);
  g_assert_null (due);
  g_assert_cmpstr (ls_case_get_next_deadline (lcase), ==, "2026-04-01");
}

/* ---- The completeness check --------------------------------------------- */

static void
test_check_complete_case (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GListStore) requirements = ls_rules_check (lcase, organisation);
  g_autoptr (GError) error = NULL;
  LsRequirement *follow_up;

  dump (requirements);
  /* Nothing blocks; what is left is following up the training, whose
   * effect is not yet known. */
  g_assert_cmpuint (count_blocking (requirements), ==, 0);
  g_assert_cmpuint (n_items (requirements), ==, 1);
  follow_up = find_requirement (requirements, LS_STEP_FOLLOW_UP, 0);
  g_assert_nonnull (follow_up);
  g_assert_cmpstr (ls_requirement_get_due (follow_up), ==, "2026-06-15");
  g_assert_cmpstr (ls_requirement_get_reference (follow_up), ==,
                   LS_TEST_FOLLOW_UP);
  g_assert_nonnull (strstr (ls_requirement_get_message (follow_up),
                            "All nattpersonal utbildas i larmhantering."));
  g_assert_true (ls_rules_can_close (lcase, organisation, &error));
  g_assert_no_error (error);
}

static void
test_check_report (void)
{
  g_autoptr (LsCase) lcase = ls_case_new ();
  g_autoptr (GListStore) requirements = ls_rules_check (lcase, NULL);
  static const char *const expected[] = {
    "Choose the unit where it happened.",
    "Say whether it is a wrongdoing or a clear risk of one.",
    "Give when the report was received.",
    "Give who reported.",
    "Describe what happened.",
    "Name the individuals concerned.",
  };

  dump (requirements);
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n_items (requirements); i++)
        {
          LsRequirement *r = item_at (requirements, i);

          if (g_str_equal (ls_requirement_get_message (r), expected[k]))
            {
              g_assert_cmpint (ls_requirement_get_step (r), ==, LS_STEP_REPORT);
              g_assert_true (ls_requirement_get_blocking (r));
              found = TRUE;
            }
        }
      g_test_message ("looking for: %s", expected[k]);
      g_assert_true (found);
    }
  g_assert_nonnull (
      find_requirement (requirements, LS_STEP_IMMEDIATE_ACTIONS, 0));
  g_assert_cmpstr (ls_requirement_get_reference (find_requirement (
                       requirements, LS_STEP_IMMEDIATE_ACTIONS, 0)),
                   ==, "3 kap. 1 § SOSFS 2011:5");
}

static void
test_check_immediate_action_time (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  LsAction *action =
      item_at (ls_report_get_immediate_actions (ls_case_get_report (lcase)), 1);
  g_autoptr (GListStore) out = NULL;
  LsRequirement *requirement;

  /* What was done at once is 3:1, not the investigation's 5:3. */
  ls_action_set_taken_at (action, NULL);
  requirement = assert_requires (lcase, NULL, LS_STEP_IMMEDIATE_ACTIONS, 0,
                                 "3 kap. 1 § SOSFS 2011:5", TRUE, &out);
  g_assert_nonnull (strstr (ls_requirement_get_message (requirement),
                            "Larmleverantören kontaktades"));
}

static void
clear_points (LsCase *lcase, LsPoints points)
{
  GListStore *journal =
      ls_investigation_get_journal (ls_case_get_investigation (lcase));

  for (guint i = 0; i < n_items (journal); i++)
    {
      LsJournalItem *item = item_at (journal, i);

      ls_journal_item_set_points (item,
                                  ls_journal_item_get_points (item) & ~points);
    }
}

static void
test_check_points (void)
{
  static const struct
  {
    LsPoints point;
    const char *reference;
  } points[] = {
    { LS_POINT_WHAT_HAPPENED, "5 kap. 2 § 1 SOSFS 2011:5" },
    { LS_POINT_CAUSES, "5 kap. 2 § 5 SOSFS 2011:5" },
    { LS_POINT_SIMILAR_BEFORE, "5 kap. 2 § 6 SOSFS 2011:5" },
    { LS_POINT_RECURRENCE, "5 kap. 2 § 7 SOSFS 2011:5" },
  };

  /* Points 1 and 5 to 7 need a documented item each. */
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
      g_autoptr (GListStore) out = NULL;
      g_autoptr (GError) error = NULL;

      clear_points (lcase, points[i].point);
      assert_requires (lcase, NULL, LS_STEP_JOURNAL, points[i].point,
                       points[i].reference, TRUE, &out);
      g_assert_cmpuint (count_blocking (out), ==, 1);
      g_assert_false (ls_rules_can_close (lcase, NULL, &error));
      g_assert_error (error, LS_ERROR, LS_ERROR_INCOMPLETE);
      g_assert_nonnull (strstr (error->message, points[i].reference));
    }
}

static void
test_check_points_from_report (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  LsReport *report = ls_case_get_report (lcase);
  g_autoptr (GListStore) out = NULL;

  /* Points 2 to 4 are the report's own fields: no item needed. */
  clear_points (lcase,
                LS_POINT_RECEIVED | LS_POINT_NOTICED | LS_POINT_OCCURRED);
  out = ls_rules_check (lcase, NULL);
  g_assert_cmpuint (count_blocking (out), ==, 0);

  /* When it was noticed needs how too. */
  ls_report_set_noticed_how (report, NULL);
  assert_requires (lcase, NULL, LS_STEP_JOURNAL, LS_POINT_NOTICED,
                   "5 kap. 2 § 3 SOSFS 2011:5", TRUE, &out);
  ls_report_set_noticed_how (report, "Vid morgonrundan.");
  ls_report_set_noticed_at (report, NULL);
  assert_requires (lcase, NULL, LS_STEP_JOURNAL, LS_POINT_NOTICED,
                   "5 kap. 2 § 3 SOSFS 2011:5", TRUE, &out);

  /* When it happened: a date, or knowing it is unknown. */
  ls_report_set_occurred_at (report, NULL);
  assert_requires (lcase, NULL, LS_STEP_JOURNAL, LS_POINT_OCCURRED,
                   "5 kap. 2 § 4 SOSFS 2011:5", TRUE, &out);
  ls_report_set_occurred_unknown (report, TRUE);
  assert_not_required (lcase, NULL, LS_STEP_JOURNAL, LS_POINT_OCCURRED);

  ls_report_set_received_at (report, NULL);
  assert_requires (lcase, NULL, LS_STEP_JOURNAL, LS_POINT_RECEIVED,
                   "5 kap. 2 § 2 SOSFS 2011:5", TRUE, &out);
}

static void
test_check_answers (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  g_autoptr (GListStore) out = NULL;
  LsRequirement *requirement;

  /* Point 5: the causes themselves; then no item is asked for them. */
  g_list_store_remove_all (ls_investigation_get_causes (inv));
  assert_requires (lcase, NULL, LS_STEP_CAUSES, LS_POINT_CAUSES,
                   "5 kap. 2 § 5 SOSFS 2011:5", TRUE, &out);
  g_assert_null (find_requirement (out, LS_STEP_JOURNAL, LS_POINT_CAUSES));

  /* Point 6: unknown, or yes without why it happened again. */
  ls_investigation_set_similar_before (inv, LS_SIMILAR_BEFORE_UNKNOWN);
  requirement =
      assert_requires (lcase, NULL, LS_STEP_SIMILAR, LS_POINT_SIMILAR_BEFORE,
                       "5 kap. 2 § 6 SOSFS 2011:5", TRUE, &out);
  g_assert_nonnull (strstr (ls_requirement_get_message (requirement),
                            "similar has happened before"));
  ls_investigation_set_similar_before (inv, LS_SIMILAR_BEFORE_YES);
  ls_investigation_set_similar_explanation (inv, NULL);
  requirement =
      assert_requires (lcase, NULL, LS_STEP_SIMILAR, LS_POINT_SIMILAR_BEFORE,
                       "5 kap. 2 § 6 SOSFS 2011:5", TRUE, &out);
  g_assert_nonnull (strstr (ls_requirement_get_message (requirement), "again"));
  ls_investigation_set_similar_before (inv, LS_SIMILAR_BEFORE_NO);
  assert_not_required (lcase, NULL, LS_STEP_SIMILAR, 0);

  /* Point 7. */
  ls_investigation_set_recurrence (inv, " ");
  assert_requires (lcase, NULL, LS_STEP_RECURRENCE, LS_POINT_RECURRENCE,
                   "5 kap. 2 § 7 SOSFS 2011:5", TRUE, &out);
}

static void
test_check_5_3_to_5_5 (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  LsAction *remedial = item_at (ls_investigation_get_remedial_actions (inv), 0);
  LsJournalItem *item = item_at (ls_investigation_get_journal (inv), 1);
  g_autoptr (GListStore) out = NULL;
  g_autoptr (GError) error = NULL;
  LsRequirement *requirement;

  /* 5:3 1: when remedial actions were taken. */
  ls_action_set_taken_at (remedial, NULL);
  requirement = assert_requires (lcase, NULL, LS_STEP_ACTIONS, 0,
                                 "5 kap. 3 § 1 SOSFS 2011:5", TRUE, &out);
  g_assert_nonnull (strstr (ls_requirement_get_message (requirement),
                            "Larmtelefonerna på Solgården"));
  ls_action_set_taken_at (remedial, "2026-03-04");

  /* 5:3 2: what else emerged. */
  ls_investigation_set_other_findings (inv, NULL);
  assert_requires (lcase, NULL, LS_STEP_OTHER_FINDINGS, 0,
                   "5 kap. 3 § 2 SOSFS 2011:5", TRUE, &out);
  ls_investigation_set_other_findings (inv, "Inget annat.");

  /* 5:4: each documented item says its date, source, kind and author. */
  ls_journal_item_set_source (item, NULL);
  ls_journal_item_set_author_title (item, NULL);
  requirement = assert_requires (lcase, NULL, LS_STEP_JOURNAL, 0,
                                 "5 kap. 4 § SOSFS 2011:5", TRUE, &out);
  g_assert_cmpstr (ls_requirement_get_message (requirement), ==,
                   "Documented item 2 lacks where it comes from, the author’s "
                   "title.");
  ls_journal_item_set_source (item, "Rapporten");
  ls_journal_item_set_author_title (item, "Kvalitetsutvecklare");
  ls_journal_item_set_kind (item, LS_JOURNAL_KIND_UNSET);
  ls_journal_item_set_documented_on (item, NULL);
  requirement = assert_requires (lcase, NULL, LS_STEP_JOURNAL, 0,
                                 "5 kap. 4 § SOSFS 2011:5", TRUE, &out);
  g_assert_cmpstr (ls_requirement_get_message (requirement), ==,
                   "Documented item 2 lacks the date, whether it is a fact or "
                   "an assessment.");
  ls_journal_item_set_kind (item, LS_JOURNAL_KIND_FACT);
  ls_journal_item_set_documented_on (item, "2026-03-02");

  /* 5:5: preventive actions, each with who is responsible. */
  ls_action_set_responsible (
      item_at (ls_investigation_get_preventive_actions (inv), 1), NULL);
  requirement = assert_requires (lcase, NULL, LS_STEP_ACTIONS, 0,
                                 "5 kap. 5 § SOSFS 2011:5", TRUE, &out);
  g_assert_nonnull (strstr (ls_requirement_get_message (requirement),
                            "All nattpersonal utbildas"));
  g_list_store_remove_all (ls_investigation_get_preventive_actions (inv));
  requirement = assert_requires (lcase, NULL, LS_STEP_ACTIONS, 0,
                                 "5 kap. 5 § SOSFS 2011:5", TRUE, &out);
  g_assert_cmpuint (count_blocking (out), ==, 1);

  /* The conclusion itself is the step that closes, not a block. */
  ls_investigation_set_conclusion (inv, NULL);
  assert_requires (lcase, NULL, LS_STEP_CONCLUSION, 0,
                   "5 kap. 3 § 3 SOSFS 2011:5", FALSE, &out);

  /* Investigators. */
  g_list_store_remove_all (ls_investigation_get_investigators (inv));
  assert_requires (lcase, NULL, LS_STEP_INVESTIGATORS, 0,
                   "5 kap. 1 § SOSFS 2011:5", TRUE, &out);
  g_assert_false (ls_rules_can_close (lcase, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Name who investigates."));
  g_assert_nonnull (strstr (error->message, "5 kap. 1 §"));
  g_assert_nonnull (strstr (error->message, "keep it from happening again"));
  g_assert_null (strstr (error->message, "conclusion"));
}

static void
test_check_individual (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  LsIndividual *anna =
      item_at (ls_report_get_individuals (ls_case_get_report (lcase)), 0);
  g_autoptr (GListStore) out = NULL;
  LsRequirement *requirement;

  ls_individual_set_informed_on (anna, NULL);
  requirement =
      assert_requires (lcase, NULL, LS_STEP_INDIVIDUAL, 0,
                       "allmänna råd till 5 kap. SOSFS 2011:5", TRUE, &out);
  g_assert_nonnull (
      strstr (ls_requirement_get_message (requirement), "Anna Svensson"));
}

static void
test_check_notification (void)
{
  g_autoptr (LsCase) lcase = new_reported_case ();
  LsNotification *notification = ls_case_get_notification (lcase);
  g_autoptr (GListStore) out = NULL;
  LsRequirement *requirement;

  /* Not serious, or not yet decided: no notification is asked for. */
  assert_not_required (lcase, NULL, LS_STEP_NOTIFICATION, 0);
  conclude (lcase, LS_SERIOUSNESS_NOT_SERIOUS);
  assert_not_required (lcase, NULL, LS_STEP_NOTIFICATION, 0);

  /* Serious without a notification. */
  ls_investigation_set_seriousness (ls_case_get_investigation (lcase),
                                    LS_SERIOUSNESS_SERIOUS);
  assert_requires (lcase, NULL, LS_STEP_NOTIFICATION, 0,
                   "6 kap. 1–2 §§ SOSFS 2011:5", FALSE, &out);

  /* Notified: the finished investigation is due two calendar months
   * later, clamped to the month's end. */
  ls_notification_set_submitted_on (notification, "2026-12-31");
  assert_not_required (lcase, NULL, LS_STEP_NOTIFICATION, 0);
  requirement = assert_requires (lcase, NULL, LS_STEP_INVESTIGATION_SENT, 0,
                                 "6 kap. 2 § SOSFS 2011:5", FALSE, &out);
  g_assert_cmpstr (ls_requirement_get_due (requirement), ==, "2027-02-28");
  g_assert_nonnull (
      strstr (ls_requirement_get_message (requirement), "2027-02-28"));
  ls_notification_set_submitted_on (notification, "2027-12-31");
  requirement = assert_requires (lcase, NULL, LS_STEP_INVESTIGATION_SENT, 0,
                                 "6 kap. 2 § SOSFS 2011:5", FALSE, &out);
  g_assert_cmpstr (ls_requirement_get_due (requirement), ==, "2028-02-29");

  ls_notification_set_investigation_sent_on (notification, "2028-01-20");
  assert_not_required (lcase, NULL, LS_STEP_INVESTIGATION_SENT, 0);
}

static void
test_check_board_notices (void)
{
  static const struct
  {
    LsOrganisationKind kind;
    const char *report_reference;
    const char *notification_reference;
  } kinds[] = {
    { LS_ORGANISATION_KIND_PRIVATE_PROVIDER, "4 kap. 1 § SOSFS 2011:5",
      "6 kap. 3–4 §§ SOSFS 2011:5" },
    { LS_ORGANISATION_KIND_SIS, "4 kap. 2 § SOSFS 2011:5",
      "6 kap. 5 § SOSFS 2011:5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
      g_autoptr (LsOrganisation) organisation =
          ls_core_test_example_organisation ();
      g_autoptr (LsBoardNotice) told = ls_board_notice_new ();
      g_autoptr (LsBoardNotice) notified = ls_board_notice_new ();
      g_autoptr (GListStore) out = NULL;
      g_autoptr (GError) error = NULL;

      ls_notification_set_investigation_sent_on (
          ls_case_get_notification (lcase), NULL);
      ls_organisation_set_kind (organisation, kinds[i].kind);
      assert_requires (lcase, organisation, LS_STEP_BOARD_NOTICE, 0,
                       kinds[i].report_reference, TRUE, &out);
      g_assert_false (ls_rules_can_close (lcase, organisation, &error));
      g_assert_nonnull (strstr (error->message, kinds[i].report_reference));

      /* A notice without the board's name or its date does not count. */
      ls_board_notice_set_stage (told, LS_NOTICE_STAGE_REPORT);
      ls_board_notice_set_board (told, "Socialnämnden i Exempelstad");
      g_list_store_append (ls_case_get_board_notices (lcase), told);
      assert_requires (lcase, organisation, LS_STEP_BOARD_NOTICE, 0,
                       kinds[i].report_reference, TRUE, &out);
      ls_board_notice_set_notified_on (told, "2026-03-03");
      /* The report is told of; now the notification is to be. */
      assert_requires (lcase, organisation, LS_STEP_BOARD_NOTICE, 0,
                       kinds[i].notification_reference, FALSE, &out);

      ls_board_notice_set_stage (notified, LS_NOTICE_STAGE_NOTIFICATION);
      ls_board_notice_set_board (notified, "Socialnämnden i Exempelstad");
      ls_board_notice_set_notified_on (notified, "2026-03-07");
      g_list_store_append (ls_case_get_board_notices (lcase), notified);
      assert_not_required (lcase, organisation, LS_STEP_BOARD_NOTICE, 0);
    }

  /* A municipal board is advised, not required, to tell anyone. */
  {
    g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
    g_autoptr (LsOrganisation) organisation =
        ls_core_test_example_organisation ();

    g_assert_cmpint (ls_organisation_get_kind (organisation), ==,
                     LS_ORGANISATION_KIND_MUNICIPAL_BOARD);
    assert_not_required (lcase, organisation, LS_STEP_BOARD_NOTICE, 0);
    assert_not_required (lcase, NULL, LS_STEP_BOARD_NOTICE, 0);
  }
}

static void
test_check_follow_up (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  LsAction *routine =
      item_at (ls_investigation_get_preventive_actions (inv), 0);
  LsAction *training =
      item_at (ls_investigation_get_preventive_actions (inv), 1);
  g_autoptr (GListStore) out = NULL;
  LsRequirement *requirement;

  /* Following up never blocks closing the investigation. */
  ls_action_set_status (training, LS_ACTION_STATUS_IN_PROGRESS);
  requirement = assert_requires (lcase, NULL, LS_STEP_FOLLOW_UP, 0,
                                 "5 kap. 5 § SOSFS 2011:5", FALSE, &out);
  g_assert_cmpstr (ls_requirement_get_due (requirement), ==, "2026-04-30");
  ls_action_set_due_on (training, NULL);
  requirement = assert_requires (lcase, NULL, LS_STEP_ACTIONS, 0,
                                 "5 kap. 5 § SOSFS 2011:5", FALSE, &out);
  g_assert_nonnull (
      strstr (ls_requirement_get_message (requirement), "by when"));
  ls_action_set_status (training, LS_ACTION_STATUS_DONE);
  ls_action_set_follow_up_on (training, NULL);
  requirement = assert_requires (lcase, NULL, LS_STEP_FOLLOW_UP, 0,
                                 LS_TEST_FOLLOW_UP, FALSE, &out);
  g_assert_null (ls_requirement_get_due (requirement));
  g_assert_nonnull (
      strstr (ls_requirement_get_message (requirement), "Plan when"));
  ls_action_set_effect (training, "Alla har gått utbildningen.");
  /* The effect is known, but was the individual asked (IVO's finding)? */
  requirement = assert_requires (lcase, NULL, LS_STEP_FOLLOW_UP, 0,
                                 LS_TEST_FOLLOW_UP, FALSE, &out);
  g_assert_nonnull (
      strstr (ls_requirement_get_message (requirement), "Ask the individual"));
  ls_action_set_individual_asked (training, TRUE);
  assert_not_required (lcase, NULL, LS_STEP_FOLLOW_UP, 0);
  g_assert_true (ls_action_get_individual_asked (routine));
  g_assert_true (ls_rules_can_close (lcase, NULL, NULL));
}

/* A remedial action's follow-up is done on the remedial actions' page,
 * and is as urgent as a preventive one's: by its day. */
static void
test_check_remedial_follow_up (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  LsAction *remedial = item_at (ls_investigation_get_remedial_actions (inv), 0);
  g_autoptr (GListStore) out = NULL;
  LsRequirement *requirement;

  ls_action_set_follow_up_on (remedial, "2026-05-20");
  requirement = assert_requires (lcase, NULL, LS_STEP_REMEDIAL_FOLLOW_UP, 0,
                                 LS_TEST_FOLLOW_UP, FALSE, &out);
  g_assert_cmpstr (ls_requirement_get_due (requirement), ==, "2026-05-20");
  g_assert_nonnull (strstr (ls_requirement_get_message (requirement),
                            "Larmtelefonerna på Solgården"));
  g_assert_cmpint (ls_requirement_get_urgency (requirement), ==,
                   LS_LEGAL_URGENCY_BY_DATE);
  g_assert_true (ls_rules_needs_attention (requirement));
  /* Not sent to the preventive actions' follow-up. */
  for (guint i = 0; i < n_items (out); i++)
    if (ls_requirement_get_step (item_at (out, i)) == LS_STEP_FOLLOW_UP)
      g_assert_null (strstr (ls_requirement_get_message (item_at (out, i)),
                             "Larmtelefonerna på Solgården"));
  ls_action_set_evaluated_on (remedial, "2026-05-20");
  assert_not_required (lcase, NULL, LS_STEP_REMEDIAL_FOLLOW_UP, 0);
}

/* The overview's "needs attention now" lists what has a date or concerns
 * the individual or IVO; the rest waits in the case. */
static void
test_needs_attention (void)
{
  static const struct
  {
    LsStep step;
    const char *due;
    gboolean expected;
  } cases[] = {
    { LS_STEP_NOTIFICATION, NULL, TRUE },
    { LS_STEP_INVESTIGATION_SENT, "2026-05-01", TRUE },
    { LS_STEP_INDIVIDUAL, NULL, TRUE },
    { LS_STEP_FOLLOW_UP, "2026-04-30", TRUE },
    { LS_STEP_FOLLOW_UP, NULL, FALSE },
    { LS_STEP_REPORT, NULL, FALSE },
    { LS_STEP_JOURNAL, NULL, FALSE },
    { LS_STEP_ACTIONS, "2026-04-30", FALSE },
    { LS_STEP_CONCLUSION, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LsRequirement) requirement = ls_requirement_new (
          cases[i].step, LS_POINT_NONE, "5 kap. 5 § SOSFS 2011:5", "Message",
          cases[i].due, FALSE);

      g_assert_cmpint (ls_rules_needs_attention (requirement), ==,
                       cases[i].expected);
    }
}

static int
compare_pointed (gconstpointer a, gconstpointer b)
{
  return ls_rules_compare_urgency (*(LsRequirement **) a,
                                   *(LsRequirement **) b);
}

/* What the law asks at once (3 kap. 1 §), as soon as possible (7 kap.
 * 1 §) and without delay (5 kap. 1 §) of a new wrongdoing needs attention
 * now, most urgent first, before what the individual is owed. */
static void
test_urgency (void)
{
  g_autoptr (LsCase) lcase = new_reported_case ();
  g_autoptr (LsIndividual) individual = ls_individual_new ();
  g_autoptr (LsInvestigator) investigator = ls_investigator_new ();
  g_autoptr (GListStore) out = NULL;
  g_autoptr (GPtrArray) urgent = g_ptr_array_new ();
  LsRequirement *requirement;

  ls_individual_set_name (individual, "Anna Svensson");
  g_list_store_append (ls_report_get_individuals (ls_case_get_report (lcase)),
                       individual);

  requirement = assert_requires (lcase, NULL, LS_STEP_IMMEDIATE_ACTIONS, 0,
                                 "3 kap. 1 § SOSFS 2011:5", TRUE, &out);
  g_assert_cmpint (ls_requirement_get_urgency (requirement), ==,
                   LS_LEGAL_URGENCY_AT_ONCE);
  /* At once: due the day it came in, so it shows as late. */
  g_assert_cmpstr (ls_requirement_get_due (requirement), ==, "2026-03-02");
  g_assert_true (ls_rules_needs_attention (requirement));
  requirement = find_requirement (out, LS_STEP_INVESTIGATORS, 0);
  g_assert_nonnull (requirement);
  g_assert_cmpint (ls_requirement_get_urgency (requirement), ==,
                   LS_LEGAL_URGENCY_WITHOUT_DELAY);
  g_assert_true (ls_rules_needs_attention (requirement));

  /* Ordered as the law ranks them, whatever the order of the workflow. */
  for (guint i = n_items (out); i > 0; i--)
    if (ls_rules_needs_attention (item_at (out, i - 1)))
      g_ptr_array_add (urgent, item_at (out, i - 1));
  g_assert_cmpuint (urgent->len, ==, 3);
  g_ptr_array_sort (urgent, compare_pointed);
  g_assert_cmpint (ls_requirement_get_step (urgent->pdata[0]), ==,
                   LS_STEP_IMMEDIATE_ACTIONS);
  g_assert_cmpint (ls_requirement_get_step (urgent->pdata[1]), ==,
                   LS_STEP_INVESTIGATORS);
  g_assert_cmpint (ls_requirement_get_step (urgent->pdata[2]), ==,
                   LS_STEP_INDIVIDUAL);

  /* Notifying IVO comes before starting, and after remedying. */
  requirement = ls_requirement_new (LS_STEP_NOTIFICATION, 0, "7 kap. 1 §",
                                    "Notify", NULL, FALSE);
  g_assert_cmpint (ls_rules_compare_urgency (requirement, urgent->pdata[0]), >,
                   0);
  g_assert_cmpint (ls_rules_compare_urgency (requirement, urgent->pdata[1]), <,
                   0);
  g_object_unref (requirement);

  /* Begun: naming the others who investigate waits in the case. */
  ls_investigator_set_name (investigator, "Maria Lind");
  g_list_store_append (
      ls_investigation_get_investigators (ls_case_get_investigation (lcase)),
      investigator);
  g_clear_object (&out);
  out = ls_rules_check (lcase, NULL);
  g_assert_null (find_requirement (out, LS_STEP_INVESTIGATORS, 0));
}

/* Everything the law will ask is listed from the start: the documented
 * items behind points 5 to 7 are there, marked later, before the answers
 * they rest on; answering never makes the list grow. */
static void
test_later (void)
{
  g_autoptr (LsCase) lcase = new_reported_case ();
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  g_autoptr (LsCause) cause = ls_cause_new ();
  g_autoptr (GListStore) out = NULL;
  static const LsPoints later[] = { LS_POINT_CAUSES, LS_POINT_SIMILAR_BEFORE,
                                    LS_POINT_RECURRENCE };
  LsRequirement *requirement;
  guint n_before;

  out = ls_rules_check (lcase, NULL);
  dump (out);
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    {
      requirement = find_requirement (out, LS_STEP_JOURNAL, later[i]);
      g_assert_nonnull (requirement);
      g_assert_true (ls_requirement_get_later (requirement));
      g_assert_true (ls_requirement_get_blocking (requirement));
    }
  requirement = find_requirement (out, LS_STEP_JOURNAL, LS_POINT_WHAT_HAPPENED);
  g_assert_nonnull (requirement);
  g_assert_false (ls_requirement_get_later (requirement));

  /* The causes named: their documented item can now be added. */
  n_before = n_items (out);
  ls_cause_set_description (cause, "Larmtelefonen laddades inte.");
  g_list_store_append (ls_investigation_get_causes (inv), cause);
  g_clear_object (&out);
  out = ls_rules_check (lcase, NULL);
  g_assert_cmpuint (n_items (out), <, n_before);
  requirement = find_requirement (out, LS_STEP_JOURNAL, LS_POINT_CAUSES);
  g_assert_nonnull (requirement);
  g_assert_false (ls_requirement_get_later (requirement));

  n_before = n_items (out);
  ls_investigation_set_similar_before (inv, LS_SIMILAR_BEFORE_YES);
  g_clear_object (&out);
  out = ls_rules_check (lcase, NULL);
  g_assert_cmpuint (n_items (out), <=, n_before);
  requirement =
      find_requirement (out, LS_STEP_JOURNAL, LS_POINT_SIMILAR_BEFORE);
  g_assert_true (ls_requirement_get_later (requirement));
  ls_investigation_set_similar_explanation (inv, "Samma larm, ny personal.");
  g_clear_object (&out);
  out = ls_rules_check (lcase, NULL);
  g_assert_cmpuint (n_items (out), <, n_before);
  requirement =
      find_requirement (out, LS_STEP_JOURNAL, LS_POINT_SIMILAR_BEFORE);
  g_assert_false (ls_requirement_get_later (requirement));
}

/* ---- Validation --------------------------------------------------------- */

typedef void (*Breaker) (LsCase *lcase);

static void
break_date (LsCase *c)
{
  ls_report_set_received_at (ls_case_get_report (c), "2026-02-30");
}

static void
break_future (LsCase *c)
{
  ls_report_set_received_at (ls_case_get_report (c),
                             "2026-07-01T10:00:00+02:00");
}

static void
break_future_occurred (LsCase *c)
{
  ls_report_set_occurred_unknown (ls_case_get_report (c), FALSE);
  ls_report_set_occurred_at (ls_case_get_report (c), "2026-06-02");
}

static void
break_occurred_after (LsCase *c)
{
  ls_report_set_occurred_unknown (ls_case_get_report (c), FALSE);
  ls_report_set_occurred_at (ls_case_get_report (c),
                             "2026-03-09T14:00:00+01:00");
}

/* The open example case says it is not known when it happened. */
static void
break_occurred_and_unknown (LsCase *c)
{
  ls_report_set_occurred_at (ls_case_get_report (c), "2026-03-08");
}

static void
break_noticed_after (LsCase *c)
{
  ls_report_set_noticed_at (ls_case_get_report (c), "2026-03-10");
}

static void
break_noticed_before (LsCase *c)
{
  ls_report_set_occurred_unknown (ls_case_get_report (c), FALSE);
  ls_report_set_occurred_at (ls_case_get_report (c), "2026-03-08");
  ls_report_set_noticed_at (ls_case_get_report (c), "2026-03-07");
}

static void
break_pnr (LsCase *c)
{
  ls_individual_set_personal_number (
      item_at (ls_report_get_individuals (ls_case_get_report (c)), 0),
      "19380415-2341");
}

static void
break_unit (LsCase *c)
{
  ls_case_set_unit_id (c, "00000000-0000-4000-8000-000000000001");
}

static void
break_unit_id (LsCase *c)
{
  ls_case_set_unit_id (c, "solgarden");
}

static void
break_category (LsCase *c)
{
  ls_report_set_category (ls_case_get_report (c), "bad-weather");
}

static void
break_cause (LsCase *c)
{
  g_autoptr (LsCause) cause = ls_cause_new ();

  ls_cause_set_category (cause, "bad-luck");
  g_list_store_append (
      ls_investigation_get_causes (ls_case_get_investigation (c)), cause);
}

static void
break_department (LsCase *c)
{
  ls_notification_set_department (ls_case_get_notification (c), "norr");
}

static LsJournalItem *
add_item (LsCase *c, const char *uuid, const char *corrects)
{
  g_autoptr (LsJournalItem) item = ls_journal_item_new ();

  ls_journal_item_set_uuid (item, uuid);
  ls_journal_item_set_corrects (item, corrects);
  ls_journal_item_set_text (item, "Rättelse.");
  g_list_store_append (
      ls_investigation_get_journal (ls_case_get_investigation (c)), item);
  return item;
}

static void
break_correction_missing (LsCase *c)
{
  add_item (c, "7a000000-0000-4000-8000-000000000001",
            "7a000000-0000-4000-8000-000000000099");
}

static void
break_correction_later (LsCase *c)
{
  /* A correction of an item that comes after it. */
  add_item (c, "7a000000-0000-4000-8000-000000000001",
            "7a000000-0000-4000-8000-000000000002");
  add_item (c, "7a000000-0000-4000-8000-000000000002", NULL);
}

static void
break_duplicate_uuid (LsCase *c)
{
  add_item (c, "129471ab-ba45-4185-b2d1-d7f0254cbd5c", NULL);
}

static void
break_email (LsCase *c)
{
  ls_notification_set_email (ls_case_get_notification (c), "maria.lind");
}

static void
break_postcode (LsCase *c)
{
  ls_notification_set_unit_postcode (ls_case_get_notification (c), "7023");
}

typedef struct
{
  const char *name;
  Breaker breaker;
  const char *path;
  int code;
} Invalid;

static void
test_find_invalid (void)
{
  static const Invalid invalid[] = {
    { "date", break_date, "report.received_at", LS_ERROR_INVALID_DATE },
    { "future", break_future, "report.received_at", LS_ERROR_DATE_IN_FUTURE },
    { "future-occurred", break_future_occurred, "report.occurred_at",
      LS_ERROR_DATE_IN_FUTURE },
    { "occurred-after", break_occurred_after, "report.occurred_at",
      LS_ERROR_OCCURRED_AFTER_REPORT },
    { "occurred-and-unknown", break_occurred_and_unknown, "report.occurred_at",
      LS_ERROR_INVALID_VALUE },
    { "noticed-after", break_noticed_after, "report.noticed_at",
      LS_ERROR_OCCURRED_AFTER_REPORT },
    { "noticed-before", break_noticed_before, "report.noticed_at",
      LS_ERROR_INVALID_DATE },
    { "pnr", break_pnr, "report.individuals[0].personal_number",
      LS_ERROR_INVALID_PNR },
    { "unit", break_unit, "unit_id", LS_ERROR_UNKNOWN_UNIT },
    { "unit-id", break_unit_id, "unit_id", LS_ERROR_INVALID_VALUE },
    { "category", break_category, "report.category", LS_ERROR_UNKNOWN_VALUE },
    { "cause", break_cause, "investigation.causes[0].category",
      LS_ERROR_UNKNOWN_VALUE },
    { "department", break_department, "notification.department",
      LS_ERROR_UNKNOWN_VALUE },
    { "correction-missing", break_correction_missing,
      "investigation.journal[1].corrects", LS_ERROR_UNKNOWN_VALUE },
    { "correction-later", break_correction_later,
      "investigation.journal[1].corrects", LS_ERROR_UNKNOWN_VALUE },
    { "duplicate-uuid", break_duplicate_uuid, "investigation.journal[1].uuid",
      LS_ERROR_BAD_DOCUMENT },
    { "email", break_email, "notification.email", LS_ERROR_INVALID_VALUE },
    { "postcode", break_postcode, "notification.unit_postcode",
      LS_ERROR_INVALID_VALUE },
  };
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GDateTime) now = ls_core_test_now ();

  /* The open example case is sound. */
  {
    g_autoptr (LsCase) lcase = ls_core_test_example_case (1);
    g_autofree char *bad_path = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_true (
        ls_rules_find_invalid (lcase, organisation, now, &bad_path, &error));
    g_assert_no_error (error);
    g_assert_null (bad_path);
  }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_example_case (1);
      g_autofree char *bad_path = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GError) prefixed = NULL;

      g_test_message ("breaking: %s", invalid[i].name);
      invalid[i].breaker (lcase);
      g_assert_false (
          ls_rules_find_invalid (lcase, organisation, now, &bad_path, &error));
      g_assert_error (error, LS_ERROR, invalid[i].code);
      g_assert_cmpstr (bad_path, ==, invalid[i].path);
      /* The message is about the field, shown beside it: no path. */
      g_assert_null (strstr (error->message, invalid[i].path));

      /* For an import, the field is named in the message. */
      g_assert_false (ls_rules_validate (lcase, organisation, now, &prefixed));
      g_assert_error (prefixed, LS_ERROR, invalid[i].code);
      g_assert_true (g_str_has_prefix (prefixed->message, invalid[i].path));
      g_assert_true (g_str_has_suffix (prefixed->message, error->message));
    }
}

static void
test_find_invalid_without_organisation (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (1);
  g_autoptr (GDateTime) now = ls_core_test_now ();

  /* Without an organisation the unit cannot be checked, the rest can. */
  break_unit (lcase);
  g_assert_true (ls_rules_find_invalid (lcase, NULL, now, NULL, NULL));
  break_category (lcase);
  g_assert_false (ls_rules_find_invalid (lcase, NULL, now, NULL, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/status/not-serious", test_status_not_serious);
  g_test_add_func ("/rules/status/serious", test_status_serious);
  g_test_add_func ("/rules/proposes-notification", test_proposes_notification);
  g_test_add_func ("/rules/status/notified-before-conclusion",
                   test_status_notified_before_conclusion);
  g_test_add_func ("/rules/status/notify-nested", test_status_notify_nested);
  g_test_add_func ("/rules/next-deadline", test_next_deadline);
  g_test_add_func ("/rules/check/complete-case", test_check_complete_case);
  g_test_add_func ("/rules/check/report", test_check_report);
  g_test_add_func ("/rules/check/immediate-action-time",
                   test_check_immediate_action_time);
  g_test_add_func ("/rules/check/points", test_check_points);
  g_test_add_func ("/rules/check/points-from-report",
                   test_check_points_from_report);
  g_test_add_func ("/rules/check/answers", test_check_answers);
  g_test_add_func ("/rules/check/5-3-to-5-5", test_check_5_3_to_5_5);
  g_test_add_func ("/rules/check/individual", test_check_individual);
  g_test_add_func ("/rules/check/notification", test_check_notification);
  g_test_add_func ("/rules/check/board-notices", test_check_board_notices);
  g_test_add_func ("/rules/check/follow-up", test_check_follow_up);
  g_test_add_func ("/rules/check/remedial-follow-up",
                   test_check_remedial_follow_up);
  g_test_add_func ("/rules/needs-attention", test_needs_attention);
  g_test_add_func ("/rules/urgency", test_urgency);
  g_test_add_func ("/rules/later", test_later);
  g_test_add_func ("/rules/find-invalid", test_find_invalid);
  g_test_add_func ("/rules/find-invalid/without-organisation",
                   test_find_invalid_without_organisation);
  return g_test_run ();
}
