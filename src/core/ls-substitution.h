/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_SUBSTITUTION (ls_substitution_get_type ())

G_DECLARE_FINAL_TYPE (
    LsSubstitution, ls_substitution, LS, SUBSTITUTION, GObject)

/* clang-format off */
LsSubstitution   *ls_substitution_new                (LsResponsibility  responsibility,
                                                      const char       *holder,
                                                      const char       *substitute,
                                                      const char       *reason);
LsResponsibility  ls_substitution_get_responsibility (LsSubstitution *self);
const char       *ls_substitution_get_holder         (LsSubstitution *self);
const char       *ls_substitution_get_substitute     (LsSubstitution *self);
const char       *ls_substitution_get_reason         (LsSubstitution *self);
/* clang-format on */

G_END_DECLS
