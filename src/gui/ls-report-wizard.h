/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_REPORT_WIZARD (ls_report_wizard_get_type ())

G_DECLARE_FINAL_TYPE (
    LsReportWizard, ls_report_wizard, LS, REPORT_WIZARD, AdwWindow)

/**
 * LsReportWizardPage:
 *
 * The pages of the report wizard, in order: six steps, then the summary.
 */
typedef enum
{
  LS_REPORT_WIZARD_PAGE_REPORTER,
  LS_REPORT_WIZARD_PAGE_KIND,
  LS_REPORT_WIZARD_PAGE_EVENT,
  LS_REPORT_WIZARD_PAGE_INDIVIDUALS,
  LS_REPORT_WIZARD_PAGE_ACTIONS,
  LS_REPORT_WIZARD_PAGE_BOARDS,
  LS_REPORT_WIZARD_PAGE_SUMMARY,
  LS_REPORT_WIZARD_N_PAGES
} LsReportWizardPage;

/* The steps counted in "Step 2 of 6"; the summary comes after them. */
#define LS_REPORT_WIZARD_N_STEPS LS_REPORT_WIZARD_PAGE_SUMMARY

/* clang-format off */
LsReportWizard     *ls_report_wizard_new       (GtkWindow          *parent,
                                                LsStore            *store,
                                                LsOrganisation     *organisation,
                                                LsCase             *lcase,
                                                GSettings          *settings);
LsCase             *ls_report_wizard_get_case  (LsReportWizard     *self);
gboolean            ls_report_wizard_get_busy  (LsReportWizard     *self);
LsReportWizardPage  ls_report_wizard_get_page  (LsReportWizard     *self);
void                ls_report_wizard_set_page  (LsReportWizard     *self,
                                                LsReportWizardPage  page);
void                ls_report_wizard_show_step (LsReportWizard     *self,
                                                LsStep              step);
gboolean            ls_report_wizard_go_next   (LsReportWizard     *self);
void                ls_report_wizard_go_back   (LsReportWizard     *self);
/* clang-format on */

G_END_DECLS
