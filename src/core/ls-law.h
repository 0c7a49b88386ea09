/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ls-enums.h"

G_BEGIN_DECLS

/**
 * LsChoice:
 * @id: the stable identifier, used in the exchange format
 * @name: the English name (a msgid: pass it to gettext to show it)
 * @swedish: the Swedish name, for the documents that go to IVO, which are
 *   Swedish whatever the language of the app
 *
 * One entry of a list kept as data, such as the categories of wrongdoing.
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *swedish;
} LsChoice;

/**
 * LsDepartment:
 * @id: the stable identifier, such as "nord"
 * @name: the department's Swedish name, as it goes on the form
 * @office: the town of its office
 * @counties: the counties it supervises, in Swedish
 *
 * A regional department of the Health and Social Care Inspectorate (IVO),
 * which receives the notifications for its counties.
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *office;
  const char *counties;
} LsDepartment;

/**
 * LsLawRef:
 *
 * The provisions the app cites, each with its text in one table so that a
 * change of law is a change of data.  Each names its provision exactly;
 * general advice is cited as "allmänna råd", never as the section it
 * accompanies, and what the supervisory authority (IVO) advises from its
 * supervision says so.  docs/law.md traces every provision of SOSFS
 * 2011:5 to what the app does for it.
 */
typedef enum
{
  LS_LAW_REPORT,
  LS_LAW_REPORTERS,
  LS_LAW_IMMEDIATE_ACTIONS,
  LS_LAW_BOARD_PRIVATE,
  LS_LAW_BOARD_SIS,
  LS_LAW_DOCUMENTED_CONTINUOUSLY,
  LS_LAW_POINT_1,
  LS_LAW_POINT_2,
  LS_LAW_POINT_3,
  LS_LAW_POINT_4,
  LS_LAW_POINT_5,
  LS_LAW_POINT_6,
  LS_LAW_POINT_7,
  LS_LAW_REMEDIAL_ACTIONS,
  LS_LAW_OTHER_FINDINGS,
  LS_LAW_CONCLUSION,
  LS_LAW_DOCUMENTED_ITEM,
  LS_LAW_PREVENTIVE_ACTIONS,
  LS_LAW_INFORM_INDIVIDUAL,
  LS_LAW_NOTIFICATION,
  LS_LAW_INVESTIGATION_SENT,
  LS_LAW_NOTIFY_BOARD_PRIVATE,
  LS_LAW_NOTIFY_BOARD_SIS,
  LS_LAW_FOLLOW_UP,
  LS_LAW_SCOPE,
  LS_LAW_CONTENTS,
  LS_LAW_INFORM_REPORTERS,
  LS_LAW_INFORM_REPORTERS_ADVICE,
  LS_LAW_BOARD_MUNICIPAL,
  LS_LAW_BOARD_PRIVATE_ADVICE,
  LS_LAW_BOARD_MUNICIPAL_ADVICE,
  LS_LAW_NOTIFY_BOARD_PRIVATE_ADVICE,
  LS_LAW_NOTIFY_BOARD_MUNICIPAL_ADVICE,
  LS_LAW_INFORM_INDIVIDUAL_NOTIFICATION,
  LS_LAW_ROUTINES,
  LS_LAW_ROUTINES_ADVICE,
  LS_LAW_FORM,
  LS_LAW_RECEIVER_CHANGED,
  LS_LAW_CONFLICT_OF_INTEREST,
  LS_LAW_N_REFS
} LsLawRef;

/* Months after the notification by which the finished investigation must
 * reach IVO (6 kap. 2 §). */
#define LS_LAW_INVESTIGATION_MONTHS 2

/* clang-format off */
const LsChoice     *ls_law_get_categories             (guint          *n_categories);
const LsChoice     *ls_law_get_cause_categories       (guint          *n_categories);
const LsChoice     *ls_law_find_choice                (const LsChoice *choices,
                                                       guint           n_choices,
                                                       const char     *id);
const LsDepartment *ls_law_get_departments            (guint          *n_departments);
const LsDepartment *ls_law_find_department            (const char     *id);
const char         *ls_law_get_reference              (LsLawRef        ref);
char               *ls_law_format_reference           (const char     *text);
const char         *ls_law_get_notification_section   (LsRegime        regime);
const char         *ls_law_get_investigation_section  (LsRegime        regime);
const char         *ls_law_get_report_section         (LsRegime        regime);
gboolean            ls_law_board_notice_required      (LsOrganisationKind kind,
                                                       LsNoticeStage   stage);
LsLawRef            ls_law_point_reference            (LsPoints        point);
/* clang-format on */

G_END_DECLS
