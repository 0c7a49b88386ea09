/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-investigators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-date-row.h"
#include "ls-dates.h"
#include "ls-investigation-pages.h"
#include "ls-investigator.h"
#include "ls-investigators-page.h"
#include "ls-people-rules.h"
#include "ls-responsible-group.h"
#include "ls-row-error.h"
#include "ls-wizards.h"

/* Who investigates, with what competence, and since when (5 kap. 1 §). */

struct _LsInvestigatorsPage
{
  LsWizardPage parent_instance;

  LsResponsibleGroup *responsible_group;
  LsItemList *investigators_list;
  LsDateRow *started_row;
};

G_DEFINE_FINAL_TYPE (LsInvestigatorsPage,
                     ls_investigators_page,
                     LS_TYPE_WIZARD_PAGE)

#define PREFIX "investigation.investigators["

static const LsItemField investigator_fields[] = {
  { "name", LS_ITEM_FIELD_TEXT, N_ ("_Name"), LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "title", LS_ITEM_FIELD_TEXT, N_ ("_Title or role"), LS_ITEM_FIELD_OPTIONAL,
    NULL, 0 },
  { "competence", LS_ITEM_FIELD_LONG_TEXT,
    N_ ("Co_mpetence, such as training in event analysis"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
};

static char *
describe_investigator (GObject *item, char **subtitle)
{
  LsInvestigator *investigator = LS_INVESTIGATOR (item);
  const char *title = ls_investigator_get_title (investigator);
  const char *competence = ls_investigator_get_competence (investigator);

  if (title != NULL && competence != NULL)
    *subtitle = ls_bidi_format ("%s · %s", title, competence, NULL);
  else if (title != NULL || competence != NULL)
    *subtitle = g_strdup (title != NULL ? title : competence);
  return g_strdup (ls_investigator_get_name (investigator));
}

static GObject *
create_investigator (gpointer user_data)
{
  return G_OBJECT (ls_investigator_new ());
}

static const LsItemListSpec investigators_spec = {
  investigator_fields,
  G_N_ELEMENTS (investigator_fields),
  describe_investigator,
  create_investigator,
  NULL,
};

/* The one the routines make responsible for the investigation becomes an
 * investigator, once. */
static void
use_responsible_cb (LsInvestigatorsPage *self, const char *holder)
{
  LsCase *lcase = ls_wizard_page_get_case (LS_WIZARD_PAGE (self));
  GListStore *investigators =
      ls_investigation_get_investigators (ls_case_get_investigation (lcase));
  g_autofree char *title = NULL;
  g_autofree char *name = ls_people_rules_dup_name (holder, &title);
  g_autoptr (LsInvestigator) investigator = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (investigators));
       i++)
    {
      g_autoptr (LsInvestigator) known =
          g_list_model_get_item (G_LIST_MODEL (investigators), i);

      if (g_strcmp0 (ls_investigator_get_name (known), name) == 0)
        return;
    }
  investigator = ls_investigator_new ();
  ls_investigator_set_name (investigator, name);
  ls_investigator_set_title (investigator, title);
  g_list_store_append (investigators, investigator);
}

static void
ls_investigators_page_setup (LsWizardPage *page)
{
  LsInvestigatorsPage *self = LS_INVESTIGATORS_PAGE (page);

  g_signal_connect_object (self->responsible_group, "use",
                           G_CALLBACK (use_responsible_cb), self,
                           G_CONNECT_SWAPPED);
  ls_responsible_group_attach (self->responsible_group, page);
}

static void
ls_investigators_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsInvestigatorsPage *self = LS_INVESTIGATORS_PAGE (page);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  g_autofree char *today = ls_dates_dup_today (NULL);

  ls_item_list_bind (self->investigators_list,
                     ls_investigation_get_investigators (inv),
                     &investigators_spec, self);
  /* Opening the investigation is starting it. */
  ls_date_row_set_value (self->started_row,
                         ls_investigation_get_started_on (inv) != NULL
                             ? ls_investigation_get_started_on (inv)
                             : today);
}

static gboolean
ls_investigators_page_commit (LsWizardPage *page,
                              LsCase *target,
                              LsWizardCommit mode,
                              GDateTime *now,
                              GtkWidget **first_bad)
{
  LsInvestigatorsPage *self = LS_INVESTIGATORS_PAGE (page);

  return ls_wizard_page_read_date (
      GTK_WIDGET (self->started_row), now, mode, NULL,
      ls_case_get_investigation (target),
      (LsWizardSetter) ls_investigation_set_started_on, first_bad);
}

static GtkWidget *
ls_investigators_page_mark_invalid (LsWizardPage *page,
                                    LsCase *lcase,
                                    const char *path,
                                    const char *message)
{
  LsInvestigatorsPage *self = LS_INVESTIGATORS_PAGE (page);

  if (g_strcmp0 (path, "investigation.started_on") == 0)
    {
      ls_row_set_error (GTK_WIDGET (self->started_row), message);
      return GTK_WIDGET (self->started_row);
    }
  return ls_wizards_mark_item (
      self->investigators_list,
      ls_investigation_get_investigators (ls_case_get_investigation (lcase)),
      PREFIX, path, message);
}

static void
ls_investigators_page_class_init (LsInvestigatorsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->setup = ls_investigators_page_setup;
  page_class->load = ls_investigators_page_load;
  page_class->commit = ls_investigators_page_commit;
  page_class->mark_invalid = ls_investigators_page_mark_invalid;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-investigators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsInvestigatorsPage,
                                        responsible_group);
  gtk_widget_class_bind_template_child (widget_class, LsInvestigatorsPage,
                                        investigators_list);
  gtk_widget_class_bind_template_child (widget_class, LsInvestigatorsPage,
                                        started_row);
}

static void
ls_investigators_page_init (LsInvestigatorsPage *self)
{
  g_type_ensure (LS_TYPE_DATE_ROW);
  g_type_ensure (LS_TYPE_ITEM_LIST);
  g_type_ensure (LS_TYPE_RESPONSIBLE_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_investigation_watch_list (LS_WIZARD_PAGE (self), self->investigators_list);
}
