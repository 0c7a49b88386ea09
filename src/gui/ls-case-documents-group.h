/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case-pdf.h"
#include "ls-context.h"

G_BEGIN_DECLS

#define LS_TYPE_CASE_DOCUMENTS_GROUP (ls_case_documents_group_get_type ())

G_DECLARE_FINAL_TYPE (LsCaseDocumentsGroup,
                      ls_case_documents_group,
                      LS,
                      CASE_DOCUMENTS_GROUP,
                      AdwPreferencesGroup)

/* clang-format off */
void       ls_case_documents_group_show      (LsCaseDocumentsGroup   *self,
                                              LsContext              *context,
                                              LsCase                 *lcase);
gboolean   ls_case_documents_group_offers    (LsCaseDocumentsGroup   *self,
                                              LsNotificationDocument  document);
GtkWindow *ls_case_documents_group_preview   (LsCaseDocumentsGroup   *self,
                                              LsNotificationDocument  document);
/* clang-format on */

G_END_DECLS
