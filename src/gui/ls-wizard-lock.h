/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ls-case.h"
#include "ls-step-table.h"

G_BEGIN_DECLS

/* clang-format off */
const char *ls_wizard_lock_reason   (LsWizardKind  kind,
                                     LsCase       *lcase,
                                     gboolean     *reopenable);
void        ls_wizard_lock_controls (GtkWidget    *widget,
                                     gboolean      read_only);
void        ls_wizard_keep_active   (GtkWidget    *control);
/* clang-format on */

G_END_DECLS
