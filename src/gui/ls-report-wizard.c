/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-report-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-action.h"
#include "ls-board-notice.h"
#include "ls-case-saver.h"
#include "ls-date-row.h"
#include "ls-enum-types.h"
#include "ls-individual.h"
#include "ls-item-list.h"
#include "ls-field.h"
#include "ls-labels.h"
#include "ls-law.h"
#include "ls-model.h"
#include "ls-names.h"
#include "ls-pnr.h"
#include "ls-report-wizard.h"
#include "ls-requirement.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-text-field.h"
#include "ls-wizards.h"

/* Registers a staff report in six plain steps (who reported and how, what
 * kind, what happened, whom it concerns, what was done at once, which
 * boards to tell) and a summary.  Each step is checked when it is left:
 * bad input is marked on its row and stays as typed, and only a sound
 * case goes to the store, which it does at every step.  Closing saves
 * what is good; a case left half-way is a draft. */

struct _LsReportWizard
{
  AdwWindow parent_instance;

  LsStore *store;
  LsOrganisation *organisation;
  GSettings *settings;
  LsCase *lcase;
  LsCaseSaver *saver;
  GCancellable *cancellable;
  GPtrArray *unit_ids; /* per entry of the unit row; NULL for "Choose…" */
  GPtrArray *summary_rows;
  GPtrArray *todo_rows;
  gboolean loading;
  gboolean closing;
  gboolean may_close;
  gboolean finishing;
  gboolean investigate;
  gboolean pending_step_set;
  LsStep pending_step;

  AdwWindowTitle *window_title;
  GtkButton *back_button;
  GtkButton *next_button;
  GtkProgressBar *progress_bar;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;

  AdwEntryRow *reporter_name_row;
  AdwComboRow *reporter_category_row;
  AdwComboRow *received_how_row;
  LsDateRow *received_row;
  AdwEntryRow *received_by_row;
  AdwEntryRow *regno_row;

  AdwActionRow *wrongdoing_row;
  GtkCheckButton *wrongdoing_check;
  GtkCheckButton *risk_check;
  AdwComboRow *category_row;
  AdwComboRow *unit_row;

  LsTextField *description_field;
  LsDateRow *occurred_row;
  GtkSwitch *occurred_unknown_switch;
  LsDateRow *noticed_row;
  AdwEntryRow *noticed_how_row;

  LsItemList *individuals_list;
  LsTextField *consequences_field;
  LsItemList *actions_list;
  LsItemList *boards_list;

  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *todo_group;
};

G_DEFINE_FINAL_TYPE (LsReportWizard, ls_report_wizard, ADW_TYPE_WINDOW)

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
  "reporter", "kind", "event", "individuals", "actions", "boards", "summary",
};

G_STATIC_ASSERT (G_N_ELEMENTS (page_names) == LS_REPORT_WIZARD_N_PAGES);

/* ---- The items of the lists ------------------------------------------ */

static const LsItemField individual_fields[] = {
  { "name", LS_ITEM_FIELD_TEXT, N_ ("_Name"), LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "personal-number", LS_ITEM_FIELD_PNR,
    N_ ("_Personal identity number, if known"), LS_ITEM_FIELD_OPTIONAL, NULL,
    0 },
};

static const LsItemField immediate_action_fields[] = {
  { "description", LS_ITEM_FIELD_LONG_TEXT, N_ ("_What was done"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "taken-at", LS_ITEM_FIELD_WHEN, N_ ("W_hen, day and time"),
    LS_ITEM_FIELD_REQUIRED | LS_ITEM_FIELD_NOT_FUTURE, NULL, 0 },
  { "responsible", LS_ITEM_FIELD_TEXT, N_ ("_By whom"), LS_ITEM_FIELD_OPTIONAL,
    NULL, 0 },
};

static const LsItemField board_notice_fields[] = {
  { "board", LS_ITEM_FIELD_TEXT, N_ ("_Board"), LS_ITEM_FIELD_REQUIRED, NULL,
    0 },
  { "notified-on", LS_ITEM_FIELD_DATE, N_ ("_Informed on"),
    LS_ITEM_FIELD_REQUIRED | LS_ITEM_FIELD_NOT_FUTURE, NULL, 0 },
  { "how", LS_ITEM_FIELD_TEXT, N_ ("_How, such as by letter or by phone"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
};

static char *
describe_individual (GObject *item, char **subtitle)
{
  LsIndividual *individual = LS_INDIVIDUAL (item);

  if (ls_individual_get_personal_number (individual) != NULL)
    *subtitle = ls_pnr_mask (ls_individual_get_personal_number (individual));
  return g_strdup (ls_individual_get_name (individual));
}

static GObject *
create_individual (gpointer user_data)
{
  return G_OBJECT (ls_individual_new ());
}

static GObject *
create_immediate_action (gpointer user_data)
{
  LsAction *action = ls_action_new ();

  ls_action_set_kind (action, LS_ACTION_KIND_IMMEDIATE);
  ls_action_set_status (action, LS_ACTION_STATUS_DONE);
  return G_OBJECT (action);
}

static char *
describe_board_notice (GObject *item, char **subtitle)
{
  LsBoardNotice *notice = LS_BOARD_NOTICE (item);
  g_autofree char *when =
      ls_dates_format_display (ls_board_notice_get_notified_on (notice));

  if (ls_board_notice_get_how (notice) != NULL)
    *subtitle =
        g_strdup_printf (_ ("%s, %s"), when, ls_board_notice_get_how (notice));
  else
    *subtitle = g_steal_pointer (&when);
  return g_strdup (ls_board_notice_get_board (notice));
}

static GObject *
create_board_notice (gpointer user_data)
{
  LsBoardNotice *notice = ls_board_notice_new ();
  g_autofree char *today = ls_dates_dup_today (NULL);

  ls_board_notice_set_stage (notice, LS_NOTICE_STAGE_REPORT);
  ls_board_notice_set_notified_on (notice, today);
  return G_OBJECT (notice);
}

/* Board notices of the notification belong to the notification's steps. */
static gboolean
board_notice_of_report (GObject *item, gpointer user_data)
{
  return ls_board_notice_get_stage (LS_BOARD_NOTICE (item)) ==
         LS_NOTICE_STAGE_REPORT;
}

static const LsItemListSpec individuals_spec = {
  individual_fields,
  G_N_ELEMENTS (individual_fields),
  describe_individual,
  create_individual,
  NULL,
};

static const LsItemListSpec actions_spec = {
  immediate_action_fields,
  G_N_ELEMENTS (immediate_action_fields),
  ls_wizards_describe_action,
  create_immediate_action,
  NULL,
};

static const LsItemListSpec boards_spec = {
  board_notice_fields,    G_N_ELEMENTS (board_notice_fields),
  describe_board_notice,  create_board_notice,
  board_notice_of_report,
};

/* ---- Showing the case ------------------------------------------------- */

static void
update_unit_subtitle (LsReportWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);
  const char *id = selected < self->unit_ids->len
                       ? g_ptr_array_index (self->unit_ids, selected)
                       : NULL;
  LsUnit *unit = id != NULL && self->organisation != NULL
                     ? ls_organisation_find_unit (self->organisation, id)
                     : NULL;
  g_autofree char *subtitle = NULL;

  if (unit != NULL && ls_unit_get_activity (unit) != NULL)
    subtitle =
        g_strdup_printf ("%s · %s", ls_unit_get_activity (unit),
                         ls_labels_regime_in_full (ls_unit_get_regime (unit)));
  else if (unit != NULL)
    subtitle = g_strdup (ls_labels_regime_in_full (ls_unit_get_regime (unit)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->unit_row),
                               subtitle != NULL ? subtitle : "");
}

static void
fill_unit_row (LsReportWizard *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *units = NULL;
  const char *current = ls_case_get_unit_id (self->lcase);
  guint selected = 0;
  guint n_units = 0;

  g_ptr_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (names, _ ("Choose…"));
  g_ptr_array_add (self->unit_ids, NULL);

  if (self->organisation != NULL)
    {
      units = G_LIST_MODEL (ls_organisation_get_units (self->organisation));
      n_units = g_list_model_get_n_items (units);
    }
  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);

      gtk_string_list_append (names, ls_unit_get_name (unit) != NULL
                                         ? ls_unit_get_name (unit)
                                         : ls_unit_get_id (unit));
      g_ptr_array_add (self->unit_ids, g_strdup (ls_unit_get_id (unit)));
      if (g_strcmp0 (current, ls_unit_get_id (unit)) == 0)
        selected = i + 1;
    }

  /* A unit the organisation no longer has stays visible, so that the
   * check can say so rather than the choice silently vanishing. */
  if (current != NULL && selected == 0)
    {
      gtk_string_list_append (names, _ ("A unit the organisation no longer "
                                        "has"));
      g_ptr_array_add (self->unit_ids, g_strdup (current));
      selected = self->unit_ids->len - 1;
    }
  /* With one unit there is nothing to choose. */
  if (current == NULL && n_units == 1)
    selected = 1;

  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->unit_row, selected);
  update_unit_subtitle (self);
}

