/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-spinner"

#include "config.h"

#include "ls-spinner.h"

/* A spinner that spins only when the wait lasts: most waits of the app
 * (opening the database, finding what needs attention) end within a few
 * frames, and a spinner that flashes for them says nothing.  Nor is its
 * icon, an SVG of the icon theme, loaded then: loading it loads librsvg
 * and its loader, some 9 MB of the app's memory. */

#define DELAY_MS 500
#define KEY "ls-spinner-start"

static gboolean
start_cb (gpointer user_data)
{
  GtkSpinner *spinner = user_data;

  /* The source ends here: the data's destroy must not remove it. */
  g_object_steal_data (G_OBJECT (spinner), KEY);
  gtk_spinner_start (spinner);
  return G_SOURCE_REMOVE;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/**
 * ls_spinner_start_later:
 *
 * Starts @spinner if ls_spinner_stop() is not called within a moment.
 */
void
ls_spinner_start_later (GtkSpinner *spinner)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  if (gtk_spinner_get_spinning (spinner) ||
      g_object_get_data (G_OBJECT (spinner), KEY) != NULL)
    return;
  g_object_set_data_full (
      G_OBJECT (spinner), KEY,
      GUINT_TO_POINTER (g_timeout_add (DELAY_MS, start_cb, spinner)),
      remove_source);
}

/**
 * ls_spinner_stop:
 *
 * Stops @spinner, or keeps it from starting.
 */
void
ls_spinner_stop (GtkSpinner *spinner)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  g_object_set_data (G_OBJECT (spinner), KEY, NULL);
  gtk_spinner_stop (spinner);
}
