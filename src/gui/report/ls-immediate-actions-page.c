/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-immediate-actions-page"

#include "config.h"

#include "ls-immediate-actions-page.h"
#include "ls-report-items.h"
#include "ls-responsible-group.h"
#include "ls-wizards.h"

/* What was done at once to protect the individual (3 kap. 1 §). */

struct _LsImmediateActionsPage
{
  LsWizardPage parent_instance;

  LsItemList *actions_list;
};

G_DEFINE_FINAL_TYPE (LsImmediateActionsPage,
                     ls_immediate_actions_page,
                     LS_TYPE_WIZARD_PAGE)

#define PREFIX "report.immediate_actions["

static void
ls_immediate_actions_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsImmediateActionsPage *self = LS_IMMEDIATE_ACTIONS_PAGE (page);

  ls_item_list_bind (
      self->actions_list,
      ls_report_get_immediate_actions (ls_case_get_report (lcase)),
      &ls_report_actions_spec, self);
}

static GtkWidget *
ls_immediate_actions_page_mark_invalid (LsWizardPage *page,
                                        LsCase *lcase,
                                        const char *path,
                                        const char *message)
{
  return ls_wizards_mark_item (
      LS_IMMEDIATE_ACTIONS_PAGE (page)->actions_list,
      ls_report_get_immediate_actions (ls_case_get_report (lcase)), PREFIX,
      path, message);
}

static void
ls_immediate_actions_page_class_init (LsImmediateActionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_immediate_actions_page_load;
  page_class->mark_invalid = ls_immediate_actions_page_mark_invalid;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/report/ls-immediate-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsImmediateActionsPage,
                                        actions_list);
}

static void
ls_immediate_actions_page_init (LsImmediateActionsPage *self)
{
  g_type_ensure (LS_TYPE_ITEM_LIST);
  g_type_ensure (LS_TYPE_RESPONSIBLE_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->actions_list, "changed",
                           G_CALLBACK (ls_wizard_page_request_save), self,
                           G_CONNECT_SWAPPED);
}
