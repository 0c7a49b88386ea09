/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-case-attachments.h"
#include "ls-case-documents-group.h"
#include "ls-case-view.h"
#include "ls-duty.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-individual.h"
#include "ls-follow-ups.h"
#include "ls-labels.h"
#include "ls-law.h"
#include "ls-names.h"
#include "ls-people-rules.h"
#include "ls-pnr.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-toast.h"
#include "ls-wizards.h"

/* One case as the overview shows it: what it is about, what the law still
 * asks of it (each entry opening the step that fixes it), and who changed
 * what.  The case and its history are loaded off the main loop, and again
 * whenever the store saves. */

/* The history can grow long; the newest changes are what a manager looks
 * for here. */
#define MAX_HISTORY_ROWS 200

struct _LsCaseView
{
  AdwBin parent_instance;

  LsContext *context;
  /* The context's, kept for the many places that use them. */
  LsStore *store;
  LsOrganisation *organisation;
  gulong changed_id;

  char *uuid;
  LsCase *lcase;
  /* The routines say who holds each step and who substitutes; read with
   * the case, since a new decision changes what the case lacks. */
  LsPeopleRegister *register_;
  GListStore *requirements;
  GCancellable *cancellable;

  GtkStack *stack;
  GtkSpinner *spinner;
  GtkScrolledWindow *scrolled_window;
  GtkLabel *regno_label;
  GtkLabel *status_label;
  GtkLabel *kind_label;
  GtkWidget *report_button;
  GtkLabel *report_label;
  GtkWidget *investigate_button;
  GtkWidget *notify_button;
  AdwActionRow *unit_row;
  AdwActionRow *category_row;
  AdwActionRow *received_row;
  AdwActionRow *reporter_row;
  AdwActionRow *occurred_row;
  AdwActionRow *description_row;
  AdwActionRow *consequences_row;
  AdwActionRow *deadline_row;
  AdwActionRow *notified_row;
  AdwActionRow *sent_row;
  AdwPreferencesGroup *individuals_group;
  GtkBox *requirements_box;
  GtkLabel *requirements_label;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *deadlines_group;
  LsCaseAttachments *attachments_group;
  LsCaseDocumentsGroup *documents_group;

  const char *status_class;
  GPtrArray *deadline_rows;
  GPtrArray *individual_rows;
  GPtrArray *requirement_groups;
  GPtrArray *history_rows;
};

G_DEFINE_FINAL_TYPE (LsCaseView, ls_case_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (LsCaseView *self);

static void
set_property_row (AdwActionRow *row, const char *value)
{
  gboolean empty = value == NULL || *value == '\0';

  adw_action_row_set_subtitle (row, empty ? _ ("Not given yet") : value);
}

/* Shown only once there is a day to show. */
static void
set_day_row (AdwActionRow *row, const char *day)
{
  g_autofree char *shown = day != NULL ? ls_dates_format_display (day) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), shown != NULL && *shown != '\0');
  adw_action_row_set_subtitle (row, shown != NULL ? shown : "");
}

