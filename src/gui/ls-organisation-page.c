/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-organisation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-field.h"
#include "ls-labels.h"
#include "ls-law.h"
#include "ls-model.h"
#include "ls-organisation-page.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-unit-dialog.h"

/* The organisation and its units, as the first-run setup and Preferences
 * edit them.  The page works on a copy, which its owner saves when it
 * wants ("changed" tells it when there is something to save); rows that
 * are not right are marked where they are, with what to do about it. */

#define PROPERTY_KEY "ls-organisation-property"

struct _LsOrganisationPage
{
  AdwPreferencesPage parent_instance;

  LsStore *store;
  LsOrganisation *organisation;
  GHashTable *units_in_use; /* unit id -> itself */
  GCancellable *cancellable;
  gboolean filling;
  gboolean tried;

  AdwPreferencesGroup *regno_group;
  AdwComboRow *kind_row;
  GtkStringList *kind_model;
  AdwEntryRow *name_row;
  AdwEntryRow *municipality_row;
  AdwEntryRow *prefix_row;
  AdwComboRow *department_row;
  GtkStringList *department_model;
  AdwEntryRow *contact_name_row;
  AdwEntryRow *contact_title_row;
  AdwEntryRow *workplace_row;
  AdwEntryRow *postal_address_row;
  AdwEntryRow *postcode_row;
  AdwEntryRow *town_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  GtkListBox *units_list;
  GtkWidget *no_units_row;
};

G_DEFINE_FINAL_TYPE (LsOrganisationPage,
                     ls_organisation_page,
                     ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ORGANISATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const LsOrganisationKind kinds[] = {
  LS_ORGANISATION_KIND_MUNICIPAL_BOARD,
  LS_ORGANISATION_KIND_PRIVATE_PROVIDER,
  LS_ORGANISATION_KIND_SIS,
};

static AdwEntryRow **
entry_rows (LsOrganisationPage *self, guint *n_rows)
{
  AdwEntryRow *list[] = {
    self->name_row,           self->municipality_row,  self->prefix_row,
    self->contact_name_row,   self->contact_title_row, self->workplace_row,
    self->postal_address_row, self->postcode_row,      self->town_row,
    self->phone_row,          self->email_row,
  };

  *n_rows = G_N_ELEMENTS (list);
  return g_memdup2 (list, sizeof list);
}

static gboolean
required (LsOrganisationPage *self, AdwEntryRow *row)
{
  if (row == self->name_row || row == self->contact_name_row)
    return TRUE;
  /* A board is "in a municipality or region" on the form; providers and
   * SiS name themselves. */
  return row == self->municipality_row &&
         ls_organisation_get_kind (self->organisation) ==
             LS_ORGANISATION_KIND_MUNICIPAL_BOARD;
}

static char *
dup_example_regno (LsOrganisationPage *self, guint number)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  const char *prefix = ls_organisation_get_regno_prefix (self->organisation);

  if (prefix != NULL)
    return g_strdup_printf ("%s-%04d-%04u", prefix, g_date_time_get_year (now),
                            number);
  return g_strdup_printf ("%04d-%04u", g_date_time_get_year (now), number);
}

/* What is wrong with @row, or %NULL. */
static char *
dup_row_problem (LsOrganisationPage *self, AdwEntryRow *row)
{
  const char *property = g_object_get_data (G_OBJECT (row), PROPERTY_KEY);
  g_autofree char *text = ls_rows_dup_text (GTK_WIDGET (row));
  g_autoptr (GError) error = NULL;
  GParamSpec *pspec;

  if (ls_field_is_blank (text))
    {
      if (!required (self, row))
        return NULL;
      if (row == self->name_row)
        return g_strdup (_ ("Give the name of the board or provider."));
      if (row == self->municipality_row)
        return g_strdup (_ ("Give the municipality or region."));
      return g_strdup (_ ("Give whom IVO can contact."));
    }

  if (row == self->prefix_row)
    {
      g_autofree char *example = dup_example_regno (self, 1);

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isspace (g_utf8_get_char (p)))
          return g_strdup (_ ("Use letters, digits and dashes, no spaces."));
      if (!ls_field_validate (LS_FIELD_REGNO, example, &error))
        return g_strdup (error->message);
      return NULL;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->organisation),
                                        property);
  if (!ls_field_validate (ls_field_get_kind (pspec), text, &error))
    return g_strdup (error->message);
  return NULL;
}

