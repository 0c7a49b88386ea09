/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ls-application.h"
#include "ls-action.h"
#include "ls-individual.h"
#include "ls-item-dialog.h"
#include "ls-journal-item-dialog.h"
#include "ls-labels.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-wizard-test.h"
#include "ls-wizard.h"
#include "ls-wizards.h"

/* Labels as they are drawn: a value written right to left keeps its
 * direction to itself, and the overview's header stays whole in a
 * narrow window, in Swedish, in every look. */

#define OPEN_CASE_UUID "2964fd60-6bce-47ca-b9e8-3be54621b4eb"
#define ARABIC_NAME "ليلى حسن"
#define MASKED "19520228-****"

/* The looks every narrow screen is seen in. */
static const struct
{
  const char *suffix;
  gboolean dark;
  gboolean high_contrast;
} looks[] = {
  { "", FALSE, FALSE },
  { "-dark", TRUE, FALSE },
  { "-high-contrast", FALSE, TRUE },
  { "-high-contrast-dark", TRUE, TRUE },
};

static LsApplication *app;
static char *example_db;

/* Where the character at @index of @label's text is drawn, from the
 * left. */
static int
x_of (GtkLabel *label, int index)
{
  PangoRectangle pos;

  pango_layout_index_to_pos (gtk_label_get_layout (label), index, &pos);
  return MIN (pos.x, pos.x + pos.width);
}

/* The investigation's points name each individual with the masked
 * personal identity number beside: with an Arabic name, the number is
 * still drawn as it reads, its digits left of its stars. */
static void
test_bidi_masked_number (void)
{
  LsStore *store = ls_application_get_store (app);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_store_load_case (store, OPEN_CASE_UUID, &error);
  g_autoptr (LsIndividual) individual = NULL;
  g_autoptr (LsContext) context = NULL;
  g_autofree char *expected = NULL;
  GtkWindow *wizard;
  GtkWidget *label;
  const char *text;

  g_assert_no_error (error);
  individual = g_list_model_get_item (
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (lcase))), 0);
  ls_individual_set_name (individual, ARABIC_NAME);
  ls_store_save_case (store, lcase, "Test", &error);
  g_assert_no_error (error);

  context = ls_context_new (store, ls_application_get_organisation (app),
                            ls_application_get_settings (app));
  wizard = ls_wizards_open (NULL, context, lcase, LS_STEP_INVESTIGATORS,
                            LS_POINT_NONE);
  gtk_window_set_default_size (wizard, 680, 760);
  ls_wz_wait_idle (GTK_WIDGET (wizard));
  ls_wizard_set_page_name (LS_WIZARD (wizard), "point-1");
  ls_wz_wait_idle (GTK_WIDGET (wizard));
  ls_test_wait_for_frames (GTK_WIDGET (wizard), 2);

  expected = g_strconcat (ARABIC_NAME, " (", MASKED, ")", NULL);
  label = ls_test_find_label (GTK_WIDGET (wizard), expected);
  g_assert_nonnull (label);
  text = gtk_label_get_text (GTK_LABEL (label));
  /* In logical order: the name, then the number, each isolated, after
   * the mark of the window's direction. */
  g_assert_cmpstr (
      text, ==, "\u200e\u2068" ARABIC_NAME "\u2069 (\u2068" MASKED "\u2069)");
  /* The line is laid out left to right as the window is, although an
   * Arabic name begins it: the name on the left, the number after. */
  g_assert_cmpint (pango_layout_get_line_readonly (
                       gtk_label_get_layout (GTK_LABEL (label)), 0)
                       ->resolved_dir,
                   ==, PANGO_DIRECTION_LTR);
  g_assert_cmpint (x_of (GTK_LABEL (label), strstr (text, ARABIC_NAME) - text),
                   <, x_of (GTK_LABEL (label), strstr (text, "(") - text));
  /* Drawn: the number reads as it is masked, its digits left of its
   * stars, wherever the name puts the sentence's start. */
  g_assert_cmpint (x_of (GTK_LABEL (label), strstr (text, "1952") - text), <,
                   x_of (GTK_LABEL (label), strstr (text, "****") - text));
  g_assert_cmpint (x_of (GTK_LABEL (label), strstr (text, "0228") - text), <,
                   x_of (GTK_LABEL (label), strstr (text, "-****") - text));
  g_free (ls_test_save_screenshot (GTK_WIDGET (wizard), "labels-bidi"));
  gtk_window_destroy (wizard);
  ls_test_drain_events ();
}

