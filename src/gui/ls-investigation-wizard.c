/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-investigation-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-action.h"
#include "ls-case-saver.h"
#include "ls-case-summary.h"
#include "ls-cause.h"
#include "ls-date-row.h"
#include "ls-enum-types.h"
#include "ls-individual.h"
#include "ls-investigation-wizard.h"
#include "ls-investigator.h"
#include "ls-item-list.h"
#include "ls-journal-item-dialog.h"
#include "ls-journal-view.h"
#include "ls-labels.h"
#include "ls-law.h"
#include "ls-model.h"
#include "ls-pnr.h"
#include "ls-requirement.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-text-field.h"
#include "ls-wizards.h"

/* The investigation, step by step as 5 kap. SOSFS 2011:5 lays it out: who
 * investigates, the seven points every investigation must show, each with
 * what the report already says and the items documented on it, then the
 * actions, what else emerged, telling the individual, what the
 * organisation learns, and the conclusion.  The conclusion can be
 * recorded only when nothing the law asks is missing; the wizard lists
 * what is, each line leading to its step.  Everything is saved at every
 * step; documented items are only ever added. */

#define N_POINTS 7
#define N_FACT_POINTS 4
#define SIMILAR_LIMIT 8

struct _LsInvestigationWizard
{
  AdwWindow parent_instance;

  LsStore *store;
  LsOrganisation *organisation;
  GSettings *settings;
  LsCase *lcase;
  LsCaseSaver *saver;
  GCancellable *cancellable;
  GCancellable *similar_cancellable;
  char *author;
  char *author_title;

  gboolean loading;
  gboolean closing;
  gboolean may_close;
  gboolean finishing;
  gboolean pending_step_set;
  LsStep pending_step;
  LsPoints pending_point;
  gboolean handing_over;
  LsStep handover_step;
  gboolean similar_searched;

  GPtrArray *fact_rows;     /* rows of the facts groups, with their group */
  GPtrArray *similar_rows;  /* rows of earlier cases */
  GPtrArray *informing;     /* per individual: its group */
  GPtrArray *informed_rows; /* per individual: the date row */
  GPtrArray *informed_how;  /* per individual: the how row */
  GPtrArray *missing_rows;

  AdwWindowTitle *window_title;
  GtkButton *back_button;
  GtkButton *next_button;
  GtkProgressBar *progress_bar;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;

  LsItemList *investigators_list;
  LsDateRow *started_row;
  AdwPreferencesGroup *point_facts[N_FACT_POINTS];
  LsJournalView *point_journal[N_POINTS];
  LsItemList *causes_list;
  AdwActionRow *similar_no_row;
  GtkCheckButton *similar_no_check;
  GtkCheckButton *similar_yes_check;
  AdwPreferencesGroup *explanation_group;
  LsTextField *similar_explanation_field;
  AdwPreferencesGroup *similar_cases_group;
  LsTextField *recurrence_field;
  AdwPreferencesGroup *immediate_group;
  LsItemList *remedial_list;
  LsTextField *other_findings_field;
  LsItemList *preventive_list;
  AdwPreferencesGroup *informing_group;
  LsTextField *lessons_field;
  AdwPreferencesGroup *missing_group;
  AdwPreferencesGroup *conclusion_text_group;
  LsTextField *conclusion_field;
  AdwPreferencesGroup *decision_group;
  LsDateRow *concluded_row;
  AdwEntryRow *decided_by_row;
  AdwEntryRow *decided_title_row;
  AdwPreferencesGroup *serious_group;
  AdwActionRow *not_serious_row;
  GtkCheckButton *not_serious_check;
  GtkCheckButton *serious_check;
  AdwPreferencesGroup *notify_group;
};

