/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-toast"

#include "config.h"

#include "ls-toast.h"

/**
 * ls_toast_show:
 * @widget: the widget the toast is about
 * @toast: (transfer floating): what to say, such as that a save failed
 *
 * Shows @toast in the toast overlay of the window @widget is in.  A part
 * of a window cannot know the window's overlay, and a widget not yet in
 * one has nobody to tell: the toast is then dropped.
 */
void
ls_toast_show (GtkWidget *widget, AdwToast *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}
