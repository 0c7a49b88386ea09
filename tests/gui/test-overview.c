/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ls-action.h"
#include "ls-application.h"
#include "ls-attention-panel.h"
#include "ls-case-list.h"
#include "ls-case-row.h"
#include "ls-case-view.h"
#include "ls-investigation-wizard.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-window.h"
#include "ls-wizard.h"

/* The case overview on the two cases of docs/example.json: a closed,
 * serious case of Solgården (VON-2026-0003) and an open clear risk of
 * Gruppbostaden Linden (VON-2026-0004), whose investigation lacks its
 * causes and whose individual, Erik Lund, has not been told. */

#define LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"
#define OPEN_CASE "VON-2026-0004"
#define CLOSED_CASE "VON-2026-0003"

static LsApplication *app;
static char *example_db;

static GtkWidget *
case_list (GtkWidget *window)
{
  GtkWidget *list = ls_test_find_by_type (window, GTK_TYPE_LIST_VIEW, 0);

  g_assert_nonnull (list);
  return list;
}

static LsCaseList *
case_list_model (GtkWidget *window)
{
  GtkSelectionModel *selection =
      gtk_list_view_get_model (GTK_LIST_VIEW (case_list (window)));

  /* Behind the selection, the slice of it that has rows. */
  return LS_CASE_LIST (gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (
      gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)))));
}

static GtkWidget *
open_window (int width, int height)
{
  GtkWidget *window = ls_test_open_window (app, width, height);

  ls_test_wait_for_text (case_list (window), OPEN_CASE);
  ls_test_wait_for_text (case_list (window), CLOSED_CASE);
  return window;
}

static GtkWidget *
find_case_row (GtkWidget *window, const char *regno)
{
  GtkWidget *label = ls_test_find_text (case_list (window), regno);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, LS_TYPE_CASE_ROW);
}

/* Chooses the case in the list as a click would: it becomes the
 * selection. */
static void
select_case (GtkWidget *window, const char *regno)
{
  GListModel *model = G_LIST_MODEL (case_list_model (window));
  GtkSelectionModel *selection =
      gtk_list_view_get_model (GTK_LIST_VIEW (case_list (window)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LsCaseSummary) summary = g_list_model_get_item (model, i);

      if (g_strcmp0 (ls_case_summary_get_regno (summary), regno) == 0)
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          return;
        }
    }
  g_error ("No case %s in the list", regno);
}

static gboolean
case_view_loaded (gpointer data)
{
  LsCaseView *view = data;
  LsCase *lcase = ls_case_view_get_case (view);

  return lcase != NULL && gtk_widget_get_mapped (GTK_WIDGET (view));
}

static void
test_lists_cases (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *list = case_list (window);
  GtkWidget *row;

  g_assert_cmpuint (
      g_list_model_get_n_items (G_LIST_MODEL (case_list_model (window))), ==,
      2);

  /* Each row: number, readable status, unit by name, kind, title. */
  row = find_case_row (window, OPEN_CASE);
  g_assert_true (ls_test_shows_text (row, "Under investigation"));
  g_assert_true (ls_test_shows_text (
      row, "Gruppbostaden Linden · Clear risk of wrongdoing"));
  row = find_case_row (window, CLOSED_CASE);
  g_assert_true (ls_test_shows_text (row, "Closed"));
  g_assert_true (ls_test_shows_text (
      row, "Solgårdens vård- och omsorgsboende · Wrongdoing"));
  g_assert_true (ls_test_shows_text (
      row, "Anna Svensson larmade med sitt trygghetslarm kl. 22.30 den 1 mars. "
           "Larmet besvar"));
  g_assert_true (ls_test_shows_text (window, "2 cases"));
  g_assert_nonnull (list);

  ls_test_destroy_windows ();
}

