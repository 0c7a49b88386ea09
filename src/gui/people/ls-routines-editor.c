/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-routines-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-date-row.h"
#include "ls-dates.h"
#include "ls-responsibility.h"
#include "ls-row-error.h"
#include "ls-routines-editor.h"
#include "ls-toast.h"

/*
 * Edits the routines: a row per responsibility of the advice to 7 kap.
 * 1 §, with its holder, the substitute under conflict of interest and
 * how it is done, for the whole organisation or one unit.  Edits go into
 * a draft; deciding it appends it to the register as a new version and
 * emits "decided", for the window to save.  Earlier versions are shown
 * read-only.
 */
struct _LsRoutinesEditor
{
  AdwBin parent_instance;

  AdwPreferencesGroup *read_only_group;
  AdwComboRow *version_row;
  AdwComboRow *unit_row;
  AdwPreferencesGroup *responsibilities_group;
  AdwPreferencesGroup *decide_group;
  AdwEntryRow *decided_by_row;
  LsDateRow *decided_on_row;

  LsPeopleRegister *register_;
  LsOrganisation *organisation;
  LsRoutines *draft;
  LsRoutines *shown;
  char *unit_id;

  AdwExpanderRow *expanders[LS_N_RESPONSIBILITIES];
  AdwEntryRow *holders[LS_N_RESPONSIBILITIES];
  AdwEntryRow *substitutes[LS_N_RESPONSIBILITIES];
  AdwEntryRow *hows[LS_N_RESPONSIBILITIES];
  gboolean loading;
  /* Why no version may be decided here, or NULL. */
  char *read_only;
};

G_DEFINE_FINAL_TYPE (LsRoutinesEditor, ls_routines_editor, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_REGISTER,
  PROP_ORGANISATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_versions (LsRoutinesEditor *self)
{
  return g_list_model_get_n_items (
      G_LIST_MODEL (ls_people_register_get_routines (self->register_)));
}

/* Version rows are the draft first, then the decided versions newest
 * first. */
static LsRoutines *
version_at (LsRoutinesEditor *self, guint position)
{
  GListModel *versions =
      G_LIST_MODEL (ls_people_register_get_routines (self->register_));
  g_autoptr (LsRoutines) routines = NULL;

  if (position == 0 || position > n_versions (self))
    return self->draft;
  routines = g_list_model_get_item (versions, n_versions (self) - position);
  return routines;
}

static void
fill_versions (LsRoutinesEditor *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _ ("New decision (draft)"));
  for (guint i = 1; i <= n_versions (self); i++)
    {
      LsRoutines *routines = version_at (self, i);
      g_autofree char *day =
          ls_dates_format_display (ls_routines_get_decided_on (routines));
      /* Translators: a version of the routines: the day it was decided and
       * who decided it */
      g_autofree char *label = g_strdup_printf (
          _ ("Decided %s by %s"), day, ls_routines_get_decided_by (routines));

      gtk_string_list_append (list, label);
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->version_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->version_row, 0);
  self->loading = FALSE;
}

static void
fill_units (LsRoutinesEditor *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  GListModel *units =
      G_LIST_MODEL (ls_organisation_get_units (self->organisation));

  gtk_string_list_append (list, _ ("The whole organisation"));
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);

      gtk_string_list_append (list, ls_unit_get_name (unit) != NULL
                                        ? ls_unit_get_name (unit)
                                        : _ ("Unnamed unit"));
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (list));
  self->loading = FALSE;
}

static const char *
holder_of (LsRoutines *routines, LsResponsibility r, const char *unit_id)
{
  LsAssignment *assignment = ls_routines_find (routines, r, unit_id);

  return assignment != NULL ? ls_assignment_get_holder (assignment) : NULL;
}

/* What the collapsed row says: who holds it here, or that nobody does. */
static void
update_subtitle (LsRoutinesEditor *self, LsResponsibility r)
{
  const char *holder = holder_of (self->shown, r, self->unit_id);
  LsAssignment *own = ls_routines_find (self->shown, r, self->unit_id);
  const char *substitute =
      own != NULL ? ls_assignment_get_substitute (own) : NULL;
  g_autofree char *subtitle = NULL;

  if (!ls_responsibility_get_info (r)->has_holder)
    return;
  if (holder == NULL)
    subtitle = g_strdup (_ ("Nobody named"));
  else if (substitute == NULL)
    /* Translators: %s is who holds a responsibility */
    subtitle = g_strdup_printf (_ ("%s; no substitute named"), holder);
  else
    /* Translators: who holds a responsibility, and who takes over when
     * that person is concerned by the report */
    subtitle = g_strdup_printf (_ ("%s; substitute %s"), holder, substitute);
  adw_expander_row_set_subtitle (self->expanders[r], subtitle);
}

