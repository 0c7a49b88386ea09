/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LS_TYPE_REPORT_WIZARD (ls_report_wizard_get_type ())

G_DECLARE_FINAL_TYPE (
    LsReportWizard, ls_report_wizard, LS, REPORT_WIZARD, AdwWindow)

/**
 * LsReportWizardStep:
 *
 * The steps of the report wizard, in order.
 */
typedef enum
{
  LS_REPORT_WIZARD_STEP_REPORTER,
  LS_REPORT_WIZARD_STEP_KIND,
  LS_REPORT_WIZARD_STEP_EVENT,
  LS_REPORT_WIZARD_STEP_INDIVIDUAL,
  LS_REPORT_WIZARD_STEP_ACTIONS,
  LS_REPORT_WIZARD_STEP_BOARDS,
  LS_REPORT_WIZARD_N_STEPS
} LsReportWizardStep;

/* clang-format off */
LsReportWizard *ls_report_wizard_new             (GtkWindow          *parent,
                                                  const char         *organisation_kind,
                                                  const char * const *units);
guint           ls_report_wizard_get_step        (LsReportWizard     *self);
gboolean        ls_report_wizard_go_next         (LsReportWizard     *self);
void            ls_report_wizard_go_back         (LsReportWizard     *self);
gboolean        ls_report_wizard_validate_step   (LsReportWizard     *self,
                                                  guint               step);
JsonObject     *ls_report_wizard_dup_case_json   (LsReportWizard     *self);
void            ls_report_wizard_show_error      (LsReportWizard     *self,
                                                  const char         *message);
/* clang-format on */

G_END_DECLS