G_DEFINE_FINAL_TYPE (LsInvestigationWizard,
                     ls_investigation_wizard,
                     ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ORGANISATION,
  PROP_CASE,
  PROP_SETTINGS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const page_names[] = {
  "investigators", "point-1",     "point-2", "point-3",    "point-4",
  "point-5",       "point-6",     "point-7", "remedial",   "other-findings",
  "preventive",    "individuals", "lessons", "conclusion",
};

G_STATIC_ASSERT (G_N_ELEMENTS (page_names) == LS_INVESTIGATION_WIZARD_N_PAGES);

static const LsPoints page_points[N_POINTS] = {
  LS_POINT_WHAT_HAPPENED, LS_POINT_RECEIVED, LS_POINT_NOTICED,
  LS_POINT_OCCURRED,      LS_POINT_CAUSES,   LS_POINT_SIMILAR_BEFORE,
  LS_POINT_RECURRENCE,
};

#define ROW_GROUP_KEY "ls-group"
#define STEP_KEY "ls-step"
#define POINT_KEY "ls-point"
#define UUID_KEY "ls-uuid"

/* ---- The items of the lists ------------------------------------------ */

static const LsItemField investigator_fields[] = {
  { "name", LS_ITEM_FIELD_TEXT, N_ ("_Name"), LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "title", LS_ITEM_FIELD_TEXT, N_ ("_Title or role"), LS_ITEM_FIELD_OPTIONAL,
    NULL, 0 },
  { "competence", LS_ITEM_FIELD_LONG_TEXT,
    N_ ("Co_mpetence, such as training in event analysis"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
};

static LsItemField cause_fields[] = {
  { "category", LS_ITEM_FIELD_CHOICE, N_ ("_Kind of cause"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "description", LS_ITEM_FIELD_LONG_TEXT,
    N_ ("_What in the way the work is done led to it"), LS_ITEM_FIELD_REQUIRED,
    NULL, 0 },
};

static const LsItemField remedial_fields[] = {
  { "description", LS_ITEM_FIELD_LONG_TEXT, N_ ("_What was done"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "taken-at", LS_ITEM_FIELD_WHEN, N_ ("W_hen, day and time"),
    LS_ITEM_FIELD_REQUIRED | LS_ITEM_FIELD_NOT_FUTURE, NULL, 0 },
  { "responsible", LS_ITEM_FIELD_TEXT, N_ ("_By whom"), LS_ITEM_FIELD_OPTIONAL,
    NULL, 0 },
};

static const LsItemField preventive_fields[] = {
  { "description", LS_ITEM_FIELD_LONG_TEXT, N_ ("_What is done"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "responsible", LS_ITEM_FIELD_TEXT, N_ ("_Responsible"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "due-on", LS_ITEM_FIELD_DATE, N_ ("_Done by"), LS_ITEM_FIELD_OPTIONAL, NULL,
    0 },
  { "status", LS_ITEM_FIELD_ENUM, N_ ("S_tatus"), LS_ITEM_FIELD_OPTIONAL, NULL,
    0 },
  { "follow-up-on", LS_ITEM_FIELD_DATE, N_ ("_Follow up on, whether it helped"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
  { "effect", LS_ITEM_FIELD_LONG_TEXT, N_ ("_Effect for the individual"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
  { "individual-asked", LS_ITEM_FIELD_BOOLEAN,
    N_ ("The individual or next of kin was _asked"), LS_ITEM_FIELD_OPTIONAL,
    NULL, 0 },
};

static char *
describe_investigator (GObject *item, char **subtitle)
{
  LsInvestigator *investigator = LS_INVESTIGATOR (item);
  const char *title = ls_investigator_get_title (investigator);
  const char *competence = ls_investigator_get_competence (investigator);

  if (title != NULL && competence != NULL)
    *subtitle = g_strdup_printf ("%s · %s", title, competence);
  else if (title != NULL || competence != NULL)
    *subtitle = g_strdup (title != NULL ? title : competence);
  return g_strdup (ls_investigator_get_name (investigator));
}

static GObject *
create_investigator (gpointer user_data)
{
  return G_OBJECT (ls_investigator_new ());
}

static char *
describe_cause (GObject *item, char **subtitle)
{
  LsCause *cause = LS_CAUSE (item);
  const LsChoice *categories;
  const LsChoice *category;
  guint n_categories;

  categories = ls_law_get_cause_categories (&n_categories);
  category = ls_law_find_choice (categories, n_categories,
                                 ls_cause_get_category (cause));
  *subtitle = g_strdup (ls_cause_get_description (cause));
  return g_strdup (category != NULL ? _ (category->name) : "");
}

static GObject *
create_cause (gpointer user_data)
{
  return G_OBJECT (ls_cause_new ());
}

static GObject *
create_remedial_action (gpointer user_data)
{
  LsAction *action = ls_action_new ();

  ls_action_set_kind (action, LS_ACTION_KIND_REMEDIAL);
  ls_action_set_status (action, LS_ACTION_STATUS_DONE);
  return G_OBJECT (action);
}

static char *
describe_preventive (GObject *item, char **subtitle)
{
  LsAction *action = LS_ACTION (item);
  g_autoptr (GString) out = g_string_new (NULL);

  if (ls_action_get_responsible (action) != NULL)
    g_string_append (out, ls_action_get_responsible (action));
  if (ls_action_get_due_on (action) != NULL)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      /* Translators: %s is a day by which an action is to be done. */
      g_string_append_printf (out, _ ("by %s"), ls_action_get_due_on (action));
    }
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, ls_labels_value (LS_TYPE_ACTION_STATUS,
                                         ls_action_get_status (action)));
  if (ls_action_get_follow_up_on (action) != NULL)
    /* Translators: %s is the day of a follow-up. */
    g_string_append_printf (out, " · %s",
                            ls_action_get_effect (action) != NULL
                                ? _ ("followed up")
                                : ls_action_get_follow_up_on (action));
  *subtitle = g_string_free (g_steal_pointer (&out), FALSE);
  return g_strdup (ls_action_get_description (action));
}

static GObject *
create_preventive_action (gpointer user_data)
{
  LsAction *action = ls_action_new ();

  ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
  ls_action_set_status (action, LS_ACTION_STATUS_PLANNED);
  return G_OBJECT (action);
}

static const LsItemListSpec investigators_spec = {
  investigator_fields,
  G_N_ELEMENTS (investigator_fields),
  describe_investigator,
  create_investigator,
  NULL,
};

static LsItemListSpec causes_spec = {
  cause_fields, G_N_ELEMENTS (cause_fields), describe_cause, create_cause, NULL,
};

static const LsItemListSpec remedial_spec = {
  remedial_fields,
  G_N_ELEMENTS (remedial_fields),
  ls_wizards_describe_action,
  create_remedial_action,
  NULL,
};

static const LsItemListSpec preventive_spec = {
  preventive_fields,
  G_N_ELEMENTS (preventive_fields),
  describe_preventive,
  create_preventive_action,
  NULL,
};

/* ---- Showing the case ------------------------------------------------- */

static void
add_fact (LsInvestigationWizard *self,
          AdwPreferencesGroup *group,
          const char *title,
          const char *value)
{
  GtkWidget *row = ls_rows_new_property (
      title,
      value != NULL && *value != '\0' ? value : _ ("Not given in the report"));

  g_object_set_data (G_OBJECT (row), ROW_GROUP_KEY, group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->fact_rows, row);
}

static char *
dup_individuals_text (LsReport *report)
{
  GListModel *individuals = G_LIST_MODEL (ls_report_get_individuals (report));
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (individuals); i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);

      if (out->len > 0)
        g_string_append (out, "\n");
      g_string_append (out, ls_individual_get_name (individual) != NULL
                                ? ls_individual_get_name (individual)
                                : "");
      if (ls_individual_get_personal_number (individual) != NULL)
        {
          g_autofree char *masked =
              ls_pnr_mask (ls_individual_get_personal_number (individual));

          g_string_append_printf (out, " (%s)", masked);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the report says, beside the points it answers. */
static void
fill_facts (LsInvestigationWizard *self)
{
  LsReport *report = ls_case_get_report (self->lcase);
  GListModel *immediate =
      G_LIST_MODEL (ls_report_get_immediate_actions (report));
  g_autofree char *individuals = dup_individuals_text (report);
  g_autofree char *received =
      ls_dates_format_display (ls_report_get_received_at (report));
  g_autofree char *noticed =
      ls_dates_format_display (ls_report_get_noticed_at (report));
  g_autofree char *occurred = NULL;

  for (guint i = 0; i < self->fact_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->fact_rows, i);

      adw_preferences_group_remove (
          g_object_get_data (G_OBJECT (row), ROW_GROUP_KEY), row);
    }
  g_ptr_array_set_size (self->fact_rows, 0);

  if (ls_report_get_occurred_unknown (report))
    occurred = g_strdup (_ ("Not known"));
  else
    occurred = ls_dates_format_display (ls_report_get_occurred_at (report));

  add_fact (self, self->point_facts[0], _ ("What happened"),
            ls_report_get_description (report));
  add_fact (self, self->point_facts[0], _ ("Consequences"),
            ls_report_get_consequences (report));
  add_fact (self, self->point_facts[0], _ ("Individuals"), individuals);
  add_fact (self, self->point_facts[1], _ ("Received"), received);
  add_fact (self, self->point_facts[1], _ ("How"),
            ls_labels_value (LS_TYPE_RECEIVED_HOW,
                             ls_report_get_received_how (report)));
  add_fact (self, self->point_facts[1], _ ("Received by"),
            ls_report_get_received_by (report));
  add_fact (self, self->point_facts[2], _ ("Noticed"), noticed);
  add_fact (self, self->point_facts[2], _ ("How it was noticed"),
            ls_report_get_noticed_how (report));
  add_fact (self, self->point_facts[3], _ ("When it happened"), occurred);

  for (guint i = 0; i < g_list_model_get_n_items (immediate); i++)
    {
      g_autoptr (GObject) action = g_list_model_get_item (immediate, i);
      g_autofree char *when = NULL;
      g_autofree char *what = ls_wizards_describe_action (action, &when);

      /* When and by whom above, in small; what was done below. */
      add_fact (self, self->immediate_group, when, what);
    }
  if (g_list_model_get_n_items (immediate) == 0)
    add_fact (self, self->immediate_group, _ ("Immediate Actions"), NULL);
}

static void
clear_informing (LsInvestigationWizard *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (
      GTK_WIDGET (self->informing_group), ADW_TYPE_PREFERENCES_PAGE));

  for (guint i = 0; i < self->informing->len; i++)
    adw_preferences_page_remove (page, g_ptr_array_index (self->informing, i));
  g_ptr_array_set_size (self->informing, 0);
  g_ptr_array_set_size (self->informed_rows, 0);
  g_ptr_array_set_size (self->informed_how, 0);
}

/* One group per individual: when and how they were told. */
static void
fill_informing (LsInvestigationWizard *self)
{
  GListModel *individuals = G_LIST_MODEL (
      ls_report_get_individuals (ls_case_get_report (self->lcase)));
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (
      GTK_WIDGET (self->informing_group), ADW_TYPE_PREFERENCES_PAGE));
  guint n = g_list_model_get_n_items (individuals);

  clear_informing (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);
      AdwPreferencesGroup *group =
          ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *date = ls_date_row_new ();
      GtkWidget *how = adw_entry_row_new ();

      adw_preferences_group_set_title (
          group, ls_individual_get_name (individual) != NULL
                     ? ls_individual_get_name (individual)
                     : _ ("The individual"));
      if (ls_individual_get_personal_number (individual) != NULL)
        {
          g_autofree char *masked =
              ls_pnr_mask (ls_individual_get_personal_number (individual));

          adw_preferences_group_set_description (group, masked);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date),
                                     _ ("_Told on"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (date), TRUE);
      g_object_set (date, "not-future", TRUE, NULL);
      ls_date_row_set_value (LS_DATE_ROW (date),
                             ls_individual_get_informed_on (individual));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (how),
                                     _ ("_How, and by whom"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (how), TRUE);
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (how), TRUE);
      ls_rows_set_text (how, ls_individual_get_informed_how (individual));
      adw_preferences_group_add (group, date);
      adw_preferences_group_add (group, how);
      adw_preferences_page_add (page, group);
      g_ptr_array_add (self->informing, group);
      g_ptr_array_add (self->informed_rows, date);
      g_ptr_array_add (self->informed_how, how);
    }
  adw_preferences_group_set_description (
      self->informing_group,
      n > 0 ? _ ("The individual concerned, or their next of kin, should "
                 "always be told what happened (general advice to 5 kap. "
                 "SOSFS 2011:5). Write when and how.")
            : _ ("The report names no individual. Add them in the report "
                 "first: the investigation needs to say whom it concerns."));
}

static void
update_similar_explanation (LsInvestigationWizard *self)
{
  gtk_widget_set_visible (
      GTK_WIDGET (self->explanation_group),
      gtk_check_button_get_active (self->similar_yes_check));
}

static void
update_notify (LsInvestigationWizard *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->notify_group),
                          gtk_check_button_get_active (self->serious_check));
}

static void update_page (LsInvestigationWizard *self);

static void
update_titles (LsInvestigationWizard *self)
{
  g_autofree char *title = NULL;

  if (ls_case_get_regno (self->lcase) != NULL)
    /* Translators: the window title; %s is a registration number. */
    title = g_strdup_printf (_ ("Investigation %s"),
                             ls_case_get_regno (self->lcase));
  else
    title = g_strdup (_ ("Investigation"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  update_page (self);
}

static void
populate (LsInvestigationWizard *self)
{
  LsInvestigation *inv = ls_case_get_investigation (self->lcase);
  g_autofree char *today = ls_dates_dup_today (NULL);
  LsSimilarBefore similar = ls_investigation_get_similar_before (inv);
  LsSeriousness seriousness = ls_investigation_get_seriousness (inv);

  ls_item_list_bind (self->investigators_list,
                     ls_investigation_get_investigators (inv),
                     &investigators_spec, self);
  /* Opening the investigation is starting it. */
  ls_date_row_set_value (self->started_row,
                         ls_investigation_get_started_on (inv) != NULL
                             ? ls_investigation_get_started_on (inv)
                             : today);
  for (guint i = 0; i < N_POINTS; i++)
    ls_journal_view_bind (self->point_journal[i],
                          ls_investigation_get_journal (inv));
  fill_facts (self);

  ls_item_list_bind (self->causes_list, ls_investigation_get_causes (inv),
                     &causes_spec, self);
  gtk_check_button_set_active (self->similar_no_check,
                               similar == LS_SIMILAR_BEFORE_NO);
  gtk_check_button_set_active (self->similar_yes_check,
                               similar == LS_SIMILAR_BEFORE_YES);
  ls_text_field_set_text (self->similar_explanation_field,
                          ls_investigation_get_similar_explanation (inv));
  update_similar_explanation (self);
  ls_text_field_set_text (self->recurrence_field,
                          ls_investigation_get_recurrence (inv));

  ls_item_list_bind (self->remedial_list,
                     ls_investigation_get_remedial_actions (inv),
                     &remedial_spec, self);
  ls_text_field_set_text (self->other_findings_field,
                          ls_investigation_get_other_findings (inv));
  ls_item_list_bind (self->preventive_list,
                     ls_investigation_get_preventive_actions (inv),
                     &preventive_spec, self);
  fill_informing (self);
  ls_text_field_set_text (self->lessons_field,
                          ls_case_get_lessons_learned (self->lcase));

  ls_text_field_set_text (self->conclusion_field,
                          ls_investigation_get_conclusion (inv));
  ls_date_row_set_value (self->concluded_row,
                         ls_investigation_get_concluded_on (inv) != NULL
                             ? ls_investigation_get_concluded_on (inv)
                             : today);
  ls_rows_set_text (GTK_WIDGET (self->decided_by_row),
                    ls_investigation_get_decided_by (inv) != NULL
                        ? ls_investigation_get_decided_by (inv)
                        : self->author);
  ls_rows_set_text (GTK_WIDGET (self->decided_title_row),
                    ls_investigation_get_decided_by_title (inv) != NULL
                        ? ls_investigation_get_decided_by_title (inv)
                        : self->author_title);
  gtk_check_button_set_active (self->not_serious_check,
                               seriousness == LS_SERIOUSNESS_NOT_SERIOUS);
  gtk_check_button_set_active (self->serious_check,
                               seriousness == LS_SERIOUSNESS_SERIOUS);
  update_notify (self);
  update_titles (self);
  self->similar_searched = FALSE;
}

/* ---- Earlier similar cases ------------------------------------------- */

typedef struct
{
  char *uuid;
  GStrv linked;
} SimilarQuery;

static void
similar_query_free (SimilarQuery *query)
{
  g_free (query->uuid);
  g_strfreev (query->linked);
  g_free (query);
}

static gboolean
summaries_have (GPtrArray *rows, const char *uuid)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (ls_case_summary_get_uuid (g_ptr_array_index (rows, i)),
                   uuid) == 0)
      return TRUE;
  return FALSE;
}

/* Linked cases that the search does not rank high any more are shown all
 * the same, so that a link is never dropped unseen. */
static void
similar_thread (GTask *task,
                gpointer source_object,
                gpointer task_data,
                GCancellable *cancellable)
{
  SimilarQuery *query = task_data;
  LsStore *store = source_object;
  GError *error = NULL;
  GPtrArray *rows;

  rows =
      ls_store_find_similar_cases (store, query->uuid, SIMILAR_LIMIT, &error);
  if (rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; query->linked != NULL && query->linked[i] != NULL; i++)
    {
      g_autoptr (LsCase) linked = NULL;
      g_autoptr (GEnumClass) klass = NULL;
      g_autofree char *title = NULL;
      GEnumValue *status;

      if (summaries_have (rows, query->linked[i]))
        continue;
      linked = ls_store_load_case (store, query->linked[i], NULL);
      if (linked == NULL)
        continue;
      klass = g_type_class_ref (LS_TYPE_CASE_STATUS);
      status = g_enum_get_value (klass, ls_case_get_status (linked));
      title = ls_case_dup_title (linked);
      g_ptr_array_add (
          rows,
          ls_case_summary_new (
              ls_case_get_uuid (linked), ls_case_get_regno (linked),
              status != NULL ? status->value_nick : NULL, NULL, NULL, title,
              ls_report_get_received_at (ls_case_get_report (linked)), NULL,
              NULL));
    }
  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
add_similar_message (LsInvestigationWizard *self,
                     const char *message,
                     gboolean busy)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  if (busy)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
    }
  adw_preferences_group_add (self->similar_cases_group, row);
  g_ptr_array_add (self->similar_rows, row);
}

static void
similar_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsInvestigationWizard *self = user_data;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  const char *const *linked;

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ls_rows_remove (self->similar_cases_group, self->similar_rows);
  if (rows == NULL)
    {
      g_autofree char *text = g_strdup_printf (
          _ ("Earlier cases could not be searched: %s"), error->message);

      add_similar_message (self, text, FALSE);
      return;
    }
  if (rows->len == 0)
    {
      add_similar_message (self,
                           _ ("No earlier case shares enough words with this "
                              "one."),
                           FALSE);
      return;
    }

  linked = ls_investigation_get_linked_cases (
      ls_case_get_investigation (self->lcase));
  for (guint i = 0; i < rows->len; i++)
    {
      LsCaseSummary *summary = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *received =
          ls_dates_format_display (ls_case_summary_get_received_at (summary));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *label = NULL;

      title = g_strdup_printf ("%s · %s",
                               ls_case_summary_get_regno (summary) != NULL
                                   ? ls_case_summary_get_regno (summary)
                                   : "",
                               ls_case_summary_get_title (summary) != NULL
                                   ? ls_case_summary_get_title (summary)
                                   : "");
      /* Translators: "Received 2026-01-10 · Closed". */
      subtitle = g_strdup_printf (
          _ ("Received %s · %s"), received,
          ls_labels_status (ls_case_summary_get_status (summary)));
      /* Translators: the accessible name of a check box; %s is a
       * registration number. */
      label = g_strdup_printf (_ ("Link case %s"),
                               ls_case_summary_get_regno (summary) != NULL
                                   ? ls_case_summary_get_regno (summary)
                                   : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_check_button_set_active (
          GTK_CHECK_BUTTON (check),
          linked != NULL &&
              g_strv_contains (linked, ls_case_summary_get_uuid (summary)));
      g_object_set_data_full (G_OBJECT (row), UUID_KEY,
                              g_strdup (ls_case_summary_get_uuid (summary)),
                              g_free);
      g_object_set_data (G_OBJECT (row), "ls-check", check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->similar_cases_group, row);
      g_ptr_array_add (self->similar_rows, row);
    }
}

static void
search_similar (LsInvestigationWizard *self)
{
  g_autoptr (GTask) task = NULL;
  SimilarQuery *query;

  if (self->similar_searched || self->loading)
    return;
  self->similar_searched = TRUE;

  g_cancellable_cancel (self->similar_cancellable);
  g_clear_object (&self->similar_cancellable);
  self->similar_cancellable = g_cancellable_new ();

  ls_rows_remove (self->similar_cases_group, self->similar_rows);
  add_similar_message (self, _ ("Looking for earlier cases…"), TRUE);

  query = g_new0 (SimilarQuery, 1);
  query->uuid = g_strdup (ls_case_get_uuid (self->lcase));
  query->linked = g_strdupv ((char **) ls_investigation_get_linked_cases (
      ls_case_get_investigation (self->lcase)));
  task = g_task_new (self->store, self->similar_cancellable, similar_cb, self);
  g_task_set_source_tag (task, search_similar);
  g_task_set_task_data (task, query, (GDestroyNotify) similar_query_free);
  g_task_run_in_thread (task, similar_thread);
}

/* Which earlier cases are linked: those ticked, and, while the search has
 * not come back, those linked before. */
static GStrv
dup_linked (LsInvestigationWizard *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  gboolean shown = FALSE;

  for (guint i = 0; i < self->similar_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->similar_rows, i);
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "ls-check");

      if (check == NULL)
        continue;
      shown = TRUE;
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_strv_builder_add (builder,
                            g_object_get_data (G_OBJECT (row), UUID_KEY));
    }
  if (!shown)
    {
      const char *const *linked = ls_investigation_get_linked_cases (
          ls_case_get_investigation (self->lcase));

      if (linked != NULL)
        g_strv_builder_addv (builder, (const char **) linked);
    }
  return g_strv_builder_end (builder);
}

