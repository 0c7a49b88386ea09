/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-context.h"

G_BEGIN_DECLS

#define LS_TYPE_PREFERENCES_WINDOW (ls_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LsPreferencesWindow,
                      ls_preferences_window,
                      LS,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LsPreferencesWindow *ls_preferences_window_new (LsContext *context);

G_END_DECLS
