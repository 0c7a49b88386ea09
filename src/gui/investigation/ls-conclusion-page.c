/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-conclusion-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-conclusion-page.h"
#include "ls-date-row.h"
#include "ls-dates.h"
#include "ls-people-rules.h"
#include "ls-responsible-group.h"
#include "ls-rights.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-text-field.h"
#include "ls-wizard-lock.h"
#include "ls-wizard.h"

/* How the investigation ends (5 kap. 3 § 3): what it found, who decided
 * and when, and whether it is serious.  The conclusion can be recorded
 * only when nothing the law asks is missing; until then the page lists
 * what is, each line leading to its step, and the conclusion cannot be
 * written.  Its date and its seriousness are recorded only on concluding,
 * so that a draft of the text never closes the case by itself. */

#define STEP_KEY "ls-step"
#define POINT_KEY "ls-point"

struct _LsConclusionPage
{
  LsWizardPage parent_instance;

  LsResponsibleGroup *responsible_group;
  GPtrArray *missing_rows;

  AdwPreferencesGroup *rights_group;
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
  AdwPreferencesGroup *reopen_group;
  AdwEntryRow *reopen_reason_row;
};

G_DEFINE_FINAL_TYPE (LsConclusionPage, ls_conclusion_page, LS_TYPE_WIZARD_PAGE)

static void
go_to_requirement_cb (LsConclusionPage *self, AdwActionRow *row)
{
  LsStep step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), STEP_KEY));
  LsPoints point =
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), POINT_KEY));

  ls_wizard_show_step (ls_wizard_page_get_wizard (LS_WIZARD_PAGE (self)), step,
                       point);
}

static GtkWidget *
add_missing (LsConclusionPage *self, LsRequirement *requirement)
{
  GtkWidget *row = ls_rows_new_requirement (requirement, NULL);

  g_object_set_data (G_OBJECT (row), STEP_KEY,
                     GUINT_TO_POINTER (ls_requirement_get_step (requirement)));
  g_object_set_data (G_OBJECT (row), POINT_KEY,
                     GUINT_TO_POINTER (ls_requirement_get_point (requirement)));
  g_signal_connect_object (row, "activated", G_CALLBACK (go_to_requirement_cb),
                           self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             ls_rows_new_warning_icon (NULL));
  adw_preferences_group_add (self->missing_group, row);
  g_ptr_array_add (self->missing_rows, row);
  return row;
}

/* What the law still asks before the conclusion, each line leading to its
 * step; the conclusion can be written only when there is nothing. */
static void
fill_missing (LsConclusionPage *self)
{
  LsWizardPage *page = LS_WIZARD_PAGE (self);
  g_autoptr (GListStore) requirements = ls_rules_check (
      ls_wizard_page_get_case (page), ls_wizard_page_get_organisation (page));
  GListModel *model = G_LIST_MODEL (requirements);
  gboolean can_close = TRUE;
  gboolean may;

  ls_rows_remove (self->missing_group, self->missing_rows);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LsRequirement) requirement = g_list_model_get_item (model, i);

      if (!ls_requirement_get_blocking (requirement))
        continue;
      add_missing (self, requirement);
      can_close = FALSE;
    }

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
  /* Only a decision-maker concludes, as the server enforces: the others
   * read the conclusion and see who may write it. */
  may = ls_rights_note (self->rights_group, ls_wizard_page_get_context (page),
                        LS_STORE_RIGHT_CONCLUDE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conclusion_text_group),
                            can_close && may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decision_group),
                            can_close && may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->serious_group), can_close && may);
  ls_rights_limit (GTK_WIDGET (self->conclusion_text_group), may,
                   LS_STORE_RIGHT_CONCLUDE);
  ls_rights_limit (GTK_WIDGET (self->decision_group), may,
                   LS_STORE_RIGHT_CONCLUDE);
  ls_rights_limit (GTK_WIDGET (self->serious_group), may,
                   LS_STORE_RIGHT_CONCLUDE);
  ls_rights_limit (GTK_WIDGET (self->reopen_group), may,
                   LS_STORE_RIGHT_CONCLUDE);
}

/* A save may have put right what was missing. */
static void
saved_cb (LsConclusionPage *self)
{
  LsWizardPage *page = LS_WIZARD_PAGE (self);

  if (ls_wizard_get_page (ls_wizard_page_get_wizard (page)) == page)
    fill_missing (self);
}

static void
choice_toggled_cb (LsConclusionPage *self)
{
  /* Toggled while the template is being built, too. */
  if (self->notify_group == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->notify_group),
                          gtk_check_button_get_active (self->serious_check));
  ls_row_set_error (GTK_WIDGET (self->not_serious_row), NULL);
}

static void
notify_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_wizard_hand_over (ls_wizard_page_get_wizard (LS_WIZARD_PAGE (widget)),
                       LS_STEP_NOTIFICATION, LS_POINT_NONE);
}

