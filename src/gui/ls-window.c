/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-a11y.h"
#include "ls-announce.h"
#include "ls-attention-panel.h"
#include "ls-case-list-view.h"
#include "ls-case-list.h"
#include "ls-case-row.h"
#include "ls-case-view.h"
#include "ls-enum-types.h"
#include "ls-follow-ups-view.h"
#include "ls-labels.h"
#include "ls-names.h"
#include "ls-people-window.h"
#include "ls-rows.h"
#include "ls-setup-page.h"
#include "ls-statistics-view.h"
#include "ls-window-pages.h"
#include "ls-window-search.h"
#include "ls-window.h"
#include "ls-wizards.h"

/* The case overview: the cases on the left (filtered, searched, sorted by
 * the store, a page at a time), and on the right what needs attention now
 * or the case chosen.  Before that, while the database opens, when it was
 * refused, or on the first run, the window shows that instead. */

/* GTK 4.8's list view makes a row for up to 200 items at once, and anew
 * whenever the list changes, as it does at every search.  So it is given
 * only the first cases, enough to fill the list (see count_rows_to_fill),
 * and MORE_ROWS more whenever the view does not reach that far, or is
 * scrolled within a screen of the end (see grow_list). */
#define MORE_ROWS 50
/* No row of the list is lower than this, in pixels. */
#define MIN_ROW_HEIGHT 60
/* What stands above the list in the sidebar is never lower than this:
 * the header bar (47 pixels at least in Adwaita) and the row of what needs
 * attention (50). */
#define SIDEBAR_TOP_HEIGHT 97

static const struct
{
  const char *nick;
  LsStoreOrder order;
  const char *label;
} orders[] = {
  { "updated", LS_STORE_ORDER_UPDATED, N_ ("Last Changed") },
  { "received", LS_STORE_ORDER_RECEIVED, N_ ("Date Received") },
  { "deadline", LS_STORE_ORDER_DEADLINE, N_ ("Next Deadline") },
  { "regno", LS_STORE_ORDER_REGNO, N_ ("Registration Number") },
};

struct _LsWindow
{
  AdwApplicationWindow parent_instance;

  LsApplication *application;
  GSettings *settings;
  gulong store_handler;
  gulong error_handler;
  gulong organisation_handler;

  LsStore *store;
  LsOrganisation *organisation;
  LsContext *context; /* while a store is attached */
  LsCaseList *cases;
  GtkSliceListModel *slice;
  GtkSingleSelection *selection;
  LsCaseView *case_view;
  LsAttentionPanel *attention_panel;
  LsSetupPage *setup_page;
  GCancellable *query_cancellable;
  guint grow_id;
  gboolean selecting;

  char *status_filter;
  char *unit_filter;
  char *search_text;
  LsStoreOrder order;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwBin *setup_bin;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  AdwWindowTitle *list_title;
  AdwHeaderBar *content_header;
  AdwWindowTitle *content_title;
  GtkWidget *back_button; /* made when the window first folds */
  GtkWidget *new_report_button;
  GtkWidget *search_button;
  GtkMenuButton *filter_button;
  GtkMenuButton *sidebar_menu_button;
  GMenuModel *primary_menu; /* read when first needed */
  GtkWidget *list_header;
  LsWindowSearch *search; /* its bar made after the first frame */
  GtkListBox *attention_list;
  GtkLabel *attention_count;
  GtkStack *list_stack;
  GtkListView *case_list;
  GtkStack *content_stack;
};

