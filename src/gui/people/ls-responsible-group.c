/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-responsible-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-enum-types.h"
#include "ls-people-rules.h"
#include "ls-responsibility.h"
#include "ls-responsible-group.h"
#include "ls-wizard.h"

/*
 * At a step of a wizard, who the routines make responsible for it
 * (7 kap. 1 § and its advice): the holder, or, when the holder is
 * concerned by the report, that fact and the substitute.  "Use" hands the
 * name to the page ("use" signal), and when it is the substitute records
 * in the case who took over and why, so that the save puts it in the
 * history.  The register is loaded off the main loop when the page is
 * shown, each time, so that a decision made meanwhile counts.
 */
struct _LsResponsibleGroup
{
  AdwPreferencesGroup parent_instance;

  LsResponsibility responsibility;
  AdwActionRow *row;
  GtkButton *use_button;

  LsWizardPage *page; /* unowned: the page holds this group */
  LsPeopleRegister *register_;
  GCancellable *cancellable;
  char *suggestion;
  gboolean concerned;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (LsResponsibleGroup,
                     ls_responsible_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_RESPONSIBILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_USE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show (LsResponsibleGroup *self)
{
  LsCase *lcase = ls_wizard_page_get_case (self->page);
  const LsResponsibilityInfo *info =
      ls_responsibility_get_info (self->responsibility);
  LsAssignment *assignment = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *holder = NULL;

  g_clear_pointer (&self->suggestion, g_free);
  self->concerned = FALSE;
  if (self->register_ != NULL && lcase != NULL)
    assignment = ls_people_rules_find_responsible (self->register_, lcase,
                                                   self->responsibility);
  if (assignment != NULL)
    holder = ls_assignment_get_holder (assignment);
  gtk_widget_remove_css_class (GTK_WIDGET (self->row), "warning");

  if (self->register_ != NULL &&
      ls_people_register_get_latest_routines (self->register_) == NULL)
    {
      title = g_strdup (_ ("No routines have been decided"));
      subtitle = g_strdup (_ ("Decide who does what under Staff and Routines "
                              "in the main menu (7 kap. 1 § SOSFS 2011:5)."));
    }
  else if (holder == NULL)
    {
      title = g_strdup (_ ("The routines name nobody for this"));
      subtitle = g_strdup (_ (info->name));
    }
  else
    {
      self->suggestion = ls_people_rules_dup_suggestion (
          self->register_, lcase, self->responsibility, &self->concerned);
      if (!self->concerned)
        {
          /* Translators: %s is who the routines make responsible */
          title = g_strdup_printf (_ ("By the routines: %s"), holder);
          subtitle = g_strdup (_ (info->name));
        }
      else
        {
          g_autofree char *name = ls_people_rules_dup_name (holder, NULL);

          /* Translators: %s is the holder of a responsibility by the
           * routines */
          title = g_strdup_printf (_ ("%s is concerned by the report"), name);
          if (self->suggestion != NULL)
            /* Translators: %s is the substitute the routines name */
            subtitle = g_strdup_printf (
                _ ("By the routines %s takes over (conflict of interest)."),
                self->suggestion);
          else
            subtitle = g_strdup (_ ("The routines name no substitute who is "
                                    "not concerned: decide who takes over, "
                                    "and name a substitute in the routines."));
          gtk_widget_add_css_class (GTK_WIDGET (self->row), "warning");
        }
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), title);
  adw_action_row_set_subtitle (self->row, subtitle);
  gtk_widget_set_visible (
      GTK_WIDGET (self->use_button),
      self->suggestion != NULL &&
          g_signal_has_handler_pending (self, signals[SIGNAL_USE], 0, FALSE));
  gtk_button_set_label (self->use_button,
                        self->concerned ? _ ("Use Substitute") : _ ("Use"));
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPeopleRegister) register_ =
      ls_store_load_people_finish (LS_STORE (source), result, &error);
  LsResponsibleGroup *self;

