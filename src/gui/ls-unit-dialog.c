/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-unit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-a11y.h"
#include "ls-field.h"
#include "ls-labels.h"
#include "ls-model.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-unit-dialog.h"

/* Adds a unit, or edits one, on a copy: Cancel (or Escape) leaves the unit
 * as it was, and "saved" hands over the copy only when every row is
 * right. */

struct _LsUnitDialog
{
  AdwWindow parent_instance;

  LsUnit *unit;
  gboolean is_new;
  gboolean tried;

  GtkButton *save_button;
  AdwEntryRow *name_row;
  AdwEntryRow *activity_row;
  AdwComboRow *regime_row;
  AdwEntryRow *street_row;
  AdwEntryRow *postcode_row;
  AdwEntryRow *town_row;
  AdwEntryRow *phone_row;
};

G_DEFINE_FINAL_TYPE (LsUnitDialog, ls_unit_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Marks every row that is not right and returns the first of them. */
static GtkWidget *
check_rows (LsUnitDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *postcode =
      ls_rows_dup_text (GTK_WIDGET (self->postcode_row));
  GtkWidget *first = NULL;

  if (ls_field_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row))))
    {
      ls_row_set_error (GTK_WIDGET (self->name_row),
                        _ ("Give the unit’s name."));
      first = GTK_WIDGET (self->name_row);
    }
  else
    ls_row_set_error (GTK_WIDGET (self->name_row), NULL);

  if (ls_field_is_blank (
          gtk_editable_get_text (GTK_EDITABLE (self->activity_row))))
    {
      ls_row_set_error (GTK_WIDGET (self->activity_row),
                        _ ("Say what is done here, such as “Care home for "
                           "older people”."));
      if (first == NULL)
        first = GTK_WIDGET (self->activity_row);
    }
  else
    ls_row_set_error (GTK_WIDGET (self->activity_row), NULL);

  if (!ls_field_validate (LS_FIELD_POSTCODE, postcode, &error))
    {
      ls_row_set_error (GTK_WIDGET (self->postcode_row), error->message);
      if (first == NULL)
        first = GTK_WIDGET (self->postcode_row);
    }
  else
    ls_row_set_error (GTK_WIDGET (self->postcode_row), NULL);

  return first;
}

static void
copy_rows_to_unit (LsUnitDialog *self)
{
  g_autofree char *name = ls_rows_dup_text (GTK_WIDGET (self->name_row));
  g_autofree char *activity =
      ls_rows_dup_text (GTK_WIDGET (self->activity_row));
  g_autofree char *street = ls_rows_dup_text (GTK_WIDGET (self->street_row));
  g_autofree char *postcode =
      ls_rows_dup_text (GTK_WIDGET (self->postcode_row));
  g_autofree char *town = ls_rows_dup_text (GTK_WIDGET (self->town_row));
  g_autofree char *phone = ls_rows_dup_text (GTK_WIDGET (self->phone_row));

  ls_unit_set_name (self->unit, name);
  ls_unit_set_activity (self->unit, activity);
  ls_unit_set_regime (
      self->unit, adw_combo_row_get_selected (self->regime_row) == LS_REGIME_LSS
                      ? LS_REGIME_LSS
                      : LS_REGIME_SOL);
  ls_unit_set_street_address (self->unit, street);
  ls_unit_set_postcode (self->unit, postcode);
  ls_unit_set_town (self->unit, town);
  ls_unit_set_phone (self->unit, phone);
}

static void
row_changed_cb (LsUnitDialog *self)
{
  /* Once Save was tried, the marks follow the typing, so that a fixed row
   * turns normal at once. */
  if (self->tried)
    check_rows (self);
}

static void
save_action_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsUnitDialog *self = LS_UNIT_DIALOG (widget);
  GtkWidget *bad;

  self->tried = TRUE;
  bad = check_rows (self);
  if (bad != NULL)
    {
      gtk_widget_grab_focus (bad);
      return;
    }

  copy_rows_to_unit (self);
  g_signal_emit (self, signals[SAVED], 0, self->unit);
  gtk_window_close (GTK_WINDOW (self));
}