G_DEFINE_FINAL_TYPE (LsWindow, ls_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_state (LsWindow *self);

static gboolean
filters_active (LsWindow *self)
{
  return self->status_filter != NULL || self->unit_filter != NULL ||
         self->search_text != NULL;
}

static void
show_toast (LsWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---- The list's title, count and empty states ---------------------------- */

static void
update_list_title (LsWindow *self)
{
  g_autoptr (GString) subtitle = g_string_new (NULL);
  guint n;

  if (self->cases == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  /* A search stops counting at its limit: counting every match of a
   * common word would take longer than a keystroke may. */
  if (ls_case_list_get_limited (self->cases))
    /* Translators: the number is the most a search shows, "More than
     * 1,000 cases"; %'u writes it with the locale's thousands separator. */
    g_string_printf (subtitle, _ ("More than %'u cases"),
                     (guint) LS_CASE_LIST_SEARCH_LIMIT);
  else
    g_string_printf (subtitle, ngettext ("%u case", "%u cases", n), n);
  if (self->status_filter != NULL)
    g_string_append_printf (subtitle, " · %s",
                            ls_labels_status (self->status_filter));
  if (self->unit_filter != NULL)
    g_string_append_printf (
        subtitle, " · %s",
        ls_labels_unit_name (self->organisation, self->unit_filter));
  /* A search shows only the newest matches of a common word. */
  if (ls_case_list_get_limited (self->cases))
    g_string_append_printf (subtitle, " · %s", _ ("Newest Matches"));
  adw_window_title_set_subtitle (self->list_title, subtitle->str);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    n > 0 ? "list" : "no-match");
}

static void
update_attention_count (LsWindow *self)
{
  guint n = ls_attention_panel_get_n_cases (self->attention_panel);
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *label = NULL;

  gtk_label_set_text (self->attention_count, text);
  gtk_widget_set_visible (GTK_WIDGET (self->attention_count), n > 0);

  label = g_strdup_printf (ngettext ("Needs attention now: %u case",
                                     "Needs attention now: %u cases", n),
                           n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (
                                      GTK_WIDGET (self->attention_list))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* ---- The content pane ---------------------------------------------------- */

static void
show_attention (LsWindow *self)
{
  gtk_stack_set_visible_child (self->content_stack,
                               GTK_WIDGET (self->attention_panel));
  adw_window_title_set_title (self->content_title, _ ("Needs Attention Now"));
  self->selecting = TRUE;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->selecting = FALSE;
}

static void
update_content_title (LsWindow *self)
{
  LsCase *lcase;

  if (self->case_view == NULL ||
      gtk_stack_get_visible_child (self->content_stack) !=
          GTK_WIDGET (self->case_view))
    return;
  lcase = ls_case_view_get_case (self->case_view);
  adw_window_title_set_title (self->content_title,
                              lcase != NULL && ls_case_get_regno (lcase)
                                  ? ls_case_get_regno (lcase)
                                  : "");
}

/* Made when the first case is chosen, not with the window: the window's
 * first frame needs only the list. */
static void
ensure_case_view (LsWindow *self)
{
  if (self->case_view != NULL)
    return;
  self->case_view = ls_case_view_new (self->context);
  g_signal_connect_swapped (self->case_view, "notify::case",
                            G_CALLBACK (update_content_title), self);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->case_view),
                       "case");
}

static void
show_case (LsWindow *self, const char *uuid, gboolean navigate)
{
  ensure_case_view (self);
  ls_case_view_show_case (self->case_view, uuid);
  gtk_stack_set_visible_child (self->content_stack,
                               GTK_WIDGET (self->case_view));
  update_content_title (self);
  if (navigate)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
selection_changed_cb (LsWindow *self)
{
  LsCaseSummary *summary =
      gtk_single_selection_get_selected_item (self->selection);

  /* A refresh of the list drops the selection; the case stays shown. */
  if (self->selecting || summary == NULL)
    return;
  show_case (self, ls_case_summary_get_uuid (summary), TRUE);
}

/* Enter on a case in the list (or a double click) opens it, as Space and
 * a click do by choosing it; a case chosen already is shown again. */
static void
case_list_activate_cb (LsWindow *self, guint position)
{
  g_autoptr (LsCaseSummary) summary = NULL;

  if (gtk_single_selection_get_selected (self->selection) != position)
    {
      gtk_single_selection_set_selected (self->selection, position);
      return;
    }
  summary = g_list_model_get_item (G_LIST_MODEL (self->slice), position);
  if (summary != NULL)
    show_case (self, ls_case_summary_get_uuid (summary), TRUE);
}

/* After a refresh, mark the shown case again if it is among the first
 * rows; searching all 100,000 for it is not worth it. */
static void
reselect_shown_case (LsWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->slice);
  guint n = MIN (g_list_model_get_n_items (model), 200);
  const char *uuid;

  if (self->case_view == NULL ||
      gtk_stack_get_visible_child (self->content_stack) !=
          GTK_WIDGET (self->case_view))
    return;
  uuid = ls_case_view_get_uuid (self->case_view);
  if (uuid == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsCaseSummary) summary = g_list_model_get_item (model, i);

      if (summary != NULL &&
          g_strcmp0 (ls_case_summary_get_uuid (summary), uuid) == 0)
        {
          self->selecting = TRUE;
          gtk_single_selection_set_selected (self->selection, i);
          self->selecting = FALSE;
          return;
        }
    }
}

static void
cases_changed_cb (LsWindow *self)
{
  update_list_title (self);
  reselect_shown_case (self);
  update_state (self);
}

static void
attention_case_activated_cb (LsWindow *self, const char *uuid)
{
  show_case (self, uuid, TRUE);
}

/* ---- List rows ----------------------------------------------------------- */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem *item,
              LsWindow *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (ls_case_row_new ()));
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem *item,
             LsWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  ls_case_row_set_summary (LS_CASE_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item), self->organisation,
                           now);
}

