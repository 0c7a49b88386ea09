/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_REMEDIAL_PAGE (ls_remedial_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsRemedialPage, ls_remedial_page, LS, REMEDIAL_PAGE, LsWizardPage)

G_END_DECLS
