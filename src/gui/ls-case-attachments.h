/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_CASE_ATTACHMENTS (ls_case_attachments_get_type ())

G_DECLARE_FINAL_TYPE (LsCaseAttachments,
                      ls_case_attachments,
                      LS,
                      CASE_ATTACHMENTS,
                      AdwPreferencesGroup)

/* clang-format off */
void ls_case_attachments_show (LsCaseAttachments *self,
                               LsStore           *store,
                               const char        *case_uuid,
                               const char        *author);
guint ls_case_attachments_get_n_shown (LsCaseAttachments *self);
void ls_case_attachments_add_file (LsCaseAttachments *self,
                                   GFile             *file,
                                   const char        *kind);
/* clang-format on */

G_END_DECLS
