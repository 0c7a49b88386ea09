/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_INFORMING_PAGE (ls_informing_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsInformingPage, ls_informing_page, LS, INFORMING_PAGE, LsWizardPage)

G_END_DECLS
