/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ls-application.h"
#include "ls-attention-panel.h"
#include "ls-case-list.h"
#include "ls-case-row.h"
#include "ls-core-test.h"
#include "ls-labels.h"
#include "ls-spinner.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-window.h"

/* The overview on more cases than it shows at once: more than a search
 * lists, and more than "needs attention now" names.  The example's
 * organisation with N_CASES numbered cases, each with something due. */

#define N_CASES (LS_CASE_LIST_SEARCH_LIMIT + 1)
/* Cases "needs attention now" names at most, and shows until asked to
 * show them all (ls-attention-panel.c). */
#define MAX_ATTENTION 50
#define SHOWN_ATTENTION 8

static LsApplication *app;

static char *
make_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (0);
  g_autoptr (LsStore) store = NULL;
  char *path = ls_test_make_database ("many-cases", NULL);
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (document), "cases");

  for (guint n = 1; n <= N_CASES; n++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (n);

      json_array_add_object_element (cases, ls_case_to_json (lcase));
    }
  store = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (
      ls_store_import_document (store, document, "Test", NULL, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
attention_loaded (gpointer data)
{
  return !ls_attention_panel_get_loading (LS_ATTENTION_PANEL (data));
}

/* What needs attention at @index, as the store orders it. */
static LsAttentionItem *
dup_attention_item (guint index)
{
  LsStore *store = ls_application_get_store (app);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsOrganisation) organisation =
      ls_store_load_organisation (store, &error);
  g_autoptr (GPtrArray) items = NULL;

  g_assert_no_error (error);
  items =
      ls_store_list_attention_items (store, organisation, index + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, index + 1);
  return g_object_ref (items->pdata[index]);
}

/* The title of the group of what needs attention at @index. */
static char *
dup_group_title (guint index)
{
  g_autoptr (LsAttentionItem) item = dup_attention_item (index);

  return g_strdup_printf ("%s · %s", ls_attention_item_get_regno (item),
                          g_strcmp0 (ls_attention_item_get_unit (item),
                                     LS_CORE_TEST_UNIT_LINDEN) == 0
                              ? "Gruppbostaden Linden"
                              : "Solgårdens vård- och omsorgsboende");
}

/* The deadline of the most urgent thing the case at @index asks, as its
 * row says it. */
static char *
dup_first_deadline (guint index)
{
  g_autoptr (LsAttentionItem) item = dup_attention_item (index);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  LsRequirement *requirement =
      ls_attention_item_get_requirements (item)->pdata[0];
  LsUrgency urgency;

  g_assert_nonnull (ls_requirement_get_due (requirement));
  return ls_labels_deadline (ls_requirement_get_due (requirement), now,
                             &urgency);
}

/* The titles of the cases' groups below @root, top to bottom. */
static void
collect_group_titles (GtkWidget *root, GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (root))
    {
      /* The title's values are isolated: read it as it reads. */
      char *title = ls_test_dup_plain (
          adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)));

      if (g_str_has_prefix (title, "VON-2026-"))
        {
          g_ptr_array_add (titles, title);
          return;
        }
      g_free (title);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_group_titles (child, titles);
}

static guint
count_groups (GtkWidget *root)
{
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  collect_group_titles (root, titles);
  return titles->len;
}

