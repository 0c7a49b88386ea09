/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-people-attention"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-people-attention.h"
#include "ls-people-rules.h"

/* What the register asks of the organisation, for "needs attention now":
 * no routines decided (7 kap. 1 §), and how many people are to be told of
 * the duty to report, one row per flag of 2 kap. 2 §.  Each row opens
 * Staff and Routines. */

static void
row_activated_cb (GtkWidget *row)
{
  gtk_widget_activate_action (row, "win.people", NULL);
}

/**
 * ls_people_attention_new_group:
 * @today: the day, "2026-03-01"
 *
 * Returns: (transfer floating) (nullable): a group of rows, or %NULL when
 *   nothing needs attention, or when the organisation keeps no register
 *   yet (nobody in it and no routines)
 */
GtkWidget *
ls_people_attention_new_group (LsPeopleRegister *register_, const char *today)
{
  g_autoptr (GListStore) flags = NULL;
  guint counts[LS_PEOPLE_FLAG_NO_ROUTINES + 1] = { 0 };
  const char *messages[LS_PEOPLE_FLAG_NO_ROUTINES + 1] = { NULL };
  const char *references[LS_PEOPLE_FLAG_NO_ROUTINES + 1] = { NULL };
  GtkWidget *group;
  guint n;

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), NULL);

  if (g_list_model_get_n_items (
          G_LIST_MODEL (ls_people_register_get_people (register_))) == 0 &&
      g_list_model_get_n_items (
          G_LIST_MODEL (ls_people_register_get_routines (register_))) == 0)
    return NULL;
  flags = ls_people_rules_check (register_, today);
  n = g_list_model_get_n_items (G_LIST_MODEL (flags));
  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsPeopleFlag) flag =
          g_list_model_get_item (G_LIST_MODEL (flags), i);
      LsPeopleFlagKind kind = ls_people_flag_get_kind (flag);

      counts[kind]++;
      messages[kind] = ls_people_flag_get_message (flag);
      references[kind] = ls_people_flag_get_reference (flag);
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _ ("Staff and Routines"));
  for (guint kind = 0; kind < G_N_ELEMENTS (counts); kind++)
    {
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (counts[kind] == 0)
        continue;
      if (kind == LS_PEOPLE_FLAG_NO_ROUTINES)
        subtitle = g_strdup (references[kind]);
      else
        /* Translators: how many people a flag concerns, and the provision */
        subtitle =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person · %s",
                                          "%u people · %s", counts[kind]),
                             counts[kind], references[kind]);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), messages[kind]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}
