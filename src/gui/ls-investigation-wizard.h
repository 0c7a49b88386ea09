/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_INVESTIGATION_WIZARD (ls_investigation_wizard_get_type ())

G_DECLARE_FINAL_TYPE (LsInvestigationWizard,
                      ls_investigation_wizard,
                      LS,
                      INVESTIGATION_WIZARD,
                      AdwWindow)

/**
 * LsInvestigationWizardPage:
 *
 * The steps of the investigation, in the order of the law: who
 * investigates (5:1), the seven points of 5:2, what 5:3 and 5:5 ask
 * further, informing the individual, the lessons, and the conclusion.
 */
typedef enum
{
  LS_INVESTIGATION_WIZARD_PAGE_INVESTIGATORS,
  LS_INVESTIGATION_WIZARD_PAGE_POINT_1,
  LS_INVESTIGATION_WIZARD_PAGE_POINT_2,
  LS_INVESTIGATION_WIZARD_PAGE_POINT_3,
  LS_INVESTIGATION_WIZARD_PAGE_POINT_4,
  LS_INVESTIGATION_WIZARD_PAGE_POINT_5,
  LS_INVESTIGATION_WIZARD_PAGE_POINT_6,
  LS_INVESTIGATION_WIZARD_PAGE_POINT_7,
  LS_INVESTIGATION_WIZARD_PAGE_REMEDIAL,
  LS_INVESTIGATION_WIZARD_PAGE_OTHER_FINDINGS,
  LS_INVESTIGATION_WIZARD_PAGE_PREVENTIVE,
  LS_INVESTIGATION_WIZARD_PAGE_INDIVIDUALS,
  LS_INVESTIGATION_WIZARD_PAGE_LESSONS,
  LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION,
  LS_INVESTIGATION_WIZARD_N_PAGES
} LsInvestigationWizardPage;

/* clang-format off */
LsInvestigationWizard     *ls_investigation_wizard_new       (GtkWindow                 *parent,
                                                              LsStore                   *store,
                                                              LsOrganisation            *organisation,
                                                              LsCase                    *lcase,
                                                              GSettings                 *settings);
LsCase                    *ls_investigation_wizard_get_case  (LsInvestigationWizard     *self);
gboolean                   ls_investigation_wizard_get_busy  (LsInvestigationWizard     *self);
LsInvestigationWizardPage  ls_investigation_wizard_get_page  (LsInvestigationWizard     *self);
void                       ls_investigation_wizard_set_page  (LsInvestigationWizard     *self,
                                                              LsInvestigationWizardPage  page);
void                       ls_investigation_wizard_show_step (LsInvestigationWizard     *self,
                                                              LsStep                     step,
                                                              LsPoints                   point);
gboolean                   ls_investigation_wizard_go_next   (LsInvestigationWizard     *self);
void                       ls_investigation_wizard_go_back   (LsInvestigationWizard     *self);
/* clang-format on */

G_END_DECLS