/* The group titled @title among those below @root. */
static GtkWidget *
find_group (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root))
    {
      g_autofree char *plain = ls_test_dup_plain (
          adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)));

      if (g_strcmp0 (plain, title) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The panel names the most it names, the soonest due first, though it
 * shows only the first few until asked for all, Enter on "Show All" as a
 * click: then the last as well as the first, and the focus on the first
 * case that was left out. */
static void
test_attention (void)
{
  GtkWidget *window = ls_test_open_window (app, 1100, 720);
  GtkWidget *panel = ls_test_find_by_type (window, LS_TYPE_ATTENTION_PANEL, 0);
  g_autofree char *first = dup_group_title (0);
  g_autofree char *last_shown = dup_group_title (SHOWN_ATTENTION - 1);
  g_autofree char *left_out = dup_group_title (SHOWN_ATTENTION);
  g_autofree char *last = dup_group_title (MAX_ATTENTION - 1);
  g_autofree char *beyond = dup_group_title (MAX_ATTENTION);
  g_autofree char *show_all =
      g_strdup_printf ("Show All %u Cases", MAX_ATTENTION);
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row;
  GtkWidget *focus;

  g_assert_nonnull (panel);
  ls_test_wait_until (attention_loaded, panel);
  g_assert_cmpuint (ls_attention_panel_get_n_cases (LS_ATTENTION_PANEL (panel)),
                    ==, MAX_ATTENTION);
  g_assert_cmpuint (count_groups (panel), ==, SHOWN_ATTENTION);
  g_assert_true (ls_test_shows_text (panel, first));
  g_assert_true (ls_test_shows_text (panel, last_shown));
  g_assert_false (ls_test_shows_text (panel, left_out));
  g_assert_true (ls_test_shows_text (panel, show_all));
  /* In the store's order, each with its deadline. */
  collect_group_titles (panel, titles);
  g_assert_cmpuint (titles->len, ==, SHOWN_ATTENTION);
  for (guint i = 0; i < SHOWN_ATTENTION; i++)
    {
      g_autofree char *expected = dup_group_title (i);
      g_autofree char *deadline = dup_first_deadline (i);
      GtkWidget *group = find_group (panel, expected);

      g_assert_cmpstr (titles->pdata[i], ==, expected);
      g_assert_nonnull (group);
      g_assert_true (ls_test_shows_text (group, deadline));
    }

  row = ls_test_find_row (panel, show_all);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (ls_test_press_key (window, GDK_KEY_Return, 0));
  ls_test_wait_until (attention_loaded, panel);
  g_assert_cmpuint (count_groups (panel), ==, MAX_ATTENTION);
  g_assert_true (ls_test_shows_text (panel, first));
  g_assert_true (ls_test_shows_text (panel, left_out));
  g_assert_true (ls_test_shows_text (panel, last));
  g_assert_false (ls_test_shows_text (panel, beyond));
  g_assert_false (ls_test_shows_text (panel, show_all));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, find_group (panel, left_out)));
  g_free (ls_test_save_screenshot (window, "many-cases-attention"));
  ls_test_destroy_windows ();
}

typedef struct
{
  GtkWidget *window;
  const char *subtitle;
  const char *text;
} Expected;

/* The list's title, "Cases", above the list. */
static AdwWindowTitle *
find_list_title (GtkWidget *window)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *title =
          ls_test_find_by_type (window, ADW_TYPE_WINDOW_TITLE, i);

      g_assert_nonnull (title);
      if (g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (title)),
                     "Cases") == 0)
        return ADW_WINDOW_TITLE (title);
    }
}

static gboolean
subtitle_is (gpointer data)
{
  Expected *expected = data;

  return g_strcmp0 (
             adw_window_title_get_subtitle (find_list_title (expected->window)),
             expected->subtitle) == 0;
}

static gboolean
shows_expected_text (gpointer data)
{
  Expected *expected = data;

  return ls_test_shows_text (expected->window, expected->text);
}

