/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case-summary.h"
#include "ls-organisation.h"

G_BEGIN_DECLS

#define LS_TYPE_CASE_ROW (ls_case_row_get_type ())

G_DECLARE_FINAL_TYPE (LsCaseRow, ls_case_row, LS, CASE_ROW, GtkWidget)

/* The texts of a row, in the order the eye reads them. */
typedef enum
{
  LS_CASE_ROW_REGNO,
  LS_CASE_ROW_STATUS,
  LS_CASE_ROW_TITLE,
  LS_CASE_ROW_META,
  LS_CASE_ROW_DEADLINE,
  LS_CASE_ROW_N_TEXTS,
} LsCaseRowText;

/* clang-format off */
LsCaseRow  *ls_case_row_new            (void);
void        ls_case_row_set_summary    (LsCaseRow      *self,
                                        LsCaseSummary  *summary,
                                        LsOrganisation *organisation,
                                        GDateTime      *now);
const char *ls_case_row_get_text       (LsCaseRow      *self,
                                        LsCaseRowText   text);
gboolean    ls_case_row_is_ellipsized  (LsCaseRow      *self,
                                        LsCaseRowText   text);
/* clang-format on */

G_END_DECLS
