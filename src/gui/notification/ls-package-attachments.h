/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_PACKAGE_ATTACHMENTS (ls_package_attachments_get_type ())

G_DECLARE_FINAL_TYPE (LsPackageAttachments,
                      ls_package_attachments,
                      LS,
                      PACKAGE_ATTACHMENTS,
                      AdwPreferencesGroup)

/* clang-format off */
void  ls_package_attachments_show       (LsPackageAttachments *self,
                                         LsStore              *store,
                                         LsCase               *lcase,
                                         gboolean              read_only);
guint ls_package_attachments_get_n_shown (LsPackageAttachments *self);
/* clang-format on */

G_END_DECLS
