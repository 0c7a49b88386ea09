/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard.h"

G_BEGIN_DECLS

#define LS_TYPE_REPORT_WIZARD (ls_report_wizard_get_type ())

G_DECLARE_FINAL_TYPE (
    LsReportWizard, ls_report_wizard, LS, REPORT_WIZARD, LsWizard)

/* clang-format off */
LsReportWizard *ls_report_wizard_new (GtkWindow *parent,
                                      LsContext *context,
                                      LsCase    *lcase);
/* clang-format on */

G_END_DECLS
