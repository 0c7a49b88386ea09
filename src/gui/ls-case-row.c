/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-case-row.h"
#include "ls-labels.h"

/* One case in the overview's list, drawn from its summary alone: the list
 * must stay smooth with 100,000 cases, so no whole case is ever loaded for
 * a row. */

struct _LsCaseRow
{
  GtkWidget parent_instance;

  GtkInscription *regno_label;
  GtkInscription *status_label;
  GtkInscription *title_label;
  GtkInscription *meta_label;
  GtkInscription *deadline_label;

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

/* A text in the row's grid; an inscription, whose size does not depend on
 * its text, so that no text is laid out to measure a row. */
static GtkInscription *
add_text (LsCaseRow *self,
          int row,
          int column,
          int span,
          guint min_chars,
          guint nat_chars,
          const char *style)
{
  GtkWidget *text = gtk_inscription_new (NULL);
  GtkGridLayoutChild *child;

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, column == 0);
  if (style != NULL)
    gtk_widget_add_css_class (text, style);
  gtk_widget_set_parent (text, GTK_WIDGET (self));

  child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (
      gtk_widget_get_layout_manager (GTK_WIDGET (self)), text));
  gtk_grid_layout_child_set_row (child, row);
  gtk_grid_layout_child_set_column (child, column);
  gtk_grid_layout_child_set_column_span (child, span);
  return GTK_INSCRIPTION (text);
}

/* A list view's item, not the row in it, takes the focus; GTK 4.8 gives
 * it no name of its own, so a screen reader would say nothing on the
 * case the keyboard is on.  It gets the row's sentence. */
static void
label_focusable (LsCaseRow *self, const char *description)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));

  if (item == NULL)
    return;
  if (description != NULL)
    gtk_accessible_update_property (
        GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (item),
                                   GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
ls_case_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ls_case_row_parent_class)->dispose (object);
}

static void
ls_case_row_class_init (LsCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_case_row_dispose;

  gtk_widget_class_set_css_name (widget_class, "caserow");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Built in code, not from a template: GTK 4.8's list view makes up to 200
 * rows at once, and anew for every search, and a builder per row costs
 * more than the rows themselves (measured with tests/gui/bench-window). */
static void
ls_case_row_init (LsCaseRow *self)
{
  GtkGridLayout *layout =
      GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_grid_layout_set_row_spacing (layout, 3);
  gtk_grid_layout_set_column_spacing (layout, 6);

  self->regno_label = add_text (self, 0, 0, 1, 8, 16, "heading");
  self->status_label = add_text (self, 0, 1, 1, 4, 4, "status-pill");
  gtk_widget_set_halign (GTK_WIDGET (self->status_label), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->status_label), GTK_ALIGN_CENTER);
  self->title_label = add_text (self, 1, 0, 2, 10, 36, NULL);
  self->meta_label = add_text (self, 2, 0, 1, 6, 24, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "dim-label");
  self->deadline_label = add_text (self, 2, 1, 1, 10, 22, "caption");
  gtk_inscription_set_xalign (self->deadline_label, 1);
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
      label_focusable (self, NULL);
      gtk_inscription_set_text (self->regno_label, NULL);
      gtk_inscription_set_text (self->status_label, NULL);
      gtk_inscription_set_text (self->title_label, NULL);
      gtk_inscription_set_text (self->meta_label, NULL);
      gtk_inscription_set_text (self->deadline_label, NULL);
      return;
    }

  regno = ls_case_summary_get_regno (summary);
  if (regno == NULL)
    regno = _ ("No registration number");
  status = ls_labels_status (ls_case_summary_get_status (summary));
  title = ls_case_summary_get_title (summary);
  if (title == NULL || *title == '\0')
    title = _ ("Nothing written yet about what happened");

  gtk_inscription_set_text (self->regno_label, regno);
  /* As wide as its text, which a pill must be. */
  gtk_inscription_set_text (self->status_label, status);
  gtk_inscription_set_min_chars (self->status_label,
                                 g_utf8_strlen (status, -1));
  gtk_inscription_set_nat_chars (self->status_label,
                                 g_utf8_strlen (status, -1));
  swap_class (
      GTK_WIDGET (self->status_label), &self->status_class,
      ls_labels_status_css_class (ls_case_summary_get_status (summary)));
  gtk_inscription_set_text (self->title_label, title);

  /* Translators: a case's unit and its kind, "Solgården · Wrongdoing". */
  meta = ls_bidi_format (
      _ ("%s · %s"),
      ls_labels_unit_name (organisation, ls_case_summary_get_unit (summary)),
      ls_labels_kind (ls_case_summary_get_kind (summary)), NULL);
  gtk_inscription_set_text (self->meta_label, meta);

  deadline = ls_labels_deadline (ls_case_summary_get_next_deadline (summary),
                                 now, &urgency);
  gtk_inscription_set_text (self->deadline_label, deadline);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label),
                          urgency != LS_URGENCY_NONE);
  /* The status above makes the second column wide; without a deadline the
   * unit and kind may use it. */
  gtk_grid_layout_child_set_column_span (
      GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (
          gtk_widget_get_layout_manager (GTK_WIDGET (self)),
          GTK_WIDGET (self->meta_label))),
      urgency != LS_URGENCY_NONE ? 1 : 2);
  swap_class (GTK_WIDGET (self->deadline_label), &self->urgency_class,
              ls_labels_urgency_css_class (urgency));

  /* One sentence for a screen reader, in the order the eye reads. */
  description = g_strjoin (", ", regno, status, title, meta,
                           urgency != LS_URGENCY_NONE ? deadline : NULL, NULL);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  label_focusable (self, description);
}
