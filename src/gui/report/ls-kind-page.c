/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-kind-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-kind-page.h"
#include "ls-labels.h"
#include "ls-law.h"
#include "ls-row-error.h"

/* Whether it is a wrongdoing or a clear risk of one, its category, and
 * the unit where it happened, whose law the case falls under. */

struct _LsKindPage
{
  LsWizardPage parent_instance;

  GPtrArray *unit_ids; /* per entry of the unit row; NULL for "Choose…" */

  AdwActionRow *wrongdoing_row;
  GtkCheckButton *wrongdoing_check;
  GtkCheckButton *risk_check;
  AdwComboRow *category_row;
  AdwComboRow *unit_row;
};

G_DEFINE_FINAL_TYPE (LsKindPage, ls_kind_page, LS_TYPE_WIZARD_PAGE)

static LsUnit *
find_unit (LsKindPage *self, const char *id)
{
  LsOrganisation *organisation =
      ls_wizard_page_get_organisation (LS_WIZARD_PAGE (self));

  if (id == NULL || organisation == NULL)
    return NULL;
  return ls_organisation_find_unit (organisation, id);
}

static const char *
selected_unit_id (LsKindPage *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  return selected < self->unit_ids->len
             ? g_ptr_array_index (self->unit_ids, selected)
             : NULL;
}

static void
update_unit_subtitle (LsKindPage *self)
{
  LsUnit *unit = find_unit (self, selected_unit_id (self));
  g_autofree char *subtitle = NULL;

  if (unit != NULL && ls_unit_get_activity (unit) != NULL)
    subtitle = ls_bidi_format (
        "%s · %s", ls_unit_get_activity (unit),
        ls_labels_regime_in_full (ls_unit_get_regime (unit)), NULL);
  else if (unit != NULL)
    subtitle = g_strdup (ls_labels_regime_in_full (ls_unit_get_regime (unit)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->unit_row),
                               subtitle != NULL ? subtitle : "");
}

static void
fill_unit_row (LsKindPage *self, LsCase *lcase)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  LsOrganisation *organisation =
      ls_wizard_page_get_organisation (LS_WIZARD_PAGE (self));
  GListModel *units = NULL;
  const char *current = ls_case_get_unit_id (lcase);
  guint selected = 0;
  guint n_units = 0;

  g_ptr_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (names, _ ("Choose…"));
  g_ptr_array_add (self->unit_ids, NULL);

  if (organisation != NULL)
    {
      units = G_LIST_MODEL (ls_organisation_get_units (organisation));
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

static void
fill_category_row (LsKindPage *self, LsCase *lcase)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  const LsChoice *categories;
  guint n_categories;
  const char *current = ls_report_get_category (ls_case_get_report (lcase));
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
kind_toggled_cb (LsKindPage *self)
{
  ls_row_set_error (GTK_WIDGET (self->wrongdoing_row), NULL);
}

static void
unit_selected_cb (LsKindPage *self)
{
  if (self->unit_ids != NULL)
    update_unit_subtitle (self);
}

static void
ls_kind_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsKindPage *self = LS_KIND_PAGE (page);
  LsCaseKind kind = ls_report_get_kind (ls_case_get_report (lcase));

  gtk_check_button_set_active (self->wrongdoing_check,
                               kind == LS_CASE_KIND_WRONGDOING);
  gtk_check_button_set_active (self->risk_check,
                               kind == LS_CASE_KIND_CLEAR_RISK);
  fill_category_row (self, lcase);
  fill_unit_row (self, lcase);
}

