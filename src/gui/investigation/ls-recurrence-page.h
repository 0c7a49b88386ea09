/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_RECURRENCE_PAGE (ls_recurrence_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsRecurrencePage, ls_recurrence_page, LS, RECURRENCE_PAGE, LsWizardPage)

G_END_DECLS