/* A row to choose a value of @enum_type, whose names are the model's; the
 * position of a name is its value, and "Choose…" stands for the value
 * not chosen yet. */
static void
fill_value_row (AdwComboRow *row, GType enum_type)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint n_values;

  ls_names_get (enum_type, &n_values);
  for (guint i = 0; i < n_values; i++)
    {
      const char *name = ls_labels_value (enum_type, i);

      gtk_string_list_append (names, name != NULL ? name : _ ("Choose…"));
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

static void
fill_category_row (LsReportWizard *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  const LsChoice *categories;
  guint n_categories;
  const char *current =
      ls_report_get_category (ls_case_get_report (self->lcase));
  guint selected = 0;

  categories = ls_law_get_categories (&n_categories);
  gtk_string_list_append (names, _ ("Choose…"));
  for (guint i = 0; i < n_categories; i++)
    {
      gtk_string_list_append (names, _ (categories[i].name));
      if (g_strcmp0 (current, categories[i].id) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->category_row, selected);
}

static void
describe_boards (LsReportWizard *self)
{
  LsOrganisationKind kind = self->organisation != NULL
                                ? ls_organisation_get_kind (self->organisation)
                                : LS_ORGANISATION_KIND_MUNICIPAL_BOARD;
  const char *description;

  switch (kind)
    {
    case LS_ORGANISATION_KIND_PRIVATE_PROVIDER:
      description = _ ("As a private provider you must tell the board that "
                       "decided the individual’s service, or that holds the "
                       "contract for the activity, that a report came in "
                       "(4 kap. 1 § SOSFS 2011:5).");
      break;
    case LS_ORGANISATION_KIND_SIS:
      description = _ ("Tell the social welfare board responsible for the "
                       "individual that a report came in, unless secrecy "
                       "prevents it (4 kap. 2 § SOSFS 2011:5).");
      break;
    case LS_ORGANISATION_KIND_MUNICIPAL_BOARD:
    default:
      description = _ ("If another board decided the individual’s service, "
                       "it should be told that a report came in (general "
                       "advice to 4 kap. SOSFS 2011:5). Otherwise there is "
                       "nobody to add here.");
      break;
    }
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (self->boards_list), description);
}

static void update_page (LsReportWizard *self);

static void
update_titles (LsReportWizard *self)
{
  const char *regno = ls_case_get_regno (self->lcase);
  g_autofree char *title = NULL;

  if (regno != NULL)
    /* Translators: the window title; %s is a registration number. */
    title = g_strdup_printf (_ ("Report %s"), regno);
  else
    title = g_strdup (_ ("New Report"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  update_page (self);
}

/* Shows everything the case holds. */
static void
populate (LsReportWizard *self)
{
  LsReport *report = ls_case_get_report (self->lcase);
  gboolean unknown = ls_report_get_occurred_unknown (report);

  ls_rows_set_text (GTK_WIDGET (self->reporter_name_row),
                    ls_report_get_reporter_name (report));
  adw_combo_row_set_selected (self->reporter_category_row,
                              ls_report_get_reporter_category (report));
  adw_combo_row_set_selected (self->received_how_row,
                              ls_report_get_received_how (report));
  ls_date_row_set_value (self->received_row,
                         ls_report_get_received_at (report));
  ls_rows_set_text (GTK_WIDGET (self->received_by_row),
                    ls_report_get_received_by (report));

  gtk_check_button_set_active (self->wrongdoing_check,
                               ls_report_get_kind (report) ==
                                   LS_CASE_KIND_WRONGDOING);
  gtk_check_button_set_active (self->risk_check, ls_report_get_kind (report) ==
                                                     LS_CASE_KIND_CLEAR_RISK);
  fill_category_row (self);
  fill_unit_row (self);

  ls_text_field_set_text (self->description_field,
                          ls_report_get_description (report));
  ls_date_row_set_value (self->occurred_row,
                         ls_report_get_occurred_at (report));
  gtk_switch_set_active (self->occurred_unknown_switch, unknown);
  ls_date_row_set_value (self->noticed_row, ls_report_get_noticed_at (report));
  ls_rows_set_text (GTK_WIDGET (self->noticed_how_row),
                    ls_report_get_noticed_how (report));

  ls_item_list_bind (self->individuals_list, ls_report_get_individuals (report),
                     &individuals_spec, self);
  ls_text_field_set_text (self->consequences_field,
                          ls_report_get_consequences (report));
  ls_item_list_bind (self->actions_list,
                     ls_report_get_immediate_actions (report), &actions_spec,
                     self);
  ls_item_list_bind (self->boards_list, ls_case_get_board_notices (self->lcase),
                     &boards_spec, self);
  describe_boards (self);
  update_titles (self);
}

/* ---- Reading and checking the pages --------------------------------- */

/*
 * A step is read in one of two ways.  Strictly, when Next or Finish leaves
 * it: a required row left empty is an error too.  Leniently, when Back, a
 * jump or closing leaves it: only what cannot be stored (a date that is no
 * date, one in the future) is an error, and everything else is kept, so
 * that a report left half-way is a draft that loses nothing.  Either way a
 * bad row is marked and its old value stays in the case.
 */
typedef enum
{
  READ_LENIENT,
  READ_STRICT,
} ReadMode;

/* Sets @value through @setter unless the row is bad; returns whether it
 * was good. */
static gboolean
read_date (LsDateRow *row,
           GDateTime *now,
           ReadMode mode,
           const char *missing,
           gpointer target,
           void (*setter) (gpointer, const char *),
           GtkWidget **first_bad)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  if (!ls_date_row_read (row, now, &value, &error))
    return ls_row_mark_bad (GTK_WIDGET (row), error->message, first_bad);
  if (value == NULL && missing != NULL && mode == READ_STRICT)
    return ls_row_mark_bad (GTK_WIDGET (row), missing, first_bad);
  setter (target, value);
  return TRUE;
}

static gboolean
read_text (AdwEntryRow *row,
           ReadMode mode,
           const char *missing,
           gpointer target,
           void (*setter) (gpointer, const char *),
           GtkWidget **first_bad)
{
  g_autofree char *value = ls_rows_dup_text (GTK_WIDGET (row));

  if (value == NULL && missing != NULL && mode == READ_STRICT)
    return ls_row_mark_bad (GTK_WIDGET (row), missing, first_bad);
  setter (target, value);
  return TRUE;
}

static gboolean
read_reporter (LsReportWizard *self,
               LsCase *target,
               GDateTime *now,
               ReadMode mode,
               GtkWidget **first_bad)
{
  LsReport *report = ls_case_get_report (target);
  guint category = adw_combo_row_get_selected (self->reporter_category_row);
  guint how = adw_combo_row_get_selected (self->received_how_row);
  gboolean ok = TRUE;

  ok &= read_text (self->reporter_name_row, mode,
                   _ ("Give who reported: the law asks for it."), report,
                   (gpointer) ls_report_set_reporter_name, first_bad);
  if (category > LS_REPORTER_CATEGORY_PROGRAMME_PARTICIPANT)
    category = LS_REPORTER_CATEGORY_UNSET;
  if (category == LS_REPORTER_CATEGORY_UNSET && mode == READ_STRICT)
    ok = ls_row_mark_bad (GTK_WIDGET (self->reporter_category_row),
                          _ ("Choose one."), first_bad);
  ls_report_set_reporter_category (report, category);
  if (how > LS_RECEIVED_HOW_WRITTEN)
    how = LS_RECEIVED_HOW_UNSET;
  if (how == LS_RECEIVED_HOW_UNSET && mode == READ_STRICT)
    ok = ls_row_mark_bad (GTK_WIDGET (self->received_how_row),
                          _ ("Choose one."), first_bad);
  ls_report_set_received_how (report, how);
  ok &= read_date (self->received_row, now, mode,
                   _ ("Give the day and time the report came in."), report,
                   (gpointer) ls_report_set_received_at, first_bad);
  ok &= read_text (self->received_by_row, mode,
                   _ ("Give who received the report."), report,
                   (gpointer) ls_report_set_received_by, first_bad);
  return ok;
}

static gboolean
read_kind (LsReportWizard *self,
           LsCase *target,
           ReadMode mode,
           GtkWidget **first_bad)
{
  LsReport *report = ls_case_get_report (target);
  guint category = adw_combo_row_get_selected (self->category_row);
  guint unit = adw_combo_row_get_selected (self->unit_row);
  const char *unit_id = unit < self->unit_ids->len
                            ? g_ptr_array_index (self->unit_ids, unit)
                            : NULL;
  const LsChoice *categories;
  guint n_categories;
  LsCaseKind kind = LS_CASE_KIND_UNSET;
  LsUnit *found = NULL;
  gboolean ok = TRUE;

  categories = ls_law_get_categories (&n_categories);
  if (gtk_check_button_get_active (self->wrongdoing_check))
    kind = LS_CASE_KIND_WRONGDOING;
  else if (gtk_check_button_get_active (self->risk_check))
    kind = LS_CASE_KIND_CLEAR_RISK;

  if (kind == LS_CASE_KIND_UNSET && mode == READ_STRICT)
    ok = ls_row_mark_bad (
        GTK_WIDGET (self->wrongdoing_row),
        _ ("Choose whether it is a wrongdoing or a clear risk."), first_bad);
  ls_report_set_kind (report, kind);

  if (category > n_categories)
    category = 0;
  if (category == 0 && mode == READ_STRICT)
    ok = ls_row_mark_bad (GTK_WIDGET (self->category_row), _ ("Choose one."),
                          first_bad);
  ls_report_set_category (report,
                          category > 0 ? categories[category - 1].id : NULL);

  if (self->unit_ids->len == 1)
    ok = ls_row_mark_bad (GTK_WIDGET (self->unit_row),
                          _ ("The organisation has no units yet: add one in "
                             "Preferences."),
                          first_bad);
  else if (unit_id == NULL && mode == READ_STRICT)
    ok = ls_row_mark_bad (GTK_WIDGET (self->unit_row), _ ("Choose one."),
                          first_bad);
  ls_case_set_unit_id (target, unit_id);
  if (self->organisation != NULL && unit_id != NULL)
    found = ls_organisation_find_unit (self->organisation, unit_id);
  /* The law the case falls under is the unit's. */
  if (found != NULL)
    ls_case_set_regime (target, ls_unit_get_regime (found));
  return ok;
}

static gboolean
read_event (LsReportWizard *self,
            LsCase *target,
            GDateTime *now,
            ReadMode mode,
            GtkWidget **first_bad)
{
  LsReport *report = ls_case_get_report (target);
  g_autofree char *description =
      ls_text_field_dup_text (self->description_field);
  g_autofree char *noticed_how =
      ls_rows_dup_text (GTK_WIDGET (self->noticed_how_row));
  gboolean unknown = gtk_switch_get_active (self->occurred_unknown_switch);
  gboolean ok = TRUE;

  if (description == NULL && mode == READ_STRICT)
    ok = ls_row_mark_bad (GTK_WIDGET (self->description_field),
                          _ ("Describe what happened."), first_bad);
  ls_report_set_description (report, description);

  ls_report_set_occurred_unknown (report, unknown);
  if (unknown)
    ls_report_set_occurred_at (report, NULL);
  else
    ok &= read_date (self->occurred_row, now, mode,
                     _ ("Give when it happened, or switch on that it is not "
                        "known."),
                     report, (gpointer) ls_report_set_occurred_at, first_bad);
  ok &= read_date (self->noticed_row, now, mode, NULL, report,
                   (gpointer) ls_report_set_noticed_at, first_bad);
  ls_report_set_noticed_how (report, noticed_how);
  return ok;
}

static gboolean
read_individuals (LsReportWizard *self, LsCase *target)
{
  g_autofree char *consequences =
      ls_text_field_dup_text (self->consequences_field);

  ls_report_set_consequences (ls_case_get_report (target), consequences);
  return TRUE;
}

/* The registration number is the app's own until the manager writes
 * another, such as the number of the organisation's registry; left empty,
 * the case keeps the number it has or gets the year's next on saving. */
static gboolean
read_regno (LsReportWizard *self, LsCase *target, GtkWidget **first_bad)
{
  g_autofree char *regno = ls_rows_dup_text (GTK_WIDGET (self->regno_row));
  g_autoptr (GError) error = NULL;

  if (regno == NULL)
    return TRUE;
  if (!ls_field_validate (LS_FIELD_REGNO, regno, &error))
    return ls_row_mark_bad (GTK_WIDGET (self->regno_row), error->message,
                            first_bad);
  ls_case_set_regno (target, regno);
  return TRUE;
}

/* Reads @page into @target; the lists of items are already in the case. */
static gboolean
read_page (LsReportWizard *self,
           LsReportWizardPage page,
           LsCase *target,
           GDateTime *now,
           ReadMode mode,
           GtkWidget **first_bad)
{
  switch (page)
    {
    case LS_REPORT_WIZARD_PAGE_REPORTER:
      return read_reporter (self, target, now, mode, first_bad);
    case LS_REPORT_WIZARD_PAGE_KIND:
      return read_kind (self, target, mode, first_bad);
    case LS_REPORT_WIZARD_PAGE_EVENT:
      return read_event (self, target, now, mode, first_bad);
    case LS_REPORT_WIZARD_PAGE_INDIVIDUALS:
      return read_individuals (self, target);
    case LS_REPORT_WIZARD_PAGE_SUMMARY:
      return read_regno (self, target, first_bad);
    case LS_REPORT_WIZARD_PAGE_ACTIONS:
    case LS_REPORT_WIZARD_PAGE_BOARDS:
    case LS_REPORT_WIZARD_N_PAGES:
    default:
      return TRUE;
    }
}

static LsReportWizardPage
page_of_widget (LsReportWizard *self, GtkWidget *widget)
{
  for (guint i = 0; i < LS_REPORT_WIZARD_N_PAGES; i++)
    {
      GtkWidget *child =
          gtk_stack_get_child_by_name (self->stack, page_names[i]);

      if (gtk_widget_is_ancestor (widget, child))
        return i;
    }
  return LS_REPORT_WIZARD_PAGE_SUMMARY;
}

/* The row of a field the rules name by its path, and the property it
 * shows, where a row shows one. */
static GtkWidget *
row_of_path (LsReportWizard *self, const char *path)
{
  if (g_strcmp0 (path, "report.received_at") == 0)
    return GTK_WIDGET (self->received_row);
  if (g_strcmp0 (path, "report.occurred_at") == 0)
    return GTK_WIDGET (self->occurred_row);
  if (g_strcmp0 (path, "report.noticed_at") == 0)
    return GTK_WIDGET (self->noticed_row);
  if (g_strcmp0 (path, "unit_id") == 0)
    return GTK_WIDGET (self->unit_row);
  if (g_strcmp0 (path, "report.category") == 0)
    return GTK_WIDGET (self->category_row);
  return NULL;
}

/* Puts the field at @path of @candidate back to its value in the case. */
static gboolean
revert_field (LsReportWizard *self, LsCase *candidate, const char *path)
{
  LsReport *from = ls_case_get_report (self->lcase);
  LsReport *to = ls_case_get_report (candidate);

  if (g_strcmp0 (path, "report.received_at") == 0)
    ls_report_set_received_at (to, ls_report_get_received_at (from));
  else if (g_strcmp0 (path, "report.occurred_at") == 0)
    ls_report_set_occurred_at (to, ls_report_get_occurred_at (from));
  else if (g_strcmp0 (path, "report.noticed_at") == 0)
    ls_report_set_noticed_at (to, ls_report_get_noticed_at (from));
  else if (g_strcmp0 (path, "unit_id") == 0)
    ls_case_set_unit_id (candidate, ls_case_get_unit_id (self->lcase));
  else if (g_strcmp0 (path, "report.category") == 0)
    ls_report_set_category (to, ls_report_get_category (from));
  else
    return FALSE;
  return TRUE;
}

/* Shows a fault the rules found in the whole case on the row it is
 * about; a fault on another step is also told in a toast. */
static void
show_invalid (LsReportWizard *self, const char *bad_path, const char *message)
{
  LsReport *report = ls_case_get_report (self->lcase);
  g_autoptr (GObject) item = NULL;
  GtkWidget *row = row_of_path (self, bad_path);

  if (row != NULL)
    ls_row_set_error (row, message);
  else if (ls_wizards_find_item_at (ls_report_get_individuals (report),
                                    bad_path, "report.individuals[", &item))
    {
      ls_item_list_set_item_error (self->individuals_list, item, message);
      row = GTK_WIDGET (self->individuals_list);
    }
  else if (ls_wizards_find_item_at (ls_report_get_immediate_actions (report),
                                    bad_path, "report.immediate_actions[",
                                    &item))
    {
      ls_item_list_set_item_error (self->actions_list, item, message);
      row = GTK_WIDGET (self->actions_list);
    }
  else if (ls_wizards_find_item_at (ls_case_get_board_notices (self->lcase),
                                    bad_path, "board_notices[", &item))
    {
      ls_item_list_set_item_error (self->boards_list, item, message);
      row = GTK_WIDGET (self->boards_list);
    }

  if (row == NULL ||
      page_of_widget (self, row) != ls_report_wizard_get_page (self))
    {
      g_autofree char *text = NULL;

      if (row != NULL)
        {
          GtkStackPage *page = gtk_stack_get_page (
              self->stack,
              gtk_stack_get_child_by_name (
                  self->stack, page_names[page_of_widget (self, row)]));

          /* Translators: a fault found on another step; the first %s is
           * the step's title, the second what is wrong. */
          text = g_strdup_printf (_ ("%s: %s"), gtk_stack_page_get_title (page),
                                  message);
        }
      else
        {
          text = g_strdup (message);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}

/*
 * Puts @page into the case, as far as it is good; with READ_STRICT only
 * when all of it is.  A fault the rules find between fields (a report
 * received before the event it reports) is marked on this step's row that
 * caused it, and that row's value is not taken.  A fault the case had
 * before (a unit since removed) is shown where it is and does not hold
 * this step back; the case is not saved until it is put right.
 */
static gboolean
commit_page (LsReportWizard *self, LsReportWizardPage page, ReadMode mode)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (LsCase) candidate = ls_case_new ();
  g_autofree char *old_bad = NULL;
  GtkWidget *first_bad = NULL;
  gboolean ok;

  ls_model_copy (G_OBJECT (candidate), G_OBJECT (self->lcase));
  ok = read_page (self, page, candidate, now, mode, &first_bad);
  ls_rules_find_invalid (self->lcase, self->organisation, now, &old_bad, NULL);

  for (guint tries = 0; tries < 8; tries++)
    {
      g_autofree char *bad_path = NULL;
      g_autoptr (GError) error = NULL;
      GtkWidget *row;
      const char *culprit;

      if (ls_rules_find_invalid (candidate, self->organisation, now, &bad_path,
                                 &error))
        break;
      if (g_strcmp0 (bad_path, old_bad) == 0)
        {
          row = row_of_path (self, bad_path);
          show_invalid (self, bad_path, error->message);
          /* This step's own row still holds what was wrong before. */
          if (row != NULL && page_of_widget (self, row) == page)
            {
              if (first_bad == NULL)
                first_bad = row;
              ok = FALSE;
            }
          break;
        }

      culprit = bad_path;
      row = row_of_path (self, bad_path);
      if (row != NULL && page_of_widget (self, row) != page &&
          page == LS_REPORT_WIZARD_PAGE_REPORTER)
        {
          /* The event's dates stand; the new time of the report is what
           * contradicts them. */
          culprit = "report.received_at";
          row = GTK_WIDGET (self->received_row);
          ls_row_set_error (row, _ ("The report cannot have come in before "
                                    "it happened or was noticed, as given "
                                    "under What Happened."));
        }
      else if (row != NULL)
        {
          ls_row_set_error (row, error->message);
        }
      else
        {
          show_invalid (self, bad_path, error->message);
        }
      if (row != NULL && first_bad == NULL)
        first_bad = row;
      ok = FALSE;
      if (!revert_field (self, candidate, culprit))
        {
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

/* Saves the case unless the rules find it wrong, in which case the fault
 * is shown and nothing is saved: the store would refuse it anyway. */
static gboolean
save (LsReportWizard *self)
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
list_changed_cb (LsReportWizard *self)
{
  save (self);
}

static void
saver_busy_cb (LsReportWizard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Closes the window, or when it finished with "Start the Investigation",
 * hands the case to the investigation. */
static void
leave (LsReportWizard *self)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (LsCase) lcase = NULL;
  GtkWindow *parent;

  self->may_close = TRUE;
  if (!(self->finishing && self->investigate))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  store = g_object_ref (self->store);
  organisation =
      self->organisation != NULL ? g_object_ref (self->organisation) : NULL;
  settings = self->settings != NULL ? g_object_ref (self->settings) : NULL;
  lcase = g_object_ref (self->lcase);
  gtk_window_destroy (GTK_WINDOW (self));
  ls_wizards_open (parent, store, organisation, lcase, settings,
                   LS_STEP_INVESTIGATORS, LS_POINT_NONE);
}

static void
close_anyway_cb (AdwMessageDialog *dialog,
                 const char *response,
                 LsReportWizard *self)
{
  if (g_strcmp0 (response, "close") != 0)
    return;
  self->investigate = FALSE;
  self->finishing = FALSE;
  /* What is good of the step is being saved; close when it is. */
  if (ls_case_saver_get_busy (self->saver))
    {
      self->closing = TRUE;
      return;
    }
  leave (self);
}

static void
saved_cb (LsReportWizard *self)
{
  update_titles (self);
  if ((self->closing || self->finishing) &&
      !ls_case_saver_get_busy (self->saver))
    leave (self);
}

static void show_page (LsReportWizard *self, LsReportWizardPage page);

static void
failed_cb (LsReportWizard *self, GError *error)
{
  g_autofree char *text = ls_wizards_dup_save_error (error);

  /* A number the manager wrote that another case has: said on its row,
   * and the wizard stays open to change it. */
  if (g_error_matches (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE))
    {
      self->closing = FALSE;
      self->finishing = FALSE;
      self->investigate = FALSE;
      show_page (self, LS_REPORT_WIZARD_PAGE_SUMMARY);
      ls_row_set_error (GTK_WIDGET (self->regno_row),
                        _ ("Another case already has this registration "
                           "number."));
      gtk_widget_grab_focus (GTK_WIDGET (self->regno_row));
      return;
    }

  if (self->closing || self->finishing)
    {
      self->closing = FALSE;
      self->finishing = FALSE;
      g_signal_connect_object (
          ls_wizards_ask_close (GTK_WINDOW (self),
                                _ ("The Report Could Not Be Saved"), text,
                                _ ("_Close Without Saving")),
          "response", G_CALLBACK (close_anyway_cb), self, 0);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---- Loading ---------------------------------------------------------- */

static void
set_loading (LsReportWizard *self, gboolean loading)
{
  self->loading = loading;
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
take_case (LsReportWizard *self, LsCase *lcase, gboolean stored)
{
  g_set_object (&self->lcase, lcase);
  ls_case_saver_set_case (self->saver, lcase, stored);
  populate (self);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsReportWizard *self = user_data;
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
    ls_report_wizard_show_step (self, self->pending_step);
}

/* ---- Navigation ------------------------------------------------------- */

static void
update_page (LsReportWizard *self)
{
  LsReportWizardPage page = ls_report_wizard_get_page (self);
  g_autofree char *progress = NULL;

  if (page < LS_REPORT_WIZARD_N_STEPS)
    /* Translators: the progress through the wizard, "Step 2 of 6". */
    progress = g_strdup_printf (_ ("Step %u of %u"), page + 1,
                                (guint) LS_REPORT_WIZARD_N_STEPS);
  else
    progress = g_strdup (_ ("Check and finish"));
  ls_wizards_show_step_title (GTK_WINDOW (self), self->window_title,
                              self->back_button, self->stack, progress,
                              ls_case_get_regno (self->lcase));
  gtk_progress_bar_set_fraction (
      self->progress_bar,
      MIN (1.0, (double) (page + 1) / LS_REPORT_WIZARD_N_STEPS));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", page > 0);
  gtk_button_set_label (self->next_button, page == LS_REPORT_WIZARD_PAGE_SUMMARY
                                               ? _ ("_Finish")
                                               : _ ("_Next"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                               page == LS_REPORT_WIZARD_PAGE_SUMMARY
                                   ? _ ("Save and Close")
                                   : _ ("Save and Go On (Alt+Right)"));
}

static void
add_summary_row (LsReportWizard *self, const char *title, const char *value)
{
  GtkWidget *row = ls_rows_new_property (title, value);

  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static char *
join_items (GListStore *store, LsItemListDescribe describe)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr (GObject) item =
          g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = describe (item, &subtitle);

      if (out->len > 0)
        g_string_append (out, "\n");
      g_string_append (out, title != NULL ? title : "");
      if (subtitle != NULL && *subtitle != '\0')
        g_string_append_printf (out, " (%s)", subtitle);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
go_to_step_cb (LsReportWizard *self, AdwActionRow *row)
{
  LsStep step =
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ls-step"));

  ls_report_wizard_show_step (self, step);
}

static void
fill_summary (LsReportWizard *self)
{
  LsReport *report = ls_case_get_report (self->lcase);
  g_autoptr (GListStore) requirements = NULL;
  g_autofree char *received = NULL;
  g_autofree char *occurred = NULL;
  g_autofree char *title = NULL;
  g_autofree char *individuals = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *boards = NULL;
  g_autofree char *reporter = NULL;
  g_autofree char *kind = NULL;
  const char *unit_name = NULL;
  const LsChoice *categories;
  const LsChoice *category;
  guint n_categories;
  guint n_todo = 0;

  ls_rows_remove (self->summary_group, self->summary_rows);
  ls_rows_remove (self->todo_group, self->todo_rows);

  categories = ls_law_get_categories (&n_categories);
  category = ls_law_find_choice (categories, n_categories,
                                 ls_report_get_category (report));
  if (self->organisation != NULL && ls_case_get_unit_id (self->lcase) != NULL)
    {
      LsUnit *unit = ls_organisation_find_unit (
          self->organisation, ls_case_get_unit_id (self->lcase));

      if (unit != NULL)
        unit_name = ls_unit_get_name (unit);
    }

  if (ls_report_get_reporter_category (report) != LS_REPORTER_CATEGORY_UNSET)
    /* Translators: who reported and as what, "Kim Berg, employee". */
    reporter = g_strdup_printf (
        _ ("%s, %s"),
        ls_report_get_reporter_name (report) != NULL
            ? ls_report_get_reporter_name (report)
            : "",
        ls_labels_value (LS_TYPE_REPORTER_CATEGORY,
                         ls_report_get_reporter_category (report)));
  else
    reporter = g_strdup (ls_report_get_reporter_name (report));
  received = ls_dates_format_display (ls_report_get_received_at (report));
  if (ls_report_get_received_by (report) != NULL)
    {
      g_autofree char *when = g_steal_pointer (&received);

      /* Translators: "2026-03-02 08:15, received by Maria Lind". */
      received = g_strdup_printf (_ ("%s, received by %s"), when,
                                  ls_report_get_received_by (report));
    }
  switch (ls_report_get_kind (report))
    {
    case LS_CASE_KIND_WRONGDOING:
      kind = g_strdup (_ ("A wrongdoing"));
      break;
    case LS_CASE_KIND_CLEAR_RISK:
      kind = g_strdup (_ ("A clear risk of a wrongdoing"));
      break;
    case LS_CASE_KIND_UNSET:
    default:
      kind = g_strdup ("");
      break;
    }
  if (category != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&kind);

      kind = g_strdup_printf ("%s · %s", plain, _ (category->name));
    }
  if (ls_report_get_occurred_unknown (report))
    occurred = g_strdup (_ ("Not known"));
  else
    occurred = ls_dates_format_display (ls_report_get_occurred_at (report));
  title = ls_case_dup_title (self->lcase);
  individuals =
      join_items (ls_report_get_individuals (report), describe_individual);
  actions = join_items (ls_report_get_immediate_actions (report),
                        ls_wizards_describe_action);
  boards = join_items (ls_case_get_board_notices (self->lcase),
                       describe_board_notice);

  add_summary_row (self, _ ("Status"),
                   ls_labels_case_status (ls_case_get_status (self->lcase)));
  add_summary_row (self, _ ("Reported by"), reporter);
  add_summary_row (self, _ ("Received"), received);
  add_summary_row (self, _ ("Kind"), kind);
  add_summary_row (self, _ ("Unit"), unit_name);
  add_summary_row (self, _ ("What happened"), title);
  add_summary_row (self, _ ("When it happened"), occurred);
  add_summary_row (self, _ ("Individuals"), individuals);
  add_summary_row (self, _ ("Done at once"), actions);
  add_summary_row (self, _ ("Boards informed"), boards);

  requirements = ls_rules_check (self->lcase, self->organisation);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);
      LsStep step = ls_requirement_get_step (requirement);
      GtkWidget *row;

      if (step != LS_STEP_REPORT && step != LS_STEP_IMMEDIATE_ACTIONS &&
          !(step == LS_STEP_BOARD_NOTICE &&
            ls_notification_get_submitted_on (
                ls_case_get_notification (self->lcase)) == NULL))
        continue;
      row = ls_rows_new_requirement (requirement, NULL);
      g_object_set_data (G_OBJECT (row), "ls-step", GUINT_TO_POINTER (step));
      g_signal_connect_object (row, "activated", G_CALLBACK (go_to_step_cb),
                               self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->todo_group, row);
      g_ptr_array_add (self->todo_rows, row);
      n_todo++;
    }
  if (n_todo == 0)
    {
      GtkWidget *row =
          ls_rows_new_done (_ ("Nothing is missing from the report."));

      adw_preferences_group_add (self->todo_group, row);
      g_ptr_array_add (self->todo_rows, row);
      adw_preferences_group_set_description (self->todo_group, NULL);
    }
  else
    {
      adw_preferences_group_set_description (
          self->todo_group,
          _ ("What the law still asks of the report. You can finish now and "
             "add it later; choose a line to go to its step."));
    }
}

static void
show_page (LsReportWizard *self, LsReportWizardPage page)
{
  if (page == LS_REPORT_WIZARD_PAGE_SUMMARY)
    {
      /* The number the first save gave, unless the manager wrote one. */
      if (!ls_row_has_error (GTK_WIDGET (self->regno_row)))
        ls_rows_set_text (GTK_WIDGET (self->regno_row),
                          ls_case_get_regno (self->lcase));
      fill_summary (self);
    }
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  /* The summary is read, then finished: its number is not typed over by
   * accident. */
  if (page == LS_REPORT_WIZARD_PAGE_SUMMARY)
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
  else
    ls_wizards_focus_page (GTK_WINDOW (self), self->stack);
}

static void
size_changed_cb (LsReportWizard *self)
{
  if (self->lcase != NULL)
    update_page (self);
}

static void
visible_page_changed_cb (LsReportWizard *self)
{
  update_page (self);
}

static void
kind_toggled_cb (LsReportWizard *self)
{
  ls_row_set_error (GTK_WIDGET (self->wrongdoing_row), NULL);
}

static void
unit_selected_cb (LsReportWizard *self)
{
  if (self->unit_ids != NULL)
    update_unit_subtitle (self);
}

static void
occurred_unknown_cb (LsReportWizard *self)
{
  gboolean unknown = gtk_switch_get_active (self->occurred_unknown_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->occurred_row), !unknown);
  if (unknown)
    ls_row_set_error (GTK_WIDGET (self->occurred_row), NULL);
}

/* Leaving the wizard: every step must be sound and the report complete. */
static gboolean
finish (LsReportWizard *self)
{
  for (guint i = 0; i <= LS_REPORT_WIZARD_PAGE_SUMMARY; i++)
    if (!commit_page (self, i, READ_STRICT))
      {
        show_page (self, i);
        /* Marks the rows again, now that their step is in view. */
        commit_page (self, i, READ_STRICT);
        return FALSE;
      }
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
  ls_report_wizard_go_next (LS_REPORT_WIZARD (widget));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_report_wizard_go_back (LS_REPORT_WIZARD (widget));
}

static void
investigate_activated (GtkWidget *widget,
                       const char *action_name,
                       GVariant *param)
{
  LsReportWizard *self = LS_REPORT_WIZARD (widget);

  self->investigate = TRUE;
  if (!finish (self))
    self->investigate = FALSE;
}

/* ---- The window ------------------------------------------------------- */

static gboolean
ls_report_wizard_close_request (GtkWindow *window)
{
  LsReportWizard *self = LS_REPORT_WIZARD (window);
  gboolean good;

  if (self->may_close || self->loading)
    return GTK_WINDOW_CLASS (ls_report_wizard_parent_class)
        ->close_request (window);

  /* Closing mid-way keeps everything that is good, the step in view too;
   * the window goes once the store has it. */
  good = commit_page (self, ls_report_wizard_get_page (self), READ_LENIENT);
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
  return GTK_WINDOW_CLASS (ls_report_wizard_parent_class)
      ->close_request (window);
}

static void
ls_report_wizard_constructed (GObject *object)
{
  LsReportWizard *self = LS_REPORT_WIZARD (object);
  g_autofree char *author = ls_wizards_dup_author (self->settings);

  G_OBJECT_CLASS (ls_report_wizard_parent_class)->constructed (object);

  self->saver = ls_case_saver_new (self->store, self->organisation, author);
  g_signal_connect_object (self->saver, "notify::busy",
                           G_CALLBACK (saver_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "saved", G_CALLBACK (saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "failed", G_CALLBACK (failed_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->lcase == NULL)
    {
      g_autoptr (LsCase) lcase = ls_case_new ();
      g_autofree char *now = ls_dates_dup_now (NULL);
      LsReport *report = ls_case_get_report (lcase);

      /* What the user would type anyway.  An untouched new report counts
       * as saved, so that closing it leaves no empty draft behind. */
      ls_report_set_received_at (report, now);
      ls_report_set_received_by (report, author);
      take_case (self, lcase, TRUE);
    }
  else
    {
      g_autoptr (LsCase) copy = ls_case_new ();

      /* The wizard works on its own copy, shown at once, and takes the
       * stored case when it comes: the copy it was given may be older
       * than the store, whose journal may not shrink. */
      ls_model_copy (G_OBJECT (copy), G_OBJECT (self->lcase));
      take_case (self, copy, FALSE);
      set_loading (self, TRUE);
      ls_store_load_case_async (self->store, ls_case_get_uuid (copy),
                                self->cancellable, loaded_cb, self);
    }
  update_page (self);
}

static void
ls_report_wizard_dispose (GObject *object)
{
  LsReportWizard *self = LS_REPORT_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  if (self->saver != NULL)
    {
      ls_case_saver_cancel (self->saver);
      g_signal_handlers_disconnect_by_data (self->saver, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_REPORT_WIZARD);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->saver);
  g_clear_object (&self->lcase);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->unit_ids, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->todo_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_report_wizard_parent_class)->dispose (object);
}

static void
ls_report_wizard_get_property (GObject *object,
                               guint prop_id,
                               GValue *value,
                               GParamSpec *pspec)
{
  LsReportWizard *self = LS_REPORT_WIZARD (object);

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
      g_value_set_boolean (value, ls_report_wizard_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_report_wizard_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  LsReportWizard *self = LS_REPORT_WIZARD (object);

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
ls_report_wizard_class_init (LsReportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ls_report_wizard_constructed;
  object_class->dispose = ls_report_wizard_dispose;
  object_class->get_property = ls_report_wizard_get_property;
  object_class->set_property = ls_report_wizard_set_property;
  window_class->close_request = ls_report_wizard_close_request;

  properties[PROP_STORE] = g_param_spec_object (
      "store", "Store", "Where the case is saved", LS_TYPE_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] = g_param_spec_object (
      "organisation", "Organisation", "Its kind and its units",
      LS_TYPE_ORGANISATION,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] = g_param_spec_object (
      "case", "Case", "The case; NULL when constructing starts a new report",
      LS_TYPE_CASE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object (
      "settings", "Settings", "The user's name and title", G_TYPE_SETTINGS,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean (
      "busy", "Busy", "Whether the case is being loaded or saved", FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-report-wizard.ui");
#define CHILD(name)                                                            \
  gtk_widget_class_bind_template_child (widget_class, LsReportWizard, name)
  CHILD (window_title);
  CHILD (back_button);
  CHILD (next_button);
  CHILD (progress_bar);
  CHILD (toast_overlay);
  CHILD (stack);
  CHILD (reporter_name_row);
  CHILD (reporter_category_row);
  CHILD (received_how_row);
  CHILD (received_row);
  CHILD (received_by_row);
  CHILD (wrongdoing_row);
  CHILD (wrongdoing_check);
  CHILD (risk_check);
  CHILD (category_row);
  CHILD (unit_row);
  CHILD (description_field);
  CHILD (occurred_row);
  CHILD (occurred_unknown_switch);
  CHILD (noticed_row);
  CHILD (noticed_how_row);
  CHILD (individuals_list);
  CHILD (consequences_field);
  CHILD (actions_list);
  CHILD (boards_list);
  CHILD (regno_row);
  CHILD (summary_group);
  CHILD (todo_group);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class,
                                           visible_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, occurred_unknown_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL,
                                   next_activated);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL,
                                   back_activated);
  gtk_widget_class_install_action (widget_class, "wizard.investigate", NULL,
                                   investigate_activated);
  ls_wizards_add_bindings (widget_class);
}

static void
ls_report_wizard_init (LsReportWizard *self)
{
  g_type_ensure (LS_TYPE_DATE_ROW);
  g_type_ensure (LS_TYPE_ITEM_LIST);
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::default-width", G_CALLBACK (size_changed_cb),
                    NULL);
  fill_value_row (self->reporter_category_row, LS_TYPE_REPORTER_CATEGORY);
  fill_value_row (self->received_how_row, LS_TYPE_RECEIVED_HOW);

  self->cancellable = g_cancellable_new ();
  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  self->summary_rows = g_ptr_array_new ();
  self->todo_rows = g_ptr_array_new ();
  g_signal_connect_object (self->individuals_list, "changed",
                           G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actions_list, "changed",
                           G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->boards_list, "changed",
                           G_CALLBACK (list_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * ls_report_wizard_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the case is saved
 * @organisation: the organisation, for its units and kind
 * @lcase: (nullable): the case to show; %NULL starts a new report
 * @settings: (nullable): the user's name and title
 *
 * Returns: (transfer full): a new report wizard on its first step
 */
LsReportWizard *
ls_report_wizard_new (GtkWindow *parent,
                      LsStore *store,
                      LsOrganisation *organisation,
                      LsCase *lcase,
                      GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (lcase == NULL || LS_IS_CASE (lcase), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (LS_TYPE_REPORT_WIZARD, "transient-for", parent, "store",
                       store, "organisation", organisation, "case", lcase,
                       "settings", settings, NULL);
}

/**
 * ls_report_wizard_get_case:
 *
 * Returns: (transfer none): the case as the wizard holds it
 */
LsCase *
ls_report_wizard_get_case (LsReportWizard *self)
{
  g_return_val_if_fail (LS_IS_REPORT_WIZARD (self), NULL);

  return self->lcase;
}

/**
 * ls_report_wizard_get_busy:
 *
 * Returns: whether the case is being loaded or saved
 */
gboolean
ls_report_wizard_get_busy (LsReportWizard *self)
{
  g_return_val_if_fail (LS_IS_REPORT_WIZARD (self), FALSE);

  return self->loading ||
         (self->saver != NULL && ls_case_saver_get_busy (self->saver));
}

LsReportWizardPage
ls_report_wizard_get_page (LsReportWizard *self)
{
  const char *name;

  g_return_val_if_fail (LS_IS_REPORT_WIZARD (self), 0);

  name = gtk_stack_get_visible_child_name (self->stack);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;
  return LS_REPORT_WIZARD_PAGE_REPORTER;
}

/**
 * ls_report_wizard_set_page:
 *
 * Goes to @page.  The step in view is kept in the case if it is good, and
 * its rows stay as typed if not.
 */
void
ls_report_wizard_set_page (LsReportWizard *self, LsReportWizardPage page)
{
  LsReportWizardPage current;

  g_return_if_fail (LS_IS_REPORT_WIZARD (self));
  g_return_if_fail (page < LS_REPORT_WIZARD_N_PAGES);

  current = ls_report_wizard_get_page (self);
  if (!self->loading && current != page)
    {
      commit_page (self, current, READ_LENIENT);
      save (self);
    }
  show_page (self, page);
}

/**
 * ls_report_wizard_show_step:
 * @step: %LS_STEP_REPORT (the first step that still lacks something),
 *   %LS_STEP_IMMEDIATE_ACTIONS or %LS_STEP_BOARD_NOTICE
 *
 * Shows the page that fulfils @step.
 */
void
ls_report_wizard_show_step (LsReportWizard *self, LsStep step)
{
  LsReport *report;
  LsReportWizardPage page = LS_REPORT_WIZARD_PAGE_REPORTER;

  g_return_if_fail (LS_IS_REPORT_WIZARD (self));

  if (self->loading)
    {
      self->pending_step = step;
      self->pending_step_set = TRUE;
      return;
    }
  self->pending_step_set = FALSE;

  report = ls_case_get_report (self->lcase);
  switch (step)
    {
    case LS_STEP_IMMEDIATE_ACTIONS:
      page = LS_REPORT_WIZARD_PAGE_ACTIONS;
      break;
    case LS_STEP_BOARD_NOTICE:
      page = LS_REPORT_WIZARD_PAGE_BOARDS;
      break;
    case LS_STEP_REPORT:
    default:
      if (ls_report_get_reporter_name (report) == NULL ||
          ls_report_get_reporter_category (report) ==
              LS_REPORTER_CATEGORY_UNSET ||
          ls_report_get_received_at (report) == NULL)
        page = LS_REPORT_WIZARD_PAGE_REPORTER;
      else if (ls_report_get_kind (report) == LS_CASE_KIND_UNSET ||
               ls_report_get_category (report) == NULL ||
               ls_case_get_unit_id (self->lcase) == NULL)
        page = LS_REPORT_WIZARD_PAGE_KIND;
      else if (ls_report_get_description (report) == NULL)
        page = LS_REPORT_WIZARD_PAGE_EVENT;
      else if (g_list_model_get_n_items (
                   G_LIST_MODEL (ls_report_get_individuals (report))) == 0)
        page = LS_REPORT_WIZARD_PAGE_INDIVIDUALS;
      break;
    }
  ls_report_wizard_set_page (self, page);
}

/**
 * ls_report_wizard_go_next:
 *
 * What Next does: checks the step in view and marks what is wrong; when
 * it is good, saves and shows the next step, or on the summary finishes.
 *
 * Returns: %TRUE if the wizard moved on or is finishing
 */
gboolean
ls_report_wizard_go_next (LsReportWizard *self)
{
  LsReportWizardPage page;

  g_return_val_if_fail (LS_IS_REPORT_WIZARD (self), FALSE);

  if (self->loading)
    return FALSE;
  page = ls_report_wizard_get_page (self);
  if (page == LS_REPORT_WIZARD_PAGE_SUMMARY)
    return finish (self);
  if (!commit_page (self, page, READ_STRICT))
    return FALSE;
  save (self);
  show_page (self, page + 1);
  return TRUE;
}

/**
 * ls_report_wizard_go_back:
 *
 * What Back does: keeps the step in view if it is good, and shows the one
 * before.  A step with a mistake does not hold the user back.
 */
void
ls_report_wizard_go_back (LsReportWizard *self)
{
  LsReportWizardPage page;

  g_return_if_fail (LS_IS_REPORT_WIZARD (self));

  page = ls_report_wizard_get_page (self);
  if (page > 0)
    ls_report_wizard_set_page (self, page - 1);
}
