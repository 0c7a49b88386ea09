/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdarg.h>

#include <glib.h>

G_BEGIN_DECLS

/* clang-format off */
char *ls_bidi_isolate       (const char *value);
char *ls_bidi_format        (const char *format,
                             ...) G_GNUC_NULL_TERMINATED;
char *ls_bidi_format_valist (const char *format,
                             va_list     args);
/* clang-format on */

G_END_DECLS
