/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-preventive-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-action.h"
#include "ls-enum-types.h"
#include "ls-investigation-pages.h"
#include "ls-labels.h"
#include "ls-preventive-page.h"
#include "ls-wizards.h"

/* What is done, or planned, so that it does not happen again (5 kap.
 * 5 §), who is responsible and by when, and its follow-up: did it help
 * the individual? */

struct _LsPreventivePage
{
  LsWizardPage parent_instance;

  LsItemList *preventive_list;
};

G_DEFINE_FINAL_TYPE (LsPreventivePage, ls_preventive_page, LS_TYPE_WIZARD_PAGE)

#define PREFIX "investigation.preventive_actions["

static const LsItemField preventive_fields[] = {
  { "description", LS_ITEM_FIELD_LONG_TEXT, N_ ("_What is done"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "responsible", LS_ITEM_FIELD_TEXT, N_ ("_Responsible"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "due-on", LS_ITEM_FIELD_DATE, N_ ("_Done by"), LS_ITEM_FIELD_OPTIONAL, NULL,
    0 },
  { "status", LS_ITEM_FIELD_ENUM, N_ ("S_tatus"), LS_ITEM_FIELD_OPTIONAL, NULL,
    0 },
  { "follow-up-on", LS_ITEM_FIELD_DATE, N_ ("_Follow-up date"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
  { "effect", LS_ITEM_FIELD_LONG_TEXT, N_ ("_Effect for the individual"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
  { "individual-asked", LS_ITEM_FIELD_BOOLEAN,
    N_ ("The individual or next of kin was _asked"), LS_ITEM_FIELD_OPTIONAL,
    NULL, 0 },
};

static char *
describe_preventive (GObject *item, char **subtitle)
{
  LsAction *action = LS_ACTION (item);
  g_autoptr (GString) out = g_string_new (NULL);

  if (ls_action_get_responsible (action) != NULL)
    g_string_append (out, ls_action_get_responsible (action));
  if (ls_action_get_due_on (action) != NULL)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      /* Translators: %s is a day by which an action is to be done. */
      g_string_append_printf (out, _ ("by %s"), ls_action_get_due_on (action));
    }
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, ls_labels_value (LS_TYPE_ACTION_STATUS,
                                         ls_action_get_status (action)));
  if (ls_action_get_follow_up_on (action) != NULL)
    {
      g_string_append (out, " · ");
      if (ls_action_get_effect (action) != NULL)
        g_string_append (out, _ ("followed up"));
      else
        /* Translators: %s is the day an action's effect is followed up. */
        g_string_append_printf (out, _ ("follow-up %s"),
                                ls_action_get_follow_up_on (action));
    }
  *subtitle = g_string_free (g_steal_pointer (&out), FALSE);
  return g_strdup (ls_action_get_description (action));
}

static GObject *
create_preventive_action (gpointer user_data)
{
  LsAction *action = ls_action_new ();

  ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
  ls_action_set_status (action, LS_ACTION_STATUS_PLANNED);
  return G_OBJECT (action);
}

static const LsItemListSpec preventive_spec = {
  preventive_fields,
  G_N_ELEMENTS (preventive_fields),
  describe_preventive,
  create_preventive_action,
  NULL,
};

static void
ls_preventive_page_load (LsWizardPage *page, LsCase *lcase)
{
  ls_item_list_bind (LS_PREVENTIVE_PAGE (page)->preventive_list,
                     ls_investigation_get_preventive_actions (
                         ls_case_get_investigation (lcase)),
                     &preventive_spec, page);
}

static GtkWidget *
ls_preventive_page_mark_invalid (LsWizardPage *page,
                                 LsCase *lcase,
                                 const char *path,
                                 const char *message)
{
  return ls_wizards_mark_item (LS_PREVENTIVE_PAGE (page)->preventive_list,
                               ls_investigation_get_preventive_actions (
                                   ls_case_get_investigation (lcase)),
                               PREFIX, path, message);
}

/* Actions to prevent and their follow-up are never done with: a link to
 * the actions or the follow-up that finds the remedial actions complete
 * ends here. */
static gboolean
ls_preventive_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  return FALSE;
}

static void
ls_preventive_page_class_init (LsPreventivePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_preventive_page_load;
  page_class->mark_invalid = ls_preventive_page_mark_invalid;
  page_class->is_complete = ls_preventive_page_is_complete;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-preventive-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsPreventivePage,
                                        preventive_list);
}

static void
ls_preventive_page_init (LsPreventivePage *self)
{
  g_type_ensure (LS_TYPE_ITEM_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_investigation_watch_list (LS_WIZARD_PAGE (self), self->preventive_list);
}