static void
test_filter_by_status (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *list = case_list (window);

  g_action_group_activate_action (G_ACTION_GROUP (window), "filter-status",
                                  g_variant_new_string ("closed"));
  ls_test_wait_without_text (list, OPEN_CASE);
  g_assert_true (ls_test_shows_text (list, CLOSED_CASE));
  g_assert_true (ls_test_shows_text (window, "1 case · Closed"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "filter-status",
                                  g_variant_new_string ("under-investigation"));
  ls_test_wait_without_text (list, CLOSED_CASE);
  g_assert_true (ls_test_shows_text (list, OPEN_CASE));

  /* A status no case has: the list says so. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "filter-status",
                                  g_variant_new_string ("draft"));
  ls_test_wait_for_text (window, "No Matching Cases");

  g_action_group_activate_action (G_ACTION_GROUP (window), "filter-status",
                                  g_variant_new_string (""));
  ls_test_wait_for_text (list, CLOSED_CASE);
  ls_test_wait_for_text (list, OPEN_CASE);

  ls_test_destroy_windows ();
}

static void
test_filter_by_unit (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *list = case_list (window);

  g_action_group_activate_action (G_ACTION_GROUP (window), "filter-unit",
                                  g_variant_new_string (LINDEN));
  ls_test_wait_without_text (list, CLOSED_CASE);
  g_assert_true (ls_test_shows_text (list, OPEN_CASE));
  g_assert_true (ls_test_shows_text (window, "1 case · Gruppbostaden Linden"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "filter-unit",
                                  g_variant_new_string (""));
  ls_test_wait_for_text (list, CLOSED_CASE);

  ls_test_destroy_windows ();
}

typedef struct
{
  GtkWidget *window;
  const char *regno;
} FirstQuery;

static gboolean
first_case_is (gpointer data)
{
  FirstQuery *query = data;
  GListModel *model = G_LIST_MODEL (case_list_model (query->window));
  g_autoptr (LsCaseSummary) first = g_list_model_get_item (model, 0);

  return first != NULL &&
         g_strcmp0 (ls_case_summary_get_regno (first), query->regno) == 0;
}

static void
test_sort (void)
{
  GtkWidget *window = open_window (1100, 720);
  FirstQuery query = { window, NULL };

  g_action_group_activate_action (G_ACTION_GROUP (window), "sort",
                                  g_variant_new_string ("regno"));
  query.regno = CLOSED_CASE;
  ls_test_wait_until (first_case_is, &query);

  g_action_group_activate_action (G_ACTION_GROUP (window), "sort",
                                  g_variant_new_string ("received"));
  query.regno = OPEN_CASE;
  ls_test_wait_until (first_case_is, &query);

  g_action_group_activate_action (G_ACTION_GROUP (window), "sort",
                                  g_variant_new_string ("updated"));
  ls_test_destroy_windows ();
}

static void
test_search (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *list = case_list (window);
  GtkWidget *bar;
  GtkWidget *entry;

  /* The search bar is made once the window is drawn, or when asked for. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  bar = ls_test_find_by_type (window, GTK_TYPE_SEARCH_BAR, 0);
  entry = ls_test_find_by_type (window, GTK_TYPE_SEARCH_ENTRY, 0);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));

  /* Words of what happened, diacritics folded. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "lakemedelslistan");
  ls_test_wait_without_text (list, CLOSED_CASE);
  g_assert_true (ls_test_shows_text (list, OPEN_CASE));
  /* Counted with the rows it shows. */
  g_assert_nonnull (ls_test_find_label (window, "1 case"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "trygghetslarm");
  ls_test_wait_without_text (list, OPEN_CASE);
  g_assert_true (ls_test_shows_text (list, CLOSED_CASE));

  gtk_editable_set_text (GTK_EDITABLE (entry), "zebrafink");
  ls_test_wait_for_text (window, "No Matching Cases");
  g_free (ls_test_save_screenshot (window, "overview-no-match"));

  /* Leaving the search shows every case again. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);
  ls_test_wait_for_text (list, OPEN_CASE);
  ls_test_wait_for_text (list, CLOSED_CASE);
  g_assert_nonnull (ls_test_find_label (window, "2 cases"));

  ls_test_destroy_windows ();
}

/* The registration numbers the list's rows show, top to bottom. */
static char *
dup_shown_regnos (GtkWidget *window)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) regnos = NULL;

  for (GtkWidget *item = gtk_widget_get_first_child (case_list (window));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (LS_IS_CASE_ROW (row) && gtk_widget_get_mapped (row))
        g_strv_builder_add (builder, ls_case_row_get_text (LS_CASE_ROW (row),
                                                           LS_CASE_ROW_REGNO));
    }
  regnos = g_strv_builder_end (builder);
  return g_strjoinv (",", regnos);
}

typedef struct
{
  GtkWidget *window;
  const char *regnos;
} ShownQuery;

static gboolean
shows_regnos (gpointer data)
{
  ShownQuery *query = data;
  g_autofree char *shown = dup_shown_regnos (query->window);

  return g_strcmp0 (shown, query->regnos) == 0;
}

/* Each text of a row where it belongs: the row draws them itself. */
static void
test_case_row_texts (void)
{
  GtkWidget *window = open_window (1100, 720);
  LsCaseRow *row = LS_CASE_ROW (find_case_row (window, OPEN_CASE));

  g_assert_cmpstr (ls_case_row_get_text (row, LS_CASE_ROW_REGNO), ==,
                   OPEN_CASE);
  g_assert_cmpstr (ls_case_row_get_text (row, LS_CASE_ROW_STATUS), ==,
                   "Under investigation");
  g_assert_true (
      ls_test_reads_as (ls_case_row_get_text (row, LS_CASE_ROW_META),
                        "Gruppbostaden Linden · Clear risk of wrongdoing"));
  g_assert_false (ls_case_row_is_ellipsized (row, LS_CASE_ROW_REGNO));

  row = LS_CASE_ROW (find_case_row (window, CLOSED_CASE));
  g_assert_cmpstr (ls_case_row_get_text (row, LS_CASE_ROW_STATUS), ==,
                   "Closed");
  g_assert_true (
      ls_test_reads_as (ls_case_row_get_text (row, LS_CASE_ROW_META),
                        "Solgårdens vård- och omsorgsboende · Wrongdoing"));
  g_assert_true (g_str_has_prefix (
      ls_case_row_get_text (row, LS_CASE_ROW_TITLE),
      "Anna Svensson larmade med sitt trygghetslarm kl. 22.30 den 1 mars."));
  ls_test_destroy_windows ();
}

/* The one child of a node that draws one, or NULL. */
static GskRenderNode *
only_child (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_ROUNDED_CLIP_NODE:
      return gsk_rounded_clip_node_get_child (node);
    case GSK_CLIP_NODE:
      return gsk_clip_node_get_child (node);
    case GSK_TRANSFORM_NODE:
      return gsk_transform_node_get_child (node);
    case GSK_OPACITY_NODE:
      return gsk_opacity_node_get_child (node);
    default:
      return NULL;
    }
}

