/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-staff-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-item-dialog.h"
#include "ls-model.h"
#include "ls-labels.h"
#include "ls-names.h"
#include "ls-occasion-dialog.h"
#include "ls-people-rules.h"
#include "ls-staff-view.h"

/*
 * The people who must report, with what the rules of 2 kap. 2 § flag for
 * each, filtered by unit and status.  People are chosen with a check box
 * so that one information occasion is recorded for all of them at once.
 * The view changes the register in memory and emits "changed"; the window
 * saves.
 */
struct _LsStaffView
{
  AdwBin parent_instance;

  GtkDropDown *unit_dropdown;
  GtkDropDown *status_dropdown;
  GtkLabel *summary_label;
  GtkLabel *read_only_label;
  GtkListBox *list;

  LsPeopleRegister *register_;
  LsOrganisation *organisation;
  char *today;
  char *unit_filter;
  LsStaffFilter status_filter;
  GHashTable *selected; /* person ids chosen */
  guint n_shown;
  /* Why the register may only be read here, or NULL. */
  char *read_only;
};

G_DEFINE_FINAL_TYPE (LsStaffView, ls_staff_view, ADW_TYPE_BIN)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const status_names[] = {
  [LS_STAFF_FILTER_ALL] = N_ ("Everybody"),
  [LS_STAFF_FILTER_ATTENTION] = N_ ("Needs attention"),
  [LS_STAFF_FILTER_ACTIVE] = N_ ("Active"),
  [LS_STAFF_FILTER_ENDED] = N_ ("Left"),
};

/* What changes the register is there only for those who may change it. */
static void
update_actions (LsStaffView *self)
{
  gboolean may = self->read_only == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.record-occasion",
                                 may && g_hash_table_size (self->selected) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.select-all", may);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.add-person", may);
}

static void
check_toggled_cb (GtkCheckButton *check, LsStaffView *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "ls-person-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->selected, g_strdup (id));
  else
    g_hash_table_remove (self->selected, id);
  update_actions (self);
}

/* What the manager edits of a person by hand, besides the units, which
 * are the organisation's own (see dup_person_fields ()).  A person added
 * here is an employee of the unit shown until the dialog says otherwise. */
static const LsItemField person_fields[] = {
  { "name", LS_ITEM_FIELD_TEXT, N_ ("_Name"), LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "category", LS_ITEM_FIELD_ENUM, N_ ("_Category"), LS_ITEM_FIELD_REQUIRED,
    NULL, 0 },
  { "started-on", LS_ITEM_FIELD_DATE, N_ ("_Started on"),
    LS_ITEM_FIELD_REQUIRED, NULL, 0 },
  { "ended-on", LS_ITEM_FIELD_DATE, N_ ("_Ended on"), LS_ITEM_FIELD_OPTIONAL,
    NULL, 0 },
  { "staff-number", LS_ITEM_FIELD_TEXT, N_ ("Staff _number"),
    LS_ITEM_FIELD_OPTIONAL, NULL, 0 },
};

/* The fields of the person dialog with a row for the units, whose choices
 * are the organisation's units named as it names them.  Freed with the
 * dialog, which the table must outlive. */
typedef struct
{
  LsItemField fields[G_N_ELEMENTS (person_fields) + 1];
  LsChoice *units;
  guint n_units;
  char **ids;
  char **names;
} PersonFields;

static void
person_fields_free (PersonFields *table)
{
  g_strfreev (table->ids);
  g_strfreev (table->names);
  g_free (table->units);
  g_free (table);
}

