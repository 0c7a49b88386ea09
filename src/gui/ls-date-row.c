/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-date-row.h"
#include "ls-error.h"
#include "ls-rows.h"

/* A row to type a day, or a day and a time, as a Swedish manager writes
 * them ("2026-03-01 22:30", "20260301", "22.30"), with a calendar beside
 * it for the mouse.  What is typed stays as typed until the step is left;
 * ls_date_row_read() then gives the stored form or says what is wrong. */

struct _LsDateRow
{
  AdwEntryRow parent_instance;

  GtkMenuButton *calendar_button;
  GtkPopover *popover;
  GtkCalendar *calendar;

  LsDatesFormat formats;
  gboolean not_future;
  gboolean syncing;
  gboolean picked;
};

G_DEFINE_FINAL_TYPE (LsDateRow, ls_date_row, ADW_TYPE_ENTRY_ROW)

enum
{
  PROP_0,
  PROP_WITH_TIME,
  PROP_TIME_REQUIRED,
  PROP_NOT_FUTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The time the user typed after the day, if any, so that picking another
 * day in the calendar keeps it. */
static const char *
find_time_part (const char *text)
{
  const char *space = strchr (text, ' ');

  if (space == NULL)
    return NULL;
  while (*space == ' ')
    space++;
  return *space != '\0' ? space : NULL;
}

static void
popover_show_cb (LsDateRow *self)
{
  g_autoptr (GDateTime) shown = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  GDate day;

  value = ls_dates_parse_user (gtk_editable_get_text (GTK_EDITABLE (self)),
                               LS_DATES_DATE | LS_DATES_DATETIME, &error);
  if (value != NULL && ls_dates_get_day (value, &day))
    shown =
        g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                               g_date_get_day (&day), 12, 0, 0);
  else
    shown = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->syncing = FALSE;
  self->picked = FALSE;
}

static void
day_selected_cb (LsDateRow *self)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  const char *time;

  if (self->syncing)
    return;

  date = gtk_calendar_get_date (self->calendar);
  day = g_date_time_format (date, "%Y-%m-%d");
  time = find_time_part (gtk_editable_get_text (GTK_EDITABLE (self)));
  if (time != NULL && (self->formats & LS_DATES_DATETIME))
    text = g_strdup_printf ("%s %s", day, time);
  else if (!(self->formats & LS_DATES_DATE))
    /* The time is still to be typed: leave room for it. */
    text = g_strdup_printf ("%s ", day);
  else
    text = g_steal_pointer (&day);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->picked = TRUE;
}

static void
calendar_pressed_cb (LsDateRow *self)
{
  self->picked = FALSE;
}

/* A click on a day chooses it and closes the calendar; arrow keys move
 * through the days and Enter closes, so keyboard users are not cut off
 * after the first step. */
static void
calendar_released_cb (LsDateRow *self)
{
  if (self->picked)
    gtk_popover_popdown (self->popover);
}

static gboolean
calendar_key_pressed_cb (LsDateRow *self,
                         guint keyval,
                         guint keycode,
                         GdkModifierType state)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter ||
      keyval == GDK_KEY_ISO_Enter || keyval == GDK_KEY_space)
    {
      day_selected_cb (self);
      gtk_popover_popdown (self->popover);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
ls_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LS_TYPE_DATE_ROW);

  G_OBJECT_CLASS (ls_date_row_parent_class)->dispose (object);
}

