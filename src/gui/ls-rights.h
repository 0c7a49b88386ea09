/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-context.h"

G_BEGIN_DECLS

/* clang-format off */
gboolean        ls_rights_may               (LsContext           *context,
                                             LsStoreRights        rights);
gboolean        ls_rights_note              (AdwPreferencesGroup *note,
                                             LsContext           *context,
                                             LsStoreRights        rights);
void            ls_rights_limit             (GtkWidget           *widget,
                                             gboolean             may,
                                             LsStoreRights        rights);
/* clang-format on */

G_END_DECLS
