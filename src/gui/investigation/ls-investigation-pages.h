/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-item-list.h"
#include "ls-journal-view.h"
#include "ls-wizard-page.h"

G_BEGIN_DECLS

/* What the investigation's pages share. */

/* clang-format off */
LsJournalView *ls_investigation_add_journal (LsWizardPage        *page);
void           ls_investigation_load_journal (LsJournalView      *view,
                                              LsCase             *lcase);
void           ls_investigation_watch_list  (LsWizardPage        *page,
                                             LsItemList          *list);
void           ls_investigation_add_fact    (AdwPreferencesGroup *group,
                                             GPtrArray           *rows,
                                             const char          *title,
                                             const char          *value);
/* clang-format on */

G_END_DECLS
