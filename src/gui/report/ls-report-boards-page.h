/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_REPORT_BOARDS_PAGE (ls_report_boards_page_get_type ())

G_DECLARE_FINAL_TYPE (LsReportBoardsPage,
                      ls_report_boards_page,
                      LS,
                      REPORT_BOARDS_PAGE,
                      LsWizardPage)

G_END_DECLS
