/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_IMMEDIATE_ACTIONS_PAGE (ls_immediate_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (LsImmediateActionsPage,
                      ls_immediate_actions_page,
                      LS,
                      IMMEDIATE_ACTIONS_PAGE,
                      LsWizardPage)

G_END_DECLS
