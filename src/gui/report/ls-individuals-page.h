/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_INDIVIDUALS_PAGE (ls_individuals_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsIndividualsPage, ls_individuals_page, LS, INDIVIDUALS_PAGE, LsWizardPage)

G_END_DECLS