static void
assert_not_ellipsized (GtkWidget *window, const char *text)
{
  GtkWidget *label = ls_test_find_label (window, text);

  if (label == NULL)
    g_error ("No label “%s”", text);
  if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    g_error ("“%s” is cut at %d pixels", text, gtk_widget_get_width (window));
}

/* Whether the main menu of the list holds Filter and Sort, and the
 * header has no button of its own for it. */
static GtkWidget *
find_menu_button (GtkWidget *window, const char *tooltip)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button =
          ls_test_find_by_type (window, GTK_TYPE_MENU_BUTTON, i);

      if (button == NULL ||
          (g_strcmp0 (gtk_widget_get_tooltip_text (button), tooltip) == 0 &&
           gtk_widget_get_mapped (button)))
        return button;
    }
}

static gboolean
menu_has_filter (GtkWidget *window)
{
  GtkWidget *button = find_menu_button (window, "Huvudmeny");
  GMenuModel *model;

  if (find_menu_button (window, "Filtrera och sortera") != NULL ||
      button == NULL)
    return FALSE;
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int k = 0; model != NULL && k < g_menu_model_get_n_items (model); k++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (model, k, G_MENU_ATTRIBUTE_LABEL,
                                           "s", &label) &&
          g_str_equal (label, "Filtrera och sortera"))
        return TRUE;
    }
  return FALSE;
}

/* The list's header, "Ärenden" and "2 ärenden", whole at 360 pixels in
 * light, dark, high contrast and high contrast dark. */
static void
test_narrow_header (void)
{
  GtkWidget *window;

  /* With every title button a desktop may show. */
  ls_test_use_title_buttons ("appmenu:minimize,maximize,close");
  ls_test_use_language ("sv");
  window = ls_test_open_window (app, LS_TEST_NARROW_WIDTH, 720);
  ls_test_wait_for_text (window, "2 ärenden");
  /* Filter and Sort waits in the main menu. */
  g_assert_true (menu_has_filter (window));
  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *shot =
          g_strconcat ("labels-narrow-header", looks[i].suffix, NULL);

      ls_test_use_dark (looks[i].dark);
      ls_test_use_high_contrast (looks[i].high_contrast);
      ls_test_wait_for_frames (window, 3);
      g_assert_cmpint (gtk_widget_get_width (window), ==, LS_TEST_NARROW_WIDTH);
      g_assert_true (adw_style_manager_get_high_contrast (
                         adw_style_manager_get_default ()) ==
                     looks[i].high_contrast);
      assert_not_ellipsized (window, "Ärenden");
      assert_not_ellipsized (window, "2 ärenden");
      g_free (ls_test_save_screenshot (window, shot));
    }
  ls_test_use_dark (FALSE);
  ls_test_use_high_contrast (FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  ls_test_drain_events ();
  ls_test_use_title_buttons (NULL);
  ls_test_use_language ("en");
}

/* Screenshots of @window in the four looks. */
static void
save_looks (GtkWidget *window, const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *shot =
          g_strconcat ("labels-narrow-", name, looks[i].suffix, NULL);

      ls_test_use_dark (looks[i].dark);
      ls_test_use_high_contrast (looks[i].high_contrast);
      ls_test_wait_for_frames (window, 3);
      g_free (ls_test_save_screenshot (window, shot));
    }
  ls_test_use_dark (FALSE);
  ls_test_use_high_contrast (FALSE);
}

/* Every heading and row title shown on @root that is cut with an
 * ellipsis. */
