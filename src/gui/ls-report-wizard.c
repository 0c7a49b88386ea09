/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-report-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-report-wizard.h"

struct _LsReportWizard
{
  AdwWindow parent_instance;

  char *uuid;
  char *organisation_kind;
  GStrv units;
  gboolean finished;

  AdwWindowTitle *window_title;
  GtkButton *back_button;
  GtkButton *next_button;
  GtkProgressBar *progress_bar;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;

  AdwEntryRow *reporter_name_row;
  AdwComboRow *reporter_category_row;
  AdwEntryRow *reported_on_row;
  GtkCheckButton *wrongdoing_check;
  GtkCheckButton *risk_check;
  AdwComboRow *unit_row;
  GtkTextView *description_view;
  GtkLabel *description_error;
  AdwEntryRow *occurred_on_row;
  AdwEntryRow *noticed_on_row;
  AdwEntryRow *noticed_how_row;
  AdwEntryRow *individual_name_row;
  AdwEntryRow *individual_pnr_row;
  GtkTextView *consequences_view;
  AdwEntryRow *action_row;
  AdwEntryRow *action_by_row;
  AdwEntryRow *action_on_row;
  AdwPreferencesGroup *boards_group;
  GtkSwitch *inform_board_switch;
  AdwEntryRow *board_name_row;
};

G_DEFINE_FINAL_TYPE (LsReportWizard, ls_report_wizard, ADW_TYPE_WINDOW)

enum
{
  SAVE,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The reporter categories of 2:1, in the order of the combo row. */
static const char *const reporter_categories[] = {
  "employee",
  "contractor",
  "trainee",
  "labour-market-participant",
};

static const char *const step_names[] = {
  "reporter", "kind", "event", "individual", "actions", "boards",
};

G_STATIC_ASSERT (G_N_ELEMENTS (step_names) == LS_REPORT_WIZARD_N_STEPS);

#define ERROR_LABEL_KEY "ls-error-label"

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Strict YYYY-MM-DD; GDate's own parser guesses by locale. */
static gboolean
parse_iso_date (const char *text, GDate *date)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* A Swedish personal identity number, 10 or 12 digits with an optional
 * separator, whose last digit is the Luhn check digit of the ten. */
static gboolean
check_pnr (const char *text)
{
  char digits[13] = { 0 };
  guint n = 0;
  const char *ten;
  guint sum = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n >= 12)
            return FALSE;
          digits[n++] = *p;
        }
      else if ((*p != '-' && *p != '+') || n < 6)
        return FALSE;
    }
  if (n != 10 && n != 12)
    return FALSE;

  ten = digits + (n - 10);
  for (guint i = 0; i < 10; i++)
    {
      guint d = (guint) (ten[i] - '0');

      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return sum % 10 == 0;
}