static PersonFields *
dup_person_fields (LsStaffView *self)
{
  GListModel *units =
      G_LIST_MODEL (ls_organisation_get_units (self->organisation));
  PersonFields *table = g_new0 (PersonFields, 1);

  table->n_units = g_list_model_get_n_items (units);
  table->units = g_new0 (LsChoice, table->n_units + 1);
  /* Copies: the dialog may outlive the view and its organisation. */
  table->ids = g_new0 (char *, table->n_units + 1);
  table->names = g_new0 (char *, table->n_units + 1);
  for (guint i = 0; i < table->n_units; i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);

      table->ids[i] = g_strdup (ls_unit_get_id (unit));
      table->names[i] =
          g_strdup (ls_labels_unit_name (self->organisation, table->ids[i]));
      table->units[i].id = table->ids[i];
      table->units[i].name = table->names[i];
    }
  memcpy (table->fields, person_fields, sizeof person_fields);
  table->fields[G_N_ELEMENTS (person_fields)] =
      (LsItemField){ "units",       LS_ITEM_FIELD_SET,
                     N_ ("_Units"), LS_ITEM_FIELD_OPTIONAL,
                     table->units,  table->n_units };
  return table;
}

#define ORIGINAL_KEY "ls-staff-original"

static void
person_applied_cb (LsItemDialog *dialog, LsStaffView *self)
{
  LsPerson *edited = LS_PERSON (ls_item_dialog_get_item (dialog));
  LsPerson *original = g_object_get_data (G_OBJECT (dialog), ORIGINAL_KEY);

  if (ls_person_get_ended_on (edited) != NULL &&
      ls_dates_compare (ls_person_get_ended_on (edited),
                        ls_person_get_started_on (edited)) < 0)
    {
      ls_item_dialog_set_error (dialog, "ended-on",
                                _ ("The engagement cannot end before it "
                                   "began."));
      return;
    }
  if (original != NULL)
    ls_model_copy (G_OBJECT (original), G_OBJECT (edited));
  else
    g_list_store_append (ls_people_register_get_people (self->register_),
                         edited);
  ls_staff_view_refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * ls_staff_view_edit_person:
 * @person: (nullable): a person of the register, or %NULL to add one
 *
 * Opens the dialog that edits @person, or a new one; it edits a copy, so
 * that Cancel leaves the person as they were.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWidget *
ls_staff_view_edit_person (LsStaffView *self, LsPerson *person)
{
  GtkRoot *root;
  g_autoptr (LsPerson) edited = ls_person_new ();
  LsItemDialog *dialog;
  PersonFields *fields;

  g_return_val_if_fail (LS_IS_STAFF_VIEW (self), NULL);
  g_return_val_if_fail (person == NULL || LS_IS_PERSON (person), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));

  if (person != NULL)
    ls_model_copy (G_OBJECT (edited), G_OBJECT (person));
  else
    {
      ls_person_set_category (edited, LS_REPORTER_CATEGORY_EMPLOYEE);
      if (self->unit_filter != NULL)
        {
          const char *units[] = { self->unit_filter, NULL };

          ls_person_set_units (edited, units);
        }
    }
  fields = dup_person_fields (self);
  dialog = ls_item_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Person"),
      _ ("Someone who must report wrongdoings. A person who leaves is given "
         "an end date and kept, never removed."),
      G_OBJECT (edited), fields->fields, G_N_ELEMENTS (fields->fields));
  g_object_set_data_full (G_OBJECT (dialog), "ls-staff-fields", fields,
                          (GDestroyNotify) person_fields_free);
  if (person != NULL)
    g_object_set_data_full (G_OBJECT (dialog), ORIGINAL_KEY,
                            g_object_ref (person), g_object_unref);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (person_applied_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
edit_clicked_cb (GtkButton *button, LsStaffView *self)
{
  LsPerson *person = ls_people_register_find_person (
      self->register_, g_object_get_data (G_OBJECT (button), "ls-person-id"));

  if (person != NULL)
    ls_staff_view_edit_person (self, person);
}

static void
add_person_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_staff_view_edit_person (LS_STAFF_VIEW (widget), NULL);
}

