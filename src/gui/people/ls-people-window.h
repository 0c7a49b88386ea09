/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_PEOPLE_WINDOW (ls_people_window_get_type ())

G_DECLARE_FINAL_TYPE (
    LsPeopleWindow, ls_people_window, LS, PEOPLE_WINDOW, AdwWindow)

/* clang-format off */
GtkWidget        *ls_people_window_new          (GtkWindow      *parent,
                                                 LsStore        *store,
                                                 LsOrganisation *organisation);
LsPeopleRegister *ls_people_window_get_register (LsPeopleWindow *self);
GtkWidget        *ls_people_window_get_view     (LsPeopleWindow *self,
                                                 const char     *name);
gboolean          ls_people_window_get_busy     (LsPeopleWindow *self);
/* clang-format on */

G_END_DECLS
