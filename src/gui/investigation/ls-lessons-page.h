/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_LESSONS_PAGE (ls_lessons_page_get_type ())

G_DECLARE_FINAL_TYPE (
    LsLessonsPage, ls_lessons_page, LS, LESSONS_PAGE, LsWizardPage)

G_END_DECLS
