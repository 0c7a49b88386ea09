/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>

#include "ls-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (LsApplication) app = NULL;

  /* glibc gives each thread that allocates its own arena, up to eight per
   * core, each keeping what it once held: the store's reader and writer
   * and the few GTask workers, which mostly wait on SQLite, held some
   * 4 MB resident that way at the start on 100,000 cases.  Two arenas, the
   * main loop's and one the workers share, cost them little waiting on
   * each other's allocations. */
  mallopt (M_ARENA_MAX, 2);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ls_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
