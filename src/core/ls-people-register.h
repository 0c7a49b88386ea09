/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ls-information-occasion.h"
#include "ls-organisation.h"
#include "ls-person.h"
#include "ls-routines.h"

G_BEGIN_DECLS

#define LS_TYPE_PEOPLE_REGISTER (ls_people_register_get_type ())

G_DECLARE_FINAL_TYPE (
    LsPeopleRegister, ls_people_register, LS, PEOPLE_REGISTER, GObject)

/* clang-format off */
LsPeopleRegister      *ls_people_register_new                  (void);
GListStore            *ls_people_register_get_people           (LsPeopleRegister *self);
GListStore            *ls_people_register_get_occasions        (LsPeopleRegister *self);
GListStore            *ls_people_register_get_routines         (LsPeopleRegister *self);
LsPerson              *ls_people_register_find_person          (LsPeopleRegister *self,
                                                                const char       *id);
LsPerson              *ls_people_register_find_staff_number    (LsPeopleRegister *self,
                                                                const char       *staff_number);
LsInformationOccasion *ls_people_register_find_occasion        (LsPeopleRegister *self,
                                                                const char       *id);
LsRoutines            *ls_people_register_find_routines        (LsPeopleRegister *self,
                                                                const char       *id);
LsRoutines            *ls_people_register_get_routines_in_force (LsPeopleRegister *self,
                                                                const char       *day);
LsRoutines            *ls_people_register_get_latest_routines  (LsPeopleRegister *self);
gboolean               ls_people_register_validate             (LsPeopleRegister *self,
                                                                LsOrganisation   *organisation,
                                                                GError          **error);
LsPeopleRegister      *ls_people_register_new_from_document    (JsonObject       *document,
                                                                LsOrganisation   *organisation,
                                                                GError          **error);
void                   ls_people_register_add_to_document      (LsPeopleRegister *self,
                                                                JsonObject       *document);
/* clang-format on */

G_END_DECLS
