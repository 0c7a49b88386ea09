/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-kind-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-law.h"
#include "ls-notification-form.h"
#include "ls-notification-kind-page.h"
#include "ls-responsible-group.h"
#include "ls-rules.h"

/* What is notified and to whom: the case and its conclusion so far, a
 * serious wrongdoing or a clear risk of one, and IVO's department
 * (6 kap. 1 §). */

#define DEPARTMENT_KEY "ls-department"

struct _LsNotificationKindPage
{
  LsNotificationPage parent_instance;

  GPtrArray *department_checks;

  AdwActionRow *case_row;
  AdwActionRow *conclusion_row;
  GtkImage *conclusion_icon;
  GtkCheckButton *wrongdoing_check;
  GtkCheckButton *risk_check;
  AdwPreferencesGroup *department_group;
};

G_DEFINE_FINAL_TYPE (LsNotificationKindPage,
                     ls_notification_kind_page,
                     LS_TYPE_NOTIFICATION_PAGE)

static void
build_department_rows (LsNotificationKindPage *self)
{
  guint n_departments;
  const LsDepartment *departments = ls_law_get_departments (&n_departments);
  GtkCheckButton *first = NULL;

  for (guint i = 0; i < n_departments; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     departments[i].name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   departments[i].counties);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      departments[i].name, -1);
      g_object_set_data (G_OBJECT (check), DEPARTMENT_KEY,
                         (gpointer) departments[i].id);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->department_group, row);
      g_ptr_array_add (self->department_checks, check);
    }
}

static void
show_case (LsNotificationKindPage *self, LsCase *lcase)
{
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  const char *regno = ls_case_get_regno (lcase);
  gboolean concluded = ls_rules_conclusion_is_made (lcase);
  g_autofree char *concluded_on =
      ls_dates_format_display (ls_investigation_get_concluded_on (inv));
  g_autofree char *conclusion = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->case_row),
                                 regno != NULL ? regno : _ ("New case"));
  adw_action_row_set_subtitle (
      self->case_row, ls_report_get_description (ls_case_get_report (lcase)));

  gtk_image_set_from_icon_name (self->conclusion_icon,
                                concluded ? "object-select-symbolic"
                                          : "document-edit-symbolic");
  if (!concluded)
    conclusion = g_strdup (
        _ ("Not made yet. You need not wait for it: a serious case is "
           "notified as soon as possible."));
  else if (ls_investigation_get_seriousness (inv) == LS_SERIOUSNESS_SERIOUS)
    conclusion = g_strdup_printf (_ ("Serious, concluded on %s"), concluded_on);
  else
    conclusion =
        g_strdup_printf (_ ("Not serious, concluded on %s"), concluded_on);
  adw_action_row_set_subtitle (self->conclusion_row, conclusion);
}

static void
ls_notification_kind_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsNotificationKindPage *self = LS_NOTIFICATION_KIND_PAGE (page);
  LsNotification *notification = ls_case_get_notification (lcase);
  const char *department = ls_notification_get_department (notification);
  LsCaseKind kind = ls_notification_get_kind (notification);
  gboolean editable = !ls_notification_page_is_sent (lcase);

  LS_WIZARD_PAGE_CLASS (ls_notification_kind_page_parent_class)
      ->load (page, lcase);
  show_case (self, lcase);
  gtk_check_button_set_active (self->wrongdoing_check,
                               kind == LS_CASE_KIND_WRONGDOING);
  gtk_check_button_set_active (self->risk_check,
                               kind == LS_CASE_KIND_CLEAR_RISK);
  ls_notification_page_lock_row (GTK_WIDGET (self->wrongdoing_check), editable);
  ls_notification_page_lock_row (GTK_WIDGET (self->risk_check), editable);
  for (guint i = 0; i < self->department_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->department_checks, i);

      gtk_check_button_set_active (
          GTK_CHECK_BUTTON (check),
          g_strcmp0 (department, g_object_get_data (G_OBJECT (check),
                                                    DEPARTMENT_KEY)) == 0);
      ls_notification_page_lock_row (check, editable);
    }
}

