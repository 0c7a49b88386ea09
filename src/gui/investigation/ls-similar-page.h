/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_SIMILAR_PAGE (ls_similar_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsSimilarPage, ls_similar_page, LS, SIMILAR_PAGE, LsWizardPage)

G_END_DECLS
