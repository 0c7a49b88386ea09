/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case-summary.h"
#include "ls-organisation.h"

G_BEGIN_DECLS

#define LS_TYPE_CASE_ROW (ls_case_row_get_type ())

G_DECLARE_FINAL_TYPE (LsCaseRow, ls_case_row, LS, CASE_ROW, GtkWidget)

/* clang-format off */
LsCaseRow *ls_case_row_new         (void);
void       ls_case_row_set_summary (LsCaseRow      *self,
                                    LsCaseSummary  *summary,
                                    LsOrganisation *organisation,
                                    GDateTime      *now);
/* clang-format on */

G_END_DECLS