static gboolean
ls_notification_kind_page_commit (LsWizardPage *page,
                                  LsCase *target,
                                  LsWizardCommit mode,
                                  GDateTime *now,
                                  GtkWidget **first_bad)
{
  LsNotificationKindPage *self = LS_NOTIFICATION_KIND_PAGE (page);
  LsNotification *notification = ls_case_get_notification (target);

  if (ls_notification_page_is_sent (target))
    return TRUE;
  if (gtk_check_button_get_active (self->wrongdoing_check))
    ls_notification_set_kind (notification, LS_CASE_KIND_WRONGDOING);
  else if (gtk_check_button_get_active (self->risk_check))
    ls_notification_set_kind (notification, LS_CASE_KIND_CLEAR_RISK);
  for (guint i = 0; i < self->department_checks->len; i++)
    {
      GObject *check = g_ptr_array_index (self->department_checks, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        ls_notification_set_department (
            notification, g_object_get_data (check, DEPARTMENT_KEY));
    }
  return LS_WIZARD_PAGE_CLASS (ls_notification_kind_page_parent_class)
      ->commit (page, target, mode, now, first_bad);
}

/* The keyboard starts on the kind chosen. */
static void
ls_notification_kind_page_shown (LsWizardPage *page)
{
  LsNotificationKindPage *self = LS_NOTIFICATION_KIND_PAGE (page);

  if (gtk_widget_is_sensitive (GTK_WIDGET (self->risk_check)))
    gtk_widget_grab_focus (
        GTK_WIDGET (gtk_check_button_get_active (self->risk_check)
                        ? self->risk_check
                        : self->wrongdoing_check));
}

static gboolean
ls_notification_kind_page_find_missing (LsNotificationPage *page,
                                        const char *missing,
                                        GtkWidget **focus)
{
  LsNotificationKindPage *self = LS_NOTIFICATION_KIND_PAGE (page);

  if (g_strcmp0 (missing, _ ("Serious wrongdoing or clear risk of one")) == 0)
    *focus = GTK_WIDGET (self->wrongdoing_check);
  else if (g_strcmp0 (missing, ls_notification_field_get_name (
                                   LS_NOTIFICATION_FIELD_DEPARTMENT)) == 0)
    *focus = self->department_checks->len > 0
                 ? g_ptr_array_index (self->department_checks, 0)
                 : NULL;
  else if (g_strcmp0 (missing, ls_notification_field_get_name (
                                   LS_NOTIFICATION_FIELD_REGNO)) != 0)
    return LS_NOTIFICATION_PAGE_CLASS (ls_notification_kind_page_parent_class)
        ->find_missing (page, missing, focus);
  return TRUE;
}

static void
ls_notification_kind_page_dispose (GObject *object)
{
  LsNotificationKindPage *self = LS_NOTIFICATION_KIND_PAGE (object);

  g_clear_pointer (&self->department_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_notification_kind_page_parent_class)->dispose (object);
}

static void
ls_notification_kind_page_class_init (LsNotificationKindPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ls_notification_kind_page_dispose;
  page_class->load = ls_notification_kind_page_load;
  page_class->commit = ls_notification_kind_page_commit;
  page_class->shown = ls_notification_kind_page_shown;
  LS_NOTIFICATION_PAGE_CLASS (klass)->find_missing =
      ls_notification_kind_page_find_missing;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/notification/ls-notification-kind-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsNotificationKindPage,
                                        case_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationKindPage,
                                        conclusion_row);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationKindPage,
                                        conclusion_icon);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationKindPage,
                                        wrongdoing_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationKindPage,
                                        risk_check);
  gtk_widget_class_bind_template_child (widget_class, LsNotificationKindPage,
                                        department_group);
}

static void
ls_notification_kind_page_init (LsNotificationKindPage *self)
{
  g_type_ensure (LS_TYPE_RESPONSIBLE_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->department_checks = g_ptr_array_new ();
  build_department_rows (self);
}
