/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-lessons-page"

#include "config.h"

#include "ls-lessons-page.h"
#include "ls-text-field.h"

/* What the whole organisation can learn from the case, to be shared with
 * other units without names. */

struct _LsLessonsPage
{
  LsWizardPage parent_instance;

  LsTextField *lessons_field;
};

G_DEFINE_FINAL_TYPE (LsLessonsPage, ls_lessons_page, LS_TYPE_WIZARD_PAGE)

static void
ls_lessons_page_load (LsWizardPage *page, LsCase *lcase)
{
  ls_text_field_set_text (LS_LESSONS_PAGE (page)->lessons_field,
                          ls_case_get_lessons_learned (lcase));
}

static gboolean
ls_lessons_page_commit (LsWizardPage *page,
                        LsCase *target,
                        LsWizardCommit mode,
                        GDateTime *now,
                        GtkWidget **first_bad)
{
  g_autofree char *text =
      ls_text_field_dup_text (LS_LESSONS_PAGE (page)->lessons_field);

  ls_case_set_lessons_learned (target, text);
  return TRUE;
}

static void
ls_lessons_page_class_init (LsLessonsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_lessons_page_load;
  page_class->commit = ls_lessons_page_commit;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-lessons-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsLessonsPage,
                                        lessons_field);
}

static void
ls_lessons_page_init (LsLessonsPage *self)
{
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
}
