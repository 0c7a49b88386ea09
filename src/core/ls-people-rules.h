/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-case.h"
#include "ls-people-register.h"
#include "ls-requirement.h"
#include "ls-substitution.h"

G_BEGIN_DECLS

/**
 * LsPeopleFlagKind:
 * @LS_PEOPLE_FLAG_NOT_INFORMED_AT_START: a person was not told of the duty
 *   and who receives reports when the engagement began (2 kap. 2 §)
 * @LS_PEOPLE_FLAG_NOT_INFORMED_THIS_YEAR: a person was not told both
 *   orally and in writing in the last twelve months (advice to 2 kap. 2 §)
 * @LS_PEOPLE_FLAG_RECEIVER_CHANGED: the receiver of reports changed since
 *   a person was last told who it is (2 kap. 2 § second paragraph)
 * @LS_PEOPLE_FLAG_NO_ROUTINES: no routines have been decided (7 kap. 1 §)
 */
typedef enum
{
  LS_PEOPLE_FLAG_NOT_INFORMED_AT_START,
  LS_PEOPLE_FLAG_NOT_INFORMED_THIS_YEAR,
  LS_PEOPLE_FLAG_RECEIVER_CHANGED,
  LS_PEOPLE_FLAG_NO_ROUTINES,
} LsPeopleFlagKind;

#define LS_TYPE_PEOPLE_FLAG (ls_people_flag_get_type ())

G_DECLARE_FINAL_TYPE (LsPeopleFlag, ls_people_flag, LS, PEOPLE_FLAG, GObject)

/* clang-format off */
LsPeopleFlagKind  ls_people_flag_get_kind            (LsPeopleFlag *self);
LsPerson         *ls_people_flag_get_person          (LsPeopleFlag *self);
const char       *ls_people_flag_get_reference       (LsPeopleFlag *self);
const char       *ls_people_flag_get_message         (LsPeopleFlag *self);
const char       *ls_people_flag_get_due             (LsPeopleFlag *self);

GListStore       *ls_people_rules_check              (LsPeopleRegister *register_,
                                                      const char       *today);
GListStore       *ls_people_rules_check_person       (LsPeopleRegister *register_,
                                                      LsPerson         *person,
                                                      const char       *today);
const char       *ls_people_rules_last_informed      (LsPeopleRegister *register_,
                                                      LsPerson         *person);
gboolean          ls_people_rules_is_concerned       (LsCase           *lcase,
                                                      const char       *name);
char             *ls_people_rules_dup_name           (const char       *holder,
                                                      char            **title);
LsAssignment     *ls_people_rules_find_responsible   (LsPeopleRegister *register_,
                                                      LsCase           *lcase,
                                                      LsResponsibility  responsibility);
char             *ls_people_rules_dup_suggestion     (LsPeopleRegister *register_,
                                                      LsCase           *lcase,
                                                      LsResponsibility  responsibility,
                                                      gboolean         *holder_concerned);
void              ls_people_rules_check_case         (LsPeopleRegister *register_,
                                                      LsCase           *lcase,
                                                      GListStore       *requirements);
void              ls_people_rules_check_attention    (LsPeopleRegister *register_,
                                                      LsCase           *lcase,
                                                      GArray           *rows);
gboolean          ls_people_rules_is_conflict        (LsRequirement    *requirement);
LsSubstitution   *ls_people_rules_record_substitution (LsPeopleRegister *register_,
                                                      LsCase           *lcase,
                                                      LsResponsibility  responsibility);
/* clang-format on */

G_END_DECLS