/* ---- Reading the pages ------------------------------------------------ */

typedef enum
{
  READ_LENIENT,
  READ_STRICT,
} ReadMode;

static gboolean
read_investigators (LsInvestigationWizard *self,
                    LsCase *target,
                    GDateTime *now,
                    GtkWidget **first_bad)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *started = NULL;

  if (!ls_date_row_read (self->started_row, now, &started, &error))
    return ls_row_mark_bad (GTK_WIDGET (self->started_row), error->message,
                            first_bad);
  ls_investigation_set_started_on (ls_case_get_investigation (target), started);
  return TRUE;
}

static gboolean
read_similar (LsInvestigationWizard *self, LsCase *target)
{
  LsInvestigation *inv = ls_case_get_investigation (target);
  g_autofree char *explanation =
      ls_text_field_dup_text (self->similar_explanation_field);
  g_auto (GStrv) linked = dup_linked (self);
  LsSimilarBefore similar = LS_SIMILAR_BEFORE_UNKNOWN;

  if (gtk_check_button_get_active (self->similar_no_check))
    similar = LS_SIMILAR_BEFORE_NO;
  else if (gtk_check_button_get_active (self->similar_yes_check))
    similar = LS_SIMILAR_BEFORE_YES;
  ls_investigation_set_similar_before (inv, similar);
  ls_investigation_set_similar_explanation (inv, explanation);
  ls_investigation_set_linked_cases (inv, (const char *const *) linked);
  return TRUE;
}

