/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-point-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-individual.h"
#include "ls-investigation-pages.h"
#include "ls-labels.h"
#include "ls-pnr.h"
#include "ls-point-page.h"
#include "ls-rows.h"

/* One of the points 1–4 of 5 kap. 2 §, which the report's own record
 * answers: what the report says on it, and the items the investigation
 * documents on it.  The point is the page's row's in the step table. */

struct _LsPointPage
{
  LsWizardPage parent_instance;

  LsPoints point;
  GPtrArray *fact_rows;

  AdwPreferencesGroup *heading_group;
  AdwPreferencesGroup *facts_group;
  LsJournalView *journal;
};

G_DEFINE_FINAL_TYPE (LsPointPage, ls_point_page, LS_TYPE_WIZARD_PAGE)

static const struct
{
  LsPoints point;
  const char *title;
  const char *description;
} headings[] = {
  { LS_POINT_WHAT_HAPPENED, N_ ("Point 1: What Happened"),
    N_ ("What the wrongdoing or the risk consisted of, and what consequences "
        "it had, or could have had, for the individual (5 kap. 2 § 1 SOSFS "
        "2011:5).") },
  { LS_POINT_RECEIVED, N_ ("Point 2: When It Was Reported"),
    N_ ("When the oral or written report was received (5 kap. 2 § 2). The "
        "report’s own record answers this point; add a documented item if "
        "the investigation shows more.") },
  { LS_POINT_NOTICED, N_ ("Point 3: When and How Noticed"),
    N_ ("When and how the wrongdoing or the risk was noticed (5 kap. 2 § 3). "
        "The report’s record answers this point once it says both when and "
        "how.") },
  { LS_POINT_OCCURRED, N_ ("Point 4: When It Happened"),
    N_ ("When the wrongdoing happened (5 kap. 2 § 4). The report’s record "
        "answers this point; add a documented item if the investigation "
        "finds a more exact time.") },
};

static char *
dup_individuals_text (LsReport *report)
{
  GListModel *individuals = G_LIST_MODEL (ls_report_get_individuals (report));
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (individuals); i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);

      const char *name = ls_individual_get_name (individual);
      const char *number = ls_individual_get_personal_number (individual);
      g_autofree char *masked = number != NULL ? ls_pnr_mask (number) : NULL;
      /* Each value isolated: a name written right to left must not turn
       * the number after it around. */
      g_autofree char *line =
          masked != NULL
              ? ls_bidi_format ("%s (%s)", name != NULL ? name : "", masked,
                                NULL)
              : ls_bidi_format ("%s", name != NULL ? name : "", NULL);

      if (out->len > 0)
        g_string_append (out, "\n");
      g_string_append (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_fact (LsPointPage *self, const char *title, const char *value)
{
  ls_investigation_add_fact (self->facts_group, self->fact_rows, title, value);
}

/* What the report says on the point. */
static void
fill_facts (LsPointPage *self, LsReport *report)
{
  ls_rows_remove (self->facts_group, self->fact_rows);
  if (self->point == LS_POINT_WHAT_HAPPENED)
    {
      g_autofree char *individuals = dup_individuals_text (report);

      add_fact (self, _ ("What happened"), ls_report_get_description (report));
      add_fact (self, _ ("Consequences"), ls_report_get_consequences (report));
      add_fact (self, _ ("Individuals"), individuals);
    }
  else if (self->point == LS_POINT_RECEIVED)
    {
      g_autofree char *received =
          ls_dates_format_display (ls_report_get_received_at (report));

      add_fact (self, _ ("Received"), received);
      add_fact (self, _ ("How"),
                ls_labels_value (LS_TYPE_RECEIVED_HOW,
                                 ls_report_get_received_how (report)));
      add_fact (self, _ ("Received by"), ls_report_get_received_by (report));
    }
  else if (self->point == LS_POINT_NOTICED)
    {
      g_autofree char *noticed =
          ls_dates_format_display (ls_report_get_noticed_at (report));

      add_fact (self, _ ("Noticed"), noticed);
      add_fact (self, _ ("How it was noticed"),
                ls_report_get_noticed_how (report));
    }
  else
    {
      g_autofree char *occurred = NULL;

      if (ls_report_get_occurred_unknown (report))
        occurred = g_strdup (_ ("Not known"));
      else
        occurred = ls_dates_format_display (ls_report_get_occurred_at (report));
      add_fact (self, _ ("When it happened"), occurred);
    }
}

static void
ls_point_page_setup (LsWizardPage *page)
{
  LsPointPage *self = LS_POINT_PAGE (page);

  self->point = ls_wizard_page_get_row (page)->points;
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (headings[i].point == self->point)
      {
        adw_preferences_group_set_title (self->heading_group,
                                         _ (headings[i].title));
        adw_preferences_group_set_description (self->heading_group,
                                               _ (headings[i].description));
      }
  self->journal = ls_investigation_add_journal (page);
}

static void
ls_point_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsPointPage *self = LS_POINT_PAGE (page);

  fill_facts (self, ls_case_get_report (lcase));
  ls_investigation_load_journal (self->journal, lcase);
}

static void
ls_point_page_dispose (GObject *object)
{
  LsPointPage *self = LS_POINT_PAGE (object);

  g_clear_pointer (&self->fact_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_point_page_parent_class)->dispose (object);
}

static void
ls_point_page_class_init (LsPointPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ls_point_page_dispose;
  page_class->setup = ls_point_page_setup;
  page_class->load = ls_point_page_load;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/investigation/ls-point-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsPointPage,
                                        heading_group);
  gtk_widget_class_bind_template_child (widget_class, LsPointPage, facts_group);
}

static void
ls_point_page_init (LsPointPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fact_rows = g_ptr_array_new ();
}