static gboolean
check_row (LsOrganisationPage *self, AdwEntryRow *row)
{
  g_autofree char *problem = dup_row_problem (self, row);

  ls_row_set_error (GTK_WIDGET (row), problem);
  return problem == NULL;
}

static gboolean
check_department (LsOrganisationPage *self)
{
  gboolean chosen = ls_organisation_get_department (self->organisation) != NULL;

  ls_row_set_error (GTK_WIDGET (self->department_row),
                    chosen ? NULL
                           : _ ("Choose the department for your county."));
  return chosen;
}

static gboolean
check_units (LsOrganisationPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (
                     ls_organisation_get_units (self->organisation))) > 0;

  ls_row_set_error (self->no_units_row,
                    any ? NULL : _ ("Add at least one unit."));
  return any;
}

static void
update_regno_example (LsOrganisationPage *self)
{
  g_autofree char *first = dup_example_regno (self, 1);
  g_autofree char *second = dup_example_regno (self, 2);
  g_autofree char *text = NULL;

  /* Translators: the two %s are registration numbers, such as
   * "VON-2026-0001". */
  text = g_strdup_printf (_ ("Your cases are numbered by year: the first this "
                             "year gets %s, the next %s. A short prefix tells "
                             "your numbers apart from others’."),
                          first, second);
  adw_preferences_group_set_description (self->regno_group, text);
}

static void
emit_changed (LsOrganisationPage *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
row_changed_cb (LsOrganisationPage *self, GtkEditable *editable)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (editable);
  const char *property = g_object_get_data (G_OBJECT (row), PROPERTY_KEY);
  g_autofree char *text = ls_rows_dup_text (GTK_WIDGET (row));

  if (self->filling)
    return;

  g_object_set (self->organisation, property, text, NULL);
  if (row == self->prefix_row)
    update_regno_example (self);
  /* Marks follow the typing once the user tried to go on, or once the row
   * was marked: a fixed row turns normal at once. */
  if (self->tried || gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    check_row (self, row);
  emit_changed (self);
}

static void
kind_changed_cb (LsOrganisationPage *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  LsOrganisationKind kind =
      selected < G_N_ELEMENTS (kinds) ? kinds[selected] : kinds[0];

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                               ls_labels_organisation_kind_help (kind));
  if (self->filling || self->organisation == NULL)
    return;
  ls_organisation_set_kind (self->organisation, kind);
  if (self->tried)
    check_row (self, self->municipality_row);
  emit_changed (self);
}

static void
department_changed_cb (LsOrganisationPage *self)
{
  guint selected = adw_combo_row_get_selected (self->department_row);
  const LsDepartment *departments;
  const LsDepartment *department = NULL;
  guint n;

  departments = ls_law_get_departments (&n);
  if (selected >= 1 && selected <= n)
    department = &departments[selected - 1];

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->department_row),
                               department != NULL
                                   ? department->counties
                                   : _ ("Each department supervises a few "
                                        "counties; the list shows which."));
  if (self->filling || self->organisation == NULL)
    return;
  ls_organisation_set_department (self->organisation,
                                  department != NULL ? department->id : NULL);
  if (self->tried || department != NULL)
    check_department (self);
  emit_changed (self);
}

/* The popover of the department row names the counties each supervises,
 * which is how a manager knows theirs. */
static void
department_item_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem *item,
                          gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *counties = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (counties), 0);
  gtk_label_set_wrap (GTK_LABEL (counties), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (counties), 36);
  gtk_widget_add_css_class (counties, "caption");
  gtk_widget_add_css_class (counties, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), counties);
  gtk_list_item_set_child (item, box);
}

static void
department_item_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem *item,
                         gpointer user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *counties = gtk_widget_get_next_sibling (name);
  guint position = gtk_list_item_get_position (item);
  const LsDepartment *departments;
  guint n;

  departments = ls_law_get_departments (&n);
  gtk_label_set_text (GTK_LABEL (name),
                      gtk_string_object_get_string (
                          GTK_STRING_OBJECT (gtk_list_item_get_item (item))));
  gtk_widget_set_visible (counties, position >= 1 && position <= n);
  if (position >= 1 && position <= n)
    gtk_label_set_text (GTK_LABEL (counties),
                        departments[position - 1].counties);
}

