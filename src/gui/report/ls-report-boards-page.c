/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-report-boards-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-report-boards-page.h"
#include "ls-report-items.h"
#include "ls-wizards.h"

/* Which boards were told of the report (4 kap.), as the organisation's
 * kind asks. */

struct _LsReportBoardsPage
{
  LsWizardPage parent_instance;

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

  ls_item_list_bind (self->boards_list, ls_case_get_board_notices (lcase),
                     &ls_report_boards_spec, self);
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (self->boards_list),
      describe_boards (ls_wizard_page_get_organisation (page)));
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

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/report/ls-report-boards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsReportBoardsPage,
                                        boards_list);
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