static gboolean
read_informing (LsInvestigationWizard *self,
                LsCase *target,
                GDateTime *now,
                GtkWidget **first_bad)
{
  GListModel *individuals =
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (target)));
  gboolean ok = TRUE;

  for (guint i = 0; i < self->informed_rows->len &&
                    i < g_list_model_get_n_items (individuals);
       i++)
    {
      g_autoptr (LsIndividual) individual =
          g_list_model_get_item (individuals, i);
      LsDateRow *date = g_ptr_array_index (self->informed_rows, i);
      g_autoptr (GError) error = NULL;
      g_autofree char *day = NULL;
      g_autofree char *how =
          ls_rows_dup_text (g_ptr_array_index (self->informed_how, i));

      if (ls_date_row_read (date, now, &day, &error))
        ls_individual_set_informed_on (individual, day);
      else
        ok = ls_row_mark_bad (GTK_WIDGET (date), error->message, first_bad);
      ls_individual_set_informed_how (individual, how);
    }
  return ok;
}

/* The conclusion is a decision: its date and whether it is serious are
 * recorded only when the investigation is concluded, so that a draft of
 * the text never closes the case by itself. */
static gboolean
read_conclusion (LsInvestigationWizard *self,
                 LsCase *target,
                 GDateTime *now,
                 ReadMode mode,
                 GtkWidget **first_bad)
{
  LsInvestigation *inv = ls_case_get_investigation (target);
  g_autofree char *conclusion = ls_text_field_dup_text (self->conclusion_field);
  g_autofree char *decided_by =
      ls_rows_dup_text (GTK_WIDGET (self->decided_by_row));
  g_autofree char *decided_title =
      ls_rows_dup_text (GTK_WIDGET (self->decided_title_row));
  g_autofree char *concluded = NULL;
  g_autoptr (GError) error = NULL;
  LsSeriousness seriousness = LS_SERIOUSNESS_UNDECIDED;
  gboolean ok = TRUE;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->conclusion_text_group)))
    return TRUE;

  if (gtk_check_button_get_active (self->not_serious_check))
    seriousness = LS_SERIOUSNESS_NOT_SERIOUS;
  else if (gtk_check_button_get_active (self->serious_check))
    seriousness = LS_SERIOUSNESS_SERIOUS;

  if (!ls_date_row_read (self->concluded_row, now, &concluded, &error))
    ok = ls_row_mark_bad (GTK_WIDGET (self->concluded_row), error->message,
                          first_bad);
  if (mode == READ_STRICT)
    {
      if (conclusion == NULL)
        ok = ls_row_mark_bad (GTK_WIDGET (self->conclusion_field),
                              _ ("Write the conclusion."), first_bad);
      if (concluded == NULL && error == NULL)
        ok = ls_row_mark_bad (GTK_WIDGET (self->concluded_row),
                              _ ("Give the date."), first_bad);
      if (decided_by == NULL)
        ok = ls_row_mark_bad (GTK_WIDGET (self->decided_by_row),
                              _ ("Give who decided."), first_bad);
      if (seriousness == LS_SERIOUSNESS_UNDECIDED)
        ok = ls_row_mark_bad (GTK_WIDGET (self->not_serious_row),
                              _ ("Say whether it is serious."), first_bad);
    }

  ls_investigation_set_conclusion (inv, conclusion);
  ls_investigation_set_decided_by (inv, decided_by);
  ls_investigation_set_decided_by_title (inv, decided_title);
  if (mode == READ_STRICT && ok)
    {
      ls_investigation_set_concluded_on (inv, concluded);
      ls_investigation_set_seriousness (inv, seriousness);
    }
  return ok;
}

static gboolean
read_page (LsInvestigationWizard *self,
           LsInvestigationWizardPage page,
           LsCase *target,
           GDateTime *now,
           ReadMode mode,
           GtkWidget **first_bad)
{
  LsInvestigation *inv = ls_case_get_investigation (target);
  g_autofree char *text = NULL;

  switch (page)
    {
    case LS_INVESTIGATION_WIZARD_PAGE_INVESTIGATORS:
      return read_investigators (self, target, now, first_bad);
    case LS_INVESTIGATION_WIZARD_PAGE_POINT_6:
      return read_similar (self, target);
    case LS_INVESTIGATION_WIZARD_PAGE_POINT_7:
      text = ls_text_field_dup_text (self->recurrence_field);
      ls_investigation_set_recurrence (inv, text);
      return TRUE;
    case LS_INVESTIGATION_WIZARD_PAGE_OTHER_FINDINGS:
      text = ls_text_field_dup_text (self->other_findings_field);
      ls_investigation_set_other_findings (inv, text);
      return TRUE;
    case LS_INVESTIGATION_WIZARD_PAGE_INDIVIDUALS:
      return read_informing (self, target, now, first_bad);
    case LS_INVESTIGATION_WIZARD_PAGE_LESSONS:
      text = ls_text_field_dup_text (self->lessons_field);
      ls_case_set_lessons_learned (target, text);
      return TRUE;
    case LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION:
      return read_conclusion (self, target, now, mode, first_bad);
    case LS_INVESTIGATION_WIZARD_PAGE_POINT_1:
    case LS_INVESTIGATION_WIZARD_PAGE_POINT_2:
    case LS_INVESTIGATION_WIZARD_PAGE_POINT_3:
    case LS_INVESTIGATION_WIZARD_PAGE_POINT_4:
    case LS_INVESTIGATION_WIZARD_PAGE_POINT_5:
    case LS_INVESTIGATION_WIZARD_PAGE_REMEDIAL:
    case LS_INVESTIGATION_WIZARD_PAGE_PREVENTIVE:
    case LS_INVESTIGATION_WIZARD_N_PAGES:
    default:
      return TRUE;
    }
}

