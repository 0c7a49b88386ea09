/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_REQUIREMENT (ls_requirement_get_type ())

/**
 * LsLegalUrgency:
 * @LS_LEGAL_URGENCY_AT_ONCE: at once: remedying what happened (3 kap. 1 §)
 * @LS_LEGAL_URGENCY_AS_SOON_AS_POSSIBLE: as soon as possible: notifying IVO of
 *   a serious case (7 kap. 1 §)
 * @LS_LEGAL_URGENCY_WITHOUT_DELAY: without delay: starting the investigation
 *   (5 kap. 1 §)
 * @LS_LEGAL_URGENCY_BY_DATE: by a date the law sets (the investigation to IVO,
 *   a follow-up)
 * @LS_LEGAL_URGENCY_SOON: soon, though the law sets no date: telling the
 *   individual
 * @LS_LEGAL_URGENCY_IN_TIME: in the course of the case
 *
 * How urgent the law makes a requirement, most urgent first.  Every one
 * but the last needs attention now.
 */
typedef enum
{
  LS_LEGAL_URGENCY_AT_ONCE,
  LS_LEGAL_URGENCY_AS_SOON_AS_POSSIBLE,
  LS_LEGAL_URGENCY_WITHOUT_DELAY,
  LS_LEGAL_URGENCY_BY_DATE,
  LS_LEGAL_URGENCY_SOON,
  LS_LEGAL_URGENCY_IN_TIME,
} LsLegalUrgency;

G_DECLARE_FINAL_TYPE (LsRequirement, ls_requirement, LS, REQUIREMENT, GObject)

/* clang-format off */
LsRequirement *ls_requirement_new           (LsStep         step,
                                             LsPoints       point,
                                             const char    *reference,
                                             const char    *message,
                                             const char    *due,
                                             gboolean       blocking);
LsLegalUrgency ls_requirement_urgency_of_step (LsStep       step,
                                             const char    *due);
LsStep         ls_requirement_get_step      (LsRequirement *self);
LsPoints       ls_requirement_get_point     (LsRequirement *self);
const char    *ls_requirement_get_reference (LsRequirement *self);
const char    *ls_requirement_get_message   (LsRequirement *self);
const char    *ls_requirement_get_due       (LsRequirement *self);
gboolean       ls_requirement_get_blocking  (LsRequirement *self);
LsLegalUrgency      ls_requirement_get_urgency   (LsRequirement *self);
void           ls_requirement_set_urgency   (LsRequirement *self,
                                             LsLegalUrgency      urgency);
gboolean       ls_requirement_get_later     (LsRequirement *self);
void           ls_requirement_set_later     (LsRequirement *self,
                                             gboolean       later);
/* clang-format on */

G_END_DECLS