static char *
dup_local_time (const char *iso)
{
  g_autoptr (GDateTime) moment = NULL;
  g_autoptr (GDateTime) local = NULL;

  moment = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  if (moment == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (moment);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* ---- Summary ------------------------------------------------------------- */

static void
render_individuals (LsCaseView *self)
{
  GListModel *individuals = G_LIST_MODEL (
      ls_report_get_individuals (ls_case_get_report (self->lcase)));
  guint n = g_list_model_get_n_items (individuals);

  ls_rows_remove (self->individuals_group, self->individual_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->individuals_group), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);
      g_autofree char *masked =
          ls_pnr_mask (ls_individual_get_personal_number (individual));
      g_autofree char *told = NULL;
      g_autofree char *subtitle = NULL;
      const char *name = ls_individual_get_name (individual);
      GtkWidget *row = adw_action_row_new ();

      if (ls_individual_get_informed_on (individual) != NULL)
        {
          g_autofree char *day = ls_dates_format_display (
              ls_individual_get_informed_on (individual));

          /* Translators: %s is a date. */
          told = g_strdup_printf (_ ("Told on %s"), day);
        }
      else
        told = g_strdup (_ ("Not yet told what happened"));

      /* A personal identity number is never shown whole on screen. */
      if (masked != NULL && *masked != '\0')
        subtitle = ls_bidi_format ("%s · %s", masked, told, NULL);
      else
        subtitle = g_strdup (told);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     name != NULL ? name
                                                  : _ ("Name not given"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (ls_individual_get_informed_on (individual) == NULL)
        {
          adw_action_row_add_suffix (
              ADW_ACTION_ROW (row),
              ls_rows_new_warning_icon (_ ("Not yet told")));
        }
      adw_preferences_group_add (self->individuals_group, row);
      g_ptr_array_add (self->individual_rows, row);
    }
}

/* A button's tooltip, and what of it is not the person's to do. */
static void
set_tooltip (GtkWidget *button,
             const char *tooltip,
             gboolean lacking,
             LsStoreRights rights)
{
  g_autofree char *text = NULL;

  if (lacking)
    text =
        g_strdup_printf ("%s\n%s", tooltip, ls_store_rights_explain (rights));
  gtk_widget_set_tooltip_text (button, text != NULL ? text : tooltip);
}

static void
update_actions (LsCaseView *self)
{
  LsCaseStatus status = ls_case_get_status (self->lcase);
  gboolean serious =
      ls_investigation_get_seriousness (
          ls_case_get_investigation (self->lcase)) == LS_SERIOUSNESS_SERIOUS;
  gboolean notified = ls_notification_get_submitted_on (
                          ls_case_get_notification (self->lcase)) != NULL;
  GtkWidget *primary = NULL;

  /* In team mode the server decides who does what: a draft is filed by a
   * receiver; the others may open the wizards, and the buttons say what
   * in them is not theirs to do. */
  LsStore *store = ls_context_get_store (self->context);
  gboolean may_file = ls_store_may (store, LS_STORE_RIGHT_FILE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.continue-report",
                                 status != LS_CASE_STATUS_DRAFT || may_file);
  set_tooltip (self->report_button, _ ("Complete or correct the report"),
               status == LS_CASE_STATUS_DRAFT && !may_file,
               LS_STORE_RIGHT_FILE);
  set_tooltip (self->investigate_button,
               _ ("Document the investigation as 5 kap. SOSFS 2011:5 asks"),
               !ls_store_may (store, LS_STORE_RIGHT_CONCLUDE),
               LS_STORE_RIGHT_CONCLUDE);
  set_tooltip (self->notify_button, _ ("Fill in the notification form for IVO"),
               !ls_store_may (store, LS_STORE_RIGHT_NOTIFY),
               LS_STORE_RIGHT_NOTIFY);
  /* A closed case is read at every step: the wizards open it read-only,
   * and its documents are printed from the documents' group. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.investigate",
                                 status != LS_CASE_STATUS_DRAFT);
  gtk_widget_action_set_enabled (
      GTK_WIDGET (self), "case.notify",
      status == LS_CASE_STATUS_REPORTED ||
          status == LS_CASE_STATUS_UNDER_INVESTIGATION ||
          status == LS_CASE_STATUS_NOTIFIED ||
          (status == LS_CASE_STATUS_CLOSED && (serious || notified)));
  gtk_label_set_text_with_mnemonic (
      self->report_label,
      status == LS_CASE_STATUS_DRAFT ? _ ("_Continue Report") : _ ("_Report"));

  /* The next step stands out. */
  switch (status)
    {
    case LS_CASE_STATUS_DRAFT:
      primary = self->report_button;
      break;
    case LS_CASE_STATUS_REPORTED:
    case LS_CASE_STATUS_UNDER_INVESTIGATION:
      primary =
          serious && !notified ? self->notify_button : self->investigate_button;
      break;
    case LS_CASE_STATUS_NOTIFIED:
      primary = self->notify_button;
      break;
    case LS_CASE_STATUS_CLOSED:
    default:
      break;
    }
  gtk_widget_remove_css_class (self->report_button, "suggested-action");
  gtk_widget_remove_css_class (self->investigate_button, "suggested-action");
  gtk_widget_remove_css_class (self->notify_button, "suggested-action");
  if (primary != NULL)
    gtk_widget_add_css_class (primary, "suggested-action");
}

static void
render_summary (LsCaseView *self)
{
  LsReport *report = ls_case_get_report (self->lcase);
  const LsChoice *status =
      ls_names_find (LS_TYPE_CASE_STATUS, ls_case_get_status (self->lcase));
  const LsChoice *kind =
      ls_names_find (LS_TYPE_CASE_KIND, ls_report_get_kind (report));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *received = NULL;
  g_autofree char *occurred = NULL;
  g_autofree char *deadline = NULL;
  const LsChoice *categories;
  const LsChoice *category;
  LsUrgency urgency;
  guint n;

  gtk_label_set_text (self->regno_label, ls_case_get_regno (self->lcase)
                                             ? ls_case_get_regno (self->lcase)
                                             : _ ("No registration number"));
  gtk_label_set_text (self->status_label,
                      ls_labels_case_status (ls_case_get_status (self->lcase)));
  /* Closed is not finished while the effect for the individual is still
   * to be followed up (IVO's third finding). */
  if (ls_follow_ups_closed_with_open (self->lcase))
    {
      guint open = ls_follow_ups_count_open (self->lcase);
      g_autofree char *text = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Closed, %u follow-up open",
                       "Closed, %u follow-ups open", open),
          open);

      gtk_label_set_text (self->status_label, text);
    }
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label),
                                 self->status_class);
  self->status_class =
      ls_labels_status_css_class (status != NULL ? status->id : NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            self->status_class);

  categories = ls_law_get_categories (&n);
  category =
      ls_law_find_choice (categories, n, ls_report_get_category (report));
  gtk_label_set_text (self->kind_label,
                      ls_labels_kind (kind != NULL ? kind->id : NULL));

  set_property_row (self->unit_row,
                    ls_labels_unit_name (self->organisation,
                                         ls_case_get_unit_id (self->lcase)));
  set_property_row (self->category_row,
                    category != NULL ? _ (category->name) : NULL);

  received = ls_dates_format_display (ls_report_get_received_at (report));
  set_property_row (self->received_row, received);
  /* The reporter's name only: who reported stays in this case. */
  set_property_row (self->reporter_row, ls_report_get_reporter_name (report));

  if (ls_report_get_occurred_unknown (report))
    occurred = g_strdup (_ ("Not known"));
  else
    occurred = ls_dates_format_display (ls_report_get_occurred_at (report));
  set_property_row (self->occurred_row, occurred);
  set_property_row (self->description_row, ls_report_get_description (report));
  set_property_row (self->consequences_row,
                    ls_report_get_consequences (report));

  deadline = ls_labels_deadline (ls_case_get_next_deadline (self->lcase), now,
                                 &urgency);
  adw_action_row_set_subtitle (
      self->deadline_row, urgency != LS_URGENCY_NONE ? deadline : _ ("None"));

  set_day_row (self->notified_row, ls_notification_get_submitted_on (
                                       ls_case_get_notification (self->lcase)));
  set_day_row (self->sent_row, ls_notification_get_investigation_sent_on (
                                   ls_case_get_notification (self->lcase)));

  render_individuals (self);
  ls_case_documents_group_show (self->documents_group, self->context,
                                self->lcase);
  update_actions (self);
}

