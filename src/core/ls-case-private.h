/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-case.h"

G_BEGIN_DECLS

/* clang-format off */
gboolean ls_case_get_fields_checked (LsCase *self);
/* clang-format on */

G_END_DECLS
