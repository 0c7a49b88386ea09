/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-form-document.h"
#include "ls-statistics.h"

G_BEGIN_DECLS

/* clang-format off */
LsFormDocument *ls_statistics_document_build (LsStatistics *statistics,
                                              const char   *organisation_name);
/* clang-format on */

G_END_DECLS