static void
edit_unit_clicked_cb (GtkButton *button, LsOrganisationPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "ls-unit-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "organisation.edit-unit", "s",
                              id);
}

static void
remove_unit_clicked_cb (GtkButton *button, LsOrganisationPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "ls-unit-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "organisation.remove-unit",
                              "s", id);
}

static GtkWidget *
create_unit_row (gpointer item, gpointer user_data)
{
  LsOrganisationPage *self = user_data;
  LsUnit *unit = item;
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name = ls_unit_get_name (unit) ? ls_unit_get_name (unit) : "";
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* Translators: a unit's type of activity and its act, "Care home · SoL". */
  subtitle = ls_bidi_format (
      _ ("%s · %s"),
      ls_unit_get_activity (unit) ? ls_unit_get_activity (unit) : "",
      ls_labels_regime (ls_unit_get_regime (unit)), NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: %s is a unit's name. */
  edit_label = g_strdup_printf (_ ("Edit %s"), name);
  gtk_widget_set_tooltip_text (edit, _ ("Edit"));
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  g_object_set_data_full (G_OBJECT (edit), "ls-unit-id",
                          g_strdup (ls_unit_get_id (unit)), g_free);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_unit_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  /* A unit that cases belong to stays: the cases must keep their place. */
  if (self->units_in_use != NULL &&
      !g_hash_table_contains (self->units_in_use, ls_unit_get_id (unit)))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* Translators: %s is a unit's name. */
      remove_label = g_strdup_printf (_ ("Remove %s"), name);
      gtk_widget_set_tooltip_text (remove, _ ("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "ls-unit-id",
                              g_strdup (ls_unit_get_id (unit)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_unit_clicked_cb),
                        self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

static void
bind_units (LsOrganisationPage *self)
{
  gtk_list_box_bind_model (
      self->units_list,
      G_LIST_MODEL (ls_organisation_get_units (self->organisation)),
      create_unit_row, self, NULL);
}

static gboolean
find_unit (LsOrganisationPage *self, const char *id, guint *position)
{
  GListModel *units =
      G_LIST_MODEL (ls_organisation_get_units (self->organisation));

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (ls_unit_get_id (unit), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
unit_saved_cb (LsUnitDialog *dialog, LsUnit *unit, LsOrganisationPage *self)
{
  GListStore *units = ls_organisation_get_units (self->organisation);
  guint position;

  if (find_unit (self, ls_unit_get_id (unit), &position))
    g_list_store_splice (units, position, 1, (gpointer *) &unit, 1);
  else
    g_list_store_append (units, unit);

  if (self->tried || gtk_widget_has_css_class (self->no_units_row, "error"))
    check_units (self);
  emit_changed (self);
}

static void
open_unit_dialog (LsOrganisationPage *self, LsUnit *unit)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LsUnitDialog *dialog;

  dialog = ls_unit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               unit);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (unit_saved_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_unit_action_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  open_unit_dialog (LS_ORGANISATION_PAGE (widget), NULL);
}

static void
edit_unit_action_cb (GtkWidget *widget,
                     const char *action_name,
                     GVariant *param)
{
  LsOrganisationPage *self = LS_ORGANISATION_PAGE (widget);
  g_autoptr (LsUnit) unit = NULL;
  guint position;

  if (!find_unit (self, g_variant_get_string (param, NULL), &position))
    return;
  unit = g_list_model_get_item (
      G_LIST_MODEL (ls_organisation_get_units (self->organisation)), position);
  open_unit_dialog (self, unit);
}

static void
remove_unit_action_cb (GtkWidget *widget,
                       const char *action_name,
                       GVariant *param)
{
  LsOrganisationPage *self = LS_ORGANISATION_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  guint position;

  /* Checked again here: the button exists only for units no case uses. */
  if (self->units_in_use == NULL ||
      g_hash_table_contains (self->units_in_use, id) ||
      !find_unit (self, id, &position))
    return;
  g_list_store_remove (ls_organisation_get_units (self->organisation),
                       position);
  if (self->tried)
    check_units (self);
  emit_changed (self);
}

/* ---- Which units cases use, asked off the main loop ---------------------- */

static void
units_in_use_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsOrganisationPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) ids = NULL;

  ids = ls_store_dup_units_in_use_finish (LS_STORE (source), result, &error);
  if (ids == NULL)
    {
      /* Without knowing, no unit can be removed: the safe side. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not tell which units cases use: %s", error->message);
      return;
    }
  g_clear_pointer (&self->units_in_use, g_hash_table_unref);
  self->units_in_use =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (self->units_in_use, g_strdup (ids[i]));
  bind_units (self);
}

/* ---- Filling the rows ---------------------------------------------------- */

static void
fill (LsOrganisationPage *self)
{
  g_autofree AdwEntryRow **rows = NULL;
  const LsDepartment *departments;
  guint n_rows;
  guint n;

  self->filling = TRUE;

  rows = entry_rows (self, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      const char *property =
          g_object_get_data (G_OBJECT (rows[i]), PROPERTY_KEY);
      g_autofree char *value = NULL;

      g_object_get (self->organisation, property, &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (rows[i]),
                             value != NULL ? value : "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == ls_organisation_get_kind (self->organisation))
      adw_combo_row_set_selected (self->kind_row, i);
  kind_changed_cb (self);

  departments = ls_law_get_departments (&n);
  adw_combo_row_set_selected (self->department_row, 0);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (departments[i].id,
                   ls_organisation_get_department (self->organisation)) == 0)
      adw_combo_row_set_selected (self->department_row, i + 1);
  department_changed_cb (self);

  update_regno_example (self);
  bind_units (self);

  self->filling = FALSE;
}

static void
ls_organisation_page_constructed (GObject *object)
{
  LsOrganisationPage *self = LS_ORGANISATION_PAGE (object);

  G_OBJECT_CLASS (ls_organisation_page_parent_class)->constructed (object);

  if (self->organisation == NULL)
    self->organisation = ls_organisation_new ();
  fill (self);
  if (self->store != NULL)
    ls_store_dup_units_in_use_async (self->store, self->cancellable,
                                     units_in_use_cb, g_object_ref (self));
}

static void
ls_organisation_page_dispose (GObject *object)
{
  LsOrganisationPage *self = LS_ORGANISATION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_ORGANISATION_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_pointer (&self->units_in_use, g_hash_table_unref);

  G_OBJECT_CLASS (ls_organisation_page_parent_class)->dispose (object);
}

static void
ls_organisation_page_get_property (GObject *object,
                                   guint prop_id,
                                   GValue *value,
                                   GParamSpec *pspec)
{
  LsOrganisationPage *self = LS_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_organisation_page_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  LsOrganisationPage *self = LS_ORGANISATION_PAGE (object);
  LsOrganisation *organisation;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      organisation = g_value_get_object (value);
      if (organisation != NULL)
        {
          self->organisation = ls_organisation_new ();
          ls_model_copy (G_OBJECT (self->organisation),
                         G_OBJECT (organisation));
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_organisation_page_class_init (LsOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_organisation_page_constructed;
  object_class->dispose = ls_organisation_page_dispose;
  object_class->get_property = ls_organisation_page_get_property;
  object_class->set_property = ls_organisation_page_set_property;

  /**
   * LsOrganisationPage:store: (nullable)
   *
   * Where to ask which units cases use; without it no unit can be removed.
   */
  properties[PROP_STORE] = g_param_spec_object (
      "store", NULL, NULL, LS_TYPE_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LsOrganisationPage:organisation:
   *
   * Set: the organisation to start from, which is copied.  Read: the copy
   * as edited.
   */
  properties[PROP_ORGANISATION] = g_param_spec_object (
      "organisation", NULL, NULL, LS_TYPE_ORGANISATION,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsOrganisationPage::changed:
   *
   * Something was edited; the organisation may be worth saving.
   */
  signals[CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        regno_group);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        kind_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        kind_model);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        name_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        municipality_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        prefix_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        department_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        department_model);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        contact_title_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        workplace_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        postal_address_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        postcode_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        town_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        phone_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        email_row);
  gtk_widget_class_bind_template_child (widget_class, LsOrganisationPage,
                                        units_list);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, department_changed_cb);

  gtk_widget_class_install_action (widget_class, "organisation.add-unit", NULL,
                                   add_unit_action_cb);
  gtk_widget_class_install_action (widget_class, "organisation.edit-unit", "s",
                                   edit_unit_action_cb);
  gtk_widget_class_install_action (widget_class, "organisation.remove-unit",
                                   "s", remove_unit_action_cb);
}

static void
ls_organisation_page_init (LsOrganisationPage *self)
{
  static const struct
  {
    gsize offset;
    const char *property;
  } row_properties[] = {
    { G_STRUCT_OFFSET (LsOrganisationPage, name_row), "name" },
    { G_STRUCT_OFFSET (LsOrganisationPage, municipality_row), "municipality" },
    { G_STRUCT_OFFSET (LsOrganisationPage, prefix_row), "regno-prefix" },
    { G_STRUCT_OFFSET (LsOrganisationPage, contact_name_row), "contact-name" },
    { G_STRUCT_OFFSET (LsOrganisationPage, contact_title_row),
      "contact-title" },
    { G_STRUCT_OFFSET (LsOrganisationPage, workplace_row), "workplace" },
    { G_STRUCT_OFFSET (LsOrganisationPage, postal_address_row),
      "postal-address" },
    { G_STRUCT_OFFSET (LsOrganisationPage, postcode_row), "postcode" },
    { G_STRUCT_OFFSET (LsOrganisationPage, town_row), "town" },
    { G_STRUCT_OFFSET (LsOrganisationPage, phone_row), "phone" },
    { G_STRUCT_OFFSET (LsOrganisationPage, email_row), "email" },
  };
  g_autoptr (GtkListItemFactory) factory = NULL;
  const LsDepartment *departments;
  guint n;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (row_properties); i++)
    g_object_set_data (
        G_STRUCT_MEMBER (GObject *, self, row_properties[i].offset),
        PROPERTY_KEY, (gpointer) row_properties[i].property);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (self->kind_model,
                            ls_labels_organisation_kind (kinds[i]));

  gtk_string_list_append (self->department_model, _ ("Not chosen"));
  departments = ls_law_get_departments (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (self->department_model, departments[i].name);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (department_item_setup_cb),
                    NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (department_item_bind_cb),
                    NULL);
  adw_combo_row_set_list_factory (self->department_row, factory);

  self->no_units_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_units_row),
                                 _ ("No units yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->no_units_row),
                               _ ("Add each place where you run an activity."));
  gtk_list_box_set_placeholder (self->units_list, self->no_units_row);
}

/**
 * ls_organisation_page_new:
 * @store: (nullable): to find which units cases use
 * @organisation: (nullable): the organisation to edit; it is copied
 */
LsOrganisationPage *
ls_organisation_page_new (LsStore *store, LsOrganisation *organisation)
{
  g_return_val_if_fail (store == NULL || LS_IS_STORE (store), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);

  return g_object_new (LS_TYPE_ORGANISATION_PAGE, "store", store,
                       "organisation", organisation, NULL);
}

/**
 * ls_organisation_page_get_organisation:
 *
 * Returns: (transfer none): the organisation as edited
 */
LsOrganisation *
ls_organisation_page_get_organisation (LsOrganisationPage *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION_PAGE (self), NULL);

  return self->organisation;
}

/**
 * ls_organisation_page_validate:
 * @move_focus: whether to move the focus to the first row that is not
 *   right, as when the user asked to go on; not while they type
 *
 * Marks every row that is not right, and from now on lets the marks follow
 * the typing.
 *
 * Returns: whether the organisation may be saved
 */
gboolean
ls_organisation_page_validate (LsOrganisationPage *self, gboolean move_focus)
{
  g_autofree AdwEntryRow **rows = NULL;
  GtkWidget *first = NULL;
  guint n_rows;

  g_return_val_if_fail (LS_IS_ORGANISATION_PAGE (self), FALSE);

  self->tried = TRUE;
  rows = entry_rows (self, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    if (!check_row (self, rows[i]) && first == NULL)
      first = GTK_WIDGET (rows[i]);
  if (!check_department (self) && first == NULL)
    first = GTK_WIDGET (self->department_row);
  if (!check_units (self) && first == NULL)
    first = GTK_WIDGET (self->units_list);

  if (first != NULL && move_focus)
    gtk_widget_grab_focus (first);
  return first == NULL;
}
