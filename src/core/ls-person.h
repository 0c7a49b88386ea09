/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_PERSON (ls_person_get_type ())

G_DECLARE_FINAL_TYPE (LsPerson, ls_person, LS, PERSON, GObject)

/* clang-format off */
LsPerson           *ls_person_new              (void);
const char         *ls_person_get_id           (LsPerson *self);
void                ls_person_set_id           (LsPerson   *self,
                                                const char *id);
const char         *ls_person_get_staff_number (LsPerson *self);
void                ls_person_set_staff_number (LsPerson   *self,
                                                const char *staff_number);
const char         *ls_person_get_name         (LsPerson *self);
void                ls_person_set_name         (LsPerson   *self,
                                                const char *name);
LsReporterCategory  ls_person_get_category     (LsPerson *self);
void                ls_person_set_category     (LsPerson           *self,
                                                LsReporterCategory  category);
const char *const  *ls_person_get_units        (LsPerson *self);
void                ls_person_set_units        (LsPerson          *self,
                                                const char *const *units);
const char         *ls_person_get_started_on   (LsPerson *self);
void                ls_person_set_started_on   (LsPerson   *self,
                                                const char *started_on);
const char         *ls_person_get_ended_on     (LsPerson *self);
void                ls_person_set_ended_on     (LsPerson   *self,
                                                const char *ended_on);
gboolean            ls_person_is_active        (LsPerson   *self,
                                                const char *today);
gboolean            ls_person_in_unit          (LsPerson   *self,
                                                const char *unit_id);
/* clang-format on */

G_END_DECLS