/* ---- Queries ------------------------------------------------------------- */

static void
query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ls_case_list_set_query_finish (LS_CASE_LIST (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  update_list_title (self);
}

/* As many rows as fill the list, as high as it is or, before its first
 * frame, as the window is less what stands above the list: each a row the
 * first frame makes and draws, and the window's height alone made a third
 * more than it shows.  (Measuring what stands above would lay out its
 * text at other widths than the frame does, and cost more than the rows
 * it saves.) */
static guint
count_rows_to_fill (LsWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->case_list));
  int width;

  if (height <= 0)
    {
      /* GTK 4.8 wants both. */
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      height -= SIDEBAR_TOP_HEIGHT;
    }
  return MAX (height, 0) / MIN_ROW_HEIGHT + 1;
}

/* Gives the list view more rows when it needs them: scrolled within a
 * screen of the end of those it has, or made taller than they reach.
 * Scrolling through 100,000 cases never makes more than a few dozen rows
 * at a time, and the first frame makes only those it shows. */
static void
grow_list (LsWindow *self, gboolean scrolled)
{
  GtkAdjustment *adjustment;
  double ahead;
  guint shown;
  guint total;

  if (self->slice == NULL)
    return;
  adjustment =
      gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->case_list));
  shown = gtk_slice_list_model_get_size (self->slice);
  total = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  if (shown >= total || gtk_adjustment_get_page_size (adjustment) <= 0)
    return;
  ahead = scrolled ? gtk_adjustment_get_page_size (adjustment) : 0;
  if (gtk_adjustment_get_value (adjustment) +
          gtk_adjustment_get_page_size (adjustment) + ahead <
      gtk_adjustment_get_upper (adjustment))
    return;
  gtk_slice_list_model_set_size (self->slice, shown + MORE_ROWS);
}

static void
list_scrolled_cb (LsWindow *self)
{
  grow_list (self, TRUE);
}

