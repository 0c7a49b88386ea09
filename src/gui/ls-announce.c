/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-announce"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "ls-announce.h"

/* For a benchmark that starts the whole app and measures it from outside,
 * as a manager feels it: with LEXSARAH_ANNOUNCE_FD=N in the environment, a
 * line is written to file descriptor N after the first frame in which a
 * part of the window is drawn ready, "rows-shown" for the list of cases,
 * "attention-filled" for what needs attention now.  Without the variable
 * nothing is watched at all. */

#define ANNOUNCE_FD_VARIABLE "LEXSARAH_ANNOUNCE_FD"

typedef struct
{
  GtkWidget *widget; /* owns the watch */
  char *line;
  LsAnnounceReady ready;
  GdkFrameClock *clock;
  gulong paint_id;
} Watch;

static int
announce_fd (void)
{
  static gsize initialised = 0;
  static int fd = -1;

  if (g_once_init_enter (&initialised))
    {
      const char *value = g_getenv (ANNOUNCE_FD_VARIABLE);
      guint64 n = 0;

      if (value != NULL &&
          g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &n, NULL))
        fd = (int) n;
      g_once_init_leave (&initialised, 1);
    }
  return fd;
}

static void
watch_free (Watch *watch)
{
  if (watch->clock != NULL)
    {
      g_clear_signal_handler (&watch->paint_id, watch->clock);
      g_clear_object (&watch->clock);
    }
  g_free (watch->line);
  g_free (watch);
}

static void
after_paint_cb (GdkFrameClock *clock, Watch *watch)
{
  g_autofree char *text = NULL;
  gsize done = 0;
  gsize length;

  if (!watch->ready (watch->widget))
    return;

  text = g_strconcat (watch->line, "\n", NULL);
  length = strlen (text);
  while (done < length)
    {
      gssize n = write (announce_fd (), text + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += n;
    }
  /* Once only: frees the watch. */
  g_object_set_data (G_OBJECT (watch->widget), watch->line, NULL);
}

static void
realize_cb (GtkWidget *widget, Watch *watch)
{
  g_signal_handlers_disconnect_by_func (widget, realize_cb, watch);
  watch->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  watch->paint_id = g_signal_connect (watch->clock, "after-paint",
                                      G_CALLBACK (after_paint_cb), watch);
}

/**
 * ls_announce_when_drawn:
 * @widget: the part of the window
 * @line: what to announce, also the key of the watch on @widget
 * @ready: whether @widget shows what @line says, asked after every frame
 *
 * Announces @line after the first frame drawn when @ready says yes, when
 * the environment asks for it.
 */
void
ls_announce_when_drawn (GtkWidget *widget,
                        const char *line,
                        LsAnnounceReady ready)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (line != NULL && ready != NULL);

  if (announce_fd () < 0)
    return;

  watch = g_new0 (Watch, 1);
  watch->widget = widget;
  watch->line = g_strdup (line);
  watch->ready = ready;
  g_object_set_data_full (G_OBJECT (widget), watch->line, watch,
                          (GDestroyNotify) watch_free);
  if (gtk_widget_get_realized (widget))
    realize_cb (widget, watch);
  else
    g_signal_connect (widget, "realize", G_CALLBACK (realize_cb), watch);
}
