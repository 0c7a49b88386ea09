/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-reporter-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-date-row.h"
#include "ls-enum-types.h"
#include "ls-labels.h"
#include "ls-names.h"
#include "ls-people-rules.h"
#include "ls-reporter-page.h"
#include "ls-responsible-group.h"
#include "ls-row-error.h"
#include "ls-rows.h"

/* Who reported, in what capacity, how and when the report came in, and
 * who received it (2 kap. 3 §). */

struct _LsReporterPage
{
  LsWizardPage parent_instance;

  AdwEntryRow *reporter_name_row;
  AdwComboRow *reporter_category_row;
  AdwComboRow *received_how_row;
  LsDateRow *received_row;
  AdwEntryRow *received_by_row;
  LsResponsibleGroup *responsible_group;
};

G_DEFINE_FINAL_TYPE (LsReporterPage, ls_reporter_page, LS_TYPE_WIZARD_PAGE)

/* A row to choose a value of @enum_type, whose names are the model's; the
 * position of a name is its value, and "Choose…" stands for the value
 * not chosen yet. */
static void
fill_value_row (AdwComboRow *row, GType enum_type)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint n_values;

  ls_names_get (enum_type, &n_values);
  for (guint i = 0; i < n_values; i++)
    {
      const char *name = ls_labels_value (enum_type, i);

      gtk_string_list_append (names, name != NULL ? name : _ ("Choose…"));
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

static void
ls_reporter_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsReporterPage *self = LS_REPORTER_PAGE (page);
  LsReport *report = ls_case_get_report (lcase);

  ls_rows_set_text (GTK_WIDGET (self->reporter_name_row),
                    ls_report_get_reporter_name (report));
  adw_combo_row_set_selected (self->reporter_category_row,
                              ls_report_get_reporter_category (report));
  adw_combo_row_set_selected (self->received_how_row,
                              ls_report_get_received_how (report));
  ls_date_row_set_value (self->received_row,
                         ls_report_get_received_at (report));
  ls_rows_set_text (GTK_WIDGET (self->received_by_row),
                    ls_report_get_received_by (report));
}

static gboolean
ls_reporter_page_commit (LsWizardPage *page,
                         LsCase *target,
                         LsWizardCommit mode,
                         GDateTime *now,
                         GtkWidget **first_bad)
{
  LsReporterPage *self = LS_REPORTER_PAGE (page);
  LsReport *report = ls_case_get_report (target);
  guint category = adw_combo_row_get_selected (self->reporter_category_row);
  guint how = adw_combo_row_get_selected (self->received_how_row);
  gboolean strict = mode == LS_WIZARD_COMMIT_STRICT;
  gboolean ok = TRUE;

  ok &= ls_wizard_page_read_text (
      GTK_WIDGET (self->reporter_name_row), mode,
      _ ("Give who reported: the law asks for it."), report,
      (LsWizardSetter) ls_report_set_reporter_name, first_bad);
  if (category > LS_REPORTER_CATEGORY_PROGRAMME_PARTICIPANT)
    category = LS_REPORTER_CATEGORY_UNSET;
  if (category == LS_REPORTER_CATEGORY_UNSET && strict)
    ok = ls_row_mark_bad (GTK_WIDGET (self->reporter_category_row),
                          _ ("Choose one."), first_bad);
  ls_report_set_reporter_category (report, category);
  if (how > LS_RECEIVED_HOW_WRITTEN)
    how = LS_RECEIVED_HOW_UNSET;
  if (how == LS_RECEIVED_HOW_UNSET && strict)
    ok = ls_row_mark_bad (GTK_WIDGET (self->received_how_row),
                          _ ("Choose one."), first_bad);
  ls_report_set_received_how (report, how);
  ok &= ls_wizard_page_read_date (
      GTK_WIDGET (self->received_row), now, mode,
      _ ("Give the day and time the report came in."), report,
      (LsWizardSetter) ls_report_set_received_at, first_bad);
  ok &= ls_wizard_page_read_text (GTK_WIDGET (self->received_by_row), mode,
                                  _ ("Give who received the report."), report,
                                  (LsWizardSetter) ls_report_set_received_by,
                                  first_bad);
  return ok;
}

