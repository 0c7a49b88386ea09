/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* clang-format off */
const GOptionEntry *ls_statistics_cli_get_options (void);
gboolean            ls_statistics_cli_handles     (GVariantDict  *options);
int                 ls_statistics_cli_run         (const char    *database,
                                                   GVariantDict  *options);
gboolean            ls_statistics_cli_write_csv   (const char    *database,
                                                   const char    *from,
                                                   const char    *to,
                                                   const char    *csv,
                                                   GError       **error);
gboolean            ls_statistics_cli_write_pdf   (const char    *database,
                                                   const char    *from,
                                                   const char    *to,
                                                   const char    *output,
                                                   gboolean       digest,
                                                   GError       **error);
/* clang-format on */

G_END_DECLS
