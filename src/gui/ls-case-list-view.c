/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-list-view"

#include "config.h"

#include "ls-case-list-view.h"

/* A keystroke in the search draws a frame at once, with the letter typed;
 * the matches come from their thread a few milliseconds later, and GDK
 * draws no frame within 16 ms of the one before: the list would change a
 * frame after the letter.  So the frame after a new query waits for it,
 * a little, just before it is drawn. */

/* How long a frame waits for the matches, in microseconds: the list is
 * drawn in about as long again, within the 16 ms of a frame at 60 Hz.  A
 * slower search is shown in the frame after. */
#define FRAME_WAIT_US 8000

/* A new query's list is shown from its first row.  GTK 4.8's list view
 * otherwise keeps its place by a row that the new list may not have, and
 * may show the end of the few rows it is given (see the window's
 * count_rows_to_fill), which is a scroll: the window would give it fifty
 * rows more at each keystroke (grow_list), and make their rows in the frame
 * that should show the matches.  A list whose first rows stay keeps its
 * place by them, and is left so. */
static void
first_rows_changed_cb (GListModel *cases,
                       guint position,
                       guint removed,
                       guint added,
                       GtkWidget *view)
{
  if (position == 0)
    gtk_widget_activate_action (view, "list.scroll-to-item", "u", 0);
}

static void
query_applied_cb (LsCaseList *cases, GParamSpec *pspec, GtkWidget *view)
{
  g_signal_handlers_disconnect_by_func (cases, query_applied_cb, view);
  g_signal_handlers_disconnect_by_func (cases, first_rows_changed_cb, view);
}

static void
before_paint_cb (GdkFrameClock *clock, LsCaseList *cases)
{
  g_signal_handlers_disconnect_by_func (clock, before_paint_cb, cases);
  ls_case_list_apply_pending_query (cases, FRAME_WAIT_US);
}

/**
 * ls_case_list_view_apply_in_next_frame:
 * @view: the widget that shows @cases
 * @cases: a list whose query has just been changed with
 *   ls_case_list_set_query_async()
 *
 * Lets the next frame of @view show the query's result, if its thread has
 * it within a few milliseconds; it still comes when its task returns
 * otherwise.  Either way @view shows it from its first row.
 */
void
ls_case_list_view_apply_in_next_frame (GtkWidget *view, LsCaseList *cases)
{
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (LS_IS_CASE_LIST (cases));

  /* At the top already, while the view still measures the rows it had:
   * the few rows it is given then seem no scroll near their end. */
  if (GTK_IS_SCROLLABLE (view))
    gtk_adjustment_set_value (
        gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), 0);
  if (g_signal_handler_find (cases, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                             0, 0, NULL, query_applied_cb, view) == 0)
    {
      g_signal_connect_object (cases, "items-changed",
                               G_CALLBACK (first_rows_changed_cb), view, 0);
      g_signal_connect_object (cases, "notify::query-serial",
                               G_CALLBACK (query_applied_cb), view, 0);
    }
  clock = gtk_widget_get_frame_clock (view);
  if (clock == NULL ||
      g_signal_handler_find (clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                             0, 0, NULL, before_paint_cb, cases) != 0)
    return;
  g_signal_connect_object (clock, "before-paint", G_CALLBACK (before_paint_cb),
                           cases, 0);
  /* A frame even if nothing else asked for one. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}