/* Every text node under @node, in the order drawn. */
static void
collect_texts (GskRenderNode *node, GPtrArray *texts)
{
  GskRenderNode *child;

  if (gsk_render_node_get_node_type (node) == GSK_TEXT_NODE)
    g_ptr_array_add (texts, node);
  else if (gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      collect_texts (gsk_container_node_get_child (node, i), texts);
  else if ((child = only_child (node)) != NULL)
    collect_texts (child, texts);
}

/* The text nodes @row draws, in its order: its number, its status, ...
 * (owned by @node). */
static GPtrArray *
row_texts (GtkWidget *row, GskRenderNode **node)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GPtrArray *texts = g_ptr_array_new ();

  GTK_WIDGET_GET_CLASS (row)->snapshot (row, snapshot);
  *node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (*node);
  collect_texts (*node, texts);
  g_assert_cmpuint (texts->len, >, 0);
  return texts;
}

/* Where the registration number, the first text a row draws, is drawn in
 * it. */
static graphene_rect_t
regno_bounds (GtkWidget *row)
{
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GPtrArray) texts = row_texts (row, &node);
  graphene_rect_t bounds;

  gsk_render_node_get_bounds (texts->pdata[0], &bounds);
  return bounds;
}

/* Right to left, the row is mirrored: the number at the right. */
static void
test_case_row_right_to_left (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *row = find_case_row (window, OPEN_CASE);
  graphene_rect_t bounds = regno_bounds (row);

  g_assert_cmpfloat (bounds.origin.x, <, gtk_widget_get_width (row) / 4.0);
  ls_test_destroy_windows ();

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = open_window (1100, 720);
  row = find_case_row (window, OPEN_CASE);
  bounds = regno_bounds (row);
  g_assert_cmpfloat (bounds.origin.x, >, gtk_widget_get_width (row) / 2.0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (row) + 1);
  g_assert_cmpstr (ls_case_row_get_text (LS_CASE_ROW (row), LS_CASE_ROW_STATUS),
                   ==, "Under investigation");
  g_free (ls_test_save_screenshot (window, "overview-rtl"));
  ls_test_destroy_windows ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* The font options the text of @node is drawn with. */
static cairo_font_options_t *
text_font_options (GskRenderNode *node)
{
  PangoFont *font = gsk_text_node_get_font (node);
  cairo_scaled_font_t *scaled =
      pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_scaled_font_get_font_options (scaled, options);
  return options;
}

/* The font options of each text @row draws, in its order. */
static GPtrArray *
row_font_options (GtkWidget *row)
{
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GPtrArray) texts = row_texts (row, &node);
  GPtrArray *options = g_ptr_array_new_with_free_func (
      (GDestroyNotify) cairo_font_options_destroy);

  for (guint i = 0; i < texts->len; i++)
    g_ptr_array_add (options, text_font_options (texts->pdata[i]));
  return options;
}

/* Rows whose Pango contexts differ draw each in its own the texts that
 * rows share too, such as the status: a row with font options of its own
 * (as a window on another display has) draws its status with them, as it
 * does its number, not with those of the row that laid the status out
 * first; the rows of one context draw them alike. */
