/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-report-items"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-action.h"
#include "ls-bidi.h"
#include "ls-board-notice.h"
#include "ls-dates.h"
#include "ls-individual.h"
#include "ls-pnr.h"
#include "ls-report-items.h"
#include "ls-wizards.h"

/* What the report's lists hold: the individuals concerned, what was done
 * at once (3 kap. 1 §), and the boards told of the report (4 kap.). */

static const LsItemField individual_fields[] = {
  { "name", LS_ITEM_FIELD_TEXT, N_ ("_Name"), LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "personal-number", LS_ITEM_FIELD_PNR,
    N_ ("_Personal identity number, if known"), LS_ITEM_FIELD_OPTIONAL, NULL,
    0 },
};

static const LsItemField immediate_action_fields[] = {
  { "description", LS_ITEM_FIELD_LONG_TEXT, N_ ("_What was done"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "taken-at", LS_ITEM_FIELD_WHEN, N_ ("W_hen, day and time"),
    LS_ITEM_FIELD_REQUIRED | LS_ITEM_FIELD_NOT_FUTURE, NULL, 0 },
  { "responsible", LS_ITEM_FIELD_TEXT, N_ ("_By whom"), LS_ITEM_FIELD_OPTIONAL,
    NULL, 0 },
};

/* For SiS the last two rows say that secrecy kept the board from being
 * told, and which (4 kap. 2 §, 6 kap. 5 §), and then no day is asked
 * for; the others have only the first three. */
static const LsItemField board_notice_fields[] = {
  { "board", LS_ITEM_FIELD_TEXT, N_ ("_Board"), LS_ITEM_FIELD_REQUIRED, NULL,
    0 },
  { "notified-on", LS_ITEM_FIELD_DATE, N_ ("_Informed on"),
    LS_ITEM_FIELD_REQUIRED | LS_ITEM_FIELD_NOT_FUTURE | LS_ITEM_FIELD_EXCUSABLE,
    NULL, 0 },
  { "how", LS_ITEM_FIELD_TEXT, N_ ("_How, such as by letter or by phone"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
  { "secrecy-prevents", LS_ITEM_FIELD_BOOLEAN,
    N_ ("_Not told: secrecy prevents it"), LS_ITEM_FIELD_EXCUSES, NULL, 0 },
  { "secrecy-reason", LS_ITEM_FIELD_TEXT,
    N_ ("_Which secrecy, and why it applies"), LS_ITEM_FIELD_OPTIONAL, NULL,
    0 },
};

static char *
describe_individual (GObject *item, char **subtitle)
{
  LsIndividual *individual = LS_INDIVIDUAL (item);

  if (ls_individual_get_personal_number (individual) != NULL)
    *subtitle = ls_pnr_mask (ls_individual_get_personal_number (individual));
  return g_strdup (ls_individual_get_name (individual));
}

static GObject *
create_individual (gpointer user_data)
{
  return G_OBJECT (ls_individual_new ());
}

static GObject *
create_immediate_action (gpointer user_data)
{
  LsAction *action = ls_action_new ();

  ls_action_set_kind (action, LS_ACTION_KIND_IMMEDIATE);
  ls_action_set_status (action, LS_ACTION_STATUS_DONE);
  return G_OBJECT (action);
}

static char *
describe_board_notice (GObject *item, char **subtitle)
{
  LsBoardNotice *notice = LS_BOARD_NOTICE (item);

  if (ls_board_notice_get_secrecy_prevents (notice))
    {
      /* Translators: a board notice of SiS that was not given. */
      *subtitle = g_strdup (_ ("Not told: secrecy prevents it"));
      return g_strdup (ls_board_notice_get_board (notice));
    }
  g_autofree char *when =
      ls_dates_format_display (ls_board_notice_get_notified_on (notice));

  if (ls_board_notice_get_how (notice) != NULL)
    *subtitle = ls_bidi_format (_ ("%s, %s"), when,
                                ls_board_notice_get_how (notice), NULL);
  else
    *subtitle = g_steal_pointer (&when);
  return g_strdup (ls_board_notice_get_board (notice));
}

static GObject *
create_board_notice (gpointer user_data)
{
  LsBoardNotice *notice = ls_board_notice_new ();
  g_autofree char *today = ls_dates_dup_today (NULL);

  ls_board_notice_set_stage (notice, LS_NOTICE_STAGE_REPORT);
  ls_board_notice_set_notified_on (notice, today);
  return G_OBJECT (notice);
}

/* Board notices of the notification belong to the notification's steps. */
static gboolean
board_notice_of_report (GObject *item, gpointer user_data)
{
  return ls_board_notice_get_stage (LS_BOARD_NOTICE (item)) ==
         LS_NOTICE_STAGE_REPORT;
}

const LsItemListSpec ls_report_individuals_spec = {
  individual_fields,
  G_N_ELEMENTS (individual_fields),
  describe_individual,
  create_individual,
  NULL,
};

const LsItemListSpec ls_report_actions_spec = {
  immediate_action_fields,
  G_N_ELEMENTS (immediate_action_fields),
  ls_wizards_describe_action,
  create_immediate_action,
  NULL,
};

const LsItemListSpec ls_report_boards_spec = {
  board_notice_fields,    G_N_ELEMENTS (board_notice_fields) - 2,
  describe_board_notice,  create_board_notice,
  board_notice_of_report,
};

const LsItemListSpec ls_report_boards_sis_spec = {
  board_notice_fields,    G_N_ELEMENTS (board_notice_fields),
  describe_board_notice,  create_board_notice,
  board_notice_of_report,
};

/**
 * ls_report_items_join:
 *
 * Returns: (transfer full): the items of @store, one a line, each with its
 *   subtitle in brackets, as @describe describes them
 */
char *
ls_report_items_join (GListStore *store, LsItemListDescribe describe)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr (GObject) item =
          g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = describe (item, &subtitle);

      if (out->len > 0)
        g_string_append (out, "\n");
      g_string_append (out, title != NULL ? title : "");
      if (subtitle != NULL && *subtitle != '\0')
        {
          g_autofree char *isolated = ls_bidi_format (" (%s)", subtitle, NULL);

          g_string_append (out, isolated);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