static gboolean
grow_list_idle_cb (gpointer user_data)
{
  LsWindow *self = user_data;

  self->grow_id = 0;
  grow_list (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The view's size changes while the list view is being allocated, and
 * GTK 4.8's list view makes no rows for items added then: they are added
 * just after, when the main loop is next idle. */
static void
list_resized_cb (LsWindow *self)
{
  if (self->grow_id == 0)
    self->grow_id = g_idle_add (grow_list_idle_cb, self);
}

/* The count and the first page come from a worker thread, so typing in
 * the search never waits for the database. */
static void
run_query (LsWindow *self)
{
  LsStoreQuery query = { self->status_filter, self->unit_filter,
                         self->search_text, FALSE, self->order };

  if (self->cases == NULL)
    return;
  /* A new query starts at the top, with few rows to remake. */
  gtk_slice_list_model_set_size (self->slice, count_rows_to_fill (self));
  if (self->query_cancellable != NULL)
    g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();
  ls_case_list_set_query_async (self->cases, &query, self->query_cancellable,
                                query_done_cb, self);
  ls_case_list_view_apply_in_next_frame (GTK_WIDGET (self->case_list),
                                         self->cases);
}

static void
replace_filter (char **field, const char *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static void
search_changed_cb (gpointer data, const char *text)
{
  LsWindow *self = data;

  if (g_strcmp0 (text, self->search_text != NULL ? self->search_text : "") == 0)
    return;
  replace_filter (&self->search_text, text);
  run_query (self);
}

static void
filter_status_change_cb (GSimpleAction *action,
                         GVariant *value,
                         gpointer user_data)
{
  LsWindow *self = user_data;

  g_simple_action_set_state (action, value);
  replace_filter (&self->status_filter, g_variant_get_string (value, NULL));
  run_query (self);
}

static void
filter_unit_change_cb (GSimpleAction *action,
                       GVariant *value,
                       gpointer user_data)
{
  LsWindow *self = user_data;

  g_simple_action_set_state (action, value);
  replace_filter (&self->unit_filter, g_variant_get_string (value, NULL));
  run_query (self);
}

static void
sort_change_cb (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  LsWindow *self = user_data;
  const char *nick = g_variant_get_string (value, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    if (g_str_equal (orders[i].nick, nick))
      {
        g_simple_action_set_state (action, value);
        self->order = orders[i].order;
        run_query (self);
        return;
      }
}

/* The menu names the organisation's units, so it is built again when they
 * change; like every menu of the window, only when it is first opened,
 * since a popover menu is many widgets. */
static GMenu *
dup_filter_menu (LsWindow *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) statuses = g_menu_new ();
  g_autoptr (GMenu) units = g_menu_new ();
  g_autoptr (GMenu) sorts = g_menu_new ();
  GListModel *unit_list = NULL;
  const LsChoice *status_names;
  guint n_statuses;

  /* In the order of the workflow. */
  status_names = ls_names_get (LS_TYPE_CASE_STATUS, &n_statuses);
  g_menu_append (statuses, _ ("All Statuses"), "win.filter-status::");
  for (guint i = 0; i < n_statuses; i++)
    {
      g_autoptr (GMenuItem) item =
          g_menu_item_new (_ (status_names[i].name), NULL);

      g_menu_item_set_action_and_target (item, "win.filter-status", "s",
                                         status_names[i].id);
      g_menu_append_item (statuses, item);
    }
  g_menu_append_section (menu, _ ("Status"), G_MENU_MODEL (statuses));

  g_menu_append (units, _ ("All Units"), "win.filter-unit::");
  if (self->organisation != NULL)
    unit_list = G_LIST_MODEL (ls_organisation_get_units (self->organisation));
  for (guint i = 0;
       unit_list != NULL && i < g_list_model_get_n_items (unit_list); i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (unit_list, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (
          ls_unit_get_name (unit) ? ls_unit_get_name (unit) : "", NULL);

      g_menu_item_set_action_and_target (item, "win.filter-unit", "s",
                                         ls_unit_get_id (unit));
      g_menu_append_item (units, item);
    }
  g_menu_append_section (menu, _ ("Unit"), G_MENU_MODEL (units));

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ (orders[i].label), NULL);

      g_menu_item_set_action_and_target (item, "win.sort", "s", orders[i].nick);
      g_menu_append_item (sorts, item);
    }
  g_menu_append_section (menu, _ ("Sort By"), G_MENU_MODEL (sorts));
  return menu;
}

/* The main menu, read when first opened or shown on a page of its own:
 * the first frame of the list does not show it. */
static GMenuModel *
get_primary_menu (LsWindow *self)
{
  if (self->primary_menu == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (
          "/com/example/LexSarah/gui/ls-window-menu.ui");

      self->primary_menu = g_object_ref (
          G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
    }
  return self->primary_menu;
}

static void
build_filter_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  g_autoptr (GMenu) menu = dup_filter_menu (user_data);

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* A narrow window's list header leaves its room to the title, "Cases"
 * and how many: Filter and Sort moves into the main menu. */
static void
build_sidebar_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  LsWindow *self = user_data;
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenu) filter = NULL;

  if (!adw_leaflet_get_folded (self->leaflet))
    {
      gtk_menu_button_set_menu_model (button, get_primary_menu (self));
      return;
    }
  menu = g_menu_new ();
  filter = dup_filter_menu (self);
  g_menu_append_submenu (menu, _ ("Filter and Sort"), G_MENU_MODEL (filter));
  g_menu_append_section (menu, NULL, get_primary_menu (self));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* ---- Actions ------------------------------------------------------------- */

static void
new_report_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LsWindow *self = user_data;

  if (self->context == NULL || self->organisation == NULL)
    return;
  ls_wizards_open (GTK_WINDOW (self), self->context, NULL, LS_STEP_REPORT,
                   LS_POINT_NONE);
}

static void
show_statistics_cb (GSimpleAction *action,
                    GVariant *parameter,
                    gpointer user_data)
{
  LsWindow *self = user_data;
  LsStatisticsView *view;

  if (self->store == NULL || self->organisation == NULL)
    return;
  view = ls_statistics_view_new (self->store, self->organisation);
  gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (view));
}

