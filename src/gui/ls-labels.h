/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ls-organisation.h"
#include "ls-requirement.h"

G_BEGIN_DECLS

/**
 * LsStage:
 *
 * The stages of a case, by which the overview groups what the law still
 * asks for.
 */
typedef enum
{
  LS_STAGE_REPORT,
  LS_STAGE_INVESTIGATION,
  LS_STAGE_NOTIFICATION,
  LS_STAGE_FOLLOW_UP,
  LS_N_STAGES
} LsStage;

/**
 * LsUrgency:
 *
 * How near a deadline is, which decides its colour.
 */
typedef enum
{
  LS_URGENCY_NONE,
  LS_URGENCY_LATER,
  LS_URGENCY_SOON,
  LS_URGENCY_OVERDUE,
} LsUrgency;

/* Days before a deadline from which it shows as near. */
#define LS_LABELS_SOON_DAYS 7

/* clang-format off */
const char *ls_labels_value                (GType           enum_type,
                                            int             value);
const char *ls_labels_value_nick           (GType           enum_type,
                                            const char     *nick);
const char *ls_labels_status               (const char     *nick);
const char *ls_labels_case_status          (LsCaseStatus    status);
const char *ls_labels_status_css_class     (const char     *nick);
const char *ls_labels_kind                 (const char     *nick);
const char *ls_labels_organisation_kind    (LsOrganisationKind kind);
const char *ls_labels_organisation_kind_help (LsOrganisationKind kind);
const char *ls_labels_regime               (LsRegime        regime);
const char *ls_labels_regime_in_full       (LsRegime        regime);
const char *ls_labels_unit_name            (LsOrganisation *organisation,
                                            const char     *unit_id);
char       *ls_labels_deadline             (const char     *due,
                                            GDateTime      *now,
                                            LsUrgency      *urgency);
const char *ls_labels_urgency_css_class    (LsUrgency       urgency);
LsStage     ls_labels_requirement_stage    (LsRequirement  *requirement);
const char *ls_labels_stage                (LsStage         stage);
char       *ls_labels_history_field        (const char     *path);
char       *ls_labels_history_value        (const char     *path,
                                            const char     *value,
                                            LsOrganisation *organisation);
/* clang-format on */

G_END_DECLS