static void
ls_date_row_get_property (GObject *object,
                          guint prop_id,
                          GValue *value,
                          GParamSpec *pspec)
{
  LsDateRow *self = LS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_WITH_TIME:
      g_value_set_boolean (value, (self->formats & LS_DATES_DATETIME) != 0);
      break;
    case PROP_TIME_REQUIRED:
      g_value_set_boolean (value, !(self->formats & LS_DATES_DATE));
      break;
    case PROP_NOT_FUTURE:
      g_value_set_boolean (value, self->not_future);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_date_row_set_property (GObject *object,
                          guint prop_id,
                          const GValue *value,
                          GParamSpec *pspec)
{
  LsDateRow *self = LS_DATE_ROW (object);
  LsDatesFormat formats = self->formats;

  switch (prop_id)
    {
    case PROP_WITH_TIME:
      if (g_value_get_boolean (value))
        formats |= LS_DATES_DATETIME;
      else
        formats = LS_DATES_DATE;
      ls_date_row_set_formats (self, formats);
      break;
    case PROP_TIME_REQUIRED:
      if (g_value_get_boolean (value))
        ls_date_row_set_formats (self, LS_DATES_DATETIME);
      else
        ls_date_row_set_formats (self, formats | LS_DATES_DATE);
      break;
    case PROP_NOT_FUTURE:
      if (self->not_future != g_value_get_boolean (value))
        {
          self->not_future = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_date_row_class_init (LsDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_date_row_dispose;
  object_class->get_property = ls_date_row_get_property;
  object_class->set_property = ls_date_row_set_property;

  properties[PROP_WITH_TIME] = g_param_spec_boolean (
      "with-time", "With time", "Whether a time of day may follow the day",
      FALSE,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIME_REQUIRED] = g_param_spec_boolean (
      "time-required", "Time required", "Whether the time of day must be given",
      FALSE,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOT_FUTURE] = g_param_spec_boolean (
      "not-future", "Not in the future",
      "Whether the value must not lie in the future", FALSE,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LsDateRow,
                                        calendar_button);
  gtk_widget_class_bind_template_child (widget_class, LsDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, LsDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
ls_date_row_init (LsDateRow *self)
{
  GtkGesture *click;
  GtkEventController *keys;

  self->formats = LS_DATES_DATE;
  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (calendar_pressed_cb),
                            self);
  g_signal_connect_swapped (click, "released",
                            G_CALLBACK (calendar_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar),
                             GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed",
                            G_CALLBACK (calendar_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);
}

GtkWidget *
ls_date_row_new (void)
{
  return g_object_new (LS_TYPE_DATE_ROW, NULL);
}

LsDatesFormat
ls_date_row_get_formats (LsDateRow *self)
{
  g_return_val_if_fail (LS_IS_DATE_ROW (self), LS_DATES_DATE);

  return self->formats;
}

/**
 * ls_date_row_set_formats:
 * @formats: %LS_DATES_DATE for a day, %LS_DATES_DATETIME for a day and
 *   its time, both where the time may be unknown
 */
void
ls_date_row_set_formats (LsDateRow *self, LsDatesFormat formats)
{
  g_return_if_fail (LS_IS_DATE_ROW (self));
  g_return_if_fail (formats != 0);

  if (self->formats == formats)
    return;
  self->formats = formats;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_TIME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_REQUIRED]);
}

/**
 * ls_date_row_set_value:
 * @value: (nullable): a stored day or moment
 *
 * Shows @value the way dates are written in Sweden.
 */
void
ls_date_row_set_value (LsDateRow *self, const char *value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LS_IS_DATE_ROW (self));

  text = ls_dates_format_display (value);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
}

/**
 * ls_date_row_read:
 * @now: (nullable): the present, %NULL for the clock's
 * @value: (out) (transfer full) (nullable): the stored form, %NULL when
 *   the row is empty
 *
 * Reads what was typed and, when it is good, shows it as it is stored
 * ("20260301 22.30" becomes "2026-03-01 22:30"), so the user sees what was
 * understood.  An empty row is not an error here: whether the value is
 * required is for the caller to say.
 *
 * Returns: %FALSE, with a message for the row in @error, when the text is
 *   not a date of the allowed form or lies in the future where it cannot
 */
gboolean
ls_date_row_read (LsDateRow *self, GDateTime *now, char **value, GError **error)
{
  g_autoptr (GDateTime) clock = NULL;
  g_autofree char *text = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (LS_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  text = ls_rows_dup_text (GTK_WIDGET (self));
  if (text == NULL)
    return TRUE;

  parsed = ls_dates_parse_user (text, self->formats, error);
  if (parsed == NULL)
    return FALSE;
  if (self->not_future)
    {
      if (now == NULL)
        now = clock = g_date_time_new_now_local ();
      if (ls_dates_is_future (parsed, now))
        {
          g_set_error_literal (error, LS_ERROR, LS_ERROR_DATE_IN_FUTURE,
                               _ ("The date lies in the future."));
          return FALSE;
        }
    }
  display = ls_dates_format_display (parsed);
  if (g_strcmp0 (display, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), display);
  *value = g_steal_pointer (&parsed);
  return TRUE;
}
