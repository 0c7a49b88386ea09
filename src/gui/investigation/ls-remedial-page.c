/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-remedial-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-action.h"
#include "ls-investigation-pages.h"
#include "ls-remedial-page.h"
#include "ls-report-items.h"
#include "ls-rows.h"
#include "ls-wizards.h"

/* What was done to remove or remedy the wrongdoing or the risk, and when
 * (5 kap. 3 § 1), below what the report says was done at once. */

struct _LsRemedialPage
{
  LsWizardPage parent_instance;

  GPtrArray *fact_rows;

  AdwPreferencesGroup *immediate_group;
  LsItemList *remedial_list;
};

G_DEFINE_FINAL_TYPE (LsRemedialPage, ls_remedial_page, LS_TYPE_WIZARD_PAGE)

#define PREFIX "investigation.remedial_actions["

static GObject *
create_remedial_action (gpointer user_data)
{
  LsAction *action = ls_action_new ();

  ls_action_set_kind (action, LS_ACTION_KIND_REMEDIAL);
  ls_action_set_status (action, LS_ACTION_STATUS_DONE);
  return G_OBJECT (action);
}

/* An action to remedy is asked for as an immediate action is: what, when
 * and by whom; only its kind differs.  Made in class_init. */
static LsItemListSpec remedial_spec;

/* The immediate actions of the report: when and by whom above, in small;
 * what was done below. */
static void
fill_immediate (LsRemedialPage *self, LsReport *report)
{
  GListModel *immediate =
      G_LIST_MODEL (ls_report_get_immediate_actions (report));

  ls_rows_remove (self->immediate_group, self->fact_rows);
  for (guint i = 0; i < g_list_model_get_n_items (immediate); i++)
    {
      g_autoptr (GObject) action = g_list_model_get_item (immediate, i);
      g_autofree char *when = NULL;
      g_autofree char *what = ls_wizards_describe_action (action, &when);

      ls_investigation_add_fact (self->immediate_group, self->fact_rows, when,
                                 what);
    }
  if (g_list_model_get_n_items (immediate) == 0)
    ls_investigation_add_fact (self->immediate_group, self->fact_rows,
                               _ ("Immediate Actions"), NULL);
}

static void
ls_remedial_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsRemedialPage *self = LS_REMEDIAL_PAGE (page);

  fill_immediate (self, ls_case_get_report (lcase));
  ls_item_list_bind (
      self->remedial_list,
      ls_investigation_get_remedial_actions (ls_case_get_investigation (lcase)),
      &remedial_spec, self);
}

static GtkWidget *
ls_remedial_page_mark_invalid (LsWizardPage *page,
                               LsCase *lcase,
                               const char *path,
                               const char *message)
{
  return ls_wizards_mark_item (
      LS_REMEDIAL_PAGE (page)->remedial_list,
      ls_investigation_get_remedial_actions (ls_case_get_investigation (lcase)),
      PREFIX, path, message);
}

/* The actions step leads here while an action lacks its time, and on to
 * the preventive actions once none does. */
static gboolean
ls_remedial_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  GListModel *remedial = G_LIST_MODEL (ls_investigation_get_remedial_actions (
      ls_case_get_investigation (lcase)));

  for (guint i = 0; i < g_list_model_get_n_items (remedial); i++)
    {
      g_autoptr (LsAction) action = g_list_model_get_item (remedial, i);

      if (ls_action_get_taken_at (action) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
ls_remedial_page_dispose (GObject *object)
{
  LsRemedialPage *self = LS_REMEDIAL_PAGE (object);

  g_clear_pointer (&self->fact_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_remedial_page_parent_class)->dispose (object);
}

static void
ls_remedial_page_class_init (LsRemedialPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  remedial_spec = ls_report_actions_spec;
  remedial_spec.create = create_remedial_action;

  object_class->dispose = ls_remedial_page_dispose;
  page_class->load = ls_remedial_page_load;
  page_class->mark_invalid = ls_remedial_page_mark_invalid;
  page_class->is_complete = ls_remedial_page_is_complete;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-remedial-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsRemedialPage,
                                        immediate_group);
  gtk_widget_class_bind_template_child (widget_class, LsRemedialPage,
                                        remedial_list);
}

static void
ls_remedial_page_init (LsRemedialPage *self)
{
  g_type_ensure (LS_TYPE_ITEM_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fact_rows = g_ptr_array_new ();
  ls_investigation_watch_list (LS_WIZARD_PAGE (self), self->remedial_list);
}
