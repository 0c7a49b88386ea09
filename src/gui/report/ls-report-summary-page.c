/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-report-summary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-labels.h"
#include "ls-law.h"
#include "ls-report-items.h"
#include "ls-report-summary-page.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-wizard.h"
#include "ls-wizards.h"

/* The report as it will be kept, what the law still asks of it, and the
 * registration number, which the manager may give from the registry. */

struct _LsReportSummaryPage
{
  LsWizardPage parent_instance;

  GPtrArray *summary_rows;
  GPtrArray *todo_rows;

  AdwEntryRow *regno_row;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *todo_group;
};

G_DEFINE_FINAL_TYPE (LsReportSummaryPage,
                     ls_report_summary_page,
                     LS_TYPE_WIZARD_PAGE)

static void
add_row (LsReportSummaryPage *self,
         AdwPreferencesGroup *group,
         GPtrArray *rows,
         GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static void
add_property (LsReportSummaryPage *self, const char *title, const char *value)
{
  add_row (self, self->summary_group, self->summary_rows,
           ls_rows_new_property (title, value));
}

static char *
dup_reporter (LsReport *report)
{
  if (ls_report_get_reporter_category (report) == LS_REPORTER_CATEGORY_UNSET)
    return g_strdup (ls_report_get_reporter_name (report));
  /* Translators: who reported and as what, "Kim Berg, employee". */
  return ls_bidi_format (
      _ ("%s, %s"),
      ls_report_get_reporter_name (report) != NULL
          ? ls_report_get_reporter_name (report)
          : "",
      ls_labels_value (LS_TYPE_REPORTER_CATEGORY,
                       ls_report_get_reporter_category (report)),
      NULL);
}

static char *
dup_received (LsReport *report)
{
  g_autofree char *when =
      ls_dates_format_display (ls_report_get_received_at (report));

  if (ls_report_get_received_by (report) == NULL)
    return g_steal_pointer (&when);
  /* Translators: "2026-03-02 08:15, received by Maria Lind". */
  return ls_bidi_format (_ ("%s, received by %s"), when,
                         ls_report_get_received_by (report), NULL);
}

static char *
dup_kind (LsReport *report)
{
  const LsChoice *categories;
  const LsChoice *category;
  const char *kind;
  guint n_categories;

  categories = ls_law_get_categories (&n_categories);
  category = ls_law_find_choice (categories, n_categories,
                                 ls_report_get_category (report));
  switch (ls_report_get_kind (report))
    {
    case LS_CASE_KIND_WRONGDOING:
      kind = _ ("A wrongdoing");
      break;
    case LS_CASE_KIND_CLEAR_RISK:
      kind = _ ("A clear risk of a wrongdoing");
      break;
    case LS_CASE_KIND_UNSET:
    default:
      kind = "";
      break;
    }
  if (category == NULL)
    return g_strdup (kind);
  return g_strdup_printf ("%s · %s", kind, _ (category->name));
}

static void
go_to_step_cb (LsReportSummaryPage *self, AdwActionRow *row)
{
  LsStep step =
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ls-step"));

  ls_wizard_show_step (ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self)), step,
                       LS_POINT_NONE);
}

/* What the law still asks of the report's own steps. */
static void
fill_todo (LsReportSummaryPage *self, LsCase *lcase)
{
  g_autoptr (GListStore) requirements = ls_rules_check (
      lcase, ls_wizard_page_get_organisation (LS_WIZARD_PAGE (self)));
  guint n_todo = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);
      LsStep step = ls_requirement_get_step (requirement);
      GtkWidget *row;

      if (ls_step_table_wizard_of (step, lcase) != LS_WIZARD_REPORT)
        continue;
      row = ls_rows_new_requirement (requirement, NULL);
      g_object_set_data (G_OBJECT (row), "ls-step", GUINT_TO_POINTER (step));
      g_signal_connect_object (row, "activated", G_CALLBACK (go_to_step_cb),
                               self, G_CONNECT_SWAPPED);
      add_row (self, self->todo_group, self->todo_rows, row);
      n_todo++;
    }
  if (n_todo == 0)
    {
      add_row (self, self->todo_group, self->todo_rows,
               ls_rows_new_done (_ ("Nothing is missing from the report.")));
      adw_preferences_group_set_description (self->todo_group, NULL);
    }
  else
    {
      adw_preferences_group_set_description (
          self->todo_group,
          _ ("What the law still asks of the report. You can finish now and "
             "add it later; choose a line to go to its step."));
    }
}

