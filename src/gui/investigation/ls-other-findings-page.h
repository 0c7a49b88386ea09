/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_OTHER_FINDINGS_PAGE (ls_other_findings_page_get_type ())

G_DECLARE_FINAL_TYPE (LsOtherFindingsPage,
                      ls_other_findings_page,
                      LS,
                      OTHER_FINDINGS_PAGE,
                      LsWizardPage)

G_END_DECLS
