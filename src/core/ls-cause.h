/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_CAUSE (ls_cause_get_type ())

G_DECLARE_FINAL_TYPE (LsCause, ls_cause, LS, CAUSE, GObject)

/* clang-format off */
LsCause    *ls_cause_new             (void);
const char *ls_cause_get_category    (LsCause *self);
void        ls_cause_set_category    (LsCause    *self,
                                      const char *category);
const char *ls_cause_get_description (LsCause *self);
void        ls_cause_set_description (LsCause    *self,
                                      const char *description);
/* clang-format on */

G_END_DECLS