/* ---- What the law still asks --------------------------------------------- */

static GtkWidget *
create_requirement_row (LsRequirement *requirement, GDateTime *now)
{
  GtkWidget *row = ls_rows_new_requirement (requirement, now);

  /* Routines are decided for the organisation, in Staff and Routines,
   * not in a step of the case. */
  if (g_strcmp0 (ls_requirement_get_reference (requirement),
                 ls_law_get_reference (LS_LAW_ROUTINES)) == 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.people");
      return row;
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "case.open-step");
  gtk_actionable_set_action_target (
      GTK_ACTIONABLE (row), "(uu)",
      (guint32) ls_requirement_get_step (requirement),
      (guint32) ls_requirement_get_point (requirement));
  return row;
}

static void
render_requirements (LsCaseView *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  AdwPreferencesGroup *groups[LS_N_STAGES] = { NULL };
  GListModel *requirements;
  guint n;

  for (guint i = 0; i < self->requirement_groups->len; i++)
    gtk_box_remove (self->requirements_box, self->requirement_groups->pdata[i]);
  g_ptr_array_set_size (self->requirement_groups, 0);

  g_clear_object (&self->requirements);
  self->requirements = ls_rules_check (self->lcase, self->organisation);
  /* No routines decided (7 kap. 1 §), and a step whose holder is
   * concerned by the report with nobody named to take over. */
  if (self->register_ != NULL)
    ls_people_rules_check_case (self->register_, self->lcase,
                                self->requirements);
  requirements = G_LIST_MODEL (self->requirements);
  n = g_list_model_get_n_items (requirements);

  gtk_label_set_text (
      self->requirements_label,
      n > 0 ? _ ("Choose an entry to go to the step where you can fill it in.")
            : _ ("Nothing is missing. Everything the law asks of this case is "
                 "documented."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (requirements, i);
      LsStage stage = ls_labels_requirement_stage (requirement);

      if (groups[stage] == NULL)
        groups[stage] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_add (groups[stage],
                                 create_requirement_row (requirement, now));
    }

  /* In the order of the workflow, whatever order the rules found them. */
  for (guint stage = 0; stage < LS_N_STAGES; stage++)
    {
      if (groups[stage] == NULL)
        continue;
      adw_preferences_group_set_title (groups[stage], ls_labels_stage (stage));
      gtk_box_append (self->requirements_box, GTK_WIDGET (groups[stage]));
      g_ptr_array_add (self->requirement_groups, groups[stage]);
    }
}

/* ---- History ------------------------------------------------------------- */

static GtkWidget *
create_history_row (LsCaseView *self, LsHistoryEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *field = ls_labels_history_field (entry->field);
  g_autofree char *when = dup_local_time (entry->when);
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *change = NULL;
  g_autofree char *who_when = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field);

  /* Translators: who made a change and when, "Maria Lind, 2026-03-02
   * 08:20". */
  who_when = ls_bidi_format (_ ("%s, %s"), entry->who != NULL ? entry->who : "",
                             when, NULL);

  /* The registration and a new documented item speak for themselves; the
   * item's text is in the journal, not repeated here. */
  if (g_strcmp0 (entry->field, "case") != 0 &&
      g_strcmp0 (entry->field, "investigation.journal") != 0)
    {
      old_value = ls_labels_history_value (entry->field, entry->old_value,
                                           self->organisation);
      new_value = ls_labels_history_value (entry->field, entry->new_value,
                                           self->organisation);
      if (entry->old_value == NULL)
        change = g_strdup (new_value);
      else
        /* Translators: a value before and after a change. */
        change = ls_bidi_format (_ ("%s → %s"), old_value, new_value, NULL);
      subtitle = g_strdup_printf ("%s\n%s", change, who_when);
    }
  /* A change after a conclusion or a notification says why. */
  if (entry->why != NULL)
    {
      g_autofree char *shown = g_steal_pointer (&subtitle);

      /* Translators: the change, then why it was made. */
      subtitle =
          ls_bidi_format (_ ("%s\nWhy: %s"), shown != NULL ? shown : who_when,
                          entry->why, NULL);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               subtitle != NULL ? subtitle : who_when);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 5);
  return row;
}

