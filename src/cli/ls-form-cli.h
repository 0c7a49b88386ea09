/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LsFormCliDocument:
 * @LS_FORM_CLI_NOTIFICATION: the notification on the annex form
 * @LS_FORM_CLI_INVESTIGATION: the finished investigation
 */
typedef enum
{
  LS_FORM_CLI_NOTIFICATION,
  LS_FORM_CLI_INVESTIGATION,
} LsFormCliDocument;

/* clang-format off */
gboolean ls_form_cli_write_pdf (const char         *database,
                                const char         *regno,
                                LsFormCliDocument   document,
                                const char         *output,
                                GError            **error);
/* clang-format on */

G_END_DECLS