static void
ls_unit_dialog_dispose (GObject *object)
{
  LsUnitDialog *self = LS_UNIT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_UNIT_DIALOG);
  g_clear_object (&self->unit);

  G_OBJECT_CLASS (ls_unit_dialog_parent_class)->dispose (object);
}

static void
ls_unit_dialog_class_init (LsUnitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_unit_dialog_dispose;

  /**
   * LsUnitDialog::saved:
   * @unit: the unit as edited, with the identifier of the one given
   */
  signals[SAVED] =
      g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, LS_TYPE_UNIT);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-unit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LsUnitDialog,
                                        save_button);
  gtk_widget_class_bind_template_child (widget_class, LsUnitDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LsUnitDialog,
                                        activity_row);
  gtk_widget_class_bind_template_child (widget_class, LsUnitDialog, regime_row);
  gtk_widget_class_bind_template_child (widget_class, LsUnitDialog, street_row);
  gtk_widget_class_bind_template_child (widget_class, LsUnitDialog,
                                        postcode_row);
  gtk_widget_class_bind_template_child (widget_class, LsUnitDialog, town_row);
  gtk_widget_class_bind_template_child (widget_class, LsUnitDialog, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);

  gtk_widget_class_install_action (widget_class, "unit.save", NULL,
                                   save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
ls_unit_dialog_init (LsUnitDialog *self)
{
  const char *regimes[] = {
    [LS_REGIME_SOL] = ls_labels_regime_in_full (LS_REGIME_SOL),
    [LS_REGIME_LSS] = ls_labels_regime_in_full (LS_REGIME_LSS),
    NULL,
  };
  g_autoptr (GtkStringList) model = gtk_string_list_new (regimes);

  gtk_widget_init_template (GTK_WIDGET (self));
  ls_rows_activate_on_enter (GTK_WINDOW (self));
  ls_a11y_name_once (GTK_WIDGET (self));
  /* A position of the row is a value of LsRegime. */
  adw_combo_row_set_model (self->regime_row, G_LIST_MODEL (model));
}

/**
 * ls_unit_dialog_new:
 * @parent: the window it belongs to
 * @unit: (nullable): the unit to edit; %NULL adds a new one
 */
LsUnitDialog *
ls_unit_dialog_new (GtkWindow *parent, LsUnit *unit)
{
  LsUnitDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (unit == NULL || LS_IS_UNIT (unit), NULL);

  self = g_object_new (LS_TYPE_UNIT_DIALOG, "transient-for", parent, NULL);
  self->unit = ls_unit_new ();
  self->is_new = unit == NULL;
  if (unit != NULL)
    ls_model_copy (G_OBJECT (self->unit), G_OBJECT (unit));

  gtk_window_set_title (GTK_WINDOW (self),
                        self->is_new ? _ ("New Unit") : _ ("Edit Unit"));
  gtk_button_set_label (self->save_button,
                        self->is_new ? _ ("_Add") : _ ("_Save"));

  ls_rows_set_text (GTK_WIDGET (self->name_row), ls_unit_get_name (self->unit));
  ls_rows_set_text (GTK_WIDGET (self->activity_row),
                    ls_unit_get_activity (self->unit));
  adw_combo_row_set_selected (self->regime_row,
                              ls_unit_get_regime (self->unit));
  ls_rows_set_text (GTK_WIDGET (self->street_row),
                    ls_unit_get_street_address (self->unit));
  ls_rows_set_text (GTK_WIDGET (self->postcode_row),
                    ls_unit_get_postcode (self->unit));
  ls_rows_set_text (GTK_WIDGET (self->town_row), ls_unit_get_town (self->unit));
  ls_rows_set_text (GTK_WIDGET (self->phone_row),
                    ls_unit_get_phone (self->unit));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

/**
 * ls_unit_dialog_get_unit:
 *
 * Returns: (transfer none): the unit being edited (a copy)
 */
LsUnit *
ls_unit_dialog_get_unit (LsUnitDialog *self)
{
  g_return_val_if_fail (LS_IS_UNIT_DIALOG (self), NULL);

  return self->unit;
}