  if (register_ == NULL &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  self->loading = FALSE;
  if (register_ == NULL)
    {
      g_debug ("No register to suggest from: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  g_set_object (&self->register_, register_);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  show (self);
}

static void
load (LsResponsibleGroup *self)
{
  LsContext *context = ls_wizard_page_get_context (self->page);

  if (context == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  ls_store_load_people_async (ls_context_get_store (context), self->cancellable,
                              loaded_cb, self);
}

/* Each time the step is shown: a decision made meanwhile counts. */
static void
mapped_cb (LsResponsibleGroup *self)
{
  if (self->page == NULL)
    self->page = LS_WIZARD_PAGE (
        gtk_widget_get_ancestor (GTK_WIDGET (self), LS_TYPE_WIZARD_PAGE));
  if (self->page != NULL)
    load (self);
}

static void
use_clicked_cb (LsResponsibleGroup *self)
{
  ls_responsible_group_use (self);
}

static void
ls_responsible_group_dispose (GObject *object)
{
  LsResponsibleGroup *self = LS_RESPONSIBLE_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->register_);
  g_clear_pointer (&self->suggestion, g_free);

  G_OBJECT_CLASS (ls_responsible_group_parent_class)->dispose (object);
}

static void
ls_responsible_group_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  LsResponsibleGroup *self = LS_RESPONSIBLE_GROUP (object);

  switch (prop_id)
    {
    case PROP_RESPONSIBILITY:
      self->responsibility = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_responsible_group_get_property (GObject *object,
                                   guint prop_id,
                                   GValue *value,
                                   GParamSpec *pspec)
{
  LsResponsibleGroup *self = LS_RESPONSIBLE_GROUP (object);

  switch (prop_id)
    {
    case PROP_RESPONSIBILITY:
      g_value_set_enum (value, self->responsibility);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_responsible_group_class_init (LsResponsibleGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_responsible_group_dispose;
  object_class->set_property = ls_responsible_group_set_property;
  object_class->get_property = ls_responsible_group_get_property;

  properties[PROP_RESPONSIBILITY] = g_param_spec_enum (
      "responsibility", "Responsibility",
      "The responsibility of the routines this step is about",
      LS_TYPE_RESPONSIBILITY, LS_RESPONSIBILITY_INVESTIGATE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsResponsibleGroup::use:
   * @name: who the routines make responsible, the substitute when the
   *   holder is concerned
   */
  signals[SIGNAL_USE] =
      g_signal_new ("use", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ls_responsible_group_init (LsResponsibleGroup *self)
{
  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  self->use_button = GTK_BUTTON (gtk_button_new_with_label (_ ("Use")));
  gtk_widget_set_valign (GTK_WIDGET (self->use_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->use_button, "clicked",
                            G_CALLBACK (use_clicked_cb), self);
  adw_action_row_add_suffix (self->row, GTK_WIDGET (self->use_button));
  adw_action_row_set_subtitle_lines (self->row, 0);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   _ ("Responsible by the Routines"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self),
                             GTK_WIDGET (self->row));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row),
                                 _ ("Reading the routines…"));
  gtk_widget_set_visible (GTK_WIDGET (self->use_button), FALSE);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

/**
 * ls_responsible_group_attach:
 * @page: the page this group stands on
 *
 * Says which page's case to follow, for a group that is not yet inside
 * its page; a group in a page's template finds its page when shown.
 */
void
ls_responsible_group_attach (LsResponsibleGroup *self, LsWizardPage *page)
{
  g_return_if_fail (LS_IS_RESPONSIBLE_GROUP (self));
  g_return_if_fail (LS_IS_WIZARD_PAGE (page));

  self->page = page;
}

/**
 * ls_responsible_group_get_suggestion:
 *
 * Returns: (nullable): who is suggested, once the register is read
 */
const char *
ls_responsible_group_get_suggestion (LsResponsibleGroup *self)
{
  g_return_val_if_fail (LS_IS_RESPONSIBLE_GROUP (self), NULL);

  return self->suggestion;
}

/**
 * ls_responsible_group_get_concerned:
 *
 * Returns: whether the holder is concerned by the report
 */
gboolean
ls_responsible_group_get_concerned (LsResponsibleGroup *self)
{
  g_return_val_if_fail (LS_IS_RESPONSIBLE_GROUP (self), FALSE);

  return self->concerned;
}

/**
 * ls_responsible_group_get_loading:
 *
 * Returns: whether the register is being read
 */
gboolean
ls_responsible_group_get_loading (LsResponsibleGroup *self)
{
  g_return_val_if_fail (LS_IS_RESPONSIBLE_GROUP (self), FALSE);

  return self->loading;
}

/**
 * ls_responsible_group_use:
 *
 * Takes the suggestion: "use" hands it to the page, and a substitute
 * taking over from a concerned holder is recorded in the case, and saved.
 */
void
ls_responsible_group_use (LsResponsibleGroup *self)
{
  g_autofree char *name = NULL;

  g_return_if_fail (LS_IS_RESPONSIBLE_GROUP (self));

  if (self->suggestion == NULL || self->page == NULL)
    return;
  name = g_strdup (self->suggestion);
  if (self->concerned &&
      ls_people_rules_record_substitution (self->register_,
                                           ls_wizard_page_get_case (self->page),
                                           self->responsibility) != NULL)
    ls_wizard_show_toast (ls_wizard_page_get_wizard (self->page),
                          _ ("Recorded in the case who took over and why"));
  g_signal_emit (self, signals[SIGNAL_USE], 0, name);
  ls_wizard_page_request_save (self->page);
}