static void
collect_cut_labels (GtkWidget *root, GString *cut)
{
  if (!gtk_widget_get_mapped (root))
    return;
  /* A heading or a row's title; a row's value and a subtitle with a set
   * number of lines may end in an ellipsis by design. */
  if (GTK_IS_LABEL (root) &&
      (gtk_widget_has_css_class (root, "heading") ||
       gtk_widget_has_css_class (root, "title")) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
    g_string_append_printf (cut, "“%s” ",
                            gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_labels (child, cut);
}

/* Every step's title, as the header of its wizard shows it at 360
 * pixels in Swedish: whole, or wrapped, never cut. */
static void
test_narrow_step_titles (void)
{
  static const LsStep wizards[] = { LS_STEP_REPORT, LS_STEP_INVESTIGATORS,
                                    LS_STEP_NOTIFICATION };
  LsStore *store = ls_application_get_store (app);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_store_load_case (store, OPEN_CASE_UUID, &error);
  g_autoptr (LsContext) context =
      ls_context_new (store, ls_application_get_organisation (app),
                      ls_application_get_settings (app));
  g_autoptr (GString) cut = g_string_new (NULL);

  g_assert_no_error (error);
  ls_test_use_language ("sv");
  for (guint w = 0; w < G_N_ELEMENTS (wizards); w++)
    {
      GtkWindow *wizard =
          ls_wizards_open (NULL, context, lcase, wizards[w], LS_POINT_NONE);
      GtkWidget *title;

      gtk_window_set_default_size (wizard, LS_TEST_NARROW_WIDTH, 720);
      ls_wz_wait_idle (GTK_WIDGET (wizard));
      title = adw_header_bar_get_title_widget (ADW_HEADER_BAR (
          ls_test_find_by_type (GTK_WIDGET (wizard), ADW_TYPE_HEADER_BAR, 0)));
      for (guint i = 0; i < ls_wizard_get_n_pages (LS_WIZARD (wizard)); i++)
        {
          LsWizardPage *page = ls_wizard_get_nth_page (LS_WIZARD (wizard), i);
          GtkWidget *label;

          ls_wizard_set_page_name (LS_WIZARD (wizard),
                                   ls_wizard_page_get_name (page));
          ls_wz_wait_idle (GTK_WIDGET (wizard));
          ls_test_wait_for_frames (GTK_WIDGET (wizard), 2);
          label = ls_test_find_label (title, ls_wizard_page_get_title (page));
          g_assert_nonnull (label);
          if (g_str_equal (ls_wizard_page_get_name (page), "kind") ||
              g_str_equal (ls_wizard_page_get_name (page), "send"))
            {
              g_autofree char *name =
                  g_strdup_printf ("%s-%s", G_OBJECT_TYPE_NAME (wizard),
                                   ls_wizard_page_get_name (page));

              save_looks (GTK_WIDGET (wizard), name);
            }
          collect_cut_labels (GTK_WIDGET (page), cut);
          if (pango_layout_is_ellipsized (
                  gtk_label_get_layout (GTK_LABEL (label))))
            {
              g_autofree char *shot = g_strconcat (
                  "labels-cut-", ls_wizard_page_get_name (page), NULL);

              g_string_append_printf (cut, "“%s” ",
                                      gtk_label_get_text (GTK_LABEL (label)));
              g_free (ls_test_save_screenshot (GTK_WIDGET (wizard), shot));
            }
        }
      gtk_window_destroy (wizard);
      ls_test_drain_events ();
    }
  ls_test_use_language ("en");
  if (cut->len > 0)
    g_error ("Cut at %d pixels: %s", LS_TEST_NARROW_WIDTH, cut->str);
}

/* Whether @model, or a section or submenu of it, has an item labelled
 * @label. */
static gboolean
menu_has_label (GMenuModel *model, const char *label)
{
  for (int i = 0; model != NULL && i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item = NULL;
      g_autoptr (GMenuModel) section =
          g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr (GMenuModel) submenu =
          g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL,
                                           "s", &item) &&
          g_str_equal (item, label))
        return TRUE;
      if (menu_has_label (section, label) || menu_has_label (submenu, label))
        return TRUE;
    }
  return FALSE;
}

static GtkWindow *
open_swedish_wizard (LsContext *context, LsCase *lcase, LsStep step)
{
  GtkWindow *wizard =
      ls_wizards_open (NULL, context, lcase, step, LS_POINT_NONE);

  gtk_window_set_default_size (wizard, 680, 760);
  ls_wz_wait_idle (GTK_WIDGET (wizard));
  return wizard;
}

static GtkWidget *
show_step (GtkWindow *wizard, const char *name)
{
  ls_wizard_set_page_name (LS_WIZARD (wizard), name);
  ls_wz_wait_idle (GTK_WIDGET (wizard));
  return GTK_WIDGET (ls_wizard_get_page (LS_WIZARD (wizard)));
}

/* The words issue 12 changed, in Swedish as the manager reads them: one
 * word for one thing, the law's word where the law has one. */