static GtkWidget *
ls_reporter_page_mark_invalid (LsWizardPage *page,
                               LsCase *lcase,
                               const char *path,
                               const char *message)
{
  LsReporterPage *self = LS_REPORTER_PAGE (page);

  if (g_strcmp0 (path, "report.received_at") != 0)
    return NULL;
  ls_row_set_error (GTK_WIDGET (self->received_row), message);
  return GTK_WIDGET (self->received_row);
}

static gboolean
ls_reporter_page_revert (LsWizardPage *page,
                         LsCase *target,
                         LsCase *stored,
                         const char *path)
{
  if (g_strcmp0 (path, "report.received_at") != 0)
    return FALSE;
  ls_report_set_received_at (
      ls_case_get_report (target),
      ls_report_get_received_at (ls_case_get_report (stored)));
  return TRUE;
}

/* The event's dates stand; the new time of the report is what contradicts
 * them. */
static GtkWidget *
ls_reporter_page_blame (LsWizardPage *page,
                        const char *bad_path,
                        const char **own_path)
{
  LsReporterPage *self = LS_REPORTER_PAGE (page);

  if (g_strcmp0 (bad_path, "report.occurred_at") != 0 &&
      g_strcmp0 (bad_path, "report.noticed_at") != 0)
    return NULL;
  *own_path = "report.received_at";
  ls_row_set_error (GTK_WIDGET (self->received_row),
                    _ ("The report cannot have come in before it happened or "
                       "was noticed, as given under What Happened."));
  return GTK_WIDGET (self->received_row);
}

static gboolean
ls_reporter_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  LsReport *report = ls_case_get_report (lcase);

  return ls_report_get_reporter_name (report) != NULL &&
         ls_report_get_reporter_category (report) !=
             LS_REPORTER_CATEGORY_UNSET &&
         ls_report_get_received_at (report) != NULL;
}

/* Who receives reports by the routines received this one. */
static void
use_responsible_cb (LsReporterPage *self, const char *holder)
{
  g_autofree char *name = ls_people_rules_dup_name (holder, NULL);

  ls_rows_set_text (GTK_WIDGET (self->received_by_row), name);
}

static void
ls_reporter_page_setup (LsWizardPage *page)
{
  g_signal_connect_object (LS_REPORTER_PAGE (page)->responsible_group, "use",
                           G_CALLBACK (use_responsible_cb), page,
                           G_CONNECT_SWAPPED);
}

static void
ls_reporter_page_class_init (LsReporterPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->setup = ls_reporter_page_setup;
  page_class->load = ls_reporter_page_load;
  page_class->commit = ls_reporter_page_commit;
  page_class->mark_invalid = ls_reporter_page_mark_invalid;
  page_class->revert = ls_reporter_page_revert;
  page_class->blame = ls_reporter_page_blame;
  page_class->is_complete = ls_reporter_page_is_complete;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/report/ls-reporter-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsReporterPage,
                                        responsible_group);
  gtk_widget_class_bind_template_child (widget_class, LsReporterPage,
                                        reporter_name_row);
  gtk_widget_class_bind_template_child (widget_class, LsReporterPage,
                                        reporter_category_row);
  gtk_widget_class_bind_template_child (widget_class, LsReporterPage,
                                        received_how_row);
  gtk_widget_class_bind_template_child (widget_class, LsReporterPage,
                                        received_row);
  gtk_widget_class_bind_template_child (widget_class, LsReporterPage,
                                        received_by_row);
}

static void
ls_reporter_page_init (LsReporterPage *self)
{
  g_type_ensure (LS_TYPE_DATE_ROW);
  g_type_ensure (LS_TYPE_RESPONSIBLE_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_value_row (self->reporter_category_row, LS_TYPE_REPORTER_CATEGORY);
  fill_value_row (self->received_how_row, LS_TYPE_RECEIVED_HOW);
}
