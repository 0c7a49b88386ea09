/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*LsAnnounceReady) (GtkWidget *widget);

void ls_announce_when_drawn (GtkWidget *widget,
                             const char *line,
                             LsAnnounceReady ready);

G_END_DECLS
