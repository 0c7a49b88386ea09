/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-journal-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-a11y.h"
#include "ls-date-row.h"
#include "ls-dates.h"
#include "ls-journal-item-dialog.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-text-field.h"

/* Adds one documented item to the investigation, with everything 5 kap.
 * 4 § asks of it.  Items are never changed: a correction is a new item
 * that names the one it corrects, which stays as it was. */

typedef struct
{
  LsPoints point;
  const char *name;
} PointName;

static const PointName point_names[] = {
  { LS_POINT_WHAT_HAPPENED, N_ ("1. What happened, and its consequences") },
  { LS_POINT_RECEIVED, N_ ("2. When the report was received") },
  { LS_POINT_NOTICED, N_ ("3. When and how it was noticed") },
  { LS_POINT_OCCURRED, N_ ("4. When it happened") },
  { LS_POINT_CAUSES, N_ ("5. The causes") },
  { LS_POINT_SIMILAR_BEFORE, N_ ("6. Whether it has happened before") },
  { LS_POINT_RECURRENCE, N_ ("7. Whether it could happen again") },
};

struct _LsJournalItemDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwPreferencesGroup *corrects_group;
  AdwActionRow *corrects_row;
  LsTextField *text_field;
  AdwEntryRow *source_row;
  LsDateRow *documented_row;
  AdwActionRow *fact_row;
  GtkCheckButton *fact_check;
  GtkCheckButton *assessment_check;
  AdwEntryRow *author_name_row;
  AdwEntryRow *author_title_row;
  AdwPreferencesGroup *points_group;

  GtkWidget *point_rows[G_N_ELEMENTS (point_names)];
  GtkCheckButton *point_checks[G_N_ELEMENTS (point_names)];

  LsJournalItem *corrects;
  LsJournalItem *item;
};

G_DEFINE_FINAL_TYPE (LsJournalItemDialog,
                     ls_journal_item_dialog,
                     ADW_TYPE_WINDOW)

enum
{
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kind_toggled_cb (LsJournalItemDialog *self)
{
  ls_row_set_error (GTK_WIDGET (self->fact_row), NULL);
}

static void
point_toggled_cb (LsJournalItemDialog *self)
{
  ls_row_set_error (self->point_rows[0], NULL);
}

static void
build_point_rows (LsJournalItemDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (point_names); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _ (point_names[i].name));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ (point_names[i].name), -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (point_toggled_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->points_group, row);
      self->point_rows[i] = row;
      self->point_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
set_points (LsJournalItemDialog *self, LsPoints points)
{
  for (guint i = 0; i < G_N_ELEMENTS (point_names); i++)
    gtk_check_button_set_active (self->point_checks[i],
                                 (points & point_names[i].point) != 0);
}

static void
show_corrected (LsJournalItemDialog *self)
{
  LsJournalItem *old = self->corrects;
  g_autofree char *day =
      ls_dates_format_display (ls_journal_item_get_documented_on (old));
  g_autofree char *subtitle = NULL;

  /* Translators: when and by whom an item was documented, "2026-03-03,
   * Lena Holm". */
  subtitle = g_strdup_printf (_ ("%s, %s"), day,
                              ls_journal_item_get_author_name (old) != NULL
                                  ? ls_journal_item_get_author_name (old)
                                  : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->corrects_row),
                                 ls_journal_item_get_text (old) != NULL
                                     ? ls_journal_item_get_text (old)
                                     : "");
  adw_action_row_set_subtitle (self->corrects_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->corrects_group), TRUE);

  /* The correction starts from what it corrects. */
  ls_text_field_set_text (self->text_field, ls_journal_item_get_text (old));
  gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                         ls_journal_item_get_source (old) != NULL
                             ? ls_journal_item_get_source (old)
                             : "");
  gtk_check_button_set_active (
      self->fact_check, ls_journal_item_get_kind (old) == LS_JOURNAL_KIND_FACT);
  gtk_check_button_set_active (self->assessment_check,
                               ls_journal_item_get_kind (old) ==
                                   LS_JOURNAL_KIND_ASSESSMENT);
  set_points (self, ls_journal_item_get_points (old));
  adw_window_title_set_title (self->window_title, _ ("Correction"));
  gtk_window_set_title (GTK_WINDOW (self), _ ("Correction"));
}

static gboolean
require_text (GtkWidget *row, const char *text, GtkWidget **first_bad)
{
  return text != NULL || ls_row_mark_bad (row, _ ("Fill this in."), first_bad);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_journal_item_dialog_apply (LS_JOURNAL_ITEM_DIALOG (widget));
}

static void
ls_journal_item_dialog_dispose (GObject *object)
{
  LsJournalItemDialog *self = LS_JOURNAL_ITEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_JOURNAL_ITEM_DIALOG);
  g_clear_object (&self->corrects);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ls_journal_item_dialog_parent_class)->dispose (object);
}

static void
ls_journal_item_dialog_class_init (LsJournalItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_journal_item_dialog_dispose;

  /**
   * LsJournalItemDialog::applied:
   *
   * The new item is ready (ls_journal_item_dialog_get_item()); the
   * dialog closes after this.
   */
  signals[APPLIED] =
      g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-journal-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        window_title);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        corrects_group);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        corrects_row);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        text_field);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        source_row);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        documented_row);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        fact_row);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        fact_check);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        assessment_check);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        author_name_row);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        author_title_row);
  gtk_widget_class_bind_template_child (widget_class, LsJournalItemDialog,
                                        points_group);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);

  gtk_widget_class_install_action (widget_class, "journal.save", NULL,
                                   save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return,
                                       GDK_CONTROL_MASK, "journal.save", NULL);
}

