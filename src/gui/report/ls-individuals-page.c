/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-individuals-page"

#include "config.h"

#include "ls-individuals-page.h"
#include "ls-report-items.h"
#include "ls-text-field.h"
#include "ls-wizards.h"

/* Whom it concerns, and what it meant or could have meant for them. */

struct _LsIndividualsPage
{
  LsWizardPage parent_instance;

  LsItemList *individuals_list;
  LsTextField *consequences_field;
};

G_DEFINE_FINAL_TYPE (LsIndividualsPage,
                     ls_individuals_page,
                     LS_TYPE_WIZARD_PAGE)

#define PREFIX "report.individuals["

static void
ls_individuals_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsIndividualsPage *self = LS_INDIVIDUALS_PAGE (page);
  LsReport *report = ls_case_get_report (lcase);

  ls_item_list_bind (self->individuals_list, ls_report_get_individuals (report),
                     &ls_report_individuals_spec, self);
  ls_text_field_set_text (self->consequences_field,
                          ls_report_get_consequences (report));
}

static gboolean
ls_individuals_page_commit (LsWizardPage *page,
                            LsCase *target,
                            LsWizardCommit mode,
                            GDateTime *now,
                            GtkWidget **first_bad)
{
  LsIndividualsPage *self = LS_INDIVIDUALS_PAGE (page);
  g_autofree char *consequences =
      ls_text_field_dup_text (self->consequences_field);

  ls_report_set_consequences (ls_case_get_report (target), consequences);
  return TRUE;
}

static GtkWidget *
ls_individuals_page_mark_invalid (LsWizardPage *page,
                                  LsCase *lcase,
                                  const char *path,
                                  const char *message)
{
  return ls_wizards_mark_item (
      LS_INDIVIDUALS_PAGE (page)->individuals_list,
      ls_report_get_individuals (ls_case_get_report (lcase)), PREFIX, path,
      message);
}

static gboolean
ls_individuals_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  return g_list_model_get_n_items (G_LIST_MODEL (
             ls_report_get_individuals (ls_case_get_report (lcase)))) > 0;
}

static void
ls_individuals_page_class_init (LsIndividualsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_individuals_page_load;
  page_class->commit = ls_individuals_page_commit;
  page_class->mark_invalid = ls_individuals_page_mark_invalid;
  page_class->is_complete = ls_individuals_page_is_complete;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/report/ls-individuals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsIndividualsPage,
                                        individuals_list);
  gtk_widget_class_bind_template_child (widget_class, LsIndividualsPage,
                                        consequences_field);
}

static void
ls_individuals_page_init (LsIndividualsPage *self)
{
  g_type_ensure (LS_TYPE_ITEM_LIST);
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->individuals_list, "changed",
                           G_CALLBACK (ls_wizard_page_request_save), self,
                           G_CONNECT_SWAPPED);
}