static void
show_routines (LsRoutinesEditor *self)
{
  gboolean editable = self->shown == self->draft && self->read_only == NULL;

  self->loading = TRUE;
  for (guint r = 0; r < LS_N_RESPONSIBILITIES; r++)
    {
      LsAssignment *exact = NULL;
      GListModel *assignments;

      if (self->holders[r] == NULL)
        continue;
      assignments = G_LIST_MODEL (ls_routines_get_assignments (self->shown));
      for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
        {
          g_autoptr (LsAssignment) a = g_list_model_get_item (assignments, i);

          if (ls_assignment_get_responsibility (a) == r &&
              g_strcmp0 (ls_assignment_get_unit_id (a), self->unit_id) == 0)
            exact = a;
        }
      gtk_editable_set_text (GTK_EDITABLE (self->holders[r]),
                             exact != NULL &&
                                     ls_assignment_get_holder (exact) != NULL
                                 ? ls_assignment_get_holder (exact)
                                 : "");
      gtk_editable_set_text (
          GTK_EDITABLE (self->substitutes[r]),
          exact != NULL && ls_assignment_get_substitute (exact) != NULL
              ? ls_assignment_get_substitute (exact)
              : "");
      gtk_editable_set_text (GTK_EDITABLE (self->hows[r]),
                             exact != NULL &&
                                     ls_assignment_get_how (exact) != NULL
                                 ? ls_assignment_get_how (exact)
                                 : "");
      gtk_editable_set_editable (GTK_EDITABLE (self->holders[r]), editable);
      gtk_editable_set_editable (GTK_EDITABLE (self->substitutes[r]), editable);
      gtk_editable_set_editable (GTK_EDITABLE (self->hows[r]), editable);
      update_subtitle (self, r);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->decide_group), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routines.decide",
                                 editable);
  self->loading = FALSE;
}

static void
entry_changed_cb (GtkEditable *editable, LsRoutinesEditor *self)
{
  LsResponsibility r = GPOINTER_TO_UINT (
      g_object_get_data (G_OBJECT (editable), "ls-responsibility"));
  LsAssignment *assignment;
  const char *text = gtk_editable_get_text (editable);

  if (self->loading || self->shown != self->draft || self->read_only != NULL)
    return;
  assignment = ls_routines_ensure (self->draft, r, self->unit_id);
  if (GTK_WIDGET (editable) == GTK_WIDGET (self->holders[r]))
    ls_assignment_set_holder (assignment, text);
  else if (GTK_WIDGET (editable) == GTK_WIDGET (self->substitutes[r]))
    ls_assignment_set_substitute (assignment, text);
  else
    ls_assignment_set_how (assignment, text);
  update_subtitle (self, r);
}

static AdwEntryRow *
add_entry (LsRoutinesEditor *self,
           AdwExpanderRow *expander,
           LsResponsibility r,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "ls-responsibility", GUINT_TO_POINTER (r));
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
  adw_expander_row_add_row (expander, row);
  return ADW_ENTRY_ROW (row);
}

static void
build_rows (LsRoutinesEditor *self)
{
  for (guint r = 0; r < LS_N_RESPONSIBILITIES; r++)
    {
      const LsResponsibilityInfo *info = ls_responsibility_get_info (r);
      GtkWidget *expander = adw_expander_row_new ();

      self->expanders[r] = ADW_EXPANDER_ROW (expander);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     _ (info->name));
      adw_preferences_group_add (self->responsibilities_group, expander);
      if (!info->has_holder)
        {
          adw_expander_row_set_subtitle (
              ADW_EXPANDER_ROW (expander),
              _ ("The points of 5 kap. the app asks for, printed in the "
                 "routines document"));
          continue;
        }
      self->holders[r] = add_entry (self, self->expanders[r], r,
                                    _ ("Holder (person or function)"));
      self->substitutes[r] =
          add_entry (self, self->expanders[r], r,
                     _ ("Substitute if the holder is concerned by the report"));
      self->hows[r] = add_entry (self, self->expanders[r], r,
                                 _ ("How it is done (optional)"));
    }
}

static void
version_selected_cb (LsRoutinesEditor *self)
{
  if (self->loading)
    return;
  self->shown =
      version_at (self, adw_combo_row_get_selected (self->version_row));
  show_routines (self);
}