static void
test_case_row_own_context (void)
{
  g_autoptr (LsCaseSummary) summary = ls_case_summary_new (
      "6b1c0a52-31f1-4a4e-9d7e-6a3f1c1d0100", "VON-2026-0100", "reported",
      LINDEN, "wrongdoing", "Fallolycka i badrummet",
      "2026-03-01T10:00:00+01:00", NULL, "2026-03-01T10:00:00+01:00");
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  cairo_font_options_t *own = cairo_font_options_create ();
  GPtrArray *options[3];
  GtkWidget *rows[3];

  cairo_font_options_set_hint_metrics (own, CAIRO_HINT_METRICS_ON);
  cairo_font_options_set_hint_style (own, CAIRO_HINT_STYLE_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i] = GTK_WIDGET (ls_case_row_new ());
      ls_case_row_set_summary (LS_CASE_ROW (rows[i]), summary, NULL, now);
      gtk_box_append (GTK_BOX (box), rows[i]);
    }
  /* The middle one, so that the first lays the status out before it and
   * the last after it. */
  gtk_widget_set_font_options (rows[1], own);
  cairo_font_options_destroy (own);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 300);
  gtk_window_present (GTK_WINDOW (window));
  ls_test_wait_for_frames (window, 2);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      options[i] = row_font_options (rows[i]);
      g_assert_cmpuint (options[i]->len, >=, 2);
      g_assert_cmpstr (
          ls_case_row_get_text (LS_CASE_ROW (rows[i]), LS_CASE_ROW_STATUS), ==,
          "Reported");
      /* The status as the number, in the row's own context. */
      g_assert_true (cairo_font_options_equal (options[i]->pdata[0],
                                               options[i]->pdata[1]));
    }
  g_assert_false (
      cairo_font_options_equal (options[0]->pdata[1], options[1]->pdata[1]));
  g_assert_true (
      cairo_font_options_equal (options[0]->pdata[1], options[2]->pdata[1]));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_ptr_array_unref (options[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row too narrow for its text shortens it with an ellipsis, and keeps
 * the whole of it (for its item's name too, which test-accessibility.py
 * reads: the tests here run without an accessibility bus). */
static void
test_case_row_ellipsized (void)
{
  GtkWidget *window = open_window (360, 720);
  LsCaseRow *row = LS_CASE_ROW (find_case_row (window, CLOSED_CASE));

  g_assert_true (ls_case_row_is_ellipsized (row, LS_CASE_ROW_TITLE));
  g_assert_false (ls_case_row_is_ellipsized (row, LS_CASE_ROW_REGNO));
  g_assert_false (ls_case_row_is_ellipsized (row, LS_CASE_ROW_STATUS));
  g_assert_cmpstr (
      ls_case_row_get_text (row, LS_CASE_ROW_TITLE), ==,
      "Anna Svensson larmade med sitt trygghetslarm kl. 22.30 den 1 mars. "
      "Larmet besvar");
  ls_test_destroy_windows ();
}

/* The rows follow the list's order through a search and back, none left
 * showing a case of the query before. */
static void
test_case_row_order (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *entry;
  ShownQuery query = { window, CLOSED_CASE "," OPEN_CASE };

  g_action_group_activate_action (G_ACTION_GROUP (window), "sort",
                                  g_variant_new_string ("regno"));
  ls_test_wait_until (shows_regnos, &query);

  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  entry = ls_test_find_by_type (window, GTK_TYPE_SEARCH_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "lakemedelslistan");
  query.regnos = OPEN_CASE;
  ls_test_wait_until (shows_regnos, &query);
  g_assert_cmpstr (
      ls_case_row_get_text (LS_CASE_ROW (find_case_row (window, OPEN_CASE)),
                            LS_CASE_ROW_STATUS),
      ==, "Under investigation");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  query.regnos = CLOSED_CASE "," OPEN_CASE;
  ls_test_wait_until (shows_regnos, &query);

  g_action_group_activate_action (G_ACTION_GROUP (window), "sort",
                                  g_variant_new_string ("received"));
  query.regnos = OPEN_CASE "," CLOSED_CASE;
  ls_test_wait_until (shows_regnos, &query);
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort",
                                  g_variant_new_string ("updated"));
  ls_test_destroy_windows ();
}

/* The closed case keeps its deadline after the fact, shows its
 * attachments, and its history says why a change was made. */
/* The history row titled @title whose subtitle holds @needle: the case
 * view has another row of that title, the date itself. */
static GtkWidget *
find_history_row (GtkWidget *root, const char *title, const char *needle)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)),
                 title) == 0)
    {
      g_autofree char *subtitle = ls_test_dup_plain (
          adw_action_row_get_subtitle (ADW_ACTION_ROW (root)));

      if (subtitle != NULL && strstr (subtitle, needle) != NULL)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_history_row (child, title, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_case_view_law (void)
{
  GtkWidget *window = open_window (1100, 720);
  LsCaseView *view;
  GtkWidget *row;

  select_case (window, CLOSED_CASE);
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  ls_test_wait_until (case_view_loaded, view);
  ls_test_wait_for_text (GTK_WIDGET (view), "Case registered");
  ls_test_wait_for_text (GTK_WIDGET (view), "Rutin larmhantering natt.txt");

  /* Notified on 6 March, sent on 24 March: due 6 May, on time. */
  g_assert_nonnull (ls_test_find_row (
      GTK_WIDGET (view), "The finished investigation to IVO: due 2026-05-06, "
                         "sent 2026-03-24, on time"));
  row = ls_test_find_row (GTK_WIDGET (view), "Rutin larmhantering natt.txt");
  g_assert_nonnull (row);
  {
    g_autofree char *subtitle =
        ls_test_dup_plain (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

    g_assert_true (g_str_has_prefix (subtitle, "Routines in force · "));
    g_assert_nonnull (strstr (subtitle, "Maria Lind"));
  }
  g_assert_true (ls_test_shows_text (GTK_WIDGET (view), "Attach a File…"));
  g_assert_nonnull (find_history_row (
      GTK_WIDGET (view), "Investigation sent to IVO",
      "Why: Den färdiga utredningen skickades till IVO i dag."));
  ls_test_destroy_windows ();
}

static void
test_case_view (void)
{
  GtkWidget *window = open_window (1100, 720);
  LsCaseView *view;
  GtkWidget *row;
  const char *subtitle;

  select_case (window, OPEN_CASE);
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  ls_test_wait_until (case_view_loaded, view);
  ls_test_wait_for_text (GTK_WIDGET (view), "Case registered");

  /* The summary. */
  g_assert_cmpstr (ls_case_get_regno (ls_case_view_get_case (view)), ==,
                   OPEN_CASE);
  g_assert_nonnull (ls_test_find_row (GTK_WIDGET (view), "Unit"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       ls_test_find_row (GTK_WIDGET (view), "Unit"))),
                   ==, "Gruppbostaden Linden");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       ls_test_find_row (GTK_WIDGET (view), "Reported by"))),
                   ==, "Sara Nyberg");
  g_assert_true (
      ls_test_shows_text (GTK_WIDGET (view), "Clear risk of wrongdoing"));
  /* The individual, with the personal identity number masked. */
  row = ls_test_find_row (GTK_WIDGET (view), "Erik Lund");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  /* Isolated, so that a name written right to left beside it cannot
   * turn it around. */
  g_assert_true (
      g_str_has_prefix (subtitle, "\u200e\u206819520228-****\u2069 · "));
  g_assert_null (strstr (subtitle, "4781"));

  /* What the law still asks, with its provision. */
  row = ls_test_find_row (GTK_WIDGET (view),
                          "Name at least one cause, in how the work is "
                          "organised rather than in one person.");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "5 kap. 2 § 5"));
  g_assert_true (ls_test_shows_text (GTK_WIDGET (view), "Investigation"));
  g_assert_nonnull (ls_test_find_row (
      GTK_WIDGET (view),
      "Tell Erik Lund, or their next of kin, what happened."));

  /* The history: the one the exchange document carried, by its author. */
  row = ls_test_find_row (GTK_WIDGET (view), "Case registered");
  {
    g_autofree char *who_when =
        ls_test_dup_plain (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

    g_assert_true (g_str_has_prefix (who_when, "Maria Lind, "));
  }

  /* The buttons follow the status: a case under investigation is
   * investigated next; its report can still be opened. */
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_ancestor (
      ls_test_find_label (GTK_WIDGET (view), "Report"), GTK_TYPE_BUTTON)));
  g_assert_false (gtk_widget_has_css_class (
      gtk_widget_get_ancestor (ls_test_find_label (GTK_WIDGET (view), "Report"),
                               GTK_TYPE_BUTTON),
      "suggested-action"));
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_ancestor (
      ls_test_find_label (GTK_WIDGET (view), "Investigate"), GTK_TYPE_BUTTON)));

  g_free (ls_test_save_screenshot (window, "overview-case"));
  ls_test_destroy_windows ();
}