static GtkWidget *
row_of_path (LsInvestigationWizard *self, const char *path)
{
  const char *prefix = "report.individuals[";

  if (g_strcmp0 (path, "investigation.started_on") == 0)
    return GTK_WIDGET (self->started_row);
  if (g_strcmp0 (path, "investigation.concluded_on") == 0)
    return GTK_WIDGET (self->concluded_row);
  if (path != NULL && g_str_has_prefix (path, prefix) &&
      g_str_has_suffix (path, "].informed_on"))
    {
      guint64 index = g_ascii_strtoull (path + strlen (prefix), NULL, 10);

      if (index < self->informed_rows->len)
        return g_ptr_array_index (self->informed_rows, index);
    }
  return NULL;
}

static LsInvestigationWizardPage
page_of_widget (LsInvestigationWizard *self, GtkWidget *widget)
{
  for (guint i = 0; i < LS_INVESTIGATION_WIZARD_N_PAGES; i++)
    if (gtk_widget_is_ancestor (
            widget, gtk_stack_get_child_by_name (self->stack, page_names[i])))
      return i;
  return LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION;
}

static void
show_invalid (LsInvestigationWizard *self,
              const char *bad_path,
              const char *message)
{
  LsInvestigation *inv = ls_case_get_investigation (self->lcase);
  g_autoptr (GObject) item = NULL;
  GtkWidget *row = row_of_path (self, bad_path);

  if (row != NULL)
    ls_row_set_error (row, message);
  else if (ls_wizards_find_item_at (ls_investigation_get_investigators (inv),
                                    bad_path, "investigation.investigators[",
                                    &item))
    {
      ls_item_list_set_item_error (self->investigators_list, item, message);
      row = GTK_WIDGET (self->investigators_list);
    }
  else if (ls_wizards_find_item_at (ls_investigation_get_causes (inv), bad_path,
                                    "investigation.causes[", &item))
    {
      ls_item_list_set_item_error (self->causes_list, item, message);
      row = GTK_WIDGET (self->causes_list);
    }
  else if (ls_wizards_find_item_at (ls_investigation_get_remedial_actions (inv),
                                    bad_path, "investigation.remedial_actions[",
                                    &item))
    {
      ls_item_list_set_item_error (self->remedial_list, item, message);
      row = GTK_WIDGET (self->remedial_list);
    }
  else if (ls_wizards_find_item_at (
               ls_investigation_get_preventive_actions (inv), bad_path,
               "investigation.preventive_actions[", &item))
    {
      ls_item_list_set_item_error (self->preventive_list, item, message);
      row = GTK_WIDGET (self->preventive_list);
    }

  if (row == NULL ||
      page_of_widget (self, row) != ls_investigation_wizard_get_page (self))
    {
      g_autofree char *text = NULL;

      if (row != NULL)
        {
          GtkStackPage *page = gtk_stack_get_page (
              self->stack,
              gtk_stack_get_child_by_name (
                  self->stack, page_names[page_of_widget (self, row)]));

          text = g_strdup_printf (_ ("%s: %s"), gtk_stack_page_get_title (page),
                                  message);
        }
      else
        {
          /* A fault in the report is the report's to put right. */
          text = g_strdup_printf (_ ("%s: %s"), _ ("The report"), message);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}

/*
 * Puts @page into the case as far as it is good (READ_LENIENT), or only
 * when all of it is (READ_STRICT).  A fault the case had before is shown
 * where it is and does not hold this step back; nothing is saved until it
 * is put right.
 */
static gboolean
commit_page (LsInvestigationWizard *self,
             LsInvestigationWizardPage page,
             ReadMode mode)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (LsCase) candidate = ls_case_new ();
  g_autofree char *old_bad = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *first_bad = NULL;
  gboolean ok;

  ls_model_copy (G_OBJECT (candidate), G_OBJECT (self->lcase));
  ok = read_page (self, page, candidate, now, mode, &first_bad);
  ls_rules_find_invalid (self->lcase, self->organisation, now, &old_bad, NULL);
  if (!ls_rules_find_invalid (candidate, self->organisation, now, &bad_path,
                              &error))
    {
      show_invalid (self, bad_path, error->message);
      if (g_strcmp0 (bad_path, old_bad) != 0)
        {
          /* Only dates are read here, and each is checked as it is read;
           * the rules finding more is a fault of this step all the same. */
          if (first_bad == NULL)
            first_bad = row_of_path (self, bad_path);
          if (first_bad != NULL)
            gtk_widget_grab_focus (first_bad);
          return FALSE;
        }
    }
  if (first_bad != NULL)
    gtk_widget_grab_focus (first_bad);
  if (!ok && mode == READ_STRICT)
    return FALSE;
  ls_model_copy (G_OBJECT (self->lcase), G_OBJECT (candidate));
  return ok;
}

/* ---- Saving ------------------------------------------------------------ */

static gboolean
save (LsInvestigationWizard *self)
{
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) error = NULL;

  if (!ls_case_saver_save (self->saver, &bad_path, &error))
    {
      show_invalid (self, bad_path, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
list_changed_cb (LsInvestigationWizard *self)
{
  save (self);
}

static void
saver_busy_cb (LsInvestigationWizard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
notify_response_cb (AdwMessageDialog *dialog, const char *response)
{
  if (g_strcmp0 (response, "notify") != 0)
    return;
  ls_wizards_open (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                   g_object_get_data (G_OBJECT (dialog), "ls-store"),
                   g_object_get_data (G_OBJECT (dialog), "ls-organisation"),
                   g_object_get_data (G_OBJECT (dialog), "ls-case"),
                   g_object_get_data (G_OBJECT (dialog), "ls-settings"),
                   LS_STEP_NOTIFICATION, LS_POINT_NONE);
}

/* A serious conclusion calls for the notification, as soon as possible. */
static void
propose_notification (GtkWindow *parent,
                      LsStore *store,
                      LsOrganisation *organisation,
                      LsCase *lcase,
                      GSettings *settings)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      parent, _ ("Notify IVO"),
      _ ("The conclusion is that it is serious. Notify IVO as soon as "
         "possible, on IVO’s form (6 kap. 1–2 §§ SOSFS 2011:5). Tell the "
         "individual that IVO has been notified.")));

  adw_message_dialog_add_responses (dialog, "later", _ ("_Later"), "notify",
                                    _ ("_Notify IVO…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "notify",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "notify");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "ls-store", g_object_ref (store),
                          g_object_unref);
  if (organisation != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "ls-organisation",
                            g_object_ref (organisation), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "ls-case", g_object_ref (lcase),
                          g_object_unref);
  if (settings != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "ls-settings",
                            g_object_ref (settings), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (notify_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closes the window once the store has everything; then, as asked,
 * proposes the notification or hands the case to the report's steps. */
static void
leave (LsInvestigationWizard *self)
{
  g_autoptr (LsStore) store = g_object_ref (self->store);
  g_autoptr (LsOrganisation) organisation =
      self->organisation != NULL ? g_object_ref (self->organisation) : NULL;
  g_autoptr (GSettings) settings =
      self->settings != NULL ? g_object_ref (self->settings) : NULL;
  g_autoptr (LsCase) lcase = g_object_ref (self->lcase);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean serious =
      self->finishing &&
      ls_investigation_get_seriousness (ls_case_get_investigation (lcase)) ==
          LS_SERIOUSNESS_SERIOUS;
  gboolean handing_over = self->handing_over;
  LsStep step = self->handover_step;

  self->may_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
  if (serious)
    propose_notification (parent, store, organisation, lcase, settings);
  else if (handing_over)
    ls_wizards_open (parent, store, organisation, lcase, settings, step,
                     LS_POINT_NONE);
}

static void
close_anyway_cb (AdwMessageDialog *dialog,
                 const char *response,
                 LsInvestigationWizard *self)
{
  if (g_strcmp0 (response, "close") != 0)
    return;
  self->finishing = FALSE;
  self->handing_over = FALSE;
  if (ls_case_saver_get_busy (self->saver))
    {
      self->closing = TRUE;
      return;
    }
  leave (self);
}

static void fill_missing (LsInvestigationWizard *self);

static void
saved_cb (LsInvestigationWizard *self)
{
  update_titles (self);
  if (ls_investigation_wizard_get_page (self) ==
      LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION)
    fill_missing (self);
  if ((self->closing || self->finishing || self->handing_over) &&
      !ls_case_saver_get_busy (self->saver))
    leave (self);
}

static void
failed_cb (LsInvestigationWizard *self, GError *error)
{
  g_autofree char *text = ls_wizards_dup_save_error (error);

  if (self->closing || self->finishing || self->handing_over)
    {
      self->closing = FALSE;
      self->handing_over = FALSE;
      if (self->finishing)
        {
          LsInvestigation *inv = ls_case_get_investigation (self->lcase);

          /* Not recorded after all: the decision waits for the next try. */
          ls_investigation_set_concluded_on (inv, NULL);
          ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_UNDECIDED);
          self->finishing = FALSE;
        }
      g_signal_connect_object (
          ls_wizards_ask_close (GTK_WINDOW (self),
                                _ ("The Investigation Could Not Be Saved"),
                                text, _ ("_Close Without Saving")),
          "response", G_CALLBACK (close_anyway_cb), self, 0);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---- The journal -------------------------------------------------------- */

static void
journal_applied_cb (LsInvestigationWizard *self, LsJournalItemDialog *dialog)
{
  g_list_store_append (
      ls_investigation_get_journal (ls_case_get_investigation (self->lcase)),
      ls_journal_item_dialog_get_item (dialog));
  save (self);
}

static void
open_journal_dialog (LsInvestigationWizard *self,
                     LsPoints points,
                     LsJournalItem *corrects)
{
  LsJournalItemDialog *dialog = ls_journal_item_dialog_new (
      GTK_WINDOW (self), points, corrects, self->author, self->author_title);

  g_signal_connect_object (dialog, "applied", G_CALLBACK (journal_applied_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
journal_add_cb (LsInvestigationWizard *self, LsJournalView *view)
{
  open_journal_dialog (self, ls_journal_view_get_point (view), NULL);
}

static void
journal_correct_cb (LsInvestigationWizard *self,
                    LsJournalItem *item,
                    LsJournalView *view)
{
  open_journal_dialog (self, ls_journal_view_get_point (view), item);
}

/* ---- Loading ---------------------------------------------------------- */

static void
set_loading (LsInvestigationWizard *self, gboolean loading)
{
  self->loading = loading;
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
take_case (LsInvestigationWizard *self, LsCase *lcase, gboolean stored)
{
  g_set_object (&self->lcase, lcase);
  ls_case_saver_set_case (self->saver, lcase, stored);
  populate (self);
}

static void show_page (LsInvestigationWizard *self,
                       LsInvestigationWizardPage page);

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsInvestigationWizard *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = NULL;

  lcase = ls_store_load_case_finish (LS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (lcase != NULL)
    take_case (self, lcase, TRUE);
  else if (!g_error_matches (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (error->message));
  set_loading (self, FALSE);
  if (self->pending_step_set)
    ls_investigation_wizard_show_step (self, self->pending_step,
                                       self->pending_point);
  else
    show_page (self, ls_investigation_wizard_get_page (self));
}

/* ---- Navigation ------------------------------------------------------- */

static LsInvestigationWizardPage
page_of_step (LsInvestigationWizard *self, LsStep step, LsPoints point)
{
  LsInvestigation *inv = ls_case_get_investigation (self->lcase);
  GListModel *remedial =
      G_LIST_MODEL (ls_investigation_get_remedial_actions (inv));

  switch (step)
    {
    case LS_STEP_INVESTIGATORS:
      return LS_INVESTIGATION_WIZARD_PAGE_INVESTIGATORS;
    case LS_STEP_JOURNAL:
      for (guint i = 0; i < N_POINTS; i++)
        if (point & page_points[i])
          return LS_INVESTIGATION_WIZARD_PAGE_POINT_1 + i;
      return LS_INVESTIGATION_WIZARD_PAGE_POINT_1;
    case LS_STEP_CAUSES:
      return LS_INVESTIGATION_WIZARD_PAGE_POINT_5;
    case LS_STEP_SIMILAR:
      return LS_INVESTIGATION_WIZARD_PAGE_POINT_6;
    case LS_STEP_RECURRENCE:
      return LS_INVESTIGATION_WIZARD_PAGE_POINT_7;
    case LS_STEP_ACTIONS:
      for (guint i = 0; i < g_list_model_get_n_items (remedial); i++)
        {
          g_autoptr (LsAction) action = g_list_model_get_item (remedial, i);

          if (ls_action_get_taken_at (action) == NULL)
            return LS_INVESTIGATION_WIZARD_PAGE_REMEDIAL;
        }
      return LS_INVESTIGATION_WIZARD_PAGE_PREVENTIVE;
    case LS_STEP_FOLLOW_UP:
      return LS_INVESTIGATION_WIZARD_PAGE_PREVENTIVE;
    case LS_STEP_OTHER_FINDINGS:
      return LS_INVESTIGATION_WIZARD_PAGE_OTHER_FINDINGS;
    case LS_STEP_INDIVIDUAL:
      return LS_INVESTIGATION_WIZARD_PAGE_INDIVIDUALS;
    case LS_STEP_CONCLUSION:
    case LS_STEP_NOTIFICATION:
    case LS_STEP_INVESTIGATION_SENT:
      return LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION;
    case LS_STEP_REPORT:
    case LS_STEP_IMMEDIATE_ACTIONS:
    case LS_STEP_BOARD_NOTICE:
    default:
      return LS_INVESTIGATION_WIZARD_PAGE_INVESTIGATORS;
    }
}

static void
update_page (LsInvestigationWizard *self)
{
  LsInvestigationWizardPage page = ls_investigation_wizard_get_page (self);
  g_autofree char *progress = NULL;
  gboolean last = page == LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION;

  progress = g_strdup_printf (_ ("Step %u of %u"), page + 1,
                              (guint) LS_INVESTIGATION_WIZARD_N_PAGES);
  ls_wizards_show_step_title (GTK_WINDOW (self), self->window_title,
                              self->back_button, self->stack, progress,
                              ls_case_get_regno (self->lcase));
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) (page + 1) /
                                     LS_INVESTIGATION_WIZARD_N_PAGES);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", page > 0);
  gtk_button_set_label (self->next_button,
                        last ? _ ("_Conclude") : _ ("_Next"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                               last ? _ ("Record the Conclusion and Close")
                                    : _ ("Save and Go On (Alt+Right)"));
}

static void
go_to_requirement_cb (LsInvestigationWizard *self, AdwActionRow *row)
{
  LsStep step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), STEP_KEY));
  LsPoints point =
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), POINT_KEY));

  ls_investigation_wizard_show_step (self, step, point);
}

/* What the law still asks before the conclusion, each line leading to its
 * step; the conclusion can be written only when there is nothing. */
static void
fill_missing (LsInvestigationWizard *self)
{
  g_autoptr (GListStore) requirements =
      ls_rules_check (self->lcase, self->organisation);
  gboolean can_close;
  guint n_missing = 0;

  ls_rows_remove (self->missing_group, self->missing_rows);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);
      GtkWidget *row;

      if (!ls_requirement_get_blocking (requirement))
        continue;
      row = ls_rows_new_requirement (requirement, NULL);
      g_object_set_data (
          G_OBJECT (row), STEP_KEY,
          GUINT_TO_POINTER (ls_requirement_get_step (requirement)));
      g_object_set_data (
          G_OBJECT (row), POINT_KEY,
          GUINT_TO_POINTER (ls_requirement_get_point (requirement)));
      g_signal_connect_object (row, "activated",
                               G_CALLBACK (go_to_requirement_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 ls_rows_new_warning_icon (NULL));
      adw_preferences_group_add (self->missing_group, row);
      g_ptr_array_add (self->missing_rows, row);
      n_missing++;
    }

  can_close = n_missing == 0;
  if (can_close)
    {
      GtkWidget *row =
          ls_rows_new_done (_ ("Everything the law asks for is documented."));

      adw_preferences_group_add (self->missing_group, row);
      g_ptr_array_add (self->missing_rows, row);
      adw_preferences_group_set_description (
          self->missing_group,
          _ ("You can now record the conclusion and close the "
             "investigation."));
    }
  else
    {
      adw_preferences_group_set_description (
          self->missing_group,
          _ ("The conclusion can be recorded once the law’s requirements "
             "are met. This is what is still missing; choose a line to go "
             "to its step."));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->conclusion_text_group),
                            can_close);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decision_group), can_close);
  gtk_widget_set_sensitive (GTK_WIDGET (self->serious_group), can_close);
}

