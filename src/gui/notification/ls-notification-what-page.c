/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-what-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-individual.h"
#include "ls-notification-what-page.h"
#include "ls-people-files.h"
#include "ls-rules.h"

/* What happened and its consequences, whether the individuals were told,
 * and what goes to IVO with the form. */

struct _LsNotificationWhatPage
{
  LsNotificationPage parent_instance;

  gboolean concluded;

  AdwActionRow *informed_row;
  GtkSwitch *informed_switch;
  AdwActionRow *attach_investigation_row;
  GtkCheckButton *attach_investigation_check;
  GtkCheckButton *attach_routines_check;
  GtkCheckButton *attach_other_check;
};

G_DEFINE_FINAL_TYPE (LsNotificationWhatPage,
                     ls_notification_what_page,
                     LS_TYPE_NOTIFICATION_PAGE)

static gboolean
is_editable (LsNotificationWhatPage *self)
{
  LsCase *lcase = ls_wizard_page_get_case (LS_WIZARD_PAGE (self));

  return lcase != NULL && !ls_notification_page_is_sent (lcase);
}

/* Only a finished investigation can go with the form; a tick left from
 * before can still be taken away. */
static void
attachment_toggled_cb (LsNotificationWhatPage *self)
{
  GtkWidget *other = ls_notification_page_get_field (
      LS_NOTIFICATION_PAGE (self), "other-attachments");
  gboolean attached =
      gtk_check_button_get_active (self->attach_investigation_check);

  if (other == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->attach_investigation_row),
                            is_editable (self) &&
                                (self->concluded || attached));
  adw_action_row_set_subtitle (
      self->attach_investigation_row,
      self->concluded
          ? _ ("The investigation is concluded and can go with the form.")
          : _ ("The investigation is not finished yet. Send it to IVO as soon "
               "as it is, and at the latest two months after the "
               "notification (6 kap. 2 § SOSFS 2011:5)."));
  gtk_widget_set_sensitive (
      other, gtk_check_button_get_active (self->attach_other_check));
}

/* Who has not been told of what happened yet. */
static void
show_informed (LsNotificationWhatPage *self, LsCase *lcase)
{
  GListModel *individuals =
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (lcase)));
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *hint = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (individuals); i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);

      if (ls_individual_get_informed_on (individual) != NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, ls_individual_get_name (individual) != NULL
                                  ? ls_individual_get_name (individual)
                                  : _ ("an individual"));
    }
  /* Translators: %s is one or more names, such as "Anna Svensson, Bo
   * Ek". */
  if (names->len > 0)
    hint = g_strdup_printf (_ ("No date is recorded for telling %s what "
                               "happened. Tell them, or their next of kin, of "
                               "the notification too."),
                            names->str);
  adw_action_row_set_subtitle (self->informed_row, hint);
}

static void
ls_notification_what_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsNotificationWhatPage *self = LS_NOTIFICATION_WHAT_PAGE (page);
  LsNotification *notification = ls_case_get_notification (lcase);
  gboolean editable = !ls_notification_page_is_sent (lcase);

  LS_WIZARD_PAGE_CLASS (ls_notification_what_page_parent_class)
      ->load (page, lcase);
  self->concluded = ls_rules_conclusion_is_made (lcase);
  show_informed (self, lcase);
  /* The form's box follows what is recorded per individual (general
   * advice to 6 kap.), on the page "Telling the Individuals": here it is
   * only shown. */
  gtk_switch_set_active (self->informed_switch,
                         ls_rules_all_told_of_notification (lcase));
  gtk_check_button_set_active (
      self->attach_investigation_check,
      ls_notification_get_attach_investigation (notification));
  gtk_check_button_set_active (
      self->attach_routines_check,
      ls_notification_get_attach_routines (notification));
  gtk_check_button_set_active (self->attach_other_check,
                               ls_notification_get_attach_other (notification));
  ls_notification_page_lock_row (GTK_WIDGET (self->informed_switch), FALSE);
  ls_notification_page_lock_row (GTK_WIDGET (self->attach_routines_check),
                                 editable);
  ls_notification_page_lock_row (GTK_WIDGET (self->attach_other_check),
                                 editable);
  attachment_toggled_cb (self);
}

static gboolean
ls_notification_what_page_commit (LsWizardPage *page,
                                  LsCase *target,
                                  LsWizardCommit mode,
                                  GDateTime *now,
                                  GtkWidget **first_bad)
{
  LsNotificationWhatPage *self = LS_NOTIFICATION_WHAT_PAGE (page);
  LsNotification *notification = ls_case_get_notification (target);

  if (ls_notification_page_is_sent (target))
    return TRUE;
  ls_notification_set_individuals_informed (
      notification, ls_rules_all_told_of_notification (target));
  ls_notification_set_attach_investigation (
      notification,
      gtk_check_button_get_active (self->attach_investigation_check));
  ls_notification_set_attach_routines (
      notification, gtk_check_button_get_active (self->attach_routines_check));
  ls_notification_set_attach_other (
      notification, gtk_check_button_get_active (self->attach_other_check));
  return LS_WIZARD_PAGE_CLASS (ls_notification_what_page_parent_class)
      ->commit (page, target, mode, now, first_bad);
}

/* The routines document goes with the form as "Gällande rutiner i
 * verksamheten". */
static void
attach_routines_cb (LsNotificationWhatPage *self)
{
  ls_people_attach_routines (LS_WIZARD_PAGE (self),
                             self->attach_routines_check);
}

static void
ls_notification_what_page_class_init (LsNotificationWhatPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  page_class->load = ls_notification_what_page_load;
  page_class->commit = ls_notification_what_page_commit;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/notification/ls-notification-what-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWhatPage,
                                        informed_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWhatPage,
                                        informed_switch);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWhatPage,
                                        attach_investigation_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWhatPage,
                                        attach_investigation_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWhatPage,
                                        attach_routines_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationWhatPage,
                                        attach_other_check);
  gtk_widget_class_bind_template_callback (widget_class, attachment_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, attach_routines_cb);
}

static void
ls_notification_what_page_init (LsNotificationWhatPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
