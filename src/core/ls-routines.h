/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_ASSIGNMENT (ls_assignment_get_type ())

G_DECLARE_FINAL_TYPE (LsAssignment, ls_assignment, LS, ASSIGNMENT, GObject)

#define LS_TYPE_ROUTINES (ls_routines_get_type ())

G_DECLARE_FINAL_TYPE (LsRoutines, ls_routines, LS, ROUTINES, GObject)

/* clang-format off */
LsAssignment     *ls_assignment_new                (LsResponsibility  responsibility,
                                                    const char       *unit_id);
LsResponsibility  ls_assignment_get_responsibility (LsAssignment *self);
void              ls_assignment_set_responsibility (LsAssignment     *self,
                                                    LsResponsibility  responsibility);
const char       *ls_assignment_get_unit_id        (LsAssignment *self);
void              ls_assignment_set_unit_id        (LsAssignment *self,
                                                    const char   *unit_id);
const char       *ls_assignment_get_holder         (LsAssignment *self);
void              ls_assignment_set_holder         (LsAssignment *self,
                                                    const char   *holder);
const char       *ls_assignment_get_substitute     (LsAssignment *self);
void              ls_assignment_set_substitute     (LsAssignment *self,
                                                    const char   *substitute);
const char       *ls_assignment_get_how            (LsAssignment *self);
void              ls_assignment_set_how            (LsAssignment *self,
                                                    const char   *how);

LsRoutines       *ls_routines_new                  (void);
const char       *ls_routines_get_id               (LsRoutines *self);
void              ls_routines_set_id               (LsRoutines *self,
                                                    const char *id);
const char       *ls_routines_get_decided_on       (LsRoutines *self);
void              ls_routines_set_decided_on       (LsRoutines *self,
                                                    const char *decided_on);
const char       *ls_routines_get_decided_by       (LsRoutines *self);
void              ls_routines_set_decided_by       (LsRoutines *self,
                                                    const char *decided_by);
GListStore       *ls_routines_get_assignments      (LsRoutines *self);
LsAssignment     *ls_routines_find                 (LsRoutines       *self,
                                                    LsResponsibility  responsibility,
                                                    const char       *unit_id);
LsAssignment     *ls_routines_ensure               (LsRoutines       *self,
                                                    LsResponsibility  responsibility,
                                                    const char       *unit_id);
LsRoutines       *ls_routines_new_version          (LsRoutines *self);
/* clang-format on */

G_END_DECLS