/* Who closes the investigation by the routines decides. */
static void
use_responsible_cb (LsConclusionPage *self, const char *holder)
{
  g_autofree char *title = NULL;
  g_autofree char *name = ls_people_rules_dup_name (holder, &title);

  ls_rows_set_text (GTK_WIDGET (self->decided_by_row), name);
  ls_rows_set_text (GTK_WIDGET (self->decided_title_row), title);
}

static void
ls_conclusion_page_setup (LsWizardPage *page)
{
  g_signal_connect_object (LS_CONCLUSION_PAGE (page)->responsible_group, "use",
                           G_CALLBACK (use_responsible_cb), page,
                           G_CONNECT_SWAPPED);
  ls_wizard_page_set_next_label (page, _ ("_Conclude"),
                                 _ ("Record the Conclusion and Close"));
  g_signal_connect_object (
      ls_wizard_get_saver (ls_wizard_page_get_wizard (page)), "saved",
      G_CALLBACK (saved_cb), page, G_CONNECT_SWAPPED);
}

static void
ls_conclusion_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsConclusionPage *self = LS_CONCLUSION_PAGE (page);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  LsContext *context = ls_wizard_page_get_context (page);
  LsSeriousness seriousness = ls_investigation_get_seriousness (inv);
  g_autofree char *today = ls_dates_dup_today (NULL);
  g_autofree char *author = ls_context_dup_author (context);
  g_autofree char *author_title = ls_context_dup_author_title (context);

  ls_text_field_set_text (self->conclusion_field,
                          ls_investigation_get_conclusion (inv));
  ls_date_row_set_value (self->concluded_row,
                         ls_investigation_get_concluded_on (inv) != NULL
                             ? ls_investigation_get_concluded_on (inv)
                             : today);
  /* The user decides, unless the case says otherwise. */
  ls_rows_set_text (GTK_WIDGET (self->decided_by_row),
                    ls_investigation_get_decided_by (inv) != NULL
                        ? ls_investigation_get_decided_by (inv)
                        : author);
  ls_rows_set_text (GTK_WIDGET (self->decided_title_row),
                    ls_investigation_get_decided_by_title (inv) != NULL
                        ? ls_investigation_get_decided_by_title (inv)
                        : author_title);
  gtk_check_button_set_active (self->not_serious_check,
                               seriousness == LS_SERIOUSNESS_NOT_SERIOUS);
  gtk_check_button_set_active (self->serious_check,
                               seriousness == LS_SERIOUSNESS_SERIOUS);
  choice_toggled_cb (self);
  /* Before the page is first shown, so that the focus never lands on a
   * conclusion that cannot be written yet. */
  fill_missing (self);
  /* A concluded investigation is changed only by reopening it. */
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_group),
                          ls_rules_conclusion_is_made (lcase));
}

/* Concluding asks first that nothing the law asks is missing, then for
 * every part of the conclusion. */
static gboolean
check_can_conclude (LsConclusionPage *self, GtkWidget **first_bad)
{
  LsWizardPage *page = LS_WIZARD_PAGE (self);

  fill_missing (self);
  if (!ls_rights_may (ls_wizard_page_get_context (page),
                      LS_STORE_RIGHT_CONCLUDE))
    {
      ls_wizard_show_toast (ls_wizard_page_get_wizard (page),
                            ls_store_rights_explain (LS_STORE_RIGHT_CONCLUDE));
      return FALSE;
    }
  if (ls_rules_can_close (ls_wizard_page_get_case (page),
                          ls_wizard_page_get_organisation (page), NULL))
    return TRUE;
  ls_wizard_show_toast (ls_wizard_page_get_wizard (page),
                        _ ("The investigation cannot be concluded yet: see "
                           "what is missing."));
  if (*first_bad == NULL)
    *first_bad = g_ptr_array_index (self->missing_rows, 0);
  return FALSE;
}

static LsSeriousness
read_seriousness (LsConclusionPage *self)
{
  if (gtk_check_button_get_active (self->not_serious_check))
    return LS_SERIOUSNESS_NOT_SERIOUS;
  if (gtk_check_button_get_active (self->serious_check))
    return LS_SERIOUSNESS_SERIOUS;
  return LS_SERIOUSNESS_UNDECIDED;
}

/* For the date, read aside: it is recorded only with the decision. */
static void
set_string (gpointer target, const char *value)
{
  char **string = target;

  g_free (*string);
  *string = g_strdup (value);
}

