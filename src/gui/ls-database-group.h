/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LS_TYPE_DATABASE_GROUP (ls_database_group_get_type ())

G_DECLARE_FINAL_TYPE (
    LsDatabaseGroup, ls_database_group, LS, DATABASE_GROUP, AdwPreferencesGroup)

GtkWidget *ls_database_group_new (const char *location);

G_END_DECLS