static char *
dup_subtitle (LsStaffView *self, LsPerson *person, GListModel *flags)
{
  const LsChoice *category = ls_names_find (LS_TYPE_REPORTER_CATEGORY,
                                            ls_person_get_category (person));
  const char *last = ls_people_rules_last_informed (self->register_, person);
  const char *const *units = ls_person_get_units (person);
  g_autoptr (GString) text = g_string_new (NULL);

  if (category != NULL)
    g_string_append (text, _ (category->name));
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    g_string_append_printf (text, " · %s",
                            ls_labels_unit_name (self->organisation, units[i]));
  if (!ls_person_is_active (person, self->today))
    {
      g_autofree char *day =
          ls_dates_format_display (ls_person_get_ended_on (person));

      g_string_append (text, " · ");
      /* Translators: %s is the day the person left */
      g_string_append_printf (text, _ ("Left %s"), day);
    }
  else if (last != NULL)
    {
      g_autofree char *day = ls_dates_format_display (last);

      g_string_append (text, " · ");
      /* Translators: %s is the day a person was last told of the duty */
      g_string_append_printf (text, _ ("Last told %s"), day);
    }
  else
    {
      g_string_append (text, " · ");
      g_string_append (text, _ ("Never told of the duty to report"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr (LsPeopleFlag) flag = g_list_model_get_item (flags, i);

      g_string_append_printf (text, "\n%s (%s)",
                              ls_people_flag_get_message (flag),
                              ls_people_flag_get_reference (flag));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
passes (LsStaffView *self, LsPerson *person, GListModel *flags)
{
  if (!ls_person_in_unit (person, self->unit_filter))
    return FALSE;
  switch (self->status_filter)
    {
    case LS_STAFF_FILTER_ATTENTION:
      return g_list_model_get_n_items (flags) > 0;
    case LS_STAFF_FILTER_ACTIVE:
      return ls_person_is_active (person, self->today);
    case LS_STAFF_FILTER_ENDED:
      return !ls_person_is_active (person, self->today);
    case LS_STAFF_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* The check box that chooses @person for an occasion. */
static GtkWidget *
new_check (LsStaffView *self, LsPerson *person)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "ls-person-id",
                          g_strdup (ls_person_get_id (person)), g_free);
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (check),
      g_hash_table_contains (self->selected, ls_person_get_id (person)));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ls_person_get_name (person), -1);
  return check;
}

static GtkWidget *
new_row (LsStaffView *self, LsPerson *person, GListModel *flags)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = dup_subtitle (self, person, flags);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ls_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Read only, nobody is chosen for an occasion, and the name can be
   * selected and copied instead. */
  if (self->read_only == NULL)
    {
      GtkWidget *check = new_check (self, person);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
    }
  else
    adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  {
    GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

    gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (edit, "flat");
    gtk_widget_set_tooltip_text (edit, self->read_only != NULL ? self->read_only
                                                               : _ ("Edit"));
    gtk_widget_set_sensitive (edit, self->read_only == NULL);
    g_object_set_data_full (G_OBJECT (edit), "ls-person-id",
                            g_strdup (ls_person_get_id (person)), g_free);
    g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  }
  if (g_list_model_get_n_items (flags) > 0)
    {
      GtkWidget *icon =
          gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Needs attention"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

/**
 * ls_staff_view_refresh:
 *
 * Builds the list again from the register, as it is now.
 */
void
ls_staff_view_refresh (LsStaffView *self)
{
  GListModel *people;
  GtkWidget *child;
  guint n_attention = 0;
  g_autofree char *summary = NULL;
  g_autoptr (GListStore) all_flags = NULL;

  g_return_if_fail (LS_IS_STAFF_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  self->n_shown = 0;
  people = G_LIST_MODEL (ls_people_register_get_people (self->register_));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (LsPerson) person = g_list_model_get_item (people, i);
      g_autoptr (GListStore) flags =
          ls_people_rules_check_person (self->register_, person, self->today);

      if (g_list_model_get_n_items (G_LIST_MODEL (flags)) > 0)
        n_attention++;
      if (!passes (self, person, G_LIST_MODEL (flags)))
        continue;
      gtk_list_box_append (self->list,
                           new_row (self, person, G_LIST_MODEL (flags)));
      self->n_shown++;
    }

  all_flags = ls_people_rules_check (self->register_, self->today);
  if (g_list_model_get_n_items (G_LIST_MODEL (all_flags)) > 0)
    {
      g_autoptr (LsPeopleFlag) first =
          g_list_model_get_item (G_LIST_MODEL (all_flags), 0);

      if (ls_people_flag_get_kind (first) == LS_PEOPLE_FLAG_NO_ROUTINES)
        summary =
            g_strdup_printf ("%s (%s)", ls_people_flag_get_message (first),
                             ls_people_flag_get_reference (first));
    }
  if (summary == NULL)
    summary = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%u person needs to be told of the duty to report.",
                     "%u people need to be told of the duty to report.",
                     n_attention),
        n_attention);
  gtk_label_set_text (self->summary_label, summary);
  update_actions (self);
}

static void
filter_changed_cb (LsStaffView *self)
{
  guint unit = gtk_drop_down_get_selected (self->unit_dropdown);
  g_autoptr (LsUnit) chosen = NULL;

  if (self->register_ == NULL)
    return;
  if (unit > 0 && unit != GTK_INVALID_LIST_POSITION)
    chosen = g_list_model_get_item (
        G_LIST_MODEL (ls_organisation_get_units (self->organisation)),
        unit - 1);
  g_free (self->unit_filter);
  self->unit_filter =
      chosen != NULL ? g_strdup (ls_unit_get_id (chosen)) : NULL;
  self->status_filter = gtk_drop_down_get_selected (self->status_dropdown);
  ls_staff_view_refresh (self);
}

static void
occasion_recorded_cb (LsOccasionDialog *dialog,
                      LsInformationOccasion *occasion,
                      LsStaffView *self)
{
  g_list_store_append (ls_people_register_get_occasions (self->register_),
                       occasion);
  g_hash_table_remove_all (self->selected);
  ls_staff_view_refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
record_occasion_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  GtkWidget *dialog = ls_staff_view_record_occasion (LS_STAFF_VIEW (widget));

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
select_all_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_staff_view_select_all (LS_STAFF_VIEW (widget));
}

static void
ls_staff_view_dispose (GObject *object)
{
  LsStaffView *self = LS_STAFF_VIEW (object);

  g_clear_object (&self->register_);
  g_clear_object (&self->organisation);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->unit_filter, g_free);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->read_only, g_free);

  G_OBJECT_CLASS (ls_staff_view_parent_class)->dispose (object);
}

