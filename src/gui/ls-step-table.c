/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-step-table"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-causes-page.h"
#include "ls-conclusion-page.h"
#include "ls-event-page.h"
#include "ls-immediate-actions-page.h"
#include "ls-individuals-page.h"
#include "ls-informing-page.h"
#include "ls-investigators-page.h"
#include "ls-kind-page.h"
#include "ls-lessons-page.h"
#include "ls-notification-after-page.h"
#include "ls-notification-kind-page.h"
#include "ls-notification-send-page.h"
#include "ls-notification-sender-page.h"
#include "ls-notification-what-page.h"
#include "ls-other-findings-page.h"
#include "ls-point-page.h"
#include "ls-preventive-page.h"
#include "ls-recurrence-page.h"
#include "ls-remedial-page.h"
#include "ls-report-boards-page.h"
#include "ls-report-summary-page.h"
#include "ls-reporter-page.h"
#include "ls-similar-page.h"
#include "ls-step-table.h"

/* Every page of every wizard, in the order the wizard shows them.  Adding
 * a step is a page class and a row here. */

#define STEP LS_STEP_BIT

/* clang-format off */
static const LsStepPage pages[] = {
  /* The report: 2 kap. 3 §, 3 kap. 1 §, 4 kap. */
  { LS_WIZARD_REPORT, "reporter", ls_reporter_page_get_type,
    STEP (LS_STEP_REPORT), LS_POINT_NONE, N_ ("Who Reported"),
    "2 kap. 3 §", NULL },
  { LS_WIZARD_REPORT, "kind", ls_kind_page_get_type,
    STEP (LS_STEP_REPORT), LS_POINT_NONE, N_ ("Wrongdoing or Risk"),
    "2 kap. 3 §", NULL },
  { LS_WIZARD_REPORT, "event", ls_event_page_get_type,
    STEP (LS_STEP_REPORT), LS_POINT_NONE, N_ ("What Happened"),
    "2 kap. 3 §", NULL },
  { LS_WIZARD_REPORT, "individuals", ls_individuals_page_get_type,
    STEP (LS_STEP_REPORT), LS_POINT_NONE, N_ ("The Individuals"),
    "2 kap. 3 §", NULL },
  { LS_WIZARD_REPORT, "actions", ls_immediate_actions_page_get_type,
    STEP (LS_STEP_IMMEDIATE_ACTIONS), LS_POINT_NONE, N_ ("Immediate Actions"),
    "3 kap. 1 §", NULL },
  { LS_WIZARD_REPORT, "boards", ls_report_boards_page_get_type,
    STEP (LS_STEP_BOARD_NOTICE), LS_POINT_NONE, N_ ("Boards to Inform"),
    "4 kap. 1–2 §§", NULL },
  { LS_WIZARD_REPORT, "summary", ls_report_summary_page_get_type,
    0, LS_POINT_NONE, N_ ("Summary"), NULL, N_ ("Check and finish") },

  /* The investigation: 5 kap. */
  { LS_WIZARD_INVESTIGATION, "investigators", ls_investigators_page_get_type,
    STEP (LS_STEP_INVESTIGATORS), LS_POINT_NONE, N_ ("Investigators"),
    "5 kap. 1 §", NULL },
  { LS_WIZARD_INVESTIGATION, "point-1", ls_point_page_get_type,
    STEP (LS_STEP_JOURNAL), LS_POINT_WHAT_HAPPENED, N_ ("What Happened"),
    "5 kap. 2 § 1", NULL },
  { LS_WIZARD_INVESTIGATION, "point-2", ls_point_page_get_type,
    STEP (LS_STEP_JOURNAL), LS_POINT_RECEIVED, N_ ("When Reported"),
    "5 kap. 2 § 2", NULL },
  { LS_WIZARD_INVESTIGATION, "point-3", ls_point_page_get_type,
    STEP (LS_STEP_JOURNAL), LS_POINT_NOTICED, N_ ("When Noticed"),
    "5 kap. 2 § 3", NULL },
  { LS_WIZARD_INVESTIGATION, "point-4", ls_point_page_get_type,
    STEP (LS_STEP_JOURNAL), LS_POINT_OCCURRED, N_ ("When It Happened"),
    "5 kap. 2 § 4", NULL },
  { LS_WIZARD_INVESTIGATION, "point-5", ls_causes_page_get_type,
    STEP (LS_STEP_CAUSES) | STEP (LS_STEP_JOURNAL), LS_POINT_CAUSES,
    N_ ("Causes"), "5 kap. 2 § 5", NULL },
  { LS_WIZARD_INVESTIGATION, "point-6", ls_similar_page_get_type,
    STEP (LS_STEP_SIMILAR) | STEP (LS_STEP_JOURNAL), LS_POINT_SIMILAR_BEFORE,
    N_ ("Happened Before?"), "5 kap. 2 § 6", NULL },
  { LS_WIZARD_INVESTIGATION, "point-7", ls_recurrence_page_get_type,
    STEP (LS_STEP_RECURRENCE) | STEP (LS_STEP_JOURNAL), LS_POINT_RECURRENCE,
    N_ ("Happen Again?"), "5 kap. 2 § 7", NULL },
  { LS_WIZARD_INVESTIGATION, "remedial", ls_remedial_page_get_type,
    STEP (LS_STEP_ACTIONS) | STEP (LS_STEP_REMEDIAL_FOLLOW_UP), LS_POINT_NONE,
    N_ ("Remedial Actions"),
    "5 kap. 3 § 1", NULL },
  { LS_WIZARD_INVESTIGATION, "other-findings", ls_other_findings_page_get_type,
    STEP (LS_STEP_OTHER_FINDINGS), LS_POINT_NONE, N_ ("Other Findings"),
    "5 kap. 3 § 2", NULL },
  { LS_WIZARD_INVESTIGATION, "preventive", ls_preventive_page_get_type,
    STEP (LS_STEP_ACTIONS) | STEP (LS_STEP_FOLLOW_UP), LS_POINT_NONE,
    N_ ("Preventive Actions"), "5 kap. 5 §", NULL },
  { LS_WIZARD_INVESTIGATION, "individuals", ls_informing_page_get_type,
    STEP (LS_STEP_INDIVIDUAL), LS_POINT_NONE, N_ ("Informing"),
    "5 kap., allmänna råd", NULL },
  { LS_WIZARD_INVESTIGATION, "lessons", ls_lessons_page_get_type,
    0, LS_POINT_NONE, N_ ("Lessons Learned"), NULL, NULL },
  { LS_WIZARD_INVESTIGATION, "conclusion", ls_conclusion_page_get_type,
    STEP (LS_STEP_CONCLUSION), LS_POINT_NONE, N_ ("Conclusion"),
    "5 kap. 3 § 3", NULL },
  /* The notification to IVO: 6 kap., a page per part of the annex form */
  { LS_WIZARD_NOTIFICATION, "kind", ls_notification_kind_page_get_type,
    STEP (LS_STEP_NOTIFICATION), LS_POINT_NONE, N_ ("What Is Notified"),
    "6 kap. 1 §", NULL },
  { LS_WIZARD_NOTIFICATION, "sender", ls_notification_sender_page_get_type,
    STEP (LS_STEP_NOTIFICATION), LS_POINT_NONE, N_ ("Who Notifies"),
    "6 kap. 1 §", NULL },
  { LS_WIZARD_NOTIFICATION, "where", ls_notification_page_get_type,
    STEP (LS_STEP_NOTIFICATION), LS_POINT_NONE, N_ ("Where and When"),
    "6 kap. 1 §", NULL },
  { LS_WIZARD_NOTIFICATION, "what", ls_notification_what_page_get_type,
    STEP (LS_STEP_NOTIFICATION), LS_POINT_NONE, N_ ("What Happened"),
    "6 kap. 1 §", NULL },
  { LS_WIZARD_NOTIFICATION, "staff", ls_notification_page_get_type,
    STEP (LS_STEP_NOTIFICATION), LS_POINT_NONE, N_ ("Organisation and Staff"),
    "6 kap. 1 §", NULL },
  { LS_WIZARD_NOTIFICATION, "send", ls_notification_send_page_get_type,
    STEP (LS_STEP_NOTIFICATION), LS_POINT_NONE, N_ ("Check and Send"),
    "6 kap. 1–2 §§", NULL },
  { LS_WIZARD_NOTIFICATION, "told", ls_informing_page_get_type,
    STEP (LS_STEP_TOLD_OF_NOTIFICATION), LS_POINT_NONE,
    N_ ("Telling the Individuals"), "6 kap., allmänna råd", NULL },
  { LS_WIZARD_NOTIFICATION, "after", ls_notification_after_page_get_type,
    STEP (LS_STEP_INVESTIGATION_SENT) | STEP (LS_STEP_BOARD_NOTICE),
    LS_POINT_NONE, N_ ("After Sending"), "6 kap. 2–5 §§", NULL },
};
/* clang-format on */

