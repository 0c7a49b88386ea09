/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-window-search"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-window-search.h"

/* The search bar above the main window's list of cases, with its entry:
 * built once the window's first frame is drawn (an idle after its first
 * tick), or at once when the search is asked for before that (Ctrl+F, the
 * search button).  The first frame does not show it, and built with the
 * window a search bar is a revealer, a box and a close button with its
 * icon, each a CSS node styled and measured for that frame; and GTK 4.8
 * gives the entry's clear icon a tooltip, asking the X server where the
 * pointer is.  Typing into the window searches from when it is built
 * (the bar captures the window's keys while the list shows). */

struct _LsWindowSearch
{
  GtkWidget *window;
  GtkBox *box;
  GtkWidget *sibling; /* the bar goes after it in the box */
  GtkToggleButton *button;
  LsWindowSearchChanged changed;
  gpointer data;
  gulong toggled_id;
  guint tick_id;
  guint idle_id;
  gboolean capture;

  GtkSearchBar *bar; /* NULL until built */
  GtkWidget *entry;
};

static void
search_changed_cb (GtkSearchEntry *entry, LsWindowSearch *self)
{
  g_autofree char *text =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  self->changed (self->data, text);
}

static void
stop_search_cb (GtkSearchEntry *entry, LsWindowSearch *self)
{
  gtk_search_bar_set_search_mode (self->bar, FALSE);
}

/* Leaving the search shows every case again. */
static void
search_mode_changed_cb (GtkSearchBar *bar,
                        GParamSpec *pspec,
                        LsWindowSearch *self)
{
  if (!gtk_search_bar_get_search_mode (bar))
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
ensure_bar (LsWindowSearch *self)
{
  GtkWidget *entry;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->bar != NULL)
    return;

  entry = gtk_search_entry_new ();
  self->entry = entry;
  g_object_set (entry, "placeholder-text", _ ("Search all cases"), NULL);
  gtk_widget_set_hexpand (entry, TRUE);
  /* No pause after each key: a search takes a few milliseconds off the
   * main loop, and one typed after it cancels it. */
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Search all cases"), -1);
  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb),
                    self);
  g_signal_connect (entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  self->bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->bar, entry);
  gtk_search_bar_connect_entry (self->bar, GTK_EDITABLE (entry));
  gtk_box_insert_child_after (self->box, GTK_WIDGET (self->bar), self->sibling);
  g_signal_connect (self->bar, "notify::search-mode-enabled",
                    G_CALLBACK (search_mode_changed_cb), self);
  /* The button shows whether the bar is revealed, and reveals it. */
  g_clear_signal_handler (&self->toggled_id, self->button);
  g_object_bind_property (self->button, "active", self->bar,
                          "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  ls_window_search_set_key_capture (self, self->capture);
}

/* Pressed before the bar is built. */
static void
button_toggled_cb (GtkToggleButton *button, LsWindowSearch *self)
{
  if (gtk_toggle_button_get_active (button))
    ensure_bar (self);
}

static gboolean
idle_cb (gpointer user_data)
{
  LsWindowSearch *self = user_data;

  self->idle_id = 0;
  ensure_bar (self);
  return G_SOURCE_REMOVE;
}

/* At the start of the first frame: an idle runs once it is drawn, at the
 * low priority of the window's other work after that frame and after it
 * (what needs attention now starts its search from an idle of the same
 * priority added earlier).  The bar asks for the window to be laid out
 * and drawn again; at the default priority that frame came first and
 * held the search back: the panel was filled some 20 ms later at 100,000
 * cases. */
static gboolean
first_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  LsWindowSearch *self = user_data;

  self->tick_id = 0;
  if (self->bar == NULL && self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * ls_window_search_new:
 * @window: the window whose keys start a search
 * @box: where the search bar goes
 * @sibling: the child of @box that the search bar follows
 * @button: the toggle button that shows and hides the search bar
 * @changed: called when the words searched for change
 *
 * Returns: (transfer full): the search, freed with the window
 */
LsWindowSearch *
ls_window_search_new (GtkWidget *window,
                      GtkBox *box,
                      GtkWidget *sibling,
                      GtkToggleButton *button,
                      LsWindowSearchChanged changed,
                      gpointer data)
{
  LsWindowSearch *self = g_new0 (LsWindowSearch, 1);

  self->window = window;
  self->box = box;
  self->sibling = sibling;
  self->button = button;
  self->changed = changed;
  self->data = data;
  self->toggled_id = g_signal_connect (button, "toggled",
                                       G_CALLBACK (button_toggled_cb), self);
  self->tick_id =
      gtk_widget_add_tick_callback (window, first_tick_cb, self, NULL);
  return self;
}

void
ls_window_search_free (LsWindowSearch *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->window, self->tick_id);
  g_clear_signal_handler (&self->toggled_id, self->button);
  if (self->bar != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->bar, self);
      g_signal_handlers_disconnect_by_data (self->entry, self);
      gtk_search_bar_set_key_capture_widget (self->bar, NULL);
    }
  g_free (self);
}

/* Shows the search bar, built if it was not yet, and puts the focus in
 * its entry. */
void
ls_window_search_start (LsWindowSearch *self)
{
  ensure_bar (self);
  gtk_search_bar_set_search_mode (self->bar, TRUE);
  gtk_widget_grab_focus (self->entry);
}

/* Whether typing into the window searches: while the list of cases
 * shows. */
void
ls_window_search_set_key_capture (LsWindowSearch *self, gboolean capture)
{
  self->capture = capture;
  if (self->bar != NULL)
    gtk_search_bar_set_key_capture_widget (self->bar,
                                           capture ? self->window : NULL);
}
