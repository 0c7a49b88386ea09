/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_REPORT_SUMMARY_PAGE (ls_report_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (LsReportSummaryPage,
                      ls_report_summary_page,
                      LS,
                      REPORT_SUMMARY_PAGE,
                      LsWizardPage)

void ls_report_summary_page_mark_regno_taken (LsReportSummaryPage *self);

G_END_DECLS