static void
unit_selected_cb (LsRoutinesEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);
  g_autoptr (LsUnit) unit = NULL;

  if (self->loading)
    return;
  if (selected > 0)
    unit = g_list_model_get_item (
        G_LIST_MODEL (ls_organisation_get_units (self->organisation)),
        selected - 1);
  g_free (self->unit_id);
  self->unit_id = unit != NULL ? g_strdup (ls_unit_get_id (unit)) : NULL;
  show_routines (self);
}

static void
start_draft (LsRoutinesEditor *self)
{
  LsRoutines *latest = ls_people_register_get_latest_routines (self->register_);

  g_clear_object (&self->draft);
  self->draft =
      latest != NULL ? ls_routines_new_version (latest) : ls_routines_new ();
  self->shown = self->draft;
}

static void
decide_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LsRoutinesEditor *self = LS_ROUTINES_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (!ls_routines_editor_decide (self, &error))
    ls_toast_show (widget, adw_toast_new (error->message));
}

static void
ls_routines_editor_constructed (GObject *object)
{
  LsRoutinesEditor *self = LS_ROUTINES_EDITOR (object);

  G_OBJECT_CLASS (ls_routines_editor_parent_class)->constructed (object);

  start_draft (self);
  build_rows (self);
  fill_versions (self);
  fill_units (self);
  show_routines (self);
}

static void
ls_routines_editor_dispose (GObject *object)
{
  LsRoutinesEditor *self = LS_ROUTINES_EDITOR (object);

  g_clear_object (&self->register_);
  g_clear_object (&self->organisation);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->unit_id, g_free);
  g_clear_pointer (&self->read_only, g_free);

  G_OBJECT_CLASS (ls_routines_editor_parent_class)->dispose (object);
}

static void
ls_routines_editor_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  LsRoutinesEditor *self = LS_ROUTINES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      self->register_ = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_routines_editor_get_property (GObject *object,
                                 guint prop_id,
                                 GValue *value,
                                 GParamSpec *pspec)
{
  LsRoutinesEditor *self = LS_ROUTINES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->register_);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_routines_editor_class_init (LsRoutinesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_routines_editor_constructed;
  object_class->dispose = ls_routines_editor_dispose;
  object_class->set_property = ls_routines_editor_set_property;
  object_class->get_property = ls_routines_editor_get_property;

  properties[PROP_REGISTER] = g_param_spec_object (
      "register", "Register", "The register whose routines are edited",
      LS_TYPE_PEOPLE_REGISTER,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] = g_param_spec_object (
      "organisation", "Organisation", "The organisation, for its units",
      LS_TYPE_ORGANISATION,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsRoutinesEditor::decided:
   * @routines: the new version, appended to the register
   *
   * A new version was decided: the register is to be saved.
   */
  signals[SIGNAL_DECIDED] =
      g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, LS_TYPE_ROUTINES);

  g_type_ensure (LS_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/people/ls-routines-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LsRoutinesEditor,
                                        read_only_group);
  gtk_widget_class_bind_template_child (widget_class, LsRoutinesEditor,
                                        version_row);
  gtk_widget_class_bind_template_child (widget_class, LsRoutinesEditor,
                                        unit_row);
  gtk_widget_class_bind_template_child (widget_class, LsRoutinesEditor,
                                        responsibilities_group);
  gtk_widget_class_bind_template_child (widget_class, LsRoutinesEditor,
                                        decide_group);
  gtk_widget_class_bind_template_child (widget_class, LsRoutinesEditor,
                                        decided_by_row);
  gtk_widget_class_bind_template_child (widget_class, LsRoutinesEditor,
                                        decided_on_row);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_selected_cb);
  gtk_widget_class_install_action (widget_class, "routines.decide", NULL,
                                   decide_cb);
}

static void
ls_routines_editor_init (LsRoutinesEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ls_routines_editor_new:
 *
 * Returns: (transfer full): an editor of the routines of @register_
 */
GtkWidget *
ls_routines_editor_new (LsPeopleRegister *register_,
                        LsOrganisation *organisation)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), NULL);
  g_return_val_if_fail (LS_IS_ORGANISATION (organisation), NULL);

  return g_object_new (LS_TYPE_ROUTINES_EDITOR, "register", register_,
                       "organisation", organisation, NULL);
}

/**
 * ls_routines_editor_set_read_only:
 * @why: (nullable): the sentence that says why the routines may not be
 *   changed here, or %NULL to let them be changed again
 *
 * Lets every version be read, its text selected and the page scrolled,
 * but no new version decided: the entries do not take input, the
 * decision is hidden, and @why is shown at the top.
 */