static void
render_history (LsCaseView *self, GPtrArray *entries)
{
  guint shown = 0;

  ls_rows_remove (self->history_group, self->history_rows);

  for (guint i = entries->len; i > 0 && shown < MAX_HISTORY_ROWS; i--, shown++)
    {
      GtkWidget *row = create_history_row (self, entries->pdata[i - 1]);

      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  if (entries->len > MAX_HISTORY_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      guint more = entries->len - MAX_HISTORY_ROWS;

      title = g_strdup_printf (
          ngettext ("And %u earlier change", "And %u earlier changes", more),
          more);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
history_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseView) self = user_data;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

  entries = ls_store_list_history_finish (LS_STORE (source), result, &error);
  if (entries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ls_toast_show (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  render_history (self, entries);
}

static void
load_history (LsCaseView *self)
{
  ls_store_list_history_async (self->store, self->uuid, self->cancellable,
                               history_loaded_cb, g_object_ref (self));
}

/* ---- Loading ------------------------------------------------------------- */

/* Every dated duty stays listed once done, with the days it was late
 * (6 kap. 2 § and the follow-ups), so a case closed late says so. */
static void
render_deadlines (LsCaseView *self)
{
  g_autoptr (GPtrArray) duties = ls_rules_list_duties (self->lcase, NULL);

  ls_rows_remove (self->deadlines_group, self->deadline_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->deadlines_group), duties->len > 0);
  for (guint i = 0; i < duties->len; i++)
    {
      LsDuty *duty = duties->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *summary = ls_duty_dup_summary (duty);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   ls_duty_get_reference (duty));
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row),
                                                TRUE);
      if (ls_duty_get_days_late (duty) > 0)
        gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (self->deadlines_group, row);
      g_ptr_array_add (self->deadline_rows, row);
    }
}

static void
render (LsCaseView *self)
{
  if (self->lcase == NULL)
    return;
  render_summary (self);
  render_requirements (self);
  render_deadlines (self);
}