static void
set_row_error (GtkWidget *row, const char *message)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), ERROR_LABEL_KEY);

  if (message == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      if (label != NULL)
        gtk_widget_set_visible (label, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      return;
    }

  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption");
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_object_set_data (G_OBJECT (row), ERROR_LABEL_KEY, label);
    }

  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_visible (label, TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
set_view_error (GtkTextView *view, GtkLabel *label, const char *message)
{
  GtkWidget *frame = gtk_widget_get_parent (GTK_WIDGET (view));

  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message == NULL)
    {
      gtk_widget_remove_css_class (frame, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (view),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  gtk_label_set_text (label, message);
  gtk_widget_add_css_class (frame, "error");
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/* Checks a date row: an empty row is fine unless @required.  Returns FALSE
 * and marks the row when the text is not a date. */
static gboolean
check_date_row (AdwEntryRow *row, gboolean required, GDate *date)
{
  g_autofree char *text = dup_row_text (row);

  g_date_clear (date, 1);
  if (*text == '\0')
    {
      if (required)
        {
          set_row_error (GTK_WIDGET (row), _ ("Required"));
          return FALSE;
        }
      return TRUE;
    }
  if (!parse_iso_date (text, date))
    {
      set_row_error (GTK_WIDGET (row),
                     _ ("Not a date: write it as 2026-03-01"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_reporter (LsReportWizard *self)
{
  g_autofree char *name = dup_row_text (self->reporter_name_row);
  GDate reported, today;
  gboolean ok = TRUE;

  set_row_error (GTK_WIDGET (self->reporter_name_row), NULL);
  set_row_error (GTK_WIDGET (self->reported_on_row), NULL);

  if (*name == '\0')
    {
      set_row_error (GTK_WIDGET (self->reporter_name_row),
                     _ ("Required: the law asks who reported"));
      ok = FALSE;
    }

  if (!check_date_row (self->reported_on_row, TRUE, &reported))
    ok = FALSE;
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      if (g_date_compare (&reported, &today) > 0)
        {
          set_row_error (GTK_WIDGET (self->reported_on_row),
                         _ ("A report cannot be dated in the future"));
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
validate_kind (LsReportWizard *self)
{
  GListModel *units = adw_combo_row_get_model (self->unit_row);

  set_row_error (GTK_WIDGET (self->unit_row), NULL);
  if (units == NULL || g_list_model_get_n_items (units) == 0 ||
      adw_combo_row_get_selected (self->unit_row) == GTK_INVALID_LIST_POSITION)
    {
      set_row_error (GTK_WIDGET (self->unit_row),
                     _ ("Add a unit in Preferences first"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_event (LsReportWizard *self)
{
  g_autofree char *description = dup_view_text (self->description_view);
  GDate occurred, noticed, reported;
  gboolean have_reported;
  gboolean ok = TRUE;

  set_view_error (self->description_view, self->description_error, NULL);
  set_row_error (GTK_WIDGET (self->occurred_on_row), NULL);
  set_row_error (GTK_WIDGET (self->noticed_on_row), NULL);

  if (*description == '\0')
    {
      set_view_error (self->description_view, self->description_error,
                      _ ("Required: describe what happened"));
      ok = FALSE;
    }

  {
    g_autofree char *text = dup_row_text (self->reported_on_row);
    have_reported = parse_iso_date (text, &reported);
  }

  if (!check_date_row (self->occurred_on_row, FALSE, &occurred))
    ok = FALSE;
  else if (g_date_valid (&occurred) && have_reported &&
           g_date_compare (&occurred, &reported) > 0)
    {
      set_row_error (GTK_WIDGET (self->occurred_on_row),
                     _ ("This is after the date of the report"));
      ok = FALSE;
    }

  if (!check_date_row (self->noticed_on_row, FALSE, &noticed))
    ok = FALSE;
  else if (g_date_valid (&noticed) && have_reported &&
           g_date_compare (&noticed, &reported) > 0)
    {
      set_row_error (GTK_WIDGET (self->noticed_on_row),
                     _ ("This is after the date of the report"));
      ok = FALSE;
    }
  else if (g_date_valid (&noticed) && g_date_valid (&occurred) &&
           g_date_compare (&noticed, &occurred) < 0)
    {
      set_row_error (GTK_WIDGET (self->noticed_on_row),
                     _ ("This is before it happened"));
      ok = FALSE;
    }

  return ok;
}

static gboolean
validate_individual (LsReportWizard *self)
{
  g_autofree char *pnr = dup_row_text (self->individual_pnr_row);

  set_row_error (GTK_WIDGET (self->individual_pnr_row), NULL);
  if (*pnr != '\0' && !check_pnr (pnr))
    {
      set_row_error (GTK_WIDGET (self->individual_pnr_row),
                     _ ("Not a valid personal identity number: check the "
                        "digits"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_actions (LsReportWizard *self)
{
  GDate date;

  set_row_error (GTK_WIDGET (self->action_on_row), NULL);
  return check_date_row (self->action_on_row, FALSE, &date);
}

static void
update_step (LsReportWizard *self)
{
  guint step = ls_report_wizard_get_step (self);
  GtkStackPage *page;
  g_autofree char *subtitle = NULL;

  page = gtk_stack_get_page (self->stack,
                             gtk_stack_get_visible_child (self->stack));
  subtitle = g_strdup_printf (_ ("Step %u of %u: %s"), step + 1,
                              (guint) LS_REPORT_WIZARD_N_STEPS,
                              gtk_stack_page_get_title (page));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_progress_bar_set_fraction (
      self->progress_bar, (double) (step + 1) / LS_REPORT_WIZARD_N_STEPS);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", step > 0);
  if (step + 1 == LS_REPORT_WIZARD_N_STEPS)
    gtk_button_set_label (self->next_button, _ ("_Finish"));
  else
    gtk_button_set_label (self->next_button, _ ("_Next"));
}

static void
emit_save (LsReportWizard *self)
{
  g_autoptr (JsonObject) object = ls_report_wizard_dup_case_json (self);

  g_signal_emit (self, signals[SAVE], 0, object);
}

static void
visible_step_changed_cb (LsReportWizard *self)
{
  update_step (self);
}

static void
row_changed_cb (LsReportWizard *self, GtkEditable *row)
{
  /* The error goes away as soon as the user starts correcting it; the
   * check runs again on Next. */
  set_row_error (GTK_WIDGET (row), NULL);
}

static void
next_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_report_wizard_go_next (LS_REPORT_WIZARD (widget));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_report_wizard_go_back (LS_REPORT_WIZARD (widget));
}

static gboolean
ls_report_wizard_close_request (GtkWindow *window)
{
  LsReportWizard *self = LS_REPORT_WIZARD (window);

  /* Closing mid-way loses nothing: what was typed is kept as a draft. */
  if (!self->finished)
    emit_save (self);

  return GTK_WINDOW_CLASS (ls_report_wizard_parent_class)
      ->close_request (window);
}

static void
ls_report_wizard_dispose (GObject *object)
{
  LsReportWizard *self = LS_REPORT_WIZARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_REPORT_WIZARD);

  G_OBJECT_CLASS (ls_report_wizard_parent_class)->dispose (object);
}

static void
ls_report_wizard_finalize (GObject *object)
{
  LsReportWizard *self = LS_REPORT_WIZARD (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->organisation_kind, g_free);
  g_clear_pointer (&self->units, g_strfreev);

  G_OBJECT_CLASS (ls_report_wizard_parent_class)->finalize (object);
}

static void
ls_report_wizard_class_init (LsReportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ls_report_wizard_dispose;
  object_class->finalize = ls_report_wizard_finalize;
  window_class->close_request = ls_report_wizard_close_request;

  /**
   * LsReportWizard::save:
   * @case_json: the case as far as it is filled in
   *
   * Emitted after every step and when the wizard is closed, so that the
   * owner can store the case; a case not yet finished has status "draft".
   */
  signals[SAVE] =
      g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  /**
   * LsReportWizard::finished:
   * @case_json: the complete case
   *
   * Emitted once the last step is done.
   */
  signals[FINISHED] =
      g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-report-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        window_title);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        back_button);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        next_button);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        reporter_name_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        reporter_category_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        reported_on_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        wrongdoing_check);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        risk_check);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        description_view);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        description_error);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        occurred_on_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        noticed_on_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        noticed_how_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        individual_name_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        individual_pnr_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        consequences_view);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        action_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        action_by_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        action_on_row);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        boards_group);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        inform_board_switch);
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard,
                                        board_name_row);
  gtk_widget_class_bind_template_callback (widget_class,
                                           visible_step_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL,
                                   next_activated);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL,
                                   back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down,
                                       GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up,
                                       GDK_ALT_MASK, "wizard.back", NULL);
}

static void
ls_report_wizard_init (LsReportWizard *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->uuid = g_uuid_string_random ();
  gtk_editable_set_text (GTK_EDITABLE (self->reported_on_row), today);
  update_step (self);
}

/**
 * ls_report_wizard_new:
 * @parent: (nullable): the window the wizard belongs to
 * @organisation_kind: (nullable): "municipal", "private" or "sis"; it
 *   decides which boards are suggested (4:1, 4:2)
 * @units: (nullable): the names of the organisation's units
 *
 * Returns: (transfer full): a new report wizard on its first step
 */
LsReportWizard *
ls_report_wizard_new (GtkWindow *parent,
                      const char *organisation_kind,
                      const char *const *units)
{
  LsReportWizard *self;
  g_autoptr (GtkStringList) unit_list = NULL;
  const char *description;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (LS_TYPE_REPORT_WIZARD, "transient-for", parent, NULL);
  self->organisation_kind = g_strdup (organisation_kind);
  self->units = g_strdupv ((char **) units);

  unit_list = gtk_string_list_new (units);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (unit_list));

  if (g_strcmp0 (organisation_kind, "private") == 0)
    {
      description = _ ("As a private provider you must inform the board that "
                       "decided the individual's service, or that holds the "
                       "contract.");
      gtk_switch_set_active (self->inform_board_switch, TRUE);
    }
  else if (g_strcmp0 (organisation_kind, "sis") == 0)
    {
      description = _ ("Inform the social welfare board responsible for the "
                       "individual, unless secrecy prevents it.");
      gtk_switch_set_active (self->inform_board_switch, TRUE);
    }
  else
    {
      description = _ ("Inform the board that decided the individual's "
                       "service if it is another board than yours.");
      gtk_switch_set_active (self->inform_board_switch, FALSE);
    }
  adw_preferences_group_set_description (self->boards_group, description);

  return self;
}

guint
ls_report_wizard_get_step (LsReportWizard *self)
{
  const char *name;

  g_return_val_if_fail (LS_IS_REPORT_WIZARD (self), 0);

  name = gtk_stack_get_visible_child_name (self->stack);
  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;

  return 0;
}

/**
 * ls_report_wizard_validate_step:
 *
 * Checks the rows of @step and marks each bad one with its explanation.
 *
 * Returns: %TRUE when the step may be left
 */
gboolean
ls_report_wizard_validate_step (LsReportWizard *self, guint step)
{
  g_return_val_if_fail (LS_IS_REPORT_WIZARD (self), FALSE);
  g_return_val_if_fail (step < LS_REPORT_WIZARD_N_STEPS, FALSE);

  switch ((LsReportWizardStep) step)
    {
    case LS_REPORT_WIZARD_STEP_REPORTER:
      return validate_reporter (self);
    case LS_REPORT_WIZARD_STEP_KIND:
      return validate_kind (self);
    case LS_REPORT_WIZARD_STEP_EVENT:
      return validate_event (self);
    case LS_REPORT_WIZARD_STEP_INDIVIDUAL:
      return validate_individual (self);
    case LS_REPORT_WIZARD_STEP_ACTIONS:
      return validate_actions (self);
    case LS_REPORT_WIZARD_STEP_BOARDS:
    case LS_REPORT_WIZARD_N_STEPS:
    default:
      return TRUE;
    }
}

/**
 * ls_report_wizard_go_next:
 *
 * Validates the visible step; when it is good, saves and moves on, or
 * finishes on the last step.
 *
 * Returns: %TRUE if the wizard moved on or finished
 */
gboolean
ls_report_wizard_go_next (LsReportWizard *self)
{
  guint step;

  g_return_val_if_fail (LS_IS_REPORT_WIZARD (self), FALSE);

  step = ls_report_wizard_get_step (self);
  if (!ls_report_wizard_validate_step (self, step))
    return FALSE;

  if (step + 1 < LS_REPORT_WIZARD_N_STEPS)
    {
      emit_save (self);
      gtk_stack_set_visible_child_name (self->stack, step_names[step + 1]);
      gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack),
                              GTK_DIR_TAB_FORWARD);
      return TRUE;
    }

  /* Every step must be good before the report counts as made. */
  for (guint i = 0; i < LS_REPORT_WIZARD_N_STEPS; i++)
    if (!ls_report_wizard_validate_step (self, i))
      {
        gtk_stack_set_visible_child_name (self->stack, step_names[i]);
        return FALSE;
      }

  self->finished = TRUE;
  {
    g_autoptr (JsonObject) object = ls_report_wizard_dup_case_json (self);

    g_signal_emit (self, signals[SAVE], 0, object);
    g_signal_emit (self, signals[FINISHED], 0, object);
  }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

