/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-unit.h"

G_BEGIN_DECLS

#define LS_TYPE_UNIT_DIALOG (ls_unit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LsUnitDialog, ls_unit_dialog, LS, UNIT_DIALOG, AdwWindow)

/* clang-format off */
LsUnitDialog *ls_unit_dialog_new      (GtkWindow    *parent,
                                       LsUnit       *unit);
LsUnit       *ls_unit_dialog_get_unit (LsUnitDialog *self);
/* clang-format on */

G_END_DECLS