static void
show_page (LsInvestigationWizard *self, LsInvestigationWizardPage page)
{
  if (page == LS_INVESTIGATION_WIZARD_PAGE_POINT_6)
    search_similar (self);
  if (page == LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION)
    fill_missing (self);
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  ls_wizards_focus_page (GTK_WINDOW (self), self->stack);
}

static void
size_changed_cb (LsInvestigationWizard *self)
{
  if (self->lcase != NULL)
    update_page (self);
}

static void
visible_page_changed_cb (LsInvestigationWizard *self)
{
  update_page (self);
}

static void
choice_toggled_cb (LsInvestigationWizard *self)
{
  if (self->similar_yes_check == NULL)
    return;
  update_similar_explanation (self);
  update_notify (self);
  ls_row_set_error (GTK_WIDGET (self->not_serious_row), NULL);
}

/* Hands the case to the report's steps, once this window's work is in
 * the store: two windows on one case would overwrite each other. */
static void
hand_over (LsInvestigationWizard *self, LsStep step)
{
  commit_page (self, ls_investigation_wizard_get_page (self), READ_LENIENT);
  self->handing_over = TRUE;
  self->handover_step = step;
  if (!save (self))
    {
      self->handing_over = FALSE;
      return;
    }
  if (!ls_case_saver_get_busy (self->saver))
    leave (self);
}

