/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_KIND_PAGE (ls_kind_page_get_type ())

G_DECLARE_FINAL_TYPE (LsKindPage, ls_kind_page, LS, KIND_PAGE, LsWizardPage)

G_END_DECLS
