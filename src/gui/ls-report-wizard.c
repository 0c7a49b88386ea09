/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-report-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-report-summary-page.h"
#include "ls-report-wizard.h"
#include "ls-store.h"

/* Registers a staff report in six plain steps (who reported and how, what
 * kind, what happened, whom it concerns, what was done at once, which
 * boards to tell) and a summary; the pages are the step table's.  Each
 * step is checked when it is left: bad input is marked on its row and
 * stays as typed, and only a sound case goes to the store, which it does
 * at every step.  Closing saves what is good; a case left half-way is a
 * draft. */

struct _LsReportWizard
{
  LsWizard parent_instance;

  /* Finishing goes on to the investigation. */
  gboolean investigate;
};

G_DEFINE_FINAL_TYPE (LsReportWizard, ls_report_wizard, LS_TYPE_WIZARD)

static LsCase *
ls_report_wizard_new_case (LsWizard *wizard)
{
  LsCase *lcase = ls_case_new ();
  g_autofree char *now = ls_dates_dup_now (NULL);
  g_autofree char *author =
      ls_context_dup_author (ls_wizard_get_context (wizard));
  LsReport *report = ls_case_get_report (lcase);

  /* What the user would type anyway. */
  ls_report_set_received_at (report, now);
  ls_report_set_received_by (report, author);
  return lcase;
}

static char *
ls_report_wizard_dup_title (LsWizard *wizard)
{
  const char *regno = ls_case_get_regno (ls_wizard_get_case (wizard));

  if (regno == NULL)
    return g_strdup (_ ("New Report"));
  /* Translators: the window title; %s is a registration number. */
  return g_strdup_printf (_ ("Report %s"), regno);
}

static void
ls_report_wizard_finished (LsWizard *wizard)
{
  if (LS_REPORT_WIZARD (wizard)->investigate)
    ls_wizard_replace (wizard, LS_STEP_INVESTIGATORS, LS_POINT_NONE);
  else
    gtk_window_close (GTK_WINDOW (wizard));
}

/* A number the manager wrote that another case has: said on its row, and
 * the wizard stays open to change it. */
static gboolean
ls_report_wizard_save_failed (LsWizard *wizard, const GError *error)
{
  LS_REPORT_WIZARD (wizard)->investigate = FALSE;
  if (!g_error_matches (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE))
    return FALSE;
  ls_wizard_set_page_name (wizard, "summary");
  ls_report_summary_page_mark_regno_taken (
      LS_REPORT_SUMMARY_PAGE (ls_wizard_find_page (wizard, "summary")));
  return TRUE;
}

static void
investigate_activated (GtkWidget *widget,
                       const char *action_name,
                       GVariant *param)
{
  LsReportWizard *self = LS_REPORT_WIZARD (widget);

  self->investigate = TRUE;
  if (!ls_wizard_finish (LS_WIZARD (self)))
    self->investigate = FALSE;
}

static void
ls_report_wizard_class_init (LsReportWizardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardClass *wizard_class = LS_WIZARD_CLASS (klass);

  wizard_class->kind = LS_WIZARD_REPORT;
  wizard_class->cannot_save = N_ ("The Report Could Not Be Saved");
  wizard_class->new_case = ls_report_wizard_new_case;
  wizard_class->dup_title = ls_report_wizard_dup_title;
  wizard_class->finished = ls_report_wizard_finished;
  wizard_class->save_failed = ls_report_wizard_save_failed;

  gtk_widget_class_install_action (widget_class, "wizard.investigate", NULL,
                                   investigate_activated);
}

static void
ls_report_wizard_init (LsReportWizard *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _ ("New Report"));
}

/**
 * ls_report_wizard_new:
 * @parent: (nullable): the window it belongs to
 * @context: the store, the organisation and the user
 * @lcase: (nullable): the case to show; %NULL starts a new report
 *
 * Returns: (transfer full): a new report wizard on its first step
 */
LsReportWizard *
ls_report_wizard_new (GtkWindow *parent, LsContext *context, LsCase *lcase)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (lcase == NULL || LS_IS_CASE (lcase), NULL);

  return g_object_new (LS_TYPE_REPORT_WIZARD, "transient-for", parent,
                       "context", context, "case", lcase, NULL);
}