static gboolean
ls_kind_page_commit (LsWizardPage *page,
                     LsCase *target,
                     LsWizardCommit mode,
                     GDateTime *now,
                     GtkWidget **first_bad)
{
  LsKindPage *self = LS_KIND_PAGE (page);
  LsReport *report = ls_case_get_report (target);
  guint category = adw_combo_row_get_selected (self->category_row);
  const char *unit_id = selected_unit_id (self);
  gboolean strict = mode == LS_WIZARD_COMMIT_STRICT;
  const LsChoice *categories;
  guint n_categories;
  LsCaseKind kind = LS_CASE_KIND_UNSET;
  LsUnit *found;
  gboolean ok = TRUE;

  categories = ls_law_get_categories (&n_categories);
  if (gtk_check_button_get_active (self->wrongdoing_check))
    kind = LS_CASE_KIND_WRONGDOING;
  else if (gtk_check_button_get_active (self->risk_check))
    kind = LS_CASE_KIND_CLEAR_RISK;

  if (kind == LS_CASE_KIND_UNSET && strict)
    ok = ls_row_mark_bad (
        GTK_WIDGET (self->wrongdoing_row),
        _ ("Choose whether it is a wrongdoing or a clear risk."), first_bad);
  ls_report_set_kind (report, kind);

  if (category > n_categories)
    category = 0;
  if (category == 0 && strict)
    ok = ls_row_mark_bad (GTK_WIDGET (self->category_row), _ ("Choose one."),
                          first_bad);
  ls_report_set_category (report,
                          category > 0 ? categories[category - 1].id : NULL);

  if (self->unit_ids->len == 1)
    ok = ls_row_mark_bad (GTK_WIDGET (self->unit_row),
                          _ ("The organisation has no units yet: add one in "
                             "Preferences."),
                          first_bad);
  else if (unit_id == NULL && strict)
    ok = ls_row_mark_bad (GTK_WIDGET (self->unit_row), _ ("Choose one."),
                          first_bad);
  ls_case_set_unit_id (target, unit_id);
  /* The law the case falls under is the unit's. */
  found = find_unit (self, unit_id);
  if (found != NULL)
    ls_case_set_regime (target, ls_unit_get_regime (found));
  return ok;
}

static GtkWidget *
ls_kind_page_mark_invalid (LsWizardPage *page,
                           LsCase *lcase,
                           const char *path,
                           const char *message)
{
  LsKindPage *self = LS_KIND_PAGE (page);
  GtkWidget *row = NULL;

  if (g_strcmp0 (path, "unit_id") == 0)
    row = GTK_WIDGET (self->unit_row);
  else if (g_strcmp0 (path, "report.category") == 0)
    row = GTK_WIDGET (self->category_row);
  if (row != NULL)
    ls_row_set_error (row, message);
  return row;
}

static gboolean
ls_kind_page_revert (LsWizardPage *page,
                     LsCase *target,
                     LsCase *stored,
                     const char *path)
{
  if (g_strcmp0 (path, "unit_id") == 0)
    ls_case_set_unit_id (target, ls_case_get_unit_id (stored));
  else if (g_strcmp0 (path, "report.category") == 0)
    ls_report_set_category (
        ls_case_get_report (target),
        ls_report_get_category (ls_case_get_report (stored)));
  else
    return FALSE;
  return TRUE;
}

static gboolean
ls_kind_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  LsReport *report = ls_case_get_report (lcase);

  return ls_report_get_kind (report) != LS_CASE_KIND_UNSET &&
         ls_report_get_category (report) != NULL &&
         ls_case_get_unit_id (lcase) != NULL;
}

static void
ls_kind_page_dispose (GObject *object)
{
  LsKindPage *self = LS_KIND_PAGE (object);

  g_clear_pointer (&self->unit_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_kind_page_parent_class)->dispose (object);
}

static void
ls_kind_page_class_init (LsKindPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ls_kind_page_dispose;
  page_class->load = ls_kind_page_load;
  page_class->commit = ls_kind_page_commit;
  page_class->mark_invalid = ls_kind_page_mark_invalid;
  page_class->revert = ls_kind_page_revert;
  page_class->is_complete = ls_kind_page_is_complete;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/report/ls-kind-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsKindPage,
                                        wrongdoing_row);
  gtk_widget_class_bind_template_child (widget_class, LsKindPage,
                                        wrongdoing_check);
  gtk_widget_class_bind_template_child (widget_class, LsKindPage, risk_check);
  gtk_widget_class_bind_template_child (widget_class, LsKindPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, LsKindPage, unit_row);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_selected_cb);
}

static void
ls_kind_page_init (LsKindPage *self)
{
  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
