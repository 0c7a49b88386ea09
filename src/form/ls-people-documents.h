/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-form-document.h"
#include "ls-organisation.h"
#include "ls-people-register.h"

G_BEGIN_DECLS

/* clang-format off */
LsFormDocument *ls_people_documents_build_routines          (LsRoutines            *routines,
                                                             LsOrganisation        *organisation);
LsFormDocument *ls_people_documents_build_staff_information (LsRoutines            *routines,
                                                             LsOrganisation        *organisation);
LsFormDocument *ls_people_documents_build_attendance        (LsInformationOccasion *occasion,
                                                             LsPeopleRegister      *register_,
                                                             LsOrganisation        *organisation);
/* clang-format on */

G_END_DECLS