static gboolean
ls_conclusion_page_commit (LsWizardPage *page,
                           LsCase *target,
                           LsWizardCommit mode,
                           GDateTime *now,
                           GtkWidget **first_bad)
{
  LsConclusionPage *self = LS_CONCLUSION_PAGE (page);
  LsInvestigation *inv = ls_case_get_investigation (target);
  gboolean strict = mode == LS_WIZARD_COMMIT_STRICT;
  LsSeriousness seriousness = read_seriousness (self);
  g_autofree char *conclusion = NULL;
  g_autofree char *concluded = NULL;
  gboolean ok = TRUE;

  if (strict && !check_can_conclude (self, first_bad))
    return FALSE;
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->conclusion_text_group)))
    return TRUE;

  conclusion = ls_text_field_dup_text (self->conclusion_field);
  if (strict && conclusion == NULL)
    ok = ls_row_mark_bad (GTK_WIDGET (self->conclusion_field),
                          _ ("Write the conclusion."), first_bad);
  ls_investigation_set_conclusion (inv, conclusion);
  ok &= ls_wizard_page_read_date (GTK_WIDGET (self->concluded_row), now, mode,
                                  _ ("Give the date."), &concluded, set_string,
                                  first_bad);
  ok &= ls_wizard_page_read_text (
      GTK_WIDGET (self->decided_by_row), mode, _ ("Give who decided."), inv,
      (LsWizardSetter) ls_investigation_set_decided_by, first_bad);
  ls_wizard_page_read_text (
      GTK_WIDGET (self->decided_title_row), mode, NULL, inv,
      (LsWizardSetter) ls_investigation_set_decided_by_title, first_bad);
  if (strict && seriousness == LS_SERIOUSNESS_UNDECIDED)
    ok = ls_row_mark_bad (GTK_WIDGET (self->not_serious_row),
                          _ ("Say whether it is serious."), first_bad);

  if (strict && ok)
    {
      ls_investigation_set_concluded_on (inv, concluded);
      ls_investigation_set_seriousness (inv, seriousness);
    }
  return ok;
}

static GtkWidget *
ls_conclusion_page_mark_invalid (LsWizardPage *page,
                                 LsCase *lcase,
                                 const char *path,
                                 const char *message)
{
  LsConclusionPage *self = LS_CONCLUSION_PAGE (page);

  if (g_strcmp0 (path, "investigation.concluded_on") != 0)
    return NULL;
  ls_row_set_error (GTK_WIDGET (self->concluded_row), message);
  return GTK_WIDGET (self->concluded_row);
}

static void
ls_conclusion_page_shown (LsWizardPage *page)
{
  fill_missing (LS_CONCLUSION_PAGE (page));
}

static void
ls_conclusion_page_dispose (GObject *object)
{
  LsConclusionPage *self = LS_CONCLUSION_PAGE (object);

  g_clear_pointer (&self->missing_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_conclusion_page_parent_class)->dispose (object);
}

/* Reopening clears the day of the conclusion and keeps the rest as the
 * draft of the next one; the reason goes with every save from now on,
 * so that the history says why. */
static void
reopen_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsConclusionPage *self = LS_CONCLUSION_PAGE (widget);
  LsWizardPage *page = LS_WIZARD_PAGE (self);
  LsWizard *wizard = ls_wizard_page_get_wizard (page);
  g_autofree char *why =
      ls_rows_dup_text (GTK_WIDGET (self->reopen_reason_row));

  if (why == NULL)
    {
      ls_row_set_error (GTK_WIDGET (self->reopen_reason_row),
                        _ ("Say why the investigation is reopened."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reopen_reason_row));
      return;
    }
  ls_case_saver_set_why (ls_wizard_get_saver (wizard), why);
  ls_rules_reopen_investigation (ls_wizard_page_get_case (page));
  ls_wizard_update_lock (wizard);
  ls_wizard_page_load (page, ls_wizard_page_get_case (page));
  ls_wizard_save (wizard);
  ls_wizard_show_toast (wizard, _ ("The investigation is reopened. The "
                                   "history records why."));
}

static void
ls_conclusion_page_class_init (LsConclusionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ls_conclusion_page_dispose;
  page_class->setup = ls_conclusion_page_setup;
  page_class->load = ls_conclusion_page_load;
  page_class->commit = ls_conclusion_page_commit;
  page_class->mark_invalid = ls_conclusion_page_mark_invalid;
  page_class->shown = ls_conclusion_page_shown;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-conclusion-page.ui");
#define CHILD(name)                                                            \
  gtk_widget_class_bind_template_child (widget_class, LsConclusionPage, name)
  CHILD (responsible_group);
  CHILD (rights_group);
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
  CHILD (reopen_group);
  CHILD (reopen_reason_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_install_action (widget_class, "page.notify", NULL,
                                   notify_activated);
  gtk_widget_class_install_action (widget_class, "page.reopen", NULL,
                                   reopen_activated);
}

static void
ls_conclusion_page_init (LsConclusionPage *self)
{
  g_type_ensure (LS_TYPE_DATE_ROW);
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  g_type_ensure (LS_TYPE_RESPONSIBLE_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->missing_rows = g_ptr_array_new ();
  /* Reopening is what lifts the lock of a concluded investigation. */
  ls_wizard_keep_active (GTK_WIDGET (self->reopen_group));
}
