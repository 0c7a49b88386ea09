/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-organisation.h"
#include "ls-people-register.h"

G_BEGIN_DECLS

#define LS_TYPE_ROUTINES_EDITOR (ls_routines_editor_get_type ())

G_DECLARE_FINAL_TYPE (
    LsRoutinesEditor, ls_routines_editor, LS, ROUTINES_EDITOR, AdwBin)

/* clang-format off */
GtkWidget  *ls_routines_editor_new            (LsPeopleRegister *register_,
                                               LsOrganisation   *organisation);
LsRoutines *ls_routines_editor_get_draft      (LsRoutinesEditor *self);
LsRoutines *ls_routines_editor_get_shown      (LsRoutinesEditor *self);
void        ls_routines_editor_set_unit       (LsRoutinesEditor *self,
                                               const char       *unit_id);
gboolean    ls_routines_editor_decide         (LsRoutinesEditor *self,
                                               GError          **error);
void        ls_routines_editor_set_read_only  (LsRoutinesEditor *self,
                                               const char       *why);
/* clang-format on */

G_END_DECLS