/* A search stops counting at its limit and says "more than". */
static void
test_search_capped (void)
{
  GtkWidget *window = ls_test_open_window (app, 1100, 720);
  GtkWidget *entry;
  g_autofree char *all = g_strdup_printf ("%u cases", (guint) N_CASES);
  /* With the locale's thousands separator, none in the tests' C locale. */
  g_autofree char *more = g_strdup_printf ("More than %'u cases · Newest "
                                           "Matches",
                                           (guint) LS_CASE_LIST_SEARCH_LIMIT);
  Expected expected = { window, all, NULL };

  ls_test_wait_until (subtitle_is, &expected);

  /* The entry is made once the window is drawn, or when asked for. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  entry = ls_test_find_by_type (window, GTK_TYPE_SEARCH_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "VON-2026");
  expected.subtitle = more;
  ls_test_wait_until (subtitle_is, &expected);
  g_assert_cmpstr (more, ==, "More than 1000 cases · Newest Matches");

  /* A filter on top: the list holds every match that passes it, the
   * oldest too, and counts them. */
  g_action_group_change_action_state (
      G_ACTION_GROUP (window), "filter-unit",
      g_variant_new_string (LS_CORE_TEST_UNIT_LINDEN));
  expected.subtitle = "501 cases · Gruppbostaden Linden";
  ls_test_wait_until (subtitle_is, &expected);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "sort",
                                      g_variant_new_string ("regno"));
  expected.text = "VON-2026-00001";
  ls_test_wait_until (shows_expected_text, &expected);
  g_assert_false (ls_test_shows_text (window, "VON-2026-00002"));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "filter-unit",
                                      g_variant_new_string (""));
  expected.subtitle = more;
  ls_test_wait_until (subtitle_is, &expected);

  gtk_editable_set_text (GTK_EDITABLE (entry), "VON-2026-00005");
  expected.subtitle = "1 case";
  ls_test_wait_until (subtitle_is, &expected);
  g_assert_true (ls_test_shows_text (window, "VON-2026-00005"));
  ls_test_destroy_windows ();
}

static gboolean
spinning (gpointer data)
{
  return gtk_spinner_get_spinning (GTK_SPINNER (data));
}

/* ---- The window's first frame ------------------------------------------ */

typedef struct
{
  GtkWidget *window;
  GtkWidget *list;
  gboolean drawn;
  int list_height;
  int row_height;
  guint rows;
  gulong paint_id;
} FirstFrame;

static void
first_paint_cb (GdkFrameClock *clock, FirstFrame *first)
{
  GtkWidget *row = ls_test_find_by_type (first->list, LS_TYPE_CASE_ROW, 0);

  if (first->drawn || row == NULL || !gtk_widget_get_mapped (row))
    return;
  first->drawn = TRUE;
  first->list_height = gtk_widget_get_height (first->list);
  /* The list's own row around the case's. */
  first->row_height = gtk_widget_get_height (gtk_widget_get_parent (row));
  for (GtkWidget *child = gtk_widget_get_first_child (first->list);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (LS_IS_CASE_ROW (gtk_widget_get_first_child (child)))
      first->rows++;
}

static void
first_realize_cb (GtkWidget *window, FirstFrame *first)
{
  first->paint_id =
      g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                        G_CALLBACK (first_paint_cb), first);
}

static gboolean
first_drawn (gpointer data)
{
  FirstFrame *first = data;

  return first->drawn;
}

/* The first frame of a new window shows the list full, with few rows made
 * that it does not show: a row is made, bound and drawn for each. */
static void
test_first_frame_rows (void)
{
  FirstFrame first = { 0 };

  first.window = GTK_WIDGET (ls_window_new (app));
  first.list = ls_test_find_by_type (first.window, GTK_TYPE_LIST_VIEW, 0);
  g_signal_connect (first.window, "realize", G_CALLBACK (first_realize_cb),
                    &first);
  gtk_window_present (GTK_WINDOW (first.window));
  ls_test_wait_until (first_drawn, &first);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (first.window),
                               first.paint_id);

  g_assert_cmpint (first.row_height, >, 0);
  /* Full to its bottom ... */
  g_assert_cmpint ((int) first.rows * first.row_height, >=, first.list_height);
  /* ... and at most two rows below it: the window's height less what
   * stands above the list, in rows as low as a row can be with any font
   * (where it made four). */
  g_assert_cmpint (
      first.rows, <=,
      (first.list_height + first.row_height - 1) / first.row_height + 2);
  ls_test_destroy_windows ();
}

/* A search typed into a list scrolled down shows its matches from the
 * first, and the list is given only the rows that fill it again, not
 * more for a scroll that the new list's few rows would seem to be. */