static void
case_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseView) self = user_data;
  g_autoptr (GError) error = NULL;
  LsCase *lcase;

  lcase = ls_store_load_case_finish (LS_STORE (source), result, &error);
  if (lcase == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->spinner);
      ls_toast_show (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  g_clear_object (&self->lcase);
  self->lcase = lcase;
  render (self);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "case");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  load_history (self);
  {
    g_autofree char *author = ls_context_dup_author (self->context);

    ls_case_attachments_show (self->attachments_group, self->store, self->uuid,
                              author);
  }
}

/* The register first, then the case: once the case is shown, what it
 * lacks by the routines is shown with it. */
static void
people_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseView) self = user_data;
  g_autoptr (GError) error = NULL;
  LsPeopleRegister *register_;

  register_ = ls_store_load_people_finish (LS_STORE (source), result, &error);
  if (register_ == NULL &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without the register the case is still shown, with what the rules of
   * the case itself find. */
  if (register_ == NULL)
    g_debug ("The routines could not be read: %s", error->message);
  g_clear_object (&self->register_);
  self->register_ = register_;
  ls_store_load_case_async (self->store, self->uuid, self->cancellable,
                            case_loaded_cb, g_object_ref (self));
}

static void
load (LsCaseView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->uuid == NULL)
    return;
  ls_store_load_people_async (self->store, self->cancellable, people_loaded_cb,
                              g_object_ref (self));
}

static void
store_changed_cb (LsStore *store, const char *uuid, LsCaseView *self)
{
  /* Reading the case again keeps the view, its requirements and its
   * history true; a save of another case changes none of them, but an
   * import or the organisation (no uuid) may. */
  if (uuid == NULL || g_strcmp0 (uuid, self->uuid) == 0)
    load (self);
}

/* ---- Actions ------------------------------------------------------------- */

static void
open_step (LsCaseView *self, LsStep step, LsPoints point)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->lcase == NULL)
    return;
  ls_wizards_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                   self->context, self->lcase, step, point);
}

/* The first step of @stage that still lacks something. */
static gboolean
first_missing_step (LsCaseView *self,
                    LsStage stage,
                    LsStep *step,
                    LsPoints *point)
{
  GListModel *requirements = G_LIST_MODEL (self->requirements);

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (requirements, i);

      if (ls_labels_requirement_stage (requirement) == stage)
        {
          *step = ls_requirement_get_step (requirement);
          *point = ls_requirement_get_point (requirement);
          return TRUE;
        }
    }
  return FALSE;
}

static void
continue_report_action_cb (GtkWidget *widget,
                           const char *action_name,
                           GVariant *param)
{
  LsCaseView *self = LS_CASE_VIEW (widget);
  LsStep step = LS_STEP_REPORT;
  LsPoints point = 0;

  if (self->lcase != NULL)
    first_missing_step (self, LS_STAGE_REPORT, &step, &point);
  open_step (self, step, point);
}

static void
investigate_action_cb (GtkWidget *widget,
                       const char *action_name,
                       GVariant *param)
{
  LsCaseView *self = LS_CASE_VIEW (widget);
  LsStep step = LS_STEP_CONCLUSION;
  LsPoints point = 0;

  if (self->lcase == NULL)
    return;
  if (!ls_rules_investigation_begun (self->lcase))
    step = LS_STEP_INVESTIGATORS;
  else
    first_missing_step (self, LS_STAGE_INVESTIGATION, &step, &point);
  open_step (self, step, point);
}

static void
notify_action_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsCaseView *self = LS_CASE_VIEW (widget);
  LsStep step = LS_STEP_NOTIFICATION;
  LsPoints point = 0;

  if (self->lcase == NULL)
    return;
  if (ls_notification_get_submitted_on (
          ls_case_get_notification (self->lcase)) != NULL)
    first_missing_step (self, LS_STAGE_NOTIFICATION, &step, &point);
  open_step (self, step, point);
}

static void
open_step_action_cb (GtkWidget *widget,
                     const char *action_name,
                     GVariant *param)
{
  guint32 step;
  guint32 point;

  g_variant_get (param, "(uu)", &step, &point);
  open_step (LS_CASE_VIEW (widget), (LsStep) step, (LsPoints) point);
}

/* ---- GObject ------------------------------------------------------------- */

/* The organisation names the units and decides which boards must be
 * told, so the view is drawn again when Preferences save a new one. */
