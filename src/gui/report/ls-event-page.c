/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-event-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-date-row.h"
#include "ls-event-page.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-text-field.h"

/* What happened, when, and when and how it was noticed. */

struct _LsEventPage
{
  LsWizardPage parent_instance;

  LsTextField *description_field;
  LsDateRow *occurred_row;
  GtkSwitch *occurred_unknown_switch;
  LsDateRow *noticed_row;
  AdwEntryRow *noticed_how_row;
};

G_DEFINE_FINAL_TYPE (LsEventPage, ls_event_page, LS_TYPE_WIZARD_PAGE)

static LsDateRow *
row_of_path (LsEventPage *self, const char *path)
{
  if (g_strcmp0 (path, "report.occurred_at") == 0)
    return self->occurred_row;
  if (g_strcmp0 (path, "report.noticed_at") == 0)
    return self->noticed_row;
  return NULL;
}

static void
occurred_unknown_cb (LsEventPage *self)
{
  gboolean unknown = gtk_switch_get_active (self->occurred_unknown_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->occurred_row), !unknown);
  if (unknown)
    ls_row_set_error (GTK_WIDGET (self->occurred_row), NULL);
}

static void
ls_event_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsEventPage *self = LS_EVENT_PAGE (page);
  LsReport *report = ls_case_get_report (lcase);

  ls_text_field_set_text (self->description_field,
                          ls_report_get_description (report));
  ls_date_row_set_value (self->occurred_row,
                         ls_report_get_occurred_at (report));
  gtk_switch_set_active (self->occurred_unknown_switch,
                         ls_report_get_occurred_unknown (report));
  ls_date_row_set_value (self->noticed_row, ls_report_get_noticed_at (report));
  ls_rows_set_text (GTK_WIDGET (self->noticed_how_row),
                    ls_report_get_noticed_how (report));
}

static gboolean
ls_event_page_commit (LsWizardPage *page,
                      LsCase *target,
                      LsWizardCommit mode,
                      GDateTime *now,
                      GtkWidget **first_bad)
{
  LsEventPage *self = LS_EVENT_PAGE (page);
  LsReport *report = ls_case_get_report (target);
  g_autofree char *description =
      ls_text_field_dup_text (self->description_field);
  g_autofree char *noticed_how =
      ls_rows_dup_text (GTK_WIDGET (self->noticed_how_row));
  gboolean unknown = gtk_switch_get_active (self->occurred_unknown_switch);
  gboolean ok = TRUE;

  if (description == NULL && mode == LS_WIZARD_COMMIT_STRICT)
    ok = ls_row_mark_bad (GTK_WIDGET (self->description_field),
                          _ ("Describe what happened."), first_bad);
  ls_report_set_description (report, description);

  ls_report_set_occurred_unknown (report, unknown);
  if (unknown)
    ls_report_set_occurred_at (report, NULL);
  else
    ok &= ls_wizard_page_read_date (
        GTK_WIDGET (self->occurred_row), now, mode,
        _ ("Give when it happened, or switch on that it is not known."), report,
        (LsWizardSetter) ls_report_set_occurred_at, first_bad);
  ok &= ls_wizard_page_read_date (
      GTK_WIDGET (self->noticed_row), now, mode, NULL, report,
      (LsWizardSetter) ls_report_set_noticed_at, first_bad);
  ls_report_set_noticed_how (report, noticed_how);
  return ok;
}

static GtkWidget *
ls_event_page_mark_invalid (LsWizardPage *page,
                            LsCase *lcase,
                            const char *path,
                            const char *message)
{
  LsDateRow *row = row_of_path (LS_EVENT_PAGE (page), path);

  if (row == NULL)
    return NULL;
  ls_row_set_error (GTK_WIDGET (row), message);
  return GTK_WIDGET (row);
}

static gboolean
ls_event_page_revert (LsWizardPage *page,
                      LsCase *target,
                      LsCase *stored,
                      const char *path)
{
  LsReport *from = ls_case_get_report (stored);
  LsReport *to = ls_case_get_report (target);

  if (g_strcmp0 (path, "report.occurred_at") == 0)
    ls_report_set_occurred_at (to, ls_report_get_occurred_at (from));
  else if (g_strcmp0 (path, "report.noticed_at") == 0)
    ls_report_set_noticed_at (to, ls_report_get_noticed_at (from));
  else
    return FALSE;
  return TRUE;
}

static gboolean
ls_event_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  return ls_report_get_description (ls_case_get_report (lcase)) != NULL;
}

static void
ls_event_page_class_init (LsEventPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_event_page_load;
  page_class->commit = ls_event_page_commit;
  page_class->mark_invalid = ls_event_page_mark_invalid;
  page_class->revert = ls_event_page_revert;
  page_class->is_complete = ls_event_page_is_complete;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/report/ls-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsEventPage,
                                        description_field);
  gtk_widget_class_bind_template_child (widget_class, LsEventPage,
                                        occurred_row);
  gtk_widget_class_bind_template_child (widget_class, LsEventPage,
                                        occurred_unknown_switch);
  gtk_widget_class_bind_template_child (widget_class, LsEventPage, noticed_row);
  gtk_widget_class_bind_template_child (widget_class, LsEventPage,
                                        noticed_how_row);
  gtk_widget_class_bind_template_callback (widget_class, occurred_unknown_cb);
}

static void
ls_event_page_init (LsEventPage *self)
{
  g_type_ensure (LS_TYPE_DATE_ROW);
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
}