static void
test_search_from_top (void)
{
  GtkWidget *window = ls_test_open_window (app, 1100, 720);
  g_autofree char *all = g_strdup_printf ("%u cases", (guint) N_CASES);
  Expected expected = { window, all, NULL };
  GtkWidget *list;
  GtkAdjustment *adjustment;
  GtkSliceListModel *slice;
  GtkWidget *entry;

  ls_test_wait_until (subtitle_is, &expected);
  list = ls_test_find_by_type (window, GTK_TYPE_LIST_VIEW, 0);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  slice = GTK_SLICE_LIST_MODEL (gtk_single_selection_get_model (
      GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)))));
  for (guint i = 0; i < 3; i++)
    {
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_value (adjustment) +
                                    gtk_adjustment_get_page_size (adjustment));
      ls_test_wait_for_frames (window, 2);
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  entry = ls_test_find_by_type (window, GTK_TYPE_SEARCH_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "fallolycka");
  expected.subtitle = "200 cases";
  ls_test_wait_until (subtitle_is, &expected);
  ls_test_wait_for_frames (window, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  /* Fewer than the fifty more a scroll near the end gives it. */
  g_assert_cmpuint (gtk_slice_list_model_get_size (slice), <, 50);
  expected.text = "VON-2026-01000";
  g_assert_true (shows_expected_text (&expected));
  ls_test_destroy_windows ();
}

static GtkWidget *
find_back_button (GtkWidget *window)
{
  GtkWidget *widget;

  for (guint n = 0;
       (widget = ls_test_find_by_type (window, GTK_TYPE_BUTTON, n)) != NULL;
       n++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Back to the Cases") ==
        0)
      return widget;
  return NULL;
}

/* The sidebar's buttons show, each with its tooltip, though their
 * tooltips are set while they are hidden; the content's back button only
 * when the window is folded. */
static void
test_header_buttons (void)
{
  static const char *const names[] = { "New Report", "Main Menu",
                                       "Filter and Sort", "Search" };
  GtkWidget *window = ls_test_open_window (app, 1100, 720);
  GtkWidget *back = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *button = NULL;

      for (guint n = 0; button == NULL; n++)
        {
          GtkWidget *widget = ls_test_find_by_type (window, GTK_TYPE_WIDGET, n);

          g_assert_nonnull (widget);
          if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), names[i]) == 0)
            button = widget;
        }
      g_assert_true (gtk_widget_get_visible (button));
      g_assert_true (gtk_widget_get_has_tooltip (button));
      g_assert_true (gtk_widget_get_mapped (button));
    }

  /* Made only when the window folds. */
  g_assert_null (find_back_button (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 720);
  ls_test_wait_for_frames (window, 3);
  back = find_back_button (window);
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_has_tooltip (back));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (back)), ==,
                   "win.back");
  /* Unfolded again, it hides; folded, it is the same button. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  ls_test_wait_for_frames (window, 3);
  g_assert_false (gtk_widget_get_visible (back));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 720);
  ls_test_wait_for_frames (window, 3);
  g_assert_true (find_back_button (window) == back);
  g_assert_true (gtk_widget_get_visible (back));
  ls_test_destroy_windows ();
}

/* A spinner spins only when the wait lasts, and a wait that ended before
 * shows none. */
static void
test_spinner_waits (void)
{
  g_autoptr (GtkWidget) spinner = g_object_ref_sink (gtk_spinner_new ());

  ls_spinner_start_later (GTK_SPINNER (spinner));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  ls_test_wait_until (spinning, spinner);
  ls_spinner_stop (GTK_SPINNER (spinner));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  ls_spinner_start_later (GTK_SPINNER (spinner));
  ls_spinner_stop (GTK_SPINNER (spinner));
  ls_test_run_for (1000);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  int status;

  ls_test_init_gtk (&argc, &argv);
  path = make_database ();
  app = ls_test_start_app (path);

  g_test_add_func ("/many-cases/attention", test_attention);
  g_test_add_func ("/many-cases/search-capped", test_search_capped);
  g_test_add_func ("/many-cases/search-from-top", test_search_from_top);
  g_test_add_func ("/many-cases/spinner-waits", test_spinner_waits);
  g_test_add_func ("/many-cases/first-frame-rows", test_first_frame_rows);
  g_test_add_func ("/many-cases/header-buttons", test_header_buttons);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