static void
show_follow_ups_cb (GSimpleAction *action,
                    GVariant *parameter,
                    gpointer user_data)
{
  LsWindow *self = user_data;
  LsFollowUpsView *view;

  if (self->context == NULL || self->organisation == NULL)
    return;
  view = ls_follow_ups_view_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (view));
}

static void
people_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LsWindow *self = user_data;

  if (self->context == NULL || self->organisation == NULL)
    return;
  gtk_window_present (GTK_WINDOW (ls_people_window_new (
      GTK_WINDOW (self), ls_context_get_store (self->context),
      self->organisation)));
}

static void
search_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LsWindow *self = user_data;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                 "cases") != 0)
    return;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  ls_window_search_start (self->search);
}

static void
show_attention_cb (GSimpleAction *action,
                   GVariant *parameter,
                   gpointer user_data)
{
  LsWindow *self = user_data;

  if (self->attention_panel == NULL)
    return;
  show_attention (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* F10 opens the main menu of the page shown: each page has its own header
 * bar, and a "primary" menu button on a hidden page would take the key. */
static void
show_menu_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LsWindow *self = user_data;
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  GtkMenuButton *button = NULL;

  if (g_strcmp0 (page, "cases") == 0)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
      button = self->sidebar_menu_button;
    }
  else if (page != NULL)
    button = ls_window_pages_get_menu_button (self->main_stack, page);
  if (button != NULL)
    gtk_menu_button_popup (button);
}

/* The keyboard shortcuts window is built when first asked for, not with
 * every window as GTK does with a gtk/help-overlay.ui: its many widgets
 * would delay each window's first frame.  It is then the window's help
 * overlay, kept for the next time. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant *parameter,
                      gpointer user_data)
{
  GtkApplicationWindow *self = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (self);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (
          "/com/example/LexSarah/gtk/shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (
          gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (self, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
back_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  LsWindow *self = user_data;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static const GActionEntry win_actions[] = {
  { "new-report", new_report_cb },
  { "show-statistics", show_statistics_cb },
  { "show-follow-ups", show_follow_ups_cb },
  { "people", people_cb },
  { "search", search_cb },
  { "show-attention", show_attention_cb },
  { "back", back_cb },
  { "show-menu", show_menu_cb },
  { "show-help-overlay", show_help_overlay_cb },
  { "filter-status", NULL, "s", "''", filter_status_change_cb },
  { "filter-unit", NULL, "s", "''", filter_unit_change_cb },
  { "sort", NULL, "s", "'updated'", sort_change_cb },
};

static void
set_action_enabled (LsWindow *self, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* The way back to the list shows only while the window is folded: a
 * window that never folds needs no back button, and its first frame does
 * not make one. */
