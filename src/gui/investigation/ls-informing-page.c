/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-informing-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-date-row.h"
#include "ls-individual.h"
#include "ls-informing-page.h"
#include "ls-pnr.h"
#include "ls-responsible-group.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-step-table.h"

/* Telling the individual, or their next of kin, what happened (general
 * advice to 5 kap.): a group per individual of the report, with when and
 * how they were told.  In the notification wizard the same page records
 * being told of the notification (general advice to 6 kap.), a fact of
 * its own, from which the form's box is ticked. */

#define PREFIX "report.individuals["

struct _LsInformingPage
{
  LsWizardPage parent_instance;

  GPtrArray *groups;    /* per individual: its group */
  GPtrArray *told_rows; /* per individual: the date row */
  GPtrArray *how_rows;  /* per individual: the how row */

  AdwPreferencesPage *preferences_page;
  AdwPreferencesGroup *informing_group;
};

G_DEFINE_FINAL_TYPE (LsInformingPage, ls_informing_page, LS_TYPE_WIZARD_PAGE)

/* Which fact the page records: told of the notification in the
 * notification wizard, told of the wrongdoing elsewhere. */
static gboolean
of_notification (LsInformingPage *self)
{
  const LsStepPage *row = ls_wizard_page_get_row (LS_WIZARD_PAGE (self));

  return row != NULL && row->wizard == LS_WIZARD_NOTIFICATION;
}

static const char *
told_on (LsInformingPage *self, LsIndividual *individual)
{
  return of_notification (self)
             ? ls_individual_get_told_of_notification_on (individual)
             : ls_individual_get_informed_on (individual);
}

static const char *
told_how (LsInformingPage *self, LsIndividual *individual)
{
  return of_notification (self)
             ? ls_individual_get_told_of_notification_how (individual)
             : ls_individual_get_informed_how (individual);
}

static void
clear_groups (LsInformingPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->preferences_page,
                                 g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->told_rows, 0);
  g_ptr_array_set_size (self->how_rows, 0);
}

static void
add_group (LsInformingPage *self, LsIndividual *individual)
{
  AdwPreferencesGroup *group =
      ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *date = ls_date_row_new ();
  GtkWidget *how = adw_entry_row_new ();

  adw_preferences_group_set_title (group,
                                   ls_individual_get_name (individual) != NULL
                                       ? ls_individual_get_name (individual)
                                       : _ ("The individual"));
  if (ls_individual_get_personal_number (individual) != NULL)
    {
      g_autofree char *masked =
          ls_pnr_mask (ls_individual_get_personal_number (individual));

      adw_preferences_group_set_description (group, masked);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date), _ ("_Told on"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (date), TRUE);
  g_object_set (date, "not-future", TRUE, NULL);
  ls_date_row_set_value (LS_DATE_ROW (date), told_on (self, individual));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (how),
                                 _ ("_How, and by whom"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (how), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (how), TRUE);
  ls_rows_set_text (how, told_how (self, individual));
  adw_preferences_group_add (group, date);
  adw_preferences_group_add (group, how);
  adw_preferences_page_add (self->preferences_page, group);
  g_ptr_array_add (self->groups, group);
  g_ptr_array_add (self->told_rows, date);
  g_ptr_array_add (self->how_rows, how);
}

static void
ls_informing_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsInformingPage *self = LS_INFORMING_PAGE (page);
  GListModel *individuals =
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (lcase)));
  guint n = g_list_model_get_n_items (individuals);

  clear_groups (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);

      add_group (self, individual);
    }
  if (of_notification (self))
    adw_preferences_group_set_description (
        self->informing_group,
        _ ("Tell the individuals concerned, or their next of kin, that IVO "
           "has been notified (general advice to 6 kap. SOSFS 2011:5). Being "
           "told what happened is not the same: write when and how they were "
           "told of the notification. The form’s box is ticked from this."));
  else
    adw_preferences_group_set_description (
        self->informing_group,
        n > 0 ? _ ("The individual concerned, or their next of kin, should "
                   "always be told what happened (general advice to 5 kap. "
                   "SOSFS 2011:5). Write when and how.")
              : _ ("The report names no individual. Add them in the report "
                   "first: the investigation needs to say whom it concerns."));
}

static gboolean
ls_informing_page_commit (LsWizardPage *page,
                          LsCase *target,
                          LsWizardCommit mode,
                          GDateTime *now,
                          GtkWidget **first_bad)
{
  LsInformingPage *self = LS_INFORMING_PAGE (page);
  GListModel *individuals =
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (target)));
  gboolean ok = TRUE;

  for (guint i = 0;
       i < self->told_rows->len && i < g_list_model_get_n_items (individuals);
       i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);

      gboolean told = of_notification (self);

      ok &= ls_wizard_page_read_date (
          g_ptr_array_index (self->told_rows, i), now, mode, NULL, individual,
          told ? (LsWizardSetter) ls_individual_set_told_of_notification_on
               : (LsWizardSetter) ls_individual_set_informed_on,
          first_bad);
      ls_wizard_page_read_text (
          g_ptr_array_index (self->how_rows, i), mode, NULL, individual,
          told ? (LsWizardSetter) ls_individual_set_told_of_notification_how
               : (LsWizardSetter) ls_individual_set_informed_how,
          first_bad);
    }
  return ok;
}

static GtkWidget *
ls_informing_page_mark_invalid (LsWizardPage *page,
                                LsCase *lcase,
                                const char *path,
                                const char *message)
{
  LsInformingPage *self = LS_INFORMING_PAGE (page);
  GtkWidget *row;
  guint64 index;

  if (!g_str_has_prefix (path, PREFIX) ||
      !g_str_has_suffix (path, of_notification (self)
                                   ? "].told_of_notification_on"
                                   : "].informed_on"))
    return NULL;
  index = g_ascii_strtoull (path + strlen (PREFIX), NULL, 10);
  if (index >= self->told_rows->len)
    return NULL;
  row = g_ptr_array_index (self->told_rows, index);
  ls_row_set_error (row, message);
  return row;
}

/* Told of the notification only once it is sent. */
static gboolean
ls_informing_page_is_available (LsWizardPage *page, LsCase *lcase)
{
  return !of_notification (LS_INFORMING_PAGE (page)) ||
         ls_notification_get_submitted_on (ls_case_get_notification (lcase)) !=
             NULL;
}

static gboolean
ls_informing_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  LsInformingPage *self = LS_INFORMING_PAGE (page);
  GListModel *individuals =
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (lcase)));

  for (guint i = 0; i < g_list_model_get_n_items (individuals); i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);

      if (told_on (self, individual) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
ls_informing_page_dispose (GObject *object)
{
  LsInformingPage *self = LS_INFORMING_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->told_rows, g_ptr_array_unref);
  g_clear_pointer (&self->how_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_informing_page_parent_class)->dispose (object);
}

static void
ls_informing_page_class_init (LsInformingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ls_informing_page_dispose;
  page_class->load = ls_informing_page_load;
  page_class->commit = ls_informing_page_commit;
  page_class->mark_invalid = ls_informing_page_mark_invalid;
  page_class->is_available = ls_informing_page_is_available;
  page_class->is_complete = ls_informing_page_is_complete;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-informing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsInformingPage,
                                        preferences_page);
  gtk_widget_class_bind_template_child (widget_class, LsInformingPage,
                                        informing_group);
}

static void
ls_informing_page_init (LsInformingPage *self)
{
  g_type_ensure (LS_TYPE_RESPONSIBLE_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->told_rows = g_ptr_array_new ();
  self->how_rows = g_ptr_array_new ();
}