/**
 * ls_step_table_get:
 * @n_pages: (out): how many rows there are
 *
 * Returns: (transfer none): the rows, the pages of each wizard in order
 */
const LsStepPage *
ls_step_table_get (guint *n_pages)
{
  g_return_val_if_fail (n_pages != NULL, NULL);

  *n_pages = G_N_ELEMENTS (pages);
  return pages;
}

/**
 * ls_step_table_find:
 *
 * Returns: (transfer none) (nullable): the row of the page @name of
 *   @wizard
 */
const LsStepPage *
ls_step_table_find (LsWizardKind wizard, const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i].wizard == wizard && g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];
  return NULL;
}

/**
 * ls_step_table_wizard_of:
 * @lcase: (nullable): the case, for steps whose wizard depends on it
 *
 * A board is told of the report in the report wizard, and of a
 * notification once it is sent in the notification wizard.
 *
 * Returns: the wizard that carries out @step
 */
LsWizardKind
ls_step_table_wizard_of (LsStep step, LsCase *lcase)
{
  if (step == LS_STEP_BOARD_NOTICE && lcase != NULL &&
      ls_notification_get_submitted_on (ls_case_get_notification (lcase)) !=
          NULL)
    return LS_WIZARD_NOTIFICATION;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i].steps & LS_STEP_BIT (step))
      return pages[i].wizard;
  return LS_WIZARD_INVESTIGATION;
}
