/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-case.h"

G_BEGIN_DECLS

/* clang-format off */
gboolean ls_case_get_fields_checked (LsCase *self);
LsCase  *ls_case_read_to_store      (JsonObject  *json,
                                     const char  *path,
                                     GError     **error);
/* clang-format on */

G_END_DECLS
