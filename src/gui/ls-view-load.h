/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-store.h"

G_BEGIN_DECLS

/* The _finish of the store's call a view loads with. */
typedef gpointer (*LsViewLoadFinish) (LsStore *store,
                                      GAsyncResult *result,
                                      GError **error);

/* Shows @result, which it takes, in @view; %NULL when the call failed
 * and its error is shown on the error page. */
typedef void (*LsViewLoadShow) (gpointer view, gpointer result);

/* A view's one call to the store at a time: a newer one cancels the
 * last, a spinner and the view's "loading" property tell that it runs,
 * and its error shows on the view's error page. Held in the view. */
typedef struct
{
  GObject *view;
  GParamSpec *loading_pspec;
  GtkSpinner *spinner;
  GtkStack *stack;
  AdwStatusPage *error_page;
  LsViewLoadFinish finish;
  LsViewLoadShow show;

  GCancellable *cancellable;
  gboolean loading;
} LsViewLoad;

/* clang-format off */
void          ls_view_load_init   (LsViewLoad       *load,
                                   gpointer          view,
                                   GParamSpec       *loading_pspec,
                                   GtkSpinner       *spinner,
                                   GtkStack         *stack,
                                   AdwStatusPage    *error_page,
                                   LsViewLoadFinish  finish,
                                   LsViewLoadShow    show);
GCancellable *ls_view_load_start  (LsViewLoad       *load,
                                   gboolean          show_page);
void          ls_view_load_ready  (GObject          *source,
                                   GAsyncResult     *result,
                                   gpointer          user_data);
void          ls_view_load_cancel (LsViewLoad       *load);
/* clang-format on */

G_END_DECLS