void
ls_routines_editor_set_read_only (LsRoutinesEditor *self, const char *why)
{
  g_return_if_fail (LS_IS_ROUTINES_EDITOR (self));

  g_free (self->read_only);
  self->read_only = g_strdup (why);
  adw_preferences_group_set_description (self->read_only_group, why);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_group), why != NULL);
  show_routines (self);
}

/**
 * ls_routines_editor_get_draft:
 *
 * Returns: (transfer none): the version being edited, not yet decided
 */
LsRoutines *
ls_routines_editor_get_draft (LsRoutinesEditor *self)
{
  g_return_val_if_fail (LS_IS_ROUTINES_EDITOR (self), NULL);

  return self->draft;
}

/**
 * ls_routines_editor_get_shown:
 *
 * Returns: (transfer none): the version shown: the draft or a decided one
 */
LsRoutines *
ls_routines_editor_get_shown (LsRoutinesEditor *self)
{
  g_return_val_if_fail (LS_IS_ROUTINES_EDITOR (self), NULL);

  return self->shown;
}

/**
 * ls_routines_editor_set_unit:
 * @unit_id: (nullable): a unit, or %NULL for the whole organisation
 *
 * Shows the holders of @unit_id.
 */
void
ls_routines_editor_set_unit (LsRoutinesEditor *self, const char *unit_id)
{
  GListModel *units;

  g_return_if_fail (LS_IS_ROUTINES_EDITOR (self));

  units = G_LIST_MODEL (ls_organisation_get_units (self->organisation));
  for (guint i = 0; unit_id != NULL && i < g_list_model_get_n_items (units);
       i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (ls_unit_get_id (unit), unit_id) == 0)
        {
          adw_combo_row_set_selected (self->unit_row, i + 1);
          return;
        }
    }
  adw_combo_row_set_selected (self->unit_row, 0);
}

/* Assignments of units the manager looked at and left empty say nothing. */
static void
drop_empty (LsRoutines *routines)
{
  GListStore *assignments = ls_routines_get_assignments (routines);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (assignments)); i > 0;
       i--)
    {
      g_autoptr (LsAssignment) a =
          g_list_model_get_item (G_LIST_MODEL (assignments), i - 1);

      if (ls_assignment_get_holder (a) == NULL &&
          ls_assignment_get_substitute (a) == NULL &&
          ls_assignment_get_how (a) == NULL)
        g_list_store_remove (assignments, i - 1);
    }
}

/**
 * ls_routines_editor_decide:
 *
 * Decides the draft: with who decided and when from the rows, it becomes
 * the newest version of the register, "decided" is emitted and a new
 * draft starts from it.
 *
 * Returns: %TRUE, or %FALSE with @error saying what is missing, and the
 *   row marked
 */
gboolean
ls_routines_editor_decide (LsRoutinesEditor *self, GError **error)
{
  g_autofree char *decided_on = NULL;
  g_autoptr (LsRoutines) decided = NULL;
  const char *decided_by;

  g_return_val_if_fail (LS_IS_ROUTINES_EDITOR (self), FALSE);

  decided_by = gtk_editable_get_text (GTK_EDITABLE (self->decided_by_row));
  if (*decided_by == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("Give who decided the routines, such as the "
                              "board and the paragraph of its minutes."));
      ls_row_set_error (GTK_WIDGET (self->decided_by_row), (*error)->message);
      return FALSE;
    }
  if (!ls_date_row_read (self->decided_on_row, NULL, &decided_on, error))
    return FALSE;
  if (decided_on == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("Give the day the routines were decided."));
      ls_row_set_error (GTK_WIDGET (self->decided_on_row), (*error)->message);
      return FALSE;
    }
  ls_row_set_error (GTK_WIDGET (self->decided_by_row), NULL);
  ls_row_set_error (GTK_WIDGET (self->decided_on_row), NULL);

  decided = g_object_ref (self->draft);
  drop_empty (decided);
  ls_routines_set_decided_by (decided, decided_by);
  ls_routines_set_decided_on (decided, decided_on);
  g_list_store_append (ls_people_register_get_routines (self->register_),
                       decided);

  start_draft (self);
  gtk_editable_set_text (GTK_EDITABLE (self->decided_by_row), "");
  ls_date_row_set_value (self->decided_on_row, NULL);
  fill_versions (self);
  show_routines (self);
  g_signal_emit (self, signals[SIGNAL_DECIDED], 0, decided);
  return TRUE;
}