/* Enter on the case the keyboard is on opens it, as Space does. */
static void
test_enter_opens_case (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *item = gtk_widget_get_parent (find_case_row (window, OPEN_CASE));
  LsCaseView *view;

  g_assert_true (gtk_widget_grab_focus (item));
  g_assert_true (ls_test_press_key (window, GDK_KEY_Return, 0));
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  g_assert_nonnull (view);
  ls_test_wait_until (case_view_loaded, view);
  g_assert_cmpstr (ls_case_get_regno (ls_case_view_get_case (view)), ==,
                   OPEN_CASE);
  ls_test_destroy_windows ();
}

/* Enter on a focused entry of what needs attention opens its case. */
static void
test_enter_on_attention (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *panel = ls_test_find_by_type (window, LS_TYPE_ATTENTION_PANEL, 0);
  GtkWidget *row;
  LsCaseView *view;

  ls_test_wait_for_text (
      panel, "Tell Erik Lund, or their next of kin, what happened.");
  row = ls_test_find_row (
      panel, "Tell Erik Lund, or their next of kin, what happened.");
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (ls_test_press_key (window, GDK_KEY_Return, 0));
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  g_assert_nonnull (view);
  ls_test_wait_until (case_view_loaded, view);
  g_assert_cmpstr (ls_case_get_regno (ls_case_view_get_case (view)), ==,
                   OPEN_CASE);
  ls_test_destroy_windows ();
}

