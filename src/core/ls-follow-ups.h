/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-case.h"

G_BEGIN_DECLS

/**
 * LsFollowUp:
 * @case_uuid: the case
 * @regno: (nullable): its registration number
 * @unit_id: (nullable): the case's unit
 * @closed: whether the case is closed
 * @kind: remedial or preventive
 * @description: (nullable): the action
 * @follow_up_on: when its effect for the individual is to be followed up
 * @overdue: whether that day has passed
 *
 * A follow-up of an action's effect that is not yet done.
 */
typedef struct
{
  char *case_uuid;
  char *regno;
  char *unit_id;
  gboolean closed;
  LsActionKind kind;
  char *description;
  char *follow_up_on;
  gboolean overdue;
} LsFollowUp;

/* clang-format off */
void       ls_follow_up_free              (LsFollowUp *follow_up);
guint      ls_follow_ups_count_open       (LsCase     *lcase);
gboolean   ls_follow_ups_closed_with_open (LsCase     *lcase);
GPtrArray *ls_follow_ups_list_due         (GPtrArray  *cases,
                                           const char *today,
                                           guint       days_ahead);
GPtrArray *ls_follow_ups_list_open        (GPtrArray         *cases,
                                           const char        *today,
                                           const char *const *units);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsFollowUp, ls_follow_up_free)

G_END_DECLS
