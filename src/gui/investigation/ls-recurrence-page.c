/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-recurrence-page"

#include "config.h"

#include "ls-investigation-pages.h"
#include "ls-recurrence-page.h"
#include "ls-text-field.h"

/* Point 7 of 5 kap. 2 §: whether something similar could happen again,
 * here or elsewhere, and what the assessment rests on. */

struct _LsRecurrencePage
{
  LsWizardPage parent_instance;

  LsTextField *recurrence_field;
  LsJournalView *journal;
};

G_DEFINE_FINAL_TYPE (LsRecurrencePage, ls_recurrence_page, LS_TYPE_WIZARD_PAGE)

static void
ls_recurrence_page_setup (LsWizardPage *page)
{
  LS_RECURRENCE_PAGE (page)->journal = ls_investigation_add_journal (page);
}

static void
ls_recurrence_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsRecurrencePage *self = LS_RECURRENCE_PAGE (page);

  ls_text_field_set_text (
      self->recurrence_field,
      ls_investigation_get_recurrence (ls_case_get_investigation (lcase)));
  ls_investigation_load_journal (self->journal, lcase);
}

static gboolean
ls_recurrence_page_commit (LsWizardPage *page,
                           LsCase *target,
                           LsWizardCommit mode,
                           GDateTime *now,
                           GtkWidget **first_bad)
{
  g_autofree char *text =
      ls_text_field_dup_text (LS_RECURRENCE_PAGE (page)->recurrence_field);

  ls_investigation_set_recurrence (ls_case_get_investigation (target), text);
  return TRUE;
}

static void
ls_recurrence_page_class_init (LsRecurrencePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->setup = ls_recurrence_page_setup;
  page_class->load = ls_recurrence_page_load;
  page_class->commit = ls_recurrence_page_commit;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-recurrence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsRecurrencePage,
                                        recurrence_field);
}

static void
ls_recurrence_page_init (LsRecurrencePage *self)
{
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
}