static void
test_requirement_opens_step (void)
{
  GtkWidget *window = open_window (1100, 720);
  LsCaseView *view;
  GtkWidget *row;
  GtkWindow *wizard;
  g_autoptr (GVariant) expected = g_variant_ref_sink (
      g_variant_new ("(uu)", LS_STEP_CAUSES, LS_POINT_CAUSES));

  select_case (window, OPEN_CASE);
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  ls_test_wait_until (case_view_loaded, view);
  row = ls_test_find_row (GTK_WIDGET (view),
                          "Name at least one cause, in how the work is "
                          "organised rather than in one person.");
  g_assert_nonnull (row);
  /* The row names the step it opens. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==,
                   "case.open-step");
  g_assert_true (g_variant_equal (
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)), expected));

  g_signal_emit_by_name (row, "activate");
  ls_test_drain_events ();
  wizard = ls_test_find_window (GTK_TYPE_WINDOW, GTK_WINDOW (window));
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_transient_for (wizard) == GTK_WINDOW (window));

  ls_test_destroy_windows ();
}

static void
test_attention (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkWidget *panel = ls_test_find_by_type (window, LS_TYPE_ATTENTION_PANEL, 0);
  GtkWidget *row;
  LsCaseView *view;

  g_assert_nonnull (panel);
  ls_test_wait_for_text (
      panel, "Tell Erik Lund, or their next of kin, what happened.");
  g_assert_true (
      ls_test_shows_text (panel, "VON-2026-0004 · Gruppbostaden Linden"));
  /* The closed case's follow-up, due in June. */
  g_assert_true (ls_test_shows_text (
      panel, "VON-2026-0003 · Solgårdens vård- och omsorgsboende"));
  g_assert_cmpuint (ls_attention_panel_get_n_cases (LS_ATTENTION_PANEL (panel)),
                    ==, 2);
  g_free (ls_test_save_screenshot (window, "overview-attention"));

  /* An entry opens its case. */
  row = ls_test_find_row (
      panel, "Tell Erik Lund, or their next of kin, what happened.");
  g_signal_emit_by_name (row, "activated");
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  ls_test_wait_until (case_view_loaded, view);
  g_assert_cmpstr (ls_case_get_regno (ls_case_view_get_case (view)), ==,
                   OPEN_CASE);

  ls_test_destroy_windows ();
}

static gboolean
case_title_is (gpointer data)
{
  GtkWidget *window = data;

  return ls_test_shows_text (case_list (window),
                             "Läkemedelslistan stämde inte.");
}

static void
test_follows_store (void)
{
  GtkWidget *window = open_window (1100, 720);
  LsStore *store = ls_application_get_store (app);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = NULL;
  g_autofree char *original = NULL;
  LsCaseView *view;

  select_case (window, OPEN_CASE);
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  ls_test_wait_until (case_view_loaded, view);

  /* A wizard saves: the list, the view and its history follow. */
  lcase = ls_store_find_case_by_regno (store, OPEN_CASE, &error);
  g_assert_no_error (error);
  original = g_strdup (ls_report_get_description (ls_case_get_report (lcase)));
  ls_report_set_description (ls_case_get_report (lcase),
                             "Läkemedelslistan stämde inte.");
  g_assert_true (ls_store_save_case (store, lcase, "Maria Lind", &error));
  g_assert_no_error (error);

  ls_test_wait_until (case_title_is, window);
  ls_test_wait_for_text (GTK_WIDGET (view), "Läkemedelslistan stämde inte.");
  g_assert_nonnull (ls_test_find_row (GTK_WIDGET (view), "What happened"));
  ls_test_wait_for_text (GTK_WIDGET (view), "What happened");

  ls_report_set_description (ls_case_get_report (lcase), original);
  g_assert_true (ls_store_save_case (store, lcase, "Maria Lind", &error));
  g_assert_no_error (error);
  ls_test_drain_events ();

  ls_test_destroy_windows ();
}