/* Recording the conclusion: only when nothing the law asks is missing,
 * and with the conclusion's every part. */
static gboolean
conclude (LsInvestigationWizard *self)
{
  g_autoptr (GError) error = NULL;
  LsInvestigationWizardPage page = LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION;

  fill_missing (self);
  if (!ls_rules_can_close (self->lcase, self->organisation, &error))
    {
      adw_toast_overlay_add_toast (
          self->toast_overlay,
          adw_toast_new (_ ("The investigation cannot be concluded yet: see "
                            "what is missing.")));
      gtk_widget_grab_focus (g_ptr_array_index (self->missing_rows, 0));
      return FALSE;
    }
  if (!commit_page (self, page, READ_STRICT))
    return FALSE;
  if (!save (self))
    return FALSE;
  self->finishing = TRUE;
  if (!ls_case_saver_get_busy (self->saver))
    leave (self);
  return TRUE;
}

static void
next_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_investigation_wizard_go_next (LS_INVESTIGATION_WIZARD (widget));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_investigation_wizard_go_back (LS_INVESTIGATION_WIZARD (widget));
}

static void
nothing_else_activated (GtkWidget *widget,
                        const char *action_name,
                        GVariant *param)
{
  LsInvestigationWizard *self = LS_INVESTIGATION_WIZARD (widget);

  ls_text_field_set_text (self->other_findings_field,
                          _ ("Nothing else emerged during the "
                             "investigation."));
}

static void
notify_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsInvestigationWizard *self = LS_INVESTIGATION_WIZARD (widget);

  commit_page (self, ls_investigation_wizard_get_page (self), READ_LENIENT);
  save (self);
  ls_wizards_open (GTK_WINDOW (self), self->store, self->organisation,
                   self->lcase, self->settings, LS_STEP_NOTIFICATION,
                   LS_POINT_NONE);
}

/* ---- The window ------------------------------------------------------- */

static gboolean
ls_investigation_wizard_close_request (GtkWindow *window)
{
  LsInvestigationWizard *self = LS_INVESTIGATION_WIZARD (window);
  gboolean good;

  if (self->may_close || self->loading)
    return GTK_WINDOW_CLASS (ls_investigation_wizard_parent_class)
        ->close_request (window);

  good =
      commit_page (self, ls_investigation_wizard_get_page (self), READ_LENIENT);
  save (self);
  if (!good)
    {
      g_signal_connect_object (
          ls_wizards_ask_close_without_step (GTK_WINDOW (self)), "response",
          G_CALLBACK (close_anyway_cb), self, 0);
      return TRUE;
    }
  if (ls_case_saver_get_busy (self->saver))
    {
      self->closing = TRUE;
      return TRUE;
    }
  return GTK_WINDOW_CLASS (ls_investigation_wizard_parent_class)
      ->close_request (window);
}