static void
fill_summary (LsReportSummaryPage *self, LsCase *lcase)
{
  LsReport *report = ls_case_get_report (lcase);
  LsOrganisation *organisation =
      ls_wizard_page_get_organisation (LS_WIZARD_PAGE (self));
  LsUnit *unit = NULL;
  g_autofree char *reporter = dup_reporter (report);
  g_autofree char *received = dup_received (report);
  g_autofree char *kind = dup_kind (report);
  g_autofree char *occurred = NULL;
  g_autofree char *individuals = ls_report_items_join (
      ls_report_get_individuals (report), ls_report_individuals_spec.describe);
  g_autofree char *actions =
      ls_report_items_join (ls_report_get_immediate_actions (report),
                            ls_report_actions_spec.describe);
  g_autofree char *boards = ls_report_items_join (
      ls_case_get_board_notices (lcase), ls_report_boards_spec.describe);

  ls_rows_remove (self->summary_group, self->summary_rows);
  ls_rows_remove (self->todo_group, self->todo_rows);

  if (organisation != NULL && ls_case_get_unit_id (lcase) != NULL)
    unit =
        ls_organisation_find_unit (organisation, ls_case_get_unit_id (lcase));
  if (ls_report_get_occurred_unknown (report))
    occurred = g_strdup (_ ("Not known"));
  else
    occurred = ls_dates_format_display (ls_report_get_occurred_at (report));

  add_property (self, _ ("Status"),
                ls_labels_case_status (ls_case_get_status (lcase)));
  add_property (self, _ ("Reported by"), reporter);
  add_property (self, _ ("Received"), received);
  add_property (self, _ ("Kind"), kind);
  add_property (self, _ ("Unit"),
                unit != NULL ? ls_unit_get_name (unit) : NULL);
  /* Whole, wrapped: this is where the manager checks it before finishing
   * (the case's title is cut for lists). */
  add_property (self, _ ("What happened"), ls_report_get_description (report));
  add_property (self, _ ("When it happened"), occurred);
  add_property (self, _ ("Individuals"), individuals);
  add_property (self, _ ("Done at once"), actions);
  add_property (self, _ ("Boards informed"), boards);
  fill_todo (self, lcase);
}

/* The registration number is the app's own until the manager writes
 * another, such as the number of the organisation's registry; left empty,
 * the case keeps the number it has or gets the year's next on saving. */
static gboolean
ls_report_summary_page_commit (LsWizardPage *page,
                               LsCase *target,
                               LsWizardCommit mode,
                               GDateTime *now,
                               GtkWidget **first_bad)
{
  LsReportSummaryPage *self = LS_REPORT_SUMMARY_PAGE (page);
  g_autofree char *regno = ls_rows_dup_text (GTK_WIDGET (self->regno_row));
  g_autoptr (GError) error = NULL;

  if (regno == NULL)
    return TRUE;
  if (!ls_field_validate (LS_FIELD_REGNO, regno, &error))
    return ls_row_mark_bad (GTK_WIDGET (self->regno_row), error->message,
                            first_bad);
  ls_case_set_regno (target, regno);
  return TRUE;
}

static void
ls_report_summary_page_shown (LsWizardPage *page)
{
  LsReportSummaryPage *self = LS_REPORT_SUMMARY_PAGE (page);
  LsCase *lcase = ls_wizard_page_get_case (page);

  /* The number the first save gave, unless the manager wrote one. */
  if (!ls_row_has_error (GTK_WIDGET (self->regno_row)))
    ls_rows_set_text (GTK_WIDGET (self->regno_row), ls_case_get_regno (lcase));
  fill_summary (self, lcase);
  /* The summary is read, then finished: its number is not typed over by
   * accident. */
  ls_wizard_focus_next (ls_wizard_page_get_wizard (page));
}

static void
ls_report_summary_page_dispose (GObject *object)
{
  LsReportSummaryPage *self = LS_REPORT_SUMMARY_PAGE (object);

  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->todo_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_report_summary_page_parent_class)->dispose (object);
}

static void
ls_report_summary_page_class_init (LsReportSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ls_report_summary_page_dispose;
  page_class->commit = ls_report_summary_page_commit;
  page_class->shown = ls_report_summary_page_shown;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/report/ls-report-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsReportSummaryPage,
                                        regno_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportSummaryPage,
                                        summary_group);
  gtk_widget_class_bind_template_child (widget_class, LsReportSummaryPage,
                                        todo_group);
}

static void
ls_report_summary_page_init (LsReportSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->summary_rows = g_ptr_array_new ();
  self->todo_rows = g_ptr_array_new ();
}

/**
 * ls_report_summary_page_mark_regno_taken:
 *
 * A number the manager wrote that another case has: said on its row.
 */
void
ls_report_summary_page_mark_regno_taken (LsReportSummaryPage *self)
{
  g_return_if_fail (LS_IS_REPORT_SUMMARY_PAGE (self));

  ls_row_set_error (GTK_WIDGET (self->regno_row),
                    _ ("Another case already has this registration number."));
  gtk_widget_grab_focus (GTK_WIDGET (self->regno_row));
}
