/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-paths"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ls-paths.h"

/* The records are sensitive personal data: the folder that holds them is
 * readable by its owner only. */
#define PRIVATE_DIR_MODE 0700

char *
ls_paths_dup_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "lexsarah", "lexsarah.db",
                           NULL);
}

gboolean
ls_paths_ensure_private_dir (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_mkdir_with_parents (path, PRIVATE_DIR_MODE) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not create the folder “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
