/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The enumerations of the domain model.  Each is registered as a GType in
 * ls-enum-types.h (generated), so it can be a property.  The nicks (for
 * example "municipal-board") are the values used in the exchange format and
 * must never change.
 */

typedef enum
{
  LS_ORGANISATION_KIND_MUNICIPAL_BOARD,
  LS_ORGANISATION_KIND_PRIVATE_PROVIDER,
  LS_ORGANISATION_KIND_SIS,
} LsOrganisationKind;

typedef enum
{
  LS_REGIME_SOL,
  LS_REGIME_LSS,
} LsRegime;

/* UNSET, where a value must be chosen by the user, so that a value nobody
 * chose is never mistaken for one somebody did. */
typedef enum
{
  LS_CASE_KIND_UNSET,
  LS_CASE_KIND_WRONGDOING,
  LS_CASE_KIND_CLEAR_RISK,
} LsCaseKind;

/*
 * Derived from the content of a case, never set: DRAFT while the report
 * lacks a required field, then REPORTED, UNDER_INVESTIGATION once the
 * investigation has begun, NOTIFIED once the notification is submitted and
 * CLOSED once the conclusion is made (and, when it is serious, the
 * notification and the finished investigation have been sent).
 */
typedef enum
{
  LS_CASE_STATUS_DRAFT,
  LS_CASE_STATUS_REPORTED,
  LS_CASE_STATUS_UNDER_INVESTIGATION,
  LS_CASE_STATUS_NOTIFIED,
  LS_CASE_STATUS_CLOSED,
} LsCaseStatus;

typedef enum
{
  LS_REPORTER_CATEGORY_UNSET,
  LS_REPORTER_CATEGORY_EMPLOYEE,
  LS_REPORTER_CATEGORY_CONTRACTOR,
  LS_REPORTER_CATEGORY_TRAINEE,
  LS_REPORTER_CATEGORY_PROGRAMME_PARTICIPANT,
} LsReporterCategory;

typedef enum
{
  LS_RECEIVED_HOW_UNSET,
  LS_RECEIVED_HOW_ORAL,
  LS_RECEIVED_HOW_WRITTEN,
} LsReceivedHow;

typedef enum
{
  LS_JOURNAL_KIND_UNSET,
  LS_JOURNAL_KIND_FACT,
  LS_JOURNAL_KIND_ASSESSMENT,
} LsJournalKind;

typedef enum
{
  LS_ACTION_KIND_IMMEDIATE,
  LS_ACTION_KIND_REMEDIAL,
  LS_ACTION_KIND_PREVENTIVE,
} LsActionKind;

typedef enum
{
  LS_ACTION_STATUS_PLANNED,
  LS_ACTION_STATUS_IN_PROGRESS,
  LS_ACTION_STATUS_DONE,
} LsActionStatus;

/* What the follow-up found the action did for the individual (IVO's
 * third finding). */
typedef enum
{
  LS_EFFECT_OUTCOME_UNKNOWN,
  LS_EFFECT_OUTCOME_HELPED,
  LS_EFFECT_OUTCOME_NOT_HELPED,
} LsEffectOutcome;

typedef enum
{
  LS_SIMILAR_BEFORE_UNKNOWN,
  LS_SIMILAR_BEFORE_NO,
  LS_SIMILAR_BEFORE_YES,
} LsSimilarBefore;

/* Whether the investigation found the wrongdoing serious (6:1), which calls
 * for a notification. */
typedef enum
{
  LS_SERIOUSNESS_UNDECIDED,
  LS_SERIOUSNESS_NOT_SERIOUS,
  LS_SERIOUSNESS_SERIOUS,
} LsSeriousness;

/* What a board was told of: a report (4:1, 4:2) or a notification (6:3 to
 * 6:5). */
typedef enum
{
  LS_NOTICE_STAGE_REPORT,
  LS_NOTICE_STAGE_NOTIFICATION,
} LsNoticeStage;

/* Which points of 5 kap. 2 § SOSFS 2011:5 a journal item documents. */
typedef enum /*< flags >*/
{
  LS_POINT_NONE = 0,
  LS_POINT_WHAT_HAPPENED = 1 << 0,
  LS_POINT_RECEIVED = 1 << 1,
  LS_POINT_NOTICED = 1 << 2,
  LS_POINT_OCCURRED = 1 << 3,
  LS_POINT_CAUSES = 1 << 4,
  LS_POINT_SIMILAR_BEFORE = 1 << 5,
  LS_POINT_RECURRENCE = 1 << 6,
} LsPoints;

/* The step of the workflow (and so the page of the GUI) that fixes a
 * missing requirement. */
typedef enum
{
  LS_STEP_REPORT,
  LS_STEP_IMMEDIATE_ACTIONS,
  LS_STEP_BOARD_NOTICE,
  LS_STEP_INVESTIGATORS,
  LS_STEP_JOURNAL,
  LS_STEP_CAUSES,
  LS_STEP_SIMILAR,
  LS_STEP_RECURRENCE,
  LS_STEP_ACTIONS,
  LS_STEP_OTHER_FINDINGS,
  LS_STEP_INDIVIDUAL,
  LS_STEP_CONCLUSION,
  LS_STEP_NOTIFICATION,
  LS_STEP_INVESTIGATION_SENT,
  LS_STEP_FOLLOW_UP,
  LS_STEP_TOLD_OF_NOTIFICATION,
  LS_STEP_REMEDIAL_FOLLOW_UP,
} LsStep;

/**
 * LsOccasionCovered:
 * @LS_OCCASION_COVERED_DUTY: the duty to report (2 kap. 1–2 §§)
 * @LS_OCCASION_COVERED_WHAT: what is to be reported (2 kap. 3 §)
 * @LS_OCCASION_COVERED_RECEIVER: who receives reports (2 kap. 2 § second
 *   paragraph)
 *
 * What an information occasion covered.
 */
typedef enum /*< flags >*/
{
  LS_OCCASION_COVERED_NONE = 0,
  LS_OCCASION_COVERED_DUTY = 1 << 0,
  LS_OCCASION_COVERED_WHAT = 1 << 1,
  LS_OCCASION_COVERED_RECEIVER = 1 << 2,
} LsOccasionCovered;

/* The responsibilities the general advice to 7 kap. 1 § SOSFS 2011:5 wants
 * the routines to name a holder for, in the order of the advice. */
typedef enum
{
  LS_RESPONSIBILITY_INFORM_REPORTERS,
  LS_RESPONSIBILITY_RECEIVE_REPORTS,
  LS_RESPONSIBILITY_REMEDY,
  LS_RESPONSIBILITY_INVESTIGATE,
  LS_RESPONSIBILITY_INVESTIGATION_CONTENT,
  LS_RESPONSIBILITY_CLOSE,
  LS_RESPONSIBILITY_ASSESS_NOTIFICATION,
  LS_RESPONSIBILITY_SEND_NOTIFICATION,
  LS_RESPONSIBILITY_INFORM_STAFF,
  LS_RESPONSIBILITY_INFORM_INDIVIDUAL,
} LsResponsibility;

#define LS_N_RESPONSIBILITIES (LS_RESPONSIBILITY_INFORM_INDIVIDUAL + 1)

G_END_DECLS