static void
test_swedish_words (void)
{
  LsStore *store = ls_application_get_store (app);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_store_load_case (store, OPEN_CASE_UUID, &error);
  g_autoptr (LsContext) context =
      ls_context_new (store, ls_application_get_organisation (app),
                      ls_application_get_settings (app));
  g_autoptr (LsAction) action = ls_action_new ();
  g_autofree char *noticed = NULL;
  GtkWindow *wizard;
  GtkWidget *page;
  GtkWidget *dialog;
  GtkWidget *window;
  GtkWidget *menu;

  g_assert_no_error (error);
  ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
  ls_action_set_description (action, "Dubbelkontroll av dosetter.");
  ls_action_set_responsible (action, "Jonas Ahl");
  ls_action_set_follow_up_on (action, "2026-06-01");
  g_list_store_append (ls_investigation_get_preventive_actions (
                           ls_case_get_investigation (lcase)),
                       action);
  ls_store_save_case (store, lcase, "Test", &error);
  g_assert_no_error (error);
  ls_test_use_language ("sv");

  /* The law's points are called points, so that step 7 of 14 does not
   * read as point 7. */
  wizard = open_swedish_wizard (context, lcase, LS_STEP_INVESTIGATORS);
  page = show_step (wizard, "point-6");
  g_assert_true (
      ls_test_widget_has_text (page, "Punkt 6: Har det hänt förut?"));
  g_assert_false (ls_test_widget_has_text (page, "6. Har det hänt förut?"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (wizard),
                                          "Steg 7 av 14 · VON-2026-0004"));
  page = show_step (wizard, "point-5");
  g_assert_true (ls_test_widget_has_text (page, "Punkt 5: Orsakerna"));

  /* A documented item says whether it is a fact or an assessment under
   * that heading. */
  page = show_step (wizard, "point-1");
  ls_wz_activate_row (page, "Lägg till dokumenterad uppgift…");
  dialog = ls_test_find_toplevel (LS_TYPE_JOURNAL_ITEM_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (ls_test_widget_has_text (dialog, "Faktum eller bedömning"));
  g_assert_false (ls_test_widget_has_text (dialog, "Varifrån den kommer"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A follow-up is dated as one, and the action says what its date is. */
  page = show_step (wizard, "preventive");
  g_assert_true (ls_wz_has_text_prefix (page, "Jonas Ahl"));
  ls_wz_activate_row (page, "Dubbelkontroll av dosetter.");
  dialog = ls_test_find_toplevel (LS_TYPE_ITEM_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (ls_test_find_row (dialog, "Datum för uppföljning"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ls_test_drain_events ();
  g_assert_true (ls_test_widget_has_text (
      page, "Jonas Ahl · Planerad · uppföljning 2026-06-01"));
  gtk_window_destroy (wizard);
  ls_test_drain_events ();

  /* The report's own words: its heading stands above the hint. */
  wizard = open_swedish_wizard (context, lcase, LS_STEP_REPORT);
  page = show_step (wizard, "event");
  g_assert_true (ls_test_widget_has_text (page, "Med egna ord"));
  gtk_window_destroy (wizard);
  ls_test_drain_events ();

  /* The history says "uppmärksammades", as the wizard and the law do. */
  noticed = ls_labels_history_field ("report.noticed_at");
  g_assert_cmpstr (noticed, ==, "När det uppmärksammades");

  /* One word for keyboard shortcuts. */
  window = ls_test_open_window (app, 1100, 720);
  menu = find_menu_button (window, "Huvudmeny");
  g_assert_nonnull (menu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  g_assert_true (
      menu_has_label (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu)),
                      "_Kortkommandon"));
  gtk_window_destroy (GTK_WINDOW (window));
  ls_test_drain_events ();
  ls_test_use_language ("en");
}

int
main (int argc, char *argv[])
{
  int status;

  ls_test_init_gtk (&argc, &argv);
  ls_test_use_title_buttons (NULL);

  example_db = ls_test_make_database ("labels", "docs/example.json");
  app = ls_test_start_app (example_db);

  g_test_add_func ("/labels/bidi-masked-number", test_bidi_masked_number);
  g_test_add_func ("/labels/narrow-header", test_narrow_header);
  g_test_add_func ("/labels/narrow-step-titles", test_narrow_step_titles);
  g_test_add_func ("/labels/swedish-words", test_swedish_words);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (example_db);
  return status;
}