/* A preventive action due in a few days, so that the pictures show a
 * deadline as it nears. */
static void
add_preventive_action (void)
{
  LsStore *store = ls_application_get_store (app);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) due = g_date_time_add_days (now, 5);
  g_autofree char *due_on = g_date_time_format (due, "%Y-%m-%d");

  lcase = ls_store_find_case_by_regno (store, OPEN_CASE, &error);
  g_assert_no_error (error);
  ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
  ls_action_set_description (action, "Läkemedelslistan stäms av mot "
                                     "dosetten vid varje ändring.");
  ls_action_set_responsible (action, "Jonas Ahl");
  ls_action_set_due_on (action, due_on);
  g_list_store_append (ls_investigation_get_preventive_actions (
                           ls_case_get_investigation (lcase)),
                       action);
  g_assert_true (ls_store_save_case (store, lcase, "Lena Holm", &error));
  g_assert_no_error (error);
}

static gboolean
attention_filled (gpointer panel)
{
  return ls_attention_panel_get_n_cases (LS_ATTENTION_PANEL (panel)) > 0;
}

static void
test_screenshots (void)
{
  GtkWidget *window;
  LsCaseView *view;

  add_preventive_action ();
  window = open_window (1100, 720);
  ls_test_wait_for_text (case_list (window), "Due in 5 days");
  /* The window as it settles, with what needs attention counted. */
  ls_test_wait_until (
      attention_filled,
      ls_test_find_by_type (window, LS_TYPE_ATTENTION_PANEL, 0));

  select_case (window, OPEN_CASE);
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  ls_test_wait_until (case_view_loaded, view);
  ls_test_wait_for_text (GTK_WIDGET (view), "Case registered");
  g_free (ls_test_save_screenshot (window, "overview"));

  ls_test_use_dark (TRUE);
  ls_test_wait_for_frames (window, 2);
  g_free (ls_test_save_screenshot (window, "overview-dark"));
  ls_test_destroy_windows ();

  /* At 360 pixels the panes fold: the list first, the case on its own. */
  window = open_window (360, 720);
  g_assert_cmpint (gtk_widget_get_width (window), ==, 360);
  g_assert_true (adw_leaflet_get_folded (
      ADW_LEAFLET (ls_test_find_by_type (window, ADW_TYPE_LEAFLET, 0))));
  g_free (ls_test_save_screenshot (window, "overview-narrow-dark"));
  ls_test_use_dark (FALSE);
  ls_test_wait_for_frames (window, 2);
  g_free (ls_test_save_screenshot (window, "overview-narrow"));

  select_case (window, OPEN_CASE);
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  ls_test_wait_until (case_view_loaded, view);
  ls_test_wait_for_text (GTK_WIDGET (view), "Case registered");
  ls_test_wait_for_frames (window, 4);
  g_assert_true (ls_test_shows_text (window, "Back to the Cases") ||
                 gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_free (ls_test_save_screenshot (window, "overview-narrow-case"));
  ls_test_use_dark (FALSE);

  ls_test_destroy_windows ();
}

/* A closed case is read and reprinted: its investigation and its
 * notification open (read-only), and the view says when IVO was notified
 * and when the investigation was sent. */
static void
test_closed_case (void)
{
  GtkWidget *window = open_window (1100, 720);
  LsCaseView *view;
  GtkWindow *wizard;
  GtkWidget *text_view;

  select_case (window, CLOSED_CASE);
  view = LS_CASE_VIEW (ls_test_find_by_type (window, LS_TYPE_CASE_VIEW, 0));
  ls_test_wait_until (case_view_loaded, view);
  g_assert_cmpint (ls_case_get_status (ls_case_view_get_case (view)), ==,
                   LS_CASE_STATUS_CLOSED);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       ls_test_find_row (GTK_WIDGET (view), "IVO notified"))),
                   ==, "2026-03-06");
  g_assert_cmpstr (
      adw_action_row_get_subtitle (ADW_ACTION_ROW (
          ls_test_find_row (GTK_WIDGET (view), "Investigation sent to IVO"))),
      ==, "2026-03-24");
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_ancestor (
      ls_test_find_label (GTK_WIDGET (view), "Investigate"), GTK_TYPE_BUTTON)));
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_ancestor (
      ls_test_find_label (GTK_WIDGET (view), "Notify IVO"), GTK_TYPE_BUTTON)));
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *shot =
          g_strconcat ("overview-closed-case", ls_test_looks[i].suffix, NULL);

      ls_test_use_dark (ls_test_looks[i].dark);
      gtk_window_set_default_size (
          GTK_WINDOW (window),
          ls_test_looks[i].narrow ? LS_TEST_NARROW_WIDTH : 1100, 720);
      ls_test_wait_for_frames (window, 3);
      g_free (ls_test_save_screenshot (window, shot));
    }
  ls_test_use_dark (FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  ls_test_wait_for_frames (window, 3);

  /* Its investigation: every step readable, nothing editable. */
  gtk_widget_activate_action (GTK_WIDGET (view), "case.investigate", NULL);
  ls_test_wait_until ((LsTestCondition) ls_test_find_toplevel,
                      (gpointer) LS_TYPE_INVESTIGATION_WIZARD);
  wizard = GTK_WINDOW (ls_test_find_toplevel (LS_TYPE_INVESTIGATION_WIZARD));
  ls_test_wait_for_frames (GTK_WIDGET (wizard), 3);
  ls_wizard_set_page_name (LS_WIZARD (wizard), "other-findings");
  ls_test_wait_for_frames (GTK_WIDGET (wizard), 3);
  text_view = ls_test_find_by_type (
      GTK_WIDGET (ls_wizard_get_page (LS_WIZARD (wizard))), GTK_TYPE_TEXT_VIEW,
      0);
  g_assert_nonnull (text_view);
  g_assert_true (ls_wizard_get_read_only (LS_WIZARD (wizard)));
  g_assert_false (gtk_widget_is_sensitive (text_view));
  g_free (ls_test_save_screenshot (GTK_WIDGET (wizard),
                                   "investigation-closed-read-only"));
  ls_test_destroy_windows ();
}

