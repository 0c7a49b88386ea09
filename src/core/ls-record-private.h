/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* clang-format off */
gboolean ls_record_replace_string (char              **field,
                                   const char         *value);
gboolean ls_record_replace_strv   (char             ***field,
                                   const char *const  *value);
gboolean ls_record_strv_contains  (const char *const  *strv,
                                   const char         *value);
/* clang-format on */

G_END_DECLS