static void
organisation_changed_cb (LsCaseView *self)
{
  if (g_set_object (&self->organisation,
                    ls_context_get_organisation (self->context)))
    render (self);
}

static void
ls_case_view_constructed (GObject *object)
{
  LsCaseView *self = LS_CASE_VIEW (object);

  G_OBJECT_CLASS (ls_case_view_parent_class)->constructed (object);

  self->store = g_object_ref (ls_context_get_store (self->context));
  organisation_changed_cb (self);
  g_signal_connect_object (self->context, "notify::organisation",
                           G_CALLBACK (organisation_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect (self->store, "changed",
                                       G_CALLBACK (store_changed_cb), self);
}

static void
ls_case_view_dispose (GObject *object)
{
  LsCaseView *self = LS_CASE_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_CASE_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->context);
  g_clear_object (&self->lcase);
  g_clear_object (&self->register_);
  g_clear_object (&self->requirements);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->individual_rows, g_ptr_array_unref);
  g_clear_pointer (&self->deadline_rows, g_ptr_array_unref);
  g_clear_pointer (&self->requirement_groups, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_case_view_parent_class)->dispose (object);
}

static void
ls_case_view_get_property (GObject *object,
                           guint prop_id,
                           GValue *value,
                           GParamSpec *pspec)
{
  LsCaseView *self = LS_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->lcase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_case_view_set_property (GObject *object,
                           guint prop_id,
                           const GValue *value,
                           GParamSpec *pspec)
{
  LsCaseView *self = LS_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_case_view_class_init (LsCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_case_view_constructed;
  object_class->dispose = ls_case_view_dispose;
  object_class->get_property = ls_case_view_get_property;
  object_class->set_property = ls_case_view_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object (
      "context", NULL, NULL, LS_TYPE_CONTEXT,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LsCaseView:case: (nullable)
   *
   * The case shown, as last loaded.
   */
  properties[PROP_CASE] = g_param_spec_object (
      "case", NULL, NULL, LS_TYPE_CASE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, regno_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, status_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        report_button);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, report_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        investigate_button);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        notify_button);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, category_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, received_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, reporter_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, occurred_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        description_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        consequences_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, notified_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView, sent_row);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        attachments_group);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        documents_group);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        individuals_group);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        requirements_box);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        requirements_label);
  gtk_widget_class_bind_template_child (widget_class, LsCaseView,
                                        history_group);

  gtk_widget_class_install_action (widget_class, "case.continue-report", NULL,
                                   continue_report_action_cb);
  gtk_widget_class_install_action (widget_class, "case.investigate", NULL,
                                   investigate_action_cb);
  gtk_widget_class_install_action (widget_class, "case.notify", NULL,
                                   notify_action_cb);
  gtk_widget_class_install_action (widget_class, "case.open-step", "(uu)",
                                   open_step_action_cb);
}

static void
ls_case_view_init (LsCaseView *self)
{
  g_type_ensure (LS_TYPE_CASE_ATTACHMENTS);
  g_type_ensure (LS_TYPE_CASE_DOCUMENTS_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin owns its child, and disposes it. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->individual_rows = g_ptr_array_new ();
  self->deadline_rows = g_ptr_array_new ();
  self->requirement_groups = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
}

LsCaseView *
ls_case_view_new (LsContext *context)
{
  g_return_val_if_fail (LS_IS_CONTEXT (context), NULL);

  return g_object_new (LS_TYPE_CASE_VIEW, "context", context, NULL);
}

/**
 * ls_case_view_show_case:
 * @uuid: (nullable): the case to show
 */
void
ls_case_view_show_case (LsCaseView *self, const char *uuid)
{
  g_return_if_fail (LS_IS_CASE_VIEW (self));

  if (g_strcmp0 (self->uuid, uuid) == 0 && self->lcase != NULL)
    return;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  g_clear_object (&self->lcase);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  /* A new case starts at its top. */
  gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  load (self);
}

const char *
ls_case_view_get_uuid (LsCaseView *self)
{
  g_return_val_if_fail (LS_IS_CASE_VIEW (self), NULL);

  return self->uuid;
}

/**
 * ls_case_view_get_case:
 *
 * Returns: (transfer none) (nullable): the case as last loaded
 */
LsCase *
ls_case_view_get_case (LsCaseView *self)
{
  g_return_val_if_fail (LS_IS_CASE_VIEW (self), NULL);

  return self->lcase;
}
