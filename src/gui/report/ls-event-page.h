/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_EVENT_PAGE (ls_event_page_get_type ())

G_DECLARE_FINAL_TYPE (LsEventPage, ls_event_page, LS, EVENT_PAGE, LsWizardPage)

G_END_DECLS
