/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-report-boards-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-report-boards-page.h"
#include "ls-report-items.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-wizards.h"

/* Which boards were told of the report (4 kap.), as the organisation's
 * kind asks; which board decided the individual's service, so that the
 * advice can suggest telling it when it is another board; and, for LSS
 * personal assistance, whether Försäkringskassan decided on assistance
 * compensation, so that the board responsible under 15 § 2 LSS is
 * suggested (general advice to 4 kap. 1 § and 6 kap. 3 §). */

struct _LsReportBoardsPage
{
  LsWizardPage parent_instance;

  AdwPreferencesGroup *deciding_group;
  AdwEntryRow *deciding_board_row;
  AdwActionRow *assistance_row;
  GtkSwitch *assistance_switch;
  AdwEntryRow *assistance_board_row;
  LsItemList *boards_list;
};

G_DEFINE_FINAL_TYPE (LsReportBoardsPage,
                     ls_report_boards_page,
                     LS_TYPE_WIZARD_PAGE)

#define PREFIX "board_notices["

static const char *
describe_boards (LsOrganisation *organisation)
{
  LsOrganisationKind kind = organisation != NULL
                                ? ls_organisation_get_kind (organisation)
                                : LS_ORGANISATION_KIND_MUNICIPAL_BOARD;

  switch (kind)
    {
    case LS_ORGANISATION_KIND_PRIVATE_PROVIDER:
      return _ ("As a private provider you must tell the board that "
                "decided the individual’s service, or that holds the "
                "contract for the activity, that a report came in "
                "(4 kap. 1 § SOSFS 2011:5).");
    case LS_ORGANISATION_KIND_SIS:
      return _ ("Tell the social welfare board responsible for the "
                "individual that a report came in, unless secrecy "
                "prevents it (4 kap. 2 § SOSFS 2011:5).");
    case LS_ORGANISATION_KIND_MUNICIPAL_BOARD:
    default:
      return _ ("If another board decided the individual’s service, "
                "it should be told that a report came in (general "
                "advice to 4 kap. SOSFS 2011:5). Otherwise there is "
                "nobody to add here.");
    }
}

static void
ls_report_boards_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsReportBoardsPage *self = LS_REPORT_BOARDS_PAGE (page);

  LsOrganisation *organisation = ls_wizard_page_get_organisation (page);
  gboolean assistance = ls_rules_is_personal_assistance (lcase, organisation);

  /* Only SiS may record that secrecy kept the board from being told. */
  ls_item_list_bind (self->boards_list, ls_case_get_board_notices (lcase),
                     ls_rules_secrecy_allowed (organisation)
                         ? &ls_report_boards_sis_spec
                         : &ls_report_boards_spec,
                     self);
  ls_rows_set_text (GTK_WIDGET (self->deciding_board_row),
                    ls_case_get_deciding_board (lcase));
  gtk_switch_set_active (self->assistance_switch,
                         ls_case_get_assistance_compensation (lcase));
  ls_rows_set_text (GTK_WIDGET (self->assistance_board_row),
                    ls_case_get_assistance_board (lcase));
  gtk_widget_set_visible (GTK_WIDGET (self->assistance_row), assistance);
  gtk_widget_set_visible (GTK_WIDGET (self->assistance_board_row), assistance);
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (self->boards_list),
      describe_boards (ls_wizard_page_get_organisation (page)));
}

static gboolean
ls_report_boards_page_commit (LsWizardPage *page,
                              LsCase *target,
                              LsWizardCommit mode,
                              GDateTime *now,
                              GtkWidget **first_bad)
{
  LsReportBoardsPage *self = LS_REPORT_BOARDS_PAGE (page);
  g_autofree char *deciding =
      ls_rows_dup_text (GTK_WIDGET (self->deciding_board_row));
  g_autofree char *assistance_board =
      ls_rows_dup_text (GTK_WIDGET (self->assistance_board_row));

  ls_case_set_deciding_board (target, deciding);
  ls_case_set_assistance_compensation (
      target, gtk_widget_get_visible (GTK_WIDGET (self->assistance_row)) &&
                  gtk_switch_get_active (self->assistance_switch));
  ls_case_set_assistance_board (target, assistance_board);
  return TRUE;
}

static GtkWidget *
ls_report_boards_page_mark_invalid (LsWizardPage *page,
                                    LsCase *lcase,
                                    const char *path,
                                    const char *message)
{
  return ls_wizards_mark_item (LS_REPORT_BOARDS_PAGE (page)->boards_list,
                               ls_case_get_board_notices (lcase), PREFIX, path,
                               message);
}

static void
ls_report_boards_page_class_init (LsReportBoardsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_report_boards_page_load;
  page_class->mark_invalid = ls_report_boards_page_mark_invalid;
  page_class->commit = ls_report_boards_page_commit;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/report/ls-report-boards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsReportBoardsPage,
                                        boards_list);
  gtk_widget_class_bind_template_child (widget_class, LsReportBoardsPage,
                                        deciding_group);
  gtk_widget_class_bind_template_child (widget_class, LsReportBoardsPage,
                                        deciding_board_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportBoardsPage,
                                        assistance_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportBoardsPage,
                                        assistance_switch);
  gtk_widget_class_bind_template_child (widget_class, LsReportBoardsPage,
                                        assistance_board_row);
}

static void
ls_report_boards_page_init (LsReportBoardsPage *self)
{
  g_type_ensure (LS_TYPE_ITEM_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->boards_list, "changed",
                           G_CALLBACK (ls_wizard_page_request_save), self,
                           G_CONNECT_SWAPPED);
}
