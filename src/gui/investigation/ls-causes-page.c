/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-causes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-cause.h"
#include "ls-causes-page.h"
#include "ls-investigation-pages.h"
#include "ls-law.h"
#include "ls-wizards.h"

/* Point 5 of 5 kap. 2 §: the causes found, in how the work is done. */

struct _LsCausesPage
{
  LsWizardPage parent_instance;

  LsItemList *causes_list;
  LsJournalView *journal;
};

G_DEFINE_FINAL_TYPE (LsCausesPage, ls_causes_page, LS_TYPE_WIZARD_PAGE)

#define PREFIX "investigation.causes["

/* The kinds of cause are the law module's, filled in class_init. */
static LsItemField cause_fields[] = {
  { "category", LS_ITEM_FIELD_CHOICE, N_ ("_Kind of cause"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "description", LS_ITEM_FIELD_LONG_TEXT,
    N_ ("_What in the way the work is done led to it"), LS_ITEM_FIELD_REQUIRED,
    NULL, 0 },
};

static char *
describe_cause (GObject *item, char **subtitle)
{
  LsCause *cause = LS_CAUSE (item);
  const LsChoice *categories;
  const LsChoice *category;
  guint n_categories;

  categories = ls_law_get_cause_categories (&n_categories);
  category = ls_law_find_choice (categories, n_categories,
                                 ls_cause_get_category (cause));
  *subtitle = g_strdup (ls_cause_get_description (cause));
  return g_strdup (category != NULL ? _ (category->name) : "");
}

static GObject *
create_cause (gpointer user_data)
{
  return G_OBJECT (ls_cause_new ());
}

static const LsItemListSpec causes_spec = {
  cause_fields, G_N_ELEMENTS (cause_fields), describe_cause, create_cause, NULL,
};

static void
ls_causes_page_setup (LsWizardPage *page)
{
  LS_CAUSES_PAGE (page)->journal = ls_investigation_add_journal (page);
}

static void
ls_causes_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsCausesPage *self = LS_CAUSES_PAGE (page);

  ls_item_list_bind (
      self->causes_list,
      ls_investigation_get_causes (ls_case_get_investigation (lcase)),
      &causes_spec, self);
  ls_investigation_load_journal (self->journal, lcase);
}

static GtkWidget *
ls_causes_page_mark_invalid (LsWizardPage *page,
                             LsCase *lcase,
                             const char *path,
                             const char *message)
{
  return ls_wizards_mark_item (
      LS_CAUSES_PAGE (page)->causes_list,
      ls_investigation_get_causes (ls_case_get_investigation (lcase)), PREFIX,
      path, message);
}

static void
ls_causes_page_class_init (LsCausesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);
  guint n_categories;

  page_class->setup = ls_causes_page_setup;
  page_class->load = ls_causes_page_load;
  page_class->mark_invalid = ls_causes_page_mark_invalid;

  cause_fields[0].choices = ls_law_get_cause_categories (&n_categories);
  cause_fields[0].n_choices = n_categories;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-causes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsCausesPage,
                                        causes_list);
}

static void
ls_causes_page_init (LsCausesPage *self)
{
  g_type_ensure (LS_TYPE_ITEM_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_investigation_watch_list (LS_WIZARD_PAGE (self), self->causes_list);
}
