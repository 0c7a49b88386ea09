/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_POINT_PAGE (ls_point_page_get_type ())

G_DECLARE_FINAL_TYPE (LsPointPage, ls_point_page, LS, POINT_PAGE, LsWizardPage)

G_END_DECLS
