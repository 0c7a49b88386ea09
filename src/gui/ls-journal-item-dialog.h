/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-journal-item.h"

G_BEGIN_DECLS

#define LS_TYPE_JOURNAL_ITEM_DIALOG (ls_journal_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LsJournalItemDialog,
                      ls_journal_item_dialog,
                      LS,
                      JOURNAL_ITEM_DIALOG,
                      AdwWindow)

/* clang-format off */
LsJournalItemDialog *ls_journal_item_dialog_new          (GtkWindow           *parent,
                                                          LsPoints             points,
                                                          LsJournalItem       *corrects,
                                                          const char          *author_name,
                                                          const char          *author_title);
LsJournalItem       *ls_journal_item_dialog_get_item     (LsJournalItemDialog *self);
gboolean             ls_journal_item_dialog_apply        (LsJournalItemDialog *self);
/* clang-format on */

G_END_DECLS
