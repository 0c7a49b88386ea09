/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-application.h"

G_BEGIN_DECLS

#define LS_TYPE_SETUP_PAGE (ls_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (LsSetupPage, ls_setup_page, LS, SETUP_PAGE, AdwBin)

LsSetupPage *ls_setup_page_new (LsApplication *application);

G_END_DECLS
