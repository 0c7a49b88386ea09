/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-form-document.h"
#include "ls-organisation.h"
#include "ls-people-register.h"

G_BEGIN_DECLS

/**
 * LsPeopleDocument:
 * @LS_PEOPLE_DOCUMENT_ROUTINES: "Rutiner enligt lex Sarah"
 * @LS_PEOPLE_DOCUMENT_STAFF_INFORMATION: the information sheet for staff
 */
typedef enum
{
  LS_PEOPLE_DOCUMENT_ROUTINES,
  LS_PEOPLE_DOCUMENT_STAFF_INFORMATION,
} LsPeopleDocument;

/* clang-format off */
LsFormDocument *ls_people_documents_build_routines          (LsRoutines            *routines,
                                                             LsOrganisation        *organisation);
LsFormDocument *ls_people_documents_build_staff_information (LsRoutines            *routines,
                                                             LsOrganisation        *organisation);
LsFormDocument *ls_people_documents_build_attendance        (LsInformationOccasion *occasion,
                                                             LsPeopleRegister      *register_,
                                                             LsOrganisation        *organisation);
LsFormDocument *ls_people_documents_build                   (LsPeopleDocument       document,
                                                             LsRoutines            *routines,
                                                             LsOrganisation        *organisation);
void            ls_people_documents_write_pdf_async         (LsPeopleDocument       document,
                                                             LsRoutines            *routines,
                                                             LsOrganisation        *organisation,
                                                             GFile                 *file,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean        ls_people_documents_write_pdf_finish        (GAsyncResult          *result,
                                                             GError               **error);
/* clang-format on */

G_END_DECLS