static void
test_main_menu (void)
{
  GtkWidget *window = open_window (1100, 720);
  GtkPopover *popover = ls_test_open_main_menu (window);

  g_assert_true (ls_test_shows_text (GTK_WIDGET (popover), "Preferences"));
  gtk_popover_popdown (popover);

  ls_test_destroy_windows ();
}

static void
test_swedish (void)
{
  GtkWidget *window;
  GtkWidget *row;

  ls_test_use_language ("sv");

  window = open_window (1100, 720);
  row = find_case_row (window, OPEN_CASE);
  g_assert_true (ls_test_shows_text (row, "Under utredning"));
  row = find_case_row (window, CLOSED_CASE);
  g_assert_true (ls_test_shows_text (row, "Avslutat"));
  g_assert_true (ls_test_shows_text (window, "2 ärenden"));
  g_assert_true (ls_test_shows_text (window, "Behöver åtgärdas nu"));
  g_assert_false (ls_test_shows_text (window, "Needs Attention Now"));
  ls_test_wait_for_text (
      window, "Berätta för Erik Lund eller närstående vad som har hänt.");

  g_free (ls_test_save_screenshot (window, "overview-sv"));
  ls_test_destroy_windows ();
  ls_test_use_language ("en");
}

int
main (int argc, char *argv[])
{
  int status;

  ls_test_init_gtk (&argc, &argv);
  ls_test_use_title_buttons (NULL);

  example_db = ls_test_make_database ("overview", "docs/example.json");
  app = ls_test_start_app (example_db);

  g_test_add_func ("/overview/lists-cases", test_lists_cases);
  g_test_add_func ("/overview/filter-by-status", test_filter_by_status);
  g_test_add_func ("/overview/filter-by-unit", test_filter_by_unit);
  g_test_add_func ("/overview/sort", test_sort);
  g_test_add_func ("/overview/search", test_search);
  g_test_add_func ("/overview/case-row/texts", test_case_row_texts);
  g_test_add_func ("/overview/case-row/ellipsized", test_case_row_ellipsized);
  g_test_add_func ("/overview/case-row/order", test_case_row_order);
  g_test_add_func ("/overview/case-row/right-to-left",
                   test_case_row_right_to_left);
  g_test_add_func ("/overview/case-row/own-context", test_case_row_own_context);
  g_test_add_func ("/overview/case-view", test_case_view);
  g_test_add_func ("/overview/case-view/law", test_case_view_law);
  g_test_add_func ("/overview/enter-opens-case", test_enter_opens_case);
  g_test_add_func ("/overview/enter-on-attention", test_enter_on_attention);
  g_test_add_func ("/overview/requirement-opens-step",
                   test_requirement_opens_step);
  g_test_add_func ("/overview/attention", test_attention);
  g_test_add_func ("/overview/follows-store", test_follows_store);
  g_test_add_func ("/overview/screenshots", test_screenshots);
  g_test_add_func ("/overview/main-menu", test_main_menu);
  g_test_add_func ("/overview/closed-case", test_closed_case);
  g_test_add_func ("/overview/swedish", test_swedish);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (example_db);

  return status;
}
