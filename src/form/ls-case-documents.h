/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-case.h"
#include "ls-form-document.h"
#include "ls-notification-form.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
gboolean            ls_case_documents_notification_is_draft (LsCase         *lcase);
LsNotificationForm *ls_case_documents_dup_notification_form (LsCase         *lcase);
LsFormDocument     *ls_case_documents_build_notification    (LsCase         *lcase);
LsFormDocument     *ls_case_documents_build_investigation   (LsCase         *lcase,
                                                             LsOrganisation *organisation,
                                                             GHashTable     *regnos);
GHashTable         *ls_case_documents_dup_linked_regnos     (LsStore        *store,
                                                             LsCase         *lcase);
LsFormDocument     *ls_case_documents_build_board_letter    (LsCase         *lcase,
                                                             LsOrganisation *organisation,
                                                             const char     *board);
/* clang-format on */

G_END_DECLS