static void
ensure_back_button (LsWindow *self)
{
  const char *name = _ ("Back to the Cases");
  GtkWidget *button;

  if (self->back_button != NULL)
    return;
  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.back");
  g_object_bind_property (self->leaflet, "folded", button, "visible",
                          G_BINDING_SYNC_CREATE);
  adw_header_bar_pack_start (self->content_header, button);
  self->back_button = button;
}

static void
folded_changed_cb (LsWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), !folded);
  gtk_menu_button_set_menu_model (self->sidebar_menu_button, NULL);
  if (folded)
    ensure_back_button (self);
  /* Unfolded, both panes show and the case list keeps its selection
   * visible; folded, the list comes first. */
  if (!folded)
    return;
  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* ---- Following the application ------------------------------------------ */

static void
detach_store (LsWindow *self)
{
  if (self->query_cancellable != NULL)
    g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  gtk_list_view_set_model (self->case_list, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->cases != NULL)
    g_signal_handlers_disconnect_by_data (self->cases, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->cases);
  /* Their loads may still be running and keep them alive a moment: they
   * must not speak to this window any more. */
  if (self->case_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->case_view, self);
      gtk_stack_remove (self->content_stack, GTK_WIDGET (self->case_view));
    }
  if (self->attention_panel != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->attention_panel, self);
      gtk_stack_remove (self->content_stack,
                        GTK_WIDGET (self->attention_panel));
    }
  self->case_view = NULL;
  self->attention_panel = NULL;
  /* Preferences may keep the context a while longer. */
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->store);
}

/* An organisation saved in the context (by Preferences) is everyone's. */
static void
context_organisation_cb (LsWindow *self)
{
  ls_application_adopt_organisation (
      self->application, self->store,
      ls_context_get_organisation (self->context));
}

static void
attach_store (LsWindow *self, LsStore *store)
{
  self->store = g_object_ref (store);
  self->context = ls_context_new (store, self->organisation, self->settings);
  g_signal_connect_swapped (self->context, "notify::organisation",
                            G_CALLBACK (context_organisation_cb), self);
  self->cases = ls_case_list_new (store);
  if (self->order != LS_STORE_ORDER_UPDATED)
    ls_case_list_set_order (self->cases, self->order);
  self->slice = gtk_slice_list_model_new (
      g_object_ref (G_LIST_MODEL (self->cases)), 0, count_rows_to_fill (self));
  self->selection =
      gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection,
                                     GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->cases, "notify::n-items",
                            G_CALLBACK (cases_changed_cb), self);
  g_signal_connect_swapped (self->cases, "items-changed",
                            G_CALLBACK (reselect_shown_case), self);
  gtk_list_view_set_model (self->case_list,
                           GTK_SELECTION_MODEL (self->selection));

  self->attention_panel = ls_attention_panel_new (self->context);
  g_signal_connect_swapped (self->attention_panel, "notify::n-cases",
                            G_CALLBACK (update_attention_count), self);
  g_signal_connect_swapped (self->attention_panel, "case-activated",
                            G_CALLBACK (attention_case_activated_cb), self);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->attention_panel),
                       "attention");
  show_attention (self);
  update_attention_count (self);
  update_list_title (self);
}

