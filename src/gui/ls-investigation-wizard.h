/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard.h"

G_BEGIN_DECLS

#define LS_TYPE_INVESTIGATION_WIZARD (ls_investigation_wizard_get_type ())

G_DECLARE_FINAL_TYPE (LsInvestigationWizard,
                      ls_investigation_wizard,
                      LS,
                      INVESTIGATION_WIZARD,
                      LsWizard)

/* clang-format off */
LsInvestigationWizard *ls_investigation_wizard_new (GtkWindow *parent,
                                                    LsContext *context,
                                                    LsCase    *lcase);
/* clang-format on */

G_END_DECLS
