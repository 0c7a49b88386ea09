/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_PREVENTIVE_PAGE (ls_preventive_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsPreventivePage, ls_preventive_page, LS, PREVENTIVE_PAGE, LsWizardPage)

G_END_DECLS
