/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-people-register.h"

G_BEGIN_DECLS

#define LS_TYPE_OCCASION_DIALOG (ls_occasion_dialog_get_type ())

G_DECLARE_FINAL_TYPE (
    LsOccasionDialog, ls_occasion_dialog, LS, OCCASION_DIALOG, AdwWindow)

/* clang-format off */
GtkWidget *ls_occasion_dialog_new    (GtkWindow         *parent,
                                      LsPeopleRegister  *register_,
                                      const char *const *participants,
                                      const char        *today);
gboolean   ls_occasion_dialog_record (LsOccasionDialog  *self,
                                      GError           **error);
/* clang-format on */

G_END_DECLS
