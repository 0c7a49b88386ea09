/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-other-findings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-other-findings-page.h"
#include "ls-text-field.h"

/* What else came to light during the investigation (5 kap. 3 § 2); when
 * nothing did, that is said in so many words. */

struct _LsOtherFindingsPage
{
  LsWizardPage parent_instance;

  LsTextField *other_findings_field;
};

G_DEFINE_FINAL_TYPE (LsOtherFindingsPage,
                     ls_other_findings_page,
                     LS_TYPE_WIZARD_PAGE)

static void
nothing_else_activated (GtkWidget *widget,
                        const char *action_name,
                        GVariant *param)
{
  ls_text_field_set_text (LS_OTHER_FINDINGS_PAGE (widget)->other_findings_field,
                          _ ("Nothing else emerged during the "
                             "investigation."));
}

static void
ls_other_findings_page_load (LsWizardPage *page, LsCase *lcase)
{
  ls_text_field_set_text (
      LS_OTHER_FINDINGS_PAGE (page)->other_findings_field,
      ls_investigation_get_other_findings (ls_case_get_investigation (lcase)));
}

static gboolean
ls_other_findings_page_commit (LsWizardPage *page,
                               LsCase *target,
                               LsWizardCommit mode,
                               GDateTime *now,
                               GtkWidget **first_bad)
{
  g_autofree char *text = ls_text_field_dup_text (
      LS_OTHER_FINDINGS_PAGE (page)->other_findings_field);

  ls_investigation_set_other_findings (ls_case_get_investigation (target),
                                       text);
  return TRUE;
}

static void
ls_other_findings_page_class_init (LsOtherFindingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_other_findings_page_load;
  page_class->commit = ls_other_findings_page_commit;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-other-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsOtherFindingsPage,
                                        other_findings_field);
  gtk_widget_class_install_action (widget_class, "page.nothing-else", NULL,
                                   nothing_else_activated);
}

static void
ls_other_findings_page_init (LsOtherFindingsPage *self)
{
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
}
