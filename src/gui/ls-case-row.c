/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-case-row.h"
#include "ls-labels.h"

/* One case in the overview's list, drawn from its summary alone: the list
 * must stay smooth with 100,000 cases, so no whole case is ever loaded for
 * a row. */

struct _LsCaseRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *regno_label;
  GtkLabel *status_label;
  GtkLabel *title_label;
  GtkLabel *meta_label;
  GtkLabel *deadline_label;

  const char *status_class;
  const char *urgency_class;
};

G_DEFINE_FINAL_TYPE (LsCaseRow, ls_case_row, GTK_TYPE_WIDGET)

static void
swap_class (GtkWidget *widget, const char **current, const char *next)
{
  if (*current != NULL)
    gtk_widget_remove_css_class (widget, *current);
  *current = next;
  if (next != NULL)
    gtk_widget_add_css_class (widget, next);
}

static void
ls_case_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LS_TYPE_CASE_ROW);

  G_OBJECT_CLASS (ls_case_row_parent_class)->dispose (object);
}

static void
ls_case_row_class_init (LsCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_case_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LsCaseRow, box);
  gtk_widget_class_bind_template_child (widget_class, LsCaseRow, regno_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseRow,
                                        deadline_label);
}

static void
ls_case_row_init (LsCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LsCaseRow *
ls_case_row_new (void)
{
  return g_object_new (LS_TYPE_CASE_ROW, NULL);
}

/**
 * ls_case_row_set_summary:
 * @summary: (nullable): the case to show; %NULL empties the row
 * @organisation: (nullable): to name the case's unit
 * @now: when it is, for how near the deadline is
 */
void
ls_case_row_set_summary (LsCaseRow *self,
                         LsCaseSummary *summary,
                         LsOrganisation *organisation,
                         GDateTime *now)
{
  g_autofree char *meta = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *description = NULL;
  const char *title;
  const char *regno;
  const char *status;
  LsUrgency urgency;

  g_return_if_fail (LS_IS_CASE_ROW (self));
  g_return_if_fail (now != NULL);

  if (summary == NULL)
    {
      gtk_label_set_text (self->regno_label, "");
      gtk_label_set_text (self->status_label, "");
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->meta_label, "");
      gtk_label_set_text (self->deadline_label, "");
      return;
    }

  regno = ls_case_summary_get_regno (summary);
  if (regno == NULL)
    regno = _ ("No registration number");
  status = ls_labels_status (ls_case_summary_get_status (summary));
  title = ls_case_summary_get_title (summary);
  if (title == NULL || *title == '\0')
    title = _ ("Nothing written yet about what happened");

  gtk_label_set_text (self->regno_label, regno);
  gtk_label_set_text (self->status_label, status);
  swap_class (
      GTK_WIDGET (self->status_label), &self->status_class,
      ls_labels_status_css_class (ls_case_summary_get_status (summary)));
  gtk_label_set_text (self->title_label, title);

  /* Translators: a case's unit and its kind, "Solgården · Wrongdoing". */
  meta = g_strdup_printf (
      _ ("%s · %s"),
      ls_labels_unit_name (organisation, ls_case_summary_get_unit (summary)),
      ls_labels_kind (ls_case_summary_get_kind (summary)));
  gtk_label_set_text (self->meta_label, meta);

  deadline = ls_labels_deadline (ls_case_summary_get_next_deadline (summary),
                                 now, &urgency);
  gtk_label_set_text (self->deadline_label, deadline);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label),
                          urgency != LS_URGENCY_NONE);
  swap_class (GTK_WIDGET (self->deadline_label), &self->urgency_class,
              ls_labels_urgency_css_class (urgency));

  /* One sentence for a screen reader, in the order the eye reads. */
  description = g_strjoin (", ", regno, status, title, meta, deadline, NULL);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}
