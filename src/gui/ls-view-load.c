/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-view-load"

#include "config.h"

#include "ls-view-load.h"

/* What the statistics, the digest and the follow-ups views do alike when
 * they read from the store off the main loop. */

/**
 * ls_view_load_init:
 * @view: the view that holds @load
 * @loading_pspec: @view's boolean "loading" property
 * @stack: shows its "loading" page while the first call runs, and its
 *   "error" page, @error_page, when a call fails
 *
 * Sets @load up, once, after @view's template is made.
 */
void
ls_view_load_init (LsViewLoad *load,
                   gpointer view,
                   GParamSpec *loading_pspec,
                   GtkSpinner *spinner,
                   GtkStack *stack,
                   AdwStatusPage *error_page,
                   LsViewLoadFinish finish,
                   LsViewLoadShow show)
{
  *load = (LsViewLoad){
    .view = view,
    .loading_pspec = loading_pspec,
    .spinner = spinner,
    .stack = stack,
    .error_page = error_page,
    .finish = finish,
    .show = show,
  };
}

static void
set_loading (LsViewLoad *load, gboolean loading)
{
  if (load->loading == loading)
    return;
  load->loading = loading;
  gtk_spinner_set_spinning (load->spinner, loading);
  g_object_notify_by_pspec (load->view, load->loading_pspec);
}

/**
 * ls_view_load_start:
 * @show_page: whether the view shows its "loading" page meanwhile, rather
 *   than what it shows
 *
 * Cancels the last call, if it still runs, and starts telling that one
 * runs.  The caller starts the store's call with the cancellable returned,
 * ls_view_load_ready() as its callback and @load as its data: the view is
 * kept until it is ready.
 *
 * Returns: (transfer none): the new call's cancellable
 */
GCancellable *
ls_view_load_start (LsViewLoad *load, gboolean show_page)
{
  ls_view_load_cancel (load);
  load->cancellable = g_cancellable_new ();
  g_object_ref (load->view);
  set_loading (load, TRUE);
  if (show_page)
    gtk_stack_set_visible_child_name (load->stack, "loading");
  return load->cancellable;
}

/**
 * ls_view_load_ready:
 *
 * The callback of a call ls_view_load_start() started: shows its result,
 * or its error; nothing when it was cancelled.
 */
void
ls_view_load_ready (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsViewLoad *load = user_data;
  /* The reference ls_view_load_start() took keeps @load. */
  g_autoptr (GObject) view = load->view;
  g_autoptr (GError) error = NULL;
  gpointer made = load->finish (LS_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (made == NULL)
    {
      adw_status_page_set_description (load->error_page, error->message);
      gtk_stack_set_visible_child_name (load->stack, "error");
    }
  load->show (view, made);
  set_loading (load, FALSE);
}

/**
 * ls_view_load_cancel:
 *
 * Cancels the call that runs, if one does; for the view's dispose.
 */
void
ls_view_load_cancel (LsViewLoad *load)
{
  g_cancellable_cancel (load->cancellable);
  g_clear_object (&load->cancellable);
}
