/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-people-csv.h"
#include "ls-people-documents.h"

G_BEGIN_DECLS

/* clang-format off */
gboolean ls_people_cli_import    (const char         *database,
                                  const char         *file,
                                  LsPeopleCsvCounts  *counts,
                                  GError            **error);
gboolean ls_people_cli_write_pdf (const char         *database,
                                  LsPeopleDocument    document,
                                  const char         *output,
                                  GError            **error);
/* clang-format on */

G_END_DECLS
