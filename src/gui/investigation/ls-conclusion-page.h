/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_CONCLUSION_PAGE (ls_conclusion_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsConclusionPage, ls_conclusion_page, LS, CONCLUSION_PAGE, LsWizardPage)

G_END_DECLS
