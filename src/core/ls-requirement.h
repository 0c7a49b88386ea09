/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_REQUIREMENT (ls_requirement_get_type ())

G_DECLARE_FINAL_TYPE (LsRequirement, ls_requirement, LS, REQUIREMENT, GObject)

/* clang-format off */
LsRequirement *ls_requirement_new           (LsStep         step,
                                             LsPoints       point,
                                             const char    *reference,
                                             const char    *message,
                                             const char    *due,
                                             gboolean       blocking);
LsStep         ls_requirement_get_step      (LsRequirement *self);
LsPoints       ls_requirement_get_point     (LsRequirement *self);
const char    *ls_requirement_get_reference (LsRequirement *self);
const char    *ls_requirement_get_message   (LsRequirement *self);
const char    *ls_requirement_get_due       (LsRequirement *self);
gboolean       ls_requirement_get_blocking  (LsRequirement *self);
/* clang-format on */

G_END_DECLS
