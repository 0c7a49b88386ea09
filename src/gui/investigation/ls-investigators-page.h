/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_INVESTIGATORS_PAGE (ls_investigators_page_get_type ())

G_DECLARE_FINAL_TYPE (LsInvestigatorsPage,
                      ls_investigators_page,
                      LS,
                      INVESTIGATORS_PAGE,
                      LsWizardPage)

G_END_DECLS
