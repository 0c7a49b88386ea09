/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-occasion-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-date-row.h"
#include "ls-occasion-dialog.h"
#include "ls-row-error.h"

/*
 * Records one information occasion for everybody chosen in the staff list
 * at once: a workplace meeting is one occasion with many participants.
 * The receiver of reports is filled in from the routines in force.
 * "recorded" hands the new occasion over; the dialog does not save.
 */
struct _LsOccasionDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *participants_group;
  LsDateRow *held_on_row;
  GtkSwitch *oral_switch;
  GtkSwitch *written_switch;
  AdwEntryRow *given_by_row;
  GtkCheckButton *duty_check;
  GtkCheckButton *what_check;
  GtkCheckButton *receiver_check;
  AdwEntryRow *receiver_row;

  LsPeopleRegister *register_;
  GStrv participants;
};

G_DEFINE_FINAL_TYPE (LsOccasionDialog, ls_occasion_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
record_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LsOccasionDialog *self = LS_OCCASION_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!ls_occasion_dialog_record (self, &error))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (error->message));
}

static void
ls_occasion_dialog_dispose (GObject *object)
{
  LsOccasionDialog *self = LS_OCCASION_DIALOG (object);

  g_clear_object (&self->register_);
  g_clear_pointer (&self->participants, g_strfreev);

  G_OBJECT_CLASS (ls_occasion_dialog_parent_class)->dispose (object);
}

static void
ls_occasion_dialog_class_init (LsOccasionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_occasion_dialog_dispose;

  /**
   * LsOccasionDialog::recorded:
   * @occasion: the occasion, not yet in the register
   */
  signals[SIGNAL_RECORDED] = g_signal_new (
      "recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
      NULL, G_TYPE_NONE, 1, LS_TYPE_INFORMATION_OCCASION);

  g_type_ensure (LS_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/people/ls-occasion-dialog.ui");
#define BIND(name)                                                             \
  gtk_widget_class_bind_template_child (widget_class, LsOccasionDialog, name)
  BIND (toast_overlay);
  BIND (participants_group);
  BIND (held_on_row);
  BIND (oral_switch);
  BIND (written_switch);
  BIND (given_by_row);
  BIND (duty_check);
  BIND (what_check);
  BIND (receiver_check);
  BIND (receiver_row);
#undef BIND
  gtk_widget_class_install_action (widget_class, "occasion.record", NULL,
                                   record_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
ls_occasion_dialog_init (LsOccasionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill (LsOccasionDialog *self, const char *today)
{
  LsRoutines *routines =
      ls_people_register_get_routines_in_force (self->register_, today);
  LsAssignment *receive =
      routines != NULL
          ? ls_routines_find (routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, NULL)
          : NULL;
  LsAssignment *inform =
      routines != NULL ? ls_routines_find (
                             routines, LS_RESPONSIBILITY_INFORM_REPORTERS, NULL)
                       : NULL;
  guint n = self->participants != NULL ? g_strv_length (self->participants) : 0;
  g_autofree char *description = NULL;

  ls_date_row_set_value (self->held_on_row, today);
  if (receive != NULL && ls_assignment_get_holder (receive) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->receiver_row),
                           ls_assignment_get_holder (receive));
  if (inform != NULL && ls_assignment_get_holder (inform) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->given_by_row),
                           ls_assignment_get_holder (inform));

  description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u person chosen in the staff list",
                   "%u people chosen in the staff list", n),
      n);
  adw_preferences_group_set_description (self->participants_group, description);
  for (guint i = 0; i < n; i++)
    {
      LsPerson *person = ls_people_register_find_person (self->register_,
                                                         self->participants[i]);
      GtkWidget *row;

      if (person == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ls_person_get_name (person));
      adw_preferences_group_add (self->participants_group, row);
    }
}

/**
 * ls_occasion_dialog_new:
 * @participants: the identifiers of the people chosen
 * @today: the day, "2026-03-01", proposed as the occasion's
 *
 * Returns: (transfer full): the dialog
 */
GtkWidget *
ls_occasion_dialog_new (GtkWindow *parent,
                        LsPeopleRegister *register_,
                        const char *const *participants,
                        const char *today)
{
  LsOccasionDialog *self;

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_object_new (LS_TYPE_OCCASION_DIALOG, "transient-for", parent, NULL);
  self->register_ = g_object_ref (register_);
  self->participants = g_strdupv ((char **) participants);
  fill (self, today);
  return GTK_WIDGET (self);
}

/**
 * ls_occasion_dialog_record:
 *
 * Reads the rows into a new occasion, emits "recorded" with it and closes.
 *
 * Returns: %TRUE, or %FALSE with @error saying what is missing
 */
gboolean
ls_occasion_dialog_record (LsOccasionDialog *self, GError **error)
{
  g_autoptr (LsInformationOccasion) occasion = NULL;
  g_autofree char *held_on = NULL;
  LsOccasionCovered covered = LS_OCCASION_COVERED_NONE;

  g_return_val_if_fail (LS_IS_OCCASION_DIALOG (self), FALSE);

  if (!ls_date_row_read (self->held_on_row, NULL, &held_on, error))
    return FALSE;
  if (held_on == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("Give the day the information was given."));
      ls_row_set_error (GTK_WIDGET (self->held_on_row), (*error)->message);
      return FALSE;
    }
  if (!gtk_switch_get_active (self->oral_switch) &&
      !gtk_switch_get_active (self->written_switch))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("The information was given orally, in writing "
                              "or both: choose at least one."));
      return FALSE;
    }
  if (gtk_check_button_get_active (self->duty_check))
    covered |= LS_OCCASION_COVERED_DUTY;
  if (gtk_check_button_get_active (self->what_check))
    covered |= LS_OCCASION_COVERED_WHAT;
  if (gtk_check_button_get_active (self->receiver_check))
    covered |= LS_OCCASION_COVERED_RECEIVER;

  occasion = ls_information_occasion_new ();
  ls_information_occasion_set_held_on (occasion, held_on);
  ls_information_occasion_set_oral (occasion,
                                    gtk_switch_get_active (self->oral_switch));
  ls_information_occasion_set_written (
      occasion, gtk_switch_get_active (self->written_switch));
  ls_information_occasion_set_given_by (
      occasion, gtk_editable_get_text (GTK_EDITABLE (self->given_by_row)));
  ls_information_occasion_set_covered (occasion, covered);
  ls_information_occasion_set_receiver (
      occasion, gtk_editable_get_text (GTK_EDITABLE (self->receiver_row)));
  ls_information_occasion_set_participants (
      occasion, (const char *const *) self->participants);

  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, occasion);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
