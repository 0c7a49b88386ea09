/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_CAUSES_PAGE (ls_causes_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsCausesPage, ls_causes_page, LS, CAUSES_PAGE, LsWizardPage)

G_END_DECLS