static void
set_organisation (LsWindow *self, LsOrganisation *organisation)
{
  if (!g_set_object (&self->organisation, organisation))
    return;

  gtk_menu_button_set_menu_model (self->filter_button, NULL);
  gtk_menu_button_set_menu_model (self->sidebar_menu_button, NULL);
  if (self->context != NULL)
    ls_context_set_organisation (self->context, organisation);
  /* Rows name units: bind them again. */
  if (self->selection != NULL)
    {
      gtk_list_view_set_model (self->case_list, NULL);
      gtk_list_view_set_model (self->case_list,
                               GTK_SELECTION_MODEL (self->selection));
    }
  update_list_title (self);
}

static void
update_state (LsWindow *self)
{
  const GError *error = ls_application_get_store_error (self->application);
  LsStore *store = ls_application_get_store (self->application);
  const char *page;
  gboolean ready = FALSE;

  if (store != self->store)
    {
      detach_store (self);
      set_organisation (self,
                        ls_application_get_organisation (self->application));
      if (store != NULL)
        attach_store (self, store);
    }
  else
    set_organisation (self,
                      ls_application_get_organisation (self->application));

  if (error != NULL)
    {
      ls_window_pages_show_error (
          self->main_stack, get_primary_menu (self), error,
          ls_application_get_database_path (self->application));
      page = "error";
    }
  else if (store == NULL)
    page = "loading";
  else if (ls_application_needs_setup (self->application))
    {
      if (self->setup_page == NULL)
        {
          self->setup_page = ls_setup_page_new (self->application);
          adw_bin_set_child (self->setup_bin, GTK_WIDGET (self->setup_page));
        }
      page = "setup";
    }
  else
    {
      ready = TRUE;
      page = g_list_model_get_n_items (G_LIST_MODEL (self->cases)) == 0 &&
                     !filters_active (self)
                 ? "empty"
                 : "cases";
    }

  /* The setup is done once: its page goes with it. */
  if (self->setup_page != NULL && g_strcmp0 (page, "setup") != 0)
    {
      adw_bin_set_child (self->setup_bin, NULL);
      self->setup_page = NULL;
    }

  ls_window_pages_set_loading (self->main_stack,
                               g_strcmp0 (page, "loading") == 0);

  /* In a shared database only a receiver files a report. */
  set_action_enabled (self, "new-report",
                      ready && ls_store_may (store, LS_STORE_RIGHT_FILE));
  set_action_enabled (self, "people", ready);
  set_action_enabled (self, "search", ready);
  ls_window_search_set_key_capture (self->search,
                                    g_strcmp0 (page, "cases") == 0);
  /* The list and the setup are the window's own pages. */
  if (g_strcmp0 (page, "cases") != 0 && g_strcmp0 (page, "setup") != 0)
    ls_window_pages_ensure (self->main_stack, page, get_primary_menu (self));
  /* The page shown once the database has opened comes at once: a fade
   * from the loading page draws both into images of the window's size at
   * each of its frames, the whole window twice, while what needs attention
   * waits for the processor; and the heap keeps those 5 MB resident for
   * the rest of the run. */
  gtk_stack_set_visible_child_full (
      self->main_stack, page,
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                 "loading") == 0
          ? GTK_STACK_TRANSITION_TYPE_NONE
          : gtk_stack_get_transition_type (self->main_stack));
}

/* Whether the list of cases is drawn with its rows, for a benchmark of
 * the start (see ls-announce.c). */
static gboolean
rows_shown (GtkWidget *widget)
{
  LsWindow *self = LS_WINDOW (widget);
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->case_list));

  return self->slice != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (self->slice)) > 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                    "cases") == 0 &&
         row != NULL && gtk_widget_get_mapped (row);
}

/* ---- GObject ------------------------------------------------------------- */

/* GtkWindow sets its application after construction: the window follows
 * it from then on. */
static void
application_set_cb (LsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->application != NULL || !LS_IS_APPLICATION (app))
    return;
  self->application = g_object_ref (LS_APPLICATION (app));
  self->settings =
      g_object_ref (ls_application_get_settings (self->application));

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);

  self->store_handler = g_signal_connect_swapped (
      self->application, "notify::store", G_CALLBACK (update_state), self);
  self->error_handler =
      g_signal_connect_swapped (self->application, "notify::store-error",
                                G_CALLBACK (update_state), self);
  self->organisation_handler =
      g_signal_connect_swapped (self->application, "notify::organisation",
                                G_CALLBACK (update_state), self);
  update_state (self);
}

