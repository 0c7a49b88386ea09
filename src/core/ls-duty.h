/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * LsDutyKind:
 * @LS_DUTY_INVESTIGATION_SENT: the finished investigation to IVO (6 kap. 2 §)
 * @LS_DUTY_PREVENTIVE_ACTION: a preventive action by its day (5 kap. 5 §)
 * @LS_DUTY_FOLLOW_UP: the follow-up of an action's effect
 */
typedef enum
{
  LS_DUTY_INVESTIGATION_SENT,
  LS_DUTY_PREVENTIVE_ACTION,
  LS_DUTY_FOLLOW_UP,
} LsDutyKind;

#define LS_TYPE_DUTY (ls_duty_get_type ())

G_DECLARE_FINAL_TYPE (LsDuty, ls_duty, LS, DUTY, GObject)

/* clang-format off */
LsDuty     *ls_duty_new           (LsDutyKind  kind,
                                   const char *what,
                                   const char *reference,
                                   const char *due_on,
                                   const char *done_on,
                                   gboolean    done,
                                   const char *today);
LsDutyKind  ls_duty_get_kind      (LsDuty     *self);
const char *ls_duty_get_what      (LsDuty     *self);
const char *ls_duty_get_reference (LsDuty     *self);
const char *ls_duty_get_due_on    (LsDuty     *self);
const char *ls_duty_get_done_on   (LsDuty     *self);
gboolean    ls_duty_get_done      (LsDuty     *self);
int         ls_duty_get_days_late (LsDuty     *self);
char       *ls_duty_dup_summary   (LsDuty     *self);
/* clang-format on */

G_END_DECLS
