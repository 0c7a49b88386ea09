/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-enums.h"
#include "ls-journal-item.h"

G_BEGIN_DECLS

#define LS_TYPE_JOURNAL_VIEW (ls_journal_view_get_type ())

G_DECLARE_FINAL_TYPE (
    LsJournalView, ls_journal_view, LS, JOURNAL_VIEW, AdwPreferencesGroup)

/* clang-format off */
GtkWidget *ls_journal_view_new         (void);
LsPoints   ls_journal_view_get_point   (LsJournalView *self);
void       ls_journal_view_set_point   (LsJournalView *self,
                                        LsPoints       point);
void       ls_journal_view_bind        (LsJournalView *self,
                                        GListStore    *journal);
guint      ls_journal_view_get_n_shown (LsJournalView *self);
void       ls_journal_view_set_locked  (LsJournalView *self,
                                        gboolean       locked);
/* clang-format on */

G_END_DECLS