static void
ls_journal_item_dialog_init (LsJournalItemDialog *self)
{
  g_autofree char *today = ls_dates_dup_today (NULL);

  g_type_ensure (LS_TYPE_DATE_ROW);
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_rows_activate_on_enter (GTK_WINDOW (self));
  ls_a11y_name_once (GTK_WIDGET (self));
  build_point_rows (self);
  ls_date_row_set_value (self->documented_row, today);
}

/**
 * ls_journal_item_dialog_new:
 * @parent: the investigation's window
 * @points: the points of 5 kap. 2 § the item is about, as a start
 * @corrects: (nullable): the item this one corrects
 * @author_name: (nullable): the user's name, as a start
 * @author_title: (nullable): the user's title, as a start
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
LsJournalItemDialog *
ls_journal_item_dialog_new (GtkWindow *parent,
                            LsPoints points,
                            LsJournalItem *corrects,
                            const char *author_name,
                            const char *author_title)
{
  LsJournalItemDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (corrects == NULL || LS_IS_JOURNAL_ITEM (corrects),
                        NULL);

  self =
      g_object_new (LS_TYPE_JOURNAL_ITEM_DIALOG, "transient-for", parent, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->author_name_row),
                         author_name != NULL ? author_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->author_title_row),
                         author_title != NULL ? author_title : "");
  set_points (self, points);
  if (corrects != NULL)
    {
      self->corrects = g_object_ref (corrects);
      show_corrected (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->text_field));
  return self;
}

/**
 * ls_journal_item_dialog_get_item:
 *
 * Returns: (transfer none) (nullable): the new item, once applied
 */
LsJournalItem *
ls_journal_item_dialog_get_item (LsJournalItemDialog *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM_DIALOG (self), NULL);

  return self->item;
}

/**
 * ls_journal_item_dialog_apply:
 *
 * What the add button does: checks every row and marks the bad ones; when
 * all are good, makes the item, emits #LsJournalItemDialog::applied and
 * closes.
 *
 * Returns: whether the item was made
 */
gboolean
ls_journal_item_dialog_apply (LsJournalItemDialog *self)
{
  g_autoptr (LsJournalItem) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *documented = NULL;
  g_autofree char *author_name = NULL;
  g_autofree char *author_title = NULL;
  GtkWidget *first_bad = NULL;
  LsJournalKind kind = LS_JOURNAL_KIND_UNSET;
  LsPoints points = 0;

  g_return_val_if_fail (LS_IS_JOURNAL_ITEM_DIALOG (self), FALSE);

  text = ls_text_field_dup_text (self->text_field);
  require_text (GTK_WIDGET (self->text_field), text, &first_bad);
  source = ls_rows_dup_text (GTK_WIDGET (self->source_row));
  require_text (GTK_WIDGET (self->source_row), source, &first_bad);
  if (!ls_date_row_read (self->documented_row, NULL, &documented, &error))
    ls_row_mark_bad (GTK_WIDGET (self->documented_row), error->message,
                     &first_bad);
  else if (documented == NULL)
    ls_row_mark_bad (GTK_WIDGET (self->documented_row), _ ("Give the date."),
                     &first_bad);

  if (gtk_check_button_get_active (self->fact_check))
    kind = LS_JOURNAL_KIND_FACT;
  else if (gtk_check_button_get_active (self->assessment_check))
    kind = LS_JOURNAL_KIND_ASSESSMENT;
  if (kind == LS_JOURNAL_KIND_UNSET)
    {
      ls_row_set_error (GTK_WIDGET (self->fact_row),
                        _ ("Say whether it is a fact or an assessment."));
      if (first_bad == NULL)
        first_bad = GTK_WIDGET (self->fact_check);
    }

  author_name = ls_rows_dup_text (GTK_WIDGET (self->author_name_row));
  require_text (GTK_WIDGET (self->author_name_row), author_name, &first_bad);
  author_title = ls_rows_dup_text (GTK_WIDGET (self->author_title_row));
  require_text (GTK_WIDGET (self->author_title_row), author_title, &first_bad);

  for (guint i = 0; i < G_N_ELEMENTS (point_names); i++)
    if (gtk_check_button_get_active (self->point_checks[i]))
      points |= point_names[i].point;
  if (points == 0)
    {
      ls_row_set_error (self->point_rows[0], _ ("Choose at least one point."));
      if (first_bad == NULL)
        first_bad = GTK_WIDGET (self->point_checks[0]);
    }

  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (first_bad);
      return FALSE;
    }

  item = ls_journal_item_new ();
  ls_journal_item_set_text (item, text);
  ls_journal_item_set_source (item, source);
  ls_journal_item_set_documented_on (item, documented);
  ls_journal_item_set_kind (item, kind);
  ls_journal_item_set_author_name (item, author_name);
  ls_journal_item_set_author_title (item, author_title);
  ls_journal_item_set_points (item, points);
  if (self->corrects != NULL)
    ls_journal_item_set_corrects (item,
                                  ls_journal_item_get_uuid (self->corrects));
  g_set_object (&self->item, item);

  g_object_ref (self);
  g_signal_emit (self, signals[APPLIED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}
