/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_REPORTER_PAGE (ls_reporter_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsReporterPage, ls_reporter_page, LS, REPORTER_PAGE, LsWizardPage)

G_END_DECLS