static void
ls_window_dispose (GObject *object)
{
  LsWindow *self = LS_WINDOW (object);

  if (self->application != NULL)
    {
      g_clear_signal_handler (&self->store_handler, self->application);
      g_clear_signal_handler (&self->error_handler, self->application);
      g_clear_signal_handler (&self->organisation_handler, self->application);
    }
  g_clear_handle_id (&self->grow_id, g_source_remove);
  g_clear_pointer (&self->search, ls_window_search_free);
  detach_store (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_WINDOW);
  self->back_button = NULL; /* the header bar's */
  g_clear_object (&self->organisation);
  g_clear_object (&self->settings);
  g_clear_object (&self->primary_menu);
  g_clear_object (&self->application);
  g_clear_pointer (&self->status_filter, g_free);
  g_clear_pointer (&self->unit_filter, g_free);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (ls_window_parent_class)->dispose (object);
}

static void
ls_window_class_init (LsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_window_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, setup_bin);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, LsWindow,
                                        new_report_button);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LsWindow,
                                        sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, list_header);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, attention_list);
  gtk_widget_class_bind_template_child (widget_class, LsWindow,
                                        attention_count);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, case_list);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0,
                                       "win.show-menu", NULL);
}

static void
ls_window_init (LsWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;

  self->order = LS_STORE_ORDER_UPDATED;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Hidden while their tooltips were set (see ls-window.ui). */
  gtk_widget_set_visible (self->new_report_button, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_menu_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), TRUE);
  gtk_widget_set_visible (self->search_button, TRUE);
  ls_rows_activate_on_enter (GTK_WINDOW (self));
  ls_a11y_name_once (GTK_WIDGET (self));
  /* The list never scrolls sideways, yet GTK 4.8 styles and measures
   * its scroller's horizontal scrollbar, four CSS nodes, for the first
   * frame, and only keeps it from being drawn. */
  gtk_widget_set_visible (
      gtk_scrolled_window_get_hscrollbar (GTK_SCROLLED_WINDOW (
          gtk_widget_get_parent (GTK_WIDGET (self->case_list)))),
      FALSE);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  gtk_list_view_set_factory (self->case_list, factory);
  g_signal_connect_swapped (self->case_list, "activate",
                            G_CALLBACK (case_list_activate_cb), self);

  g_signal_connect (self, "notify::application",
                    G_CALLBACK (application_set_cb), NULL);
  g_signal_connect_swapped (
      gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->case_list)),
      "value-changed", G_CALLBACK (list_scrolled_cb), self);
  g_signal_connect_swapped (
      gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->case_list)),
      "changed", G_CALLBACK (list_resized_cb), self);
  self->search = ls_window_search_new (
      GTK_WIDGET (self), GTK_BOX (self->sidebar), self->list_header,
      GTK_TOGGLE_BUTTON (self->search_button), search_changed_cb, self);
  gtk_menu_button_set_create_popup_func (self->filter_button,
                                         build_filter_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button,
                                         build_sidebar_menu_cb, self, NULL);
  ls_window_pages_fill_when_shown (self->list_stack, "no-match");
  ls_announce_when_drawn (GTK_WIDGET (self), "rows-shown", rows_shown);
}

LsWindow *
ls_window_new (LsApplication *application)
{
  g_return_val_if_fail (LS_IS_APPLICATION (application), NULL);

  return g_object_new (LS_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ls_window_get_context:
 *
 * Returns: (transfer none) (nullable): the context the window works in,
 *   %NULL while no database is open
 */
LsContext *
ls_window_get_context (LsWindow *self)
{
  g_return_val_if_fail (LS_IS_WINDOW (self), NULL);

  return self->context;
}