void
ls_report_wizard_go_back (LsReportWizard *self)
{
  guint step;

  g_return_if_fail (LS_IS_REPORT_WIZARD (self));

  step = ls_report_wizard_get_step (self);
  if (step > 0)
    gtk_stack_set_visible_child_name (self->stack, step_names[step - 1]);
}

static void
set_nonempty (JsonObject *object, const char *member, const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
}

/**
 * ls_report_wizard_dup_case_json:
 *
 * The case as typed so far, in the exchange format's terms.  Rows that do
 * not validate are kept as typed so that nothing is thrown away.
 *
 * Returns: (transfer full): a new case object
 */
JsonObject *
ls_report_wizard_dup_case_json (LsReportWizard *self)
{
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (JsonObject) reporter = NULL;
  g_autoptr (JsonObject) individual = NULL;
  g_autoptr (JsonObject) action = NULL;
  g_autoptr (JsonArray) individuals = NULL;
  g_autoptr (JsonArray) actions = NULL;
  g_autoptr (JsonArray) boards = NULL;
  g_autofree char *reporter_name = NULL;
  g_autofree char *reported_on = NULL;
  g_autofree char *description = NULL;
  g_autofree char *occurred_on = NULL;
  g_autofree char *noticed_on = NULL;
  g_autofree char *noticed_how = NULL;
  g_autofree char *individual_name = NULL;
  g_autofree char *individual_pnr = NULL;
  g_autofree char *consequences = NULL;
  g_autofree char *action_text = NULL;
  g_autofree char *action_by = NULL;
  g_autofree char *action_on = NULL;
  g_autofree char *board_name = NULL;
  guint category, unit;

  g_return_val_if_fail (LS_IS_REPORT_WIZARD (self), NULL);

  reporter_name = dup_row_text (self->reporter_name_row);
  reported_on = dup_row_text (self->reported_on_row);
  description = dup_view_text (self->description_view);
  occurred_on = dup_row_text (self->occurred_on_row);
  noticed_on = dup_row_text (self->noticed_on_row);
  noticed_how = dup_row_text (self->noticed_how_row);
  individual_name = dup_row_text (self->individual_name_row);
  individual_pnr = dup_row_text (self->individual_pnr_row);
  consequences = dup_view_text (self->consequences_view);
  action_text = dup_row_text (self->action_row);
  action_by = dup_row_text (self->action_by_row);
  action_on = dup_row_text (self->action_on_row);
  board_name = dup_row_text (self->board_name_row);

  object = json_object_new ();
  json_object_set_string_member (object, "uuid", self->uuid);
  json_object_set_string_member (object, "status",
                                 self->finished ? "reported" : "draft");
  json_object_set_string_member (
      object, "kind",
      gtk_check_button_get_active (self->risk_check) ? "risk" : "wrongdoing");

  unit = adw_combo_row_get_selected (self->unit_row);
  if (self->units != NULL && unit < g_strv_length (self->units))
    json_object_set_string_member (object, "unit", self->units[unit]);

  reporter = json_object_new ();
  set_nonempty (reporter, "name", reporter_name);
  category = adw_combo_row_get_selected (self->reporter_category_row);
  if (category < G_N_ELEMENTS (reporter_categories))
    json_object_set_string_member (reporter, "category",
                                   reporter_categories[category]);
  json_object_set_object_member (object, "reporter",
                                 g_steal_pointer (&reporter));

  set_nonempty (object, "received_on", reported_on);
  set_nonempty (object, "description", description);
  set_nonempty (object, "occurred_on", occurred_on);
  set_nonempty (object, "noticed_on", noticed_on);
  set_nonempty (object, "noticed_how", noticed_how);

  individuals = json_array_new ();
  if (*individual_name != '\0' || *individual_pnr != '\0' ||
      *consequences != '\0')
    {
      individual = json_object_new ();
      set_nonempty (individual, "name", individual_name);
      set_nonempty (individual, "pnr", individual_pnr);
      set_nonempty (individual, "consequences", consequences);
      json_array_add_object_element (individuals,
                                     g_steal_pointer (&individual));
    }
  json_object_set_array_member (object, "individuals",
                                g_steal_pointer (&individuals));

  actions = json_array_new ();
  if (*action_text != '\0')
    {
      action = json_object_new ();
      json_object_set_string_member (action, "kind", "immediate");
      json_object_set_string_member (action, "description", action_text);
      set_nonempty (action, "responsible", action_by);
      set_nonempty (action, "done_on", action_on);
      json_array_add_object_element (actions, g_steal_pointer (&action));
    }
  json_object_set_array_member (object, "actions", g_steal_pointer (&actions));

  boards = json_array_new ();
  if (gtk_switch_get_active (self->inform_board_switch) && *board_name != '\0')
    {
      g_autoptr (JsonObject) board = json_object_new ();

      json_object_set_string_member (board, "board", board_name);
      json_array_add_object_element (boards, g_steal_pointer (&board));
    }
  json_object_set_array_member (object, "board_notices",
                                g_steal_pointer (&boards));

  return g_steal_pointer (&object);
}

/**
 * ls_report_wizard_show_error:
 *
 * Tells the user that saving failed; what they typed stays in the wizard.
 */
void
ls_report_wizard_show_error (LsReportWizard *self, const char *message)
{
  g_return_if_fail (LS_IS_REPORT_WIZARD (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
