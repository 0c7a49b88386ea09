/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-context.h"

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_CASE_VIEW (ls_case_view_get_type ())

G_DECLARE_FINAL_TYPE (LsCaseView, ls_case_view, LS, CASE_VIEW, AdwBin)

/* clang-format off */
LsCaseView *ls_case_view_new              (LsContext      *context);
void        ls_case_view_show_case        (LsCaseView     *self,
                                           const char     *uuid);
const char *ls_case_view_get_uuid         (LsCaseView     *self);
LsCase     *ls_case_view_get_case         (LsCaseView     *self);
/* clang-format on */

G_END_DECLS
