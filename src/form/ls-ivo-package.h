/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-attachment.h"
#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
gboolean  ls_ivo_package_write   (LsStore            *store,
                                  const char         *regno,
                                  const char *const  *chosen,
                                  const char         *folder,
                                  GStrv              *written,
                                  GError            **error);
gboolean  ls_ivo_package_is_choosable (GPtrArray       *attachments,
                                       guint            index);
gboolean  ls_ivo_package_takes   (LsAttachment       *attachment);
/* clang-format on */

G_END_DECLS