static void
ls_investigation_wizard_constructed (GObject *object)
{
  LsInvestigationWizard *self = LS_INVESTIGATION_WIZARD (object);
  g_autoptr (LsCase) copy = ls_case_new ();

  G_OBJECT_CLASS (ls_investigation_wizard_parent_class)->constructed (object);

  self->author = ls_wizards_dup_author (self->settings);
  if (self->settings != NULL)
    self->author_title =
        g_strstrip (g_settings_get_string (self->settings, "user-title"));
  if (self->author_title != NULL && *self->author_title == '\0')
    g_clear_pointer (&self->author_title, g_free);

  self->saver =
      ls_case_saver_new (self->store, self->organisation, self->author);
  g_signal_connect_object (self->saver, "notify::busy",
                           G_CALLBACK (saver_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "saved", G_CALLBACK (saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "failed", G_CALLBACK (failed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Shown at once from the copy it was given, then from the store, whose
   * journal may hold items the copy lacks and may never lose. */
  ls_model_copy (G_OBJECT (copy), G_OBJECT (self->lcase));
  take_case (self, copy, FALSE);
  set_loading (self, TRUE);
  ls_store_load_case_async (self->store, ls_case_get_uuid (copy),
                            self->cancellable, loaded_cb, self);
  update_page (self);
}

static void
ls_investigation_wizard_dispose (GObject *object)
{
  LsInvestigationWizard *self = LS_INVESTIGATION_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->similar_cancellable);
  if (self->saver != NULL)
    {
      ls_case_saver_cancel (self->saver);
      g_signal_handlers_disconnect_by_data (self->saver, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_INVESTIGATION_WIZARD);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->similar_cancellable);
  g_clear_object (&self->saver);
  g_clear_object (&self->lcase);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->author_title, g_free);
  g_clear_pointer (&self->fact_rows, g_ptr_array_unref);
  g_clear_pointer (&self->similar_rows, g_ptr_array_unref);
  g_clear_pointer (&self->informing, g_ptr_array_unref);
  g_clear_pointer (&self->informed_rows, g_ptr_array_unref);
  g_clear_pointer (&self->informed_how, g_ptr_array_unref);
  g_clear_pointer (&self->missing_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_investigation_wizard_parent_class)->dispose (object);
}

static void
ls_investigation_wizard_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  LsInvestigationWizard *self = LS_INVESTIGATION_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->lcase);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, ls_investigation_wizard_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_investigation_wizard_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  LsInvestigationWizard *self = LS_INVESTIGATION_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    case PROP_CASE:
      self->lcase = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_investigation_wizard_class_init (LsInvestigationWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ls_investigation_wizard_constructed;
  object_class->dispose = ls_investigation_wizard_dispose;
  object_class->get_property = ls_investigation_wizard_get_property;
  object_class->set_property = ls_investigation_wizard_set_property;
  window_class->close_request = ls_investigation_wizard_close_request;

  properties[PROP_STORE] = g_param_spec_object (
      "store", "Store", "Where the case is saved", LS_TYPE_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] = g_param_spec_object (
      "organisation", "Organisation", "Its kind and its units",
      LS_TYPE_ORGANISATION,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] = g_param_spec_object (
      "case", "Case", "The case investigated", LS_TYPE_CASE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object (
      "settings", "Settings", "The user's name and title", G_TYPE_SETTINGS,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean (
      "busy", "Busy", "Whether the case is being loaded or saved", FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-investigation-wizard.ui");
#define CHILD(name)                                                            \
  gtk_widget_class_bind_template_child (widget_class, LsInvestigationWizard,   \
                                        name)
#define CHILD_AT(name, member)                                                 \
  gtk_widget_class_bind_template_child_full (                                  \
      widget_class, name, FALSE,                                               \
      G_STRUCT_OFFSET (LsInvestigationWizard, member))
  CHILD (window_title);
  CHILD (back_button);
  CHILD (next_button);
  CHILD (progress_bar);
  CHILD (toast_overlay);
  CHILD (stack);
  CHILD (investigators_list);
  CHILD (started_row);
  CHILD_AT ("point1_facts", point_facts[0]);
  CHILD_AT ("point2_facts", point_facts[1]);
  CHILD_AT ("point3_facts", point_facts[2]);
  CHILD_AT ("point4_facts", point_facts[3]);
  CHILD_AT ("point1_journal", point_journal[0]);
  CHILD_AT ("point2_journal", point_journal[1]);
  CHILD_AT ("point3_journal", point_journal[2]);
  CHILD_AT ("point4_journal", point_journal[3]);
  CHILD_AT ("point5_journal", point_journal[4]);
  CHILD_AT ("point6_journal", point_journal[5]);
  CHILD_AT ("point7_journal", point_journal[6]);
  CHILD (causes_list);
  CHILD (similar_no_row);
  CHILD (similar_no_check);
  CHILD (similar_yes_check);
  CHILD (explanation_group);
  CHILD (similar_explanation_field);
  CHILD (similar_cases_group);
  CHILD (recurrence_field);
  CHILD (immediate_group);
  CHILD (remedial_list);
  CHILD (other_findings_field);
  CHILD (preventive_list);
  CHILD (informing_group);
  CHILD (lessons_field);
  CHILD (missing_group);
  CHILD (conclusion_text_group);
  CHILD (conclusion_field);
  CHILD (decision_group);
  CHILD (concluded_row);
  CHILD (decided_by_row);
  CHILD (decided_title_row);
  CHILD (serious_group);
  CHILD (not_serious_row);
  CHILD (not_serious_check);
  CHILD (serious_check);
  CHILD (notify_group);
#undef CHILD
#undef CHILD_AT
  gtk_widget_class_bind_template_callback (widget_class,
                                           visible_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL,
                                   next_activated);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL,
                                   back_activated);
  gtk_widget_class_install_action (widget_class, "wizard.nothing-else", NULL,
                                   nothing_else_activated);
  gtk_widget_class_install_action (widget_class, "wizard.notify", NULL,
                                   notify_activated);
  ls_wizards_add_bindings (widget_class);
}

static void
ls_investigation_wizard_init (LsInvestigationWizard *self)
{
  const LsChoice *categories;
  guint n_categories;

  g_type_ensure (LS_TYPE_DATE_ROW);
  g_type_ensure (LS_TYPE_ITEM_LIST);
  g_type_ensure (LS_TYPE_JOURNAL_VIEW);
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::default-width", G_CALLBACK (size_changed_cb),
                    NULL);

  /* The causes' categories are the law module's data. */
  categories = ls_law_get_cause_categories (&n_categories);
  cause_fields[0].choices = categories;
  cause_fields[0].n_choices = n_categories;

  self->cancellable = g_cancellable_new ();
  self->fact_rows = g_ptr_array_new ();
  self->similar_rows = g_ptr_array_new ();
  self->informing = g_ptr_array_new ();
  self->informed_rows = g_ptr_array_new ();
  self->informed_how = g_ptr_array_new ();
  self->missing_rows = g_ptr_array_new ();

  g_signal_connect_object (self->investigators_list, "changed",
                           G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->causes_list, "changed",
                           G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->remedial_list, "changed",
                           G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preventive_list, "changed",
                           G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < N_POINTS; i++)
    {
      g_signal_connect_object (self->point_journal[i], "add",
                               G_CALLBACK (journal_add_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->point_journal[i], "correct",
                               G_CALLBACK (journal_correct_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

/**
 * ls_investigation_wizard_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the case is saved
 * @organisation: the organisation, for the rules that depend on its kind
 * @lcase: the case to investigate, which the store holds
 * @settings: (nullable): the user's name and title, the author of
 *   documented items
 *
 * Returns: (transfer full): a new investigation wizard on its first step
 */
LsInvestigationWizard *
ls_investigation_wizard_new (GtkWindow *parent,
                             LsStore *store,
                             LsOrganisation *organisation,
                             LsCase *lcase,
                             GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (LS_TYPE_INVESTIGATION_WIZARD, "transient-for", parent,
                       "store", store, "organisation", organisation, "case",
                       lcase, "settings", settings, NULL);
}

/**
 * ls_investigation_wizard_get_case:
 *
 * Returns: (transfer none): the case as the wizard holds it
 */
LsCase *
ls_investigation_wizard_get_case (LsInvestigationWizard *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION_WIZARD (self), NULL);

  return self->lcase;
}

/**
 * ls_investigation_wizard_get_busy:
 *
 * Returns: whether the case is being loaded or saved
 */
gboolean
ls_investigation_wizard_get_busy (LsInvestigationWizard *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION_WIZARD (self), FALSE);

  return self->loading ||
         (self->saver != NULL && ls_case_saver_get_busy (self->saver));
}

LsInvestigationWizardPage
ls_investigation_wizard_get_page (LsInvestigationWizard *self)
{
  const char *name;

  g_return_val_if_fail (LS_IS_INVESTIGATION_WIZARD (self), 0);

  name = gtk_stack_get_visible_child_name (self->stack);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;
  return LS_INVESTIGATION_WIZARD_PAGE_INVESTIGATORS;
}

/**
 * ls_investigation_wizard_set_page:
 *
 * Goes to @page, keeping what is good of the step in view.
 */
void
ls_investigation_wizard_set_page (LsInvestigationWizard *self,
                                  LsInvestigationWizardPage page)
{
  LsInvestigationWizardPage current;

  g_return_if_fail (LS_IS_INVESTIGATION_WIZARD (self));
  g_return_if_fail (page < LS_INVESTIGATION_WIZARD_N_PAGES);

  current = ls_investigation_wizard_get_page (self);
  if (!self->loading && current != page)
    {
      commit_page (self, current, READ_LENIENT);
      save (self);
    }
  show_page (self, page);
}

/**
 * ls_investigation_wizard_show_step:
 * @step: a step of the investigation; a step of the report or of the
 *   notification saves this window's work and hands the case to the wizard
 *   that owns the step
 * @point: for %LS_STEP_JOURNAL, the point of 5 kap. 2 § to show
 *
 * Shows the page that fulfils @step.
 */
void
ls_investigation_wizard_show_step (LsInvestigationWizard *self,
                                   LsStep step,
                                   LsPoints point)
{
  g_return_if_fail (LS_IS_INVESTIGATION_WIZARD (self));

  if (self->loading)
    {
      self->pending_step = step;
      self->pending_point = point;
      self->pending_step_set = TRUE;
      return;
    }
  self->pending_step_set = FALSE;

  if (step == LS_STEP_REPORT || step == LS_STEP_IMMEDIATE_ACTIONS ||
      step == LS_STEP_BOARD_NOTICE || step == LS_STEP_NOTIFICATION ||
      step == LS_STEP_INVESTIGATION_SENT)
    {
      hand_over (self, step);
      return;
    }
  ls_investigation_wizard_set_page (self, page_of_step (self, step, point));
}

/**
 * ls_investigation_wizard_go_next:
 *
 * What Next does: keeps the step in view and shows the next one; on the
 * last step, records the conclusion if nothing is missing.
 *
 * Returns: %TRUE if the wizard moved on or is concluding
 */
gboolean
ls_investigation_wizard_go_next (LsInvestigationWizard *self)
{
  LsInvestigationWizardPage page;

  g_return_val_if_fail (LS_IS_INVESTIGATION_WIZARD (self), FALSE);

  if (self->loading)
    return FALSE;
  page = ls_investigation_wizard_get_page (self);
  if (page == LS_INVESTIGATION_WIZARD_PAGE_CONCLUSION)
    return conclude (self);
  if (!commit_page (self, page, READ_STRICT))
    return FALSE;
  save (self);
  show_page (self, page + 1);
  return TRUE;
}

/**
 * ls_investigation_wizard_go_back:
 *
 * What Back does: keeps what is good of the step in view and shows the one
 * before.
 */
void
ls_investigation_wizard_go_back (LsInvestigationWizard *self)
{
  LsInvestigationWizardPage page;

  g_return_if_fail (LS_IS_INVESTIGATION_WIZARD (self));

  page = ls_investigation_wizard_get_page (self);
  if (page > 0)
    ls_investigation_wizard_set_page (self, page - 1);
}
