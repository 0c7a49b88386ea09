/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* clang-format off */
gboolean  ls_pnr_validate  (const char  *text,
                            GError     **error);
char     *ls_pnr_normalize (const char  *text,
                            GDateTime   *now,
                            GError     **error);
char     *ls_pnr_mask      (const char  *text);
/* clang-format on */

G_END_DECLS