static void
ls_staff_view_class_init (LsStaffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_staff_view_dispose;

  /**
   * LsStaffView::changed:
   *
   * The register changed (an occasion was recorded): it is to be saved.
   */
  signals[SIGNAL_CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/people/ls-staff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LsStaffView,
                                        unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LsStaffView,
                                        status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LsStaffView,
                                        summary_label);
  gtk_widget_class_bind_template_child (widget_class, LsStaffView,
                                        read_only_label);
  gtk_widget_class_bind_template_child (widget_class, LsStaffView, list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_install_action (widget_class, "staff.record-occasion", NULL,
                                   record_occasion_cb);
  gtk_widget_class_install_action (widget_class, "staff.select-all", NULL,
                                   select_all_cb);
  gtk_widget_class_install_action (widget_class, "staff.add-person", NULL,
                                   add_person_cb);
}

static void
ls_staff_view_init (LsStaffView *self)
{
  self->selected =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill_dropdowns (LsStaffView *self)
{
  g_autoptr (GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  GListModel *unit_list =
      G_LIST_MODEL (ls_organisation_get_units (self->organisation));

  gtk_string_list_append (units, _ ("All Units"));
  for (guint i = 0; i < g_list_model_get_n_items (unit_list); i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (unit_list, i);

      gtk_string_list_append (
          units,
          ls_labels_unit_name (self->organisation, ls_unit_get_id (unit)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    gtk_string_list_append (statuses, _ (status_names[i]));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (units));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
}

/**
 * ls_staff_view_new:
 * @today: the day the rules are checked on, "2026-03-01"
 *
 * Returns: (transfer full): the staff view of @register_
 */
GtkWidget *
ls_staff_view_new (LsPeopleRegister *register_,
                   LsOrganisation *organisation,
                   const char *today)
{
  LsStaffView *self;

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), NULL);
  g_return_val_if_fail (LS_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_object_new (LS_TYPE_STAFF_VIEW, NULL);
  self->organisation = g_object_ref (organisation);
  self->today = g_strdup (today);
  fill_dropdowns (self);
  self->register_ = g_object_ref (register_);
  ls_staff_view_refresh (self);
  return GTK_WIDGET (self);
}

/**
 * ls_staff_view_set_read_only:
 * @why: (nullable): the sentence that says why the register may not be
 *   changed here, or %NULL to let it be changed again
 *
 * Lets the register be read, filtered and scrolled but not changed: what
 * would change it is insensitive, and @why is shown above the list.
 */
void
ls_staff_view_set_read_only (LsStaffView *self, const char *why)
{
  g_return_if_fail (LS_IS_STAFF_VIEW (self));

  g_free (self->read_only);
  self->read_only = g_strdup (why);
  gtk_label_set_text (self->read_only_label, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), why != NULL);
  if (why != NULL)
    g_hash_table_remove_all (self->selected);
  ls_staff_view_refresh (self);
}

/**
 * ls_staff_view_set_filter:
 * @unit_id: (nullable): only people of this unit, or %NULL for all
 *
 * Shows the people of @unit_id that pass @filter.
 */
void
ls_staff_view_set_filter (LsStaffView *self,
                          const char *unit_id,
                          LsStaffFilter filter)
{
  GListModel *units;
  guint position = 0;

  g_return_if_fail (LS_IS_STAFF_VIEW (self));

  units = G_LIST_MODEL (ls_organisation_get_units (self->organisation));
  for (guint i = 0; unit_id != NULL && i < g_list_model_get_n_items (units);
       i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (ls_unit_get_id (unit), unit_id) == 0)
        position = i + 1;
    }
  gtk_drop_down_set_selected (self->unit_dropdown, position);
  gtk_drop_down_set_selected (self->status_dropdown, filter);
  filter_changed_cb (self);
}

guint
ls_staff_view_get_n_shown (LsStaffView *self)
{
  g_return_val_if_fail (LS_IS_STAFF_VIEW (self), 0);

  return self->n_shown;
}

/**
 * ls_staff_view_select_all:
 *
 * Chooses everybody the list shows.
 */
void
ls_staff_view_select_all (LsStaffView *self)
{
  g_return_if_fail (LS_IS_STAFF_VIEW (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check =
          adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }
}

/**
 * ls_staff_view_dup_selected:
 *
 * Returns: (transfer full): the identifiers of the people chosen, in the
 *   register's order
 */
GStrv
ls_staff_view_dup_selected (LsStaffView *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *people;

  g_return_val_if_fail (LS_IS_STAFF_VIEW (self), NULL);

  people = G_LIST_MODEL (ls_people_register_get_people (self->register_));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (LsPerson) person = g_list_model_get_item (people, i);

      if (g_hash_table_contains (self->selected, ls_person_get_id (person)))
        g_strv_builder_add (builder, ls_person_get_id (person));
    }
  return g_strv_builder_end (builder);
}

/**
 * ls_staff_view_record_occasion:
 *
 * Opens the dialog that records one information occasion for everybody
 * chosen; once recorded it is in the register and "changed" is emitted.
 *
 * Returns: (transfer none) (nullable): the dialog, not yet shown, or %NULL
 *   when nobody is chosen
 */
GtkWidget *
ls_staff_view_record_occasion (LsStaffView *self)
{
  g_auto (GStrv) selected = NULL;
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_val_if_fail (LS_IS_STAFF_VIEW (self), NULL);

  selected = ls_staff_view_dup_selected (self);
  if (selected[0] == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ls_occasion_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->register_,
      (const char *const *) selected, self->today);
  g_signal_connect_object (dialog, "recorded",
                           G_CALLBACK (occasion_recorded_cb), self, 0);
  return dialog;
}
