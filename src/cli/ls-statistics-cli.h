/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ls-cli-commands.h"

G_BEGIN_DECLS

/* clang-format off */
gboolean            ls_statistics_cli_run_statistics (const LsCliCall *call,
                                                   GError       **error);
gboolean            ls_statistics_cli_run_digest  (const LsCliCall *call,
                                                   GError       **error);
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
